"""report.txt lists what a person must check: per file its status in words, every flagged or
illegible value with where it is and what its flags mean, and what was not read."""

from __future__ import annotations

from pathlib import Path

from extract.cli import main
from extract.codes import FileStatus, FindingCode, Severity
from extract.model import Finding
from extract.results import FileResult, TableSummary
from extract.writers.report_details import status_words
from tests.conftest import SAMPLES

BYRAAD = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"


def test_the_byraad_minutes_illegible_values_are_listed_with_their_flags(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(BYRAAD), "--out", str(out), "--quiet"]) == 0
    lines = (out / "report.txt").read_text(encoding="utf-8").splitlines()
    assert f"== {BYRAAD.name}: ok, 5 values flagged" in lines
    illegible = [line for line in lines if ", illegible: " in line]
    assert len(illegible) == 3
    for printed, flag in (
        ("'62, %'", "truncated_number (a decimal comma"),
        ("'59,%'", "truncated_number (a decimal comma"),
        ("'9301 sager101'", "merged_text (two cells run together"),
    ):
        [line] = [x for x in illegible if f"printed {printed}" in x]
        assert line.startswith("  page 1, table p1-t1, row 'Serviceloven', column '")
        assert f"illegible: {flag}" in line
    conflicts = [line for line in lines if "reported: conflict_other_source (" in line]
    assert len(conflicts) == 2


def _result(status: FileStatus, **fields: object) -> FileResult:
    return FileResult("a.pdf", "a.pdf", status, **fields)  # type: ignore[arg-type]


def test_status_in_words() -> None:
    mapped = (TableSummary("4.2", 3, "Tabel 4.2", "vocabulary", values=42),)
    assert status_words(_result(FileStatus.OK, tables=mapped), 0) == "ok"
    assert status_words(_result(FileStatus.OK, tables=mapped), 3) == "ok, 3 values flagged"
    assert status_words(_result(FileStatus.OK), 0) == "ok, no statistics tables"
    unread = (TableSummary("p1-t1", 1, None, None),)
    assert status_words(_result(FileStatus.OK, tables=unread), 0) == "ok, no statistics tables"
    lost = Finding(FindingCode.NO_TEXT, "page 2: OCR found no text", Severity.ERROR, 2)
    partial = _result(FileStatus.PARTIAL, tables=mapped, findings=(lost,))
    assert status_words(partial, 0) == "partial: page 2: OCR found no text"
    failed = _result(FileStatus.FAILED, error="not a PDF")
    assert status_words(failed, 0) == "failed: not a PDF"


def test_a_csv_value_is_placed_by_its_cell_and_a_workbook_value_by_its_sheet(
    tmp_path: Path,
) -> None:
    """A csv has neither pages nor sheets: its flagged values are placed by cell alone."""
    talportal = SAMPLES / "talportal-ishoej-serviceloven-2019-2021"
    workbook = SAMPLES / "regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx"
    out = tmp_path / "out"
    inputs = [str(BYRAAD), f"{talportal}.csv", str(workbook)]
    assert main(["extract", *inputs, "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    text = (out / "report.txt").read_text(encoding="utf-8")
    csv_part = text.split(f"== {talportal.name}.csv: ")[1].split("\n\n")[0]
    flagged = [line for line in csv_part.splitlines()[1:] if "printed '" in line]
    assert flagged and all(line.startswith("  the file cell ") for line in flagged)
    assert "sheet 'None'" not in text
    assert "  sheet 'Omgørelsesprocent' cell D4, " in text  # 0.363 against 36,2 %
