"""Ruling lines grouped into tables: segments joined, clusters of touching or stacked rules.

In: a page's ``Ruling``s (and its text lines, for underlines). Out: ``RulingCluster``s, each
the rules of one drawn table, with the row and column edges they draw. Horizontal rules
stacked over the same span group into one table (a report's "lines between rows", booktabs
rules, zebra stripes, a shaded header band over ruled rows) unless a vertical rule framing
rows touches either; rules underlining words are no table rules; a frame left open at a page
end ends its last row where its side rules end. Clusters of one table parted by text lines
are joined in ``rule_bands``.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from extract.detect.layout import TextLine
from extract.model import BBox, Ruling

# Rulings closer than this (points) are the same line / touch each other.
SNAP = 2.0


# A rule this close (points) under a chunk of words, as wide as it, underlines it.
UNDERLINE_GAP = 4.0


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
        return len(snap_positions([v.x0 for v in tall])) >= 3

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
    verticals = [r for r in items if not r.horizontal and crosses_rule(r, horizontals)]
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
    return [c for c in clusters if rule_count(c) >= min_rules]


def without_underlines(rulings: Sequence[Ruling], lines: Sequence[TextLine]) -> list[Ruling]:
    """The rulings without those underlining one run of words (a link in a list of
    contents): a horizontal rule at most UNDERLINE_GAP under a chunk, as wide as it, unless
    two other rules reach as far each way (a table's rules, its caption as wide as it)."""
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
            ) and not _table_rule(rule, rulings):
                continue
        out.append(rule)
    return out


def _table_rule(rule: Ruling, rulings: Sequence[Ruling]) -> bool:
    """True when two other horizontal rules start and end where ``rule`` does (SNAP)."""
    alike = sum(
        1
        for other in rulings
        if other.horizontal and abs(other.x0 - rule.x0) <= SNAP and abs(other.x1 - rule.x1) <= SNAP
    )
    return alike >= 3  # (itself among them)


def crosses_rule(vertical: Ruling, horizontals: Sequence[Ruling]) -> bool:
    """True when a horizontal rule meets ``vertical`` between its ends: it frames rows of a
    table, not a single band (the sides of a shaded header band or zebra stripe)."""
    return any(
        vertical.top + SNAP < h.top < vertical.bottom - SNAP
        and h.x0 - SNAP <= vertical.x0 <= h.x1 + SNAP
        for h in horizontals
    )


def rule_count(cluster: RulingCluster) -> int:
    return len(snap_positions([h.top for h in cluster.horizontals]))


def _stacked(a: Ruling, b: Ruling) -> bool:
    """Two horizontal rules over (nearly) the same x-span, up to 60 pt apart."""
    if not (a.horizontal and b.horizontal):
        return False
    width = max(a.x1 - a.x0, b.x1 - b.x0)
    return abs(a.x0 - b.x0) < 0.05 * width and abs(a.x1 - b.x1) < 0.05 * width


def snap_positions(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= SNAP:
            continue
        out.append(v)
    return out


def band_lines(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """The lines standing in each band between two of the cluster's rows of rules (by their
    middles), top to bottom: one list per band, empty for a blank band."""
    edges = row_edges(cluster)
    return [
        [line for line in lines if top < (line.top + line.bottom) / 2 < bottom]
        for top, bottom in itertools.pairwise(edges)
    ]


def row_edges(cluster: RulingCluster) -> list[float]:
    """Y positions of the horizontal rulings (meaningfully wide ones), and the ends of the
    vertical rules where they reach OPEN_END beyond the first or last of them (a frame
    left open where the table breaks over pages)."""
    width = cluster.bbox[2] - cluster.bbox[0]
    ys = snap_positions(
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
    return snap_positions(
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
