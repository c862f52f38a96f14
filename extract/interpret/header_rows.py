"""Body rows that are headers: the table's own header repeated, or another table's.

In: a table, its column plans and the vocabulary. Out: the first row heading another table
(two tables read as one: the rows under it are not keyed by this table's columns), and the
rows that repeat this table's header.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from extract.interpret.columns import ColumnPlan
from extract.interpret.reading import Reader
from extract.interpret.vocabulary import Vocabulary
from extract.model import Cell, TableCandidate, TableRow
from extract.normalise.numbers import read_cell

_YEAR = re.compile(r"(?:19|20)\d\d")


def header_rows(
    table: TableCandidate, columns: Sequence[ColumnPlan], vocabulary: Vocabulary
) -> tuple[int | None, set[int]]:
    """Rows whose value cells name periods ("2023 K3", "2023 K4"; two at least, one that is
    no bare year, or any under a label of axis words only: "Udfald Lovområde/bestemmelse" |
    "2024 1)"): the first that names others than the columns' own, a header over the rows
    after it that the table's column headers do not label (two tables read as one), or
    None; and those repeating the table's own header (no values)."""
    periods = vocabulary.periods
    repeated: set[int] = set()
    reader = Reader(vocabulary)
    for index, row in enumerate(table.rows):
        if index and axis_header_row(reader, row, columns):
            return index, repeated
        named: list[tuple[str, str, str | None]] = []  # text, its period, the column's
        for column in columns:
            cell = row.cells[column.index]
            named_by_words = cell is not None and any(ch.isalpha() or ch == "-" for ch in cell.text)
            found = (
                periods.parse(cell.text.strip()) if cell is not None and named_by_words else None
            )
            if cell is not None and found is not None:
                named.append((cell.text.strip(), found[0], column.dims.get("period")))
        if len(named) < 2 or all(
            read_cell(Cell(t, row.page)).value is not None for t, _, _ in named
        ):
            continue  # bare years: values as well as labels
        if all(period == own for _, period, own in named):
            repeated.add(index)  # the table's own header repeated
            continue
        return index, repeated
    return None, repeated


def axis_header_row(reader: Reader, row: TableRow, columns: Sequence[ColumnPlan]) -> bool:
    """Whether a row is a header: a label of axis words only ("Udfald Lovområde/bestemmelse",
    "Sagsemne", "Område") over value cells holding no number, each naming what it heads and
    nothing else ("2024 1)", "Hele landet"), or words in half the value columns or more
    ("Domstolssager i alt | … | Medholds-%"); or a label naming one thing over two cells or
    more each naming another kind of thing ("Hele landet" over "Stadfæstet | Ændret"); or
    no label over cells each naming what it heads ("Antal")."""
    texts = [c.text for p in columns if (c := row.cells[p.index]) is not None and c.text.strip()]
    if not texts:
        return False
    label = reader.read(row.label)
    if not row.label.strip():  # "" over "Antal": the next table's header, its corner blank
        cells = [(c.text, p.dims) for p in columns if (c := row.cells[p.index]) and c.text.strip()]
        cell_reads = [(reader.read(t), t, own) for t, own in cells]
        words = all(
            r.dims and not r.unknown and read_cell(Cell(t, row.page)).value is None
            for r, t, _ in cell_reads
        )
        # not this table's own header repeated ("" over "2023 K3 | 2023 K4")
        return words and any(
            any(own.get(d) != v for d, v in r.dims.items()) for r, _, own in cell_reads
        )
    if label.unknown or not (label.axes or label.dims):
        return False
    if label.axes and (_years_apart(texts) or _years_with_words(texts)):
        return True  # "Afgørelse Område" (an axis word) over "2023 | 2024": a header
    if any(read_cell(Cell(t, row.page)).value is not None for t in texts):
        return False
    readings = [reader.read(text) for text in texts]
    named = all(r.dims and not r.unknown for r in readings)
    if label.dims:  # "Hele landet" over "Stadfæstet | Ændret | …": the next table's corner
        return (
            named
            and len(texts) >= 2
            and not set(label.dims) & {d for r in readings for d in r.dims}
        )
    if named:
        return True
    worded = [t for t in texts if any(ch.isalpha() for ch in t)]
    return len(worded) == len(texts) and 2 * len(worded) >= len(columns)


def _years_with_words(texts: Sequence[str]) -> bool:
    """Whether every cell holds a year among its words, two years or more in all, and some
    cell words besides: a header's cells run together ("2019 | Fanø Kommune 2020 | 2021 |
    Hele 2019 | landet 2020"), under a label of axis words only no row of counts."""
    years = [[w for w in t.split() if _YEAR.fullmatch(w)] for t in texts]
    worded = any(any(ch.isalpha() for ch in t) for t in texts)
    return worded and all(years) and len({y for ys in years for y in ys}) >= 2


def _years_apart(texts: Sequence[str]) -> bool:
    """Whether cells are two years or more, each another, in order ("2023", "2024"): under
    a label of axis words only, a header, not counts."""
    stripped = [t.strip() for t in texts]
    return (
        len(stripped) >= 2
        and all(_YEAR.fullmatch(t) for t in stripped)
        and all(int(a) < int(b) for a, b in itertools.pairwise(stripped))
    )
