"""A page grid as a ``TableCandidate``: header paths, stub columns, body rows.

In: a ``Grid`` (column 0 the stub) with its caption, title and notes. Out: the
``TableCandidate`` and its ``Layout`` (header rows, stub columns, the grid columns kept as
value columns), which a continuation on the next page is read with.

- Header rows and paths come from ``header``. Value columns holding nothing (no cell of their
  own in the header, no value) are padding, not columns, and are left out.
- Several stub columns (an entity column, then a law-area column): leading columns of label
  text right of the stub, the outer ones grouping the rows (written once with blanks meaning
  "as above", merged down, or repeated). As in the sheet detector (``extract.detect.sheet``),
  the innermost labels the row; each outer column's value becomes a label-only row (all
  cells None) before the first row where it begins; the stub header joins the stub columns'
  header texts with " / ". A label across the stub columns, or in an outer one with the inner
  one blank on a row with values ("I alt"), is a row of its own and ends the groups.
- A body cell running from the stub into the value columns (a merged total row, "Samlet pris
  30.530.000,00 kr.") is split: the words before its number label the row, the number goes
  to the column it stands in. A value cell spanning several value columns is given once.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.detect.grid import Grid, GridCell, words_text
from extract.detect.header import (
    column_paths,
    corner_names_columns,
    header_row_count,
    is_plain_value,
    stub_header,
)
from extract.detect.layout import union_bbox
from extract.detect.value_text import is_value_text, is_year
from extract.model import Cell, TableCandidate, TableRow, Word
from extract.readers.ocr.words import only_section_signs

Slots = dict[tuple[int, int], GridCell]


@dataclass(frozen=True, slots=True)
class Layout:
    """How a page grid was read: ``n_stub`` stub columns (0..n_stub-1), ``columns`` the grid
    columns kept as value columns, ``groups`` the outer stub values in force after its last
    row (outer first), for a continuation on the next page."""

    header_rows: int
    n_stub: int
    columns: tuple[int, ...]
    groups: tuple[str, ...] = ()


def to_candidate(
    grid: Grid,
    table_id: str,
    caption: str | None,
    title: str | None,
    notes: tuple[str, ...],
    n_stub: int | None = None,
    groups: Sequence[str] = (),
    header_rows: int | None = None,
) -> tuple[TableCandidate, Layout]:
    """The TableCandidate for one page's grid and how it was read. ``n_stub`` and ``groups``
    carry the stub columns and open groups of the page before (a continuation);
    ``header_rows`` is the grid's header (found when None)."""
    if header_rows is None:
        header_rows = header_row_count(grid)
    stubs = n_stub if n_stub is not None else stub_count(grid, header_rows)
    if n_stub is None and stubs == 1 and grid.n_cols > 2:
        # a group row over the first label column ("Hele landet i alt | Stadfæstet") read as
        # header: the header without it may leave a stub of two columns
        inner = header_row_count(grid, first_value=2)
        if inner < header_rows and stub_count(grid, inner) > 1:
            header_rows, stubs = inner, stub_count(grid, inner)
    stubs = max(1, min(stubs, grid.n_cols - 1))
    if stubs > 1:  # text in the stub columns is no header text: a group row starts the body
        header_rows = min(header_rows, header_row_count(grid, first_value=stubs))
    paths = column_paths(grid, header_rows, stubs)
    corner = stub_header(grid, header_rows, stubs)
    if corner and corner_names_columns(grid, header_rows, stubs):
        paths = [(corner, *path) for path in paths]
        corner = ""
    open_groups = list(groups)
    rows = body_rows(grid, header_rows, stubs, open_groups)
    value_cols = range(stubs, grid.n_cols)
    owned = _owned_columns(grid, header_rows)
    keep = [
        i
        for i, col in enumerate(value_cols)
        if col in owned or any(row.cells[i] is not None for row in rows)
    ]
    if len(keep) < len(value_cols):
        paths = [paths[i] for i in keep]
        rows = [replace(row, cells=tuple(row.cells[i] for i in keep)) for row in rows]
    candidate = TableCandidate(
        table_id=table_id,
        detector=grid.detector,
        pages=(grid.page,),
        bbox=grid.bbox,
        caption=caption,
        title=title,
        notes=notes,
        stub_header=corner,
        column_headers=tuple(paths),
        rows=tuple(rows),
    )
    columns = tuple(value_cols[i] for i in keep)
    return candidate, Layout(header_rows, stubs, columns, tuple(open_groups))


