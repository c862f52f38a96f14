"""One cell's key: the dimensions of its column, its row, the groups above it and the context,
merged; then its value.

In: the plans of the cell's column and row, the table context, the cell. Out: a ``Keyed`` cell
(every dimension as a code, value and status read) or the reason it has no complete,
unambiguous key. Row and column must not disagree on a dimension; the context only fills what
both leave out. A share aspect ("Procent", "Andel", a "%" in the cell) turns a count measure
into its share measure (Stadfæstet -> stadfaestelsesprocent).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace

from extract.codes import EntityScope, Status, Unit
from extract.interpret.columns import ColumnPlan
from extract.interpret.context import Context
from extract.interpret.periods import combine, period_type
from extract.interpret.plans import AS_ABOVE, UNNAMED, UNREAD, RowPlan
from extract.interpret.vocabulary import NATIONAL, KnownProvision
from extract.interpret.words import BOTH_ASPECTS
from extract.model import Cell
from extract.normalise.numbers import ParsedNumber, read_cell
from extract.normalise.reference import Reference

KEY_DIMS = ("entity", "period", "law", "measure", "aspect")
# In ``by_columns``: some value columns name a part of a year (a quarter, a month).
PART_OF_YEAR = "period:part"
# ... and where a column names a part of a year without its year ("okt.-dec." alone).
YEARLESS_PART = "period:yearless"


@dataclass(frozen=True, slots=True)
class Keyed:
    """A cell with its complete key and its value."""

    entity_scope: str
    municipality_code: int | None
    municipality: str | None
    period: str
    period_type: str
    law_area: str | None
    provision: str | None
    measure: str
    unit: str
    parsed: ParsedNumber
    status: Status
    value: float | None


@dataclass(frozen=True, slots=True)
class Missing:
    """Why a cell has no key: ``what`` is the missing or conflicting dimension (for grouping
    the report) and ``why`` the explanation."""

    what: str
    why: str


# Why a table that goes on from one not joined to it takes nothing from the document heading.
_CONTINUED = (
    "the table goes on from one whose start was not found (captioned as continued, or starting"
    " inside a group whose header it lacks), so the heading's is not taken"
)


def _marked(dim: str, from_row: str | None) -> Missing | None:
    """Why the row's ``dim`` is not known when its plan marks it so (not understood, named by
    no cell of its label column, named by a row above for this one or not), else None."""
    if from_row == UNREAD:
        return Missing(dim, f"the group header naming its {dim} was not understood")
    if from_row == UNNAMED:
        return Missing(dim, f"its cell in the column that lists the {dim} names none")
    if from_row == AS_ABOVE:
        why = f"a row above names its {dim}, this one none (whether it is meant for the"
        return Missing(dim, f"{why} rows under it too is not known)")
    return None


def key_cell(
    cell: Cell,
    column: ColumnPlan,
    row: RowPlan,
    row_label: str,
    context: Context,
    reference: Reference,
    provision_law: KnownProvision | None,
    *,
    measure_from_context: bool = True,
    by_columns: Collection[str] = (),
    share_from_context: bool = True,
    percent_column: bool = False,
    law_by_rows: bool = False,
    measure_by_groups: bool = False,
) -> Keyed | Missing:
    """The key and value of one cell, or why it has none. Without ``measure_from_context``
    (most of the table's columns, or rows, name measures) a cell whose row and column name none
    has none: a column "i pct." beside "Hjemvist" and "Andel ændret" is not a share of the
    caption's measure. ``by_columns`` holds what other value columns name. With a law area
    there, a cell whose row, column and context name none has none: the column's law area was
    not read (a group label "Lov om social service" over two of twelve columns), it is not
    all laws. With an entity there, a cell whose row and column name none does not take the
    document heading's ("Landsplan" over one column of six: the others' entity was not
    read). With an aspect there (other value columns name only an aspect: "Antal H2 2023"
    between "H1 2023" and "H1 2024") a cell whose row and column name neither a measure nor
    an aspect has none: "Antal" was set over one of its three columns.
    Without ``share_from_context`` (other columns print "%", this one does not) a caption's
    share aspect does not make the column's values shares. With ``percent_column`` (most of
    the column's numbers are printed with "%") a cell printing no number ("–", ".") whose
    measure only the caption or title gives (itself, or carried to its row), its row naming
    no measure and no aspect (nor its column an aspect), is read as one of them: a
    percentage's, not a count's; a number printed without "%" there, under a count measure
    its row does not name, and no aspect, has none (its sign lost?). A national measure
    (``Measure.national``) whose entity only the document heading gives is the whole
    country's. With ``law_by_rows`` (rows above carried a law area under the same group
    headings as this one) a cell whose row (not a total), column and context name none has
    none: its own law's heading was not read as one, it is not all laws. With
    ``measure_by_groups`` (group rows name measures) a measure carried to the row is a group
    row's, never the caption's."""
    dims: dict[str, str] = {}
    measure_from_text = False  # the measure only the caption or title gives
    entity_from_heading = False  # the entity only the document heading gives
    for dim in KEY_DIMS:
        unknown = _marked(dim, row.dims.get(dim) or row.carried.get(dim))
        if unknown is not None:
            return unknown
    when = _period(
        row,
        column,
        context,
        year_by_column="period" in by_columns,
        part_by_column=PART_OF_YEAR in by_columns,
    )
    if (
        YEARLESS_PART in by_columns
        and isinstance(when, str)
        and period_type(when) == "year"
        and when == column.dims.get("period")
        and not (row.dims.get("period") or row.carried.get("period"))
    ):
        # "okt.-dec. 2025" spread over two columns, read "okt.-dec." and "2025"
        why = "a year beside a column naming part of a year without one (a header split"
        return Missing(
            "period", f"{why} over two columns?): whether it is the whole year is not known"
        )
    if isinstance(when, Missing):
        return when
    if when is not None:
        dims["period"] = when
    for dim in KEY_DIMS:
        if dim == "period":
            continue
        from_row = row.dims.get(dim) or row.carried.get(dim)
        from_column = column.dims.get(dim)
        if from_column == BOTH_ASPECTS:
            from_column = None  # "Antal/pct.": the row or the measure says which (below)
        if from_row and from_column and from_row != from_column:
            return Missing(dim, f"{dim} is {from_row} by the row and {from_column} by the column")
        from_context = None if dim == "aspect" else context.value(dim)
        given = context.dims.get(dim)
        if (
            dim == "entity"
            and "entity" in by_columns
            and not (from_row or from_column)
            and given is not None
            and given.source == "heading"
            and column.kind != "total"
        ):
            why = "other columns name their entity, this one none (the heading's is not taken)"
            return Missing("entity", why)
        if dim == "measure" and not measure_from_context:
            from_context = None
        found = from_row or from_column or from_context
        if found:
            dims[dim] = found
        if dim == "entity" and given is not None and not (from_row or from_column):
            entity_from_heading = bool(found) and given.source == "heading"
        if dim == "measure" and given is not None and not (from_row or from_column):
            measure_from_text = bool(found) and given.source in ("title", "caption")
    if (
        "aspect" in by_columns
        and not {"aspect", "measure"} & set(column.dims)
        and not {"aspect", "measure"} & {*row.dims, *row.carried}
        and column.kind != "total"
    ):
        why = "other columns name count or share, this one neither (its header was lost)"
        return Missing("aspect", why)
    if "aspect" not in dims and context.value("aspect") == "share" and share_from_context:
        dims["aspect"] = "share"  # a caption about shares ("Udfald i procent")
    parsed = read_cell(cell)
    named = "measure" in row.dims or "aspect" in row.dims or "aspect" in column.dims
    # (the caption's measure, given by it or carried to the row from it: not a group row's,
    # where group rows name measures: "Realitetsbehandlet" over its provisions' counts)
    carried = row.carried.get("measure")
    from_caption = carried == context.value("measure") and not measure_by_groups
    captions = measure_from_text or (carried is not None and from_caption)
    if percent_column and captions and not named and not any(ch.isdigit() for ch in cell.text):
        parsed = replace(parsed, percent_sign=True)  # ("–" among "6%": a share's nil mark)
    if column.dims.get("aspect") == BOTH_ASPECTS and _either(dims, row, reference):
        why = "its column's header names both a count and a share, its row neither"
        return Missing("aspect", why)
    if (
        BOTH_ASPECTS in by_columns
        and "aspect" not in column.dims
        and not parsed.percent_sign
        and _either(dims, row, reference)
    ):
        why = "another column's header runs a count and a share together (headers of two"
        return Missing(
            "aspect", f"{why} columns set over one): whether this one counts is not known"
        )
    measure = _measure(dims, parsed, reference, share_by_sign=not measure_from_text)
    if isinstance(measure, Missing):
        return measure
    info = reference.measure_by_code[measure]
    if (
        percent_column
        and info.unit != Unit.PERCENT
        and "aspect" not in dims
        and not named
        and "measure" not in row.carried
        and not parsed.percent_sign
        and any(ch.isdigit() for ch in cell.text)
    ):
        why = "most of its column's numbers print '%', this one none, under a count"
        return Missing("measure", f"{why}: a share whose sign was lost, or a count?")
    if info.national and entity_from_heading:
        dims["entity"] = NATIONAL  # Ankestyrelsen's own figures in a municipality's memo
    provision = (row.provision_label or row_label) if row.kind == "provision" else None
    law: str | None = dims.get("law")
    of_provisions = provision is not None or row.of_provisions
    if not info.has_law:
        if provision is None and set(row.dims) <= {"law"} and "law" in row.dims:
            provision = row_label  # a benefit named like a law ("Sygedagpenge")
        law = None
        if provision is None and info.counts is not None:
            return Missing("provision", f"no {info.counts} entry named for {measure}")
    elif law is None and of_provisions:
        law = _provision_law(provision_law, dims.get("period"))
        if law is None:
            return Missing("law", "no law area for the provision rows")
    elif law is None and "law" in context.unclear:
        why = "no law area: the caption or title names law areas but gives the table none, or"
        return Missing(
            "law", f"{why} the text naming it (the table's start or caption) was not found"
        )
    elif law is None and "law" in by_columns and column.kind != "total":
        return Missing("law", "other columns name their law area, this one none")
    elif law is None and law_by_rows and row.kind != "total":
        return Missing("law", "rows above name their law area by a group heading, this one none")
    elif law is None:
        law = reference.unprinted_law
    entity, period = dims.get("entity"), dims.get("period")
    if entity is None and "entity" in context.unclear:
        return Missing("entity", f"no entity: {_CONTINUED}")
    if entity is None:
        return Missing("entity", "no entity (municipality or the whole country)")
    code = None if entity == NATIONAL else int(entity)
    if period is None and "period" in context.disputed:
        why = "the text over the table and the heading or caption name different periods"
        return Missing("period", f"no period: {why}")
    if period is None and "period" in context.unclear:
        return Missing("period", f"no period: {_CONTINUED}")
    if period is None:
        return Missing("period", "no period")
    status, value = parsed.status, parsed.value
    if status is Status.NIL and law is not None and _before(reference, law, period):
        status, value = Status.NOT_APPLICABLE, None
    return Keyed(
        entity_scope=EntityScope.NATIONAL if code is None else EntityScope.MUNICIPALITY,
        municipality_code=code,
        municipality=None if code is None else reference.municipality_by_code[code].name,
        period=period,
        period_type=period_type(period),
        law_area=law,
        provision=provision,
        measure=measure,
        unit=info.unit,
        parsed=parsed,
        status=status,
        value=value,
    )


def _period(
    row: RowPlan,
    column: ColumnPlan,
    context: Context,
    *,
    year_by_column: bool = False,
    part_by_column: bool = False,
) -> str | Missing | None:
    """The cell's period: the row's (its own, else its groups'; a year under a group naming
    part of a year, or such a part under a year's group, joined), the column's and the
    context's, a part without its year ("-H1") joined to the one year given elsewhere; not
    to the context's when other columns name their years (``year_by_column``): this
    column's year was set over its neighbour only; nor, in a column naming no period beside
    columns naming quarters or months (``part_by_column``), the document heading's year."""
    own = row.dims.get("period") or row.carried.get("period")
    carried = row.carried.get("period")
    if own is not None and own.startswith("-") and carried and not carried.startswith("-"):
        own = combine(carried, own)  # "H1" rows under a year group
    elif own is not None and period_type(own) == "year" and carried and carried.startswith("-"):
        own = combine(own, carried)  # "2022" rows under an "H2" group
    given = [p for p in (own, column.dims.get("period")) if p]
    parts = [p for p in given if p.startswith("-")]
    whole = [p for p in given if not p.startswith("-")]
    if len(set(whole)) > 1:
        return Missing("period", f"period is {whole[0]} by the row and {whole[1]} by the column")
    if not parts and whole and context.grain is not None and period_type(whole[0]) == "year":
        why = f"the caption gives the table's periods by {context.grain}, the labels only the year"
        return Missing("period", why)
    outside = context.value("period")
    heading_year = outside is not None and period_type(outside) == "year"
    if not given and part_by_column and heading_year and context.dims["period"].source == "heading":
        # beside columns naming their quarters or months, a column naming none takes no year
        # from the document heading ("REALITETSBEHAN-" cut from its "K3 2020")
        return Missing("period", "the other columns name their periods, this one none")
    if (
        not parts
        and whole
        and outside
        and outside.startswith("-")
        and period_type(whole[0]) == "year"
    ):
        return combine(whole[0], outside)  # "2024" under a stub or caption "jan.-mar."
    if not parts:
        return whole[0] if whole else outside
    year = whole[0] if whole else context.value("period")
    if not whole and year_by_column and column.dims.get("period", "").startswith("-"):
        return Missing(
            "period", f"a {parts[0][1:]} without its year, where other columns name theirs"
        )
    if len(set(parts)) > 1 or year is None or period_type(year) != "year":
        return Missing("period", f"a {parts[0][1:]} without its year")
    return combine(year, parts[0])


def _measure(
    dims: dict[str, str], parsed: ParsedNumber, reference: Reference, *, share_by_sign: bool
) -> str | Missing:
    """The measure with its aspect applied. With ``share_by_sign`` (the row or column names
    the measure) a value printed with "%" under a count measure is its share; a count measure
    only the caption or title names is not a percentage's: another measure's header was
    lost ("Realitetsbehandlede sager …" over a page of "Omgjort, pct." rows)."""
    measure = dims.get("measure")
    if measure is None:
        return Missing("measure", "no measure")
    aspect = dims.get("aspect")
    info = reference.measure_by_code[measure]
    if aspect is None and parsed.percent_sign and info.unit != Unit.PERCENT and not share_by_sign:
        why = f"the caption's or title's {measure} is a count, the value a percentage"
        return Missing("measure", why)
    if aspect is None and parsed.percent_sign and info.unit != Unit.PERCENT and info.share:
        aspect = "share"  # "38 %" printed under a count measure is its share
    if aspect == "share" and info.unit != Unit.PERCENT:
        if info.share is None:
            return Missing("measure", f"{measure} has no share (percent) measure")
        return info.share
    if aspect == "count" and info.unit == Unit.PERCENT:
        return Missing("measure", f"{measure} is a percentage, the header says a count")
    return measure


def _either(dims: Mapping[str, str], row: RowPlan, reference: Reference) -> bool:
    """Whether a cell under a column naming both a count and a share may be either: its row
    names no aspect and no measure of its own, and its measure has both forms (a count with
    a share measure); a measure of one form only (persons, a rate) can be only that."""
    if "aspect" in dims or "measure" in {*row.dims, *row.carried} or "measure" not in dims:
        return False
    info = reference.measure_by_code[dims["measure"]]
    return info.unit != Unit.PERCENT and info.share is not None


def _provision_law(known: KnownProvision | None, period: str | None) -> str | None:
    """The law area of a known provision list, if the period lies within the list's years."""
    if known is None or period is None:
        return None
    if known.until is not None and int(period[:4]) > known.until:
        return None
    return known.law


def _before(reference: Reference, law: str, period: str) -> bool:
    """Whether ``period`` lies before the year law area ``law`` came into force."""
    first = reference.law_from_year.get(law)
    return first is not None and int(period[:4]) < first
