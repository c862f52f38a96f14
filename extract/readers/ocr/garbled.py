"""Lines Tesseract read as garbage, read again as a block of their own; pen strokes dropped.

A header of narrow columns, each cell's text wrapped over two lines ("Stadf.-p" over "ct.",
"Andel" over "ændret"), is often read by the page's reading as one line of word boxes two
lines tall, in words of neither ("Sudip", "ante", "ies"). Read from its own crop as a block,
the same ink gives both lines, word by word.

A pen's circle or tick over a table, read as a "word" three rows tall ("Can"), would join
the rows it crosses into one: such boxes, read unsurely, are dropped (``without_pen_strokes``).

In: the binarised page image, the words read so far (``TextBox``, page pixels), the
language. Out: the words, with each such band's words replaced by its own reading when that
reading is surer (``garbled_read_again``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extract.readers.ocr.cells import Box, TextBox
from extract.readers.ocr.scaled import inside, mean_confidence, read_scaled, surer
from extract.readers.ocr.words import TALL_WORD, middle_height, same_line

# A word box TALL_WORD times the middle height read with less confidence than this is garbled.
GARBLED_TALL_BELOW = 50.0
# A word box this many times the middle height, read with less confidence than PEN_BELOW, is
# a pen's circle or tick over the table read as letters ("Can" over three rows): no word.
PEN_HEIGHT = 2.8
PEN_BELOW = 60.0


def without_pen_strokes(read: list[TextBox]) -> list[TextBox]:
    """``read`` without the boxes three lines tall or more read unsurely (PEN_HEIGHT,
    PEN_BELOW): a pen stroke read as a word would join the rows it crosses into one."""
    middle = middle_height(read)
    if middle is None:
        return read
    return [b for b in read if b.height <= PEN_HEIGHT * middle or b.confidence >= PEN_BELOW]


def garbled_read_again(clean: Any, grey: Any, kept: list[TextBox], lang: str) -> list[TextBox]:
    """``kept`` with each band of garbled tall words (``garbled_bands``) read again as a
    block, scaled up, from the binarised image ``clean`` and from the ``grey`` one: the
    surer of the two, when surer than the first reading (``ocr_scaled.surer``) and no longer
    two lines in one, replaces the words whose middles lie in the band; when the band as a
    whole is no surer, each garbled word is replaced by the surer words read under it."""
    middle = middle_height(kept)
    if middle is None:
        return kept
    bands = garbled_bands(kept, middle, clean.shape[1])
    if not bands:
        return kept
    readings = read_scaled([(image, band) for band in bands for image in (clean, grey)], lang)
    dropped: set[int] = set()
    added: list[TextBox] = []
    for k, band in enumerate(bands):
        old = [i for i, box in enumerate(kept) if inside(box, band)]
        twice = [
            [box for box in reading if inside(box, band) and not _smudge(box, middle)]
            for reading in readings[2 * k : 2 * k + 2]
        ]
        new = max(twice, key=mean_confidence)
        if any(box.height > TALL_WORD * middle for box in new):
            continue  # (still two lines in one: read no better)
        if surer([kept[i] for i in old], new):
            dropped.update(old)
            added += new
            continue
        # the band as a whole no surer (its other words were well read): each garbled word
        # alone, by the words read again under it ("Sa" for a cell's "dec" over "2024")
        for i in old:
            if not _garbled(kept[i], middle):
                continue
            under = _read_under(kept[i], new, [kept[j] for j in old if j != i])
            if surer([kept[i]], under):
                dropped.add(i)
                added += under
    if not added:
        return kept
    return [box for i, box in enumerate(kept) if i not in dropped] + added


def _read_under(
    garbled: TextBox, new: Sequence[TextBox], others: Sequence[TextBox]
) -> list[TextBox]:
    """The words of ``new`` whose middles lie across ``garbled``'s width, and that overlap
    none of the ``others`` kept beside it."""

    def across(box: TextBox, span: TextBox) -> bool:
        return span.left <= box.left + box.width / 2 <= span.left + span.width

    def overlaps(box: TextBox, other: TextBox) -> bool:
        return box.left < other.left + other.width and other.left < box.left + box.width

    return [
        box
        for box in new
        if across(box, garbled) and not any(overlaps(box, other) for other in others)
    ]


def garbled_bands(kept: Sequence[TextBox], middle: int, width: int) -> list[Box]:
    """The bands (x0, top, x1, bottom; page pixels) across the page of the lines holding a
    garbled word (``_garbled``): from the top to the bottom of the line's garbled words;
    bands that overlap are one."""
    bands: list[Box] = []
    for seed in kept:
        if not _garbled(seed, middle):
            continue
        line = [box for box in kept if _garbled(box, middle) and same_line(box, seed)]
        top = min(box.top for box in line)
        bottom = max(box.top + box.height for box in line)
        pad = max(middle // 4, 1)
        band = (0, max(top - pad, 0), width, bottom + pad)
        bands = _merged(bands, band)
    return bands


# A word of this many letters or more read with less confidence than GARBLED_BELOW is
# garbled, however tall ("Omgerelsssprocent?t"" read with confidence 6 from small type).
GARBLED_LETTERS = 4
GARBLED_BELOW = 30.0


def _garbled(box: TextBox, middle: int) -> bool:
    """Whether ``box`` is a garbled reading: two lines tall and unsure (GARBLED_TALL_BELOW),
    or a word of letters read with next to no confidence (GARBLED_BELOW)."""
    if box.height > TALL_WORD * middle:
        return box.confidence < GARBLED_TALL_BELOW
    letters = sum(ch.isalpha() for ch in box.text)
    return letters >= GARBLED_LETTERS and box.confidence < GARBLED_BELOW


def _merged(bands: list[Box], band: Box) -> list[Box]:
    """``bands`` with ``band`` added, joined with each it overlaps."""
    out = []
    x0, top, x1, bottom = band
    for other in bands:
        if other[0] < x1 and x0 < other[2] and other[1] < bottom and top < other[3]:
            x0, top = min(x0, other[0]), min(top, other[1])
            x1, bottom = max(x1, other[2]), max(bottom, other[3])
        else:
            out.append(other)
    return [*out, (x0, top, x1, bottom)]


# A word read with less confidence than this, less than this share of the middle height
# tall, is a smudge read as letters.
SMUDGE_BELOW = 50.0
SMUDGE_HEIGHT = 0.5
# ... and one less than this share of it tall is, however sure its reading ("j").
FLAT_LETTERS = 0.3


def _smudge(box: TextBox, middle: int) -> bool:
    """Whether ``box`` is a flat smudge read as a word ("msg" over a rule's remains)."""
    flat = box.height < SMUDGE_HEIGHT * middle
    return flat and (box.confidence < SMUDGE_BELOW or box.height < FLAT_LETTERS * middle)
