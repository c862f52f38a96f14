"""Lines in a monospaced face with one word of letters: each word set exactly 0.6 em a
character tells the face, so its word spaces (a whole character) join one chunk. Scanned
pages in such a face: their OCR'd words stand wide apart all over the page, which tells it."""

from __future__ import annotations

from pdf_factory import SIZE, mono_at

from extract.detect.layout import group_lines
from extract.model import Word


def test_a_line_with_one_word_of_letters_in_a_monospaced_face_is_one_chunk() -> None:
    """A provision's label wrapped over two lines in Courier, alone on its page's lines in
    that face ("Længerevarende botilbud," / "Almenboligloven - § 105"): one word of
    letters each, but every word exactly a monospaced face's width: one chunk each."""
    words = mono_at(82, 107, "Længerevarende botilbud,") + mono_at(
        82, 117, "Almenboligloven - § 105"
    )
    assert [[c.text for c in line.chunks] for line in group_lines(words)] == [
        ["Længerevarende botilbud,"],
        ["Almenboligloven - § 105"],
    ]


def test_a_proportional_line_with_one_word_of_letters_keeps_its_gaps() -> None:
    """The same words in a proportional face (letters of other widths than 0.6 em) a
    character apart stay apart: one word of letters tells no monospaced face."""
    words, x = [], 82.0
    for text, width in (("Almenboligloven", 61.0), ("-", 3.0), ("§", 5.0), ("105", 15.3)):
        words.append(Word(text, (x, 117, x + width, 117 + SIZE), font_size=SIZE))
        x += width + 0.6 * SIZE
    (line,) = group_lines(words)
    assert len(line.chunks) == 4


def _ocr_line(top: float, parts: list[tuple[float, str]], gap_em: float) -> list[Word]:
    """OCR'd words (boxes hugging the ink, 0.5 em a letter): each part's words from its x,
    ``gap_em`` font sizes apart."""
    words = []
    for x, text in parts:
        for token in text.split():
            width = 0.5 * SIZE * len(token)
            words.append(Word(token, (x, top, x + width, top + SIZE), font_size=SIZE, source="ocr"))
            x += width + gap_em * SIZE
    return words


PROSE = ["Ankestyrelsen har behandlet flere sager end året før", "og omgørelsesprocenten faldt"]


def test_a_scanned_page_in_a_monospaced_face_keeps_its_labels_whole() -> None:
    """A scan of a typewritten or print-out page: OCR'd words of letters stand about 0.8 em
    apart all over the page (a whole character and the bearings), wider than the 0.7 em that
    parts columns in a proportional face; a row label stays one chunk, its values apart."""
    words = _ocr_line(100, [(60, PROSE[0])], 0.8) + _ocr_line(112, [(60, PROSE[1])], 0.8)
    words += _ocr_line(140, [(60, "Børn - andre bestemmelser"), (300, "0"), (340, "2")], 0.8)
    lines = group_lines(words)
    assert [c.text for c in lines[-1].chunks] == ["Børn - andre bestemmelser", "0", "2"]


def test_a_scanned_page_in_a_proportional_face_keeps_its_column_gaps() -> None:
    """The same row on a page whose words stand 0.3 em apart: a label 0.8 em from the next
    column's text is two chunks, as before."""
    words = _ocr_line(100, [(60, PROSE[0])], 0.3) + _ocr_line(112, [(60, PROSE[1])], 0.3)
    label = _ocr_line(140, [(60, "Børn - andre")], 0.3)
    after = label[-1].bbox[2] + 0.8 * SIZE
    words += label + _ocr_line(140, [(after, "Realitetsbehandlede")], 0.3)
    lines = group_lines(words)
    assert [c.text for c in lines[-1].chunks] == ["Børn - andre", "Realitetsbehandlede"]
