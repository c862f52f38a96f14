"""Whitespace tables: value columns from aligned number chunks, rows from line spacing.

In: the text lines of one table region (caption and notes already removed). Out: a ``Grid``
whose column 0 is the stub. Header lines become one grid row each (the grid's header logic
merges wrapped header text); body rows join wrapped label lines to the row they belong to.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from statistics import median

from extract.detect.grid import Grid, GridCell
from extract.detect.layout import Chunk, TextLine, is_year, word_size
from extract.model import Word

# A header chunk spans every column extent holding this share of its width.
SPAN_SHARE = 0.2
# A label-only line joins a neighbouring row when its gap is below this share of the gap
# between consecutive single-line rows.
JOIN_SHARE = 0.6
_PUNCTUATION = re.compile(r"^[^\w§]{1,3}$")
# A dot leader between a row label and its values ("0.99 ........ 800"): no cell text.
_LEADER = re.compile(r"^[.·…]{4,}$")
# Header lines closer than this (in font sizes) are one wrapped header text.
WRAP_GAP_EM = 0.5
# How far (in font sizes) a row label may start right of the region's left edge.
LEFT_JITTER_EM = 0.4


def at_left(chunk: Chunk, left: float) -> bool:
    """True for a chunk starting at the region's left edge (a row label), allowing for the
    jitter of OCR word boxes (a few tenths of the font size)."""
    size = max(word_size(w) for w in chunk.words) or 9.0
    return chunk.x0 <= left + max(2.0, LEFT_JITTER_EM * size)


def stub_limit(lines: Sequence[TextLine]) -> float:
    """Left edge of the region: chunks starting here are row labels."""
    return min(line.x0 for line in lines)


def value_chunks(line: TextLine, left: float) -> list[Chunk]:
    """The line's value chunks that are not its row label."""
    return [c for c in line.chunks if c.is_value and not at_left(c, left)]


def is_data_line(line: TextLine, left: float) -> bool:
    """A line carrying table values (years alone with no label are header, not data)."""
    values = value_chunks(line, left)
    if not values:
        return False
    has_label = any(at_left(c, left) for c in line.chunks)
    if not has_label and all(is_year(c.text) for c in values):
        return False
    return has_label or len(values) >= 2


