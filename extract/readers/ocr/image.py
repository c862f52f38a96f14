"""Image operations before OCR (OpenCV + NumPy): ink, skew, rotation, table lines, binarising.

In and out: 8-bit grey page images as NumPy arrays (white = 255). Pure functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Skew search: coarse steps over +-MAX_SKEW degrees, then fine steps around the best.
MAX_SKEW = 3.0
COARSE_STEP = 0.25
FINE_STEP = 0.05
# A ruling is a dark run at least this long (points) and at most this thick (points).
MIN_LINE_POINTS = 40.0
MAX_LINE_POINTS = 2.5
# A rule at least this long (points) is also found with gaps up to LINE_GAP_POINTS long in
# it (pixels a fax or coarse scan lost) and a pixel's step aside.
BRIDGED_LINE_POINTS = 120.0
LINE_GAP_POINTS = 1.0


def ink_share(grey: Any, darker_than: int = 128) -> float:
    """Share of pixels darker than ``darker_than`` (a blank page has next to none; on a
    coarse rendering, where text is grey, count with a lighter bound such as 200)."""
    import numpy as np

    dark = int(np.count_nonzero(grey < darker_than))
    return dark / max(int(grey.size), 1)


# A page with little ink still has text when it shows this many marks of letter size (at least
# MARK_POINTS tall): a heading and a line or two; dust and noise are smaller.
TEXT_MARKS = 12
MARK_POINTS = 4.0


def has_text_marks(grey: Any, scale: float) -> bool:
    """True when the page image (``scale`` pixels a point) shows TEXT_MARKS dark marks or
    more of letter height: what ``ink_share`` calls next to nothing may still be a few lines
    of text."""
    return text_marks(grey, scale, MARK_POINTS) >= TEXT_MARKS


# A letter of small print is at least this tall (points): an x-height of 7 pt type.
LETTER_POINTS = 2.5


def text_marks(grey: Any, scale: float, tallest_below: float = LETTER_POINTS) -> int:
    """How many dark marks (connected ink) at least ``tallest_below`` points tall and at most
    ten times that the page image (``scale`` pixels a point) shows: about its letters."""
    import cv2

    dark = cv2.threshold(grey, 127, 255, cv2.THRESH_BINARY_INV)[1]
    _count, _labels, stats, _centres = cv2.connectedComponentsWithStats(dark)
    tall = tallest_below * scale
    marks = stats[1:, cv2.CC_STAT_HEIGHT]
    return int(((marks >= tall) & (marks <= 10 * tall)).sum())


def _dark_mask(grey: Any) -> Any:
    import cv2

    from extract.readers.ocr.shading import ink_cut

    return cv2.threshold(grey, ink_cut(grey), 255, cv2.THRESH_BINARY_INV)[1]


def find_skew(grey: Any) -> float:
    """Degrees (counter-clockwise) to turn the page so its text lines are horizontal.

    Searches the angle whose horizontal projection of ink is sharpest (lines of text and
    blank space between them), on a quarter-size copy.
    """
    import cv2
    import numpy as np

    small = cv2.resize(_dark_mask(grey), None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    height, width = small.shape
    centre = (width / 2, height / 2)

    def sharpness(angle: float) -> float:
        turn = cv2.getRotationMatrix2D(centre, angle, 1.0)
        turned = cv2.warpAffine(small, turn, (width, height), flags=cv2.INTER_NEAREST)
        profile = turned.sum(axis=1, dtype=np.float64)
        return float(np.sum(np.diff(profile) ** 2))

    coarse = np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, COARSE_STEP)
    best = max(coarse, key=sharpness)
    fine = np.arange(best - COARSE_STEP, best + COARSE_STEP + 1e-9, FINE_STEP)
    return round(float(max(fine, key=sharpness)), 2)


# Text lines run across the page: the ink's row profile is this many times sharper than its
# column profile, or more, on a page set upright; a page whose column profile is as much
# sharper was scanned sideways (a landscape table fed in turned a quarter).
SIDEWAYS_SHARPER = 3.0
# Lines run clearly across a page when its row profile is this many times sharper; below
# that, Tesseract's orientation detection is asked which way the page lies.
ACROSS_SHARPER = 2.0


def profile_sharpness(grey: Any) -> tuple[float, float]:
    """(across, down): how sharp the ink's row profile and column profile are (sums of
    squared steps), on a quarter-size copy. Text lines running across a page make its row
    profile sharp; a page lying on its side, its column profile."""
    import cv2
    import numpy as np

    small = cv2.resize(_dark_mask(grey), None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)

    def sharpness(profile: Any) -> float:
        return float(np.sum(np.diff(profile.astype(np.float64)) ** 2))

    across = sharpness(small.sum(axis=1, dtype=np.float64))
    down = sharpness(small.sum(axis=0, dtype=np.float64))
    return across, down


def rotate(grey: Any, angle: float) -> Any:
    """The image turned ``angle`` degrees counter-clockwise about its centre, white filled."""
    import cv2

    height, width = grey.shape
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    return cv2.warpAffine(grey, turn, (width, height), flags=cv2.INTER_CUBIC, borderValue=255)


def ruling_boxes(grey: Any, scale: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom in pixels) of long thin horizontal and vertical lines."""
    import cv2

    dark = _dark_mask(grey)
    length = max(int(MIN_LINE_POINTS * scale), 10)
    boxes: list[tuple[float, float, float, float]] = []
    gap = max(int(LINE_GAP_POINTS * scale), 1) | 1  # (odd: the closing shifts nothing)
    bridged_length = max(int(BRIDGED_LINE_POINTS * scale), 10)
    for kernel in ((length, 1), (1, length)):
        element = cv2.getStructuringElement(cv2.MORPH_RECT, kernel)
        plain = _line_boxes(cv2.morphologyEx(dark, cv2.MORPH_OPEN, element), dark, scale)
        boxes += plain
        # a long thin rule of a coarse or fax scan, straightened, steps a pixel aside now and
        # then and has pixels missing: it is found thickened by a pixel either side, its gaps
        # closed (only a long one: a pen's circle has stretches as flat as a short rule), and
        # its box made as thin as its ink again
        sideways = kernel[0] > 1
        along = (gap, 1) if sideways else (1, gap)
        aside = (1, 3) if sideways else (3, 1)
        bridged = cv2.morphologyEx(
            cv2.dilate(dark, cv2.getStructuringElement(cv2.MORPH_RECT, aside)),
            cv2.MORPH_CLOSE,
            cv2.getStructuringElement(cv2.MORPH_RECT, along),
        )
        long_rule = (bridged_length, 1) if sideways else (1, bridged_length)
        found = cv2.morphologyEx(
            bridged, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, long_rule)
        )
        for box in _line_boxes(found, dark, scale):
            if not any(_covers(other, box, sideways) for other in plain):
                boxes.append(_tightened(dark, box, sideways))
    across = [b for b in boxes if b[2] - b[0] > b[3] - b[1]]
    return boxes + _cell_edges(dark, scale, across)


