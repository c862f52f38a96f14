"""Numbers no table holds (extract.detect.loose): a row left outside its table is named,
running text with a number in it is not."""

from __future__ import annotations

from pdf_factory import right_at, word_page, words_at

from extract.detect.regions import read_page

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
