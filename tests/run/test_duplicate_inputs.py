"""The same bytes under two names in one run are read once: each record is written once, and
the report names the copy and the file read instead."""

from __future__ import annotations

import json
from pathlib import Path

import extract
from extract.cli import main
from tests.conftest import SAMPLES

SHEET = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"


def _inbox(tmp_path: Path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("a.csv", "b.csv"):
        (inbox / name).write_bytes(SHEET.read_bytes())
    (inbox / "c.pdf").write_bytes(
        (SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf").read_bytes()
    )
    return inbox


def test_the_same_file_twice_gives_each_record_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(_inbox(tmp_path)), "--out", str(out), "--quiet"]) == 0
    ids = [json.loads(x)["record_id"] for x in (out / "records.jsonl").read_text().splitlines()]
    assert len(ids) == len(set(ids)) == 36 + 42
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    files = {f["source_file"]: f for f in report["files"]}
    assert list(files) == ["a.csv", "b.csv", "c.pdf"]
    assert files["a.csv"]["records"] == 36 and files["b.csv"]["records"] == 0
    [note] = files["b.csv"]["findings"]
    assert note["code"] == "duplicate_input" and note["severity"] == "info"
    assert "a.csv" in note["message"]
    assert files["b.csv"]["source_sha256"] == files["a.csv"]["source_sha256"]


def test_the_api_reads_a_copy_once(tmp_path: Path) -> None:
    results = extract.read(_inbox(tmp_path), jobs=1)
    assert [r.source_file for r in results.files] == ["a.csv", "b.csv", "c.pdf"]
    assert len(results.records) == 36 + 42
