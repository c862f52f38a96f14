"""Tables read from the vocabulary (extract.interpret.table): the same real numbers laid out
the ways other writers lay them out, each case with what must come out, and what must not."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from extract.interpret.rulebook import Rulebook
from extract.interpret.table import Interpretation, Interpreter
from extract.model import Cell, DocumentContext, TableCandidate, TableRow

Row = tuple[str, Sequence[str] | None]  # label, printed cells (None: a label-only row)
MINUTES = DocumentContext("referat", "Ishøj Kommune\nSocialudvalget\nReferat 8. marts 2021")


def table(
    headers: Sequence[str],
    rows: Sequence[Row],
    *,
    caption: str | None = None,
    title: str | None = None,
    stub: str = "",
) -> TableCandidate:
    """A detected table: header paths given as "level / level", rows as printed."""
    width = len(headers)
    return TableCandidate(
        table_id="p1-t1",
        detector="test",
        pages=(1,),
        bbox=None,
        caption=caption,
        title=title,
        notes=(),
        stub_header=stub,
        column_headers=tuple(tuple(h.split(" / ")) if h else () for h in headers),
        rows=tuple(
            TableRow(label, tuple(Cell(t, 1) for t in cells) if cells else (None,) * width, 1)
            for label, cells in rows
        ),
    )


def read(
    rulebook: Rulebook, candidate: TableCandidate, context: DocumentContext = MINUTES
) -> Interpretation:
    return Interpreter(rulebook).interpret(candidate, context)


def keys(result: Interpretation) -> list[tuple[object, ...]]:
    return [
        (o.municipality_code, o.period, o.law_area, o.provision, o.measure, o.value, o.status)
        for o in result.observations
    ]


OUTCOMES_BY_LAW = [
    ("Stadfæstelser", ["15", "51", "66"]),
    ("Ændringer", ["2", "6", "8"]),
    ("Hjemvisninger", ["5", "17", "22"]),
    ("Afvisninger", ["3", "11", "14"]),
    ("I alt", ["25", "85", "110"]),
]


def test_outcomes_by_law_with_totals(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(["aktivlov", "Servicelov", "I alt"], OUTCOMES_BY_LAW, title="Afgjorte sager 2020"),
    )
    got = keys(result)
    assert len(got) == 15 and result.findings == ()
    assert got[0] == (183, "2020", "aktivloven", None, "stadfaestet", 15.0, "reported")
    assert got[2] == (183, "2020", "alle", None, "stadfaestet", 66.0, "reported")
    # the "I alt" row over stadfæstet, ændret, hjemvist and afvist is their whole: afgjorte
    assert got[-1] == (183, "2020", "alle", None, "afgjorte", 110.0, "reported")


def test_the_total_of_the_three_outcomes_is_realitetsbehandlede(rulebook: Rulebook) -> None:
    rows = [r for r in OUTCOMES_BY_LAW if r[0] != "Afvisninger"]
    rows[-1] = ("I alt", ["22", "74", "96"])
    got = keys(read(rulebook, table(["aktivlov", "Servicelov", "I alt"], rows, title="2020")))
    assert got[-1][4] == "realitetsbehandlede"


def test_transposed_with_abbreviations_and_broken_headers(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(
            ["Stadf.", "Ændr./ oph.", "Hjemv.", "Realitets- behandlede", "Omg.-pct."],
            [("LAS", ["15", "2", "5", "22", "32 %"]), ("SEL", ["51", "6", "17", "74", "31 %"])],
            caption="Tabel 3: Udfald i 2020 – Ishøj Kommune",
        ),
    )
    got = keys(result)
    assert len(got) == 10
    assert got[4] == (183, "2020", "aktivloven", None, "omgoerelsesprocent", 32.0, "reported")


def test_entity_groups_and_years_under_measures(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(
            [
                "Realitetsbehandlede sager i alt / 2019",
                "Realitetsbehandlede sager i alt / 2020",
                "Omgørelsesprocent / 2019",
                "Omgørelsesprocent / 2020",
            ],
            [
                ("Ishøj", None),
                ("Serviceloven", ["66", "74", "37,9 %", "31,1 %"]),
                ("Hele landet", None),
                ("Serviceloven", ["9301 sager101", "10329 sager", "40,9 %", "36,2 %"]),
            ],
            title="Ankestatistik",
        ),
    )
    got = keys(result)
    assert got[3] == (183, "2020", "serviceloven", None, "omgoerelsesprocent", 31.1, "reported")
    assert got[4] == (None, "2019", "serviceloven", None, "realitetsbehandlede", None, "illegible")
    assert got[5][5] == 10329.0


LAWS_WITH_PROVISIONS = [
    ("Hovedtotal", ["300", "70"]),
    ("Serviceloven", ["180", "50"]),
    ("Hjælpemidler - § 112", ["100", "20"]),
    ("Merudgifter - § 100", ["80", "30"]),
    ("Aktivloven", ["120", "20"]),
    ("Diverse - Aktivloven", ["120", "20"]),
]


def test_law_rows_with_provisions_that_add_up(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(["Stadfæstet", "Hjemvist"], LAWS_WITH_PROVISIONS, caption="Sager i 2024"),
        DocumentContext("aarsredegoerelse", "Ankestyrelsens årsredegørelse 2024"),
    )
    got = {(o.law_area, o.provision, o.measure): (o.value, o.row_role) for o in result.observations}
    assert got[("alle", None, "stadfaestet")] == (300.0, "total")
    assert got[("serviceloven", None, "hjemvist")] == (50.0, "group")
    assert got[("serviceloven", "Merudgifter - § 100", "hjemvist")] == (30.0, "member")
    assert got[("aktivloven", "Diverse - Aktivloven", "stadfaestet")] == (120.0, "member")
    assert all(o.entity_scope == "hele_landet" for o in result.observations)
    assert result.findings == ()


def test_an_unknown_law_name_is_never_taken_for_a_provision(rulebook: Rulebook) -> None:
    rows = [
        ("Sygedagpengeloven", ["3.496", "17"]),
        ("Højeste/mellemste førtidspension efter gamle regler", ["67", "0"]),
        ("Lov om almene boliger", ["278", "1"]),
    ]
    result = read(
        rulebook,
        table(["2022 / Antal", "2022 / Procent"], rows, caption="Afgjorte sager efter lovområde"),
        DocumentContext("aarsredegoerelse", "Årsredegørelse"),
    )
    assert [o.law_area for o in result.observations] == [
        "sygedagpengeloven",
        "sygedagpengeloven",
        "almenboligloven",
        "almenboligloven",
    ]
    [finding] = result.findings
    assert "row 'Højeste/mellemste førtidspension efter gamle regler' (67, 0) not read" in (
        finding.message
    )


def test_benefit_months_and_a_grand_total(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("Jan 2022", None),
        ("A-dagpenge", ["55"]),
        ("Sygedagpenge", ["185"]),
        ("Feb 2022", None),
        ("A-dagpenge", ["51"]),
        ("Sygedagpenge", ["."]),
        ("I alt", ["291"]),
    ]
    result = read(rulebook, table(["Antal personer"], rows, title="Fanø"))
    got = keys(result)
    assert got == [
        (563, "2022-01", None, "A-dagpenge", "antal_personer", 55.0, "reported"),
        (563, "2022-01", None, "Sygedagpenge", "antal_personer", 185.0, "reported"),
        (563, "2022-02", None, "A-dagpenge", "antal_personer", 51.0, "reported"),
        (563, "2022-02", None, "Sygedagpenge", "antal_personer", None, "suppressed"),
    ]
    assert [f.code for f in result.findings] == ["skipped_row"]  # over two months: no key


def test_a_total_header_naming_a_measure_after_law_groups_is_all_laws(
    rulebook: Rulebook,
) -> None:
    rows: list[Row] = [
        ("Serviceloven", None),
        ("2022", ["9272"]),
        ("Andre love", None),
        ("2022", ["362"]),
        ("Afgjorte sager i alt", None),
        ("2022", ["40123"]),
        ("Heraf bortfaldne", None),
        ("2022", ["3567"]),
    ]
    got = keys(read(rulebook, table(["Antal"], rows, caption="Afgjorte sager efter lovområde")))
    assert got == [
        (183, "2022", "serviceloven", None, "afgjorte", 9272.0, "reported"),
        (183, "2022", "andre_love", None, "afgjorte", 362.0, "reported"),
        (183, "2022", "alle", None, "afgjorte", 40123.0, "reported"),
        (183, "2022", "alle", None, "bortfaldne", 3567.0, "reported"),
    ]


LAW_GROUPS_AFTER_TOTALS: list[Row] = [
    ("Afgjorte sager i alt", None),
    ("Antal", ["40"]),
    ("Realitetsbehandlede sager", None),
    ("Antal", ["36"]),
    ("Procent", ["90 %"]),
    ("Serviceloven", None),
    ("Antal", ["25"]),
    ("Aktivloven", None),
    ("Antal", ["15"]),
]


def test_law_groups_after_measure_groups_break_down_the_one_they_sum_to(
    rulebook: Rulebook,
) -> None:
    got = keys(read(rulebook, table(["2022"], LAW_GROUPS_AFTER_TOTALS)))
    assert got[-2:] == [  # 25 + 15 = 40: all afgjorte sager, not the 36 realitetsbehandlede
        (183, "2022", "serviceloven", None, "afgjorte", 25.0, "reported"),
        (183, "2022", "aktivloven", None, "afgjorte", 15.0, "reported"),
    ]
    unclear = [*LAW_GROUPS_AFTER_TOTALS[:-1], ("Antal", ["14"])]  # 39: no measure's total
    result = read(rulebook, table(["2022"], unclear))
    assert [o.law_area for o in result.observations] == ["alle", "alle", "alle"]
    assert "2 values not emitted: no measure" in result.findings[-1].message


def test_a_benefit_label_naming_its_municipality(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("Jan 2022", None),
        ("Slagelse Kommune, Revalidering", ["."]),
        ("Slagelse Kommune – Ledighedsydelse", ["8"]),
    ]
    got = keys(read(rulebook, table(["Antal personer"], rows)))  # the minutes are Ishøj's
    assert got == [
        (330, "2022-01", None, "Revalidering", "antal_personer", None, "suppressed"),
        (330, "2022-01", None, "Ledighedsydelse", "antal_personer", 8.0, "reported"),
    ]


def test_a_provision_label_beginning_with_its_measure(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("Stadfæstede sager, Diverse – serviceloven", ["5"]),
        ("Hjemvisning – Voksne - ledsageordning - § 97", ["2"]),
    ]
    caption = "Omgørelsesprocenter fordelt på paragraffer i lov om social service"
    got = keys(read(rulebook, table(["2021"], rows, caption=caption)))
    assert got == [  # the measure is the label's, not the caption's omgørelsesprocent
        (183, "2021", "serviceloven", "Diverse – serviceloven", "stadfaestet", 5.0, "reported"),
        (
            183,
            "2021",
            "serviceloven",
            "Voksne - ledsageordning - § 97",
            "hjemvist",
            2.0,
            "reported",
        ),
    ]


def test_a_provision_named_with_a_measure_word_under_measure_columns(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("Sygedagpengeloven", ["7", "3"]),
        ("Bortfald af retten til sygedagpenge - §§ 21-23", ["7", "3"]),
    ]
    got = keys(read(rulebook, table(["Stadfæstet 2024", "Hjemvist 2024"], rows)))
    provision = "Bortfald af retten til sygedagpenge - §§ 21-23"
    assert got[2:] == [
        (183, "2024", "sygedagpengeloven", provision, "stadfaestet", 7.0, "reported"),
        (183, "2024", "sygedagpengeloven", provision, "hjemvist", 3.0, "reported"),
    ]
    grouped = [("Hjemvist", None), *rows]  # under a group header naming the measure
    got = keys(
        read(rulebook, table(["2024"], [(label, cells and cells[1:]) for label, cells in grouped]))
    )
    assert got[1:] == [(183, "2024", "sygedagpengeloven", provision, "hjemvist", 3.0, "reported")]


def test_a_group_header_not_all_understood_gives_its_rows_nothing(rulebook: Rulebook) -> None:
    rows: list[Row] = [("Hele Måned landet", None), ("2020-04", ["13"]), ("2020-05", ["11"])]
    result = read(rulebook, table(["Medhold"], rows))
    assert result.observations == ()  # not Ishøj's from the heading: the header names an entity
    assert [f.message for f in result.findings if f.code == "missing_dimension"] == [
        "table p1-t1: 2 values not emitted: the group header naming its entity was not understood"
    ]


def test_a_skipped_total_header_ends_at_the_next_group(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("I alt", None),
        ("2022", ["13"]),
        ("Medhold", None),
        ("2022", ["7"]),
        ("Medhold, pct.", None),
        ("2022", ["54"]),
    ]
    result = read(rulebook, table(["Hele landet"], rows, caption="Sager indbragt for domstolene"))
    assert [(o.measure, o.value) for o in result.observations] == [
        ("medhold", 7.0),
        ("medholdsprocent", 54.0),
    ]
    assert [f.code for f in result.findings] == ["skipped_row"]  # 13: no measure's whole


def test_a_total_row_inside_a_measure_group_is_all_law_areas(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("2022", None),
        ("Omgørelsesprocent", ["30"]),
        ("Sagsbehandlingstid i uger", None),
        ("Sager i alt", ["14,5"]),
        ("Antal realitetsbehandlede sager", None),
        ("Sager i alt", ["18389"]),
    ]
    got = keys(read(rulebook, table(["Hele landet"], rows)))
    assert got == [
        (None, "2022", "alle", None, "omgoerelsesprocent", 30.0, "reported"),
        (None, "2022", "alle", None, "sagsbehandlingstid_uger", 14.5, "reported"),
        (None, "2022", "alle", None, "realitetsbehandlede", 18389.0, "reported"),
    ]


def test_a_header_naming_a_period_and_a_measure_keeps_the_period_for_the_next_measure(
    rulebook: Rulebook,
) -> None:
    rows: list[Row] = [
        ("2022 Sagsbehandlingstid i uger", None),
        ("Serviceloven", ["14,5"]),
        ("Realitetsbehandlede sager", None),
        ("Serviceloven", ["9301"]),
    ]
    got = keys(read(rulebook, table(["Hele landet"], rows)))
    assert got == [
        (None, "2022", "serviceloven", None, "sagsbehandlingstid_uger", 14.5, "reported"),
        (None, "2022", "serviceloven", None, "realitetsbehandlede", 9301.0, "reported"),
    ]


def test_benefits_under_a_count_group_row_count_persons(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("2022M01", None),
        ("Antal", None),
        ("A-dagpenge", ["55"]),
        ("Sygedagpenge", ["185"]),
        ("Kontanthjælp", ["11"]),
    ]
    result = read(rulebook, table(["Tal"], rows, stub="Måned / Afgørelse / Ydelse"))
    assert keys(result) == [
        (183, "2022-01", None, "A-dagpenge", "antal_personer", 55.0, "reported"),
        (183, "2022-01", None, "Sygedagpenge", "antal_personer", 185.0, "reported"),
        (183, "2022-01", None, "Kontanthjælp", "antal_personer", 11.0, "reported"),
    ]


@pytest.mark.parametrize(("total", "measure"), [("40", "afgjorte"), ("41", None)])
def test_rows_adding_up_to_a_total_naming_a_measure_are_its_parts(
    rulebook: Rulebook, total: str, measure: str | None
) -> None:
    rows: list[Row] = [
        ("Serviceloven", ["25"]),
        ("Aktivloven", ["15"]),
        ("Afgjorte sager i alt", [total]),
    ]
    result = read(rulebook, table(["Hele landet 2023"], rows))
    laws = [(o.law_area, o.measure) for o in result.observations if o.law_area != "alle"]
    assert laws == ([("serviceloven", measure), ("aktivloven", measure)] if measure else [])


def test_a_total_group_after_measure_groups(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("Stadfæstede", None),
        ("LAS", ["15"]),
        ("Sager i alt", ["77"]),
        ("Ændringer", None),
        ("LAS", ["2"]),
        ("Sager i alt", ["9"]),
        ("Hjemvisninger", None),
        ("LAS", ["5"]),
        ("Sager i alt", ["25"]),
        ("I alt", None),
        ("LAS", ["22"]),
        ("Sager i alt", ["111"]),
    ]
    got = keys(read(rulebook, table(["2020"], rows, stub="Fanø")))
    assert got[-2:] == [
        (563, "2020", "aktivloven", None, "realitetsbehandlede", 22.0, "reported"),
        (563, "2020", "alle", None, "realitetsbehandlede", 111.0, "reported"),
    ]
    assert [g[4] for g in got[:6]] == ["stadfaestet"] * 2 + ["aendret_ophaevet"] * 2 + [
        "hjemvist"
    ] * 2


def test_a_text_column_labels_its_rows(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(
            ["Lovområde", "Ishøj / 2020", "Hele landet / 2020"],
            [("Realitetsbeh. i alt", ["Serviceloven", "74", "10 329"])],
        ),
    )
    assert keys(result) == [
        (183, "2020", "serviceloven", None, "realitetsbehandlede", 74.0, "reported"),
        (None, "2020", "serviceloven", None, "realitetsbehandlede", 10329.0, "reported"),
    ]


def test_label_columns_printed_as_above_nest_their_rows(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(
            ["Afgørelsestype", "", "1. halvår 2025"],
            [
                ("Dragør", ["Stadfæstede sager", "Biler - §§ 114 og 115", "4"]),
                ("", ["", "Boligindretning - § 116", "2"]),
                ("", ["Hjemviste sager", "Biler - §§ 114 og 115", "1"]),
                ("Ishøj", ["Stadfæstede sager", "Biler - §§ 114 og 115", "7"]),
            ],
            title="Afgørelser efter bestemmelse i serviceloven",
        ),
    )
    assert keys(result) == [
        (155, "2025-H1", "serviceloven", "Biler - §§ 114 og 115", "stadfaestet", 4.0, "reported"),
        (155, "2025-H1", "serviceloven", "Boligindretning - § 116", "stadfaestet", 2.0, "reported"),
        (155, "2025-H1", "serviceloven", "Biler - §§ 114 og 115", "hjemvist", 1.0, "reported"),
        (183, "2025-H1", "serviceloven", "Biler - §§ 114 og 115", "stadfaestet", 7.0, "reported"),
    ]


def test_a_column_of_years_under_an_axis_word_labels_its_rows(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(
            ["Periode", "Omgørelsesprocent"],
            [
                ("Serviceloven", ["2022", "38 %"]),
                ("", ["2023", "39 %"]),
                ("Barnets lov", ["2024", "44 %"]),
            ],
            caption="Omgørelsesprocent efter lovområde, hele landet",
        ),
    )
    assert [(o.law_area, o.period, o.value) for o in result.observations] == [
        ("serviceloven", "2022", 38.0),
        ("serviceloven", "2023", 39.0),
        ("barnets_lov", "2024", 44.0),
    ]


def test_a_long_title_ending_in_a_word_cut_short_is_no_sentence(rulebook: Rulebook) -> None:
    title = (
        "Omgørelsespct. fordelt på instans, lovområder og år i perioden 2018-2020 Omgørelsespct."
    )
    result = read(rulebook, table(["2019"], [("Serviceloven", ["40,9"])], title=title))
    assert keys(result) == [
        (183, "2019", "serviceloven", None, "omgoerelsesprocent", 40.9, "reported")
    ]


def test_a_total_group_over_nested_groups_is_the_whole_of_the_outer_ones(
    rulebook: Rulebook,
) -> None:
    """ "I alt" heads a "2020" group as "Stadfæstede sager" and "Hjemvisninger" before it do:
    it is the sibling of those measure groups, not of the year groups."""
    rows: list[Row] = [
        ("Stadfæstede sager", None),
        ("2020", None),
        ("Serviceloven", ["51"]),
        ("Ændrede/ophævede", None),
        ("2020", None),
        ("Serviceloven", ["6"]),
        ("Hjemvisninger", None),
        ("2020", None),
        ("Serviceloven", ["17"]),
        ("Afvist", None),
        ("2020", None),
        ("Serviceloven", ["11"]),
        ("I alt", None),
        ("2020", None),
        ("Serviceloven", ["85"]),
    ]
    got = keys(read(rulebook, table(["Antal"], rows, title="Afgjorte sager i Fanø kommune")))
    assert got[-1] == (563, "2020", "serviceloven", None, "afgjorte", 85.0, "reported")
    assert [g[4] for g in got] == [
        "stadfaestet",
        "aendret_ophaevet",
        "hjemvist",
        "afvist",
        "afgjorte",
    ]


def test_a_value_printed_inside_a_row_label_names_no_provision(rulebook: Rulebook) -> None:
    """ "Brøndby" and "Kommune" wrapped around the first column's "66 sager": the value went
    into the label, so the row's other values may be shifted too; it is left out."""
    rows: list[Row] = [
        ("Realitetsbehandlet", None),
        ("Brøndby 66 sager Kommune", ["74 sager", "52 sager"]),
        ("Hele landet i 9 301 sager alt", ["10 329 sager", "8 280 sager"]),
    ]
    caption = "Tabel 1. Afgørelser efter instans og sagsemne (Serviceloven)"
    result = read(rulebook, table(["2020", "2021"], rows, caption=caption))
    assert result.observations == ()
    assert "a value printed inside the label" in " ".join(f.message for f in result.findings)


