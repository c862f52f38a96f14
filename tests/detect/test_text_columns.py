"""Unruled tables of text (a register, a listing) found from where their lines' words start,
under a header line of text; on a digital page and on a scan fed in sideways."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from extract.detect import detect_tables
from extract.pipeline import read_document
from extract.readers import ReadOptions
from tests.pdf_factory import text_pdf

COLUMNS = (40.0, 110.0, 200.0, 330.0, 450.0)
HEADER = ("Enhed", "Område", "Enhedsnavn", "Adresse", "Afdeling")
ROWS = (
    ("031.001.01", "Ballerup", "Damgårdsparken", "Parkvej 9", "Anne Hassing"),
    ("031.001.02", "Ballerup", "Hørhaven", "Hørhaven 13", "Anne Hassing"),
    ("031.001.03", "Skovlunde", "Skovlunde Stadion", "Torvevej 35", "Ib Flarup"),
    ("031.002", "Måløv", "Måløv Idrætspark", "Måløv Hovedgade 46", "Tom Gerner Jensen"),
    ("032.003", "Ballerup", "Ballerup Super Arena", "Ballerup Idrætsby 4", "Ib Flarup"),
    ("332.051", "Ballerup", "Ballerup Bibliotek", "Banegårdspladsen 1", "Naeema N. Kamal"),
)


def _register(path: Path) -> Path:
    """A page with a title, the register (header and six rows, columns left-aligned) and a
    paragraph under it."""
    items = [(40.0, 60.0, "Ejendomsoversigt grupperet efter udvalg")]
    for row, texts in enumerate((HEADER, *ROWS)):
        items += [(x, 100.0 + 14.0 * row, text) for x, text in zip(COLUMNS, texts, strict=True)]
    items.append(
        (40.0, 220.0, "Oversigten er udarbejdet af Ejendomscentret og opdateres hvert år.")
    )
    return text_pdf(path, [items])


def test_a_register_of_text_is_one_table_with_its_columns(tmp_path: Path) -> None:
    [table] = detect_tables(read_document(_register(tmp_path / "register.pdf"), ReadOptions()))
    assert table.detector == "text_columns"
    assert [r.label for r in table.rows] == [r[0] for r in ROWS]
    assert [c.text if c else None for c in table.rows[3].cells] == list(ROWS[3][1:])
    assert [h[-1] for h in table.column_headers] == list(HEADER[1:])


def test_lines_of_two_or_three_columns_without_a_header_are_no_table(tmp_path: Path) -> None:
    """A table of contents ("1. | Godkendelse af dagsorden | 3") has no header line of text
    over four columns: no table."""
    items = [
        (x, 100.0 + 14.0 * row, text)
        for row in range(8)
        for x, text in zip((40.0, 70.0, 500.0), (f"{row}.", f"Punkt {row}", "3"), strict=True)
    ]
    assert (
        detect_tables(read_document(text_pdf(tmp_path / "toc.pdf", [items]), ReadOptions())) == []
    )


@pytest.mark.slow  # OCR of a page, turned
def test_a_register_scanned_sideways_is_read_as_a_table_of_text(tmp_path: Path) -> None:
    """The register printed, scanned at 200 dpi and fed in turned a quarter: read turned back
    with OCR, it is a table of text with the register's rows."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(_register(tmp_path / "register.pdf")))
    image = pdf[0].render(scale=200 / 72, grayscale=True).to_pil()
    scan = tmp_path / "register.png"
    image.transpose(Image.Transpose.ROTATE_90).save(scan, dpi=(200, 200))
    [table] = detect_tables(read_document(scan, ReadOptions()))
    assert table.detector == "text_columns"
    assert [r.label for r in table.rows] == [r[0] for r in ROWS]
    assert table.rows[2].cells[1] is not None and table.rows[2].cells[1].text == ROWS[2][2]


def test_a_speck_left_of_the_first_column_spans_nothing() -> None:
    """A chunk that ends before the first column starts (a speck an OCR'd page left at the
    margin) stays in its column; it used to fail the whole file (max() of nothing)."""
    from extract.detect.layout import make_line
    from extract.detect.text_columns import _grid
    from tests.pdf_factory import words_at

    header = make_line(words_at(50, 100, "Navn") + words_at(150, 100, "Adresse"))
    speck = make_line(words_at(20, 115, ".") + words_at(150, 115, "Hovedgaden"))
    grid = _grid([(header, [0, 1]), (speck, [0, 1])], [50.0, 150.0], 1)
    assert [(c.row0, c.col0, c.col1) for c in grid.cells] == [
        (0, 0, 0),
        (0, 1, 1),
        (1, 0, 0),
        (1, 1, 1),
    ]
