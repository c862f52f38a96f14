"""OCR'd values whose separators or marks were misread, corrected only where the identities
decide them (``extract.checks.ocr_corrections``), on the annual report's table 4.4 and a
municipality's rates."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from extract.checks.ocr_corrections import OCR_CORRECTED, correct_by_identities, readings
from extract.codes import Status
from extract.model import Observation
from extract.normalise.numbers import parse_number
from tests.checks.test_checks import CHECKS, ISHOEJ, LAB, col, row, table, table_4_4


def scanned(observations: Sequence[Observation]) -> list[Observation]:
    """The observations as OCR read them (confidence 90 on every cell)."""
    return [replace(obs, cell=replace(obs.cell, ocr_confidence=90.0)) for obs in observations]


def misread(
    observations: list[Observation], row_label: str, column_label: str, text: str
) -> tuple[list[Observation], int]:
    """The observations with one cell read as ``text`` (parsed as the engine parses it)."""
    at = next(
        i
        for i, obs in enumerate(observations)
        if obs.row_label == row_label and obs.column_label == column_label
    )
    parsed = parse_number(text)
    obs = observations[at]
    out = list(observations)
    out[at] = replace(
        obs,
        cell=replace(obs.cell, text=text),
        value=parsed.value,
        status=parsed.status,
        decimals=parsed.decimals,
        flags=parsed.flags,
    )
    return out, at


def corrected(observations: list[Observation]) -> tuple[list[Observation], list[str]]:
    from extract.checks.registry import table_check_results

    results = [found for _, found in table_check_results(observations, CHECKS)]
    kept, done = correct_by_identities(observations, results, CHECKS)
    assert all(found.code == OCR_CORRECTED for found in done)
    return kept, [found.message for found in done]


@pytest.mark.parametrize(
    ("text", "counted", "expected"),
    [
        ("214", False, [(214.0, 0), (21.4, 1), (2.14, 2)]),
        ("37.9%", False, [(379.0, 0), (37.9, 1), (3.79, 2)]),
        ("“7", True, [(7.0, 0)]),
        ("J 31,8%", False, [(318.0, 0), (31.8, 1), (3.18, 2)]),
        ("3,970", True, [(3970.0, 0)]),
        ("0 °", True, [(0.0, 0)]),
        ("12 sager 14", True, []),  # two runs of digits: which is the value is not known
        ("Sager", True, []),
        ("62,%", False, []),  # a digit lost after the comma: 62 is not what was printed
        (",5", False, []),
        ("31.", False, []),
        (". 18%", False, [(18.0, 0), (1.8, 1)]),  # a speck set apart from the digits
    ],
)
def test_a_cells_readings_keep_its_digits_in_order(
    text: str, counted: bool, expected: list[tuple[float, int]]
) -> None:
    assert readings(text, counted) == expected


SERVICELOVEN = "Serviceloven"


def test_a_count_whose_thousands_point_was_read_as_a_comma_is_corrected_by_the_sums() -> None:
    observations, at = misread(
        scanned(table_4_4()), "Lov om aktiv socialpolitik", "Stadfæstet / Antal", "3,970"
    )
    assert observations[at].value == 3.97  # as read: a decimal count
    kept, messages = corrected(observations)
    assert kept[at].value == 3970.0 and kept[at].status == Status.REPORTED
    assert OCR_CORRECTED in kept[at].flags
    assert kept[at].cell.text == "3,970"  # the text as read is kept
    assert messages == [
        "Hele landet Lov om aktiv socialpolitik 2024: stadfaestet read '3,970', taken as 3970: "
        "the one reading of its digits the table's sums and rates hold with (table 4.4)"
    ]
    assert [o for i, o in enumerate(kept) if i != at] == [
        o for i, o in enumerate(observations) if i != at
    ]


def test_a_count_with_a_speck_beside_it_is_read_when_the_sums_decide_it() -> None:
    observations, at = misread(scanned(table_4_4()), SERVICELOVEN, "Hjemvist / Antal", "“1.352")
    assert observations[at].status == Status.ILLEGIBLE
    kept, _ = corrected(observations)
    assert (kept[at].value, kept[at].status) == (1352.0, Status.REPORTED)


def test_a_rate_whose_decimal_comma_was_lost_is_corrected_by_its_counts() -> None:
    columns = [
        col("Stadfæstet", measure="stadfaestet"),
        col("Ændret/ophævet", measure="aendret_ophaevet"),
        col("Hjemvist", measure="hjemvist"),
        col("Realitetsbehandlede", measure="realitetsbehandlede"),
        col("Omgørelsesprocent", measure="omgoerelsesprocent"),
    ]
    rows = [row("Serviceloven", "36 13 9 58 37,9", law_area="serviceloven")]
    printed = scanned(table("1", columns, rows, period="2024", **ISHOEJ))
    observations, at = misread(printed, "Serviceloven", "Omgørelsesprocent", "379")
    kept, _ = corrected(observations)
    assert (kept[at].value, kept[at].decimals) == (37.9, 1)


def test_a_misread_digit_is_never_corrected_only_flagged() -> None:
    observations, _ = misread(
        scanned(table_4_4()), "Lov om aktiv socialpolitik", "Stadfæstet / Antal", "3.976"
    )
    kept, messages = corrected(observations)
    assert kept == observations and messages == []


def test_a_value_no_identity_takes_in_stays_unread() -> None:
    """The first three laws' stadfæstet counts alone: no whole, no rate takes them in."""
    counts = [o for o in scanned(table_4_4()) if o.measure == "stadfaestet"][:3]
    observations, at = misread(counts, LAB, "Stadfæstet / Antal", "“686")
    kept, messages = corrected(observations)
    assert kept[at].status == Status.ILLEGIBLE and messages == []


def test_values_read_from_a_text_layer_are_never_corrected() -> None:
    observations, at = misread(
        table_4_4(), "Lov om aktiv socialpolitik", "Stadfæstet / Antal", "3,970"
    )
    kept, messages = corrected(observations)
    assert kept[at].value == 3.97 and messages == []


def test_two_readings_that_both_hold_leave_the_value_unread() -> None:
    """A rate of 0 counts read "00": 0 and 0,0 both hold; nothing tells them apart but the
    decimals, and a count of 0 is not read at all."""
    columns = [
        col("Ændret/ophævet", measure="aendret_ophaevet"),
        col("Hjemvist", measure="hjemvist"),
        col("Realitetsbehandlede", measure="realitetsbehandlede"),
        col("Omgørelsesprocent", measure="omgoerelsesprocent"),
    ]
    rows = [row("Serviceloven", "0 0 58 0", law_area="serviceloven")]
    printed = scanned(table("1", columns, rows, period="2024", **ISHOEJ))
    observations, at = misread(printed, "Serviceloven", "Omgørelsesprocent", "0“0")
    kept, messages = corrected(observations)
    assert kept[at].status == Status.ILLEGIBLE and messages == []
