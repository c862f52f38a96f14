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
from extract.detect.layout import word_size
from extract.detect.word_breaks import THOUSANDS_GROUP
from extract.detect.word_rows import LINE_OVERLAP
from extract.model import Word

__all__ = ["join_digit_groups"]

# The widest gap between two digit groups of one number, in ems of their size (a figure
# space is about 0.55 em; a column's gap is wider).
GROUP_GAP_EM = 1.0

_LEAD_GROUP = re.compile(r"^\d{1,3}$")


def join_digit_groups(grid: Grid, header_rows: int) -> Grid:
    """The grid with the leading digit groups of each headerless column moved to the column
    after it, and the column gone when that leaves it empty (see the module); the grid
    itself when there are none."""
    col = 1
    while col < grid.n_cols - 1:
        moved = _moved_groups(grid, header_rows, col)
        if moved is not grid:
            grid = moved
            if any(c.words for c in grid.cells if c.col0 == col == c.col1):
                col += 1
            else:
                grid = _without_column(grid, col)
        else:
            col += 1
    return grid


def _moved_groups(grid: Grid, header_rows: int, col: int) -> Grid:
    """The grid with the last word of each body cell of column ``col`` moved to its row's
    next cell, when the column has no header text of its own and each such word is a
    leading group with a group of three close after it (no other number in its cell: a
    footnote mark may stand before it); else the grid itself."""
    lone = [c for c in grid.cells if c.col0 == col == c.col1]
    if any(c.row0 < header_rows and c.words for c in lone):
        return grid
    body = [c for c in lone if c.row0 >= header_rows and c.words]
    if not body:
        return grid
    slots = grid.slots()
    pairs: list[tuple[GridCell, GridCell]] = []
    for cell in body:
        after = slots.get((cell.row0, col + 1))
        if after is None or not _leads(cell, after):
            return grid
        pairs.append((cell, after))
    if len({id(after) for _, after in pairs}) < len(pairs):
        return grid  # (one cell after two: rows spanned, not a number's groups)
    swap: dict[int, GridCell] = {}
    for cell, after in pairs:
        lead = max(cell.words, key=lambda w: w.bbox[0])
        swap[id(cell)] = replace(cell, words=tuple(w for w in cell.words if w is not lead))
        swap[id(after)] = replace(after, words=(lead, *after.words))
    cells = (swap.get(id(c), c) for c in grid.cells)
    return replace(grid, cells=tuple(c for c in cells if c.words or id(c) not in swap))


def _leads(cell: GridCell, after: GridCell) -> bool:
    """True for a cell ending in one leading digit group (no other number before it) with
    a group of three right after it on its line, within GROUP_GAP_EM."""
    if after.col0 != after.col1:
        return False
    lead = max(cell.words, key=lambda w: w.bbox[0])
    others = [w for w in cell.words if w is not lead]
    if any(ch.isdigit() for w in others for ch in w.text):
        return False
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


def _without_column(grid: Grid, col: int) -> Grid:
    """The grid without column ``col`` (no cell holds words in it alone), merged into the
    next: cells spanning it shrink, the edge between the two goes."""
    cells = [
        replace(
            cell,
            col0=cell.col0 if cell.col0 <= col else cell.col0 - 1,
            col1=cell.col1 if cell.col1 <= col else cell.col1 - 1,
        )
        for cell in grid.cells
        if not cell.col0 == col == cell.col1
    ]
    edges = grid.col_edges[: col + 1] + grid.col_edges[col + 2 :]
    return replace(grid, col_edges=edges, cells=tuple(cells))
