"""Dimensions a table leaves open where its context would fill them wrongly.

In: a table, its context and its row plans. Out: which dimensions the caption, title or
document heading must not give it (a page of a table not joined to its start; rows starting
inside a group whose header is on the page before; rows under a stub that lists outcomes,
starting blank), the rows whose cell in a label column listing a dimension names none, the
rows a group header naming a measure no longer covers, rows printed again under the same
group headers, and rows under an OCR'd group header that was misread.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from types import MappingProxyType

from extract.interpret.context import Context
from extract.interpret.plans import ALL_LAWS, AS_ABOVE, UNNAMED, UNREAD, RowPlan
from extract.interpret.reading import Reader, Reading
from extract.interpret.words import tokens
from extract.model import DocumentContext, TableCandidate, TableRow
from extract.normalise.numbers import read_cell

# Dimensions whose group headers a continued table may have lost.
_GROUPED = frozenset({"period", "entity", "law"})
# Dimensions a stub header or label column may say the row labels list.
_LISTED = frozenset({*_GROUPED, "measure"})
# Row plans that hold values keyed by the row (``RowPlan.kind``).
_VALUE_ROWS = ("member", "provision", "law")


def goes_on_from_before(
    table: TableCandidate, reader: Reader, around: Context, context: DocumentContext
) -> bool:
    """Whether the table may go on from one whose start, with the text that named it, was
    not joined to it: its caption or title says so ("Tabel 2 (fortsat)"); or it has no
    column header and a table of the document comes before it (the rest of a table printed
    without its header, whatever its first group row, taken for a title, names: "Hjemvisning
    LAS"); or it has no caption and no title that names anything or what the table lists,
    and either no column header or a table before it whose header it repeats (a page of a
    table not joined to its start; the first table of a document is the heading's, and so
    is a table under a header of its own after a table with another)."""
    texts = (table.caption or "", table.title or "")
    words = reader.vocabulary.words
    if any(token in words.continued for text in texts for token in tokens(text)):
        return True
    named = any(g.source in ("title", "caption") for g in around.dims.values())
    # a title saying what the table lists ("Antal fordelt på ydelse og kvartal") heads one
    named = named or bool(table.title and reader.read(table.title).axes)
    headers = any(" ".join(h).strip() for h in table.column_headers)
    after = context.tables_before > 0 and table.sheet is None
    if after and not headers:
        return True
    # the table before named another entity or period than this one has (the heading's,
    # unless it names its own): a page of it, its header misread, would take the heading's
    others = any(
        before not in (None, given.value if given else None)
        for before, given in (
            (context.entity_before, around.dims.get("entity")),
            (context.period_before, around.dims.get("period")),
        )
    )
    if after and not others and _other_stub(table.stub_header, context.stub_before):
        # a stub header sharing no word with the table before's: its own table (unless that
        # one named another entity than the heading's: a page of it, its header misread,
        # would take the heading's wrongly)
        after = False
    if after and _own_header(table.column_headers, context.headers_before, strict=others):
        # a header of its own, unlike the table before's: its own table (when the table
        # before named another entity than the heading's, a page of it not joined would
        # take the heading's: then only a header sharing no word with it but numbers)
        after = False
    return not (_captioning(table.caption, reader) or named) and (not headers or after)


def _captioning(caption: str | None, reader: Reader) -> bool:
    """Whether a caption heads a table: it names a measure, entity or period, or what the
    table lists, or starts "Tabel"; not a row's label taken for one ("Midlertidige
    forbrugsgoder - §113b", the end of a page's rows read under the table)."""
    if not caption:
        return False
    reading = reader.read(caption)
    named = reading.axes or reading.dims.keys() & {"measure", "entity", "period"}
    return bool(named) or caption.casefold().startswith(("tabel", "table"))


def _other_stub(stub: str, before: str) -> bool:
    """Whether two stub headers, both printed, share no word ("Ydelsestype" after
    "KVARTAL"): a page of a table repeating its header repeats its stub header too."""
    own, seen = set(tokens(stub)), set(tokens(before))
    return bool(own and seen) and not own & seen


def _own_header(
    headers: Sequence[tuple[str, ...]], before: Sequence[tuple[str, ...]], *, strict: bool
) -> bool:
    """Whether a header is not the one before repeated, however read: fewer than half of
    its words are words of the header before (a header read over other columns on another
    page still shares them: "Realitetsbeh. sager", "Stadfæstede sager", …); ``strict``:
    none is, numbers aside ("Nov. 2023 / Antal personer" after "2023 / 3. kvt"), and both
    have words but numbers."""
    own = [t for path in headers for level in path for t in tokens(level)]
    seen = {t for path in before for level in path for t in tokens(level)}
    if not own or not seen:
        return False
    if strict:  # (a header before of numbers alone, "2024", tells nothing)
        words = [t for t in own if not any(ch.isdigit() for ch in t)]
        known = [t for t in seen if not any(ch.isdigit() for ch in t)]
        return bool(words and known) and not any(t in seen for t in words)
    return 2 * sum(1 for t in own if t in seen) < len(own)


def starts_inside(plans: Sequence[RowPlan], column_dims: Collection[str]) -> set[str]:
    """The period, entity, law area or measure the table's first value rows lack where group
    headers further down give it to the rows under them (and no column gives it): the table
    starts inside a group whose header is not in it. Such a table continues one whose start,
    with the text that named it, was not found, so the document heading's entity and period
    are not taken for it, and its law area is not "all law areas". Leading rows that name
    nothing (a footnote mark under the header read as a row) start no group; a measure's
    group only when the rows under the measure headers list the leading rows again (the law
    areas of one outcome, then of the next)."""
    headers = [at for at, p in enumerate(plans) if p.kind == "header"]
    if not headers:
        return set()
    grouped = {d for p in plans if p.kind == "header" for d in p.dims} & _LISTED - set(column_dims)
    lead = [
        p
        for p in plans[: headers[0]]
        if p.kind in _VALUE_ROWS and (p.dims or p.kind == "provision")
    ]
    later = [dict(p.dims) for p in plans[headers[0] :] if p.kind in _VALUE_ROWS and p.dims]
    if not any(dict(p.dims) in later for p in lead):
        grouped.discard("measure")  # a measure's groups list other rows than the first ones
    return {d for p in lead for d in grouped if d not in p.dims}


def listed_above(
    stub: str, rows: Sequence[TableRow], plans: Sequence[RowPlan], reader: Reader
) -> set[str]:
    """The dimensions the stub header says the row labels list ("Udfald": outcomes) when the
    first value row's label is blank and no row above it names them: the rows go on from a
    group begun before the table (on the page before), so the caption's or heading's value
    is not theirs. So too whatever a stub listing several things ("udfald sagsemne",
    "Myndighed Lovområde") lists that no row names: its column is blank all down the page
    (the rows go on under an outcome or authority printed on the page before)."""
    named = reader.read(stub).axes if stub else frozenset()
    axes = named & _LISTED
    first = next((i for i, row in enumerate(rows) if row.has_values), None)
    if not axes or first is None:
        return set()
    lost = set()
    listed = {d for p in plans for d in p.dims}
    if len(named) > 1 and len(listed) < len(axes):
        # a column the rows leave blank, not one holding other names than the stub's word
        # says ("Område" over law areas, "Udfald" over "Antal" and "Procent"); not the law
        # area: "lovområde/bestemmelse" lists provisions
        lost = {d for d in axes - {"law"} if d not in listed}
    if rows[first].label.strip():
        return lost
    return lost | {d for d in axes if not any(d in p.dims for p in plans[:first])}


def unnamed_in_label_columns(
    table: TableCandidate, labelling: Sequence[int], plans: Sequence[RowPlan], reader: Reader
) -> list[RowPlan]:
    """The plans with the value rows whose cell in a label column listing a dimension (its
    header one axis word: "Udfald" over outcomes) names no value of it ("Antal") marked
    ``UNNAMED`` for it: the caption's measure is not theirs. A total there ("I alt" in a
    column listing law areas) carries ``ALL_LAWS``."""
    out = list(plans)
    for c in labelling:
        axes = reader.read(" ".join(table.column_headers[c])).axes
        # one axis only: "Lovområde/bestemmelse" lists laws and their provisions both
        for dim in axes & _LISTED if len(axes) == 1 else ():
            for at, plan in enumerate(plans):
                cell = table.rows[plan.index].cells[c]
                if (
                    plan.kind in _VALUE_ROWS
                    and cell is not None
                    and cell.text.strip()
                    and dim not in {*plan.dims, *plan.carried}
                    and dim not in (reading := reader.read(cell.text)).dims
                ):
                    named = ALL_LAWS if _all_laws(dim, reading) else UNNAMED
                    carried = MappingProxyType({**out[at].carried, dim: named})
                    out[at] = replace(out[at], carried=carried)
    return out


def _all_laws(dim: str, reading: Reading) -> bool:
    """True for a total alone ("Hovedtotal", "I alt") in a column listing law areas: all of
    them, ``ALL_LAWS`` (law_areas.yaml)."""
    return dim == "law" and reading.total and not reading.dims and reading.resolved


def lost_by_groups(plans: Sequence[RowPlan], column_dims: Collection[str]) -> list[RowPlan]:
    """The plans with the value rows that come after a group header naming a measure and
    more, and carry none (a later group header naming part of the rest ended that group and
    named no measure) nor name one, when no column names one: the measure varies by group,
    so the caption's is not theirs. After a header naming a measure and a law area
    ("Hjemviste sager Boligstøtteloven": an outer stub column naming the measure on its
    group's first row only), the rows under headers naming only a law area ("Lov om aktiv
    socialpolitik") take that measure; otherwise they are marked ``AS_ABOVE`` (whether the
    measure above is meant for them is not known)."""
    if "measure" in column_dims:
        return list(plans)
    out = list(plans)
    grouped: set[str] = set()  # what the last group header naming a measure named beside it
    measure = AS_ABOVE
    for at, plan in enumerate(plans):
        if plan.kind == "header" and "measure" in plan.dims:
            grouped = set(plan.dims) - {"measure"} or {"measure"}
            # "Stadfæstede Andre love": an outer column naming the measure on its first
            # row, the law areas under it in the inner one (a count or share word beside
            # the measure aside: "Antal stadfæstede Boligstøtteloven")
            measure = plan.dims["measure"] if grouped - {"aspect"} == {"law"} else AS_ABOVE
        elif plan.kind == "header":
            # a header naming part of that header's names ends its measure too; one naming
            # other things (a period over it all) starts a new section
            grouped = grouped if grouped & set(plan.dims) else set()
            if set(plan.dims) != {"law"}:
                measure = AS_ABOVE
        elif (
            grouped
            and plan.kind in _VALUE_ROWS
            and "measure" not in plan.dims
            and "measure" not in plan.carried
        ):
            out[at] = replace(plan, carried=MappingProxyType({**plan.carried, "measure": measure}))
    return out


def repeated_runs(plans: Sequence[RowPlan], rows: Sequence[TableRow]) -> list[RowPlan]:
    """The plans with the value rows from the first one that repeats a row above it under
    the same group headers (same label, same names carried; no group header between) up to
    the next group header marked unresolved: the list printed again under a group header
    that was not found (a line lost at a page break), so what sets it apart is not known; a
    row repeated right under itself is marked too (the rows set apart by a column that was
    not understood: "Langeland | 2019", "Langeland | 2020")."""
    out = list(plans)
    note = "the rows above printed again under the same group headers (one lost)"
    seen: set[tuple[object, ...]] = set()
    lost = False
    last: tuple[int, tuple[object, ...]] | None = None  # the value row before, and its key
    for at, plan in enumerate(plans):
        if plan.kind == "header":
            seen, lost, last = set(), False, None
            continue
        if plan.kind not in (*_VALUE_ROWS, "total"):
            continue
        key = (
            " ".join(rows[plan.index].label.split()).casefold(),
            tuple(sorted(plan.carried.items())),
            tuple(sorted(plan.dims.items())),
        )
        if last is not None and last[1] == key:
            # the same row twice in a row: what sets them apart (a column not understood)
            # is not known for the first either
            out[last[0]] = replace(plans[last[0]], kind="unresolved", note=_TWICE)
        lost = lost or key in seen
        seen.add(key)
        last = (at, key)
        if lost:
            out[at] = replace(plan, kind="unresolved", note=note)
    return out


_TWICE = "the row below has the same label and group headers: what sets them apart is not known"


def after_unread_rows(plans: Sequence[RowPlan], rows: Sequence[TableRow]) -> list[RowPlan]:
    """The plans with the value rows marked unresolved from the first one, after an OCR'd
    row without values that says nothing understood ("202394" for "2023Q4"), whose label
    already stood under the same group header, up to the next group header: that row was
    the next group's header, misread, and the rows under it would take the group above's."""
    out = list(plans)
    note = "a row not understood stands where a group header would, and the rows under it"
    note += " repeat rows above: what sets them apart is not known"
    seen: set[str] = set()
    unread_before = lost = False
    for at, plan in enumerate(plans):
        row = rows[plan.index]
        if plan.kind == "header":
            seen, unread_before, lost = set(), False, False
            continue
        if plan.kind == "ignored":
            unread_before = unread_before or (
                row.label_confidence is not None and any(ch.isalnum() for ch in row.label)
            )
            continue
        if plan.kind not in (*_VALUE_ROWS, "total"):
            continue
        label = " ".join(row.label.split()).casefold()
        lost = lost or (unread_before and label in seen)
        seen.add(label)
        if lost:
            out[at] = replace(plan, kind="unresolved", note=note)
    return out


def unlabelled_ocr_rows(plans: Sequence[RowPlan], rows: Sequence[TableRow]) -> list[RowPlan]:
    """The plans with each OCR'd value row whose label was not read (no letter or digit in
    it) marked unresolved, in a table whose other value rows have labels: its label was
    lost ("3)" of "(undtaget § 11, stk. 3)" ending the row above), and the row would take
    its group header's law area as a total of it."""
    valued = [p.kind in (*_VALUE_ROWS, "total") for p in plans]
    if not any(v and _read(rows[p.index].label) for p, v in zip(plans, valued, strict=True)):
        return list(plans)
    note = "its row label was not read"
    return [
        replace(plan, kind="unresolved", note=note)
        if value and not _read(rows[plan.index].label) and rows[plan.index].ocr_cells
        else plan
        for plan, value in zip(plans, valued, strict=True)
    ]


def nameless_law_rows(plans: Sequence[RowPlan]) -> list[RowPlan]:
    """The plans with each member row that names nothing itself and carries no law area
    from a group header marked unresolved, in a table whose other value rows name law
    areas: its label was not understood ("efter", the middle of a wrapped label), and the
    table's default, all law areas, is not its."""
    if not any(p.kind in _VALUE_ROWS and "law" in p.dims for p in plans):
        return list(plans)
    note = "its label names nothing, where the other rows name law areas"
    return [
        replace(plan, kind="unresolved", note=note)
        if plan.kind == "member" and not plan.dims and "law" not in plan.carried
        else plan
        for plan in plans
    ]


def _read(label: str) -> bool:
    return any(ch.isalnum() for ch in label)


def cut_group_headers(
    plans: Sequence[RowPlan], rows: Sequence[TableRow], reader: Reader
) -> list[RowPlan]:
    """The plans with the value rows under a group header cut over the value columns ("Lov
    om højeste, mellemste" | "førtidspension m.fl.": no number, words in the cells, its
    label an axis word's) marked ``UNREAD`` for what the header names, up to the next group
    header: the group above it ended there, what began is not known."""
    out = list(plans)
    cut: set[str] = set()
    for at, plan in enumerate(plans):
        row = rows[plan.index]
        if plan.kind == "header":
            cut = set()
            continue
        if _cut_header(row, reader):
            cut = set(reader.read(row.label).axes) & _GROUPED
            continue
        if cut and plan.kind in (*_VALUE_ROWS, "total"):
            marks = {d: UNREAD for d in cut if d not in plan.dims}
            if marks:
                out[at] = replace(plan, carried=MappingProxyType({**plan.carried, **marks}))
    return out


def _cut_header(row: TableRow, reader: Reader) -> bool:
    """Whether a row is a group header whose text ran on into the value cells: words in a
    cell, no number in any, and its label naming an axis it gives no value of."""
    texts = [c.text for c in row.cells if c is not None and c.text.strip()]
    if not texts or any(read_cell(c).value is not None for c in row.cells if c is not None):
        return False
    if not any(ch.isalpha() for t in texts for ch in t):
        return False
    label = reader.read(row.label)
    return bool(set(label.axes) & _GROUPED - set(label.dims))
