"""Lines in a monospaced face with one word of letters: each word set exactly 0.6 em a
character tells the face, so its word spaces (a whole character) join one chunk."""

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
