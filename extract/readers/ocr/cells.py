"""Ruled tables in a page image: their cells, and reading every cell on its own.

Tesseract reads a page line by line. In a ruled table a label wrapped over two lines sits
beside numbers on one line, and a three-line header beside one-line headers; read as page
lines, such rows come out garbled (two label lines read as one word, numbers joined). Here
the table lines found in the image split each table into its cells (the white areas the
lines enclose, so spanning cells come out whole), and every cell with ink is read as its own
small block. All cells of a page go to Tesseract in one call: their crops are stacked on one
white sheet, and what is read is mapped back to the page by position.

In: binarised, line-free page images and the ruling boxes (pixels). Out: cell boxes, and
``TextBox``es in page pixels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Pixel box: x0, top, x1, bottom.
Box = tuple[int, int, int, int]

# A table is a group of touching lines with at least this many of each direction.
MIN_LINES_EACH_WAY = 2
# Lines closer than this (points) belong to the same table.
LINE_JOIN_POINTS = 2.0
# A cell is at least this big (points) and has at least this many ink pixels to be read.
MIN_CELL_POINTS = 4.0
MIN_CELL_INK = 12
# Crops on the sheet: white margin around each and gap between them (pixels).
SHEET_PAD = 8
SHEET_GAP = 30
# A cell Tesseract read nothing in whose ink is one horizontal bar (sizes in points: at most
# DASH_MAX_HEIGHT high, DASH_WIDTH wide, DASH_ASPECT times as wide as high, DASH_CLEAR clear
# of the cell's edges, so no rule's remains; dirt under DASH_SPECK both ways beside it) holds
# a dash, the nil mark of Danish tables ("–"), which Tesseract often leaves unread alone in a
# cell. It is read as "-" with DASH_CONFIDENCE (what a lone mark is kept with, not doubted).
DASH_MAX_HEIGHT = 1.5
DASH_WIDTH = (2.0, 12.0)
DASH_ASPECT = 3.0
DASH_CLEAR = 1.0
DASH_SPECK = 1.0
DASH_CONFIDENCE = 80.0
# An en dash is half its font size wide: its font size (``TextBox.em``) is twice its width.
DASH_EMS = 2.0


@dataclass(frozen=True, slots=True)
class TextBox:
    """A word as Tesseract read it: text, confidence, box in page pixels, its line's font
    size in pixels (``ocr_font.line_em``)."""

    text: str
    confidence: float
    left: int
    top: int
    width: int
    height: int
    em: float


def table_regions(lines: Sequence[tuple[float, float, float, float]], scale: float) -> list[Box]:
    """Boxes of ruled tables: groups of touching lines with 2+ horizontal and 2+ vertical."""
    import cv2
    import numpy as np

    if not lines:
        return []
    width = int(max(b[2] for b in lines)) + 4
    height = int(max(b[3] for b in lines)) + 4
    join = max(int(LINE_JOIN_POINTS * scale), 1)
    mask = np.zeros((height, width), np.uint8)
    for x0, top, x1, bottom in lines:
        mask[
            max(int(top) - join, 0) : int(bottom) + join + 1,
            max(int(x0) - join, 0) : int(x1) + join + 1,
        ] = 255
    count, labels, stats, _centres = cv2.connectedComponentsWithStats(mask)
    # per group of touching lines: how many run across, how many down
    across, down = [0] * count, [0] * count
    for x0, top, x1, bottom in lines:
        group = int(labels[int((top + bottom) / 2), int((x0 + x1) / 2)])
        if x1 - x0 > bottom - top:
            across[group] += 1
        else:
            down[group] += 1
    regions: list[Box] = []
    for index in range(1, count):
        if across[index] >= MIN_LINES_EACH_WAY and down[index] >= MIN_LINES_EACH_WAY:
            x, y, w, h = (int(v) for v in stats[index][:4])
            regions.append((x + join, y + join, x + w - join, y + h - join))
    return regions


def table_cells(
    region: Box, lines: Sequence[tuple[float, float, float, float]], scale: float
) -> list[Box]:
    """The cells of one ruled table: the white areas between its lines, top to bottom."""
    import cv2
    import numpy as np

    x0, top, x1, bottom = region
    walls = np.zeros((bottom - top, x1 - x0), np.uint8)
    for lx0, ltop, lx1, lbottom in lines:
        walls[
            max(int(ltop) - top - 1, 0) : max(int(lbottom) - top + 2, 0),
            max(int(lx0) - x0 - 1, 0) : max(int(lx1) - x0 + 2, 0),
        ] = 255
    _count, _labels, stats, _centres = cv2.connectedComponentsWithStats(255 - walls, connectivity=4)
    smallest = MIN_CELL_POINTS * scale
    cells = [
        (x0 + int(s[0]), top + int(s[1]), x0 + int(s[0] + s[2]), top + int(s[1] + s[3]))
        for s in stats[1:]
        if s[2] >= smallest and s[3] >= smallest
    ]
    return sorted(cells, key=lambda c: (c[1], c[0]))


def blank_out(clean: Any, regions: Sequence[Box]) -> Any:
    """A copy of ``clean`` with the table regions painted white (read cell by cell instead)."""
    page = clean.copy()
    for x0, top, x1, bottom in regions:
        page[top:bottom, x0:x1] = 255
    return page


def read_cells(
    clean: Any, cells: Sequence[Box], lang: str, scale: float | None = None
) -> list[TextBox]:
    """Read every inked cell of ``clean`` as its own block, in one Tesseract call; given the
    page's ``scale`` (pixels per point), a cell read as nothing holding one dash (``lone_dash``)
    reads "-"."""
    import numpy as np

    from extract.readers.ocr.tesseract import MAX_SHEET_PIXELS, read_data

    crops: list[tuple[Box, Any]] = []
    for cell in cells:
        x0, top, x1, bottom = cell
        crop = clean[top:bottom, x0:x1]
        if int(np.count_nonzero(crop < 128)) >= MIN_CELL_INK:
            crops.append((cell, crop))
    if not crops:
        return []
    sheet_width = max(c.shape[1] for _cell, c in crops) + 2 * SHEET_PAD
    sheet_height = sum(c.shape[0] + SHEET_GAP for _cell, c in crops) + SHEET_GAP
    if sheet_height > MAX_SHEET_PIXELS and len(crops) > 1:  # too tall for one sheet
        inked = [cell for cell, _crop in crops]
        half = len(inked) // 2
        return read_cells(clean, inked[:half], lang, scale) + read_cells(
            clean, inked[half:], lang, scale
        )
    sheet = np.full((sheet_height, sheet_width), 255, np.uint8)
    placed: list[tuple[int, Box]] = []
    y = SHEET_GAP
    for cell, crop in crops:
        sheet[y : y + crop.shape[0], SHEET_PAD : SHEET_PAD + crop.shape[1]] = crop
        placed.append((y, cell))
        y += crop.shape[0] + SHEET_GAP
    data = read_data(sheet, lang, "--psm 6")
    out = []
    read: set[Box] = set()
    for box in text_boxes(data):
        found = _placement(box, placed)
        if found is not None:
            out.append(_to_page(box, *found))
            read.add(found[1])
    if scale is not None:
        for cell, crop in crops:
            dash = None if cell in read else lone_dash(crop, scale)
            if dash is not None:
                x, y, w, h = dash
                out.append(
                    TextBox("-", DASH_CONFIDENCE, cell[0] + x, cell[1] + y, w, h, DASH_EMS * w)
                )
    return out


def lone_dash(crop: Any, scale: float) -> tuple[int, int, int, int] | None:
    """The box (x, y, width, height; pixels in ``crop``) of the one horizontal bar that is
    a cell's ink (see DASH_MAX_HEIGHT), or None."""
    import cv2
    import numpy as np

    dark = (crop < 128).astype(np.uint8)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(dark, connectivity=8)
    speck = DASH_SPECK * scale
    marks = [
        tuple(int(v) for v in stats[i][:4])
        for i in range(1, count)
        if stats[i][2] > speck or stats[i][3] > speck
    ]
    if len(marks) != 1:
        return None
    x, y, w, h = marks[0]
    clear = DASH_CLEAR * scale
    return (
        (x, y, w, h)
        if h <= DASH_MAX_HEIGHT * scale
        and DASH_WIDTH[0] * scale <= w <= DASH_WIDTH[1] * scale
        and w >= DASH_ASPECT * h
        and min(x, y) >= clear
        and x + w <= crop.shape[1] - clear
        and y + h <= crop.shape[0] - clear
        else None
    )


