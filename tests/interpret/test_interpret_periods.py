"""Periods (extract.interpret.periods): whole periods, parts without their year, and periods
named in running text, where dates and ranges are never a period."""

from __future__ import annotations

import pytest

from extract.interpret.periods import LATEST_YEAR, PeriodGrammar, load_periods, period_type
from tests.conftest import RULES

REFERENCE_DIR = RULES / "reference"


@pytest.fixture(scope="module")
def grammar() -> PeriodGrammar:
    return load_periods(REFERENCE_DIR)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", ("2024", "year")),
        (" 1990 ", ("1990", "year")),
        ("2024-H1", ("2024-H1", "half")),
        ("1. halvår 2024", ("2024-H1", "half")),
        ("1. halvår af 2024", ("2024-H1", "half")),
        ("2. halvår 2023", ("2023-H2", "half")),
        ("H1 2024", ("2024-H1", "half")),
        ("2024-Q3", ("2024-Q3", "quarter")),
        ("2024K3", ("2024-Q3", "quarter")),
        ("2024 K3", ("2024-Q3", "quarter")),
        ("3. kvartal 2024", ("2024-Q3", "quarter")),
        ("Q3 2024", ("2024-Q3", "quarter")),
        ("2024-01", ("2024-01", "month")),
        ("2023- -01", ("2023-01", "month")),
        ("2024M01", ("2024-01", "month")),
        ("2022- M05", ("2022-05", "month")),  # "2022M05" broken before its "M", a hyphen
        ("2022M- 05", ("2022-05", "month")),
        ("januar 2024", ("2024-01", "month")),
        ("jan. 2024", ("2024-01", "month")),
        ("Januar 2024", ("2024-01", "month")),
        ("Jan 2022", ("2022-01", "month")),
        ("Maj 2023", ("2023-05", "month")),
        ("dec. 2025", ("2025-12", "month")),
        ("jan-23", ("2023-01", "month")),
        ("2023K1", ("2023-Q1", "quarter")),
        ("3. kvt. 2024", ("2024-Q3", "quarter")),
        ("2025H1", ("2025-H1", "half")),
        ("jan.-jun. 2025", ("2025-H1", "half")),
        ("okt.-dec. 2024", ("2024-Q4", "quarter")),
        ("jan.-maj 2025", None),
        ("1989", None),
        ("2100", None),
        ("2024-Q5", None),
        ("2024-13", None),
        ("3. halvår 2024", None),
        ("2022 2023", None),
        ("Kilde: Ankestyrelsen ( 2022 )", None),
        ("januar", None),
        ("", None),
    ],
)
def test_whole_periods(grammar: PeriodGrammar, text: str, expected: tuple[str, str] | None) -> None:
    assert grammar.parse(text) == expected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("H1", "-H1"),
        ("2. halvår", "-H2"),
        ("K3", "-Q3"),
        ("Q4", "-Q4"),
        ("3. kvartal", "-Q3"),
        ("Januar", "-01"),
        ("dec.", "-12"),
        ("jan.-mar.", "-Q1"),  # a quarter's months
        ("Jul.-dec.", "-H2"),
        ("jan.-apr.", None),
        ("2024", None),
        ("5. kvartal", None),
        ("Serviceloven", None),
    ],
)
def test_parts_without_a_year(grammar: PeriodGrammar, text: str, part: str | None) -> None:
    assert grammar.parse_part(text) == part


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Omgørelsesprocent 2020 fordelt efter lovgivning", [("2020", "year")]),
        ("Realitetsbehandlede sager i 1. kvartal 2023", [("2023-Q1", "quarter")]),
        ("Ankestyrelsens talportal H2 2017", [("2017-H2", "half")]),
        ("Omgørelse jan.-jun. 2025", [("2025-H1", "half")]),
        ("Tal for 2023K1*", [("2023-Q1", "quarter")]),
        ("Omgørelsesprocent fordelt efter lovgivning / 2021-12", [("2021-12", "month")]),
        ("Omgørelsesprocent - alle sager apr 2025", [("2025-04", "month")]),  # not "pr 2025"
        ("Opgjort pr. 2024", []),  # as of a year: no period of the figures
        ("Afgjorte sager 2019-21", []),  # a range of years
        ("TABEL 4.2 AFGJORTE SAGER EFTER LOVOMRÅDE I PERIODEN 2022-2024", []),
        ("i perioden 2018 til 2020", []),
        ("Referat Ishøj Byråd mandag den 31. oktober 2022 kl. 16.30", []),
        ("Mødedato 08.03.2021", []),
        ("Data er trukket pr den 11. april 2025", []),
        ("Barnets lov trådte i kraft fra 2024", []),
        ("Stadfæstelser 2022 og 2023", []),
        ("Ankestatistik 2021 og 2022", []),
        ("uge 12", []),
    ],
)
def test_periods_named_in_running_text(
    grammar: PeriodGrammar, text: str, found: list[tuple[str, str]]
) -> None:
    assert grammar.find(text) == found


@pytest.mark.parametrize(
    ("period", "kind"),
    [("2024", "year"), ("2024-H1", "half"), ("2024-Q3", "quarter"), ("2024-01", "month")],
)
def test_period_type(period: str, kind: str) -> None:
    assert period_type(period) == kind


def test_a_year_after_next_year_is_no_period(grammar: PeriodGrammar) -> None:
    """Counts that look like years (2045 realitetsbehandlede sager) read as a header row:
    statistics are of the past, so a year after next year names no period."""
    assert grammar.parse(str(LATEST_YEAR)) == (str(LATEST_YEAR), "year")
    assert grammar.parse(str(LATEST_YEAR + 1)) is None
    assert grammar.parse("2045") is None
    assert grammar.find("Ændret/ophævet 2045 2034") == []
