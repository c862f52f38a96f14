"""Rows at the edges of a cluster of rules: zebra stripes begin and end with an unshaded
row, and rules between groups of rows leave a page's last rows under the last rule.

In: a ``RulingCluster`` and the page's text lines. Out: the cluster with a rule added past
each such row (``with_edge_rows``).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.block_lines import label_only
from extract.detect.layout import TextLine
from extract.detect.rulings import SNAP, RulingCluster, band_lines, crosses_rule
from extract.detect.value_text import is_year
from extract.detect.whitespace_rows import (
    at_left,
    data_lines,
    is_data_line,
    stub_limit,
    value_chunks,
)
from extract.model import Ruling

__all__ = ["with_edge_rows"]

# A row of values whose middle stands this close (in font sizes) to a cluster's first or
# last rule belongs to it.
EDGE_ROW_EM = 1.6
# A wrapped label's lines start within this many points of each other.
FLUSH_PT = 2.0


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
    label_starts = [line.x0 for line in inside if not line.chunks[0].is_value]

    def row_at(near: TextLine | None, edge: float) -> TextLine | None:
        """The line of values of the row starting with ``near`` when it stands at row
        spacing from ``edge``, its values under the cluster's value columns; else None."""
        if near is None or abs((near.top + near.bottom) / 2 - edge) > EDGE_ROW_EM * near.font_size:
            return None
        if _framed_at(framing, edge):
            return None
        label = near
        if edge != top:
            near = _values_line(near, within, left)
        elif not value_chunks(near, left):
            near = _values_above(near, within, left)
        chunks = value_chunks(near, left)
        lined_up = chunks and all(any(c.x0 < o.x1 and o.x0 < c.x1 for o in values) for c in chunks)
        # a label wrapped round its values: label text at the left edge (or where the
        # cluster's labels start, indented under their groups), values alone beside it
        wrapped = (
            near is not label
            and label_only(label, value_left or x1)
            and (
                at_left(label.chunks[0], left)
                or any(abs(label.x0 - x) <= FLUSH_PT for x in label_starts)
            )
        )
        return near if lined_up and (wrapped or is_data_line(near, left, value_left)) else None

    above = max((ln for ln in within if ln.bottom <= top), key=lambda ln: ln.bottom, default=None)
    if _blank_first_band(cluster, inside):
        above = None  # a bottom rule over the next table: the row over it is the table's before
    if above is not None and (row := row_at(above, top)) is not None:
        start = _wrapped_start(row, within)  # over the row's values line, its label's lines
        if row is not above:  # ("… forhøjet almindelig og | 64" / "almindelig førtidspension")
            start = min(start, _label_top(above, within))
        start -= 1.0
        added.append(Ruling(x0, start, x1, start))
    elif above is not None and _group_row_over(above, top, inside, left):
        added.append(Ruling(x0, above.top - 1.0, x1, above.top - 1.0))
    edge = bottom
    while True:  # the rows under the last rule, one after the other at row spacing
        under = min((ln for ln in within if ln.top >= edge), key=lambda ln: ln.top, default=None)
        if under is None or (row := row_at(under, edge)) is None:
            break
        edge = _wrapped_end(row, within, under) + 1.0
        added.append(Ruling(x0, edge, x1, edge))
    if not added:
        return cluster
    box = (x0, min(top, *(r.top for r in added)), x1, max(bottom, *(r.bottom for r in added)))
    return RulingCluster(cluster.rulings + tuple(added), box)


def _blank_first_band(cluster: RulingCluster, inside: Sequence[TextLine]) -> bool:
    """Whether no text stands between the cluster's first two rules of three or more (one
    table's bottom rule a blank band over the next table's top rule)."""
    bands = band_lines(cluster, inside)
    return len(bands) > 1 and not bands[0]


def _group_row_over(line: TextLine, top: float, inside: Sequence[TextLine], left: float) -> bool:
    """True for a line at row spacing over a cluster's first rule that is a group row like
    its own: no value but years, each chunk starting right of the stub's edge where a chunk
    of a row of the cluster holding no values starts ("2024" over "K1 | 3908" at the top of
    a page, the cluster's group rows "Barnets lov | 2023"); a caption starts at the edge."""
    if abs((line.top + line.bottom) / 2 - top) > EDGE_ROW_EM * line.font_size:
        return False
    starts = [
        c.x0
        for row in inside
        if not any(c.is_value and not is_year(c.text) for c in row.chunks)
        for c in row.chunks
        if not at_left(c, left)
    ]
    return all(
        (not c.is_value or is_year(c.text))
        and not at_left(c, left)
        and any(abs(c.x0 - x) <= FLUSH_PT for x in starts)
        for c in line.chunks
    )


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


def _values_above(row: TextLine, lines: Sequence[TextLine], left: float) -> TextLine:
    """The line holding the values of the row whose label ends on line ``row``: itself, or
    when it holds none, the nearest line over it, set tight, that does (values set in the
    middle of a label wrapped over three lines: "Tilbagebetaling af løbende månedlig hjælp
    til" / "2" / "forsørgelse - §§ 90 - 97, 69i")."""
    end = row
    for line in sorted(lines, key=lambda ln: -ln.top):
        if line.top >= end.top:
            continue
        if value_chunks(line, left):
            return line if end.top - line.bottom < 0.5 * line.font_size else row
        if end.top - line.bottom >= 0.5 * line.font_size:
            break
        end = line
    return row


def _label_top(label: TextLine, lines: Sequence[TextLine]) -> float:
    """Where the row whose label ends on line ``label`` starts: over the lines of its label
    wrapped above it (each tight over the one under it, starting where it starts), past a
    line of its values alone set between them."""
    start = label
    for line in sorted(lines, key=lambda ln: -ln.top):
        if line.top >= start.top:
            continue
        if start.top - line.bottom >= 0.5 * line.font_size:
            break
        if all(c.is_value for c in line.chunks):
            continue  # the row's values, set between its label's lines
        if any(c.is_value for c in line.chunks) or all(
            abs(c.x0 - label.x0) > FLUSH_PT for c in line.chunks
        ):
            break
        start = line
    return start.top


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


def _wrapped_end(row: TextLine, lines: Sequence[TextLine], first: TextLine) -> float:
    """Where the row whose values stand on line ``row`` (its label starting on line
    ``first``) ends: under the lines of its label wrapped under it (label text alone,
    starting where a label of the row starts, each set tight under the one above; "90 -
    97, 69i" under "... forsørgelse - §§")."""
    starts = [c.x0 for line in (first, row) for c in line.chunks if not c.is_value]
    # (a year starting the label is label text: "2020" / "26,3 | 17.305" / "K3")
    starts += [c.x0 for c in first.chunks[:1] if is_year(c.text)]
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


def _framed_at(framing: Sequence[Ruling], edge: float) -> bool:
    """True when one of a cluster's vertical rules framing rows (``framing``: those crossing
    a rule of it) reaches its edge at ``edge`` (a shaded header band touching the first
    shaded row frames no last row)."""
    return any(abs(v.top - edge) <= SNAP or abs(v.bottom - edge) <= SNAP for v in framing)
