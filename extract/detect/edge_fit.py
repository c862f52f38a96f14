"""Where the edges between value columns go so that the header text fits in them.

In: the header's lines, the value columns' bands and the edges midway between them. Out:
the edges to use: midway, or, when the lowest header texts stand across midway edges but
fit between edges set at the bands' right (left) sides, there: narrow columns with values
set flush right under headers set flush left ("Antal | Andel i pct." over "1 472 | 9",
each header starting past the column before it and running left of its own values).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.detect.layout import Chunk, TextLine
from extract.detect.whitespace_rows import at_left

# An edge this far (points) past a band's side, at most half-way to the next band.
SIDE_PAD = 2.0
# An edge cuts a chunk that reaches this far (points) past it on both sides.
CUT_PT = 1.0

Span = tuple[float, float]


def fitted_edges(
    head: Sequence[TextLine], bands: Sequence[Span], midway: Sequence[float], left: float
) -> list[float]:
    """The inner edges between ``bands`` (``midway``: one between each two neighbours) that
    cut no lowest header text (``_leaves``): ``midway`` when it cuts none, or when edges at
    the bands' right or left sides cut some as well; else those."""
    leaves = _leaves(head, left)
    if not _cuts(leaves, midway):
        return list(midway)
    pairs = list(itertools.pairwise(bands))
    right = [min(a[1] + SIDE_PAD, (a[1] + b[0]) / 2) for a, b in pairs]
    left_side = [max(b[0] - SIDE_PAD, (a[1] + b[0]) / 2) for a, b in pairs]
    for edges in (right, left_side):
        if not _cuts(leaves, edges):
            return edges
    return list(midway)


def _leaves(head: Sequence[TextLine], left: float) -> list[Chunk]:
    """The header chunks with no header text under them (the lowest level's; not a group
    header over its sub-headers, nor a word wrapped onto the next line), right of the
    stub."""
    out = []
    for i, line in enumerate(head):
        for chunk in line.chunks:
            if at_left(chunk, left):
                continue
            under = (c for lower in head[i + 1 :] for c in lower.chunks)
            if not any(c.x0 < chunk.x1 and chunk.x0 < c.x1 for c in under):
                out.append(chunk)
    return out


def _cuts(chunks: Sequence[Chunk], edges: Sequence[float]) -> bool:
    """True when an edge runs through one of ``chunks``."""
    return any(c.x0 + CUT_PT < e < c.x1 - CUT_PT for c in chunks for e in edges)
