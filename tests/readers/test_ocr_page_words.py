"""Which "§41"-like words are label text (extract.readers.ocr.page_words): a section sign and a
number a word space after a word of letters is a provision's paragraph, never given a
digits-only reading ("§41" read "541"); alone in a value column it is a number whose first
digit was read as the sign ("§2" for "52"), and is read again."""

from __future__ import annotations

from extract.readers.ocr.page_words import after_a_word

# (text, confidence, left, top, width, height), page pixels at 300 dpi
LABEL = ("Merudgiftydelse", 90.0, 140, 770, 263, 34)
PARAGRAPH = ("§41", 89.0, 416, 771, 55, 29)  # 13 pixels after the label: a word space
VALUE = ("§2", 88.0, 2579, 1816, 43, 32)  # alone in its column


def test_a_paragraph_after_its_label_is_label_text() -> None:
    assert after_a_word([LABEL, PARAGRAPH], 1)


def test_a_value_alone_in_its_column_is_not() -> None:
    others = [("Sygedagpenge", 92.0, 310, 1812, 278, 48), ("63", 96.0, 2290, 1816, 44, 32)]
    assert not after_a_word([*others, VALUE], 2)
    # nor a paragraph whose label stands a column's gap away
    far = ("Merudgiftydelse", 90.0, 40, 770, 263, 34)
    assert not after_a_word([far, PARAGRAPH], 1)
