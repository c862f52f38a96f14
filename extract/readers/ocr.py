"""OCR of page images with Tesseract: straighten, find rulings, read words, look twice at numbers.

In: a grey page image and the page size in points. Out: a ``PageContent`` whose words are
``Word(source="ocr", confidence=0-100)`` with boxes in points of the straightened page (its
``rotation`` says by how much it was turned), and whose rulings are the table lines found in
the image. From there the normal detection -> rules -> records path runs unchanged.

Tesseract runs as a subprocess (pytesseract) with ``OMP_THREAD_LIMIT=1``, which is several
times faster per page on small machines than its default threading; pages run in parallel
threads instead.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from extract.model import PageContent, Ruling, Word
from extract.readers import UnreadableInput

INSTALL_HINT = "install the Debian packages tesseract-ocr and tesseract-ocr-dan"


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How pages are read.

    ``lang``: Tesseract languages ("dan+eng": Danish words, and the English model's better
    digits). ``psm`` 4 reads the page as one column of lines of varying size: table rows stay
    whole and multi-line header cells are read line by line. Numbers read with less than
    ``second_look_below`` confidence are read again from their own crop, digits only. Pages
    with less than ``blank_ink`` dark pixels are blank.
    """

    dpi: int = 300
    lang: str = "dan+eng"
    psm: int = 4
    second_look_below: float = 92.0
    blank_ink: float = 0.002
    threads: int = 1


class OcrUnavailable(UnreadableInput):
    """Tesseract (or its Danish data) is not installed; the message says what to install."""


def check_tesseract(settings: OcrSettings) -> None:
    """Raise OcrUnavailable unless the tesseract command and the languages are there."""
    import pytesseract

    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        raise OcrUnavailable(f"Tesseract OCR is not installed ({INSTALL_HINT})")
    missing = set(settings.lang.split("+")) - set(pytesseract.get_languages(config=""))
    if missing:
        raise OcrUnavailable(
            f"Tesseract has no data for {', '.join(sorted(missing))} ({INSTALL_HINT})"
        )


def ocr_pages(
    images: Sequence[tuple[int, Any, float, float]], settings: OcrSettings, source_kind: str
) -> list[PageContent]:
    """OCR (page number, PIL image, width pt, height pt) items, ``settings.threads`` at a time."""
    check_tesseract(settings)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read by the tesseract subprocesses

    def one(item: tuple[int, Any, float, float]) -> PageContent:
        number, image, width, height = item
        return replace(ocr_page(image, number, width, height, settings), source_kind=source_kind)

    if settings.threads <= 1 or len(images) <= 1:
        return [one(item) for item in images]
    with ThreadPoolExecutor(max_workers=settings.threads) as pool:
        return list(pool.map(one, images))


def ocr_page(
    image: Any, number: int, width: float, height: float, settings: OcrSettings
) -> PageContent:
    """Read one page image (any PIL mode) of ``width`` x ``height`` points."""
    import numpy as np

    from extract.readers.ocr_image import find_skew, ink_share, rotate

    grey = np.asarray(image.convert("L"))
    scale = grey.shape[1] / width  # pixels per point
    if ink_share(grey) < settings.blank_ink:
        return PageContent(number, width, height, (), notes=("blank page",))
    skew = find_skew(grey)
    straight = rotate(grey, skew) if abs(skew) >= 0.05 else grey
    words, rulings = _read_page(straight, scale, settings)
    notes: list[str] = []
    angle = skew
    if _looks_upside_down(words):
        turned_words, turned_rulings = _read_page(straight[::-1, ::-1].copy(), scale, settings)
        if _mean_confidence(turned_words) > _mean_confidence(words) + 10:
            words, rulings = turned_words, turned_rulings
            angle = skew + 180.0
            notes.append("page was upside down; read turned 180°")
    if abs(skew) >= 0.05:
        notes.append(f"straightened by {skew:+.2f}°")
    return PageContent(
        number, width, height, tuple(words), rulings, rotation=angle, notes=tuple(notes)
    )


def _read_page(
    straight: Any, scale: float, settings: OcrSettings
) -> tuple[list[Word], tuple[Ruling, ...]]:
    """Words and rulings of a straightened page image."""
    from extract.readers.ocr_image import binarise, remove_lines, ruling_boxes

    lines = ruling_boxes(straight, scale)
    words = _read_words(binarise(remove_lines(straight, lines)), scale, settings)
    rulings = tuple(
        Ruling(x0 / scale, top / scale, x1 / scale, bottom / scale) for x0, top, x1, bottom in lines
    )
    return words, rulings


# A token that is (or should be) a number: digits with separators, or digits misread as
# look-alike letters and brackets ("(9)" for "0", "l" for "1", "O" for "0").
_NUMBERISH = re.compile(r"^[(\[]?[-–−]?[\dOolI|$&§S]{1,9}(?:[.,]\d{1,3})*[)\]]?[.,]?\s*%?$")
_DIGITS_ONLY = "-c tessedit_char_whitelist=0123456789.,%-"
# Words (three letters or more) read with less confidence than this are read again from their
# own crop with the Danish model alone, which knows æ, ø and å better than dan+eng.
TEXT_SECOND_LOOK_BELOW = 85.0
TEXT_LANG = "dan"
# Lone punctuation read with less confidence than this is dirt on the scan, not text.
SPECK_CONFIDENCE = 70.0
_PUNCTUATION = re.compile(r"^[\W_]{1,3}$")
# A text line's box is about this many times its font size (ascenders to descenders).
FONT_PER_LINE = 0.8


