"""Group headers of ruled tables: header text that heads a group of columns.

In: the text lines of a ruled region, its drawn column edges (``frame``) and the virtual
ones found from whitespace (``soft_xs``). Out: the chunks heading a group of columns, each
with its extent (``group_headers``), and the slot of ``edges`` a coordinate falls in
(``slot_index``).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.header_align import flush_with_one, wrapped_apart
from extract.detect.layout import Chunk, TextLine, make_chunk
from extract.detect.whitespace_header import phrase_runs
from extract.detect.whitespace_rows import counts_value

Span = tuple[float, float]
# A header chunk spans the columns it reaches into when its centre is this close (share of
# their width) to theirs.
CENTRED_SHARE = 0.2


def group_headers(
    lines: Sequence[TextLine], frame: Sequence[float], soft_xs: Sequence[float]
) -> dict[int, tuple[float, float]]:
    """The chunks that head a group of columns (by id), each with the extent of its header:
    a phrase (chunks a wide word space apart, "Mexican American") reaching across a virtual
    column edge (``soft_xs``), centred over its columns (see ``centred``), with the next line
    holding two chunks or more inside the columns it reaches into, none reaching across
    those edges (the sub-headers), and not flush with one of them alone (a column's own
    header running a little into the next column heads no group)."""
    out: dict[int, tuple[float, float]] = {}
    edges = sorted({*frame, *soft_xs})
    ordered = sorted(lines, key=lambda line: line.top)
    # columns from whitespace only: a header is centred over the text of its columns
    content = _slot_content(lines, frame) if set(frame[1:-1]) <= set(soft_xs) else None
    for i, line in enumerate(ordered):
        below = next((nxt for nxt in ordered[i + 1 :] if nxt.top >= line.bottom - 1.0), None)
        if below is None or below.top - line.bottom > 1.5 * line.font_size:
            continue
        for phrase in _phrases(line):
            head = (
                phrase[0] if len(phrase) == 1 else make_chunk([w for c in phrase for w in c.words])
            )
            inner = [x for x in soft_xs if head.x0 < x - 1.0 < x + 1.0 < head.x1]
            if not inner or not centred(head, frame, content):
                continue
            lo, hi = _reach(head, edges)
            under = [
                c
                for c in below.chunks
                if c.x0 >= lo - 2.0 and c.x1 <= hi + 2.0 and not counts_value(c)
            ]
            if (
                len(under) >= 2
                and not flush_with_one(head, under)
                and not wrapped_apart(phrase, under)
                and not any(c.x0 < x - 1.0 < x + 1.0 < c.x1 for c in under for x in inner)
            ):
                out.update((id(chunk), (head.x0, head.x1)) for chunk in phrase)
    return out


def _phrases(line: TextLine) -> list[list[Chunk]]:
    """The line's chunks, and its phrases of several chunks (``phrase_runs``)."""
    runs = [run for run in phrase_runs(line.chunks) if len(run) > 1]
    return [[chunk] for chunk in line.chunks] + runs


def _reach(chunk: Chunk, edges: Sequence[float]) -> tuple[float, float]:
    """Left and right edge of the slots the chunk reaches into."""
    first = slot_index(edges, chunk.x0)
    last = slot_index(edges, chunk.x1)
    lo = edges[first] if first is not None else chunk.x0
    hi = edges[last + 1] if last is not None else chunk.x1
    return lo, hi


def centred(
    chunk: Chunk, frame: Sequence[float], content: Sequence[Span | None] | None = None
) -> bool:
    """True when a header chunk spans the columns it reaches into: it stays inside one slot
    of ``frame`` (the drawn columns, whose virtual sub-columns it heads), or stands centred
    over the slots it reaches into, not merely running into a neighbour (closely set words
    of two headers). With ``content`` (the text's extent in each slot, for columns from
    whitespace) it is centred over the text of those slots, not over their tiles."""
    first = slot_index(frame, chunk.x0)
    last = slot_index(frame, chunk.x1)
    if first is None or last is None:
        return False
    if first == last:
        return True
    lo, hi = frame[first], frame[last + 1]
    if content is not None and (a := content[first]) is not None:
        lo = a[0]
    if content is not None and (b := content[last]) is not None:
        hi = b[1]
    return abs((chunk.x0 + chunk.x1) / 2 - (lo + hi) / 2) <= CENTRED_SHARE * (hi - lo)


def _slot_content(lines: Sequence[TextLine], frame: Sequence[float]) -> list[Span | None]:
    """For each slot of ``frame``, the extent of the chunks standing inside it (None when
    none does)."""
    out: list[Span | None] = [None] * (len(frame) - 1)
    for chunk in (c for line in lines for c in line.chunks):
        first, last = slot_index(frame, chunk.x0), slot_index(frame, chunk.x1 - 0.01)
        if first is None or first != last:
            continue
        have = out[first]
        out[first] = (
            (chunk.x0, chunk.x1)
            if have is None
            else (min(have[0], chunk.x0), max(have[1], chunk.x1))
        )
    return out


def slot_index(edges: Sequence[float], value: float) -> int | None:
    """Index of the slot between consecutive ``edges`` holding ``value``, or None."""
    for i in range(len(edges) - 1):
        if edges[i] <= value < edges[i + 1]:
            return i
    return None
