"""Numbers split in two by a thousands separator read as a gap between columns.

In: a table's rows. Out: the (row, column) positions of cells that hold a piece of such a
number: "2" in one column and "045" right beside it, closer than a character's height, in a
table printed with a space ("2 045") or a no-break space between the thousands. Neither piece
is a value: the interpreter emits nothing for them and says why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.model import Cell, TableRow

# The first piece: one to three digits (a sign allowed); the second: three digits, perhaps with
# decimals or a percent sign after them.
_HEAD = re.compile(r"^[-−]?\d{1,3}$")
_TAIL = re.compile(r"^\d{3}(?:[,.]\d+)?\s?%?$")
# Pieces closer than this share of the text height belong to one number.
_GAP = 0.8


def split_numbers(rows: Sequence[TableRow]) -> set[tuple[int, int]]:
    """(row index, column index) of every piece of a number split between two cells."""
    found: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        cells = row.cells
        for c in range(len(cells) - 1):
            if _pieces(cells[c], cells[c + 1]):
                found.update({(r, c), (r, c + 1)})
    return found


def _pieces(left: Cell | None, right: Cell | None) -> bool:
    if left is None or right is None or left.bbox is None or right.bbox is None:
        return False
    if left.page != right.page or not _HEAD.match(left.text.strip()):
        return False
    if not _TAIL.match(right.text.strip()):
        return False
    height = left.bbox[3] - left.bbox[1]
    gap = right.bbox[0] - left.bbox[2]
    return 0 <= gap < _GAP * height