def _line_boxes(found: Any, dark: Any, scale: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom; pixels) of the lines in the mask ``found`` thin enough to be
    rules (MAX_LINE_POINTS) and, across, not the middle of a line of type (``_text_core``)."""
    import cv2

    boxes: list[tuple[float, float, float, float]] = []
    # only the part of the page with lines is searched for them (most pages have few)
    left, top, width, height = cv2.boundingRect(found)
    if width == 0 or height == 0:
        return boxes
    part = found[top : top + height, left : left + width]
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(part)
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        x, y = x + left, y + top
        if min(w, h) <= MAX_LINE_POINTS * scale * 2 and not (
            w > h and _text_core(dark, (x, y, x + w, y + h), scale)
        ):
            boxes.append((float(x), float(y), float(x + w), float(y + h)))
    return boxes


def _covers(
    box: tuple[float, float, float, float], other: tuple[float, float, float, float], across: bool
) -> bool:
    """Whether ``box`` runs along nearly all (COVERED) of ``other``'s length."""
    a0, a1 = (box[0], box[2]) if across else (box[1], box[3])
    b0, b1 = (other[0], other[2]) if across else (other[1], other[3])
    return min(a1, b1) - max(a0, b0) >= COVERED * (b1 - b0)


# A rule found bridged is new unless a rule found as it is runs along this share of it.
COVERED = 0.95
# A row (or column) of a rule's box is the rule's when this share of it is ink.
RULE_ROW_INK = 0.3


def _tightened(
    dark: Any, box: tuple[float, float, float, float], across: bool
) -> tuple[float, float, float, float]:
    """A rule's box (x0, top, x1, bottom; pixels) cut to its rows (a rule across) or columns
    (a rule down) that are mostly ink (RULE_ROW_INK): a rule found thickened by a pixel
    either side is as thin again, and no more of the letters beside it is painted out."""
    x0, top, x1, bottom = (int(v) for v in box)
    part = dark[top:bottom, x0:x1] > 0
    inked = part.mean(axis=1 if across else 0) >= RULE_ROW_INK
    if not inked.any():
        return box
    first = int(inked.argmax())
    last = len(inked) - 1 - int(inked[::-1].argmax())
    if across:
        return float(x0), float(top + first), float(x1), float(top + last + 1)
    return float(x0 + first), float(top), float(x0 + last + 1), float(bottom)


