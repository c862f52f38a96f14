"""Where the tables are on one page: ruled clusters, whitespace blocks, captions and notes.

In: one ``PageContent``. Out: ``PageTable``s (a Grid with the caption above it, the nearby
title text, the Note/Kilde lines under it, and the text lines above and below it), top to
bottom; ``read_page`` also gives all the page's lines and those after its last table, for
joining tables continued over pages (``continued``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.detect.captions import CAPTION, is_stop, text_around
from extract.detect.columns import column_streams
from extract.detect.grid import Grid
from extract.detect.header import has_body_values, header_row_count
from extract.detect.layout import Chunk, TextLine, group_lines
from extract.detect.plausible import is_rotated_glyph, is_table
from extract.detect.rotated import upright_page
from extract.detect.ruled import ruled_grid
from extract.detect.rulings import (
    RulingCluster,
    cluster_rulings,
    join_rule_bands,
    with_edge_rows,
    without_underlines,
)
from extract.detect.stacked import split_stacked
from extract.detect.whitespace import whitespace_grid
from extract.detect.whitespace_rows import is_data_line, value_chunks
from extract.model import BBox, PageContent

__all__ = ["CAPTION", "DETECTORS", "Detector", "PageRead", "PageTable", "find_tables", "read_page"]

FOOTER = re.compile(r"^(?:Side\s+)?\d{1,3}$")
# Largest gap (in font sizes) inside one table.
TABLE_GAP_EM = 2.6
# Largest gap (in font sizes) above a header line that starts left of the table's rows.
NEAR_EM = 1.0
# Text set flush left in one column starts within this many points.
FLUSH_PT = 1.0
# Lines of stub header text (no text over the values) that may stand between a group
# heading under the header and the header line over the values (a stub header wrapped).
STUB_HEADER_LINES = 3


@dataclass(frozen=True, slots=True)
class PageTable:
    """One table found on a page, with the text around it. ``above`` and ``below`` are its
    column's lines above and below it; ``header_rows`` its
    grid's header rows (``header.header_row_count``); ``caption_below`` says that its
    caption stands under it."""

    grid: Grid
    caption: str | None
    caption_number: str | None
    title: str | None
    notes: tuple[str, ...]
    above: tuple[TextLine, ...] = ()
    below: tuple[TextLine, ...] = ()
    header_rows: int | None = None
    caption_below: bool = False


@dataclass(frozen=True, slots=True)
class PageRead:
    """One page's tables, top to bottom, all its text lines, its lines after the last table
    (all of them on a page without tables), top to bottom, and its height."""

    tables: tuple[PageTable, ...]
    lines: tuple[TextLine, ...]
    tail: tuple[TextLine, ...]
    height: float = 842.0


_DIGITS = re.compile(r"\d+")
# Lines kept as a page's tail (a table's header printed at the bottom of the page).
TAIL_LINES = 12


def line_key(line: TextLine) -> str:
    """A line's text with every number masked: the same for a running header or footer on
    every page ("Side 3 af 10", "Side 4 af 10")."""
    return _DIGITS.sub("#", line.text)


def _inside(line: TextLine, box: BBox, pad: float = 2.0) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def _is_footer(line: TextLine, page: PageContent) -> bool:
    in_margin = line.top > 0.92 * page.height or line.bottom < 0.06 * page.height
    return in_margin and bool(FOOTER.match(line.text.strip()))


def _ruled_tables(
    clusters: Sequence[RulingCluster], lines: Sequence[TextLine], page: PageContent
) -> list[tuple[Grid, list[TextLine]]]:
    found: list[tuple[Grid, list[TextLine]]] = []
    for cluster in (with_edge_rows(c, lines) for c in clusters):
        inside = [line for line in lines if _inside(line, cluster.bbox)]
        if not inside:
            continue
        grid = ruled_grid(cluster, inside, page.number)
        if grid is not None:
            found.append((grid, inside))
    return found


def _is_prose(line: TextLine, value_left: float) -> bool:
    return len(line.chunks) == 1 and line.x1 > value_left + 5 and len(line.words) >= 6


def _value_left(chunks: Sequence[Chunk], so_far: float) -> float:
    """Left edge of the value columns: the leftmost number so far (a lone "." does not count:
    it may be a speck of dirt on a scan; infinite until a number is seen)."""
    numbers = [c.x0 for c in chunks if any(ch.isdigit() for ch in c.text)]
    return min(so_far, *numbers) if numbers else so_far


def _whitespace_blocks(lines: Sequence[TextLine]) -> list[list[TextLine]]:
    """Runs of lines that form unruled tables (header lines included)."""
    blocks: list[list[TextLine]] = []
    i = 0
    floor = 0  # lines before this index belong to an earlier block
    while i < len(lines):
        line = lines[i]
        if not is_data_line(line, line.x0) or is_stop(line):
            i += 1
            continue
        left = _row_left(lines, i, floor)
        value_left = _value_left(value_chunks(line, left), math.inf)
        block: list[TextLine] = [line]
        pending: list[TextLine] = []
        last = line
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            if is_stop(nxt) or nxt.top - last.bottom > TABLE_GAP_EM * nxt.font_size:
                break
            if _is_prose(nxt, value_left):
                break
            if nxt.x0 < left - 3 and _right_aligned_stub(nxt, line):
                left = nxt.x0  # a stub of numbers set flush right ("250", "1,000")
            if nxt.x0 < left - 3 and not pending and _outer_label(nxt, block, left):
                left = nxt.x0  # a new group's label in an outer stub column, blank above
            if nxt.x0 < left - 3:
                if not (_is_section_label(nxt) and _data_follows(lines, j + 1, left)):
                    break
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
        header: list[TextLine] = []
        k = i - 1
        top = line
        while k >= floor and len(header) < 8:
            above = lines[k]
            if is_stop(above) or top.top - above.bottom > TABLE_GAP_EM * top.font_size:
                break
            in_values = any(c.x1 > value_left - 2 for c in above.chunks)
            in_values = in_values or _flush_with(above, line)  # headers set flush left
            close = top.top - above.bottom < 0.5 * top.font_size
            # a line starting left of the rows: a group heading right above its rows, or a
            # header line over the values at row spacing (not a title further up)
            near = top.top - above.bottom < NEAR_EM * top.font_size
            # the lines taken so far are the first row's label, wrapped round its values
            # (its values may stand on a line of their own, between its label lines)
            first_row = all(
                _label_only(x, value_left) or (k0 > 0 and all(c.is_value for c in x.chunks))
                for k0, x in enumerate(header)
            )
            heading = _is_section_label(above) and (is_data_line(top, left) or first_row)
            outside = above.x0 < left - 3 and not (heading or (near and in_values))
            if _is_prose(above, value_left) or outside:
                break
            if not (in_values or close):
                # a group heading between the header and the first row ("Realitetsbehandlede"
                # under "Paragraf | 2025"; the first row's label may wrap round its values):
                # kept with the header line over the values above it
                heading_first = first_row and _is_section_label(above) and k - 1 >= floor
                if not (heading_first and _header_above(lines, k - 1, floor, above, value_left)):
                    break
            header.insert(0, above)
            top = above
            k -= 1
        if sum(1 for x in block if is_data_line(x, left, value_left)) >= 2:
            blocks.append(header + block)
            floor = j
        i = j
    return blocks


def _row_left(lines: Sequence[TextLine], i: int, floor: int) -> float:
    """The left edge of the row of line ``i``: its own, or, for a line of values alone, that
    of the label line right above it (a label wrapped round its values, set in the middle)."""
    line = lines[i]
    if i > floor and line.chunks[0].is_value:
        above = lines[i - 1]
        tight = line.top - above.bottom < 0.5 * line.font_size
        if tight and above.x0 < line.x0 - 3 and not any(c.is_value for c in above.chunks):
            return above.x0
    return line.x0


def _header_over(line: TextLine, below: TextLine, value_left: float) -> bool:
    """True for a header line over the values standing within a table's gap of ``below``."""
    in_values = any(c.x1 > value_left - 2 for c in line.chunks)
    gap = below.top - line.bottom
    return in_values and gap <= TABLE_GAP_EM * below.font_size and not is_stop(line)


