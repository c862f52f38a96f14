"""Label columns detection took for value columns: found by what their cells say.

In: a table and a ``Reader``. Out: the value columns that label their rows: those whose every
non-empty cell names a period under a header that is an axis word ("Periode" over "2022",
"2023"), and those whose every non-empty cell is text, not a number, and whose header names
what rows list ("Lovområde/bestemmelse", an axis word and no measure), or that stand right of
the row labels (or of such a column) under a header naming nothing (the second of two label
columns: "Dragør" / "Biler - §§ 114 og 115"), or at least half of whose cells the vocabulary
reads as a dimension (a law area, an entity, a period, a measure). Such a column ("Lovområde"
with "Serviceloven" in every row, beside the row labels) is read with the row labels, and it
holds no values.

Label columns printed "as above" (a part left blank under the row that printed it: "Dragør"
once, then its provisions) nest: each printed outer part is a group header over the rows
under it, down to the next one (``nested_label_rows``).
"""

from __future__ import annotations

from dataclasses import replace

from extract.codes import Status
from extract.interpret.reading import Reader
from extract.model import BBox, Cell, TableCandidate, TableRow
from extract.normalise.numbers import read_cell

# The parts of a row's label: (text, bbox) of the row label and of each label column's cell.
_Parts = list[tuple[str, BBox | None]]


def label_columns(table: TableCandidate, reader: Reader) -> tuple[int, ...]:
    """The indexes of the value columns that are labels (see the module docstring)."""
    found: list[int] = []
    for c in range(len(table.column_headers)):
        cells = [
            cell for row in table.rows if (cell := row.cells[c]) is not None and cell.text.strip()
        ]
        if not cells:
            continue
        header = reader.read(" ".join(table.column_headers[c]))
        if any(read_cell(cell).status is not Status.ILLEGIBLE for cell in cells):
            if header.axes and not header.dims and all(_period(reader, cell) for cell in cells):
                found.append(c)  # "Periode" over "2022", "2023": years label the rows
            continue
        if header.axes and "measure" not in header.dims:
            found.append(c)
            continue
        if len(cells) > 1 and c == len(found) and not header.dims:
            found.append(c)  # a column of text right of the row labels: more labels
            continue
        named = sum(1 for cell in cells if (r := reader.read(cell.text)).resolved and r.dims)
        if 2 * named >= len(cells):
            found.append(c)
    return tuple(found)


def _period(reader: Reader, cell: Cell) -> bool:
    """Whether a cell names one period and nothing else ("2022", "2. halvår 2023")."""
    reading = reader.read(cell.text)
    return reading.resolved and set(reading.dims) == {"period"}


def row_text(table: TableCandidate, index: int, columns: tuple[int, ...]) -> str:
    """Row ``index``'s label with the texts of its label columns, as one label to read."""
    row = table.rows[index]
    texts = [cell.text for c in columns if (cell := row.cells[c]) is not None and cell.text]
    return " / ".join([row.label, *texts]) if texts else row.label


def nested_label_rows(table: TableCandidate, columns: tuple[int, ...]) -> TableCandidate:
    """The table with label columns printed "as above" turned into group header rows: each
    non-blank outer part of a row's label (the row label, then the label columns left to
    right) becomes a label-only row above it, and the row keeps its innermost part. Tables
    whose rows print every part are returned as they are."""
    if not columns or not any(_as_above(_parts(row, columns), row, columns) for row in table.rows):
        return table
    rows: list[TableRow] = []
    for row in table.rows:
        parts = _parts(row, columns)
        filled = [i for i, (text, _) in enumerate(parts) if text]
        inner = filled[-1] if filled and _has_values(row, columns) else len(parts)
        for text, bbox in (parts[i] for i in filled if i < inner):
            rows.append(TableRow(text, (None,) * len(row.cells), row.page, bbox))
        if inner < len(parts):
            text, bbox = parts[inner]
            cells = tuple(None if c in columns else cell for c, cell in enumerate(row.cells))
            rows.append(replace(row, label=text, cells=cells, label_bbox=bbox))
    return replace(table, rows=tuple(rows))


def _parts(row: TableRow, columns: tuple[int, ...]) -> _Parts:
    """(text, bbox) of a row's label and of its label columns' cells, outermost first."""
    cells: list[Cell | None] = [row.cells[c] for c in columns]
    return [
        (row.label.strip(), row.label_bbox),
        *((cell.text.strip(), cell.bbox) if cell is not None else ("", None) for cell in cells),
    ]


def _has_values(row: TableRow, columns: tuple[int, ...]) -> bool:
    return any(
        cell is not None and cell.text.strip()
        for c, cell in enumerate(row.cells)
        if c not in columns
    )


def _as_above(parts: _Parts, row: TableRow, columns: tuple[int, ...]) -> bool:
    """Whether a value row leaves an outer part of its label blank under a printed inner one."""
    filled = [i for i, (text, _) in enumerate(parts) if text]
    return bool(filled) and _has_values(row, columns) and len(filled) < filled[-1] + 1