def text_boxes(data: dict[str, list[Any]]) -> list[TextBox]:
    """Tesseract's ``image_to_data`` dict as words with their line's font size."""
    from extract.readers.ocr.font import line_em

    line_height: dict[tuple[int, int, int], int] = {}
    words: dict[tuple[int, int, int], list[int]] = {}
    for i, level in enumerate(data["level"]):
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        if level == 4:
            line_height[key] = data["height"][i]
        elif data["text"][i].strip():
            words.setdefault(key, []).append(i)
    boxes: list[TextBox] = []
    for key, indices in words.items():
        texts = [data["text"][i].strip() for i in indices]
        em = line_em(
            texts,
            [float(data["height"][i]) for i in indices],
            float(line_height.get(key, max(int(data["height"][i]) for i in indices))),
        )
        boxes.extend(
            TextBox(
                text,
                float(data["conf"][i]),
                int(data["left"][i]),
                int(data["top"][i]),
                int(data["width"][i]),
                int(data["height"][i]),
                em,
            )
            for text, i in zip(texts, indices, strict=True)
        )
    return boxes


def _placement(box: TextBox, placed: Sequence[tuple[int, Box]]) -> tuple[int, Box] | None:
    centre = box.top + box.height / 2
    for y, cell in placed:
        if y - SHEET_GAP / 2 <= centre <= y + (cell[3] - cell[1]) + SHEET_GAP / 2:
            return y, cell
    return None


def _to_page(box: TextBox, y: int, cell: Box) -> TextBox:
    """``box`` read on the sheet where ``cell`` was placed at height ``y``, in page pixels."""
    x0, top, _x1, _bottom = cell
    return TextBox(
        box.text,
        box.confidence,
        box.left - SHEET_PAD + x0,
        box.top - y + top,
        box.width,
        box.height,
        box.em,
    )
