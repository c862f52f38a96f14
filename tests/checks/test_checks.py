"""Specs for extract.checks.registry: real tables (annual report 2024, Ishøj minutes), intact and
with one printed number changed, in and out of the registry of validation checks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import pytest

from extract.checks.registry import CheckResult, checks_for, flags_by_index
from extract.codes import Status
from extract.model import Cell, Observation
from extract.normalise.reference_files import load_reference
from tests.conftest import RULES

# the identities the checks verify are those of the shipped measures.yaml
IDENTITIES = load_reference(RULES / "reference").identities
CHECKS = checks_for(IDENTITIES)


def run_checks(observations: Sequence[Observation]) -> list[CheckResult]:
    """Every registered check over the observations (as one file), in registry order."""
    return [found for check in CHECKS for found in check.run(observations)]


PERCENT = frozenset(
    {
        "omgoerelsesprocent",
        "stadfaestelsesprocent",
        "andel_hjemvist",
        "andel_aendret",
        "medholdsprocent",
        "andel_procent",
    }
)
HELE_LANDET: dict[str, Any] = {"entity_scope": "hele_landet"}
ISHOEJ: dict[str, Any] = {
    "entity_scope": "kommune",
    "municipality_code": 183,
    "municipality": "Ishøj",
}


@dataclass(frozen=True)
class Axis:
    """A column header, or a row label with its printed cells, and the dimensions it sets."""

    label: str
    dims: dict[str, Any]
    cells: str = ""


def col(label: str, **dims: Any) -> Axis:
    return Axis(label, dims)


def row(label: str, cells: str, **dims: Any) -> Axis:
    return Axis(label, dims, cells)


def parse(text: str) -> tuple[float | None, Status, int]:
    """Printed cell -> (value, status, decimals): "11.898", "37,9", "54%", "." suppressed,
    "-" nil, "?" illegible."""
    text = text.rstrip("%")
    if text == ".":
        return None, Status.SUPPRESSED, 0
    if text == "-":
        return 0.0, Status.NIL, 0
    if text == "?":
        return None, Status.ILLEGIBLE, 0
    number = text.replace(".", "").replace(",", ".")
    return float(number), Status.REPORTED, len(number.partition(".")[2])


def table(
    table_id: str, columns: Sequence[Axis], rows: Sequence[Axis], **common: Any
) -> list[Observation]:
    """Observations of one printed table, row by row. A cell's dimensions come from its table,
    column and row; a row naming a measure names the count, percent columns keep theirs."""
    observations = []
    for r, line in enumerate(rows):
        texts = line.cells.split()
        assert len(texts) == len(columns), f"{line.label}: {texts}"
        for c, (column, text) in enumerate(zip(columns, texts, strict=True)):
            dims = {**common, **column.dims, **line.dims}
            if column.dims.get("measure") in PERCENT:
                dims["measure"] = column.dims["measure"]
            law_label = line.label if "law_area" in line.dims else column.label
            value, status, decimals = parse(text)
            fields: dict[str, Any] = {
                "table_title": None,
                "rule_id": "test",
                "entity": None,
                "period": None,
                "law_label": law_label if "law_area" in dims else None,
                "provision": None,
                "unit": "percent" if dims["measure"] in PERCENT else "count",
                **dims,
            }
            observations.append(
                Observation(
                    table_id=table_id,
                    row_index=r,
                    row_key=f"r{r}",
                    column_key=f"c{c}",
                    row_label=line.label,
                    column_label=column.label,
                    cell=Cell(text, page=1),
                    value=value,
                    status=status,
                    decimals=decimals,
                    **fields,
                )
            )
    return observations


def changed(rows: Sequence[Axis], label: str, cells: str) -> list[Axis]:
    """The rows with the one labelled ``label`` printed as ``cells`` instead."""
    assert any(line.label == label for line in rows)
    return [replace(line, cells=cells) if line.label == label else line for line in rows]


def involved(observations: Sequence[Observation], found: CheckResult) -> set[tuple[str, str]]:
    """(row label, column label) of every cell a result flags."""
    return {(observations[i].row_label, observations[i].column_label) for i in found.indices}


def by_code(results: Sequence[CheckResult], code: str) -> list[CheckResult]:
    return [found for found in results if found.code == code]


# TABEL 4.4 REALITETSBEHANDLEDE SAGER EFTER LOVOMRÅDE OG UDFALD I 2024 – ANTAL OG PROCENT
COLUMNS_4_4 = [
    col("Stadfæstet / Antal", measure="stadfaestet"),
    col("Stadfæstet / Procent", measure="stadfaestelsesprocent"),
    col("Ændret/Ophævet / Antal", measure="aendret_ophaevet"),
    col("Ændret/Ophævet / Procent", measure="andel_aendret"),
    col("Hjemvist / Antal", measure="hjemvist"),
    col("Hjemvist / Procent", measure="andel_hjemvist"),
    col("Realitetsbehandlede sager", measure="realitetsbehandlede"),
    col("Omgørelsesprocent", measure="omgoerelsesprocent"),
]
LAB = "Lov om aktiv beskæftigelsesindsats"
LAWS_2024 = [  # (law as printed in table 4.4, law_area)
    (LAB, "lab"),
    ("Lov om aktiv socialpolitik", "aktivloven"),
    ("Lov om social pension", "pensionsloven"),
    ("Serviceloven", "serviceloven"),
    ("Barnets lov", "barnets_lov"),
    ("Sygedagpengeloven", "sygedagpengeloven"),
    ("Lov om højeste, mellemste førtidspension m.fl.", "foertidspension"),
    ("Lov om almene boliger", "almenboligloven"),
    ("Boligstøtteloven", "boligstoetteloven"),
    ("Andre Love*", "andre_love"),
]
ROWS_4_4 = [
    *(
        row(label, cells, law_area=code)
        for (label, code), cells in zip(
            LAWS_2024,
            [
                "686 78 99 11 95 11 880 22",
                "3.970 78 476 9 670 13 5.116 22",
                "437 86 15 3 54 11 506 14",
                "1.785 54 150 5 1.352 41 3.287 46",
                "2.010 56 341 9 1.258 35 3.609 44",
                "2.526 78 345 11 356 11 3.227 22",
                "33 79 1 2 8 19 42 21",
                "138 65 2 1 71 34 211 35",
                "30 52 4 7 24 41 58 48",
                "283 77 39 11 47 13 369 23",
            ],
            strict=True,
        )
    ),
    row("Sager i alt", "11.898 69 1.472 9 3.935 23 17.305 31", law_area="alle", row_role="total"),
]


def table_4_4(rows: Sequence[Axis] = ROWS_4_4) -> list[Observation]:
    return table("4.4", COLUMNS_4_4, rows, period="2024", **HELE_LANDET)


# TABEL 4.2 AFGJORTE SAGER EFTER LOVOMRÅDE I PERIODEN 2022-2024 - ANTAL OG PROCENT
COLUMNS_4_2 = [
    col(f"{year} / {kind}", period=str(year), measure=measure)
    for year in (2022, 2023, 2024)
    for kind, measure in (("Antal", "afgjorte"), ("Procent", "andel_procent"))
]
ROWS_4_2 = [
    *(
        row(label, cells, law_area=code)
        for (label, code), cells in zip(
            LAWS_2024,
            [
                "1.278 6 1.192 6 985 5",
                "4.659 23 5.788 27 5.894 30",
                "673 3 743 3 574 3",
                "9.272 46 8.669 41 3.908 20",
                "- - - - 3.996 20",  # Barnets lov from 2024
                "3.496 17 3.971 19 3.566 18",
                "67 0 64 0 45 0",
                "278 1 250 1 250 1",
                "63 0 73 0 68 0",
                "362 2 569 3 443 2",
            ],
            strict=True,
        )
    ),
    row(
        "Afgjorte sager i alt",
        "20.148 100 21.319 100 19.729 100",
        law_area="alle",
        row_role="total",
    ),
    row(
        "Bortfaldne",
        "1.759 9 2.122 10 2.424 12",
        law_area="alle",
        measure="bortfaldne",
        row_role="extra",
    ),
    row(
        "Realitetsbehandlede sager",
        "18.389 91 19.197 90 17.305 88",
        law_area="alle",
        measure="realitetsbehandlede",
        row_role="extra",
    ),
]


def table_4_2(rows: Sequence[Axis] = ROWS_4_2) -> list[Observation]:
    return table("4.2", COLUMNS_4_2, rows, **HELE_LANDET)


# TABEL 4.7 SAGER INDBRAGT FOR DOMSTOLENE PÅ SOCIAL- OG BESKÆFTIGELSESOMRÅDET – 2022-2024
COLUMNS_4_7 = [col(str(year), period=str(year)) for year in (2022, 2023, 2024)]
ROWS_4_7 = [
    row("Sager indbragt for domstolene i alt", "13 18 20", measure="indbragt_domstole"),
    row("sager, hvor Ankestyrelsen fik medhold", "7 14 13", measure="medhold"),
    row("sager, hvor Ankestyrelsen ikke fik medhold", "6 4 7", measure="ikke_medhold"),
    row("Medholdsprocent", "54% 78% 65%", measure="medholdsprocent"),
]


def table_4_7(rows: Sequence[Axis] = ROWS_4_7) -> list[Observation]:
    return table("4.7", COLUMNS_4_7, rows, **HELE_LANDET)


# TABEL 4.8 (Bilag 1): law rows are subtotals of the provision rows under them.
COLUMNS_4_8 = [
    col("Stadfæstelse", measure="stadfaestet"),
    col("Hjemvisning", measure="hjemvist"),
    col("Ændring/Ophævelse", measure="aendret_ophaevet"),
    col("Realitetsbehandlet", measure="realitetsbehandlede"),
    col("Andel hjemvist", measure="andel_hjemvist"),
    col("Andel ændret", measure="andel_aendret"),
    col("Omgørelsesprocent", measure="omgoerelsesprocent"),
]
INDSKUD = "Indskudslån - § 54-71"
ALMENE = "Almene boliger - § 54-61"
BOTILBUD = "Længerevarende botilbud, Almenboligloven - § 105"
ROWS_4_8_HOUSING = [  # (label, cells, law_area, provision, row_role, group_row)
    row(label, cells, law_area=code, provision=provision, row_role=role, group_row=group)
    for label, cells, code, provision, role, group in [
        ("Boligstøtteloven", "30 24 4 58 41 7 48", "boligstoetteloven", None, "group", None),
        (INDSKUD, "30 24 4 58 41 7 48", "boligstoetteloven", INDSKUD, "member", 0),
        ("Lov om almene boliger", "138 71 2 211 34 1 35", "almenboligloven", None, "group", None),
        (ALMENE, "133 70 1 204 34 0 35", "almenboligloven", ALMENE, "member", 2),
        (BOTILBUD, "5 1 1 7 14 14 29", "almenboligloven", BOTILBUD, "member", 2),
    ]
]
# Every law row of Bilag 1 (as groups; their provision rows left out) under the Hovedtotal.
ROWS_4_8_LAWS = [
    row("Hovedtotal", "11.898 3.935 1.472 17.305 23 9 31", law_area="alle", row_role="total"),
    *(
        row(label, cells, law_area=code, row_role="group")
        for label, code, cells in [
            ("Andre Love", "andre_love", "283 47 39 369 13 11 23"),
            ("Barnets lov", "barnets_lov", "2.010 1.258 341 3.609 35 9 44"),
            ("Boligstøtteloven", "boligstoetteloven", "30 24 4 58 41 7 48"),
            (LAB, "lab", "686 95 99 880 11 11 22"),
            ("Lov om aktiv socialpolitik", "aktivloven", "3.970 670 476 5.116 13 9 22"),
            ("Lov om almene boliger", "almenboligloven", "138 71 2 211 34 1 35"),
            (
                "Lov om højeste, mellemste førtidspension m.fl.",
                "foertidspension",
                "33 8 1 42 19 2 21",
            ),
            ("Lov om social pension", "pensionsloven", "437 54 15 506 11 3 14"),
            ("Serviceloven", "serviceloven", "1.785 1.352 150 3.287 41 5 46"),
            ("Sygedagpengeloven", "sygedagpengeloven", "2.526 356 345 3.227 11 11 22"),
        ]
    ),
]


def table_4_8(rows: Sequence[Axis]) -> list[Observation]:
    return table("4.8", COLUMNS_4_8, rows, period="2024", **HELE_LANDET)


# Ishøj 2020 (Social- og Sundhedsudvalget 8.3.2021): outcomes as rows, law areas as columns.
COLUMNS_ISHOEJ_2020 = [
    col("aktivlov", law_area="aktivloven"),
    col("Pensions-love", law_area="pensionsloven"),
    col("Sygedag-pengelov", law_area="sygedagpengeloven"),
    col("Servicelov", law_area="serviceloven"),
    col("øvrige", law_area="oevrige"),
    col("I alt", law_area="alle", column_role="total"),
]
ROWS_ISHOEJ_2020 = [
    row("Stadfæstelser", "15 7 4 51 0 77", measure="stadfaestet"),
    row("Ændringer", "2 0 1 6 0 9", measure="aendret_ophaevet"),
    row("Hjemvisninger", "5 1 0 17 2 25", measure="hjemvist"),
    row("Afvisninger", "3 3 0 11 0 17", measure="afvist"),
    row("I alt", "25 11 5 85 2 128", measure="afgjorte", row_role="total"),
]


def ishoej_2020(rows: Sequence[Axis] = ROWS_ISHOEJ_2020) -> list[Observation]:
    return table("p2-t1", COLUMNS_ISHOEJ_2020, rows, period="2020", **ISHOEJ)


# Ishøj byråd 31.10.2022: "Serviceloven 66 74 52 62, % 68,9 % 63,5 % 37,9 % 31,1 % 36,5 %".
COLUMNS_ISHOEJ_2021 = [
    col(f"{title} / {year}", period=str(year), measure=measure)
    for title, measure in (
        ("Realitetsbehandlede sager i alt", "realitetsbehandlede"),
        ("Stadfæstelsesprocent", "stadfaestelsesprocent"),
        ("Omgørelsesprocent", "omgoerelsesprocent"),
    )
    for year in (2019, 2020, 2021)
]


def ishoej_2021(
    ishoej: str, hele_landet: str = "9301 10329 8280 ? 63,8 68,2 40,9 36,2 31,8"
) -> list[Observation]:
    """The Ishøj and Hele landet rows; "62, %" and "59,%" were read as illegible ("?")."""
    rows = [
        row(
            "Ishøj Serviceloven",
            ishoej,
            law_area="serviceloven",
            law_label="Serviceloven",
            **ISHOEJ,
        ),
        row(
            "Hele landet Serviceloven",
            hele_landet,
            law_area="serviceloven",
            law_label="Serviceloven",
            **HELE_LANDET,
        ),
    ]
    return table("p1-t1", COLUMNS_ISHOEJ_2021, rows)


ISHOEJ_SERVICELOVEN_2021 = "66 74 52 ? 68,9 63,5 37,9 31,1 36,5"


def test_the_registry_lists_each_check_once_with_its_flag() -> None:
    assert [(check.name, check.code) for check in CHECKS] == [
        ("sum_identities", "sum_mismatch"),
        ("row_totals", "sum_mismatch"),
        ("rates", "rate_mismatch"),
        ("rate_complements", "rate_mismatch"),
        ("cross_table", "conflict_other_source"),
        ("low_ocr_confidence", "low_ocr_confidence"),
        ("ocr_label_corrected", "ocr_label_corrected"),
        ("ocr_label_unverified", "ocr_label_unverified"),
        ("ocr_period_odd", "ocr_period_odd"),
        ("plausible", "implausible_value"),
        ("shares_as_counts", "shares_as_counts"),
    ]
    assert all(check.description for check in CHECKS)


def test_the_annual_report_tables_pass_every_check_alone_and_together() -> None:
    tables = [table_4_2(), table_4_4(), table_4_7(), table_4_8(ROWS_4_8_LAWS)]
    for observations in tables:
        assert run_checks(observations) == []
    assert run_checks([obs for observations in tables for obs in observations]) == []


def test_a_changed_count_is_caught_by_its_row_and_by_the_column_total() -> None:
    observations = table_4_4(changed(ROWS_4_4, LAB, "687 78 99 11 95 11 880 22"))
    results = run_checks(observations)
    assert [found.message for found in results] == [
        f"Hele landet {LAB} 2024: realitetsbehandlede printed 880, "
        "stadfaestet + aendret_ophaevet + hjemvist = 881 (table 4.4)",
        "Sager i alt [Stadfæstet / Antal] stadfaestet 2024: printed 11898, "
        "sum of rows 11899 (table 4.4)",
    ]
    row_sum, column_total = results
    assert involved(observations, row_sum) == {
        (LAB, "Stadfæstet / Antal"),
        (LAB, "Ændret/Ophævet / Antal"),
        (LAB, "Hjemvist / Antal"),
        (LAB, "Realitetsbehandlede sager"),
    }
    assert involved(observations, column_total) == {
        (line.label, "Stadfæstet / Antal") for line in ROWS_4_4
    }
    assert (row_sum.table_id, row_sum.page) == ("4.4", 1)
    # 687 / 880 = 78.07 % still rounds to the printed 78: no rate is flagged.
    assert by_code(results, "rate_mismatch") == []


def test_a_changed_count_breaks_the_rates_it_no_longer_rounds_to() -> None:
    observations = table_4_4(changed(ROWS_4_4, LAB, "686 78 109 11 95 11 880 22"))
    rates = by_code(run_checks(observations), "rate_mismatch")
    # 109 / 880 = 12.39 % is not "11"; (109 + 95) / 880 = 23.18 % is not "22";
    # 686 / 880 = 77.95 % and 95 / 880 = 10.80 % still hold.
    assert [found.message for found in rates] == [
        f"Hele landet {LAB} 2024: omgoerelsesprocent printed 22, "
        "computed 23.18 = 100 × 204/880 (table 4.4)",
        f"Hele landet {LAB} 2024: andel_aendret printed 11, "
        "computed 12.39 = 100 × 109/880 (table 4.4)",
    ]
    assert involved(observations, rates[1]) == {
        (LAB, "Ændret/Ophævet / Procent"),
        (LAB, "Ændret/Ophævet / Antal"),
        (LAB, "Realitetsbehandlede sager"),
    }


def test_a_changed_rate_is_flagged_with_the_counts_it_comes_from() -> None:
    observations = table_4_4(changed(ROWS_4_4, LAB, "686 78 99 11 95 11 880 23"))
    (found,) = run_checks(observations)
    assert found.code == "rate_mismatch"
    assert involved(observations, found) == {
        (LAB, "Omgørelsesprocent"),
        (LAB, "Ændret/Ophævet / Antal"),
        (LAB, "Hjemvist / Antal"),
        (LAB, "Realitetsbehandlede sager"),
    }


def test_ishoej_2020_passes_and_a_changed_cell_fails_its_column_and_its_row() -> None:
    assert run_checks(ishoej_2020()) == []
    observations = ishoej_2020(changed(ROWS_ISHOEJ_2020, "Stadfæstelser", "15 7 4 52 0 77"))
    results = run_checks(observations)
    assert [found.message for found in results] == [
        "Ishøj Servicelov 2020: afgjorte printed 85, "
        "stadfaestet + aendret_ophaevet + hjemvist + afvist = 86 (table p2-t1)",
        "Stadfæstelser [I alt] stadfaestet 2020: printed 77, sum of columns 78 (table p2-t1)",
    ]
    decided, row_total = results
    assert involved(observations, decided) == {
        (outcome, "Servicelov")
        for outcome in ("Stadfæstelser", "Ændringer", "Hjemvisninger", "Afvisninger", "I alt")
    }
    assert involved(observations, row_total) == {
        ("Stadfæstelser", column.label) for column in COLUMNS_ISHOEJ_2020
    }


# The omgørelsesprocent row of the next table in the same minutes ("Ishøj Kommune 32 12 20 31
# 100 31"), checked against the counts above: 7/22 = 31.82, 1/8 = 12.5, 1/5 = 20, 23/74 = 31.08,
# 2/2 = 100, 34/111 = 30.63.
@pytest.mark.parametrize(
    ("printed", "failing"),
    [
        ("32 12 20 31 100 31", set()),
        ("32 13 20 31 100 31", set()),  # 12.5 rounds to 12 or to 13
        ("31,8 12,5 20 31,1 100 30,6", set()),
        ("31,9 12 20 31 100 31", {"aktivlov"}),  # 31.82 is not 31.85..31.95
        ("31 12 20 31 100 31", {"aktivlov"}),  # nor 30.5..31.5
        ("32 12,4 20 31 100 31", {"Pensions-love"}),
        ("32 12 20 31,0 100 31", {"Servicelov"}),  # "31" holds, "31,0" does not
    ],
)
def test_a_rate_holds_to_its_printed_rounding(printed: str, failing: set[str]) -> None:
    rates = row("Omgørelsesprocent", printed, measure="omgoerelsesprocent")
    observations = ishoej_2020([*ROWS_ISHOEJ_2020, rates])
    results = run_checks(observations)
    assert {found.code for found in results} <= {"rate_mismatch"}
    flagged = {
        observations[i].column_label
        for found in results
        for i in found.indices
        if observations[i].measure == "omgoerelsesprocent"
    }
    assert flagged == failing
    # No realitetsbehandlede row: the denominator is stadfæstet + ændret + hjemvist.
    for found in results:
        assert {observations[i].measure for i in found.indices} == {
            "omgoerelsesprocent",
            "stadfaestet",
            "aendret_ophaevet",
            "hjemvist",
        }
        assert len({observations[i].column_label for i in found.indices}) == 1


def test_bilag_1_law_rows_are_the_sum_of_their_provision_rows() -> None:
    assert run_checks(table_4_8(ROWS_4_8_HOUSING)) == []
    observations = table_4_8(changed(ROWS_4_8_HOUSING, ALMENE, "133 69 1 204 34 0 35"))
    results = run_checks(observations)
    assert [found.message for found in results] == [
        f"Hele landet {ALMENE} 2024: realitetsbehandlede printed 204, "
        "stadfaestet + aendret_ophaevet + hjemvist = 203 (table 4.8)",
        "Lov om almene boliger [Hjemvisning] hjemvist 2024: printed 71, "
        "sum of its rows 70 (table 4.8)",
        f"Hele landet {ALMENE} 2024: omgoerelsesprocent printed 35, "
        "computed 34.31 = 100 × 70/204 (table 4.8)",
    ]
    assert involved(observations, results[1]) == {
        ("Lov om almene boliger", "Hjemvisning"),
        (ALMENE, "Hjemvisning"),
        (BOTILBUD, "Hjemvisning"),
    }


def test_the_hovedtotal_is_the_sum_of_the_law_rows() -> None:
    # One more upheld case under serviceloven, its own row kept consistent (and its rates still
    # round to the printed 41, 5 and 46): only the Hovedtotal catches it.
    rows = changed(ROWS_4_8_LAWS, "Serviceloven", "1.786 1.352 150 3.288 41 5 46")
    observations = table_4_8(rows)
    results = run_checks(observations)
    assert [found.message for found in results] == [
        "Hovedtotal [Stadfæstelse] stadfaestet 2024: printed 11898, sum of rows 11899 (table 4.8)",
        "Hovedtotal [Realitetsbehandlet] realitetsbehandlede 2024: printed 17305, "
        "sum of rows 17306 (table 4.8)",
    ]
    assert involved(observations, results[0]) == {
        (line.label, "Stadfæstelse") for line in ROWS_4_8_LAWS
    }


def test_afgjorte_is_realitetsbehandlede_plus_bortfaldne() -> None:
    rows = changed(ROWS_4_2, "Bortfaldne", "1.759 9 2.122 10 2.425 12")
    observations = table_4_2(rows)
    (found,) = run_checks(observations)
    assert found.message == (
        "Hele landet Afgjorte sager i alt 2024: afgjorte printed 19729, "
        "realitetsbehandlede + bortfaldne = 19730 (table 4.2)"
    )
    assert involved(observations, found) == {
        ("Afgjorte sager i alt", "2024 / Antal"),
        ("Bortfaldne", "2024 / Antal"),
        ("Realitetsbehandlede sager", "2024 / Antal"),
    }


def test_court_cases_add_up_and_give_the_medholdsprocent() -> None:
    observations = table_4_7(changed(ROWS_4_7, "sager, hvor Ankestyrelsen fik medhold", "7 14 12"))
    assert [found.message for found in run_checks(observations)] == [
        "Hele landet 2024: indbragt_domstole printed 20, medhold + ikke_medhold = 19 (table 4.7)",
        "Hele landet 2024: medholdsprocent printed 65, computed 60 = 100 × 12/20 (table 4.7)",
    ]


@pytest.mark.parametrize(
    ("ishoej", "passes"),
    [
        (ISHOEJ_SERVICELOVEN_2021, True),  # 68,9 + 31,1 and 63,5 + 36,5
        ("66 74 52 ? 68,9 63,5 37,9 31,1 36,4", False),  # 63,5 + 36,4 = 99,9
        ("66 74 52 ? 68,9 63,5 37,9 31,1 36,6", True),  # 63.45 and 36.55 both rounded up
        ("66 74 52 ? 68,9 63,5 37,9 31,3 36,5", False),
    ],
)
def test_without_counts_stadfaestelses_and_omgoerelsesprocent_add_up_to_100(
    ishoej: str, passes: bool
) -> None:
    observations = ishoej_2021(ishoej)
    results = run_checks(observations)
    assert (results == []) is passes
    for found in results:
        assert found.code == "rate_mismatch"
        assert {observations[i].measure for i in found.indices} == {
            "stadfaestelsesprocent",
            "omgoerelsesprocent",
        }


def test_without_counts_andel_hjemvist_and_andel_aendret_add_up_to_omgoerelsesprocent() -> None:
    columns = COLUMNS_4_8[4:]
    rows = [
        row("Børn - KSB - Godtgørelse til netværksplejefamilier - § 59", "64 14 77"),
        row(ALMENE, "34 0 35", provision=ALMENE),
        row(BOTILBUD, "14 14 29", provision=BOTILBUD),
    ]
    assert run_checks(table("4.8", columns, rows, period="2024", **HELE_LANDET)) == []
    wrong = changed(rows, ALMENE, "34 0 36")  # 34 + 0 is 36 only beyond three half units
    (found,) = run_checks(table("4.8", columns, wrong, period="2024", **HELE_LANDET))
    assert found.message == (
        f"Hele landet {ALMENE} 2024: andel_hjemvist 34 + andel_aendret 0 = 34, "
        "omgoerelsesprocent 36 (table 4.8)"
    )
    assert len(found.indices) == 3


def test_a_value_that_cannot_be_read_skips_what_it_feeds_without_crashing() -> None:
    suppressed = changed(ROWS_4_4, LAB, ". 78 99 11 95 11 880 22")
    assert run_checks(table_4_4(suppressed)) == []
    # With LAB's count unknown the Stadfæstet column total cannot be verified; the total row's
    # own sum still can.
    wrong_total = changed(suppressed, "Sager i alt", "11.899 69 1.472 9 3.935 23 17.305 31")
    assert [found.message for found in run_checks(table_4_4(wrong_total))] == [
        "Hele landet Sager i alt 2024: realitetsbehandlede printed 17305, "
        "stadfaestet + aendret_ophaevet + hjemvist = 17306 (table 4.4)"
    ]
    # An illegible hjemvist: the provision's sum, its hjemvist rates and the law's hjemvist
    # subtotal are skipped; the rest of the table is checked and holds.
    illegible = changed(ROWS_4_8_HOUSING, ALMENE, "133 ? 1 204 34 0 35")
    assert run_checks(table_4_8(illegible)) == []
    wrong_stadfaestet = changed(illegible, ALMENE, "132 ? 1 204 34 0 35")
    assert [found.message for found in run_checks(table_4_8(wrong_stadfaestet))] == [
        "Lov om almene boliger [Stadfæstelse] stadfaestet 2024: printed 138, "
        "sum of its rows 137 (table 4.8)"
    ]


def test_nil_takes_part_as_zero() -> None:
    label = "Lov om anvendelse af tvang i psykiatrien m.v."
    assert run_checks(table_4_8([row(label, "- - 1 1 - 100 100", law_area="andre_love")])) == []
    (found,) = by_code(
        run_checks(table_4_8([row(label, "- - 1 2 - 100 100", law_area="andre_love")])),
        "sum_mismatch",
    )
    assert "realitetsbehandlede printed 2, stadfaestet + aendret_ophaevet + hjemvist = 1" in (
        found.message
    )


def test_the_same_count_printed_differently_in_two_tables_is_a_conflict() -> None:
    appendix = table(
        "p5-t1",
        [
            col("Realitetsbeh. sager alt 2021", measure="realitetsbehandlede"),
            col("Stadfæstede sager 2021", measure="stadfaestet"),
            col("Ændrede/ophævede sager 2021", measure="aendret_ophaevet"),
            col("Hjemviste sager 2021", measure="hjemvist"),
            col("Afviste sager 2021", measure="afvist"),
        ],
        [row("I alt", "50 31 4 15 7", law_area="serviceloven")],
        period="2021",
        **ISHOEJ,
    )
    observations = [*ishoej_2021(ISHOEJ_SERVICELOVEN_2021), *appendix]
    (found,) = run_checks(observations)
    assert found.code == "conflict_other_source"
    assert found.message == (
        "Ishøj Serviceloven 2021: realitetsbehandlede 52 in table p1-t1 vs 50 in table p5-t1"
    )
    assert involved(observations, found) == {
        ("Ishøj Serviceloven", "Realitetsbehandlede sager i alt / 2021"),
        ("I alt", "Realitetsbeh. sager alt 2021"),
    }


def test_rates_printed_to_different_roundings_do_not_conflict() -> None:
    by_law = table(
        "p2-t2",
        [col("Aktivlov", law_area="aktivloven"), col("Servicelov", law_area="serviceloven")],
        [row("Ishøj Kommune", "32 31", measure="omgoerelsesprocent")],
        period="2020",
        **ISHOEJ,
    )
    trend = [
        *table(
            "p2-t3",
            [col("2020", period="2020")],
            [row("Ishøj Kommmune", "31,1", measure="omgoerelsesprocent", law_area="serviceloven")],
            **ISHOEJ,
        ),
        *table(
            "p2-t4",
            [col("2020", period="2020")],
            [row("Ishøj Kommmune", "31,8", measure="omgoerelsesprocent", law_area="aktivloven")],
            **ISHOEJ,
        ),
    ]
    assert run_checks([*by_law, *trend]) == []
    wrong = changed(
        [row("Ishøj Kommmune", "31,8", measure="omgoerelsesprocent", law_area="aktivloven")],
        "Ishøj Kommmune",
        "32,6",
    )
    (found,) = run_checks([*by_law, *table("p2-t4", [col("2020", period="2020")], wrong, **ISHOEJ)])
    assert found.code == "conflict_other_source"
    assert "32 in table p2-t2 vs 32.6 in table p2-t4" in found.message


def test_flags_by_index_gives_each_observation_its_sorted_unique_codes() -> None:
    observations = table_4_4(changed(ROWS_4_4, LAB, "686 78 109 11 95 11 880 22"))
    flags = flags_by_index(run_checks(observations))
    where = {(o.row_label, o.column_label): i for i, o in enumerate(observations)}
    assert flags[where[LAB, "Ændret/Ophævet / Antal"]] == ("rate_mismatch", "sum_mismatch")
    assert flags[where[LAB, "Omgørelsesprocent"]] == ("rate_mismatch",)
    assert flags[where["Serviceloven", "Ændret/Ophævet / Antal"]] == ("sum_mismatch",)
    assert where[LAB, "Stadfæstet / Procent"] not in flags
    assert list(flags) == sorted(flags)


def test_single_value_checks_flag_ocr_doubt_and_impossible_values() -> None:
    from dataclasses import replace

    from extract.model import Cell

    base = table_4_4()[:3]
    observations = [
        replace(base[0], cell=Cell("686", 4, ocr_confidence=61.0)),
        replace(base[1], value=635.0, cell=Cell("635%", 4, ocr_confidence=90.0)),
        replace(base[2], cell=Cell("99", 4, ocr_confidence=96.0)),
    ]
    codes = {
        (r.code, r.indices)
        for r in run_checks(observations)
        if r.code in ("low_ocr_confidence", "implausible_value")
    }
    assert codes == {("low_ocr_confidence", (0,)), ("implausible_value", (1,))}


# Table 2.1 of the annual report 2024, "Andel i pct." of the decided cases by law and quarter,
# read with the header naming the share lost: per cents keyed as counts of the caption's
# measure (afgjorte).
QUARTERS = [
    col("Q3 2023", period="2023-Q3"),
    col("Q4 2023", period="2023-Q4"),
    col("Q1 2024", period="2024-Q1"),
]
ROWS_2_1 = [
    row("LAB", "6 6 5", law_area="lab"),
    row("Aktivloven", "23 27 30", law_area="aktivloven"),
    row("PL", "3 3 3", law_area="pensionsloven"),
    row("Serviceloven", "46 41 20", law_area="serviceloven"),
    row("Barnets Lov", "- - 20", law_area="barnets_lov"),
    row("Sygedagpenge", "17 19 18", law_area="sygedagpengeloven"),
    row("Almenboligloven", "1 1 1", law_area="almenboligloven"),
    row("Andre love", "2 3 2", law_area="andre_love"),
    row("Sager i alt", "100 100 100", law_area="alle", row_role="total"),
]


def test_counts_adding_up_to_a_total_of_100_are_flagged_as_shares() -> None:
    observations = table("2.1", QUARTERS, ROWS_2_1, measure="afgjorte", **HELE_LANDET)
    found = by_code(run_checks(observations), "shares_as_counts")
    assert len(found) == 3  # one per quarter
    flagged = flags_by_index(found)
    reported = [i for i, obs in enumerate(observations) if obs.status is Status.REPORTED]
    assert all("shares_as_counts" in flagged[i] for i in reported)


def test_counts_with_another_total_and_shares_as_shares_are_not() -> None:
    assert by_code(run_checks(ishoej_2020()), "shares_as_counts") == []
    shares = table("2.1", QUARTERS, ROWS_2_1, measure="andel_procent", **HELE_LANDET)
    assert by_code(run_checks(shares), "shares_as_counts") == []
