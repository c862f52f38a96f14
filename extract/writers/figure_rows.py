"""Figure rows out: ``figures.jsonl``, ``figures.csv`` and the SQLite ``figures`` table.

In: figure rows, JSON-ready dicts keyed by ``FIGURE_FIELDS`` (built by ``extract.figures``),
one per figure. Out: JSON Lines (one row a line, keys in that order); CSV (a header row, lists
as JSON text, None as "", text a spreadsheet would run as a formula neutralised as in the
records CSV); SQLite rows of the ``figures`` table (lists as JSON text), upserted by
``figure_id``. The field names are the contract another tool (the review site) reads.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from extract.writers.csv import neutralised

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


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def figure_json(row: Mapping[str, Any]) -> str:
    """One figure row as a line of JSON, keys in ``FIGURE_FIELDS`` order."""
    return _json({name: row[name] for name in FIGURE_FIELDS})


def _csv_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in FIGURE_LIST_FIELDS:
        return neutralised(_json(value))
    return value if not isinstance(value, str) else neutralised(value)


def figure_csv_row(row: Mapping[str, Any]) -> list[str]:
    """One figure row's CSV cells: lists as JSON text, None as "", formulas neutralised."""
    return [_csv_cell(name, row[name]) for name in FIGURE_FIELDS]


class FigureFiles:
    """``figures.jsonl`` and ``figures.csv`` in a folder, written a row at a time (a header
    row first in the CSV); use as a context manager."""

    def __init__(self, out: Path) -> None:
        self.jsonl_path, self.csv_path = out / FIGURES_JSONL, out / FIGURES_CSV
        self._jsonl = self.jsonl_path.open("w", encoding="utf-8")
        self._csv_file = self.csv_path.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._csv_file, lineterminator="\n")
        self._csv.writerow(FIGURE_FIELDS)

    def write(self, row: Mapping[str, Any]) -> None:
        """Add one figure row to both files."""
        self._jsonl.write(figure_json(row) + "\n")
        self._csv.writerow(figure_csv_row(row))

    def __enter__(self) -> FigureFiles:
        return self

    def __exit__(self, *exc: object) -> None:
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
                _json(row[name]) if name in FIGURE_LIST_FIELDS else row[name]
                for name in FIGURE_FIELDS
            )
            for row in rows
        ),
    )
