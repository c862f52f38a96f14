"""A second OCR look at doubtful words, each from its own crop, all in one Tesseract call.

In: the binarised page image, the words read so far as (text, confidence, left, top, width,
height) in page pixels, which of them to read again, the language and extra Tesseract
settings. Out: per word index, what was read again: text, lowest confidence, and the box of
the ink read (page pixels). ``tall_read_again``: the same for runs of word boxes two lines
tall, whose reading as a block replaces them when it gives the line they had merged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.words import more_lines, tall_words

# text, confidence, left, top, width, height (page pixels)
Read = tuple[str, float, int, int, int, int]
# Tesseract setting for reading numbers only.
DIGITS_ONLY = "-c tessedit_char_whitelist=0123456789.,%-"
# White margin kept around each crop, and the gap between crops on the sheet (pixels).
CROP_PAD = 6
SHEET_GAP = 24


def second_look(
    clean: Any, boxes: Sequence[Read], indices: Sequence[int], lang: str, config: str
) -> dict[int, Read]:
    """Read the crops of ``indices`` again (``lang``, extra ``config``), in one Tesseract call.

    The crops are stacked on one white sheet, one per line, and read as a block; each word
    read is matched back to its crop by position. Words read from one crop are joined (with
    a space, or without one when reading digits only).
    """
    import numpy as np

    from extract.readers.ocr.tesseract import MAX_SHEET_PIXELS, read_data

    if not indices:
        return {}
    crops: list[tuple[int, int, Any]] = []
    for i in indices:
        _text, _conf, x, y, w, h = boxes[i]
        left, top = max(0, x - CROP_PAD), max(0, y - CROP_PAD)
        crops.append((left, top, clean[top : y + h + CROP_PAD, left : x + w + CROP_PAD]))
    sheet_width = max(c.shape[1] for _l, _t, c in crops) + 4 * SHEET_GAP
    sheet_height = sum(c.shape[0] + SHEET_GAP for _l, _t, c in crops) + SHEET_GAP
    if sheet_height > MAX_SHEET_PIXELS and len(indices) > 1:  # too tall for one sheet
        half = len(indices) // 2
        first = second_look(clean, boxes, indices[:half], lang, config)
        return {**first, **second_look(clean, boxes, indices[half:], lang, config)}
    sheet = np.full((sheet_height, sheet_width), 255, np.uint8)
    spans: list[tuple[int, int]] = []
    y = SHEET_GAP
    for _left, _top, crop in crops:
        sheet[y : y + crop.shape[0], 2 * SHEET_GAP : 2 * SHEET_GAP + crop.shape[1]] = crop
        spans.append((y, y + crop.shape[0]))
        y += crop.shape[0] + SHEET_GAP
    data = read_data(sheet, lang, f"--psm 6 {config}".strip())
    found: dict[int, list[Read]] = {}
    for j, text in enumerate(data["text"]):
        if not text.strip():
            continue
        centre = data["top"][j] + data["height"][j] / 2
        for k, (a, b) in enumerate(spans):
            if a <= centre <= b:
                left, top, _crop = crops[k]
                found.setdefault(indices[k], []).append(
                    (
                        text.strip(),
                        float(data["conf"][j]),
                        data["left"][j] - 2 * SHEET_GAP + left,
                        data["top"][j] - a + top,
                        data["width"][j],
                        data["height"][j],
                    )
                )
    joiner = "" if config else " "
    return {i: _joined(parts, joiner) for i, parts in found.items()}


def _joined(parts: Sequence[Read], joiner: str) -> Read:
    x0 = min(p[2] for p in parts)
    y0 = min(p[3] for p in parts)
    x1 = max(p[2] + p[4] for p in parts)
    y1 = max(p[3] + p[5] for p in parts)
    text = joiner.join(p[0] for p in parts)
    return (text, min(p[1] for p in parts), x0, y0, x1 - x0, y1 - y0)


def tall_read_again(clean: Any, kept: list[TextBox], lang: str) -> list[TextBox]:
    """``kept`` with each run of words two lines tall (``tall_words``) read again from its
    crop as a block: a reading that gives the run's words and the line merged into them
    replaces the run by one word of the lines read, over the run's box."""
    runs = tall_words(kept)
    spans = []
    for run in runs:
        left, top = min(kept[i].left for i in run), min(kept[i].top for i in run)
        right = max(kept[i].left + kept[i].width for i in run)
        bottom = max(kept[i].top + kept[i].height for i in run)
        spans.append(("", 0.0, left, top, right - left, bottom - top))
    again = second_look(clean, spans, range(len(spans)), lang, "")
    replaced: dict[int, TextBox | None] = {}
    for number, (text, confidence, *_box) in again.items():
        run = runs[number]
        if more_lines(text, confidence, " ".join(kept[i].text for i in run)):
            _t, _c, left, top, width, height = spans[number]
            first = kept[run[0]]
            replaced.update(dict.fromkeys(run[1:]))
            replaced[run[0]] = replace(
                first,
                text=text,
                confidence=confidence,
                left=left,
                top=top,
                width=width,
                height=height,
            )
    out = []
    for i, box in enumerate(kept):
        taken = replaced.get(i, box)
        if taken is not None:
            out.append(taken)
    return out
