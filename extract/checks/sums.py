"""Sum checks, and the vocabulary every check shares.

A check reads a sequence of normalised observations and yields ``CheckResult``s naming the
positions involved; it never raises and never changes an observation. Only reported and nil
values (nil = 0) take part; a sum whose inputs include a suppressed, illegible, missing or
not-applicable value is skipped (it cannot be verified). Arithmetic is exact (``Fraction``), so
no float noise decides a mismatch.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from typing import Protocol

from extract.codes import EntityScope, Flag, Status, Unit
from extract.model import Observation
from extract.normalise.identities import Identities

SUM_MISMATCH = Flag.SUM_MISMATCH
COUNT_UNITS = frozenset({Unit.COUNT, Unit.PERSONS})

# (table_id, entity_scope, municipality_code, period, law_area, provision)
GroupKey = tuple[str, str | None, int | None, str | None, str | None, str | None]


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One failed identity: the flag code, a report line, and the observation positions."""

    code: Flag
    message: str
    indices: tuple[int, ...]
    table_id: str
    page: int | None


class Check(Protocol):
    """A validation check: observations in, results out (never raises)."""

    name: str
    code: Flag
    description: str

    def run(self, observations: Sequence[Observation]) -> Iterable[CheckResult]: ...


def exact_value(obs: Observation) -> Fraction | None:
    """The value of a reported or nil observation as an exact fraction; None if unusable."""
    if obs.status == Status.NIL:
        value = 0.0 if obs.value is None else obs.value
    elif obs.status == Status.REPORTED and obs.value is not None:
        value = obs.value
    else:
        return None
    return exact_number(value)


@lru_cache(maxsize=8192)  # values repeat (0, 1, small counts); a Fraction is slow to make
def exact_number(value: float) -> Fraction | None:
    """A finite number as an exact fraction (as printed: 37.9 is 379/10); None if not finite."""
    if not math.isfinite(value):
        return None
    if float(value).is_integer():  # most values: a fast exact path
        return Fraction(int(value))
    return Fraction(repr(float(value)))


def part_value(obs: Observation) -> Fraction | None:
    """A part of a sum: like ``exact_value``, but a row or column that did not exist yet
    ("-" read as not applicable, e.g. Barnets lov before 2024) adds nothing."""
    if obs.status == Status.NOT_APPLICABLE:
        return Fraction(0)
    return exact_value(obs)


@lru_cache(maxsize=16)
def half_unit(decimals: int) -> Fraction:
    """Half of the last printed digit: the rounding tolerance of a value with ``decimals``."""
    return Fraction(1, 2 * 10 ** max(decimals, 0))


def fmt(value: Fraction) -> str:
    """A number for a report line: integers as such, others with at most two decimals."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.2f}".rstrip("0").rstrip(".")


class Placed(Protocol):
    """Anything that says where a value belongs: an ``Observation`` or a ``Record``."""

    @property
    def entity_scope(self) -> str | None: ...
    @property
    def municipality(self) -> str | None: ...
    @property
    def provision(self) -> str | None: ...
    @property
    def law_label(self) -> str | None: ...
    @property
    def law_area(self) -> str | None: ...
    @property
    def period(self) -> str | None: ...


def place(obs: Placed) -> str:
    """Where a value belongs, for report lines: municipality, provision or law, period."""
    national = "Hele landet" if obs.entity_scope == EntityScope.NATIONAL else None
    what = obs.provision or obs.law_label or obs.law_area
    return " ".join(part for part in (obs.municipality or national, what, obs.period) if part)


def result(
    code: Flag, message: str, observations: Sequence[Observation], main: int, others: Iterable[int]
) -> CheckResult:
    """A result located at observation ``main``, flagging it and ``others``."""
    obs = observations[main]
    indices = tuple(sorted({main, *others}))
    return CheckResult(
        code, f"{message} (table {obs.table_id})", indices, obs.table_id, obs.cell.page
    )


@dataclass(frozen=True, slots=True)
class Operand:
    """One usable measure of a cell group: its exact value and its positions."""

    measure: str
    value: Fraction
    indices: tuple[int, ...]
    decimals: int


@dataclass(frozen=True, slots=True)
class CellGroup:
    """The observations sharing a table, entity, period, law area and provision, by measure."""

    key: GroupKey
    observations: Sequence[Observation]
    by_measure: Mapping[str, tuple[int, ...]]
    # each measure's value once worked out (several checks ask for the same ones)
    _values: dict[str, Fraction | None] = field(default_factory=dict, compare=False, repr=False)
    _operands: dict[str, Operand | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def first(self) -> Observation:
        return self.observations[next(iter(self.by_measure.values()))[0]]

    def _value(self, measure: str) -> Fraction | None:
        """The measure's value; None if any copy is unusable or the copies disagree."""
        if measure not in self._values:
            first, *more = (exact_value(self.observations[i]) for i in self.by_measure[measure])
            # (most measures have one copy: no set of Fractions to hash)
            self._values[measure] = first if not more or set(more) == {first} else None
        return self._values[measure]

    def get(self, measure: str) -> Operand | None:
        """The measure's operand; None if it is absent or unusable (worked out once)."""
        if measure in self._operands:
            return self._operands[measure]
        operand = self._operand(measure)
        self._operands[measure] = operand
        return operand

    def _operand(self, measure: str) -> Operand | None:
        indices = self.by_measure.get(measure)
        value = self._value(measure) if indices else None
        if not indices or value is None:
            return None
        decimals = min(self.observations[i].decimals for i in indices)
        return Operand(measure, value, indices, decimals)

    def has_all(self, measures: Iterable[str]) -> bool:
        """Whether every measure is present (usable or not)."""
        return all(m in self.by_measure for m in measures)

    def blocked(self, measures: Iterable[str]) -> bool:
        """Whether any of the measures is present but unusable (cannot verify)."""
        return any(m in self.by_measure and self._value(m) is None for m in measures)

    def take(self, measures: Iterable[str]) -> list[Operand] | None:
        """Operands for all measures, or None unless every one is present and usable."""
        operands = [self.get(m) for m in measures]
        usable = [op for op in operands if op is not None]
        return usable if len(usable) == len(operands) else None


