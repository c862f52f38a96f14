"""A number's digit groups cut into two columns, joined again.

In: a page grid and its header row count. Out: the grid with each such pair of columns made
one. A thousands space set as wide as a digit ("18 389 sager", a figure space) is wider than a
word space, so the layout reads "18" and "389 sager" as two cells; in every row they stand in
two columns, the first without a header of its own and holding nothing but groups of one to
three digits, the next starting with a group of exactly three at most GROUP_GAP_EM after it.
Read apart, the value would be "389", a wrong number that looks right.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.detect.grid import Grid, GridCell
from extract.detect.layout import LINE_OVERLAP, word_size
from extract.detect.word_breaks import THOUSANDS_GROUP
from extract.model import Word

__all__ = ["join_digit_groups"]

# The widest gap between two digit groups of one number, in ems of their size (a figure
# space is about 0.55 em; a column's gap is wider).
GROUP_GAP_EM = 1.0

_LEAD_GROUP = re.compile(r"^\d{1,3}$")


def join_digit_groups(grid: Grid, header_rows: int) -> Grid:
    """The grid with each headerless column of leading digit groups joined to the column
    after it (see the module); the grid itself when there is none."""
    col = 1
    while col < grid.n_cols - 1:
        if _split_groups(grid, header_rows, col):
            grid = _joined(grid, col)
        else:
            col += 1
    return grid


def _split_groups(grid: Grid, header_rows: int, col: int) -> bool:
    """True when column ``col`` has no header text of its own and each of its body cells is
    one leading group whose row's next cell starts with a group of three close after it."""
    lone = [c for c in grid.cells if c.col0 == col == c.col1]
    if any(c.row0 < header_rows and c.words for c in lone):
        return False
    body = [c for c in lone if c.row0 >= header_rows and c.words]
    if not body:
        return False
    slots = grid.slots()
    return all(_leads(cell, slots.get((cell.row0, col + 1))) for cell in body)


def _leads(cell: GridCell, after: GridCell | None) -> bool:
    """True for a cell of one leading digit group with a group of three right after it on
    its line, within GROUP_GAP_EM."""
    if after is None or after.col0 != after.col1 or len(cell.words) != 1:
        return False
    lead = cell.words[0]
    if lead.source == "ocr" or not _LEAD_GROUP.match(lead.text):
        return False
    on_line = [w for w in after.words if _same_line(lead, w) and w.bbox[0] >= lead.bbox[2]]
    if not on_line:
        return False
    first = min(on_line, key=lambda w: w.bbox[0])
    gap = first.bbox[0] - lead.bbox[2]
    return bool(THOUSANDS_GROUP.match(first.text)) and gap <= GROUP_GAP_EM * word_size(lead)


def _same_line(a: Word, b: Word) -> bool:
    overlap = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
    return overlap >= LINE_OVERLAP * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1])


def _joined(grid: Grid, col: int) -> Grid:
    """The grid with column ``col`` merged into the next: its cells' words joined to that
    column's cells of the same rows, the edge between them gone."""
    leads = {c.row0: c for c in grid.cells if c.col0 == col == c.col1 and c.words}
    cells: list[GridCell] = []
    for cell in grid.cells:
        if cell.col0 == col == cell.col1:
            continue
        col0 = cell.col0 if cell.col0 <= col else cell.col0 - 1
        col1 = cell.col1 if cell.col1 <= col else cell.col1 - 1
        words = cell.words
        lead = leads.get(cell.row0)
        if lead is not None and cell.col0 == col + 1:
            words = lead.words + words
        cells.append(replace(cell, col0=col0, col1=col1, words=words))
    edges = grid.col_edges[: col + 1] + grid.col_edges[col + 2 :]
    return replace(grid, col_edges=edges, cells=tuple(cells))
