"""Words grouped into lines (``extract.detect.word_rows``): a label wrapped over two lines in
a narrow cell, one of whose OCR'd boxes reaches down over the next line, reads line by line.
Boxes from a scanned minutes' table ("Bistand til særlige aktiviteter - §§ 17 og 18",
points)."""

from __future__ import annotations

from extract.detect.grid import words_text
from extract.detect.word_rows import group_word_rows
from extract.model import Word


def ocr(text: str, x0: float, top: float, x1: float, bottom: float) -> Word:
    return Word(text, (x0, top, x1, bottom), source="ocr", confidence=93.0, font_size=6.0)


CELL = [
    ocr("Bistand", 69.1, 685.4, 90.2, 690.4),
    ocr("til", 92.4, 685.4, 96.7, 690.2),
    ocr("særlige", 99.1, 685.4, 120.0, 691.6),
    ocr("aktiviteter", 122.1, 685.4, 149.7, 690.4),
    ocr("-", 151.9, 688.0, 153.5, 689.0),
    ocr("og", 86.4, 688.5, 93.3, 700.3),  # Tesseract's box: twice a line's height
    ocr("§§", 69.1, 692.8, 75.8, 699.3),
    ocr("17", 78.7, 693.1, 84.9, 697.9),
    ocr("18", 96.7, 693.1, 102.9, 697.9),
]


def test_a_cells_label_with_a_tall_box_reads_line_by_line() -> None:
    assert words_text(CELL) == "Bistand til særlige aktiviteter - §§ 17 og 18"


def test_a_pages_lines_are_grouped_as_they_come() -> None:
    """Tables are found from a page's lines as grouped: the tall box joins the two there."""
    assert len(group_word_rows(CELL)) == 1
    assert len(group_word_rows(CELL, split_tall=True)) == 2


def test_text_layer_words_are_never_split() -> None:
    words = [Word(w.text, w.bbox) for w in CELL]
    assert len(group_word_rows(words, split_tall=True)) == 1
