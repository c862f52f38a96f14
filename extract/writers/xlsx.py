"""XLSX writer (openpyxl, write-only): a ``records`` sheet with typed cells, so Excel guesses
nothing, then a ``findings`` sheet (one row per finding, with the code's meaning) and a
``report`` sheet (one row per input file, its status in words as in report.txt).

Numbers (``value``, ``page``, ``municipality_code``, ``ocr_confidence``) are number cells with
a number format (a count "#,##0", which a Danish Excel shows as 1.278; a value with decimals
as many as printed, "0.0" shows 37,9); every other field is a text cell, so "2022-01" stays a
period and "4.2" a table id; list fields are JSON text. A text a spreadsheet would run as a
formula gets a leading "'" (as in the CSV). The header row is frozen and filtered. Rows are
streamed: memory stays flat however many records there are.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.codes import code_meaning
from extract.model import Record
from extract.results import FileResult
from extract.writers.csv import LIST_FIELDS, neutralised
from extract.writers.jsonl import FIELD_NAMES, record_dict
from extract.writers.report_details import needs_check, status_words

if TYPE_CHECKING:
    from extract.writers import WriteOptions

NUMBER_FIELDS = frozenset({"value", "page", "municipality_code", "ocr_confidence"})
SHEET = "records"
FINDINGS_SHEET = "findings"
REPORT_SHEET = "report"
FINDINGS_HEADER = (
    "source_file",
    "page",
    "table_id",
    "code",
    "severity",
    "meaning",
    "message",
    "record_ids",
)
REPORT_HEADER = (
    "source_file",
    "status",
    "status_in_words",
    "records",
    "values_to_check",
    "tables_mapped",
    "tables_unmapped",
    "findings",
    "pages",
    "source_sha256",
    "path",
)
CELL_LIMIT = 32_767  # characters Excel holds in one cell
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
    """XLSX for Excel: the records (typed cells, frozen and filtered header), the findings and
    the run report."""

    name = "xlsx"
    suffix = ".xlsx"
    file_name = "records.xlsx"
    description = (
        "Excel workbook: sheet 'records' (typed cells, frozen and filtered header), "
        "'findings' and 'report'"
    )
    requires: tuple[str, ...] = ()

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write the ``records`` sheet (a header row, one row per record), then the
        ``findings`` and ``report`` sheets of ``options.results``, to ``path`` (replacing it)."""
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet(SHEET)
        _start(sheet, FIELD_NAMES, WIDTHS)
        rows = 1
        flagged: Counter[str] = Counter()
        for record in records:
            data = record_dict(record)
            sheet.append([_cell(sheet, name, data[name]) for name in FIELD_NAMES])
            rows += 1
            if needs_check(record):
                flagged[record.source_sha256] += 1
        _filter(sheet, len(FIELD_NAMES), rows)
        _findings_sheet(book.create_sheet(FINDINGS_SHEET), options.results)
        _report_sheet(book.create_sheet(REPORT_SHEET), options.results, flagged)
        path.parent.mkdir(parents=True, exist_ok=True)
        book.save(path)


def _start(sheet: Any, header: Sequence[str], widths: Mapping[str, int]) -> None:
    """Set column widths, freeze the header row and write it."""
    from openpyxl.utils import get_column_letter

    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        if name in widths:
            sheet.column_dimensions[get_column_letter(index)].width = widths[name]
    sheet.append(list(header))


def _filter(sheet: Any, columns: int, rows: int) -> None:
    from openpyxl.utils import get_column_letter

    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{rows}"


def _row(sheet: Any, values: Sequence[Any]) -> list[Any]:
    """Typed cells: numbers as numbers, text as (neutralised) text, None empty."""
    from openpyxl.cell import WriteOnlyCell

    cells = []
    for value in values:
        if value is None or isinstance(value, int | float):
            cells.append(WriteOnlyCell(sheet, value=value))
            continue
        cell = WriteOnlyCell(sheet, value=neutralised(str(value))[:CELL_LIMIT])
        cell.data_type = "s"
        cells.append(cell)
    return cells


def _findings_sheet(sheet: Any, results: Sequence[FileResult]) -> None:
    """One row per finding: file, place, code, severity, meaning, message, records."""
    _start(sheet, FINDINGS_HEADER, {"source_file": 30, "meaning": 40, "message": 80})
    rows = 1
    for result in results:
        for f in result.findings:
            ids = " ".join(f.record_ids)
            if len(ids) > CELL_LIMIT:
                ids = (
                    ids[: CELL_LIMIT - 40].rsplit(" ", 1)[0] + f" ... ({len(f.record_ids)} in all)"
                )
            meaning = code_meaning(str(f.code))
            values = (result.source_file, f.page, f.table_id, str(f.code), str(f.severity))
            sheet.append(_row(sheet, (*values, meaning, f.message, ids or None)))
            rows += 1
    _filter(sheet, len(FINDINGS_HEADER), rows)


def _report_sheet(sheet: Any, results: Sequence[FileResult], flagged: Mapping[str, int]) -> None:
    """One row per input file: its status in words (as report.txt), counts, error."""
    _start(sheet, REPORT_HEADER, {"source_file": 30, "status_in_words": 60, "path": 40})
    for r in results:
        checks = flagged.get(r.source_sha256 or "", 0) if r.copy_of is None else 0
        mapped = sum(1 for t in r.tables if t.rule_id is not None)
        values = (r.source_file, str(r.status), status_words(r, checks), r.record_count, checks)
        counts = (mapped, len(r.tables) - mapped, len(r.findings), r.pages or None)
        sheet.append(_row(sheet, (*values, *counts, r.source_sha256, r.path)))
    _filter(sheet, len(REPORT_HEADER), len(results) + 1)