def test_columns_naming_no_entity_beside_one_that_does_take_none_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """ "Landsplan" printed over the first column only (a group row pulled into the header):
    the other columns' entity was not read, the minutes' municipality is not theirs."""
    rows: list[Row] = [("2022", ["12838", "70"])]
    headers = ["Stadfæstelse / Antal sager Landsplan", "Stadfæstelse / Procent"]
    result = read(rulebook, table(headers, rows, caption="Tabel 2: Udfald af sagerne 2022"))
    assert [(o.municipality_code, o.measure) for o in result.observations] == [
        (None, "stadfaestet")
    ]
    assert "other columns name their entity, this one none" in " ".join(
        f.message for f in result.findings
    )


def test_a_group_header_right_above_a_header_of_a_carried_kind_is_the_outer_one(
    rulebook: Rulebook,
) -> None:
    """ "Andel i pct." after the rows of "2024Q1", right above "2023Q3": the share groups
    hold the quarters, so the share stays on the rows under "2023Q3"."""
    rows: list[Row] = [
        ("2024Q1", None),
        ("Serviceloven", ["3 908"]),
        ("Andel i pct.", None),
        ("2023Q3", None),
        ("Serviceloven", ["46"]),
    ]
    caption = "Tabel 4.1 Afgjorte sager efter lovområde, hele landet"
    got = keys(read(rulebook, table(["Hele landet"], rows, caption=caption)))
    assert got == [
        (None, "2024-Q1", "serviceloven", None, "afgjorte", 3908.0, "reported"),
        (None, "2023-Q3", "serviceloven", None, "andel_procent", 46.0, "reported"),
    ]


def test_a_share_column_right_of_a_count_column_shares_its_measure(rulebook: Rulebook) -> None:
    """ "Hjemvisning" printed over "Antal" only, not over the "%" beside it."""
    headers = ["Hjemvisning / Antal / 2024", "% / 2024", "Andel ændret / 2024"]
    caption = "Tabel 1 Realitetsbehandlede sager efter lovområde, hele landet"
    result = read(rulebook, table(headers, [("Andre Love", ["47", "13", "11"])], caption=caption))
    assert [(o.measure, o.value) for o in result.observations] == [
        ("hjemvist", 47.0),
        ("andel_hjemvist", 13.0),
        ("andel_aendret", 11.0),
    ]


def test_provisions_closed_by_the_law_the_title_names_need_no_sums(rulebook: Rulebook) -> None:
    """ "Serviceloven i alt" under its provisions, whose counts are suppressed (".."): the
    title says the whole table is serviceloven, so they are its provisions."""
    rows: list[Row] = [
        ("Biler - §§ 114 og 115", ["4"]),
        ("Boligindretning - § 116", [".."]),
        ("Serviceloven i alt", ["9"]),
    ]
    title = "Realitetsbehandlede sager fordelt på paragraffer i servicelov"
    result = read(rulebook, table(["2018"], rows, title=title))
    assert [(o.provision, o.law_area, o.status) for o in result.observations] == [
        ("Biler - §§ 114 og 115", "serviceloven", "reported"),
        ("Boligindretning - § 116", "serviceloven", "suppressed"),
        (None, "serviceloven", "reported"),
    ]


def test_percentages_under_a_count_only_the_caption_names_are_left_out(
    rulebook: Rulebook,
) -> None:
    """A page of "Omgjort, pct." rows whose group header was on the page before, under the
    caption "Realitetsbehandlede sager …": "46%" is no share of realitetsbehandlede."""
    caption = "Tabel 3. Realitetsbehandlede sager efter lovområde og bestemmelse på landsplan"
    rows: list[Row] = [("Serviceloven", ["46%"]), ("Hjemmehjælp § 83", ["48%"])]
    result = read(rulebook, table(["2024"], rows, caption=caption))
    assert result.observations == ()
    assert "is a count, the value a percentage" in " ".join(f.message for f in result.findings)
    named = read(rulebook, table(["Realitetsbehandlede / 2024"], rows, caption=caption))
    assert [o.measure for o in named.observations] == ["andel_realitetsbehandlede"] * 2


def test_law_rows_adding_up_to_a_named_total_carry_its_measure(rulebook: Rulebook) -> None:
    """ "Afgjorte sager i alt", its two parts, then the law areas that add up to it too."""
    rows: list[Row] = [
        ("Antal", None),
        ("Afgjorte sager i alt", ["100"]),
        ("Bortfaldne", ["10"]),
        ("Realitetsbehandlede", ["90"]),
        ("Lov om social service", ["60"]),
        ("Lov om social pension", ["40"]),
    ]
    got = keys(read(rulebook, table(["Hele landet i alt / 2022"], rows, stub="Lovområde")))
    assert [(g[2], g[4], g[5]) for g in got] == [
        ("alle", "afgjorte", 100.0),
        ("alle", "bortfaldne", 10.0),
        ("alle", "realitetsbehandlede", 90.0),
        ("serviceloven", "afgjorte", 60.0),
        ("pensionsloven", "afgjorte", 40.0),
    ]


def test_rows_under_heraf_are_parts_of_the_total_above(rulebook: Rulebook) -> None:
    """ "Afgjorte sager i alt" (all law areas), "Heraf:", then its parts: they are all law
    areas' too, though no column of law areas says blanks mean "as above"."""
    rows: list[Row] = [
        ("Serviceloven", ["60"]),
        ("Lov om social pension", ["40"]),
        ("Afgjorte sager i alt", ["100"]),
        ("Heraf:", None),
        ("Bortfaldne", ["10"]),
        ("Heraf realitetsbehandlede", ["90"]),
    ]
    got = keys(read(rulebook, table(["Antal / 2022"], rows, stub="Hele landet")))
    assert [(g[2], g[4], g[5]) for g in got][-2:] == [
        ("alle", "bortfaldne", 10.0),
        ("alle", "realitetsbehandlede", 90.0),
    ]


def test_rows_after_a_caption_inside_the_table_are_another_tables(rulebook: Rulebook) -> None:
    """Detection ran two tables together; "Tabel 2 Antal personer …" among the rows starts
    the second, whose rows are not read under the first one's header."""
    rows: list[Row] = [
        ("Serviceloven", ["36,0", "33,8"]),
        ("Tiltrådt. Tabel 2 Antal", ["personer fordelt på ydelse", ""]),
        ("Okt 2022", ["A-dagpenge", "38"]),
    ]
    headers = ["Landsplan / 2018", "Gentofte / 2018"]
    result = read(rulebook, table(headers, rows, title="Omgørelse i pct. efter lovområde og år"))
    assert [(o.municipality_code, o.value) for o in result.observations] == [
        (None, 36.0),
        (157, 33.8),
    ]
    assert "follow a caption inside the table" in " ".join(f.message for f in result.findings)


def test_half_years_under_the_header_leave_year_columns_unread(rulebook: Rulebook) -> None:
    """ "1. | 2. | 1." over "halvår" read as the table's first rows: the columns' years
    alone ("2023", "2024") would be wrong periods."""
    rows: list[Row] = [
        ("Lovområde", ["1.", "2.", "1."]),
        ("", ["halvår", "halvår", "halvår"]),
        ("Hele landet", None),
        ("Serviceloven", ["38%", "39%", "46%"]),
    ]
    headers = ["Omgørelsespct. / 2023", "Omgørelsespct.", "Omgørelsespct. / 2024"]
    result = read(rulebook, table(headers, rows, caption="Tabel 5.1 Omgørelsesprocent"))
    assert result.observations == ()
    assert "its period is finer than it says" in " ".join(f.message for f in result.findings)


def test_columns_naming_no_aspect_beside_ones_naming_only_one_are_left_out(
    rulebook: Rulebook,
) -> None:
    """ "Antal" set over the middle one of its three half-year columns, "Pct." likewise: the
    columns beside them name neither count nor share, and are not read as counts."""
    headers = ["H1 2023", "Antal H2 2023", "H1 2023", "Pct. H2 2023"]
    caption = "TABEL 5.2 Afgjorte sager efter lovområde, hele landet"
    result = read(
        rulebook, table(headers, [("LAB", ["1 278", "1 192", "6", "6"])], caption=caption)
    )
    assert [(o.measure, o.value) for o in result.observations] == [
        ("afgjorte", 1192.0),
        ("andel_procent", 6.0),
    ]
    assert "this one neither" in " ".join(f.message for f in result.findings)


def test_a_measure_among_the_stub_column_headers_names_a_column_not_the_table(
    rulebook: Rulebook,
) -> None:
    """ "Afgørelse" among the headers of four stub columns is the column of outcomes (here
    "Antal"), not the measure afgjorte: the benefit rows count persons."""
    rows: list[Row] = [
        ("Ishøj", None),
        ("Jan 2022", None),
        ("Antal", None),
        ("A-dagpenge", ["55"]),
        ("Sygedagpenge", ["185"]),
    ]
    stub = "Myndighed / Måned / Afgørelse / Ydelse"
    result = read(rulebook, table(["Tal"], rows, title="Antal personer på ydelser", stub=stub))
    assert [(o.provision, o.measure, o.law_area) for o in result.observations] == [
        ("A-dagpenge", "antal_personer", None),
        ("Sygedagpenge", "antal_personer", None),
    ]


def test_law_groups_after_a_measure_group_nested_by_period_settle_by_sums(
    rulebook: Rulebook,
) -> None:
    """ "Realitetsbeh. sager" over months over Antal, then law groups over the same months:
    the law rows do not add up to realitetsbehandlede (9 + 2 is not 90), so they are not its."""
    rows: list[Row] = [
        ("Realitetsbeh. sager", None),
        ("nov 2023", None),
        ("Antal", ["90"]),
        ("Lov om aktiv beskæftigelsesindsats", None),
        ("nov 2023", None),
        ("Antal", ["9"]),
        ("Lov om aktiv socialpolitik", None),
        ("nov 2023", None),
        ("Antal", ["2"]),
    ]
    result = read(rulebook, table(["Landstotal"], rows, title="Afgjorte sager efter lovområde"))
    assert [(o.law_area, o.measure, o.value) for o in result.observations][:1] == [
        ("alle", "realitetsbehandlede", 90.0)
    ]
    assert all(o.measure != "realitetsbehandlede" for o in result.observations[1:])


def test_benefits_under_a_group_header_counting_persons_include_sygedagpenge(
    rulebook: Rulebook,
) -> None:
    """ "Antal personer" heads the benefit rows: "Sygedagpenge" among them is a benefit, not
    the law area whose provisions the rows under it would be."""
    rows: list[Row] = [
        ("januar 2022", None),
        ("Antal personer", None),
        ("A-dagpenge", ["48"]),
        ("Sygedagpenge", ["185"]),
        ("Jobafklaringsforløb", ["3"]),
    ]
    result = read(rulebook, table(["Værdi"], rows, title="Hørsholm Kommune"))
    assert [(o.provision, o.value) for o in result.observations] == [
        ("A-dagpenge", 48.0),
        ("Sygedagpenge", 185.0),
        ("Jobafklaringsforløb", 3.0),
    ]


def test_a_share_between_two_measures_counts_is_left_out(rulebook: Rulebook) -> None:
    """ "Hjemvist" set over "Antal" only and "Realitetsbehandlede" over "Andel" too: the
    share between hjemvist's count and realitetsbehandlede's is not sure to be either's."""
    headers = [
        "Ændrede sager / Antal / 2024",
        "Ændrede sager / Pct. / 2024",
        "Hjemvist Antal / 2024",
        "Realitetsbehandlede / Andel / 2024",
        "Realitetsbehandlede / sager i alt / 2024",
    ]
    caption = "Tabel 1 Realitetsbehandlede sager efter lovområde og udfald, hele landet"
    rows: list[Row] = [("Lov om aktiv beskæftigelsesindsats", ["99", "11", "95", "11", "880"])]
    result = read(rulebook, table(headers, rows, caption=caption))
    assert [o.measure for o in result.observations] == [
        "aendret_ophaevet",
        "andel_aendret",
        "hjemvist",
        "realitetsbehandlede",
    ]
    assert "whose is not sure" in " ".join(f.message for f in result.findings)


def test_two_cells_with_one_key_are_both_left_out(rulebook: Rulebook) -> None:
    result = read(
        rulebook,
        table(["Omgørelsesprocent", "Omgørelsesprocent"], [("SEL", ["31", "32"])], title="2020"),
    )
    assert result.observations == ()
    assert [f.code for f in result.findings] == ["ambiguous_key"]


def test_a_meeting_date_is_no_period(rulebook: Rulebook) -> None:
    result = read(rulebook, table(["Stadfæstet"], [("Serviceloven", ["51"])]))
    assert result.observations == ()
    assert [f.message for f in result.findings] == ["table p1-t1: 1 values not emitted: no period"]


def test_the_period_of_the_heading_line_on_the_statistics_is_the_tables(
    rulebook: Rulebook,
) -> None:
    heading = DocumentContext(
        "referat",
        "Ishøj Kommune\nDato: 19. februar 2022\nPunkt 12: Ankestyrelsens statistik i 2021\n"
        "Der har i 2020 været 7 afgørelser på området i kommunen, hvoraf 2 er hjemvist.",
    )
    got = keys(read(rulebook, table(["Stadfæstet"], [("Serviceloven", ["51"])]), heading))
    assert got == [(183, "2021", "serviceloven", None, "stadfaestet", 51.0, "reported")]


@pytest.mark.parametrize(
    "line",
    [
        "Budget 2021",  # no word of appeals statistics
        "Ankestyrelsen | Årsredegørelse 2025",  # the year of the report, not of its tables
        "• at omgørelsesprocenten i 2021 tages til efterretning",  # an item of a proposal
        "omgørelsesprocenten for 2021 drøftes",  # a sentence going on
        "Tabel 2: Ankestyrelsens afgørelser 2021",  # another table's caption
        "Ankestyrelsens statistik 2020 og 2021",  # two periods
        "Ankestyrelsen har i 2021 truffet afgørelse i 7 sager om hjælpemidler efter loven.",
    ],
)
def test_a_heading_line_that_is_no_title_on_the_statistics_gives_no_period(
    rulebook: Rulebook, line: str
) -> None:
    heading = DocumentContext("referat", f"Ishøj Kommune\n{line}\nReferat")
    result = read(rulebook, table(["Stadfæstet"], [("Serviceloven", ["51"])]), heading)
    assert result.observations == ()
    assert [f.message for f in result.findings] == ["table p1-t1: 1 values not emitted: no period"]


def test_a_sheets_first_rows_give_no_period(rulebook: Rulebook) -> None:
    heading = DocumentContext("regneark", "Ankestyrelsens statistik 2021\nStadfæstet")
    candidate = replace(table(["Stadfæstet"], [("Serviceloven", ["51"])]), sheet="Ark1")
    result = read(rulebook, candidate, heading)
    assert result.observations == ()


def test_a_sentence_about_another_numbered_table_is_no_title(rulebook: Rulebook) -> None:
    title = (
        "Ankestyrelsen fik i 2024 medhold i 65 procent af sagerne ved domstolene, jf. Tabel "
        "4.7. I 2023 lå medholdsprocenten på 78 procent og i 2022 på 54 procent."
    )
    caption = "Tabel 4.2 Realitetsbehandlede sager efter lovområde i 2024, hele landet"
    result = read(
        rulebook,
        table(["Hele landet"], [("Serviceloven", ["42"])], title=title, caption=caption),
    )
    assert [(o.measure, o.unit, o.value) for o in result.observations] == [
        ("realitetsbehandlede", "count", 42.0)
    ]


