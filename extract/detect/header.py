"""The column header of a grid: which leading rows are header, and each column's header path.

In: a ``Grid`` (column 0 the stub) and the number of stub columns. Out: the number of header
rows, each value column's header path (one level per distinct span, top first: a cell
spanning several columns is a level of its own over each of them, text wrapped over several
rows in one column's extent is one level), the stub header, and whether the corner text
names the columns.

A header row holds no data: no cell reading as a plain number, and only header-like text
otherwise: words, a number with a unit ("58 – 63 dB"), bold type over the values. A table
whose values all come with text around them ("Ca. 5.200.000 kr.") has its header above the
first row with a number in it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.codes import Status
from extract.detect.grid import TEXT_COLUMNS, Grid, GridCell
from extract.detect.value_text import is_value_text, is_year
from extract.model import Word
from extract.normalise.labels import strip_end_marks
from extract.normalise.numbers import parse_number

_PLAIN = {Status.REPORTED, Status.NIL, Status.SUPPRESSED}
_WORD = re.compile(r"[^\W\d_]{2,}")
# An amount in words has at most this many words around it.
AMOUNT_WORDS = 8
# Footnote marks after a header's text ("2024 ¹ (1)").
_MARK_AT_END = re.compile(r"\s*(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰]++|\(\d{1,2}\))$")
_NUMERIC = re.compile(r"^[(\-–−+]?\d[\d.,]*%?\)?$")
_AMOUNT = re.compile(
    r"^-?(?:\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+,\d+|(?!(?:19|20)\d\d\b)[1-9]\d{3,})[.,]?$"
)
Slots = dict[tuple[int, int], GridCell]


def is_plain_value(text: str) -> bool:
    """True for a cell that reads as a number as it stands ("1.278", "37,9 %", "3.30", ".",
    "-"), in Danish or English notation."""
    return bool(_NUMERIC.match(text.strip())) or parse_number(text).status in _PLAIN


def _header_like(cell: GridCell) -> bool:
    """True for value-like text set as a header: in bold, or with a word ("58 – 63 dB")."""
    return all(w.bold for w in cell.words) or any(_WORD.search(w.text) for w in cell.words)


def _has_amount(cell: GridCell) -> bool:
    """A cell that is one amount with a few words around it ("Ca. 5.200.000,00 kr. inkl.
    PTA."): grouped digits or a decimal comma, or four digits that are no year (not a page
    or item number), the only number among at most AMOUNT_WORDS words, not set in bold."""
    words = cell.words
    if len(words) > AMOUNT_WORDS or all(w.bold for w in words):
        return False
    numbers = [w for w in words if any(ch.isdigit() for ch in w.text)]
    return len(numbers) == 1 and bool(_AMOUNT.match(numbers[0].text))


def _own(slots: Slots, row: int, col: int) -> GridCell | None:
    cell = slots.get((row, col))
    return cell if cell is not None and cell.row0 == row and cell.words else None


def header_row_count(grid: Grid, first_value: int = 1) -> int:
    """Leading rows that are column headers.

    The header ends with the last row, before the first row holding data, that has text over
    the value columns (from ``first_value``); label-only rows between it and the data (e.g.
    "Ishøj" above its rows, also when its cell runs on across the value columns) belong to
    the body. Data is a value (a year only beside a row label, and not in a row of years,
    nor in the table's first header row over values that are no years: "Lovområde |
    2020", unless its label labels a row further down); above a row of plain numbers, a
    number set as a header (in bold, or with a word: "58 – 63 dB") is no data. Rows a
    header cell reaches down over (its text wrapped beside a stub header) are header rows
    too. Without any data row (values with text around them), the header is the leading
    rows set in bold, or else the rows above the first one with an amount; a table of text
    alone is all header (no body), unless it was found from its header line
    (``text_columns``): then that line is its header.
    """
    if grid.detector == TEXT_COLUMNS:
        return 1
    slots = grid.slots()

    def row_cells(row: int, top: bool = False) -> list[tuple[GridCell, str, bool]]:
        """The row's value cells: (cell, text, whether it reads as a value that may be data);
        ``top``: no row above holds header text over the values."""
        labelled = _own(slots, row, 0) is not None
        cells = [c for col in range(first_value, grid.n_cols) if (c := _own(slots, row, col))]
        texts = [c.text for c in cells]
        values = [is_value_text(t) for t in texts]
        # a year, or a year with its unit ("2016 Personer" over counts of persons)
        years = [v and _year_first(t) for t, v in zip(texts, values, strict=True)]
        year_cells = [c for c, y in zip(cells, years, strict=True) if y]
        if (
            year_cells
            and years == values
            and (sum(values) >= 2 or (top and _over_values(grid, year_cells)))
            and not _labels_a_row_below(grid, row)
        ):
            labelled = False  # a row of years is a header, whatever stands over the labels
        return [
            (c, t, v and not (y and not labelled))
            for c, t, v, y in zip(cells, texts, values, years, strict=True)
        ]

    plain: list[bool] = []  # whether the table holds a plain number (looked up once)

    def holds_plain() -> bool:
        if not plain:
            found = (
                v and is_plain_value(t) for r in range(grid.n_rows) for _, t, v in row_cells(r)
            )
            plain.append(any(found))
        return plain[0]

    first_data = first_amount = None
    texts: list[bool] = []
    for row in range(grid.n_rows):
        first = _first_text(slots, row, first_value, grid.n_cols)
        if first is not None and _NUMERIC.match(first) and not is_year(first):
            first_data = row  # the common body row: a plain number comes first
            texts.append(True)
            break
        cells = row_cells(row, top=not any(texts))
        if _group_years(grid, row, [c for c, _, _ in cells]):
            texts.append(False)  # a group row like those under it ("2024" over "K1 | 3908")
            continue
        # a label running from the stub across the values (a group row) is no header text
        texts.append(any(c.col0 >= first_value for c, _, _ in cells))
        if any(
            value and (is_plain_value(text) or not _header_like(cell) or not holds_plain())
            for cell, text, value in cells
        ):
            first_data = row
            break
        if first_amount is None and any(_has_amount(c) for c, _, _ in cells):
            first_amount = row
    end = first_data
    if end is None and first_amount is not None:
        bold = _bold_rows(grid, slots)
        end = bold if 0 < bold <= first_amount else first_amount
    end = grid.n_rows if end is None else end
    header = max((row + 1 for row in range(min(end, len(texts))) if texts[row]), default=0)
    # a header cell reaching down over rows (wrapped text beside a stub header) keeps them
    reach = max((c.row1 + 1 for c in grid.cells if c.words and c.row0 < header), default=0)
    return min(max(header, reach), end)


def _year_first(text: str) -> bool:
    """True for a year alone ("2024", "2024 ¹") or followed by a word ("2016 Personer")."""
    bare = strip_end_marks(text, _MARK_AT_END).split()
    return bool(bare) and is_year(bare[0]) and (len(bare) == 1 or bare[1].isalpha())


def _group_years(grid: Grid, row: int, cells: Sequence[GridCell]) -> bool:
    """True when the row's cells are years alone, and the column of each holds years further
    down on rows of no other value: the table's group rows, this one a group row too (a
    page of a table going on under a year)."""
    if not cells or not all(is_year(strip_end_marks(c.text, _MARK_AT_END)) for c in cells):
        return False
    later: dict[int, list[GridCell]] = {}
    for cell in grid.cells:
        if cell.words and cell.row0 > row:
            later.setdefault(cell.row0, []).append(cell)
    group_rows = [
        r for r in later.values() if all(is_year(strip_end_marks(c.text, _MARK_AT_END)) for c in r)
    ]
    return all(any(c.col0 == cell.col0 for r in group_rows for c in r) for cell in cells)


def _labels_a_row_below(grid: Grid, row: int) -> bool:
    """True when the row's label (column 0) is also the label of a row further down: a row
    of a group, its count a year by chance ("Stadfæstet | 2010" over the next group's
    "Stadfæstet | 2526"), no stub header beside a period header."""
    label = next((c.text for c in grid.cells if c.words and c.row0 == row and c.col0 == 0), "")
    return bool(label) and any(
        c.words and c.row0 > row and c.col0 == 0 and c.text.casefold() == label.casefold()
        for c in grid.cells
    )


def _over_values(grid: Grid, cells: Sequence[GridCell]) -> bool:
    """True when below each of ``cells`` (years) its column holds values that are no years:
    a period header beside the stub header ("Lovområde | 2020"), not a row of years; or when
    nothing stands under them at all (the header at a page's foot, its rows on the next)."""
    below: dict[int, list[str]] = {}
    for cell in grid.cells:
        if cell.words and cell.row0 > cells[0].row1 and cell.col0 == cell.col1:
            below.setdefault(cell.col0, []).append(cell.text)
    if not any(below.get(c.col0) for c in cells):
        return True  # (the rows go on on the next page: a header at a page's foot)
    return all(
        any(is_value_text(t) and not is_year(t) for t in below.get(c.col0, ())) for c in cells
    )


def _first_text(slots: Slots, row: int, first_value: int, n_cols: int) -> str | None:
    """Text of the row's first own value cell, or None."""
    return next(
        (c.text for col in range(first_value, n_cols) if (c := _own(slots, row, col))), None
    )


def _bold_rows(grid: Grid, slots: Slots) -> int:
    """The number of leading rows whose words are all bold, when a row below is not."""
    for row in range(grid.n_rows):
        words = [w for col in range(grid.n_cols) if (c := _own(slots, row, col)) for w in c.words]
        if words and not all(w.bold for w in words):
            return row
    return 0


def has_body_values(grid: Grid, header_rows: int | None = None) -> bool:
    """True when some value column below the header (``header_rows``, found when None)
    holds text."""
    header = header_row_count(grid) if header_rows is None else header_rows
    return any(cell.words for cell in grid.cells if cell.col0 >= 1 and cell.row0 >= header)


def column_paths(grid: Grid, header_rows: int, first_value: int = 1) -> list[tuple[str, ...]]:
    """Header path of each value column (from ``first_value``): the texts above it, one level
    per distinct cell; cells of one span in consecutive rows (wrapped text) join into one."""
    slots = grid.slots()
    paths: list[tuple[str, ...]] = []
    for col in range(first_value, grid.n_cols):
        levels: list[str] = []
        spans: list[tuple[int, int]] = []
        seen: set[int] = set()
        for row in range(header_rows):
            cell = slots.get((row, col))
            if cell is None or id(cell) in seen or not cell.text:
                continue
            seen.add(id(cell))
            span = (max(cell.col0, first_value), cell.col1)
            if spans and spans[-1] == span:
                levels[-1] = f"{levels[-1]} {cell.text}"
            else:
                levels.append(cell.text)
                spans.append(span)
        paths.append(tuple(levels))
    return paths


def stub_header(grid: Grid, header_rows: int, n_stub: int = 1) -> str:
    """Text above the row labels (e.g. "År"), or ""; with several stub columns their header
    texts joined with " / ", outer first."""
    parts: list[str] = []
    slots = grid.slots()
    for col in range(n_stub):
        texts: list[str] = []
        for row in range(header_rows):
            cell = slots.get((row, col))
            own = cell is not None and cell.row0 == row and cell.col0 == col
            if own and cell is not None and cell.text and cell.col1 < n_stub:
                texts.append(cell.text)
        if texts:
            parts.append(" ".join(texts))
    return " / ".join(parts)


def corner_names_columns(grid: Grid, header_rows: int, n_stub: int = 1) -> bool:
    """True when the text in the corner over the row labels names the columns: the row labels
    are set in bold like the header (a column of row headings) while the values are not, and
    the corner is bold too ("Støjbelastning" over "58 – 63 dB | 63 – 68 dB", rows "Boliger",
    "Personer"). The corner then heads every column's path."""
    corner: list[Word] = []
    labels: list[Word] = []
    values: list[Word] = []
    for cell in grid.cells:
        if not cell.words:
            continue
        if cell.col1 < n_stub:
            (corner if cell.row1 < header_rows else labels).extend(cell.words)
        elif cell.row0 >= header_rows and cell.col0 >= n_stub:
            values.extend(cell.words)
    return _all_bold(corner) and _all_bold(labels) and bool(values) and not _all_bold(values)


def _all_bold(words: Sequence[Word]) -> bool:
    return bool(words) and all(w.bold for w in words)
