"""Rule bands joined into tables: stacked clusters of horizontal rules or shaded bands.

In: a page's ``RulingCluster``s of horizontal rules (``rulings.cluster_rulings``), top to
bottom, and its text lines. Out: the clusters of one table joined (a long booktabs table
whose rules stand only between groups of rows, zebra stripes past an unshaded row, a shaded
header band over the rows under it), and a cluster reaching over the unshaded row of values
right above its first rule and right under its last one (``with_edge_rows``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.detect.captions import CAPTION, is_stop
from extract.detect.layout import TextLine, is_year
from extract.detect.rulings import SNAP, RulingCluster, crosses_rule, row_edges, rule_count
from extract.detect.whitespace_rows import (
    at_left,
    counts_value,
    data_lines,
    is_data_line,
    stub_limit,
    value_chunks,
)
from extract.model import Ruling

__all__ = ["join_rule_bands", "with_edge_rows"]

# A row of values whose middle stands this close (in font sizes) to a cluster's first or
# last rule belongs to it (``with_edge_rows``).
EDGE_ROW_EM = 1.6
# A group's label between two bands of rules stands on one row: the bands are at most this
# far apart (in font sizes).
GROUP_ROW_EM = 3.0
# A wrapped label's lines start within this many points of each other.
FLUSH_PT = 2.0
# A header between a table's top rule and its first rule of rows has at most this many
# lines, the first at most this many font sizes under the top rule.
HEADER_BAND_LINES = 8
HEADER_GAP_EM = 1.5


def join_rule_bands(
    clusters: Sequence[RulingCluster], lines: Sequence[TextLine]
) -> list[RulingCluster]:
    """Clusters of horizontal rules only (or shaded bands), over the same span, joined when
    the text lines between them are tabular (some data, no line of text reaching across the
    value columns) and the lower cluster does not start with a header: one long booktabs
    table whose rules stand only between groups of rows. In: clusters top to bottom (single
    rules too). Out: the joined clusters with two rules or more."""
    out: list[RulingCluster] = []
    for cluster in (part for c in clusters for part in _split_at_captions(c, lines)):
        last = out[-1] if out else None
        if last is not None and _same_band(last, cluster, lines):
            box = (
                min(last.bbox[0], cluster.bbox[0]),
                last.bbox[1],
                max(last.bbox[2], cluster.bbox[2]),
                max(last.bbox[3], cluster.bbox[3]),
            )
            out[-1] = RulingCluster(last.rulings + cluster.rulings, box)
        else:
            out.append(cluster)
    return [cluster for cluster in out if rule_count(cluster) >= 2]


def _split_at_captions(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[RulingCluster]:
    """The cluster cut at each table caption ("Tabel 2.2 ...") standing between two of its
    rules, no rule of it crossing the caption's line: rules stacked over the same span
    (one table's bottom rule, the next one's header band under its caption) bound two
    tables. In: a cluster and the page's lines. Out: its parts, top to bottom."""
    x0, top, x1, bottom = cluster.bbox
    cuts = [
        line
        for line in lines
        if top < line.top
        and line.bottom < bottom
        and x0 - 2 <= line.x0 < x1
        and CAPTION.match(line.text.strip())
        and not any(r.top < line.bottom and line.top < r.bottom for r in cluster.rulings)
    ]
    cuts = sorted([*cuts, *_titles_between(cluster, lines)], key=lambda line: line.top)
    parts: list[RulingCluster] = []
    rest = list(cluster.rulings)
    for cut in cuts:
        above = [r for r in rest if r.bottom <= cut.top]
        rest = [r for r in rest if r.bottom > cut.top]
        if above:
            parts.append(_cluster(above))
    if rest:
        parts.append(_cluster(rest))
    return parts


