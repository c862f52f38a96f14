"""Table detection: pages -> ``TableCandidate``s, tables continued over pages joined.

In: a ``Document``, or its pages one at a time. Out: every table candidate in reading order
(``iter_tables`` gives each out as soon as it is complete, so pages need not all be held).
Pages of words go through the page detectors (``DETECTORS``); spreadsheet pages
(``page.sheet``) through the sheet detector (``extract.detect.sheet``). A table at the top of
a page without a caption whose header repeats the previous page's last table (or has no header and
the same number of columns) is that table's continuation and is appended to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from extract.detect.grid import Grid, to_candidate
from extract.detect.regions import DETECTORS, PageTable, find_tables
from extract.detect.sheet import sheet_tables
from extract.model import Document, PageContent, TableCandidate

__all__ = [
    "DETECTORS",
    "DetectedTable",
    "detect_table_grids",
    "detect_tables",
    "iter_table_grids",
    "iter_tables",
]


@dataclass(frozen=True, slots=True)
class DetectedTable:
    """A table candidate and the cell grid of each page it covers (none for a sheet table)."""

    candidate: TableCandidate
    grids: tuple[Grid, ...]


def detect_tables(document: Document) -> list[TableCandidate]:
    """All tables of a document, continuations across pages joined."""
    return [table.candidate for table in iter_table_grids(document.pages)]


def detect_table_grids(document: Document) -> list[DetectedTable]:
    """All tables of a document with their page grids, continuations across pages joined."""
    return list(iter_table_grids(document.pages))


def iter_tables(pages: Iterable[PageContent]) -> Iterator[TableCandidate]:
    """``iter_table_grids`` without the grids."""
    return (table.candidate for table in iter_table_grids(pages))


def iter_table_grids(pages: Iterable[PageContent]) -> Iterator[DetectedTable]:
    """The tables of pages read one at a time, each given out as soon as it is complete.

    A page's tables are found when the page arrives; all but its last are complete then. The
    last waits for the next page, whose first table may continue it (joined); so at most one
    table and one page are held, whatever the length of the document.
    """
    waiting: DetectedTable | None = None  # the last table so far: may continue on the next page
    seen: dict[str, int] = {}  # table ids given out so far, to keep them unique
    for page in pages:
        if page.sheet is not None:
            if waiting is not None:
                yield _unique(waiting, seen)
                waiting = None
            for table in sheet_tables(page):
                yield _unique(DetectedTable(table, ()), seen)
            continue
        for index, page_table in enumerate(find_tables(page), start=1):
            candidate = _candidate(page_table, page.number, index)
            if (
                index == 1
                and waiting is not None
                and _continues(waiting.candidate, candidate, page_table)
            ):
                joined = _join(waiting.candidate, candidate)
                waiting = DetectedTable(joined, (*waiting.grids, page_table.grid))
                continue
            if waiting is not None:
                yield _unique(waiting, seen)
            waiting = DetectedTable(candidate, (page_table.grid,))
    if waiting is not None:
        yield _unique(waiting, seen)


def _candidate(page_table: PageTable, page: int, index: int) -> TableCandidate:
    table_id = page_table.caption_number or f"p{page}-t{index}"
    return to_candidate(
        page_table.grid, table_id, page_table.caption, page_table.title, page_table.notes
    )


def _continues(previous: TableCandidate, candidate: TableCandidate, table: PageTable) -> bool:
    if table.caption is not None or previous.first_page is None:
        return False
    if candidate.first_page != previous.pages[-1] + 1:
        return False
    if candidate.column_headers == previous.column_headers:
        return True
    no_header = all(not path for path in candidate.column_headers)
    return no_header and len(candidate.column_headers) == len(previous.column_headers)


def _join(first: TableCandidate, more: TableCandidate) -> TableCandidate:
    return replace(
        first,
        pages=first.pages + tuple(p for p in more.pages if p not in first.pages),
        rows=first.rows + more.rows,
        notes=first.notes + more.notes,
    )


def _unique(table: DetectedTable, seen: dict[str, int]) -> DetectedTable:
    """The table, renamed "<id>-<n>" if its id was given out n - 1 times before."""
    table_id = table.candidate.table_id
    count = seen.get(table_id, 0)
    seen[table_id] = count + 1
    if count == 0:
        return table
    return replace(table, candidate=replace(table.candidate, table_id=f"{table_id}-{count + 1}"))
