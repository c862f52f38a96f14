"""The watch store: ``DIR/ankestat.sqlite``, one transaction per document.

Two tables: ``records`` (the record contract, shared with the ``sqlite`` writer, upserted by
``record_id``) and ``documents`` (one row per document, keyed by the sha256 of its bytes). A
document's records and its ``documents`` row are committed together, so the store holds a
document completely or not at all. In: ``FileResult``s. Out: ``KnownDocument`` look-ups.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from extract import __version__
from extract.results import FileResult
from extract.writers.report import file_json
from extract.writers.sqlite import RECORDS_TABLE, create_records_table, upsert_records

STORE_NAME = "ankestat.sqlite"

DOCUMENTS_DDL = """CREATE TABLE IF NOT EXISTS documents (
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  error TEXT,
  records INTEGER NOT NULL,
  report TEXT NOT NULL,
  engine_version TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  read_with TEXT
)"""
# Columns added since the first stores; an older store gets them when opened.
_ADDED_COLUMNS = {"read_with": "TEXT"}

_DELETE_RECORDS = f"DELETE FROM {RECORDS_TABLE} WHERE source_sha256 = ?"
_KNOWN = "SELECT sha256, name, status, error, processed_at, report, read_with FROM documents"
# The run report's entry for a file, minus what differs between two runs on the same bytes.
_VOLATILE_REPORT_KEYS = ("path", "seconds")


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """A document already in the store: its name when first seen, status and failure reason;
    its run report entry and what it was read with (JSON; None in a store older than that)."""

    sha256: str
    name: str
    status: str
    error: str | None
    processed_at: str
    report: str = "{}"
    read_with: str | None = None


class StoreError(Exception):
    """The store cannot be opened or written; the message names the file and the reason."""


class Store:
    """The SQLite store in an output folder; use as a context manager."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / STORE_NAME
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            # autocommit mode: transactions are opened explicitly in ``commit_document``
            self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")  # committed = on disk, then the move
            self._conn.execute(DOCUMENTS_DDL)
            columns = {row[1] for row in self._conn.execute("PRAGMA table_info(documents)")}
            for name, kind in _ADDED_COLUMNS.items():
                if name not in columns:
                    self._conn.execute(f"ALTER TABLE documents ADD COLUMN {name} {kind}")
            create_records_table(self._conn)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (an open transaction is rolled back)."""
        self._conn.close()

    def known(self, sha256: str) -> KnownDocument | None:
        """The stored document with this sha256, or None."""
        row = self._conn.execute(f"{_KNOWN} WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else KnownDocument(*row)

    def documents(self) -> list[KnownDocument]:
        """Every stored document, oldest first."""
        return [KnownDocument(*row) for row in self._conn.execute(f"{_KNOWN} ORDER BY rowid")]

    def commit_document(
        self, result: FileResult, sha256: str, read_with: Mapping[str, Any] | None = None
    ) -> None:
        """Store ``result``'s records and its ``documents`` row in one transaction, with what it
        was read with (``rereads.read_with``); the records of an earlier reading of the same
        bytes are replaced, none left behind."""
        report = {k: v for k, v in file_json(result).items() if k not in _VOLATILE_REPORT_KEYS}
        row = (
            sha256,
            result.source_file,
            str(result.status),
            result.error,
            len(result.records),
            json.dumps(report, ensure_ascii=False, allow_nan=False),
            __version__,
            datetime.now(UTC).isoformat(timespec="seconds"),
            None if read_with is None else json.dumps(dict(read_with), sort_keys=True),
        )
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute(
                    f"DELETE FROM {RECORDS_TABLE} WHERE source_sha256 = ?", (sha256,)
                )
                upsert_records(self._conn, result.records)
                self._conn.execute(
                    "INSERT OR REPLACE INTO documents (sha256, name, status, error, records, "
                    "report, engine_version, processed_at, read_with) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {result.source_file} ({exc})") from exc
