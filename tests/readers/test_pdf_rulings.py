"""Rules and type from the PDF text layer, with both backends: borders drawn as thin filled
bars are rulings (one each), shading inside shading of one colour draws none, bold type set
at size 1 and scaled up stays bold, and a standard bold font reads bold."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import bar_table_pdf, body, labels, scaled_text_pdf

from extract.detect import detect_table_grids
from extract.readers import ReadOptions
from extract.readers.pdf.reader import read_pdf

BACKENDS = ("pdfium", "pdfplumber")


@pytest.mark.parametrize("backend", BACKENDS)
def test_word_table_with_bar_borders_and_nested_shading(tmp_path: Path, backend: str) -> None:
    pdf = bar_table_pdf(tmp_path / "bars.pdf")
    document = read_pdf(pdf, "x", ReadOptions(pdf_backend=backend))
    (detected,) = detect_table_grids(document)
    ((grid),) = detected.grids
    assert (grid.n_rows, grid.n_cols) == (4, 3)  # no edges from the inner shading
    table = detected.candidate
    assert table.detector == "ruled"
    assert labels(table) == ["2023", "2024"]
    assert body(table) == [
        ("Serviceloven", "12", "15"),
        ("Pension", "3", "4"),
        ("I alt", "15", "19"),
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_thin_bar_is_one_ruling(tmp_path: Path, backend: str) -> None:
    pdf = bar_table_pdf(tmp_path / "bars.pdf", shaded=False)
    (page,) = read_pdf(pdf, "x", ReadOptions(pdf_backend=backend)).pages
    horizontal = sorted(round(r.top, 1) for r in page.rulings if r.horizontal)
    vertical = sorted(round(r.x0, 1) for r in page.rulings if not r.horizontal)
    assert horizontal == [100.0, 120.0, 136.0, 152.0, 168.0]
    assert vertical == [60.0, 200.0, 280.0, 360.0]


@pytest.mark.parametrize("backend", BACKENDS)
def test_bold_type_scaled_from_size_one_stays_bold(tmp_path: Path, backend: str) -> None:
    pdf = scaled_text_pdf(tmp_path / "scaled.pdf", "Samlet pris 12")
    (page,) = read_pdf(pdf, "x", ReadOptions(pdf_backend=backend)).pages
    assert [(w.text, w.bold) for w in page.words] == [
        ("Samlet", True),
        ("pris", True),
        ("12", True),
    ]


@pytest.mark.parametrize("backend", BACKENDS)
def test_standard_bold_font_reads_bold(tmp_path: Path, backend: str) -> None:
    """Helvetica-Bold (one of the standard 14 fonts: no weight given) is bold by its name."""
    pdf = scaled_text_pdf(tmp_path / "helvetica.pdf", "I alt", font="Helvetica-Bold", scale=1)
    (page,) = read_pdf(pdf, "x", ReadOptions(pdf_backend=backend)).pages
    assert [(w.text, w.bold) for w in page.words] == [("I", True), ("alt", True)]
