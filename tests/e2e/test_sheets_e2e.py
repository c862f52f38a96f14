"""End to end on the sample spreadsheets: goldens, independent truth, csv = xlsx, writers.

Samples (``samples/make_sheets.py``): the Fanø monthly counts, the Ishøj talportal export as
xlsx and as csv, and a municipal sheet of omgørelsesprocenter with two tables. Beside each is
its truth file (written by the generator) and its golden (the engine's records, rewritten only
with ``pytest --update-goldens``). The csv shares its stem with the xlsx, so its companions
keep the ".csv": ``<stem>.csv.truth.jsonl``, ``<stem>.csv.records.jsonl``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extract.codes import FileStatus
from extract.interpret.rulebook import load_rulebook
from extract.pipeline import process_file
from extract.results import FileResult
from extract.writers import WriteOptions
from extract.writers.csv import CsvWriter
from extract.writers.jsonl import JsonlWriter
from tests.conftest import RULES, SAMPLES
from tests.goldens import check_golden, read_jsonl, records_as_rows

SHEETS = sorted([*SAMPLES.glob("*.xlsx"), *SAMPLES.glob("*.csv")])
TALPORTAL = "talportal-ishoej-serviceloven-2019-2021"
TRUTH_KEYS = (
    "sheet",
    "cell_ref",
    "entity_scope",
    "municipality_code",
    "period",
    "law_area",
    "provision",
    "measure",
    "unit",
    "value",
    "status",
)
# What may differ between the same figures read from csv and from xlsx: where they came from.
PROVENANCE = (
    "source_file",
    "source_sha256",
    "source_kind",
    "record_id",
    "sheet",
    "cell_ref",
    "bbox",
    "cell_text",
)


def companion(path: Path, kind: str) -> Path:
    """``<stem>.<kind>.jsonl`` beside an xlsx; ``<name>.<kind>.jsonl`` beside a csv."""
    base = path.name if path.suffix == ".csv" else path.stem
    return path.with_name(f"{base}.{kind}.jsonl")


@cache
def _result(path: Path) -> FileResult:
    return process_file(path, load_rulebook(RULES))


def _records(path: Path) -> list[dict[str, Any]]:
    return records_as_rows(_result(path))


def test_there_are_sheet_samples() -> None:
    assert [p.name for p in SHEETS] == [
        "regneark-fanoe-antal-personer-2022-2025.xlsx",
        "regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx",
        "talportal-ishoej-serviceloven-2019-2021.csv",
        "talportal-ishoej-serviceloven-2019-2021.xlsx",
    ]


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_records_equal_golden(sheet: Path, update_goldens: bool) -> None:
    check_golden(_records(sheet), companion(sheet, "records"), update_goldens)


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_every_written_value_emitted_exactly_once(sheet: Path) -> None:
    truth = read_jsonl(companion(sheet, "truth"))
    got = Counter(tuple(r[k] for k in TRUTH_KEYS) for r in _records(sheet))
    want = Counter(tuple(t[k] for k in TRUTH_KEYS) for t in truth)
    assert got - want == Counter(), "values emitted that were not written"
    assert want - got == Counter(), "written values not emitted"
    assert sum(want.values()) == len(_records(sheet))


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_every_table_mapped_and_file_ok(sheet: Path) -> None:
    result = _result(sheet)
    assert result.status is FileStatus.OK
    assert result.tables and all(t.rule_id for t in result.tables)
    assert not [f for f in result.findings if f.severity == "error"]
    assert all(r.page is None and r.bbox is None for r in result.records)


def test_sample_tables_and_counts() -> None:
    seen = {
        p.name: (
            p_result.document_type,
            [(t.table_id, t.rule_id, t.values) for t in p_result.tables],
        )
        for p in SHEETS
        if (p_result := _result(p))
    }
    assert seen == {
        "regneark-fanoe-antal-personer-2022-2025.xlsx": (
            "regneark",
            [("s1-t1", "vocabulary", 473)],
        ),
        "regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx": (
            "regneark",
            [
                ("s1-t1", "vocabulary", 12),
                ("s1-t2", "vocabulary", 12),
            ],
        ),
        f"{TALPORTAL}.csv": ("talportal", [("s1-t1", "vocabulary", 36)]),
        f"{TALPORTAL}.xlsx": ("talportal", [("s1-t1", "vocabulary", 36)]),
    }


def test_fanoe_total_is_reported_not_emitted() -> None:
    # a warning: a printed value is in no record (a row of no value is said at info only)
    result = _result(SAMPLES / "regneark-fanoe-antal-personer-2022-2025.xlsx")
    skipped = [f for f in result.findings if f.code == "skipped_row"]
    assert [(f.severity, f.message) for f in skipped] == [
        (
            "warning",
            "table s1-t1: row 'I alt' (C477=8501) not emitted: "
            "a total over several periods has no one key",
        )
    ]


def test_talportal_csv_and_xlsx_give_the_same_records() -> None:
    from_csv = _records(SAMPLES / f"{TALPORTAL}.csv")
    from_xlsx = _records(SAMPLES / f"{TALPORTAL}.xlsx")
    assert len(from_csv) == len(from_xlsx) == 36
    strip = [{k: v for k, v in r.items() if k not in PROVENANCE} for r in from_csv]
    assert strip == [{k: v for k, v in r.items() if k not in PROVENANCE} for r in from_xlsx]
    # provenance differs as it should: the same cells, the csv has no sheet name
    assert [r["cell_ref"] for r in from_csv] == [r["cell_ref"] for r in from_xlsx]
    assert {(r["source_kind"], r["sheet"]) for r in from_csv} == {("csv", None)}
    assert {(r["source_kind"], r["sheet"]) for r in from_xlsx} == {("xlsx", "Talportal")}
    rates = {(r["cell_ref"], r["cell_text"]) for r in from_xlsx if r["cell_ref"] == "R4"}
    assert rates == {("R4", "0.379")}  # stored as a fraction, shown as 37,9 %, value 37.9
    assert [r["value"] for r in from_xlsx if r["cell_ref"] == "R4"] == [37.9]
    assert [r["cell_text"] for r in from_csv if r["cell_ref"] == "R4"] == ["37,9"]


def test_suppressed_dot_is_null_in_every_writer(tmp_path: Path) -> None:
    result = _result(SAMPLES / f"{TALPORTAL}.xlsx")
    dots = [r for r in result.records if r.cell_text == "."]
    assert len(dots) == 16
    assert {(r.status, r.value, r.obs_status) for r in dots} == {("suppressed", None, "Q")}
    JsonlWriter().write(result.records, tmp_path / "r.jsonl", WriteOptions())
    lines = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert {(x["status"], x["value"]) for x in lines if x["cell_text"] == "."} == {
        ("suppressed", None)
    }
    for excel in (False, True):
        path = tmp_path / f"r-{excel}.csv"
        CsvWriter().write(result.records, path, WriteOptions(excel_csv=excel))
        text = path.read_text(encoding="utf-8-sig")
        rows = list(csv.DictReader(io.StringIO(text), delimiter=";" if excel else ","))
        assert len(rows) == 36
        assert {(x["status"], x["value"]) for x in rows if x["cell_text"] == "."} == {
            ("suppressed", "")
        }
