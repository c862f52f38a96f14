"""Stacked whitespace tables: one block of lines that holds two tables, one under the other.

In: the text lines of one whitespace block, top to bottom. Out: the block cut into tables
where the parts' columns disagree. A block is cut before a run of lines without values
(a new table's header) when reading both parts together collapses their columns: the
value columns of the whole are fewer than those of one part, because the tables' columns
stand at different places and bridge one another, or when no value column of one part
stands over one of the other. A line of years alone over values that are no years (a new
table's period header beside its stub headers) is such a place too.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.block_lines import wrapped_round
from extract.detect.layout import TextLine
from extract.detect.value_text import is_year
from extract.detect.whitespace import column_bands
from extract.detect.whitespace_rows import data_lines, stub_limit, value_chunks


def split_stacked(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """The block as one or more tables, top to bottom (each part keeps two data lines)."""
    left = stub_limit(lines)
    data = data_lines(lines, left)
    whole = -1
    for cut in sorted({*_cuts(data), *_period_headers(lines, data, left)}):
        if wrapped_round(lines, cut):
            continue  # a row's label wrapped round its values, no new table's header
        top, bottom = lines[:cut], lines[cut:]
        if sum(data[:cut]) < 2 or sum(data[cut:]) < 2:
            continue
        whole = len(column_bands(lines, left)) if whole < 0 else whole
        upper, lower = column_bands(top, left), column_bands(bottom, stub_limit(bottom))
        if whole < max(len(upper), len(lower)) or _apart(upper, lower):
            return [list(top), *split_stacked(bottom)]
    return [list(lines)]


def _cuts(data: Sequence[bool]) -> list[int]:
    """Indices where a run of lines without values starts after a data line."""
    return [i for i in range(1, len(data)) if data[i - 1] and not data[i]]


def _period_headers(lines: Sequence[TextLine], data: Sequence[bool], left: float) -> list[int]:
    """Indices of lines inside the block whose values are years alone, standing over values
    that are no years (``data_lines`` reads them as header there): a new table's header
    beside its stub headers ("Myndighed | Bestemmelse | 2021" under another table's rows)."""
    return [
        i
        for i in range(1, len(lines))
        if data[i]
        and all(is_year(c.text) for c in value_chunks(lines[i], left))
        and not data_lines(lines[i:], left)[0]
    ]


def _apart(upper: Sequence[tuple[float, float]], lower: Sequence[tuple[float, float]]) -> bool:
    """True when no value column of one part stands over one of the other: two tables."""
    return bool(upper and lower) and not any(
        a0 < b1 and b0 < a1 for a0, a1 in upper for b0, b1 in lower
    )
