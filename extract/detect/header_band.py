"""A header drawn in a shaded band (or between two rules) over an unruled body: the band's
lines joined to the whitespace block under it.

In: a whitespace block (its lines, top to bottom), the page's free lines and its rulings.
Out: the block with the header lines of a band standing right over it put first, or the
block as it was. A fill gives no table of its own when it holds only a header ("Bestemmelse
| Stadfæstelse²" over rows set without rules); its lines would otherwise be read as the
table's caption, and its value header lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.block_lines import TABLE_GAP_EM, is_section_label
from extract.detect.layout import TextLine
from extract.detect.whitespace_rows import is_data_line, stub_limit
from extract.model import Ruling

# The band's lower rule stands at most this many font sizes above the block's first line
# (or a point inside it).
BAND_GAP_EM = 1.5
# A header band is at most this many font sizes tall, and at least this share of one.
BAND_HEIGHT_EM = 6.0
BAND_MIN_EM = 0.8
# At most this many group headings stand between the band and the block.
HEADINGS = 3
# A rule of the band reaches over at least this share of the block's width.
BAND_COVER = 0.5


def with_header_band(
    block: Sequence[TextLine], lines: Sequence[TextLine], rulings: Sequence[Ruling]
) -> list[TextLine]:
    """``block`` with the lines of a header band right over it first: over its first line;
    or over the group headings left out right over it ("Stadfæstelse" / "Barnets lov"),
    then those headings; or round its first lines (the last line of a header set in the
    middle of its band, "alt" under "realitetsbehandlede / sager / i", read as the block's
    first), see the module."""
    x0, x1 = min(line.x0 for line in block), max(line.x1 for line in block)
    across = [
        r.top
        for r in rulings
        if r.horizontal and min(r.x1, x1) - max(r.x0, x0) >= BAND_COVER * (x1 - x0)
    ]
    headings = _headings_above(block, lines, {(line.top, line.x0) for line in block})
    starts = [(headings[j:], 0) for j in range(len(headings) - 1, -1, -1)]
    starts = [([], 0), *starts, *(([], k) for k in range(1, min(HEADINGS, len(block) - 1)))]
    for heads, k in starts:
        rest = block[k:]
        band = _band_over(heads[0] if heads else rest[0], block[0].font_size, across)
        if band is None:
            continue
        top, bottom = band
        if not all(top < (line.top + line.bottom) / 2 < bottom for line in block[:k]):
            continue
        taken = {(line.top, line.x0) for line in rest}
        head = [
            line
            for line in lines
            if top < (line.top + line.bottom) / 2 < bottom
            and (line.top, line.x0) not in taken
            and line.x1 > x0
            and line.x0 < x1
        ]
        if _is_header(head, rest):
            return [*head, *heads, *rest]
    return list(block)


def _band_over(first: TextLine, size: float, across: Sequence[float]) -> tuple[float, float] | None:
    """(top, bottom) of the band whose lower rule stands right over line ``first``, of the
    rules ``across`` the block (their y), or None."""
    under = [y for y in across if first.top - BAND_GAP_EM * size <= y <= first.top + 1.0]
    if not under:
        return None
    bottom = max(under)
    over = [y for y in across if bottom - BAND_HEIGHT_EM * size <= y <= bottom - BAND_MIN_EM * size]
    return (max(over), bottom) if over else None


def _headings_above(
    block: Sequence[TextLine], lines: Sequence[TextLine], taken: set[tuple[float, float]]
) -> list[TextLine]:
    """The group headings standing right over the block, left out of it, top to bottom
    (short labels alone, no value, each within a table's gap of the line under it, three at
    most: "Stadfæstelse" / "Barnets lov" over the rows; "Realitetsbeh. sager alt")."""
    out: list[TextLine] = []
    below = block[0]
    while len(out) < HEADINGS:
        above = [line for line in lines if line.bottom <= below.top + 0.5]
        if not above:
            break
        line = max(above, key=lambda ln: ln.bottom)
        near = below.top - line.bottom <= TABLE_GAP_EM * below.font_size
        if not (near and is_section_label(line) and (line.top, line.x0) not in taken):
            break
        out.insert(0, line)
        below = line
    return out


def _is_header(head: Sequence[TextLine], block: Sequence[TextLine]) -> bool:
    """True for lines of a header over ``block``: none of them a row of values, one at least
    with text right of every row label of the block (a value column's header), and the
    block's first line no header line of its own (its header already found)."""
    if not head:
        return False
    left = stub_limit(block)
    labels = [c.x1 for line in block for c in line.chunks if not c.is_value]
    label_end = max(labels, default=left)
    if any(is_data_line(line, left) for line in head):
        return False
    if any(not c.is_value and c.x0 >= label_end for c in block[0].chunks):
        return False
    return any(c.x0 >= label_end for line in head for c in line.chunks)