def _header_above(
    lines: Sequence[TextLine], k: int, floor: int, below: TextLine, value_left: float
) -> bool:
    """True when line ``k``, or a line above it past lines of stub header text alone
    (STUB_HEADER_LINES at most: "hele" / "landet" beside "2024q3"), is a header line over
    the values (``_header_over``) standing within a table's gap of ``below``."""
    for j in range(k, max(floor, k - STUB_HEADER_LINES) - 1, -1):
        line = lines[j]
        if _header_over(line, below, value_left):
            return True
        if is_stop(line) or any(c.x1 > value_left - 2 for c in line.chunks):
            return False
    return False


def _flush_with(header: TextLine, row: TextLine) -> bool:
    """True when two chunks or more of ``header`` start where chunks of ``row`` start (within
    FLUSH_PT): a header line set flush left over its columns ("LOVOMRÅDE | UDFALD | 2024K1"
    over "Lov om ... | Stadfæstet | 686 sager")."""
    starts = [c.x0 for c in row.chunks]
    return sum(1 for c in header.chunks if any(abs(c.x0 - x) <= FLUSH_PT for x in starts)) >= 2


def _label_only(line: TextLine, value_left: float) -> bool:
    """True for a line of label text alone, left of the values at ``value_left``."""
    return all(not c.is_value and c.x1 < value_left for c in line.chunks)


def _is_section_label(line: TextLine) -> bool:
    """A short label line with no values: a group heading inside a table."""
    return len(line.chunks) == 1 and not line.chunks[0].is_value and len(line.words) <= 5


