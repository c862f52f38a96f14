"""Findings the pipeline builds for a table no measure names: how loud, from what it holds."""

from __future__ import annotations

from extract.checks.stage_findings import unread_table
from tests.interpret.test_interpret_table import table


def test_a_table_of_nil_marks_not_read_is_a_warning() -> None:
    """A table of provisions whose cells are all "-" (no case) holds values: leaving it
    unread is a warning, not an aside."""
    rows = [("Voksne - § 95", ["-", "-", "-"]), ("Voksne - § 96", ["-", "-", "-"])]
    found = unread_table(table(["", "", ""], rows), [])
    assert found.severity == "warning"
    assert "(2 rows, 6 values)" in found.message


def test_a_table_of_text_not_read_is_an_aside() -> None:
    """A table of dates and names (a meeting plan) holds no values: an info line."""
    rows = [("Byrådet", ["kl. 16", "Rådhuset"]), ("Udvalg", ["kl. 8", "Lokale 2"])]
    found = unread_table(table(["", ""], rows), [])
    assert found.severity == "info"
