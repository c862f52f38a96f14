"""Tesseract's words before they become page words: section signs never taken for dirt, and a
word box two lines tall read again."""

from __future__ import annotations

from typing import Any

import pytest

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.words import is_speck, more_lines, on_a_ruling, tall_words


@pytest.mark.parametrize("text", ["§", "§§", "$§", "&"])
def test_section_signs_read_unsurely_are_not_dirt(text: str) -> None:
    assert not is_speck(TextBox(text, 40.0, 100, 100, 20, 30, 30.0), [])


def test_lone_punctuation_read_unsurely_is_dirt() -> None:
    assert is_speck(TextBox(".", 40.0, 100, 100, 5, 5, 30.0), [])


def test_a_word_box_two_lines_tall_is_read_again_as_a_block() -> None:
    """ "2023" over "K2" read as one word "2023" has a box twice the height of the words
    around it: it is picked to be read again, and the reading with the second line wins."""
    words = [
        TextBox(text, 96.0, 50 * k, 100, 40, 30, 30.0)
        for k, text in enumerate(["og", "af", "til", "i alt"])
    ]
    words = [*words, TextBox("Stadfæstede", 96.0, 0, 200, 120, 30, 30.0)]
    words.append(TextBox("2023", 82.0, 400, 100, 40, 75, 30.0))
    assert tall_words(words) == [(len(words) - 1,)]
    assert more_lines("2023 K2", 93.0, "2023")
    assert more_lines("ANTAL PERSONER", 91.0, "PERSONER")  # the line above lost
    assert not more_lines("2023", 96.0, "2023")
    assert not more_lines("2O23 K2", 93.0, "2023")
    assert not more_lines("persone. r", 90.0, "personer")
    assert not more_lines("2024 kj", 33.0, "2024")


def test_a_cells_two_lines_read_as_one_are_read_again_with_the_words_beside_them() -> None:
    """ "Lov om social" over "service" in a stub cell: Tesseract gives "Lov" and "om" boxes
    two lines tall beside "social" one line tall, and no "service"; the three are read again
    together. A tall word with another line's word just above it is not read again."""
    words = [
        TextBox(text, 96.0, 60 * k, 100, 40, 30, 30.0)
        for k, text in enumerate(["Realitetsbehandlet", "og", "af"])
    ]
    words.append(TextBox("Stadfæstede", 96.0, 0, 300, 120, 30, 30.0))
    run = [
        TextBox("Lov", 56.0, 400, 200, 40, 68, 30.0),
        TextBox("om", 91.0, 450, 205, 25, 60, 30.0),
        TextBox("social", 96.0, 485, 200, 70, 32, 30.0),
    ]
    first = len(words)
    assert tall_words([*words, *run]) == [(first, first + 1, first + 2)]
    assert more_lines("Lov om social service", 94.0, "Lov om social")
    header = TextBox("Sagsemne", 91.0, 400, 165, 90, 30, 30.0)  # 5 pixels above the run
    assert tall_words([*words, *run, header]) == []


