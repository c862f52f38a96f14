"""Months broken off their year in a header ("2023-" over "-10"): read as header text, not
as negative values. In: a page's text lines, top to bottom. Out: the same lines, such
chunks no longer values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.detect.layout import Chunk, TextLine

__all__ = ["month_parts"]

# A year ending in the hyphen it was broken at ("2023-").
_YEAR_BROKEN = re.compile(r"(?:19|20)\d\d\s?-$")
# A month's number after the hyphen repeated at the break, footnote marks allowed
# ("-10", "-11 ²", "-12 (1)").
_MONTH_AFTER_BREAK = re.compile(r"^-(?:0[1-9]|1[0-2])(?:\s*(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\)))*$")


def month_parts(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines`` with each value chunk that reads as a month after a hyphen ("-10") and
    stands set tight under a chunk of the line above ending in a year and a hyphen
    ("2023-"), overlapping it, read as header text."""
    out = list(lines)
    for i in range(1, len(lines)):
        line, above = lines[i], lines[i - 1]
        if line.top - above.bottom >= 0.5 * line.font_size:
            continue
        years = [c for c in above.chunks if _YEAR_BROKEN.search(c.text)]
        if not years:
            continue
        chunks = tuple(
            Chunk(c.words, c.text, False)
            if c.is_value
            and _MONTH_AFTER_BREAK.match(c.text)
            and any(c.x0 < y.x1 and y.x0 < c.x1 for y in years)
            else c
            for c in line.chunks
        )
        if chunks != line.chunks:
            out[i] = TextLine(line.words, chunks)
    return out
