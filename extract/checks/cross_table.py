"""The cross-table check: the same value printed differently in two tables of one file.

In: a file's observations, table by table (``CrossTableIndex.add``), each with the id of the
record it becomes. Out: once every table has been seen, each conflicting value's ``Conflict``
(positions, the report line's copies, record ids), and from it the check's ``CheckResult``
(``CrossTable.describe``). The index keeps all it needs in flat arrays of small numbers, so a
file of millions of values fits and no record is read back.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from extract.checks.sums import (
    COUNT_UNITS,
    CheckResult,
    exact_number,
    exact_value,
    fmt,
    half_unit,
    place,
)
from extract.codes import Flag
from extract.interpret.hash_groups import same_hash_groups
from extract.model import Observation

CONFLICT_OTHER_SOURCE = Flag.CONFLICT_OTHER_SOURCE
# (value, counted, decimals): all that decides whether two copies of a value disagree
Signature = tuple[Fraction, bool, int]
_ID_BYTES = 12  # a record id (24 hex digits) as bytes
_WIDER = {"B": "H", "H": "I", "I": "Q"}
_LIMIT = {code: 1 << (8 * array(code).itemsize) for code in "BHIQ"}


def _disagree(a: Signature, b: Signature) -> bool:
    """Whether two values of the same thing conflict: counts exactly, others beyond rounding."""
    if a[1] and b[1]:
        return a[0] != b[0]
    return abs(a[0] - b[0]) > half_unit(a[2]) + half_unit(b[2])


class _Small:
    """A flat column of non-negative integers, one byte each until a larger one needs more."""

    __slots__ = ("limit", "numbers")

    def __init__(self) -> None:
        self.numbers = array("B")
        self.limit = _LIMIT["B"]

    def extend(self, numbers: list[int]) -> None:
        top = max(numbers, default=0)
        while top >= self.limit:
            self.numbers = array(_WIDER[self.numbers.typecode], self.numbers)
            self.limit = _LIMIT[self.numbers.typecode]
        self.numbers.extend(numbers)

    def __getitem__(self, k: int) -> int:
        return self.numbers[k]


class _Interned:
    """A flat column of things that repeat (strings, codes, pages): each kept once, the column
    holding its number."""

    __slots__ = ("column", "numbers", "things")

    def __init__(self) -> None:
        self.column = _Small()
        self.numbers: dict[Hashable, int] = {}
        self.things: list[Hashable] = []

    def extend(self, things: Iterable[Hashable]) -> None:
        known, numbers = self.numbers, []
        for thing in things:
            number = known.get(thing)
            if number is None:
                number = known[thing] = len(self.things)
                self.things.append(thing)
            numbers.append(number)
        self.column.extend(numbers)

    def __getitem__(self, k: int) -> Hashable:
        return self.things[self.column[k]]


def _text(thing: Hashable) -> str | None:
    """An interned part that is text (or missing), as such."""
    assert thing is None or isinstance(thing, str)
    return thing


@dataclass(frozen=True, slots=True)
class Copy:
    """What a conflict report line needs of one copy: its value, table, page and place."""

    value: Fraction
    table_id: str
    page: int | None
    measure: str
    place: str


@dataclass(frozen=True, slots=True)
class Conflict:
    """One value printed differently in two tables: every copy's position (in order), the
    copy at each and the id of the record made there."""

    positions: tuple[int, ...]
    copies: tuple[Copy, ...]
    record_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Place:
    """What ``place`` reads of a value, rebuilt from the index."""

    entity_scope: str | None
    municipality: str | None
    provision: str | None
    law_label: str | None
    law_area: str | None
    period: str | None


class _Copies:
    """The copies of one value: per distinct signature the one table it was seen in (None:
    more than one)."""

    __slots__ = ("tables",)

    def __init__(self) -> None:
        self.tables: dict[Signature, int | None] = {}

    def add(self, signature: Signature, table: int) -> None:
        if signature not in self.tables:
            self.tables[signature] = table
        elif self.tables[signature] != table:
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


# the parts of a value's key (entity, municipality, period, law area, provision, measure)
_KEY = ("entity_scope", "municipality_code", "period", "law_area", "provision", "measure")
# what else a report line names: the table, page, and the place's municipality and law
_SHOWN = ("table_id", "page", "municipality", "law_label")


class CrossTableIndex:
    """Values by what they measure, kept compactly while a file's tables stream past; then
    the values printed differently in two tables (``conflicts``).

    Per value it keeps its position, value and printed decimals, its record id as 12 bytes,
    and the number of each part of its key and of its report line's table, page and place,
    each part's strings (or codes, pages) kept once per file: flat arrays of a few dozen bytes
    a value. Copies are values of one exact key, so no record is read back."""

    def __init__(self) -> None:
        self._positions = _Small()
        self._values = array("d")
        self._decimals = array("h")  # printed decimals; negative: a count (unit in COUNT_UNITS)
        self._record_ids = bytearray()
        self._parts = {name: _Interned() for name in (*_KEY, *_SHOWN)}

    def add(
        self,
        observations: Sequence[Observation],
        offset: int = 0,
        record_ids: Sequence[str] | None = None,
    ) -> None:
        """Index observations at positions ``offset``, ``offset`` + 1, ...; ``record_ids``:
        the ids of the records they become, in the same order (none: ids of zeros)."""
        kept = [
            (i, obs, value)
            for i, obs in enumerate(observations)
            if (value := _indexed_value(obs)) is not None
            and obs.entity_scope is not None
            and obs.period is not None
        ]
        self._positions.extend([offset + i for i, _, _ in kept])
        self._values.extend([value for _, _, value in kept])
        self._decimals.extend(
            [-1 - obs.decimals if obs.unit in COUNT_UNITS else obs.decimals for _, obs, _ in kept]
        )
        if record_ids:
            self._record_ids += bytes.fromhex("".join(record_ids[i] for i, _, _ in kept))
        else:
            self._record_ids += bytes(_ID_BYTES * len(kept))
        for name in _KEY:
            self._parts[name].extend(getattr(obs, name) for _, obs, _ in kept)
        self._parts["table_id"].extend(obs.table_id for _, obs, _ in kept)
        self._parts["page"].extend(obs.cell.page for _, obs, _ in kept)
        self._parts["municipality"].extend(obs.municipality for _, obs, _ in kept)
        self._parts["law_label"].extend(obs.law_label for _, obs, _ in kept)
        assert len(self._record_ids) == _ID_BYTES * len(self._values), "a record id not 24 hex"

    def conflicts(self) -> list[Conflict]:
        """Every conflicting value, in the order of its first copy's position."""
        tables = self._parts["table_id"].column
        found: list[Conflict] = []
        for group in self._same_key():
            if len({tables[k] for k in group}) < 2:  # copies in one table never conflict
                continue
            copies = _Copies()
            for k in group:
                copies.add(self._signature(k), tables[k])
            if copies.conflict():
                found.append(self._conflict(group))
        return sorted(found, key=lambda conflict: conflict.positions)

    def _same_key(self) -> list[list[int]]:
        """Indices into the arrays of the values sharing their exact key with another value,
        one list per key: each part's numbers packed into one integer per value."""
        if len(self._parts["table_id"].things) < 2:
            return []
        import numpy as np

        packed = np.zeros(len(self._values), dtype=np.int64)
        top = 0  # the largest packed number so far
        for name in _KEY:
            part = self._parts[name]
            width = len(part.things)
            if (top + 1) * width > 2**62:  # renumber what is packed so far, densely
                packed = np.unique(packed, return_inverse=True)[1].astype(np.int64)
                top = int(packed.max())
            packed = packed * width + np.asarray(part.column.numbers, dtype=np.int64)
            top = (top + 1) * width - 1
        return same_hash_groups(array("q", packed.tobytes()))

    def _signature(self, k: int) -> Signature:
        value = exact_number(self._values[k])
        assert value is not None
        decimals = self._decimals[k]
        return (value, decimals < 0, -1 - decimals if decimals < 0 else decimals)

    def _conflict(self, group: Sequence[int]) -> Conflict:
        positions = tuple(self._positions[k] for k in group)
        ids = tuple(self._record_ids[k * _ID_BYTES : (k + 1) * _ID_BYTES].hex() for k in group)
        return Conflict(positions, tuple(self._copy(k) for k in group), ids)

    def _copy(self, k: int) -> Copy:
        """The report line's copy of the value at ``k``, from the kept numbers."""
        parts = self._parts
        text = {name: _text(parts[name][k]) for name in _KEY if name != "municipality_code"}
        where = _Place(
            text["entity_scope"],
            _text(parts["municipality"][k]),
            text["provision"],
            _text(parts["law_label"][k]),
            text["law_area"],
            text["period"],
        )
        value = exact_number(self._values[k])
        table_id, page, measure = parts["table_id"][k], parts["page"][k], text["measure"]
        assert value is not None and isinstance(table_id, str) and measure is not None
        assert page is None or isinstance(page, int)
        return Copy(value, table_id, page, measure, place(where))


def _indexed_value(obs: Observation) -> float | None:
    """The value ``exact_value`` reads (nil: 0), as the float it is made from; None if it is
    unusable."""
    return None if exact_value(obs) is None else (obs.value or 0.0)


class CrossTable:
    """The same value (entity, period, law area, provision, measure) printed differently in
    two tables of one file."""

    name = "cross_table"
    code = CONFLICT_OTHER_SOURCE
    description = "the same value printed in different tables agrees"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        index = CrossTableIndex()
        index.add(observations)
        for conflict in index.conflicts():
            yield self.describe(conflict)

    def describe(self, conflict: Conflict) -> CheckResult:
        """The result for one conflict: every copy's value and table, located at the first."""
        first = conflict.copies[0]
        seen = dict.fromkeys(f"{fmt(c.value)} in table {c.table_id}" for c in conflict.copies)
        return CheckResult(
            self.code,
            f"{first.place}: {first.measure} {' vs '.join(seen)}",
            conflict.positions,
            first.table_id,
            first.page,
        )
