"""The XLSX writer: every sample's records come back from the workbook with typed cells, a
text that looks like a formula is never one, and the header is frozen and filtered."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from extract.codes import code_meaning
from extract.model import Record
from extract.writers import WriteOptions, get_writer
from extract.writers.jsonl import record_dict
from tests.conftest import SAMPLES
from tests.goldens import golden_records

GOLDENS = sorted(SAMPLES.glob("*.records.jsonl"))


def _write(records: list[Record], tmp_path: Path) -> Path:
    path = tmp_path / "records.xlsx"
    get_writer("xlsx").write(iter(records), path, WriteOptions())
    return path


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.name.removesuffix(".records.jsonl"))
def test_every_samples_records_come_back_typed(golden: Path, tmp_path: Path) -> None:
    records = golden_records(golden)
    sheet = openpyxl.load_workbook(_write(records, tmp_path))["records"]
    header = [c.value for c in sheet[1]]
    for cells, record in zip(sheet.iter_rows(min_row=2), records, strict=True):
        got = dict(zip(header, cells, strict=True))
        want = record_dict(record)
        assert got["record_id"].value == want["record_id"]
        assert got["period"].data_type == "s" and got["period"].value == want["period"]
        assert got["table_id"].data_type == "s"
        if want["value"] is None:
            assert got["value"].value is None
        else:
            assert got["value"].data_type == "n"
            assert got["value"].value == pytest.approx(want["value"])
        if want["page"] is not None:
            assert got["page"].value == want["page"] and got["page"].data_type == "n"
        assert json.loads(got["flags"].value) == want["flags"]
    assert sheet.max_row == len(records) + 1


def test_numbers_are_formatted_the_header_frozen_and_filtered(tmp_path: Path) -> None:
    records = golden_records(SAMPLES / "aarsredegoerelse-2024.records.jsonl")
    book = openpyxl.load_workbook(_write(records, tmp_path))
    sheet = book["records"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:AG{len(records) + 1}"
    header = [c.value for c in sheet[1]]
    column = header.index("value") + 1
    formats = {
        sheet.cell(row, column).number_format: sheet.cell(row, column).value
        for row in range(2, sheet.max_row + 1)
        if sheet.cell(row, column).value is not None
    }
    assert "#,##0" in formats and "#,##0.0" in formats  # counts (1.278) and rates (37,9)


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "@SUM(A1)", "-1+1", '=HYPERLINK("x")'])
def test_a_text_that_looks_like_a_formula_is_never_one(text: str, tmp_path: Path) -> None:
    record = golden_records(SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.records.jsonl")[0]
    odd = dataclasses.replace(record, row_label=text, cell_text=text, table_title=text)
    sheet = openpyxl.load_workbook(_write([odd], tmp_path))["records"]
    header = [c.value for c in sheet[1]]
    for name in ("row_label", "cell_text", "table_title"):
        cell = sheet.cell(2, header.index(name) + 1)
        assert cell.data_type == "s" and cell.value == "'" + text
    plain = dataclasses.replace(record, cell_text="-12")
    sheet = openpyxl.load_workbook(_write([plain], tmp_path))["records"]
    assert sheet.cell(2, header.index("cell_text") + 1).value == "-12"  # a number stays


def test_findings_and_report_sheets_say_what_report_txt_says(tmp_path: Path) -> None:
    """The findings sheet has every finding with its code's meaning; the report sheet a row per
    input with its status in words (a copy named as one); a file name that looks like a
    formula stays text."""
    from extract.cli import main

    minutes = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"
    odd = tmp_path / "in" / "=SUM(A1).pdf"
    odd.parent.mkdir()
    shutil.copyfile(minutes, odd)
    out = tmp_path / "out"
    args = ["extract", str(minutes), str(odd), "--out", str(out), "--format", "xlsx"]
    assert main([*args, "--quiet", "--jobs", "1"]) == 0
    book = openpyxl.load_workbook(out / "records.xlsx")
    assert book.sheetnames == ["records", "findings", "report"]
    header, *findings = [[c.value for c in row] for row in book["findings"].iter_rows()]
    rows = [dict(zip(header, row, strict=True)) for row in findings]
    illegible = next(r for r in rows if r["code"] == "illegible_value")
    assert illegible["meaning"] == code_meaning("illegible_value")
    assert (illegible["page"], illegible["table_id"]) == (1, "p1-t1")
    assert "'62, %'" in illegible["message"] and "'9301 sager101'" in illegible["message"]
    assert rows[-1]["code"] == "duplicate_input" and rows[-1]["source_file"] == "'=SUM(A1).pdf"
    report = list(book["report"].iter_rows(values_only=True))
    assert report[0][:5] == (
        "source_file",
        "status",
        "status_in_words",
        "records",
        "values_to_check",
    )
    assert report[1][:5] == (minutes.name, "ok", "ok, 5 values flagged", 303, 5)
    assert report[2][0] == "'=SUM(A1).pdf" and report[2][3] == 0
    assert report[2][2] == f"ok, the same bytes as {minutes} (read once, records there)"
    for sheet in ("findings", "report"):
        assert all(c.data_type != "f" for row in book[sheet].iter_rows() for c in row)
