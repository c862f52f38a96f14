"""Tables continued over pages: the first table of a page joined to the page before.

In: the table still open at the end of a page (``OpenTable``), that page's ``PageRead``, and
the next page's first table with its ``PageRead``. Out: the joined table, or None.

A table continues the one before when it has no caption above it (or one saying "fortsat";
a caption under its last part becomes the table's when it has none), nothing stands above
it but running lines (in its top margin, or on the page before too, numbers aside), a
"(fortsat)" line or rows of values, and nothing below the one before but running lines.
With the header repeated (the same paths), or none (its columns over the same places, or
as many), its rows are appended; the stub columns and outer groups open at the page end go
on. A table without a header (or with the same one again) under the lines that end the
page before takes them as its header, and as its first rows when they hold data (a header,
or a table's start, printed at the bottom of a page).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from extract.detect.candidate import Layout, to_candidate
from extract.detect.captions import CONTINUED
from extract.detect.continued_headings import (
    group_headings,
    own_lines,
    past_rows,
    tail_headings,
)
from extract.detect.continued_repeat import (
    new_stub_words,
    read_as_before,
    read_as_repeated,
    same_words,
    without_new_stub_words,
)
from extract.detect.continued_stubs import first_column_at, stubs_within
from extract.detect.continued_tail import (
    SIDE_SLACK,
    last_block,
    over_columns,
    tail_grid,
)
from extract.detect.grid import Grid
from extract.detect.layout import TextLine
from extract.detect.loose import line_key
from extract.detect.regions import PageRead, PageTable
from extract.detect.text_around import caption_above, without_going_on
from extract.detect.value_text import is_period_piece
from extract.model import Cell, TableCandidate, TableRow

# Lines in this top share of a page are its running header (the first page may have none).
RUNNING_MARGIN = 0.07
# A running header or footer stands at the same height on each page, within about this
# many points.
RUNNING_SLACK = 6.0
# Two columns are the same when they overlap by this share of the narrower one.
SAME_COLUMN = 0.5
# An OCR'd running line reads a little differently on each page ("politik" / "poliuk",
# "Side 1" / "Side |"): it is found on the other page when a line there, at about the same
# height (within OCR_RUNNING_PLACE points: a scanned page sits a little higher or lower),
# reads alike to this share (difflib's ratio).
OCR_RUNNING_ALIKE = 0.75
OCR_RUNNING_PLACE = 3 * RUNNING_SLACK


@dataclass(frozen=True, slots=True)
class DetectedTable:
    """A table candidate and the cell grid of each page it covers (none for a sheet table)."""

    candidate: TableCandidate
    grids: tuple[Grid, ...]


@dataclass(frozen=True, slots=True)
class OpenTable:
    """The last table of a page, which the next page may continue: the table so far, how its
    last page was read (``layout``, ``grid``), the lines below it there, and the last grid
    holding all its stub columns with their number (``stubs``; None: ``grid``'s), and the
    table's column each value column of that page went to (``places``; empty: the same)."""

    table: DetectedTable
    layout: Layout
    grid: Grid
    below: tuple[TextLine, ...]
    stubs: tuple[Grid, int] | None = None
    places: tuple[int, ...] = ()


def join_next(
    open_table: OpenTable | None,
    before: PageRead,
    after: PageRead,
    page_table: PageTable,
    candidate: TableCandidate,
    layout: Layout,
) -> OpenTable | None:
    """The table ``page_table`` (first on its page, read as ``candidate``) joined to the page
    before (``before``): to ``open_table``, or to a header at that page's end; None when it
    does not continue anything."""
    above_caption = None if page_table.caption_below else page_table.caption
    if above_caption is not None and not CONTINUED.search(above_caption):
        return None
    margin = RUNNING_MARGIN * after.height  # a running header may start on this page
    own = own_lines(page_table.above, page_table.grid)
    heads = group_headings(own, page_table.grid, layout.n_stub)  # (top margin too)
    above = [line for line in own[: len(own) - len(heads)] if line.top > margin]
    if not running(above, before):
        return None
    page = page_table.grid.page
    if (
        open_table is not None
        and open_table.grid.page == page - 1
        and running(past_rows(open_table.below, open_table.grid), after)
    ):
        tail = tail_headings(open_table.below, open_table.grid)
        first = candidate.rows[0] if candidate.rows else None
        again = first.label.strip() if first is not None else ""
        box = first.label_bbox if first is not None else None
        # set out left of the row starting like it: a group heading over it ("Almene boliger"
        # over "Almene boliger - § 54-61"), not its start printed again
        heading = bool(tail) and box is not None and tail[0].x0 < box[0] - SIDE_SLACK
        if tail and again.startswith(tail[0].text.strip()) and not heading:
            tail = []  # printed again on this page (a heading, or a row broken at the end)
        joined = _append(open_table, page_table, candidate, layout, heads, tail)
        if joined is not None:
            return _with_caption_below(joined, page_table)
    return _under_tail(before, after, page_table, candidate, layout, heads)


def _with_caption_below(joined: OpenTable, page_table: PageTable) -> OpenTable:
    """The joined table with the caption under its last part, when it has none above."""
    table = joined.table
    if not page_table.caption_below or table.candidate.caption is not None:
        return joined
    caption = without_going_on(page_table.caption) if page_table.caption else None
    candidate = replace(table.candidate, caption=caption)
    return replace(joined, table=replace(table, candidate=candidate))


def _append(
    open_table: OpenTable,
    page_table: PageTable,
    candidate: TableCandidate,
    layout: Layout,
    heads: Sequence[TextLine] = (),
    tail: Sequence[TextLine] = (),
) -> OpenTable | None:
    """The open table with ``page_table``'s rows appended (after label-only rows for the
    group headings ``tail`` left at the end of the page before and ``heads`` set above it),
    or None when its columns differ."""
    first = open_table.table.candidate
    # a header of its own may be the same one over outer stub columns blank all down (read
    # with this page's stub columns only, the inner one's header heads a value column)
    headed = any(candidate.column_headers)
    if headed and not any(first.column_headers):
        return None
    grid = page_table.grid
    before = open_table.layout
    # outer stub columns left blank all down this page are not in its grid (its header
    # repeated or not): its first column is the stub column of the last page showing them
    # all that stands at its place
    stub_grid, full = open_table.stubs or (open_table.grid, before.n_stub)
    skip = first_column_at(stub_grid, full, grid)
    n_stub = min(
        max(full - skip, stubs_within(stub_grid, full, skip, grid, layout)), grid.n_cols - 1
    )
    more, more_layout = candidate, layout
    # the groups open at the page end go on, unless group headings above start new ones
    open_groups = () if heads or tail else before.groups
    if (n_stub, open_groups[skip:]) != (layout.n_stub, ()):  # read it on from the page before
        more, more_layout = to_candidate(
            grid,
            candidate.table_id,
            None,
            page_table.title,
            page_table.notes,
            n_stub=n_stub,
            groups=open_groups[skip:],
        )
    more_layout = replace(more_layout, groups=open_groups[:skip] + more_layout.groups)
    mapping: list[int] | None = None
    if headed and more.column_headers != first.column_headers:
        again = read_as_before(grid, candidate, page_table, first.column_headers)
        if again is not None:
            more, more_layout = again
            more_layout = replace(more_layout, groups=open_groups[:skip] + more_layout.groups)
    if headed and new_stub_words(more.stub_header, first.stub_header):
        # group headings under the repeated header read into it ("Lovområde | 2024" after
        # "Lovområde | 2022"): they head this page's rows, or the page starts a table
        fewer = without_new_stub_words(grid, more, more_layout, first.stub_header, page_table)
        if fewer is None:
            return None
        more, more_layout = fewer
        more_layout = replace(more_layout, groups=open_groups[:skip] + more_layout.groups)
    differ = more.column_headers != first.column_headers
    if not headed or differ:
        mapping = _same_columns(open_table.grid, open_table.layout, grid, more_layout)
        if mapping is not None and open_table.places:
            # the page before went to the table's columns at its own places
            mapping = [open_table.places[i] for i in mapping]
    if (
        headed
        and differ
        and (  # only the same header words over the same columns go on
            not same_words(more.column_headers, first.column_headers)
            or mapping != list(range(len(first.column_headers)))
        )
        and not read_as_repeated(first.column_headers, more.column_headers, mapping, page_table)
    ):
        return None
    if mapping is None and len(more.column_headers) == len(first.column_headers):
        mapping = list(range(len(first.column_headers)))
    if mapping is None:
        return None
    width = len(first.column_headers)
    rows = _label_rows(tail, width, open_table.grid.page) + _label_rows(heads, width, grid.page)
    rows += _mapped(more.rows, mapping, width)
    joined = replace(
        first,
        pages=first.pages + tuple(p for p in more.pages if p not in first.pages),
        rows=first.rows + tuple(rows),
        notes=first.notes + more.notes,
    )
    table = DetectedTable(joined, (*open_table.table.grids, grid))
    stubs = (grid, n_stub) if skip == 0 and n_stub == full else (stub_grid, full)
    return OpenTable(table, more_layout, grid, page_table.below, stubs, tuple(mapping))


def _same_columns(prev_grid: Grid, prev: Layout, grid: Grid, layout: Layout) -> list[int] | None:
    """For each value column of ``layout``, the index of the value column of ``prev`` over the
    same place; None unless each finds a distinct one, in order."""
    mapping: list[int] = []
    for col in layout.columns:
        a, b = grid.col_edges[col], grid.col_edges[col + 1]
        best, share = -1, 0.0
        for index, other in enumerate(prev.columns):
            c, d = prev_grid.col_edges[other], prev_grid.col_edges[other + 1]
            overlap = min(b, d) - max(a, c)
            narrower = max(min(b - a, d - c), 0.1)
            if overlap / narrower > share:
                best, share = index, overlap / narrower
        if share < SAME_COLUMN or (mapping and best <= mapping[-1]):
            return None
        mapping.append(best)
    return mapping


def _label_rows(lines: Sequence[TextLine], width: int, page: int) -> list[TableRow]:
    """Rows of a label alone (group headings set outside the grid), ``width`` cells wide; a
    line of a label and a period ("Sygedagpenge | 2023") is a heading of each, in order."""
    rows: list[TableRow] = []
    for line in lines:
        if len(line.chunks) > 1 and any(is_period_piece(c.text) for c in line.chunks):
            for c in line.chunks:
                rows.append(TableRow(c.text, (None,) * width, page, c.bbox))
        else:
            rows.append(TableRow(line.text, (None,) * width, page, line.bbox))
    return rows


def _mapped(rows: Sequence[TableRow], mapping: Sequence[int], width: int) -> list[TableRow]:
    out: list[TableRow] = []
    for row in rows:
        cells: list[Cell | None] = [None] * width
        for index, cell in zip(mapping, row.cells, strict=True):
            cells[index] = cell
        out.append(replace(row, cells=tuple(cells)))
    return out


def _under_tail(
    before: PageRead,
    after: PageRead,
    page_table: PageTable,
    candidate: TableCandidate,
    layout: Layout,
    heads: Sequence[TextLine] = (),
) -> OpenTable | None:
    """The table joined to the lines ending the page before, read as its header (and first
    rows), when they stand over its columns; a table with a header of its own only when it
    is that header repeated (a table's start, then its header again on the next page). The
    group headings set right above it on its page (``heads``, "2022") head its rows."""
    grid = page_table.grid
    tail = list(before.tail)
    places = {(line_key(line), round(line.top / RUNNING_SLACK)) for line in after.lines}
    while tail and _at_place(tail[-1], places):
        tail.pop()  # the running footer, where it stands on the next page too
    block = last_block(tail)
    repeated = any(candidate.column_headers)  # then read as the table under it is
    if repeated:  # the block from the line the table's first (header) line repeats
        top = next((line for line in after.lines if line.top >= grid.bbox[1] - 1.0), None)
        key = line_key(top) if top is not None else None
        start = next((i for i, line in enumerate(block) if line_key(line) == key), None)
        block = block[start:] if start is not None else []
    if not block or not over_columns(block, grid):
        return None
    head = tail_grid(block, grid)
    rest = tail[: len(tail) - len(block)]
    caption, number, title = caption_above(rest, block[0].top, float("-inf"))
    page = head.page
    first, first_layout = to_candidate(
        head,
        number or f"p{page}-t{len(before.tables) + 1}",
        caption,
        title,
        (),
        n_stub=layout.n_stub if repeated else None,
    )
    if not any(first.column_headers):
        return None
    if repeated and (first.column_headers, first.stub_header) != (
        candidate.column_headers,
        candidate.stub_header,
    ):
        return None  # a header of its own: only the same header repeated goes on
    more, more_layout = to_candidate(
        grid,
        candidate.table_id,
        None,
        None,
        page_table.notes,
        n_stub=first_layout.n_stub,
        groups=first_layout.groups,
    )
    columns = sorted({*first_layout.columns, *more_layout.columns})
    paths = dict(zip(first_layout.columns, first.column_headers, strict=True))
    rows = _mapped(first.rows, [columns.index(c) for c in first_layout.columns], len(columns))
    rows += _label_rows(heads, len(columns), grid.page)
    rows += _mapped(more.rows, [columns.index(c) for c in more_layout.columns], len(columns))
    joined = replace(
        first,
        pages=(page, grid.page),
        column_headers=tuple(paths.get(c, ()) for c in columns),
        rows=tuple(rows),
        notes=more.notes,
    )
    table = DetectedTable(joined, (head, grid))
    layout = replace(more_layout, columns=tuple(columns))
    return OpenTable(table, layout, grid, page_table.below)


def _at_place(line: TextLine, places: set[tuple[str, int]]) -> bool:
    """True when a line of the same text (numbers aside) stands at about the same height in
    ``places`` (line keys with their tops in steps of RUNNING_SLACK): a running line, not a
    repeated header or a row like one on the next page."""
    step = round(line.top / RUNNING_SLACK)
    return any((line_key(line), k) in places for k in (step - 1, step, step + 1))


def running(lines: Sequence[TextLine], page: PageRead) -> bool:
    """True when every one of ``lines`` is found on ``page`` too (numbers aside): running
    headers and footers."""
    if not lines:
        return True
    keyed = [(line.top, line_key(line)) for line in page.lines]
    keys = {key for _top, key in keyed}
    return all(line_key(line) in keys or _read_alike(line, keyed) for line in lines)


def _read_alike(line: TextLine, keyed: Sequence[tuple[float, str]]) -> bool:
    """True when an OCR'd ``line`` reads alike (OCR_RUNNING_ALIKE) a line at about its
    height on the other page (``keyed``: its lines' tops and keys; a running line read with
    other misreadings there)."""
    if not any(word.source == "ocr" for word in line.words):
        return False
    key = line_key(line)
    return any(
        abs(top - line.top) <= OCR_RUNNING_PLACE
        and SequenceMatcher(None, key, other).ratio() >= OCR_RUNNING_ALIKE
        for top, other in keyed
    )
