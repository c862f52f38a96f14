"""Writers, the shipped record schema and the run report, on hand-built realistic records."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from contextlib import closing
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from extract.codes import OBS_STATUS, FileStatus, Status
from extract.model import Finding, Record
from extract.results import FileResult, TableSummary
from extract.schema import record_schema, schema_text
from extract.writers import WRITERS, WriteOptions, get_writer, writer_names, writers_help
from extract.writers.jsonl import record_dict
from extract.writers.report import summary_lines, write_report

FIELD_ORDER = [f.name for f in fields(Record)]


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


REFERAT_SHA = _sha("ishoej-byraad-2022-10-31.pdf")
AKTINDSIGT_SHA = _sha("ishoej-aktindsigt-2020.pdf")
FANOE_SHA = _sha("fanoe-antal-personer-2022-2025.xlsx")
AARSRED_SHA = _sha("ankestyrelsen-aarsredegoerelse-2024.pdf")


def _record(**changes: Any) -> Record:
    base = Record(
        schema_version="1",
        record_id="",
        source_file="ishoej-byraad-2022-10-31.pdf",
        source_sha256=REFERAT_SHA,
        source_kind="pdf_text",
        document_type="referat",
        page=2,
        sheet=None,
        cell_ref=None,
        table_id="p2-t1",
        table_title="Ankestatistik Ishøj",
        row_label="Serviceloven",
        column_label="Omgørelsesprocent / 2021",
        cell_text="36,5 %",
        bbox=[471.204, 318.5, 503.9, 329.75],
        ocr_confidence=None,
        entity_scope="kommune",
        municipality_code=183,
        municipality="Ishøj",
        cooperation=[],
        period="2021",
        period_type="year",
        law_area="serviceloven",
        law_label="Serviceloven",
        provision=None,
        measure="omgoerelsesprocent",
        unit="percent",
        value=36.5,
        status="reported",
        obs_status="A",
        flags=[],
        rule_id="referat-lovomraade-aar",
        engine_version="0.1.0",
    )
    record = replace(base, **changes)
    key = f"{record.source_sha256}|{record.table_id}|{record.row_label}|{record.column_label}"
    return replace(record, record_id=_sha(key)[:16])


ISHOEJ_2021 = _record()
ISHOEJ_2019_OCR = _record(
    source_file="ishoej-aktindsigt-2020.pdf",
    source_sha256=AKTINDSIGT_SHA,
    source_kind="pdf_ocr",
    document_type="aktindsigt",
    page=3,
    table_id="p3-t1",
    column_label="Omgørelsesprocent / 2019",
    cell_text="37,9 %",
    bbox=[402.0, 211.333, 441.5, 224.0],
    ocr_confidence=71.25,
    cooperation=[
        {
            "delegating_code": 187,
            "delegating": "Vallensbæk",
            "area": "det specialiserede socialområde for børn og voksne (serviceloven)",
        }
    ],
    period="2019",
    value=37.9,
    flags=["low_ocr_confidence"],
)
FANOE_SUPPRESSED = _record(
    source_file="fanoe-antal-personer-2022-2025.xlsx",
    source_sha256=FANOE_SHA,
    source_kind="xlsx",
    document_type="regneark",
    page=None,
    sheet="Ark1",
    cell_ref="C9",
    table_id="Ark1-t1",
    table_title="Fanø Antal personer",
    row_label="Revalidering",
    column_label="Jan 2022",
    cell_text=".",
    bbox=None,
    municipality_code=563,
    municipality="Fanø",
    period="2022-01",
    period_type="month",
    law_area=None,
    law_label=None,
    measure="antal_personer",
    unit="persons",
    value=None,
    status="suppressed",
    obs_status="Q",
    rule_id="regneark-antal-personer",
)
LAB_2022_COUNT = _record(
    source_file="ankestyrelsen-aarsredegoerelse-2024.pdf",
    source_sha256=AARSRED_SHA,
    document_type="aarsredegoerelse",
    page=21,
    table_id="4.2",
    table_title="TABEL 4.2 AFGJORTE SAGER EFTER LOVOMRÅDE I PERIODEN 2022-2024 - ANTAL OG PROCENT",
    row_label="Lov om aktiv beskæftigelsesindsats",
    column_label="2022 / Antal",
    cell_text="1.278",
    bbox=[180.0, 402.12, 215.6, 413.0],
    entity_scope="hele_landet",
    municipality_code=None,
    municipality=None,
    period="2022",
    law_area="lab",
    law_label="Lov om aktiv beskæftigelsesindsats",
    measure="afgjorte",
    unit="count",
    value=1278.0,
    rule_id="aarsredegoerelse-tabel-4-2",
)
RECORDS = [ISHOEJ_2021, ISHOEJ_2019_OCR, FANOE_SUPPRESSED, LAB_2022_COUNT]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n") and "\r" not in text
    return [json.loads(line) for line in text.splitlines()]


def _read_csv(path: Path, excel: bool) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is excel
    assert (b"\r\n" in raw) is excel
    text = raw.decode("utf-8-sig" if excel else "utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if excel else ","))


# --- registry ---------------------------------------------------------------------------


def test_registry_names_suffixes_and_unknown_format() -> None:
    assert writer_names() == ("jsonl", "csv", "sqlite", "parquet", "xlsx")
    suffixes = [".jsonl", ".csv", ".sqlite", ".parquet", ".xlsx"]
    assert [w.suffix for w in WRITERS.values()] == suffixes
    assert get_writer("csv").name == "csv"
    assert writers_help().splitlines()[0].startswith("jsonl (records.jsonl): ")
    known = "jsonl, csv, sqlite, parquet, xlsx"
    with pytest.raises(ValueError, match=rf"unknown output format 'xml'; known formats: {known}"):
        get_writer("xml")


@pytest.mark.parametrize("name", writer_names())
def test_every_writer_writes_all_records_with_the_contract_fields(
    name: str, tmp_path: Path
) -> None:
    writer = get_writer(name)
    path = tmp_path / f"records{writer.suffix}"
    writer.write(RECORDS, path, WriteOptions())
    if name == "jsonl":
        rows = _read_jsonl(path)
        assert [list(r) for r in rows] == [FIELD_ORDER] * len(RECORDS)
        assert [r["record_id"] for r in rows] == [r.record_id for r in RECORDS]
    elif name == "sqlite":
        with closing(sqlite3.connect(path)) as conn:
            cursor = conn.execute("SELECT * FROM records ORDER BY rowid")
            assert [d[0] for d in cursor.description] == FIELD_ORDER
            assert [row[1] for row in cursor] == [r.record_id for r in RECORDS]
    elif name == "xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(path, read_only=True)["records"]
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == FIELD_ORDER
        assert [row[1] for row in rows[1:]] == [r.record_id for r in RECORDS]
    elif name == "parquet":
        import pyarrow.parquet as pq

        read = pq.read_table(path)
        assert read.schema.names == FIELD_ORDER
        assert read.column("record_id").to_pylist() == [r.record_id for r in RECORDS]
    else:
        table = _read_csv(path, excel=False)
        assert table[0] == FIELD_ORDER
        assert [row[1] for row in table[1:]] == [r.record_id for r in RECORDS]


def test_empty_input_writes_an_empty_file_or_a_header(tmp_path: Path) -> None:
    get_writer("jsonl").write([], tmp_path / "r.jsonl", WriteOptions())
    get_writer("csv").write([], tmp_path / "r.csv", WriteOptions())
    assert (tmp_path / "r.jsonl").read_text(encoding="utf-8") == ""
    assert _read_csv(tmp_path / "r.csv", excel=False) == [FIELD_ORDER]


# --- JSON Lines -------------------------------------------------------------------------


def test_jsonl_values(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    get_writer("jsonl").write(RECORDS, path, WriteOptions())
    text = path.read_text(encoding="utf-8")
    assert "Ishøj" in text and "Vallensbæk" in text  # no \u escapes
    ishoej, ocr, fanoe, lab = _read_jsonl(path)
    assert ishoej["value"] == 36.5 and ishoej["unit"] == "percent"
    assert ishoej["bbox"] == [471.2, 318.5, 503.9, 329.75]
    assert ocr["value"] == 37.9 and ocr["ocr_confidence"] == 71.25
    assert ocr["cooperation"] == ISHOEJ_2019_OCR.cooperation
    assert ocr["flags"] == ["low_ocr_confidence"]
    assert fanoe["value"] is None and fanoe["status"] == "suppressed"
    assert fanoe["cell_text"] == "." and fanoe["bbox"] is None and fanoe["page"] is None
    assert lab["value"] == 1278 and isinstance(lab["value"], int)
    assert '"value": 1278,' in text.splitlines()[3]
    assert lab["municipality_code"] is None and lab["cell_text"] == "1.278"


# --- CSV --------------------------------------------------------------------------------


def test_csv_plain_mode(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    get_writer("csv").write(RECORDS, path, WriteOptions())
    header, ishoej, ocr, fanoe, lab = _read_csv(path, excel=False)
    col = header.index
    assert ishoej[col("value")] == "36.5" and ishoej[col("cell_text")] == "36,5 %"
    assert ishoej[col("cooperation")] == "[]" and ishoej[col("flags")] == "[]"
    assert json.loads(ishoej[col("bbox")]) == [471.2, 318.5, 503.9, 329.75]
    assert ocr[col("value")] == "37.9" and ocr[col("ocr_confidence")] == "71.25"
    assert json.loads(ocr[col("cooperation")]) == ISHOEJ_2019_OCR.cooperation
    assert json.loads(ocr[col("flags")]) == ["low_ocr_confidence"]
    # suppressed stays empty, never 0; None is the empty string
    assert fanoe[col("value")] == "" and fanoe[col("status")] == "suppressed"
    assert (fanoe[col("page")], fanoe[col("bbox")], fanoe[col("sheet")]) == ("", "", "Ark1")
    assert lab[col("value")] == "1278" and lab[col("municipality_code")] == ""


def test_csv_excel_mode(tmp_path: Path) -> None:
    path = tmp_path / "records.csv"
    get_writer("csv").write(RECORDS, path, WriteOptions(excel_csv=True))
    assert path.read_bytes().count(b"\r\n") == len(RECORDS) + 1
    header, ishoej, ocr, fanoe, lab = _read_csv(path, excel=True)
    assert header == FIELD_ORDER
    col = header.index
    assert ishoej[col("value")] == "36,5"
    assert ocr[col("value")] == "37,9" and ocr[col("ocr_confidence")] == "71,25"
    assert fanoe[col("value")] == "" and lab[col("value")] == "1278"
    # cell text and list fields are not localised
    assert ishoej[col("cell_text")] == "36,5 %" and lab[col("cell_text")] == "1.278"
    assert json.loads(ocr[col("bbox")]) == [402.0, 211.33, 441.5, 224.0]


def test_no_csv_lets_a_spreadsheet_run_text_as_a_formula(tmp_path: Path) -> None:
    """Text a spreadsheet would take for a formula gets a leading "'" in both CSV dialects,
    the file name included; "-" (nothing) and plain numbers ("-12", "-37,9 %") stay as
    printed."""
    texts = [
        '=HYPERLINK("http://x","klik")',
        "+45 1234",
        "@SUM(A1)",
        "-A1",
        "-2+3+cmd|' /C calc'!A0",
        "-1+1",
        "\tTAB",
        "-",
        "-12",
        "-37,9 %",
    ]
    expected = [
        '\'=HYPERLINK("http://x","klik")',
        "'+45 1234",
        "'@SUM(A1)",
        "'-A1",
        "'-2+3+cmd|' /C calc'!A0",
        "'-1+1",
        "'\tTAB",
        "-",
        "-12",
        "-37,9 %",
    ]
    records = [
        _record(row_label=text, cell_text=text, source_file=text, record_id=f"r{i}")
        for i, text in enumerate(texts)
    ]
    for excel in (True, False):
        path = tmp_path / f"records-{excel}.csv"
        get_writer("csv").write(records, path, WriteOptions(excel_csv=excel))
        header, *rows = _read_csv(path, excel=excel)
        col = header.index
        for field in ("row_label", "cell_text", "source_file"):
            assert [row[col(field)] for row in rows] == expected, (excel, field)


# --- schema -----------------------------------------------------------------------------


def test_schema_is_valid_and_lists_the_contract_fields_in_order() -> None:
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert list(schema["properties"]) == FIELD_ORDER
    assert schema["x-field-order"] == FIELD_ORDER
    assert schema["required"] == FIELD_ORDER
    assert schema["additionalProperties"] is False
    assert schema["properties"]["status"]["enum"] == [s.value for s in Status]
    assert json.loads(schema_text()) == schema
    assert set(schema["properties"]["obs_status"]["enum"]) == set(OBS_STATUS.values())


def test_every_written_jsonl_record_validates(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    get_writer("jsonl").write(RECORDS, path, WriteOptions())
    validator = jsonschema.Draft202012Validator(record_schema())
    for row in _read_jsonl(path):
        assert list(validator.iter_errors(row)) == []


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"value": 0}, "suppressed value written as 0"),
        ({"obs_status": "A"}, "obs_status does not match status"),
        ({"unit": "procent"}, "unit outside the enum"),
        ({"measure": "Omgørelsesprocent"}, "measure not a code"),
        ({"period": "2022-13"}, "no such month"),
        ({"period_type": "year"}, "period_type does not match period"),
        ({"bbox": [1.0, 2.0, 3.0]}, "bbox with 3 numbers"),
        ({"cooperation": [{"delegating_code": "187", "delegating": "X", "area": "Y"}]}, "code"),
        ({"extra": 1}, "field outside the contract"),
        ({"source_file": "in/fanoe.xlsx"}, "directory in source_file"),
    ],
)
def test_broken_record_fails_validation(change: dict[str, Any], why: str) -> None:
    row = record_dict(FANOE_SUPPRESSED)
    validator = jsonschema.Draft202012Validator(record_schema())
    assert validator.is_valid(row)
    assert not validator.is_valid({**row, **change}), why


def test_missing_field_fails_validation() -> None:
    row = record_dict(LAB_2022_COUNT)
    del row["engine_version"]
    assert not jsonschema.Draft202012Validator(record_schema()).is_valid(row)


# --- run report -------------------------------------------------------------------------


def _results() -> list[FileResult]:
    ok = FileResult(
        source_file="ankestyrelsen-aarsredegoerelse-2024.pdf",
        path="/in/ankestyrelsen-aarsredegoerelse-2024.pdf",
        status=FileStatus.OK,
        source_sha256=AARSRED_SHA,
        document_type="aarsredegoerelse",
        pages=48,
        tables=(
            TableSummary(
                "4.2", 21, "TABEL 4.2", "aarsredegoerelse-tabel-4-2", values=54, pages=(21, 22)
            ),
            TableSummary("4.4", 23, "TABEL 4.4", "aarsredegoerelse-tabel-4-4", values=60),
        ),
        records=(LAB_2022_COUNT,),
        seconds=2.3456,
    )
    partial = FileResult(
        source_file="ishoej-aktindsigt-2020.pdf",
        path="/in/ishoej-aktindsigt-2020.pdf",
        status=FileStatus.PARTIAL,
        source_sha256=AKTINDSIGT_SHA,
        document_type="aktindsigt",
        pages=4,
        pages_needing_ocr=(1, 2, 3, 4),
        tables=(
            TableSummary("p3-t1", 3, "Ankestatistik Ishøj", "referat-lovomraade-aar", values=2),
            TableSummary("p4-t1", 4, None, None),
        ),
        findings=(
            Finding(
                "low_ocr_confidence",
                "OCR confidence 71 below 80",
                page=3,
                table_id="p3-t1",
                record_ids=(ISHOEJ_2019_OCR.record_id,),
            ),
            Finding("sum_mismatch", "I alt 129 != 128", page=3, table_id="p3-t1"),
            Finding("low_ocr_confidence", "OCR confidence 64 below 80", page=3),
            Finding("unmapped_table", "no rule matched", severity="info", page=4),
        ),
        records=(ISHOEJ_2019_OCR, ISHOEJ_2021),
        seconds=11.0,
    )
    failed = FileResult(
        source_file="broken.pdf",
        path="/in/broken.pdf",
        status=FileStatus.FAILED,
        error="cannot read PDF: no /Root object",
        findings=(Finding("pages_lost", "no /Root object", severity="error"),),
    )
    return [ok, partial, failed]


def test_report_json_totals_and_entries(tmp_path: Path) -> None:
    json_path, txt_path = write_report(
        _results(), tmp_path / "out", "2025-09-15T10:00:00+02:00", 13.4, "0.1.0"
    )
    assert (json_path.name, txt_path.name) == ("report.json", "report.txt")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["engine_version"] == "0.1.0" and data["seconds"] == 13.4
    assert data["totals"] == {
        "files": 3,
        "ok": 1,
        "partial": 1,
        "failed": 1,
        "records": 3,
        "tables_mapped": 3,
        "tables_unmapped": 1,
        "findings_by_code": {
            "low_ocr_confidence": 2,
            "sum_mismatch": 1,
            "unmapped_table": 1,
            "pages_lost": 1,
        },
        "resumed": 0,
    }
    ok, partial, failed = data["files"]
    assert ok["resumed"] is False
    assert ok["status"] == "ok" and ok["records"] == 1 and ok["seconds"] == 2.346
    assert ok["tables_mapped"][0] == {
        "table_id": "4.2",
        "page": 21,
        "pages": [21, 22],
        "caption": "TABEL 4.2",
        "rule_id": "aarsredegoerelse-tabel-4-2",
        "values": 54,
    }
    assert partial["pages_needing_ocr"] == [1, 2, 3, 4]
    assert partial["tables_unmapped"] == [
        {"table_id": "p4-t1", "page": 4, "pages": [], "caption": None}
    ]
    assert partial["findings"][0] == {
        "code": "low_ocr_confidence",
        "severity": "warning",
        "message": "OCR confidence 71 below 80",
        "page": 3,
        "table_id": "p3-t1",
        "record_ids": [ISHOEJ_2019_OCR.record_id],
    }
    assert failed["status"] == "failed" and failed["records"] == 0
    assert failed["error"] == "cannot read PDF: no /Root object"


def test_report_txt_and_summary_lines(tmp_path: Path) -> None:
    results = _results()
    _, txt_path = write_report(results, tmp_path, "2025-09-15T10:00:00+02:00", 13.4, "0.1.0")
    lines = txt_path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "ankestat 0.1.0, run started 2025-09-15T10:00:00+02:00, 13.4 s"
    assert lines[1:] == summary_lines(results)
    width = len("ankestyrelsen-aarsredegoerelse-2024.pdf")
    assert lines[1] == (
        f"ok      {'ankestyrelsen-aarsredegoerelse-2024.pdf':<{width}}  1 record, "
        "tables 2 mapped / 0 unmapped, 0 findings"
    )
    assert lines[2].startswith("partial ishoej-aktindsigt-2020.pdf")
    assert lines[2].endswith("2 records, tables 1 mapped / 1 unmapped, 4 findings")
    assert lines[3].startswith("failed  broken.pdf")
    assert lines[3].endswith(
        "0 records, tables 0 mapped / 0 unmapped, 1 finding; "
        "error: cannot read PDF: no /Root object"
    )
    assert lines[4] == (
        "Total: 3 files (1 ok, 1 partial, 1 failed), 3 records, "
        "tables 3 mapped / 1 unmapped, 5 findings"
    )
    assert lines[5] == (
        "Most frequent findings: low_ocr_confidence 2, pages_lost 1, sum_mismatch 1, "
        "unmapped_table 1"
    )


def test_summary_of_no_files() -> None:
    assert summary_lines([]) == [
        "Total: 0 files (0 ok, 0 partial, 0 failed), 0 records, "
        "tables 0 mapped / 0 unmapped, 0 findings"
    ]
