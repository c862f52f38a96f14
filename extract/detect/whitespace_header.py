"""Header text of unruled tables: which columns each header line's chunks stand over.

In: the chunks of header lines and the value columns' extents. Out: each chunk's span of
grid columns (a chunk over several columns, or centred over a group of them, spans them);
the lines of one cell's wrapped text judged together. Joining the wrapped text of the
resulting cells is ``header_wrap``'s.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence

from extract.detect.header import is_plain_value
from extract.detect.header_align import aligned, flush_band, flush_side, flush_with_one, overlapping
from extract.detect.layout import Chunk, TextLine, is_year

# A header chunk spans every column extent holding this share of its width.
SPAN_SHARE = 0.2
# A header chunk spans the columns between its neighbours when its centre is this close
# (share of their width) to theirs.
CENTRED_SHARE = 0.2
# Words of a header line this close (in font sizes) may form one header phrase.
PHRASE_GAP_EM = 0.8
# Header lines closer than this (in font sizes) are one wrapped header text.
WRAP_GAP_EM = 0.5


def header_extents(
    lines: Sequence[TextLine], bands: Sequence[tuple[float, float]], edges: Sequence[float]
) -> list[tuple[float, float]]:
    """Horizontal extent of each value column for placing the text of header ``lines``.

    When the lowest header line has one chunk per column, a column is its band joined with
    that chunk; else, when the header lines' text stands in one stack per column
    (``stacked_extents``), its band joined with its stack, or else with the header text
    nearest it (``nearest_extents``); otherwise it is its tile (between the midpoints to its
    neighbours).
    """
    chunks = [c for c in lines[-1].chunks if over_values(c, edges[1], bands, edges[0])]
    if len(chunks) == len(bands):
        return [(min(b[0], c.x0), max(b[1], c.x1)) for b, c in zip(bands, chunks, strict=True)]
    stacked = stacked_extents(lines, bands, edges[1], edges[0]) or nearest_extents(
        lines, bands, edges[1], edges[0]
    )
    if stacked is not None:
        return stacked
    return [(edges[i], edges[i + 1]) for i in range(1, len(edges) - 1)]


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
    extent into its neighbour's (a group header set off centre)."""
    if not bands:
        return None
    middles = [(b[0] + b[1]) / 2 for b in bands]
    wide = [list(b) for b in bands]
    chunks = [
        chunk
        for line in lines
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
    ``header_span``, widened to the group it heads (``groups``, from ``header_groups``)."""
    spans: list[tuple[int, int]] = []
    for chunk, group in zip(chunks, groups, strict=True):
        c0, c1 = header_span(chunk, extents, stub_edge, left)
        spans.append((c0, c1) if group is None else (min(c0, group[0]), max(c1, group[1])))
    return spans


def header_groups(
    head: Sequence[TextLine],
    lines: Sequence[TextLine],
    extents: Sequence[tuple[float, float]],
    stub_edge: float,
) -> list[list[tuple[int, int] | None]]:
    """For each chunk of each header line (``head``, the first of ``lines``), the grid
    columns of the group it heads, or None (``group_spans``). The lines of one header cell
    wrapped over several lines (``wrap_stacks``) are judged together: the neighbours of any
    of its lines bound each of them ("pct." under "Andel" / "i", beside "Antal", heads no
    group), and the cell heads the group any of its lines heads ("Ændrede" / "sager" over
    "Antal | %")."""
    stacks = wrap_stacks(head)
    line_of = {id(c): r for r, line in enumerate(head) for c in line.chunks}
    groups: list[list[tuple[int, int] | None]] = []
    for r, line in enumerate(head):
        near: dict[int, list[Chunk]] = {}
        for chunk in line.chunks:
            cell = stacks.get(id(chunk), [chunk])
            own = {id(c) for c in cell}
            near[id(chunk)] = [
                c
                for member in cell
                if member is not chunk
                for c in head[line_of[id(member)]].chunks
                if id(c) not in own
            ] + _passed_over(head, r, chunk)
        groups.append(
            group_spans(
                line.chunks, extents, stub_edge, under(head, r, lines), beside(head, r), near
            )
        )
    found = {
        id(c): g
        for line, gs in zip(head, groups, strict=True)
        for c, g in zip(line.chunks, gs, strict=True)
    }
    for r, line in enumerate(head):
        for k, chunk in enumerate(line.chunks):
            spans = [g for c in stacks.get(id(chunk), []) if (g := found[id(c)]) is not None]
            if spans:
                groups[r][k] = (min(g[0] for g in spans), max(g[1] for g in spans))
    return groups


def _passed_over(head: Sequence[TextLine], r: int, chunk: Chunk) -> list[Chunk]:
    """The chunks of the header lines between line ``r`` and the first line under it holding
    text under ``chunk`` that head no group (``_heads_two``): single-level headers beside
    its group, set lower (centred on a header of two levels), which bound the group as
    neighbours on its own line do (a group's sub-groups, "2023" / "Antal | Pct.", do not)."""
    between: list[Chunk] = []
    for k in range(r + 1, len(head)):
        if overlapping(head[k].chunks, chunk):
            return between
        lower = [c for line in head[k + 1 :] for c in line.chunks]
        between.extend(c for c in head[k].chunks if not _heads_two(c, head[k], lower))
    return []


def _heads_two(chunk: Chunk, line: TextLine, lower: Sequence[Chunk]) -> bool:
    """True when chunks of ``lower`` stand under ``chunk`` on both sides of its middle,
    nearer than its neighbours on its ``line``: it heads a group ("2023" over "Antal |
    Pct.")."""
    i = line.chunks.index(chunk)
    lo = line.chunks[i - 1].x1 if i > 0 else -math.inf
    hi = line.chunks[i + 1].x0 if i + 1 < len(line.chunks) else math.inf
    middle = (chunk.x0 + chunk.x1) / 2
    middles = [(c.x0 + c.x1) / 2 for c in lower]
    return any(lo < m < middle for m in middles) and any(middle < m < hi for m in middles)


def wrap_stacks(head: Sequence[TextLine]) -> dict[int, list[Chunk]]:
    """The header chunks (by id) that are lines of one cell's wrapped text, each mapped to
    the chunks of its cell, top to bottom. A chunk continues the one above it when it is
    the only chunk of the next header line reaching under it, that one the only chunk of
    its line reaching over it, the two set at line spacing (gap under WRAP_GAP_EM) and
    aligned (centred, flush left or flush right, within ALIGN_PT)."""
    above: dict[int, Chunk] = {}  # id of a chunk -> the chunk it continues
    for r, line in enumerate(head):
        for chunk in line.chunks:
            nxt = next((other for other in head[r + 1 :] if overlapping(other.chunks, chunk)), None)
            if nxt is None or nxt.top - line.bottom >= WRAP_GAP_EM * line.font_size:
                continue
            (lower, *more) = overlapping(nxt.chunks, chunk)
            if more or overlapping(line.chunks, lower) != [chunk]:
                continue
            if aligned(chunk, lower):
                above[id(lower)] = chunk
    cells: dict[int, list[Chunk]] = {}
    for line in head:
        for chunk in line.chunks:
            if id(chunk) in above:
                cell = cells.setdefault(id(above[id(chunk)]), [above[id(chunk)]])
                cell.append(chunk)
                cells[id(chunk)] = cell
    return cells


def group_spans(
    chunks: Sequence[Chunk],
    extents: Sequence[tuple[float, float]],
    stub_edge: float,
    below: Sequence[Chunk],
    beside: Sequence[Chunk] = (),
    near: Mapping[int, Sequence[Chunk]] | None = None,
) -> list[tuple[int, int] | None]:
    """For each header chunk of one line, the grid columns of the group it heads, or None: a
    chunk centred over the columns between its neighbours on the line, or on lines beside it
    (``beside``: other header lines at its height, a header set half a line lower), half-way
    to each, or the table's side, with two chunks of the lines under it (``below``) under
    those columns that are sub-headers (no plain numbers but years), centred over those
    columns or over the sub-headers, heads them ("2023" over "Antal | Pct.",
    "Støjbelastning" over four dB ranges), unless set flush with one of them alone
    (``flush_with_one``: wrapped text of one column). ``near`` adds, by chunk id, the
    chunks beside the other lines of its wrapped cell as neighbours."""
    out: list[tuple[int, int] | None] = []
    for chunk in chunks:
        if chunk.x1 <= stub_edge or chunk.text.endswith("-"):
            out.append(None)  # a word broken at the line end: wrapped text, no group header
            continue
        extra = near.get(id(chunk), ()) if near is not None else ()
        values = sorted(
            {id(c): c for c in (*chunks, *beside, *extra) if c.x1 > stub_edge}.values(),
            key=lambda c: c.x0,
        )
        i = values.index(chunk)
        lo = (values[i - 1].x1 + chunk.x0) / 2 if i > 0 else float("-inf")
        hi = (chunk.x1 + values[i + 1].x0) / 2 if i + 1 < len(values) else float("inf")
        inside = [k for k, (a, b) in enumerate(extents) if lo <= (a + b) / 2 <= hi]
        group = None
        if len(inside) >= 2:
            a, b = extents[inside[0]][0], extents[inside[-1]][1]
            middle = (chunk.x0 + chunk.x1) / 2
            subs = [c for c in below if a <= (c.x0 + c.x1) / 2 <= b and _sub_header(c.text)]
            centred = False
            if subs:  # centred over its sub-headers
                lo_sub, hi_sub = min(c.x0 for c in subs), max(c.x1 for c in subs)
                centred = abs(middle - (lo_sub + hi_sub) / 2) <= CENTRED_SHARE * (hi_sub - lo_sub)
            if len(subs) >= 2 and centred and not flush_with_one(chunk, subs):
                group = (1 + inside[0], 1 + inside[-1])
        out.append(group)
    return out


def under(head: Sequence[TextLine], index: int, lines: Sequence[TextLine]) -> list[Chunk]:
    """The chunks of the header lines under header line ``index`` of ``head`` (the first
    of ``lines`` after the header, under the last): where the sub-headers of a group header
    on that line stand, the group header's own wrapped text ("2024") between."""
    below = head[index + 1 :] if index + 1 < len(head) else lines[len(head) : len(head) + 1]
    return [c for line in below for c in line.chunks]


def beside(lines: Sequence[TextLine], index: int) -> list[Chunk]:
    """The chunks of the other ``lines`` whose height overlaps line ``index``'s."""
    line = lines[index]
    return [
        c
        for k, other in enumerate(lines)
        if k != index and other.top < line.bottom and line.top < other.bottom
        for c in other.chunks
    ]


def phrase_runs(chunks: Sequence[Chunk]) -> list[list[Chunk]]:
    """Chunks of one line (left to right) in runs: words (no numbers) set at most a wide
    word space apart (PHRASE_GAP_EM) are one phrase ("Mexican  American"), every other
    chunk a run of its own (a word broken at its end, "realitetsb-", goes on on the next
    line, not in the next chunk)."""
    runs: list[list[Chunk]] = []
    for chunk in chunks:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and not last.is_value
            and not last.text.endswith("-")
            and not chunk.is_value
            and chunk.x0 - last.x1 <= PHRASE_GAP_EM * chunk.size
        ):
            runs[-1].append(chunk)
        else:
            runs.append([chunk])
    return runs


def _sub_header(text: str) -> bool:
    return is_year(text) or not is_plain_value(text)
