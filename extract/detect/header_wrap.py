"""Header text wrapped over lines, joined: header cells (one grid row per header line) ->
cells spanning the rows of their wrapped text.

In: the header cells of an unruled (or line-by-line read) header and its lines. Out: the
cells with each cell's wrapped lines joined into one, value headers by column, the stub
header only when wrapped round the value headers.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.grid import GridCell
from extract.detect.header_groups import WRAP_GAP_EM
from extract.detect.layout import TextLine
from extract.model import Word

# A stub header wrapped over lines is centred on the value headers within this many font
# sizes (its cell spans the header's height, text set in its middle).
CENTRED_EM = 0.5


def join_wrapped_headers(cells: Sequence[GridCell], lines: Sequence[TextLine]) -> list[GridCell]:
    """Header cells (one row per line in ``lines``) with wrapped text joined: a cell under a
    cell of the same columns, at line spacing from its last line (gap under WRAP_GAP_EM),
    continues it and the two become one cell spanning both rows; a line holding nothing in
    those columns between them (a neighbour's header set half a line lower) does not part
    them. Stub header cells join only when wrapped round the value headers
    (``_centred_stub``). The last line, when it holds a stub label, keeps a
    value cell of its own (its row stays a header level; the label may start the body)."""
    out: list[GridCell] = []
    open_cells: dict[tuple[int, int], int] = {}  # columns -> index in out of the cell above
    stub_wraps = _centred_stub(cells, lines)
    for r, line in enumerate(lines):
        row = [cell for cell in cells if cell.row0 == r]
        keys = [(cell.col0, cell.col1) for cell in row]
        joins = [
            key in open_cells
            and (key[0] >= 1 or r in stub_wraps)
            and keys.count(key) == 1
            and line.top - lines[out[open_cells[key]].row1].bottom < WRAP_GAP_EM * line.font_size
            for key in keys
        ]
        values = [j for j, key in zip(joins, keys, strict=True) if key[0] >= 1]
        last = r == len(lines) - 1
        if last and any(key[0] == 0 for key in keys) and values and all(values):
            joins = [False] * len(keys)
        still_open = {
            key: index
            for key, index in open_cells.items()
            if not any(key[0] <= c1 and c0 <= key[1] for c0, c1 in keys)
        }
        for cell, key, join in zip(row, keys, joins, strict=True):
            if join:
                above = open_cells[key]
                prev = out[above]
                out[above] = GridCell(prev.row0, r, prev.col0, prev.col1, prev.words + cell.words)
                still_open[key] = above
            else:
                out.append(cell)
                still_open[key] = len(out) - 1
        open_cells = still_open
    return out


def _centred_stub(cells: Sequence[GridCell], lines: Sequence[TextLine]) -> set[int]:
    """The header rows whose stub cell continues the stub text above it: runs of stub
    cells at line spacing (gap under WRAP_GAP_EM) whose middle is the middle of the header
    lines holding value headers (within CENTRED_EM), a stub header wrapped and centred in a
    tall header cell ("hele" / "landet" round "2024q3", "lov om" / "social" / "service")."""
    stub_rows = sorted({c.row0 for c in cells if c.col0 == 0 and c.col1 == 0})
    value_rows = {c.row0 for c in cells if c.col0 >= 1}
    if not value_rows:
        return set()
    middle = (min(lines[r].top for r in value_rows) + max(lines[r].bottom for r in value_rows)) / 2
    runs: list[list[int]] = []
    for r in stub_rows:
        if runs and lines[r].top - lines[runs[-1][-1]].bottom < WRAP_GAP_EM * lines[r].font_size:
            runs[-1].append(r)
        else:
            runs.append([r])
    out: set[int] = set()
    for run in runs:
        top, bottom = lines[run[0]].top, lines[run[-1]].bottom
        size = lines[run[0]].font_size
        if len(run) >= 2 and abs((top + bottom) / 2 - middle) <= CENTRED_EM * size:
            out.update(run[1:])
    return out


def merge_same_span(cells: Sequence[GridCell]) -> list[GridCell]:
    """Cells (of one line each) with those of one row over the same columns made one (their
    words left to right: "H1" and "2023" set a wide space apart over one column), in
    order."""
    merged: dict[tuple[int, int, int], list[Word]] = {}
    for cell in cells:
        merged.setdefault((cell.row0, cell.col0, cell.col1), []).extend(cell.words)
    return [
        GridCell(r, r, c0, c1, tuple(sorted(words, key=lambda w: w.bbox[0])))
        for (r, c0, c1), words in merged.items()
    ]
