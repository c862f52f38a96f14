"""OpenDocument spreadsheet (.ods) reader: every table -> one page with a ``SheetGrid``.

In: a path to an ods file. Out: a ``Document`` (source kind ``ods``). ``content.xml`` is
streamed with the standard library's ``iterparse`` (odfpy's DOM would hold the whole file);
repeated empty rows and columns (an ods pads its tables to a million rows) are never expanded.

An ods stores both the value (``office:value``) and the text shown; a percentage cell
(``office:value-type="percentage"``, value 0.379, shown "37,9 %") gives 37.9 with the
decimals shown. A date cell gives its ISO date, cut to what its date style shows: "2023-01"
for a month ("jan 2023"), "2023" for a year, else "2023-01-15" (never "2023-01-01T00:00:00").
The date styles come from ``styles.xml`` and the automatic styles ahead of the tables.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from extract.codes import SourceKind
from extract.model import Document, PageContent, SheetValue
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.budgets import Budgets
from extract.readers.sheets.cells import (
    MAX_DECIMALS,
    check_zip,
    date_text,
    formula_value,
    number_text,
    require_cells,
    sheet_page,
    text_value,
)

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
# the parts of a date style, as the letters of an Excel number format (for ``date_text``)
_DATE_PARTS = {f"{{{_NUMBER}}}{part}": letter for part, letter in
               (("day", "d"), ("month", "m"), ("year", "y"), ("hours", "h"))}  # fmt: skip
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_MAX_REPEAT = 10_000  # repeats beyond this are padding, kept only when empty
_NUMERIC = ("float", "percentage", "currency")


def _t(name: str) -> str:
    return f"{{{_TABLE}}}{name}"


def _o(name: str) -> str:
    return f"{{{_OFFICE}}}{name}"


@dataclass
class _Styles:
    """Date styles (name -> format letters, "my" for month and year) and the data style of
    each cell style (name -> date style name)."""

    dates: dict[str, str] = field(default_factory=dict)
    cells: dict[str, str] = field(default_factory=dict)

    def take(self, element: ET.Element) -> None:
        """Note a ``number:date-style`` or ``style:style`` element that has ended."""
        name = element.get(f"{{{_STYLE}}}name")
        if name is None:
            return
        if element.tag == f"{{{_NUMBER}}}date-style":
            self.dates[name] = "".join(_DATE_PARTS.get(child.tag, "") for child in element)
        elif element.tag == f"{{{_STYLE}}}style":
            data_style = element.get(f"{{{_STYLE}}}data-style-name")
            if data_style is not None:
                self.cells[name] = data_style

    def date_format(self, cell_style: str | None) -> str | None:
        """The format letters of a cell style's date style, None if unknown."""
        return self.dates.get(self.cells.get(cell_style or "", ""))


