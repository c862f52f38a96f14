"""Numbers no table holds: the data lines of a page that stand outside every table found.

In: a page's text lines, the boxes of the tables found on it and its height. Out: its loose
lines (``loose_lines``): data lines (a row label and values, or two values or more:
``is_data_line``) and lines of values alone (set between the lines of a wrapped row label)
with a value (no year: a title's or a period header's) outside every table
box; captions, notes, running text, page numbers and phone numbers aside. Detection leaves
a table out when it cannot be sure of it; the report then names the page and its first
loose line (``Loose``), so that no number is lost without a word.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from extract.detect.captions import is_stop
from extract.detect.layout import Chunk, TextLine
from extract.detect.plausible import is_prose_line
from extract.detect.value_text import is_year
from extract.detect.whitespace_rows import is_data_line, value_chunks
from extract.model import BBox

__all__ = ["Loose", "carried_rows", "line_key", "loose_lines", "loose_numbers"]

# A value stands in a table when its middle is inside the table's box, give or take this
# much (points).
BOX_PAD = 2.0
# A running header or footer stands above (1 - this share) or below this share of the height.
MARGIN_SHARE = 0.92
# A phone number: this many groups of two digits or more (a Danish number's eight digits),
# each less than this many font sizes from the next.
GROUPS = 4
GROUP_GAP_EM = 1.5
# Lines of one row's label stand less than this many font sizes apart.
TIGHT_EM = 0.5
_PAIR = re.compile(r"^\d{2}$")
_DIGITS = re.compile(r"\d+")
_PAIRS_IN_TEXT = re.compile(r"(?<!\S)\d{2}(?!\S)")


@dataclass(frozen=True, slots=True)
class Loose:
    """The loose lines of one page (top to bottom) and how many numbers they hold there."""

    page: int
    numbers: int
    lines: tuple[str, ...]
    sheet: str | None = None  # a sheet's name, for a sheet where no table was found


def _outside(chunk: Chunk, boxes: Sequence[BBox]) -> bool:
    x0, top, x1, bottom = chunk.bbox
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    return not any(
        b[0] - BOX_PAD <= cx <= b[2] + BOX_PAD and b[1] - BOX_PAD <= cy <= b[3] + BOX_PAD
        for b in boxes
    )


def loose_numbers(line: TextLine, boxes: Sequence[BBox]) -> int:
    """How many of the line's values (years aside) stand outside every box; 0 for a line
    that is neither a data line nor a line of values alone, a caption or note, or running
    text."""
    if not any(c.is_value and _outside(c, boxes) for c in line.chunks):
        return 0  # most lines: in a table, or without a value
    alone = _alone(line)
    if not (alone or is_data_line(line, line.x0)) or is_stop(line) or _running_text(line):
        return 0
    values = line.chunks if alone else tuple(value_chunks(line, line.x0))
    return sum(1 for c in values if not is_year(c.text) and _outside(c, boxes))


def _running_text(line: TextLine) -> bool:
    """A line of running text: its words read as prose and no value stands apart from them
    (a label wrapped in words like prose, "Lov om højeste, mellemste, forhøjet almindelig
    og", with its value in a column of its own, is a row's line)."""
    return is_prose_line(line.words) and not any(c.is_value for c in line.chunks[1:])


def loose_lines(lines: Sequence[TextLine], boxes: Sequence[BBox], height: float) -> list[TextLine]:
    """The lines holding a value outside every table box (``loose_numbers``), but for a
    running header or footer (a line with one value in the page's top or bottom margin,
    ``height`` the page's: its page number beside a title, a date or an address), a phone
    number, and a line of values alone that stands apart (a page number, a chart's tick):
    one between the lines of a row label stands tight under or over label text."""
    return [
        line
        for i, line in enumerate(lines)
        if loose_numbers(line, boxes)
        and not (_running(line, height) and not _under_table(line, boxes))
        and not _grouped(line)
        and (is_data_line(line, line.x0) or _in_label(lines, i))
    ]


def _alone(line: TextLine) -> bool:
    return all(c.is_value for c in line.chunks)


def _in_label(lines: Sequence[TextLine], i: int) -> bool:
    """True when line ``i`` stands tight (under half its font size) under or over a line of
    label text ending left of its values."""
    line = lines[i]
    for k in (i - 1, i + 1):
        if not 0 <= k < len(lines):
            continue
        other = lines[k]
        gap = line.top - other.bottom if k < i else other.top - line.bottom
        label = [c for c in other.chunks if not c.is_value and c.x1 < line.x0]
        if gap < TIGHT_EM * line.font_size and label:
            return True
    return False


def _grouped(line: TextLine) -> bool:
    """True for a number written in four groups of two digits a space or so apart ("Tlf. 14
    49 31 78", "+45 14 49 31 78"): a phone number, not values in columns ("Fleksjob | 47 |
    49 | 49 | 50 | 51 | …": eight two-digit values set close)."""
    values = value_chunks(line, line.x0)
    if not values or not all(_PAIR.match(c.text) for c in values):
        return False
    pairs = len(_PAIRS_IN_TEXT.findall(line.text))
    if pairs < GROUPS:
        return False  # (the first group may stand in the label's chunk: "Tlf. 34 | 54 | …")
    if pairs > GROUPS and not (pairs == GROUPS + 1 and "+" in line.text):
        return False  # more pairs than a number's ("+45" aside): a row of two-digit values
    gaps = [b.x0 - a.x1 for a, b in pairwise(values)]
    return all(gap < GROUP_GAP_EM * line.font_size for gap in gaps)


def _under_table(line: TextLine, boxes: Sequence[BBox]) -> bool:
    """True for a line with a label and a value standing under a table's box, within its
    width ("Anmeldelse - §§ 35-39 … | 205" at a page's foot): a row of it, no running
    footer."""
    values = value_chunks(line, line.x0)
    if len(line.chunks) < 2 or line.chunks[0].is_value or not values:
        return False
    if _ADDRESS.search(line.chunks[0].text):
        return False  # a running footer's address and page number
    return any(
        box[0] - 2 <= line.x0 and values[-1].x1 <= box[2] + 2 and line.top >= box[3] - 1
        for box in boxes
    )


# A web or mail address: a running footer's, no row label.
_ADDRESS = re.compile(r"https?://|www\.|@", re.IGNORECASE)


def _running(line: TextLine, height: float) -> bool:
    """True for a line in the page's top or bottom margin with one value, a whole number (a
    page number, a year: "Side 3", "Årsredegørelse 2018"); a share or a decimal ("I alt |
    30%" at a page's top) is a table's last row carried over, no running header."""
    in_margin = line.top > MARGIN_SHARE * height or line.bottom < (1 - MARGIN_SHARE) * height
    values = value_chunks(line, line.x0)
    return in_margin and len(values) == 1 and _WHOLE.match(values[0].text) is not None


# A running header's or footer's number: digits alone, maybe between dashes ("- 2 -").
_WHOLE = re.compile(r"^[-–]?\s*\d+\s*[-–]?$")


def line_key(line: TextLine) -> str:
    """A line's text with every number masked: the same for a running header or footer on
    every page ("Side 3 af 10", "Side 4 af 10")."""
    return _DIGITS.sub("#", line.text)


def carried_rows(
    lines: Sequence[TextLine],
    height: float,
    columns: Sequence[float],
    stubs: int,
    running: Collection[str],
    boxes: Sequence[BBox],
) -> list[TextLine]:
    """The lines in a page's top margin that ``loose_lines`` passed over as a running header
    (a label and one whole number) but that are a row of the table the page before ended
    with, carried over alone ("Andre love i øvrigt | 23"): the label starts in that table's
    stub columns (the first ``stubs``) and the number in one of its value columns (``columns``:
    its grid's column edges), and no line of the page before's margins reads the same but for its
    numbers (``running``: those lines' texts, numbers masked), as a running header would;
    outside every table box of its own page (``boxes``)."""
    out = []
    for line in lines:
        if line.bottom >= (1 - MARGIN_SHARE) * height or not _running(line, height):
            continue
        values = value_chunks(line, line.x0)
        in_stub = columns[0] - 2 <= line.x0 < columns[stubs]
        in_column = all(
            any(a - 2 <= c.x0 and c.x1 <= b + 2 for a, b in pairwise(columns[stubs:]))
            for c in values
        )
        if in_stub and in_column and line_key(line) not in running and loose_numbers(line, boxes):
            out.append(line)
    return out
