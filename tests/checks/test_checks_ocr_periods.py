"""One column of an OCR'd table whose period is one character off the one all the other
columns share (``checks_values.OddOcrPeriod``): "4. kvt. 2025" over one of seven columns of
"1. kvt. 2025", a misread digit. Its values are flagged; a digital table, a table of period
columns, or a column two characters off is left alone."""

from __future__ import annotations

from collections.abc import Sequence

from extract.checks.registry import flags_by_index
from extract.checks.values import OddOcrPeriod
from extract.codes import Status
from extract.model import Cell, Observation

MEASURES = ("stadfaestet", "stadfaestelsesprocent", "aendret", "hjemvist", "afvist")


def observations(periods: Sequence[str], confidence: float | None = 95.0) -> list[Observation]:
    """Two rows (LAS, SEL) under one column per period of ``periods``, a measure each."""
    out = []
    for r, law in enumerate(("lab", "serviceloven")):
        for c, (period, measure) in enumerate(zip(periods, MEASURES, strict=False)):
            out.append(
                Observation(
                    table_id="t1", table_title=None, rule_id="test", row_index=r,
                    row_key=f"r{r}", column_key=f"c{c}", row_label=law,
                    column_label=f"{measure} {period}",
                    cell=Cell("12", page=1, ocr_confidence=confidence), entity=None,
                    period=period, law_label=law, provision=None, measure=measure,
                    unit="count", value=12.0, status=Status.REPORTED,
                )
            )  # fmt: skip
    return out


def flagged(found: list[Observation]) -> set[tuple[str, str | None]]:
    flags = flags_by_index(list(OddOcrPeriod().run(found)))
    return {(found[i].row_label, found[i].period) for i in flags}


def test_one_column_a_digit_off_the_period_of_the_others_is_flagged() -> None:
    found = observations(["2025-Q1", "2025-Q4", "2025-Q1", "2025-Q1", "2025-Q1"])
    assert flagged(found) == {("lab", "2025-Q4"), ("serviceloven", "2025-Q4")}


def test_a_digital_table_period_columns_or_a_column_further_off_are_left_alone() -> None:
    odd = ["2025-Q1", "2025-Q4", "2025-Q1", "2025-Q1", "2025-Q1"]
    assert flagged(observations(odd, confidence=None)) == set()
    assert flagged(observations(["2021", "2022", "2023", "2024", "2025"])) == set()
    assert flagged(observations(["2025-Q1", "2024-Q4", "2025-Q1", "2025-Q1"])) == set()
    assert flagged(observations(["2025-Q1", "2025-Q4", "2025-Q1"])) == set()  # two others


def test_a_bare_year_between_columns_of_months_is_flagged() -> None:
    """ "2023" between "dec 2022" and "feb 2023" in an OCR'd table: the month's name was
    lost. A year after the months (a year's total) is not flagged, nor a digital table."""
    from dataclasses import replace

    def placed(periods: Sequence[str], confidence: float | None = 95.0) -> list[Observation]:
        found = observations(periods, confidence)
        return [
            replace(o, cell=replace(o.cell, bbox=(100.0 * int(o.column_key[1:]), 0.0, 1.0, 1.0)))
            for o in found
        ]

    months = ["2022-11", "2022-12", "2023", "2023-02", "2023-03"]
    assert flagged(placed(months)) == {("lab", "2023"), ("serviceloven", "2023")}
    assert flagged(placed(["2022-10", "2022-11", "2022-12", "2022"])) == set()
    assert flagged(placed(months, confidence=None)) == set()