def _read_words(clean: Any, scale: float, settings: OcrSettings) -> list[Word]:
    """Tesseract's words from a binarised page, numbers with low confidence read again."""
    import pytesseract
    from PIL import Image

    data = pytesseract.image_to_data(
        Image.fromarray(clean),
        lang=settings.lang,
        config=f"--psm {settings.psm}",
        output_type=pytesseract.Output.DICT,
    )
    boxes: list[tuple[str, float, int, int, int, int]] = []
    line_height: dict[tuple[int, int, int], int] = {}
    sizes: list[float] = []
    for i, level in enumerate(data["level"]):
        if level == 4:  # a text line: its height sets the font size of its words
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            line_height[key] = data["height"][i]
    for i, text in enumerate(data["text"]):
        text = text.strip()
        if text and not _speck(text, float(data["conf"][i])):
            boxes.append(
                (
                    text,
                    float(data["conf"][i]),
                    data["left"][i],
                    data["top"][i],
                    data["width"][i],
                    data["height"][i],
                )
            )
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            sizes.append(line_height.get(key, data["height"][i]) / scale * FONT_PER_LINE)
    doubtful = [
        i
        for i, (text, conf, *_rest) in enumerate(boxes)
        if conf < settings.second_look_below
        and _NUMBERISH.match(text)
        and (any(ch.isdigit() for ch in text) or "(" in text)
    ]
    for i, (text, conf) in _second_look(clean, boxes, doubtful, "eng", _DIGITS_ONLY).items():
        if conf > boxes[i][1] or not _NUMBERISH.match(boxes[i][0]):
            boxes[i] = (text, conf, *boxes[i][2:])
    wordy = [
        i
        for i, (text, conf, *_rest) in enumerate(boxes)
        if conf < TEXT_SECOND_LOOK_BELOW and sum(ch.isalpha() for ch in text) >= 3
    ]
    for i, (text, conf) in _second_look(clean, boxes, wordy, TEXT_LANG, "").items():
        if conf > boxes[i][1] and " " not in text:
            boxes[i] = (text, conf, *boxes[i][2:])
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


def _speck(text: str, confidence: float) -> bool:
    """True for scanner dirt read as text: lone punctuation or a lone letter, low confidence.

    A printed "." or "-" in a table cell is read with high confidence and kept.
    """
    if _PUNCTUATION.match(text):
        return confidence < SPECK_CONFIDENCE
    return len(text) == 1 and text.isalpha() and confidence < SPECK_CONFIDENCE / 2


def _second_look(
    clean: Any,
    boxes: Sequence[tuple[str, float, int, int, int, int]],
    indices: Sequence[int],
    lang: str,
    config: str,
) -> dict[int, tuple[str, float]]:
    """Read the crops of ``indices`` again (``lang``, extra ``config``), in one Tesseract call.

    The crops are stacked on one white sheet, one per line, and read as a block; each line
    read is matched back to its crop by position.
    """
    import numpy as np
    import pytesseract
    from PIL import Image

    if not indices:
        return {}
    pad, gap = 6, 24
    crops = []
    for i in indices:
        _text, _conf, x, y, w, h = boxes[i]
        crops.append(clean[max(0, y - pad) : y + h + pad, max(0, x - pad) : x + w + pad])
    sheet_width = max(c.shape[1] for c in crops) + 4 * gap
    sheet = np.full((sum(c.shape[0] + gap for c in crops) + gap, sheet_width), 255, np.uint8)
    spans: list[tuple[int, int]] = []
    top = gap
    for crop in crops:
        sheet[top : top + crop.shape[0], 2 * gap : 2 * gap + crop.shape[1]] = crop
        spans.append((top, top + crop.shape[0]))
        top += crop.shape[0] + gap
    data = pytesseract.image_to_data(
        Image.fromarray(sheet),
        lang=lang,
        config=f"--psm 6 {config}".strip(),
        output_type=pytesseract.Output.DICT,
    )
    found: dict[int, list[tuple[str, float]]] = {}
    for j, text in enumerate(data["text"]):
        if not text.strip():
            continue
        centre = data["top"][j] + data["height"][j] / 2
        for k, (a, b) in enumerate(spans):
            if a <= centre <= b:
                found.setdefault(indices[k], []).append((text.strip(), float(data["conf"][j])))
    return {
        i: (
            " ".join(t for t, _ in parts) if not config else "".join(t for t, _ in parts),
            min(c for _, c in parts),
        )
        for i, parts in found.items()
    }


def _mean_confidence(words: Sequence[Word]) -> float:
    values = [w.confidence for w in words if w.confidence is not None]
    return sum(values) / len(values) if values else 0.0


def _looks_upside_down(words: Sequence[Word]) -> bool:
    return len(words) < 5 or _mean_confidence(words) < 55
