"""Shaded bands of a page (a table's grey header row), binarised on their own.

One threshold for the whole page (Otsu's) sits between paper and ink; on a grey band the
blurred edges of letters fall below it, so the letters swell into blobs ("Hele landet" read
as nothing, "2022" as "2e22"). A band is found as a wide area whose background (the page
with its text closed over) is darker than the paper and than just above or below it; it
gets a threshold of its own where that finds dark letters.

A dark band (light letters on it: a table's header printed white on black) is turned, before
anything else looks at the page (``dark_bands_turned``): its background made the paper's
shade and its letters black, so that rulings, binarising and every reading see it as any
other header. Left dark, the page's threshold makes it one black block, its letters are lost
and the gaps between them pass for rulings.

In: the page (8-bit grey, white = 255). Out: band boxes
(x0, top, x1, bottom, pixels); the page with its dark bands turned (and their boxes); the
page binarised with each band thresholded on its own.
"""

from __future__ import annotations

from typing import Any

# The background is the page closed over with a square this share of the page's width
# (wider than a letter's strokes, narrower than a band's height).
CLOSE_SHARE = 0.01
# A band's background is this much darker than the paper's, and this much darker than just
# above or below it.
BAND_DARKER = 30
BAND_APART = 12
# A band is at least this many times as wide as the closing square and as tall as it, and
# fills most of its box (a shaded rectangle, not a shadow's gradient).
BAND_WIDTH = 8
BAND_FILL = 0.8
# Dark bands: most of a band thresholded on its own is ink (light letters on it); one
# ``dark_bands_turned`` left as it was keeps the page's threshold.
DARK_SHARE = 0.5
# A dark band's pixels are darker than this share of the paper's shade.
DARK_LEVEL = 0.5
# ... and most pixels around a dark band's are dark (this share).
DARK_DENSITY = 0.5
# Rulings across a dark band are this much darker than it.
RULE_DARKER = 20
# A dark band's blurred edge is made paper this share of the closing square out from it.
EDGE_SHARE = 4
# A dark band's light letters are this much lighter than its background at least.
LETTERS_APART = 60
# A band thresholded on its own whose ink covers more than this share holds no letters the
# threshold found: the page's threshold stands there.
MOST_INK = 0.35
# Ink is at least this much darker than the paper (grey levels). Where Otsu's two classes
# lie closer together, there is no ink to split off (a blank page's grain and uneven light):
# Otsu's threshold would cut the paper itself in two, and half the page would pass for ink.
MIN_INK_CONTRAST = 40


def _close_size(smooth: Any) -> int:
    return max(int(smooth.shape[1] * CLOSE_SHARE) | 1, 3)


