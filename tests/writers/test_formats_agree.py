"""``ankestat extract --format jsonl,csv,parquet,xlsx,sqlite`` writes the same records in every
format: ids, values, statuses and texts read back alike."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import openpyxl
import pyarrow.parquet as pq
import pytest

from extract.cli import main
from tests.conftest import SAMPLES

INPUTS = [
    SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf",
    SAMPLES / "regneark-fanoe-antal-personer-2022-2025.xlsx",
    SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv",
]
KEPT = ("record_id", "status", "period", "row_label", "cell_text", "measure")


def _value(text: Any) -> float | None:
    return None if text in (None, "") else float(text)


def _rows(out: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Each format's records as (kept fields..., value), in file order."""

    def pick(row: dict[str, Any]) -> tuple[Any, ...]:
        return (*(row[k] for k in KEPT), _value(row["value"]))

    read: dict[str, list[tuple[Any, ...]]] = {}
    lines = (out / "records.jsonl").read_text(encoding="utf-8").splitlines()
    read["jsonl"] = [pick(json.loads(line)) for line in lines]
    with (out / "records.csv").open(encoding="utf-8", newline="") as fh:
        read["csv"] = [pick(row) for row in csv.DictReader(fh)]
    read["parquet"] = [pick(row) for row in pq.read_table(out / "records.parquet").to_pylist()]
    sheet = openpyxl.load_workbook(out / "records.xlsx", read_only=True)["records"]
    header, *cells = list(sheet.iter_rows(values_only=True))
    read["xlsx"] = [pick(dict(zip(header, row, strict=True))) for row in cells]
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        conn.row_factory = sqlite3.Row
        rows = conn.execute("SELECT * FROM records ORDER BY rowid")
        read["sqlite"] = [pick(dict(row)) for row in rows]
    return read


def test_every_format_holds_the_same_records(tmp_path: Path) -> None:
    out = tmp_path / "out"
    formats = "jsonl,csv,parquet,xlsx,sqlite"
    args = ["extract", *map(str, INPUTS), "--out", str(out), "--format", formats, "--quiet"]
    assert main(args) == 0
    read = _rows(out)
    expected = read.pop("jsonl")
    assert len(expected) == 303 + 473 + 36
    for name, rows in read.items():
        assert len(rows) == len(expected), name
        for got, want in zip(rows, expected, strict=True):
            assert got[:-1] == want[:-1], (name, got, want)
            assert got[-1] == pytest.approx(want[-1]), (name, got, want)