def test_a_number_of_percent_in_words_is_no_share_aspect(rulebook: Rulebook) -> None:
    title = "Af nedenstående tabel fremgår det, at 78 procent af sagerne blev stadfæstet i 2021."
    got = keys(read(rulebook, table(["Stadfæstet"], [("Serviceloven", ["5"])], title=title)))
    assert got == [(183, "2021", "serviceloven", None, "stadfaestet", 5.0, "reported")]


def test_a_title_and_a_caption_naming_different_measures_give_none(rulebook: Rulebook) -> None:
    """The title above says "Afgjorte sager", the caption under it (the next table's,
    taken for this one's) "Realitetsbehandlede sager": the measure is not known."""
    result = read(
        rulebook,
        table(
            ["antal sager / 2023"],
            [("Serviceloven", ["9 272"])],
            title="Afgjorte sager efter lovområde – hele landet",
            caption="Tabel 2: Realitetsbehandlede sager fordelt på lovområde",
        ),
    )
    assert result.observations == ()
    assert not result.statistics  # nothing names its measure: reported as a table not read


def test_a_percentage_in_a_sentence_is_no_share_aspect(rulebook: Rulebook) -> None:
    title = "Der har i 2021 været 7 afgørelser. Dvs. en omgørelsesprocent på 28,6 %."
    candidate = table(["Stadfæstet 2021"], [("Serviceloven", ["5"])], title=title)
    got = keys(read(rulebook, candidate))
    assert got == [(183, "2021", "serviceloven", None, "stadfaestet", 5.0, "reported")]


def test_running_text_cut_short_stating_a_share_is_no_title(rulebook: Rulebook) -> None:
    """The paragraph above the table, its last line cut off: it names a municipality and a
    measure in passing, which are not the table's."""
    title = (
        "På aktivlovens område har Struer Kommune en større omgørelsesprocent end "
        "landsgennemsnittet, men omgørelsesprocenten er faldet fra 48,4 % i 2018 til 31,8 % i"
    )
    candidate = table(["2021"], [("Serviceloven", ["66"])], title=title)
    result = read(rulebook, candidate, DocumentContext("referat", "Struer Kommune"))
    assert not result.observations  # not the omgørelsesprocent the paragraph names


def test_a_sentence_above_a_table_is_no_title(rulebook: Rulebook) -> None:
    title = "På servicelovens område har Ishøj Kommune dog en lavere omgørelsesprocent end Greve."
    rows = [("Stadfæstet", ["51"]), ("Omgjort, pct.", ["30"])]
    result = read(rulebook, table(["2022"], rows, title=title))
    assert result.observations == ()  # neither serviceloven nor Ishøj: the sentence compares
    assert [f.message for f in result.findings] == [
        "table p1-t1: 2 values not emitted: no entity (municipality or the whole country)"
    ]
    same = "På servicelovens område har Ishøj Kommune dog en lavere omgørelsesprocent end andre."
    got = keys(read(rulebook, table(["2022"], rows, title=same)))
    assert got == [  # the heading's entity stands; the law area is not the sentence's
        (183, "2022", "alle", None, "stadfaestet", 51.0, "reported"),
        (183, "2022", "alle", None, "omgoerelsesprocent", 30.0, "reported"),
    ]


def test_a_title_ending_in_an_abbreviation_is_no_sentence(rulebook: Rulebook) -> None:
    """A sheet's title rows "Omg.-pct. fordelt på kvartal, kommune og lovområde" and
    "Omg.-pct." read as seven words and more ending in a full stop, but "pct." is an
    abbreviation, not a sentence's end: the title names the measure."""
    title = "Omg.-pct. fordelt på kvartal, kommune og lovområde\nOmg.-pct."
    got = keys(read(rulebook, table(["2024K2"], [("Serviceloven", ["38"])], title=title)))
    assert got == [(183, "2024-Q2", "serviceloven", None, "omgoerelsesprocent", 38.0, "reported")]


def test_a_paragraph_mentioning_another_table_is_no_title(rulebook: Rulebook) -> None:
    title = (
        "I 2024 var den højeste omgørelsesprocent inden for serviceloven. Som det fremgår af "
        "Tabel 4.4, blev 46 procent af sagerne omgjort. Det er knap hver anden sag."
    )
    result = read(rulebook, table(["H2"], [("Serviceloven", ["46"])], title=title))
    assert result.observations == ()  # neither 2024 nor omgørelsesprocent is this table's
    assert not result.statistics  # nothing names its measure


def test_a_row_of_the_table_above_is_no_title(rulebook: Rulebook) -> None:
    rows = [("Stadfæstelsesprocent", ["70", "69"])]
    got = keys(read(rulebook, table(["2022", "2023"], rows, title="Aktivloven (LAS) 35 32")))
    assert got == [
        (183, "2022", "alle", None, "stadfaestelsesprocent", 70.0, "reported"),
        (183, "2023", "alle", None, "stadfaestelsesprocent", 69.0, "reported"),
    ]


def test_a_column_naming_no_measure_among_measure_columns_takes_none(rulebook: Rulebook) -> None:
    headers = ["Stadfæstede 2024", "Hjemvist 2024", "Andel hjemvist 2024", "i pct. 2024"]
    rows = [("Lov om aktiv socialpolitik", ["3970", "670", "13 %", "22 %"])]
    caption = "Tabel 4: Realitetsbehandlede sager efter lovområde"
    result = read(rulebook, table(headers, rows, caption=caption))
    assert [o.measure for o in result.observations] == [
        "stadfaestet",
        "hjemvist",
        "andel_hjemvist",
    ]  # "i pct." is not the share of the caption's measure: its own words were lost
    assert "a share column naming no measure beside columns naming theirs" in (
        result.findings[-1].message
    )


def test_barnets_lov_before_2024_is_not_applicable(rulebook: Rulebook) -> None:
    got = keys(
        read(
            rulebook,
            table(
                ["2023", "2024"],
                [("Barnets lov", ["-", "44"]), ("Serviceloven", ["-", "46"])],
                caption="Omgørelsesprocent efter lovområde",
            ),
            DocumentContext("aarsredegoerelse", "Årsredegørelse"),
        )
    )
    assert [(g[1], g[2], g[5], g[6]) for g in got] == [
        ("2023", "barnets_lov", None, "not_applicable"),
        ("2024", "barnets_lov", 44.0, "reported"),
        ("2023", "serviceloven", 0.0, "nil"),
        ("2024", "serviceloven", 46.0, "reported"),
    ]


def test_a_percent_sign_makes_a_count_measure_its_share(rulebook: Rulebook) -> None:
    got = keys(read(rulebook, table(["Stadfæstet"], [("SEL", ["70 %"])], title="2020")))
    assert got == [(183, "2020", "serviceloven", None, "stadfaestelsesprocent", 70.0, "reported")]


def test_a_table_that_names_no_measure_is_not_read(rulebook: Rulebook) -> None:
    result = read(rulebook, table(["2023", "2024"], [("Drift", ["12,3", "13,1"])], title="Budget"))
    assert not result.statistics and result.observations == ()
    assert result.named == ("period",)


def test_half_years_under_a_year(rulebook: Rulebook) -> None:
    rows: list[Row] = [("2024", None), ("H1", ["31"]), ("2. halvår", ["30"])]
    got = keys(read(rulebook, table(["Omgørelsesprocent"], rows, stub="Serviceloven")))
    assert [(g[1], g[5]) for g in got] == [("2024-H1", 31.0), ("2024-H2", 30.0)]


@pytest.mark.parametrize(
    ("caption", "law"),
    [
        ("Ankestyrelsens talportal 2021 – Serviceloven", "serviceloven"),
        ("Omgørelsesprocent 2021 – beskæftigelsesområdet indgår under øvrige", None),
    ],
)
def test_a_caption_segment_of_names_counts_a_remark_does_not(
    rulebook: Rulebook, caption: str, law: str | None
) -> None:
    result = read(rulebook, table(["Omgørelsesprocent"], [("Ishøj", ["31"])], caption=caption))
    if law is not None:
        assert keys(result) == [(183, "2021", law, None, "omgoerelsesprocent", 31.0, "reported")]
        return
    assert result.observations == ()  # the remark names law areas: not "alle" by default
    assert [f.message for f in result.findings] == [
        "table p1-t1: 1 values not emitted: no law area: the caption or title names law areas "
        "but gives the table none, or the text naming it (the table's start or caption) was not "
        "found"
    ]


def test_the_stub_header_holds_for_the_whole_table(rulebook: Rulebook) -> None:
    got = keys(
        read(
            rulebook,
            table(
                ["2022", "2023"],
                [("Serviceloven", ["38", "39"])],
                caption="Omgørelsesprocent",
                stub="Hele landet",
            ),
        )
    )
    assert {g[0] for g in got} == {None}  # the corner names the whole country


def test_a_value_read_as_a_row_label_is_no_provision(rulebook: Rulebook) -> None:
    rows: list[Row] = [("Biler - §§ 114 og 115", ["4"]), ("9301 sager101", ["40,9"])]
    result = read(rulebook, table(["Realitetsbehandlede sager"], rows, title="Serviceloven 2021"))
    assert [o.provision for o in result.observations] == ["Biler - §§ 114 og 115"]
    assert "row '9301 sager101' (40,9) not read" in result.findings[0].message


def test_a_total_header_opening_its_group_totals_the_groups_after_it(rulebook: Rulebook) -> None:
    rows: list[Row] = [
        ("Hele landet", None),
        ("Sager i alt", None),
        ("Stadfæstede sager", ["11898"]),
        ("LAB", None),
        ("Stadfæstede sager", ["686"]),
        ("Aktivloven", None),
        ("Stadfæstede sager", ["3970"]),
    ]
    got = keys(read(rulebook, table(["2024"], rows, title="Udfald")))
    assert [(g[0], g[2], g[5]) for g in got] == [
        (None, "alle", 11898.0),
        (None, "lab", 686.0),
        (None, "aktivloven", 3970.0),
    ]


def test_a_count_of_benefits_counts_persons(rulebook: Rulebook) -> None:
    rows: list[Row] = [("A-dagpenge", ["55"]), ("Sygedagpenge", ["185"]), ("Fleksjob", ["43"])]
    got = keys(read(rulebook, table(["Antal"], rows, title="Fanø, januar 2022")))
    assert got == [
        (563, "2022-01", None, "A-dagpenge", "antal_personer", 55.0, "reported"),
        (563, "2022-01", None, "Sygedagpenge", "antal_personer", 185.0, "reported"),
        (563, "2022-01", None, "Fleksjob", "antal_personer", 43.0, "reported"),
    ]


def test_a_benefit_count_without_its_benefit_gives_no_value(rulebook: Rulebook) -> None:
    """Antal personer counts people on one benefit: a row naming only its month says which
    benefit nowhere, so no value comes out, and the report names what is missing."""
    rows: list[Row] = [("Jan 2022", ["55"]), ("Feb 2022", ["51"])]
    result = read(rulebook, table(["Antal personer"], rows, title="Fanø"))
    assert keys(result) == []
    assert any("no ydelser entry named for antal_personer" in f.message for f in result.findings)
    named = [("Jan 2022", None), ("A-dagpenge", ["55"]), ("Feb 2022", None), ("A-dagpenge", ["51"])]
    assert [o.value for o in read(rulebook, table(["Antal personer"], named)).observations] == [
        55.0,
        51.0,
    ]


def test_cells_that_cannot_be_read_are_named_in_the_report(rulebook: Rulebook) -> None:
    """ "62, %" lost a digit and "31/8 %" holds junk: each comes out as an illegible value,
    and one warning for the table quotes what was printed."""
    rows: list[Row] = [("Serviceloven", ["62, %"]), ("Aktivloven", ["31/8 %"]), ("I alt", ["40 %"])]
    result = read(rulebook, table(["Omgørelsesprocent 2020"], rows))
    assert [(o.status.value, o.value) for o in result.observations] == [
        ("illegible", None),
        ("illegible", None),
        ("reported", 40.0),
    ]
    (finding,) = [f for f in result.findings if f.code == "illegible_value"]
    assert finding.severity == "warning"
    assert "2 values could not be read (status illegible): '62, %', '31/8 %'" in finding.message


def test_a_caption_naming_its_measure_wins_over_rows_that_are_also_benefits(
    rulebook: Rulebook,
) -> None:
    """ "Sygedagpenge" is a benefit and a law area; under "Afgjorte sager efter lovområde"
    the rows are law areas of afgjorte sager, not people on a benefit."""
    rows: list[Row] = [("2022", None), ("Barnets lov", ["5"]), ("Sygedagpenge", ["7"])]
    candidate = table(["Antal sager"], rows, caption="Afgjorte sager efter lovområde")
    assert keys(read(rulebook, candidate)) == [
        (183, "2022", "barnets_lov", None, "afgjorte", 5.0, "reported"),
        (183, "2022", "sygedagpengeloven", None, "afgjorte", 7.0, "reported"),
    ]


def test_a_provision_label_starting_in_lower_case_is_a_wrapped_labels_end(
    rulebook: Rulebook,
) -> None:
    """Sagsemner start with a capital or a number and a word; "anbragte i boform ... §
    137g-j" and "205 (4 ugers frist)" are the last lines of labels wrapped over two, whose
    first line was lost (at a page break): which provision they are is not known, so their
    values are not emitted and the report names the rows."""
    rows: list[Row] = [
        ("Biler - §§ 114 og 115", ["4"]),
        ("anbragte i boform v/strafferetlig afg.. - § 137g-j", ["2"]),
        ("205 (4 ugers frist)", ["7"]),
        ("225 timers reglen - § 13 f og 13 g", ["16"]),
    ]
    result = read(rulebook, table(["Realitetsbehandlede sager"], rows, title="Serviceloven 2021"))
    assert [o.provision for o in result.observations] == [
        "Biler - §§ 114 og 115",
        "225 timers reglen - § 13 f og 13 g",
    ]
    messages = " ".join(f.message for f in result.findings)
    assert "row 'anbragte i boform v/strafferetlig afg..' starts in lower case" in messages
    assert "row '205 (4 ugers frist)' starts in lower case or with a paragraph's" in messages


def test_an_unnamed_total_over_its_measure_rows_and_law_rows(rulebook: Rulebook) -> None:
    """ "I alt" names no measure, but Bortfald and Realitetsbehandlede sager under it add up
    to it (afgjorte = bortfaldne + realitetsbehandlede), and so do the law areas after them:
    they are the afgjorte sager by law area; shares of 100 add up to it within rounding."""
    rows: list[Row] = [
        ("I alt", ["300", "100 %"]),
        ("Bortfald", ["40", "13 %"]),
        ("Realitetsbeh. sager", ["260", "87 %"]),
        ("Serviceloven", ["101", "34 %"]),
        ("Aktivloven", ["119", "40 %"]),
        ("Andre love", ["80", "27 %"]),
    ]
    got = keys(read(rulebook, table(["Antal sager / 2023", "Andel / 2023"], rows)))
    assert got[0] == (183, "2023", "alle", None, "afgjorte", 300.0, "reported")
    assert (183, "2023", "serviceloven", None, "afgjorte", 101.0, "reported") in got
    assert (183, "2023", "andre_love", None, "afgjorte", 80.0, "reported") in got
    off = [*rows[:-1], ("Andre love", ["81", "27 %"])]  # 301: the law areas are not afgjorte
    assert all(
        o.law_area in ("alle", None)
        for o in read(rulebook, table(["Antal sager / 2023", "Andel / 2023"], off)).observations
    )


def test_a_total_header_first_in_a_period_group_is_no_total_over_periods(
    rulebook: Rulebook,
) -> None:
    """ "Sager i alt" right under "2022" heads the rows of all law areas in 2022; the next
    group header, "2023", is its parent's sibling, not its own."""
    rows: list[Row] = [
        ("2022", None),
        ("Sager i alt", None),
        ("Sager indbragt for domstolene i alt", ["13"]),
        ("Ankestyrelsen fik medhold", ["7"]),
        ("2023", None),
        ("Sager i alt", None),
        ("Sager indbragt for domstolene i alt", ["18"]),
        ("Ankestyrelsen fik medhold", ["14"]),
    ]
    title = "Sager indbragt for domstolene – hele landet"
    got = [
        (o.period, o.measure, o.value)
        for o in read(rulebook, table(["Værdi"], rows, title=title)).observations
    ]
    assert got == [
        ("2022", "indbragt_domstole", 13.0),
        ("2022", "medhold", 7.0),
        ("2023", "indbragt_domstole", 18.0),
        ("2023", "medhold", 14.0),
    ]


def test_a_table_captioned_as_continued_takes_nothing_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """ "Tabel 2 (fortsat)" not joined to its start ("Tabel 2: Hele landet" on the page
    before): the minutes' municipality and year are not taken for it."""
    heading = DocumentContext("referat", "Syddjurs Kommune\nPunkt 4: Ankestyrelsens statistik 2024")
    candidate = table(["Stadfæstet"], [("Serviceloven", ["99"])], caption="Tabel 2 (fortsat)")
    result = read(rulebook, candidate, heading)
    assert result.observations == ()
    assert "no entity: the table goes on from one whose start was not found" in " ".join(
        f.message for f in result.findings
    )
    got = keys(read(rulebook, replace(candidate, caption="Tabel 2"), heading))
    assert got == [(706, "2024", "serviceloven", None, "stadfaestet", 99.0, "reported")]


def test_a_table_without_caption_or_header_takes_nothing_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """The rest of a table printed without its header ("2. halvår 2019" was on the page
    before): the minutes' year is not its period, nor their municipality its entity."""
    heading = DocumentContext("referat", "Norddjurs\n92. Omgørelsesprocenter på socialområdet 2019")
    rows: list[Row] = [("Stadfæstede", None), ("Hjemmehjælp - § 83", ["4"])]
    result = read(rulebook, table([""], rows), heading)
    assert result.observations == ()
    title = "Stadfæstede sager efter bestemmelse i serviceloven"  # a title naming something
    titled = read(rulebook, table([""], rows, title=title), heading)
    assert keys(titled) == [
        (707, "2019", "serviceloven", "Hjemmehjælp - § 83", "stadfaestet", 4.0, "reported")
    ]


