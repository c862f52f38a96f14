"""Interpreting one table: every header and label read from the vocabulary, every cell keyed.

In: a detected ``TableCandidate``, the document context and an ``Interpreter`` (vocabulary,
rules, reference data). Out: an ``Interpretation``: the observations (one per value cell whose
key is complete and unambiguous, dimensions already as codes), the findings (per table, what
did not resolve and the nearest vocabulary entries), and for ``--explain`` what each label was
read as. Orientation is not declared anywhere: it follows from what the labels resolve to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extract.interpret.cells import Keyed, Missing, key_cell
from extract.interpret.columns import ColumnPlan, plan_columns
from extract.interpret.context import Context, table_context
from extract.interpret.overrides import Override, applicable_rules, override, rule_defaults
from extract.interpret.reading import Reader, Reading
from extract.interpret.rows import RowPlan, plan_rows
from extract.interpret.vocabulary import KnownProvision
from extract.model import Cell, DocumentContext, Finding, Observation, TableCandidate
from extract.normalise import label_key
from extract.rulebook import Rulebook

VOCABULARY_RULE = "vocabulary"


@dataclass(frozen=True, slots=True)
class LabelView:
    """One header or label as read, for --explain: where, the text, the reading, the role
    the table gave it, and a note (why not resolved, "did you mean")."""

    where: str
    text: str
    reading: str
    role: str
    note: str = ""


@dataclass(frozen=True)
class Interpretation:
    """What the interpreter made of one table. ``statistics`` is False when nothing in or
    around the table names a measure (it is not read as ankestatistik at all)."""

    table_id: str
    statistics: bool
    rule_id: str
    context: Context
    labels: tuple[LabelView, ...]
    observations: tuple[Observation, ...]
    findings: tuple[Finding, ...]


class Interpreter:
    """Reads tables with one rulebook (its vocabulary, rules and reference data)."""

    def __init__(self, rulebook: Rulebook) -> None:
        self.rulebook = rulebook
        self.reader = Reader(rulebook.vocabulary)

    def interpret(self, table: TableCandidate, context: DocumentContext) -> Interpretation:
        """The interpretation of one table."""
        return _TableRun(self, table, context).run()


class _TableRun:
    def __init__(self, owner: Interpreter, table: TableCandidate, doc: DocumentContext) -> None:
        self.reader = owner.reader
        self.book = owner.rulebook
        self.table = table
        self.rules = applicable_rules(owner.rulebook.rules, table, doc.document_type)
        defaults = rule_defaults(self.rules, table, doc, self.reader)
        self.context = table_context(
            self.reader,
            caption=table.caption,
            title=table.title,
            heading=doc.heading,
            defaults=defaults,
        )
        self.used_rules: list[str] = [rule for _, _, rule in defaults]
        self.findings: list[Finding] = []
        self.labels: list[LabelView] = []

    def run(self) -> Interpretation:
        table = self.table
        columns = [self._label(table.column_label(i), rows=False) for i in range(self._width())]
        rows = [self._label(row.label, rows=True) for row in table.rows]
        stub = self.reader.read(table.stub_header) if table.stub_header else Reading("")
        if not self._is_statistics(columns, rows):
            return self._result(False, ())
        identities = self.book.reference.identities
        column_plans = self._column_plans(columns, identities)
        measure_has_law = self._measure_has_law(column_plans)
        row_plans = plan_rows(
            table.rows,
            [reading for reading, _ in rows],
            provisions_expected="provision" in self.context.axes | stub.axes,
            measure_has_law=measure_has_law,
            known=self.book.vocabulary.provisions,
            identities=identities,
        )
        row_plans = [self._row_override(plan, rows[plan.index][1]) for plan in row_plans]
        self._views(columns, column_plans, rows, row_plans)
        observations = self._cells(column_plans, row_plans)
        return self._result(True, observations)

    def _width(self) -> int:
        return len(self.table.column_headers)

    def _label(self, text: str, *, rows: bool) -> tuple[Reading, Override | None]:
        found = override(self.rules, text, rows=rows, reader=self.reader) if self.rules else None
        if found is not None:
            self.used_rules.append(found.rule_id)
            return found.reading, found
        return self.reader.read(text), None

    def _is_statistics(
        self, columns: Sequence[tuple[Reading, Override | None]], rows: Sequence[tuple[Reading, Override | None]]
    ) -> bool:
        """Whether anything in or about the table names a measure."""
        given = self.context.dims.get("measure")
        if given is not None and given.source != "heading":
            return True
        return any("measure" in r.dims for r, _ in (*columns, *rows))

    def _column_plans(self, columns, identities) -> list[ColumnPlan]:  # type: ignore[no-untyped-def]
        plans = plan_columns([reading for reading, _ in columns], identities)
        out = []
        for plan, (_, found) in zip(plans, columns, strict=True):
            if found is not None and found.role == "total":
                plan = replace(plan, kind="total")
            out.append(plan)
        return out

    def _measure_has_law(self, columns: Sequence[ColumnPlan]) -> bool:
        measures = {p.dims["measure"] for p in columns if "measure" in p.dims}
        if not measures and self.context.value("measure"):
            measures = {self.context.value("measure") or ""}
        by_code = self.book.reference.measure_by_code
        return not measures or any(by_code[m].has_law for m in measures if m in by_code)

    def _row_override(self, plan: RowPlan, found: Override | None) -> RowPlan:
        if found is None:
            return plan
        if found.skip is not None:
            return replace(plan, kind="skip", note=found.skip)
        if found.provision is not None:
            plan = replace(plan, kind="provision")
        if found.role == "total":
            plan = replace(plan, kind="total")
        return plan

    def _cells(self, columns: list[ColumnPlan], rows: list[RowPlan]) -> list[Observation]:
        table = self.table
        known = self._provision_list(rows)
        missing: Counter[tuple[str, str]] = Counter()
        keyed: list[tuple[Observation, tuple[str, ...]]] = []
        for plan in rows:
            row = table.rows[plan.index]
            if plan.kind not in ("member", "provision", "law", "total"):
                continue
            for column in columns:
                if column.kind not in ("member", "total"):
                    continue
                cell = row.cells[column.index]
                if cell is None:
                    scanned = any(c is not None and c.ocr_confidence is not None for c in row.cells)
                    cell = Cell(text="", page=row.page, ocr_confidence=0.0 if scanned else None)
                found = key_cell(cell, column, plan, row.label, self.context, self.book.reference, known)
                if isinstance(found, Missing):
                    missing[(found.what, found.why)] += 1
                    continue
                observation = self._observation(plan, column, cell, found)
                keyed.append((observation, _key(observation)))
        self._missing_findings(missing)
        return self._without_duplicates(keyed)

    def _provision_list(self, rows: Sequence[RowPlan]) -> KnownProvision | None:
        """The known provision list most provision rows come from, if they agree on a law."""
        labels = [self.table.rows[p.index].label for p in rows if p.kind == "provision"]
        known = [
            found
            for label in labels
            if (found := self.book.vocabulary.provisions.get(label_key(label))) is not None
        ]
        laws = {(k.law, k.until) for k in known}
        if not labels or 2 * len(known) < len(labels) or len(laws) != 1:
            return None
        return known[0]

    def _observation(self, plan: RowPlan, column: ColumnPlan, cell: Cell, key: Keyed) -> Observation:
        table = self.table
        row = table.rows[plan.index]
        row_key = " > ".join((*plan.carried_labels, row.label))
        header_repairs = table.header_repairs[column.index] if table.header_repairs else ()
        repairs = (*row.label_repairs, *header_repairs)
        return Observation(
            table_id=table.table_id,
            table_title=table.caption or _short(table.title),
            rule_id=self._rule_id(),
            row_index=plan.index,
            row_key=row_key,
            column_key=" / ".join(table.column_headers[column.index]),
            row_label=row.label,
            column_label=table.column_label(column.index),
            cell=cell,
            entity=None,
            period=key.period,
            law_label=_law_label(plan, column, table) if key.law_area else None,
            provision=key.provision,
            measure=key.measure,
            unit=key.unit,
            value=key.value,
            status=key.status,
            flags=key.parsed.flags,
            row_role=plan.role,
            column_role=column.role,
            group_row=plan.group_row,
            decimals=key.parsed.decimals,
            label_confidence=row.label_confidence,
            label_repairs=repairs,
            entity_scope=key.entity_scope,
            municipality_code=key.municipality_code,
            municipality=key.municipality,
            period_type=key.period_type,
            law_area=key.law_area,
        )

    def _rule_id(self) -> str:
        return self.used_rules[-1] if self.used_rules else VOCABULARY_RULE

    def _without_duplicates(
        self, keyed: list[tuple[Observation, tuple[str, ...]]]
    ) -> list[Observation]:
        """Observations whose key no other cell of the table has; the others reported."""
        counts = Counter(key for _, key in keyed)
        for key, count in counts.items():
            if count > 1:
                cells = [o for o, k in keyed if k == key]
                where = "; ".join(f"row '{o.row_label}', column '{o.column_label}'" for o in cells[:3])
                self._finding(
                    "ambiguous_key",
                    f"{count} cells read as the same value ({_describe(key)}): {where}; "
                    "none emitted",
                    page=cells[0].cell.page,
                )
        return [o for o, k in keyed if counts[k] == 1]

    def _missing_findings(self, missing: Counter[tuple[str, str]]) -> None:
        for (what, why), count in sorted(missing.items()):
            self._finding("missing_dimension", f"{count} values not emitted: {why}")

    def _views(self, columns, column_plans, rows, row_plans) -> None:  # type: ignore[no-untyped-def]
        vocabulary = self.book.vocabulary
        for plan, (reading, _) in zip(column_plans, columns, strict=True):
            label = self.table.column_label(plan.index)
            note = plan.note
            if plan.kind == "unresolved":
                filled = sum(1 for r in self.table.rows if (c := r.cells[plan.index]) and c.text.strip())
                near = vocabulary.nearest(label)
                hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
                self._finding(
                    "unresolved_label",
                    f"column '{label}' ({filled} values) not read: {plan.note}{hint}",
                )
                note = plan.note + hint
            elif plan.kind == "skip":
                self._finding("skipped_column", f"column '{label}' not emitted: {plan.note}", "info")
            self.labels.append(LabelView(f"column {plan.index + 1}", label, reading.describe(), plan.kind, note))
        for plan, (reading, _) in zip(row_plans, rows, strict=True):
            row = self.table.rows[plan.index]
            note = plan.note
            values = ", ".join(c.text.strip() for c in row.cells if c is not None and c.text.strip())
            if plan.kind == "unresolved":
                near = vocabulary.nearest(row.label)
                hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
                self._finding(
                    "unresolved_label",
                    f"row '{row.label}' ({values}) not read: {plan.note}{hint}",
                    page=row.page,
                )
                note = plan.note + hint
            elif plan.kind == "skip":
                self._finding(
                    "skipped_row", f"row '{row.label}' ({values}) not emitted: {plan.note}", "info", row.page
                )
            self.labels.append(LabelView(f"row {plan.index + 1}", row.label, reading.describe(), plan.kind, note))

    def _finding(self, code: str, message: str, severity: str = "error", page: int | None = None) -> None:
        self.findings.append(
            Finding(
                code,
                f"table {self.table.table_id}: {message}",
                severity,
                page if page is not None else self.table.first_page,
                self.table.table_id,
            )
        )

    def _result(self, statistics: bool, observations: Sequence[Observation]) -> Interpretation:
        return Interpretation(
            self.table.table_id,
            statistics,
            self._rule_id(),
            self.context,
            tuple(self.labels),
            tuple(observations),
            tuple(self.findings),
        )


def _key(obs: Observation) -> tuple[str, ...]:
    return (
        str(obs.entity_scope),
        str(obs.municipality_code),
        str(obs.period),
        str(obs.law_area),
        label_key(obs.provision or ""),
        obs.measure,
    )


def _describe(key: tuple[str, ...]) -> str:
    scope, code, period, law, provision, measure = key
    where = "hele landet" if scope == "hele_landet" else f"kommune {code}"
    return " ".join(p for p in (where, period, law, provision, measure) if p and p != "None")


def _law_label(plan: RowPlan, column: ColumnPlan, table: TableCandidate) -> str | None:
    """The printed label the law area came from: the row's (or its law row's or group
    header's), the column's, or none (the law area was not printed in the table)."""
    if "law" in column.dims:
        return table.column_label(column.index)
    if plan.kind == "total" and "law" in plan.dims and plan.law_label is None:
        return table.rows[plan.index].label  # "I alt" read as all law areas
    return plan.law_label


def _short(title: str | None) -> str | None:
    return title if title and len(title) <= 80 else None
