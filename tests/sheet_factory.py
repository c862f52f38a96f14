"""Small sheets for detection tests: write rows as an xlsx or csv text as a csv, read them with
the ordinary readers and detect their tables; compact views of the tables for assertions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from extract.detect import detect_tables
from extract.model import TableCandidate
from extract.pipeline import read_document

Row = Sequence[Any]


def xlsx_tables(
    path: Path,
    rows: Sequence[Row],
    merges: Sequence[str] = (),
    formats: dict[str, str] | None = None,
) -> list[TableCandidate]:
    """The tables detected in a one-sheet workbook ("Ark1") of ``rows`` (None: empty cell),
    with merged ranges ("A1:A2") and number formats by cell ("D3": "0.0%")."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Ark1"
    for row in rows:
        ws.append(list(row))
    for ref in merges:
        ws.merge_cells(ref)
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    wb.save(path)
    return detect_tables(read_document(path))


def csv_tables(
    path: Path, text: str, encoding: str = "utf-8", bom: bytes = b""
) -> list[TableCandidate]:
    """The tables detected in a csv of ``text``."""
    path.write_bytes(bom + text.encode(encoding))
    return detect_tables(read_document(path))


def row_texts(table: TableCandidate) -> list[tuple[str, tuple[str | None, ...] | None]]:
    """(label, cell texts) per row; None for the cells of a label-only row."""
    return [
        (row.label, tuple(c.text if c else None for c in row.cells) if row.has_values else None)
        for row in table.rows
    ]


def column_labels(table: TableCandidate) -> list[str]:
    """Each value column's header path, levels joined with " / "."""
    return [table.column_label(i) for i in range(len(table.column_headers))]
