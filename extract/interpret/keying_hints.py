"""What a planned table as a whole tells the keying of its cells.

In: the table, the plans of its columns and rows (and the vocabulary). Out: which axis the
measures run along (``measure_columns_and_rows``), the dimensions value columns name
(``named_by_columns``), rows that lost their law area's heading (``lost_law_heading``),
value columns whose header was lost (``blank_columns``), columns printing percents or no
number at all (``percent_sign_columns``, ``numbers_in``), and the known provision list the
rows come from (``provision_list``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extract.interpret.cells import PART_OF_YEAR, YEARLESS_PART
from extract.interpret.columns import ColumnPlan
from extract.interpret.periods import period_type
from extract.interpret.plans import ALL_LAWS, RowPlan
from extract.interpret.reading import Reader
from extract.interpret.vocabulary import KnownProvision, Vocabulary
from extract.interpret.words import BOTH_ASPECTS
from extract.model import TableCandidate
from extract.normalise.labels import label_key
from extract.normalise.numbers import read_cell

# The kinds of rows and of columns whose cells are keyed as values.
KEYED_ROWS = ("member", "provision", "law", "total")
KEYED_COLUMNS = ("member", "total")


def measure_columns_and_rows(
    columns: Sequence[ColumnPlan], rows: Sequence[RowPlan]
) -> tuple[bool, bool]:
    """Whether half the keyed columns or more (two at least), and most keyed rows, name
    measures (their own or their groups'): then the measures run along that axis, and a
    member naming none is unknown ("Skive Realitetsbeh. i alt | Landsplan": the second
    column's measure is the first's, its group header read into one column only)."""
    keyed_columns = [c for c in columns if c.kind in KEYED_COLUMNS]
    keyed_rows = [r for r in rows if r.kind in KEYED_ROWS]
    by_columns = sum(1 for c in keyed_columns if "measure" in c.dims)
    by_rows = sum(1 for r in keyed_rows if "measure" in r.dims or "measure" in r.carried)
    along_columns = len(keyed_columns) >= 2 and 2 * by_columns >= len(keyed_columns)
    return along_columns, 2 * by_rows > len(keyed_rows)


def named_by_columns(columns: Sequence[ColumnPlan]) -> frozenset[str]:
    """The law area, entity, whole period and aspect some value columns name (an aspect only
    where the column names no measure: "Antal H2 2023"): a cell whose column names none of
    them lost its header (see ``key_cell``)."""
    members = [c for c in columns if c.kind == "member"]
    # a column not read for other words still shows law areas or entities go by column
    named = {d for c in columns if c.kind != "label" for d in ("law", "entity") if d in c.dims}
    if any(not c.dims.get("period", "-").startswith("-") for c in columns if c.kind != "label"):
        named.add("period")  # a column naming only a half ("2. halvår") lost its year
    if any(period_type(p) not in ("year", "") for c in columns if (p := c.dims.get("period", ""))):
        named.add(PART_OF_YEAR)  # columns by quarter or month: a year from elsewhere is no one's
    if any(c.dims.get("period", "").startswith("-") for c in columns if c.kind != "label"):
        named.add(YEARLESS_PART)  # "okt.-dec." over one column, "2025" over the next
    if any("aspect" in c.dims and "measure" not in c.dims for c in members):
        named.add("aspect")
    if any(c.dims.get("aspect") == BOTH_ASPECTS for c in members):
        named.add(BOTH_ASPECTS)  # "Stadfæstede Antal Procent" in one column: headers run together
    return frozenset(named)


def lost_law_heading(rows: Sequence[RowPlan]) -> set[int]:
    """Rows whose group headings name no law area where a row above had the same headings
    under one naming a law area ("Barnets lov" / "Antal" / "2022", then a law's heading not
    read as one and "Antal" / "2022" under it): their own law's heading was lost."""
    seen: set[frozenset[str]] = set()  # the other headings' dimensions over a law's rows
    lost: set[int] = set()
    for plan in rows:
        law = plan.carried.get("law")
        others = frozenset(d for d in plan.carried if d != "law")
        if law is not None and law != ALL_LAWS:
            seen.add(others)
        elif law is None and "law" not in plan.dims and others and others in seen:
            lost.add(plan.index)
    return lost


def blank_columns(
    table: TableCandidate, columns: Sequence[ColumnPlan], vocabulary: Vocabulary
) -> set[int]:
    """Value columns without a header of their own beside columns with one: none, or only
    the group headers over other columns too ("Vesthimmerlands Kommune" over "Stadfæstelse"
    and a column whose own header was read into its neighbour's). Their header was lost, so
    the caption's measure is not theirs; nor is it, beside them, a column's whose header
    names only a total ("alt": "Realitetsbeh. i alt", its start lost). A last header level
    of noise words only ("MORSØ / SAGER", "HJEMVISTE" read into the neighbour's) adds
    nothing to its group header."""
    values = [c.index for c in columns if c.kind != "label"]
    paths = {i: tuple(h.strip() for h in table.column_headers[i] if h.strip()) for i in values}
    reader = Reader(vocabulary)
    # (a level of noise words alone under a group header, "MORSØ / SAGER", names nothing)
    own = {i: _without_empty_tail(paths[i], reader) for i in values}
    blank = {i for i in values if not own[i] or _group_only(own[i], paths.values())}
    if not blank or len(blank) == len(values):
        return set()
    # a header naming only a total ("alt") beside lost ones: the rest of it may be lost too
    return blank | {
        i
        for i in values
        if paths[i] and (reading := reader.read(" ".join(paths[i]))).total and not reading.dims
    }


def _without_empty_tail(path: tuple[str, ...], reader: Reader) -> tuple[str, ...]:
    """A header path without its last levels that read as nothing (noise words: "SAGER")."""
    while len(path) > 1 and reader.read(path[-1]).empty:
        path = path[:-1]
    return path


def _group_only(path: tuple[str, ...], paths: Iterable[tuple[str, ...]]) -> bool:
    """Whether a header path is the group header over two other columns or more, and no
    more ("SDP" over one "SDP / PL" is that column's header broken over lines)."""
    return sum(1 for p in paths if len(p) > len(path) and p[: len(path)] == path) >= 2


def numbers_in(table: TableCandidate, index: int) -> bool:
    """Whether the value column ``index`` prints a digit in any row."""
    return any(
        (c := row.cells[index]) is not None and any(ch.isdigit() for ch in c.text)
        for row in table.rows
    )


def percent_sign_columns(table: TableCandidate, columns: Sequence[ColumnPlan]) -> set[int]:
    """The value columns most of whose numbers are printed with a percent sign (nil marks,
    "–", "-", print no sign either way and do not count)."""
    out = set()
    for column in columns:
        numbers = signed = 0
        for row in table.rows:
            cell = row.cells[column.index]
            if cell is None or not any(ch.isdigit() for ch in cell.text):
                continue
            read = read_cell(cell)
            if read.value is not None:
                numbers += 1
                signed += read.percent_sign
        if numbers and 2 * signed > numbers:
            out.add(column.index)
    return out


def provision_list(
    table: TableCandidate, rows: Sequence[RowPlan], vocabulary: Vocabulary
) -> KnownProvision | None:
    """The known provision list at least half the provision rows come from, if they agree on
    one law area."""
    labels = [table.rows[p.index].label for p in rows if p.kind == "provision"]
    known = [
        found
        for label in labels
        if (found := vocabulary.provisions.get(label_key(label))) is not None
    ]
    laws = {(k.law, k.until) for k in known}
    if not labels or 2 * len(known) < len(labels) or len(laws) != 1:
        return None
    return known[0]
