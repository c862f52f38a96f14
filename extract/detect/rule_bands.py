"""Rule bands joined into tables: stacked clusters of horizontal rules or shaded bands.

In: a page's ``RulingCluster``s of horizontal rules (``rulings.cluster_rulings``), top to
bottom, and its text lines. Out: the clusters of one table joined (a long booktabs table
whose rules stand only between groups of rows, zebra stripes past an unshaded row, a shaded
header band over the rows under it).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.detect.block_lines import is_section_label, wrapped_round
from extract.detect.captions import is_stop
from extract.detect.layout import TextLine
from extract.detect.rule_band_cuts import BLANK_EM, frames_rows, holds_values, split_at_captions
from extract.detect.rulings import (
    RulingCluster,
    band_lines,
    rule_count,
)
from extract.detect.value_text import is_year
from extract.detect.whitespace_rows import (
    at_left,
    data_lines,
    is_data_line,
    stub_limit,
    value_chunks,
)

__all__ = ["join_rule_bands"]

# A group's label between two bands of rules stands on one row: the bands are at most this
# far apart (in font sizes).
GROUP_ROW_EM = 3.0
# A header between a table's top rule and its first rule of rows has at most this many
# lines (three levels of headers wrapped at staggered heights in small type stand on ten:
# "Hele landet" / "2024" / "Hjemvis-" beside "Ændring/-" a half line higher …), the first
# at most this many font sizes under the top rule.
HEADER_BAND_LINES = 12
HEADER_GAP_EM = 1.5


def join_rule_bands(
    clusters: Sequence[RulingCluster], lines: Sequence[TextLine]
) -> list[RulingCluster]:
    """Clusters of horizontal rules only (or shaded bands), over the same span, joined when
    the text lines between them are tabular (some data, no line of text reaching across the
    value columns) and the lower cluster does not start with a header: one long booktabs
    table whose rules stand only between groups of rows. In: clusters top to bottom (single
    rules too). Out: the joined clusters with two rules or more. The parts of a cluster cut
    at a caption, a title or a box of text (``rule_band_cuts.split_at_captions``) are not
    joined again."""
    out: list[RulingCluster] = []
    parts = [(k, part) for c in clusters for k, part in enumerate(split_at_captions(c, lines))]
    for k, cluster in parts:
        last = out[-1] if out else None
        if last is not None and k == 0 and _same_band(last, cluster, lines):
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


def _blank_space(lines: Sequence[TextLine]) -> bool:
    """True when a line stands BLANK_EM font sizes or more under the one above it: no
    table's rows stand that far apart ("Landsplan" over the next table half a page under
    the last rows of another, a rule over each table's header only)."""
    return any(
        line.top - above.bottom >= BLANK_EM * line.font_size
        for above, line in itertools.pairwise(lines)
    )


def _same_band(upper: RulingCluster, lower: RulingCluster, lines: Sequence[TextLine]) -> bool:
    """True when ``lower`` continues the table ``upper`` bounds (see ``join_rule_bands``);
    across a group's label on a row of its own (``_group_row``) also when one of them frames
    its rows (a shaded header band touching the first shaded row looks like a frame)."""
    if lower.bbox[1] <= upper.bbox[3]:
        return False
    framed = frames_rows(upper) or frames_rows(lower)  # (or shaded bands touching)
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
    if _blank_space(between):
        return False  # a table's end, half a page blank, the next one's title
    if _top_rule_over_header(upper, lower, between, lines):
        return True
    first = _first_band_text(lower, lines)
    left = stub_limit([*between, *first])
    data = _value_rows(between, left)
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
    # values on the last, is data), as is one whose years stand over values that are no
    # years in the rows under it ("Myndighed | Bestemmelse | 2021" over "… | 4")
    if not first or _heading_over_rows(first, lines, left):
        return True
    return any(_value_rows([*between, *first], left)[len(between) :]) and not _years_over_rows(
        first, lines, left
    )


def _heading_over_rows(first: Sequence[TextLine], lines: Sequence[TextLine], left: float) -> bool:
    """True when a band's text is one group heading at the stub's left edge (or out of it)
    with a data line right under the band: a group's label ("Lov om højeste, mellemste
    førtidspension m.fl." in a shaded stripe), not a new table's header."""
    if len(first) != 1 or not is_section_label(first[0]) or first[0].x0 > left + 3:
        return False
    after = next((line for line in lines if line.top >= first[0].bottom), None)
    return after is not None and holds_values(after, left)


# Lines under a band looked at to tell its years a header (``_years_over_rows``).
UNDER_LINES = 4


def _years_over_rows(band: Sequence[TextLine], lines: Sequence[TextLine], left: float) -> bool:
    """True when the band's data lines hold years alone as values, standing over values
    that are no years on the lines right under the band (``data_lines``: a period header
    beside stub headers, "Myndighed Udfald | Bestemmelse | 2021" over "Rudersdal Kommune |
    … | 4"), not a row whose count reads like a year."""
    under = [line for line in lines if line.top >= band[-1].bottom - 1][:UNDER_LINES]
    if not under:
        return False
    was = [is_data_line(line, left) for line in band]
    now = data_lines([*band, *under], left)[: len(band)]
    return any(was) and not any(now)


def _first_band_text(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[TextLine]:
    """The lines of a cluster's first band between rules that holds text (a table's bottom
    rule and the next table's top rule stand a blank band apart over that one's header)."""
    return next((band for band in band_lines(cluster, lines) if band), [])


def _value_rows(lines: Sequence[TextLine], left: float) -> list[bool]:
    """Per line, whether it holds a row's values: a data line, or the line of values alone
    of a row whose label wraps round them ("Tilbagebetaling … til" / "30 %" / "forsørgelse
    - § 93")."""
    data = data_lines(lines, left)
    return [d or (i >= 1 and wrapped_round(lines, i - 1)) for i, d in enumerate(data)]


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
    if any(is_stop(line) or holds_values(line, head_left) for line in between):
        return False
    rows = [line for line in lines if lower.bbox[1] < (line.top + line.bottom) / 2 < lower.bbox[3]]
    if not rows:  # a rule alone under the header: the rows right under it, in its span
        rows = _under_rule(lines, lower)
    if not rows:
        return False
    left = stub_limit(rows)
    data = [line for line, d in zip(rows, data_lines(rows, left), strict=True) if d]
    labels = [c.x1 for line in data for c in line.chunks if not c.is_value]
    if len(data) < 2 or not labels:
        return False
    return any(c.x0 >= max(labels) for line in between for c in line.chunks)


def _under_rule(lines: Sequence[TextLine], rule: RulingCluster) -> list[TextLine]:
    """The lines under a rule alone and within its span: the rows under it, not the text
    beside or past the table (a footer's link and page number read as one more row)."""
    x0, top, x1, _ = rule.bbox
    return [
        line
        for line in lines
        if line.top >= top and line.x0 >= x0 - line.font_size and line.x1 <= x1 + line.font_size
    ][:HEADER_BAND_LINES]


def _header_line(inside: Sequence[TextLine], between: Sequence[TextLine], data: list[bool]) -> bool:
    """Whether the first line inside a band is a header: no data, or a stub header beside
    years alone ("paragraf | 2024") over rows whose values are no years (rows indented
    under it leave its label the only one at the band's left edge)."""
    left = stub_limit(inside)
    if not data_lines(inside, left)[0]:
        return True
    years = value_chunks(inside[0], left)
    below = [
        c.text for line, d in zip(between, data, strict=True) if d for c in value_chunks(line, left)
    ]  # (a line of values alone, "33", its row's label wrapped round it, counts too)
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
