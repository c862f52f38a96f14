"""Header text of unruled tables: which columns each header line's chunks stand over.

In: the chunks of header lines and the value columns' extents. Out: each chunk's span of
grid columns (a chunk over several columns, or centred over a group of them, spans them).
Which group a chunk heads is ``header_groups``'s; joining the wrapped text of the resulting
cells is ``header_wrap``'s.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace

from extract.detect.header_align import flush_band, flush_side
from extract.detect.layout import Chunk, TextLine, make_chunk

# A header chunk spans every column extent holding this share of its width.
SPAN_SHARE = 0.2
# Words of a header line this close (in font sizes) may form one header phrase.
PHRASE_GAP_EM = 0.8
# A header part is centred over a sub-header when their middles lie this close (points).
CENTRED_PT = 1.5


def header_extents(
    lines: Sequence[TextLine], bands: Sequence[tuple[float, float]], edges: Sequence[float]
) -> list[tuple[float, float]]:
    """Horizontal extent of each value column for placing the text of header ``lines``.

    When the lowest header line has one chunk per column, each nearest its own band, a
    column is its band joined with that chunk; else, when the header lines' text stands in
    one stack per column (``stacked_extents``), its band joined with its stack, or else with
    the header text nearest it (``nearest_extents``); otherwise it is its tile (between the
    midpoints to its neighbours).
    """
    chunks = [c for c in lines[-1].chunks if over_values(c, edges[1], bands, edges[0])]
    if len(chunks) == len(bands) and each_nearest_its_own(chunks, bands):
        return [(min(b[0], c.x0), max(b[1], c.x1)) for b, c in zip(bands, chunks, strict=True)]
    stacked = stacked_extents(lines, bands, edges[1], edges[0]) or nearest_extents(
        lines, bands, edges[1], edges[0]
    )
    if stacked is not None:
        return stacked
    return [(edges[i], edges[i + 1]) for i in range(1, len(edges) - 1)]


def each_nearest_its_own(chunks: Sequence[Chunk], bands: Sequence[tuple[float, float]]) -> bool:
    """True when each of ``chunks`` (one per band, left to right) stands nearest its own band
    by their middles ("i | pct." of one header over one column are two chunks, not two
    columns' headers)."""
    middles = [(a + b) / 2 for a, b in bands]
    return all(
        min(range(len(bands)), key=lambda k: abs(middles[k] - (c.x0 + c.x1) / 2)) == i
        for i, c in enumerate(chunks)
    )


def stacked_extents(
    lines: Sequence[TextLine],
    bands: Sequence[tuple[float, float]],
    stub_edge: float,
    left: float | None = None,
) -> list[tuple[float, float]] | None:
    """Each band joined with the header text over it, when the header ``lines``' chunks
    right of ``stub_edge``, merged where they overlap (one header wrapped over lines, "I" /
    "alt"), make one stack per band, each nearest its own band (a header centred in its
    cell over values set flush right), the joined bands still apart; else None."""
    spans = sorted(
        (c.x0, c.x1)
        for line in lines
        for c in line.chunks
        if over_values(c, stub_edge, bands, left)
    )
    stacks: list[list[float]] = []
    for x0, x1 in spans:
        if stacks and x0 < stacks[-1][1]:
            stacks[-1][1] = max(stacks[-1][1], x1)
        else:
            stacks.append([x0, x1])
    if not bands or len(stacks) != len(bands):
        return None
    middles = [(b[0] + b[1]) / 2 for b in bands]
    for i, (x0, x1) in enumerate(stacks):
        centre = (x0 + x1) / 2
        if min(range(len(bands)), key=lambda k: abs(middles[k] - centre)) != i:
            return None
    wide = [(min(b[0], s[0]), max(b[1], s[1])) for b, s in zip(bands, stacks, strict=True)]
    return wide if all(a[1] < b[0] for a, b in itertools.pairwise(wide)) else None


def over_values(
    chunk: Chunk, stub_edge: float, bands: Sequence[tuple[float, float]], left: float | None
) -> bool:
    """True for header text over the value columns: reaching past the stub's edge, and not
    merely stub text longer than the row labels (given the table's ``left`` edge: starting
    in the left half of the stub and ending before the first value column's values, a
    group heading under the header)."""
    if chunk.x1 <= stub_edge:
        return False
    if left is None or not bands:
        return True
    return not (chunk.x0 < (left + stub_edge) / 2 and chunk.x1 < bands[0][0])


def nearest_extents(
    lines: Sequence[TextLine],
    bands: Sequence[tuple[float, float]],
    stub_edge: float,
    left: float | None = None,
) -> list[tuple[float, float]] | None:
    """Each band joined with the header chunks that belong to it, the joined bands still
    apart; else None. For headers centred in cells wider than their values, set at several
    heights. A chunk belongs to the band it is set flush with (right or left edge within
    ALIGN_PT, as the values are), else to the band nearest it (by their middles); chunks
    reaching over two bands' middles or over two chunks of another header line (group
    headers) are left out, and so is a chunk flush with no band that would run one band's
    extent into its neighbour's (a group header set off centre). The lowest lines' chunks
    are placed first: they head one column each, a line above may head a group ("marts
    2020" centred over three columns, nearer the first's middle than the second's header
    "ændret/ophævet" under it)."""
    if not bands:
        return None
    middles = [(b[0] + b[1]) / 2 for b in bands]
    wide = [list(b) for b in bands]
    chunks = [  # (the lowest lines' first)
        chunk
        for line in reversed(lines)
        for chunk in line.chunks
        if over_values(chunk, stub_edge, bands, left)
        and sum(1 for m in middles if chunk.x0 <= m <= chunk.x1) < 2
        and not _over_two(chunk, line, lines)
    ]
    side = flush_side(chunks, bands)
    placed: list[tuple[int, Chunk]] = []
    loose: list[tuple[int, Chunk]] = []
    for chunk in chunks:
        flush = None if side is None else flush_band(chunk, bands, side)
        if flush is not None:
            placed.append((flush, chunk))
            continue
        centre = (chunk.x0 + chunk.x1) / 2
        loose.append((min(range(len(bands)), key=lambda i: abs(middles[i] - centre)), chunk))
    for k, chunk in placed:
        wide[k] = [min(wide[k][0], chunk.x0), max(wide[k][1], chunk.x1)]
    for k, chunk in loose:
        grown = [min(wide[k][0], chunk.x0), max(wide[k][1], chunk.x1)]
        if placed and (
            (k > 0 and grown[0] <= wide[k - 1][1])
            or (k + 1 < len(wide) and grown[1] >= wide[k + 1][0])
        ):
            continue
        wide[k] = grown
    out = [(a, b) for a, b in wide]
    return out if all(a[1] < b[0] for a, b in itertools.pairwise(out)) else None


def _over_two(chunk: Chunk, line: TextLine, lines: Sequence[TextLine]) -> bool:
    """True when another of ``lines`` holds two chunks under (or over) ``chunk``."""
    return any(
        sum(1 for c in other.chunks if c.x0 < chunk.x1 and chunk.x0 < c.x1) >= 2
        for other in lines
        if other is not line
    )


def header_span(
    chunk: Chunk,
    extents: Sequence[tuple[float, float]],
    stub_edge: float,
    left: float | None = None,
) -> tuple[int, int]:
    """Grid columns (inclusive, stub = 0) a header chunk stands over.

    A chunk overlapping several column extents spans them; a chunk sitting in the gap between
    two columns (a group header centred over its pair) spans both. Given the table's
    ``left`` edge, a chunk starting in the left half of the stub and reaching no column's
    extent is stub text (a group heading longer than the row labels).
    """
    if not over_values(chunk, stub_edge, extents, left):
        return 0, 0
    width = max(chunk.x1 - chunk.x0, 0.1)
    centre = (chunk.x0 + chunk.x1) / 2
    hits = [
        i
        for i, (a, b) in enumerate(extents)
        if min(chunk.x1, b) - max(chunk.x0, a) >= SPAN_SHARE * width
        or (chunk.x0 <= a and b <= chunk.x1)
    ]
    for i in range(len(extents) - 1):
        if extents[i][1] <= centre <= extents[i + 1][0]:
            hits = [*hits, i, i + 1]
            break
    if not hits:
        hits = [
            min(
                range(len(extents)), key=lambda i: abs((extents[i][0] + extents[i][1]) / 2 - centre)
            )
        ]
    return 1 + min(hits), 1 + max(hits)


def line_spans(
    chunks: Sequence[Chunk],
    extents: Sequence[tuple[float, float]],
    stub_edge: float,
    groups: Sequence[tuple[int, int] | None],
    left: float | None = None,
) -> list[tuple[int, int]]:
    """Grid columns (inclusive, stub = 0) each header chunk of one line stands over: as
    ``header_span``, widened to the group it heads (``groups``, from ``header_groups``).
    Two chunks side by side share no column: one spanning several gives up those the one
    beside it holds ("Antal | Procent" over narrow columns, "Procent" reaching into "Antal"'s)."""
    spans: list[tuple[int, int]] = []
    for chunk, group in zip(chunks, groups, strict=True):
        c0, c1 = header_span(chunk, extents, stub_edge, left)
        spans.append((c0, c1) if group is None else (min(c0, group[0]), max(c1, group[1])))
    for k in range(1, len(spans)):
        spans[k - 1], spans[k] = _unshared(spans[k - 1], spans[k])
    return spans


Span = tuple[int, int]


def _unshared(left: Span, right: Span, *, beside: bool = False) -> tuple[Span, Span]:
    """The column spans of two header chunks side by side (``left`` the left one's) with no
    column in both: the one spanning on past the other gives up the columns they share.
    ``beside`` (chunks on two lines set beside each other): only a span starting no earlier
    than the left one's gives up, or one lying within the left one's takes them all."""
    (a0, a1), (b0, b1) = left, right
    if b0 > a1:
        return left, right
    if a1 < b1 and (a0 <= b0 or not beside):
        return left, (a1 + 1, b1)  # the right one spans on past the left one's columns
    if a0 < b0 and (b1 <= a1 or not beside):
        return (a0, b0 - 1), right  # the left one reaches into the right one's
    return left, right


def apart_beside(
    head: Sequence[TextLine], spans: list[list[tuple[int, int]]]
) -> list[list[tuple[int, int]]]:
    """``spans`` (per header line, per chunk, from ``line_spans``) with two chunks on lines
    set beside each other (heights overlapping by a quarter: a header half a line lower)
    and side by side sharing no column, as on one line: "Omgørelsesprocent" set lower
    than "Realitetsbehandlede" beside it, reaching into its column, gives that one up."""
    for r, line in enumerate(head):
        for r2 in range(r + 1, len(head)):
            other = head[r2]
            overlap = min(line.bottom, other.bottom) - max(line.top, other.top)
            heights = min(line.bottom - line.top, other.bottom - other.top)
            if overlap < 0.25 * heights:
                continue
            for i, a in enumerate(line.chunks):
                for j, b in enumerate(other.chunks):
                    if a.x0 < b.x1 and b.x0 < a.x1:
                        continue  # (over one another: no neighbours)
                    (lr, li), (rr, ri) = ((r, i), (r2, j)) if a.x0 < b.x0 else ((r2, j), (r, i))
                    spans[lr][li], spans[rr][ri] = _unshared(
                        spans[lr][li], spans[rr][ri], beside=True
                    )
    return spans


def phrase_runs(chunks: Sequence[Chunk]) -> list[list[Chunk]]:
    """Chunks of one line (left to right) in runs: words (no numbers) set at most a wide
    word space apart (PHRASE_GAP_EM) are one phrase ("Mexican  American"), every other
    chunk a run of its own (a word broken at its end, "realitetsb-", goes on on the next
    line, not in the next chunk, nor is it the end of the chunk before it: "ÆNDRET/OPHÆVET
    REALI-" are two cells' headers)."""
    runs: list[list[Chunk]] = []
    for chunk in chunks:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and not last.is_value
            and not last.text.endswith("-")
            and not chunk.is_value
            and not chunk.text.endswith("-")
            and chunk.x0 - last.x1 <= PHRASE_GAP_EM * chunk.size
        ):
            runs[-1].append(chunk)
        else:
            runs.append([chunk])
    return runs


