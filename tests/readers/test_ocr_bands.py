"""Tables ruled across only, scanned: a header broken over lines is read stack by stack
(``extract.readers.ocr.bands``), where the page reading merged its lines into tall garbled
words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pdf_factory import _font, image_only_pdf
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.readers.ocr.bands import stacked_bands

# Header stacks (centre x: lines) and rows (label, values under them).
STACKS = {
    205: ["Stadfæ-", "stelser"],
    265: ["Hjem-", "vist"],
    325: ["Ændret/", "ophæ-", "vet"],
    385: ["Omgørel-", "ses-", "procent"],
}
ROWS = [
    ("Serviceloven", "120", "31", "22", "29,3"),
    ("Aktivloven", "95", "12", "8", "17,4"),
    ("Barnets lov", "40", "9", "6", "27,3"),
]


def _band_table_pdf(path: Path) -> Path:
    """A table with rules across only: a header band of stacks two and three lines tall,
    a rule under each row."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    c.setFont(_font(), 10)
    c.drawString(50, height - 90, "Tabel 2. Afgørelser i Ishøj Kommune 2023")
    c.setFont(_font(), 8)
    top, band = 110, 156
    c.line(50, height - top, 410, height - top)
    c.drawString(55, height - (top + 26), "Lovområde")
    for x, lines in STACKS.items():
        first = top + 26 - 5 * (len(lines) - 1)
        for i, text in enumerate(lines):
            c.drawCentredString(x, height - (first + 10 * i), text)
    c.line(50, height - band, 410, height - band)
    for r, row in enumerate(ROWS, start=1):
        y = band + 14 * r
        c.drawString(55, height - y, row[0])
        for x, value in zip(STACKS, row[1:], strict=True):
            c.drawRightString(x + 15, height - y, value)
        c.line(50, height - (y + 4), 410, height - (y + 4))
    c.showPage()
    c.save()
    return path


@pytest.mark.slow  # OCR of a page
def test_a_scanned_header_broken_over_lines_between_rules_is_read(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """Every header of the scanned band is understood, every value read as printed."""
    scan = image_only_pdf(_band_table_pdf(tmp_path / "band.pdf"), tmp_path / "scan.pdf")
    result = process_file(scan, rulebook, ReadOptions(ocr=True, ocr_threads=2))
    read = {(r.law_area, r.measure): r.value for r in result.records}
    measures = ["stadfaestet", "hjemvist", "aendret_ophaevet", "omgoerelsesprocent"]
    laws = {
        "Serviceloven": "serviceloven",
        "Aktivloven": "aktivloven",
        "Barnets lov": "barnets_lov",
    }
    expected = {
        (laws[label], measure): float(value.replace(",", "."))
        for label, *values in ROWS
        for measure, value in zip(measures, values, strict=True)
    }
    assert read == expected


def _page(*boxes: tuple[int, int, int, int]) -> Any:
    page = np.full((400, 800), 255, np.uint8)
    for x0, top, x1, bottom in boxes:
        page[top:bottom, x0:x1] = 0
    return page


RULES_ACROSS = [(50.0, 100.0, 700.0, 102.0), (50.0, 200.0, 700.0, 202.0)]
# Letters 12 px tall: two stacks of three lines, one of one line.
THREE_LINES = [(x, y, x + 8, y + 12) for x in (100, 112, 124) for y in (120, 140, 160)]
OTHER_STACK = [(x, y, x + 8, y + 12) for x in (400, 412) for y in (130, 150, 170)]
ONE_LINE = [(x, 145, x + 8, 157) for x in (100, 112, 124, 400, 412)]


def test_a_tall_band_of_stacks_is_cut_into_them() -> None:
    stacks = stacked_bands(_page(*THREE_LINES, *OTHER_STACK), RULES_ACROSS, 1.0)
    assert stacks == [(86, 104, 146, 199), (386, 104, 434, 199)]  # with the white beside


# A body row: its label wrapped over three lines, one-line values beside it.
WRAPPED_ROW = [*THREE_LINES, *((x, 145, x + 8, 157) for x in (300, 400, 500, 600))]


def test_a_band_of_one_line_or_crossed_by_a_rule_down_is_no_stacks() -> None:
    """One line of text; a row whose label alone wraps; a band with its cells drawn."""
    assert stacked_bands(_page(*ONE_LINE), RULES_ACROSS, 1.0) == []
    assert stacked_bands(_page(*WRAPPED_ROW), RULES_ACROSS, 1.0) == []
    down = [*RULES_ACROSS, (300.0, 100.0, 302.0, 202.0)]
    assert stacked_bands(_page(*THREE_LINES, *OTHER_STACK), down, 1.0) == []
