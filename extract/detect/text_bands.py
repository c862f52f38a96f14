"""Label columns between the row labels and the values of an unruled table (inner stub
columns: an entity column, then a law-area column), from label chunks set flush left at
one place.

In: a table region's text lines, the stub's left edge and its value bands. Out: the
x-intervals of its label columns; also ``merge_spans`` for overlapping intervals.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.header_lines import split_header
from extract.detect.layout import Chunk, TextLine
from extract.detect.stub_labels import has_letter, year_in_stub
from extract.detect.whitespace_rows import at_left, data_lines, value_chunks, values_round

Span = tuple[float, float]
# Label chunks starting within this many points of each other are set flush left at one place.
FLUSH_LEFT_PT = 2.0


def merge_spans(spans: Sequence[Span]) -> list[Span]:
    """Overlapping x-intervals merged, left to right."""
    merged: list[list[float]] = []
    for x0, x1 in sorted(spans):
        if merged and x0 <= merged[-1][1] + 0.5:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def text_bands(lines: Sequence[TextLine], left: float, bands: Sequence[Span]) -> list[Span]:
    """X-intervals of label columns between the row labels and the values (``bands``): words
    that are no value, set flush left at one place on two data lines or more (or label
    lines whose row's values stand under them: ``values_round``; a header word set there
    counts as one: "måned" over "November 2023"), and on one at least
    beside a label left of them (an entity column, then a law-area column; the whole
    row may be indented). Indented row labels (a heading's members) never share a line with
    a label left of them."""
    if not bands:
        return []
    first = bands[0][0]
    runs: list[list[tuple[float, float, bool]]] = []  # flush-left groups of label chunks
    for i, (line, data) in enumerate(zip(lines, data_lines(lines, left), strict=True)):
        if not (data or values_round(lines, i, left)):
            continue
        labels = [
            c.x1 for c in line.chunks if at_left(c, left) or (not c.is_value and has_letter(c.text))
        ]
        for c in line.chunks:
            if at_left(c, left) or c.x1 >= first:
                continue
            if (c.is_value or not has_letter(c.text)) and not year_in_stub(c, line, first):
                continue
            _add_to_run(runs, c, beside=any(x1 < c.x0 for x1 in labels))
    # a stub column's header ("udfald | måned | sagsemne") stands for one more line
    heads = [
        (c.x0, c.x1)
        for line in lines[: split_header(lines, left)]
        for c in line.chunks
        if not at_left(c, left) and c.x1 < first and has_letter(c.text)
    ]
    out = [
        (min(x0 for x0, _, _ in run), max(x1 for _, x1, _ in run))
        for run in runs
        if len(run) + _headed(run, heads) >= 2 and any(b for _, _, b in run)
    ] or _inner_column(runs)
    label_ends = [
        c.x1
        for i, line in enumerate(lines)
        if not _group_heading(lines, i, left)
        for c in line.chunks
        if at_left(c, left)
    ]
    return [
        band
        for band in merge_spans(out)
        if not any(band[0] < end for end in label_ends if end < band[1])
    ]


def _headed(run: Sequence[tuple[float, float, bool]], heads: Sequence[Span]) -> bool:
    """True when a header chunk not in the run (a header line read as a row is) starts
    where the run's chunks start."""
    inside = {(x0, x1) for x0, x1, _ in run}
    return any(abs(x0 - run[0][0]) <= FLUSH_LEFT_PT and (x0, x1) not in inside for x0, x1 in heads)


def _add_to_run(runs: list[list[tuple[float, float, bool]]], chunk: Chunk, beside: bool) -> None:
    """Add a label chunk to the run of chunks starting where it starts (or a new run)."""
    run = next((r for r in runs if abs(r[0][0] - chunk.x0) <= FLUSH_LEFT_PT), None)
    if run is None:
        runs.append([(chunk.x0, chunk.x1, beside)])
    else:
        run.append((chunk.x0, chunk.x1, beside))


def _inner_column(runs: Sequence[Sequence[tuple[float, float, bool]]]) -> list[Span]:
    """The inner label column of rows whose labels start at two places or more (a law row,
    provisions indented under it) when the first of them stands beside an outer label
    ("Hele landet i alt | Almenboligloven" over "Almene boliger - § 54-61", a table's first
    rows at a page's foot) and no label starts left of it: from there to the labels' end."""
    chunks = [chunk for run in runs for chunk in run]
    beside = [x0 for x0, _, b in chunks if b]
    if len(chunks) < 2 or not beside:
        return []
    start = min(beside)
    if any(x0 < start - FLUSH_LEFT_PT for x0, _, _ in chunks):
        return []
    return [(start, max(x1 for _, x1, _ in chunks))]


def _group_heading(lines: Sequence[TextLine], i: int, left: float) -> bool:
    """True for a line of one short label (no value, five words at most) at the left edge
    over a data line starting there too, at row spacing (not tight, as a wrapped label's
    lines stand): a group heading, whose text may run across the stub columns."""
    line = lines[i]
    if i + 1 >= len(lines) or len(line.chunks) != 1 or line.chunks[0].is_value:
        return False
    below = lines[i + 1]
    spaced = below.top - line.bottom >= 0.5 * below.font_size
    starts = at_left(line.chunks[0], left) and at_left(below.chunks[0], left)
    return len(line.words) <= 5 and spaced and starts and bool(value_chunks(below, left))