class _Grouping:
    """Which observations share a cell group, kept compactly (a group number per position,
    the positions ordered by group): the groups themselves are made as they are asked for,
    so a table of a million values never holds them all."""

    def __init__(self, observations: Sequence[Observation]) -> None:
        import numpy as np

        numbers: dict[GroupKey, int] = {}
        groups = array(
            "q", (numbers.setdefault(_group_key(obs), len(numbers)) for obs in observations)
        )
        self.keys = list(numbers)
        by_group = np.frombuffer(groups, dtype=np.int64) if groups else np.zeros(0, np.int64)
        self.order = np.argsort(by_group, kind="stable")
        self.starts = np.r_[0, np.cumsum(np.bincount(by_group, minlength=len(self.keys)))]

    def groups(self, observations: Sequence[Observation]) -> Iterator[CellGroup]:
        """The cell groups in the order their first observation comes."""
        for number, key in enumerate(self.keys):
            by_measure: dict[str, list[int]] = {}
            members = self.order[self.starts[number] : self.starts[number + 1]].tolist()
            for i in members:
                by_measure.setdefault(observations[i].measure, []).append(i)
            yield CellGroup(key, observations, {m: tuple(ix) for m, ix in by_measure.items()})


# How the observations checked last are grouped: the checks of one table ask in turn
# (another or a longer sequence misses).
_LAST: list[tuple[Sequence[Observation], int, _Grouping]] = []


def cell_groups(observations: Sequence[Observation]) -> Iterator[CellGroup]:
    """Observations grouped by (table, entity, municipality, period, law area, provision),
    groups in the order their first observation comes."""
    last = _LAST[0] if _LAST else None
    if last is not None and last[0] is observations and last[1] == len(observations):
        return last[2].groups(observations)
    grouping = _Grouping(observations)
    _LAST[:] = [(observations, len(observations), grouping)]
    return grouping.groups(observations)


def forget_groups() -> None:
    """Drop the grouping kept for the checks of the last table."""
    _LAST.clear()


def _group_key(obs: Observation) -> GroupKey:
    return (
        obs.table_id,
        obs.entity_scope,
        obs.municipality_code,
        obs.period,
        obs.law_area,
        obs.provision,
    )


def total(operands: Iterable[Operand]) -> Fraction:
    """Sum of the operands' values (whole numbers, most of them, summed as integers)."""
    values = [op.value for op in operands]
    if all(v.denominator == 1 for v in values):
        return Fraction(sum(v.numerator for v in values))
    return sum(values, Fraction(0))


def indices_of(operands: Iterable[Operand]) -> set[int]:
    """All positions of the operands."""
    return {i for op in operands for i in op.indices}