def test_ink_no_word_covers_is_found_as_a_region() -> None:
    """A column of numbers far right of its labels that the first reading skipped is found
    as one region; once words cover it, nothing is left unread; dust is never a region."""
    import cv2
    import numpy as np

    from extract.readers.ocr.image import unread_ink

    scale = 300 / 72
    page = np.full((int(400 * scale), int(800 * scale)), 255, np.uint8)
    column = []
    for row in range(10):
        y = int((100 + 16 * row) * scale)
        cv2.putText(
            page, str(100 + 7 * row), (int(700 * scale), y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 3
        )
        column.append((int(695 * scale), y - int(10 * scale), int(40 * scale), int(14 * scale)))
    for x, y in ((50, 50), (300, 350), (600, 30)):  # dust: specks far smaller than a letter
        page[int(y * scale) : int(y * scale) + 3, int(x * scale) : int(x * scale) + 3] = 0
    [(x0, top, x1, bottom)] = unread_ink(page, [], scale)
    assert 690 * scale <= x0 and x1 <= 760 * scale
    assert top <= 96 * scale and bottom >= 240 * scale
    assert unread_ink(page, column, scale) == []


SCALE = 300 / 72  # pixels per point at 300 dpi


def _cell_with(*marks: tuple[int, int, int, int]) -> Any:
    """A white 60 x 18 pt cell (pixels at 300 dpi) with black boxes (x, y, width, height)."""
    import numpy as np

    crop = np.full((int(18 * SCALE), int(60 * SCALE)), 255, np.uint8)
    for x, y, w, h in marks:
        crop[y : y + h, x : x + w] = 0
    return crop


def test_a_cell_holding_one_dash_reads_as_a_dash() -> None:
    """A lone en dash (5 pt by 0.7 pt) in a cell, a speck beside it: read as "-" where
    Tesseract reads nothing; the nil mark of Danish tables is not lost."""
    import numpy as np

    from extract.readers.ocr.cells import DASH_CONFIDENCE, read_cells

    crop = _cell_with((200, 36, 21, 3), (40, 10, 2, 2))
    page = np.full((400, 600), 255, np.uint8)
    page[100 : 100 + crop.shape[0], 300 : 300 + crop.shape[1]] = crop
    cell = (300, 100, 300 + crop.shape[1], 100 + crop.shape[0])
    (dash,) = read_cells(page, [cell], "dan", SCALE)
    assert (dash.text, dash.confidence) == ("-", DASH_CONFIDENCE)
    assert (dash.left, dash.top, dash.width, dash.height) == (500, 136, 21, 3)
    assert read_cells(page, [cell], "dan") == []  # without the page's scale: as before


@pytest.mark.parametrize(
    "marks",
    [
        [(0, 36, 21, 3)],  # touching the cell's side: a rule's remains
        [(200, 36, 21, 3), (120, 30, 12, 12)],  # another mark beside it
        [(200, 30, 21, 12)],  # a block, not a bar
        [(200, 36, 6, 3)],  # too short: a speck
        [(10, 36, 230, 3)],  # as wide as the cell: a rule
    ],
)
def test_other_ink_in_a_cell_is_no_dash(marks: list[tuple[int, int, int, int]]) -> None:
    from extract.readers.ocr.cells import lone_dash

    assert lone_dash(_cell_with(*marks), SCALE) is None


def test_a_flat_box_read_with_very_low_confidence_is_dirt() -> None:
    """A box a quarter of the page's word height read as "EH" with confidence 0: the edge of
    a fill left after straightening. A flat box read surely ("-"), or a word of full height
    read unsurely, is no such dirt."""
    assert is_speck(TextBox("EH", 0.0, 100, 100, 14, 6, 30.0), [], middle=24)
    assert not is_speck(TextBox("EH", 0.0, 100, 100, 14, 6, 30.0), [])  # (height unknown)
    assert not is_speck(TextBox("2024", 0.0, 100, 100, 60, 24, 30.0), [], middle=24)
    assert not is_speck(TextBox("—", 92.0, 100, 100, 14, 4, 30.0), [], middle=24)


def test_a_box_read_unsurely_on_a_ruling_is_the_ruling_read_as_text() -> None:
    across = (100.0, 110.0, 900.0, 113.0)  # x0, top, x1, bottom (pixels)
    assert on_a_ruling(TextBox("En", 7.0, 400, 100, 30, 20, 30.0), [across])
    assert not on_a_ruling(TextBox("En", 90.0, 400, 100, 30, 20, 30.0), [across])  # sure
    assert not on_a_ruling(TextBox("En", 7.0, 400, 116, 30, 20, 30.0), [across])  # under it
    down = (410.0, 0.0, 413.0, 900.0)
    assert not on_a_ruling(TextBox("En", 7.0, 400, 100, 30, 20, 30.0), [down])


def test_a_lone_letter_as_flat_as_a_ruling_is_dirt_however_sure() -> None:
    """ "i" read with confidence 71 from a box a fiftieth of the word height: a ruling's
    remains at a cell's corner, not a letter. A lone letter of full height is kept."""
    assert is_speck(TextBox("i", 71.0, 100, 100, 2, 2, 30.0), [], middle=24)
    assert not is_speck(TextBox("i", 71.0, 100, 100, 4, 20, 30.0), [], middle=24)
