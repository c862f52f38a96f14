"""Sheet tables: one ``SheetGrid`` (a sheet or a csv) -> ``TableCandidate``s.

In: a page whose ``sheet`` is set. Out: its tables, top to bottom, with ``Cell``s that carry
the sheet name and A1 reference. Every step is one pass over the rows (no quadratic work).

- Tables are runs of non-empty rows; a run without values is title text for the table below.
- A data row has a value (a number, ".", "-", a number as text) that is not a bare year.
- Label columns are the leading columns left of every data row's first value.
- Rows above the first data row: single-cell rows in the label area are the title; the others
  are header rows. A header cell spans the columns of its merge; an unmerged blank cell in an
  upper header row continues the header to its left (a csv cannot merge).
- With several label columns, the outer ones (a month merged down over its benefit rows, an
  "Instans" repeated on every row) become label-only rows, emitted when their value changes,
  so a rule can carry them (``carry: true``); the innermost column labels the row.
- Trailing "Kilde:"/"Note:" lines are the table's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extract.detect.layout import is_value_text, is_year
from extract.detect.regions import CAPTION, NOTE
from extract.model import Cell, PageContent, SheetGrid, SheetValue, TableCandidate, TableRow
from extract.readers.sheet_cells import cell_ref

Span = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class _Sheet:
    """A SheetGrid with merge lookups (which merge covers a cell), and a memo of what each
    distinct cell text is (a value or not) and of each row's first value column."""

    grid: SheetGrid
    merge_at: dict[tuple[int, int], Span]
    is_value: dict[SheetValue, bool] = field(default_factory=dict)
    first_value: dict[int, int | None] = field(default_factory=dict)

    def own(self, r: int, c: int) -> SheetValue | None:
        row = self.grid.rows[r]
        return row[c] if c < len(row) else None

    def shown(self, r: int, c: int) -> str:
        """Text shown at (r, c): its own, or the text of the merge covering it."""
        span = self.merge_at.get((r, c))
        value = self.own(span[0], span[1]) if span else self.own(r, c)
        return value.text.strip() if value is not None else ""


def sheet_tables(page: PageContent) -> list[TableCandidate]:
    """Every table on one sheet page (ids ``s<sheet number>-t<n>``)."""
    grid = page.sheet
    if grid is None or not grid.rows:
        return []
    sheet = _Sheet(grid, _merge_index(grid))
    tables: list[TableCandidate] = []
    pending_title: list[str] = []
    for start, end in _blocks(grid):
        rows = range(start, end)
        data = [r for r in rows if _first_value_col(sheet, r) is not None]
        if not data:
            texts = [_row_text(sheet, r) for r in rows]
            if tables and all(NOTE.match(t) for t in texts):
                last = tables[-1]
                tables[-1] = _with_notes(last, tuple(texts))
            else:
                pending_title = texts  # the text block nearest the table is its title
            continue
        table_id = f"s{page.number}-t{len(tables) + 1}"
        tables.append(_table(sheet, table_id, start, end, data, pending_title))
        pending_title = []
    return tables


def _merge_index(grid: SheetGrid) -> dict[tuple[int, int], Span]:
    index: dict[tuple[int, int], Span] = {}
    n_rows = len(grid.rows)
    for span in grid.merges:
        r0, c0, r1, c1 = span
        for r in range(r0, min(r1, n_rows - 1) + 1):
            for c in range(c0, min(c1, grid.n_cols - 1) + 1):
                index[(r, c)] = span
    return index


def _blocks(grid: SheetGrid) -> list[tuple[int, int]]:
    """(start, end) of each run of rows holding at least one cell."""
    blocks: list[tuple[int, int]] = []
    start: int | None = None
    for r, row in enumerate(grid.rows):
        filled = any(v is not None and v.text.strip() for v in row)
        if filled and start is None:
            start = r
        elif not filled and start is not None:
            blocks.append((start, r))
            start = None
    if start is not None:
        blocks.append((start, len(grid.rows)))
    return blocks


def _is_value(value: SheetValue | None) -> bool:
    if value is None:
        return False
    if value.number is not None:
        return not (value.number.is_integer() and is_year(str(int(value.number))))
    if value.flags:
        return True  # a formula without a cached value stands where a value belongs
    return is_value_text(value.text) and not is_year(value.text)


def _first_value_col(sheet: _Sheet, r: int) -> int | None:
    if r in sheet.first_value:
        return sheet.first_value[r]
    found = None
    for c, value in enumerate(sheet.grid.rows[r]):
        if value is None:
            continue
        if value not in sheet.is_value:
            sheet.is_value[value] = _is_value(value)
        if sheet.is_value[value] and (r, c) not in sheet.merge_at:
            found = c
            break
    sheet.first_value[r] = found
    return found


def _row_text(sheet: _Sheet, r: int) -> str:
    return " ".join(v.text.strip() for v in sheet.grid.rows[r] if v is not None and v.text.strip())


def _filled_cols(sheet: _Sheet, r: int) -> list[int]:
    return [c for c, v in enumerate(sheet.grid.rows[r]) if v is not None and v.text.strip()]


