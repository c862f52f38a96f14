"""Stacked whitespace tables: one block of lines that holds two tables, one under the other.

In: the text lines of one whitespace block, top to bottom. Out: the block cut into tables
where the parts' columns disagree. A block is cut before a run of lines without values
(a new table's header) when reading both parts together collapses their columns: the
value columns of the whole are fewer than those of one part, because the tables' columns
stand at different places and bridge one another.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.layout import TextLine
from extract.detect.whitespace import column_bands
from extract.detect.whitespace_rows import data_lines, stub_limit


def split_stacked(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """The block as one or more tables, top to bottom (each part keeps two data lines)."""
    left = stub_limit(lines)
    data = data_lines(lines, left)
    whole = -1
    for cut in _cuts(data):
        top, bottom = lines[:cut], lines[cut:]
        if sum(data[:cut]) < 2 or sum(data[cut:]) < 2:
            continue
        whole = len(column_bands(lines, left)) if whole < 0 else whole
        parts = max(len(column_bands(top, left)), len(column_bands(bottom, stub_limit(bottom))))
        if whole < parts:
            return [list(top), *split_stacked(bottom)]
    return [list(lines)]


def _cuts(data: Sequence[bool]) -> list[int]:
    """Indices where a run of lines without values starts after a data line."""
    return [i for i in range(1, len(data)) if data[i - 1] and not data[i]]
