"""Group headers of unruled (and ruled, unsplit) headers: which columns a header chunk
heads as a group ("2023" over "Antal | Pct.").

In: the header lines, the lines under them and the value columns' extents. Out: for each
chunk of each header line, the grid columns of the group it heads, or None. The lines of
one cell's wrapped text are judged together (``wrap_stacks``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from extract.detect.group_parts import (
    centred_part,
    columns_of,
    on_sub_line,
    split_between,
    sub_header,
)
from extract.detect.header_align import aligned, flush_with_one, overlapping
from extract.detect.header_nesting import nested, under_no_other
from extract.detect.layout import Chunk, TextLine, make_chunk
from extract.detect.value_text import is_year

# A header chunk spans the columns between its neighbours when its centre is this close
# (share of their width) to theirs.
CENTRED_SHARE = 0.2
# Header lines closer than this (in font sizes) are one wrapped header text.
WRAP_GAP_EM = 0.5


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
    stacks = _without_group_heads(wrap_stacks(head), head, lines, extents, stub_edge)
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
            ] + _passed_over(head, r, chunk, stacks)
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
    return under_no_other(head, nested(groups), extents)


def _without_group_heads(
    stacks: dict[int, list[Chunk]],
    head: Sequence[TextLine],
    lines: Sequence[TextLine],
    extents: Sequence[tuple[float, float]],
    stub_edge: float,
) -> dict[int, list[Chunk]]:
    """``stacks`` without the cells holding a chunk that heads three columns or more by
    itself between neighbours on its line over another of the cell's chunks standing among
    sub-headers of those columns on its own line: a group header centred over its
    sub-headers, set flush with the one in the middle by chance ("Antal" beside "Andel"
    over "november | december | januar"), is no line of that one's wrapped text (a group
    header wrapped over lines, "Lov om højeste, mellemste" / "førtidspension m.fl.", is).
    A chunk alone on its line is such a group header only over a year standing among years
    ("Antal" over "H2 | H1 | H2" / "2017 | 2018 | 2018", set flush with the middle column's):
    a header wrapped over lines ("Omgørelses" / "procent") may stand alone on its first."""
    spans: dict[int, tuple[float, float]] = {}
    lone: set[int] = set()  # chunks alone on their line beside the stub
    line_of: dict[int, TextLine] = {}
    for r, line in enumerate(head):
        line_of.update((id(c), line) for c in line.chunks)
        if sum(1 for c in line.chunks if c.x1 > stub_edge) < 2:
            lone.update(id(c) for c in line.chunks if c.x1 > stub_edge)
        found = group_spans(line.chunks, extents, stub_edge, under(head, r, lines), beside(head, r))
        for chunk, span in zip(line.chunks, found, strict=True):
            if span is not None and span[1] - span[0] >= 2:
                spans[id(chunk)] = (extents[span[0] - 1][0], extents[span[1] - 1][1])

    def among_subs(cell: Sequence[Chunk]) -> bool:
        for chunk in cell:
            if id(chunk) not in spans:
                continue
            a, b = spans[id(chunk)]
            for other in cell:
                if other is chunk or line_of[id(other)].top <= line_of[id(chunk)].top:
                    continue  # (a group's sub-headers stand under it)
                siblings = [
                    c
                    for c in line_of[id(other)].chunks
                    if c is not other and a <= (c.x0 + c.x1) / 2 <= b
                ]
                if id(chunk) in lone and not _among_years(other, siblings):
                    continue  # the first line of one header wrapped, centred by chance
                if siblings:
                    return True
        return False

    return {k: cell for k, cell in stacks.items() if not among_subs(cell)}


def _among_years(chunk: Chunk, siblings: Sequence[Chunk]) -> bool:
    """True when ``chunk`` is a year and two of its ``siblings`` on its line are years: a
    row of periods under a group header."""
    return is_year(chunk.text) and sum(1 for c in siblings if is_year(c.text)) >= 2


def _passed_over(
    head: Sequence[TextLine], r: int, chunk: Chunk, stacks: Mapping[int, Sequence[Chunk]]
) -> list[Chunk]:
    """The chunks of the header lines between line ``r`` and the first line under it holding
    text under ``chunk`` that head no group (``_heads_two``) and stand higher than that
    text (``_set_higher``): single-level headers beside its group, set lower (centred on a
    header of two levels), which bound the group as neighbours on its own line do (a group's
    sub-groups, "2023" / "Antal | Pct.", do not, nor do groups of one column, "2024" /
    "jan" (``_heads_one``), nor headers of its sub-level whose text, wrapped over more lines,
    starts a little higher)."""
    below = next((k for k in range(r + 1, len(head)) if overlapping(head[k].chunks, chunk)), None)
    if below is None:
        return []
    sub = overlapping(head[below].chunks, chunk)[0]
    between: list[Chunk] = []
    for k in range(r + 1, below):
        lower = [c for line in head[k + 1 :] for c in line.chunks]
        between.extend(
            c
            for c in head[k].chunks
            if not _heads_two(c, head[k], lower)
            and not _heads_one(c, head[below].chunks, stacks)
            and _set_higher(c, sub, head[r], stacks, head)
        )
    return between


def _heads_one(chunk: Chunk, subs: Sequence[Chunk], stacks: Mapping[int, Sequence[Chunk]]) -> bool:
    """True when a chunk of the sub-headers' line (``subs``) other than a line of ``chunk``'s
    own wrapped text stands under it: a group of one column at the level between ("2024"
    over "jan" beside "2023" over "nov | dec"), no single-level header beside the group."""
    own = {id(c) for c in stacks.get(id(chunk), [chunk])}
    return any(id(c) not in own for c in overlapping(subs, chunk))


def _set_higher(
    chunk: Chunk,
    sub: Chunk,
    group_line: TextLine,
    stacks: Mapping[int, Sequence[Chunk]],
    head: Sequence[TextLine],
) -> bool:
    """True when ``chunk``'s cell (its wrapped lines) has its middle nearer the group line's
    than ``sub``'s cell has, by a quarter of the distance between them: a header set centred
    over two levels, not one of the sub-level set a line higher."""

    def middle(c: Chunk) -> float:
        cell = stacks.get(id(c), [c])
        lines = [line for line in head if any(m in line.chunks for m in cell)]
        return (min(line.top for line in lines) + max(line.bottom for line in lines)) / 2

    top = (group_line.top + group_line.bottom) / 2
    low = middle(sub)
    return middle(chunk) < low - (low - top) / 4


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
        values = _stacks_joined(
            sorted(
                {id(c): c for c in (*chunks, *beside, *extra) if c.x1 > stub_edge}.values(),
                key=lambda c: c.x0,
            ),
            chunk,
        )
        i = values.index(chunk)
        lo = split_between(values, i - 1, extents, below) if i > 0 else stub_edge
        hi = split_between(values, i, extents, below) if i + 1 < len(values) else float("inf")
        inside = [k for k, (a, b) in enumerate(extents) if lo <= (a + b) / 2 <= hi]
        inside = on_sub_line(chunk, inside, extents, below)
        group = None
        if len(inside) >= 2 and (i == 0 or i + 1 == len(values)):
            inside = centred_part(chunk, inside, extents, below, i == 0, i + 1 == len(values))
        if len(inside) >= 2:
            a, b = extents[inside[0]][0], extents[inside[-1]][1]
            subs = [c for c in below if a <= (c.x0 + c.x1) / 2 <= b and sub_header(c.text)]
            if (
                columns_of(subs, extents) >= 2
                and _centred_over(chunk, subs)
                and not flush_with_one(chunk, subs)
            ):
                group = (1 + inside[0], 1 + inside[-1])
        if group is None:
            group = _over_own_subs(chunk, values, i, below, extents)
        out.append(group)
    return out


def _stacks_joined(chunks: Sequence[Chunk], chunk: Chunk) -> list[Chunk]:
    """``chunks`` (left to right) with the neighbours of ``chunk`` that overlap each other
    joined into one: the lines of one neighbouring header stacked ("1." / "halvår" / "2017"
    beside "2." / "halvår" / "2017") bound it where the widest of them ends."""
    out: list[Chunk] = []
    for c in chunks:
        last = out[-1] if out else None
        if last is not None and c is not chunk and last is not chunk and c.x0 < last.x1:
            words = sorted((*last.words, *c.words), key=lambda w: w.bbox[0])
            out[-1] = make_chunk(words)
        else:
            out.append(c)
    return out


def _centred_over(chunk: Chunk, subs: Sequence[Chunk]) -> bool:
    """True when ``chunk`` stands centred over the span of ``subs`` (within CENTRED_SHARE
    of it)."""
    a, b = min(c.x0 for c in subs), max(c.x1 for c in subs)
    return abs((chunk.x0 + chunk.x1) / 2 - (a + b) / 2) <= CENTRED_SHARE * (b - a)


def _over_own_subs(
    chunk: Chunk,
    values: Sequence[Chunk],
    i: int,
    below: Sequence[Chunk],
    extents: Sequence[tuple[float, float]],
) -> tuple[int, int] | None:
    """The columns of the sub-headers standing under ``chunk`` (``values[i]``) between the
    half-way points to its neighbours on its line, two at least, in as many neighbouring
    columns, when it stands centred over them: a group header whose columns the column
    edges do not tell ("ÆNDREDE SAGER" over "ANTAL | ANDEL I PCT." beside the first line
    of a wide header wrapped over its own column, "REALITETSBE-")."""
    lo = (values[i - 1].x1 + chunk.x0) / 2 if i > 0 else -math.inf
    hi = (chunk.x1 + values[i + 1].x0) / 2 if i + 1 < len(values) else math.inf
    subs = [c for c in below if lo < (c.x0 + c.x1) / 2 < hi and sub_header(c.text)]
    if len(subs) < 2 or flush_with_one(chunk, subs) or not _centred_over(chunk, subs):
        return None
    cols = sorted(
        {k for c in subs for k, (x0, x1) in enumerate(extents) if x0 <= (c.x0 + c.x1) / 2 < x1}
    )
    if len(cols) != len(subs) or cols[-1] - cols[0] != len(cols) - 1:
        return None
    return (1 + cols[0], 1 + cols[-1])


def under(head: Sequence[TextLine], index: int, lines: Sequence[TextLine]) -> list[Chunk]:
    """The chunks of the header lines under header line ``index`` of ``head`` (the first
    of ``lines`` after the header, under the last): where the sub-headers of a group header
    on that line stand, the group header's own wrapped text ("2024") between."""
    below = head[index + 1 :] if index + 1 < len(head) else lines[len(head) : len(head) + 1]
    return [c for line in below for c in line.chunks]


def beside(lines: Sequence[TextLine], index: int) -> list[Chunk]:
    """The chunks of the other ``lines`` whose height overlaps line ``index``'s by a quarter
    of the lower one's at least (a header set half a line lower; not a line touching it,
    text centred down two header rows beside the sub-headers)."""
    line = lines[index]
    return [
        c
        for k, other in enumerate(lines)
        if k != index and _overlap(line, other) >= 0.25 * min(_height(line), _height(other))
        for c in other.chunks
    ]


def _overlap(one: TextLine, other: TextLine) -> float:
    return min(one.bottom, other.bottom) - max(one.top, other.top)


def _height(line: TextLine) -> float:
    return line.bottom - line.top