def _table(
    sheet: _Sheet, table_id: str, start: int, end: int, data: list[int], title_above: list[str]
) -> TableCandidate:
    first_data = data[0]
    n_labels = min(c for r in data if (c := _first_value_col(sheet, r)) is not None)
    title_lines = list(title_above)
    header_rows: list[int] = []
    for r in range(start, first_data):
        cols = _filled_cols(sheet, r)
        if not header_rows and len(cols) == 1 and cols[0] < max(n_labels, 1):
            title_lines.append(_row_text(sheet, r))
        else:
            header_rows.append(r)
    body_end = end
    notes: list[str] = []
    while body_end - 1 > first_data and NOTE.match(_row_text(sheet, body_end - 1)):
        notes.insert(0, _row_text(sheet, body_end - 1))
        body_end -= 1
    width = max(len(sheet.grid.rows[r]) for r in range(start, body_end))
    value_cols = [
        c
        for c in range(n_labels, width)
        if any(sheet.shown(h, c) for h in header_rows)
        or any(sheet.own(r, c) is not None for r in range(first_data, body_end))
    ]
    title = " ".join(title_lines) or None
    caption = title if title and CAPTION.match(title) else None
    return TableCandidate(
        table_id=table_id,
        detector="sheet",
        pages=(),
        bbox=None,
        caption=caption,
        title=None if caption else title,
        notes=tuple(notes),
        stub_header=_stub_header(sheet, header_rows, n_labels),
        column_headers=tuple(_column_path(sheet, header_rows, c, n_labels) for c in value_cols),
        rows=tuple(_body_rows(sheet, range(first_data, body_end), n_labels, value_cols)),
        sheet=sheet.grid.name,
    )


def _column_path(
    sheet: _Sheet, header_rows: Sequence[int], col: int, n_labels: int
) -> tuple[str, ...]:
    path: list[str] = []
    for level, r in enumerate(header_rows):
        text = sheet.shown(r, col)
        if not text and level < len(header_rows) - 1 and (r, col) not in sheet.merge_at:
            text = _continued(sheet, r, col, n_labels)
        if text and (not path or path[-1] != text):
            path.append(text)
    return tuple(path)


def _continued(sheet: _Sheet, r: int, col: int, n_labels: int) -> str:
    """The upper header to the left of an unmerged blank header cell (csv-style spans)."""
    for c in range(col - 1, n_labels - 1, -1):
        if (r, c) in sheet.merge_at:
            return ""  # a merge ended: the blank is not part of it
        text = sheet.shown(r, c)
        if text:
            return text
    return ""


def _stub_header(sheet: _Sheet, header_rows: Sequence[int], n_labels: int) -> str:
    parts: list[str] = []
    for c in range(n_labels):
        for r in header_rows:
            text = sheet.shown(r, c)
            if text and text not in parts:
                parts.append(text)
    return " / ".join(parts)


def _body_rows(
    sheet: _Sheet, rows: range, n_labels: int, value_cols: Sequence[int]
) -> list[TableRow]:
    out: list[TableRow] = []
    outer: list[str] = [""] * max(n_labels - 1, 0)
    name = sheet.grid.name
    for r in rows:
        label, spanning = _label(sheet, r, n_labels, outer)
        if spanning:
            outer = [""] * len(outer)  # a label over all label columns ends the groups
        cells = tuple(_cell(sheet, r, c, name) for c in value_cols)
        if not label and not any(cells):
            continue
        out.extend(
            TableRow(text, (None,) * len(value_cols), None)
            for text in _new_groups(sheet, r, n_labels, outer, spanning)
        )
        out.append(TableRow(label, cells, None))
    return out


def _label(sheet: _Sheet, r: int, n_labels: int, outer: list[str]) -> tuple[str, bool]:
    """(row label, whether it spans the outer label columns) of body row ``r``."""
    if n_labels == 0:
        return "", False
    inner = n_labels - 1
    span = sheet.merge_at.get((r, inner))
    if span is not None and span[1] < inner:
        return sheet.shown(r, inner), True  # "I alt" merged across the label columns
    text = sheet.shown(r, inner)
    if text or inner == 0:
        return text, False
    own_outer = [sheet.shown(r, c) for c in range(inner) if sheet.own(r, c) is not None]
    if own_outer:
        return own_outer[-1], True  # "I alt" typed in an outer column, the inner one blank
    return "", False


def _new_groups(
    sheet: _Sheet, r: int, n_labels: int, outer: list[str], spanning: bool
) -> list[str]:
    """Update ``outer`` (the outer label columns' values, filled down) for row ``r``; return
    the labels of groups that start here."""
    if spanning:
        return []
    started: list[str] = []
    changed = False
    for c in range(n_labels - 1):
        text = sheet.shown(r, c)
        if text and (changed or text != outer[c]):
            changed = True
            outer[c] = text
            started.append(text)
            for deeper in range(c + 1, n_labels - 1):
                outer[deeper] = ""
    return started


def _cell(sheet: _Sheet, r: int, c: int, name: str | None) -> Cell | None:
    span = sheet.merge_at.get((r, c))
    if span is not None and (span[0], span[1]) != (r, c):
        return None  # covered by a merge: its value sits in the merge's first cell
    value = sheet.own(r, c)
    if value is None or not value.text.strip():
        return None
    return Cell(
        text=value.text,
        page=None,
        sheet=name,
        cell_ref=cell_ref(r, c),
        number=value.number,
        decimals=value.decimals,
        flags=value.flags,
    )


def _with_notes(table: TableCandidate, notes: tuple[str, ...]) -> TableCandidate:
    return replace(table, notes=table.notes + notes)
