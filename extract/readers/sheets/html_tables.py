"""HTML tables: a web page's tables, as Danish public-data sites hand them out under an ".xls"
name (Excel opens them), each table one sheet of text cells.

In: an HTML file (any name: it is told by its bytes). Out: a ``Document`` (source kind
"html") with one page per ``<table>`` that holds cells; a cell spanning columns
(``colspan``) is a merged range, as in a workbook. Parsed with the standard library's
``html.parser``; nothing is fetched or run.
"""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from extract.codes import SourceKind
from extract.model import Document, PageContent, SheetValue
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.sheets.cells import read_bounded, sheet_page, text_value
from extract.readers.sheets.delimited import decode

# The first bytes of an HTML document (after a BOM and white space), lower-cased.
_STARTS = (b"<!doctype html", b"<html", b"<table", b"<meta", b"<head", b"<body", b"<?xml")


def is_html(head: bytes) -> bool:
    """Whether ``head`` starts an HTML document that holds a table."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return start.startswith(_STARTS) and b"<table" in head.lower()


class _Tables(HTMLParser):
    """Collects every table's rows of cell texts, and each spanned cell's merged range."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str]], list[tuple[int, int, int, int]]]] = []
        self._open: list[tuple[list[list[str]], list[tuple[int, int, int, int]]]] = []
        self._text: list[str] | None = None
        self._span = 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append(([], []))
        elif tag == "tr" and self._open:
            self._open[-1][0].append([])
        elif tag in ("td", "th") and self._open and self._open[-1][0]:
            self._text = []
            span = dict(attrs).get("colspan") or "1"
            self._span = max(1, min(int(span), 1000)) if span.isdigit() else 1
        elif tag == "br" and self._text is not None:
            self._text.append(" ")

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._text is not None and self._open:
            rows, merges = self._open[-1]
            row = rows[-1]
            col = len(row)
            row.append(" ".join("".join(self._text).split()))
            if self._span > 1:
                merges.append((len(rows) - 1, col, len(rows) - 1, col + self._span - 1))
                row.extend([""] * (self._span - 1))
            self._text = None
        elif tag == "table" and self._open:
            self.tables.append(self._open.pop())


def read_html_tables(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Every table of an HTML file as a sheet; raises UnreadableInput with the reason."""
    text, encoding = decode(read_bounded(path, "html", options.budgets))
    parser = _Tables()
    parser.feed(text)
    parser.close()
    pages: list[PageContent] = []
    for rows, merges in parser.tables:
        cells: list[tuple[SheetValue | None, ...]] = [
            tuple(text_value(t) for t in row) for row in rows
        ]
        if any(any(c is not None for c in row) for row in cells):
            page = sheet_page(len(pages) + 1, f"tabel {len(pages) + 1}", cells, merges)
            note = f"an HTML table (a web page, read as {encoding}), named {path.suffix or 'so'}"
            pages.append(replace(page, notes=(*page.notes, note)))
    if not pages:
        raise UnreadableInput("an HTML page without a table of cells")
    return Document(path, sha256, SourceKind.HTML, tuple(pages))
