"""Spreadsheet sources (xlsx, xls, ods, csv) on the review site: each sheet as a grid of
cells, the cells a value was read from coloured by outcome as the boxes on a page are.

In: a ``Source`` whose records have ``cell_ref`` and no page, and the figures by record id.
Out: HTML, one table per sheet. The sheet's cells are read again with the project's readers
(``extract.readers``) so the labels around the values show too; a sheet that cannot be read
again (the file is gone, or too large to show whole) is shown from its records alone: the
rows and columns that hold values, headed by the records' row and column labels.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from pathlib import Path

from extract.model import SheetGrid
from extract.readers.sheets.cells import column_letters, parse_ref
from extract.review.data import JsonDict, Source
from extract.review.document_page import outcome

# A sheet larger than this is shown from its records alone.
MAX_ROWS = 3000
MAX_COLS = 100

Cell = tuple[int, int]


def sheet_grids(source: Source, figures: dict[str, JsonDict]) -> str:
    """Every sheet of ``source`` that values were read from, as HTML tables."""
    by_sheet: dict[str | None, dict[Cell, JsonDict]] = defaultdict(dict)
    for record in source.records:
        if record.get("page") is None and record.get("cell_ref"):
            try:
                cell = parse_ref(str(record["cell_ref"]))
            except ValueError:
                continue
            by_sheet[record.get("sheet")][cell] = record
    if not by_sheet:
        return ""
    grids = _read_again(source.path)
    parts = []
    for number, (name, cells) in enumerate(by_sheet.items(), start=1):
        grid = grids.get(name)
        title = f"Sheet '{name}'" if name is not None else "The file's cells"
        if grid is None:
            table = _records_only(cells, figures)
            title += " (values only: the sheet could not be read again)"
        else:
            table = _whole(grid, cells, figures)
        parts.append(
            f'<section class="grid" id="s{number}"><h2>{escape(title)}</h2>'
            f'<div class="grid-wrap">{table}</div></section>\n'
        )
    return "".join(parts)


def _read_again(path: Path | None) -> dict[str | None, SheetGrid]:
    """The file's sheets by name, read with the reader the run used; none when it cannot be
    read or a sheet is too large to show whole."""
    if path is None:
        return {}
    from extract.readers import ReadOptions, reader_for

    try:
        with path.open("rb") as handle:
            head = handle.read(8192)
        document = reader_for(path, head).read(path, "", ReadOptions(ocr=False))
    except Exception:  # shown from the records instead, never a crash
        return {}
    return {
        page.sheet.name: page.sheet
        for page in document.pages
        if page.sheet is not None
        and len(page.sheet.rows) <= MAX_ROWS
        and page.sheet.n_cols <= MAX_COLS
    }


def _value_cell(record: JsonDict, figures: dict[str, JsonDict]) -> str:
    rid = escape(str(record["record_id"]))
    return (
        f'<td class="{outcome(record, figures)}" id="r-{rid}" data-rid="{rid}" '
        f'title="{escape(str(record.get("cell_ref")))}">'
        f"{escape(str(record.get('cell_text')))}</td>"
    )


def _whole(grid: SheetGrid, cells: dict[Cell, JsonDict], figures: dict[str, JsonDict]) -> str:
    n_rows = max([len(grid.rows), *(r + 1 for r, _ in cells)])
    n_cols = max([grid.n_cols, *(c + 1 for _, c in cells)])
    head = "".join(f"<th>{column_letters(c)}</th>" for c in range(n_cols))
    rows = [f"<tr><th></th>{head}</tr>"]
    for r in range(n_rows):
        stored = grid.rows[r] if r < len(grid.rows) else ()
        tds = []
        for c in range(n_cols):
            if (r, c) in cells:
                tds.append(_value_cell(cells[(r, c)], figures))
                continue
            value = stored[c] if c < len(stored) else None
            tds.append(f"<td>{escape(value.text) if value is not None else ''}</td>")
        rows.append(f"<tr><th>{r + 1}</th>{''.join(tds)}</tr>")
    return f'<table class="cells">{"".join(rows)}</table>'


def _records_only(cells: dict[Cell, JsonDict], figures: dict[str, JsonDict]) -> str:
    row_numbers = sorted({r for r, _ in cells})
    col_numbers = sorted({c for _, c in cells})
    col_labels = {c: str(rec.get("column_label") or "") for (_, c), rec in sorted(cells.items())}
    row_labels = {r: str(rec.get("row_label") or "") for (r, _), rec in sorted(cells.items())}
    head = "".join(f"<th>{column_letters(c)}<br>{escape(col_labels[c])}</th>" for c in col_numbers)
    rows = [f"<tr><th></th>{head}</tr>"]
    for r in row_numbers:
        tds = [
            _value_cell(cells[(r, c)], figures) if (r, c) in cells else "<td></td>"
            for c in col_numbers
        ]
        rows.append(f"<tr><th>{r + 1} {escape(row_labels[r])}</th>{''.join(tds)}</tr>")
    return f'<table class="cells">{"".join(rows)}</table>'
