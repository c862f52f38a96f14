"""Judging a text layer that lies over a full-page image (a scanner's own OCR, "searchable PDF").

Office scanners put their OCR text invisibly behind (or over) the page image; it is often poor:
digits read as letters, decimal commas lost. Such a page is judged before its text is trusted:
a sample of its words (numbers first, spread over the page) is read again with our OCR, each
from its own crop of the page image, and the layer is kept only when nearly all agree (a
number character for character).

In: the page as read from its text layer, and the page rendered at ``dpi`` (grey). Out: a
``Verdict``: keep or not, and the note for the report saying what was sampled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from extract.model import PageContent, Word

# Words sampled per page, and the share that must agree for the layer to be kept: a wrong
# number that looks right is the worst failure, so a layer is kept only when it is nearly
# always right where it matters.
SAMPLE_WORDS = 16
KEEP_SHARE = 0.9
# Words of fewer characters are not sampled unless they are digits ("5" is a count).
MIN_SAMPLE_CHARS = 2
_DIGIT = re.compile(r"\d")
_IGNORED = re.compile(r"[\s.,:;'’\"()]+")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether to keep the page's text layer, and why (a note for the report)."""

    keep: bool
    note: str


def judge(page: PageContent, grey: Any, dpi: float, lang: str = "dan+eng") -> Verdict:
    """Read a sample of the page's words again from their crops of ``grey`` (the page
    rendered at ``dpi``) and compare: the layer is kept when at least KEEP_SHARE of them
    read the same (spaces and punctuation aside)."""
    from extract.readers.ocr.image import binarise
    from extract.readers.ocr.second_look import second_look

    sample = sample_words(page.words)
    if not sample:
        return Verdict(False, "a scanner's text layer with no word to check: read with OCR")
    scale = dpi / 72
    boxes = [
        (
            w.text,
            0.0,
            int(w.bbox[0] * scale),
            int(w.bbox[1] * scale),
            max(1, int((w.bbox[2] - w.bbox[0]) * scale)),
            max(1, int((w.bbox[3] - w.bbox[1]) * scale)),
        )
        for w in sample
    ]
    again = second_look(binarise(grey), boxes, range(len(boxes)), lang, "")
    agree = sum(1 for i, w in enumerate(sample) if i in again and _same(w.text, again[i][0]))
    share = f"{agree} of {len(sample)} sampled words agree with OCR"
    if agree >= KEEP_SHARE * len(sample):
        return Verdict(True, f"a scanner's text layer behind the page image, kept: {share}")
    return Verdict(False, f"a scanner's text layer behind the page image, replaced by OCR: {share}")


def sample_words(words: Sequence[Word]) -> list[Word]:
    """Up to SAMPLE_WORDS words to check: those with digits first (the values), then the
    others, each group taken evenly spread over the page (top to bottom)."""
    usable = [w for w in words if len(w.text) >= MIN_SAMPLE_CHARS or _DIGIT.search(w.text)]
    numbers = [w for w in usable if _DIGIT.search(w.text)]
    others = [w for w in usable if not _DIGIT.search(w.text)]
    picked = _spread(numbers, SAMPLE_WORDS)
    return picked + _spread(others, SAMPLE_WORDS - len(picked))


def _spread(words: Sequence[Word], count: int) -> list[Word]:
    """``count`` of ``words`` (in reading order) taken at even steps; all when fewer."""
    ordered = sorted(words, key=lambda w: (round(w.bbox[1]), w.bbox[0]))
    if count <= 0:
        return []
    if len(ordered) <= count:
        return ordered
    step = len(ordered) / count
    return [ordered[int(i * step)] for i in range(count)]


def _same(printed: str, read: str) -> bool:
    """Whether two readings of a word agree: a number character for character (spaces
    aside: a lost decimal comma or thousands point is a different number), a word with its
    punctuation and case aside."""
    if _DIGIT.search(printed) or _DIGIT.search(read):
        return printed.replace(" ", "") == read.replace(" ", "")
    return _IGNORED.sub("", printed).lower() == _IGNORED.sub("", read).lower()
