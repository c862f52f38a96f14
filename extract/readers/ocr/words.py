"""Tesseract's word boxes sorted before they become page words: dirt read as text, and word
boxes two lines tall.

In: the ``TextBox``es Tesseract read on a page (pixels). Out: whether a box is scanner dirt
(``is_speck``), which boxes hold two lines read as one (``tall_words``), and whether a second
reading of such a box gave the missing line (``more_lines``). Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.readers.ocr.cells import TextBox

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


def tall_words(kept: Sequence[TextBox]) -> list[tuple[int, ...]]:
    """The runs of words of ``kept`` holding a word box TALL_WORD times the middle height,
    with the words side by side with it on its line (a cell's two lines read as one: "Lov"
    and "om" two lines tall beside "social", over "service"), each as the positions of its
    words from left to right, with no other word on the run or within a middle height
    around it (a line read on its own, or cut by the box, is not read again into it)."""
    middle = middle_height(kept)
    if middle is None:
        return []
    runs: dict[tuple[int, ...], None] = {}
    for seed, box in enumerate(kept):
        if box.height <= TALL_WORD * middle:
            continue
        line = sorted(
            (k for k, other in enumerate(kept) if _overlap(box, other) > 0),
            key=lambda k: kept[k].left,
        )
        at = line.index(seed)
        first, last = at, at
        while first > 0 and _next_on_line(kept[line[first - 1]], kept[line[first]], middle):
            first -= 1
        while last + 1 < len(line) and _next_on_line(
            kept[line[last]], kept[line[last + 1]], middle
        ):
            last += 1
        runs[tuple(line[first : last + 1])] = None
    return [run for run in runs if _alone(kept, run, middle)]


def middle_height(kept: Sequence[TextBox]) -> int | None:
    """The middle box height of the words of two characters or more; None if there are none."""
    heights = sorted(b.height for b in kept if len(b.text) >= 2)
    return heights[len(heights) // 2] if heights else None


def _overlap(a: TextBox, b: TextBox) -> int:
    """How far two boxes overlap down the page (pixels; negative: apart)."""
    return min(a.top + a.height, b.top + b.height) - max(a.top, b.top)


def same_line(a: TextBox, b: TextBox) -> bool:
    """Whether two boxes overlap down the page by over half the shorter's height."""
    return _overlap(a, b) > min(a.height, b.height) / 2


def _next_on_line(before: TextBox, box: TextBox, middle: int) -> bool:
    """Whether ``box`` follows ``before`` on its line: within a middle height to its right,
    the two overlapping over half the shorter's height."""
    gap = box.left - (before.left + before.width)
    return same_line(before, box) and -middle < gap < middle


def _alone(kept: Sequence[TextBox], run: Sequence[int], middle: int) -> bool:
    """Whether no word but the run's lies on the run's box, within ``middle`` of it across
    or a third of it up and down (the crop read again holds none of another word's ink)."""
    left = min(kept[i].left for i in run)
    top = min(kept[i].top for i in run) - middle // 3
    right = max(kept[i].left + kept[i].width for i in run)
    bottom = max(kept[i].top + kept[i].height for i in run) + middle // 3
    members = set(run)
    return not any(
        k not in members
        and other.left < right + middle
        and left - middle < other.left + other.width
        and other.top < bottom
        and top < other.top + other.height
        for k, other in enumerate(kept)
    )


def sizes_beside_tall(kept: Sequence[TextBox]) -> list[float]:
    """Each word's font size (pixels): its line's (``TextBox.em``), except on a line holding
    a word box TALL_WORD times the middle height (two lines read as one, which makes the line
    look twice its size): there, the median size the line's other words' own boxes show
    (``ocr_font.word_em``), when any shows one."""
    from extract.readers.ocr.font import word_em

    sizes = [b.em for b in kept]
    middle = middle_height(kept)
    if middle is None:
        return sizes
    for tall in (b for b in kept if b.height > TALL_WORD * middle):
        line = [k for k, b in enumerate(kept) if b.em == tall.em and same_line(b, tall)]
        shown = [
            em
            for k in line
            if kept[k].height <= TALL_WORD * middle
            and (em := word_em(kept[k].text, kept[k].height)) is not None
        ]
        if shown:
            size = sorted(shown)[len(shown) // 2]
            for k in line:
                sizes[k] = min(sizes[k], size)
    return sizes


def more_lines(again: str, confidence: float, first: str) -> bool:
    """True when a run of tall words read again as a block gave, surely (``confidence``), its
    first reading and more words before or after it (the line Tesseract had merged into it):
    "2023" -> "2023 K2", "PERSONER" -> "ANTAL PERSONER"; not "personer" -> "persone. r" nor
    "2024" -> "2024 kj" (read with confidence 33)."""
    before, after = first.split(), again.split()
    return (
        len(after) > len(before)
        and (after[: len(before)] == before or after[-len(before) :] == before)
        and confidence >= TALL_CONFIDENCE
    )


# A box read with less confidence than this and less than FLAT_DIRT_HEIGHT of the page's
# middle word height is dirt too: the edge of a ruling or a fill left after straightening,
# read as "EH" or "En" over a repeated header (no printed word is that flat).
FLAT_DIRT_CONFIDENCE = 30.0
FLAT_DIRT_HEIGHT = 0.4


def on_a_ruling(box: TextBox, rulings: Sequence[tuple[float, float, float, float]]) -> bool:
    """True for a box read with less than FLAT_DIRT_CONFIDENCE that a ruling across
    (``rulings``: x0, top, x1, bottom in pixels) runs through the middle half of: the
    remains of the ruling read as text ("En" over a repeated header). Printed words stand
    between rulings, never on one."""
    if box.confidence >= FLAT_DIRT_CONFIDENCE or only_section_signs(box.text):
        return False
    low, high = box.top + box.height / 4, box.top + 3 * box.height / 4
    for x0, top, x1, bottom in rulings:
        across = x1 - x0 > bottom - top
        overlap = min(x1, box.left + box.width) - max(x0, box.left)
        if across and overlap >= box.width / 2 and low <= (top + bottom) / 2 <= high:
            return True
    return False


def is_speck(box: TextBox, read: Sequence[TextBox], middle: int | None = None) -> bool:
    """True for scanner dirt read as text: lone punctuation, or a lone letter standing apart
    from other words, read with low confidence, or a flat box read with very low confidence
    or holding one letter or digit (``middle``: the page's middle word height,
    ``middle_height``).

    A printed "." or "-" in a table cell is read with high confidence and kept; one lost
    leaves an empty OCR'd cell, which the checks flag. Section signs are always kept. A lone
    letter next to a word ("I" of "I alt") is kept.
    """
    flat = middle is not None and box.height < FLAT_DIRT_HEIGHT * middle
    if flat and box.confidence < FLAT_DIRT_CONFIDENCE and not only_section_signs(box.text):
        return True
    if flat and len(box.text) == 1 and box.text.isalnum():
        return True  # a lone letter or digit is never that flat, however sure ("i" on a rule)
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
