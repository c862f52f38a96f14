"""Numbers whose digit Tesseract left out: "46" read as "4", the "6" unread beside it or
inside the number's own box.

A digit dropped from a number leaves a number that looks right. Its ink is still on the
page: right beside the number's box, the size of a digit, under no word; or inside the box,
which is then wider than the digits read can be. Such a number is read again from a crop
taken over that ink, digits only; the reading with the digit replaces it when sure, and
otherwise the number is kept with its confidence lowered, so it is flagged as doubtful
rather than passed on as read.

In: the binarised page, the words read (``TextBox``, page pixels), the language. Out: the
words with such numbers read again or marked unsure (``with_lost_digits``); lone digits too
narrow for the digit read marked unsure (``with_narrow_digits_unsure``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.second_look import DIGITS_ONLY, second_look

# A number as read: digits with separators, a sign or a percent sign.
_NUMBER = re.compile(r"^[-–−]?\d[\d.,]*%?$")
# Ink beside a number within this share of its height (a digit's spacing; a word space is
# wider), a mark at least LOST_HEIGHT of its height tall (middle within its height), is a
# digit left unread.
LOST_REACH = 0.25
LOST_HEIGHT = 0.6
LOST_TALLEST = 1.25
# ... and it stands on the number's baseline and reaches its top, within this share of its
# height: digits are all as tall ("§", a letter with a descender, is not).
LOST_LEVEL = 0.2
# A reading again with the lost digit is taken when at least this sure; a number with such
# ink left unread is otherwise kept at most this sure (under the flagging threshold).
TAKEN_ABOVE = 70.0
UNSURE = 50.0


def with_lost_digits(clean: Any, kept: list[TextBox], lang: str) -> list[TextBox]:
    """``kept`` with each number that has a digit's ink unread beside it (``lost_ink``) read
    again over that ink: a surer reading holding more digits replaces it; else its
    confidence is lowered to UNSURE."""
    grown = lost_ink(clean, kept)
    if not grown:
        return kept
    crops = [("", 0.0, x0, top, x1 - x0, bottom - top) for x0, top, x1, bottom in grown.values()]
    again = second_look(clean, crops, range(len(crops)), lang, DIGITS_ONLY)
    out = list(kept)
    for k, (i, (x0, top, x1, _bottom)) in enumerate(grown.items()):
        box = kept[i]
        text, confidence = again[k][:2] if k in again else ("", 0.0)
        if _digits(text) > _digits(box.text) and confidence >= TAKEN_ABOVE and _NUMBER.match(text):
            out[i] = replace(box, text=text, confidence=confidence, left=x0, top=top, width=x1 - x0)
        else:
            out[i] = replace(box, confidence=min(box.confidence, UNSURE))
    return out


def lost_ink(clean: Any, kept: Sequence[TextBox]) -> dict[int, tuple[int, int, int, int]]:
    """Per number of ``kept`` whose box is wider than its digits can be (``_widest``), its
    box; per number with a mark of a digit's size right beside it that no word box covers
    (LOST_REACH, LOST_HEIGHT), its box grown over that mark (x0, top, x1, bottom; pixels)."""
    import cv2
    import numpy as np

    covered = np.zeros(clean.shape, bool)
    for box in kept:
        covered[box.top : box.top + box.height, box.left : box.left + box.width] = True
    grown: dict[int, tuple[int, int, int, int]] = {}
    for i, box in enumerate(kept):
        if not _NUMBER.match(box.text):
            continue
        if box.width > _widest(box.text) * box.height:
            grown[i] = (box.left, box.top, box.left + box.width, box.top + box.height)
            continue
        reach = max(int(LOST_REACH * box.height), 2)
        # (looked at twice as far, to take in the whole of a mark starting within reach)
        x0 = max(box.left - 2 * reach - box.height, 0)
        x1 = min(box.left + box.width + 2 * reach + box.height, clean.shape[1])
        # (looked at with a margin up and down: a pen's stroke through it runs on past them)
        top = max(box.top - box.height // 2, 0)
        bottom = min(box.top + box.height + box.height // 2, clean.shape[0])
        dark = ((clean[top:bottom, x0:x1] < 128) & ~covered[top:bottom, x0:x1]).astype(np.uint8)
        count, _labels, stats, _c = cv2.connectedComponentsWithStats(dark, connectivity=8)
        level = LOST_LEVEL * box.height
        marks = [
            (x0 + int(x), x0 + int(x) + int(w))
            for x, y, w, h, _a in stats[1:count]
            if LOST_HEIGHT * box.height <= h <= LOST_TALLEST * box.height
            and y > 0
            and y + h < bottom - top  # within the line, not through it
            and abs(top + y - box.top) <= level  # a digit's top and baseline ("§" hangs
            and abs(top + y + h - box.top - box.height) <= level  # under the baseline)
            and w <= h  # a digit's shape, not a stroke
            and x0 + x <= box.left + box.width + reach  # starting within reach
            and x0 + x + w >= box.left - reach
        ]
        if marks:
            left = min([box.left, *(a for a, _b in marks)])
            right = max([box.left + box.width, *(b for _a, b in marks)])
            grown[i] = (left, box.top, right, box.top + box.height)
    return grown


# The widest a digit's (or a percent sign's) ink is, a separator's, and the room another digit
# takes, as shares of the digits' height (bold "0" and "4" are about 0.8 as wide as tall).
DIGIT_WIDTH = 0.8
SEPARATOR_WIDTH = 0.35
ONE_MORE = 0.45


def _widest(text: str) -> float:
    """The widest ``text`` (a number) can print, short of one more digit, in digit heights."""
    wide = sum(1 for ch in text if ch.isdigit() or ch == "%")
    return DIGIT_WIDTH * wide + SEPARATOR_WIDTH * (len(text) - wide) + ONE_MORE


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


# Every digit but "1" prints at least this share of its height wide, in every face and
# blur seen (0.49 the narrowest "3" of 1,000 read); a "1" is 0.25-0.45.
NARROWEST_DIGIT = 0.45


def with_narrow_digits_unsure(kept: Sequence[TextBox]) -> list[TextBox]:
    """``kept`` with each lone digit other than "1" whose box is narrower than any such digit
    prints (NARROWEST_DIGIT) kept at most UNSURE: the ink of a "1" read as "4" or "7"."""
    return [
        replace(box, confidence=min(box.confidence, UNSURE))
        if len(box.text) == 1
        and box.text.isdigit()
        and box.text != "1"
        and box.width < NARROWEST_DIGIT * box.height
        else box
        for box in kept
    ]
