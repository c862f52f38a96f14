"""``ankestat tables``: what the detection stage sees, for rule authors.

In: files. Out: every TableCandidate as JSON (one object per table) or as readable text.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from extract.detect import detect_tables
from extract.model import ExitCode, TableCandidate
from extract.pipeline import read_document
from extract.readers import ReadOptions, UnreadableInput


def table_json(source: str, table: TableCandidate) -> dict[str, object]:
    """A table candidate as plain JSON data."""
    data = asdict(table)
    data["source_file"] = source
    data["column_labels"] = [table.column_label(i) for i in range(len(table.column_headers))]
    return data


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


def show_tables(files: Sequence[Path], as_text: bool, options: ReadOptions | None = None) -> int:
    """Print the tables of each file; exit code 1 if any file could not be read."""
    code = ExitCode.OK
    for path in files:
        try:
            document = read_document(path, options)
        except UnreadableInput as exc:
            print(f"ankestat: {path}: {exc}", file=sys.stderr)
            code = ExitCode.SOME_FAILED
            continue
        for table in detect_tables(document):
            if as_text:
                print("\n".join(table_text(table)))
            else:
                print(json.dumps(table_json(path.name, table), ensure_ascii=False))
    return code
