"""Tesseract's words before they become page words: section signs never taken for dirt, and a
word box two lines tall read again."""

from __future__ import annotations

import pytest

from extract.readers.ocr_cells import TextBox
from extract.readers.ocr_words import is_speck, more_lines, tall_words


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
    assert tall_words(words) == [len(words) - 1]
    assert more_lines(("2023 K2", 93.0), "2023")
    assert not more_lines(("2023", 96.0), "2023")
    assert not more_lines(("2O23 K2", 93.0), "2023")
    assert not more_lines(("persone. r", 90.0), "personer")
    assert not more_lines(("2024 kj", 33.0), "2024")
