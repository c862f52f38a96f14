"""Shaded bands of a page (a table's grey header row), binarised on their own.

One threshold for the whole page (Otsu's) sits between paper and ink; on a grey band the
blurred edges of letters fall below it, so the letters swell into blobs ("Hele landet" read
as nothing, "2022" as "2e22"). A band is found as a wide area whose background (the page
with its text closed over) is darker than the paper and than just above or below it; it
gets a threshold of its own where that finds dark letters. A dark band (light letters on
it) is left as the page's threshold leaves it: turned dark on light, its letters were read
worse than not at all.

In: the page (8-bit grey, white = 255), median-filtered. Out: band boxes (x0, top, x1,
bottom, pixels), and the page binarised with each band thresholded on its own.
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
# Dark bands: most of a band thresholded on its own is ink (light letters on it); such a
# band keeps the page's threshold.
DARK_SHARE = 0.5
# A band thresholded on its own whose ink covers more than this share holds no letters the
# threshold found: the page's threshold stands there.
MOST_INK = 0.35


def shaded_bands(smooth: Any) -> list[tuple[int, int, int, int]]:
    """The shaded bands of the median-filtered page ``smooth``."""
    import cv2
    import numpy as np

    size = max(int(smooth.shape[1] * CLOSE_SHARE) | 1, 3)
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


def binarised(smooth: Any) -> Any:
    """The median-filtered page ``smooth`` black on white: Otsu's threshold over the page,
    and each grey band's own inside it."""
    import cv2

    out = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
    for x0, top, x1, bottom in shaded_bands(smooth):
        part = cv2.threshold(
            smooth[top:bottom, x0:x1], 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU
        )[1]
        if (part == 0).mean() > DARK_SHARE:
            continue  # light letters on a dark band: read as the page's threshold leaves them
        if (part == 0).mean() <= MOST_INK:  # (more is noise split in two, not letters)
            out[top:bottom, x0:x1] = part
    return out
