"""SQLite writer, and the ``records`` table that the watch store shares with it (the other
tables: ``extract.writers.sqlite_tables``).

The table has exactly the contract fields, in contract order. Column types come from the
``Record`` annotations: ``int`` -> INTEGER, ``float`` -> REAL, everything else TEXT; NOT NULL
unless the field may be None. List fields (``cooperation``, ``flags``, ``bbox``) are JSON text,
as in the CSV. ``record_id`` is the primary key, and rows are upserted by it.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import Record
from extract.writers.csv import LIST_FIELDS
from extract.writers.datasette import write_metadata
from extract.writers.figure_rows import create_figures_table, upsert_figures
from extract.writers.jsonl import FIELD_NAMES, record_dict
from extract.writers.sqlite_tables import (
    create_tables,
    document_row,
    fill_reference,
    insert_findings,
    upsert_document,
)

if TYPE_CHECKING:
    from extract.writers import WriteOptions

RECORDS_TABLE = "records"


def _column(name: str, annotation: str) -> str:
    kinds = {part.strip() for part in annotation.split("|")}
    nullable = "None" in kinds
    kinds.discard("None")
    sql_type = {"int": "INTEGER", "float": "REAL"}.get(kinds.pop() if len(kinds) == 1 else "")
    text = f"{name} {sql_type or 'TEXT'}"
    if name == "record_id":
        return text + " PRIMARY KEY"
    return text if nullable else text + " NOT NULL"


RECORDS_DDL = (
    f"CREATE TABLE IF NOT EXISTS {RECORDS_TABLE} (\n  "
    + ",\n  ".join(_column(f.name, str(f.type)) for f in fields(Record))
    + "\n)"
)

_UPSERT = (
    f"INSERT INTO {RECORDS_TABLE} ({', '.join(FIELD_NAMES)}) "
    f"VALUES ({', '.join('?' for _ in FIELD_NAMES)}) "
    "ON CONFLICT(record_id) DO UPDATE SET "
    + ", ".join(f"{n} = excluded.{n}" for n in FIELD_NAMES if n != "record_id")
)


def record_row(record: Record) -> tuple[Any, ...]:
    """Return the SQLite row of ``record``: contract order, list fields as JSON text."""
    data = record_dict(record)
    return tuple(
        json.dumps(data[name], ensure_ascii=False, allow_nan=False)
        if name in LIST_FIELDS and data[name] is not None
        else data[name]
        for name in FIELD_NAMES
    )


def create_records_table(conn: sqlite3.Connection) -> None:
    """Create the ``records`` table if it does not exist (its indexes: ``create_tables``)."""
    conn.execute(RECORDS_DDL)


def upsert_records(conn: sqlite3.Connection, records: Iterable[Record]) -> None:
    """Insert ``records``, replacing rows with the same ``record_id`` (no commit)."""
    conn.executemany(_UPSERT, (record_row(r) for r in records))


class SqliteWriter:
    """SQLite database ``ankestat.sqlite``: ``records``, ``documents``, ``findings``, the
    reference tables (``extract.writers.sqlite_tables``) and ``figures``
    (``extract.writers.figure_rows``), and Datasette's ``metadata.json`` beside it."""

    name = "sqlite"
    suffix = ".sqlite"
    file_name = "ankestat.sqlite"
    requires: tuple[str, ...] = ()
    description = (
        "SQLite database: records, documents, findings, figures and reference tables, with "
        "Datasette's metadata.json beside it"
    )

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write ``records``, and the documents and findings of ``options.results``, to a new
        database at ``path`` (replacing it as a whole), then ``metadata.json`` beside it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        conn = sqlite3.connect(partial)
        try:
            with conn:
                create_records_table(conn)
                create_tables(conn)
                upsert_records(conn, records)
                _write_documents(conn, options)
                fill_reference(conn, options.reference)
                create_figures_table(conn)
                if options.figure_rows is not None:
                    upsert_figures(conn, options.figure_rows())
        finally:
            conn.close()
        os.replace(partial, path)
        write_metadata(path)


def _write_documents(conn: sqlite3.Connection, options: WriteOptions) -> None:
    """One ``documents`` row per distinct document of ``options.results`` (a copy of one
    already read is named in that one's ``copies``), and every file's findings."""
    from extract.writers.report import file_json

    copies: dict[str | None, list[str]] = {}
    for result in options.results:
        if result.copy_of is not None:
            copies.setdefault(result.source_sha256, []).append(result.path)
    for result in options.results:
        insert_findings(conn, result)
        if result.copy_of is None:
            copies_of = copies.get(result.source_sha256, []) if result.source_sha256 else []
            upsert_document(
                conn,
                document_row(
                    result, file_json(result), options.engine_version, options.started, copies_of
                ),
            )
