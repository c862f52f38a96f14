"""Where header text stands against the text under it: alignment tests for placing header
chunks over value columns.

In: chunks (header text runs with x-extents) and the columns' value bands. Out: whether,
and with which column, a chunk is set flush or centred.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.layout import Chunk

# Text set flush (left, right) or centred on other text is so within this many points.
ALIGN_PT = 1.5


def aligned(upper: Chunk, lower: Chunk) -> bool:
    """True when ``lower`` is set centred, flush left or flush right under ``upper`` (within
    ALIGN_PT): the next line of the same cell's text."""
    return (
        min(
            abs(lower.x0 - upper.x0),
            abs(lower.x1 - upper.x1),
            abs(lower.x0 + lower.x1 - upper.x0 - upper.x1) / 2,
        )
        <= ALIGN_PT
    )


def wrapped_apart(phrase: Sequence[Chunk], under: Sequence[Chunk]) -> bool:
    """True when each chunk of a header ``phrase`` (chunks a wide word space apart) has one
    chunk of ``under`` (the next line) below it, aligned with it (``aligned``), and nothing
    else is under the phrase: the headers of neighbouring columns set close, each wrapped on
    the next line ("Ændrede/ophævede Omgørelsesprocent" over "sager *"), not one header
    over a group."""
    if len(phrase) < 2 or len(under) != len(phrase):
        return False
    return all(
        (below := overlapping(under, chunk)) and len(below) == 1 and aligned(chunk, below[0])
        for chunk in phrase
    )


def overlapping(chunks: Sequence[Chunk], chunk: Chunk) -> list[Chunk]:
    """The ``chunks`` whose x-extent overlaps ``chunk``'s."""
    return [c for c in chunks if c.x0 < chunk.x1 and chunk.x0 < c.x1]


def flush_side(chunks: Sequence[Chunk], bands: Sequence[tuple[float, float]]) -> int | None:
    """The side (1 right, 0 left) the header is set flush with its values on: the side on
    which chunks are flush (``flush_band``) with half the bands or more, two at least;
    else None (one chunk flush by chance is no alignment)."""
    for side in (1, 0):
        flush = {k for c in chunks if (k := flush_band(c, bands, side)) is not None}
        if len(flush) >= max(2, len(bands) / 2):
            return side
    return None


def flush_band(chunk: Chunk, bands: Sequence[tuple[float, float]], side: int) -> int | None:
    """The one band whose right (``side`` 1) or left (0) edge the chunk is set flush with,
    within ALIGN_PT, or None."""
    at = chunk.x1 if side else chunk.x0
    hits = [k for k, band in enumerate(bands) if abs(band[side] - at) <= ALIGN_PT]
    return hits[0] if len(hits) == 1 else None


def flush_with_one(chunk: Chunk, under: Sequence[Chunk]) -> bool:
    """True for a header set flush with the first (last) chunk under it that does not reach
    over the next (previous) one: the header of that column alone, running into the gap."""
    ordered = sorted(under, key=lambda c: c.x0)
    if abs(chunk.x0 - ordered[0].x0) <= 1.0 and chunk.x1 < ordered[1].x0:
        return True
    return abs(chunk.x1 - ordered[-1].x1) <= 1.0 and chunk.x0 > ordered[-2].x1
