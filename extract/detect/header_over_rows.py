"""Header lines over an unruled block's rows that stand short of its values: a stub header
beside a value header set flush left in a wide cell, years or short words right of every
row label (centred in wide cells over values set flush right), a stub header beside the
header's staggered lines.

In: a candidate header line, the block's lines (or the lines beside it) and the rows' left
edge. Out: yes or no, for ``whitespace_blocks``'s header search.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.block_lines import FLUSH_PT, reaches_values
from extract.detect.layout import TextLine
from extract.detect.value_text import is_year


def over_stub_and_values(line: TextLine, block: Sequence[TextLine], left: float) -> bool:
    """True for a header line with a stub header set flush with the row labels (at ``left``)
    and text right of every row label of ``block``: a value header set flush left in a wide
    cell whose values stand flush right ("Halvår | Antal borgere" over "jan.-jun. 2019 |
    A-dagpenge | 29"); outer stub headers may stand left of it ("Kommune | Bestemmelse |
    2022K3" over the rows of "Ringkøbing-Skjern | Stadfæstet"), or the stub header may be an
    inner stub column's alone, flush with its labels ("Bestemmelse | oktober 2020" over
    "Realitetsbeh. sager alt | Biler - §§ 114 og 115 | 4"; its value header a year:
    "LOVOMRÅDE/BESTEMMELSE | 2021" over "Stadfæstelse | Børn - samvær - § 71 | 2 sager")."""
    starts = [left, *(c.x0 for row in block for c in row.chunks[1:] if not c.is_value)]
    flush = [k for k, c in enumerate(line.chunks) if any(abs(c.x0 - x) <= FLUSH_PT for x in starts)]
    if len(line.chunks) < 2 or not flush or any(c.x1 > left for c in line.chunks[: flush[0]]):
        return False
    labels = [  # (a row label may be a year: "2022 | 7")
        c.x1
        for row in block
        for k, c in enumerate(row.chunks)
        if not c.is_value or (k == 0 and is_year(c.text) and abs(c.x0 - left) <= FLUSH_PT)
    ]
    return (
        bool(labels)
        and line.chunks[-1].x0 > max(labels)
        and not any(c.is_value and not is_year(c.text) for c in line.chunks)  # (years head)
    )


def years_right_of_labels(line: TextLine, block: Sequence[TextLine]) -> bool:
    """True for a header line of years alone, right of every row label of ``block``: centred
    in a wide cell over values set flush right, short of them ("2021" over "7", "–")."""
    labels = [c.x1 for row in block for c in row.chunks if not c.is_value]
    return bool(labels) and all(is_year(c.text) for c in line.chunks) and line.x0 > max(labels)


def near_words(line: TextLine, block: Sequence[TextLine]) -> bool:
    """True for a line of short headers (three words at most each, no value) right of every
    row label of ``block``: centred in a wide cell short of values set flush right ("sager"
    under "stadfæstede" over "54")."""
    labels = [c.x1 for row in block for c in row.chunks if not c.is_value]
    short = all(not c.is_value and len(c.words) <= 3 for c in line.chunks)
    return bool(labels) and short and line.x0 > max(labels)


def beside_stub_header(line: TextLine, lines: Sequence[TextLine], left: float) -> bool:
    """True when a stub header (a few words, no value, at the rows' left edge) stands beside
    ``line`` in one header band (their lines overlap or touch: headers set in the middle
    of cells of unequal height, "paragraf" between "stadfæstede" and "sager")."""
    return any(
        other is not line
        and other.x0 <= left + 2.0
        and len(other.words) <= 3
        and not any(c.is_value for c in other.chunks)
        and other.top < line.bottom + 0.5 * line.font_size
        and line.top < other.bottom + 0.5 * line.font_size
        for other in lines
    )


def beside_header_line(line: TextLine, upper: TextLine, value_left: float) -> bool:
    """True when ``upper``, the line over ``line``, reaches the values and overlaps or
    touches it (within half a font size): headers set at staggered heights beside a stub
    header ("Hele landet" under "stadfæstet | ændret | hjemvist | (%)")."""
    return reaches_values(upper, value_left) and line.top - upper.bottom < 0.5 * line.font_size
