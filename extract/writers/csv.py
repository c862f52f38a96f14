"""CSV writer: one row per record, header = contract field names in contract order.

List fields (``cooperation``, ``flags``, ``bbox``) are JSON text; None is the empty string.
Plain mode: "," delimiter, decimal point, UTF-8, LF. Excel mode (``options.excel_csv``):
";" delimiter, decimal comma in ``value`` and ``ocr_confidence``, UTF-8 with BOM, CRLF,
so a Danish Excel opens the file with numbers as numbers. In both, a text a spreadsheet
would run as a formula ("=…", "+…", "@…", a tab or CR first, "-" before anything but a plain
number: "-1+1", "-A1") gets a leading "'" (CSV injection), ``source_file`` included; plain
numbers stay numbers. JSONL and SQLite keep the text as read.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import Record
from extract.writers.jsonl import FIELD_NAMES, field_values, json_text

if TYPE_CHECKING:
    from extract.writers import WriteOptions
    from extract.writers.record_lines import LineSink

LIST_FIELDS = frozenset({"cooperation", "flags", "bbox"})
DECIMAL_FIELDS = frozenset({"value", "ocr_confidence"})
# Text a spreadsheet takes for a formula: "=", "+", "@", a tab or CR first, or "-" before
# anything but a plain number ("-" alone, "-12", "-37,9 %" are harmless and left as they are).
FORMULA_START = re.compile(r"[=+@\t\r]|-.")
PLAIN_NUMBER = re.compile(r"-\d+(?:[.,]\d+)*(?: ?%)?")


def csv_cell(name: str, value: Any, excel: bool) -> str:
    """Return the CSV text of field ``name`` holding ``value`` (a ``record_dict`` value)."""
    if value is None:
        return ""
    if name in LIST_FIELDS:
        return json_text(value)
    text = str(value)
    if name in DECIMAL_FIELDS:
        return text.replace(".", ",") if excel else text
    return neutralised(text)


def neutralised(text: str) -> str:
    """``text`` with a leading "'" when a spreadsheet would run it as a formula."""
    if FORMULA_START.match(text) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def dialect(excel: bool) -> tuple[str, str]:
    """The delimiter and the line end of the plain or the Excel CSV."""
    return (";", "\r\n") if excel else (",", "\n")


class CsvText:
    """The text ``csv.writer`` (quoting as needed, its default) writes for one cell of a row
    of several, in the dialect of ``delimiter`` and ``lineterminator``: the cell in quotes,
    quotes doubled, when it holds the delimiter or a quote, as it is when it holds neither
    nor a line break; a cell with a line break is written by ``csv.writer`` itself (whether
    a lone CR is quoted depends on the line end and the Python version)."""

    def __init__(self, delimiter: str, lineterminator: str) -> None:
        self._special = re.compile(f'[{re.escape(delimiter)}"\r\n]')
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, delimiter=delimiter, lineterminator=lineterminator)
        self._end = len(delimiter + lineterminator)

    def __call__(self, cell: str) -> str:
        if self._special.search(cell) is None:
            return cell
        if "\r" in cell or "\n" in cell:
            self._buffer.seek(0)
            self._buffer.truncate()
            self._writer.writerow((cell, ""))
            return self._buffer.getvalue()[: -self._end]
        return '"' + cell.replace('"', '""') + '"'


class CsvWriter:
    """CSV with a header row; ``--excel-csv`` switches to the Danish Excel dialect."""

    name = "csv"
    suffix = ".csv"
    file_name = "records.csv"
    requires: tuple[str, ...] = ()
    description = 'CSV, one row per record, list fields as JSON text ("excel" mode: ";" and 37,9)'

    def open_lines(self, path: Path, options: WriteOptions) -> LineSink:
        """``path`` opened (replaced) with its header row written, taking records' values one
        at a time: one row per record (each field's ``csv_cell``), in the dialect of
        ``options.excel_csv``."""
        from extract.writers.record_lines import CsvLine, LineSink

        excel = options.excel_csv
        delimiter, end = dialect(excel)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="")
        csv.writer(handle, delimiter=delimiter, lineterminator=end).writerow(FIELD_NAMES)
        return LineSink(handle, CsvLine(excel))

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write a header row and one row per record to ``path`` (``open_lines``)."""
        with self.open_lines(path, options) as lines:
            for record in records:
                lines.add(field_values(record))
