"""Text-made edges inside ruled tables: sub-columns and text rows.

Rulings often bound a table without drawing every row and column: booktabs style (rules
above and below the header and at the bottom only), columns drawn only between column
groups, a frame without column rules. In: a ruling cluster and the
text lines inside it. Out: *virtual* edges, column edges from whitespace and row edges from
text lines, that the lattice grid uses beside the drawn ones (``ruled.lattice_grid``). A
virtual edge separates two slots unless a text chunk crosses it. Also: whether a ruled
region is a chart rather than a table.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.detect.grid import Grid
from extract.detect.header_lines import split_header
from extract.detect.layout import TextLine
from extract.detect.ruled_groups import group_headers, slot_index
from extract.detect.text_bands import text_bands
from extract.detect.whitespace import column_bands, column_edges
from extract.detect.whitespace_rows import (
    at_left,
    body_row_groups,
    data_lines,
    is_data_line,
    stub_limit,
    value_chunks,
    values_round,
)

Span = tuple[float, float]
# Share of one-letter words above which a ruled region is a chart, not a table.
CHART_LETTERS = 0.25
# A lattice is a bar chart when this share of its text cells span TALL_ROWS rows or more.
TALL_SHARE = 0.2
TALL_ROWS = 4


def whitespace_columns(lines: Sequence[TextLine]) -> list[float]:
    """Column edges of the lines from whitespace (stub, label and value columns), or [] if
    none."""
    left = stub_limit(lines)
    bands = column_bands(lines, left)
    if not bands:
        return []
    return column_edges(lines, [*text_bands(lines, left, bands), *bands], left)


def sub_columns(lines: Sequence[TextLine], drawn: Sequence[float]) -> list[float]:
    """Virtual column edges inside drawn columns that hold several whitespace columns.

    ``drawn``: x of the drawn column edges, left to right. A drawn column holding two or more
    value columns side by side (e.g. "Male | Female" under a group drawn as one column), or
    the row labels and a value column, is split at the midpoints between them. Two columns
    count as side by side when at least two rows, and half the rows with a value in the
    drawn column, fill both.
    """
    left = stub_limit(lines)
    data = [line for line in lines if is_data_line(line, left)]
    rows = [
        [(c.x0, c.x1) for c in line.chunks if c.is_value and not at_left(c, left)] for line in data
    ]
    bands = column_bands(lines, left)
    labels = [_label_span(line, left) for line in data]
    label_right = max((label[1] for label in labels if label), default=None)
    if bands and label_right is not None and label_right < bands[0][0]:
        # the row labels count as a column (filled by the rows that have one)
        stub = (left, label_right)
        bands = [stub, *bands]
        rows = [[*row, stub] if label else row for row, label in zip(rows, labels, strict=True)]
    out: list[float] = []
    for a, b in itertools.pairwise(drawn):
        inside = [band for band in bands if a < (band[0] + band[1]) / 2 < b]
        filled = sum(1 for row in rows if any(_hits(span, band) for span in row for band in inside))
        for first, second in itertools.pairwise(inside):
            both = sum(
                1
                for row in rows
                if any(_hits(span, first) for span in row)
                and any(_hits(span, second) for span in row)
            )
            if second[0] > first[1] and both >= max(2, filled / 2):
                out.append((first[1] + second[0]) / 2)
    return out


def _label_span(line: TextLine, left: float) -> tuple[float, float] | None:
    """The x-extent of a data line's row label (its chunks before its first value right of
    the label), or None when the line does not start with a label at the left edge."""
    if not at_left(line.chunks[0], left):
        return None
    values = [c.x0 for c in line.chunks if c.is_value and not at_left(c, left)]
    end = min(values) if values else line.x1
    first = line.chunks[0]
    return first.x0, max((c.x1 for c in line.chunks if c.x1 <= end), default=first.x1)


def _hits(span: tuple[float, float], band: tuple[float, float]) -> bool:
    return span[0] < band[1] and span[1] > band[0]


def text_rows(
    ys: Sequence[float],
    lines: Sequence[TextLine],
    frame: Sequence[float] = (),
    soft_xs: Sequence[float] = (),
) -> list[float]:
    """Virtual row edges inside the bands between ruled rows ``ys`` (top to bottom).

    A band with two or more data lines (values with a row label) is several rows: header
    lines (those above its first data line) one row each, body lines grouped by
    ``whitespace.body_row_groups`` (wrapped labels join their row). A band without data
    lines holding a group header (``group_headers``) is cut below each group header line;
    otherwise its lines are one cell's wrapped text.
    """
    if not lines:
        return []
    left = stub_limit(lines)
    flags = {id(line): d for line, d in zip(lines, data_lines(lines, left), strict=True)}
    groups = group_headers(lines, frame, soft_xs)
    edges = sorted({*frame, *soft_xs})
    stub_right = edges[1] if len(edges) > 1 else float("inf")
    out: list[float] = []
    for top, bottom in itertools.pairwise(ys):
        band = [line for line in lines if top <= (line.top + line.bottom) / 2 < bottom]
        if len(band) < 2:
            continue
        data = sum(
            1
            for k, line in enumerate(band)
            if flags[id(line)] and (_led_by_label(line, left) or values_round(band, k - 1, left))
        )
        if data >= 2 or (data == 1 and _heading_over_row(band, flags)):
            n_header = split_header(band, left)
            rows = [[line] for line in band[:n_header]]
            for group in body_row_groups(band[n_header:], left):
                if (
                    rows
                    and len(rows) > n_header
                    and not _starts_row(group, stub_right, flags, left)
                    and not _heads_rows(group, rows[-1])
                    and group[0].top - rows[-1][-1].bottom < 0.5 * group[0].font_size
                ):
                    rows[-1].extend(group)  # wrapped cell text set tight under the row
                else:
                    rows.append(group)
        elif data == 0 and any(id(c) in groups for line in band for c in line.chunks):
            rows = _under_group_headers(band, groups)
        else:
            continue
        for above, below in itertools.pairwise(rows):
            low = max(line.bottom for line in above)
            high = min(line.top for line in below)
            out.append((low + high) / 2 if high > low else high)
    return out


def _starts_row(
    group: Sequence[TextLine], stub_right: float, data: dict[int, bool], left: float
) -> bool:
    """True for body lines that start a row: with text in the stub column (left of
    ``stub_right``), or data (``data`` by line id), or values beside a row label wrapped
    round them (an inner stub column's, the outer one blank); not the last line of a value
    cell's wrapped text."""
    if any(line.x0 < stub_right or data[id(line)] for line in group):
        return True
    values = [c.x0 for line in group for c in value_chunks(line, left)]
    return bool(values) and any(
        not c.is_value and any(ch.isalpha() for ch in c.text) and c.x1 < min(values)
        for line in group
        for c in line.chunks
    )


def _heading_over_row(band: Sequence[TextLine], data: dict[int, bool]) -> bool:
    """True for a band whose one data line (``data`` by line id) stands under label lines in
    bold, itself in regular type: a group heading over the row ("Boligstøtte" over
    "Indskudslån - § 54-71 | 30 | 24"), not its label wrapped (which keeps its font)."""
    at = next(k for k, line in enumerate(band) if data[id(line)])
    above = band[:at]
    return (
        bool(above)
        and all(line.bold and not any(c.is_value for c in line.chunks) for line in above)
        and not band[at].bold
    )


def _heads_rows(group: Sequence[TextLine], above: Sequence[TextLine]) -> bool:
    """True for bold label lines under a row set in regular type: a heading over the rows
    below it (in a second stub column), not the row's wrapped text, which keeps its font."""
    return all(line.bold for line in group) and not any(line.bold for line in above)


def _under_group_headers(
    band: Sequence[TextLine], groups: dict[int, tuple[float, float]]
) -> list[list[TextLine]]:
    """A header band cut below each line holding a group header; the lines under the last
    one stay together (sub-headers wrapped over several lines)."""
    rows: list[list[TextLine]] = [[]]
    for line in band:
        rows[-1].append(line)
        if any(id(c) in groups for c in line.chunks):
            rows.append([])
    return [row for row in rows if row]


def _led_by_label(line: TextLine, left: float) -> bool:
    """A line led by a row label, at the left edge or indented (header lines such as
    "1996/7 (000) 1992/3" start with a value)."""
    return at_left(line.chunks[0], left) or not line.chunks[0].is_value


def is_bar_chart(grid: Grid) -> bool:
    """True for a bar chart read as a lattice: a fifth of its text cells (three at least)
    reach down four rows or more (bars and labels between gridlines, not table cells)."""
    cells = [cell for cell in grid.cells if cell.words]
    tall = sum(1 for cell in cells if cell.row1 - cell.row0 >= TALL_ROWS - 1)
    return tall >= 3 and tall >= TALL_SHARE * len(cells)


def is_chart_text(lines: Sequence[TextLine]) -> bool:
    """True for the text of a chart: a quarter of its words are single letters (axis titles
    set vertically or letter-spaced come out one letter a word)."""
    words = [w.text for line in lines for w in line.words]
    letters = sum(1 for text in words if len(text) == 1 and text.isalpha())
    return len(words) >= 6 and letters >= CHART_LETTERS * len(words)


def crossed_edges(
    lines: Sequence[TextLine],
    ys: Sequence[float],
    cols: Sequence[float],
    frame: Sequence[float],
    soft_xs: Sequence[float],
    soft_y: set[int],
) -> set[tuple[tuple[int, int], str] | tuple[int, str]]:
    """Edges text crosses, and the rows holding data lines.

    ((row, col), "label"|"value"): a chunk of a line without (with) values in ``row``
    reaches across the column edge left of ``col``. ((row, col), "y"): a word in ``col``
    reaches across the virtual row edge above ``row`` by a quarter of its height on each
    side. (row, "data"): ``row`` holds a data line.
    """
    out: set[tuple[tuple[int, int], str] | tuple[int, str]] = set()
    left = stub_limit(lines)
    groups = group_headers(lines, frame, soft_xs)
    out.update(spanning_labels(lines, ys, cols))
    for line, data in zip(lines, data_lines(lines, left), strict=True):
        kind = "value" if data else "label"
        row_of_line = slot_index(ys, (line.top + line.bottom) / 2)
        if kind == "value" and row_of_line is not None:
            out.add((row_of_line, "data"))
        for chunk in line.chunks:
            x0, top, x1, bottom = chunk.bbox
            x0, x1 = groups.get(id(chunk), (x0, x1))  # a group header's whole phrase
            row = slot_index(ys, (top + bottom) / 2)
            if row is None:
                continue
            spans = kind == "value" or id(chunk) in groups
            for i in range(1, len(cols) - 1):
                if spans and x0 < cols[i] - 1.0 and x1 > cols[i] + 1.0:
                    out.add(((row, i), kind))
        for word in line.words:
            x0, top, x1, bottom = word.bbox
            col = slot_index(cols, (x0 + x1) / 2)
            reach = 0.25 * (bottom - top)
            if col is None:
                continue
            for i in soft_y:
                if top < ys[i] - reach and bottom > ys[i] + reach:
                    out.add(((i, col), "y"))
    return out


def spanning_labels(
    lines: Sequence[TextLine], ys: Sequence[float], cols: Sequence[float]
) -> set[tuple[tuple[int, int], str]]:
    """The column edges (((row, col), "label"), as ``crossed_edges``) crossed by a label
    alone in its row: one phrase, no values, from the stub's left edge (or after an outer
    stub column's label, "Hjemvisninger | Lov om højeste, mellemste førtidspension m.fl.",
    under the header), running on over the value columns (a heading naming the rows under
    it); all of it is the row's label."""
    left = stub_limit(lines)
    rows = [slot_index(ys, (line.top + line.bottom) / 2) for line in lines]
    body = {id(line) for line in lines[split_header(lines, left) :]}
    out: set[tuple[tuple[int, int], str]] = set()
    for line, row in zip(lines, rows, strict=True):
        if row is None or rows.count(row) > 1 or any(c.is_value for c in line.chunks):
            continue
        chunk = line.chunks[-1]
        if not at_left(line.chunks[0], left) or (len(line.chunks) > 1 and id(line) not in body):
            continue
        out.update(
            ((row, i), "label")
            for i in range(1, len(cols) - 1)
            if chunk.x0 < cols[i] - 1.0 and chunk.x1 > cols[i] + 1.0
        )
    return out


def joined_across(
    soft: bool, drawn: bool, label_across: bool, value_across: bool, data: bool
) -> bool:
    """Whether two slots side by side form one cell.

    A virtual edge (``soft``) joins them when a label or header chunk reaches across it. A
    drawn edge keeps them apart; a missing one joins them, except in a row of data where
    only a chunk reaching across joins them (rules left out of the body, not a span).
    """
    if soft:
        return label_across
    if drawn:
        return False
    return not data or label_across or value_across
