"""Whether a detected grid is a table at all, or prose and chart labels that lined up.

In: a ``Grid`` from any detector, or one word. Out: ``is_table`` (False for a grid made of
running text, of a chart's axis labels and rotated letters, of a table of contents, and for
unruled text whose numbers are no quantities: a letterhead's phone numbers, a cover's
document number, version and date), ``is_prose_line`` for single text lines,
``is_rotated_glyph`` for letters set sideways. Pure functions; nothing here moves cells.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from extract.detect.grid import Grid, GridCell
from extract.detect.header import header_row_count, is_plain_value
from extract.detect.value_text import is_value_text
from extract.model import Word

# A word of running text: letters with trailing punctuation at most.
_ALPHA = re.compile(r"^[(“‘\"']?[^\W\d_]+[.,;:!?)’'”\"]*$")
# Letters that are words on their own (English "a", Danish "i", "å"): not chart debris.
_ONE_LETTER_WORDS = frozenset("aiå")
# A row of running text has this many words at least.
PROSE_MIN_WORDS = 8
# Shares of a prose row's words that are alphabetic, and that start in lower case.
PROSE_ALPHA_SHARE = 0.7
PROSE_LOWER_SHARE = 0.5
# Alphabetic words right of the stub that make a row of text run across the value columns.
PROSE_RIGHT_WORDS = 4
# A grid is prose when at least this share of its rows (and two rows) read as running text.
PROSE_ROW_SHARE = 0.4
# A grid is chart debris when this share of its text words are stray lower-case letters
# (a rotated axis title read letter by letter), with at least SOUP_MIN of them.
SOUP_SHARE = 0.25
# A lone glyph whose box is this much wider than high is set sideways.
ROTATED_WIDTH_SHARE = 1.3
SOUP_MIN = 5
# A chart's axis: at least TICKS_MIN numbers down a column in even steps, holding this share
# of the grid's numbers.
TICKS_MIN = 4
TICKS_SHARE = 0.5
# Share of the steps that equal the smallest one (the others skip missing ticks).
TICKS_EVEN_SHARE = 0.7
_PLAIN_NUMBER = re.compile(r"^-?\d[\d.,]*%?$")
# A number that is a code, not a quantity: a leading zero ("01", "00"), a long run of digits
# without grouping (a document or phone number), a date.
_CODE = re.compile(r"^(?:0\d+|\d{7,}|\d{1,4}[-./]\d{1,2}[-./]\d{1,4})$")
# A table of contents: page numbers (at most three digits) ending entries that start with a
# section number ("2.", "4.1", "A)"), down the page in order, on this share of its rows.
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_SECTION = re.compile(r"^(?:\d+(?:\.\d+)*\.|\d+(?:\.\d+)+|\d+\)|[A-Za-z][.)])$")
CONTENTS_MIN = 3
CONTENTS_SHARE = 0.6


def is_table(grid: Grid, header_rows: int | None = None) -> bool:
    """True unless the grid is a single row (a header band alone), has no letter or digit
    (dots and dashes), reads as running text (unless ruled) or as chart labels."""
    rows = _rows(grid)
    if len(rows) < 2 or not any(ch.isalnum() for cell in grid.cells for ch in cell.text):
        return False
    prose = sum(1 for cells in rows if _is_prose_row(cells))
    # ruling lines between the cells vouch for a table of text (its cells hold sentences)
    if grid.detector != "ruled" and prose >= 2 and prose >= PROSE_ROW_SHARE * len(rows):
        return False
    if _is_letter_soup([w for cell in grid.cells for w in cell.words]):
        return False
    if _is_contents(rows):
        return False
    if grid.detector == "whitespace":  # (found from its numbers: they must be quantities;
        # a table of text, found from its header and aligned columns, need hold none)
        values = _body_values(grid, header_rows)
        if _no_quantities(values) or _staggered(values):
            return False
    return not _is_chart_axis(grid)


def is_prose_line(words: Sequence[Word], min_words: int = PROSE_MIN_WORDS) -> bool:
    """True for a line of running text: ``min_words`` words at least, nearly all alphabetic,
    mostly lower case."""
    texts = [w.text for w in words]
    if len(texts) < min_words:
        return False
    alpha = [t for t in texts if _ALPHA.match(t)]
    lower = [t for t in alpha if t.lstrip("(“‘\"'")[:1].islower()]
    return len(alpha) >= PROSE_ALPHA_SHARE * len(texts) and len(lower) >= PROSE_LOWER_SHARE * len(
        texts
    )


def is_rotated_glyph(word: Word) -> bool:
    """True for one letter or digit of text set sideways (a rotated axis title, a table
    turned on the page): the text layer gives each glyph alone, its box wider than high."""
    if word.source == "ocr" or len(word.text) != 1 or not word.text.isalnum():
        return False
    width, height = word.bbox[2] - word.bbox[0], word.bbox[3] - word.bbox[1]
    return width > ROTATED_WIDTH_SHARE * height


def _rows(grid: Grid) -> list[list[GridCell]]:
    by_row: dict[int, list[GridCell]] = {}
    for cell in sorted(grid.cells, key=lambda c: c.col0):
        if cell.words:
            by_row.setdefault(cell.row0, []).append(cell)
    return [by_row[r] for r in sorted(by_row)]


def _is_prose_row(cells: Sequence[GridCell]) -> bool:
    """A grid row whose words read as running text that continues across the value columns."""
    words = [w for cell in cells for w in sorted(cell.words, key=lambda w: (w.bbox[1], w.bbox[0]))]
    right = sum(1 for cell in cells if cell.col0 >= 1 for w in cell.words if _ALPHA.match(w.text))
    return right >= PROSE_RIGHT_WORDS and is_prose_line(words)


def _is_letter_soup(words: Sequence[Word]) -> bool:
    stray = [
        w.text
        for w in words
        if len(w.text) == 1 and w.text.islower() and w.text not in _ONE_LETTER_WORDS
    ]
    if len(stray) < SOUP_MIN:  # the common case: no need to read every word
        return False
    texts = [w.text for w in words if not is_value_text(w.text)]
    return len(stray) >= SOUP_SHARE * len(texts)


def _is_chart_axis(grid: Grid) -> bool:
    """True when most numbers of the grid are axis ticks: one number a row down a column,
    monotonic, nearly every step the same (a missing tick makes a multiple of it)."""
    columns: dict[int, list[tuple[int, int]]] = {}
    total = 0
    for cell in grid.cells:
        text = " ".join(w.text for w in cell.words)
        if cell.col0 == 0 or not _PLAIN_NUMBER.match(text):
            continue
        total += 1
        digits = int("".join(ch for ch in text if ch.isdigit()))
        columns.setdefault(cell.col0, []).append((cell.row0, -digits if text[0] == "-" else digits))
    ticks = sum(len(values) for values in columns.values() if _even_steps(values))
    return total > 0 and ticks >= TICKS_SHARE * total


def _even_steps(values: list[tuple[int, int]]) -> bool:
    if len(values) < TICKS_MIN:
        return False
    numbers = [v for _, v in sorted(values)]
    steps = [b - a for a, b in itertools.pairwise(numbers)]
    if not (all(s > 0 for s in steps) or all(s < 0 for s in steps)):
        return False
    smallest = min(abs(s) for s in steps)
    even = sum(1 for s in steps if abs(s) == smallest)
    return all(abs(s) % smallest == 0 for s in steps) and even >= TICKS_EVEN_SHARE * len(steps)


def _is_contents(rows: Sequence[Sequence[GridCell]]) -> bool:
    """True for a table of contents: most rows are entries that start with a section number
    and end with a page number, the page numbers in order down the page."""
    if len(rows) < CONTENTS_MIN:
        return False
    pages: list[int] = []
    misses = 0
    for cells in rows:  # each row's cells left to right
        last = max(cells[-1].words, key=lambda w: w.bbox[2])
        words = [w for cell in cells for w in cell.words]
        first = _first_word(words)
        entry = _PAGE_NUMBER.match(last.text) and _SECTION.match(first.text)
        if entry and any(_ALPHA.match(w.text) for w in words):
            pages.append(int(last.text))
        else:
            misses += 1
            if misses > (1 - CONTENTS_SHARE) * len(rows):
                return False
    if len(pages) < CONTENTS_MIN or len(pages) < CONTENTS_SHARE * len(rows):
        return False
    return all(a <= b for a, b in itertools.pairwise(pages))


def _first_word(words: Sequence[Word]) -> Word:
    """The leftmost word of the first line (words whose top is within half a word's height
    of the highest top: boxes of one line differ by font)."""
    top = min(w.bbox[1] for w in words)
    line = [w for w in words if w.bbox[1] - top < 0.5 * (w.bbox[3] - w.bbox[1])]
    return min(line, key=lambda w: w.bbox[0])


def _body_values(grid: Grid, header_rows: int | None) -> list[list[GridCell]]:
    """The value cells (columns 1 on) of the rows below the header (``header_rows``, found
    when None), by row."""
    header = header_row_count(grid) if header_rows is None else header_rows
    by_row: dict[int, list[GridCell]] = {}
    for cell in grid.cells:
        if cell.words and cell.col0 >= 1 and cell.row0 >= header:
            by_row.setdefault(cell.row0, []).append(cell)
    return [by_row[r] for r in sorted(by_row)]


def _no_quantities(rows: Sequence[Sequence[GridCell]]) -> bool:
    """True when fewer than two body cells (by row) hold a quantity (a number that is no
    code)."""
    quantities = 0
    for row in rows:
        for cell in row:
            text = cell.text.strip()
            if is_plain_value(text) and not _CODE.match(text):
                quantities += 1
                if quantities == 2:
                    return False
    return True


def _staggered(rows: Sequence[Sequence[GridCell]]) -> bool:
    """True when the body's values (by row) do not stand in columns: with two rows of values
    or more, fewer than half of the value columns hold values of two rows (numbers that
    happened to sit in a few lines, each line's at other places)."""
    if len(rows) < 2:
        return False
    counts: dict[int, int] = {}
    for row in rows:
        for col in {cell.col0 for cell in row}:
            counts[col] = counts.get(col, 0) + 1
    shared = sum(1 for n in counts.values() if n >= 2)
    return 2 * shared < len(counts)
