"""The cell grid every detector produces.

A ``Grid`` is rows x columns of slots on one page with ``GridCell``s that may span slots.
Column 0 is the stub (row labels). ``header`` reads its header rows and paths, ``candidate``
turns it into a ``TableCandidate``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from extract.detect.layout import union_bbox
from extract.detect.word_rows import group_word_rows
from extract.model import BBox, Word

# The detector name of a table of text found from its header line and aligned columns
# (``text_columns``): its first row is its header.
TEXT_COLUMNS = "text_columns"
# Words of the text layer whose boxes touch (gap at most this, in points) are one word.
TOUCH = 0.05


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell covering rows row0..row1 and columns col0..col1 (inclusive)."""

    row0: int
    row1: int
    col0: int
    col1: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return words_text(self.words)

    @property
    def bbox(self) -> BBox | None:
        return union_bbox(w.bbox for w in self.words) if self.words else None


@dataclass(frozen=True, slots=True)
class Grid:
    """Slots of one table on one page, with the cells found in them."""

    page: int
    detector: str
    row_edges: tuple[float, ...]
    col_edges: tuple[float, ...]
    cells: tuple[GridCell, ...]

    @property
    def n_rows(self) -> int:
        return len(self.row_edges) - 1

    @property
    def n_cols(self) -> int:
        return len(self.col_edges) - 1

    @property
    def bbox(self) -> BBox:
        return (self.col_edges[0], self.row_edges[0], self.col_edges[-1], self.row_edges[-1])

    def slots(self) -> dict[tuple[int, int], GridCell]:
        """Every covered slot and its cell (built on each call; callers keep it)."""
        return {
            (r, c): cell
            for cell in self.cells
            for r in range(cell.row0, cell.row1 + 1)
            for c in range(cell.col0, cell.col1 + 1)
        }


def words_text(words: Sequence[Word]) -> str:
    """Text of words read line by line, lines joined with one space.

    Words that touch (a small-caps initial and the rest of its word, set in two sizes) are
    one word: no space between them.
    """
    if not words:
        return ""
    tops = [w.bbox[1] for w in words]
    if max(tops) - min(tops) < 1.0:  # one line: the common case, no grouping needed
        return _line_text(words)
    rows = sorted(group_word_rows(words, split_tall=True), key=lambda r: min(w.bbox[1] for w in r))
    return " ".join(_line_text(row) for row in rows)


def _line_text(words: Sequence[Word]) -> str:
    ordered = sorted(words, key=lambda w: w.bbox[0])
    parts = [ordered[0].text]
    for prev, word in itertools.pairwise(ordered):
        touching = word.source == "text" and abs(word.bbox[0] - prev.bbox[2]) <= TOUCH
        parts.append(word.text if touching else f" {word.text}")
    return "".join(parts)
