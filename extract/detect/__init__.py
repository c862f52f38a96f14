"""Table detection: pages -> ``TableCandidate``s, tables continued over pages joined.

In: a ``Document``. Out: every table candidate in reading order. Pages of words go through
the page detectors (``DETECTORS``); spreadsheet pages (``page.sheet``) through the sheet
detector (``extract.detect.sheet``). A table at the top of a page
without a caption whose header repeats the previous page's last table (or has no header and
the same number of columns) is that table's continuation and is appended to it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.detect.grid import Grid, to_candidate
from extract.detect.regions import DETECTORS, PageTable, find_tables
from extract.detect.sheet import sheet_tables
from extract.model import Document, TableCandidate

__all__ = ["DETECTORS", "DetectedTable", "detect_table_grids", "detect_tables"]


@dataclass(frozen=True, slots=True)
class DetectedTable:
    """A table candidate and the cell grid of each page it covers (none for a sheet table)."""

    candidate: TableCandidate
    grids: tuple[Grid, ...]


def detect_tables(document: Document) -> list[TableCandidate]:
    """All tables of a document, continuations across pages joined."""
    return [table.candidate for table in detect_table_grids(document)]


def detect_table_grids(document: Document) -> list[DetectedTable]:
    """All tables of a document with their page grids, continuations across pages joined."""
    tables: list[TableCandidate] = []
    grids: list[tuple[Grid, ...]] = []
    for page in document.pages:
        if page.sheet is not None:
            found_sheet = sheet_tables(page)
            tables.extend(found_sheet)
            grids.extend(() for _ in found_sheet)
            continue
        found = find_tables(page)
        for index, page_table in enumerate(found, start=1):
            candidate = _candidate(page_table, page.number, index)
            if index == 1 and tables and _continues(tables[-1], candidate, page_table):
                tables[-1] = _join(tables[-1], candidate)
                grids[-1] = (*grids[-1], page_table.grid)
            else:
                tables.append(candidate)
                grids.append((page_table.grid,))
    return [
        DetectedTable(table, table_grids)
        for table, table_grids in zip(_unique_ids(tables), grids, strict=True)
    ]


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


def _unique_ids(tables: list[TableCandidate]) -> list[TableCandidate]:
    seen: dict[str, int] = {}
    out = []
    for table in tables:
        count = seen.get(table.table_id, 0)
        seen[table.table_id] = count + 1
        new_id = f"{table.table_id}-{count + 1}"
        out.append(table if count == 0 else replace(table, table_id=new_id))
    return out