class SumIdentities:
    """Every sum identity of measures.yaml within a cell group: a whole printed with parts
    must equal their sum in at least one of its forms whose parts are all present
    (realitetsbehandlede = stadfaestet + aendret_ophaevet + hjemvist; afgjorte =
    realitetsbehandlede + bortfaldne, or + afvist, ...). A group where any measure of a form
    is present but unusable (suppressed, illegible) cannot be verified and is skipped."""

    name = "sum_identities"
    code = SUM_MISMATCH
    description = "wholes equal the sum of their parts (identities of measures.yaml)"

    def __init__(self, identities: Identities) -> None:
        self.wholes: dict[str, list[tuple[str, ...]]] = {}
        for form in identities.sums:
            self.wholes.setdefault(form.whole, []).append(form.parts)
        # every measure of a whole's forms: one unusable, and the whole cannot be verified
        self.measures = {w: {m for form in forms for m in form} for w, forms in self.wholes.items()}

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        """Results whole by whole (in measures.yaml's order), group by group within one."""
        found: dict[str, list[CheckResult]] = {whole: [] for whole in self.wholes}
        for group in cell_groups(observations):  # the groups once, made as they come
            for whole, forms in self.wholes.items():
                mismatch = self._mismatch(observations, group, whole, forms)
                if mismatch is not None:
                    found[whole].append(mismatch)
        for results in found.values():
            yield from results

    def _mismatch(
        self,
        observations: Sequence[Observation],
        group: CellGroup,
        whole: str,
        forms: Sequence[tuple[str, ...]],
    ) -> CheckResult | None:
        """The result for a whole printed in the group that no form's parts add up to."""
        printed = group.get(whole)
        if printed is None or group.blocked(self.measures[whole]):
            return None
        found = [(form, ops) for form in forms if (ops := group.take(form))]
        if not found or any(total(ops) == printed.value for _, ops in found):
            return None
        sums = "; ".join(f"{' + '.join(form)} = {fmt(total(ops))}" for form, ops in found)
        message = f"{place(group.first)}: {whole} printed {fmt(printed.value)}, {sums}"
        involved = {i for _, ops in found for i in indices_of(ops)}
        return result(self.code, message, observations, printed.indices[0], involved)


class RowTotals:
    """Total rows = sum of group rows (else member rows); group rows = sum of their members;
    total columns = sum of the row's member columns of the same measure. Counts only."""

    name = "row_totals"
    code = SUM_MISMATCH
    description = "total and subtotal rows and total columns equal the sum of their parts"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for phase in self.phases(observations):
            yield from phase

    def phases(self, observations: Sequence[Observation]) -> tuple[Iterator[CheckResult], ...]:
        """The results down the columns, then across the rows (the order ``run`` gives)."""
        return self._columns(observations), self._rows(observations)

    def _columns(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for members in self._slices(observations, by_row=False).values():
            yield from self._down(observations, members)

    def _rows(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for cells in self._slices(observations, by_row=True).values():
            parts = [i for i in cells if observations[i].column_role == "member"]
            for i in cells:
                if observations[i].column_role == "total" and parts:
                    yield from self._compare(observations, i, parts, "columns")

    @staticmethod
    def _slices(
        observations: Sequence[Observation], by_row: bool
    ) -> dict[tuple[object, ...], list[int]]:
        """Count positions by column slice (table, entity, period, measure, column) or by row
        (table, row, period, measure), of the slices that hold a whole to check (a group or
        total row down a column, a total column across a row): the others check nothing."""

        def key(obs: Observation) -> tuple[object, ...]:
            if by_row:
                return (obs.table_id, obs.row_index, obs.period, obs.measure)
            return (
                obs.table_id,
                obs.entity_scope,
                obs.municipality_code,
                obs.period,
                obs.measure,
                obs.column_key,
            )

        def whole(obs: Observation) -> bool:
            return obs.column_role == "total" if by_row else obs.row_role in ("group", "total")

        wanted = {key(obs) for obs in observations if obs.unit in COUNT_UNITS and whole(obs)}
        slices: dict[tuple[object, ...], list[int]] = {}
        for i, obs in enumerate(observations if wanted else ()):
            if obs.unit in COUNT_UNITS and (found := key(obs)) in wanted:
                slices.setdefault(found, []).append(i)
        return slices

    def _down(self, observations: Sequence[Observation], cells: list[int]) -> Iterator[CheckResult]:
        """Checks in one column slice: groups against their members, totals against parts."""
        by_role: dict[str, list[int]] = {}
        for i in cells:
            by_role.setdefault(observations[i].row_role, []).append(i)
        groups, members = by_role.get("group", []), by_role.get("member", [])
        for g in groups:
            own = [m for m in members if observations[m].group_row == observations[g].row_index]
            if own:
                yield from self._compare(observations, g, own, "its rows")
        parts = groups or members
        for t in by_role.get("total", []):
            if parts:
                yield from self._compare(observations, t, parts, "rows")

    def _compare(
        self, observations: Sequence[Observation], whole: int, parts: list[int], what: str
    ) -> Iterator[CheckResult]:
        printed = exact_value(observations[whole])
        values = [part_value(observations[i]) for i in parts]
        if printed is None or any(v is None for v in values):
            return
        summed = sum((v for v in values if v is not None), Fraction(0))
        if summed != printed:
            obs = observations[whole]
            message = (
                f"{obs.row_label} [{obs.column_label}] {obs.measure} {obs.period or ''}".rstrip()
                + f": printed {fmt(printed)}, sum of {what} {fmt(summed)}"
            )
            yield result(self.code, message, observations, whole, parts)
