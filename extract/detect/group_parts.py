"""Where a group header's columns start and end: the split between neighbouring group
headers and the part of the columns a header stands centred over.

In: a header chunk, its neighbours on its line, the value columns' extents and the header
text under it. Out: column indices (0-based) or an x where two groups part.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from extract.detect.header import is_plain_value
from extract.detect.layout import Chunk
from extract.detect.value_text import is_year

# A group header is centred over its part of the columns within this share of the part.
_CENTRED_PART = 0.05


def centred_part(
    chunk: Chunk,
    inside: list[int],
    extents: Sequence[tuple[float, float]],
    below: Sequence[Chunk],
    open_lo: bool,
    open_hi: bool,
) -> list[int]:
    """The columns ``inside`` a chunk's reach with no neighbour on one side or both
    (``open_lo``, ``open_hi``), less those on that side when the chunk stands centred
    (within _CENTRED_PART) over the sub-headers of the rest and not over all, and those
    left out start on other lines than the rest's: "Hjemvist" over "Antal | Procent", not
    over "Stadf." set a line higher left of them too (months beside months are one row of
    sub-headers: where the part ends is the neighbour's to tell, ``split_between``)."""

    def off(part: Sequence[int]) -> float:
        a, b = extents[part[0]][0], extents[part[-1]][1]
        subs = [c for c in below if a <= (c.x0 + c.x1) / 2 <= b and sub_header(c.text)]
        if columns_of(subs, extents) < 2:
            return math.inf
        x0, x1 = min(c.x0 for c in subs), max(c.x1 for c in subs)
        return abs((chunk.x0 + chunk.x1 - x0 - x1) / 2) / max(x1 - x0, 0.1)

    if off(inside) <= _CENTRED_PART:
        return inside
    first_sub: dict[int, float] = {}  # column -> the top of its highest sub-header
    for c in below:
        k = next((k for k in inside if extents[k][0] <= (c.x0 + c.x1) / 2 < extents[k][1]), None)
        if k is not None and sub_header(c.text):
            top = c.words[0].bbox[1]
            first_sub[k] = min(first_sub.get(k, top), top)

    def apart(part: Sequence[int]) -> bool:
        """True when the columns left out have their first sub-header on another line than
        each column of the part."""
        kept = [first_sub[k] for k in part if k in first_sub]
        out = [first_sub[k] for k in inside if k not in part and k in first_sub]
        return not any(abs(t - k) < 1.0 for t in out for k in kept)

    reach = [k for k in inside if extents[k][0] < chunk.x1 and chunk.x0 < extents[k][1]]
    starts = range(len(inside)) if open_lo else range(1)
    parts = [
        inside[a : b + 1]
        for a in starts
        for b in (range(a + 1, len(inside)) if open_hi else (len(inside) - 1,))
        if b > a and set(reach) <= set(inside[a : b + 1]) and apart(inside[a : b + 1])
    ]
    best = min(parts, key=off, default=inside)
    return best if off(best) <= _CENTRED_PART else inside


def on_sub_line(
    chunk: Chunk, inside: list[int], extents: Sequence[tuple[float, float]], below: Sequence[Chunk]
) -> list[int]:
    """The columns ``inside`` a chunk's reach that have header text on the line of the
    sub-headers under it (the lowest line holding a sub-header in the columns it stands
    over), or lower, in one run with those: a header of its own set down beside the
    sub-headers, nothing of it on their line ("stadfæstelse" beside "hjemvist" over "antal
    sager | %"), is no column of its group; a header wrapped round that line is. Unchanged
    unless the text under the chunk, in the columns it stands over, is sub-headers on one
    line (no group header between, no wrapped one)."""

    if len(inside) < 2:
        return inside

    def column(c: Chunk) -> int | None:
        middle = (c.x0 + c.x1) / 2
        return next((k for k in inside if extents[k][0] <= middle < extents[k][1]), None)

    reach = [k for k in inside if extents[k][0] < chunk.x1 and chunk.x0 < extents[k][1]]
    if not reach:
        return inside
    a, b = extents[reach[0]][0], extents[reach[-1]][1]
    under = [c for c in below if c.x0 < b and a < c.x1]  # (over those columns, in part)
    if not under or not all(sub_header(c.text) for c in under):
        return inside
    line = max(c.bbox[1] for c in under)
    if any(abs(c.bbox[1] - line) >= 1.0 for c in under):
        return inside  # (a group or a wrapped header under it: not the last level's head)
    held = {column(c) for c in below if c.bbox[1] > line - 1.0} - {None}  # (or lower)
    run = [k for k in reach if k in held]
    if not run:
        return inside
    lo, hi = inside.index(run[0]), inside.index(run[-1])
    while lo > 0 and inside[lo - 1] in held:
        lo -= 1
    while hi + 1 < len(inside) and inside[hi + 1] in held:
        hi += 1
    return inside[lo : hi + 1]


def columns_of(subs: Sequence[Chunk], extents: Sequence[tuple[float, float]]) -> int:
    """In how many of the columns (``extents``) the middles of ``subs`` stand: sub-headers
    of a group stand in two or more (a header's own wrapped lines, "antal" / "borg-" /
    "ere", stand in one)."""
    middles = [(c.x0 + c.x1) / 2 for c in subs]
    return sum(1 for a, b in extents if any(a <= m < b for m in middles))


def split_between(
    values: Sequence[Chunk],
    j: int,
    extents: Sequence[tuple[float, float]],
    below: Sequence[Chunk] = (),
) -> float:
    """Where the columns of neighbouring header chunks ``values[j]`` and ``values[j + 1]``
    part: at the gap between two columns that centres each chunk best over its share of the
    columns between its other neighbour and the other chunk's (each share holding the
    columns its chunk reaches over): "2017" over three columns and "2018" over six part
    after the third, not half-way between the two words. Half-way when no gap qualifies."""
    left, right = values[j], values[j + 1]
    outer_lo = (values[j - 1].x1 + left.x0) / 2 if j > 0 else -math.inf
    outer_hi = (right.x1 + values[j + 2].x0) / 2 if j + 2 < len(values) else math.inf
    cols = [k for k, (a, b) in enumerate(extents) if outer_lo <= (a + b) / 2 <= outer_hi]

    def reaches(chunk: Chunk) -> set[int]:
        return {k for k in cols if extents[k][0] < chunk.x1 and chunk.x0 < extents[k][1]}

    heads = [c for c in below if sub_header(c.text)]  # (read once, not per part)

    def off(chunk: Chunk, part: Sequence[int]) -> float:
        """How far off the middle of its part the chunk stands, in shares of the part: of
        its columns, or of the sub-headers under them (``below``) if nearer (values set
        wider than their headers pull a column's middle off)."""
        a, b = extents[part[0]][0], extents[part[-1]][1]
        share = abs((a + b - chunk.x0 - chunk.x1) / 2) / max(b - a, 0.1)
        if not heads:
            return share
        subs = [c for c in heads if a <= (c.x0 + c.x1) / 2 <= b]
        if len(subs) < len(part) or columns_of(subs, extents) < len(part):
            return share
        x0, x1 = min(c.x0 for c in subs), max(c.x1 for c in subs)
        return min(share, abs((x0 + x1 - chunk.x0 - chunk.x1) / 2) / max(x1 - x0, 0.1))

    best: tuple[float, float] | None = None
    for t in range(len(cols) - 1):
        first, second = cols[: t + 1], cols[t + 1 :]
        if not reaches(left) <= set(first) or not reaches(right) <= set(second):
            continue
        score = max(off(left, first), off(right, second))
        if score > _CENTRED_PART:
            continue  # not both centred: the columns' share is not told by the centres
        if best is None or score < best[0]:
            best = (score, (extents[cols[t]][1] + extents[cols[t + 1]][0]) / 2)
    return best[1] if best is not None else (left.x1 + right.x0) / 2


def sub_header(text: str) -> bool:
    return is_year(text) or not is_plain_value(text)
