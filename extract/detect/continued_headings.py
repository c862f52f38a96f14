"""Lines around a table's page break: the group headings set above a continuing page's
table or left under the last page's, the lines above it that are its own (not rows of
values), and the lines under a table past the row the break cut.

In: the lines above or below a table on its page, its grid (and stub count). Out: the
lines that matter for joining it to the page before.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.block_lines import (
    GROUP_OUTDENT_EM,
    TABLE_GAP_EM,
    is_section_label,
    outer_group_line,
)
from extract.detect.captions import CONTINUED, is_stop
from extract.detect.continued_tail import SIDE_SLACK, year_in_label_column
from extract.detect.grid import Grid
from extract.detect.layout import TextLine
from extract.detect.plausible import is_prose_line
from extract.detect.value_text import is_period_piece
from extract.detect.whitespace_rows import is_data_line


def own_lines(above: Sequence[TextLine], grid: Grid) -> list[TextLine]:
    """The lines above a table but "(fortsat)", rows of values (not of periods alone: a
    group row, "Sygedagpenge | 2023") and the lines of a row label
    wrapped under one (in the stub column, close under it, no caption, note or prose):
    the end of a row the page's table left out."""
    own: list[TextLine] = []
    last: TextLine | None = None  # the row line just above
    for line in above:
        in_stub = grid.col_edges[0] - SIDE_SLACK <= line.x0 < grid.col_edges[1]
        near = last is not None and line.top - last.bottom <= TABLE_GAP_EM * line.font_size
        wrapped = near and in_stub and not is_stop(line) and not is_prose_line(line.words, 6)
        values = any(c.is_value and not is_period_piece(c.text) for c in line.chunks)
        last = line if (values and is_data_line(line, line.x0)) or wrapped else None
        if last is None and not CONTINUED.search(line.text):
            own.append(line)
    return own


def past_rows(below: Sequence[TextLine], grid: Grid) -> list[TextLine]:
    """The lines under a table past the first of its rows the page break cut (the row's
    label lines in its stub column, or lines of values, set close under it): a row broken at
    a page's end, printed whole on the next page, ends nothing. A caption, a note or prose
    stops them."""
    bottom = grid.bbox[3]
    for index, line in enumerate(below):
        in_stub = grid.col_edges[0] - SIDE_SLACK <= line.x0 < grid.col_edges[1]
        row = in_stub or is_data_line(line, line.x0)
        near = line.top - bottom <= TABLE_GAP_EM * line.font_size
        if not row or not near or is_stop(line) or is_prose_line(line.words, 6):
            return list(below[index:])
        bottom = line.bottom
    return []


def group_headings(above: Sequence[TextLine], grid: Grid, n_stub: int) -> list[TextLine]:
    """The last of ``above`` that are group headings of the table's rows, set right above it
    ("Hjemvisning" over "Hele landet | Serviceloven | 1 352" under "Tabel 1 (fortsat)"):
    short label lines in its stub column (``_heading_line``), a heading in each of two
    stub columns (``_outer_heading_line``), or labels and years each in one of its
    ``n_stub`` stub columns ("Sygedagpenge | 2023" over "Q3 | 23 %"), no larger than its
    row labels, each within a table's gap of the line under it."""
    sizes = sorted(w.font_size for c in grid.cells if c.col0 == 0 for w in c.words)
    size = sizes[len(sizes) // 2] if sizes else 0.0
    heads: list[TextLine] = []
    top = grid.bbox[1]
    for line in reversed(above):
        near = top - line.bottom <= TABLE_GAP_EM * line.font_size
        heading = _heading_line(line, grid) or _outer_heading_line(line, grid)
        heading = heading or _in_stub_columns(line, grid, n_stub)
        if not (heading and near and line.font_size <= 1.1 * size):
            break
        heads.insert(0, line)
        top = line.top
    return heads


def _heading_line(line: TextLine, grid: Grid) -> bool:
    """A short label line in the table's stub column, or out left of it by GROUP_OUTDENT_EM
    at most (its rows indented under it): one chunk, no value, five words at most (a group
    heading, "Hjemvisning", "LAB", "Lov om aktiv beskæftigelsesindsats")."""
    reach = max(SIDE_SLACK, GROUP_OUTDENT_EM * line.font_size)
    return is_section_label(line) and grid.col_edges[0] - reach <= line.x0 < grid.col_edges[1]


def _in_stub_columns(line: TextLine, grid: Grid, n_stub: int) -> bool:
    """A line of two chunks or more, labels and periods (no other value), each within one of
    the table's ``n_stub`` stub columns: a group row in several stub columns."""
    if n_stub < 2 or len(line.chunks) < 2 or is_stop(line):
        return False
    edges = grid.col_edges
    slots = {
        next(
            (k for k in range(n_stub) if edges[k] - SIDE_SLACK <= c.x0 and c.x1 <= edges[k + 1]),
            None,
        )
        for c in line.chunks
        if not c.is_value or is_period_piece(c.text)
    }
    return None not in slots and len(slots) == len(line.chunks)


def _outer_heading_line(line: TextLine, grid: Grid) -> bool:
    """A line of two labels and no value in the table's stub column, the second where its
    last row's label starts (``outer_group_line``): a group's heading in an outer and an
    inner stub column ("Ændret/ophævet i pct. | Boligstøtte")."""
    stub = [c for c in grid.cells if c.col0 == 0 and c.row0 == grid.n_rows - 1 and c.words]
    if not stub or not grid.col_edges[0] - SIDE_SLACK <= line.x0 < grid.col_edges[1]:
        return False
    left = min(w.bbox[0] for w in stub[0].words)
    return outer_group_line(line, left, grid.col_edges[1])


def tail_headings(below: Sequence[TextLine], grid: Grid) -> list[TextLine]:
    """The group headings left under a table at its page's end ("LAB" after the last
    Boligstøtteloven row, its rows on the next page): short label lines in its stub column
    (``_heading_line``), a heading in each of two stub columns (``_outer_heading_line``:
    "Ændret/ophævet i pct. | Boligstøtte"), or a year alone in a column of labels ("2025"
    under "Kvartal", over its quarters on the next page), each within a table's gap of the
    line above it; not the first line of a row whose values stand tight under it."""
    heads: list[TextLine] = []
    bottom = grid.bbox[3]
    for index, line in enumerate(below):
        near = line.top - bottom <= TABLE_GAP_EM * line.font_size
        heading = _heading_line(line, grid) or year_in_label_column(line, grid)
        heading = heading or _outer_heading_line(line, grid)
        if not (heading and near) or is_stop(line) or CONTINUED.search(line.text):
            break
        if _starts_row(below, index):
            break  # a row's label wrapped round its value, not a heading
        heads.append(line)
        bottom = line.bottom
    return heads


def _starts_row(lines: Sequence[TextLine], index: int) -> bool:
    """True when a line of values stands tight (within half a font size) under line
    ``index``: that line is the start of a row's label ("Boligindretning - §" / "0 sager" /
    "116"), not a heading."""
    if index + 1 >= len(lines):
        return False
    line, after = lines[index], lines[index + 1]
    tight = after.top - line.bottom < 0.5 * after.font_size
    return tight and any(c.is_value and not is_period_piece(c.text) for c in after.chunks)
