"""Table rules in a page image (OpenCV + NumPy): found as long thin dark runs, painted out.

In: an 8-bit grey page image as a NumPy array (white = 255) and its scale (pixels a point).
Out: the boxes of its rulings across and down, short cell edges between rules included
(``ruling_boxes``), and the image with them painted white (``remove_lines``). Pure functions.
"""

from __future__ import annotations

from typing import Any

from extract.readers.ocr.image import dark_mask

# A ruling is a dark run at least this long (points) and at most this thick (points).
MIN_LINE_POINTS = 40.0
MAX_LINE_POINTS = 2.5
# A rule at least this long (points) is also found with gaps up to LINE_GAP_POINTS long in
# it (pixels a fax or coarse scan lost) and a pixel's step aside.
BRIDGED_LINE_POINTS = 120.0
LINE_GAP_POINTS = 1.0


def ruling_boxes(grey: Any, scale: float) -> list[tuple[float, float, float, float]]:
    """Boxes (x0, top, x1, bottom in pixels) of long thin horizontal and vertical lines."""
    import cv2

    dark = dark_mask(grey)
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