def dark_bands_turned(grey: Any) -> tuple[Any, list[tuple[int, int, int, int]]]:
    """``grey`` (8-bit, white = 255) with each dark band turned (``_turned``; the same
    array when there is none), and the boxes (x0, top, x1, bottom, pixels) of the bands
    turned."""
    import cv2
    import numpy as np

    smooth = cv2.medianBlur(grey, 3)
    paper = float(np.percentile(smooth, 90))
    size = _close_size(smooth)
    # where most pixels around are dark (text on paper has a few; a dark band most, its
    # light letters among them)
    dark = smooth < paper * DARK_LEVEL
    solid = (cv2.blur(dark.astype(np.float32), (size, size)) > DARK_DENSITY).astype(np.uint8)
    count, labels, stats, _centres = cv2.connectedComponentsWithStats(solid, connectivity=8)
    out = grey
    boxes: list[tuple[int, int, int, int]] = []
    pad = 3 * max(size // EDGE_SHARE, 1)  # room for the band's blurred edge around it
    for i in range(1, count):
        left, top, w, h, area = (int(v) for v in stats[i][:5])
        if w < BAND_WIDTH * size or h < size or area < BAND_FILL * w * h:
            continue
        top, bottom = max(top - pad, 0), min(top + h + pad, smooth.shape[0])
        left, right = max(left - pad, 0), min(left + w + pad, smooth.shape[1])
        box = (slice(top, bottom), slice(left, right))
        turned = _turned(out[box], smooth[box], dark[box], labels[box] == i, paper, size)
        if turned is not None:
            out = grey.copy() if out is grey else out
            out[box] = turned
            boxes.append((left, top, right, bottom))
    return out, boxes


def _turned(region: Any, smooth: Any, dark: Any, band: Any, paper: float, size: int) -> Any | None:
    """One dark band's box (``region``, its median-filtered ``smooth``, its ``dark``
    pixels, the ``band``'s pixels) turned: the band's background brought to the ``paper``
    shade and its light letters to black, in proportion; rulings across it (darker than
    it) kept; its blurred edge made paper, and its outline drawn as rulings, as a PDF draws
    a filled cell's edges (the rulings of the rows below meet it there). None when no light
    letters stand out of it."""
    import cv2
    import numpy as np

    square = np.ones((size, size), np.uint8)
    # (holes where letters stand close together filled)
    inside = cv2.morphologyEx(
        band.astype(np.uint8),
        cv2.MORPH_CLOSE,
        square,
        borderType=cv2.BORDER_CONSTANT,
        borderValue=0,
    ).astype(bool)
    shade = float(np.median(smooth[inside & dark]))
    letters = float(np.percentile(smooth[inside], 99))
    if letters - shade < LETTERS_APART:
        return None
    rows, cols = np.flatnonzero(inside.any(axis=1)), np.flatnonzero(inside.any(axis=0))
    # the blurred edge lies on both sides of where the band's dark pixels thin out
    reach = max(size // EDGE_SHARE, 1)
    inside = cv2.erode(inside.astype(np.uint8), np.ones((2 * reach + 1,) * 2, np.uint8)) > 0
    edge = cv2.dilate(inside.astype(np.uint8), np.ones((6 * reach + 1,) * 2, np.uint8)) > 0
    pixels = region.astype(np.float32)
    ruling = pixels < shade - RULE_DARKER
    turned = np.clip(paper - (pixels - shade) * paper / (letters - shade), 0, 255)
    turned[ruling] = 0
    out = np.where(inside, turned, np.where(edge & ~ruling, paper, pixels))
    for y in (rows[0], rows[-1]):
        out[max(y - 1, 0) : y + 2, cols[0] : cols[-1] + 1] = 0
    for x in (cols[0], cols[-1]):
        out[rows[0] : rows[-1] + 1, max(x - 1, 0) : x + 2] = 0
    return out.astype(np.uint8)


def shaded_bands(smooth: Any) -> list[tuple[int, int, int, int]]:
    """The shaded bands of the median-filtered page ``smooth``."""
    import cv2
    import numpy as np

    size = _close_size(smooth)
    background = cv2.morphologyEx(smooth, cv2.MORPH_CLOSE, np.ones((size, size), np.uint8))
    paper = float(np.percentile(background, 90))
    mask = (background < paper - BAND_DARKER).astype(np.uint8)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(mask, connectivity=8)
    bands = []
    for i in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[i][:5])
        if (
            w >= BAND_WIDTH * size
            and h >= size
            and area >= BAND_FILL * w * h
            and _set_apart(background, (x, y, x + w, y + h), size)
        ):
            bands.append((x, y, x + w, y + h))
    return bands


def _set_apart(background: Any, box: tuple[int, int, int, int], size: int) -> bool:
    """Whether the band's background is BAND_APART darker than just above or below it (a
    shaded row has paper beside it; light falling off across a page, or a dim page's cells
    between removed rules, has the same grey on both sides)."""
    import numpy as np

    x0, top, x1, bottom = box
    level = float(np.median(background[top:bottom, x0:x1]))
    beside = [
        background[max(top - 2 * size, 0) : max(top - size // 2, 0), x0:x1],
        background[bottom + size // 2 : bottom + 2 * size, x0:x1],
    ]
    around = [float(np.median(part)) for part in beside if part.size]
    return bool(around) and max(around) - level >= BAND_APART


def binarised(grey: Any) -> Any:
    """The page ``grey`` black on white: Otsu's threshold over the page (``ink_cut``), and
    each grey band's own inside it."""
    import cv2

    out = cv2.threshold(grey, ink_cut(grey), 255, cv2.THRESH_BINARY)[1]
    for x0, top, x1, bottom in shaded_bands(grey):
        band = grey[top:bottom, x0:x1]
        part = cv2.threshold(band, ink_cut(band), 255, cv2.THRESH_BINARY)[1]
        if (part == 0).mean() > DARK_SHARE:
            continue  # a dark band ``dark_bands_turned`` did not turn: no letters found
        if (part == 0).mean() <= MOST_INK:  # (more is noise split in two, not letters)
            out[top:bottom, x0:x1] = part
    return out


def ink_cut(grey: Any) -> float:
    """The grey level at or below which pixels of ``grey`` (8-bit) are ink: Otsu's threshold,
    or, where its two classes are less than MIN_INK_CONTRAST apart, that far below the
    median (only the darkest specks are ink then)."""
    import cv2
    import numpy as np

    cut = float(cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[0])
    counts = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    split = int(cut) + 1
    dark, light = counts[:split].sum(), counts[split:].sum()
    if dark == 0 or light == 0:
        return cut
    apart = (counts[split:] @ levels[split:]) / light - (counts[:split] @ levels[:split]) / dark
    if apart >= MIN_INK_CONTRAST:
        return cut
    median = int(np.searchsorted(np.cumsum(counts), counts.sum() / 2))
    return float(max(median - MIN_INK_CONTRAST, 0))
