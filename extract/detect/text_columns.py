"""Unruled tables of text: columns found from where the words of many lines start.

A listing such as a register of properties ("Enhed | Område | Enhedsnavn | Adresse | Tlf. nr.
| …"), most of its cells text, has no column of aligned numbers for the whitespace detector to
find. Its columns show instead in where each line's chunks start: the same few left edges,
line after line, under a header line of text starting at those edges.

In: a page's free text lines (top to bottom). Out: (Grid, lines) per table found: a header
line of text (MIN_COLUMNS chunks or more) over at least MIN_BODY lines, every chunk of every
line starting at a column start (the header's, or one many lines share; a line of two chunks,
a group row, may stand among them), MIN_FIRM starts shared by most body lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from extract.detect.grid import TEXT_COLUMNS, Grid, GridCell
from extract.detect.layout import Chunk, TextLine

# A table has a header line and this many body lines at least, and this many columns.
MIN_BODY = 4
MIN_COLUMNS = 4
# A chunk starts at a column's edge when within this many font sizes of it.
ALIGN_EM = 0.8
# Column starts: the header's chunks' left edges, and those this share of a run's lines (two
# at least) share; a table has MIN_FIRM starts that START_SHARE of its body lines share.
SHARED_SHARE = 0.25
START_SHARE = 0.5
MIN_FIRM = 3
# Lines further apart than this many font sizes (the largest of the two lines' and the page's
# typical one: OCR's sizes vary from line to line) are no rows of one table.
ROW_GAP_EM = 2.5


def text_column_tables(
    page_number: int, lines: Sequence[TextLine]
) -> list[tuple[Grid, list[TextLine]]]:
    """The text tables among ``lines`` (see the module docstring)."""
    found: list[tuple[Grid, list[TextLine]]] = []
    run: list[TextLine] = []
    sizes = [line.font_size for line in lines if len(line.chunks) >= 2]
    typical = median(sizes) if sizes else 0.0
    for line in [*lines, None]:
        apart = (
            line is None
            or len(line.chunks) < 2
            or (
                run
                and line.top - run[-1].bottom
                > ROW_GAP_EM * max(line.font_size, run[-1].font_size, typical)
            )
        )
        if apart:
            found.extend(_tables(run, page_number))
            run = []
        if line is not None and len(line.chunks) >= 2:
            run.append(line)
    return found


def _tables(run: Sequence[TextLine], page_number: int) -> list[tuple[Grid, list[TextLine]]]:
    """The tables in one run of lines of two chunks or more: each from a header line on, over
    the lines whose every chunk starts at a column start (the header's chunks' left edges
    and those the run's lines share), while they do."""
    if len(run) < MIN_BODY + 1:
        return []
    size = median(line.font_size for line in run)
    tolerance = ALIGN_EM * size
    shared = _starts(run, tolerance, max(2.0, SHARED_SHARE * len(run)))
    tables: list[tuple[Grid, list[TextLine]]] = []
    i = 0
    while i < len(run):
        head = run[i]
        if not _is_header(head):
            i += 1
            continue
        starts = _merged([c.x0 for c in head.chunks], shared, tolerance)
        rows: list[tuple[TextLine, list[int]]] = []  # each line with its chunks' columns
        for line in run[i:]:
            columns = _assign(line, starts, tolerance)
            if columns is None:
                break
            rows.append((line, columns))
        body = [line for line, _ in rows[1:]]
        firm = _starts(body, tolerance, START_SHARE * len(body)) if body else []
        if len(body) >= MIN_BODY and len(firm) >= MIN_FIRM:
            tables.append((_grid(rows, starts, page_number), [line for line, _ in rows]))
            i += len(rows)
        else:
            i += 1
    return tables


def _merged(header: Sequence[float], shared: Sequence[float], tolerance: float) -> list[float]:
    """The header's column starts, and the shared ones no header start stands near."""
    extra = [x for x in shared if all(abs(x - h) > tolerance for h in header)]
    return sorted([*header, *extra])


def _starts(run: Sequence[TextLine], tolerance: float, need: float) -> list[float]:
    """The left edges at least ``need`` lines of ``run`` have a chunk starting at (within
    ``tolerance``), left to right."""
    edges = sorted((c.x0, k) for k, line in enumerate(run) for c in line.chunks)
    clusters: list[list[tuple[float, int]]] = []
    for edge in edges:
        if clusters and edge[0] - clusters[-1][-1][0] <= tolerance:
            clusters[-1].append(edge)
        else:
            clusters.append([edge])
    return [
        min(x for x, _ in cluster) for cluster in clusters if len({k for _, k in cluster}) >= need
    ]


def _column(chunk: Chunk, starts: Sequence[float], tolerance: float) -> int | None:
    """The column whose start ``chunk`` starts at, or None."""
    return next((k for k, x in enumerate(starts) if abs(chunk.x0 - x) <= tolerance), None)


def _assign(line: TextLine, starts: Sequence[float], tolerance: float) -> list[int] | None:
    """The column of each of the line's chunks, or None when one fits none: a chunk starts
    at a column's start, or goes on the cell of the chunk before it (a word set apart within
    a cell: "Bybjergvej 4" | "3")."""
    columns: list[int] = []
    for chunk in line.chunks:
        column = _column(chunk, starts, tolerance)
        if column is None:
            column = max((k for k, x in enumerate(starts) if x < chunk.x0), default=-1)
            if not columns or columns[-1] != column:
                return None
        columns.append(column)
    return columns


def _is_header(line: TextLine) -> bool:
    """A header line: MIN_COLUMNS chunks of text or more, no value among them."""
    return len(line.chunks) >= MIN_COLUMNS and not any(c.is_value for c in line.chunks)


def _grid(rows: Sequence[tuple[TextLine, list[int]]], starts: Sequence[float], page: int) -> Grid:
    """One row per line (with its chunks' columns, ``_assign``), one column per start
    (column 0 the first: the row labels); a chunk running past the next columns' starts
    spans them."""
    lines = [line for line, _ in rows]
    left = min(min(c.x0 for c in line.chunks) for line in lines)
    col_edges = (left, *(x - 1.0 for x in starts[1:]), max(line.x1 for line in lines))
    row_edges = (*(line.top for line in lines), lines[-1].bottom)
    cells: list[GridCell] = []
    for row, (line, columns) in enumerate(rows):
        for column in dict.fromkeys(columns):
            chunks = [c for c, k in zip(line.chunks, columns, strict=True) if k == column]
            end = max(c.x1 for c in chunks)
            # (a chunk ending before every start, a speck left of the first, spans nothing)
            reached = (k for k, x in enumerate(starts) if x < end - 1.0)
            last = max(column, max(reached, default=column))
            words = tuple(w for c in chunks for w in c.words)
            cells.append(GridCell(row, row, column, last, words))
    return Grid(page, TEXT_COLUMNS, row_edges, col_edges, tuple(cells))
