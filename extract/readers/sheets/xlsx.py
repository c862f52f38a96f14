"""xlsx/xlsm reader (openpyxl): every sheet -> one page with a ``SheetGrid``.

In: a path to an Office Open XML workbook. Out: a ``Document`` (source kind ``xlsx``), one
page per sheet, cells with the values Excel last computed (``data_only``).

openpyxl's read-only mode streams cells quickly but does not expose merged cells, hidden rows
or columns, or whether an empty cell holds a formula whose value was never computed. Those
come from one extra pass over each sheet's XML (``_sheet_extras``), reading tags only.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.codes import SourceKind
from extract.model import Document, PageContent, SheetValue
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.sheets.cells import (
    check_zip,
    date_text,
    formula_value,
    number_value,
    parse_range,
    parse_ref,
    require_cells,
    sheet_page,
    text_value,
    workbook_error,
)

_CHUNK = 1 << 20
# Tags are matched within themselves ("[^<>]"), possessively, an attribute found by a
# lookahead: every pattern is linear in the XML, however a crafted file nests or repeats.
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b(?=[^<>]*?\bref="([A-Z0-9:$]+)")[^<>]*+>')
_ROW = re.compile(rb"<(?:\w+:)?row\b([^<>]*+)>")
_COL = re.compile(rb"<(?:\w+:)?col\b([^<>]*+)>")
_ATTR = re.compile(rb'\b(r|hidden|min|max)="([^"]*)"')
# a cell whose content is a formula and no (or an empty) cached value
_FORMULA_ONLY = re.compile(
    rb'<(?:\w+:)?c\b(?=[^<>]*?\br="([A-Z]+[0-9]+)")[^<>]*+(?<!/)>\s*+'
    rb"<(?:\w+:)?f\b(?:[^<>]*+(?<=/)>|[^<>]*+>([^<]*+)</(?:\w+:)?f>)\s*+"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)


@dataclass
class _Extras:
    """What the streamed cells do not tell: merges, hidden rows/cols, formulas without values."""

    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[int] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)


def read_xlsx(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read every sheet of an xlsx/xlsm workbook; raises UnreadableInput with the reason."""
    from openpyxl import load_workbook

    with check_zip(path, options.budgets) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" not in names:
            raise UnreadableInput("a zip archive, but not an xlsx workbook (no xl/workbook.xml)")
        handle = path.open("rb")  # (a file object: openpyxl judges a path by its name)
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True, keep_links=False)
        except Exception as exc:  # openpyxl raises many types on broken parts
            handle.close()
            raise UnreadableInput(workbook_error(exc, "xlsx")) from exc
        try:
            pages = [
                _read_sheet(number, sheet, archive)
                for number, sheet in enumerate(workbook.worksheets, start=1)
            ]
        except (KeyError, ValueError, zipfile.BadZipFile, EOFError) as exc:
            raise UnreadableInput(workbook_error(exc, "xlsx")) from exc
        except SyntaxError as exc:  # ElementTree's ParseError: a sheet's XML is not well-formed
            raise UnreadableInput(f"corrupt xlsx workbook (a sheet's XML: {exc})") from exc
        finally:
            workbook.close()
            handle.close()
    require_cells(path, pages)
    return Document(path, sha256, SourceKind.XLSX, tuple(pages))


def _read_sheet(number: int, sheet: Any, archive: zipfile.ZipFile) -> PageContent:
    member = getattr(sheet, "_worksheet_path", None)
    extras = _sheet_extras(archive, member) if member else _Extras()
    rows: list[list[SheetValue | None]] = []
    seen: dict[tuple[type, object, str | None], SheetValue | None] = {}
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()  # don't trust a stale <dimension> in the file
    for r, row in enumerate(sheet.iter_rows()):
        values: list[SheetValue | None] = []
        for c, cell in enumerate(row):
            value = getattr(cell, "value", None)
            if value is None or value == "":
                formula = extras.formulas.get((r, c))
                values.append(formula_value(formula) if formula is not None else None)
                continue
            key = (type(value), value, getattr(cell, "number_format", None))
            if key not in seen:  # equal cells share one immutable SheetValue
                seen[key] = _value(value, key[2])
            values.append(seen[key])
        rows.append(values)
    for (r, c), formula in extras.formulas.items():  # formula cells the stream left out
        while len(rows) <= r:
            rows.append([])
        while len(rows[r]) <= c:
            rows[r].append(None)
        if rows[r][c] is None:
            rows[r][c] = formula_value(formula)
    return sheet_page(
        number, str(sheet.title), rows, extras.merges, extras.hidden_rows, extras.hidden_cols
    )


def _value(value: object, number_format: str | None) -> SheetValue | None:
    if isinstance(value, bool):
        return SheetValue("TRUE" if value else "FALSE")
    if isinstance(value, int | float):
        return number_value(value, number_format)
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return SheetValue(date_text(value, number_format))
    return text_value(str(value))


def _sheet_extras(archive: zipfile.ZipFile, member: str) -> _Extras:
    """Scan one sheet's XML for merges, hidden rows/cols and formulas without a value."""
    extras = _Extras()
    carry = b""
    with archive.open(member) as handle:
        while True:
            chunk = handle.read(_CHUNK)
            data = carry + chunk
            if not chunk:
                _scan(data, extras)
                break
            # scan up to the last complete cell (or tag), keep the rest for the next chunk
            cut = max(data.rfind(b"</c>"), data.rfind(b"</row>"))
            cut = data.rfind(b">") if cut < 0 else cut
            if cut < 0:
                carry = data
                continue
            end = data.index(b">", cut) + 1
            _scan(data[:end], extras)
            carry = data[end:]
    return extras


def _scan(data: bytes, extras: _Extras) -> None:
    for match in _MERGE.finditer(data):
        extras.merges.append(parse_range(match.group(1).decode("ascii")))
    if b"hidden" in data:
        for match in _ROW.finditer(data):
            attrs = dict(_ATTR.findall(match.group(1)))
            if attrs.get(b"hidden") in (b"1", b"true") and b"r" in attrs:
                extras.hidden_rows.append(int(attrs[b"r"]) - 1)
        for match in _COL.finditer(data):
            attrs = dict(_ATTR.findall(match.group(1)))
            if attrs.get(b"hidden") in (b"1", b"true") and b"min" in attrs:
                first = int(attrs[b"min"])
                last = int(attrs.get(b"max") or attrs[b"min"])
                extras.hidden_cols.extend(range(first - 1, min(last, 16384)))
    if b"<f" in data or b":f" in data:
        for match in _FORMULA_ONLY.finditer(data):
            ref = match.group(1).decode("ascii")
            text = (match.group(2) or b"").decode("utf-8", "replace")
            extras.formulas[parse_ref(ref)] = _unescape(text) or "(shared formula)"


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )
