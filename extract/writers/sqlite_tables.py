"""The SQLite tables besides ``records`` that the ``sqlite`` writer and the watch store share.

``documents``: one row per document read (keyed by the sha256 of its bytes; a path that could
not be read has none), with its status, counts and run-report entry. ``findings``: one row per
finding, with the document's sha256 and the record ids it concerns (JSON text). Reference
tables, so a query or Datasette can name things: ``municipalities``, ``cooperations``,
``law_areas``, ``measures`` (from the rules' reference data) and ``flags``, ``finding_codes``
(codes with their meanings, from ``extract.codes``). Indexes serve the usual questions: one
municipality's measure over the years, every municipality's measure in one period, a
document's records.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from extract.codes import FINDING_MEANINGS, FLAG_MEANINGS
from extract.normalise.reference import Reference
from extract.results import FileResult

# (column, declaration); a store older than a column gets it added (nullable) when opened.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("sha256", "TEXT UNIQUE"),
    ("name", "TEXT NOT NULL"),
    ("path", "TEXT"),
    ("status", "TEXT NOT NULL"),
    ("error", "TEXT"),
    ("failure", "TEXT"),
    ("document_type", "TEXT"),
    ("pages", "INTEGER"),
    ("records", "INTEGER NOT NULL"),
    ("tables_mapped", "INTEGER"),
    ("tables_unmapped", "INTEGER"),
    ("findings", "INTEGER"),
    ("copies", "TEXT"),
    ("report", "TEXT NOT NULL"),
    ("engine_version", "TEXT NOT NULL"),
    ("processed_at", "TEXT NOT NULL"),
    ("read_with", "TEXT"),
)
DOCUMENT_NAMES = tuple(name for name, _ in DOCUMENT_COLUMNS)

FINDINGS_DDL = """CREATE TABLE IF NOT EXISTS findings (
  sha256 TEXT,
  source_file TEXT NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  page INTEGER,
  table_id TEXT,
  record_ids TEXT NOT NULL
)"""

REFERENCE_DDL = (
    """CREATE TABLE IF NOT EXISTS municipalities (
  code INTEGER PRIMARY KEY, name TEXT NOT NULL, region TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS cooperations (
  deciding_code INTEGER NOT NULL, deciding TEXT NOT NULL, delegating_code INTEGER NOT NULL,
  delegating TEXT NOT NULL, area TEXT NOT NULL, from_year INTEGER, to_year INTEGER,
  source TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS law_areas (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, labels TEXT NOT NULL, from_year INTEGER)""",
    """CREATE TABLE IF NOT EXISTS measures (
  code TEXT PRIMARY KEY, unit TEXT NOT NULL, share TEXT, counts TEXT,
  has_law INTEGER NOT NULL, national INTEGER NOT NULL, labels TEXT NOT NULL)""",
    "CREATE TABLE IF NOT EXISTS flags (code TEXT PRIMARY KEY, meaning TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS finding_codes (code TEXT PRIMARY KEY, meaning TEXT NOT NULL)",
)

# The usual questions, each served by an index on ``records`` (name, columns).
RECORD_INDEXES: tuple[tuple[str, str], ...] = (
    ("records_entity", "municipality_code, law_area, measure, period"),
    ("records_measure", "measure, law_area, period"),
    ("records_document", "source_sha256, table_id"),
)
OTHER_INDEXES: tuple[tuple[str, str, str], ...] = (
    ("findings_document", "findings", "sha256"),
    ("findings_code", "findings", "code"),
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def documents_ddl() -> str:
    """The ``documents`` table's CREATE statement."""
    columns = ",\n  ".join(f"{name} {decl}" for name, decl in DOCUMENT_COLUMNS)
    return f"CREATE TABLE IF NOT EXISTS documents (\n  {columns}\n)"


def create_tables(conn: sqlite3.Connection) -> None:
    """Create ``documents``, ``findings``, the reference tables and every index (the
    ``records`` table must exist); a ``documents`` table from an older store gets the columns
    it lacks."""
    conn.execute(documents_ddl())
    have = {row[1] for row in conn.execute("PRAGMA table_info(documents)")}
    for name, decl in DOCUMENT_COLUMNS:
        if name not in have:
            conn.execute(f"ALTER TABLE documents ADD COLUMN {name} {decl.split()[0]}")
    conn.execute(FINDINGS_DDL)
    for ddl in REFERENCE_DDL:
        conn.execute(ddl)
    for name, columns in RECORD_INDEXES:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON records ({columns})")
    for name, table, columns in OTHER_INDEXES:
        conn.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def document_row(
    result: FileResult,
    report: dict[str, Any],
    engine_version: str,
    processed_at: str,
    copies: Sequence[str] = (),
    read_with: str | None = None,
) -> tuple[Any, ...]:
    """The ``documents`` row of ``result`` (``report``: its run-report entry; ``copies``: the
    paths of identical files not read again), in ``DOCUMENT_NAMES`` order."""
    mapped = sum(1 for t in result.tables if t.rule_id is not None)
    return (
        result.source_sha256,
        result.source_file,
        result.path,
        str(result.status),
        result.error,
        None if result.failure is None else str(result.failure),
        result.document_type,
        result.pages,
        result.record_count,
        mapped,
        len(result.tables) - mapped,
        len(result.findings),
        _json(list(copies)) if copies else None,
        _json(report),
        engine_version,
        processed_at,
        read_with,
    )


def upsert_document(conn: sqlite3.Connection, row: tuple[Any, ...]) -> None:
    """Insert a ``documents`` row, replacing the one with the same sha256 (no commit)."""
    conn.execute(
        f"INSERT OR REPLACE INTO documents ({', '.join(DOCUMENT_NAMES)}) "
        f"VALUES ({', '.join('?' for _ in DOCUMENT_NAMES)})",
        row,
    )


def insert_findings(conn: sqlite3.Connection, result: FileResult) -> None:
    """Insert ``result``'s findings (no commit)."""
    conn.executemany(
        "INSERT INTO findings (sha256, source_file, code, severity, message, page, table_id, "
        "record_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                result.source_sha256,
                result.source_file,
                str(f.code),
                str(f.severity),
                f.message,
                f.page,
                f.table_id,
                _json(list(f.record_ids)),
            )
            for f in result.findings
        ),
    )


def _reference_rows(reference: Reference) -> dict[str, Iterable[tuple[Any, ...]]]:
    """The rows of each reference table, from the rules' reference data."""
    cooperations = (
        (c.deciding_code, c.deciding, c.delegating_code, c.delegating, c.area)
        for c in reference.cooperations
    )
    bounds = ((c.from_year, c.to_year, c.source) for c in reference.cooperations)
    measures = (
        (m.code, m.unit, m.share, m.counts, int(m.has_law), int(m.national))
        for m in reference.measures
    )
    labels = ((_json(list(m.labels)),) for m in reference.measures)
    return {
        "municipalities": ((m.code, m.name, m.region) for m in reference.municipalities),
        "cooperations": (who + when for who, when in zip(cooperations, bounds, strict=True)),
        "law_areas": (
            (a.code, a.name, _json(list(a.labels)), a.from_year) for a in reference.law_areas
        ),
        "measures": (what + named for what, named in zip(measures, labels, strict=True)),
    }


def fill_reference(conn: sqlite3.Connection, reference: Reference | None) -> None:
    """Fill the reference tables (replacing what they held): the codes' meanings always, the
    rules' reference data when given (no commit)."""
    tables: dict[str, Iterable[tuple[Any, ...]]] = {
        "flags": ((str(c), m) for c, m in FLAG_MEANINGS.items()),
        "finding_codes": ((str(c), m) for c, m in FINDING_MEANINGS.items()),
    }
    if reference is not None:
        tables.update(_reference_rows(reference))
    for table, rows in tables.items():
        conn.execute(f"DELETE FROM {table}")
        for row in rows:
            conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' for _ in row)})", row)
