"""A PDF's metadata title types the document when no page prints it: an annual report excerpt
whose pages never say "Årsredegørelse" still gives the whole country's figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.readers import ReadOptions
from tests.pdf_factory import table_items, text_pdf

CAPTION = "Tabel 4.2 Realitetsbehandlede sager efter udfald, 2023"
HEADER = ["Stadfæstet", "Ændret", "Hjemvist", "I alt"]
ROWS = [
    ["Lov om social service", "1.278", "310", "150", "1.738"],
    ["Lov om aktiv socialpolitik", "820", "121", "64", "1.005"],
]


def _report_pdf(path: Path, title: str | None) -> Path:
    items = [(50.0, 80.0, "Kapitel 4: Klagesager på det sociale område"), (50.0, 120.0, CAPTION)]
    items += table_items(150, HEADER, ROWS)
    if title is None:
        return text_pdf(path, [items])
    text_pdf(path, [items])
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setFont("Vera", 9)
    for x, y, text in items:
        draw = c.drawRightString if x < 0 else c.drawString
        draw(abs(x), A4[1] - y, text)
    c.showPage()
    c.save()
    return path


@pytest.mark.parametrize("backend", ["pdfium", "pdfplumber"])
def test_metadata_title_gives_the_annual_reports_entity(
    tmp_path: Path, rulebook: Rulebook, backend: str
) -> None:
    pdf = _report_pdf(tmp_path / "uddrag.pdf", "Årsredegørelse 2023")
    result = process_file(pdf, rulebook, ReadOptions(pdf_backend=backend))
    got = {(r.law_area, r.measure): (r.value, r.entity_scope) for r in result.records}
    assert got[("serviceloven", "stadfaestet")] == (1278, "hele_landet")
    assert got[("aktivloven", "realitetsbehandlede")] == (1005, "hele_landet")
    assert {r.document_type for r in result.records} == {"aarsredegoerelse"}


def test_without_a_title_the_entity_stays_open_and_is_named(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    pdf = _report_pdf(tmp_path / "uddrag.pdf", None)
    result = process_file(pdf, rulebook)
    assert not result.records
    assert any(f.code == "missing_dimension" and "no entity" in f.message for f in result.findings)
