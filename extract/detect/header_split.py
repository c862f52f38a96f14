"""A header cell run over value columns that have no header of their own, split.

In: a page grid and its header row count. Out: the grid with each such header cell cut
into one cell per column its words stand over: headers of narrow columns set a word space
apart ("Stadfæstelse Ændr./oph.² Hjemvist" in a monospaced font) read as one text, put in
the first column, the other two left without a header.
"""

from __future__ import annotations

from dataclasses import replace

from extract.detect.grid import Grid, GridCell
from extract.detect.ruled_groups import slot_index
from extract.model import Word

__all__ = ["split_run_headers"]

# Each part names something: a word of this many letters at least.
PART_LETTERS = 3


def split_run_headers(grid: Grid, header_rows: int) -> Grid:
    """The grid with each header cell whose words stand over two value columns or more,
    none of the others holding header text, cut into one cell per column (see the module).
    A cell over sub-headers of its own (text under it in the header) is a group header and
    stays whole."""
    header = [c for c in grid.cells if c.row0 < header_rows and c.words]
    cells = list(grid.cells)
    for cell in header:
        if len(cell.words) < 2:
            continue
        parts = _parts(cell, grid.col_edges)
        if len(parts) < 2:
            continue
        columns = {k for k, _ in parts}
        others = [
            c for c in header if c is not cell and c.col0 <= max(columns) and c.col1 >= min(columns)
        ]
        if others and not _wraps_of_parts(others, cell, parts):
            continue  # (another header's text over those columns: sub-headers, or theirs)
        at = cells.index(cell)
        cells[at : at + 1] = [replace(cell, col0=k, col1=k, words=tuple(ws)) for k, ws in parts]
        cells = [  # (the empty slots the parts now fill)
            c
            for c in cells
            if c.words or not (c.row0 <= cell.row1 and c.row1 >= cell.row0 and c.col0 in columns)
        ]
    return replace(grid, cells=tuple(cells)) if cells != list(grid.cells) else grid


def _wraps_of_parts(
    others: list[GridCell], cell: GridCell, parts: list[tuple[int, list[Word]]]
) -> bool:
    """True when the header text ``others`` near ``cell``'s columns is the wrapped rest of
    some of its parts, not sub-headers of the cell: each piece lies below the cell, in one
    part's column, under that part's words; and some part has nothing under it (sub-headers
    stand under every column of their group). "Stadf. Hjemviste Ændret/Ophævet" read as one
    line over three narrow columns, "sager" under "Hjemviste" only."""
    words = dict(parts)
    if len({c.col0 for c in others}) >= len(parts):
        return False
    for other in others:
        own = words.get(other.col0)
        if other.row0 <= cell.row1 or other.col1 != other.col0 or own is None:
            return False
        left, right = min(w.bbox[0] for w in own), max(w.bbox[2] for w in own)
        box = other.bbox
        if box is None or box[0] >= right or box[2] <= left:
            return False
    return True


def _parts(cell: GridCell, edges: tuple[float, ...]) -> list[tuple[int, list[Word]]]:
    """The cell's words in runs by the value column its middle stands in (left to right; a
    narrow column's header reaches over its edges), or no runs when the words go back to a
    column left of the last or a run names nothing."""
    runs: list[tuple[int, list[Word]]] = []
    for word in sorted(cell.words, key=lambda w: w.bbox[0]):
        k = slot_index(edges, (word.bbox[0] + word.bbox[2]) / 2)
        if k is None or k == 0:
            return []
        if runs and runs[-1][0] == k:
            runs[-1][1].append(word)
        elif runs and runs[-1][0] > k:
            return []
        else:
            runs.append((k, [word]))
    if any(
        not any(sum(ch.isalpha() for ch in w.text) >= PART_LETTERS for w in ws) for _, ws in runs
    ):
        return []
    return runs
