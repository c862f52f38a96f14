"""The command line: schema, rules, tables and extract options."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from extract.cli import main
from extract.model import Record
from extract.run.inputs import collect_inputs
from tests.conftest import SAMPLES

SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"


def test_schema_prints_the_record_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert list(schema["properties"]) == list(Record.__dataclass_fields__)


def test_rules_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "check"]) == 0
    assert capsys.readouterr().out.startswith("2 rules OK")


def test_invalid_rules_folder_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.yaml").write_text("id: broken\nmatch: {caption: '('}\n")
    assert main(["rules", "check", "--rules", str(tmp_path)]) == 2
    assert "invalid rules" in capsys.readouterr().err


def test_tables_shows_what_detection_sees(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", str(SUNDHED)]) == 0
    tables = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    first = tables[0]
    assert first["column_labels"] == [
        "aktivlov",
        "Pensions- love",
        "Sygedag- pengelov",
        "Servicelov",
        "øvrige",
        "I alt",
    ]
    assert [row["label"] for row in first["rows"]] == [
        "Stadfæstelser",
        "Ændringer",
        "Hjemvisninger",
        "Afvisninger",
        "I alt",
    ]
    assert [c["text"] for c in first["rows"][0]["cells"]] == ["15", "7", "4", "51", "0", "77"]


def test_excel_csv_and_formats(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main(
        [
            "extract",
            str(SUNDHED),
            "--out",
            str(out),
            "--format",
            "csv",
            "--excel-csv",
            "--jobs",
            "1",
            "--quiet",
        ]
    )
    assert code == 0
    assert not (out / "records.jsonl").exists()
    text = (out / "records.csv").read_bytes().decode("utf-8-sig")
    header, first = text.splitlines()[:2]
    assert header.startswith("schema_version;record_id;source_file;")
    assert ";aktivloven;aktivlov;;stadfaestet;count;15;reported;A;" in first


def test_unknown_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(SUNDHED), "--out", str(tmp_path), "--format", "xml"]) == 2
    assert "unknown output format 'xml'" in capsys.readouterr().err


def test_missing_path_fails_but_others_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "extract",
            str(tmp_path / "nope.pdf"),
            str(SUNDHED),
            "--out",
            str(tmp_path / "out"),
            "--jobs",
            "1",
            "--quiet",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert err.count("nope.pdf: no such file or folder") == 1  # said once, not twice
    assert len((tmp_path / "out" / "records.jsonl").read_text().splitlines()) == 42


@pytest.mark.parametrize(
    ("out", "reason"),
    [
        ("file.txt", "is a file, not a folder"),
        ("file.txt/records", "cannot write there"),
        ("-", "records are written to a folder, not to standard output"),
    ],
)
def test_an_unusable_output_folder_is_found_before_any_input_is_read(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    out: str,
    reason: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "file.txt").write_text("keep me")
    read: list[Path] = []
    monkeypatch.setattr(
        "extract.run.extract_command._extract_files", lambda _a, inputs, *_r: read.extend(inputs)
    )
    assert main(["extract", str(SUNDHED), "--out", out, "--quiet"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and reason in err[0]
    assert read == []
    assert (tmp_path / "file.txt").read_text() == "keep me"
    assert not (tmp_path / "-").exists()


def test_an_earlier_runs_records_in_the_input_folder_are_not_read_again(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / SUNDHED.name).write_bytes(SUNDHED.read_bytes())
    out = tmp_path / "in" / "out"
    args = ["extract", str(tmp_path / "in"), "--out", str(out), "--jobs", "1", "--quiet"]
    outputs = "jsonl,csv,xlsx,sqlite"  # records.csv and records.xlsx are readable inputs
    assert main([*args, "--format", outputs]) == 0
    assert main([*args, "--format", outputs]) == 0
    report = json.loads((out / "report.json").read_text())
    assert [f["source_file"] for f in report["files"]] == [SUNDHED.name]


def test_folders_are_searched_recursively_for_pdfs(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.PDF").write_bytes(b"%PDF-1.4")
    (tmp_path / "a" / "notes.txt").write_text("x")
    (tmp_path / "a" / ".hidden").mkdir()
    (tmp_path / "a" / ".hidden" / "y.pdf").write_bytes(b"%PDF-1.4")
    assert collect_inputs([tmp_path / "a"]) == [tmp_path / "a" / "b" / "x.PDF"]


def test_files_from_reads_the_listed_paths_with_those_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """--files-from LIST adds the paths it lists (blank lines skipped, "-" for standard input)
    to those named; a list that cannot be read, or no paths at all, is a usage error."""
    listing = tmp_path / "list.txt"
    talportal = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
    listing.write_text(f"\n{talportal}\n\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["extract", str(SUNDHED), "--files-from", str(listing), "--out", str(out)]
    assert main([*args, "--jobs", "1", "--quiet"]) == 0
    report = json.loads((out / "report.json").read_text())
    assert [f["source_file"] for f in report["files"]] == [SUNDHED.name, talportal.name]
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{talportal}\n"))
    args = ["extract", "--files-from", "-", "--out", str(out), "--jobs", "1", "--quiet"]
    assert main(args) == 0
    report = json.loads((out / "report.json").read_text())
    assert [f["source_file"] for f in report["files"]] == [talportal.name]
    capsys.readouterr()
    missing = tmp_path / "nope.txt"
    assert main(["extract", "--files-from", str(missing), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"ankestat: --files-from {missing}: No such file or directory"
    )
    assert main(["extract", "--out", str(out)]) == 2
    assert "give PATHs to read, or --files-from LIST" in capsys.readouterr().err
