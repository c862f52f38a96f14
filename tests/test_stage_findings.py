"""Findings the pipeline builds for a table no measure names: how loud, from what it holds."""

from __future__ import annotations

from extract.model import Cell, TableCandidate, TableRow
from extract.stage_findings import unread_table


def _table(cells: list[list[str]]) -> TableCandidate:
    return TableCandidate(
        table_id="p1-t1",
        detector="test",
        pages=(1,),
        bbox=None,
        caption=None,
        title=None,
        notes=(),
        stub_header="",
        column_headers=((),) * len(cells[0]),
        rows=tuple(
            TableRow(f"Voksne - § {k}", tuple(Cell(t, 1) for t in row), 1)
            for k, row in enumerate(cells)
        ),
    )


def test_a_table_of_nil_marks_not_read_is_a_warning() -> None:
    """A table of provisions whose cells are all "-" (no case) holds values: leaving it
    unread is a warning, not an aside."""
    found = unread_table(_table([["-", "-", "-"], ["-", "-", "-"]]), [])
    assert found.severity == "warning"
    assert "(2 rows, 6 values)" in found.message


def test_a_table_of_text_not_read_is_an_aside() -> None:
    """A table of dates and names (a meeting plan) holds no values: an info line."""
    found = unread_table(_table([["Byrådet", "kl. 16"], ["Udvalg", "kl. 8"]]), [])
    assert found.severity == "info"
