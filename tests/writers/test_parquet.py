"""The Parquet writer: every sample's records (its golden) round-trip with their types, the
schema version in the metadata, and a clear reason when pyarrow is missing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extract.cli import main
from extract.errors import ExitCode
from extract.model import Record
from extract.writers import WriteOptions, get_writer
from extract.writers.jsonl import record_dict
from tests.conftest import SAMPLES
from tests.goldens import golden_records

GOLDENS = sorted(SAMPLES.glob("*.records.jsonl"))


def _same(row: dict[str, Any], record: Record) -> None:
    """A Parquet row holds the record's JSON form (``record_dict``), numbers as numbers."""
    for name, want in record_dict(record).items():
        got = row[name]
        if (isinstance(want, float | int) and not isinstance(want, bool)) or name == "bbox":
            assert got == pytest.approx(want), name
        else:
            assert got == want, (name, got, want)


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.name.removesuffix(".records.jsonl"))
def test_every_samples_records_round_trip(golden: Path, tmp_path: Path) -> None:
    records = golden_records(golden)
    path = tmp_path / "records.parquet"
    get_writer("parquet").write(iter(records), path, WriteOptions())
    table = pq.read_table(path)
    assert table.num_rows == len(records)
    for row, record in zip(table.to_pylist(), records, strict=True):
        _same(row, record)


def test_columns_are_typed_and_carry_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "records.parquet"
    records = golden_records(SAMPLES / "referat-ishoej-byraad-2022-10-31.records.jsonl")
    get_writer("parquet").write(records, path, WriteOptions())
    schema = pq.read_schema(path)
    assert schema.metadata[b"ankestat.schema_version"] == b"1"
    assert schema.names == list(Record.__dataclass_fields__)
    assert schema.field("value").type == pa.float64() and schema.field("value").nullable
    assert schema.field("page").type == pa.int32()
    assert schema.field("municipality_code").type == pa.int32()
    assert schema.field("flags").type == pa.list_(pa.string())
    assert schema.field("bbox").type == pa.list_(pa.float64())
    assert pa.types.is_struct(schema.field("cooperation").type.value_type)
    assert pa.types.is_dictionary(schema.field("status").type)
    assert not schema.field("record_id").nullable
    frame = pd.read_parquet(path)
    assert frame["value"].dtype == "float64"
    assert str(frame["status"].dtype) == "category"
    # integers stay integers where some are null (the national rows have no municipality)
    assert str(frame["municipality_code"].dtype) == "Int32"
    assert frame["municipality_code"].isna().any() and 183 in set(frame["municipality_code"])
    assert str(frame["page"].dtype) == "Int32"
    flagged = frame[frame["status"] == "illegible"]
    assert len(flagged) == 3 and all(len(f) for f in flagged["flags"])  # the glitched cells


def test_no_records_is_an_empty_typed_file(tmp_path: Path) -> None:
    path = tmp_path / "records.parquet"
    get_writer("parquet").write([], path, WriteOptions())
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.field("value").type == pa.float64()


def test_without_pyarrow_the_run_stops_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name)
    )
    sheet = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
    out = tmp_path / "out"
    code = main(["extract", str(sheet), "--out", str(out), "--format", "jsonl,parquet"])
    assert code == ExitCode.CANNOT_RUN
    err = capsys.readouterr().err
    assert 'needs the Python package pyarrow (pip install "ankestat[parquet]")' in err
    assert not (out / "records.jsonl").exists()
