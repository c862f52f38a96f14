"""Image operations before OCR (OpenCV + NumPy): ink, skew, rotation, binarising, specks.

In and out: 8-bit grey page images as NumPy arrays (white = 255). Pure functions. The table
rules in a page image are found and painted out in ``image_rulings``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Skew search: coarse steps over +-MAX_SKEW degrees, then fine steps around the best.
MAX_SKEW = 3.0
COARSE_STEP = 0.25
FINE_STEP = 0.05


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


def dark_mask(grey: Any) -> Any:
    """The ink of ``grey`` as a mask: 255 where a pixel is ink (``shading.ink_cut``), else 0."""
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

    small = cv2.resize(dark_mask(grey), None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
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

    small = cv2.resize(dark_mask(grey), None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)

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


# Pixels around a removed ruling where its remains (the blurred edge of a printed line, a
# pixel wide) are median-filtered away before binarising.
RULE_REMAINS = 4


def binarise(grey: Any, lines: Sequence[tuple[float, float, float, float]] = ()) -> Any:
    """Black text on white: Otsu's threshold (a shaded band's own inside it:
    ``extract.readers.ocr.shading``) over the page, median-filtered only within RULE_REMAINS
    pixels of the removed ``lines`` (pixel boxes), where their blurred edges would stand as
    thin strokes. Filtered all over,
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