# A vertical run shorter than MIN_LINE_POINTS, down to CELL_EDGE_POINTS, is a ruling when both
# its ends meet a ruling across (within EDGE_MEET_POINTS): a cell's edge between two row
# rules. A table whose group rows span its columns has its column rules cut into such pieces.
CELL_EDGE_POINTS = 10.0
EDGE_MEET_POINTS = 1.5


def _cell_edges(
    dark: Any, scale: float, across: list[tuple[float, float, float, float]]
) -> list[tuple[float, float, float, float]]:
    """Boxes of the short vertical runs of ``dark`` that meet a ruling of ``across`` at
    both ends (see CELL_EDGE_POINTS); the long ones ``ruling_boxes`` finds are not here."""
    import cv2

    if len(across) < 2:
        return []
    element = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(int(CELL_EDGE_POINTS * scale), 5)))
    found = cv2.morphologyEx(dark, cv2.MORPH_OPEN, element)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(found)
    reach = EDGE_MEET_POINTS * scale

    def meets(x: float, y: float) -> bool:
        return any(
            b[0] - reach <= x <= b[2] + reach and b[1] - reach <= y <= b[3] + reach for b in across
        )

    edges = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        if h >= MIN_LINE_POINTS * scale or w > MAX_LINE_POINTS * scale * 2:
            continue  # (found already, or no line)
        middle = x + w / 2
        if meets(middle, y) and meets(middle, y + h):
            edges.append((float(x), float(y), float(x + w), float(y + h)))
    return edges


# A horizontal run with ink above and below it (between TEXT_CORE_POINTS away, past a rule's
# own ragged edge) along more than TEXT_CORE_SHARE of its length is the middle of a line of
# small bold type whose letters blur ran together, not a rule: its letters stand out of it
# both ways. (A rule has white both sides; one beside a shaded band, on one side only.)
TEXT_CORE_POINTS = (0.5, 1.5)
TEXT_CORE_SHARE = 0.4


def _text_core(dark: Any, box: tuple[int, int, int, int], scale: float) -> bool:
    """Whether the horizontal run ``box`` (x0, top, x1, bottom; pixels) of the ``dark`` mask
    is the run-together middle of a line of text (see TEXT_CORE_SHARE)."""
    x0, top, x1, bottom = box
    near, far = (max(int(points * scale), 1) for points in TEXT_CORE_POINTS)
    above = dark[max(top - far, 0) : max(top - near, 0), x0:x1]
    below = dark[bottom + near : bottom + far, x0:x1]
    if above.size == 0 or below.size == 0:
        return False
    return bool(
        above.any(axis=0).mean() > TEXT_CORE_SHARE and below.any(axis=0).mean() > TEXT_CORE_SHARE
    )


def remove_lines(grey: Any, boxes: list[tuple[float, float, float, float]]) -> Any:
    """The image with the ruling boxes (and a pixel around them) painted white."""
    clean = grey.copy()
    for x0, top, x1, bottom in boxes:
        clean[max(int(top) - 1, 0) : int(bottom) + 2, max(int(x0) - 1, 0) : int(x1) + 2] = 255
    return clean


# Pixels around a removed ruling where its remains (the blurred edge of a printed line, a
# pixel wide) are median-filtered away before binarising.
RULE_REMAINS = 4


def binarise(grey: Any, lines: Sequence[tuple[float, float, float, float]] = ()) -> Any:
    """Black text on white: Otsu's threshold (a shaded band's own inside it: ``ocr_shading``)
    over the page, median-filtered only within RULE_REMAINS pixels of the removed ``lines``
    (pixel boxes), where their blurred edges would stand as thin strokes. Filtered all over,
    the page lost the fine strokes of small type (the ring of "å", the bar of "æ", a serif
    font's hairlines), and with them many values (a third fewer read exactly on a set of
    scanned variants)."""
    import cv2
    import numpy as np

    from extract.readers.ocr.shading import binarised

    if not lines:
        return binarised(grey)
    pad = RULE_REMAINS
    boxes = [
        (max(int(top) - pad, 0), int(bottom) + pad + 1, max(int(x0) - pad, 0), int(x1) + pad + 1)
        for x0, top, x1, bottom in lines
    ]
    # the median over the lines' area only (a pixel more each way: the same values there)
    y0, x0 = max(min(b[0] for b in boxes) - 1, 0), max(min(b[2] for b in boxes) - 1, 0)
    y1, x1 = max(b[1] for b in boxes) + 1, max(b[3] for b in boxes) + 1
    filtered = grey.copy()
    smooth = cv2.medianBlur(np.ascontiguousarray(grey[y0:y1, x0:x1]), 3)
    for top, bottom, left, right in boxes:
        filtered[top:bottom, left:right] = smooth[top - y0 : bottom - y0, left - x0 : right - x0]
    return binarised(filtered)


