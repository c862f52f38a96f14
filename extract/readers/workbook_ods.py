"""OpenDocument spreadsheet (.ods) reader: every table -> one page with a ``SheetGrid``.

In: a path to an ods file. Out: a ``Document`` (source kind ``ods``). ``content.xml`` is
streamed with the standard library's ``iterparse`` (odfpy's DOM would hold the whole file);
repeated empty rows and columns (an ods pads its tables to a million rows) are never expanded.

An ods stores both the value (``office:value``) and the text shown; a percentage cell
(``office:value-type="percentage"``, value 0.379, shown "37,9 %") gives 37.9 with the
decimals shown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import IO

from extract.model import Document, PageContent, SheetValue
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.sheet_cells import (
    MAX_DECIMALS,
    check_zip,
    formula_value,
    number_text,
    require_cells,
    sheet_page,
    text_value,
)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_MAX_REPEAT = 10_000  # repeats beyond this are padding, kept only when empty
_NUMERIC = ("float", "percentage", "currency")


def _t(name: str) -> str:
    return f"{{{_TABLE}}}{name}"


def _o(name: str) -> str:
    return f"{{{_OFFICE}}}{name}"


def read_ods(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read every table of an ods file; raises UnreadableInput with the reason."""
    with check_zip(path) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise UnreadableInput("a zip archive, but not an ods spreadsheet (no content.xml)")
        manifest = b""
        if "META-INF/manifest.xml" in names:
            manifest = archive.read("META-INF/manifest.xml")
        if b"encryption-data" in manifest:
            raise UnreadableInput("password-protected (encrypted) spreadsheet")
        try:
            with archive.open("content.xml") as handle:
                pages = _read_tables(handle)
        except ET.ParseError as exc:
            raise UnreadableInput(f"corrupt ods spreadsheet (content.xml: {exc})") from exc
    require_cells(path, pages)
    return Document(path, sha256, "ods", tuple(pages))


def _read_tables(handle: IO[bytes]) -> list[PageContent]:
    pages: list[PageContent] = []
    rows: list[list[SheetValue | None]] = []
    merges: list[tuple[int, int, int, int]] = []
    hidden_rows: list[int] = []
    hidden_cols: list[int] = []
    col_index = 0
    for event, element in ET.iterparse(handle, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _t("table"):
                rows, merges, hidden_rows, hidden_cols, col_index = [], [], [], [], 0
            continue
        if tag == _t("table-column"):
            repeat = int(element.get(_t("number-columns-repeated"), "1"))
            if element.get(_t("visibility"), "visible") != "visible":
                hidden_cols.extend(range(col_index, col_index + min(repeat, _MAX_REPEAT)))
            col_index += repeat
        elif tag == _t("table-row"):
            _add_row(element, rows, merges, hidden_rows)
            element.clear()
        elif tag == _t("table"):
            name = element.get(_t("name"), f"Sheet{len(pages) + 1}")
            pages.append(sheet_page(len(pages) + 1, name, rows, merges, hidden_rows, hidden_cols))
            element.clear()
    return pages


def _add_row(
    element: ET.Element,
    rows: list[list[SheetValue | None]],
    merges: list[tuple[int, int, int, int]],
    hidden_rows: list[int],
) -> None:
    cells: list[SheetValue | None] = []
    for cell in element:
        if cell.tag not in (_t("table-cell"), _t("covered-table-cell")):
            continue
        repeat = int(cell.get(_t("number-columns-repeated"), "1"))
        value = _value(cell) if cell.tag == _t("table-cell") else None
        if value is None and repeat > _MAX_REPEAT:
            repeat = 1  # padding to the sheet's edge
        span_cols = int(cell.get(_t("number-columns-spanned"), "1"))
        span_rows = int(cell.get(_t("number-rows-spanned"), "1"))
        if span_cols > 1 or span_rows > 1:
            r, c = len(rows), len(cells)
            merges.append((r, c, r + span_rows - 1, c + span_cols - 1))
        cells.extend([value] * min(repeat, _MAX_REPEAT))
    repeat = int(element.get(_t("number-rows-repeated"), "1"))
    if not any(cells):
        repeat = min(repeat, 1)  # empty padding rows: one is enough to keep the gap
    hidden = element.get(_t("visibility"), "visible") != "visible"
    for _ in range(min(repeat, _MAX_REPEAT)):
        if hidden:
            hidden_rows.append(len(rows))
        rows.append(list(cells))


def _value(cell: ET.Element) -> SheetValue | None:
    kind = cell.get(_o("value-type"))
    shown = "\n".join("".join(p.itertext()) for p in cell.iter(f"{{{_TEXT}}}p"))
    formula = cell.get(_t("formula"))
    if kind in _NUMERIC:
        raw = cell.get(_o("value"))
        if raw is None:
            return formula_value(formula) if formula else text_value(shown)
        try:
            number = float(raw)
        except ValueError:
            return text_value(shown or raw)
        if kind == "percentage":
            number = round(number * 100, MAX_DECIMALS)
        return SheetValue(raw, number, _shown_decimals(shown, raw))
    if kind in ("date", "time"):
        return text_value(cell.get(_o("date-value")) or cell.get(_o("time-value")) or shown)
    if kind is None and formula:
        return formula_value(formula)
    return text_value(shown)


def _shown_decimals(shown: str, raw: str) -> int:
    """Decimals in the text shown ("37,9 %" -> 1), else in the stored value."""
    text = shown or number_text(float(raw))
    digits = "".join(ch for ch in text if ch.isdigit() or ch in ",.")
    for mark in (",", "."):
        if mark in digits:
            tail = digits.rsplit(mark, 1)[1]
            if shown and mark == "." and len(tail) == 3 and "," not in digits:
                return 0  # "1.278": a thousands separator
            return min(len(tail), MAX_DECIMALS)
    return 0
