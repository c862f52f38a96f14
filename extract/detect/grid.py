"""The cell grid every detector produces, and its conversion to a ``TableCandidate``.

A ``Grid`` is rows x columns of slots on one page with ``GridCell``s that may span slots.
Column 0 is the stub (row labels). ``to_candidate`` finds the header rows, builds each value
column's header path (one level per distinct span, top first) and the body rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from extract.detect.layout import group_word_rows, is_value_text, is_year, union_bbox
from extract.model import BBox, Cell, TableCandidate, TableRow, Word

# Words of the text layer whose boxes touch (gap at most this, in points) are one word.
TOUCH = 0.05


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell covering rows row0..row1 and columns col0..col1 (inclusive)."""

    row0: int
    row1: int
    col0: int
    col1: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return words_text(self.words)

    @property
    def bbox(self) -> BBox | None:
        return union_bbox(w.bbox for w in self.words) if self.words else None


@dataclass(frozen=True, slots=True)
class Grid:
    """Slots of one table on one page, with the cells found in them."""

    page: int
    detector: str
    row_edges: tuple[float, ...]
    col_edges: tuple[float, ...]
    cells: tuple[GridCell, ...]

    @property
    def n_rows(self) -> int:
        return len(self.row_edges) - 1

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1

    @property
    def bbox(self) -> BBox:
        return (self.col_edges[0], self.row_edges[0], self.col_edges[-1], self.row_edges[-1])

    def cell_at(self, row: int, col: int) -> GridCell | None:
        """The cell covering slot (row, col), or None."""
        return self.slots().get((row, col))

    def slots(self) -> dict[tuple[int, int], GridCell]:
        """Every covered slot and its cell (built on each call; callers keep it)."""
        return {
            (r, c): cell
            for cell in self.cells
            for r in range(cell.row0, cell.row1 + 1)
            for c in range(cell.col0, cell.col1 + 1)
        }


def words_text(words: Sequence[Word]) -> str:
    """Text of words read line by line, lines joined with one space.

    Words that touch (a small-caps initial and the rest of its word, set in two sizes) are
    one word: no space between them.
    """
    if not words:
        return ""
    tops = [w.bbox[1] for w in words]
    if max(tops) - min(tops) < 1.0:  # one line: the common case, no grouping needed
        return _line_text(words)
    rows = sorted(group_word_rows(words), key=lambda row: min(w.bbox[1] for w in row))
    return " ".join(_line_text(row) for row in rows)


def _line_text(words: Sequence[Word]) -> str:
    ordered = sorted(words, key=lambda w: w.bbox[0])
    parts = [ordered[0].text]
    for prev, word in itertools.pairwise(ordered):
        touching = word.source == "text" and abs(word.bbox[0] - prev.bbox[2]) <= TOUCH
        parts.append(word.text if touching else f" {word.text}")
    return "".join(parts)


def _is_data(text: str, stub: str) -> bool:
    """A value cell that holds data (a year counts as data only when the row has a label)."""
    if not text or not is_value_text(text):
        return False
    return not (is_year(text) and not stub)


def has_body_values(grid: Grid) -> bool:
    """True when some value column below the header holds text."""
    header = header_row_count(grid)
    return any(cell.words for cell in grid.cells if cell.col0 >= 1 and cell.row0 >= header)


def header_row_count(grid: Grid) -> int:
    """Leading rows that are column headers.

    The header ends with the last row, before the first row holding data, that has text over
    the value columns; label-only rows between it and the data (e.g. "Ishøj" above its rows)
    belong to the body.
    """
    slots = grid.slots()
    count = 0
    for row in range(grid.n_rows):
        stub_cell = slots.get((row, 0))
        stub = stub_cell.text if stub_cell and stub_cell.row0 == row else ""
        texts = [_own_text(slots, row, col) for col in range(1, grid.n_cols)]
        if any(_is_data(t, stub) for t in texts):
            break
        if any(texts):
            count = row + 1
    return count


def _own_text(slots: dict[tuple[int, int], GridCell], row: int, col: int) -> str:
    cell = slots.get((row, col))
    return cell.text if cell is not None and cell.row0 == row else ""


def column_paths(grid: Grid, header_rows: int) -> tuple[tuple[str, ...], ...]:
    """Header path of each value column: the texts above it, one level per distinct cell."""
    slots = grid.slots()
    paths: list[tuple[str, ...]] = []
    for col in range(1, grid.n_cols):
        levels: list[str] = []
        spans: list[tuple[int, int]] = []
        seen: set[int] = set()
        for row in range(header_rows):
            cell = slots.get((row, col))
            if cell is None or id(cell) in seen or not cell.text:
                continue
            seen.add(id(cell))
            span = (cell.col0, cell.col1)
            if spans and spans[-1] == span:
                levels[-1] = f"{levels[-1]} {cell.text}"
            else:
                levels.append(cell.text)
                spans.append(span)
        paths.append(tuple(levels))
    return tuple(paths)


def stub_header(grid: Grid, header_rows: int) -> str:
    """Text above the row labels (e.g. "År"), or ""."""
    texts: list[str] = []
    for row in range(header_rows):
        cell = grid.cell_at(row, 0)
        if cell is not None and cell.row0 == row and cell.col1 == 0 and cell.text:
            texts.append(cell.text)
    return " ".join(texts)


def body_rows(grid: Grid, header_rows: int) -> list[TableRow]:
    """Body rows: the label (stub text) and one Cell per value column (None when empty)."""
    slots = grid.slots()
    rows: list[TableRow] = []
    for row in range(header_rows, grid.n_rows):
        stub_cell = slots.get((row, 0))
        label = stub_cell.text if stub_cell is not None and stub_cell.row0 == row else ""
        cells: list[Cell | None] = []
        for col in range(1, grid.n_cols):
            cell = slots.get((row, col))
            if cell is None or cell.row0 != row or not cell.words:
                cells.append(None)
                continue
            cells.append(
                Cell(
                    text=cell.text,
                    page=grid.page,
                    bbox=cell.bbox,
                    ocr_confidence=_confidence(cell.words),
                )
            )
        if not label and not any(c is not None for c in cells):
            continue
        label_words = stub_cell.words if stub_cell is not None and label else ()
        rows.append(
            TableRow(
                label=label,
                cells=tuple(cells),
                page=grid.page,
                label_bbox=stub_cell.bbox if stub_cell else None,
                label_confidence=_confidence(label_words),
                label_repairs=tuple(
                    f"{w.read_as} -> {w.text}" for w in label_words if w.read_as is not None
                ),
            )
        )
    return rows


def _confidence(words: Sequence[Word]) -> float | None:
    values = [w.confidence for w in words if w.confidence is not None]
    return min(values) if values else None


def to_candidate(
    grid: Grid,
    table_id: str,
    caption: str | None,
    title: str | None,
    notes: tuple[str, ...],
) -> TableCandidate:
    """The TableCandidate for one page's grid."""
    header_rows = header_row_count(grid)
    return TableCandidate(
        table_id=table_id,
        detector=grid.detector,
        pages=(grid.page,),
        bbox=grid.bbox,
        caption=caption,
        title=title,
        notes=notes,
        stub_header=stub_header(grid, header_rows),
        column_headers=column_paths(grid, header_rows),
        rows=tuple(body_rows(grid, header_rows)),
    )
