"""``ankestat extract samples``: the figure "Hele landet, serviceloven, omgørelsesprocent,
2020" from every sample that gives it, the scans' OCR readings included (slow: OCR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.cli import main
from tests.conftest import SAMPLES
from tests.figures.test_figures_run import (
    ACCEPTANCE,
    DIGITAL_SOURCES,
    SHEET_363,
    figure_rows,
    key_of,
)

pytestmark = pytest.mark.slow

# the OCR'd scans of the minutes, in input order among the digital sources
SCANS = [
    ("55e50cf3f61bcc3b1950b62b", "scan-referat-ishoej-byraad-2022-10-31.pdf", "36,2 %", 36.2),
    ("9d5d72fc43e48609f10966db", "scan-referat-ishoej-sundhedsudvalg-2021-03-08.pdf", "36", 36),
    ("db62ff7cd47180ec7fe078e8", "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff", "36", 36),
    (
        "f87e35d31b41556506207dae",
        "scan-soegbar-referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
        "36",
        36,
    ),
]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("figures-samples") / "out"
    assert main(["extract", str(SAMPLES), "--out", str(target), "--quiet"]) == 0
    return target


def test_every_source_of_the_acceptance_figure(out: Path) -> None:
    (figure,) = [row for row in figure_rows(out) if key_of(row) == ACCEPTANCE]
    sources = figure["sources"]
    got = [(s["record_id"], s["source_file"], s["cell_text"], s["value"]) for s in sources]
    digital = [(rid, name, text, value) for rid, name, _place, text, value in DIGITAL_SOURCES]
    assert got == digital[:4] + SCANS + digital[4:]
    assert {s["source_kind"] for s in figure["sources"][4:8]} == {"pdf_ocr", "image_ocr"}
    assert (figure["agreement"], figure["spread"]) == ("conflict", 0.3)
    assert figure["preferred_record_id"] == "5fcd7394d80b178bb94d6d3b"
    by_id = {s["record_id"]: s for s in figure["sources"]}
    printed_362 = {rid for rid, s in by_id.items() if s["value"] == 36.2}
    assert len(printed_362) == 4
    assert set(by_id[SHEET_363]["conflicts_with"]) == printed_362
    assert all(not s["conflicts_with"] for s in by_id.values() if s["value"] == 36)
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["totals"]["figures_by_agreement"] == {"single": 1607, "agree": 459, "conflict": 3}
    records = [json.loads(line) for line in (out / "records.jsonl").read_text("utf-8").splitlines()]
    flagged = {r["record_id"] for r in records if "conflict_other_document" in r["flags"]}
    assert {SHEET_363, *printed_362} <= flagged and len(flagged) == 15