def test_a_later_table_without_caption_or_title_takes_nothing_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """A page of a national table not joined to its start: it has a header but no caption
    or title of its own, and a table came before it, so the minutes' municipality is not
    taken; as the document's first table it would be."""
    heading = DocumentContext("referat", "Rebild Kommune\nReferat")
    candidate = table(["Stadfæstet / 2024"], [("Lov om social pension", ["15"])])
    later = read(rulebook, candidate, replace(heading, tables_before=1))
    assert later.observations == ()
    first = read(rulebook, candidate, heading)
    assert keys(first) == [(840, "2024", "pensionsloven", None, "stadfaestet", 15.0, "reported")]


def test_a_row_naming_nothing_among_law_rows_is_not_all_law_areas(rulebook: Rulebook) -> None:
    """ "efter" (the middle of a wrapped label "Førtidspension / efter / gamle regler", read
    as a row of its own) among rows naming law areas: not keyed as all law areas, the
    table's default; it is said not to be read."""
    rows: list[Row] = [("Serviceloven", ["5"]), ("efter", ["67"]), ("Sygedagpengeloven", ["3"])]
    caption = "Tabel 4.1: Afgjorte sager efter lovområde"
    result = read(rulebook, table(["2022"], rows, caption=caption))
    assert [(o.law_area, o.value) for o in result.observations] == [
        ("serviceloven", 5.0),
        ("sygedagpengeloven", 3.0),
    ]
    assert any("its label names nothing" in f.message for f in result.findings)


def test_a_header_read_as_the_first_row_heads_the_columns(rulebook: Rulebook) -> None:
    """No column header, and a first row of the stub's axis word over text, no number
    ("Bestemmelse" | "2. halvår 2023"): the header read as a row. Its half-year is the
    column's period, not the year the minutes' heading names; the row gives no values."""
    heading = DocumentContext("referat", "Punkt 48 Ankestyrelsens statistik 2023 - Ishøj")
    rows: list[Row] = [("Bestemmelse", ["2. halvår 2023"]), ("Hjemmehjælp - § 83", ["4"])]
    title = "Stadfæstede sager efter bestemmelse i serviceloven"
    got = keys(read(rulebook, table([""], rows, title=title), heading))
    assert got == [
        (183, "2023-H2", "serviceloven", "Hjemmehjælp - § 83", "stadfaestet", 4.0, "reported")
    ]


def test_a_row_label_taken_for_a_caption_does_not_make_a_later_table_its_own(
    rulebook: Rulebook,
) -> None:
    """A page of a national table not joined to its start, the end of its last row read
    under it as its "caption" ("Midlertidige forbrugsgoder - §113b", as OCR finds it on a
    scan): a provision's name heads no table, so the minutes' municipality is still not
    taken. A caption naming what the table holds makes it a table of its own."""
    heading = DocumentContext("referat", "Rebild Kommune\nReferat")
    rows = [("Lov om social pension", ["15"])]
    cut = table(["Stadfæstet / 2024"], rows, caption="Midlertidige forbrugsgoder - §113b")
    assert read(rulebook, cut, replace(heading, tables_before=1)).observations == ()
    caption = "Tabel 3 Stadfæstede sager efter lovområde"
    own = read(rulebook, table(["2024"], rows, caption=caption), replace(heading, tables_before=1))
    assert keys(own) == [(840, "2024", "pensionsloven", None, "stadfaestet", 15.0, "reported")]


def test_a_table_starting_inside_a_group_takes_no_entity_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """Its first rows lack the year that "2023" and "2024" give the rows under them: the
    table goes on from a page whose end (the "2022" group, the title "Hele landet") was not
    joined to it, so the minutes' municipality is not taken for it."""
    laws = [("Serviceloven", ["38 %"]), ("Sygedagpengeloven", ["23 %"])]
    rows: list[Row] = [*laws, ("2023", None), *laws, ("2024", None), *laws]
    result = read(rulebook, table(["Omgørelsesprocent"], rows))
    assert result.observations == ()
    assert "no entity: the table goes on from one whose start was not found" in " ".join(
        f.message for f in result.findings
    )
    whole = [("2022", None), *rows]  # its start found: the heading's entity holds
    got = keys(read(rulebook, table(["Omgørelsesprocent"], whole)))
    assert got[0] == (183, "2022", "serviceloven", None, "omgoerelsesprocent", 38.0, "reported")


def test_a_column_naming_no_law_area_among_law_columns_is_not_all_laws(
    rulebook: Rulebook,
) -> None:
    """A group label "Lov om social service" read into the header of the first two columns
    only: the others name no law area, and that is not "all law areas"."""
    headers = [
        "Realitetsbehandlede sager / Lov om social service",
        "Stadfæstede sager / Lov om social service",
        "Hjemviste sager",
    ]
    rows: list[Row] = [("2021", ["52", "33", "15"])]
    result = read(rulebook, table(headers, rows))
    assert [(o.law_area, o.measure) for o in result.observations] == [
        ("serviceloven", "realitetsbehandlede"),
        ("serviceloven", "stadfaestet"),
    ]
    assert "1 values not emitted: other columns name their law area, this one none" in " ".join(
        f.message for f in result.findings
    )


def test_a_law_label_wrapped_over_its_values_line_is_read_whole(rulebook: Rulebook) -> None:
    """ "Lov om aktiv beskæftigelsesindsats" wrapped into a label-only "Lov" and the row "om
    aktiv beskæftigelsesindsats" that holds the values (starting in lower case): one label,
    and the provisions after it are that law's, not Boligstøtteloven's."""
    rows: list[Row] = [
        ("Boligstøtteloven", ["12"]),
        ("Indskudslån - § 54-71", ["10"]),
        ("Lov", None),
        ("om aktiv beskæftigelsesindsats", ["880"]),
        ("Fleksjob - § 116-141", ["89"]),
    ]
    caption = "Realitetsbehandlede sager fordelt på lovområde og bestemmelse i 2024"
    result = read(rulebook, table(["I alt"], rows, caption=caption))
    assert [(o.law_area, o.provision, o.value) for o in result.observations] == [
        ("boligstoetteloven", None, 12.0),
        ("boligstoetteloven", "Indskudslån - § 54-71", 10.0),
        ("lab", None, 880.0),
        ("lab", "Fleksjob - § 116-141", 89.0),
    ]


def test_provisions_after_a_half_read_law_row_are_not_the_law_above(rulebook: Rulebook) -> None:
    """A label-only row that reads like a law's name but is not understood ("Lov om højeste,
    mellemste, forhøjet almindelig og almindelig": its last line, with the values, lost): the
    provisions after it are that law's, not Boligstøtteloven's."""
    rows: list[Row] = [
        ("Boligstøtteloven", ["12"]),
        ("Indskudslån - § 54-71", ["10"]),
        ("Lov om højeste, mellemste, forhøjet almindelig og almindelig", None),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og 2", ["5"]),
        ("Forhøjelse af pension §§ 13 - 15, 21, 24, 44, 44a", ["10"]),
    ]
    caption = "Realitetsbehandlede sager fordelt på lovområde og bestemmelse i 2024"
    result = read(rulebook, table(["I alt"], rows, caption=caption))
    assert [(o.law_area, o.provision) for o in result.observations] == [
        ("boligstoetteloven", None),
        ("boligstoetteloven", "Indskudslån - § 54-71"),
    ]
    assert "the group header naming its law was not understood" in (
        " ".join(f.message for f in result.findings)
    )


def test_a_provision_label_running_on_into_the_cells_names_no_provision(
    rulebook: Rulebook,
) -> None:
    """ "Børn - Bekendtgørelse" with "om voksenansvar § 9" in the next cell: the label ran
    on past its column, so the provision is not known and its values are not emitted; "52
    sager" in a cell is a value, not words of the label."""
    rows: list[Row] = [
        ("Biler - §§ 114 og 115", ["", "52 sager"]),
        ("Børn - Bekendtgørelse", ["om voksenansvar § 9", "3"]),
    ]
    result = read(rulebook, table(["", "Stadfæstede 2021"], rows, title="Serviceloven"))
    assert [(o.provision, o.value) for o in result.observations] == [
        ("Biler - §§ 114 og 115", 52.0)
    ]
    assert "row 'Børn - Bekendtgørelse' runs on into its cells ('om voksenansvar § 9')" in (
        " ".join(f.message for f in result.findings)
    )


def test_a_second_column_of_labels_taken_for_values_is_read_as_labels(
    rulebook: Rulebook,
) -> None:
    """Outcome and provision in two stub columns, the second taken for a value column: the
    row "Stadfæstede" is not all of Stadfæstede, it heads the provisions beside and under it."""
    rows: list[Row] = [
        ("Stadfæstede", ["Børn - Hjemgivelse og hjemgivelsesperiode § 68", "0"]),
        ("", ["Voksne - længerevarende botilbud - § 108", "2"]),
    ]
    result = read(rulebook, table(["", "jun 2021"], rows, title="Serviceloven"))
    assert [(o.provision, o.measure, o.value) for o in result.observations] == [
        ("Børn - Hjemgivelse og hjemgivelsesperiode § 68", "stadfaestet", 0.0),
        ("Voksne - længerevarende botilbud - § 108", "stadfaestet", 2.0),
    ]


def test_a_table_starting_with_provisions_joins_them_below_only_by_the_sums(
    rulebook: Rulebook,
) -> None:
    """The page starts with Aktivloven's last provisions (its law row is on the page before);
    "Førtidspension efter gamle regler" below them is another law's row, not their subtotal:
    3 + 14 is not 40. Under a law row below that its provisions do add up to, they are its."""
    rows: list[Row] = [
        ("Formue - §§ 14 og 15", ["3"]),
        ("Tilbagebetaling - § 91", ["14"]),
        ("Førtidspension efter gamle regler", ["40"]),
    ]
    caption = "Stadfæstede sager efter lovområde og bestemmelse 2024"
    result = read(rulebook, table(["Antal"], rows, caption=caption))
    assert [(o.law_area, o.provision) for o in result.observations] == [("foertidspension", None)]
    closed = [*rows[:2], ("Førtidspension efter gamle regler", ["17"])]
    got = read(rulebook, table(["Antal"], closed, caption=caption)).observations
    assert [(o.law_area, o.provision) for o in got] == [
        ("foertidspension", "Formue - §§ 14 og 15"),
        ("foertidspension", "Tilbagebetaling - § 91"),
        ("foertidspension", None),
    ]


def test_a_caption_about_shares_leaves_a_column_without_percent_signs_alone(
    rulebook: Rulebook,
) -> None:
    """The caption ends in "Andel" (a header word read into it), but only one column prints
    "%": the other column's "2" is a count of hjemviste sager, not a share."""
    rows: list[Row] = [("225 timers reglen - § 13 f og 13 g", ["2", "10 %"])]
    caption = "Realitetsbehandlede sager fordelt på lovområde og bestemmelse i 2025 Andel"
    result = read(
        rulebook, table(["Hjemviste", "Andel ændret"], rows, caption=caption, title="Aktivloven")
    )
    assert [(o.measure, o.value) for o in result.observations] == [
        ("hjemvist", 2.0),
        ("andel_aendret", 10.0),
    ]


def test_rows_under_a_second_header_row_are_not_keyed_by_the_first(rulebook: Rulebook) -> None:
    """Two tables read as one: after the rows of the first, a row "Sagsemne" whose cells
    name quarters heads the second; its rows are not under the first's "Stadfæstet"
    columns. The first's header repeated is no second header."""
    rows: list[Row] = [
        ("Sygedagpengelov", ["2 526", "345"]),
        ("Sagsemne", ["2023 K3", "2023 K4"]),
        ("Aktivloven", ["27%", "23%"]),
    ]
    caption = "Realitetsbehandlede sager 2023, hele landet"
    result = read(rulebook, table(["Stadfæstet", "Ændret"], rows, caption=caption))
    assert [o.law_area for o in result.observations] == ["sygedagpengeloven"] * 2
    assert "the rows under a second header row ('Sagsemne'" in " ".join(
        f.message for f in result.findings
    )
    repeated: list[Row] = [
        ("Serviceloven", ["5", "6"]),
        ("", ["2023 K3", "2023 K4"]),
        ("Aktivloven", ["7", "8"]),
    ]
    result = read(
        rulebook, table(["2023 K3", "2023 K4"], repeated, caption="Stadfæstet, hele landet")
    )
    assert [o.value for o in result.observations] == [5.0, 6.0, 7.0, 8.0]


def test_a_column_whose_period_breaks_the_order_of_its_neighbours_is_not_read(
    rulebook: Rulebook,
) -> None:
    """ "2025" set over december instead of januar only: december 2025 between november
    2024 and januar 2025 is out of order; with four columns either of the last two may be
    the odd one, so both are left out. Measures side by side ("Antal 2024 | Procent 2023,
    2024") are not one run of periods."""
    headers = ["2024 / oktober", "2024 / november", "2025 / december", "2025 / januar"]
    rows: list[Row] = [("A-dagpenge", ["35", "37", "36", "48"])]
    result = read(rulebook, table(headers, rows, caption="Antal personer", title="Varde"))
    assert [o.period for o in result.observations] == ["2024-10", "2024-11"]
    assert "period 2025-12 out of the order" in " ".join(f.message for f in result.findings)
    sides = ["Antal / 2024", "Procent / 2023", "Procent / 2024"]
    rows = [("Serviceloven", ["40", "30 %", "32 %"])]
    got = read(rulebook, table(sides, rows, caption="Stadfæstede sager, Ishøj")).observations
    assert [o.period for o in got] == ["2024", "2023", "2024"]


def test_a_value_column_without_a_header_beside_headed_ones_takes_no_measure(
    rulebook: Rulebook,
) -> None:
    """The last column's header was read into its neighbour's: it has none, and the measure
    the stub header or caption names is not its own."""
    rows: list[Row] = [("Biler - §§ 114 og 115", ["2", "1"])]
    result = read(
        rulebook,
        table(
            ["Hjemviste sager 2021", ""], rows, caption="Realitetsbehandlede sager i serviceloven"
        ),
    )
    assert [(o.measure, o.value) for o in result.observations] == [("hjemvist", 2.0)]
    alone = read(
        rulebook,
        table(
            [""],
            [("Biler - §§ 114 og 115", ["4"])],
            caption="Realitetsbehandlede sager i serviceloven 2021",
        ),
    )
    assert [(o.measure, o.value) for o in alone.observations] == [("realitetsbehandlede", 4.0)]


def test_rows_under_a_row_naming_its_entity(rulebook: Rulebook) -> None:
    """ "Landsplan Stadfæstelsesprocent" and then rows naming only their measure: with a
    stub header naming the entity column ("Myndighed") the blanks under the name mean "as
    above"; without one, whether the name is meant for them is not known, and the minutes'
    municipality is not taken for them either."""
    rows: list[Row] = [
        ("Landsplan Stadfæstelsesprocent", ["70%"]),
        ("Andel hjemvist", ["19%"]),
        ("Omgørelsesprocent (%)", ["30%"]),
    ]
    got = read(rulebook, table(["2022"], rows, stub="Myndighed Udfald")).observations
    assert [(o.entity_scope, o.measure) for o in got] == [
        ("hele_landet", "stadfaestelsesprocent"),
        ("hele_landet", "andel_hjemvist"),
        ("hele_landet", "omgoerelsesprocent"),
    ]
    result = read(rulebook, table(["2022"], rows, stub="Kommune Udfald"))
    assert [(o.entity_scope, o.measure) for o in result.observations] == [
        ("hele_landet", "stadfaestelsesprocent")
    ]
    assert "a row above names its entity, this one none" in result.findings[0].message


def test_rows_under_a_row_naming_its_law_area_and_measure(rulebook: Rulebook) -> None:
    """ "Serviceloven (SEL) Realitetsbehandlede sager i alt" (two stub columns read as one),
    then rows naming only their measure: they are not all law areas; a table whose caption
    names the law axis reads the blanks as "as above"."""
    rows: list[Row] = [
        ("Serviceloven (SEL) Realitetsbehandlede sager i alt", ["9301"]),
        ("Stadfæstelsesprocent", ["68,9 %"]),
    ]
    result = read(rulebook, table(["2020 / Kerteminde"], rows))
    assert [o.law_area for o in result.observations] == ["serviceloven"]
    by_law = read(rulebook, table(["2020 / Kerteminde"], rows, caption="Sager efter lovområde"))
    assert [o.law_area for o in by_law.observations] == ["serviceloven", "serviceloven"]
    plain = [("Serviceloven", ["40"]), ("Aktivloven", ["30"]), ("Bortfaldne", ["5"])]
    got = read(rulebook, table(["2020"], plain, caption="Afgjorte sager")).observations
    assert [o.law_area for o in got] == ["serviceloven", "aktivloven", "alle"]


def test_a_provision_label_ending_where_no_name_ends_is_cut(rulebook: Rulebook) -> None:
    """ "Bistands- og plejetillæg §§ 16 stk. 1 og" and "Voksne – misbrugsbehandling - §" lost
    their ends (to the value column, or nowhere): which provision they are is not known."""
    rows: list[Row] = [
        ("Biler - §§ 114 og 115", ["4"]),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og", ["1"]),
        ("Voksne – misbrugsbehandling - §", ["2"]),
    ]
    result = read(rulebook, table(["Realitetsbehandlede sager"], rows, title="Serviceloven 2021"))
    assert [o.provision for o in result.observations] == ["Biler - §§ 114 og 115"]
    assert "ends where a provision's name cannot end" in " ".join(
        f.message for f in result.findings
    )


def test_a_provision_label_ending_in_a_dash_is_cut_unless_known(rulebook: Rulebook) -> None:
    """ "Hjælp til visse persongrupper -": its paragraph, after the dash, went elsewhere (a
    line lost to OCR); a sagsemne printed with a dash at its end is read as it is."""
    known = "Magtanvendelse, voksne, indgreb i selvbestemmelsesretten, anbragte i boform"
    rows: list[Row] = [
        ("Hjælp til visse persongrupper -", ["6"]),
        (f"{known} v/strafferetlig afg.. -", ["1"]),
    ]
    result = read(rulebook, table(["Realitetsbehandlede sager"], rows, title="Serviceloven 2021"))
    assert [o.provision for o in result.observations] == [f"{known} v/strafferetlig afg.. -"]
    assert "row 'Hjælp til visse persongrupper -' ends where" in " ".join(
        f.message for f in result.findings
    )


