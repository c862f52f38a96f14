"""The watch store's figures, kept current as documents arrive.

In: an open SQLite connection holding ``records`` (inside the caller's transaction), the keys
a document touches, the ``Ranking``. Out: each key's ``figures`` row recomputed from every
stored record of that key (deleted when none is left), and the ``conflict_other_document``
flag set or cleared on those records, whichever document they came from.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from functools import partial
from typing import Any

from extract.figures.collect import CONFLICT_OTHER_DOCUMENT, extra_flags
from extract.figures.key import KEY_FIELDS, FigureKey, figure_id, figure_key
from extract.figures.output import figure_row
from extract.figures.ranking import Ranking
from extract.figures.reconcile import reconcile
from extract.figures.sources import source_of
from extract.model import Record
from extract.writers.figure_rows import create_figures_table, upsert_figures
from extract.writers.jsonl import FIELD_NAMES
from extract.writers.sqlite import RECORDS_TABLE

_KEY_COLUMNS = ", ".join(KEY_FIELDS)
_SAME_KEY = " AND ".join(f"{name} IS ?" for name in KEY_FIELDS)


def record_keys(records: Iterable[Record]) -> set[FigureKey]:
    """The figure keys of ``records``."""
    return {figure_key(partial(getattr, record)) for record in records}


def stored_keys(conn: sqlite3.Connection, sha256: str) -> set[FigureKey]:
    """The figure keys of the stored records of the document ``sha256``."""
    rows = conn.execute(
        f"SELECT DISTINCT {_KEY_COLUMNS} FROM {RECORDS_TABLE} WHERE source_sha256 = ?", (sha256,)
    )
    return {figure_key(dict(zip(KEY_FIELDS, row, strict=True)).__getitem__) for row in rows}


def _rows(conn: sqlite3.Connection, key: FigureKey) -> list[dict[str, Any]]:
    cursor = conn.execute(
        f"SELECT {', '.join(FIELD_NAMES)} FROM {RECORDS_TABLE} WHERE {_SAME_KEY} ORDER BY rowid",
        key,
    )
    return [dict(zip(FIELD_NAMES, row, strict=True)) for row in cursor]


def refresh_figures(conn: sqlite3.Connection, keys: Iterable[FigureKey], ranking: Ranking) -> None:
    """Recompute the figure of each of ``keys`` from the stored records, and set or clear
    ``conflict_other_document`` on its records (no commit)."""
    create_figures_table(conn)
    texts: dict[str, str] = {}
    for key in sorted(keys, key=repr):
        rows = _rows(conn, key)
        if not rows:
            conn.execute("DELETE FROM figures WHERE figure_id = ?", (figure_id(key),))
            continue
        figure = reconcile(
            key, [source_of(row.__getitem__, i, texts) for i, row in enumerate(rows)], ranking
        )
        upsert_figures(conn, [figure_row(figure)])
        flagged = extra_flags([figure])
        for row in rows:
            flags = [f for f in json.loads(row["flags"]) if f != CONFLICT_OTHER_DOCUMENT]
            flags = sorted({*flags, *flagged.get(row["record_id"], ())})
            if flags != json.loads(row["flags"]):
                conn.execute(
                    f"UPDATE {RECORDS_TABLE} SET flags = ? WHERE record_id = ?",
                    (json.dumps(flags, ensure_ascii=False), row["record_id"]),
                )
