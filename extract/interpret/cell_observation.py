"""One keyed value cell as an ``Observation``, the texts of a table's observations shared.

In: the table, the cell's row and column plans, the cell and its key, the rule id. Out: the
``Observation`` (``cell_observation``), its texts held once per table (``SharedTexts``);
``overridden`` gives it the status of the first rule override that matches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.codes import Status
from extract.interpret.cells import Keyed
from extract.interpret.columns import ColumnPlan
from extract.interpret.plans import RowPlan
from extract.interpret.rulebook import CellOverride
from extract.model import Cell, Observation, TableCandidate
from extract.normalise.labels import label_key


class SharedTexts:
    """One string object per distinct text of a table's observations (a row's key, a column's
    label, a period, a measure...): the observations of a table of a million values then
    hold one copy of each text, not a million. ``title``: the table's title, worked out once;
    each column's key and label and each row's key are worked out once too."""

    __slots__ = ("columns", "one", "row_keys", "title")

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.one: dict[str, str] = {}
        self.columns: dict[int, tuple[str, str]] = {}  # index: (key, label)
        self.row_keys: dict[int, str] = {}  # row index: key

    def __call__(self, text: str | None) -> str | None:
        return None if text is None else self.one.setdefault(text, text)

    def text(self, text: str) -> str:
        return self.one.setdefault(text, text)

    def column(self, table: TableCandidate, index: int) -> tuple[str, str]:
        """Value column ``index``'s key (its header path) and printed label."""
        texts = self.columns.get(index)
        if texts is None:
            key = self.text(" / ".join(table.column_headers[index]))
            texts = self.columns[index] = (key, self.text(table.column_label(index)))
        return texts

    def row_key(self, plan: RowPlan, label: str) -> str:
        """The key of the row ``plan`` plans (its groups' labels, then its own)."""
        key = self.row_keys.get(plan.index)
        if key is None:
            key = self.row_keys[plan.index] = self.text(" > ".join((*plan.carried_labels, label)))
        return key


def cell_observation(
    table: TableCandidate,
    plan: RowPlan,
    column: ColumnPlan,
    cell: Cell,
    key: Keyed,
    rule_id: str,
    texts: SharedTexts,
) -> Observation:
    """The observation of ``cell`` (in row ``plan``, column ``column``) keyed as ``key``."""
    row = table.rows[plan.index]
    header_repairs = table.header_repairs[column.index] if table.header_repairs else ()
    column_key, column_label = texts.column(table, column.index)
    return Observation(
        table_id=table.table_id,
        table_title=texts.title,
        rule_id=rule_id,
        row_index=plan.index,
        row_key=texts.row_key(plan, row.label),
        column_key=column_key,
        row_label=row.label,
        column_label=column_label,
        cell=cell,
        entity=None,
        period=key.period,
        law_label=texts(_law_label(plan, column, table, column_label)) if key.law_area else None,
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
        label_repairs=(*row.label_repairs, *header_repairs)
        if header_repairs
        else row.label_repairs,
        label_unknown=row.label_unknown,
        entity_scope=key.entity_scope,
        municipality_code=key.municipality_code,
        municipality=key.municipality,
        period_type=key.period_type,
        law_area=key.law_area,
    )


def overridden(obs: Observation, overrides: Sequence[CellOverride]) -> Observation:
    """The observation with the status of the first override whose cell text and dimension
    patterns it matches (a pattern matches a dimension's code or its printed label)."""
    printed = {
        "law": (obs.law_area, obs.law_label),
        "period": (obs.period,),
        "entity": (obs.entity_scope, obs.municipality, str(obs.municipality_code)),
        "measure": (obs.measure,),
        "provision": (obs.provision,),
        "aspect": (),
    }
    for override in overrides:
        if override.text is not None and not override.text.search(obs.cell.text.strip()):
            continue
        if all(
            any(v is not None and pattern.search(label_key(v)) for v in printed[dim])
            for dim, pattern in override.when
        ):
            status = override.status
            keep = status is Status.REPORTED
            value = 0.0 if status is Status.NIL else (obs.value if keep else None)
            return replace(obs, status=status, value=value)
    return obs


def _law_label(
    plan: RowPlan, column: ColumnPlan, table: TableCandidate, column_label: str
) -> str | None:
    """The printed label the law area came from: the column's, the row's (or its law row's or
    group header's), or none (the law area was not printed in the table)."""
    if "law" in column.dims:
        return column_label
    if plan.kind == "total" and "law" in plan.dims and plan.law_label is None:
        return table.rows[plan.index].label  # "I alt" read as all law areas
    return plan.law_label