def test_a_caption_by_half_years_over_columns_naming_only_years(rulebook: Rulebook) -> None:
    """ "… fordelt på sagsemne og halvår" over columns "2023" and "2024": the halves under
    the years were lost, so the values are not the years'; "1. halvår 2025" in a caption is a
    period, not the table's grain."""
    rows: list[Row] = [("Serviceloven", ["38", "46"])]
    caption = "Omgørelsesprocent fordelt på sagsemne og halvår, hele landet"
    result = read(rulebook, table(["2023", "2024"], rows, caption=caption))
    assert result.observations == ()
    assert "the caption gives the table's periods by half" in result.findings[0].message
    caption = "Omgørelsesprocent 2024 og 1. halvår 2025, hele landet"
    got = read(rulebook, table(["2024", "1. halvår 2025"], rows, caption=caption)).observations
    assert [o.period for o in got] == ["2024", "2025-H1"]


def test_a_headless_table_after_another_takes_no_entity_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """The rest of a national table on the next page, found without its header: its first
    group row ("Hjemvisning LAS") is taken for a title that names a measure and a law area,
    but the minutes' municipality is not its entity."""
    rows: list[Row] = [
        ("225 timers reglen - § 13 f og 13 g", ["2"]),
        ("Formue - §§ 14 og 15", ["65"]),
    ]
    candidate = table([""], rows, title="Hjemvisning LAS")
    heading = DocumentContext("referat", "Ishøj Kommune\nPunkt 4: Ankestyrelsens statistik 2024")
    result = read(rulebook, candidate, replace(heading, tables_before=1))
    assert not result.observations
    assert any("no entity" in f.message for f in result.findings)
    first = read(rulebook, candidate, heading)  # the document's first table is the heading's
    assert {o.municipality_code for o in first.observations} == {183}


def test_a_header_level_naming_both_a_count_and_a_share_leaves_its_column_open(
    rulebook: Rulebook,
) -> None:
    """ "Procent Antal" under one column: the headers of two columns run together, so whether
    its values are counts or shares is unknown; under "Antal og andel", the level below
    says."""
    rows: list[Row] = [("2022", ["19", "2045"]), ("2023", ["19", "2034"])]
    merged = ["Realitetsbehandlede / Procent Antal", "Hjemvist / Antal og andel / Antal"]
    result = read(rulebook, table(merged, rows, caption="Tabel 2 Sager på landsplan"))
    assert [(o.period, o.measure, o.value) for o in result.observations] == [
        ("2022", "hjemvist", 2045),
        ("2023", "hjemvist", 2034),
    ]
    assert "header names both a count and a share, its row neither" in " ".join(
        f.message for f in result.findings
    )
    shares = ["Hjemvist / Antal og andel / Andel"]
    result = read(rulebook, table(shares, [("2022", ["19"])], caption="Tabel 2 Landsplan"))
    assert [(o.measure, o.value) for o in result.observations] == [("andel_hjemvist", 19)]


def test_a_share_column_beside_a_count_of_no_aspect_takes_no_caption_measure(
    rulebook: Rulebook,
) -> None:
    """ "Hjemvist" set over its count column only, "%" beside it: the caption's measure
    (realitetsbehandlede) is the whole the outcomes are shares of, not the column's."""
    headers = ["Stadfæstelser Antal", "Hjemvist", "%", "Realitetsbehandlede sager"]
    rows = [("2022", ["12.838", "3.506", "19 %", "18.389"])]
    caption = "Tabel 2.2: Udfald af realitetsbehandlede sager på landsplan"
    result = read(rulebook, table(headers, rows, caption=caption))
    assert [(o.measure, o.value) for o in result.observations] == [
        ("stadfaestet", 12838),
        ("hjemvist", 3506),
        ("realitetsbehandlede", 18389),
    ]
    assert "column '%' (1 values) not read" in " ".join(f.message for f in result.findings)


def test_rows_going_on_under_a_stub_naming_outcomes_take_no_caption_measure(
    rulebook: Rulebook,
) -> None:
    """The last page of a table whose rows are grouped by outcome ("Udfald"), the group begun
    on the page before: the outcome column is blank, so the caption's "Afgørelser" is not
    the rows' measure."""
    candidate = replace(
        table(["Bestemmelse", "2021"], [("", ["Merudgiftydelse §41", "2"])]),
        stub_header="Udfald",
        caption="Tabel: Afgørelser efter bestemmelse i serviceloven",
    )
    result = read(rulebook, candidate)
    assert not result.observations
    assert "1 values not emitted: no measure" in " ".join(f.message for f in result.findings)
    assert read(rulebook, candidate).context.value("measure") is None
    named = replace(candidate, rows=(replace(candidate.rows[0], label="Afvist"),))
    assert read(rulebook, named).context.value("measure") == "afgjorte"  # the rows say theirs


def test_provisions_under_a_law_row_naming_a_measure_take_its_measure(
    rulebook: Rulebook,
) -> None:
    """ "Stadfæstelse Barnets Lov" adds up the provisions under it: they are stadfæstelser,
    not the caption's realitetsbehandlede sager."""
    rows: list[Row] = [
        ("Stadfæstelse Barnets Lov", ["82"]),
        ("Børn - KSB - Børnefaglig undersøgelse - § 20, § 21 og § 26", ["54"]),
        ("Børn - KSB - Diverse - Barnets lov", ["28"]),
    ]
    title = "Realitetsbehandlede sager fordelt på lovområde og bestemmelse Hele landet"
    result = read(rulebook, table(["2024"], rows, title=title))
    assert {(o.measure, o.value) for o in result.observations} == {
        ("stadfaestet", 82),
        ("stadfaestet", 54),
        ("stadfaestet", 28),
    }


def test_rows_before_the_first_law_group_take_no_law_when_a_column_names_one(
    rulebook: Rulebook,
) -> None:
    """The first group's rows ("Lov om social service") pulled into two columns' headers,
    which are not read for their broken words: the other columns' cells of those rows are
    of no known law area, not of all law areas."""
    headers = ["tetsb ehan dlet / Lov om social service", "Hjemvisning", "Afvist"]
    rows: list[Row] = [
        ("2020", ["74", "17", "11"]),
        ("Landsplan", None),
        ("Lov om social service", None),
        ("2020", ["10329", "..", ".."]),
    ]
    result = read(rulebook, table(headers, rows, caption="Ankestyrelsens talportal: Ishøj"))
    assert {o.law_area for o in result.observations} == {"serviceloven"}
    assert {o.municipality_code for o in result.observations} == {None}


def test_a_half_year_column_whose_year_was_set_over_its_neighbour_takes_no_year(
    rulebook: Rulebook,
) -> None:
    """ "2024" set over "1. halvår" only, "2. halvår" beside it: the heading's 2020 is not
    its year."""
    heading = DocumentContext("referat", "Fanø Kommune\nPunkt 4: Ankestyrelsens statistik 2020")
    headers = ["2024 / 1. halvår", "2. halvår", "2025 / 1. halvår"]
    rows: list[Row] = [("Hele landet i alt", ["40,9", "38,2", "41,0"])]
    caption = "Tabel: Omgørelse i pct. efter halvår"
    result = read(rulebook, table(headers, rows, caption=caption), heading)
    assert [o.period for o in result.observations] == ["2024-H1", "2025-H1"]
    assert "a H2 without its year, where other columns name theirs" in " ".join(
        f.message for f in result.findings
    )


def test_a_year_row_under_rows_naming_year_and_law_takes_no_law(rulebook: Rulebook) -> None:
    """ "2019 Serviceloven", "2020 – Serviceloven", "2021": a stub column of law areas read
    into the year labels, its blank under the last meaning "as above" or nothing; not all law
    areas."""
    rows: list[Row] = [
        ("2019 Serviceloven", ["66", "38"]),
        ("2020 – Serviceloven", ["74", "31"]),
        ("2021", ["52", "37"]),
    ]
    headers = ["Realitetsbeh. sager", "Omgørelsesprocent"]
    result = read(rulebook, table(headers, rows, caption="Tabel 1 Afgørelser 2019-2021"))
    assert {(o.period, o.law_area) for o in result.observations} == {
        ("2019", "serviceloven"),
        ("2020", "serviceloven"),
    }


def test_a_page_of_a_table_not_joined_to_its_start_takes_no_all_law_areas(
    rulebook: Rulebook,
) -> None:
    """The second page of a table whose title named its law area, found as a table of its
    own after another: its rows are not of all law areas."""
    rows: list[Row] = [("november 2024", None), ("Realitetsbehandlet", ["8280"])]
    candidate = replace(table(["Hele landet"], rows), stub_header="Afgørelse")
    result = read(rulebook, candidate, replace(MINUTES, tables_before=1))
    assert not result.observations
    assert "the text naming it (the table's start or caption) was not found" in " ".join(
        f.message for f in result.findings
    )


def test_a_table_whose_caption_was_taken_into_its_rows_takes_no_all_law_areas(
    rulebook: Rulebook,
) -> None:
    """The caption printed under the table ("Tabel 1: Afgørelser … (Lov om social service)")
    read as its last rows and cut off: it may have named the law area the table is of."""
    rows: list[Row] = [
        ("Realitetsbehandlede sager i alt", ["74", "9.301"]),
        ("Tabel 1: Afgørelser efter instans Tabel 2. Afgørelser efter", None),
    ]
    candidate = table(["Middelfart / 2024", "Hele landet / 2024"], rows, title="Bilag")
    result = read(rulebook, candidate)
    assert not result.observations
    assert "the text naming it (the table's start or caption) was not found" in " ".join(
        f.message for f in result.findings
    )


def test_a_row_whose_outcome_cell_names_no_outcome_takes_no_caption_measure(
    rulebook: Rulebook,
) -> None:
    """ "Udfald" lists each row's outcome; "Antal" (its measure's name broken onto the next
    line) names none, so the caption's "Afgørelser" is not its measure."""
    headers = ["Udfald", "2018Q2", "2018Q3"]
    rows: list[Row] = [
        ("Vesthimmerlands kommune", ["Antal", "66", "74"]),
        ("Hele landet", ["Stadfæstet", "9.301", "8.280"]),
    ]
    caption = "Tabel 1: Afgørelser efter instans og sagsemne Serviceloven (SEL)"
    result = read(rulebook, table(headers, rows, caption=caption))
    assert {(o.municipality_code, o.measure) for o in result.observations} == {
        (None, "stadfaestet")
    }
    assert "its cell in the column that lists the measure names none" in " ".join(
        f.message for f in result.findings
    )


def test_a_table_without_header_or_caption_takes_no_all_law_areas(rulebook: Rulebook) -> None:
    """The header line ("Kommune Udfald Serviceloven") lost, its year read as the title:
    the law area the lost header named is not known; with a caption, the table is what the
    caption says."""
    rows: list[Row] = [("Stadfæstede sager", ["51"]), ("Hjemviste sager", ["6"])]
    result = read(rulebook, table([""], rows, title="2019"))
    assert not result.observations
    assert "no law area" in " ".join(f.message for f in result.findings)
    captioned = read(rulebook, table([""], rows, caption="Tabel 3 Ankestatistik 2019"))
    assert {o.law_area for o in captioned.observations} == {"alle"}


def test_rows_from_another_tables_caption_and_header_are_cut_off(rulebook: Rulebook) -> None:
    """Detection ran the next table (its caption, its header "Udfald Lovområde/bestemmelse |
    2024", its rows) into this one's rows: its values would take this table's years."""
    rows: list[Row] = [
        ("Realitetsbehandlede", ["18.389", "19.197", "17.305"]),
        ("Realitetsbehandlede sager efter lovområde og bestemmelse – hele landet", None),
        ("Udfald Lovområde/bestemmelse", ["2024 1)", "", ""]),
        ("Stadfæstelse Andre love", ["283", "", ""]),
    ]
    caption = "Tabel 1 Afgjorte sager efter lovområde 2022-2024 Hele landet"
    result = read(rulebook, table(["2022", "2023", "2024"], rows, caption=caption))
    assert [(o.period, o.measure, o.value) for o in result.observations] == [
        ("2022", "realitetsbehandlede", 18389),
        ("2023", "realitetsbehandlede", 19197),
        ("2024", "realitetsbehandlede", 17305),
    ]
    assert "the rows under a second header row" in " ".join(f.message for f in result.findings)


def test_beside_a_column_running_count_and_share_together_a_bare_measure_is_not_read(
    rulebook: Rulebook,
) -> None:
    """ "Stadfæstede Antal Procent" in one column: the sub-headers of two columns were set over
    one, so "Hjemvisninger" beside it may as well be the share under a lost "Procent"."""
    headers = ["Stadfæstede Antal Procent", "Hjemvisninger", "Omgørelsesprocent"]
    rows: list[Row] = [("Aktivloven", ["70", "13", "22"])]
    result = read(rulebook, table(headers, rows, caption="Tabel 4 Hele landet 2024"))
    assert [(o.measure, o.value) for o in result.observations] == [("omgoerelsesprocent", 22)]
    assert "another column's header runs a count and a share together" in " ".join(
        f.message for f in result.findings
    )


def test_a_caption_spread_over_a_rows_cells_cuts_the_table(rulebook: Rulebook) -> None:
    """The next table's caption read into this one's rows, its words spread over the cells
    ("fordelt på i året" | "TABEL 5.2 Realitetsbehandlede sager …"): its rows are cut off."""
    rows: list[Row] = [
        ("Servicelov", ["38%", "39%"]),
        ("fordelt på i året", ["TABEL 5.2 Realitetsbehandlede sager", ""]),
        ("Pensionslove", ["437", "54"]),
    ]
    caption = "TABEL 5.1 Omgørelsesprocent efter lovområde, hele landet"
    result = read(rulebook, table(["2023", "2024"], rows, caption=caption))
    assert [(o.period, o.value) for o in result.observations] == [("2023", 38), ("2024", 39)]


def test_a_header_over_a_blank_column_beside_values_under_none_is_not_read(
    rulebook: Rulebook,
) -> None:
    """ "2022 Omgørelsesprocent" over a blank column, the 2022 values beside it under no
    header: no missing 2022 values are emitted, and the blank cells are no values lost."""
    headers = ["2022 Omgørelsesprocent", "", "2023 Omgørelsesprocent"]
    rows: list[Row] = [("Servicelov", ["", "38%", "39%"]), ("Aktivlov", ["", "27%", "23%"])]
    caption = "Tabel 5.1 Omgørelsesprocent efter lovområde, hele landet"
    result = read(rulebook, table(headers, rows, caption=caption))
    assert [(o.period, o.value) for o in result.observations] == [("2023", 39), ("2023", 23)]
    messages = " ".join(f.message for f in result.findings)
    assert "its header stands over no value, beside values under no header" in messages
    assert "2 values not emitted" in messages  # the two under no header, not the blanks


def test_a_group_header_repeating_what_the_groups_carry_keeps_their_law(
    rulebook: Rulebook,
) -> None:
    """ "Ishøj Serviceloven", then "Ishøj" again (a stub column's value printed as a group row
    once more): the rows under it are still the law's."""
    rows: list[Row] = [
        ("Ishøj Serviceloven", None),
        ("Ishøj", None),
        ("Realitetsbehandlede sager i alt", ["66", "74"]),
        ("Hele landet Serviceloven", None),
        ("Hele landet", None),
        ("Realitetsbehandlede sager i alt", ["9301", "10329"]),
    ]
    result = read(rulebook, table(["Q1 2025", "Q2 2025"], rows))
    assert {(o.municipality_code, o.law_area) for o in result.observations} == {
        (183, "serviceloven"),
        (None, "serviceloven"),
    }


def test_counts_of_rows_a_stub_calls_law_areas_are_no_persons(rulebook: Rulebook) -> None:
    """ "Antal" over "Sygedagpenge" and "Andre Love" under a stub "Lovområde": the rows are
    law areas, so their counts are not persons on a benefit; no measure is named."""
    rows: list[Row] = [("Antal", None), ("Sygedagpenge", ["3496"]), ("Andre Love", ["362"])]
    candidate = table(["2022"], rows, title="Hele landet", stub="Udfald / Lovområde")
    result = read(rulebook, candidate)
    assert not result.observations


def test_stub_header_lines_read_as_first_rows_name_no_group(rulebook: Rulebook) -> None:
    """ "Afgørelse" and "Paragraf" (the stub headers) and a footnote mark under the year
    read as the first rows: "Afgørelse" is no group of decisions over the provisions, and
    "Paragraf" does not join "Stadfæstede"."""
    rows: list[Row] = [
        ("Afgørelse", None),
        ("Paragraf", None),
        ("", ["(1)"]),
        ("Stadfæstede", None),
        ("Børn - samvær - § 71", ["2"]),
    ]
    caption = "Tabel: Afgørelser fordelt på paragraffer i serviceloven"
    result = read(rulebook, table(["2021"], rows, caption=caption))
    provisions = [(o.measure, o.value) for o in result.observations if o.provision]
    assert provisions == [("stadfaestet", 2)]


def test_rows_under_a_stub_listing_outcomes_take_the_outcome_above(rulebook: Rulebook) -> None:
    """ "Udfald / Bestemmelse" run into one label: "Realitetsbehandlede I alt" starts the
    outcome's rows, the provisions under it are realitetsbehandlede, not the caption's
    "Afgørelser"."""
    rows: list[Row] = [
        ("Realitetsbehandlede I alt", ["66"]),
        ("Biler - §§ 114 og 115", ["4"]),
        ("Boligindretning - § 116", ["2"]),
    ]
    caption = "Tabel 1 Afgørelser efter bestemmelse i serviceloven"
    candidate = table(["2021"], rows, caption=caption, stub="Udfald Bestemmelse")
    result = read(rulebook, candidate)
    assert [(o.measure, o.value) for o in result.observations] == [
        ("realitetsbehandlede", 66),
        ("realitetsbehandlede", 4),
        ("realitetsbehandlede", 2),
    ]


