"""Font sizes of OCR'd lines from the shapes of their words (extract/readers/ocr/font.py)."""

from __future__ import annotations

import pytest

from extract.readers.ocr.font import line_em, word_em


@pytest.mark.parametrize(
    ("text", "height"),
    [
        ("om", 5.2),  # x-height only
        ("aktivlov", 7.2),  # ascenders
        ("gruppe", 7.3),  # descenders
        ("Hjælpemidler", 9.3),  # both
        ("1.278", 7.2),  # digits reach capital height
    ],
)
def test_words_of_one_font_size_give_it_whatever_their_letters(text: str, height: float) -> None:
    em = word_em(text, height)
    assert em is not None
    assert em == pytest.approx(10.0, rel=0.02)


@pytest.mark.parametrize("text", ["-", "x", "…", "Ωmega"])
def test_marks_single_characters_and_unknown_letters_tell_nothing(text: str) -> None:
    assert word_em(text, 8.0) is None


def test_a_line_takes_the_median_of_its_words_or_else_its_box() -> None:
    assert line_em(["om", "aktivlov", "Hjælpemidler"], [5.2, 7.2, 9.3], 9.3) == pytest.approx(
        10.0, rel=0.02
    )
    assert line_em(["-", "§"], [1.0, 9.0], 9.3) == pytest.approx(10.0)
