"""Ruled tables: clusters of ruling lines -> row and column edges -> a Grid with spans.

A cluster with vertical rulings inside gives both rows and columns (a lattice). A stack of
horizontal rulings only (a report's "lines between rows" style) gives the rows; its columns
come from whitespace (``whitespace.column_bands``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.detect.grid import Grid, GridCell
from extract.model import BBox, Ruling, Word

# Rulings closer than this (points) are the same line / touch each other.
SNAP = 2.0
# A ruling separates two slots when it covers at least this share of the shared side.
COVER = 0.6


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


def _touch(a: Ruling, b: Ruling) -> bool:
    return (
        a.x0 - SNAP <= b.x1
        and b.x0 - SNAP <= a.x1
        and a.top - SNAP <= b.bottom
        and b.top - SNAP <= a.bottom
    )


def cluster_rulings(rulings: Sequence[Ruling], page_width: float) -> list[RulingCluster]:
    """Group touching rulings; horizontal rules stacked over the same span also group."""
    items = sorted(
        (r for r in rulings if not (r.horizontal and r.x1 - r.x0 > 0.98 * page_width)),
        key=lambda r: (r.top, r.x0),
    )
    parent = list(range(len(items)))

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
            if _touch(a, b) or _stacked(a, b):
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
    return [c for c in clusters if len(_snap_positions([h.top for h in c.horizontals])) >= 2]


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
    """Y positions of the horizontal rulings (meaningfully wide ones)."""
    width = cluster.bbox[2] - cluster.bbox[0]
    return _snap_positions(
        [(h.top + h.bottom) / 2 for h in cluster.horizontals if h.x1 - h.x0 >= 0.08 * width]
    )


def col_edges(cluster: RulingCluster) -> list[float]:
    """X positions of the vertical rulings (meaningfully tall ones)."""
    height = cluster.bbox[3] - cluster.bbox[1]
    return _snap_positions(
        [(v.x0 + v.x1) / 2 for v in cluster.verticals if v.bottom - v.top >= 0.05 * height]
    )


def _covered(segments: Sequence[tuple[float, float]], lo: float, hi: float) -> bool:
    need = COVER * (hi - lo)
    have = sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in segments)
    return have >= need


def lattice_grid(
    cluster: RulingCluster,
    words: Sequence[Word],
    page: int,
    xs: Sequence[float] | None = None,
) -> Grid:
    """Grid of a ruled table: slots between rulings, merged where a ruling is missing.

    ``xs`` overrides the column edges (used when columns come from whitespace).
    """
    ys = row_edges(cluster)
    cols = list(xs) if xs is not None else col_edges(cluster)
    n_rows, n_cols = len(ys) - 1, len(cols) - 1
    v_segments = {
        i: [(v.top, v.bottom) for v in cluster.verticals if abs((v.x0 + v.x1) / 2 - x) <= SNAP]
        for i, x in enumerate(cols)
    }
    h_segments = {
        i: [(h.x0, h.x1) for h in cluster.horizontals if abs((h.top + h.bottom) / 2 - y) <= SNAP]
        for i, y in enumerate(ys)
    }
    drawn_columns = xs is None
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(slot: tuple[int, int]) -> tuple[int, int]:
        while parent[slot] != slot:
            slot = parent[slot]
        return slot

    for r in range(n_rows):
        for c in range(n_cols):
            if (
                drawn_columns
                and c + 1 < n_cols
                and not _covered(v_segments[c + 1], ys[r], ys[r + 1])
            ):
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < n_rows and not _covered(h_segments[r + 1], cols[c], cols[c + 1]):
                parent[find((r + 1, c))] = find((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for slot in parent:
        members.setdefault(find(slot), []).append(slot)
    slot_words: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        cx, cy = (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2
        row_at = _index(ys, cy)
        col_at = _index(cols, cx)
        if row_at is not None and col_at is not None:
            slot_words.setdefault(find((row_at, col_at)), []).append(word)
    cells = []
    for root, slots in members.items():
        rows = [s[0] for s in slots]
        columns = [s[1] for s in slots]
        cells.append(
            GridCell(
                min(rows), max(rows), min(columns), max(columns), tuple(slot_words.get(root, ()))
            )
        )
    cells.sort(key=lambda cell: (cell.row0, cell.col0))
    return Grid(
        page=page, detector="ruled", row_edges=tuple(ys), col_edges=tuple(cols), cells=tuple(cells)
    )


def _index(edges: Sequence[float], value: float) -> int | None:
    for i in range(len(edges) - 1):
        if edges[i] <= value < edges[i + 1]:
            return i
    return None
