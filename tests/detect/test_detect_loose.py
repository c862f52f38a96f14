"""Numbers no table holds (extract.detect.loose): a row left outside its table is named,
running text with a number in it is not."""

from __future__ import annotations

from pathlib import Path

from pdf_factory import right_at, word_page, words_at

from extract.detect import LoneCaption, iter_tables
from extract.detect.loose import Loose
from extract.detect.regions import read_page
from extract.readers import ReadOptions
from extract.readers.pdf.reader import read_pdf
from samples.variants.generate import FORMATS, families, generate_one

PROSE = "Antallet af klager er steget en del i forhold til sidste år og ligger nu på 64 sager"


def test_a_row_labelled_in_words_like_prose_is_loose_when_left_out() -> None:
    """A row whose law's long name reads like prose ("Lov om højeste, mellemste, forhøjet
    almindelig og"), its value in a column of its own, standing outside every table: a
    loose line the report names, not running text passed over."""
    words = words_at(60, 100, "Lov om højeste, mellemste, forhøjet almindelig og")
    words += right_at(420, 100, "64")
    words += words_at(60, 111, "almindelig førtidspension")
    loose = [line.text for line in read_page(word_page(words)).loose]
    assert loose == ["Lov om højeste, mellemste, forhøjet almindelig og 64"]


def test_a_number_inside_running_text_is_no_loose_line() -> None:
    words = words_at(60, 100, PROSE)
    assert read_page(word_page(words)).loose == ()


def test_a_row_of_eight_two_digit_values_set_close_is_no_phone_number() -> None:
    """A table's last row carried alone to the next page ("Fleksjob | 47 | 49 | 49 | 50 |
    51 | 50 | 50 | 50", its columns narrow): eight pairs of digits are no Danish phone
    number (four), so the line is loose (named in the report), not a letterhead's."""
    words = words_at(74, 300, "Fleksjob")
    for k, value in enumerate(["47", "49", "49", "50", "51", "50", "50", "50"]):
        words += right_at(368 + 21.8 * k, 300, value)
    loose = [line.text for line in read_page(word_page(words)).loose]
    assert loose == ["Fleksjob 47 49 49 50 51 50 50 50"]


def test_a_phone_number_in_pairs_is_no_loose_line() -> None:
    words = words_at(60, 100, "Tlf.") + words_at(82, 100, "14") + words_at(96, 100, "49")
    words += words_at(110, 100, "31") + words_at(124, 100, "78")
    assert read_page(word_page(words)).loose == ()


def test_a_tables_last_row_carried_alone_into_the_next_page_top_margin_is_loose(
    tmp_path: Path,
) -> None:
    """An annual report whose table's last row ("Andre love i øvrigt | 23") falls alone at
    the top of the next page, in the margin where running headers stand: a label and one
    whole number, like "Årsredegørelse 2024 | 23", but its label in the table's stub column,
    its number in a value column, and no running header like it on the page before: the
    report names it as a loose line, not passed over as a running header."""
    doc = generate_one("84568", 257, tmp_path, FORMATS, families())
    found: list[Loose | LoneCaption] = []
    list(iter_tables(read_pdf(doc, "x", ReadOptions()).pages, found.append))
    on_page_4 = [(x.page, x.lines) for x in found if isinstance(x, Loose) and x.page == 4]
    assert on_page_4 == [(4, ("Andre love i øvrigt 23",))]
