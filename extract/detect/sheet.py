"""Sheet tables: one ``SheetGrid`` (a sheet or a csv) -> ``TableCandidate``s.

In: a page whose ``sheet`` is set. Out: its tables, top to bottom, with ``Cell``s that carry
the sheet name and A1 reference. Every step is one pass over the rows (no quadratic work).

1. Rows are data rows (holding a value, ``sheet_view``), text rows or blank. A label with one
   cell right of it, right under a data row, is a data row ("Barnets lov | 2010": a count
   that looks like a year).
2. A table starts at a data row; the text rows above it since the previous table are its head
   (title, notes, header rows: ``sheet_header``). It goes on over text rows and blank rows
   until a row that starts something else: a caption ("Tabel …"), a note ("Kilde: …"), a
   header-like row (text right of the label columns), or, after a break, a data row with all
   its values where the table has labels (a narrower table under a long one). Text rows
   between its data rows are label rows of its body (a group label after a spacer row).
3. Rows under a table with no blank row between, and the blocks after it that start with a
   note, are its notes; the rest is the head of the next table. Text under the last table of a
   sheet is its notes.
4. The table's label columns and body rows come from ``sheet_stub``; its header paths and stub
   header from ``sheet_header``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from extract.detect.sheet_header import (
    HeadRow,
    column_paths,
    dated_columns,
    numeric_header,
    split_head,
    stub_header,
)
from extract.detect.sheet_stub import body_rows, find_stub
from extract.detect.sheet_view import PERIOD, SheetView, is_caption, is_note
from extract.model import PageContent, TableCandidate


@dataclass(slots=True)
class _Found:
    """A table's rows as segmented: head (rows above it), body (data rows and the text rows
    between them, blank rows left out), notes (rows under it), the leftmost column where
    a data row's values begin, and the columns left of that holding labels in its data
    rows."""

    head: list[HeadRow]
    body: list[int]
    value_col: int
    notes: list[int] = field(default_factory=list)
    label_cols: set[int] = field(default_factory=set)

    def add(self, view: SheetView, r: int, first: int) -> None:
        """Take data row ``r``, whose values begin at column ``first``."""
        self.body.append(r)
        self.value_col = min(self.value_col, first)
        if not self.label_cols.issuperset(range(first)):  # rows repeat one pattern: look once
            self.label_cols.update(c for c in range(first) if view.own(r, c) is not None)


def sheet_tables(page: PageContent) -> list[TableCandidate]:
    """Every table on one sheet page (ids ``s<sheet number>-t<n>``)."""
    grid = page.sheet
    if grid is None or not grid.rows:
        return []
    view = SheetView.of(grid)
    return [
        _table(view, found, f"s{page.number}-t{n}")
        for n, found in enumerate(_segments(view), start=1)
    ]


def _segments(view: SheetView) -> list[_Found]:
    """The tables of a sheet as row lists, in one pass over the rows."""
    found: list[_Found] = []
    current: _Found | None = None
    tail: list[HeadRow] = []  # text rows since the last data row (or the top of the sheet)
    gap = False
    for r in range(view.n_rows):
        if view.blank(r):
            gap = True
            continue
        first = view.first_value(r)
        if first is None and current is not None and not (tail or gap):
            first = _one_cell(view, r, current.value_col)  # right under a data row
            if first is None:
                first = _year_like_counts(view, r, current.value_col)
        if first is None:
            tail.append((r, gap))
        elif current is not None and _continues(view, current, tail, gap, r, first):
            current.body.extend(row for row, _ in tail)
            current.add(view, r, first)
            tail = []
        else:
            head = tail
            if current is not None:
                current.notes, head = _split_tail(view, current.value_col, tail)
                found.append(current)
            current = _Found(head, [], first)
            current.add(view, r, first)
            tail = []
        gap = False
    if current is not None:
        current.notes = [row for row, _ in tail]
        found.append(current)
    return found


def _starts_table(view: SheetView, r: int, value_col: int, joined: bool = False) -> bool:
    """True for a text row that starts a new table after one whose values start at
    ``value_col``: a caption, or a header-like row: text right of the label columns (a body
    row holds values there, or nothing), two cells there, or one and no label. A label with
    one cell right of it, ``joined`` to the table by no blank row, is a body row ("Barnets lov
    | 2010": a count like a year; "Landstotal | 9301 sager101": a glitch; "| x")."""
    if is_caption(view.text(r)):
        return True
    if joined and _one_cell(view, r, value_col) is not None:
        return False
    return any(c >= max(value_col, 1) for c in view.filled(r))


def _one_cell(view: SheetView, r: int, value_col: int) -> int | None:
    """The column of row ``r``'s one cell right of its labels, when it has labels, one such
    cell and is no note; else None."""
    cols = view.filled(r)
    right = [c for c in cols if c >= max(value_col, 1)]
    if len(right) == 1 and len(cols) > 1 and not is_note(view.text(r)):
        return right[0]
    return None


def _year_like_counts(view: SheetView, r: int, value_col: int) -> int | None:
    """The first value column of row ``r`` when it is a label over counts that look like
    years ("Ændret eller ophævet | 2045 | 2034"), else None: a label left of ``value_col``
    and two or more whole numbers 1900-2099 right of it that are not a run of consecutive
    years (a header of years steps by one: "2022 | 2023 | 2024")."""
    cols = view.filled(r)
    right = [c for c in cols if c >= max(value_col, 1)]
    if len(right) < 2 or len(right) == len(cols) or is_note(view.text(r)):
        return None
    years: list[int] = []
    for c in right:
        value = view.own(r, c)
        text = view.shown(r, c)
        if value is None or view.kind(value) != PERIOD:
            return None
        if value.number is not None:
            years.append(int(value.number))
        elif text.isdigit():
            years.append(int(text))
        else:
            return None  # "2023*", "2023-01": a period

    steps = {b - a for a, b in pairwise(years)}
    return None if steps <= {1} or steps <= {-1} else right[0]


def _continues(
    view: SheetView, table: _Found, tail: Sequence[HeadRow], gap: bool, r: int, first: int
) -> bool:
    """True when ``table`` goes on over the text rows ``tail`` to the next data row ``r``,
    whose values begin at ``first``: none of them starts a table or is a note, and after a
    break (a blank or text row) ``r`` does not hold all its values where the table has labels
    (that is the next table, narrower)."""
    value_col = table.value_col
    narrower = first < value_col and all(c < value_col for c in view.filled(r))
    if (tail or gap) and narrower and first in table.label_cols:
        return False
    joined = True  # no blank row since the table's last data row
    for t, blank_above in tail:
        joined = joined and not blank_above
        if _starts_table(view, t, value_col, joined) or is_note(view.text(t)):
            return False
    return True


def _split_tail(
    view: SheetView, value_col: int, tail: Sequence[HeadRow]
) -> tuple[list[int], list[HeadRow]]:
    """(notes of the table above, head of the table below) from the text rows between them."""
    notes: list[int] = []
    head: list[HeadRow] = []
    blocks: list[list[HeadRow]] = []
    for row in tail:
        if row[1] or not blocks:
            blocks.append([])
        blocks[-1].append(row)
    for index, block in enumerate(blocks):
        if head:
            head.extend(block)
            continue
        cut = next(
            (i for i, (r, _) in enumerate(block) if _starts_table(view, r, value_col)), len(block)
        )
        if index == 0 and not block[0][1]:  # right under the table: notes, up to a break
            while cut > 0 and cut < len(block) and _title_above(view, block[cut - 1][0]):
                cut -= 1  # a title line right above the next table's header is its title
            notes.extend(r for r, _ in block[:cut])
            head.extend(block[cut:])
        elif cut == len(block) and is_note(view.text(block[0][0])):
            notes.extend(r for r, _ in block)
        else:
            head.extend(block)
    return notes, head


def _title_above(view: SheetView, r: int) -> bool:
    return len(view.filled(r)) == 1 and not is_note(view.text(r))


def _table(view: SheetView, found: _Found, table_id: str) -> TableCandidate:
    stub = find_stub(view, found.body)
    head = split_head(view, found.head, stub.n_labels, found.body[0])
    dated = dated_columns(view, head.header_rows)
    if any(c in dated for c in stub.columns):  # years under a year are counts: value columns
        stub = find_stub(view, found.body, dated)
        head = split_head(view, found.head, stub.n_labels, found.body[0])
    body = [*head.label_rows, *found.body]
    if head.label_rows:  # rows of labels alone over the first values: their columns too
        wider = find_stub(view, body, dated)
        if wider.n_labels == stub.n_labels:
            stub = wider
    header_rows = list(head.header_rows)
    if not head.label_rows and numeric_header(view, body, stub):
        header_rows.append(body.pop(0))
    value_cols = _value_columns(view, header_rows, body, stub.n_labels)
    lines = list(head.title)
    at = next((i for i, line in enumerate(lines) if is_caption(line)), None)
    caption = " ".join(lines[at:]) if at is not None else None
    title = "\n".join(lines[:at] if at is not None else lines) or None
    return TableCandidate(
        table_id=table_id,
        detector="sheet",
        pages=(),
        bbox=None,
        caption=caption,
        title=title,
        notes=(*head.notes, *(view.text(r) for r in found.notes)),
        stub_header=stub_header(view, header_rows, stub.n_labels),
        column_headers=tuple(column_paths(view, header_rows, value_cols, stub.n_labels)),
        rows=tuple(body_rows(view, body, stub, value_cols)),
        sheet=view.grid.name,
    )


def _value_columns(
    view: SheetView, header_rows: Sequence[int], body: Sequence[int], n_labels: int
) -> list[int]:
    """Columns right of the labels with a header text or a cell in the body."""
    used: set[int] = set()
    for r in body:
        used.update(c for c in view.filled(r) if c >= n_labels)
    width = max((len(view.grid.rows[r]) for r in (*header_rows, *body)), default=0)
    return [
        c for c in range(n_labels, width) if c in used or any(view.shown(h, c) for h in header_rows)
    ]
