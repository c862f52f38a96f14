"""Ruling lines grouped into tables: segments joined, clusters of touching or stacked rules.

In: a page's ``Ruling``s (and its text lines, for underlines and rule bands). Out:
``RulingCluster``s, each the rules of one drawn table, with the row and column edges they
draw. Horizontal rules stacked over the same span group into one table (a report's "lines
between rows", booktabs rules, zebra stripes, a shaded header band over ruled rows) unless
a vertical rule framing rows touches either; rules underlining words are no table rules; a
frame left open at a page end ends its last row where its side rules end.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from extract.detect.captions import is_stop
from extract.detect.layout import TextLine
from extract.detect.whitespace_rows import (
    at_left,
    data_lines,
    is_data_line,
    stub_limit,
    value_chunks,
)
from extract.model import BBox, Ruling

# Rulings closer than this (points) are the same line / touch each other.
SNAP = 2.0


# A rule this close (points) under a chunk of words, as wide as it, underlines it.
UNDERLINE_GAP = 4.0


# A row of values whose middle stands this close (in font sizes) to a cluster's first or
# last rule belongs to it (``with_edge_rows``).
EDGE_ROW_EM = 1.6
# A group's label between two bands of rules stands on one row: the bands are at most this
# far apart (in font sizes).
GROUP_ROW_EM = 3.0
# Vertical rules reaching this far (points) past the outermost horizontal rule end a row
# there: the frame is open at that end.
OPEN_END = 4.0


@dataclass(frozen=True, slots=True)
class RulingCluster:
    """Rulings that touch each other, with their joint box."""

    rulings: tuple[Ruling, ...]
    bbox: BBox

    @property
    def horizontals(self) -> tuple[Ruling, ...]:
        return tuple(r for r in self.rulings if r.horizontal)

    @property
    def verticals(self) -> tuple[Ruling, ...]:
        return tuple(r for r in self.rulings if not r.horizontal)

    @property
    def is_lattice(self) -> bool:
        """True when internal vertical rulings exist (columns are drawn)."""
        height = self.bbox[3] - self.bbox[1]
        tall = [v for v in self.verticals if v.bottom - v.top >= 0.3 * height]
        return len(_snap_positions([v.x0 for v in tall])) >= 3

    @property
    def has_inner_verticals(self) -> bool:
        """True when a vertical rule of a fifth of the height stands inside the cluster (after
        the stub, or column rules drawn in the header only)."""
        height = self.bbox[3] - self.bbox[1]
        return any(
            v.bottom - v.top >= 0.2 * height
            and self.bbox[0] + 3 * SNAP < v.x0
            and v.x1 < self.bbox[2] - 3 * SNAP
            for v in self.verticals
        )


def _touch(a: Ruling, b: Ruling) -> bool:
    return (
        a.x0 - SNAP <= b.x1
        and b.x0 - SNAP <= a.x1
        and a.top - SNAP <= b.bottom
        and b.top - SNAP <= a.bottom
    )


def cluster_rulings(
    rulings: Sequence[Ruling], page_width: float, min_rules: int = 2
) -> list[RulingCluster]:
    """Group touching rulings; horizontal rules stacked over the same span also group
    (unless a vertical rule framing rows touches either: then each belongs to its own drawn
    table; the sides of one shaded band frame no rows).
    Clusters with fewer than ``min_rules`` horizontal rule positions are left out."""
    items = sorted(
        (
            r
            for r in merge_segments(rulings)
            if not (r.horizontal and r.x1 - r.x0 > 0.98 * page_width)
        ),
        key=lambda r: (r.top, r.x0),
    )
    parent = list(range(len(items)))
    horizontals = [r for r in items if r.horizontal]
    verticals = [r for r in items if not r.horizontal and _crosses_rule(r, horizontals)]
    framed = {
        i for i, r in enumerate(items) if r.horizontal and any(_touch(r, v) for v in verticals)
    }

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if b.top - a.bottom > 60:  # sorted by top: nothing further can touch
                break
            if _touch(a, b) or (_stacked(a, b) and not {i, j} & framed):
                parent[find(i)] = find(j)
    groups: dict[int, list[Ruling]] = {}
    for i, r in enumerate(items):
        groups.setdefault(find(i), []).append(r)
    clusters = []
    for members in groups.values():
        box = (
            min(r.x0 for r in members),
            min(r.top for r in members),
            max(r.x1 for r in members),
            max(r.bottom for r in members),
        )
        clusters.append(RulingCluster(tuple(members), box))
    clusters.sort(key=lambda c: (c.bbox[1], c.bbox[0]))
    return [c for c in clusters if _rule_count(c) >= min_rules]


def without_underlines(rulings: Sequence[Ruling], lines: Sequence[TextLine]) -> list[Ruling]:
    """The rulings without those underlining one run of words (a link in a list of
    contents): a horizontal rule at most UNDERLINE_GAP under a chunk, as wide as it."""
    bottoms = sorted((line.bottom, i) for i, line in enumerate(lines))
    keys = [b for b, _ in bottoms]
    out: list[Ruling] = []
    for rule in rulings:
        if rule.horizontal:
            y = (rule.top + rule.bottom) / 2
            lo = bisect.bisect_left(keys, y - UNDERLINE_GAP)
            hi = bisect.bisect_right(keys, y + SNAP)
            near = (lines[i] for _, i in bottoms[lo:hi])
            if any(
                abs(c.x0 - rule.x0) <= SNAP and abs(c.x1 - rule.x1) <= SNAP
                for line in near
                for c in line.chunks
            ):
                continue
        out.append(rule)
    return out


def _crosses_rule(vertical: Ruling, horizontals: Sequence[Ruling]) -> bool:
    """True when a horizontal rule meets ``vertical`` between its ends: it frames rows of a
    table, not a single band (the sides of a shaded header band or zebra stripe)."""
    return any(
        vertical.top + SNAP < h.top < vertical.bottom - SNAP
        and h.x0 - SNAP <= vertical.x0 <= h.x1 + SNAP
        for h in horizontals
    )


def _rule_count(cluster: RulingCluster) -> int:
    return len(_snap_positions([h.top for h in cluster.horizontals]))


def join_rule_bands(
    clusters: Sequence[RulingCluster], lines: Sequence[TextLine]
) -> list[RulingCluster]:
    """Clusters of horizontal rules only (or shaded bands), over the same span, joined when
    the text lines between them are tabular (some data, no line of text reaching across the
    value columns) and the lower cluster does not start with a header: one long booktabs
    table whose rules stand only between groups of rows. In: clusters top to bottom (single
    rules too). Out: the joined clusters with two rules or more."""
    out: list[RulingCluster] = []
    for cluster in clusters:
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
    return [cluster for cluster in out if _rule_count(cluster) >= 2]


def with_edge_rows(cluster: RulingCluster, lines: Sequence[TextLine]) -> RulingCluster:
    """The cluster of rules or shaded bands without a frame, holding two rows of values at
    least, reaching
    over the row of values right above its first rule and right under its last one (zebra
    stripes begin and end with an unshaded row): a rule is added past such a row, set at
    row spacing, its values under the cluster's value columns."""
    if _frames_rows(cluster):
        return cluster
    x0, top, x1, bottom = cluster.bbox
    inside = [line for line in lines if top < (line.top + line.bottom) / 2 < bottom]
    if not inside:
        return cluster
    left = stub_limit(inside)
    if sum(data_lines(inside, left)) < 2:
        return cluster  # rules round a header (or one row): the rows under them go on alone
    values = [c for line in inside for c in value_chunks(line, left)]
    value_left = min((c.x0 for c in values), default=None)
    within = [line for line in lines if line.x0 >= x0 - 2 and line.x1 <= x1 + 2]
    added: list[Ruling] = []
    for near, edge in (
        (
            max((ln for ln in within if ln.bottom <= top), key=lambda ln: ln.bottom, default=None),
            top,
        ),
        (
            min((ln for ln in within if ln.top >= bottom), key=lambda ln: ln.top, default=None),
            bottom,
        ),
    ):
        if near is None or abs((near.top + near.bottom) / 2 - edge) > EDGE_ROW_EM * near.font_size:
            continue
        chunks = value_chunks(near, left)
        lined_up = chunks and all(any(c.x0 < o.x1 and o.x0 < c.x1 for o in values) for c in chunks)
        if lined_up and is_data_line(near, left, value_left):
            y = near.top - 1.0 if edge == top else near.bottom + 1.0
            added.append(Ruling(x0, y, x1, y))
    if not added:
        return cluster
    box = (x0, min(top, *(r.top for r in added)), x1, max(bottom, *(r.bottom for r in added)))
    return RulingCluster(cluster.rulings + tuple(added), box)


