"""Legacy Excel (.xls, BIFF) reader (xlrd): every sheet -> one page with a ``SheetGrid``.

In: a path to an OLE2 compound file. Out: a ``Document`` (source kind ``xls``). An OLE2 file
that holds an ``EncryptedPackage`` is a password-protected xlsx and is refused as such.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.codes import SourceKind
from extract.model import Document, PageContent, SheetValue
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.sheets.cells import (
    date_text,
    number_value,
    read_bounded,
    require_cells,
    sheet_page,
    text_value,
)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def read_xls(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read every sheet of an .xls workbook; raises UnreadableInput with the reason."""
    import xlrd

    data = read_bounded(path, "workbook", options.budgets)
    if _ENCRYPTED_PACKAGE in data:
        raise UnreadableInput("password-protected (encrypted) workbook; save it without a password")
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd raises XLRDError, CompDocError, struct errors, ...
        reason = str(exc)
        if "encrypt" in reason.lower():
            raise UnreadableInput(
                "password-protected (encrypted) workbook; save it without a password"
            ) from exc
        raise UnreadableInput(f"corrupt or unsupported xls workbook ({reason})") from exc
    try:
        pages = [
            _read_sheet(book, index + 1, book.sheet_by_index(index))
            for index in range(book.nsheets)
        ]
    except Exception as exc:
        raise UnreadableInput(f"corrupt xls workbook ({type(exc).__name__}: {exc})") from exc
    finally:
        book.release_resources()
    require_cells(path, pages)
    return Document(path, sha256, SourceKind.XLS, tuple(pages))


def _read_sheet(book: Any, number: int, sheet: Any) -> PageContent:
    import xlrd

    rows: list[list[SheetValue | None]] = []
    for r in range(sheet.nrows):
        values: list[SheetValue | None] = []
        for c in range(sheet.ncols):
            cell = sheet.cell(r, c)
            fmt = _number_format(book, cell.xf_index)
            if cell.ctype == xlrd.XL_CELL_NUMBER:
                values.append(number_value(cell.value, fmt))
            elif cell.ctype == xlrd.XL_CELL_DATE:
                when = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                values.append(SheetValue(date_text(when, fmt)))
            elif cell.ctype == xlrd.XL_CELL_TEXT:
                values.append(text_value(str(cell.value)))
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                values.append(SheetValue("TRUE" if cell.value else "FALSE"))
            elif cell.ctype == xlrd.XL_CELL_ERROR:
                values.append(SheetValue(xlrd.error_text_from_code.get(cell.value, "#ERROR")))
            else:
                values.append(None)
        rows.append(values)
    merges = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]
    hidden_rows = [r for r, info in sheet.rowinfo_map.items() if info.hidden]
    hidden_cols = [c for c, info in sheet.colinfo_map.items() if info.hidden]
    return sheet_page(number, str(sheet.name), rows, merges, hidden_rows, hidden_cols)


def _number_format(book: Any, xf_index: int | None) -> str | None:
    if xf_index is None or xf_index >= len(book.xf_list):
        return None
    found = book.format_map.get(book.xf_list[xf_index].format_key)
    return str(found.format_str) if found is not None else None
