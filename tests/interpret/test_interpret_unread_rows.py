"""Rows under an OCR'd group header that was misread (``open_dims.after_unread_rows``): a
quarter's header read "202394" for "2023Q4" says nothing, and the rows under it, repeating
the rows of the quarter above, would take that quarter. They are left unresolved up to the
next group header; a digital table, or rows that repeat nothing, are left as they are."""

from __future__ import annotations

from types import MappingProxyType

from extract.interpret.open_dims import after_unread_rows
from extract.interpret.plans import RowPlan
from extract.model import Cell, TableRow


def table(
    unread_confidence: float | None, after: tuple[str, ...]
) -> tuple[list[RowPlan], list[TableRow]]:
    """Plans and rows: header "2023Q3", LAS and SEL, a row "202394" without values (read
    with ``unread_confidence``; None: a digital row), the labels ``after``, header
    "2024Q1", LAS."""
    labels = ["2023Q3", "LAS", "SEL", "202394", *after, "2024Q1", "LAS"]
    kinds = ["header", "member", "member", "ignored", *("member" for _ in after), "header"]
    kinds.append("member")
    rows, plans = [], []
    for i, (label, kind) in enumerate(zip(labels, kinds, strict=True)):
        valued = kind == "member"
        cell = Cell("5", 1, (0.0, 0.0, 1.0, 1.0), 95.0) if valued else None
        confidence = unread_confidence if label == "202394" else 95.0
        rows.append(TableRow(label, (cell,), 1, None, confidence))
        dims = MappingProxyType({"law": label.lower()} if valued else {})
        plans.append(RowPlan(i, kind, dims))
    return plans, rows


def test_rows_repeating_the_group_above_after_a_misread_header_are_left_unresolved() -> None:
    plans, rows = table(61.0, ("LAS", "SEL"))
    kinds = [p.kind for p in after_unread_rows(plans, rows)]
    assert kinds == [
        "header", "member", "member", "ignored", "unresolved", "unresolved", "header", "member",
    ]  # fmt: skip


def test_a_digital_row_or_rows_that_repeat_nothing_are_left_as_they_are() -> None:
    for confidence, after in ((None, ("LAS", "SEL")), (61.0, ("Boligstøtte", "Andre"))):
        plans, rows = table(confidence, after)
        assert after_unread_rows(plans, rows) == plans
