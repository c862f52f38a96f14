"""Stub columns of a table continued on the next page: which of the page before's stub
columns this page's first column is, and how many of its own stand within them.

In: the grid of the last page showing all stub columns (and their count), this page's grid
and layout. Out: column counts for ``continued._append``.
"""

from __future__ import annotations

from extract.detect.candidate import Layout
from extract.detect.grid import Grid


def first_column_at(prev_grid: Grid, n_stub: int, grid: Grid) -> int:
    """Which of the first ``n_stub`` columns of ``prev_grid`` the text of the first column
    of ``grid`` starts in (the middle of its cells' left edges), or else the one it stands
    over most (0 when none of them): an outer column read narrow on the page before, blank
    there, is still the first where this page fills it."""
    a, b = grid.col_edges[0], grid.col_edges[1]
    starts = sorted(  # (cells of the first column alone: one reaching over more, "heraf"
        # in a row whose first column's rule is left out, starts where its text does)
        c.bbox[0]
        for c in grid.cells
        if c.col0 == 0 and c.col1 == 0 and c.bbox is not None
    )
    if starts:
        x = starts[len(starts) // 2]
        for c in range(min(n_stub, prev_grid.n_cols)):
            if prev_grid.col_edges[c] <= x < prev_grid.col_edges[c + 1]:
                return c
    overlaps = [
        min(b, prev_grid.col_edges[c + 1]) - max(a, prev_grid.col_edges[c])
        for c in range(min(n_stub, prev_grid.n_cols))
    ]
    best = max(range(len(overlaps)), key=lambda c: overlaps[c], default=0)
    return best if overlaps and overlaps[best] > 0 else 0


def stubs_within(prev_grid: Grid, n_stub: int, skip: int, grid: Grid, layout: Layout) -> int:
    """How many of this page's own stub columns (``layout``) stand inside the stub columns
    ``skip`` on of ``prev_grid``: two label columns read as one there (a period beside the
    law rows, "2022 | Alle lovområder", in one column where the period is printed once) are
    still two here."""
    lo, hi = prev_grid.col_edges[skip], prev_grid.col_edges[min(n_stub, prev_grid.n_cols)]
    middles = [(grid.col_edges[c] + grid.col_edges[c + 1]) / 2 for c in range(layout.n_stub)]
    return sum(1 for m in middles if lo <= m < hi)
