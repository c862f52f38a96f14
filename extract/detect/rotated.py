"""Pages set sideways: text whose glyphs come one by one, each box wider than high.

In: a ``PageContent`` and its sideways glyphs (``plausible.is_rotated_glyph``). Out: the page
turned upright (a landscape page shown with /Rotate, or a table turned on a portrait page):
glyphs joined into words and rulings turned with them, in the turned page's coordinates, or
None when the page has too few such glyphs. The tables found on it carry turned boxes.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.detect.layout import union_bbox
from extract.detect.word_rows import group_word_rows
from extract.model import BBox, PageContent, Ruling, Word

# Sideways glyphs a page needs (and their share of its words) to be read turned.
MIN_GLYPHS = 40
MIN_SHARE = 0.3
# Glyphs closer than this share of the line height belong to one word.
WORD_GAP_SHARE = 0.12


def upright_page(page: PageContent, glyphs: Sequence[Word]) -> PageContent | None:
    """The page turned so that its sideways text reads left to right, or None. ``glyphs``
    are the sideways letters and digits; punctuation set sideways joins them."""
    if len(glyphs) < MIN_GLYPHS or len(glyphs) < MIN_SHARE * len(page.words):
        return None
    glyphs = [w for w in page.words if len(w.text) == 1 and _wide(w)]
    upward = _reads_upward(glyphs)

    def turn(box: BBox) -> BBox:
        x0, top, x1, bottom = box
        if upward:  # letters run bottom to top: the line's top faces left
            return (page.height - bottom, x0, page.height - top, x1)
        return (top, page.width - x1, bottom, page.width - x0)

    turned = [
        Word(g.text, turn(g.bbox), g.source, g.confidence, g.font_size, g.bold) for g in glyphs
    ]
    rulings = tuple(Ruling(*turn((r.x0, r.top, r.x1, r.bottom))) for r in page.rulings)
    return PageContent(page.number, page.height, page.width, tuple(_join_glyphs(turned)), rulings)


def _reads_upward(glyphs: Sequence[Word]) -> bool:
    """True when, in reading order, each glyph stands above the one before (bottom to top)."""
    up = down = 0
    for a, b in itertools.pairwise(glyphs):
        if abs(a.bbox[0] - b.bbox[0]) > 1.0:
            continue  # another line
        if b.bbox[1] < a.bbox[1]:
            up += 1
        elif b.bbox[1] > a.bbox[1]:
            down += 1
    return up >= down


def _join_glyphs(glyphs: Sequence[Word]) -> list[Word]:
    """Turned glyphs joined into words: neighbours on a line with no word space between."""
    words: list[Word] = []
    for row in group_word_rows(glyphs):
        row.sort(key=lambda w: w.bbox[0])
        run: list[Word] = [row[0]]
        for glyph in row[1:]:
            height = glyph.bbox[3] - glyph.bbox[1]
            if glyph.bbox[0] - run[-1].bbox[2] <= WORD_GAP_SHARE * height:
                run.append(glyph)
            else:
                words.append(_word(run))
                run = [glyph]
        words.append(_word(run))
    return words


def _word(glyphs: Sequence[Word]) -> Word:
    first = glyphs[0]
    text = "".join(g.text for g in glyphs)
    return Word(text, union_bbox(g.bbox for g in glyphs), first.source, None, first.font_size)


def _wide(word: Word) -> bool:
    return word.bbox[2] - word.bbox[0] > word.bbox[3] - word.bbox[1]
