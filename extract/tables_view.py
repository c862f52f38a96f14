"""``ankestat tables``: what the detection stage sees, for rule authors.

In: files. Out: every TableCandidate as JSON (one object per table) or as readable text, with
``grid`` also the cell grid of each page the table covers (cells with row, col, spans, text,
bbox); or, as CSV, one row per grid cell.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Literal

from extract.detect import DetectedTable, detect_table_grids
from extract.detect.export import CSV_FIELDS, grid_csv_rows, grid_data
from extract.model import ExitCode, TableCandidate
from extract.pipeline import read_document
from extract.readers import ReadOptions, UnreadableInput

View = Literal["json", "text", "csv"]


def table_json(
    source: str, table: TableCandidate, detected: DetectedTable | None = None
) -> dict[str, object]:
    """A table candidate as plain JSON data; with ``detected``, also its page grids."""
    data = asdict(table)
    data["source_file"] = source
    data["column_labels"] = [table.column_label(i) for i in range(len(table.column_headers))]
    if detected is not None:
        data["grids"] = [grid_data(grid) for grid in detected.grids]
    return data


def grid_text(detected: DetectedTable) -> list[str]:
    """The page grids of a table as lines of text: one line per non-empty cell."""
    lines: list[str] = []
    for grid in detected.grids:
        lines.append(f"  grid page {grid.page}: {grid.n_rows} rows x {grid.n_cols} columns")
        for cell in sorted(grid.cells, key=lambda cell: (cell.row0, cell.col0)):
            rows, cols = cell.row1 - cell.row0 + 1, cell.col1 - cell.col0 + 1
            span = f" span {rows}x{cols}" if (rows, cols) != (1, 1) else ""
            if cell.words:
                lines.append(f"    r{cell.row0} c{cell.col0}{span}: {cell.text}")
    return lines


def table_text(table: TableCandidate) -> list[str]:
    """A table candidate as lines of text."""
    where = f"pages {', '.join(map(str, table.pages))}"
    if table.detector == "sheet":  # spreadsheet tables have no pages: name the sheet and stub
        where = f"sheet {table.sheet!r}, stub {table.stub_header!r}"
    lines = [
        f"--- table {table.table_id} ({where}, {table.detector})",
        f"caption: {table.caption}",
        f"title:   {table.title}",
    ]
    for i in range(len(table.column_headers)):
        lines.append(f"  col {i + 1}: {table.column_label(i)}")
    for row in table.rows:
        cells = " | ".join(c.text if c else "" for c in row.cells)
        lines.append(f"  [{row.page}] {row.label!r}: {cells}")
    lines.extend(f"note: {note}" for note in table.notes)
    return lines


def show_tables(
    files: Sequence[Path],
    view: View = "json",
    grid: bool = False,
    options: ReadOptions | None = None,
) -> int:
    """Print the tables of each file (``csv``: one row per grid cell); exit code 1 if any file
    could not be read."""
    code = ExitCode.OK
    writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS) if view == "csv" else None
    if writer is not None:
        writer.writeheader()
    for path in files:
        try:
            document = read_document(path, options)
        except UnreadableInput as exc:
            print(f"ankestat: {path}: {exc}", file=sys.stderr)
            code = ExitCode.SOME_FAILED
            continue
        for detected in detect_table_grids(document):
            table = detected.candidate
            if writer is not None:
                for page_grid in detected.grids:
                    writer.writerows(grid_csv_rows(path.name, table.table_id, page_grid))
            elif view == "text":
                print("\n".join(table_text(table) + (grid_text(detected) if grid else [])))
            else:
                data = table_json(path.name, table, detected if grid else None)
                print(json.dumps(data, ensure_ascii=False))
    return code
