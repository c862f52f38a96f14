"""Whitespace tables: value columns from aligned number chunks, rows from line spacing.

In: the text lines of one table region (caption and notes already removed). Out: a ``Grid``
whose column 0 is the stub; which lines are header and which make a row comes from
``whitespace_rows``. Header lines become one grid row each, their text placed over its
columns by ``whitespace_header`` (wrapped text joined, group headers spanning their group);
body rows join wrapped label lines to the row they belong to. A column of label text
between the row labels and the values (an inner stub column) is a column of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from extract.detect.edge_fit import fitted_edges
from extract.detect.grid import Grid, GridCell
from extract.detect.header_groups import header_groups
from extract.detect.header_lines import split_header
from extract.detect.header_wrap import join_wrapped_headers, merge_same_span
from extract.detect.layout import Chunk, TextLine
from extract.detect.stub_labels import (
    body_label_ends,
    has_letter,
    stub_label_ends,
    year_in_stub,
)
from extract.detect.text_bands import Span, merge_spans, text_bands
from extract.detect.whitespace_header import (
    apart_beside,
    each_nearest_its_own,
    header_extents,
    line_spans,
    nearest_extents,
    split_over_sub_headers,
    stacked_extents,
)
from extract.detect.whitespace_rows import (
    at_left,
    body_row_groups,
    data_lines,
    stub_limit,
    value_chunks,
)
from extract.model import Word

_PUNCTUATION = re.compile(r"^[^\w§%]{1,3}$")
# A dot leader between a row label and its values ("0.99 ........ 800"): no cell text.
_LEADER = re.compile(r"^[.·…]{4,}$")
# A column edge stands this far (points) right of the label text left of it.
EDGE_PAD = 2.0


def column_bands(lines: Sequence[TextLine], left: float) -> list[tuple[float, float]]:
    """X-intervals of value columns, from the value chunks of data lines.

    A column is where values of at least two rows stand (one row in tables of fewer than
    four). A chunk reaching across two such columns (two values run together, or scanner dirt
    next to a digit) does not join them. A digit-bearing chunk right of the first column but
    outside every column makes a column of its own (a sparse column); lone punctuation
    outside every column is dirt, and digits left of all columns belong to a row label.
    """
    data = data_lines(lines, left)
    rows = [value_chunks(line, left) for line, d in zip(lines, data, strict=True) if d]
    spans = [[(c.x0, c.x1) for c in row] for row in rows]  # chunk extents, computed once
    support = 2 if len(rows) >= 4 else 1
    strong = [
        span
        for span in merge_spans([x for row in spans for x in row])
        if _rows_covering(spans, span) >= support
    ]
    cores = merge_spans([core for span in strong for core in _cores(spans, span, support)])
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
        c.x1
        for line, d in zip(lines, data, strict=True)
        if d
        for c in line.chunks
        if at_left(c, left)
    ]
    bands = [b for b in bands if not _in_stub(b, label_ends)]
    bands = [b for b in bands if not _years_in_stub(b, bands, lines, data)]
    first = bands[0][0] if bands else float("inf")
    lone = [
        (x0, x1)
        for row, row_spans in zip(rows, spans, strict=True)
        for c, (x0, x1) in zip(row, row_spans, strict=True)
        if any(ch.isdigit() for ch in c.text)
        and x0 > first  # digits left of every column belong to a row label
        and not any(x0 < b[1] and x1 > b[0] for b in bands)
    ]
    return sorted([*bands, *merge_spans(lone)])


def _years_in_stub(
    band: Span, bands: Sequence[Span], lines: Sequence[TextLine], data: Sequence[bool]
) -> bool:
    """True for a band of years each left of its row's label, a value band right of them
    all: a period stub column ("År | Afgørelsestype": "2019 | Realitetsbeh. sager")."""
    later = [b[0] for b in bands if b[0] > band[1]]
    if not later:
        return False
    inside = [
        (c, line)
        for line, d in zip(lines, data, strict=True)
        if d
        for c in line.chunks
        if c.is_value and c.x0 < band[1] and c.x1 > band[0]
    ]
    return bool(inside) and all(year_in_stub(c, line, later[0]) for c, line in inside)


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
    return merge_spans(cores)


def column_edges(
    lines: Sequence[TextLine], bands: Sequence[tuple[float, float]], left: float
) -> list[float]:
    """Edges of stub + value tiles: midpoints between neighbouring bands, each band widened
    to the header text standing over it (``header_widened``). The stub reaches past the row
    labels at the left edge and the indented ones (members under a group label). No edge
    cuts through body label text (left of every value) starting in the column left of it
    when it can stand past it, left of the next column's text (a wrapped row label's long
    first line, set beside no value: "... voksenansvar - § 4 og § 9,")."""
    data = data_lines(lines, left)
    first = split_header(lines, left)
    label_ends = [*stub_label_ends(lines, left, first), *body_label_ends(lines, left, data, first)]
    label_right = max((x1 for x1 in label_ends if x1 < bands[0][0]), default=bands[0][0] - 4.0)
    edges = [left - 1.0, _past(label_right, bands[0][0])]
    widened = header_widened(lines[:first], bands, left, label_ends)
    midway = [(right + nxt) / 2 for (_, right), (nxt, _) in itertools.pairwise(widened)]
    edges.extend(fitted_edges(lines[:first], widened, midway, left))
    last_gap = (bands[-1][0] - edges[-1]) if len(bands) > 1 else 20.0
    edges.append(bands[-1][1] + max(last_gap, 4.0))
    starts = [min(b[0], w[0]) for b, w in zip(bands, widened, strict=True)]
    values = [c for line, d in zip(lines, data, strict=True) if d for c in value_chunks(line, left)]
    value_left = next(  # the first band holding values (label columns come before it)
        (b[0] for b in bands if any(c.x0 < b[1] and b[0] < c.x1 for c in values)), bands[0][0]
    )
    body = [  # label text: in the body, starting left of every value
        c
        for line in lines[first:]
        for c in line.chunks
        if not c.is_value and has_letter(c.text) and c.x0 < value_left
    ]
    for k in range(1, len(edges) - 1):
        ends = [c.x1 for c in body if edges[k - 1] <= c.x0 < edges[k] < c.x1 < starts[k - 1]]
        if ends:  # label text (a wrapped label's long first line) stays in its column
            edges[k] = max(edges[k], _past(max(ends), starts[k - 1]))
    return edges


def _past(text_end: float, next_start: float) -> float:
    """A column edge right of text ending at ``text_end``, left of the next column's text
    starting at ``next_start``: a little past the text, at most half-way."""
    return min(text_end + EDGE_PAD, (text_end + next_start) / 2)


def header_widened(
    head: Sequence[TextLine], bands: Sequence[Span], left: float, label_ends: Sequence[float]
) -> list[Span]:
    """The bands, each joined with the header text over it (``head``: the header's lines):
    from every header line holding one chunk for each band (in order, each nearest its own
    band: a header centred in a wide cell over values set flush right; the joined bands
    still apart) and then with the chunks over one band alone (``_one_band_headers``), or
    else from the header's stacks of text (``stacked_extents``), so that a
    header wider than its values ("REALITETSBEH. I ALT" over "0") stays in its column when
    the columns stand close. ``label_ends``: where the row labels end (``stub_labels``)."""
    out = list(bands)
    for line in head:
        chunks = [c for c in line.chunks if not at_left(c, left)]
        if len(chunks) != len(bands) or not each_nearest_its_own(chunks, bands):
            continue
        wide = [(min(a[0], c.x0), max(a[1], c.x1)) for a, c in zip(out, chunks, strict=True)]
        if all(a[1] < b[0] for a, b in itertools.pairwise(wide)):
            out = wide
    if out != list(bands):
        return _one_band_headers(head, out, bands, left)
    if head:
        # the labels' right edge: header text left of it heads the stub (an inner stub
        # column's header, "Myndighed | Lovområde/bestemmelse", the outer one blank below)
        label_right = max((x for x in label_ends if x < bands[0][0]), default=left)
        stub_edge = min(label_right, bands[0][0])
        return (
            stacked_extents(head, bands, stub_edge)
            or nearest_extents(head, bands, stub_edge)
            or out
        )
    return out


def _one_band_headers(
    head: Sequence[TextLine], widened: Sequence[Span], bands: Sequence[Span], left: float
) -> list[Span]:
    """The ``widened`` bands, each joined further with the header chunks standing over its
    values and no other column's (``bands``: "Ændring/Ophævelse" set a line higher, wider
    than the "2024" under it), where the joined bands stay apart."""
    out = list(widened)
    for chunk in (c for line in head for c in line.chunks if not at_left(c, left)):
        over = [k for k, (a, b) in enumerate(bands) if chunk.x0 < b and a < chunk.x1]
        if len(over) != 1:
            continue
        k = over[0]
        wide = (min(out[k][0], chunk.x0), max(out[k][1], chunk.x1))
        if (k == 0 or out[k - 1][1] < wide[0]) and (k == len(out) - 1 or wide[1] < out[k + 1][0]):
            out[k] = wide
    return out


def tile_of(chunk: Chunk, edges: Sequence[float]) -> int:
    """The column tile (between ``edges``) the chunk overlaps most."""
    best, best_overlap = 0, -1e9
    for i in range(len(edges) - 1):
        overlap = min(chunk.x1, edges[i + 1]) - max(chunk.x0, edges[i])
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def whitespace_grid(lines: Sequence[TextLine], page: int, detector: str = "whitespace") -> Grid:
    """Grid of an unruled table region (lines top to bottom, caption/notes excluded)."""
    left = stub_limit(lines)
    bands = column_bands(lines, left)
    if not bands:
        raise ValueError("no value columns")
    bands = [*text_bands(lines, left, bands), *bands]
    edges = column_edges(lines, bands, left)
    n_header = split_header(lines, left)
    cells: list[GridCell] = []
    row_tops: list[float] = []
    head = split_over_sub_headers(lines[:n_header], edges)
    extents = header_extents(head, bands, edges) if n_header else []
    groups = header_groups(head, lines, extents, edges[1])
    spans = apart_beside(
        head,
        [line_spans(x.chunks, extents, edges[1], groups[r], edges[0]) for r, x in enumerate(head)],
    )
    for r, line in enumerate(head):
        row_tops.append(line.top)
        for chunk, (c0, c1) in zip(line.chunks, spans[r], strict=True):
            cells.append(GridCell(r, r, c0, c1, chunk.words))
    cells = join_wrapped_headers(merge_same_span(cells), lines[:n_header])
    for r, group in enumerate(body_row_groups(lines[n_header:], left), start=n_header):
        row_tops.append(min(line.top for line in group))
        per_tile: dict[int, list[Word]] = {}
        for line in group:
            for chunk in line.chunks:
                tile = 0 if at_left(chunk, left) or chunk.x1 <= edges[1] else tile_of(chunk, edges)
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