def read_ods(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read every table of an ods file; raises UnreadableInput with the reason."""
    budgets = options.budgets
    with check_zip(path, budgets) as archive:
        names = set(archive.namelist())
        if "content.xml" not in names:
            raise UnreadableInput("a zip archive, but not an ods spreadsheet (no content.xml)")
        manifest = b""
        if "META-INF/manifest.xml" in names:
            manifest = archive.read("META-INF/manifest.xml")
        if b"encryption-data" in manifest:
            raise UnreadableInput("password-protected (encrypted) spreadsheet")
        styles = _Styles()
        try:
            if "styles.xml" in names:
                with archive.open("styles.xml") as handle:
                    for _, element in ET.iterparse(handle):
                        styles.take(element)
            with archive.open("content.xml") as handle:
                pages = _read_tables(handle, styles, budgets)
        except ET.ParseError as exc:
            raise UnreadableInput(f"corrupt ods spreadsheet (content.xml: {exc})") from exc
    require_cells(path, pages)
    return Document(path, sha256, SourceKind.ODS, tuple(pages))


def _read_tables(handle: IO[bytes], styles: _Styles, budgets: Budgets) -> list[PageContent]:
    """Every table of content.xml as a page. A sheet that would hold more cells than
    ``budgets.max_cells`` once its repeats are laid out is refused: a few KB of XML may
    declare billions ("repeat this row 10,000 times, each 10,000 cells")."""
    pages: list[PageContent] = []
    column_styles: list[str | None] = []
    rows: list[list[SheetValue | None]] = []
    merges: list[tuple[int, int, int, int]] = []
    hidden_rows: list[int] = []
    hidden_cols: list[int] = []
    col_index = laid_out = 0
    for event, element in ET.iterparse(handle, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _t("table"):
                rows, merges, hidden_rows, hidden_cols, col_index = [], [], [], [], 0
                column_styles, laid_out = [], 0
            continue
        if tag in (f"{{{_NUMBER}}}date-style", f"{{{_STYLE}}}style"):
            styles.take(element)
        elif tag == _t("table-column"):
            repeat = _count(element, "number-columns-repeated")
            style = element.get(_t("default-cell-style-name"))
            column_styles.extend([style] * min(repeat, _MAX_REPEAT))
            if element.get(_t("visibility"), "visible") != "visible":
                hidden_cols.extend(range(col_index, col_index + min(repeat, _MAX_REPEAT)))
            col_index += repeat
        elif tag == _t("table-row"):
            laid_out += _add_row(
                element,
                rows,
                merges,
                hidden_rows,
                _CellStyles(styles, column_styles),
                budgets,
                laid_out,
            )
            element.clear()
        elif tag == _t("table"):
            name = element.get(_t("name"), f"Sheet{len(pages) + 1}")
            pages.append(sheet_page(len(pages) + 1, name, rows, merges, hidden_rows, hidden_cols))
            element.clear()
    return pages


@dataclass(frozen=True, slots=True)
class _CellStyles:
    """The styles known so far, and each column's default cell style in the current table."""

    styles: _Styles
    columns: list[str | None]

    def date_format(self, cell: ET.Element, col: int) -> str | None:
        style = cell.get(_t("style-name"))
        if style is None and col < len(self.columns):
            style = self.columns[col]
        return self.styles.date_format(style)


def _add_row(
    element: ET.Element,
    rows: list[list[SheetValue | None]],
    merges: list[tuple[int, int, int, int]],
    hidden_rows: list[int],
    styles: _CellStyles,
    budgets: Budgets,
    laid_out: int,
) -> int:
    """Lay out one table row (and its repeats) in ``rows``; the number of cells laid out.
    UnreadableInput when the sheet's cells (``laid_out`` so far) would pass
    ``budgets.max_cells``."""
    cells: list[SheetValue | None] = []
    for cell in element:
        if cell.tag not in (_t("table-cell"), _t("covered-table-cell")):
            continue
        repeat = _count(cell, "number-columns-repeated")
        value = _value(cell, styles, len(cells)) if cell.tag == _t("table-cell") else None
        if value is None and repeat > _MAX_REPEAT:
            repeat = 1  # padding to the sheet's edge
        span_cols = _count(cell, "number-columns-spanned")
        span_rows = _count(cell, "number-rows-spanned")
        if span_cols > 1 or span_rows > 1:
            r, c = len(rows), len(cells)
            merges.append((r, c, r + span_rows - 1, c + span_cols - 1))
        cells.extend([value] * min(repeat, _MAX_REPEAT))
    repeat = _count(element, "number-rows-repeated")
    if not any(cells):
        repeat = min(repeat, 1)  # empty padding rows: one is enough to keep the gap
    repeat = min(repeat, _MAX_REPEAT)
    if laid_out + len(cells) * repeat > budgets.cells:
        raise UnreadableInput(
            budgets.refusal(
                "max_cells", "a sheet that lays out more cells (rows and columns repeated)"
            )
        )
    hidden = element.get(_t("visibility"), "visible") != "visible"
    for _ in range(repeat):
        if hidden:
            hidden_rows.append(len(rows))
        rows.append(list(cells))
    return len(cells) * repeat


def _count(element: ET.Element, attribute: str) -> int:
    """The whole number ``attribute`` (a repeat or span count, 1 when absent) of ``element``;
    UnreadableInput naming it when it is no positive whole number."""
    raw = element.get(_t(attribute), "1")
    if not raw.isdigit() or int(raw) < 1:
        raise UnreadableInput(f"corrupt ods: table:{attribute}={raw[:20]!r} is not a count")
    return int(raw)


def _value(cell: ET.Element, styles: _CellStyles, col: int) -> SheetValue | None:
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
    if kind == "date":
        return _date(cell.get(_o("date-value")), styles.date_format(cell, col), shown)
    if kind == "time":
        return text_value(cell.get(_o("time-value")) or shown)
    if kind is None and formula:
        return formula_value(formula)
    return text_value(shown)


def _date(raw: str | None, date_format: str | None, shown: str) -> SheetValue | None:
    """A date cell as ``date_text`` gives it ("2023-01" for a month style), else as shown."""
    try:
        when = dt.datetime.fromisoformat(raw or "")
    except ValueError:
        return text_value(raw or shown)
    return SheetValue(date_text(when, date_format))


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
