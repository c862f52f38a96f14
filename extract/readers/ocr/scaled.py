"""Reading parts of a page again, scaled up, and keeping the surer reading.

Small type (a 6 pt header in a grey band, at 300 dpi letters ten pixels high) is read far
better twice as large, and blurred small type better from the grey image than from the
binarised one, where its letters run together into one smear. The crops of one page are
stacked on one sheet, each scaled up READ_SCALE times with its edges carried out to a
margin, and read in one Tesseract call.

In: page images (8-bit grey, page pixels), boxes on them, the language. Out: per box, the
words read in it (``TextBox``, page pixels); ``surer_per_box``: per box, the surer of two
readings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import Any

from extract.readers.ocr.cells import Box, TextBox, text_boxes

# Crops are read this many times as large, with this white margin and gap (sheet pixels).
READ_SCALE = 2
MARGIN = 24
# A second reading replaces the first when its mean confidence is at least SURE, and GAIN
# above the first's.
SURE = 60.0
GAIN = 15.0


def read_scaled(crops: Sequence[tuple[Any, Box]], lang: str) -> list[list[TextBox]]:
    """The words of each (image, box) in ``crops``, read scaled up READ_SCALE times, all in
    one Tesseract call; boxes and sizes in page pixels."""
    import cv2
    import numpy as np

    from extract.readers.ocr.tesseract import read_data

    if not crops:
        return []
    f = READ_SCALE
    larges = []
    for image, (x0, top, x1, bottom) in crops:
        crop = image[max(top, 0) : bottom, max(x0, 0) : x1]
        larges.append(cv2.resize(crop, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC))
    width = max(large.shape[1] for large in larges) + 2 * MARGIN
    # each crop's own edges carried out to its margins (a grey band's crop set on white
    # would show its edges as strokes), the crops one under the other
    strips = [
        cv2.copyMakeBorder(
            large, MARGIN, MARGIN, MARGIN, width - MARGIN - large.shape[1], cv2.BORDER_REPLICATE
        )
        for large in larges
    ]
    tops = list(itertools.accumulate((strip.shape[0] for strip in strips[:-1]), initial=0))
    tops = [top + MARGIN for top in tops]
    sheet = np.vstack(strips)
    found: list[list[TextBox]] = [[] for _ in crops]
    for box in text_boxes(read_data(sheet, lang, "--psm 6")):
        middle = box.top + box.height / 2
        for k, ((_image, (x0, top, _x1, _bottom)), y0) in enumerate(zip(crops, tops, strict=True)):
            if y0 - MARGIN <= middle < y0 + larges[k].shape[0] + MARGIN:
                found[k].append(
                    TextBox(
                        box.text,
                        box.confidence,
                        round((box.left - MARGIN) / f) + max(x0, 0),
                        round((box.top - y0) / f) + max(top, 0),
                        max(round(box.width / f), 1),
                        max(round(box.height / f), 1),
                        box.em / f,
                    )
                )
                break
    return found


def mean_confidence(boxes: Iterable[TextBox]) -> float:
    """The mean confidence of ``boxes`` (0.0 for none)."""
    values = [box.confidence for box in boxes]
    return sum(values) / len(values) if values else 0.0


def surer(first: Sequence[TextBox], again: Sequence[TextBox]) -> bool:
    """Whether the reading ``again`` is surer than ``first`` (SURE, GAIN)."""
    after = mean_confidence(again)
    return bool(again) and after >= SURE and after >= mean_confidence(first) + GAIN


def surer_per_box(
    first: Sequence[TextBox],
    grey: Any,
    boxes: Sequence[Box],
    lang: str,
    *,
    same_kept: bool = False,
) -> list[TextBox]:
    """``first`` (words read in ``boxes``) with the words of each box replaced by its
    reading from ``grey`` scaled up, where that one is surer; with ``same_kept``, not where
    it reads the same words (the first reading's boxes are the page's own, not scaled
    back)."""
    again = read_scaled([(grey, box) for box in boxes], lang)
    # each box's new words stand where its first word stood (words keep their order)
    instead: dict[int, list[TextBox]] = {}
    dropped: set[int] = set()
    added: list[TextBox] = []
    taken: set[int] = set()
    for box, words in zip(boxes, again, strict=True):
        mine = [i for i, word in enumerate(first) if i not in taken and inside(word, box)]
        taken.update(mine)
        before = [first[i] for i in mine]
        same = same_kept and [w.text for w in words] == [w.text for w in before]
        if not surer(before, words) or same:
            continue
        if mine:
            instead[mine[0]] = words
            dropped.update(mine)
        else:
            added += words
    out: list[TextBox] = []
    for i, word in enumerate(first):
        if i in instead:
            out += instead[i]
        elif i not in dropped:
            out.append(word)
    return out + added


def inside(word: TextBox, box: Box) -> bool:
    """Whether the middle of ``word`` lies in ``box``."""
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]
