"""Interpreting one table: every header and label read from the vocabulary, every cell keyed.

In: a detected ``TableCandidate``, the document context and an ``Interpreter`` (vocabulary,
rules, reference data). Out: an ``Interpretation``: the observations (one per value cell whose
key is complete and unambiguous, dimensions already as codes), the findings (what did not
resolve, with the nearest vocabulary entries), and for ``--explain`` what each label was read
as. Orientation is declared nowhere: it follows from what the labels resolve to.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from extract.interpret.by_sums import laws_by_sums
from extract.interpret.columns import (
    ColumnPlan,
    finer_in_rows,
    headers_beside_values,
    lone_shares,
    misplaced_shares,
    out_of_order,
    paired_shares,
    plan_columns,
)
from extract.interpret.context import Context, Given, table_context
from extract.interpret.counted import counted_measure
from extract.interpret.fragments import (
    connectives_out_of_cells,
    rejoined_period_labels,
    rejoined_split_labels,
)
from extract.interpret.header_pieces import cut_shared_levels
from extract.interpret.label_columns import label_columns, nested_label_rows, row_text
from extract.interpret.nesting import named_above
from extract.interpret.observations import Keying, table_observations
from extract.interpret.open_dims import (
    after_unread_rows,
    cut_group_headers,
    goes_on_from_before,
    listed_above,
    lost_by_groups,
    nameless_law_rows,
    repeated_runs,
    starts_inside,
    unlabelled_ocr_rows,
    unnamed_in_label_columns,
)
from extract.interpret.overrides import Override, applicable_rules, override, rule_defaults
from extract.interpret.paths import read_path
from extract.interpret.plans import RowPlan
from extract.interpret.reading import Reader, Reading, with_lost_part
from extract.interpret.rows import plan_rows
from extract.interpret.rulebook import Rule, Rulebook
from extract.interpret.table_shape import (
    before_inner_caption,
    header_printed_as_row,
    without_header_lines,
)
from extract.interpret.views import LabelView, label_views
from extract.interpret.words import WordBook, tokens
from extract.model import DocumentContext, Finding, Observation, TableCandidate

VOCABULARY_RULE = "vocabulary"
# A label's reading, and the rule line that gave it (None: the vocabulary's).
_Label = tuple[Reading, Override | None]


@dataclass(frozen=True)
class Interpretation:
    """What the interpreter made of one table. ``statistics`` is False when nothing in or
    around the table names a measure (it is not read as ankestatistik at all); ``named`` then
    lists the dimensions its labels do name. ``rule_id`` is the rule that shaped the reading,
    or "vocabulary". ``lacking``: dimensions some cells had no value for."""

    table_id: str
    statistics: bool
    rule_id: str
    context: Context
    labels: tuple[LabelView, ...]
    observations: tuple[Observation, ...]
    findings: tuple[Finding, ...]
    lacking: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


class Interpreter:
    """Reads tables with one rulebook (its vocabulary, rules and reference data)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.reader = Reader(rulebook.vocabulary)

    def interpret(
        self, table: TableCandidate, context: DocumentContext, *, keep_labels: bool = True
    ) -> Interpretation:
        """The interpretation of one table; its ``labels`` (what each label was read as) are
        left empty unless ``keep_labels`` (a table of a million rows has a million)."""
        book, reader = self.rulebook, self.reader
        table = header_printed_as_row(table, reader)
        rows_read = without_header_lines(connectives_out_of_cells(table.rows), reader)
        rows_read = rejoined_split_labels(rejoined_period_labels(rows_read, reader), reader)
        table, cut = before_inner_caption(replace(table, rows=rows_read))
        rules = applicable_rules(book.rules, table, context.document_type)
        defaults = rule_defaults(rules, table, context, reader)
        around = table_context(
            reader, caption=table.caption, title=_own_title(table, reader), heading=context.heading,
            stub=table.stub_header, defaults=defaults, sheet=table.sheet is not None,
        )  # fmt: skip
        used = [rule for _, _, rule in defaults]
        table = replace(table, column_headers=cut_shared_levels(table.column_headers, reader))
        width = len(table.column_headers)
        columns = [_column(reader, rules, table.column_headers[i]) for i in range(width)]
        labelling = label_columns(table, reader)
        printed = table.rows  # the row labels as printed, before label columns join them
        table = nested_label_rows(table, labelling)
        rows = [
            _label(reader, rules, row_text(table, i, labelling), rows=True)
            for i in range(len(table.rows))
        ]
        used += [found.rule_id for _, found in (*columns, *rows) if found is not None]
        rule_id = used[-1] if used else VOCABULARY_RULE
        stub_measure = around.dims.get("measure")
        heads_provisions = _heads_provisions([reading for reading, _ in rows])
        if (
            stub_measure is not None and stub_measure.source == "stub" and heads_provisions
        ):  # "Afgørelse" over outcomes heading their provisions ("Realitetsbeh. i alt",
            # "Børn - samvær - § 71"; law groups between them): it names the column of
            # outcomes, no measure (provisions whose outcome was lost have none)
            around = around.leaving_open({"measure"}, unclear=False)
        titled = (given := around.dims.get("measure")) is not None and given.source == "title"
        labels_read = [reading for reading, _ in (*columns, *rows)]
        counted = None if titled else counted_measure(book, table, labels_read, reader)
        if counted is not None:  # "Antal" of rows that are benefits: persons
            dims = {**around.dims, "measure": Given(counted, "rows", "the rows it counts")}
            around = replace(around, dims=dims)
        if not _is_statistics(around, columns, rows):
            named = {d for reading, _ in (*columns, *rows) for d in reading.dims}
            return Interpretation(
                table.table_id, False, rule_id, around, (), (), (), named=tuple(sorted(named))
            )
        identities = book.reference.identities
        column_plans = _column_plans(columns, plan_columns([r for r, _ in columns], identities))
        disputed = any(c.startswith("measure ") for r, _ in columns for c in r.conflicts)
        column_plans = paired_shares(out_of_order(column_plans))
        column_plans = lone_shares(misplaced_shares(column_plans), disputed)
        column_plans = finer_in_rows(column_plans, table.rows, book.vocabulary.periods)
        labels = [table.column_label(i) for i in range(width)]
        column_plans = headers_beside_values(column_plans, table.rows, labels)
        column_plans = [
            replace(p, kind="label", note="its cells label the rows") if p.index in labelling else p
            for p in column_plans
        ]
        around = _listed_by_unread_columns(around, column_plans, columns)
        # a stub header names what the columns leave open ("Pct." over outcomes); a measure
        # or aspect they name themselves is theirs, a measure saying its unit ("stadfæstet i
        # pct. 2024" run into the stub header). A period in the corner may complete theirs.
        named = {d for p in column_plans if p.kind == "member" for d in p.dims}
        named |= {"aspect"} if "measure" in named else set()
        stub = {d for d, g in around.dims.items() if g.source == "stub"} - {"period"}
        if stubbed := stub & named:
            around = around.leaving_open(stubbed, unclear=False)
        row_plans = plan_rows(
            table.rows,
            [reading for reading, _ in rows],
            provisions_expected="provision" in around.axes,
            measure_has_law=_measure_has_law(
                book, around, column_plans, _row_measures(table, rows)
            ),
            known=book.vocabulary.provisions,
            identities=identities,
            words=book.vocabulary.words,
            column_dims={d for p in column_plans if p.kind != "label" for d in p.dims},
            context_law=around.value("law"),
        )
        row_plans = [_row_override(plan, rows[plan.index][1]) for plan in row_plans]
        row_plans, named_by = named_above(
            row_plans, around.axes, _of_which(table, book.vocabulary.words)
        )
        row_plans = laws_by_sums(row_plans, table.rows, named_by)
        if table.rows is printed:  # label columns not nested: each row's cell is in its column
            row_plans = unnamed_in_label_columns(table, labelling, row_plans, reader)
        column_dims = {d for p in column_plans for d in p.dims}
        row_plans = repeated_runs(lost_by_groups(row_plans, column_dims), table.rows)
        row_plans = cut_group_headers(row_plans, table.rows, reader)
        row_plans = after_unread_rows(row_plans, table.rows)
        row_plans = nameless_law_rows(unlabelled_ocr_rows(row_plans, table.rows))
        from_heading = {d for d, g in around.dims.items() if g.source == "heading"}
        inside = starts_inside(row_plans, column_dims)
        continued = goes_on_from_before(table, reader, around, context)
        if from_heading and (continued or inside):
            around = around.leaving_open(from_heading)
        headless = not any(" ".join(h).strip() for h in table.column_headers)
        lost_caption = (bool(cut) or headless) and table.caption is None
        if (continued or lost_caption or "law" in inside) and "law" not in around.dims:
            # the start of the table, its group header, its column header or a caption
            # printed under it (taken into its rows) may have named the law area: not "all
            # law areas" by default
            around = around.leaving_open({"law"})
        lost = listed_above(table.stub_header, printed, row_plans, reader)
        if lost := lost & set(around.dims) - column_dims:
            around = around.leaving_open(lost)
        views, findings = label_views(
            table,
            [(plan, columns[plan.index][0]) for plan in column_plans],
            [(plan, rows[plan.index][0]) for plan in row_plans],
            book.vocabulary,
            keep_views=keep_labels,
        )
        overrides = tuple(override for rule in rules for override in rule.cells)
        keying = Keying(around, book.vocabulary, rule_id, overrides)
        values = table_observations(table, column_plans, row_plans, keying)
        return Interpretation(
            table.table_id,
            True,
            rule_id,
            around,
            tuple(views),
            tuple(values.observations),
            tuple(findings + values.findings + cut),
            values.lacking,
        )


