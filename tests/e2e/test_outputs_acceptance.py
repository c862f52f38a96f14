"""``ankestat extract samples --out out --format jsonl,csv,parquet,xlsx,sqlite``: every format
holds the same records; pandas reads the Parquet typed; openpyxl reads typed cells;
``frictionless validate out/datapackage.json`` passes; Datasette serves the database; report.txt
lists the byråd minutes' three illegible values with their flags."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from extract.cli import main
from extract.codes import code_meaning
from tests.conftest import SAMPLES
from tests.writers.test_formats_agree import _rows

pytestmark = pytest.mark.slow

FORMATS = "jsonl,csv,parquet,xlsx,sqlite"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("acceptance") / "out"
    assert (
        main(["extract", str(SAMPLES), "--out", str(target), "--format", FORMATS, "--quiet"]) == 0
    )
    return target


def test_every_format_holds_the_samples_records(out: Path) -> None:
    read = _rows(out)
    expected = read.pop("jsonl")
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert len(expected) == report["totals"]["records"] > 2000
    assert len({row[0] for row in expected}) == len(expected)  # each record once
    for name, rows in read.items():
        assert len(rows) == len(expected), name
        for got, want in zip(rows, expected, strict=True):
            assert got[:-1] == want[:-1], (name, got, want)
            assert got[-1] == pytest.approx(want[-1]), (name, got, want)


def test_pandas_reads_the_parquet_typed(out: Path) -> None:
    frame = pd.read_parquet(out / "records.parquet")
    assert frame["value"].dtype == "float64"
    assert str(frame["page"].dtype) == str(frame["municipality_code"].dtype) == "Int32"
    assert frame["page"].isna().any() and frame["page"].notna().any()  # sheets have no page
    assert str(frame["status"].dtype) == str(frame["law_area"].dtype) == "category"
    assert frame["period"].map(type).eq(str).all()  # "2022-01" is no date
    assert frame["table_id"].map(type).eq(str).all()  # "4.2" is no number
    flagged = frame[frame["flags"].map(len) > 0]
    assert len(flagged) and all(isinstance(f[0], str) for f in flagged["flags"])
    suppressed = frame[frame["status"] != "reported"]
    assert suppressed["value"].isna().all()


def test_openpyxl_reads_typed_cells(out: Path) -> None:
    sheet = openpyxl.load_workbook(out / "records.xlsx", read_only=True)["records"]
    rows = sheet.iter_rows()
    header = [c.value for c in next(rows)]
    kinds: dict[str, set[str]] = {name: set() for name in ("value", "period", "table_id")}
    for row in rows:
        for name in kinds:
            cell = row[header.index(name)]
            if cell.value is not None:
                kinds[name].add(cell.data_type)
    assert kinds == {"value": {"n"}, "period": {"s"}, "table_id": {"s"}}


def test_frictionless_validate_passes(out: Path) -> None:
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(command), "validate", str(out / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:]


def test_datasette_serves_the_samples(out: Path) -> None:
    from datasette.app import Datasette

    metadata = json.loads((out / "metadata.json").read_text("utf-8"))
    datasette = Datasette([str(out / "ankestat.sqlite")], metadata=metadata)

    async def count(table: str) -> int:
        response = await datasette.client.get(f"/ankestat/{table}.json?_size=0")
        assert response.status_code == 200
        total: int = response.json()["filtered_table_rows_count"]
        return total

    report = json.loads((out / "report.json").read_text("utf-8"))
    assert asyncio.run(count("records")) == report["totals"]["records"]
    assert asyncio.run(count("documents")) == report["totals"]["files"]
    assert asyncio.run(count("findings")) == sum(report["totals"]["findings_by_code"].values())


def test_report_txt_lists_the_three_illegible_byraad_values(out: Path) -> None:
    text = (out / "report.txt").read_text("utf-8")
    section = text.split("== referat-ishoej-byraad-2022-10-31.pdf: ")[1].split("\n== ")[0]
    illegible = [line for line in section.splitlines() if ", illegible: " in line]
    flags = sorted(
        (line.split("printed '")[1].split("'")[0], line.split(", illegible: ")[1].split(" (")[0])
        for line in illegible
    )
    assert flags == [
        ("59,%", "truncated_number"),
        ("62, %", "truncated_number"),
        ("9301 sager101", "merged_text"),
    ]
    for line in illegible:  # each flag with its meaning, each value with its place
        flag = line.split(", illegible: ")[1].split(" (")[0]
        assert f"{flag} ({code_meaning(flag)})" in line and "page 1, table p1-t1" in line