def test_the_end_of_a_paragraph_run_into_the_stub_header_names_nothing(
    rulebook: Rulebook,
) -> None:
    """ "… i 2022 på 54 procent." ran into the stub header "Kommune / Bestemmelse": the
    table's counts are not shares."""
    rows: list[Row] = [
        ("Hjemvisning", None),
        ("Serviceloven", None),
        ("Biler - §§ 114 og 115", ["8"]),
    ]
    candidate = table(["2024"], rows, caption="Tabel 4.8 Hele landet", stub="procent. Kommune")
    result = read(rulebook, candidate)
    assert [(o.measure, o.value) for o in result.observations] == [("hjemvist", 8)]


def test_a_provision_named_with_a_measure_word_under_a_title_measure(rulebook: Rulebook) -> None:
    """ "Bortfald af retten til sygedagpenge" under a title naming hjemvisninger: "Bortfald
    af" begins the provision's name, it is no count of bortfaldne sager."""
    rows: list[Row] = [
        ("Sygedagpenge", None),
        ("Bortfald af retten til sygedagpenge - §§ 21-23", ["28"]),
        ("Revurdering og forlængelse - § 24-29", ["120"]),
    ]
    title = "Hjemvisninger fordelt på sagsemne 2024"
    result = read(rulebook, table(["Hele landet i alt"], rows, title=title))
    assert [(o.measure, o.value) for o in result.observations] == [
        ("hjemvist", 28),
        ("hjemvist", 120),
    ]


def test_a_stub_header_over_rows_naming_outcomes_names_no_measure(rulebook: Rulebook) -> None:
    """ "Afgørelse" over "Realitetsbeh. i alt" heads the column of outcomes: the rows without
    one are not afgjorte sager."""
    headers = ["Lovområde/bestemmelse", "1. halvår 2022"]
    rows: list[Row] = [
        ("Realitetsbeh. i alt", ["Børn - Bekendtgørelse om voksenansvar § 9", "0"]),
        ("", ["Børn - samvær - § 71", "3"]),
    ]
    title = "Omgørelsesprocenter fordelt på paragraffer i SEL, Ærø"
    result = read(rulebook, table(headers, rows, title=title, stub="Afgørelse"))
    assert result.context.value("measure") is None
    assert "afgjorte" not in {o.measure for o in result.observations}


def test_a_label_column_listing_laws_and_provisions_takes_provisions(
    rulebook: Rulebook,
) -> None:
    """ "Lovområde/bestemmelse" lists law areas and their provisions both: a cell naming a
    provision is not one naming no law."""
    headers = ["Lovområde/bestemmelse", "2022"]
    rows: list[Row] = [("Realitetsbeh. i alt", ["Børn - Bekendtgørelse om voksenansvar § 9", "0"])]
    caption = "Tabel 2 Afgørelser efter bestemmelse i serviceloven, hele landet"
    result = read(rulebook, table(headers, rows, caption=caption))
    assert not any("names none" in f.message for f in result.findings)


def test_all_law_areas_above_its_parts_adds_up_to_their_whole(rulebook: Rulebook) -> None:
    """ "Alle lovområder" over "Heraf bortfaldne" and "Realitetsbeh. sager", which add up to it,
    is their whole (afgjorte), and so are the law areas that add up to it."""
    rows: list[Row] = [
        ("Antal sager", None),
        ("Alle lovområder", ["20148"]),
        ("Heraf bortfaldne", ["1759"]),
        ("Realitetsbeh. sager", ["18389"]),
        ("Servicelov", ["9272"]),
        ("Barnets Lov", ["-"]),
        ("Andre love", ["10876"]),
    ]
    result = read(rulebook, table(["Hele landet 2022"], rows, title="Ankestatistik"))
    got = {(o.law_area, o.measure): o.value for o in result.observations}
    assert got[("alle", "afgjorte")] == 20148
    assert got[("alle", "realitetsbehandlede")] == 18389
    assert got[("serviceloven", "afgjorte")] == 9272


def test_a_period_before_a_benefit_in_its_label_is_the_rows(rulebook: Rulebook) -> None:
    """ "2024-03 Uddannelseshjælp": the month leads the benefit's name, it is the row's period,
    not the heading's year."""
    heading = DocumentContext("referat", "Odsherred Kommune\nPunkt 237 Ankestatistik 2024")
    rows: list[Row] = [("2024-03 Uddannelseshjælp", ["5"]), ("2024-04, Fleksjob", ["51"])]
    caption = "Tabel 1: Antal personer fordelt på ydelse og måned Odsherred"
    result = read(rulebook, table(["Antal"], rows, caption=caption), heading)
    assert [(o.period, o.provision, o.value) for o in result.observations] == [
        ("2024-03", "Uddannelseshjælp", 5),
        ("2024-04", "Fleksjob", 51),
    ]


def test_a_small_word_of_a_law_name_in_a_value_cell_leaves_it_a_group(
    rulebook: Rulebook,
) -> None:
    """ "og" of "… forhøjet almindelig og almindelig førtidspension" set under the value
    column: the law's name is still a group row over its provisions, not a value row."""
    rows: list[Row] = [
        ("Lov om almene boliger", None),
        ("Almene boliger - § 54-61", ["133"]),
        ("Længerevarende botilbud, Almenboligloven - § 105", ["5"]),
        ("Lov om højeste, mellemste, forhøjet almindelig almindelig førtidspension", ["og"]),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og 2", ["5"]),
        ("Forhøjelse af pension §§ 13 - 15, 21, 24, 44, 44a", ["10"]),
    ]
    caption = "Tabel 2 Stadfæstede sager efter bestemmelse, hele landet"
    result = read(rulebook, table(["2024"], rows, caption=caption))
    assert [(o.law_area, o.value) for o in result.observations] == [
        ("almenboligloven", 133),
        ("almenboligloven", 5),
        ("foertidspension", 5),
        ("foertidspension", 10),
    ]


def test_benefits_under_a_stub_header_antal_count_persons(rulebook: Rulebook) -> None:
    """ "antal" in the stub's corner over months and benefits: persons on each benefit."""
    rows: list[Row] = [("2022-01", None), ("A-dagpenge", ["55"]), ("Sygedagpenge", ["185"])]
    result = read(rulebook, table(["lemvig kommune"], rows, stub="antal"))
    assert [(o.period, o.measure, o.value) for o in result.observations] == [
        ("2022-01", "antal_personer", 55),
        ("2022-01", "antal_personer", 185),
    ]


def test_provisions_under_a_blank_outcome_column_take_no_caption_measure(
    rulebook: Rulebook,
) -> None:
    """A page of "udfald sagsemne" whose outcome column is blank all down (the outcome was
    printed on a page before): the caption's "Realitetsbehandlede sager" is not theirs."""
    rows: list[Row] = [("Hjemmehjælp § 83", ["48"]), ("Hjælpemidler - §112", ["55"])]
    caption = "Tabel 4.1: Realitetsbehandlede sager fordelt på bestemmelse i serviceloven"
    candidate = table(["jan.-jun. 2025"], rows, caption=caption, stub="udfald sagsemne")
    result = read(rulebook, candidate, DocumentContext("aarsredegoerelse", "Årsredegørelse"))
    assert not result.observations


def test_a_quarter_in_the_stub_corner_completes_the_columns_year(rulebook: Rulebook) -> None:
    """ "jan.-mar." set in the stub's corner over "Paragraf", the year "2024" over the values:
    the table's period is the first quarter of 2024, not the year."""
    rows: list[Row] = [("Realitetsbeh. sager", None), ("Forbrugsgoder - § 113", ["7"])]
    caption = "Tabel 1 Ankestatistik fordelt på paragraffer for Egedal efter serviceloven"
    result = read(rulebook, table(["2024"], rows, caption=caption, stub="Paragraf jan.-mar."))
    assert [(o.period, o.value) for o in result.observations] == [("2024-Q1", 7)]


def test_a_caption_naming_a_year_and_apart_a_quarter_gives_no_period(rulebook: Rulebook) -> None:
    """A header run into the caption ("… (hele landet) 2024 AFGØRELSESTYPE LOVOMRÅDE K3"): the
    table's period is a quarter of 2024, not the year; which is not read for sure."""
    caption = (
        "Tabel 5.1 Realitetsbehandlede sager efter lovområde og udfald (hele landet) 2024 "
        "AFGØRELSESTYPE LOVOMRÅDE K3"
    )
    result = read(rulebook, table(["Stadfæstet"], [("Serviceloven", ["686"])], caption=caption))
    assert not result.observations
    plain = "Tabel 5.1 Realitetsbehandlede sager efter lovområde (hele landet) marts 2024"
    named = read(rulebook, table(["Stadfæstet"], [("Serviceloven", ["686"])], caption=plain))
    assert [o.period for o in named.observations] == ["2024-03"]


def test_a_stub_header_afgoerelse_over_law_groups_is_their_measure(rulebook: Rulebook) -> None:
    """ "AFGØRELSE" over law groups of "Antal sager", with "Realitetsbehandlede" among the
    last rows: the law areas' cases are afgjorte sager."""
    rows: list[Row] = [
        ("Servicelov", None),
        ("Antal sager", ["9 272"]),
        ("Aktivloven (LAS)", None),
        ("Antal sager", ["4 659"]),
        ("Pensionsloven", None),
        ("Antal sager", ["673"]),
        ("Afgjorte sager i alt", None),
        ("Antal sager", ["20 148"]),
        ("Realitetsbehandlede", None),
        ("Antal sager", ["18 389"]),
    ]
    candidate = table(["2023 / NOVEMBER"], rows, title="Hele landet i alt", stub="AFGØRELSE")
    result = read(rulebook, candidate)
    got = {(o.law_area, o.measure): o.value for o in result.observations}
    assert got[("serviceloven", "afgjorte")] == 9272


AFGJORTE_THEN_LAWS = [
    ("Afgjorte sager i alt, Antal", ["40"]),
    ("Afgjorte sager i alt, Pct.", ["100"]),
    ("Bortfaldne Antal", ["4"]),
    ("Bortfaldne Pct.", ["10"]),
    ("Realitetsbehandlede sager – Antal", ["36"]),
    ("Realitetsbehandlede sager – Pct.", ["90"]),
    ("Serviceloven, Antal", ["25"]),
    ("Serviceloven, Pct.", ["63"]),
    ("Lov om aktiv socialpolitik, Antal", ["15"]),
    ("Lov om aktiv socialpolitik, Pct.", ["38"]),
]


def test_law_rows_under_a_measure_row_they_do_not_add_up_to_break_down_the_total(
    rulebook: Rulebook,
) -> None:
    """Stub "Afgørelsestype" (the rows list measures): the total, its two parts, then the
    law areas, with no "Heraf" and no indent. The law areas add up to "Afgjorte sager i
    alt" (25 + 15 = 40), not to "Realitetsbehandlede sager" right above them (36): they
    break down the total. Law areas that add up to the row above them stay its parts."""
    report = DocumentContext("aarsredegoerelse", "Ankestyrelsens årsredegørelse 2024")
    caption = "Tabel 5.1 AFGJORTE SAGER EFTER LOVOMRÅDE"

    def measures(rows: Sequence[Row]) -> list[tuple[object, ...]]:
        candidate = table(["2023 / H1"], rows, stub="Afgørelsestype", caption=caption)
        return [(k[2], k[4], k[5]) for k in keys(read(rulebook, candidate, report))[6:]]

    assert measures(AFGJORTE_THEN_LAWS) == [
        ("serviceloven", "afgjorte", 25.0),
        ("serviceloven", "andel_procent", 63.0),
        ("aktivloven", "afgjorte", 15.0),
        ("aktivloven", "andel_procent", 38.0),
    ]
    nested = [
        *AFGJORTE_THEN_LAWS[:6],
        ("Serviceloven, Antal", ["21"]),
        ("Serviceloven, Pct.", ["58"]),
    ]
    nested += AFGJORTE_THEN_LAWS[8:]
    assert [m for _, m, _ in measures(nested)] == [
        "realitetsbehandlede",
        "andel_realitetsbehandlede",
        "realitetsbehandlede",
        "andel_realitetsbehandlede",
    ]


def test_a_measure_abbreviated_or_compounded_before_a_provision_is_not_its_name(
    rulebook: Rulebook,
) -> None:
    """Two label columns read as one: the measure, abbreviated ("Ændr./oph.", "Realitetsbeh.
    sager i alt") or as one compound word ("Hjemvisningsprocent"), then the provision. The
    provision is the name after the measure, never the measure's words with it."""
    provision = "Bistands- og plejetillæg §§ 16 stk. 1 og 2"
    rows = [
        (f"Realitetsbeh. sager i alt, {provision}", ["7"]),
        (f"Ændr./oph. {provision}", ["1"]),
        (f"Hjemvisningsprocent {provision}", ["14"]),
    ]
    candidate = table(
        ["okt.-dec. 2018"], rows, stub="lovområde/bestemmelse", title="Lov om social pension"
    )
    got = [(k[3], k[4], k[5]) for k in keys(read(rulebook, candidate))]
    assert got == [
        (provision, "realitetsbehandlede", 7.0),
        (provision, "aendret_ophaevet", 1.0),
        (provision, "andel_hjemvist", 14.0),
    ]


def test_a_row_of_axis_words_over_names_starts_another_table(rulebook: Rulebook) -> None:
    """Two tables read as one: under the first one's rows, "Sagsemne" over "Hele landet" (an
    axis word over a name, no number) heads the rows after it, which this table's columns
    do not label: they are left out, and said so."""
    rows = [
        ("Total", ["69 %", "17.305"]),
        ("Sagsemne", ["Hele landet", ""]),
        ("I alt", ["", "30"]),
        ("LAB", ["", "27"]),
    ]
    result = read(rulebook, table(["Stadf.-pct. 2024", "Realitetsbeh. sager 2024"], rows))
    assert all(o.row_label == "Total" for o in result.observations)
    assert any("second header row ('Sagsemne'" in f.message for f in result.findings)
    worded = [
        ("2019", ["9.301", "59 %"]),
        ("Område", ["Domstolssager i alt", "Medholds-%"]),
        ("Total", ["13", "54%"]),
    ]
    result = read(rulebook, table(["Realitetsbehandlede sager i alt", "Stadf.-pct."], worded))
    assert [o.row_label for o in result.observations] == ["2019", "2019"]
    assert any("second header row ('Område'" in f.message for f in result.findings)
    corner = [
        ("Medholdsprocent", ["54 %", "61 %"]),
        ("Hele landet", ["Stadfæstet", "Ændret"]),
        ("Boligstøtteloven", ["4", "41 %"]),
    ]
    result = read(rulebook, table(["2022", "2024"], corner))
    assert [o.row_label for o in result.observations] == ["Medholdsprocent"] * 2
    assert any("second header row ('Hele landet'" in f.message for f in result.findings)
    blank = [("Husvilde - § 80", ["1"]), ("", ["Antal"]), ("A-dagpenge", ["58"])]
    result = read(rulebook, table(["Realitetsbeh. sager"], blank, title="Serviceloven 2021"))
    assert [o.row_label for o in result.observations] == ["Husvilde - § 80"]


def test_a_paragraph_above_a_count_of_benefits_names_no_measure_of_it(rulebook: Rulebook) -> None:
    """ "antal" over benefits counts persons; the paragraph right above the table, taken for
    its title, speaks of the municipality's "afgørelser" without pointing at the table: it
    names no measure of the table."""
    title = (
        "Den iværksatte tværgående indsats for at styrke kvaliteten i kommunens afgørelser "
        "generelt, ser således ud til at have haft effekt. Dette ønskes at fortsætte."
    )
    rows = [("jun 2023", None), ("Kontanthjælp", ["7"]), ("Sygedagpenge", ["76"])]
    rows += [("Fleksjob", ["48"])]
    result = read(rulebook, table(["antal"], rows, title=title, stub="periode / ydelse"))
    assert [(o.measure, o.value) for o in result.observations] == [
        ("antal_personer", 7.0),
        ("antal_personer", 76.0),
        ("antal_personer", 48.0),
    ]


def test_rows_after_a_header_ending_a_measure_group_take_no_measure_from_the_caption(
    rulebook: Rulebook,
) -> None:
    """Two stub columns read as one: "Hjemviste sager Boligstøtteloven" heads its provisions
    (the outer column naming the measure on its group's first row only); "Lov om aktiv
    socialpolitik" under it names a law only: the next law area of the same measure, not
    the caption's (realitetsbehandlede). A header naming something else ("Lov om aktiv
    socialpolitik 2024") leaves the measure above unknown. A period header over everything
    starts a new section, whose rows take the caption's measure."""
    caption = "Tabel 2 Realitetsbehandlede sager fordelt på lovområde og bestemmelse"
    rows = [
        ("Hjemviste sager Boligstøtteloven", None),
        ("Indskudslån - § 54-71", ["24"]),
        ("Lov om aktiv socialpolitik", None),
        ("225 timers reglen - § 13 f og 13 g", ["2"]),
    ]
    result = read(rulebook, table(["2024"], rows, caption=caption))
    assert [(o.measure, o.law_area, o.value) for o in result.observations] == [
        ("hjemvist", "boligstoetteloven", 24.0),
        ("hjemvist", "aktivloven", 2.0),
    ]
    rows[2] = ("Ishøj Lov om aktiv socialpolitik", None)
    result = read(rulebook, table(["2024"], rows, caption=caption))
    assert [(o.measure, o.value) for o in result.observations] == [("hjemvist", 24.0)]
    assert any("a row above names its measure" in f.message for f in result.findings)
    sections = [
        ("2022", None),
        ("Serviceloven", ["9.272"]),
        ("Bortfald", None),
        ("Serviceloven", ["120"]),
        ("2023", None),
        ("Serviceloven", ["8.669"]),
    ]
    afgjorte = "Afgjorte sager efter lovområde"
    got = [
        (o.period, o.measure)
        for o in read(rulebook, table(["Antal"], sections, caption=afgjorte)).observations
    ]
    assert got == [("2022", "afgjorte"), ("2022", "bortfaldne"), ("2023", "afgjorte")]


def test_a_year_under_a_group_naming_part_of_a_year_is_that_part(rulebook: Rulebook) -> None:
    """ "Hele landet H2" over "2022, Total" (the half wrapped up onto the group's line): the
    row's period is the second half of 2022, not the year."""
    rows = [("Hele landet H2", None), ("2022, Total", ["13"]), ("H1 2023, Total", ["18"])]
    got = keys(read(rulebook, table(["Indbragt for domstolene"], rows)))
    assert [(k[1], k[5]) for k in got] == [("2022-H2", 13.0), ("2023-H1", 18.0)]


