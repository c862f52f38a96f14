"""The watch store: ``DIR/ankestat.sqlite``, one transaction per document.

The tables of the ``sqlite`` writer: ``records`` (the record contract, upserted by
``record_id``), ``documents`` (one row per document, keyed by the sha256 of its bytes),
``findings`` and the reference tables (``extract.writers.sqlite_tables``); Datasette's
``metadata.json`` beside it. A document's records, findings and ``documents`` row are
committed together, so the store holds a document completely or not at all; in the same
transaction the ``figures`` of every key the document touches are recomputed, and the flag
``conflict_other_document`` set or cleared on their records (``extract.figures.store``). In:
``FileResult``s. Out: ``KnownDocument`` look-ups.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from extract import __version__
from extract.figures.ranking import Ranking
from extract.figures.store import record_keys, refresh_figures, stored_keys
from extract.normalise.reference import Reference
from extract.results import FileResult
from extract.writers.datasette import write_metadata
from extract.writers.figure_rows import create_figures_table
from extract.writers.report import file_json
from extract.writers.sqlite import (
    RECORDS_TABLE,
    SqliteWriter,
    create_records_table,
    upsert_records,
)
from extract.writers.sqlite_tables import (
    create_tables,
    document_row,
    fill_reference,
    insert_findings,
    upsert_document,
)

STORE_NAME = SqliteWriter.file_name

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
    """The SQLite store in an output folder; use as a context manager. ``ranking`` names a
    figure's preferred source (none: the first in the order stored)."""

    def __init__(
        self,
        out_dir: Path,
        reference: Reference | None = None,
        ranking: Ranking | None = None,
    ) -> None:
        self.path = out_dir / STORE_NAME
        self.ranking = ranking or Ranking()
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            # autocommit mode: transactions are opened explicitly in ``commit_document``
            self._conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")  # committed = on disk, then the move
            create_records_table(self._conn)
            create_tables(self._conn)
            create_figures_table(self._conn)
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                fill_reference(self._conn, reference)
            write_metadata(self.path)
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
        bytes are replaced, none left behind. The figures of the keys of both readings are
        recomputed in the same transaction."""
        report = {k: v for k, v in file_json(result).items() if k not in _VOLATILE_REPORT_KEYS}
        row = document_row(
            replace(result, source_sha256=sha256),
            report,
            __version__,
            datetime.now(UTC).isoformat(timespec="seconds"),
            read_with=None if read_with is None else json.dumps(dict(read_with), sort_keys=True),
        )
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                keys = stored_keys(self._conn, sha256) | record_keys(result.records)
                self._conn.execute(
                    f"DELETE FROM {RECORDS_TABLE} WHERE source_sha256 = ?", (sha256,)
                )
                self._conn.execute("DELETE FROM findings WHERE sha256 = ?", (sha256,))
                upsert_records(self._conn, result.records)
                insert_findings(self._conn, replace(result, source_sha256=sha256))
                upsert_document(self._conn, row)
                refresh_figures(self._conn, keys, self.ranking)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot store {result.source_file} ({exc})") from exc
