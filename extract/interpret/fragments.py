"""Text split in two by a column edge: numbers split by a thousands space, group labels whose
year ran into a value column.

In: a table's rows. Out: the (row, column) positions of cells that hold a piece of such a
number: "2" in one column and "045" right beside it, closer than a character's height, in a
table printed with a space ("2 045") or a no-break space between the thousands. Neither piece
is a value: the interpreter emits nothing for them and says why. And the rows with a group
label "Juni" whose year "2022" was set in the value column read whole ("Juni 2022").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.interpret.reading import Reader
from extract.model import Cell, TableRow

# The first piece: one to three digits (a sign allowed); the second: three digits, perhaps with
# decimals or a percent sign after them.
_HEAD = re.compile(r"^[-−]?\d{1,3}$")
_TAIL = re.compile(r"^\d{3}(?:[,.]\d+)?\s?%?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# Pieces closer than this share of the text height belong to one number; OCR'd pieces
# closer than _OCR_GAP: the thousands dot between them may be lost ("9" | "301" for "9.301",
# the dot's width left as space).
_GAP = 0.8
_OCR_GAP = 1.6


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
    scanned = left.ocr_confidence is not None and right.ocr_confidence is not None
    return 0 <= gap < (_OCR_GAP if scanned else _GAP) * height


def rejoined_period_labels(rows: Sequence[TableRow], reader: Reader) -> tuple[TableRow, ...]:
    """The rows with a group label whose year ran into the first value column ("Juni" as
    the label, "2022" a word space after it as the cell) read whole: "Juni 2022", a label-only
    row. Only a label naming a period without its year, a lone year as the only cell, set
    closer than a character's height to the label, on a page."""
    return tuple(_rejoined(row, reader) for row in rows)


def _rejoined(row: TableRow, reader: Reader) -> TableRow:
    filled = [c for c in row.cells if c is not None and c.text.strip()]
    if len(filled) != 1 or row.label_bbox is None:
        return row
    (cell,) = filled
    if cell.bbox is None or cell.page != row.page or not _YEAR.match(cell.text.strip()):
        return row
    height = row.label_bbox[3] - row.label_bbox[1]
    if not row.label_bbox[0] < cell.bbox[0] < row.label_bbox[2] + _GAP * height:
        return row  # far from the label (the label's box may take the year in: "Juni 2022")
    part = reader.read(row.label).dims.get("period", "")
    label = f"{row.label} {cell.text.strip()}"
    whole = reader.read(label).dims.get("period", "")
    if not part.startswith("-") or not whole or whole.startswith("-"):
        return row
    return replace(row, label=label, cells=(None,) * len(row.cells))


def rejoined_split_labels(rows: Sequence[TableRow], reader: Reader) -> tuple[TableRow, ...]:
    """The rows with a label printed around its values read whole: a value row with no label
    under a label-only line that says nothing alone, or over one ("Lov om aktiv", the values,
    then "beskæftigelsesindsats": a wrapped label set in the middle of its row), takes the
    lines as its label when together they read fully, in agreement with what a line says
    alone; the lines are then left empty. A whole label above or alone below is a group
    header, not a piece."""
    out = list(rows)
    for i, row in enumerate(rows):
        if _tail_of_above(rows, i, reader):
            label = f"{rows[i - 1].label.strip()} {row.label.strip()}"
            out[i], out[i - 1] = replace(row, label=label), replace(rows[i - 1], label="")
            continue
        if row.label.strip() or not row.has_values:
            continue
        above = i > 0 and _label_only(rows[i - 1]) and not _whole(rows[i - 1], reader)
        below = i + 1 < len(rows) and _label_only(rows[i + 1])
        if below and not above and _whole(rows[i + 1], reader):
            below = False  # a whole label of its own: the next group's header
        parts = [k for k, used in ((i - 1, above), (i + 1, below)) if used]
        if not parts:
            continue
        alone = [reader.read(rows[k].label) for k in parts]
        label = " ".join(rows[k].label.strip() for k in parts)
        reading = reader.read(label)
        if not reading.resolved or not reading.dims:
            continue
        if any(reading.dims.get(d) != v for part in alone for d, v in part.dims.items()):
            continue
        out[i] = replace(row, label=label)
        for k in parts:
            out[k] = replace(rows[k], label="")
    return tuple(out)


def _tail_of_above(rows: Sequence[TableRow], i: int, reader: Reader) -> bool:
    """Whether the row at ``i`` goes on the label of the label-only line above it: the line
    breaks off ("Længerevarende botilbud,", "… §§ 16 stk. 1": a comma, a dash, a small word
    or a paragraph mark at its end) or the row's label starts in lower case
    ("førtidspension"); the line says nothing whole alone, nor the row while the line reads
    on its own ("heraf" over "sager, hvor Ankestyrelsen fik medhold" does not go on; "sager,
    hvor Ankestyrelsen ikke fik" over "medhold" does); and together they agree with what the line
    says alone and read fully, or, on a row of values, name a provision ("… § 105"). One
    label wrapped over two lines, its values on the last (or none: a group header)."""
    row = rows[i]
    label = row.label.strip()
    if i == 0 or not label:
        return False
    above = rows[i - 1]
    if not _label_only(above):
        return False
    if not (label[:1].islower() or _BREAKS_OFF.search(above.label.strip())):
        return False
    if _whole(above, reader):
        return False
    if _whole(row, reader) and reader.read(above.label).resolved:
        return False  # the line above says something of its own ("heraf")
    joined = f"{above.label.strip()} {label}"
    reading = reader.read(joined)
    alone = reader.read(above.label).dims
    if any(reading.dims.get(d) != v for d, v in alone.items()):
        return False
    return (reading.resolved and bool(reading.dims)) or (row.has_values and "§" in joined)


# The end of a line of a label that goes on on the next: a comma, a dash, a small word, "§".
_BREAKS_OFF = re.compile(r"(?:[,\-–§]|\b(?:og|af|i|til|for|om|med|stk\.|nr\.))$", re.IGNORECASE)


def _label_only(row: TableRow) -> bool:
    """A line with a label and no values."""
    return bool(row.label.strip()) and not row.has_values


def _whole(row: TableRow, reader: Reader) -> bool:
    """A label that reads fully on its own and names something."""
    reading = reader.read(row.label)
    return reading.resolved and bool(reading.dims)


# A small word of a label (a conjunction or preposition: "og", "af") set in a value column.
_CONNECTIVE = 3


def connectives_out_of_cells(rows: Sequence[TableRow]) -> tuple[TableRow, ...]:
    """The rows with a value cell that holds only a small word of the label ("og" of
    "forhøjet almindelig og almindelig førtidspension", set under a value column) emptied,
    when the row has no other value: the row is the label-only row it was printed as."""
    out = []
    for row in rows:
        texts = [c.text.strip() for c in row.cells if c is not None and c.text.strip()]
        if texts and all(t.isalpha() and t.islower() and len(t) <= _CONNECTIVE for t in texts):
            row = replace(row, cells=(None,) * len(row.cells))
        out.append(row)
    return tuple(out)
