"""The watched inbox reads a stored document again when it was read with less than the
watcher has now (OCR off, an older engine, other rules), or when asked (``--reprocess``)."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from extract.cli import main
from extract.watch.rereads import why_read_again
from extract.watch.store import Store
from tests.conftest import SAMPLES
from tests.pdf_factory import image_only_pdf

SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"  # 42 records


@pytest.fixture
def messages() -> Iterator[list[str]]:
    """The watcher's log messages, collected."""
    lines: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(record.getMessage())

    logger, handler = logging.getLogger("ankestat.watch"), Collect(logging.INFO)
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lines
    logger.removeHandler(handler)
    logger.setLevel(level)


def _once(inbox: Path, out: Path, *extra: str) -> int:
    return main(["watch", str(inbox), "--out", str(out), "--once", "--settle", "0", *extra])


def _stored(out: Path) -> list[tuple[str, str, int]]:
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        documents = conn.execute("SELECT name, status, records FROM documents").fetchall()
        count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    assert sum(row[2] for row in documents) == count  # no record of an earlier reading left
    return [tuple(row) for row in documents]


@pytest.mark.slow  # OCR of a scan, twice
def test_a_scan_stored_while_ocr_was_off_is_read_again_once_it_is_on(
    tmp_path: Path, messages: list[str]
) -> None:
    """A scanned reply stored with --no-ocr (partial, no records) is read again from done/
    when the watcher next starts with OCR on; its records replace the empty reading; a third
    start reads nothing again; --reprocess reads it again when asked."""
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    inbox.mkdir()
    image_only_pdf(SUNDHED, inbox / "aktindsigt.pdf")
    assert _once(inbox, out, "--no-ocr") == 0
    assert _stored(out) == [("aktindsigt.pdf", "partial", 0)]
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["aktindsigt.pdf"]
    messages.clear()
    assert _once(inbox, out) == 0
    assert (
        "reading done/aktindsigt.pdf again: read with OCR off, and it has pages that need it"
        in (messages)
    )
    [(name, status, records)] = _stored(out)
    assert name == "aktindsigt.pdf" and status in ("ok", "partial") and records >= 30
    assert sorted(p.name for p in (inbox / "done").iterdir()) == ["aktindsigt.pdf"]
    messages.clear()
    assert _once(inbox, out) == 0
    assert not any("again" in line for line in messages)
    assert _once(inbox, out, "--reprocess") == 0
    assert "reading done/aktindsigt.pdf again: asked for (--reprocess)" in messages
    assert _stored(out) == [(name, status, records)]


def test_why_a_stored_document_is_read_again() -> None:
    now = {"engine": "1.2.0", "rules": "abc", "ocr": True, "pdf_backend": "pdfium"}
    same = json.dumps(now)
    scanned = json.dumps({"pages_needing_ocr": [1, 2]})
    assert why_read_again(same, scanned, now) is None
    assert why_read_again(None, "{}", now) == "stored without the settings it was read with"
    older = json.dumps({**now, "engine": "1.1.0"})
    assert why_read_again(older, "{}", now) == "read by ankestat 1.1.0, this is 1.2.0"
    other_rules = json.dumps({**now, "rules": "abd"})
    assert why_read_again(other_rules, "{}", now) == "the rules changed since it was read"
    ocr_off = json.dumps({**now, "ocr": False})
    assert why_read_again(ocr_off, "{}", now) is None  # nothing in it needed OCR
    assert why_read_again(ocr_off, scanned, now) == (
        "read with OCR off, and it has pages that need it"
    )
    assert why_read_again(same, scanned, {**now, "ocr": False}) is None  # less now: kept


def test_a_store_from_before_read_with_is_opened_and_its_documents_read_again(
    tmp_path: Path,
) -> None:
    """A store whose documents table lacks columns (read_with, ...) gets them when opened;
    its documents then count as read with unknown settings."""
    out = tmp_path / "out"
    out.mkdir()
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        conn.execute(
            "CREATE TABLE documents (sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, status TEXT "
            "NOT NULL, error TEXT, records INTEGER NOT NULL, report TEXT NOT NULL, "
            "engine_version TEXT NOT NULL, processed_at TEXT NOT NULL)"
        )
        conn.execute("INSERT INTO documents VALUES ('ab', 'x.pdf', 'ok', NULL, 0, '{}', '1', 't')")
        conn.commit()
    with Store(out) as store:
        [known] = store.documents()
    assert (known.name, known.read_with) == ("x.pdf", None)
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(documents)")]
    added = {"read_with", "copies", "tables_mapped", "path", "failure", "document_type"}
    assert added <= set(columns)
