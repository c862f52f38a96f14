"""Where a whitespace table's header ends and its rows begin.

In: the lines of a table block, top to bottom, and the stub's left edge. Out: the number of
leading lines that are its header (``split_header``): those before the first data line, less
the first row's label wrapped above its values, a group row right under the header, group
headings in the stub columns at its foot.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from extract.detect.layout import Chunk, TextLine
from extract.detect.value_text import is_footnote_mark, is_year
from extract.detect.whitespace_rows import (
    at_left,
    data_lines,
    value_chunks,
)

__all__ = ["split_header"]

# A line is spaced as the rows when the spaces over and under it differ by this (in font sizes).
ROW_SPACING_EM = 0.2


def split_header(lines: Sequence[TextLine], left: float) -> int:
    """Number of leading lines that are column headers (before the first data line, or the
    first line of values alone set in a row label wrapped round them)."""
    data_flags = data_lines(lines, left)
    value_left = min(
        (c.x0 for line, d in zip(lines, data_flags, strict=True) if d
         for c in value_chunks(line, left)),
        default=math.inf,
    )  # fmt: skip
    for i, data in enumerate(data_flags):
        if i and not data_flags[i - 1] and _marks_alone(lines[i]):
            continue  # "1)" under a header's "2017": the header's footnote mark, no row
        if data or _wrapped_round(lines, i, left, value_left):
            # label-only lines right above the first data line belong to its row (its label
            # wrapped, standing left of its values)
            values = min((c.x0 for c in value_chunks(lines[i], left)), default=math.inf)
            j = i
            while (
                j > 0
                and _row_label(lines[j - 1], left, values)
                and lines[j].top - lines[j - 1].bottom < 0.5 * lines[j].font_size
            ):
                j -= 1
            if _group_row_under_header(lines, j, left, value_left) or (
                j == 1 and _label_into_values(lines[0], left, value_left)
            ):
                j -= 1
            return _group_headings_out(lines, j, left, value_left)
    return 0


def _marks_alone(line: TextLine) -> bool:
    """Whether a line holds footnote marks alone ("1)", "*", "(2)")."""
    return all(is_footnote_mark(c.text) for c in line.chunks)


def _group_row_under_header(
    lines: Sequence[TextLine], end: int, left: float, value_left: float
) -> bool:
    """True for the line above line ``end`` (the first row's) holding one label at the row
    labels' edge, no value, running on into the value columns or spaced as the rows are,
    under header lines with text over two value columns or more (on one line, "2024 | 2024
    (1) | …", or staggered over several): a group row ("Lov om højeste, mellemste
    førtidspension m.fl.", "Hele landet"), no header text."""
    line = lines[end - 1] if end >= 2 else None
    if line is None or _lone_label(line, left) is None:
        return False
    over = [c for above in lines[: end - 1] for c in above.chunks if c.x1 > value_left]
    if len(over) >= 2 and (line.x1 > value_left or _row_spaced(lines, end - 1)):
        return True
    return bool(over) and _like_a_later_group_row(line, lines[end:], left)


def _like_a_later_group_row(line: TextLine, later: Sequence[TextLine], left: float) -> bool:
    """True for a bold lone label at the row labels' edge whose like (bold, in its size, a
    lone label, no value) stands among the rows under it: the first group's heading
    ("Antal realitetsbehandlede sager", then "Stadfæstede sager" further down), no line of
    a header over one value column."""
    return line.bold and any(
        other.bold
        and _lone_label(other, left) is not None
        and abs(other.font_size - line.font_size) <= 0.1 * line.font_size
        for other in later
    )


def _label_into_values(line: TextLine, left: float, value_left: float) -> bool:
    """True for a lone label at the row labels' edge running on into the value columns, set
    mostly over the labels: a group row atop a page going on without its header ("Afgjorte
    sager i alt"), no header (a stub header stops short of the values)."""
    chunk = _lone_label(line, left)
    return chunk is not None and chunk.x1 > value_left and (chunk.x0 + chunk.x1) / 2 < value_left


def _lone_label(line: TextLine, left: float) -> Chunk | None:
    """The line's one chunk when it is label text at the row labels' edge, else None."""
    if len(line.chunks) != 1 or line.chunks[0].is_value or not at_left(line.chunks[0], left):
        return None
    return line.chunks[0]


def _row_spaced(lines: Sequence[TextLine], i: int) -> bool:
    """True when line ``i`` stands apart from the line over it (half its font size or more)
    as from the line under it: spaced as rows ("Hele landet" over "Total | 21,4 | 17305")."""
    line = lines[i]
    above = line.top - lines[i - 1].bottom
    below = lines[i + 1].top - line.bottom
    return above >= 0.5 * line.font_size and abs(above - below) <= ROW_SPACING_EM * line.font_size


def _group_headings_out(lines: Sequence[TextLine], end: int, left: float, value_left: float) -> int:
    """``end`` (the header's line count) less the group heading lines at its foot: lines of
    label text in two stub columns or more ("2023 H1 | Hele landet"), nothing over the
    values, at row spacing under a header line that stands over them, the row under them
    leaving the outer stub column blank (under a stub header's line, "Halvår | Lovområde",
    the first row fills it)."""
    k = end
    if end >= len(lines) or at_left(lines[end].chunks[0], left):
        return end
    while (
        k >= 2
        and len(lines[k - 1].chunks) >= 2
        and at_left(lines[k - 1].chunks[0], left)
        and all(not c.is_value and c.x1 < value_left for c in lines[k - 1].chunks)
        and lines[k - 1].top - lines[k - 2].bottom >= 0.5 * lines[k - 1].font_size
        and any(c.x1 > value_left for c in lines[k - 2].chunks)
    ):
        k -= 1
    return k


def _wrapped_round(lines: Sequence[TextLine], i: int, left: float, value_left: float) -> bool:
    """True for a line of values alone (no years: those are header) set tight under a line
    of row label text left of the value columns (``value_left``): the middle of a label
    wrapped round its row's values (not a footnote mark under a header over the values)."""
    line = lines[i]
    if i == 0 or not all(c.is_value and not is_year(c.text) for c in line.chunks):
        return False
    if any(at_left(c, left) for c in line.chunks):
        return False
    above = lines[i - 1]
    tight = line.top - above.bottom < 0.5 * line.font_size
    year = len(above.chunks) == 1 and is_year(above.text) and at_left(above.chunks[0], left)
    return tight and (  # (a year alone at the left edge labels the row: "2022" / "14,5" / …)
        year
        or all(  # (a year in an outer stub column beside a label: "2022 | Beskæftigelses-")
            (not c.is_value or is_year(c.text)) and c.x1 < value_left for c in above.chunks
        )
    )


def _row_label(line: TextLine, left: float, values: float) -> bool:
    """True for a line of row label text: at the left edge, or words (no value but years)
    ending left of the values at ``values`` (an indented label)."""
    if all(at_left(c, left) for c in line.chunks):
        return True
    # (a year in an outer stub column beside the label: "2022 | Beskæftigelsesindsats")
    return all((not c.is_value or is_year(c.text)) and c.x1 < values for c in line.chunks)