def test_rows_printed_again_under_the_same_group_headers_are_not_read(rulebook: Rulebook) -> None:
    """ "Realitetsbehandlet" over the law areas, then the same law areas again in shares with
    no header between (the next group's header, "Andel hjemviste", lost at a page break):
    the second run is not taken for more realitetsbehandlede values."""
    rows = [
        ("Realitetsbehandlet", None),
        ("Almenboligloven", ["211"]),
        ("Lov om social pension", ["480"]),
        ("Almenboligloven", ["34%"]),
        ("Lov om social pension", ["11%"]),
    ]
    result = read(rulebook, table(["2024"], rows, caption="Realitetsbehandlede sager 2024"))
    assert [(o.law_area, o.measure, o.value) for o in result.observations] == [
        ("almenboligloven", "realitetsbehandlede", 211.0),
        ("pensionsloven", "realitetsbehandlede", 480.0),
    ]
    assert any("printed again under the same group headers" in f.message for f in result.findings)


def test_rows_under_a_law_header_cut_over_the_value_columns_take_no_law_from_above(
    rulebook: Rulebook,
) -> None:
    """ "Lov om højeste, mellemste" | "førtidspension m.fl.": a law's group header whose text
    ran on into the value cells (no number in them). The provisions under it are not the
    law above it (Almenboligloven): their law is not known, and they are left out."""
    rows = [
        ("Hele landet Almenboligloven", None),
        ("Almene boliger - § 54-61", ["133"]),
        ("Lov om højeste, mellemste", ["førtidspension m.fl."]),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og 2", ["5"]),
    ]
    result = read(rulebook, table(["Stadfæstelser"], rows, title="2024"))
    assert [(o.law_area, o.value) for o in result.observations] == [("almenboligloven", 133.0)]
    assert any(
        "group header naming its law was not understood" in f.message for f in result.findings
    )


def test_provisions_under_one_naming_a_measure_beside_its_name_take_no_measure_from_the_caption(
    rulebook: Rulebook,
) -> None:
    """Two stub columns read as one: "Realitetsbeh. sager i alt" beside the first provision of
    its group only, the provisions under it naming none. The caption's measure
    (omgørelsesprocent) is not theirs; whether the one beside the first row is meant for
    them is not known: they are left out, and said so."""
    rows = [
        ("Realitetsbeh. sager i alt Børn - Børnefaglig undersøgelse - § 50", ["1"]),
        ("Husvilde - § 80", ["3"]),
    ]
    caption = "Tabel 2. Omgørelsesprocenter fordelt på paragraffer efter serviceloven"
    result = read(rulebook, table(["2021"], rows, caption=caption, stub="Bestemmelse"))
    assert [(o.measure, o.value) for o in result.observations] == [("realitetsbehandlede", 1.0)]
    assert any("a row above names its measure" in f.message for f in result.findings)


def test_a_year_beginning_a_benefit_row_under_a_month_completes_the_month(
    rulebook: Rulebook,
) -> None:
    """ "mar" over "2023 A-dagpenge" (the period "mar 2023" broken over the group header and
    the first row): the row is March 2023, and the benefit's name is "A-dagpenge"."""
    rows = [("mar", None), ("2023 A-dagpenge", ["58"]), ("Kontanthjælp", ["9"])]
    result = read(rulebook, table(["Antal personer"], rows))
    first = result.observations[0]
    assert (first.period, first.provision, first.value) == ("2023-03", "A-dagpenge", 58.0)


def test_a_column_naming_no_period_beside_quarters_takes_no_year_from_the_heading(
    rulebook: Rulebook,
) -> None:
    """ "Realitetsbeh. sager" (its "K3 2020" cut off) beside "Stadfæstelse K3 2020": the
    document heading's year 2020 is not that column's period (a quarter is): the column is
    left out, and said so."""
    heading = DocumentContext(
        "referat", "Ishøj Kommune\nPunkt 74 Ankestatistik for Ishøj Kommune 2020"
    )
    rows = [("Hjemmehjælp - § 83", ["4", "3"]), ("Husvilde - § 80", ["2", "1"])]
    headers = ["Realitetsbehandlede sager", "Stadfæstelse K3 2020"]
    result = read(rulebook, table(headers, rows, title="Serviceloven"), heading)
    assert {o.period for o in result.observations} == {"2020-Q3"}
    assert any("the other columns name their periods" in f.message for f in result.findings)


def test_an_aspect_printed_on_the_first_row_of_its_section_holds_for_the_section(
    rulebook: Rulebook,
) -> None:
    """An outer stub column naming the aspect ("Antal sager", then "Procent" over the same
    list) printed on its section's first row only: the share rows are shares of the measure
    the count rows are (afgjorte: bortfaldne + realitetsbehandlede make up the total), not
    shares of the "Realitetsbeh. sager" row right above them, and not the count rows again."""
    rows: list[Row] = [
        ("Antal sager Serviceloven", ["60"]),
        ("Aktivloven", ["40"]),
        ("Hovedtotal", ["100"]),
        ("Bortfaldne sager", ["10"]),
        ("Realitetsbeh. sager", ["90"]),
        ("Procent Serviceloven", ["60%"]),
        ("Aktivloven", ["40%"]),
        ("Hovedtotal", ["100%"]),
        ("Bortfaldne sager", ["10%"]),
        ("Realitetsbeh. sager", ["90%"]),
    ]
    context = DocumentContext("aarsredegoerelse", "Ankestyrelsens årsredegørelse 2024")
    result = read(rulebook, table(["2024"], rows, stub="Udfald Sagsemne"), context)
    assert [(o.law_area, o.measure, o.value) for o in result.observations] == [
        ("serviceloven", "afgjorte", 60.0),
        ("aktivloven", "afgjorte", 40.0),
        ("alle", "afgjorte", 100.0),
        ("alle", "bortfaldne", 10.0),
        ("alle", "realitetsbehandlede", 90.0),
        ("serviceloven", "andel_procent", 60.0),
        ("aktivloven", "andel_procent", 40.0),
        ("alle", "andel_procent", 100.0),
        ("alle", "andel_bortfaldne", 10.0),
        ("alle", "andel_realitetsbehandlede", 90.0),
    ]


def test_a_law_group_header_wrapped_over_two_lines_is_read_whole(rulebook: Rulebook) -> None:
    """A law's group header wrapped over two label-only lines, the second starting in lower
    case ("Lov om højeste, mellemste" / "førtidspension m.fl."): one header, its provisions
    under it, not under the law group above."""
    rows: list[Row] = [
        ("Almenboligloven", None),
        ("Længerevarende botilbud - § 105", ["5"]),
        ("Lov om højeste, mellemste", None),
        ("førtidspension m.fl.", None),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og 2", ["5"]),
    ]
    caption = "Stadfæstede sager fordelt på lovområde og bestemmelse i 2024"
    result = read(rulebook, table(["I alt"], rows, caption=caption))
    assert [(o.law_area, o.provision) for o in result.observations] == [
        ("almenboligloven", "Længerevarende botilbud - § 105"),
        ("foertidspension", "Bistands- og plejetillæg §§ 16 stk. 1 og 2"),
    ]


def test_a_law_group_header_not_understood_ends_the_group_above(rulebook: Rulebook) -> None:
    """A label-only row that names a law not understood ("Lov om højeste, mellemste", its
    second line lost): the provisions under it are not the law group's above."""
    rows: list[Row] = [
        ("Almenboligloven", None),
        ("Længerevarende botilbud - § 105", ["5"]),
        ("Lov om højeste, mellemste", None),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og 2", ["5"]),
    ]
    caption = "Stadfæstede sager fordelt på lovområde og bestemmelse i 2024"
    result = read(rulebook, table(["I alt"], rows, caption=caption))
    assert [(o.law_area, o.provision) for o in result.observations] == [
        ("almenboligloven", "Længerevarende botilbud - § 105"),
    ]


def test_a_stub_header_gives_no_aspect_to_columns_naming_their_measure(
    rulebook: Rulebook,
) -> None:
    """The first column's header run into the stub header ("stadfæstet i område pct.
    2024"): its share is not the columns' that name their own measure ("Realitetsbeh-
    andlede sager 2024" counts)."""
    rows: list[Row] = [("Boligstøtteloven", ["58", "48"])]
    headers = ["realitetsbeh- andlede sager 2024", "omg.-pct. 2024"]
    stub = "stadfæstet i område pct. 2024"
    caption = "Tabel 4.1 Realitetsbehandlede sager efter lovområde og udfald"
    candidate = table(headers, rows, stub=stub, caption=caption)
    result = read(rulebook, candidate)
    assert [(o.measure, o.value) for o in result.observations] == [
        ("realitetsbehandlede", 58.0),
        ("omgoerelsesprocent", 48.0),
    ]


def test_label_words_with_dots_in_a_value_cell_are_the_label_running_on(
    rulebook: Rulebook,
) -> None:
    """ "m.m." and "+ tilbagebet." of a provision's wrapped name set in the first value
    column: the label ran on into its cells, so its name is not known and none of its values
    is emitted under the cut name."""
    rows: list[Row] = [
        ("Biler - §§ 114 og 115", ["4", "2"]),
        ("Pasningstilbud, hjemmetræning §§32, 32a, 36, 39-40", ["m.m. tilbagebet. –", "1"]),
    ]
    result = read(
        rulebook, table(["Stadfæstede 2021", "Hjemviste 2021"], rows, title="Serviceloven")
    )
    assert [(o.provision, o.value) for o in result.observations] == [
        ("Biler - §§ 114 og 115", 4.0),
        ("Biler - §§ 114 og 115", 2.0),
    ]


def test_a_known_provision_of_another_law_area_is_not_the_law_rows_above(
    rulebook: Rulebook,
) -> None:
    """A provision the vocabulary knows as serviceloven's ("Biler - §§ 114 og 115") under the
    law row "Aktivloven" (the law row "Serviceloven" lost at a page's end): it and the rows
    after it are not aktivloven's."""
    rows: list[Row] = [
        ("Aktivloven", ["30 %"]),
        ("Særlig støtte - § 34", ["12 %"]),
        ("Biler - §§ 114 og 115", ["24 %"]),
        ("Boligindretning - § 116", ["19 %"]),
    ]
    caption = "Omgørelsesprocent fordelt på lovområde og bestemmelse i 2016"
    result = read(rulebook, table(["Hele landet"], rows, caption=caption))
    assert [(o.law_area, o.provision) for o in result.observations] == [
        ("aktivloven", None),
        ("aktivloven", "Særlig støtte - § 34"),
    ]
    assert "'Biler - §§ 114 og 115' is a provision of serviceloven" in (
        " ".join(f.message for f in result.findings)
    )


def test_a_dash_among_percentages_is_not_the_captions_count(rulebook: Rulebook) -> None:
    """A page of percentages under a caption naming a count ("Realitetsbehandlede sager",
    the header naming their measure lost at an earlier page): the "%" values are not
    emitted, and neither is the "–" among them, which is one of those percentages."""
    rows: list[Row] = [
        ("Almene tilbud og husvilde - § 80", ["33%"]),
        ("Biler - §§ 114 og 115", ["24%"]),
        ("Børn - Forældrebetaling §159", ["–"]),
    ]
    caption = "Tabel 4.1: Realitetsbehandlede sager fordelt på lovområde og bestemmelse"
    candidate = table(["2. halvår 2016"], rows, caption=caption, title="Serviceloven")
    result = read(rulebook, candidate)
    assert result.observations == ()
    assert "the caption's or title's realitetsbehandlede is a count, the value a percentage" in (
        " ".join(f.message for f in result.findings)
    )


def test_a_title_of_a_heading_and_a_name_takes_the_entity_of_the_line_nearest_the_table(
    rulebook: Rulebook,
) -> None:
    """A title of two lines, a heading naming the municipality ("Bilag: Ankestatistik Ishøj
    kommune") and under it the name right above the table ("Landsplan"): the table is the
    whole country's; a heading alone over a name of no entity gives the heading's."""
    rows: list[Row] = [("Serviceloven", ["36 %"])]
    title = "Bilag: Ankestatistik Ishøj kommune\nLandsplan"
    result = read(rulebook, table(["Omgørelsesprocent 2024"], rows, title=title))
    assert [(o.entity_scope, o.municipality_code) for o in result.observations] == [
        ("hele_landet", None)
    ]
    title = "Afgørelser efter instans og sagsemne på landsplan 2019-2021\nServiceloven"
    result = read(rulebook, table(["Omgørelsesprocent 2024"], rows, title=title))
    assert [(o.entity_scope, o.law_area) for o in result.observations] == [
        ("hele_landet", "serviceloven")
    ]


def test_a_blank_column_header_beside_one_not_understood_keys_nothing(
    rulebook: Rulebook,
) -> None:
    """The header "Antal | %" lost into the caption and a total row taken for the header
    ("20.148 100" over the first column, nothing over the second): the second column's
    "9" beside "Bortfald" is not the count of bortfaldne sager (it is their share)."""
    rows: list[Row] = [
        ("Bortfald", ["1.759", "9"]),
        ("Realitetsbehandlede sager", ["18.389", "91"]),
    ]
    caption = "Tabel 2.1 Afgjorte sager efter lovområde for hele landet Lov Antal % 2022"
    result = read(rulebook, table(["20.148 100", ""], rows, caption=caption))
    assert result.observations == ()
    assert "its column's header is blank, another's was not understood" in (
        " ".join(f.message for f in result.findings)
    )


def test_a_row_of_values_taken_for_the_title_names_nothing(rulebook: Rulebook) -> None:
    """The table's first row, values and all, taken for its title ("Hele landet 2024 Lov om
    aktiv 985 5% beskæftigelsesindsats"): its law area is not the table's, so the rows
    naming none ("Bortfaldne") are all law areas', not beskæftigelsesindsatsens."""
    rows: list[Row] = [("2024 Bortfaldne", ["2 424", "12%"])]
    title = "Hele landet 2024 Lov om aktiv 985 5% beskæftigelsesindsats"
    result = read(rulebook, table(["Antal", "Andel"], rows, title=title))
    assert "lab" not in {o.law_area for o in result.observations}


def test_a_provisions_name_broken_off_over_its_values_line_is_read_whole(
    rulebook: Rulebook,
) -> None:
    """Provision names wrapped with their values on the last line: a first line ending in
    a comma ("Længerevarende botilbud,") over one starting with a law's name, and one ending
    "stk. 1" over "og 2": each is one name, not a law area's row and a lost line."""
    rows: list[Row] = [
        ("Almenboligloven", None),
        ("Længerevarende botilbud,", None),
        ("Almenboligloven - § 105", ["5"]),
        ("Lov om højeste, mellemste førtidspension m.fl.", None),
        ("Bistands- og plejetillæg §§ 16 stk. 1", None),
        ("og 2", ["7"]),
    ]
    caption = "Stadfæstede sager fordelt på lovområde og bestemmelse i 2024"
    result = read(rulebook, table(["I alt"], rows, caption=caption))
    assert [(o.law_area, o.provision, o.value) for o in result.observations] == [
        ("almenboligloven", "Længerevarende botilbud, Almenboligloven - § 105", 5.0),
        ("foertidspension", "Bistands- og plejetillæg §§ 16 stk. 1 og 2", 7.0),
    ]


def test_law_rows_that_are_no_breakdown_of_the_measure_row_above_get_no_measure(
    rulebook: Rulebook,
) -> None:
    """Law rows under "Realitetsbehandlede sager" that add up to it in no column (shares
    whose "%" row label was lost, under a count) are not given its measure: not emitted, and
    said so."""
    rows: list[Row] = [
        ("Hele landet Antal", None),
        ("Serviceloven", ["9 272", "8 669"]),
        ("Barnets lov", ["3 996", "3 971"]),
        ("Total", ["13 268", "12 640"]),
        ("Heraf bortfaldne", ["1 268", "1 140"]),
        ("Realitetsbehandlede sager", ["12 000", "11 500"]),
        ("Serviceloven", ["46", "41"]),
        ("Barnets lov", ["20", "27"]),
    ]
    candidate = table(
        ["2023", "2024"],
        rows,
        caption="Tabel 3.1 Afgjorte sager efter lovområde",
        stub="Udfald / Lovområde",
    )
    result = read(rulebook, candidate)
    values = {(o.period, o.law_area, o.measure, o.value) for o in result.observations}
    assert ("2024", "alle", "realitetsbehandlede", 11500.0) in values
    assert not any(o.value in (46.0, 41.0, 20.0, 27.0) for o in result.observations)
    assert any("no measure" in f.message for f in result.findings)


def test_a_total_ending_each_period_group_is_that_periods_total(rulebook: Rulebook) -> None:
    """ "I alt" at the foot of each half-year's rows, the last half-year's rows going on over
    the page (its total there): each total is its own half-year's, not one over several."""
    rows: list[Row] = [("2023 H1 Hele landet", None), ("Serviceloven", ["38"])]
    rows += [("Aktivloven", ["27"]), ("I alt", ["30"]), ("2023 H2 Hele landet", None)]
    rows += [("Serviceloven", ["39"]), ("Aktivloven", ["23"]), ("I alt", ["31"])]
    rows += [("2024 H1 Hele landet", None), ("Serviceloven", ["46"])]
    candidate = table(["Omgørelsesprocent"], rows, caption="Tabel 1 Omgørelsesprocent")
    got = {(o.period, o.law_area, o.value) for o in read(rulebook, candidate).observations}
    assert {("2023-H1", "alle", 30.0), ("2023-H2", "alle", 31.0)} <= got
    assert ("2024-H1", "serviceloven", 46.0) in got


def test_an_authority_column_blank_all_down_the_page_takes_no_heading_entity(
    rulebook: Rulebook,
) -> None:
    """A stub "Myndighed Lovområde" over rows naming only law areas: the authority column
    is blank down the page (its "Hele landet" printed on the page before), so the minutes'
    municipality is not theirs: not emitted, and said so."""
    rows: list[Row] = [("PL", ["673", "743"]), ("Boligstøtteloven", ["63", "73"])]
    candidate = table(
        ["Antal / 2022", "Antal / 2023"], rows,
        caption="Tabel 2. Afgjorte sager efter lovområde", stub="Myndighed Lovområde",
    )  # fmt: skip
    result = read(rulebook, candidate)
    assert result.observations == ()
    assert any("entity" in f.message for f in result.findings)


