"""A table cut to what it holds before it is keyed: rows past a caption inside it (another
table's, taken in by detection) left out, stub header lines read as rows blanked, a header
printed as the first row made the column header.

In: a ``TableCandidate`` (and the vocabulary's ``Reader``). Out: the table as keyed, and a
finding for values left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.codes import FindingCode, Severity
from extract.interpret.reading import Reader
from extract.model import Finding, TableCandidate, TableRow
from extract.normalise.numbers import read_cell

# A caption printed inside a table's rows ("Tabel 2 Antal personer …"): another table begins.
_INNER_CAPTION = re.compile(r"\btabel\s+\d", re.IGNORECASE)


def before_inner_caption(table: TableCandidate) -> tuple[TableCandidate, list[Finding]]:
    """The table cut before a row that holds a caption (``_caption_row``):
    the rows from there on are another table's, taken into this one by detection; a finding
    says how many values are left out."""
    at = next((i for i, r in enumerate(table.rows) if _caption_row(r)), None)
    if at is None or at == 0:
        return table, []
    rest = table.rows[at:]
    count = sum(1 for r in rest for c in r.cells if c is not None and c.text.strip())
    label = table.rows[at].label
    why = f"the rows from '{label}' on follow a caption inside the table: another table's"
    message = f"table {table.table_id}: {count} values not emitted: {why}"
    finding = Finding(
        FindingCode.MISSING_DIMENSION, message, Severity.ERROR, rest[0].page, table.table_id
    )
    return replace(table, rows=table.rows[:at]), [finding]


def _caption_row(row: TableRow) -> bool:
    """Whether a row holds another table's caption: in its label ("Tiltrådt. Tabel 2
    Antal"), or spread over its cells ("fordelt på i året" | … | "TABEL 5.2
    Realitetsbehandlede sager …")."""
    texts = (row.label, *(c.text for c in row.cells if c is not None))
    return any(_INNER_CAPTION.search(text) for text in texts)


def without_header_lines(rows: Sequence[TableRow], reader: Reader) -> tuple[TableRow, ...]:
    """The rows with the table's stub header lines, read by detection as its first rows,
    left blank: the label-only rows at the top down to the last that names only axes
    ("Afgørelse", then "Paragraf": the stub headers, not a group "Afgørelser" over the
    provisions)."""
    last = None
    for i, row in enumerate(rows):
        if row.has_values:
            break
        reading = reader.read(row.label)
        if reading.axes and not reading.dims and not reading.unknown:
            last = i
    if last is None:
        return tuple(rows)
    return tuple(replace(row, label="") if i <= last else row for i, row in enumerate(rows))


def header_printed_as_row(table: TableCandidate, reader: Reader) -> TableCandidate:
    """A table without column headers whose first row is its header, read by detection as a
    row: a stub header's axis word for a label ("Bestemmelse") and text, no number, in its
    cells ("202 3H2 (1) *"). Those texts become the column headers (a period misread there
    is then the column's, not lost to the heading's) and the row is left out."""
    if not table.rows or any(" ".join(h).strip() for h in table.column_headers):
        return table
    first = table.rows[0]
    texts = [c.text.strip() if c is not None else "" for c in first.cells]
    reading = reader.read(first.label)
    if not (any(texts) and reading.axes and not reading.dims and not reading.unknown):
        return table
    if any(read_cell(c).value is not None for c in first.cells if c is not None and c.text.strip()):
        return table
    headers = tuple((text,) if text else () for text in texts)
    stub = table.stub_header or first.label
    return replace(table, column_headers=headers, stub_header=stub, rows=table.rows[1:])