def _owned_columns(grid: Grid, header_rows: int) -> set[int]:
    """Columns with a header cell of their own (text over that column alone)."""
    return {
        cell.col0
        for cell in grid.cells
        if cell.words and cell.row0 < header_rows and cell.col0 == cell.col1
    }


def _own(slots: Slots, row: int, col: int) -> GridCell | None:
    cell = slots.get((row, col))
    return cell if cell is not None and cell.row0 == row and cell.words else None


def _is_label(text: str) -> bool:
    """Label text: not a value, or a number with a word that is no plain number ("0-17 år")."""
    if not is_value_text(text):
        return True
    return any(ch.isalpha() for ch in text) and not is_plain_value(text)


def _year_row(slots: Slots, row: int, cell: GridCell, grid: Grid) -> bool:
    """True for a year alone in its row from ``cell`` rightwards ("2023" over the law rows
    of that year, in a column of labels): a group row, no value of a value column."""
    if not is_year(cell.text):
        return False
    return not any(
        (c := _own(slots, row, k)) is not None and c.text.strip()
        for k in range(cell.col1 + 1, grid.n_cols)
    )


def stub_count(grid: Grid, header_rows: int) -> int:
    """Number of stub columns: column 0, and each next column whose body cells are all label
    text, when the column left of it groups the rows (blanks or repeats beside its labels)
    and a column further right holds values."""
    slots = grid.slots()
    body = range(header_rows, grid.n_rows)

    def labels_only(col: int) -> bool:
        texts = [
            c.text
            for r in body
            if (c := _own(slots, r, col)) and c.col0 == col and not _year_row(slots, r, c, grid)
        ]
        if texts and all(is_year(t) for t in texts):
            return _years_by_labels(slots, body, col)  # "År": a period stub column
        if not any(ch.isalpha() for t in texts for ch in t):
            return False  # numbers only: a value column
        # a value among them: a column of values (label text may run into it)
        return bool(texts) and all(_is_label(t) for t in texts)

    n = 1
    while n < grid.n_cols - 1:
        if not labels_only(n):
            break
        # the column left of it groups its rows, or those of a label column right of it
        # ("Ishøj Kommune | Realitetsbehandlede | Biler - §§ 114", both filled once)
        inner = itertools.takewhile(labels_only, range(n, grid.n_cols - 1))
        if not any(_groups_rows(slots, body, n - 1, k) for k in inner):
            break
        right = (_own(slots, r, c) for r in body for c in range(n + 1, grid.n_cols))
        if not any(c is not None and c.col0 > n and is_value_text(c.text) for c in right):
            break
        n += 1
    return n


def _years_by_labels(slots: Slots, body: range, col: int) -> bool:
    """True when each year in column ``col`` has label text beside it in the next column
    ("2022 | Alle lovområder")."""
    for row in body:
        year = _own(slots, row, col)
        if year is not None and year.col0 == col:
            label = _own(slots, row, col + 1)
            if label is None or label.col0 != col + 1 or not _is_label(label.text):
                return False
    return True


def _groups_rows(slots: Slots, body: range, outer: int, inner: int) -> bool:
    """True when column ``outer`` groups the rows labelled in column ``inner``: it has text,
    and beside a label it is blank (as above) or repeats the value above."""
    seen = False
    above = ""
    groups = 0
    for row in body:
        cell = slots.get((row, outer))
        text = cell.text if cell is not None and cell.col1 == outer else ""
        own = cell is not None and cell.row0 == row and bool(cell.words)
        if _own(slots, row, inner) is not None and seen and (not own or text == above):
            groups += 1
        if own and text:
            seen = True
            above = text
    return groups > 0


