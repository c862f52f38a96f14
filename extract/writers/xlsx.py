"""XLSX writer (openpyxl, write-only): a ``records`` sheet with typed cells, so Excel guesses
nothing.

Numbers (``value``, ``page``, ``municipality_code``, ``ocr_confidence``) are number cells with
a number format (a count "#,##0", which a Danish Excel shows as 1.278; a value with decimals
as many as printed, "0.0" shows 37,9); every other field is a text cell, so "2022-01" stays a
period and "4.2" a table id; list fields are JSON text. A text a spreadsheet would run as a
formula gets a leading "'" (as in the CSV). The header row is frozen and filtered. Rows are
streamed: memory stays flat however many records there are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import Record
from extract.writers.csv import LIST_FIELDS, neutralised
from extract.writers.jsonl import FIELD_NAMES, record_dict

if TYPE_CHECKING:
    from extract.writers import WriteOptions

NUMBER_FIELDS = frozenset({"value", "page", "municipality_code", "ocr_confidence"})
SHEET = "records"
# Column widths (characters) for the fields people read first; others keep Excel's default.
WIDTHS = {"row_label": 40, "column_label": 30, "cell_text": 12, "municipality": 14}


def _number_format(name: str, value: float) -> str:
    """A count as "#,##0"; a value with decimals shown to its last printed decimal (at most
    three: "0.0" for 37.9)."""
    if name in ("page", "municipality_code"):
        return "0"
    if float(value).is_integer():
        return "#,##0"
    decimals = min(len(repr(float(value)).split(".")[1]), 3)
    return "#,##0." + "0" * decimals


def _cell(sheet: Any, name: str, value: Any) -> Any:
    """One typed write-only cell of field ``name`` (a ``record_dict`` value)."""
    from openpyxl.cell import WriteOnlyCell

    if value is None:
        return WriteOnlyCell(sheet, value=None)
    if name in NUMBER_FIELDS:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = _number_format(name, value)
        return cell
    text = json.dumps(value, ensure_ascii=False) if name in LIST_FIELDS else str(value)
    cell = WriteOnlyCell(sheet, value=neutralised(text))
    cell.data_type = "s"  # never a formula, whatever it starts with
    return cell


class XlsxWriter:
    """XLSX for Excel: typed cells, frozen header, autofilter."""

    name = "xlsx"
    suffix = ".xlsx"
    description = "Excel workbook, sheet 'records': typed cells, frozen and filtered header"
    requires: tuple[str, ...] = ()

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write a header row and one row per record to ``path`` (replacing it)."""
        from openpyxl import Workbook
        from openpyxl.utils import get_column_letter

        book = Workbook(write_only=True)
        sheet = book.create_sheet(SHEET)
        sheet.freeze_panes = "A2"
        for index, name in enumerate(FIELD_NAMES, start=1):
            if name in WIDTHS:
                sheet.column_dimensions[get_column_letter(index)].width = WIDTHS[name]
        sheet.append(list(FIELD_NAMES))
        rows = 1
        for record in records:
            data = record_dict(record)
            sheet.append([_cell(sheet, name, data[name]) for name in FIELD_NAMES])
            rows += 1
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(FIELD_NAMES))}{rows}"
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)