# Ink inside a word's box smaller than this share of the word's largest blob, and standing
# this many box heights apart from the rest, is dirt that Tesseract took into the word.
SPECK_AREA_SHARE = 0.15
SPECK_GAP_HEIGHTS = 0.3


def trim_specks(clean: Any, box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
    """The box (left, top, width, height; pixels) shrunk to its ink without dirt beside it."""
    import cv2

    left, top, width, height = box
    crop = clean[top : top + height, left : left + width]
    if crop.size == 0:
        return box
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(
        (crop < 128).astype("uint8"), connectivity=8
    )
    blobs = [tuple(int(v) for v in stats[i]) for i in range(1, count)]
    if len(blobs) < 2:
        return box
    largest = max(b[4] for b in blobs)
    gap = SPECK_GAP_HEIGHTS * height

    def apart(blob: tuple[int, ...]) -> bool:
        x0, x1 = blob[0], blob[0] + blob[2]
        return all(
            other is blob or x1 + gap <= other[0] or other[0] + other[2] + gap <= x0
            for other in blobs
        )

    kept = [b for b in blobs if not (b[4] < SPECK_AREA_SHARE * largest and apart(b))]
    if len(kept) == len(blobs):
        return box
    x0 = min(b[0] for b in kept)
    y0 = min(b[1] for b in kept)
    x1 = max(b[0] + b[2] for b in kept)
    y1 = max(b[1] + b[3] for b in kept)
    return (left + x0, top + y0, x1 - x0, y1 - y0)


# Ink Tesseract left unread: letter-sized marks (UNREAD_MIN_POINTS to UNREAD_MAX_POINTS tall)
# outside every word box, gathered into regions of at least UNREAD_MARKS marks (a column of
# values standing far right of its labels, skipped by the line-by-line reading).
UNREAD_MIN_POINTS = 2.5
UNREAD_MAX_POINTS = 20.0
UNREAD_MARKS = 3
UNREAD_JOIN_POINTS = 12.0
UNREAD_REGIONS = 20


def unread_ink(
    clean: Any, words: list[tuple[int, int, int, int]], scale: float
) -> list[tuple[int, int, int, int]]:
    """Regions (x0, top, x1, bottom in pixels) of the binarised page ``clean`` holding
    UNREAD_MARKS letter-sized marks or more that no word box (x, y, width, height) covers,
    marks within UNREAD_JOIN_POINTS of each other joined; at most UNREAD_REGIONS, largest
    first."""
    import cv2
    import numpy as np

    dark = (clean < 128).astype(np.uint8)
    count, _labels, stats, centres = cv2.connectedComponentsWithStats(dark, connectivity=8)
    covered = np.zeros(clean.shape, np.uint8)
    for x, y, w, h in words:
        covered[max(y - 2, 0) : y + h + 2, max(x - 2, 0) : x + w + 2] = 1
    low, high = UNREAD_MIN_POINTS * scale, UNREAD_MAX_POINTS * scale
    marks = np.zeros(clean.shape, np.uint8)
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i][:4])
        cx, cy = int(centres[i][0]), int(centres[i][1])
        if low <= h <= high and w <= high and not covered[cy, cx]:
            marks[y : y + h, x : x + w] = 1
    if not marks.any():
        return []
    join = max(int(UNREAD_JOIN_POINTS * scale), 1)
    grown = cv2.dilate(marks, np.ones((join, join), np.uint8))
    found, labels, boxes, _c = cv2.connectedComponentsWithStats(grown, connectivity=8)
    regions = []
    for k in range(1, found):
        x, y, w, h = (int(v) for v in boxes[k][:4])
        inside = marks[y : y + h, x : x + w] & (labels[y : y + h, x : x + w] == k)
        pieces = cv2.connectedComponents(inside.astype(np.uint8))[0] - 1
        if pieces >= UNREAD_MARKS:
            pad = join // 2  # (the dilation's growth, taken off again)
            regions.append((x + pad, y + pad, x + w - pad, y + h - pad, pieces))
    regions.sort(key=lambda r: -r[4])
    return [(x0, y0, x1, y1) for x0, y0, x1, y1, _n in regions[:UNREAD_REGIONS]]