def test_a_stub_word_over_other_names_than_it_says_leaves_nothing_open(
    rulebook: Rulebook,
) -> None:
    """A stub "Område / Afgørelsestype" whose outer column holds law areas, not places: every
    stub column is filled, so the title's "hele landet" stays the entity."""
    rows: list[Row] = [("Lov om social pension", None), ("Stadfæstede sager", ["437"])]
    rows += [("Hjemvisninger", ["54"]), ("Barnets lov", None), ("Stadfæstede sager", ["2010"])]
    candidate = table(
        ["1. kvartal 2025"], rows, stub="Område / Afgørelsestype",
        title="Realitetsbehandlede sager efter lovområde og udfald for hele landet",
    )  # fmt: skip
    got = {
        (o.entity_scope, o.law_area, o.measure, o.value)
        for o in read(rulebook, candidate).observations
    }
    assert got == {
        ("hele_landet", "pensionsloven", "stadfaestet", 437.0),
        ("hele_landet", "pensionsloven", "hjemvist", 54.0),
        ("hele_landet", "barnets_lov", "stadfaestet", 2010.0),
    }


def test_law_groups_above_a_total_group_take_its_measure_by_their_sums(
    rulebook: Rulebook,
) -> None:
    """Each law area a group of "Antal" and "Procent" rows, then "Afgjorte sager i alt" as a
    group of the same rows, no caption: the law areas' counts add up to its count and their
    shares to its 100 %, so they are afgjorte sager (their shares its andel)."""
    rows: list[Row] = [("Hele landet i alt", None)]
    for law, count, share in (("Serviceloven", "9.272", "46"), ("Aktivloven", "4.659", "23")):
        rows += [(law, None), ("Antal", [count]), ("Procent", [share])]
    rows += [("Andre love", None), ("Antal", ["6.217"]), ("Procent", ["31"])]
    rows += [("Afgjorte sager i alt", None), ("Antal", ["20.148"]), ("Procent", ["100"])]
    got = {
        (o.law_area, o.measure, o.value)
        for o in read(rulebook, table(["2023"], rows, stub="Myndighed / Lovområde")).observations
    }
    assert ("serviceloven", "afgjorte", 9272.0) in got
    assert ("andre_love", "afgjorte", 6217.0) in got
    assert ("alle", "afgjorte", 20148.0) in got
    assert any(law == "aktivloven" and value == 23.0 for law, _, value in got)


def test_the_laws_counted_under_andre_love_are_its_provisions(rulebook: Rulebook) -> None:
    """Under "Andre Love" a law of its own name ("Lov om anvendelse af tvang i psykiatrien
    m.v.", printed without a paragraph) among its provisions: one of the laws Ankestyrelsen
    counts as "Andre Love", so a provision of it, and the rows after it stay readable."""
    rows: list[Row] = [
        ("Andre Love", ["13"]),
        ("Enkeltydelser §§ 35-41", ["5"]),
        ("Lov om anvendelse af tvang i psykiatrien m.v.", ["9"]),
        ("Lov om forsøg med socialt frikort", ["7"]),
        ("Repatrieringsloven", ["11"]),
        ("Økonomisk friplads - §§ 43, 63 og 76 (Dagtilbudsloven)", ["6"]),
        ("Barnets Lov", ["44"]),
        ("Børn - KSB - Samvær - § 104", ["40"]),
    ]
    candidate = table(
        ["2024"], rows, caption="Tabel 4.9 Andel hjemviste sager efter lovområde og bestemmelse",
        stub="Lovområde/bestemmelse",
    )  # fmt: skip
    got = {(k[2], k[3], k[5]) for k in keys(read(rulebook, candidate))}
    assert ("andre_love", "Lov om anvendelse af tvang i psykiatrien m.v.", 9.0) in got
    assert ("andre_love", "Repatrieringsloven", 11.0) in got
    assert ("andre_love", "Økonomisk friplads - §§ 43, 63 og 76 (Dagtilbudsloven)", 6.0) in got


def test_a_period_printed_once_for_two_entity_rows_is_not_the_headings_for_the_second(
    rulebook: Rulebook,
) -> None:
    """Two stub columns read as one: "2016M06 Herning kommune", then "Hele landet" with the
    period left blank under it (as above): the national row's period is not the heading's
    year; with no column of periods to say so, it is not known, and said so."""
    rows: list[Row] = [
        ("2016M06 Herning kommune", ["66", "37,9"]),
        ("Hele landet", ["9 301", "40,9"]),
    ]
    rows += [("2016M07 Herning kommune", ["74", "31,1"]), ("Hele landet", ["10 329", "36,2"])]
    candidate = table(
        ["Realitetsbehandlede sager i alt", "Omgørelsesprocent (%)"], rows,
        title="Ankestyrelsens talportal efter servicelov",
    )  # fmt: skip
    context = DocumentContext("referat", "Herning Kommune\nPunkt 56 Ankestatistik 2016")
    result = read(rulebook, candidate, context)
    got = {(o.entity_scope, o.period, o.value) for o in result.observations}
    assert ("kommune", "2016-06", 66.0) in got
    assert not any(scope == "hele_landet" for scope, _, _ in got)
    assert any("a row above names its period" in f.message for f in result.findings)


def test_a_later_table_titled_by_what_it_lists_takes_the_headings_entity(
    rulebook: Rulebook,
) -> None:
    """A second table of the minutes, no caption, its title saying what it lists ("Antal
    fordelt på ydelse og kvartal"): a table of its own, not the rest of the one before, so
    the heading's municipality is its entity."""
    rows: list[Row] = [("A-dagpenge", ["37", "30"]), ("Sygedagpenge", ["81", "76"])]
    candidate = table(
        ["1. kvt. 2023", "2. kvt. 2023"], rows, title="Antal fordelt på ydelse og kvartal"
    )
    context = DocumentContext("referat", MINUTES.heading, tables_before=1)
    got = {
        (o.municipality_code, o.period, o.provision, o.value)
        for o in read(rulebook, candidate, context).observations
    }
    assert (183, "2023-Q1", "A-dagpenge", 37.0) in got
    assert len(got) == 4


def test_a_period_printed_on_every_row_is_no_group_for_the_rows_after(
    rulebook: Rulebook,
) -> None:
    """Under a stub "periode": "Holbæk 2019", "Holbæk 2020", "Holbæk 2021", then "Hele
    landet" rows whose year went into a cell: the period is printed on every row, so the
    last year is not the national rows' (they are not emitted with it)."""
    rows: list[Row] = [("Holbæk 2019", [".", "."]), ("Holbæk 2020", ["51", "11"])]
    rows += [("Holbæk 2021", ["33", "7"]), ("Hele landet", [".", "."]), ("Hele landet", [".", "."])]
    candidate = table(
        ["stadfæstede", "afviste sager"],
        rows,
        caption="Tabel 1 Ankestyrelsens talportal Serviceloven",
        stub="periode",
    )
    got = {(o.entity_scope, o.period) for o in read(rulebook, candidate).observations}
    assert ("kommune", "2021") in got
    assert not any(scope == "hele_landet" and period == "2021" for scope, period in got)


def test_a_group_heading_wrapped_before_a_word_that_reads_alone_is_read_whole(
    rulebook: Rulebook,
) -> None:
    """A group heading wrapped over two label-only rows, "sager, hvor Ankestyrelsen ikke
    fik" / "medhold": the second reads alone as the opposite measure, but the first says
    nothing on its own, so the heading is read whole ("ikke medhold")."""
    rows: list[Row] = [("Domstolssager i alt", None), ("Sager i alt", ["13", "18"])]
    rows += [("sager, hvor Ankestyrelsen ikke fik", None), ("medhold", None)]
    rows += [("Sager i alt", ["6", "4"])]
    candidate = table(
        ["2018-10", "2018-11"], rows,
        caption="Tabel 5.1 Sager indbragt for domstolene på social- og beskæftigelsesområdet",
    )  # fmt: skip
    got = {(o.measure, o.period, o.value) for o in read(rulebook, candidate).observations}
    assert not any(measure == "medhold" for measure, _, _ in got)
    assert ("ikke_medhold", "2018-11", 4.0) in got


def test_a_stub_of_outcomes_over_count_and_share_rows_keeps_the_titles_measure(
    rulebook: Rulebook,
) -> None:
    """A stub "Udfald / Lov" whose outer column holds "Antal" and "Procent", not outcomes:
    every stub column is filled, so the title's "Afgjorte sager" is the measure."""
    rows: list[Row] = [
        ("Antal", None),
        ("Aktivloven", ["4659", "5788"]),
        ("Serviceloven", ["9272", "8669"]),
    ]
    rows += [
        ("Procent", None),
        ("Aktivloven", ["0.23", "0.27"]),
        ("Serviceloven", ["0.46", "0.41"]),
    ]
    candidate = table(
        ["2022", "2023"], rows, stub="Udfald / Lov",
        title="Afgjorte sager efter lovområde – hele landet 2022-2024",
    )  # fmt: skip
    got = {
        (o.law_area, o.period, o.measure, o.value) for o in read(rulebook, candidate).observations
    }
    assert ("aktivloven", "2022", "afgjorte", 4659.0) in got
    assert ("serviceloven", "2023", "afgjorte", 8669.0) in got


def test_a_total_under_law_groups_without_totals_is_all_law_areas_in_each_section(
    rulebook: Rulebook,
) -> None:
    """Outcome sections, each listing law areas as label-only group rows over their
    provisions and ending in "Hovedtotal", the next outcome after it: the total is all law
    areas', not the last law area's."""
    rows: list[Row] = []
    for outcome, values, total in (
        ("Stadfæstelse", ("7", "9"), "16"),
        ("Hjemvisning", ("2", "3"), "5"),
    ):
        rows += [(outcome, None), ("Serviceloven", None), ("Biler - §§ 114 og 115", [values[0]])]
        rows += [("Sygedagpengeloven", None), ("Uarbejdsdygtighed - § 7", [values[1]])]
        rows += [("Hovedtotal", [total])]
    candidate = table(
        ["2024"], rows, caption="Realitetsbehandlede sager efter lovområde og bestemmelse"
    )
    got = {
        (o.measure, o.law_area, o.provision, o.value)
        for o in read(rulebook, candidate).observations
    }
    assert ("stadfaestet", "alle", None, 16.0) in got
    assert ("hjemvist", "alle", None, 5.0) in got
    assert not any(law == "sygedagpengeloven" and provision is None for _, law, provision, _ in got)


def test_a_year_beside_a_column_naming_a_quarter_without_one_is_not_the_whole_year(
    rulebook: Rulebook,
) -> None:
    """ "okt.-dec. 2025" spread over two columns and read "okt.-dec. / Fanø" and "2025 /
    Landsplan": the first has no year, the second's year may be the quarter's: neither is
    emitted as a year's value, and both are said."""
    rows: list[Row] = [("Hovedtotal", ["31", "29"]), ("Aktivloven", ["32", "29"])]
    candidate = table(
        ["okt.-dec. / Fanø", "2025 / Landsplan"], rows,
        caption="Omgørelsesprocent efter sagsemne og kommune",
    )  # fmt: skip
    result = read(rulebook, candidate)
    assert not any(o.period == "2025" for o in result.observations)
    assert any("whole year is not known" in f.message for f in result.findings)


def test_a_provision_printed_with_its_group_headers_entity_is_named_without_it(
    rulebook: Rulebook,
) -> None:
    """Under "Hele landet, Lov om almene boliger", rows printing the entity again ("Hele
    landet, Almene boliger - § 54-61"): the provision's name is what follows the entity."""
    rows: list[Row] = [("Hele landet, Lov om almene boliger", None)]
    rows += [("Hele landet, Almene boliger - § 54-61", ["1"])]
    candidate = table(
        ["Ændring/ophævelse"], rows, stub="Bestemmelse",
        title="Ankestatistik Egedal Kommune i 4. kvartal 2022",
    )  # fmt: skip
    got = [
        (o.entity_scope, o.law_area, o.provision) for o in read(rulebook, candidate).observations
    ]
    assert got == [("hele_landet", "almenboligloven", "Almene boliger - § 54-61")]


def test_a_total_beside_columns_of_one_law_area_is_no_total_of_all_law_areas(
    rulebook: Rulebook,
) -> None:
    """A header that named one law area over two outcome columns only (a law's group row
    taken into the header), "Ændringer" and "Realitetsbehandlede sager i alt" beside them:
    the total column is not law area "alle" (it may be that law area's); it is skipped and
    said, never read as all law areas."""
    result = read(
        rulebook,
        table(
            ["Servicelov / Stadfæstelse", "Servicelov / Hjemvisning", "Ændringer",
             "Realitetsbehandlede sager i alt"],
            [("Merudgifter § 41", ["5", "1", "1", "7"]), ("Tabt arbejdsfortjeneste § 42",
                                                         ["10", "3", "0", "13"])],
            caption="Tabel 5.2 Realitetsbehandlede sager 2023",
        ),
    )  # fmt: skip
    assert all(o.law_area != "alle" for o in result.observations)
    assert not [o for o in result.observations if o.measure == "realitetsbehandlede"]
    assert any("one law area" in f.message for f in result.findings)


def test_a_caption_counting_persons_by_benefit_stands_over_a_heading_about_decisions(
    rulebook: Rulebook,
) -> None:
    """A memo's table under the memo's heading and first paragraph ("Notat om
    Ankestyrelsens afgørelser …", which names decisions), captioned "Antal borgere fordelt
    på måned og ydelse" under it, its rows benefits under months: the caption's measure is
    what the rows count, so the table is read as persons per benefit."""
    rows: list[Row] = [
        ("feb 2023", None),
        ("A-dagpenge", ["58"]),
        ("Kontanthjælp", ["7"]),
        ("mar 2023", None),
        ("A-dagpenge", ["58"]),
        ("Kontanthjælp", [".."]),
    ]
    heading = (
        "Notat om Ankestyrelsens afgørelser En nærmere forklaring af Ankestyrelsens begreber,"
        " er gengivet bilag (Ankestatistik 2020)."
    )
    result = read(
        rulebook,
        table(["Nyborg"], rows, title=heading, stub="Måned / Ydelse",
              caption="Tabel 1: Antal borgere fordelt på måned og ydelse"),
    )  # fmt: skip
    got = keys(result)
    assert (450, "2023-02", None, "A-dagpenge", "antal_personer", 58.0, "reported") in got
    assert (450, "2023-03", None, "Kontanthjælp", "antal_personer", None, "suppressed") in got
    assert len(got) == 4


def test_a_bare_share_beside_a_header_naming_two_measures_is_not_read(rulebook: Rulebook) -> None:
    """ "Andel hjemvist ændret" (two headers' words run together, naming two measures) beside
    a bare "Andel" under a caption naming realitetsbehandlede sager: the bare share lost its
    measure to its neighbour, so it is not read as a share of all realitetsbehandlede."""
    result = read(
        rulebook,
        table(
            ["Andel hjemvist ændret", "Andel"],
            [("Sager i alt", ["23", "9"]), ("Andre love", ["13", "11"])],
            caption="TABEL 4.1 Realitetsbehandlede sager efter lovområde 2024",
        ),
    )
    assert keys(result) == []
    assert any("share column" in f.message for f in result.findings)


def test_a_number_without_a_percent_sign_in_a_column_of_percentages_under_a_count(
    rulebook: Rulebook,
) -> None:
    """Tabel 3.1 scanned: the header "Andel stadfæstet" read "stadfæstet" (a count), its
    column printing "78 %", "86 %" ... and one "65" whose sign OCR lost. The signed ones are
    the count's share; the bare one is neither surely: not emitted, and said why."""
    rows = [
        ("Aktivloven", ["78 %", "476"]),
        ("Pensionsloven", ["86 %", "15"]),
        ("Almene boliger", ["65", "2"]),
        ("Andre love", ["77 %", "39"]),
    ]
    result = read(
        rulebook,
        table(["stadfæstet", "Ændrede/ophævede"], rows, caption="Tabel 3.1 Landstotal 2024"),
    )
    got = keys(result)
    shares = [k for k in got if k[4] == "stadfaestelsesprocent"]
    assert [k[5] for k in shares] == [78.0, 86.0, 77.0]
    assert not any(k[2] == "almenboligloven" and k[4] == "stadfaestet" for k in got)
    assert (None, "2024", "almenboligloven", None, "aendret_ophaevet", 2.0, "reported") in got
    assert any("sign was lost" in f.message for f in result.findings)


def test_a_header_naming_only_a_total_beside_lost_headers_is_no_surer(
    rulebook: Rulebook,
) -> None:
    """A scanned table of provisions whose header row OCR lost but for "alt" (of
    "Realitetsbeh. i alt"): beside the two blank headers, the "alt" column does not take the
    caption's measure (omgørelsesprocent) either; nothing is emitted, and said why."""
    rows = [
        ("Tabt arbejdsfortjeneste §§ 42,43 + tilbagebetaling", ["7", "2", "1"]),
        ("Voksne - ledsageordning - § 97", ["0", "0", "0"]),
    ]
    caption = "Tabel 3 Omgørelsesprocenter fordelt på paragraffer for Lejre Kommune i 2021"
    result = read(rulebook, table(["alt", "", ""], rows, caption=caption))
    assert keys(result) == []
    assert any("no measure" in f.message for f in result.findings)


def test_a_level_of_noise_words_under_a_group_header_names_nothing(rulebook: Rulebook) -> None:
    """Headers "MORSØ / ÆNDRINGER HJEMVISTE" and "MORSØ / SAGER": OCR set "HJEMVISTE" of the
    second column into the first's. The second names nothing of its own ("sager" is a noise
    word): it does not take the title's measure (afgjorte); its values are not emitted."""
    rows = [("2020", ["6", "17"]), ("2021", ["4", "15"])]
    title = "Afgørelser efter instans og sagsemne vedr. SEL i perioden 2019-2021"
    result = read(
        rulebook, table(["MORSØ / ÆNDRINGER HJEMVISTE", "MORSØ / SAGER"], rows, title=title)
    )
    assert not any(k[4] == "afgjorte" for k in keys(result))