def _own_title(table: TableCandidate, reader: Reader) -> str | None:
    """The table's title, unless the table has no column header and the title is set like
    one: every word capitalised, no running words, naming what columns list ("MYNDIGHED
    LOVOMRÅDE 2025 Landsplan Stadfæstet": the header read as the title, its lines perhaps
    not all; what it names is not the table's, left open)."""
    headless = not any(" ".join(h).strip() for h in table.column_headers)
    if not (table.title and headless):
        return table.title
    words = [w for w in table.title.split() if any(ch.isalpha() for ch in w)]
    header_like = all(w[:1].isupper() for w in words)
    return None if header_like and reader.read(table.title).axes else table.title


def _label(reader: Reader, rules: Sequence[Rule], text: str, *, rows: bool) -> _Label:
    """The reading of one label: a rule line's, if one matches, else the vocabulary's."""
    found = override(rules, text, rows=rows, reader=reader) if rules else None
    return (found.reading, found) if found is not None else (reader.read(text), None)


def _column(reader: Reader, rules: Sequence[Rule], levels: Sequence[str]) -> _Label:
    """The reading of one column's header path: a rule line's, if one matches, else the
    vocabulary's (``read_path``)."""
    text = " / ".join(level for level in levels if level)
    found = override(rules, text, rows=False, reader=reader) if rules else None
    if found is not None:
        return found.reading, found
    return with_lost_part(read_path(reader, levels), reader.vocabulary.words.grains), None


