"""Numbers with a digit Tesseract left out (extract.readers.ocr.digits): "46" read as "4" is
read again over the lost digit's ink, or kept unsure, never passed on as sure."""

from __future__ import annotations

import os
from typing import Any

import reportlab

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.digits import UNSURE, lost_ink, with_lost_digits

FONT = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")


def _page(text: str = "46") -> tuple[Any, tuple[int, int, int, int]]:
    """A 300 dpi strip with ``text`` printed at 9 pt; the ink's box (x0, top, x1, bottom)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("L", (600, 160), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 38)
    draw.text((200, 50), text, font=font, fill=0)
    page = np.asarray(image)
    rows, cols = np.nonzero(page < 128)
    return page, (int(cols.min()), int(rows.min()), int(cols.max()) + 1, int(rows.max()) + 1)


def _box(text: str, x0: int, top: int, x1: int, bottom: int, confidence: float = 95.0) -> TextBox:
    return TextBox(text, confidence, x0, top, x1 - x0, bottom - top, 40.0)


def test_a_box_wider_than_its_digits_is_read_again_and_gives_the_lost_digit() -> None:
    page, (x0, top, x1, bottom) = _page()
    kept = [_box("4", x0, top, x1, bottom)]  # the box over "46", its text "4"
    assert lost_ink(page, kept) == {0: (x0, top, x1, bottom)}
    (again,) = with_lost_digits(page, kept, "eng")
    assert again.text == "46" and again.confidence >= 70


def test_a_digits_ink_beside_the_box_is_taken_in() -> None:
    page, (x0, top, x1, bottom) = _page()
    middle = (x0 + x1) // 2
    kept = [_box("4", x0, top, middle - 1, bottom)]  # the box over the "4" alone
    grown = lost_ink(page, kept)
    assert grown[0][0] == x0 and grown[0][2] >= x1 - 1


def test_a_number_read_whole_is_left_as_read() -> None:
    page, (x0, top, x1, bottom) = _page()
    kept = [_box("46", x0, top, x1, bottom)]
    assert lost_ink(page, kept) == {}
    assert with_lost_digits(page, kept, "eng") == kept


def test_a_number_not_read_again_surely_is_kept_unsure() -> None:
    """Ink beside "4" that is no digit read ("■", a blot as big as one): the number stays
    "4" but unsure, so it is flagged."""
    import numpy as np

    page, (x0, top, x1, bottom) = _page("4")
    page = page.copy()
    height = bottom - top
    page[top + 2 : bottom - 2, x1 + 4 : x1 + 4 + height - 4] = 0
    kept = [_box("4", x0, top, x1, bottom)]
    assert 0 in lost_ink(page, kept)
    (again,) = with_lost_digits(page, kept, "eng")
    assert again.text == "4" and again.confidence <= UNSURE
    assert np.count_nonzero(page < 128) > 0


def test_a_pen_stroke_through_the_number_is_no_lost_digit() -> None:
    page, (x0, top, x1, bottom) = _page()
    page = page.copy()
    page[top - 30 : bottom + 30, x1 + 6 : x1 + 10] = 0  # a stroke down past the line
    assert lost_ink(page, [_box("46", x0, top, x1, bottom)]) == {}


def test_a_letter_a_word_space_before_a_year_is_no_lost_digit() -> None:
    """ "i 2024" at the end of a caption, the "I" left out of the words (dropped as dirt): a
    word space (a quarter of the font size) apart, it is no digit of the year (read again,
    "12024"); a digit as close as digits stand is."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(FONT, 38)
    for gap, lost in ((11, False), (3, True)):  # ink apart: a word space, a digit's spacing
        image = Image.new("L", (600, 160), 255)
        draw = ImageDraw.Draw(image)
        draw.text((200, 50), "I", font=font, fill=0)
        i_right = int(np.nonzero(np.asarray(image) < 128)[1].max()) + 1
        year_ink = draw.textbbox((0, 50), "2024", font=font)
        probe = Image.new("L", (600, 160), 255)
        ImageDraw.Draw(probe).text((0, 50), "2024", font=font, fill=0)
        bearing = int(np.nonzero(np.asarray(probe) < 128)[1].min())
        left = i_right + gap - bearing
        draw.text((left, 50), "2024", font=font, fill=0)
        page = np.asarray(image)
        rows, cols = np.nonzero(page[:, left:] < 128)
        x1 = left + year_ink[2]
        year = _box("2024", left + int(cols.min()), int(rows.min()), x1, int(rows.max()) + 1)
        assert (0 in lost_ink(page, [year])) is lost


def test_a_lone_digit_as_narrow_as_a_one_is_kept_unsure() -> None:
    """A "1" read as "4" (its ink box 2.6 points wide, 6.9 tall: no "4" is that narrow) is kept
    at most UNSURE; a "4" as wide as one prints, and a narrow "1", stay as read."""
    from extract.readers.ocr.digits import with_narrow_digits_unsure

    narrow_four = TextBox("4", 95.0, 2205, 1857, 11, 29, 29.0)
    four = TextBox("4", 95.0, 2205, 1957, 20, 29, 29.0)
    one = TextBox("1", 95.0, 2205, 2057, 11, 29, 29.0)
    out = with_narrow_digits_unsure([narrow_four, four, one])
    assert out[0].confidence == UNSURE
    assert out[1] == four and out[2] == one
