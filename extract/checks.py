"""The check registry: every validation check, run in order over one file's observations.

Observations in (normalised, in one sequence), ``CheckResult``s out; ``flags_by_index`` turns
the results into the flag codes each observation carries. The sum checks live in
``checks_sums``, the rate checks in ``checks_rates``; the cross-table check is here. The
identities the sum and rate checks verify are data (``Identities``, from measures.yaml), so
``checks_for`` builds the registry for one set of identities.

Every check but the cross-table one looks within one table, so a streamed file runs them table
by table (``table_check_results``) and feeds a ``CrossTableIndex`` that holds only positions and
distinct values per key; its conflicts are known once every table has been seen.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol, runtime_checkable

from extract.checks_rates import RATE_MISMATCH, RateComplements, Rates
from extract.checks_sums import (
    COUNT_UNITS,
    SUM_MISMATCH,
    Check,
    CheckResult,
    RowTotals,
    SumIdentities,
    exact_number,
    exact_value,
    fmt,
    half_unit,
    place,
)
from extract.checks_values import (
    LowOcrConfidence,
    OcrLabelCorrected,
    OcrLabelUnverified,
    Plausible,
)
from extract.identities import Identities
from extract.model import Observation, Record

CONFLICT_OTHER_SOURCE = "conflict_other_source"
# (registry position, phase): where a check's results go among all results of a file
Order = tuple[int, int]

__all__ = [
    "CONFLICT_OTHER_SOURCE",
    "RATE_MISMATCH",
    "REGISTRY",
    "SUM_MISMATCH",
    "Check",
    "CheckResult",
    "Copy",
    "CrossTable",
    "CrossTableIndex",
    "checks_for",
    "flags_by_index",
    "observation_copy",
    "record_copy",
    "run_checks",
    "table_check_results",
]


# (entity_scope, municipality_code, period, law_area, provision, measure)
CrossKey = tuple[str, int | None, str, str | None, str | None, str]
# (value, counted, decimals): all that decides whether two copies of a value disagree
Signature = tuple[Fraction, bool, int]


def _disagree(a: Signature, b: Signature) -> bool:
    """Whether two values of the same thing conflict: counts exactly, others beyond rounding."""
    if a[1] and b[1]:
        return a[0] != b[0]
    return abs(a[0] - b[0]) > half_unit(a[2]) + half_unit(b[2])


class _Copies:
    """The copies of one value seen so far: their positions, and per distinct signature the
    one table it was seen in (None: more than one)."""

    __slots__ = ("positions", "tables")

    def __init__(self) -> None:
        self.positions = array("q")
        self.tables: dict[Signature, str | None] = {}

    def add(self, position: int, signature: Signature, table_id: str) -> None:
        self.positions.append(position)
        if signature not in self.tables:
            self.tables[signature] = table_id
        elif self.tables[signature] != table_id:
            self.tables[signature] = None

    def conflict(self) -> bool:
        """Two copies in different tables disagree. Copies with one signature never disagree,
        so only distinct signatures are compared: linear in copies, not quadratic."""
        if len(self.tables) < 2:
            return False
        seen = list(self.tables.items())
        return any(
            (ta is None or tb is None or ta != tb) and _disagree(a, b)
            for k, (a, ta) in enumerate(seen)
            for b, tb in seen[k + 1 :]
        )


class CrossTableIndex:
    """Values by what they measure, kept compactly while a file's tables stream past; then
    the positions of each value printed differently in two tables (``conflicts``)."""

    def __init__(self) -> None:
        self._copies: dict[CrossKey, _Copies] = {}
        self._names: dict[str, str] = {}  # one string object per distinct key part

    def add(self, observations: Sequence[Observation], offset: int = 0) -> None:
        """Index observations at positions ``offset``, ``offset`` + 1, ..."""
        names = self._names
        for i, obs in enumerate(observations):
            value = exact_value(obs)
            if value is None or obs.entity_scope is None or obs.period is None:
                continue
            key: CrossKey = (
                names.setdefault(obs.entity_scope, obs.entity_scope),
                obs.municipality_code,
                names.setdefault(obs.period, obs.period),
                None if obs.law_area is None else names.setdefault(obs.law_area, obs.law_area),
                None if obs.provision is None else names.setdefault(obs.provision, obs.provision),
                names.setdefault(obs.measure, obs.measure),
            )
            copies = self._copies.get(key)
            if copies is None:
                copies = self._copies[key] = _Copies()
            signature = (value, obs.unit in COUNT_UNITS, obs.decimals)
            copies.add(offset + i, signature, names.setdefault(obs.table_id, obs.table_id))

    def conflicts(self) -> list[tuple[int, ...]]:
        """Positions of every copy of each conflicting value, values in first-seen order."""
        return [tuple(c.positions) for c in self._copies.values() if c.conflict()]


@dataclass(frozen=True, slots=True)
class Copy:
    """What a conflict report line needs of one copy: its value, table, page and place."""

    value: Fraction
    table_id: str
    page: int | None
    measure: str
    place: str


def observation_copy(obs: Observation) -> Copy:
    """The ``Copy`` of an observation with a usable value."""
    value = exact_value(obs)
    assert value is not None
    return Copy(value, obs.table_id, obs.cell.page, obs.measure, place(obs))


def record_copy(record: Record) -> Copy:
    """The ``Copy`` of a record whose observation had a usable value (nil: value 0)."""
    value = exact_number(0.0 if record.value is None else record.value)
    assert value is not None
    return Copy(value, record.table_id, record.page, record.measure, place(record))


class CrossTable:
    """The same value (entity, period, law area, provision, measure) printed differently in
    two tables of one file."""

    name = "cross_table"
    code = CONFLICT_OTHER_SOURCE
    description = "the same value printed in different tables agrees"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        index = CrossTableIndex()
        index.add(observations)
        for positions in index.conflicts():
            yield self.describe(
                positions, {i: observation_copy(observations[i]) for i in positions}
            )

    def describe(self, positions: Sequence[int], copies: Mapping[int, Copy]) -> CheckResult:
        """The result for one conflict: every copy's value and table, located at the first."""
        first = copies[positions[0]]
        seen = dict.fromkeys(
            f"{fmt(copies[i].value)} in table {copies[i].table_id}" for i in positions
        )
        return CheckResult(
            self.code,
            f"{first.place}: {first.measure} {' vs '.join(seen)}",
            tuple(positions),
            first.table_id,
            first.page,
        )


