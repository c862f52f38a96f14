"""Unruled table blocks: the runs of a page column's text lines that form whitespace tables.

In: the text lines of one page column, top to bottom. Out: blocks of lines (header lines
included), each one table for ``whitespace.whitespace_grid``. A block starts at a data line
(a row label and values) and goes on while lines stand within a table's gap of each other
and in its stub or value columns: data lines, wrapped labels, group headings out at the
margin with their rows under them. Header lines are taken upwards from its first data line
(lines over the values, a group heading right above the first row, a wrapped stub header).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from extract.detect.block_lines import (
    FLUSH_PT,
    TABLE_GAP_EM,
    data_follows,
    group_follows,
    headed_row,
    headings_over_row,
    is_section_label,
    label_only,
    outer_group_line,
    outer_label,
    reaches_values,
    right_aligned_stub,
    title_over_header,
    wrapped_last_rows,
    wrapped_round,
)
from extract.detect.captions import is_stop
from extract.detect.header_over_rows import (
    beside_header_line,
    beside_stub_header,
    near_words,
    over_stub_and_values,
    years_right_of_labels,
)
from extract.detect.layout import Chunk, TextLine
from extract.detect.value_text import is_period_piece, is_year
from extract.detect.whitespace_rows import is_data_line, value_chunks

__all__ = ["whitespace_blocks"]

# Most lines of a header taken over a block (headers broken over four lines and set
# centred on each other stand on twice as many text lines, three levels of them in small
# type on more: "Stadfæstet 2. halvår" / "2025" / "Antal | Procent" beside "Omgør" /
# "elsesp" / "rocent" / "(%) 2." / "halvår" / "2025"); lines of label text alone (the first
# row's label wrapped above its values, a stub header) do not count.
HEADER_LINES = 16
# Largest gap (in font sizes) above a header line that starts left of the table's rows.
NEAR_EM = 1.0
# Lines of stub header text (no text over the values) that may stand between a group
# heading under the header and the header line over the values (a stub header wrapped).
STUB_HEADER_LINES = 3
# Lines of one table's type differ in size by at most this share (a header a size smaller).
SAME_SIZE = 0.2


def _is_prose(line: TextLine, value_left: float) -> bool:
    return len(line.chunks) == 1 and line.x1 > value_left + 5 and len(line.words) >= 6


def _value_left(chunks: Sequence[Chunk], so_far: float) -> float:
    """Left edge of the value columns: the leftmost number so far (a lone "." does not count:
    it may be a speck of dirt on a scan; infinite until a number is seen)."""
    numbers = [c.x0 for c in chunks if any(ch.isdigit() for ch in c.text)]
    return min(so_far, *numbers) if numbers else so_far


def whitespace_blocks(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """Runs of lines that form unruled tables (header lines included)."""
    blocks: list[list[TextLine]] = []
    i = 0
    floor = 0  # lines before this index belong to an earlier block
    while i < len(lines):
        line = lines[i]
        # years alone, or with pieces of their periods' names ("2021 | … | 1. halvår")
        years = sum(is_year(c.text) for c in line.chunks) >= 2 and all(
            is_period_piece(c.text) for c in line.chunks
        )
        wrapped = not is_data_line(line, line.x0) and wrapped_round(lines, i)
        if years or not (wrapped or is_data_line(line, line.x0)) or is_stop(line):
            i += 1  # (years alone: header)
            continue
        if _year_over_labels(lines, i):
            i += 1  # a group row, its year in the stub column the rows under it start in
            continue
        left = _row_left(lines, i, floor)
        value_left = _value_left(value_chunks(lines[i + 1] if wrapped else line, left), math.inf)
        block: list[TextLine] = [line]
        pending: list[TextLine] = []
        last = line
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            if is_stop(nxt) or nxt.top - last.bottom > TABLE_GAP_EM * nxt.font_size:
                break
            if _is_prose(nxt, value_left) and not (nxt.bold and is_section_label(nxt)):
                break  # (a law's long name in bold over its rows is a group heading)
            if _larger(nxt, line):
                break
            if nxt.x0 < left - 3 and right_aligned_stub(nxt, line):
                left = nxt.x0  # a stub of numbers set flush right ("250", "1,000")
            if nxt.x0 < left - 3 and pending and wrapped_last_rows(pending, left, value_left):
                block.extend(pending)  # rows wrapped round their values, then a new group
                pending = []
            if nxt.x0 < left - 3 and not pending and outer_label(nxt, block, left):
                left = nxt.x0  # a new group's label in an outer stub column, blank above
            if nxt.x0 < left - 3:
                labels_only = not any(c.is_value for c in nxt.chunks)
                if not (
                    is_section_label(nxt)
                    or outer_group_line(nxt, left, value_left)
                    or (j + 1 < len(lines) and headings_over_row(nxt, lines[j + 1], value_left))
                    or (labels_only and group_follows(lines, j + 1, nxt, block, left))
                ):  # (a group's heading out at the margin over its rows set out there too)
                    break
                if not data_follows(lines, j + 1, left, value_left):
                    if not group_follows(lines, j + 1, nxt, block, left):
                        break
                    left = nxt.x0  # an outer group heading, its first row under it at its x
                pending.append(nxt)  # a group heading out at the page margin ("Sex")
                last = nxt
                j += 1
                continue
            if is_data_line(nxt, left, value_left):
                block.extend(pending)
                pending = []
                block.append(nxt)
                value_left = _value_left(value_chunks(nxt, left), value_left)
            elif nxt.top - last.bottom < 0.5 * nxt.font_size and not pending:
                block.append(nxt)  # wrapped label of the last row
            else:
                pending.append(nxt)
            last = nxt
            j += 1
        if wrapped_last_rows(pending, left, value_left):
            block.extend(pending)  # the last rows, their labels wrapped round their values
        header: list[TextLine] = []
        k = i - 1
        top = line
        # header text over the values, or right of every row label: a header centred in a
        # wide cell over values set flush right (judged over group headings only)
        over = min(value_left, _labels_end(block) + 2.0)
        headings = 0  # group heading lines taken right over the first row
        row_gap = _row_gap(block)
        while k >= floor and sum(not label_only(x, value_left) for x in header) < HEADER_LINES:
            above = lines[k]
            if is_stop(above) or top.top - above.bottom > TABLE_GAP_EM * top.font_size:
                break
            in_values = reaches_values(
                above, over if header and headings == len(header) else value_left
            )
            in_values = in_values or _flush_with(above, line)  # headers set flush left
            in_values = in_values or over_stub_and_values(above, block, left)
            in_values = in_values or years_right_of_labels(above, block)
            in_values = in_values or (
                near_words(above, block) and beside_stub_header(above, lines[floor:i], left)
            )
            close = top.top - above.bottom < 0.5 * top.font_size
            # a line starting left of the rows: a group heading right above its rows, or a
            # header line over the values at row spacing (not a title further up)
            near = top.top - above.bottom < max(NEAR_EM * top.font_size, row_gap + 1.0)
            # the lines taken so far are the first row's label, wrapped round its values
            # (its values may stand on a line of their own, between its label lines)
            first_row = all(
                label_only(x, value_left) or (k0 > 0 and all(c.is_value for c in x.chunks))
                for k0, x in enumerate(header)
            )
            heading = is_section_label(above) or outer_group_line(above, left, value_left)
            heading = heading or headings_over_row(above, top, value_left)
            heading = heading and (is_data_line(top, left) or first_row)
            stub_row = _stub_header_row(above, left, header, value_left) or (
                k > floor and _between_headers(above, lines[k - 1], header, value_left)
            )
            outside = above.x0 < left - 3 and not (heading or (near and in_values) or stub_row)
            prose = _is_prose(above, value_left) and not (
                first_row and _group_under_header(lines, k, floor, over, line.font_size)
            )
            if prose or outside or _paragraph_end(lines, k, value_left):
                break
            if header and _larger(above, max(header, key=lambda x: x.font_size)):
                break  # a heading over the header ("Sagsfremstilling"), set larger than it
            if title_over_header(above, header, left, value_left):
                break
            if stub_row and k > floor and beside_header_line(above, lines[k - 1], value_left):
                in_values = True  # a stub header among the header's staggered lines
            if not (in_values or close):
                # a group heading between the header and the first row ("Realitetsbehandlede"
                # under "Paragraf | 2025"; the first row's label may wrap round its values):
                # kept with the header line over the values above it
                heading_first = first_row and heading and k - 1 >= floor
                if not (heading_first and _header_above(lines, k - 1, floor, over, line.font_size)):
                    break
                headings += 1
            header.insert(0, above)
            top = above
            k -= 1
        rows = sum(1 for x in block if is_data_line(x, left, value_left))
        if not any(c.is_value and not is_year(c.text) for x in block for c in x.chunks):
            rows = 0  # years the only values: a header's lines ("stadfæs- | 2024"), no rows
        if rows >= 2 or (rows == 1 and headed_row(header, line, left)):
            blocks.append(header + block)
            floor = j
        i = j
    return blocks


def _row_left(lines: Sequence[TextLine], i: int, floor: int) -> float:
    """The left edge of the row of line ``i``: its own, or that of the label line right
    above it, for a line of values alone (a label wrapped round its values, set in the
    middle) or one whose label goes on from an inner label of that line ("Stadfæstet |
    Magtanvendelse, voksne, indgreb i" over "selvbestemmelsesretten, … | –")."""
    line = lines[i]
    if i > floor:
        above = lines[i - 1]
        tight = line.top - above.bottom < 0.5 * line.font_size
        inner = any(abs(c.x0 - line.x0) <= FLUSH_PT for c in above.chunks[1:])
        if (
            tight
            and above.x0 < line.x0 - 3
            and not any(c.is_value for c in above.chunks)
            and (line.chunks[0].is_value or inner)
        ):
            return above.x0
    return line.x0


def _year_over_labels(lines: Sequence[TextLine], i: int) -> bool:
    """True for line ``i`` holding a label and one year as its only value, the next line a
    row whose label starts where the year starts ("Hele landet | 2022" over "Lov om en aktiv
    … | 6"): a group row in two stub columns, no row of values."""
    line = lines[i]
    values = [c for c in line.chunks if c.is_value]
    if i + 1 >= len(lines) or len(values) != 1 or not is_year(values[0].text):
        return False
    below = lines[i + 1]
    row = is_data_line(below, below.x0) or wrapped_round(lines, i + 1)
    return not line.chunks[0].is_value and row and abs(below.x0 - values[0].x0) <= FLUSH_PT


def _group_under_header(
    lines: Sequence[TextLine], k: int, floor: int, value_left: float, size: float
) -> bool:
    """True for line ``k`` set bold, no value in it, right under a header line over the
    values (``_header_above``): a group row between a table's header and its first row, its
    label running into the value columns ("Lov om højeste, mellemste førtidspension m.fl."
    under "2024 | 2024 (1) | …"), no running text."""
    line = lines[k]
    if not line.bold or k - 1 < floor or any(c.is_value for c in line.chunks):
        return False
    return _header_above(lines, k - 1, floor, value_left, size)


def _paragraph_end(lines: Sequence[TextLine], k: int, value_left: float) -> bool:
    """True for line ``k`` set tight under a line of running text, starting where it starts:
    the paragraph's last line ("beskæftigelsesområdet i 2020."), no header line."""
    if k < 1:
        return False
    above, line = lines[k - 1], lines[k]
    tight = line.top - above.bottom < 0.5 * line.font_size
    return tight and abs(line.x0 - above.x0) <= FLUSH_PT and _is_prose(above, value_left)


def _row_gap(block: Sequence[TextLine]) -> float:
    """The space between the block's rows: the middle one of the gaps between its lines
    set apart (0 for a block of one line)."""
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(block) if b.top > a.bottom)
    return gaps[len(gaps) // 2] if gaps else 0.0


def _labels_end(block: Sequence[TextLine]) -> float:
    """Where the text (no values) of the block's lines ends, rightmost."""
    return max((c.x1 for line in block for c in line.chunks if not c.is_value), default=math.inf)


def _larger(line: TextLine, first: TextLine) -> bool:
    """True for a line set larger than the table's type (its ``first`` row's) by more than
    SAME_SIZE, with no value in it: a document heading under the table ("Notat: …" under a
    letterhead's "Tlf. 24 56 61 99"), not a row of it. Text-layer sizes only (OCR'd sizes
    are box heights, uneven)."""
    if any(w.source == "ocr" for w in (*line.words, *first.words)):
        return False
    return line.font_size > (1 + SAME_SIZE) * first.font_size and not any(
        c.is_value for c in line.chunks
    )


def _between_headers(
    line: TextLine, upper: TextLine, header: Sequence[TextLine], value_left: float
) -> bool:
    """True for stub headers alone on their line (short labels, five words in all, no
    value, short of the values) between two header lines over the values, all in the
    header's type: ``upper`` right above it, and one taken so far (``header``): "2021" /
    "Afgørelsestype" / "H1 ²", over rows whose outer stub column is blank on a page going
    on from the one before; "2024" / "Udfald | Paragraf" / "*1)" over rows indented."""
    over = [x for x in header if reaches_values(x, value_left)]
    size = over[0].font_size if over else 0.0
    return (
        len(line.words) <= 5
        and not any(c.is_value for c in line.chunks)
        and not reaches_values(line, value_left)
        and all(abs(x.font_size - size) <= SAME_SIZE * size for x in (line, upper))
        and bool(over)
        and reaches_values(upper, value_left)
        and not any(c.is_value and not is_year(c.text) for c in upper.chunks)
        and over[0].top - upper.bottom < TABLE_GAP_EM * line.font_size
    )


def _stub_header_row(
    line: TextLine, left: float, header: Sequence[TextLine], value_left: float
) -> bool:
    """True for the stub headers of a header (taken so far: ``header``, a line of it over
    the values): words only, one set flush with the row labels' left edge ``left``, the
    others left of it over an outer stub column blank in the body ("Kommune |
    Lovområde/bestemmelse", the rows going on from the page before); or flush with a
    group heading's label taken under it, its rows indented ("Udfald | Paragraf" over
    "Hjemvisning | Lov om aktiv socialpolitik")."""
    starts = [left, *(c.x0 for x in header for c in x.chunks if not c.is_value)]
    return (
        any(abs(c.x0 - x) <= FLUSH_PT for c in line.chunks for x in starts)
        and not any(c.is_value for c in line.chunks)
        and not reaches_values(line, value_left)
        and any(reaches_values(x, value_left) for x in header)
    )


def _header_over(line: TextLine, below: TextLine, value_left: float) -> bool:
    """True for a header line over the values standing within a table's gap of ``below``:
    text reaching the values, or (``over_stub_and_values``) a stub header flush with the
    group heading under it and a value header right of it, set flush left in a wide cell."""
    in_values = reaches_values(line, value_left) or over_stub_and_values(line, [below], below.x0)
    gap = below.top - line.bottom
    return in_values and gap <= TABLE_GAP_EM * below.font_size and not is_stop(line)


def _header_above(
    lines: Sequence[TextLine], k: int, floor: int, value_left: float, size: float
) -> bool:
    """True when line ``k``, or a line above it past lines of stub header text alone
    (STUB_HEADER_LINES at most: "hele" / "landet" beside "2024q3"; a group heading:
    "Landstotal" over "Ændring/Ophævelse"), is a header line over the values
    (``_header_over``) standing within a table's gap of the line under it. The lines from
    the one under line ``k`` up are set in the table's type (``size``, its first row's):
    a document's headings over it head no rows."""
    for j in range(k, max(floor, k - STUB_HEADER_LINES) - 1, -1):
        line = lines[j]
        if any(abs(x.font_size - size) > SAME_SIZE * size for x in (line, lines[j + 1])):
            return False
        if _is_prose(line, value_left) and not _bold_wrapped(line, lines[j + 1]):
            return False  # a paragraph's line running across the page heads no columns
        if _header_over(line, lines[j + 1], value_left):
            return True
        if is_stop(line) or reaches_values(line, value_left):
            return False
    return False


def _bold_wrapped(line: TextLine, below: TextLine) -> bool:
    """True for a bold line going on tight under it, flush left, in bold (no value in
    either): a group heading wrapped ("Lov om højeste, mellemste, forhøjet almindelig og
    almindelig" / "førtidspension"), no paragraph of running text."""
    return (
        line.bold
        and below.bold
        and abs(line.x0 - below.x0) <= FLUSH_PT
        and below.top - line.bottom < 0.5 * below.font_size
        and not any(c.is_value for c in (*line.chunks, *below.chunks))
    )


def _flush_with(header: TextLine, row: TextLine) -> bool:
    """True when two chunks or more of ``header`` start where chunks of ``row`` start (within
    FLUSH_PT): a header line set flush left over its columns ("LOVOMRÅDE | UDFALD | 2024K1"
    over "Lov om ... | Stadfæstet | 686 sager")."""
    starts = [c.x0 for c in row.chunks]
    return sum(1 for c in header.chunks if any(abs(c.x0 - x) <= FLUSH_PT for x in starts)) >= 2