def _frames_rows(cluster: RulingCluster) -> bool:
    """True when a vertical rule of the cluster frames rows (not only a shaded band)."""
    return any(_crosses_rule(v, cluster.horizontals) for v in cluster.verticals)


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
    edges = row_edges(lower)
    end = edges[1] if len(edges) > 1 else edges[0]
    first = [line for line in lines if edges[0] < (line.top + line.bottom) / 2 < end]
    left = stub_limit([*between, *first])
    data = data_lines(between, left)
    group = _group_row(between, first, lower.bbox[1] - upper.bbox[3], left)
    if (framed or not any(data)) and not group:
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
    # a lower cluster whose first band holds text but no data is a new table's header
    return not first or any(is_data_line(line, left) for line in first)


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


def _stacked(a: Ruling, b: Ruling) -> bool:
    """Two horizontal rules over (nearly) the same x-span, up to 60 pt apart."""
    if not (a.horizontal and b.horizontal):
        return False
    width = max(a.x1 - a.x0, b.x1 - b.x0)
    return abs(a.x0 - b.x0) < 0.05 * width and abs(a.x1 - b.x1) < 0.05 * width


def _snap_positions(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def row_edges(cluster: RulingCluster) -> list[float]:
    """Y positions of the horizontal rulings (meaningfully wide ones), and the ends of the
    vertical rules where they reach OPEN_END beyond the first or last of them (a frame
    left open where the table breaks over pages)."""
    width = cluster.bbox[2] - cluster.bbox[0]
    ys = _snap_positions(
        [(h.top + h.bottom) / 2 for h in cluster.horizontals if h.x1 - h.x0 >= 0.08 * width]
    )
    verticals = cluster.verticals
    if ys and verticals:
        top, bottom = min(v.top for v in verticals), max(v.bottom for v in verticals)
        if top < ys[0] - OPEN_END:
            ys.insert(0, top)
        if bottom > ys[-1] + OPEN_END:
            ys.append(bottom)
    return ys


def col_edges(cluster: RulingCluster) -> list[float]:
    """X positions of the vertical rulings (meaningfully tall ones)."""
    height = cluster.bbox[3] - cluster.bbox[1]
    return _snap_positions(
        [(v.x0 + v.x1) / 2 for v in cluster.verticals if v.bottom - v.top >= 0.05 * height]
    )


# Segments closer than this (points) on the same line join into one ruling; segments whose
# positions differ by at most LINE_TOLERANCE lie on the same line.
JOIN_GAP = 2.5


LINE_TOLERANCE = 1.0


def merge_segments(rulings: Sequence[Ruling]) -> list[Ruling]:
    """Rulings with collinear touching segments joined (a rule drawn as one piece per cell)."""
    out: list[Ruling] = []
    for horizontal in (True, False):
        group = [r for r in rulings if r.horizontal == horizontal]
        for line in _collinear(group, horizontal):
            along = sorted(line, key=lambda r: r.x0 if horizontal else r.top)
            out.extend(_join(along, horizontal))
    out.sort(key=lambda r: (r.top, r.x0))
    return out


def _collinear(rulings: Sequence[Ruling], horizontal: bool) -> list[list[Ruling]]:
    """Rulings grouped by the line they lie on (positions within ``LINE_TOLERANCE``)."""

    def position(r: Ruling) -> float:
        return (r.top + r.bottom) / 2 if horizontal else (r.x0 + r.x1) / 2

    lines: list[list[Ruling]] = []
    last = float("-inf")
    for r in sorted(rulings, key=position):
        if not lines or position(r) - last > LINE_TOLERANCE:
            lines.append([])
        lines[-1].append(r)
        last = position(r)
    return lines


def _join(group: Sequence[Ruling], horizontal: bool) -> list[Ruling]:
    """Segments of one line (sorted along it) joined where they touch or overlap."""
    joined: list[Ruling] = []
    for r in group:
        if joined:
            last = joined[-1]
            gap = r.x0 - last.x1 if horizontal else r.top - last.bottom
            if gap <= JOIN_GAP:
                joined[-1] = Ruling(
                    min(last.x0, r.x0),
                    min(last.top, r.top),
                    max(last.x1, r.x1),
                    max(last.bottom, r.bottom),
                )
                continue
        joined.append(r)
    return joined
