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
from collections.abc import Iterable, Mapping
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


def write_figures_jsonl(rows: Iterable[Mapping[str, Any]], path: Path) -> None:
    """One figure row a line, keys in ``FIGURE_FIELDS`` order."""
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(_json({name: row[name] for name in FIGURE_FIELDS}) + "\n")


def _csv_cell(name: str, value: Any) -> str:
    if value is None:
        return ""
    if name in FIGURE_LIST_FIELDS:
        return neutralised(_json(value))
    return value if not isinstance(value, str) else neutralised(value)


def write_figures_csv(rows: Iterable[Mapping[str, Any]], path: Path) -> None:
    """A header row, then one row per figure; lists as JSON text, formulas neutralised."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(FIGURE_FIELDS)
        writer.writerows([_csv_cell(name, row[name]) for name in FIGURE_FIELDS] for row in rows)


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
