"""Marks OCR passed over in a column of numbers: a printed "." or ".." (suppressed) and a
lone dash "–" (nil).

Tesseract often reads nothing for a lone full stop, or reads it unsurely and it is dropped as
dirt; the row then looks like a group heading and the table's rows fall apart. A dot of ink
is taken as a printed mark only where a printed mark stands: on a text line's baseline,
beside the row's own words, between numbers of one column above and below it (their right
edges or centres line up with it), with no word of that line on it. Dirt rarely meets all of that.

A lone dash is lost the same way (a short thin bar, to Tesseract's line finder no text): it
is taken where a nil mark stands: a flat bar no word covers, within a text line beside that
line's words, well clear of them (no hyphen of a label), lined up with a column of numbers
or other such dashes (``printed_marks``).

In: the binarised page (black text on white, pixels) and the words kept so far (``TextBox``).
Out: a ``TextBox`` for each such mark ("." or ".." or "..."; "-"), read with MARK_CONFIDENCE;
and
(``with_stray_dots_unsure``) the words with the dots Tesseract read that stand in no column
made unsure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from extract.readers.ocr.cells import TextBox

# A mark found so is less sure than a word Tesseract read surely: its value says so.
MARK_CONFIDENCE = 70.0
# A dot's size against the page's middle digit height: at most DOT_MOST, at least DOT_LEAST,
# about as wide as tall (DOT_ASPECT), mostly filled (DOT_FILL).
DOT_MOST = 0.4
DOT_LEAST = 0.1
DOT_ASPECT = 2.0
DOT_FILL = 0.5
# Dots this close (in middle digit heights) are one mark ("..").
DOT_GAP = 0.6
# A mark's bottom lies within this share of a digit height of its line's baseline (a wide
# row of a page straightened to a tenth of a degree still slopes a point or two).
BASELINE_SLACK = 0.5
# It lines up with a column when its right edge or centre is within this share of a digit
# height of those of at least COLUMN_NUMBERS numbers on other lines.
COLUMN_SLACK = 0.6
COLUMN_NUMBERS = 2
# A mark with numbers above it and none below is the column's last row when at least
# LAST_ROW_NUMBERS numbers stand above and it lies within LAST_ROW_PITCHES of their
# spacing under the last.
LAST_ROW_NUMBERS = 3
LAST_ROW_PITCHES = 1.6
# A dash: a bar at most DASH_THICK digit heights thick, DASH_LONG wide, DASH_FLAT times as
# wide as thick; its middle within its line's words' height; the nearest ink of its line
# (words, other marks) DASH_CLEAR digit heights away at least on each side.
DASH_THICK = 0.3
DASH_LONG = (0.35, 1.6)
DASH_FLAT = 2.5
DASH_CLEAR = 1.0
_NUMBER = re.compile(r"^[-–]?\d[\d.,]*\s*%?$")
_DASH = re.compile(r"^[-–—]$")
Dot = tuple[int, int, int, int]  # left, top, width, height (pixels)


# The numbers among a page's words, a digit's height, and the page's ink (connected
# components' stats, row 0 the background): what both mark finders look at.
PageInk = tuple[list[TextBox], float, Any]


def printed_marks(clean: Any, words: Sequence[TextBox]) -> list[TextBox]:
    """The suppression marks ("." and "..") and then the nil dashes ("-", each read with
    MARK_CONFIDENCE: see the module doc) no word of ``words`` holds on the page ``clean``, its
    ink looked at once."""
    page = _ink_beside_numbers(clean, words)
    if page is None:
        return []
    dots = _dots(page, words)
    return dots + _dashes(page, [*words, *dots])


def _dots(page: PageInk, words: Sequence[TextBox]) -> list[TextBox]:
    numbers, digit, stats = page
    dots = []
    for i in range(1, len(stats)):
        x, y, w, h, area = (int(v) for v in stats[i][:5])
        if (
            DOT_LEAST * digit <= min(w, h)
            and max(w, h) <= DOT_MOST * digit
            and max(w, h) <= DOT_ASPECT * min(w, h)
            and area >= DOT_FILL * w * h
            and not _covered(x, y, w, h, words)
        ):
            dots.append((x, y, w, h))
    marks = []
    for run in _runs(sorted(dots), digit):
        left, top = min(d[0] for d in run), min(d[1] for d in run)
        right = max(d[0] + d[2] for d in run)
        bottom = max(d[1] + d[3] for d in run)
        line = _line_of(words, left, right, bottom, digit)
        if line is not None and _in_column(numbers, left, right, top, bottom, digit):
            width, height = right - left, bottom - top
            marks.append(
                TextBox("." * len(run), MARK_CONFIDENCE, left, top, width, height, line.em)
            )
    return [m for m in marks if _row_of_values(m, [*numbers, *marks], digit)]


def _ink_beside_numbers(clean: Any, words: Sequence[TextBox]) -> PageInk | None:
    """The numbers among ``words``, their middle height (a digit's) and the page's ink (the
    connected components' stats of ``clean``, row 0 the background); None with fewer than
    COLUMN_NUMBERS numbers (no column to tell a mark by)."""
    import cv2
    import numpy as np

    numbers = [w for w in words if _NUMBER.match(w.text)]
    if len(numbers) < COLUMN_NUMBERS:
        return None
    digit = float(np.median([w.height for w in numbers]))
    dark = (clean < 128).astype(np.uint8)
    _count, _labels, stats, _centres = cv2.connectedComponentsWithStats(dark, connectivity=8)
    return numbers, digit, stats


_DOTS = re.compile(r"^\.{1,3}$")


# A dot read where no column's mark can stand is kept (its row keeps a cell, not turning
# into a group heading), but at most this sure, so its value is flagged.
STRAY_CONFIDENCE = 40.0


def with_stray_dots_unsure(words: Sequence[TextBox]) -> list[TextBox]:
    """``words`` with each dot Tesseract read ("." or "..") that stands in no column of
    numbers (``_in_column``) made unsure (STRAY_CONFIDENCE): a speck of dirt in a cell whose
    number went unread (crossed by a pen's line) reads as a suppressed value, and must be
    flagged. Pages with too few numbers to tell a column by keep theirs as read."""
    import numpy as np

    numbers = [w for w in words if _NUMBER.match(w.text)]
    if len(numbers) < COLUMN_NUMBERS:
        return list(words)
    digit = float(np.median([w.height for w in numbers]))
    return [
        replace(w, confidence=min(w.confidence, STRAY_CONFIDENCE))
        if _DOTS.match(w.text)
        and not _in_column(numbers, w.left, w.left + w.width, w.top, w.top + w.height, digit)
        else w
        for w in words
    ]


def _row_of_values(mark: TextBox, values: Sequence[TextBox], digit: float) -> bool:
    """Whether the mark's line holds other values (numbers or marks), or its column is the
    only one of values: the nearest values above and below it (above it, in the last row)
    are alone on their lines. (A
    speck in a column on a label's second line, its row's values on the line above, is no
    mark.)"""

    def same_line(a: TextBox, b: TextBox) -> bool:
        return abs((a.top + a.height) - (b.top + b.height)) <= BASELINE_SLACK * digit

    if any(v is not mark and same_line(v, mark) for v in values):
        return True
    slack = COLUMN_SLACK * digit
    column = [
        v
        for v in values
        if v is not mark and abs((v.left + v.width) - (mark.left + mark.width)) <= slack
    ]
    above = [v for v in column if v.top + v.height < mark.top]
    below = [v for v in column if v.top > mark.top + mark.height]
    if not above:
        return False
    nearest = [max(above, key=lambda v: v.top)]
    nearest += [min(below, key=lambda v: v.top)] if below else []
    return all(not any(o is not v and same_line(o, v) for o in values) for v in nearest)


def _covered(x: int, y: int, w: int, h: int, words: Sequence[TextBox]) -> bool:
    """Whether the dot's centre lies in a word's box (two pixels around it)."""
    cx, cy = x + w / 2, y + h / 2
    return any(
        b.left - 2 <= cx <= b.left + b.width + 2 and b.top - 2 <= cy <= b.top + b.height + 2
        for b in words
    )


def _runs(dots: list[Dot], digit: float) -> list[list[Dot]]:
    """Dots (sorted by left edge) side by side within DOT_GAP digit heights, on one line;
    at most three to a mark."""
    runs: list[list[Dot]] = []
    for dot in dots:
        for run in runs:
            last = run[-1]
            beside = 0 <= dot[0] - (last[0] + last[2]) <= DOT_GAP * digit
            level = abs((dot[1] + dot[3]) - (last[1] + last[3])) <= DOT_LEAST * digit * 2
            if beside and level and len(run) < 3:
                run.append(dot)
                break
        else:
            runs.append([dot])
    return runs


def _line_of(
    words: Sequence[TextBox], left: int, right: int, bottom: int, digit: float
) -> TextBox | None:
    """A word to the left of the mark on its line (the mark's bottom on its baseline), none
    over it; None if there is none, or a word of the line covers the mark."""
    slack = BASELINE_SLACK * digit
    line = [w for w in words if abs(w.top + w.height - bottom) <= slack]
    if any(w.left < right and left < w.left + w.width for w in line):
        return None
    before = [w for w in line if w.left + w.width <= left]
    return max(before, key=lambda w: w.left) if before else None


def _in_column(
    numbers: Sequence[TextBox], left: int, right: int, top: int, bottom: int, digit: float
) -> bool:
    """Whether COLUMN_NUMBERS numbers on other lines, some above the mark and some below it
    (a row inside the column, not a heading over it), end or are centred where it is; or
    LAST_ROW_NUMBERS numbers above it, the mark a row's spacing under them (the last row)."""
    slack = COLUMN_SLACK * digit
    centre = (left + right) / 2
    aligned = [
        n
        for n in numbers
        if abs(n.left + n.width - right) <= slack or abs(n.left + n.width / 2 - centre) <= slack
    ]
    above = sorted(n.top + n.height for n in aligned if n.top + n.height < top)
    below = sum(1 for n in aligned if n.top > bottom)
    if above and below:
        return len(above) + below >= COLUMN_NUMBERS
    if len(above) < LAST_ROW_NUMBERS:  # (numbers only below: a heading's dirt, not a row)
        return False
    # the column's last row: right under the numbers, a row's pitch below the last of them
    last = above[-LAST_ROW_NUMBERS:]
    steps = sorted(b - a for a, b in itertools.pairwise(last))
    return bottom - above[-1] <= LAST_ROW_PITCHES * steps[len(steps) // 2]


def _dashes(page: PageInk, words: Sequence[TextBox]) -> list[TextBox]:
    import cv2
    import numpy as np

    numbers, digit, stats = page
    w, h = stats[1:, cv2.CC_STAT_WIDTH], stats[1:, cv2.CC_STAT_HEIGHT]
    flat = (
        (h <= DASH_THICK * digit)
        & (w >= DASH_LONG[0] * digit)
        & (w <= DASH_LONG[1] * digit)
        & (w >= DASH_FLAT * h)
    )
    bars: list[Dot] = []
    for i in np.flatnonzero(flat):
        x, y, width, height = (int(v) for v in stats[1 + i, :4])
        if not _covered(x, y, width, height, words):
            bars.append((x, y, width, height))
    if not bars:
        return []
    ink: list[Dot] = []
    for i in np.flatnonzero(np.maximum(w, h) >= DOT_LEAST * digit):
        x, y, width, height = (int(v) for v in stats[1 + i, :4])
        ink.append((x, y, width, height))
    found = [
        TextBox("-", MARK_CONFIDENCE, x, y, w, h, DASH_EMS_OF_WIDTH * w)
        for x, y, w, h in bars
        if _alone_on_its_line((x, y, w, h), words, ink, digit)
    ]
    values = [*numbers, *found, *(w for w in words if _DASH.match(w.text))]
    return [
        d
        for d in found
        if _in_column(
            [v for v in values if v is not d],
            d.left,
            d.left + d.width,
            d.top,
            d.top + d.height,
            digit,
        )
    ]


# An en dash is half its font size wide: its font size (``TextBox.em``) is twice its width.
DASH_EMS_OF_WIDTH = 2.0


def _alone_on_its_line(
    bar: Dot, words: Sequence[TextBox], ink: Sequence[Dot], digit: float
) -> bool:
    """Whether the bar lies within a text line (its middle inside the height of a word to
    its left, no word over it) with no ink of that line within DASH_CLEAR digit heights of
    either end."""
    x, y, w, h = bar
    middle = y + h / 2
    line = [b for b in words if b.top <= middle <= b.top + b.height]
    if not any(b.left + b.width <= x for b in line):
        return False
    clear = DASH_CLEAR * digit
    near = [(b.left, b.top, b.width, b.height) for b in line] + [
        d for d in ink if d != bar and d[1] <= middle <= d[1] + d[3]
    ]
    return not any(
        left < x + w + clear and x - clear < left + width for left, _t, width, _h in near
    )
