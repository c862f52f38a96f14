"""Group headers kept to a hierarchy: each group within the one over it, none over another
header's columns.

In: the header lines and the groups ``header_groups`` found per chunk (grid columns, or
None). Out: the groups with those dropped that a group on a line under them straddles
(``nested``), and each cut back to the columns no header beside it on a line above heads
(``under_no_other``).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.layout import TextLine

__all__ = ["nested", "under_no_other"]


def nested(groups: list[list[tuple[int, int] | None]]) -> list[list[tuple[int, int] | None]]:
    """``groups`` without a group that a group on a line under it straddles (each holding
    columns the other does not: "2023" over columns 1-3 above "H2" over 3-4): the upper
    one's columns were misjudged, and a group header over the wrong columns gives their
    values its words; without one they lack them, which is said."""
    for r, line in enumerate(groups):
        for k, upper in enumerate(line):
            if upper is None:
                continue
            for lower in (g for below in groups[r + 1 :] for g in below if g is not None):
                inside = upper[0] <= lower[0] and lower[1] <= upper[1]
                around = lower[0] <= upper[0] and upper[1] <= lower[1]
                if lower[0] <= upper[1] and upper[0] <= lower[1] and not (inside or around):
                    groups[r][k] = None
                    break
    return groups


def under_no_other(
    head: Sequence[TextLine],
    groups: list[list[tuple[int, int] | None]],
    extents: Sequence[tuple[float, float]],
) -> list[list[tuple[int, int] | None]]:
    """``groups`` with each group cut back to the columns no header on a line above heads
    beside it (a header standing over other columns than the chunk's, not over it: its
    columns are its own): "ændret, pct." set down between "stadfæstelse" over "antal |
    andel" and "hjemvist" over "antal | %" heads its own column only. A group left with one
    column is none."""
    for r in range(1, len(head)):
        for k, chunk in enumerate(head[r].chunks):
            group = groups[r][k]
            if group is None:
                continue
            taken: set[int] = set()
            for above, their in zip(head[:r], groups[:r], strict=True):
                for other, span in zip(above.chunks, their, strict=True):
                    if other.x0 < chunk.x1 and chunk.x0 < other.x1:
                        continue  # over it (its group header, or its own wrapped text)
                    if span is not None and span[0] <= group[0] and group[1] <= span[1]:
                        continue  # a group over it and more, set off its middle
                    taken |= {
                        1 + i for i, (a, b) in enumerate(extents) if a < other.x1 and other.x0 < b
                    }
                    if span is not None:
                        taken |= set(range(span[0], span[1] + 1))
            if not taken & set(range(group[0], group[1] + 1)):
                continue
            middle = (chunk.x0 + chunk.x1) / 2
            own = min(
                range(group[0], group[1] + 1),
                key=lambda c: abs((extents[c - 1][0] + extents[c - 1][1]) / 2 - middle),
            )
            lo, hi = own, own
            while lo - 1 >= group[0] and lo - 1 not in taken:
                lo -= 1
            while hi + 1 <= group[1] and hi + 1 not in taken:
                hi += 1
            groups[r][k] = (lo, hi) if hi > lo and own not in taken else None
    return groups
