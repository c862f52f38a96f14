"""Figure rows out: ``figures.jsonl``, ``figures.csv`` and the SQLite ``figures`` table.

In: figure rows, JSON-ready dicts keyed by ``FIGURE_FIELDS`` (built by ``extract.figures``),
one per figure. Out: JSON Lines (one row a line, keys in that order); CSV (a header row, lists
as JSON text, None as "", text a spreadsheet would run as a formula neutralised as in the
records CSV); SQLite rows of the ``figures`` table (lists as JSON text), upserted by
``figure_id``. The field names are the contract another tool (the review site) reads.
``FigureFiles`` also takes a figure's two lines made beforehand (``write_lines``: the fast
way of ``extract.figures.single``, held to the same bytes by the tests).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from extract.writers.csv import neutralised
from extract.writers.jsonl import json_text

# (field, SQLite declaration), in row order
FIGURE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("figure_id", "TEXT PRIMARY KEY"),
    ("entity_scope", "TEXT NOT NULL"),
    ("municipality_code", "INTEGER"),
    ("municipality", "TEXT"),
    ("period", "TEXT NOT NULL"),
    ("period_type", "TEXT NOT NULL"),
    ("law_area", "TEXT"),
    ("provision", "TEXT"),
    ("measure", "TEXT NOT NULL"),
    ("unit", "TEXT NOT NULL"),
    ("agreement", "TEXT NOT NULL"),
    ("spread", "REAL"),
    ("preferred_record_id", "TEXT"),
    ("preferred_value", "REAL"),
    ("cooperation", "TEXT NOT NULL"),
    ("sources", "TEXT NOT NULL"),
)
FIGURE_FIELDS: tuple[str, ...] = tuple(name for name, _ in FIGURE_COLUMNS)
FIGURE_LIST_FIELDS = frozenset({"cooperation", "sources"})
FIGURES_JSONL = "figures.jsonl"
FIGURES_CSV = "figures.csv"
FIGURES_DDL = (
    "CREATE TABLE IF NOT EXISTS figures (\n  "
    + ",\n  ".join(f"{name} {decl}" for name, decl in FIGURE_COLUMNS)
    + "\n)"
)
FIGURE_INDEXES: tuple[tuple[str, str], ...] = (
    ("figures_entity", "municipality_code, law_area, measure, period"),
    ("figures_agreement", "agreement"),
)


def figure_json(row: Mapping[str, Any]) -> str:
    """One figure row as a line of JSON, keys in ``FIGURE_FIELDS`` order."""
    return json_text({name: row[name] for name in FIGURE_FIELDS})


def figure_csv_cell(name: str, value: Any) -> Any:
    """The CSV cell of field ``name`` holding ``value``: lists as JSON text, None as "",
    text neutralised, numbers as they are (``csv.writer`` writes their ``str``)."""
    if value is None:
        return ""
    if name in FIGURE_LIST_FIELDS:
        return neutralised(json_text(value))
    return value if not isinstance(value, str) else neutralised(value)


def figure_csv_row(row: Mapping[str, Any]) -> list[Any]:
    """One figure row's CSV cells (``figure_csv_cell``)."""
    return [figure_csv_cell(name, row[name]) for name in FIGURE_FIELDS]


FIGURES_CSV_END = "\n"  # figures.csv's line end (its delimiter: csv's ",")
_CHUNK = 512  # rows written to the files at once


class FigureFiles:
    """``figures.jsonl`` and ``figures.csv`` in a folder, written a row at a time (a header
    row first in the CSV); use as a context manager."""

    def __init__(self, out: Path) -> None:
        self.jsonl_path, self.csv_path = out / FIGURES_JSONL, out / FIGURES_CSV
        self._jsonl = self.jsonl_path.open("w", encoding="utf-8")
        self._csv_file = self.csv_path.open("w", encoding="utf-8", newline="")
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator=FIGURES_CSV_END)
        self._json_lines: list[str] = []
        self._csv_lines = [self._csv_line(FIGURE_FIELDS)]

    def _csv_line(self, cells: Iterable[Any]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._csv.writerow(cells)
        return self._buffer.getvalue()

    def write(self, row: Mapping[str, Any]) -> None:
        """Add one figure row to both files."""
        self.write_lines(figure_json(row) + "\n", self._csv_line(figure_csv_row(row)))

    def write_lines(self, json_line: str, csv_line: str) -> None:
        """Add one figure's lines, made beforehand (line ends included), to both files."""
        self._json_lines.append(json_line)
        self._csv_lines.append(csv_line)
        if len(self._json_lines) >= _CHUNK:
            self._flush()

    def _flush(self) -> None:
        self._jsonl.write("".join(self._json_lines))
        self._csv_file.write("".join(self._csv_lines))
        self._json_lines.clear()
        self._csv_lines.clear()

    def __enter__(self) -> FigureFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._flush()
        finally:
            self._jsonl.close()
            self._csv_file.close()


def read_figures_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The figure rows of a ``figures.jsonl``, one at a time."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def create_figures_table(conn: sqlite3.Connection) -> None:
    """Create the ``figures`` table and its indexes if they do not exist."""
    conn.execute(FIGURES_DDL)
    for name, columns in FIGURE_INDEXES:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON figures ({columns})")


def upsert_figures(conn: sqlite3.Connection, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert figure rows, replacing those with the same ``figure_id`` (no commit)."""
    conn.executemany(
        f"INSERT OR REPLACE INTO figures ({', '.join(FIGURE_FIELDS)}) "
        f"VALUES ({', '.join('?' for _ in FIGURE_FIELDS)})",
        (
            tuple(
                json_text(row[name]) if name in FIGURE_LIST_FIELDS else row[name]
                for name in FIGURE_FIELDS
            )
            for row in rows
        ),
    )
