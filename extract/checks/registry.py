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
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Protocol, runtime_checkable

from extract.checks.rates import RATE_MISMATCH, RateComplements, Rates
from extract.checks.sums import (
    COUNT_UNITS,
    SUM_MISMATCH,
    Check,
    CheckResult,
    RowTotals,
    SumIdentities,
    exact_number,
    exact_value,
    fmt,
    forget_groups,
    half_unit,
    place,
)
from extract.checks.values import (
    LowOcrConfidence,
    OcrLabelCorrected,
    OcrLabelUnverified,
    OddOcrPeriod,
    Plausible,
    SharesAsCounts,
)
from extract.codes import Flag
from extract.interpret.hash_groups import same_hash_groups
from extract.model import Observation, Record
from extract.normalise.identities import Identities

CONFLICT_OTHER_SOURCE = Flag.CONFLICT_OTHER_SOURCE
# (registry position, phase): where a check's results go among all results of a file
Order = tuple[int, int]

__all__ = [
    "CONFLICT_OTHER_SOURCE",
    "CORRECTIONS_ORDER",
    "RATE_MISMATCH",
    "REGISTRY",
    "SUM_MISMATCH",
    "Check",
    "CheckResult",
    "Copy",
    "CrossTable",
    "CrossTableIndex",
    "checks_for",
    "cross_key",
    "flags_by_index",
    "observation_copy",
    "record_copy",
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
        self.tables: dict[Signature, int | None] = {}

    def add(self, position: int, signature: Signature, table_id: int) -> None:
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
    the positions of each value printed differently in two tables (``conflicts``).

    Per value it keeps a hash of its key, its position, table, value and printed decimals in
    flat arrays (about 30 bytes a value, so a file of millions of values fits): copies are
    found by their hash, and the caller's ``key_of`` (the key of the value at a position, read
    back from a record or an observation) tells copies of one key from a hash collision."""

    def __init__(self) -> None:
        self._hashes = array("q")
        self._positions = array("q")
        self._tables = array("q")  # numbers into _table_ids
        self._values = array("d")
        self._decimals = array("h")  # printed decimals; negative: a count (unit in COUNT_UNITS)
        self._table_ids: dict[str, int] = {}
        self._shared: list[list[int]] | None = None  # _shared_hashes, until the next add

    def add(self, observations: Sequence[Observation], offset: int = 0) -> None:
        """Index observations at positions ``offset``, ``offset`` + 1, ..."""
        for i, obs in enumerate(observations):
            value = _indexed_value(obs)
            if value is None or obs.entity_scope is None or obs.period is None:
                continue
            self._hashes.append(hash(cross_key(obs)))
            self._positions.append(offset + i)
            self._tables.append(self._table_ids.setdefault(obs.table_id, len(self._table_ids)))
            self._values.append(value)
            counted = obs.unit in COUNT_UNITS
            self._decimals.append(-1 - obs.decimals if counted else obs.decimals)
        self._shared = None

    def candidates(self) -> set[int]:
        """Positions of the values whose key hash was seen in two tables or more: the only
        ones ``conflicts`` asks ``key_of`` about."""
        return {self._positions[k] for group in self._shared_hashes() for k in group}

    def conflicts(self, key_of: Callable[[int], CrossKey]) -> list[tuple[int, ...]]:
        """Positions of every copy of each conflicting value, values in first-seen order;
        ``key_of(position)``: the key of the value at a position among ``candidates``."""
        found: list[tuple[int, ...]] = []
        for group in self._shared_hashes():
            by_key: dict[CrossKey, _Copies] = {}
            for k in group:
                position = self._positions[k]
                copies = by_key.setdefault(key_of(position), _Copies())
                copies.add(position, self._signature(k), self._tables[k])
            found += [tuple(c.positions) for c in by_key.values() if c.conflict()]
        return sorted(found)

    def _signature(self, k: int) -> Signature:
        value = exact_number(self._values[k])
        assert value is not None
        decimals = self._decimals[k]
        return (value, decimals < 0, -1 - decimals if decimals < 0 else decimals)

    def _shared_hashes(self) -> list[list[int]]:
        """Indices into the arrays of the values sharing a key hash with a value of another
        table, one list per hash (worked out once for ``candidates`` and ``conflicts``)."""
        if self._shared is None:
            tables = self._tables
            self._shared = [
                group
                for group in (same_hash_groups(self._hashes) if len(self._table_ids) > 1 else [])
                if len({tables[k] for k in group}) > 1  # copies in one table never conflict
            ]
        return self._shared


def cross_key(item: Observation | Record) -> CrossKey:
    """What a value measures, across tables: entity, municipality, period, law area,
    provision and measure (an observation's or the record made from it)."""
    return (
        item.entity_scope or "",
        item.municipality_code,
        item.period or "",
        item.law_area,
        item.provision,
        item.measure,
    )


def _indexed_value(obs: Observation) -> float | None:
    """The value ``exact_value`` reads (nil: 0), as the float it is made from; None if it is
    unusable."""
    return None if exact_value(obs) is None else (obs.value or 0.0)


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
        for positions in index.conflicts(lambda i: cross_key(observations[i])):
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
    (OddOcrPeriod, False),
    (Plausible, False),
    (SharesAsCounts, False),
)


def checks_for(identities: Identities) -> tuple[Check, ...]:
    """Every check of the registry, built for these identities."""
    return tuple(kind(identities) if data else kind() for kind, data in REGISTRY)


@runtime_checkable
class PhasedCheck(Protocol):
    """A check whose results come in phases (each over all observations, one after another)."""

    def phases(self, observations: Sequence[Observation]) -> tuple[Iterator[CheckResult], ...]: ...


# Where the cross-table check's results go among all results of a file (see ``Order``).
CROSS_TABLE_ORDER: Order = (
    next(i for i, (kind, _) in enumerate(REGISTRY) if kind is CrossTable),
    0,
)

# Where the corrections of OCR'd values (``ocr_corrections``) go: after every check's results.
CORRECTIONS_ORDER: Order = (len(REGISTRY), 0)


def table_check_results(
    observations: Sequence[Observation], checks: Sequence[Check]
) -> list[tuple[Order, CheckResult]]:
    """Every check of ``checks`` (a registry from ``checks_for``) but the cross-table one
    (each looks within one table) over one table's observations, each result with its
    ``Order``: sorting the results of all tables of a file by it (stably) gives the registry's
    order over the whole file (every check over every table, check by check), the order the
    report lists them in."""
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
    forget_groups()
    return found


def flags_by_index(results: Sequence[CheckResult]) -> dict[int, tuple[str, ...]]:
    """Observation position -> sorted unique flag codes from the results involving it."""
    codes: dict[int, set[str]] = {}
    for found in results:
        for i in found.indices:
            codes.setdefault(i, set()).add(found.code)
    return {i: tuple(sorted(codes[i])) for i in sorted(codes)}