def _right_aligned_stub(line: TextLine, first: TextLine) -> bool:
    """True when ``line`` is a data line whose row label ends where the label of the block's
    first line ends: a right-aligned stub, so the line starts further left."""
    end = first.chunks[0].x1
    return abs(line.chunks[0].x1 - end) <= 2.0 and is_data_line(line, line.x0)


def _outer_label(line: TextLine, block: Sequence[TextLine], left: float) -> bool:
    """True for a data line starting left of the block (``left``) whose values stand in the
    block's value columns: its first chunk labels a group in an outer stub column left
    blank on the rows above."""
    values = value_chunks(line, line.x0)
    if not values or not is_data_line(line, line.x0) or line.chunks[0].x1 >= values[0].x0:
        return False
    above = [c for x in block for c in value_chunks(x, left)]
    return all(any(c.x0 < o.x1 and o.x0 < c.x1 for o in above) for c in values)


def _data_follows(lines: Sequence[TextLine], start: int, left: float) -> bool:
    """True when a data line comes within two lines from ``start``, each close to the last."""
    last = lines[start - 1]
    for line in lines[start : start + 2]:
        if line.top - last.bottom > TABLE_GAP_EM * line.font_size or line.x0 < left - 3:
            return False
        if is_data_line(line, left):
            return True
        last = line
    return False


Found = list[tuple[Grid, list[TextLine]]]


def _ruled(page: PageContent, lines: Sequence[TextLine]) -> Found:
    rulings = without_underlines(page.rulings, lines)
    clusters = join_rule_bands(cluster_rulings(rulings, page.width, min_rules=1), lines)
    return _ruled_tables(clusters, lines, page)


def _whitespace(page: PageContent, lines: Sequence[TextLine]) -> Found:
    found: Found = []
    for block in [part for run in _whitespace_blocks(lines) for part in split_stacked(run)]:
        try:
            found.append((whitespace_grid(block, page.number), block))
        except ValueError:
            continue
    return found


@dataclass(frozen=True, slots=True)
class Detector:
    """One way of finding tables on a page; it gets the lines earlier detectors left free."""

    name: str
    description: str
    find: Callable[[PageContent, Sequence[TextLine]], Found]


DETECTORS: tuple[Detector, ...] = (
    Detector(
        "ruled",
        "tables drawn with ruling lines (full grid, or horizontal rules "
        "between rows; columns then come from whitespace)",
        _ruled,
    ),
    Detector(
        "whitespace",
        "unruled tables: value columns from aligned numbers, rows from "
        "line spacing, wrapped labels joined",
        _whitespace,
    ),
)


def find_tables(page: PageContent) -> list[PageTable]:
    """Every table on the page, top to bottom."""
    return list(read_page(page).tables)


def read_page(page: PageContent) -> PageRead:
    """The page's tables (top to bottom), its lines and its tail."""
    if not page.words:
        return PageRead((), (), (), page.height)
    glyphs = [w for w in page.words if is_rotated_glyph(w)]
    upright = [w for w in page.words if not is_rotated_glyph(w)]
    lines = [line for line in group_lines(upright) if not _is_footer(line, page)]
    streams = column_streams(lines, page.rulings)
    tables = [table for stream in streams for table in _stream_tables(page, stream)]
    end = max((table.grid.bbox[3] for table in tables), default=-1.0)
    tail = tuple(line for line in lines if line.top > end)[-TAIL_LINES:]
    turned = upright_page(page, glyphs)
    if turned is not None:
        tables += find_tables(turned)
    return PageRead(tuple(tables), tuple(lines), tail, page.height)


def _stream_tables(page: PageContent, lines: Sequence[TextLine]) -> list[PageTable]:
    """The tables in one column of the page (the whole page when it has one), top to bottom."""
    found: list[tuple[Grid, list[TextLine], int]] = []  # grid, its lines, its header rows
    for detector in DETECTORS:
        taken = {id(line) for _, inside, _ in found for line in inside}
        free = [line for line in lines if id(line) not in taken]
        for grid, inside in detector.find(page, free):
            header = header_row_count(grid)
            usable = grid.n_cols >= 2 and has_body_values(grid, header)
            if usable and is_table(grid, header):
                found.append((grid, inside, header))
    found.sort(key=lambda item: item[0].bbox[1])
    tables: list[PageTable] = []
    floor = 0.0
    tops = [min(line.top for line in inside) for _, inside, _ in found]
    for k, (grid, inside, header) in enumerate(found):
        top = tops[k]
        bottom = max(line.bottom for line in inside)
        taken = {id(x) for x in inside}
        outside = [line for line in lines if id(line) not in taken]
        limit = tops[k + 1] if k + 1 < len(found) else math.inf
        text = text_around(outside, top, max(bottom, grid.bbox[3]), floor, limit)
        above = tuple(line for line in outside if line.bottom <= top + 1)
        below = tuple(line for line in outside if line.top >= bottom - 1)
        tables.append(
            PageTable(
                grid, text.caption, text.number, text.title, text.notes, above, below, header,
                caption_below=text.below,
            )
        )  # fmt: skip
        floor = text.end
    return tables
