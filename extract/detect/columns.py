"""Page columns: a table in one column of a page and running text in the other.

In: the text lines of one page, top to bottom. Out: the lines as column streams. A page is
cut at a gutter (an x-position inside the middle half of the text that no chunk crosses on
nearly every line) when lines hold running text on one side and something on the other:
then a table beside a text column is read without the text (a whole-page table has no
running text beside its column gaps and stays one stream). Lines crossing the gutter (a
title over both columns) stay whole in the stream of the side they start on. When the two
columns cover only part of the page (text runs across the page below them), that run of
lines is cut and the lines above and below stay streams of their own.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from itertools import compress, pairwise

from extract.detect.layout import TextLine, make_line, word_size
from extract.detect.plausible import is_prose_line
from extract.detect.rulings import merge_segments
from extract.detect.value_text import is_value_text
from extract.model import Ruling, Word

# Lines that may cross the gutter (titles, footers), as a share of all lines.
CROSSING_SHARE = 0.1
# Lines with running text on one side of the gutter and anything on the other that make
# the page two columns.
PROSE_LINES = 5
# Words of a line of running text in a column (narrower than the page).
COLUMN_WORDS = 6
# Narrowest gutter, in font sizes.
GUTTER_EM = 1.2
# Both sides need this many lines.
SIDE_LINES = 5
# Horizontal rules reaching this far (points) past a gutter on both sides, at this many
# heights, make it a table's column gap.
GUTTER_REACH = 5.0
RULED_ROWS = 3
# Gutter candidates are tried this far apart (points).
STEP = 2.0


def column_streams(
    lines: Sequence[TextLine], rulings: Sequence[Ruling] = ()
) -> list[list[TextLine]]:
    """The page's lines as one stream, as the left and the right column's lines, or (two
    columns over part of the page) the lines above, the two columns, and the lines below.
    A gutter that rules of a table reach across (``rulings``: RULED_ROWS of them at least,
    among the lines cut) cuts nothing: it runs between a table's columns."""
    gutter = find_gutter(lines)
    if gutter is not None and not _ruled_across(rulings, gutter, lines):
        return _split(lines, gutter)
    band = _find_band(lines)
    if band is None:
        return [list(lines)]
    start, end, gutter = band
    if _ruled_across(rulings, gutter, lines[start:end]):
        return [list(lines)]
    parts = [list(lines[:start]), *_split(lines[start:end], gutter), list(lines[end:])]
    return [part for part in parts if part]


def _ruled_across(rulings: Sequence[Ruling], gutter: float, lines: Sequence[TextLine]) -> bool:
    """True when RULED_ROWS horizontal rules or more, among ``lines``, reach across
    ``gutter`` (a rule drawn cell by cell, its segments meeting at a column rule, counts
    whole)."""
    top, bottom = lines[0].top, lines[-1].bottom
    ys = {
        round((r.top + r.bottom) / 2)
        for r in merge_segments(rulings)
        if r.horizontal
        and r.x0 < gutter - GUTTER_REACH
        and r.x1 > gutter + GUTTER_REACH
        and top <= r.top <= bottom
    }
    return len(ys) >= RULED_ROWS


