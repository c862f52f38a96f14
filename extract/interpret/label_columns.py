"""Label columns detection took for value columns: found by what their cells say.

In: a table and a ``Reader``. Out: the value columns whose every non-empty cell is text, not a
number, and whose header names what rows list ("Lovområde/bestemmelse", an axis word and no
measure) or at least half of whose cells the vocabulary reads as a dimension (a law area, an
entity, a period, a measure). Such a column labels its rows ("Lovområde" with "Serviceloven"
in every row, beside the row labels): its cells are read with the row labels, and it holds
no values.
"""

from __future__ import annotations

from extract.interpret.reading import Reader
from extract.model import Status, TableCandidate
from extract.numbers import read_cell


def label_columns(table: TableCandidate, reader: Reader) -> tuple[int, ...]:
    """The indexes of the value columns that are labels (see the module docstring)."""
    found = []
    for c in range(len(table.column_headers)):
        cells = [
            cell for row in table.rows if (cell := row.cells[c]) is not None and cell.text.strip()
        ]
        if not cells or any(read_cell(cell).status is not Status.ILLEGIBLE for cell in cells):
            continue
        header = reader.read(" ".join(table.column_headers[c]))
        if header.axes and "measure" not in header.dims:
            found.append(c)
            continue
        named = sum(1 for cell in cells if (r := reader.read(cell.text)).resolved and r.dims)
        if 2 * named >= len(cells):
            found.append(c)
    return tuple(found)


def row_text(table: TableCandidate, index: int, columns: tuple[int, ...]) -> str:
    """Row ``index``'s label with the texts of its label columns, as one label to read."""
    row = table.rows[index]
    texts = [cell.text for c in columns if (cell := row.cells[c]) is not None and cell.text]
    return " / ".join([row.label, *texts]) if texts else row.label
