"""Tesseract's word boxes sorted before they become page words: dirt read as text, and word
boxes two lines tall.

In: the ``TextBox``es Tesseract read on a page (pixels). Out: whether a box is scanner dirt
(``is_speck``), which boxes hold two lines read as one (``tall_words``), and whether a second
reading of such a box gave the missing line (``more_lines``). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.readers.ocr_cells import TextBox

# Lone punctuation read with less confidence than this is dirt on the scan, not text.
SPECK_CONFIDENCE = 80.0
# A lone letter read with less confidence than this is dirt too (dirt is often read as "i").
LONE_LETTER_CONFIDENCE = 70.0
_PUNCTUATION = re.compile(r"^[\W_]{1,3}$")
# Section signs as OCR reads them ("§", "§§", "$§", "&"): printed text in a provision's label,
# never dirt, however unsure the reading (dropping one left a gap that split "Fleksløntilskud
# - §§ 123-125" into a label and a value column).
SECTION_SIGNS = frozenset("§$&")


def only_section_signs(text: str) -> bool:
    """True for a word of section signs alone, as OCR reads them ("§§", "$§")."""
    return bool(text) and set(text) <= SECTION_SIGNS


# A word box this many times as tall as the page's middle word height holds two lines read as
# one ("2023" over "K2" read "2023"): it is read again from its crop as a block of lines.
TALL_WORD = 1.8


# ... and the second reading is taken only when at least this sure.
TALL_CONFIDENCE = 60.0


def tall_words(kept: Sequence[TextBox]) -> list[int]:
    """Positions of the words of ``kept`` whose boxes are TALL_WORD times the middle height
    with no other word on them or within a middle height around them (a line read on its
    own, or cut by the box, is not read again into it)."""
    heights = sorted(b.height for b in kept if len(b.text) >= 2)
    if not heights:
        return []
    middle = heights[len(heights) // 2]
    return [
        i
        for i, b in enumerate(kept)
        if b.height > TALL_WORD * middle
        and not any(
            other is not b
            and other.left < b.left + b.width + middle
            and b.left - middle < other.left + other.width
            and other.top < b.top + b.height + middle
            and b.top - middle < other.top + other.height
            for other in kept
        )
    ]


def more_lines(again: str, confidence: float, first: str) -> bool:
    """True when a tall word read again as a block gave, surely (``confidence``), its first
    reading and more words after it (the line Tesseract had merged into it): "2023" -> "2023
    K2", not "personer" -> "persone. r" nor "2024" -> "2024 kj" (read with confidence 33)."""
    before, after = first.split(), again.split()
    return (
        len(after) > len(before)
        and after[: len(before)] == before
        and confidence >= TALL_CONFIDENCE
    )


def is_speck(box: TextBox, read: Sequence[TextBox]) -> bool:
    """True for scanner dirt read as text: lone punctuation, or a lone letter standing apart
    from other words, read with low confidence.

    A printed "." or "-" in a table cell is read with high confidence and kept; one lost
    leaves an empty OCR'd cell, which the checks flag. Section signs are always kept. A lone
    letter next to a word ("I" of "I alt") is kept.
    """
    if _PUNCTUATION.match(box.text):
        return box.confidence < SPECK_CONFIDENCE and not only_section_signs(box.text)
    if len(box.text) != 1 or not box.text.isalpha() or box.confidence >= LONE_LETTER_CONFIDENCE:
        return False
    reach = 2 * box.height
    return not any(
        other is not box
        and other.top < box.top + box.height
        and box.top < other.top + other.height
        and other.left - reach < box.left + box.width
        and box.left - reach < other.left + other.width
        for other in read
    )
