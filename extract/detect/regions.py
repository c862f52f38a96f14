"""Where the tables are on one page: ruled clusters, whitespace blocks, captions and notes.

In: one ``PageContent``. Out: ``PageTable``s (a Grid with the caption above it, the nearby
title text, the Note/Kilde lines under it, and the text lines above and below it), top to
bottom; ``read_page`` also gives all the page's lines and those after its last table, for
joining tables continued over pages (``continued``), and its data lines outside every table
(``loose``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.detect.block_lines import TABLE_GAP_EM
from extract.detect.captions import CAPTION
from extract.detect.columns import column_streams
from extract.detect.digit_groups import join_digit_groups
from extract.detect.edge_rows import with_edge_rows
from extract.detect.grid import TEXT_COLUMNS, Grid
from extract.detect.header import has_body_values, header_row_count
from extract.detect.header_band import with_header_band
from extract.detect.header_split import split_run_headers
from extract.detect.layout import TextLine, group_lines
from extract.detect.line_context import dashes_in_labels, label_tails, month_parts, year_parts
from extract.detect.loose import loose_lines
from extract.detect.plausible import is_rotated_glyph, is_table
from extract.detect.rotated import upright_page
from extract.detect.rule_bands import join_rule_bands
from extract.detect.ruled import ruled_grid
from extract.detect.rulings import RulingCluster, cluster_rulings, without_underlines
from extract.detect.stacked import split_stacked
from extract.detect.text_around import text_around
from extract.detect.text_columns import text_column_tables
from extract.detect.value_text import is_footnote_mark
from extract.detect.whitespace import whitespace_grid
from extract.detect.whitespace_blocks import whitespace_blocks
from extract.detect.whitespace_rows import counts_value
from extract.model import BBox, PageContent

__all__ = ["CAPTION", "DETECTORS", "Detector", "PageRead", "PageTable", "find_tables", "read_page"]

FOOTER = re.compile(r"^(?:Side\s+)?\d{1,3}$")


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
    (all of them on a page without tables), top to bottom, its height, and its data lines
    with values outside every table (``loose.loose_lines``)."""

    tables: tuple[PageTable, ...]
    lines: tuple[TextLine, ...]
    tail: tuple[TextLine, ...]
    height: float = 842.0
    loose: tuple[TextLine, ...] = ()


# Lines kept as a page's tail (a table's header printed at the bottom of the page).
TAIL_LINES = 12


def _inside(line: TextLine, box: BBox, pad: float = 2.0) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return box[0] - pad <= cx <= box[2] + pad and box[1] - pad <= cy <= box[3] + pad


def _is_footer(line: TextLine, page: PageContent, lines: Sequence[TextLine]) -> bool:
    """True for a page number alone in the top or bottom margin ("Side 3", "12"); not for a
    number set beside other text, overlapping or touching its line (a row's value amid its
    wrapped label at a page's foot: "… lidelser SEL § 117" / "50" / "a")."""
    in_margin = line.top > 0.92 * page.height or line.bottom < 0.06 * page.height
    if not in_margin or not FOOTER.match(line.text.strip()):
        return False
    reach = 0.5 * line.font_size
    return not any(
        other is not line and other.top < line.bottom + reach and line.top < other.bottom + reach
        for other in lines
    )


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


Found = list[tuple[Grid, list[TextLine]]]


def _ruled(page: PageContent, lines: Sequence[TextLine]) -> Found:
    rulings = without_underlines(page.rulings, lines)
    clusters = join_rule_bands(cluster_rulings(rulings, page.width, min_rules=1), lines)
    found = _ruled_tables(clusters, lines, page)
    return [(grid, inside) for grid, inside in found if not _header_band(grid, inside, lines)]


def _header_band(grid: Grid, inside: Sequence[TextLine], lines: Sequence[TextLine]) -> bool:
    """True for a drawn grid holding no value but years and footnote marks, a row of values
    standing right under it in its span: a header drawn in a shaded band over rows set
    without rules (``header_band.with_header_band`` joins it to them), no table of its own."""
    if any(counts_value(c) and not is_footnote_mark(c.text) for x in inside for c in x.chunks):
        return False
    x0, _, x1, bottom = grid.bbox
    under = [x for x in lines if x.top >= bottom - 1 and x.x1 > x0 and x.x0 < x1]
    if not under:
        return False
    first = min(under, key=lambda x: x.top)
    near = first.top - bottom <= TABLE_GAP_EM * first.font_size
    return near and any(counts_value(c) for c in first.chunks)


def _whitespace(page: PageContent, lines: Sequence[TextLine]) -> Found:
    parts = [part for run in whitespace_blocks(lines) for part in split_stacked(run)]
    blocks = [with_header_band(part, lines, page.rulings) for part in parts]
    keys = [{id(line) for line in block} for block in blocks]
    found: Found = []
    for k, block in enumerate(blocks):
        if any(j != k and keys[k] < keys[j] for j in range(len(blocks))):
            continue  # the lines of a header band, taken whole by the block under it
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
    Detector(
        TEXT_COLUMNS,
        "unruled tables of text (registers, listings): columns from the left edges the "
        "lines' words start at, under a header line of text",
        lambda page, lines: text_column_tables(page.number, lines),
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
    grouped = group_lines(upright)
    lines = [line for line in grouped if not _is_footer(line, page, grouped)]
    lines = label_tails(dashes_in_labels(year_parts(month_parts(lines))))
    streams = column_streams(lines, page.rulings)
    tables = [table for stream in streams for table in _stream_tables(page, stream)]
    end = max((table.grid.bbox[3] for table in tables), default=-1.0)
    tail = tuple(line for line in lines if line.top > end)[-TAIL_LINES:]
    loose = loose_lines(lines, [table.grid.bbox for table in tables], page.height)
    turned = upright_page(page, glyphs)
    if turned is not None:
        tables += find_tables(turned)
    return PageRead(tuple(tables), tuple(lines), tail, page.height, tuple(loose))


def _stream_tables(page: PageContent, lines: Sequence[TextLine]) -> list[PageTable]:
    """The tables in one column of the page (the whole page when it has one), top to bottom."""
    found: list[tuple[Grid, list[TextLine], int]] = []  # grid, its lines, its header rows
    for detector in DETECTORS:
        taken = {id(line) for _, inside, _ in found for line in inside}
        free = [line for line in lines if id(line) not in taken]
        for grid, inside in detector.find(page, free):
            header = header_row_count(grid)
            grid = join_digit_groups(split_run_headers(grid, header), header)
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
