"""A table's cell keys remembered per kind of row: ``key_cell`` once per kind, column and
cell reading, not once per cell.

In: what is the same for every cell of a table (context, reference data, the provision
list, what other columns name); then each row and its cells. Out: each cell's ``Keyed`` or
``Missing``, equal to ``key_cell``'s for that cell (``tests/interpret/test_cell_keys.py``).
"""

from __future__ import annotations

import math
from collections.abc import Collection
from typing import overload

from extract.interpret.cells import Keyed, Missing, key_cell
from extract.interpret.columns import ColumnPlan
from extract.interpret.context import Context
from extract.interpret.plans import RowPlan
from extract.interpret.vocabulary import KnownProvision
from extract.model import Cell
from extract.normalise.numbers import read_cell
from extract.normalise.reference import Reference

# Stand-ins for a row's label and its provision label while a key is worked out for rows of
# one kind at once (``CellKeys``): neither text decides anything but the provision's name.
_ROW_LABEL = "\x00row label"
_PROVISION_LABEL = "\x00provision label"


class CellKeys:
    """``key_cell`` for the cells of one table, remembered: a cell's key depends on its row
    only through the row's dimensions, carried dimensions, kind and whether it has a
    provision label (its label text is only the provision's name, filled in after), on its
    column, and on what its text reads as. Rows of a long table fall into few such kinds:
    each kind's key per column and cell reading is worked out once. In: what is the same for
    every cell of the table (as ``key_cell`` takes it); call ``row`` for each row before its
    cells, then ``key``."""

    __slots__ = ("_codes", "_known", "_label", "_provision", "_row", "_shape", "_table", "_texts")

    def __init__(
        self,
        context: Context,
        reference: Reference,
        provision_law: KnownProvision | None,
        *,
        by_columns: Collection[str] = (),
        measure_by_groups: bool = False,
    ) -> None:
        self._table = (context, reference, provision_law, by_columns, measure_by_groups)
        self._known: dict[tuple[object, ...], Keyed | Missing] = {}
        self._texts: dict[str, str] = {}  # one object per distinct text
        self._codes: dict[int, int] = {}  # and per municipality code (above 256: new ones)
        self._shape: tuple[object, ...] = ()
        self._row: RowPlan | None = None
        self._label = ""
        self._provision = ""

    def row(self, plan: RowPlan, label: str) -> None:
        """The row whose cells come next, and its label."""
        self._shape = (
            tuple(plan.dims.items()),
            tuple(plan.carried.items()),
            plan.kind,
            bool(plan.provision_label),
            plan.of_provisions,
        )
        self._row = RowPlan(
            -1,
            plan.kind,
            plan.dims,
            plan.carried,
            of_provisions=plan.of_provisions,
            provision_label=_PROVISION_LABEL if plan.provision_label else None,
        )
        self._label = label
        self._provision = plan.provision_label or label

    def key(
        self,
        cell: Cell,
        column: ColumnPlan,
        *,
        measure_from_context: bool,
        share_from_context: bool,
        percent_column: bool,
        law_by_rows: bool,
    ) -> Keyed | Missing:
        """``key_cell`` of ``cell`` in ``column`` of the current row."""
        assert self._row is not None
        parsed = read_cell(cell)
        digits = any(ch.isdigit() for ch in cell.text)
        flags = (measure_from_context, share_from_context, percent_column, law_by_rows)
        # (-0.0 equals 0.0: told apart, the key holds the value as read)
        signed = parsed.value is not None and math.copysign(1.0, parsed.value) < 0
        memo = (self._shape, column.index, parsed, signed, digits, flags)
        found = self._known.get(memo)
        if found is None:
            context, reference, provision_law, by_columns, by_groups = self._table
            found = key_cell(
                cell, column, self._row, _ROW_LABEL, context, reference, provision_law,
                measure_from_context=measure_from_context, by_columns=by_columns,
                share_from_context=share_from_context, percent_column=percent_column,
                law_by_rows=law_by_rows, measure_by_groups=by_groups,
            )  # fmt: skip
            if isinstance(found, Keyed):
                found = self._one_copy(found)
            self._known[memo] = found
        if isinstance(found, Keyed) and found.provision in (_ROW_LABEL, _PROVISION_LABEL):
            provision = self._label if found.provision == _ROW_LABEL else self._provision
            k = found  # (built directly: ``dataclasses.replace`` costs more than the key)
            return Keyed(
                k.entity_scope, k.municipality_code, k.municipality, k.period, k.period_type,
                k.law_area, provision, k.measure, k.unit, k.parsed, k.status, k.value,
            )  # fmt: skip
        return found

    def _one_copy(self, k: Keyed) -> Keyed:
        """``k`` holding the table's one copy of each text and code (a table of a million
        values then holds each once, not a million times)."""
        text, code = self._text, self._code
        return Keyed(
            text(k.entity_scope), code(k.municipality_code), text(k.municipality),
            text(k.period), text(k.period_type), text(k.law_area), text(k.provision),
            text(k.measure), text(k.unit), k.parsed, k.status, k.value,
        )  # fmt: skip

    @overload
    def _text(self, text: str) -> str: ...
    @overload
    def _text(self, text: None) -> None: ...
    def _text(self, text: str | None) -> str | None:
        return None if text is None else self._texts.setdefault(text, text)

    def _code(self, code: int | None) -> int | None:
        return None if code is None else self._codes.setdefault(code, code)
