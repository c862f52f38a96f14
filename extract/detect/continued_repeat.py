"""A header repeated on the page a table continues on, matched to the page before's.

In: the continuing page's grid and candidate, and the column header paths of the table so
far. Out: the page read again to give those paths, or whether two readings of a header
carry the same words (a group span read on one page and not on the other), and the
page read without group headings that its header took in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.detect.candidate import Layout, to_candidate
from extract.detect.captions import CONTINUED
from extract.detect.grid import Grid
from extract.detect.regions import PageTable
from extract.detect.value_text import is_footnote_mark
from extract.model import TableCandidate

# A repeated header is read again with at most this many stub columns.
MAX_STUBS = 4


def read_as_before(
    grid: Grid,
    candidate: TableCandidate,
    page_table: PageTable,
    headers: tuple[tuple[str, ...], ...],
) -> tuple[TableCandidate, Layout] | None:
    """The page's table read with as many stub columns as give its repeated header the
    value columns of the page before (``headers``): outer stub columns blank down most of
    this page were read as value columns ("Afgørelse | Lovområde | Hele landet" for "Hele
    landet"); None when no count does."""
    for n_stub in range(1, min(MAX_STUBS, grid.n_cols - 1) + 1):
        found = to_candidate(
            grid, candidate.table_id, None, page_table.title, page_table.notes, n_stub=n_stub
        )
        if _unmarked(found[0].column_headers) == _unmarked(headers):
            return found
    return None


def new_stub_words(stub_header: str, before: str) -> bool:
    """True when the stub header ``stub_header`` has a word the table's first one lacks."""
    return bool(_text_words(stub_header) - _text_words(before))


def _text_words(text: str) -> set[str]:
    """The words of ``text``, case and the marks joining header parts ("/") aside."""
    return set(re.findall(r"\w+", text.casefold()))


def without_new_stub_words(
    grid: Grid, candidate: TableCandidate, layout: Layout, before: str, page_table: PageTable
) -> tuple[TableCandidate, Layout] | None:
    """The page read with fewer header rows, the fewest dropped that leave its stub header
    no word the first one (``before``) lacks and its column headers their words; None when
    no count does."""
    for header_rows in range(layout.header_rows - 1, 0, -1):
        found = to_candidate(
            grid,
            candidate.table_id,
            None,
            page_table.title,
            page_table.notes,
            n_stub=layout.n_stub,
            groups=layout.groups,
            header_rows=header_rows,
        )
        if not new_stub_words(found[0].stub_header, before) and same_words(
            found[0].column_headers, candidate.column_headers
        ):
            return found
    return None


def same_words(headers: tuple[tuple[str, ...], ...], other: tuple[tuple[str, ...], ...]) -> bool:
    """True when two readings of a header have as many columns and the same words (case
    and footnote marks aside), however they are grouped: "hjemvist" over "antal | andel"
    read as one span on one page, set into the first column's path on the next."""
    if len(headers) != len(other):
        return False
    return _words(headers) == _words(other)


def _words(headers: tuple[tuple[str, ...], ...]) -> set[str]:
    return {
        word.casefold() for path in _unmarked(headers) for text in path for word in text.split()
    }


def _unmarked(headers: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """Header paths without footnote marks ("1. kvartal 2016 ²"): a mark set a little apart
    is read into the header on one page and left out on the next."""
    return tuple(
        tuple(" ".join(w for w in text.split() if not is_footnote_mark(w)) for text in path)
        for path in headers
    )


def read_as_repeated(
    headers: tuple[tuple[str, ...], ...],
    again: tuple[tuple[str, ...], ...],
    mapping: Sequence[int] | None,
    page_table: PageTable,
) -> bool:
    """True when an OCR'd page said to continue a table ("Tabel 1 (fortsat)") repeats its
    header (``headers``) over the same columns as ``again`` with every word of it and dirt
    besides ("En 2024" for "2024"). The table's own header is kept. (Headers read alike
    letter by letter were tried too: the first page's misreadings then stood over every
    page, "Hele lande?" over 50 rows; more lost than won on kept documents.)"""
    said = page_table.caption is not None and CONTINUED.search(page_table.caption)
    if not said or len(again) != len(headers) or mapping != list(range(len(headers))):
        return False
    if not any(w.source == "ocr" for cell in page_table.grid.cells for w in cell.words):
        return False
    return all(
        _path_words(path) <= _path_words(other) for path, other in zip(headers, again, strict=True)
    )


def _path_words(path: Sequence[str]) -> set[str]:
    return {word.casefold() for text in path for word in text.split()}
