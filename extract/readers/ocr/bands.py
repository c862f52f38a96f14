"""Tall bands between horizontal rules, read stack by stack: the header of a table ruled
across only.

A table drawn with horizontal rules alone (under the header, between rows, booktabs) has no
cells for ``ocr_cells`` to read one by one. Its header band holds stacks of two to five
short lines side by side (narrow columns' headers broken over lines, each stack centred
on its own), which Tesseract, reading the page line by line, merges into tall garbled
words ("tlsespre-" for three lines of "Stadfæstelsesprocent"). Here each band between two
horizontal rules that overlap across most of their width, with no vertical rule inside, that
is BAND_LINES to BAND_MAX_LINES letters tall and mostly stacks of two lines or more, is cut
into its stacks of ink at the white gaps running down the whole band; each stack is then
read as a cell.

In: the binarised, line-free page image, the ruling boxes and the scale (pixels per point).
Out: stack boxes (x0, top, x1, bottom; pixels); which boxes meet others, which words stand
in them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from statistics import median
from typing import Any

from extract.readers.ocr.cells import Box, TextBox

# Rules at least this long (points), overlapping by this share of the shorter, bound a band.
BAND_MIN_POINTS = 60.0
BAND_OVERLAP = 0.8
# A band is read stack by stack when it is this many letters tall (the middle height of its
# marks): two lines of text and more, a header broken over lines.
BAND_LINES = 2.6
# ... and at most this many: a header of up to five lines; a table's body between two rules
# (booktabs) is read with the page.
BAND_MAX_LINES = 10.0
# Marks under this height (points) are dirt, not letters, when the letter height is taken.
BAND_SPECK_POINTS = 2.0
# Stacks stand apart by a white gap down the whole band this many letters wide at least
# (word spaces inside one stack are narrower).
BAND_GAP_LETTERS = 1.2
# A band is a header's when this share of its stacks hold two lines or more (a body row
# whose label wraps beside one-line values is not).
BAND_STACKED = 0.5
# Bands read at most per page (a page ruled like a form is left to the page reading).
MAX_BANDS = 6


def stacked_bands(
    clean: Any, lines: Sequence[tuple[float, float, float, float]], scale: float
) -> list[Box]:
    """The stacks of ink of each tall band between two horizontal rules (see the module);
    bands crossed by a vertical rule are left out (their cells are read as cells)."""
    across = sorted(
        (b for b in lines if b[2] - b[0] > b[3] - b[1] and b[2] - b[0] >= BAND_MIN_POINTS * scale),
        key=lambda b: b[1],
    )
    down = [b for b in lines if b[3] - b[1] > b[2] - b[0]]
    stacks: list[Box] = []
    bands = 0
    for index, upper in enumerate(across):
        lower = next((b for b in across[index + 1 :] if _overlap(upper, b)), None)
        if lower is None:
            continue
        x0, x1 = int(max(upper[0], lower[0])), int(min(upper[2], lower[2]))
        top, bottom = int(upper[3]) + 2, int(lower[1]) - 1
        if bottom - top < 4 or any(x0 < d[0] < x1 and d[1] < bottom and top < d[3] for d in down):
            continue
        found = _stacks(clean[top:bottom, x0:x1], scale)
        if found:
            stacks += [(x0 + a, top, x0 + b, bottom) for a, b in found]
            bands += 1
            if bands >= MAX_BANDS:
                break
    return stacks


def _overlap(upper: tuple[float, ...], lower: tuple[float, ...]) -> bool:
    """True when two horizontal rules overlap by BAND_OVERLAP of the shorter."""
    shared = min(upper[2], lower[2]) - max(upper[0], lower[0])
    return shared >= BAND_OVERLAP * min(upper[2] - upper[0], lower[2] - lower[0])


def _stacks(band: Any, scale: float) -> list[tuple[int, int]]:
    """The x-extents (pixels in ``band``) of its stacks of ink when the band is BAND_LINES to
    BAND_MAX_LINES letters tall and holds two stacks or more, BAND_STACKED of them of two
    lines or more; else none. Each stack reaches into the white beside it (BAND_GAP_LETTERS
    at most, half-way to the next stack)."""
    import cv2
    import numpy as np

    dark = (band < 128).astype(np.uint8)
    count, _labels, stats, _centres = cv2.connectedComponentsWithStats(dark, connectivity=8)
    heights = [
        int(stats[i][3]) for i in range(1, count) if stats[i][3] >= BAND_SPECK_POINTS * scale
    ]
    if len(heights) < 3:
        return []
    letter = median(heights)
    if not BAND_LINES * letter <= band.shape[0] <= BAND_MAX_LINES * letter:
        return []  # a row, or a table's body between two rules (booktabs)
    inked = dark.any(axis=0)
    gap = max(int(BAND_GAP_LETTERS * letter), 1)
    runs = _runs(inked, gap)
    stacked = sum(1 for a, b in runs if len(_runs(dark[:, a:b].any(axis=1), 1)) >= 2)
    if len(runs) < 2 or stacked < BAND_STACKED * len(runs):
        # one line of text (a row with room around it), or a row whose label alone wraps
        # beside one-line values: read with the page
        return []
    # each stack with the white beside it, half-way to the next (Tesseract reads a crop
    # with a margin; a lone dash needs room from the crop's edges to be told)
    edges = [0, *((b + a2) // 2 for (_a, b), (a2, _b) in itertools.pairwise(runs)), len(inked)]
    return [(max(edges[k], a - gap), min(edges[k + 1], b + gap)) for k, (a, b) in enumerate(runs)]


def _runs(inked: Any, gap: int) -> list[tuple[int, int]]:
    """The runs (start, end) of True in the 1-d array ``inked``, runs less than ``gap``
    apart joined: the stacks across a band (gap: a column gap), the lines down a stack (1)."""
    runs: list[list[int]] = []
    white = gap
    for x, ink in enumerate(inked):
        if ink:
            if white >= gap or not runs:
                runs.append([x, x + 1])
            runs[-1][1] = x + 1
            white = 0
        else:
            white += 1
    return [(a, b) for a, b in runs]


def meets_any(box: Box, regions: Sequence[Box]) -> bool:
    """True when ``box`` meets one of ``regions`` (a stack inside a ruled table's region)."""
    return any(box[0] < r[2] and r[0] < box[2] and box[1] < r[3] and r[1] < box[3] for r in regions)


def centred_in(word: TextBox, stacks: Sequence[Box]) -> bool:
    """True when the middle of a word's box stands in one of ``stacks``."""
    x, y = word.left + word.width / 2, word.top + word.height / 2
    return any(s[0] <= x <= s[2] and s[1] <= y <= s[3] for s in stacks)
