"""Lines Tesseract read as garbage (extract.readers.ocr.garbled): a header of narrow columns,
each cell's text on two lines, first read as word boxes two lines tall in words of neither;
read again as a block, its words come out line by line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import reportlab

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.garbled import garbled_bands, garbled_read_again, without_pen_strokes

FONT = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "VeraBd.ttf")
# The header of Tabel 2.1 of the annual report 2024, as four narrow columns set tight.
CELLS = [("Stadf.-p", "ct."), ("Andel", "ændret"), ("Hjemvist,", "pct."), ("Omgørelse", "i pct.")]
BODY = ["Lov", "om", "aktiv", "beskæftigelsesindsats", "Aktivloven", "Serviceloven"]


def _page() -> tuple[Any, list[TextBox]]:
    """A 300 dpi page: a body of words one line tall, and under it the two-line header; the
    first reading: the body's words, sure, and one garbled box two lines tall per cell."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (1800, 500), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 26)
    kept = []
    x = 60
    for word in BODY:
        left, top, right, bottom = draw.textbbox((x, 60), word, font=font)
        draw.text((x, 60), word, font=font, fill=0)
        kept.append(TextBox(word, 95.0, left, top, right - left, bottom - top, 26.0))
        x = right + 14
    x = 200
    for first, second in CELLS:
        width = max(draw.textlength(first, font=font), draw.textlength(second, font=font))
        draw.text((x, 250), first, font=font, fill=0)
        draw.text((x, 282), second, font=font, fill=0)
        kept.append(TextBox("ies", 8.0, x, 250, int(width), 60, 52.0))
        x += int(width) + 16
    return np.asarray(image), kept


def test_a_garbled_two_line_header_is_one_band_across_the_page() -> None:
    clean, kept = _page()
    bands = garbled_bands(kept, 26, clean.shape[1])
    assert len(bands) == 1
    x0, top, x1, bottom = bands[0]
    assert (x0, x1) == (0, clean.shape[1]) and top < 250 and bottom > 310


def test_a_long_word_read_with_next_to_no_confidence_is_a_garbled_line() -> None:
    """ "Omgerelsssprocent?t"" read with confidence 6 from a 6 pt header: one line tall, yet
    its line is read again; a short unsure word ("a.") is not."""
    clean, kept = _page()
    body = kept[: len(BODY)]
    smeared = TextBox('Omgerelsssprocent?t"', 6.0, 200, 400, 260, 26, 26.0)
    bands = garbled_bands([*body, smeared], 26, clean.shape[1])
    assert len(bands) == 1 and bands[0][1] < 400 < 426 < bands[0][3]
    assert garbled_bands([*body, TextBox("a.", 6.0, 200, 400, 20, 26, 26.0)], 26, 1800) == []


def test_a_sure_tall_word_is_no_garbled_line() -> None:
    clean, kept = _page()
    sure = [TextBox(b.text, 90.0, b.left, b.top, b.width, b.height, b.em) for b in kept]
    assert garbled_bands(sure, 26, clean.shape[1]) == []


def test_the_band_read_again_gives_both_lines_word_by_word() -> None:
    clean, kept = _page()
    words = garbled_read_again(clean, clean, kept, "dan")
    texts = {b.text for b in words}
    assert "ies" not in texts
    assert {"Andel", "ændret", "Hjemvist,", "Omgørelse"} <= texts
    assert set(BODY) <= texts  # the lines around stay as read
    header = [b for b in words if b.text not in BODY]
    assert all(b.height < 45 for b in header)  # one line tall each
    andel = next(b for b in words if b.text == "Andel")
    aendret = next(b for b in words if b.text == "ændret")
    assert aendret.top > andel.top + 20  # the second line under the first


def test_a_pen_stroke_read_as_a_word_three_rows_tall_is_dropped() -> None:
    """ "Can" over three rows of table 4.2 (a pen's tick), read with confidence 52: dropped; a
    sure word two lines tall, and the rows' own words, stay."""
    rows = [
        TextBox(text, 94.0, 40 + 60 * k, 100 + 40 * r, 50, 30, 30.0)
        for r in range(3)
        for k, text in enumerate(["Fleksjob", "§", "116-141", "33%"])
    ]
    pen = TextBox("Can", 52.0, 500, 95, 90, 130, 30.0)
    header = TextBox("2024", 91.0, 600, 20, 40, 66, 30.0)  # "2024" over "Antal" read as one
    kept = without_pen_strokes([*rows, pen, header])
    assert pen not in kept and header in kept and len(kept) == len(rows) + 1


def test_the_run_together_middle_of_small_bold_type_is_no_rule() -> None:
    """At 300 dpi: a rule, a rule over a shaded band and a smear of letters blur ran
    together (a run as long as a rule, letters standing out of it up and down): the two
    rules are found, the smear is not (painted white as a rule, the header was lost)."""
    import numpy as np

    from extract.readers.ocr.image_rulings import ruling_boxes

    scale = 300 / 72
    page = np.full((900, 1600), 235, np.uint8)
    page[100:104, 100:1500] = 30  # a rule
    page[300:304, 100:1500] = 30  # a rule over a grey band
    page[304:360, 100:1500] = 190
    page[600:605, 300:900] = 40  # the smear: letters' middles run together ...
    for x in range(300, 900, 14):  # ... and their bodies standing out both ways
        page[588:617, x : x + 9] = 40
    found = sorted(round(top / scale) for _x0, top, x1, bottom in ruling_boxes(page, scale))
    assert 24 in found and 72 in found
    assert not any(138 <= top <= 148 for top in found)


@pytest.mark.slow  # a variant drawn, scanned and OCR'd
def test_one_garbled_cell_among_sure_header_words_is_read_again_alone(
    tmp_path: Path,
) -> None:
    """A scanned layout variant (seed 705219, document 9, page 1: JPEG at 300 dpi, grey
    paper, a grey header fill): its header line "Instans Udfald Lovområde" and the period
    cell "dec" over "2024", first read as one unsure word ("Sa"). Read again, the band as a
    whole is no surer (its other words were sure already); the cell alone is, and gives
    both its words: the month is not lost (a bare "2024" would make the month's values the
    year's)."""
    import pypdfium2

    from extract.readers.ocr.pages import OcrSettings, ocr_page
    from samples.variants.generate import families, generate_one
    from samples.variants.scan import scan_document

    source = generate_one("705219", 9, tmp_path, ["pdf"], families())
    stem = source.name.rsplit(".", 1)[0]
    scan = scan_document(
        source,
        tmp_path / f"{stem}.truth.jsonl",
        tmp_path / f"{stem}.layout.json",
        tmp_path / "scan",
        "705219",
    )
    page = pypdfium2.PdfDocument(scan)[0]
    width, height = page.get_size()
    image = page.render(scale=300 / 72, grayscale=True).to_pil()
    content = ocr_page(image, 1, width, height, OcrSettings())
    words = [w.text for w in content.words if 290 < w.bbox[1] < 330]
    assert {"Instans", "Udfald", "Lovområde", "dec", "2024"} <= set(words)
