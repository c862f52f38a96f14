"""The SQLite writer (``extract --format sqlite``) and the watch store (one transaction each)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from extract.cli import main
from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook
from extract.model import Record
from extract.pipeline import process_file
from extract.results import FileResult
from extract.watch.store import Store, StoreError
from extract.writers.jsonl import record_dict
from extract.writers.sqlite import RECORDS_DDL
from tests.conftest import SAMPLES

SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"
BYRAAD = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"
FIELD_ORDER = [f.name for f in fields(Record)]
JSON_FIELDS = ("bbox", "cooperation", "flags")


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _rows(db: Path, sql: str = "SELECT * FROM records ORDER BY rowid") -> list[dict[str, Any]]:
    with closing(sqlite3.connect(db)) as conn:
        cursor = conn.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]


def _as_json(row: dict[str, Any]) -> dict[str, Any]:
    """A records row back in its JSON form: list fields parsed."""
    return {k: json.loads(v) if k in JSON_FIELDS and v is not None else v for k, v in row.items()}


def test_records_table_has_the_contract_columns_and_types() -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute(RECORDS_DDL)
        columns = conn.execute("PRAGMA table_info(records)").fetchall()
    assert [c[1] for c in columns] == FIELD_ORDER
    types = {c[1]: (c[2], bool(c[3]), bool(c[5])) for c in columns}  # type, not null, pk
    assert types["record_id"] == ("TEXT", False, True)
    assert types["page"] == ("INTEGER", False, False)
    assert types["municipality_code"] == ("INTEGER", False, False)
    assert types["value"] == ("REAL", False, False)
    assert types["ocr_confidence"] == ("REAL", False, False)
    assert types["flags"] == ("TEXT", True, False)
    assert types["bbox"] == ("TEXT", False, False)
    assert types["measure"] == ("TEXT", True, False)


def test_extract_format_sqlite_holds_what_jsonl_holds(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["extract", str(SUNDHED), "--out", str(out), "--format", "sqlite,jsonl", "--jobs", "1"]
    assert main([*args, "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "ankestat.sqlite",
        "figures.csv",  # every run writes its figures
        "figures.jsonl",
        "metadata.json",
        "records.jsonl",
        "report.json",
        "report.txt",
    ]
    rows = _rows(out / "ankestat.sqlite")
    assert len(rows) == 42
    assert [_as_json(r) for r in rows] == _jsonl(out / "records.jsonl")
    first = rows[0]
    assert (first["row_label"], first["law_area"], first["value"]) == (
        "Stadfæstelser",
        "aktivloven",
        15,
    )
    assert first["flags"] == "[]"
    assert json.loads(first["cooperation"])[0]["delegating"] == "Vallensbæk"  # JSON text
    # written again: replaced, not appended
    assert main([*args, "--quiet"]) == 0
    assert len(_rows(out / "ankestat.sqlite")) == 42


def test_default_extract_formats_stay_jsonl_and_csv(tmp_path: Path) -> None:
    assert main(["extract", str(SUNDHED), "--out", str(tmp_path), "--jobs", "1", "--quiet"]) == 0
    assert not (tmp_path / "ankestat.sqlite").exists()
    assert (tmp_path / "records.jsonl").exists() and (tmp_path / "records.csv").exists()


def test_store_commit_is_an_upsert_and_records_the_document(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    result = process_file(SUNDHED, rulebook)
    sha = result.source_sha256
    assert sha is not None
    with Store(tmp_path) as store:
        assert store.known(sha) is None
        store.commit_document(result, sha)
        store.commit_document(result, sha)  # again: same rows, not twice
        known = store.known(sha)
    assert known is not None
    assert (known.name, known.status, known.error) == (SUNDHED.name, "ok", None)
    db = tmp_path / "ankestat.sqlite"
    assert [_as_json(r) for r in _rows(db)] == [record_dict(r) for r in result.records]
    documents = _rows(db, "SELECT * FROM documents")
    assert len(documents) == 1
    assert documents[0]["records"] == 42
    report = json.loads(documents[0]["report"])
    assert "path" not in report and "seconds" not in report
    assert (report["source_file"], report["status"], report["records"]) == (SUNDHED.name, "ok", 42)


def test_the_store_keeps_findings_per_document_and_the_reference_tables(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    """Findings are stored with their document and replaced when it is stored again; the
    reference tables hold the rules' reference data and the codes' meanings."""
    result = process_file(BYRAAD, rulebook)
    sha = result.source_sha256
    assert sha is not None and result.findings
    with Store(tmp_path, rulebook.reference) as store:
        store.commit_document(result, sha)
        store.commit_document(result, sha)
    db = tmp_path / "ankestat.sqlite"
    findings = _rows(db, "SELECT * FROM findings")
    assert [(f["sha256"], f["code"], f["message"]) for f in findings] == [
        (sha, str(f.code), f.message) for f in result.findings
    ]
    [document] = _rows(db, "SELECT * FROM documents")
    assert (document["findings"], document["document_type"]) == (len(findings), "referat")
    assert len(_rows(db, "SELECT * FROM municipalities")) == 98
    assert (tmp_path / "metadata.json").is_file()


def test_a_failed_commit_stores_nothing(tmp_path: Path, rulebook: Rulebook) -> None:
    result = process_file(SUNDHED, rulebook)
    assert result.source_sha256 is not None
    broken = replace(result.records[-1], measure=None)  # NOT NULL column: the insert fails
    bad = FileResult(
        result.source_file, result.path, FileStatus.OK, records=(*result.records[:-1], broken)
    )
    with Store(tmp_path) as store:
        with pytest.raises(StoreError, match=r"ankestat\.sqlite: cannot store .*NOT NULL"):
            store.commit_document(bad, result.source_sha256)
        assert store.known(result.source_sha256) is None
    assert _rows(tmp_path / "ankestat.sqlite") == []


def test_an_unusable_store_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "ankestat.sqlite").write_text("not a database", encoding="utf-8")
    with pytest.raises(StoreError, match=r"ankestat\.sqlite: cannot open the store"):
        Store(tmp_path)
