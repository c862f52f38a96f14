"""Words grouped into lines by their vertical overlap.

In: words (any order). Out: lists of words, one per line, in order of each line's first
word (top, then left).

A word's box joins the line it overlaps and widens that line's span. An OCR'd word box far
taller than the words around it (Tesseract's box of "og" reaching down over the next line
of a label wrapped in a narrow cell) joins two lines into one and scrambles both ("Bistand §§
17 og til 18 særlige aktiviteter"): where the line's other words make two lines or more
without such boxes, they are those lines, each tall box on the one nearest its middle. This
is done for a cell's words only (``split_tall``): a page's lines, grouped as they come, are
what its tables are found from. Text-layer words are grouped as they come.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from extract.model import Word

# Two words are on one line when their vertical overlap is at least this share of the smaller.
LINE_OVERLAP = 0.5
# An OCR'd word box this many times as tall as the middle OCR'd word is a tall box.
TALL_BOX = 1.6


def _top_left(word: Word) -> tuple[float, float]:
    return word.bbox[1], word.bbox[0]


def group_word_rows(words: Sequence[Word], split_tall: bool = False) -> list[list[Word]]:
    """Words grouped by line (vertical overlap), in order of each line's first word. With
    ``split_tall`` (a cell's words), a line that two lines' words make only through a tall
    OCR'd box is two (see the module)."""
    rows = _grouped(words)
    tall = _tall_boxes(words) if split_tall else set()
    if not tall:
        return rows
    out: list[list[Word]] = []
    for row in rows:
        bridges = [w for w in row if id(w) in tall]
        parts = _grouped([w for w in row if id(w) not in tall]) if bridges else []
        if len(parts) < 2:
            out.append(row)
            continue
        for word in bridges:
            middle = (word.bbox[1] + word.bbox[3]) / 2
            nearest = min(parts, key=lambda part: abs(_middle(part) - middle))
            nearest.append(word)
        out.extend(parts)
    out.sort(key=lambda row: min(_top_left(w) for w in row))
    return out


def _middle(row: Sequence[Word]) -> float:
    return (min(w.bbox[1] for w in row) + max(w.bbox[3] for w in row)) / 2


def _tall_boxes(words: Sequence[Word]) -> set[int]:
    """The ids of the OCR'd words whose boxes are TALL_BOX times the middle OCR'd word's
    height or more."""
    heights = [w.bbox[3] - w.bbox[1] for w in words if w.source == "ocr"]
    if len(heights) < 3:
        return set()
    limit = TALL_BOX * median(heights)
    return {id(w) for w in words if w.source == "ocr" and w.bbox[3] - w.bbox[1] >= limit}


def _grouped(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by vertical overlap, each widening its line's span."""
    rows: list[list[Word]] = []
    spans: list[tuple[float, float]] = []
    for word in sorted(words, key=_top_left):
        top, bottom = word.bbox[1], word.bbox[3]
        height = bottom - top
        height = 0.1 if height < 0.1 else height  # max(height, 0.1) written out: hot loop
        count = len(rows)
        for index in range(count - 1, max(count - 4, -1), -1):
            above, below = spans[index]
            span_height = below - above
            span_height = 0.1 if span_height < 0.1 else span_height
            smaller = span_height if span_height < height else height
            overlap = (below if below < bottom else bottom) - (above if above > top else top)
            if overlap >= LINE_OVERLAP * smaller:
                rows[index].append(word)
                spans[index] = (top if top < above else above, bottom if bottom > below else below)
                break
        else:
            rows.append([word])
            spans.append((top, bottom))
    return rows
