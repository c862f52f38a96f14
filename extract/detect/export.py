"""The cell grids detection found, as plain data (for ``ankestat tables --grid`` and benchmarks).

In: ``Grid``s. Out: JSON-ready dicts (page, detector, bbox, rows x columns, every cell with its
row, column, spans, text and bbox) and flat CSV rows. Rows and columns count from 0; column 0
is the stub (row labels); bboxes are (x0, top, x1, bottom) in points, origin top-left.
"""

from __future__ import annotations

from extract.detect.grid import Grid, GridCell
from extract.model import BBox

CSV_FIELDS = (
    "source_file",
    "table_id",
    "page",
    "row",
    "col",
    "row_span",
    "col_span",
    "text",
    "x0",
    "top",
    "x1",
    "bottom",
)


def _rounded(bbox: BBox | None) -> list[float] | None:
    return None if bbox is None else [round(v, 2) for v in bbox]


def cell_data(cell: GridCell) -> dict[str, object]:
    """One grid cell: row, col, row_span, col_span, text and bbox (None when empty)."""
    return {
        "row": cell.row0,
        "col": cell.col0,
        "row_span": cell.row1 - cell.row0 + 1,
        "col_span": cell.col1 - cell.col0 + 1,
        "text": cell.text,
        "bbox": _rounded(cell.bbox),
    }


def grid_data(grid: Grid) -> dict[str, object]:
    """One page's grid: page, detector, bbox, n_rows, n_cols and its cells in reading order."""
    return {
        "page": grid.page,
        "detector": grid.detector,
        "bbox": _rounded(grid.bbox),
        "n_rows": grid.n_rows,
        "n_cols": grid.n_cols,
        "cells": [cell_data(cell) for cell in _reading_order(grid)],
    }


def _reading_order(grid: Grid) -> list[GridCell]:
    return sorted(grid.cells, key=lambda cell: (cell.row0, cell.col0))


def grid_csv_rows(source: str, table_id: str, grid: Grid) -> list[dict[str, object]]:
    """One CSV row (keys ``CSV_FIELDS``) per cell of the grid."""
    rows: list[dict[str, object]] = []
    for cell in _reading_order(grid):
        bbox = _rounded(cell.bbox)
        data: dict[str, object] = {"source_file": source, "table_id": table_id, "page": grid.page}
        data |= cell_data(cell)
        del data["bbox"]
        for index, key in enumerate(("x0", "top", "x1", "bottom")):
            data[key] = None if bbox is None else bbox[index]
        rows.append(data)
    return rows
