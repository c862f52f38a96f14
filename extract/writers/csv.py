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
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import Record
from extract.writers.jsonl import FIELD_NAMES, record_dict

if TYPE_CHECKING:
    from extract.writers import WriteOptions

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
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    text = str(value)
    if name in DECIMAL_FIELDS:
        return text.replace(".", ",") if excel else text
    return neutralised(text)


def neutralised(text: str) -> str:
    """``text`` with a leading "'" when a spreadsheet would run it as a formula."""
    if FORMULA_START.match(text) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_row(record: Record, excel: bool) -> list[str]:
    """Return the CSV cells of ``record`` in contract field order."""
    data = record_dict(record)
    return [csv_cell(name, data[name], excel) for name in FIELD_NAMES]


class CsvWriter:
    """CSV with a header row; ``--excel-csv`` switches to the Danish Excel dialect."""

    name = "csv"
    suffix = ".csv"
    file_name = "records.csv"
    requires: tuple[str, ...] = ()
    description = 'CSV, one row per record, list fields as JSON text ("excel" mode: ";" and 37,9)'

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write a header row and one row per record to ``path``, replacing it."""
        excel = options.excel_csv
        rows = (csv_row(r, excel) for r in records)
        path.parent.mkdir(parents=True, exist_ok=True)
        encoding = "utf-8-sig" if excel else "utf-8"
        with path.open("w", encoding=encoding, newline="") as fh:
            writer = csv.writer(
                fh,
                delimiter=";" if excel else ",",
                lineterminator="\r\n" if excel else "\n",
            )
            writer.writerow(FIELD_NAMES)
            writer.writerows(rows)