def _find_band(lines: Sequence[TextLine]) -> tuple[int, int, float] | None:
    """(first line, end line, gutter x) of the longest run of lines no chunk crosses at one
    x, with running text beside the other column on PROSE_LINES of them; or None."""
    if len(lines) < 2 * SIDE_LINES:
        return None
    xs, crossing = _crossing_table(lines)
    runs: dict[tuple[int, int], list[float]] = {}
    count = len(lines)
    for x, crossed in zip(xs, crossing, strict=True):
        start = 0
        for i in (*compress(range(count), crossed), count):  # each crossed line, then the end
            if i - start >= 2 * SIDE_LINES:
                runs.setdefault((start, i), []).append(x)
            start = i + 1
    best: tuple[int, int, float] | None = None
    for (start, end), at in runs.items():
        gutter = at[len(at) // 2]  # the middle of the x-positions that leave the run whole
        longer = best is None or end - start > best[1] - best[0]
        if longer and find_gutter(lines[start:end], gutter) is not None:
            best = (start, end, gutter)
    if best is None:
        return None
    start, end, gutter = best
    beside = list(_text_beside(lines[start:end], gutter))
    first = beside.index(True)  # the band runs from its first to its last line of text beside
    last = len(beside) - 1 - beside[::-1].index(True)
    return start + first, start + last + 1, gutter


def _split(lines: Sequence[TextLine], gutter: float) -> list[list[TextLine]]:
    left: list[TextLine] = []
    right: list[TextLine] = []
    for line in lines:
        if _crosses(line, gutter):
            (left if line.x0 < gutter else right).append(line)
            continue
        west = [w for w in line.words if w.bbox[2] <= gutter]
        east = [w for w in line.words if w.bbox[2] > gutter]
        if west:
            left.append(make_line(west))
        if east:
            right.append(make_line(east))
    return [left, right]


def find_gutter(lines: Sequence[TextLine], at: float | None = None) -> float | None:
    """The x of a column gutter with running text beside it (tried at ``at`` only, when
    given), or None."""
    if len(lines) < SIDE_LINES:
        return None
    if at is not None:
        return at if _has_text_beside(lines, at) else None
    xs, crossing = _crossing_table(lines)
    counts = [sum(crossed) for crossed in crossing]
    if not counts or min(counts) > CROSSING_SHARE * len(lines):
        return None
    fewest = min(counts)
    runs: list[list[float]] = []  # runs of neighbouring candidates with the fewest crossings
    for i, (x, count) in enumerate(zip(xs, counts, strict=True)):
        if count == fewest:
            if runs and i > 0 and counts[i - 1] == fewest:
                runs[-1].append(x)
            else:
                runs.append([x])
    widest = max(runs, key=len)
    gutter = (widest[0] + widest[-1]) / 2
    return gutter if _has_text_beside(lines, gutter) else None


def _has_text_beside(lines: Sequence[TextLine], gutter: float) -> bool:
    """True when both sides of ``gutter`` hold SIDE_LINES lines, and PROSE_LINES lines hold
    running text on one side and something across a gutter's width on the other."""
    count = 0
    for beside in _text_beside(lines, gutter):
        count += beside
        if count >= PROSE_LINES:
            return True
    return False


def _worded(side: Sequence[Sequence[Word]]) -> int:
    """How many lines of one side hold a word that is no value and no unit of one ("%" or
    "pct." after "11")."""
    return sum(1 for words in side if any(_word(words, i) for i in range(len(words))))


def _worded_lines(side: Sequence[Sequence[Word]], enough: int) -> bool:
    """Whether ``_worded(side) >= enough``, counting no further than ``enough``."""
    count = 0
    for words in side:
        if count >= enough:
            return True
        if any(_word(words, i) for i in range(len(words))):
            count += 1
    return count >= enough


def _word(words: Sequence[Word], i: int) -> bool:
    text = words[i].text
    if is_value_text(text) or not any(ch.isalpha() for ch in text):
        return False
    return not (i > 0 and is_value_text(f"{words[i - 1].text} {text}"))


def _running(words: Sequence[Word]) -> bool:
    """True for running text in a column: a prose line (``is_prose_line``) with no gap of a
    gutter's width between its words (labels of two stub columns are no running text)."""
    if not is_prose_line(words, COLUMN_WORDS):
        return False
    ordered = sorted(words, key=lambda w: w.bbox[0])
    gap = GUTTER_EM * max(word_size(w) for w in ordered)
    return all(b.bbox[0] - a.bbox[2] < gap for a, b in pairwise(ordered))


def _text_beside(lines: Sequence[TextLine], gutter: float) -> Iterator[bool]:
    """For each line, as it is needed: running text on one side of ``gutter`` and words
    across a gutter's width on the other (all False unless both sides hold SIDE_LINES
    lines). Values alone on the other side make no text beside: a long row label beside its
    row's values."""
    west = [[w for w in line.words if w.bbox[2] <= gutter] for line in lines]
    east = [[w for w in line.words if w.bbox[0] >= gutter] for line in lines]
    if not (_worded_lines(west, SIDE_LINES) and _worded_lines(east, SIDE_LINES)):
        yield from [False] * len(lines)  # a side of values only is a table's value column
        return
    # a side of table rows (labels, values apart at their ends) holds no running text: its
    # lines of words are wrapped row labels ("Tilbagebetaling af løbende månedlig hjælp")
    west_prose, east_prose = not _rows_side(west), not _rows_side(east)
    for a, b, line in zip(west, east, lines, strict=True):
        yield (
            _apart(a, b)  # (the cheap tests first)
            and not _crosses(line, gutter)
            and (
                (west_prose and _running(a) and _worded([b]) > 0)
                or (east_prose and _running(b) and _worded([a]) > 0)
            )
        )


def _rows_side(side: Sequence[Sequence[Word]]) -> bool:
    """True when a third of the lines of one side holding words or more end in a value
    (its unit after it: "8 %") alone or set a gutter's width apart from the words before
    it: a table's rows (their labels wrapped round their values perhaps), not a column of
    text."""
    filled = [sorted(words, key=lambda w: w.bbox[0]) for words in side if words]
    ending = 0
    for words in filled:
        k = len(words) - 1  # the value's first word
        if k and is_value_text(f"{words[k - 1].text} {words[k].text}"):
            k -= 1
        if not is_value_text(" ".join(w.text for w in words[k:])):
            continue
        gap = GUTTER_EM * word_size(words[k])
        if k == 0 or words[k].bbox[0] - words[k - 1].bbox[2] >= gap:
            ending += 1
    return 3 * ending >= len(filled) > 0


def _apart(west: Sequence[Word], east: Sequence[Word]) -> bool:
    """True when both sides hold words with a gutter's width between them (not the space
    between two words of one sentence)."""
    if not west or not east:
        return False
    gap = min(w.bbox[0] for w in east) - max(w.bbox[2] for w in west)
    return gap >= GUTTER_EM * max(word_size(w) for w in (*west, *east))


def _crossing_table(lines: Sequence[TextLine]) -> tuple[list[float], list[list[bool]]]:
    """Gutter candidates (STEP apart over the middle half of the text) and, for each, which
    lines have a chunk across it."""
    x0 = min(line.x0 for line in lines)
    x1 = max(line.x1 for line in lines)
    xs = [x0 + 0.25 * (x1 - x0) + STEP * i for i in range(int(0.5 * (x1 - x0) / STEP) + 1)]
    table = [[False] * len(lines) for _ in xs]
    for i, line in enumerate(lines):
        for chunk in line.chunks:
            a, b = chunk.x0, chunk.x1
            for k in range(bisect.bisect_right(xs, a), bisect.bisect_left(xs, b)):
                table[k][i] = True
    return xs, table


def _crosses(line: TextLine, x: float) -> bool:
    return any(chunk.x0 < x < chunk.x1 for chunk in line.chunks)
