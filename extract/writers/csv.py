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
from extract.writers.jsonl import (
    BBOX_DECIMALS,
    FIELD_NAMES,
    clean_number,
    field_values,
)

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


# Where ``csv_cell`` does something ``csv.writer`` would not do by itself (None as "", any
# other value as its str()): the list fields as JSON, ``value`` clean (1278.0 as 1278), the
# decimals with a comma in Excel mode, and the text a spreadsheet would run neutralised
_LISTS = tuple(i for i, name in enumerate(FIELD_NAMES) if name in ("cooperation", "flags"))
_BBOX = FIELD_NAMES.index("bbox")
_VALUE = FIELD_NAMES.index("value")
_DECIMALS = tuple(i for i, name in enumerate(FIELD_NAMES) if name in DECIMAL_FIELDS)
_TEXTS = tuple(i for i, name in enumerate(FIELD_NAMES) if name not in LIST_FIELDS | DECIMAL_FIELDS)
_FORMULA_FIRST = frozenset("=+@\t\r-")  # (the first characters ``FORMULA_START`` matches)
_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def csv_row(record: Record, excel: bool) -> list[Any]:
    """Return the CSV cells of ``record`` in contract field order, as ``csv.writer`` writes
    them the text of each field's ``csv_cell`` (the values left as they are where the writer
    gives the same text: millions of records)."""
    row: list[Any] = list(field_values(record))
    for i in _TEXTS:
        text = row[i]
        if text and isinstance(text, str) and text[0] in _FORMULA_FIRST:
            row[i] = neutralised(text)
    for i in _LISTS:
        if row[i] is not None:
            row[i] = _JSON(row[i])
    box = row[_BBOX]
    if box is not None:
        row[_BBOX] = _JSON([round(float(x), BBOX_DECIMALS) for x in box])
    row[_VALUE] = clean_number(row[_VALUE])
    if excel:
        for i in _DECIMALS:
            if row[i] is not None:
                row[i] = str(row[i]).replace(".", ",")
    return row


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
