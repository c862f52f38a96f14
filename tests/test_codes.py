"""The catalogue of codes (extract.codes): the shipped JSON Schema is the one built from it,
every golden record validates against it, and a code outside it cannot be written."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from extract import __version__
from extract.checks.registry import checks_for
from extract.codes import (
    FINDING_MEANINGS,
    FLAG_MEANINGS,
    DocumentTypeCode,
    FindingCode,
    Flag,
    LawAreaCode,
    SourceKind,
)
from extract.interpret.rulebook import Rulebook, RuleError, load_rulebook
from extract.model import Finding
from extract.normalise.reference_files import load_reference
from extract.pipeline import process_file
from extract.schema import record_schema, schema_text
from extract.schema.build import schema_file_text
from extract.schema.codes_doc import codes_markdown
from extract.writers.jsonl import record_dict
from tests.conftest import ROOT, RULES, SAMPLES
from tests.hostile import ods_file

GOLDENS = sorted(SAMPLES.glob("*.records.jsonl"))


def test_the_shipped_schema_is_the_one_built_from_the_codes() -> None:
    assert schema_text() == schema_file_text(), "run: python -m extract.schema.build"


def test_the_codes_page_is_the_one_built_from_the_codes() -> None:
    page = (ROOT / "docs" / "codes.md").read_text(encoding="utf-8")
    assert page == codes_markdown(), "run: python -m extract.schema.codes_doc"


def test_every_code_has_its_meaning() -> None:
    assert set(FLAG_MEANINGS) == set(Flag)
    assert set(FINDING_MEANINGS) == set(FindingCode)
    assert not {str(c) for c in Flag} & {str(c) for c in FindingCode}


@pytest.mark.parametrize("golden", GOLDENS, ids=lambda p: p.name)
def test_every_golden_record_validates_against_the_schema(golden: Path) -> None:
    validator = jsonschema.Draft202012Validator(record_schema())
    rows = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines()]
    assert rows
    for row in rows:
        errors = [e.message for e in validator.iter_errors({**row, "engine_version": "0"})]
        assert errors == [], (golden.name, row["record_id"])


def test_the_goldens_cover_text_ocr_image_and_sheet_kinds() -> None:
    kinds = {
        json.loads(line)["source_kind"]
        for golden in GOLDENS
        for line in golden.read_text(encoding="utf-8").splitlines()
    }
    assert kinds == {"pdf_text", "pdf_ocr", "image_ocr", "xlsx", "csv"}


TABLE = (
    ("Kommune", "Stadfæstet 2021", "Ændret 2021"),
    ("Ishøj", 12, 5),
    ("Fanø", 7, 2),
)


def _ods(path: Path) -> None:
    def cell(value: str | int) -> str:
        if isinstance(value, int):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            '<table:table-cell office:value-type="string">'
            f"<text:p>{value}</text:p></table:table-cell>"
        )

    rows = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in TABLE
    )
    ods_file(path, rows)


def _xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Ark1")
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))


@pytest.mark.parametrize(
    ("kind", "write"), [(SourceKind.ODS, _ods), (SourceKind.XLS, _xls)], ids=["ods", "xls"]
)
def test_records_of_ods_and_xls_files_validate(
    tmp_path: Path, rulebook: Rulebook, kind: SourceKind, write: Callable[[Path], None]
) -> None:
    path = tmp_path / f"ankestatistik.{kind}"
    write(path)
    result = process_file(path, rulebook)
    assert len(result.records) == 4, result.findings
    validator = jsonschema.Draft202012Validator(record_schema())
    for record in result.records:
        assert record.source_kind == kind
        row = record_dict(record)
        assert row["engine_version"] == __version__
        assert [e.message for e in validator.iter_errors(row)] == []


def test_every_check_reports_a_flag_of_the_catalogue(rulebook: Rulebook) -> None:
    assert {check.code for check in checks_for(rulebook.reference.identities)} <= set(Flag)


def test_a_finding_code_outside_the_catalogue_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="no_such_code"):
        Finding("no_such_code", "message")
    with pytest.raises(ValueError):
        Finding(FindingCode.PAGE_NOTE, "message", "loud")  # type: ignore[arg-type]


def test_rules_and_reference_name_only_contract_codes(rulebook: Rulebook) -> None:
    assert {area.code for area in rulebook.reference.law_areas} <= set(LawAreaCode)
    assert {t.code for t in rulebook.document_types} <= set(DocumentTypeCode)


def test_a_document_type_outside_the_contract_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "reference").symlink_to(RULES / "reference")
    text = (RULES / "document_types.yaml").read_text(encoding="utf-8")
    (rules / "document_types.yaml").write_text(
        text + "  nyhedsbrev:\n    - '(?i)nyhedsbrev'\n", encoding="utf-8"
    )
    with pytest.raises(RuleError, match=r"document_types.yaml.*nyhedsbrev.*record contract"):
        load_rulebook(rules)


def test_a_law_area_outside_the_contract_is_refused(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    reference.mkdir()
    for path in (RULES / "reference").iterdir():
        (reference / path.name).symlink_to(path)
    (reference / "law_areas.yaml").unlink()
    text = (RULES / "reference" / "law_areas.yaml").read_text(encoding="utf-8")
    (reference / "law_areas.yaml").write_text(
        text + '  skatteloven:\n    name: "Skatteloven"\n    labels:\n      - "Skatteloven"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match=r"law area 'skatteloven': not a law area of the"):
        load_reference(reference)
