"""``ankestat tables``: what the detection stage sees, and (``--explain``) what the
interpreter reads in it; ``ankestat rules suggest``: draft rules for what it could not read.

In: files. Out: every TableCandidate as JSON (one object per table) or as readable text, with
``grid`` also the cell grid of each page the table covers (cells with row, col, spans, text,
bbox); or, as CSV, one row per grid cell. With a rulebook to explain with, each table's text is
followed by the reading of its context, headers and labels.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Literal

from extract.detect import DetectedTable, detect_table_grids
from extract.detect.export import CSV_FIELDS, grid_csv_rows, grid_data
from extract.errors import ExitCode
from extract.interpret.classify import document_context
from extract.interpret.explain import explain_lines, suggest_rule
from extract.interpret.ocr_labels import repair_labels
from extract.interpret.ocr_lexicon import repair_page
from extract.interpret.rulebook import Rulebook
from extract.interpret.table import Interpreter
from extract.model import Document, TableCandidate
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
        f"title:   {' / '.join(table.title.splitlines()) if table.title else None}",
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
    explain: Rulebook | None = None,
) -> int:
    """Print the tables of each file (``csv``: one row per grid cell; with ``explain``, text
    with the interpreter's reading); exit code 1 if any file could not be read."""
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
        if explain is not None:
            print("\n".join(_explained(document, explain)))
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


def _explained(document: Document, rulebook: Rulebook) -> list[str]:
    """Each table of a document as text, followed by the interpreter's reading of it."""
    document = _repaired(document, rulebook)
    context = document_context(document, rulebook)
    interpreter = Interpreter(rulebook)
    lines = [f"=== {document.name}: document type {context.document_type}"]
    here = context
    for before, detected in enumerate(detect_table_grids(document)):
        (table,) = repair_labels([detected.candidate], rulebook.lexicon)
        lines += table_text(table)
        read = interpreter.interpret(table, replace(here, tables_before=before))
        here = here.after(table, read.context.named("entity"), read.context.named("period"))
        lines += explain_lines(read, rulebook.reference)
    return lines


def suggest_rules(
    files: Sequence[Path], rulebook: Rulebook, options: ReadOptions | None = None
) -> int:
    """Print a draft rule for every table the interpreter could not read completely; exit
    code 1 if any file could not be read."""
    code = ExitCode.OK
    drafts = 0
    for path in files:
        try:
            document = _repaired(read_document(path, options), rulebook)
        except UnreadableInput as exc:
            print(f"ankestat: {path}: {exc}", file=sys.stderr)
            code = ExitCode.SOME_FAILED
            continue
        context = document_context(document, rulebook)
        interpreter = Interpreter(rulebook)
        for detected in detect_table_grids(document):
            (table,) = repair_labels([detected.candidate], rulebook.lexicon)
            read = interpreter.interpret(table, context)
            draft = suggest_rule(table, read, source=path.name, document_type=context.document_type)
            if draft is not None:
                print(("---\n" if drafts else "") + draft, end="")
                drafts += 1
    if not drafts:
        print("# every table was read completely: no rule needed", file=sys.stderr)
    return code


def _repaired(document: Document, rulebook: Rulebook) -> Document:
    """The document with OCR'd words repaired, as the pipeline reads it."""
    pages = tuple(repair_page(page, rulebook.lexicon) for page in document.pages)
    return replace(document, pages=pages)