def split_over_sub_headers(head: Sequence[TextLine], edges: Sequence[float]) -> list[TextLine]:
    """The header lines with each chunk of several words split where its words make two
    headers, each centred (CENTRED_PT) on the text under it on a later header line (or, with
    none, over it on an earlier one), in two different value columns (between ``edges``,
    the first the stub's): "Realitetsbehandlede Stadfæstet" set a space apart in narrow
    columns over "sager | i pct.", "hjemvist ændret" under "Andel | Andel": not one header
    spanning both."""
    out = list(head)
    for r in range(len(head)):
        others = [*head[r + 1 :], *reversed(head[:r])]  # below first, then above
        chunks: list[Chunk] = []
        for chunk in head[r].chunks:
            chunks.extend(_split_centred(chunk, others, edges))
        if len(chunks) != len(head[r].chunks):
            out[r] = replace(head[r], chunks=tuple(chunks))
    return out


def _split_centred(chunk: Chunk, others: Sequence[TextLine], edges: Sequence[float]) -> list[Chunk]:
    """``chunk`` whole, or its two parts when each stands centred on the text of the first
    of the ``others`` lines with text within the part's width, in different value columns
    (see ``split_over_sub_headers``)."""

    def column_under(part: Chunk) -> int | None:
        middle = (part.x0 + part.x1) / 2
        for line in others:
            under = [c for c in line.chunks if part.x0 <= c.x0 and c.x1 <= part.x1]
            if not under:
                continue
            if abs((under[0].x0 + under[-1].x1) / 2 - middle) > CENTRED_PT:
                return None
            return next(
                (k for k in range(1, len(edges) - 1) if edges[k] <= middle < edges[k + 1]), None
            )
        return None

    # the first line under it holding text under it: a chunk there across the gap between
    # two parts is the header's own next line ("HJEMVIST JAN.-JUN." over "2025"), no split
    under = next(
        (
            [c for c in line.chunks if c.x0 < chunk.x1 and chunk.x0 < c.x1]
            for line in others
            if line.top >= chunk.bbox[3] - 1.0
            and any(c.x0 < chunk.x1 and chunk.x0 < c.x1 for c in line.chunks)
        ),
        [],
    )
    for t in range(1, len(chunk.words)):
        left, right = make_chunk(chunk.words[:t]), make_chunk(chunk.words[t:])
        if any(c.x0 < left.x1 and c.x1 > right.x0 for c in under):
            continue
        a, b = column_under(left), column_under(right)
        if a is not None and b is not None and a != b:
            return [left, right]
    return [chunk]
