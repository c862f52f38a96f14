"""Numbers on the page that come out in no record are named in the report, and a label that
cannot be told apart from its label column's words keys no value
(extract.interpret.views, extract.interpret.edges)."""

from __future__ import annotations

from extract.interpret.rulebook import Rulebook
from extract.model import DocumentContext
from tests.interpret.test_interpret_table import keys, read, table

REPORT = DocumentContext("aarsredegoerelse", "Ankestyrelsens årsredegørelse 2024")


def test_numbers_run_into_label_only_rows_are_reported(rulebook: Rulebook) -> None:
    # a small table whose value column the detector ran into the row labels: each row shows
    # no value, and its number is in no record; the report names each one
    candidate = table(
        ["2023"],
        [
            ("Sager i alt 18 Sager prøvet ved domstolene", None),
            ("Sager i alt 14 Medhold", None),
            ("Sager i alt 78% Medholdsprocent", None),
        ],
        caption="Sager indbragt for domstolene, hele landet",
    )
    result = read(rulebook, candidate)
    assert keys(result) == []
    named = [f.message for f in result.findings if f.code == "numbers_in_label"]
    assert len(named) == 3
    assert "'14'" in named[1] and "'78%'" in named[2]
    assert all(f.severity == "warning" for f in result.findings if f.code == "numbers_in_label")


def test_paragraph_numbers_in_a_group_row_are_no_values(rulebook: Rulebook) -> None:
    candidate = table(
        ["2023"],
        [
            ("Lov om social service", None),
            ("Børn - samvær - § 71", ["12"]),
            ("Hjælpemidler - §§ 112 og 113, stk. 2", None),
            ("Hjælpemidler - § 112", ["7"]),
        ],
        caption="Realitetsbehandlede sager, Ishøj Kommune",
    )
    result = read(rulebook, candidate)
    assert not [f for f in result.findings if f.code == "numbers_in_label"]


def test_a_label_beside_a_provision_column_is_no_provision_name(rulebook: Rulebook) -> None:
    # the stub split in two: a group row's words ("Hele landet", "Stadfæstelser") left as
    # labels of rows whose provisions are printed in the column beside them
    candidate = table(
        ["Bestemmelse", "H2 2024"],
        [
            ("Hele landet Stadfæstelser", ["Børn - KSB - Børnefaglig undersøgelse - § 20", "40"]),
            ("Hele Stadfæstelser", ["Børn - KSB - Forebyggende indsats - § 31", "12"]),
            ("landet", ["Børn - KSB - Frist - § 114", "3"]),
            ("Hele Stadfæstelser landet", ["Børn - KSB - Diverse", "28"]),
        ],
        caption="Realitetsbehandlede sager efter barnets lov fordelt på bestemmelse",
    )
    result = read(rulebook, candidate, REPORT)
    assert keys(result) == []  # no row's provision can be told from its label's words
    unread = [f.message for f in result.findings if f.code == "unresolved_label"]
    assert len(unread) == 4
    assert "row 'Hele Stadfæstelser landet' (Børn - KSB - Diverse, 28) not read" in unread[3]


def test_a_header_year_left_among_the_rows_is_no_count(rulebook: Rulebook) -> None:
    # a staggered header's last line ("2021" under "Afviste sager", set lower than the
    # others) read as a row labelled by the year: its cell is the year, not 2021 cases
    candidate = table(
        ["Realitetsbeh. sager", "Afviste sager"],
        [
            ("2021", ["", "2021"]),
            ("Boligindretning - § 116", ["2", "0"]),
            ("Børn - andre bestemmelser", ["4", "1"]),
        ],
        caption="Tabel 1. Ankestatistik fordelt på paragraffer i Odsherred Kommune (Servicelov)",
    )
    result = read(rulebook, candidate)
    assert 2021.0 not in [k[5] for k in keys(result)]
    assert any("its own period's year ('2021')" in f.message for f in result.findings)


def test_a_column_with_only_the_group_header_takes_no_measure_from_the_caption(
    rulebook: Rulebook,
) -> None:
    # "Stadfæstelse" and "Ændringer" read as one header over the first column, the second
    # left with only the entity spanning them all: its values are not the caption's measure
    group = "Vesthimmerlands Kommune"
    candidate = table(
        [f"{group} / Stadfæstelse Ændringer", group, f"{group} / Sager i alt"],
        [("Lov om aktiv socialpolitik", ["15", "2", "25"]), ("Serviceloven", ["51", "6", "85"])],
        caption="Afgjorte sager efter udfald i 3. kvartal 2025",
    )
    result = read(rulebook, candidate)
    assert {k[5] for k in keys(result)} <= {25.0, 85.0}
    assert any("2 values not emitted" in f.message for f in result.findings)


def test_a_measure_group_after_law_groups_is_not_inside_the_last_law(rulebook: Rulebook) -> None:
    # a sheet's nested stub columns read as group rows: law, then "Antal", then the year,
    # then months; after the law groups come the totals' and the lapsed cases' groups,
    # siblings of the law groups, not parts of the last law's
    def group(name: str, counts: tuple[str, str]) -> list[tuple[str, list[str] | None]]:
        return [(name, None), ("Antal", None), ("2023", None)] + [
            (month, [count]) for month, count in zip(("november", "december"), counts, strict=True)
        ]

    rows = group("Serviceloven", ("9272", "8669")) + group("Andre Love", ("362", "569"))
    rows += group("Afgjorte sager i alt", ("20148", "21319"))
    rows += group("Bortfaldne", ("1759", "2122"))
    candidate = table(["Tal"], rows, title="Afgjorte sager efter lovområde Hele landet")
    result = read(rulebook, candidate)
    laws = {k[5]: k[2] for k in keys(result)}
    assert laws[362.0] == "andre_love"
    assert laws.get(1759.0) in (None, "alle")  # never the last law group's


def test_a_half_year_word_without_its_number_is_no_year(rulebook: Rulebook) -> None:
    # "Hjemviste sager 2. halvår 2025" over "Antal | Procent", narrow: its "2." read into
    # the first column's header, "halvår" into the second's; the second names no year
    candidate = table(
        ["Hjemviste / sager 2. / 2025 / Antal", "Hjemviste / halvår / 2025 / Procent"],
        [("Aktivlov", ["670", "13"]), ("Serviceloven", ["1.352", "41"])],
        caption="Tabel 4.2 Realitetsbehandlede sager efter lovområde og udfald",
    )
    result = read(rulebook, candidate, REPORT)
    assert [k for k in keys(result) if k[1] == "2025"] == []
    assert any("a half of it (which one was not read)" in f.message for f in result.findings)
