"""Whitespace tables: value columns from aligned number chunks, rows from line spacing.

In: the text lines of one table region (caption and notes already removed). Out: a ``Grid``
whose column 0 is the stub. Header lines become one grid row each, their text placed over
its columns by ``whitespace_header`` (wrapped text joined, group headers spanning their
group); body rows join wrapped label lines to the row they belong to. A column of label text
between the row labels and the values (an inner stub column) is a column of its own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from statistics import median

from extract.detect.grid import Grid, GridCell
from extract.detect.layout import Chunk, TextLine, is_year, word_size
from extract.detect.whitespace_header import header_extents, join_wrapped_headers, line_spans
from extract.model import Word

# A label-only line joins a neighbouring row when its gap is below this share of the gap
# between consecutive single-line rows.
JOIN_SHARE = 0.6
_PUNCTUATION = re.compile(r"^[^\w§]{1,3}$")
# A dot leader between a row label and its values ("0.99 ........ 800"): no cell text.
_LEADER = re.compile(r"^[.·…]{4,}$")
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


def is_data_line(line: TextLine, left: float, value_left: float | None = None) -> bool:
    """A line carrying table values: a row label at the left edge and values, or two values
    (years alone with no label are header, not data). Given ``value_left`` (the left edge of
    the value columns), a label ending left of it is a row label too: an inner stub column's,
    its outer columns blank ("as above")."""
    values = value_chunks(line, left)
    if not values:
        return False
    has_label = any(at_left(c, left) for c in line.chunks)
    if not has_label and value_left is not None:
        has_label = _label_before(line, min(value_left, values[0].x0))
    if not has_label and all(is_year(c.text) for c in values):
        return False
    return has_label or len(values) >= 2


def _label_before(line: TextLine, edge: float) -> bool:
    """True when a chunk of label text (letters, no value) ends left of ``edge``."""
    return any(
        c.x1 < edge and not c.is_value and any(ch.isalpha() for ch in c.text) for c in line.chunks
    )


def _years_as_header(data: list[bool], lines: Sequence[TextLine], left: float) -> list[bool]:
    """``data`` with the first data line no data when its values are all years standing over
    values that are no years (a period header beside the stub header: "Lovområde | 2020")."""
    first = next((i for i, d in enumerate(data) if d), None)
    if first is None:
        return data
    years = value_chunks(lines[first], left)
    if not all(is_year(c.text) for c in years):
        return data
    below = [
        c
        for line, d in zip(lines[first + 1 :], data[first + 1 :], strict=True)
        if d
        for c in value_chunks(line, left)
    ]
    if all(any(o.x0 < c.x1 and c.x0 < o.x1 and not is_year(o.text) for o in below) for c in years):
        return [d and i != first for i, d in enumerate(data)]
    return data


def data_lines(lines: Sequence[TextLine], left: float) -> list[bool]:
    """For each line, whether it is a data line (``is_data_line``), the value columns' left
    edge taken from the lines with a label at the left edge (so a label in an inner stub
    column counts, a wrapped value cell's text does not)."""
    plain = _years_as_header([is_data_line(line, left) for line in lines], lines, left)
    value_left = min(
        (c.x0 for line, data in zip(lines, plain, strict=True) if data
         for c in value_chunks(line, left)),
        default=None,
    )  # fmt: skip
    if value_left is None:
        return plain
    return [
        data or is_data_line(line, left, value_left)
        for line, data in zip(lines, plain, strict=True)
    ]


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
    data = data_lines(lines, left)
    rows = [value_chunks(line, left) for line, d in zip(lines, data, strict=True) if d]
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
        c.x1
        for line, d in zip(lines, data, strict=True)
        if d
        for c in line.chunks
        if at_left(c, left)
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


def text_bands(lines: Sequence[TextLine], left: float, bands: Sequence[Span]) -> list[Span]:
    """X-intervals of label columns between the row labels and the values (``bands``): words
    that are no value, set flush left at one place on two data lines or more, and on one at
    least beside a row label at the left edge (an entity column, then a law-area column).
    Indented row labels (a heading's members) never share a line with a label at the edge."""
    if not bands:
        return []
    first = bands[0][0]
    runs: list[list[tuple[float, float, bool]]] = []  # flush-left groups of label chunks
    for line, data in zip(lines, data_lines(lines, left), strict=True):
        if not data:
            continue
        beside = any(at_left(c, left) for c in line.chunks)
        for c in line.chunks:
            if at_left(c, left) or c.is_value or c.x1 >= first or not _has_letter(c.text):
                continue
            run = next((r for r in runs if abs(r[0][0] - c.x0) <= 2.0), None)
            if run is None:
                runs.append([(c.x0, c.x1, beside)])
            else:
                run.append((c.x0, c.x1, beside))
    out = [
        (min(x0 for x0, _, _ in run), max(x1 for _, x1, _ in run))
        for run in runs
        if len(run) >= 2 and any(b for _, _, b in run)
    ]
    label_ends = [c.x1 for line in lines for c in line.chunks if at_left(c, left)]
    return [
        band
        for band in _merge(out)
        if not any(band[0] < end for end in label_ends if end < band[1])
    ]


def _has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def column_edges(
    lines: Sequence[TextLine], bands: Sequence[tuple[float, float]], left: float
) -> list[float]:
    """Edges of stub + value tiles: midpoints between neighbouring bands, each band widened
    to the header text standing over it (``header_widened``)."""
    label_right = max(
        (c.x1 for line in lines for c in line.chunks if at_left(c, left) and c.x1 < bands[0][0]),
        default=bands[0][0] - 4.0,
    )
    edges = [left - 1.0, min(label_right + 2.0, (label_right + bands[0][0]) / 2)]
    for (_, right), (nxt, _) in itertools.pairwise(header_widened(lines, bands, left)):
        edges.append((right + nxt) / 2)
    last_gap = (bands[-1][0] - edges[-1]) if len(bands) > 1 else 20.0
    edges.append(bands[-1][1] + max(last_gap, 4.0))
    return edges


def header_widened(lines: Sequence[TextLine], bands: Sequence[Span], left: float) -> list[Span]:
    """The bands, each joined with the header text over it: from every header line holding
    one chunk over each band (overlapping it, in order, the joined bands still apart), so
    that a header wider than its values ("REALITETSBEH. I ALT" over "0") stays in its
    column when the columns stand close."""
    out = list(bands)
    for line in lines[: split_header(lines, left)]:
        chunks = [c for c in line.chunks if not at_left(c, left)]
        if len(chunks) != len(bands):
            continue
        if not all(c.x0 < b[1] and b[0] < c.x1 for c, b in zip(chunks, bands, strict=True)):
            continue
        wide = [(min(a[0], c.x0), max(a[1], c.x1)) for a, c in zip(out, chunks, strict=True)]
        if all(a[1] < b[0] for a, b in itertools.pairwise(wide)):
            out = wide
    return out


def tile_of(chunk: Chunk, edges: Sequence[float]) -> int:
    """The column tile (between ``edges``) the chunk overlaps most."""
    best, best_overlap = 0, -1e9
    for i in range(len(edges) - 1):
        overlap = min(chunk.x1, edges[i + 1]) - max(chunk.x0, edges[i])
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def split_header(lines: Sequence[TextLine], left: float) -> int:
    """Number of leading lines that are column headers (before the first data line)."""
    for i, data in enumerate(data_lines(lines, left)):
        if data:
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
    anchors = data_lines(lines, left)
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
    rows: list[list[TextLine]] = []
    for key in sorted(groups):
        if rows and _finishes_word(rows[-1][-1], groups[key][0], left):
            rows[-1].extend(groups[key])  # a label broken over two lines with a hyphen
        else:
            rows.append(groups[key])
    data = {id(line): flag for line, flag in zip(lines, anchors, strict=True)}
    return _split_multi_anchor(rows, left, data)


def _split_multi_anchor(
    rows: list[list[TextLine]], left: float, data: dict[int, bool]
) -> list[list[TextLine]]:
    """A group with several data lines is several rows (label lines stay with the first),
    unless a line's label finishes a word the line above broke with a hyphen ("Landeve-",
    "jen"): then it is the same row's wrapped text."""
    out: list[list[TextLine]] = []
    for row in rows:
        current: list[TextLine] = []
        for line in row:
            new_row = data[id(line)] and any(data[id(x)] for x in current)
            if new_row and not _finishes_word(current[-1], line, left):
                out.append(current)
                current = []
            current.append(line)
        out.append(current)
    return out


def _finishes_word(above: TextLine, line: TextLine, left: float) -> bool:
    """True when ``line``'s row label starts in lower case and the label above ends with a
    hyphen: one word broken over the two lines."""
    label, before = line.chunks[0], above.chunks[0]
    if not (at_left(label, left) and at_left(before, left)):
        return False
    return before.text.endswith("-") and label.text[:1].islower()


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
    extents = header_extents(lines[n_header - 1], bands, edges) if n_header else []
    for r, line in enumerate(lines[:n_header]):
        row_tops.append(line.top)
        below = lines[r + 1].chunks if r + 1 < len(lines) else ()
        spans = line_spans(line.chunks, extents, edges[1], below)
        for chunk, (c0, c1) in zip(line.chunks, spans, strict=True):
            cells.append(GridCell(r, r, c0, c1, chunk.words))
    cells = join_wrapped_headers(cells, lines[:n_header])
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
