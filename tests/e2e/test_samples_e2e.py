"""End to end on samples/: every record equals its golden, every value its independent truth.

Goldens (``samples/<name>.records.jsonl``) are the engine's exact records, reviewed and
committed; they are rewritten only with ``pytest --update-goldens``. A missing golden fails.
Truth files (``samples/<name>.truth.jsonl``) come from the sample generator, which knows what it
printed, independently of the engine.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook, load_rulebook
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.writers.jsonl import record_dict
from tests.conftest import RULES, SAMPLES
from tests.goldens import check_golden, read_jsonl, records_as_rows

# Digital samples; the "scan-" ones are image-only (aktindsigt) copies for the OCR reader.
PDFS = sorted(p for p in SAMPLES.glob("*.pdf") if not p.name.startswith("scan-"))
SCANS = sorted(SAMPLES.glob("scan-*.pdf"))
# scans with no text layer ("scan-soegbar-*" has a scanner's, read unless OCR judges it poor)
IMAGE_ONLY = [p for p in SCANS if not p.name.startswith("scan-soegbar-")]
TRUTH_KEYS = (
    "page",
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


@cache
def _result(path: Path) -> FileResult:
    return process_file(path, load_rulebook(RULES))


def _records(path: Path) -> list[dict[str, Any]]:
    return records_as_rows(_result(path))


def test_there_are_samples() -> None:
    assert [p.name for p in PDFS] == [
        "aarsredegoerelse-2024.pdf",
        "referat-ishoej-byraad-2022-10-31.pdf",
        "referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
    ]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_records_equal_golden(pdf: Path, update_goldens: bool) -> None:
    check_golden(_records(pdf), pdf.with_suffix(".records.jsonl"), update_goldens)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_printed_value_emitted_exactly_once(pdf: Path) -> None:
    truth = read_jsonl(pdf.with_suffix(".truth.jsonl"))
    got = Counter(tuple(r[k] for k in TRUTH_KEYS) for r in _records(pdf))
    want = Counter(tuple(t[k] for k in TRUTH_KEYS) for t in truth)
    assert got - want == Counter(), "values emitted that were not printed"
    assert want - got == Counter(), "printed values not emitted"
    for record, row in zip(
        sorted(_records(pdf), key=_order), sorted(truth, key=_order), strict=True
    ):
        if row["table_id"] is not None:
            assert record["table_id"] == row["table_id"]


def _order(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(str(row[k]) for k in TRUTH_KEYS)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_table_mapped_and_file_ok(pdf: Path) -> None:
    result = _result(pdf)
    assert result.status is FileStatus.OK
    assert result.tables and all(t.rule_id for t in result.tables)
    assert not [f for f in result.findings if f.severity == "error"]


def test_annual_report_tables() -> None:
    result = _result(SAMPLES / "aarsredegoerelse-2024.pdf")
    values = {t.table_id: (t.rule_id, t.page, t.values) for t in result.tables}
    assert values == {
        "4.2": ("ankestyrelsens-egne-tal", 3, 78),
        "4.3": ("ankestyrelsens-egne-tal", 4, 24),
        "4.4": ("ankestyrelsens-egne-tal", 4, 88),
        "4.5": ("ankestyrelsens-egne-tal", 5, 33),
        "4.6": ("ankestyrelsens-egne-tal", 5, 9),
        "4.7": ("ankestyrelsens-egne-tal", 6, 12),
        "4.8": ("ankestyrelsens-egne-tal", 7, 1092),
    }
    bilag = [r for r in result.records if r.table_id == "4.8"]
    assert sorted({r.page for r in bilag}) == [7, 8, 9, 10, 11]


def _find(result: FileResult, **where: Any) -> list[dict[str, Any]]:
    rows = [record_dict(r) for r in result.records]
    return [r for r in rows if all(r[k] == v for k, v in where.items())]


def test_wrapped_labels_are_joined_not_split() -> None:
    result = _result(SAMPLES / "aarsredegoerelse-2024.pdf")
    label = (
        "Børn - KSB - Ikke frist - Ungestøtte - § 114, stk. 1, nr. 2-4, § 114, stk. 2, "
        "§ 115, § 116, § 117"
    )
    rows = _find(result, table_id="4.8", provision=label)
    assert [(r["measure"], r["value"]) for r in rows] == [
        ("stadfaestet", 38),
        ("hjemvist", 21),
        ("aendret_ophaevet", 8),
        ("realitetsbehandlede", 67),
        ("andel_hjemvist", 31),
        ("andel_aendret", 12),
        ("omgoerelsesprocent", 43),
    ]
    assert {r["law_area"] for r in rows} == {"barnets_lov"}
    assert {r["row_label"] for r in rows} == {label}


def test_danish_numbers_and_not_applicable() -> None:
    result = _result(SAMPLES / "aarsredegoerelse-2024.pdf")
    [afgjorte] = _find(result, table_id="4.2", law_area="lab", period="2022", measure="afgjorte")
    assert (afgjorte["cell_text"], afgjorte["value"], afgjorte["status"]) == (
        "1.278",
        1278,
        "reported",
    )
    barnets = _find(result, table_id="4.2", law_area="barnets_lov", period="2022")
    assert {(r["cell_text"], r["value"], r["status"], r["obs_status"]) for r in barnets} == {
        ("-", None, "not_applicable", "M")
    }
    [weeks] = _find(result, table_id="4.6", period="2024", measure="sagsbehandlingstid_uger")
    assert (weeks["value"], weeks["unit"]) == (26.3, "weeks")
    [medhold] = _find(result, table_id="4.7", period="2022", measure="medholdsprocent")
    assert (medhold["cell_text"], medhold["value"], medhold["unit"]) == ("54%", 54, "percent")


def test_glitches_are_illegible_and_flagged_never_guessed() -> None:
    result = _result(SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf")
    illegible = {
        (
            r["municipality"],
            r["period"],
            r["measure"],
            r["cell_text"],
            r["value"],
            tuple(r["flags"]),
        )
        for r in _find(result, status="illegible")
    }
    assert illegible == {
        ("Ishøj", "2019", "stadfaestelsesprocent", "62, %", None, ("truncated_number",)),
        (None, "2019", "realitetsbehandlede", "9301 sager101", None, ("merged_text",)),
        (None, "2019", "stadfaestelsesprocent", "59,%", None, ("truncated_number",)),
    }
    [landet] = _find(
        result, entity_scope="hele_landet", period="2020", measure="realitetsbehandlede"
    )
    assert (landet["cell_text"], landet["value"]) == ("10329 sager", 10329)


def test_cooperation_and_conflicting_sources_are_visible() -> None:
    result = _result(SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf")
    [bilag_total] = _find(
        result,
        provision=None,
        law_area="serviceloven",
        period="2021",
        measure="realitetsbehandlede",
        table_id="p3-t1",
    )
    assert bilag_total["value"] == 50
    assert bilag_total["cooperation"] == [
        {
            "delegating_code": 187,
            "delegating": "Vallensbæk",
            "area": "det specialiserede socialområde for børn og voksne (serviceloven); "
            "Ishøjs ankestatistik omfatter også Vallensbæk-borgere",
        }
    ]
    # The byråd table says 52 realitetsbehandlede serviceloven cases in 2021, the bilag 50.
    assert bilag_total["flags"] == ["conflict_other_source"]
    [summary] = _find(
        result,
        table_id="p1-t1",
        municipality_code=183,
        period="2021",
        measure="realitetsbehandlede",
    )
    assert (summary["value"], summary["flags"]) == (52, ["conflict_other_source"])
    national = _find(result, entity_scope="hele_landet")
    assert national and all(
        r["cooperation"] == [] and r["municipality_code"] is None for r in national
    )


def test_record_ids_are_deterministic_and_unique(rulebook: Rulebook) -> None:
    pdf = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"
    first = [r.record_id for r in process_file(pdf, rulebook).records]
    second = [r.record_id for r in process_file(pdf, rulebook).records]
    assert first == second
    assert len(set(first)) == len(first)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_both_pdf_backends_give_the_same_values(pdf: Path, rulebook: Rulebook) -> None:
    """PDFium (default) and pdfplumber read the same text layer: same values, same places."""
    plumber = process_file(pdf, rulebook, ReadOptions(pdf_backend="pdfplumber"))
    fields = ("record_id", *TRUTH_KEYS, "row_label", "column_label", "cell_text", "flags")

    def view(records: Any) -> list[tuple[Any, ...]]:
        return [tuple(record_dict(r)[k] for k in fields) for r in records]

    assert view(plumber.records) == view(_result(pdf).records)


@pytest.mark.parametrize("scan", IMAGE_ONLY, ids=lambda p: p.stem)
def test_scanned_samples_read_without_ocr_are_reported_as_needing_it(
    scan: Path, rulebook: Rulebook
) -> None:
    """With OCR turned off (``--no-ocr``) a scan gives no records, each page reported."""
    result = process_file(scan, rulebook, ReadOptions(ocr=False))
    assert result.status is FileStatus.PARTIAL
    assert result.pages_needing_ocr == tuple(range(1, result.pages + 1))
    assert {f.code for f in result.findings} == {"needs_ocr"}
    assert result.records == ()