# The registry: every check class in the order their results are reported, and whether it
# is built with the identities of measures.yaml.
REGISTRY: tuple[tuple[type, bool], ...] = (
    (SumIdentities, True),
    (RowTotals, False),
    (Rates, True),
    (RateComplements, True),
    (CrossTable, False),
    (LowOcrConfidence, False),
    (OcrLabelCorrected, False),
    (OcrLabelUnverified, False),
    (Plausible, False),
)


def checks_for(identities: Identities) -> tuple[Check, ...]:
    """Every check of the registry, built for these identities."""
    return tuple(kind(identities) if data else kind() for kind, data in REGISTRY)


def run_checks(observations: Sequence[Observation], identities: Identities) -> list[CheckResult]:
    """Every registered check over the observations, results in registry order."""
    return [found for check in checks_for(identities) for found in check.run(observations)]


@runtime_checkable
class PhasedCheck(Protocol):
    """A check whose results come in phases (each over all observations, one after another)."""

    def phases(self, observations: Sequence[Observation]) -> tuple[Iterator[CheckResult], ...]: ...


# Where the cross-table check's results go among all results of a file (see ``Order``).
CROSS_TABLE_ORDER: Order = (
    next(i for i, (kind, _) in enumerate(REGISTRY) if kind is CrossTable),
    0,
)


def table_check_results(
    observations: Sequence[Observation], checks: Sequence[Check]
) -> list[tuple[Order, CheckResult]]:
    """Every check of ``checks`` (a registry from ``checks_for``) but the cross-table one
    (each looks within one table) over one table's observations, each result with its
    ``Order``: sorting the results of all tables of a file by it (stably) gives
    ``run_checks``' order over the whole file."""
    found: list[tuple[Order, CheckResult]] = []
    for number, check in enumerate(checks):
        if isinstance(check, CrossTable):
            continue
        phases = (
            check.phases(observations)
            if isinstance(check, PhasedCheck)
            else (iter(check.run(observations)),)
        )
        for phase, results in enumerate(phases):
            found.extend(((number, phase), r) for r in results)
    return found


def flags_by_index(results: Sequence[CheckResult]) -> dict[int, tuple[str, ...]]:
    """Observation position -> sorted unique flag codes from the results involving it."""
    codes: dict[int, set[str]] = {}
    for found in results:
        for i in found.indices:
            codes.setdefault(i, set()).add(found.code)
    return {i: tuple(sorted(codes[i])) for i in sorted(codes)}
