"""A ``SheetGrid`` as the sheet detector sees it: merges, and what each cell is.

In: a ``SheetGrid``. Out: a ``SheetView`` that answers, per cell, the text shown (a merge's text
in every cell it covers) and the kind of content (a value, a period, text), and per row its first
value column. Answers are memoised per distinct cell content and per row, so each row is looked
at once whatever the number of questions.

A value is a number stored as a number, a formula without a computed value, or text the Danish
number module reads as a value ("1.278", "37,9 %", ".", "..", "-") or as a doubtful number
("2.5", "62, %"). Text that merely starts like a number ("0-17 år", "1. halvår 2025",
"§ 110") is a label, and a period (2023, "2023*", "2022-01", "15.01.2023", "2023K1") is a
header or a label, never a value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from extract.codes import Status
from extract.detect.regions import CAPTION
from extract.model import SheetGrid, SheetValue
from extract.normalise.numbers import AMBIGUOUS, FOOTNOTE_MARK, TRUNCATED, parse_number

Span = tuple[int, int, int, int]

TEXT, PERIOD, VALUE = 0, 1, 2

_VALUE_STATUSES = frozenset({Status.REPORTED, Status.NIL, Status.SUPPRESSED})
# a doubtful number is still a number standing where a value belongs
_DOUBTFUL = frozenset({AMBIGUOUS, TRUNCATED, FOOTNOTE_MARK})
_YEAR = r"(?:19|20)\d\d"
# footnote marks after a year: "*", "¹", "(1)", "1)", several with spaces between ("2021 ² ¹")
# (possessive: a long run of marks is never retried)
_MARKS = r"(?:\s?(?:\*++|[¹²³⁴⁵⁶⁷⁸⁹]++|\(\d{1,2}\)|\d{1,2}\)))*+"
# a period written as text: a year ("2023", "2023*"), a date ("2023-01", "15.01.2023",
# "01.2023") or a Statistikbanken period code ("2023K1", "2023M01", "2023H1")
_PERIOD = re.compile(
    rf"^(?:{_YEAR}{_MARKS}"
    rf"|{_YEAR}-\d\d(?:-\d\d)?|(?:\d\d?[.-])?\d\d?[.-]{_YEAR}|{_YEAR}[KMQH]\d\d?)$"
)
_ERROR = re.compile(r"^#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|I/T|DIVISION/0!)$")
# notes under (or above) a sheet table, in any case: "Kilde:", "Note:", "Anm.:", "*) …"
_NOTE = re.compile(
    r"^(?:note|noter|kilde|kilder|anm\.|anmærkning|anmærkninger|fodnote|fodnoter|bemærk"
    r"|bemærkning|bemærkninger)(?![^\W\d_])|^[*¹²³⁴⁵⁶⁷⁸⁹†]",
    re.IGNORECASE,
)


def is_note(text: str) -> bool:
    """True for a line that is a note or a source ("Kilde: …", "Anm.: …", "*) …")."""
    return bool(_NOTE.match(text.strip()))


def is_caption(text: str) -> bool:
    """True for a table caption ("Tabel 3: …")."""
    return bool(CAPTION.match(text.strip()))


def cell_kind(value: SheetValue) -> int:
    """VALUE, PERIOD (a year or a date: a header or a label) or TEXT for one stored cell."""
    if value.number is not None:
        if value.number.is_integer() and 1900 <= value.number <= 2099 and value.decimals == 0:
            return PERIOD
        return VALUE
    if value.flags:
        return VALUE  # a formula without a cached value stands where a value belongs
    text = value.text.strip()
    if not text:
        return TEXT
    if _PERIOD.match(text):
        return PERIOD
    if _ERROR.match(text):
        return VALUE
    parsed = parse_number(text)
    if parsed.status in _VALUE_STATUSES:
        return VALUE
    doubtful = parsed.status is Status.ILLEGIBLE and bool(parsed.flags)
    doubtful = doubtful and set(parsed.flags) <= _DOUBTFUL
    return VALUE if doubtful else TEXT


class MergeIndex:
    """The merged ranges of a sheet by cell: ``get((r, c))`` is the span covering the cell
    (None when none), ``(r, c) in index`` whether one does. Held per row as column intervals,
    never per cell: a range over a whole sheet's width (A1:XFD1000, 16 million cells) costs
    one entry per row."""

    __slots__ = ("_rows",)

    def __init__(self, spans: Iterable[Span], n_rows: int, n_cols: int) -> None:
        rows: dict[int, list[tuple[int, int, Span]]] = {}
        for span in spans:
            r0, c0, r1, c1 = span
            c1 = min(c1, n_cols - 1)
            if c0 > c1:
                continue
            for r in range(r0, min(r1, n_rows - 1) + 1):
                rows.setdefault(r, []).insert(0, (c0, c1, span))  # a later range wins
        self._rows = rows

    def get(self, key: tuple[int, int]) -> Span | None:
        """The span covering cell ``key`` (row, column), or None."""
        r, c = key
        for c0, c1, span in self._rows.get(r, ()):
            if c0 <= c <= c1:
                return span
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and self.get(key) is not None

    def __bool__(self) -> bool:
        return bool(self._rows)


@dataclass(frozen=True, slots=True)
class SheetView:
    """A SheetGrid with its merges indexed by cell and memos of cell kinds and row facts."""

    grid: SheetGrid
    merge_at: MergeIndex
    kinds: dict[int, int] = field(default_factory=dict)  # by id: readers share equal cells
    first_values: dict[int, int | None] = field(default_factory=dict)

    @classmethod
    def of(cls, grid: SheetGrid) -> SheetView:
        """The view of one grid (its merges indexed once, by row)."""
        return cls(grid, MergeIndex(grid.merges, len(grid.rows), grid.n_cols))

    @property
    def n_rows(self) -> int:
        return len(self.grid.rows)

    def own(self, r: int, c: int) -> SheetValue | None:
        """The cell stored at (r, c), None when empty."""
        row = self.grid.rows[r]
        value = row[c] if c < len(row) else None
        return value if value is not None and value.text.strip() else None

    def shown(self, r: int, c: int) -> str:
        """Text shown at (r, c): its own, or the text of the merge covering it; a line break
        or a run of spaces inside it is one space."""
        span = self.merge_at.get((r, c))
        value = self.own(span[0], span[1]) if span else self.own(r, c)
        return " ".join(value.text.split()) if value is not None else ""

    def kind(self, value: SheetValue) -> int:
        """``cell_kind`` of a stored cell, memoised (exports repeat the same few cells)."""
        found = self.kinds.get(id(value))
        if found is None:
            found = self.kinds[id(value)] = cell_kind(value)
        return found

    def kind_at(self, r: int, c: int) -> int | None:
        """``kind`` of the cell stored at (r, c), None when empty."""
        value = self.own(r, c)
        return None if value is None else self.kind(value)

    def number_like(self, r: int, c: int) -> bool:
        """True for a cell at (r, c) that is a value or a period, or text beginning with a
        digit ("9301 sager101"): what a body row may hold right of its labels."""
        kind = self.kind_at(r, c)
        return kind is not None and (kind != TEXT or self.shown(r, c)[:1].isdigit())

    def filled(self, r: int) -> list[int]:
        """Columns of row ``r`` that hold a cell of their own."""
        return [c for c, v in enumerate(self.grid.rows[r]) if v is not None and v.text.strip()]

    def blank(self, r: int) -> bool:
        """True when row ``r`` holds no cell."""
        return not any(v is not None and v.text.strip() for v in self.grid.rows[r])

    def text(self, r: int) -> str:
        """Row ``r``'s cells joined by one space (line breaks inside them too)."""
        row = self.grid.rows[r]
        return " ".join(" ".join(v.text.split()) for v in row if v is not None and v.text.strip())

    def first_value(self, r: int) -> int | None:
        """The first column of row ``r`` holding a value (not inside a merge), None if none."""
        if r in self.first_values:
            return self.first_values[r]
        found = None
        for c, value in enumerate(self.grid.rows[r]):
            if value is None or (r, c) in self.merge_at:
                continue
            if self.kind(value) == VALUE:
                found = c
                break
        self.first_values[r] = found
        return found