def _of_which(table: TableCandidate, words: WordBook) -> set[int]:
    """The rows whose label begins with a word saying "of which" ("Heraf:", "Heraf
    realitetsbehandlede"): they and the rows under them are parts of the row above."""
    return {
        i
        for i, row in enumerate(table.rows)
        if (first := tokens(row.label)[:1]) and first[0].rstrip(":") in words.of_which
    }


def _is_statistics(context: Context, columns: Sequence[_Label], rows: Sequence[_Label]) -> bool:
    """Whether the table's labels, caption or title name a measure."""
    given = context.dims.get("measure")
    if given is not None and given.source != "heading":
        return True
    return any("measure" in reading.dims for reading, _ in (*columns, *rows))


def _column_plans(columns: Sequence[_Label], plans: list[ColumnPlan]) -> list[ColumnPlan]:
    """The plans with the roles rule lines give."""
    return [
        replace(plan, kind="total") if found is not None and found.role == "total" else plan
        for plan, (_, found) in zip(plans, columns, strict=True)
    ]


def _row_measures(table: TableCandidate, rows: Sequence[_Label]) -> set[str]:
    """The measures the table's group header rows name ("Antal personer" over the benefits)."""
    return {
        reading.dims["measure"]
        for (reading, _), row in zip(rows, table.rows, strict=True)
        if not row.has_values and "measure" in reading.dims
    }


def _measure_has_law(
    book: Rulebook, context: Context, columns: Sequence[ColumnPlan], in_rows: Collection[str]
) -> bool:
    """Whether the table's measures (its columns' and group headers', else its context's)
    have law areas."""
    measures = {p.dims["measure"] for p in columns if "measure" in p.dims} | set(in_rows)
    if not measures and (given := context.value("measure")):
        measures = {given}
    by_code = book.reference.measure_by_code
    return not measures or any(by_code[m].has_law for m in measures if m in by_code)


def _row_override(plan: RowPlan, found: Override | None) -> RowPlan:
    """The plan with what a rule line says of the row: skip it, a provision, a total."""
    if found is None:
        return plan
    if found.skip is not None:
        return replace(plan, kind="skip", note=found.skip)
    if found.provision is not None:
        plan = replace(plan, kind="provision")
    if found.role == "total":
        plan = replace(plan, kind="total")
    return plan


def _listed_by_unread_columns(
    around: Context, plans: Sequence[ColumnPlan], columns: Sequence[_Label]
) -> Context:
    """The context without the dimensions a column not understood names as what it lists
    ("… År Realitetsbehandlet" over years: the table lists its periods there) and no column
    gives: the caption's, title's or heading's one value is not each row's."""
    listed = {
        axis for plan in plans if plan.kind == "unresolved" for axis in columns[plan.index][0].axes
    }
    given = {d for plan in plans if plan.kind in ("member", "total") for d in plan.dims}
    if lost := listed & set(around.dims) - given:
        return around.leaving_open(lost)
    return around


def _heads_provisions(readings: Sequence[Reading]) -> bool:
    """True when a row naming an outcome (a known measure) has a provision's row under it,
    law groups between them allowed: the rows list outcomes, each over its provisions (an
    outcome's row, no provision naming one: "Bortfald af …")."""
    under = False
    for reading in readings:
        if "measure" in reading.dims and not reading.unknown:
            under = True
        elif under and reading.unknown and "measure" not in reading.dims:
            return True
    return False
