"""``CellKeys`` remembers keys per kind of row: every record must equal the one ``key_cell``
gives cell by cell with the row's own plan and label."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest

from extract.interpret import cell_keys
from extract.interpret.cell_keys import CellKeys
from extract.interpret.cells import Keyed, Missing, key_cell
from extract.interpret.columns import ColumnPlan
from extract.interpret.plans import RowPlan
from extract.interpret.rulebook import Rulebook
from extract.model import Cell
from extract.pipeline import process_file
from extract.writers.jsonl import record_dict
from samples.variants.generate import families, generate_one

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SHEETS = sorted([*SAMPLES.glob("*.xlsx"), *SAMPLES.glob("*.csv")])


def _cell_by_cell(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Make ``CellKeys`` call ``key_cell`` for every cell with the real row; return a list
    that counts the calls."""
    calls: list[int] = []
    current: dict[str, object] = {}
    row = CellKeys.row

    def remember_row(self: CellKeys, plan: RowPlan, label: str) -> None:
        current["plan"], current["label"] = plan, label
        row(self, plan, label)

    def each_cell(
        self: CellKeys, cell: Cell, column: ColumnPlan, **options: bool
    ) -> Keyed | Missing:
        calls.append(1)
        context, reference, known, by_columns, by_groups = self._table
        plan, label = current["plan"], current["label"]
        assert isinstance(plan, RowPlan) and isinstance(label, str)
        assert isinstance(by_columns, Collection) and isinstance(by_groups, bool)
        return key_cell(
            cell, column, plan, label, context, reference, known,
            by_columns=by_columns, measure_by_groups=by_groups, **options,
        )  # fmt: skip

    monkeypatch.setattr(cell_keys.CellKeys, "row", remember_row)
    monkeypatch.setattr(cell_keys.CellKeys, "key", each_cell)
    return calls


def _records(path: Path, rulebook: Rulebook) -> list[dict[str, object]]:
    result = process_file(path, rulebook)
    return [record_dict(record) for record in result.records]


def test_remembered_keys_equal_keys_cell_by_cell(
    rulebook: Rulebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pool = families()
    generated = [generate_one("cell-keys", i, tmp_path, ["xlsx", "csv"], pool) for i in range(12)]
    paths = [*SHEETS, *generated]
    remembered = {path: _records(path, rulebook) for path in paths}
    assert sum(map(len, remembered.values())) > 1000
    with monkeypatch.context() as patch:
        calls = _cell_by_cell(patch)
        by_cell = {path: _records(path, rulebook) for path in paths}
    assert len(calls) >= sum(map(len, by_cell.values()))  # the real key_cell ran per cell
    for path in paths:
        assert remembered[path] == by_cell[path], path.name
