"""datapackage.json beside records.csv: Frictionless validates every sample's records against
it in both CSV dialects, reads them typed, and catches a record outside the contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from frictionless import Package

from extract.model import Record
from extract.writers import WriteOptions, get_writer
from extract.writers.datapackage import write_data_package
from tests.conftest import SAMPLES
from tests.goldens import golden_records

GOLDENS = sorted(SAMPLES.glob("*.records.jsonl"))


def _records() -> list[Record]:
    return [record for golden in GOLDENS for record in golden_records(golden)]


def _package(tmp_path: Path, excel: bool) -> tuple[Path, int]:
    records = _records()
    csv_path = tmp_path / "records.csv"
    get_writer("csv").write(records, csv_path, WriteOptions(excel_csv=excel))
    return write_data_package(csv_path, excel), len(records)


@pytest.mark.parametrize("excel", [False, True], ids=["plain", "excel"])
def test_every_samples_records_validate_typed(tmp_path: Path, excel: bool) -> None:
    path, count = _package(tmp_path, excel)
    report = Package(str(path)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    rows = Package(str(path)).get_resource("records").read_rows()
    assert len(rows) == count
    values = [row["value"] for row in rows if row["status"] == "reported"]
    assert all(isinstance(v, int | float) or hasattr(v, "as_tuple") for v in values)
    assert any(row["flags"] for row in rows)
    assert all(isinstance(row["page"], int) for row in rows if row["page"] is not None)


def test_a_record_outside_the_contract_is_caught(tmp_path: Path) -> None:
    path, _ = _package(tmp_path, excel=False)
    csv_path = path.with_name("records.csv")
    text = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(text.replace(",suppressed,", ",hidden,", 1), encoding="utf-8")
    assert not Package(str(path)).validate().valid


def test_fields_carry_the_contract(tmp_path: Path) -> None:
    path, _ = _package(tmp_path, excel=True)
    package = json.loads(path.read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    assert fields["value"]["type"] == "number" and fields["value"]["decimalChar"] == ","
    assert fields["page"]["type"] == "integer"
    assert fields["period"]["type"] == "string"
    assert fields["flags"]["type"] == "array"
    assert fields["record_id"]["constraints"]["required"] is True
    assert "suppressed" in fields["status"]["constraints"]["enum"]
    assert fields["value"]["description"].startswith("The value")
    assert package["resources"][0]["dialect"]["delimiter"] == ";"
