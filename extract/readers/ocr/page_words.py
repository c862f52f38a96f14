"""Tesseract's boxes on one page made the page's words: pen strokes, garbage and specks
dropped or read again, doubtful numbers and words given a second look, lost digits checked.

In: the binarised page (``clean``), its grey image before binarising, the ``TextBox``es read
on it (page pixels) and the page's scale (pixels a point). Out: ``Word``s (source "ocr") with
boxes in points (``page_words``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from extract.model import Word
from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.digits import with_lost_digits, with_narrow_digits_unsure
from extract.readers.ocr.garbled import garbled_read_again, without_pen_strokes
from extract.readers.ocr.image import trim_specks
from extract.readers.ocr.marks import printed_marks, with_stray_dots_unsure
from extract.readers.ocr.second_look import DIGITS_ONLY, second_look, tall_read_again
from extract.readers.ocr.words import is_speck, middle_height, sizes_beside_tall

T = TypeVar("T")

# A token that is (or should be) a number: digits with separators, or digits misread as
# look-alike letters and brackets ("(9)" for "0", "l" for "1", "O" for "0").
_NUMBERISH = re.compile(r"^[(\[]?[-–−]?[\dOolI|$&§S]{1,9}(?:[.,]\d{1,3})*[)\]]?[.,]?\s*%?$")
# A section sign and a paragraph's number read as one word ("§41", "$41") a word space after a
# word of letters: label text ("Merudgiftydelse §41"); alone in a value column, a number whose
# first digit was read as the sign ("§2" for "52").
_PARAGRAPH = re.compile(r"^[§$]{1,2}\d+[a-z]?$")
WORD_SPACE = 0.6
# A short token read with less confidence than this may be a number blurred by dirt ("an)"
# for "0" next to a speck): it is read again digits-only, and a surer number replaces it.
GARBLED_BELOW = 50.0
GARBLED_LENGTH = 4
# Words (three letters or more) read with less confidence than this are read again from their
# own crop with the Danish model alone, which knows æ, ø and å better than dan+eng.
TEXT_SECOND_LOOK_BELOW = 85.0
TEXT_LANG = "dan"


def page_words(
    clean: Any,
    grey: Any,
    read: Sequence[TextBox],
    scale: float,
    lang: str,
    second_look_below: float,
    parallel: bool,
) -> list[Word]:
    """Words from Tesseract's boxes (page pixels) on the binarised page ``clean`` (its
    ``grey`` before binarising): pen strokes and specks dropped, doubtful ones read again."""
    read = garbled_read_again(clean, grey, without_pen_strokes(list(read)), lang)
    middle = middle_height(read)
    kept = tall_read_again(clean, [b for b in read if not is_speck(b, read, middle)], lang)
    kept = with_stray_dots_unsure(kept)
    kept += printed_marks(clean, kept)
    boxes = [(b.text, b.confidence, b.left, b.top, b.width, b.height) for b in kept]
    sizes = [em / scale for em in sizes_beside_tall(kept)]
    doubtful = [
        i
        for i, (text, conf, *_rest) in enumerate(boxes)
        if (
            conf < second_look_below
            and _NUMBERISH.match(text)
            and (any(ch.isdigit() for ch in text) or "(" in text)
        )
        or (conf < GARBLED_BELOW and len(text) <= GARBLED_LENGTH)
    ]
    wordy = [
        i
        for i, (text, conf, *_rest) in enumerate(boxes)
        if conf < TEXT_SECOND_LOOK_BELOW and sum(ch.isalpha() for ch in text) >= 3
    ]
    words_again = started(lambda: second_look(clean, boxes, wordy, TEXT_LANG, ""), parallel)
    first_reading = list(boxes)
    reread = second_look(clean, boxes, doubtful, "eng", DIGITS_ONLY)
    # The English model is surer of digits, but now and then reads a lone "0" as "9" with
    # confidence 0; what it is unsure of is read once more with the Danish model.
    unsure = [i for i in doubtful if i not in reread or reread[i][1] < GARBLED_BELOW]
    for i, again in second_look(clean, boxes, unsure, "dan", DIGITS_ONLY).items():
        if i not in reread or again[1] > reread[i][1]:
            reread[i] = again
    for i, (text, conf, *box) in reread.items():
        old_text, old_conf = boxes[i][:2]
        if _PARAGRAPH.match(old_text) and after_a_word(boxes, i):
            continue  # a provision's "§41", its sign read as a digit only when read digits only
        if _NUMBERISH.match(old_text):
            if conf > old_conf:
                boxes[i] = (text, conf, *boxes[i][2:])
        elif conf > old_conf and _NUMBERISH.match(text) and text[:1].isdigit():
            # garbled, and a surer number: it takes the number's own box (without the dirt)
            boxes[i] = (text, conf, box[0], box[1], box[2], box[3])
    for i, (text, conf, *box) in enumerate(boxes):
        if _NUMBERISH.match(text):
            boxes[i] = (text, conf, *trim_specks(clean, (box[0], box[1], box[2], box[3])))
    for i, (text, conf, *_box) in words_again().items():
        # (a word the digits-only look made a number is a number now)
        if boxes[i][0] == first_reading[i][0] and conf > boxes[i][1] and " " not in text:
            boxes[i] = (text, conf, *boxes[i][2:])
    checked = with_narrow_digits_unsure(
        with_lost_digits(clean, [TextBox(*b, 0.0) for b in boxes], lang)
    )
    boxes = [(b.text, b.confidence, b.left, b.top, b.width, b.height) for b in checked]
    return [
        Word(
            text,
            (x / scale, y / scale, (x + w) / scale, (y + h) / scale),
            "ocr",
            max(conf, 0.0),
            round(size, 2),
        )
        for (text, conf, x, y, w, h), size in zip(boxes, sizes, strict=True)
    ]


def started(work: Callable[[], T], parallel: bool) -> Callable[[], T]:
    """``work`` started in its own thread when ``parallel`` (its Tesseract call then runs beside
    the caller's), else run when asked for; returns what gives its result."""
    if not parallel:
        return work
    pool = ThreadPoolExecutor(max_workers=1)
    future = pool.submit(work)
    pool.shutdown(wait=False)
    return future.result


def after_a_word(boxes: Sequence[tuple[str, float, int, int, int, int]], i: int) -> bool:
    """Whether a word of letters ends within WORD_SPACE of box ``i``'s height left of it, on
    its line."""
    _text, _conf, left, top, _width, height = boxes[i]
    return any(
        sum(ch.isalpha() for ch in text) >= 2
        and 0 <= left - (x + w) <= WORD_SPACE * height
        and y < top + height
        and top < y + h
        for text, _c, x, y, w, h in boxes
    )