def body_rows(grid: Grid, header_rows: int, n_stub: int, groups: list[str]) -> list[TableRow]:
    """Body rows: label and one Cell per value column (None when empty), with label-only rows
    for the groups of outer stub columns. ``groups`` (outer stub values in force, outer first)
    is read and updated."""
    slots = grid.slots()
    inner = n_stub - 1
    outer_cols = range(inner)
    while len(groups) < inner:
        groups.append("")
    del groups[inner:]
    n_values = grid.n_cols - n_stub
    empty: tuple[Cell | None, ...] = (None,) * n_values
    rows: list[TableRow] = []
    for row in range(header_rows, grid.n_rows):
        cells = [_value(grid, slots, row, col, n_stub) for col in range(n_stub, grid.n_cols)]
        stub_cell = slots.get((row, inner))
        label_words: Sequence[Word] = ()
        spanning = False
        if stub_cell is not None and stub_cell.row0 == row and stub_cell.words:
            spanning = stub_cell.col0 < inner
            label_words = stub_cell.words
            if stub_cell.col1 >= n_stub:
                label_words = _split_spilled(grid, stub_cell, n_stub, cells)
        has_values = any(c is not None for c in cells)
        if not label_words and has_values:
            own_outer = [c for col in outer_cols if (c := _own(slots, row, col))]
            if own_outer:  # "I alt" in an outer column, the inner one blank
                label_words, spanning = own_outer[-1].words, True
        if spanning:
            groups[:] = [""] * inner
        else:
            for text, cell in _started_groups(slots, row, inner, groups):
                rows.append(TableRow(text, empty, grid.page, cell.bbox))
        label = _text(label_words)
        if not label and not has_values:
            continue
        rows.append(
            TableRow(
                label=label,
                cells=tuple(cells),
                page=grid.page,
                label_bbox=stub_cell.bbox if stub_cell is not None else None,
                label_confidence=_confidence(label_words),
                label_repairs=tuple(
                    f"{w.read_as} -> {w.text}" for w in label_words if w.read_as is not None
                ),
            )
        )
    return rows


def _started_groups(
    slots: Slots, row: int, inner: int, groups: list[str]
) -> list[tuple[str, GridCell]]:
    """Update ``groups`` (outer stub values, filled down) for ``row``; return the label and
    cell of each group that starts here, outer first."""
    started: list[tuple[str, GridCell]] = []
    changed = False
    for level in range(inner):
        cell = _own(slots, row, level)
        if cell is None or cell.col0 != level:
            continue
        text = cell.text
        if changed or text != groups[level]:
            changed = True
            groups[level] = text
            started.append((text, cell))
            for deeper in range(level + 1, inner):
                groups[deeper] = ""
    return started


def _value(grid: Grid, slots: Slots, row: int, col: int, n_stub: int) -> Cell | None:
    """The cell of value column ``col`` in ``row``; a cell spanning several value columns is
    given in its first one only, a cell running in from the stub in none."""
    cell = slots.get((row, col))
    if cell is None or cell.row0 != row or not cell.words:
        return None
    if cell.col0 < n_stub or cell.col0 != col:
        return None
    return _cell(grid, cell.words)


def _cell(grid: Grid, words: Sequence[Word]) -> Cell:
    return Cell(
        text=_text(words),
        page=grid.page,
        bbox=union_bbox(w.bbox for w in words),
        ocr_confidence=_confidence(words),
    )


def _split_spilled(
    grid: Grid, cell: GridCell, n_stub: int, cells: list[Cell | None]
) -> Sequence[Word]:
    """A stub cell running into the value columns: the words before its first number are the
    label (returned); the number and the words after it become the cell of the value column
    they stand in (set in ``cells``)."""
    words = _reading_order(cell.words)
    start = next((i for i, w in enumerate(words) if is_value_text(w.text)), None)
    if start is None or start == 0:
        return cell.words
    label, value = words[:start], words[start:]
    if not is_value_text(_text(value)):
        return cell.words  # "halvår 2023 i alt": a year in a label, no value spilled
    if is_year(_text(value)) and all(c is None for c in cells):
        return cell.words  # "1. halvår 2023" alone on its row: a group label's period
    right = max(w.bbox[2] for w in value)
    col = next(
        (
            c
            for c in range(max(n_stub, cell.col0), cell.col1 + 1)
            if grid.col_edges[c] <= right <= grid.col_edges[c + 1] + 1.0
        ),
        cell.col1,
    )
    if cells[col - n_stub] is None:
        cells[col - n_stub] = _cell(grid, value)
    return label


def _reading_order(words: Sequence[Word]) -> list[Word]:
    """Words line by line (a word whose middle stands within the line's first word's height
    is on its line: "halvår" stands higher than "1." beside it), left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.bbox[1]):
        middle = (word.bbox[1] + word.bbox[3]) / 2
        if lines and lines[-1][0].bbox[1] <= middle <= lines[-1][0].bbox[3]:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [w for line in lines for w in sorted(line, key=lambda w: w.bbox[0])]


def _text(words: Sequence[Word]) -> str:
    return words_text(words) if words else ""


def _confidence(words: Sequence[Word]) -> float | None:
    """The lowest OCR confidence of a label's words, None when not OCR'd. Section signs are
    left out: read unsurely more often than not, they tell nothing of which row a label is
    (its paragraph number is a word of its own)."""
    values = [
        w.confidence for w in words if w.confidence is not None and not only_section_signs(w.text)
    ]
    if values:
        return min(values)
    return min((w.confidence for w in words if w.confidence is not None), default=None)