def _merge(spans: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping x-intervals merged, left to right."""
    merged: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 <= merged[-1][1] + 0.5:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def column_bands(lines: Sequence[TextLine], left: float) -> list[tuple[float, float]]:
    """X-intervals of value columns, from the value chunks of data lines.

    A column is where values of at least two rows stand (one row in tables of fewer than
    four). A chunk reaching across two such columns (two values run together, or scanner dirt
    next to a digit) does not join them. A digit-bearing chunk right of the first column but
    outside every column makes a column of its own (a sparse column); lone punctuation
    outside every column is dirt, and digits left of all columns belong to a row label.
    """
    rows = [value_chunks(line, left) for line in lines if is_data_line(line, left)]
    spans = [[(c.x0, c.x1) for c in row] for row in rows]  # chunk extents, computed once
    support = 2 if len(rows) >= 4 else 1
    strong = [
        span
        for span in _merge([x for row in spans for x in row])
        if _rows_covering(spans, span) >= support
    ]
    cores = _merge([core for span in strong for core in _cores(spans, span, support)])
    bands: list[tuple[float, float]] = []
    for core in cores:
        inside = [
            (x0, x1)
            for row in spans
            for x0, x1 in row
            if x0 < core[1]
            and x1 > core[0]
            and sum(1 for o in cores if x0 < o[1] and x1 > o[0]) == 1
        ]
        bands.append((min(x[0] for x in inside), max(x[1] for x in inside)) if inside else core)
    label_ends = [
        c.x1 for line in lines if is_data_line(line, left) for c in line.chunks if at_left(c, left)
    ]
    bands = [b for b in bands if not _in_stub(b, label_ends)]
    first = bands[0][0] if bands else float("inf")
    lone = [
        (x0, x1)
        for row, row_spans in zip(rows, spans, strict=True)
        for c, (x0, x1) in zip(row, row_spans, strict=True)
        if any(ch.isdigit() for ch in c.text)
        and x0 > first  # digits left of every column belong to a row label
        and not any(x0 < b[1] and x1 > b[0] for b in bands)
    ]
    return sorted([*bands, *_merge(lone)])


Span = tuple[float, float]


def _in_stub(band: Span, label_ends: Sequence[float]) -> bool:
    """True for a band of short row labels set flush right with the long ones ("250" under
    "1,000"): it ends where the row labels at the left edge (``label_ends``) end."""
    if not label_ends:
        return False
    end = max(label_ends)
    return band[0] < end and abs(band[1] - end) <= 2.0


def _rows_covering(rows: Sequence[Sequence[Span]], span: Span) -> int:
    return sum(1 for row in rows if any(x0 < span[1] and x1 > span[0] for x0, x1 in row))


def _cores(rows: Sequence[Sequence[Span]], span: Span, support: int) -> list[Span]:
    """Parts of ``span`` covered by value chunks of at least ``support`` rows (one sweep over
    the chunk edges: each row adds one over its chunks, overlapping chunks counted once)."""
    edges = sorted({x for row in rows for pair in row for x in pair if span[0] <= x <= span[1]})
    index = {x: i for i, x in enumerate(edges)}
    change = [0] * (len(edges) + 1)
    for row in rows:
        inside = sorted((x0, x1) for x0, x1 in row if x0 < span[1] and x1 > span[0])
        runs: list[list[float]] = []
        for x0, x1 in inside:
            if runs and x0 <= runs[-1][1]:
                runs[-1][1] = max(runs[-1][1], x1)
            else:
                runs.append([x0, x1])
        for x0, x1 in runs:
            change[index[max(x0, span[0])]] += 1
            change[index[min(x1, span[1])]] -= 1
    cores: list[Span] = []
    covering = 0
    for i, (a, b) in enumerate(itertools.pairwise(edges)):
        covering += change[i]
        if b - a > 0 and covering >= support:
            cores.append((a, b))
    return _merge(cores)


def column_edges(
    lines: Sequence[TextLine], bands: Sequence[tuple[float, float]], left: float
) -> list[float]:
    """Edges of stub + value tiles: midpoints between neighbouring bands."""
    label_right = max(
        (c.x1 for line in lines for c in line.chunks if at_left(c, left) and c.x1 < bands[0][0]),
        default=bands[0][0] - 4.0,
    )
    edges = [left - 1.0, min(label_right + 2.0, (label_right + bands[0][0]) / 2)]
    for (_, right), (nxt, _) in itertools.pairwise(bands):
        edges.append((right + nxt) / 2)
    last_gap = (bands[-1][0] - edges[-1]) if len(bands) > 1 else 20.0
    edges.append(bands[-1][1] + max(last_gap, 4.0))
    return edges


def header_extents(
    leaf: TextLine, bands: Sequence[tuple[float, float]], edges: Sequence[float]
) -> list[tuple[float, float]]:
    """Horizontal extent of each value column for placing header text.

    When the lowest header line has one chunk per column, a column is its band joined with
    that chunk; otherwise it is its tile (between the midpoints to its neighbours).
    """
    chunks = [c for c in leaf.chunks if c.x1 > edges[1]]
    if len(chunks) == len(bands):
        return [(min(b[0], c.x0), max(b[1], c.x1)) for b, c in zip(bands, chunks, strict=True)]
    return [(edges[i], edges[i + 1]) for i in range(1, len(edges) - 1)]


def header_span(
    chunk: Chunk, extents: Sequence[tuple[float, float]], stub_edge: float
) -> tuple[int, int]:
    """Grid columns (inclusive, stub = 0) a header chunk stands over.

    A chunk overlapping several column extents spans them; a chunk sitting in the gap between
    two columns (a group header centred over its pair) spans both.
    """
    if chunk.x1 <= stub_edge:
        return 0, 0
    width = max(chunk.x1 - chunk.x0, 0.1)
    centre = (chunk.x0 + chunk.x1) / 2
    hits = [
        i
        for i, (a, b) in enumerate(extents)
        if min(chunk.x1, b) - max(chunk.x0, a) >= SPAN_SHARE * width
        or (chunk.x0 <= a and b <= chunk.x1)
    ]
    for i in range(len(extents) - 1):
        if extents[i][1] <= centre <= extents[i + 1][0]:
            hits = [*hits, i, i + 1]
            break
    if not hits:
        hits = [
            min(
                range(len(extents)), key=lambda i: abs((extents[i][0] + extents[i][1]) / 2 - centre)
            )
        ]
    return 1 + min(hits), 1 + max(hits)


def _tile(chunk: Chunk, edges: Sequence[float]) -> int:
    best, best_overlap = 0, -1e9
    for i in range(len(edges) - 1):
        overlap = min(chunk.x1, edges[i + 1]) - max(chunk.x0, edges[i])
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def split_header(lines: Sequence[TextLine], left: float) -> int:
    """Number of leading lines that are column headers (before the first data line)."""
    for i, line in enumerate(lines):
        if is_data_line(line, left):
            # label-only lines right above the first data line belong to its row
            j = i
            while (
                j > 0
                and all(at_left(c, left) for c in lines[j - 1].chunks)
                and lines[j].top - lines[j - 1].bottom < 0.5 * lines[j].font_size
            ):
                j -= 1
            return j
    return 0


def body_row_groups(lines: Sequence[TextLine], left: float) -> list[list[TextLine]]:
    """Group body lines into rows: each data line anchors a row; label lines join by gap."""
    anchors = [is_data_line(line, left) for line in lines]
    gaps = [lines[i + 1].top - lines[i].bottom for i in range(len(lines) - 1)]
    row_gaps = [g for i, g in enumerate(gaps) if anchors[i] and anchors[i + 1]]
    size = median(line.font_size for line in lines) if lines else 9.0
    limit = JOIN_SHARE * median(row_gaps) if row_gaps else 0.35 * size
    owner: list[int] = list(range(len(lines)))
    for i in range(len(lines)):
        if anchors[i]:
            continue
        before = gaps[i - 1] if i > 0 else None
        after = gaps[i] if i < len(gaps) else None
        candidates = [(g, d) for g, d in ((before, -1), (after, 1)) if g is not None and g < limit]
        if candidates:
            _, direction = min(candidates)
            owner[i] = i + direction

    # follow chains of label lines to their anchor (or to a label-only row)
    def root(i: int) -> int:
        seen = set()
        while owner[i] != i and i not in seen:
            seen.add(i)
            i = owner[i]
        return i

    groups: dict[int, list[TextLine]] = {}
    for i, line in enumerate(lines):
        groups.setdefault(root(i), []).append(line)
    rows = [groups[k] for k in sorted(groups)]
    return _split_multi_anchor(rows, left)


def _split_multi_anchor(rows: list[list[TextLine]], left: float) -> list[list[TextLine]]:
    """A group with several data lines is several rows (label lines stay with the first)."""
    out: list[list[TextLine]] = []
    for row in rows:
        current: list[TextLine] = []
        for line in row:
            if is_data_line(line, left) and any(is_data_line(x, left) for x in current):
                out.append(current)
                current = []
            current.append(line)
        out.append(current)
    return out


def whitespace_grid(lines: Sequence[TextLine], page: int, detector: str = "whitespace") -> Grid:
    """Grid of an unruled table region (lines top to bottom, caption/notes excluded)."""
    left = stub_limit(lines)
    bands = column_bands(lines, left)
    if not bands:
        raise ValueError("no value columns")
    edges = column_edges(lines, bands, left)
    n_header = split_header(lines, left)
    cells: list[GridCell] = []
    row_tops: list[float] = []
    extents = header_extents(lines[n_header - 1], bands, edges) if n_header else []
    for r, line in enumerate(lines[:n_header]):
        row_tops.append(line.top)
        for chunk in line.chunks:
            c0, c1 = header_span(chunk, extents, edges[1])
            cells.append(GridCell(r, r, c0, c1, chunk.words))
    cells = join_wrapped_headers(cells, lines[:n_header])
    for r, group in enumerate(body_row_groups(lines[n_header:], left), start=n_header):
        row_tops.append(min(line.top for line in group))
        per_tile: dict[int, list[Word]] = {}
        for line in group:
            for chunk in line.chunks:
                tile = 0 if at_left(chunk, left) or chunk.x1 <= edges[1] else _tile(chunk, edges)
                if tile == 0 and not at_left(chunk, left) and _PUNCTUATION.match(chunk.text):
                    continue  # a speck in the label column (scanner dirt), not label text
                if _LEADER.match(chunk.text.replace(" ", "")):
                    continue
                per_tile.setdefault(tile, []).extend(chunk.words)
        for tile, words in sorted(per_tile.items()):
            cells.append(GridCell(r, r, tile, tile, tuple(words)))
    row_edges = (*row_tops, max(line.bottom for line in lines))
    return Grid(
        page=page,
        detector=detector,
        row_edges=tuple(row_edges),
        col_edges=tuple(edges),
        cells=tuple(cells),
    )


def join_wrapped_headers(cells: Sequence[GridCell], lines: Sequence[TextLine]) -> list[GridCell]:
    """Header cells (one row per line in ``lines``) with wrapped text joined: a cell directly
    under a cell of the same columns, at line spacing (gap under WRAP_GAP_EM), continues it
    and the two become one cell spanning both rows. A line with a stub label keeps a value
    cell of its own (its row stays a header level; the label may start the body)."""
    out: list[GridCell] = []
    open_cells: dict[tuple[int, int], int] = {}  # columns -> index in out of the cell above
    for r, line in enumerate(lines):
        row = [cell for cell in cells if cell.row0 == r]
        keys = [(cell.col0, cell.col1) for cell in row]
        tight = r > 0 and line.top - lines[r - 1].bottom < WRAP_GAP_EM * line.font_size
        joins = [
            tight and key[0] >= 1 and key in open_cells and keys.count(key) == 1 for key in keys
        ]
        values = [j for j, key in zip(joins, keys, strict=True) if key[0] >= 1]
        if any(key[0] == 0 for key in keys) and values and all(values):
            joins = [False] * len(keys)
        still_open: dict[tuple[int, int], int] = {}
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
