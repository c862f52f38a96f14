"""Spreadsheets: place grids on a cell matrix, then write it as xlsx (openpyxl) or csv.

A sheet has title rows (caption, heading, a blank row), the header (spanning labels merged,
repeated or written once), the body (group rows, stub columns), notes and a source row.
Numbers are stored as numbers (percent as a formatted fraction or a plain number) or as
Danish text; csv files differ in delimiter, quoting, encoding and line ends.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field, replace
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from samples import make_sheets
from samples.variants.model import Grid, Number, Truth, ValueCell
from samples.variants.printing import NumberStyle, number_text

Stored = str | int | float


@dataclass(frozen=True)
class SheetLook:
    """How one table sits on its sheet."""

    values: str
    pct: str
    spans: str
    count_format: str
    offset_col: int
    title_gap: int

    def axes(self) -> dict[str, str]:
        return {
            "sheet.values": self.values,
            "sheet.pct": self.pct,
            "sheet.spans": self.spans,
            "sheet.count_format": self.count_format,
            "sheet.offset_col": str(self.offset_col),
            "sheet.title_gap": str(self.title_gap),
        }


def draw_look(rng: random.Random, is_csv: bool) -> SheetLook:
    """A random sheet look (csv: text values, no merges)."""
    return SheetLook(
        values="text" if is_csv else rng.choice(["number", "number", "text"]),
        pct="text" if is_csv else rng.choice(["fraction", "number", "text"]),
        spans=rng.choice(["repeat", "first"] if is_csv else ["merge", "merge", "repeat", "first"]),
        count_format=rng.choice(["#,##0", "0", "General"]),
        offset_col=rng.choice([0, 0, 0, 1]),
        title_gap=rng.choice([0, 1, 1, 2]),
    )


@dataclass
class Cells:
    """A sheet as a sparse matrix (0-based row, col) of stored values and formats."""

    values: dict[tuple[int, int], tuple[Stored, str | None, bool]] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    row: int = 0

    def put(self, r: int, c: int, v: Stored, fmt: str | None = None, bold: bool = False) -> None:
        if v != "":
            self.values[(r, c)] = (v, fmt, bold)

    def text_row(self, text: str, bold: bool = False) -> None:
        self.put(self.row, 0, text, bold=bold)
        self.row += 1


@dataclass
class SheetCell:
    """A value cell as written: where, what is stored, what shows, and its truth."""

    ref: str
    text: str
    truth: Truth


def display(value: Stored, fmt: str | None) -> str:
    """What Danish Excel shows for a stored value and number format."""
    if isinstance(value, str):
        return value
    style = NumberStyle(thousands=".")
    if fmt in ("0%", "0.0%"):
        decimals = 1 if fmt == "0.0%" else 0
        return number_text(value * 100, decimals, style) + "%"
    if fmt == "#,##0":
        return number_text(value, 0, style)
    if fmt == "0":
        return str(round(value))
    if fmt == "0.0":
        return number_text(value, 1, style)
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    return repr(value).replace(".", ",")


def _stored(v: ValueCell, look: SheetLook) -> tuple[Stored, str | None, str, Truth]:
    """(stored value, number format, shown text, truth) of one value cell."""
    t = v.truth
    numeric = t.status in ("reported", "nil") and t.value is not None and t.expect == "record"
    if look.values == "text" or not numeric:
        return v.text, None, v.text, t
    value: Number = t.value if t.value is not None else 0
    truth = replace(t, status="reported") if t.status == "nil" else t
    if t.unit == "percent":
        if look.pct == "text":
            return v.text, None, v.text, t
        if look.pct == "fraction":
            fmt = "0.0%" if v.decimals else "0%"
            stored: Number = round(value / 100, 10)
            return stored, fmt, display(stored, fmt), truth
    if v.decimals:
        return value, "0.0", display(value, "0.0"), truth
    count_fmt = None if look.count_format == "General" else look.count_format
    return int(value), count_fmt, display(int(value), count_fmt), truth


def put_grid(cells: Cells, grid: Grid, look: SheetLook) -> list[SheetCell]:
    """Write ``grid`` at ``cells.row``; return its value cells with their references."""
    r0, c0 = cells.row, look.offset_col
    for h in grid.head:
        r, c = r0 + h.row, c0 + h.col
        if h.stub and h.rowspan > 1 and look.spans != "merge":
            r = r0 + grid.head_rows - 1 if look.spans == "first" else r
        cells.put(r, c, h.text, bold=True)
        if look.spans == "merge" and (h.rowspan > 1 or h.colspan > 1):
            cells.merges.append((r, c, r + h.rowspan - 1, c + h.colspan - 1))
        elif look.spans == "repeat" and h.colspan > 1:
            for k in range(1, h.colspan):
                cells.put(r, c + k, h.text, bold=True)
    out: list[SheetCell] = []
    r = r0 + grid.head_rows
    for row in grid.body:
        for col, label in enumerate(row.stub):
            text = label.replace("\n", " ")
            cells.put(r, c0 + col, text, bold=row.bold)
        for j, v in enumerate(row.values):
            if v is None:
                continue
            stored, fmt, shown, truth = _stored(v, look)
            c = c0 + grid.n_stub + j
            cells.put(r, c, stored, fmt, row.bold)
            out.append(SheetCell(f"{get_column_letter(c + 1)}{r + 1}", shown, truth))
        r += 1
    cells.row = r
    for note in grid.notes:
        cells.text_row(note)
    return out


def write_xlsx(path: Path, sheets: list[tuple[str, Cells]]) -> None:
    """An xlsx with fixed timestamps (same bytes every run)."""
    wb = Workbook()
    for n, (name, cells) in enumerate(sheets):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = name
        for (r, c), (v, fmt, bold) in sorted(cells.values.items()):
            cell = ws.cell(r + 1, c + 1, v)
            if fmt:
                cell.number_format = fmt
            if bold:
                cell.font = Font(bold=True)
        for r0, c0, r1, c1 in cells.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        widest = max([c for _, c in cells.values] + [0])
        ws.column_dimensions["A"].width = 42
        for c in range(2, widest + 2):
            ws.column_dimensions[get_column_letter(c)].width = 13
    make_sheets.save_workbook(wb, path)


@dataclass(frozen=True)
class CsvDialect:
    delimiter: str
    encoding: str
    newline: str

    def axes(self) -> dict[str, str]:
        names = {";": "semicolon", ",": "comma", "\t": "tab"}
        return {
            "csv.delimiter": names[self.delimiter],
            "csv.encoding": self.encoding,
            "csv.newline": "crlf" if self.newline == "\r\n" else "lf",
        }


def draw_dialect(rng: random.Random) -> CsvDialect:
    return CsvDialect(
        delimiter=rng.choice([";", ";", ",", "\t"]),
        encoding=rng.choice(["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1252"]),
        newline=rng.choice(["\r\n", "\n"]),
    )


def write_csv(path: Path, cells: Cells, dialect: CsvDialect) -> None:
    """The matrix as delimited text (text cells only; fields quoted where needed)."""
    n_rows = max([r for r, _ in cells.values] + [-1]) + 1
    n_cols = max([c for _, c in cells.values] + [-1]) + 1
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=dialect.delimiter, lineterminator=dialect.newline)
    for r in range(n_rows):
        row = [cells.values.get((r, c), ("", None, False))[0] for c in range(n_cols)]
        writer.writerow([str(v) for v in row])
    path.write_bytes(buf.getvalue().encode(dialect.encoding))