def _titles_between(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[TextLine]:
    """The first lines of the bands between two rules of a cluster without drawn columns
    that hold text but no values (years aside), with a band of rows of values above and a
    band of text and no values under, text over the value columns among it (a header): a
    heading or title over the next table ("Økonomi" / "Budgetopfølgning 2022 (mio. kr.)"),
    its rules stacked close under the last one's."""
    if _frames_rows(cluster) or cluster.has_inner_verticals:
        return []
    edges = row_edges(cluster)
    x0, x1 = cluster.bbox[0], cluster.bbox[2]
    bands = [
        [
            line
            for line in lines
            if a < (line.top + line.bottom) / 2 < b and line.x1 > x0 and line.x0 < x1
        ]
        for a, b in itertools.pairwise(edges)
    ]
    left = stub_limit([line for band in bands for line in band] or list(lines))
    data = [any(_holds_values(line, left) for line in band) for band in bands]
    values = min(
        (c.x0 for band in bands for line in band for c in value_chunks(line, left)),
        default=x1,
    )
    return [
        bands[k][0]
        for k in range(1, len(bands) - 1)
        if bands[k]
        and data[k - 1]
        and not data[k]
        and not data[k + 1]
        and _over_values(bands[k + 1], values)
    ]


def _over_values(band: Sequence[TextLine], values: float) -> bool:
    """Whether a band holds header text over the value columns (starting right of
    ``values``, where they begin, no value): not a group's label alone."""
    if not band:
        return False
    left = stub_limit(band)
    return any(
        not c.is_value and c.x1 > values and not at_left(c, left)
        for line in band
        for c in line.chunks
    )


def _cluster(rulings: Sequence[Ruling]) -> RulingCluster:
    """A cluster of ``rulings`` with their joint box."""
    box = (
        min(r.x0 for r in rulings),
        min(r.top for r in rulings),
        max(r.x1 for r in rulings),
        max(r.bottom for r in rulings),
    )
    return RulingCluster(tuple(rulings), box)


def with_edge_rows(cluster: RulingCluster, lines: Sequence[TextLine]) -> RulingCluster:
    """The cluster of rules or shaded bands without a frame, holding two rows of values at
    least, reaching over the row of values right above its first rule and the rows right
    under its last one, each at row spacing from the one before (zebra stripes begin and
    end with an unshaded row; rules between groups of rows leave the last rows of a page
    under the last rule): a rule is added past such a row, its values under the cluster's
    value columns."""
    x0, top, x1, bottom = cluster.bbox
    framing = [v for v in cluster.verticals if crosses_rule(v, cluster.horizontals)]
    if _framed_at(framing, top) and _framed_at(framing, bottom):
        return cluster
    inside = [line for line in lines if top < (line.top + line.bottom) / 2 < bottom]
    if not inside:
        return cluster
    left = stub_limit(inside)
    if sum(data_lines(inside, left)) < 2:
        return cluster  # rules round a header (or one row): the rows under them go on alone
    values = [
        c
        for k, line in enumerate(inside)
        if not (k and _wrapped_tail(line, inside[k - 1], left))
        for c in value_chunks(line, left)
    ]
    value_left = min((c.x0 for c in values), default=None)
    within = [line for line in lines if line.x0 >= x0 - 2 and line.x1 <= x1 + 2]
    added: list[Ruling] = []

    def row_at(near: TextLine | None, edge: float) -> TextLine | None:
        """The line of values of the row starting with ``near`` when it stands at row
        spacing from ``edge``, its values under the cluster's value columns; else None."""
        if near is None or abs((near.top + near.bottom) / 2 - edge) > EDGE_ROW_EM * near.font_size:
            return None
        if _framed_at(framing, edge):
            return None
        if edge != top:
            near = _values_line(near, within, left)
        chunks = value_chunks(near, left)
        lined_up = chunks and all(any(c.x0 < o.x1 and o.x0 < c.x1 for o in values) for c in chunks)
        return near if lined_up and is_data_line(near, left, value_left) else None

    above = max((ln for ln in within if ln.bottom <= top), key=lambda ln: ln.bottom, default=None)
    if (row := row_at(above, top)) is not None:
        start = _wrapped_start(row, within) - 1.0
        added.append(Ruling(x0, start, x1, start))
    edge = bottom
    while True:  # the rows under the last rule, one after the other at row spacing
        under = min((ln for ln in within if ln.top >= edge), key=lambda ln: ln.top, default=None)
        if (row := row_at(under, edge)) is None:
            break
        edge = _wrapped_end(row, within) + 1.0
        added.append(Ruling(x0, edge, x1, edge))
    if not added:
        return cluster
    box = (x0, min(top, *(r.top for r in added)), x1, max(bottom, *(r.bottom for r in added)))
    return RulingCluster(cluster.rulings + tuple(added), box)


def _wrapped_tail(line: TextLine, above: TextLine, left: float) -> bool:
    """Whether a line holding one number is the end of the label above it, wrapped ("90 -
    97, 69i" set tight under "… hjælp til forsørgelse - §§", starting where it starts): a
    label's words, not a value."""
    found = value_chunks(line, left)
    return (
        len(found) == 1
        and len(line.chunks) == 1
        and not above.chunks[0].is_value
        and abs(line.x0 - above.x0) <= FLUSH_PT
        and line.top - above.bottom < 0.5 * line.font_size
    )


def _values_line(row: TextLine, lines: Sequence[TextLine], left: float) -> TextLine:
    """The line holding the values of the row starting with line ``row``: itself, or when
    it holds none, the first line of its label wrapped under it (set tight under the one
    above) that does ("Svendborg Voksne - personlig hjælp," / "m.v. §§ 81, 82" / "(2013-
    2015) – – –": values on the last line)."""
    end = row
    for line in lines:
        if value_chunks(end, left):
            return end
        if line.top <= end.top:
            continue
        if line.top - end.bottom >= 0.5 * line.font_size:
            break
        end = line
    return end if value_chunks(end, left) else row


def _wrapped_start(row: TextLine, lines: Sequence[TextLine]) -> float:
    """Where the row whose values stand on line ``row`` starts: over the lines of its label
    wrapped above it (cells set at the bottom: "Ændret/Ophævet | Børn - KSB - Samvær -" /
    "støtteperson eller suspension - §" over "103, stk. 2, … | 1"), each set tight over the
    one under it, with text starting where the row's label starts and no values."""
    start = row
    for line in sorted(lines, key=lambda ln: -ln.top):
        if line.top >= start.top:
            continue
        tight = start.top - line.bottom < 0.5 * line.font_size
        flush = any(abs(c.x0 - row.x0) <= FLUSH_PT for c in line.chunks)
        if not (tight and flush and not any(c.is_value for c in line.chunks)):
            break
        start = line
    return start.top


def _wrapped_end(row: TextLine, lines: Sequence[TextLine]) -> float:
    """Where the row starting with line ``row`` ends: under the lines of its label wrapped
    under it (label text alone, starting where a label of the row starts, each set tight
    under the one above; "90 - 97, 69i" under "... forsørgelse - §§")."""
    starts = [c.x0 for c in row.chunks if not c.is_value]
    end = row
    for line in lines:
        if line.top <= end.top:
            continue
        tight = line.top - end.bottom < 0.5 * line.font_size
        flush = any(abs(line.x0 - x) <= FLUSH_PT for x in starts)
        if not (tight and flush and not value_chunks(line, line.x0)):
            break
        end = line
    return end.bottom


def _frames_rows(cluster: RulingCluster) -> bool:
    """True when a vertical rule of the cluster frames rows (not only a shaded band)."""
    return any(crosses_rule(v, cluster.horizontals) for v in cluster.verticals)


def _framed_at(framing: Sequence[Ruling], edge: float) -> bool:
    """True when one of a cluster's vertical rules framing rows (``framing``: those crossing
    a rule of it) reaches its edge at ``edge`` (a shaded header band touching the first
    shaded row frames no last row)."""
    return any(abs(v.top - edge) <= SNAP or abs(v.bottom - edge) <= SNAP for v in framing)


def _same_band(upper: RulingCluster, lower: RulingCluster, lines: Sequence[TextLine]) -> bool:
    """True when ``lower`` continues the table ``upper`` bounds (see ``join_rule_bands``);
    across a group's label on a row of its own (``_group_row``) also when one of them frames
    its rows (a shaded header band touching the first shaded row looks like a frame)."""
    if lower.bbox[1] <= upper.bbox[3]:
        return False
    framed = _frames_rows(upper) or _frames_rows(lower)  # (or shaded bands touching)
    if framed and (upper.has_inner_verticals or lower.has_inner_verticals):
        return False  # drawn columns: a table of its own
    width = max(upper.bbox[2] - upper.bbox[0], lower.bbox[2] - lower.bbox[0])
    if abs(upper.bbox[0] - lower.bbox[0]) > 0.03 * width:
        return False
    if abs(upper.bbox[2] - lower.bbox[2]) > 0.03 * width:
        return False
    between = [
        line
        for line in lines
        if upper.bbox[3] < (line.top + line.bottom) / 2 < lower.bbox[1]
        and line.x1 > upper.bbox[0]
        and line.x0 < upper.bbox[2]
    ]
    if not between:
        return False
    if any(is_stop(line) for line in between):
        return False  # a note under the one ("Kilde: …"), a caption over the next
    if _top_rule_over_header(upper, lower, between, lines):
        return True
    edges = row_edges(lower)
    end = edges[1] if len(edges) > 1 else edges[0]
    first = [line for line in lines if edges[0] < (line.top + line.bottom) / 2 < end]
    left = stub_limit([*between, *first])
    data = data_lines(between, left)
    group = _group_row(between, first, lower.bbox[1] - upper.bbox[3], left)
    # a band starting with header text (a shaded header, alone or touching the first
    # shaded row) over rows: its table's header
    inside = [
        line for line in lines if upper.bbox[1] < (line.top + line.bottom) / 2 < upper.bbox[3]
    ]
    head = bool(inside) and _header_line(inside, between, data) and any(data)
    if (framed or not any(data)) and not (group or head):
        return False
    values = min(
        (c.x0 for line, d in zip(between, data, strict=True) if d for c in line.chunks[1:]),
        default=upper.bbox[2],
    )
    if any(
        len(line.chunks) < 2 and not line.chunks[0].is_value and line.x1 > values
        for line in between
    ):
        return False  # a line of text across the value columns: running text between tables
    # a lower cluster whose first band holds text but no data is a new table's header (the
    # value columns known from the rows between: a label wrapped over the band's lines, its
    # values on the last, is data)
    return not first or any(data_lines([*between, *first], left)[len(between) :])


def _top_rule_over_header(
    upper: RulingCluster,
    lower: RulingCluster,
    between: Sequence[TextLine],
    lines: Sequence[TextLine],
) -> bool:
    """True for a table's top rule alone (``upper``) over its header (``between``: lines of
    no values, no caption, HEADER_BAND_LINES at most, the first right under the rule) and
    a cluster of rows of values (``lower``, two at least; its first rule the one under the
    header; or that rule alone, the rows under it): a booktabs header, tall ("Hele /
    landet / i alt" over "Omgør / elsesp / rocent" beside "Lovområde"), with text over
    the values, right of every row label."""
    if rule_count(upper) != 1 or len(between) > HEADER_BAND_LINES:
        return False
    if between[0].top - upper.bbox[3] > HEADER_GAP_EM * between[0].font_size:
        return False
    head_left = stub_limit(between)
    if any(is_stop(line) or _holds_values(line, head_left) for line in between):
        return False
    rows = [line for line in lines if lower.bbox[1] < (line.top + line.bottom) / 2 < lower.bbox[3]]
    if not rows:  # a rule alone under the header: the rows right under it
        rows = [line for line in lines if line.top >= lower.bbox[1]][:HEADER_BAND_LINES]
    if not rows:
        return False
    left = stub_limit(rows)
    data = [line for line, d in zip(rows, data_lines(rows, left), strict=True) if d]
    labels = [c.x1 for line in data for c in line.chunks if not c.is_value]
    if len(data) < 2 or not labels:
        return False
    return any(c.x0 >= max(labels) for line in between for c in line.chunks)


def _holds_values(line: TextLine, left: float) -> bool:
    """A data line holding a value that is no year ("SAGSEMNE | 2018" beside a header's
    other lines is header text)."""
    return is_data_line(line, left) and any(counts_value(c) for c in value_chunks(line, left))


def _header_line(inside: Sequence[TextLine], between: Sequence[TextLine], data: list[bool]) -> bool:
    """Whether the first line inside a band is a header: no data, or a stub header beside
    years alone ("paragraf | 2024") over rows whose values are no years (rows indented
    under it leave its label the only one at the band's left edge)."""
    left = stub_limit(inside)
    if not data_lines(inside, left)[0]:
        return True
    years = value_chunks(inside[0], left)
    below = [c.text for line, d in zip(between, data, strict=True) if d for c in line.chunks[1:]]
    return all(is_year(c.text) for c in years) and any(not is_year(t) for t in below)


def _group_row(
    between: Sequence[TextLine], first: Sequence[TextLine], gap: float, left: float
) -> bool:
    """True when the one line ``between`` two bands of rules (``gap`` apart) is a group's
    label on a row of its own: one chunk of words at the left edge, ending left of the values
    of the data line that starts the lower band (``first``), no caption or note, the gap
    one row at most (GROUP_ROW_EM): an unshaded row between zebra stripes ("2. halvår
    2022")."""
    if len(between) != 1 or len(between[0].chunks) != 1 or is_stop(between[0]):
        return False
    label = between[0].chunks[0]
    data = [line for line in first if is_data_line(line, left)]
    values = [c.x0 for line in data for c in value_chunks(line, left)]
    if label.is_value or not values or label.x1 >= min(values) or not at_left(label, left):
        return False
    return gap <= GROUP_ROW_EM * between[0].font_size
