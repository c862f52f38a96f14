"""Table detection: pages -> ``TableCandidate``s, tables continued over pages joined.

In: a ``Document``, or its pages one at a time. Out: every table candidate in reading order
(``iter_tables`` gives each out as soon as it is complete, so pages need not all be held).
Pages of words go through the page detectors (``DETECTORS``); spreadsheet pages
(``page.sheet``) through the sheet detector (``extract.detect.sheet``). A page's first table
that continues the table ending the page before (or a header printed at that page's end) is
joined to it (``continued``); a caption at the top of a page with no table row under it is
the caption of the table that ended the page before, when that one has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from extract.detect.candidate import Layout, to_candidate
from extract.detect.captions import (
    CONTINUED,
    LoneCaption,
    caption_number,
    caption_pushed_over,
    numbered_captions,
)
from extract.detect.continued import RUNNING_MARGIN, DetectedTable, OpenTable, join_next
from extract.detect.continued_tail import caption_over, title_over
from extract.detect.layout import TextLine
from extract.detect.loose import Loose, carried_rows, line_key, loose_numbers
from extract.detect.regions import DETECTORS, PageRead, PageTable, read_page
from extract.detect.sheet import sheet_tables
from extract.detect.value_text import reads_as_number
from extract.model import BBox, Document, PageContent, TableCandidate

__all__ = [
    "DETECTORS",
    "DetectedTable",
    "LoneCaption",
    "Loose",
    "detect_table_grids",
    "detect_tables",
    "iter_table_grids",
    "iter_tables",
]


def detect_tables(document: Document) -> list[TableCandidate]:
    """All tables of a document, continuations across pages joined."""
    return [table.candidate for table in iter_table_grids(document.pages)]


def detect_table_grids(document: Document) -> list[DetectedTable]:
    """All tables of a document with their page grids, continuations across pages joined."""
    return list(iter_table_grids(document.pages))


# Told of what a page holds outside every table found: loose lines, a lone caption.
LooseSink = Callable[[Loose | LoneCaption], None]


def iter_tables(
    pages: Iterable[PageContent], on_loose: LooseSink | None = None
) -> Iterator[TableCandidate]:
    """``iter_table_grids`` without the grids."""
    return (table.candidate for table in iter_table_grids(pages, on_loose))


def iter_table_grids(
    pages: Iterable[PageContent], on_loose: LooseSink | None = None
) -> Iterator[DetectedTable]:
    """The tables of pages read one at a time, each given out as soon as it is complete.

    A page's tables are found when the page arrives; all but its last are complete then. The
    last waits for the next page, whose first table may continue it (joined); so at most one
    table and two pages' line keys are held, whatever the length of the document.
    ``on_loose`` is given each page's data lines that no table holds (``Loose``), once the
    page is done (lines at its end may be the header and first rows of the next page's table),
    and, at the end, each numbered caption no table given out carries (``LoneCaption``).
    """
    waiting: OpenTable | None = None  # the last table so far: may continue on the next page
    before: PageRead | None = None  # the page before, read
    loose: _Loose | None = None  # the page before's loose lines
    seen = _Given()  # table ids (and first captions) given out so far, to keep them unique
    printed: dict[str, LoneCaption] = {}  # numbered captions on the pages, first of each
    for page in pages:
        if page.sheet is not None:
            if waiting is not None:
                yield _unique(waiting.table, seen)
                waiting, before = None, None
            _give_loose(loose, on_loose)
            loose = None
            found = sheet_tables(page)
            if not found and on_loose is not None:
                _sheet_numbers(page, on_loose)
            del page  # the grid is let go before its tables are read (it can be large)
            found.reverse()
            while found:
                yield _unique(DetectedTable(found.pop(), ()), seen)
            continue
        read = read_page(page)
        for lone in numbered_captions(read.lines, page.number):
            printed.setdefault(lone.number, lone)
        carried = _carried(waiting, before, read, page.number)
        if waiting is not None and before is not None:
            waiting = _caption_from_next_page(waiting, read, page.number)
        for index, page_table in enumerate(read.tables, start=1):
            candidate, layout = _candidate(page_table, page.number, index)
            if index == 1 and before is not None:
                joined = join_next(waiting, before, read, page_table, candidate, layout)
                if joined is not None:
                    if waiting is not None and joined.table.grids[0] is not waiting.table.grids[0]:
                        yield _unique(waiting.table, seen)  # joined to lines after it instead
                    waiting = joined
                    loose = _held(loose, joined.table)
                    continue
            if index == 1 and before is not None:
                candidate = _titled_from_page_before(candidate, page_table, before, read)
            if waiting is not None:
                yield _unique(waiting.table, seen)
            table = DetectedTable(candidate, (page_table.grid,))
            waiting = OpenTable(table, layout, page_table.grid, page_table.below)
        _give_loose(loose, on_loose)
        loose = _loose(read, page.number, carried)
        before = read
    if waiting is not None:
        yield _unique(waiting.table, seen)
    _give_loose(loose, on_loose)
    if on_loose is not None:
        for number, lone in printed.items():
            if number not in seen.numbers:
                on_loose(lone)


@dataclass(frozen=True, slots=True)
class _Loose:
    """A page's loose lines (``PageRead.loose``) and the boxes of the tables it holds."""

    page: int
    lines: tuple[TextLine, ...]
    boxes: tuple[BBox, ...]


def _loose(read: PageRead, number: int, carried: Sequence[TextLine] = ()) -> _Loose | None:
    lines = tuple(sorted({*read.loose, *carried}, key=lambda line: line.top))
    if not lines:
        return None
    return _Loose(number, lines, tuple(t.grid.bbox for t in read.tables))


def _carried(
    waiting: OpenTable | None, before: PageRead | None, read: PageRead, number: int
) -> list[TextLine]:
    """The rows of the table the page before ended with, carried alone into this page's top
    margin (``loose.carried_rows``): loose lines, though they look like a running header."""
    if waiting is None or before is None or waiting.grid.page != number - 1:
        return []
    margin = RUNNING_MARGIN * before.height
    running = {
        line_key(line)
        for line in before.lines
        if line.bottom < margin or line.top > before.height - margin
    }
    boxes = [t.grid.bbox for t in read.tables]
    stubs = max(1, min(waiting.layout.n_stub, waiting.grid.n_cols - 1))
    return carried_rows(read.lines, read.height, waiting.grid.col_edges, stubs, running, boxes)


def _held(loose: _Loose | None, table: DetectedTable) -> _Loose | None:
    """The page before's loose lines without those a table joined over the page break holds
    (its header and first rows printed at that page's end)."""
    if loose is None:
        return None
    boxes = (*loose.boxes, *(grid.bbox for grid in table.grids if grid.page == loose.page))
    return replace(loose, boxes=boxes)


def _give_loose(loose: _Loose | None, on_loose: LooseSink | None) -> None:
    """Hand a page's loose lines, if any still are, to ``on_loose``."""
    if loose is None or on_loose is None:
        return
    counts = [(line, loose_numbers(line, loose.boxes)) for line in loose.lines]
    lines = tuple(line.text for line, n in counts if n)
    if lines:
        on_loose(Loose(loose.page, sum(n for _, n in counts), lines))


def _sheet_numbers(page: PageContent, on_loose: LooseSink) -> None:
    """A sheet holding numbers where no table was found ("Lov | 2022 | 2023" over "I alt |
    2045 | 2034", counts like years under years): its rows with numbers handed to
    ``on_loose`` as the sheet's loose lines, so the report names them."""
    grid = page.sheet
    if grid is None:
        return
    rows = [
        (sum(1 for v in row if v is not None and reads_as_number(v.text)), row) for row in grid.rows
    ]
    lines = tuple(
        " ".join(v.text for v in row if v is not None and v.text.strip()) for n, row in rows if n
    )
    if lines:
        on_loose(Loose(page.number, sum(n for n, _ in rows), lines, grid.name))


def _caption_from_next_page(waiting: OpenTable, read: PageRead, number: int) -> OpenTable:
    """The table that ended the page before, given the caption printed at the top of this
    page when it has none (``caption_pushed_over``): its caption under it went over."""
    candidate = waiting.table.candidate
    if candidate.caption or candidate.pages[-1] != number - 1:
        return waiting
    taken = {t.caption for t in read.tables if t.caption}
    caption = caption_pushed_over(read.lines, taken)
    if caption is None:
        return waiting
    table = replace(waiting.table, candidate=replace(candidate, caption=caption))
    return replace(waiting, table=table)


def _titled_from_page_before(
    candidate: TableCandidate, page_table: PageTable, before: PageRead, read: PageRead
) -> TableCandidate:
    """A page's first table, not going on from the page before, with no caption over it
    and nothing of its own above it but the page's running lines: captioned by the caption
    that ended the page before, stranded there (``caption_over``), or else titled by the
    short line that did ("Hele landet" at the foot of a page, the table on the next), when
    there is one (``title_over``)."""
    if candidate.title or (page_table.caption and not page_table.caption_below):
        return candidate
    if any(line.top > RUNNING_MARGIN * read.height for line in page_table.above):
        return candidate
    if not page_table.caption:
        taken = {t.caption for t in before.tables if t.caption}
        stranded = caption_over(before.tail, before.height, taken)
        if stranded is not None:
            caption, number = stranded
            return replace(candidate, caption=caption, table_id=number or candidate.table_id)
    title = title_over(before.tail, before.height)
    return replace(candidate, title=title) if title else candidate


def _candidate(page_table: PageTable, page: int, index: int) -> tuple[TableCandidate, Layout]:
    table_id = page_table.caption_number or f"p{page}-t{index}"
    return to_candidate(
        page_table.grid,
        table_id,
        page_table.caption,
        page_table.title,
        page_table.notes,
        header_rows=page_table.header_rows,
    )


@dataclass(slots=True)
class _Given:
    """Table ids given out so far (how often), the caption of each id's first table and the
    numbers of all their captions."""

    counts: dict[str, int] = field(default_factory=dict)
    captions: dict[str, str] = field(default_factory=dict)
    numbers: set[str] = field(default_factory=set)  # table numbers of the captions given


def _unique(table: DetectedTable, seen: _Given) -> DetectedTable:
    """The table, renamed "<id>-<n>" if its id was given out n - 1 times before. A table
    captioned as the continuation of one given out before ("Tabel 1 (fortsat)" after "Tabel
    1. Realitetsbehandlede sager … – hele landet") takes that table's caption, marked
    continued: what the first caption says holds for it too."""
    candidate = table.candidate
    table_id = candidate.table_id
    number = caption_number(candidate.caption)
    if number is not None:
        seen.numbers.add(number)
    count = seen.counts.get(table_id, 0)
    seen.counts[table_id] = count + 1
    if count == 0:
        if candidate.caption:
            seen.captions[table_id] = candidate.caption
        return table
    first = seen.captions.get(table_id)
    caption = candidate.caption
    if first and caption and CONTINUED.search(caption) and not CONTINUED.search(first):
        caption = f"{first} ({caption})"
    renamed = replace(candidate, table_id=f"{table_id}-{count + 1}", caption=caption)
    return replace(table, candidate=renamed)
