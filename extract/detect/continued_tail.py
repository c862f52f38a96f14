"""The lines that end a page, read as the start of the table on the next page.

In: the text lines under the last table of a page (or the page's last lines) and the grid of
the table the next page begins with. Out: the last block of lines set close together
(``last_block``), whether it stands over that table's columns (``over_columns``), and the
block as a grid over those columns (``tail_grid``): a header, or a table's start, printed at
the bottom of a page; and whether a line left under a table is a year heading its column of
labels (``year_in_label_column``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from extract.detect.block_lines import TABLE_GAP_EM
from extract.detect.captions import CAPTION, CONTINUED, SIZE_SHARE, is_stop
from extract.detect.grid import Grid, GridCell
from extract.detect.header_groups import header_groups
from extract.detect.header_lines import split_header
from extract.detect.header_wrap import join_wrapped_headers, merge_same_span
from extract.detect.layout import TextLine
from extract.detect.plausible import is_prose_line
from extract.detect.value_text import is_value_text, is_year
from extract.detect.whitespace import tile_of
from extract.detect.whitespace_header import line_spans
from extract.detect.whitespace_rows import (
    at_left,
    body_row_groups,
    is_data_line,
    stub_limit,
)

# Header lines at a page's end may stand this far (points) outside the table's sides.
SIDE_SLACK = 6.0


def last_block(lines: Sequence[TextLine]) -> list[TextLine]:
    """The last run of lines set close together (a table's header, maybe its first rows),
    without running text, captions or notes."""
    block: list[TextLine] = []
    for line in reversed(lines):
        if is_stop(line) or is_prose_line(line.words, 6):
            break
        if block and block[0].top - line.bottom > TABLE_GAP_EM * line.font_size:
            break
        block.insert(0, line)
    return block


def over_columns(block: Sequence[TextLine], grid: Grid) -> bool:
    """True when the lines stand within the table's sides and over two of its columns (one
    when it has a single value column)."""
    left, right = grid.col_edges[0] - SIDE_SLACK, grid.col_edges[-1] + SIDE_SLACK
    if any(c.x0 < left or c.x1 > right for line in block for c in line.chunks):
        return False
    hit = {
        i
        for line in block
        for c in line.chunks
        for i in range(1, grid.n_cols)
        if c.x0 < grid.col_edges[i + 1] and c.x1 > grid.col_edges[i]
    }
    return len(hit) >= min(2, grid.n_cols - 1)


def tail_grid(block: Sequence[TextLine], grid: Grid) -> Grid:
    """The lines at a page's end as a grid over the columns of the table that continues them
    on the next page: a row per header line, header text spanning the columns it stands
    over, and a row per body row (``body_row_groups``: wrapped labels join their row)."""
    edges = grid.col_edges
    extents = [(edges[i], edges[i + 1]) for i in range(1, len(edges) - 1)]
    left = min(stub_limit(block), edges[0] + 1.0)
    n_header = (
        split_header(block, left) if any(is_data_line(x, left) for x in block) else len(block)
    )
    cells: list[GridCell] = []
    groups = header_groups(block[:n_header], block[:n_header], extents, edges[1])
    # a header line a row each; body lines by row, a label wrapped round its values one
    # row ("Stadfæstelser –" / "15" / "aktivlov")
    rows = [[line] for line in block[:n_header]] + body_row_groups(block[n_header:], left)
    row_of = {id(line): r for r, members in enumerate(rows) for line in members}
    for k, line in enumerate(block):
        row = row_of[id(line)]
        spans = line_spans(
            line.chunks,
            extents,
            edges[1],
            groups[k] if k < n_header else [None] * len(line.chunks),
        )
        for chunk, span in zip(line.chunks, spans, strict=True):
            if at_left(chunk, left) or chunk.x1 <= edges[1]:
                span = (0, 0)
            elif row >= n_header:
                span = (tile_of(chunk, edges), tile_of(chunk, edges))
            cells.append(GridCell(row, row, span[0], span[1], chunk.words))
    cells = merge_same_span(cells)  # chunks of one line in one cell ("Januar", "2024")
    header = join_wrapped_headers([c for c in cells if c.row0 < n_header], block[:n_header])
    cells = [*header, *(c for c in cells if c.row0 >= n_header)]
    row_edges = (*(min(line.top for line in members) for members in rows), block[-1].bottom)
    return Grid(
        block[0].words[0].bbox and grid.page - 1, grid.detector, row_edges, edges, tuple(cells)
    )


# A page's lines in its bottom share are its running footer ("Side 1 af 2").
FOOTER_SHARE = 0.92
# A title line has at most this many words.
TITLE_WORDS = 6


def title_over(tail: Sequence[TextLine], height: float) -> str | None:
    """The title a page ends with, for the table the next page begins with when nothing of
    its own stands over it: the page's last line above its footer, a short line of words
    ("Hele landet", "Serviceloven"; no value, no caption or note, no sentence), else None."""
    lines = [line for line in tail if line.top < FOOTER_SHARE * height]
    if not lines:
        return None
    last = lines[-1]
    text = last.text.strip()
    short = len(last.chunks) == 1 and len(last.words) <= TITLE_WORDS
    worded = not last.chunks[0].is_value and any(ch.isalpha() for ch in text)
    if short and worded and not is_stop(last) and not text.endswith((".", ":", ",")):
        return text
    return None


# How many lines a caption stranded at a page's end may take (its first line and those under).
CAPTION_LINES = 3


def caption_over(
    tail: Sequence[TextLine], height: float, taken: Collection[str]
) -> tuple[str, str | None] | None:
    """The caption a page ends with, for the table the next page begins with when nothing of
    its own stands over it: a "Tabel …" line among the page's last lines above its footer
    (CAPTION_LINES, the lines under it in its size, no value among them), not saying a
    table goes on, and no caption of a table on its page (``taken``); as (caption, its
    number), else None."""
    lines = [line for line in tail if line.top < FOOTER_SHARE * height][-CAPTION_LINES:]
    for at, line in enumerate(lines):
        match = CAPTION.match(line.text.strip())
        if match is None or CONTINUED.search(line.text):
            continue
        rest = lines[at:]
        if any(caption.startswith(line.text.strip()) for caption in taken):
            return None
        if any(c.is_value for x in rest[1:] for c in x.chunks) or any(
            abs(x.font_size - line.font_size) > SIZE_SHARE * line.font_size for x in rest
        ):
            return None
        return " ".join(x.text.strip() for x in rest), match.group("number")
    return None


def year_in_label_column(line: TextLine, grid: Grid) -> bool:
    """A year alone over a column of the grid whose cells hold no value but years: the
    table's labels ("Kvartal" over "2025", "Q1", "Q2")."""
    if len(line.chunks) != 1 or not is_year(line.chunks[0].text):
        return False
    for col in range(grid.n_cols):
        x0, x1 = grid.col_edges[col], grid.col_edges[col + 1]
        if not x0 - SIDE_SLACK <= line.x0 < x1:
            continue
        texts = [c.text for c in grid.cells if c.col0 == col and c.col1 == col and c.words]
        return bool(texts) and all(is_year(t) or not is_value_text(t) for t in texts)
    return False
