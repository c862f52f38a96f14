"""What group rows give the rows under them, on detected tables: a label-only row whose
rows name other values of its dimension heads no group of them, and a row of years under a
label of axis words is the next table's header, not values."""

from __future__ import annotations

from dataclasses import replace

from extract.interpret.rulebook import Rulebook
from tests.interpret.test_interpret_table import MINUTES, Row, keys, read, table


def test_a_law_row_over_rows_naming_other_laws_heads_no_group(rulebook: Rulebook) -> None:
    """ "Aktiv beskæftigelsesindsats" alone on its row (its values on the next, its label
    split from them), then rows naming other law areas and totals naming measures: the
    totals are no part of that law area."""
    rows: list[Row] = [
        ("2022", None),
        ("Aktiv beskæftigelsesindsats", None),
        ("Aktivloven (LAS)", ["4659"]),
        ("Serviceloven", ["9272"]),
        ("Afgjorte sager i alt", ["20148"]),
        ("Bortfaldne", ["1759"]),
    ]
    got = keys(read(rulebook, table(["Antal"], rows, caption="Afgjorte sager efter lovområde")))
    assert (183, "2022", "aktivloven", None, "afgjorte", 4659.0, "reported") in got
    assert not [g for g in got if g[5] in (20148.0, 1759.0) and g[2] == "lab"]


def test_a_row_of_years_under_axis_words_heads_the_rows_under_it(rulebook: Rulebook) -> None:
    """Two tables read as one: under the first one's rows, "Afgørelse Område" over "2023 |
    2024" in its last columns, then rows: those years are the next table's header, so its
    rows are not read under the first one's periods."""
    rows: list[Row] = [
        ("Realitetsbehandlede sager i alt", None),
        ("Landstotal Serviceloven", ["9.301", "10.329", "8.280", ""]),
        ("Afgørelse Område", ["", "", "2023", "2024"]),
        ("Antal Lov om aktiv socialpolitik", ["", "", "5.788", "5.894"]),
        ("Serviceloven", ["", "", "8.669", "3.908"]),
    ]
    headers = ["H2 2017", "H1 2018", "H2 2018", ""]
    result = read(rulebook, table(headers, rows, caption="Afgjorte sager efter lovområde"))
    assert not [k for k in keys(result) if k[5] in (5788.0, 5894.0, 8669.0, 3908.0)]
    assert any("second header row ('Afgørelse Område'" in f.message for f in result.findings)


def test_a_provision_after_a_measure_keeps_its_end_as_printed(rulebook: Rulebook) -> None:
    """ "Realitetsbeh. sager alt" before a provision whose printed name ends in " -": the
    provision is the rest of the label as printed, its dash too."""
    name = "Magtanvendelse, voksne, indgreb i selvbestemmelsesretten, anbragte i boform"
    name += " v/strafferetlig afg.. -"
    rows: list[Row] = [
        (f"Realitetsbeh. sager alt {name}", ["0"]),
        ("Realitetsbeh. sager alt Voksne - rehabilitering - § 83a", ["0"]),
    ]
    caption = "Ankestatistik fordelt på paragraffer for Ishøj efter SEL"
    got = keys(read(rulebook, table(["1. halvår 2018"], rows, caption=caption)))
    assert [g[3] for g in got] == [name, "Voksne - rehabilitering - § 83a"]


def test_benefits_after_a_period_in_their_labels_are_counted_persons(rulebook: Rulebook) -> None:
    """ "Antal" over rows naming a month and a benefit ("Januar 2022 Ledighedsydelse"): the
    rows are benefits, so the table counts persons."""
    rows: list[Row] = [
        ("Januar 2022 Ledighedsydelse", ["8"]),
        ("Februar 2022 Ledighedsydelse", ["10"]),
        ("Marts 2022, Kontanthjælp", ["5"]),
    ]
    got = keys(read(rulebook, table(["ANTAL"], rows, title="Ankestatistik Gentofte Kommune")))
    assert {(g[1], g[4], g[5]) for g in got} == {
        ("2022-01", "antal_personer", 8.0),
        ("2022-02", "antal_personer", 10.0),
        ("2022-03", "antal_personer", 5.0),
    }


def test_benefits_counted_by_their_caption_are_persons_under_prose_naming_cases(
    rulebook: Rulebook,
) -> None:
    """Benefits by month captioned "Antal efter ydelsestype og måned", under a paragraph
    that speaks of decided cases by law area (the minutes' text, not the table's): the
    caption says what the table counts, persons; the paragraph decides nothing."""
    rows: list[Row] = [("A-dagpenge", ["53", "47"]), ("Sygedagpenge", ["97", "79"])]
    prose = (
        "Af nedenstående tabel fremgår det hvordan antallet af afgjorte klagesager i 2020 er "
        "fordelt på lovområder, samt om Ankestyrelsen har henholdsvis stadfæstet, ændret, "
        "hjemvist eller afvist klagen."
    )
    candidate = table(
        ["2022-03", "2022-04"],
        rows,
        caption="Antal efter ydelsestype og måned",
        title=prose,
        stub="Ydelse",
    )
    got = keys(read(rulebook, candidate))
    assert {(g[1], g[3], g[4], g[5]) for g in got} == {
        ("2022-03", "A-dagpenge", "antal_personer", 53.0),
        ("2022-04", "A-dagpenge", "antal_personer", 47.0),
        ("2022-03", "Sygedagpenge", "antal_personer", 97.0),
        ("2022-04", "Sygedagpenge", "antal_personer", 79.0),
    }


def test_a_benefit_named_like_a_law_after_the_municipality_is_the_benefit_alone(
    rulebook: Rulebook,
) -> None:
    """Persons by benefit, each row led by the municipality ("Ishøj | Sygedagpenge", two
    stub columns read as one label): "Sygedagpenge" names a law too, but persons have no
    law area, so it is the benefit's name, printed without the municipality's, as the
    other benefits are."""
    rows: list[Row] = [
        ("Ishøj 2024K2", None),
        ("Ishøj A-dagpenge", ["30"]),
        ("Ishøj Sygedagpenge", ["76"]),
        ("Ishøj Fleksjob", ["49"]),
    ]
    got = keys(read(rulebook, table(["Antal personer"], rows, stub="Myndighed Ydelse")))
    assert [(g[0], g[1], g[3], g[4], g[5]) for g in got] == [
        (183, "2024-Q2", "A-dagpenge", "antal_personer", 30.0),
        (183, "2024-Q2", "Sygedagpenge", "antal_personer", 76.0),
        (183, "2024-Q2", "Fleksjob", "antal_personer", 49.0),
    ]


def test_an_outcome_in_the_corner_over_provisions_naming_a_measure_is_the_tables(
    rulebook: Rulebook,
) -> None:
    """ "Stadfæstelse" in the top left corner over law rows and their provisions, one of
    which names a measure in its name ("Bortfald af retten til sygedagpenge"): the corner
    says what the table counts, upheld cases; that provision is no outcome's row."""
    rows: list[Row] = [
        ("Sygedagpengeloven", ["2.526"]),
        ("Bortfald af retten til sygedagpenge - §§ 21-23", ["195"]),
        ("Diverse - sygedagpengeloven", ["7"]),
    ]
    caption = "Tabel 5.3: STADFÆSTELSE FORDELT PÅ SAGSEMNE JULI 2025"
    got = keys(read(rulebook, table(["Hele landet"], rows, caption=caption, stub="Stadfæstelse")))
    assert [(g[2], g[3], g[4], g[5]) for g in got] == [
        ("sygedagpengeloven", None, "stadfaestet", 2526.0),
        (
            "sygedagpengeloven",
            "Bortfald af retten til sygedagpenge - §§ 21-23",
            "stadfaestet",
            195.0,
        ),
        ("sygedagpengeloven", "Diverse - sygedagpengeloven", "stadfaestet", 7.0),
    ]


def test_a_law_named_beside_the_first_period_is_no_law_of_all_for_the_later_periods(
    rulebook: Rulebook,
) -> None:
    """ "SEL | 2. halvår 2023" (the law printed once, in an outer stub column, beside the
    first period's group row), then "1. halvår 2024": whether the law holds for the later
    period is not known, so its rows are not read under all law areas (no value, the report
    says why); the first period's rows are the law's."""
    rows: list[Row] = [
        ("SEL 2. halvår 2023", None),
        ("Realitetsbehandlede sager", ["66"]),
        ("1. halvår 2024", None),
        ("Realitetsbehandlede sager", ["74"]),
    ]
    result = read(rulebook, table(["Ishøj Kommune"], rows))
    assert [(g[1], g[2], g[5]) for g in keys(result)] == [("2023-H2", "serviceloven", 66.0)]
    assert any("a row above names its law" in f.message for f in result.findings)


def test_a_table_under_a_header_of_its_own_after_another_takes_the_heading(
    rulebook: Rulebook,
) -> None:
    """A second table of the minutes, no caption, its own header ("Antal personer" over
    benefits): the document heading's municipality is its, as it is the first table's; the
    same table under the header of the table before (a page not joined to its start) takes
    none, nor does it after a table whose caption named another entity, its header sharing
    a word with this one (a page of it, its header misread); one sharing none but numbers is
    a table of its own."""
    rows: list[Row] = [("A-dagpenge", ["58"]), ("Kontanthjælp", ["7"]), ("Sygedagpenge", ["90"])]
    candidate = table(["Antal personer 2023"], rows)
    before = (("Realitetsbehandlede sager",), ("Omgørelsesprocent",))
    context = replace(MINUTES, tables_before=1, headers_before=before)
    got = keys(read(rulebook, candidate, context))
    assert [(g[0], g[1], g[5]) for g in got] == [
        (183, "2023", 58.0),
        (183, "2023", 7.0),
        (183, "2023", 90.0),
    ]
    again = replace(MINUTES, tables_before=1, headers_before=(("Antal personer 2023",),))
    assert not [g for g in keys(read(rulebook, candidate, again)) if g[0] == 183]
    # the table before named another entity in its caption ("… (hele landet)"): a page of it
    # not joined (its header misread) would take the heading's wrongly, so none is taken
    # while the headers share a word ("Antal")
    shared = (("Antal sager",), ("Omgørelsesprocent",))
    national = replace(context, entity_before="hele_landet", headers_before=shared)
    assert not [g for g in keys(read(rulebook, candidate, national)) if g[0] == 183]
    apart = replace(context, entity_before="hele_landet")
    assert [g[0] for g in keys(read(rulebook, candidate, apart))] == [183, 183, 183]


def test_a_row_repeated_right_under_itself_is_not_read(rulebook: Rulebook) -> None:
    """ "Langeland" twice under "Stadfæstede", the years setting them apart in a column not
    read: neither row takes the caption's year (the first is no more that year's than the
    second)."""
    rows: list[Row] = [
        ("Stadfæstede", None),
        ("Langeland", ["51"]),
        ("Langeland", ["33"]),
        ("Ændringer", None),
        ("Langeland", ["6"]),
    ]
    candidate = table(["Serviceloven"], rows, caption="Afgørelser efter udfald 2021")
    got = keys(read(rulebook, candidate))
    assert not [g for g in got if g[5] in (51.0, 33.0)]
    assert got == [(482, "2021", "serviceloven", None, "aendret_ophaevet", 6.0, "reported")]


def test_a_column_not_read_that_names_the_periods_leaves_the_period_open(
    rulebook: Rulebook,
) -> None:
    """A column whose header, run together with the paragraph above, still says it lists the
    years ("… klagen. År Realitetsbehandlet"): the period the paragraph names is not each
    row's."""
    title = (
        "Af nedenstående tabel fremgår det hvordan antallet af afgjorte klagesager i 2020 er "
        "fordelt på lovområder"
    )
    rows: list[Row] = [("Stadfæstede", None), ("Langeland", ["2019", "66"])]
    header = ["afvist klagen. År Realitetsbehandlet", "Serviceloven"]
    got = keys(read(rulebook, table(header, rows, title=title)))
    assert not [g for g in got if g[1] == "2020"]


def test_a_stub_header_sharing_no_word_with_the_one_before_is_a_table_of_its_own(
    rulebook: Rulebook,
) -> None:
    """A table of benefits under "Ydelsestype | Antal" after one under "KVARTAL" whose
    columns also said "Antal …": its own table (a page of the one before repeats its stub
    header), so the heading's municipality is its; not after a table naming another entity
    under a header that tells nothing (a year alone)."""
    rows: list[Row] = [("Juni 2024", None), ("A-dagpenge", ["29"]), ("Kontanthjælp", ["4"])]
    candidate = table(["Antal"], rows, stub="Ydelsestype")
    before = (("Realitetsbehandlede sager i alt", "Fanø"), ("Antal stadfæstede", "Fanø"))
    context = replace(MINUTES, tables_before=1, headers_before=before, stub_before="KVARTAL")
    got = keys(read(rulebook, candidate, context))
    assert [(g[0], g[1], g[5]) for g in got] == [(183, "2024-06", 29.0), (183, "2024-06", 4.0)]
    again = replace(context, stub_before="Ydelsestype")
    assert not [g for g in keys(read(rulebook, candidate, again)) if g[0] == 183]
    # after a table naming the whole country under a header of a year alone: a page of it,
    # its headers misread, may be this; the heading's municipality is not taken
    national = replace(context, entity_before="hele_landet", headers_before=(("2024",),))
    assert not [g for g in keys(read(rulebook, candidate, national)) if g[0] == 183]


def test_a_total_in_the_column_listing_law_areas_is_all_of_them(rulebook: Rulebook) -> None:
    """Years down the stub, a "Lov" column beside them printing "Hovedtotal" on each row:
    the values are over all law areas, not left out as naming no law."""
    rows: list[Row] = [
        ("2022", ["Hovedtotal", "14,5", "18 389 sager"]),
        ("2023", ["Hovedtotal", "17,5", "19 197 sager"]),
    ]
    headers = ["Lov", "Sagsbehandlingstid (uger)", "Realitetsbehandlet"]
    caption = "Tabel 5.1: Gennemsnitlig sagsbehandlingstid Landsplan"
    got = keys(read(rulebook, table(headers, rows, caption=caption, stub="År")))
    assert (None, "2022", "alle", None, "sagsbehandlingstid_uger", 14.5, "reported") in got
    assert (None, "2023", "alle", None, "realitetsbehandlede", 19197.0, "reported") in got


def test_a_total_in_the_law_column_is_all_laws_where_the_table_goes_on(
    rulebook: Rulebook,
) -> None:
    """A table going on from one before ("(fortsat)"), "I alt" in its column of law areas:
    its values are all law areas' (the column says so), not left open as the start of the
    table might have named one."""
    rows: list[Row] = [
        ("Landstotal", None),
        ("2022", ["I alt", "12.838", "70%"]),
        ("2023", ["I alt", "13.504", "70%"]),
    ]
    headers = ["LOVOMRÅDE", "STADFÆSTELSE / ANTAL", "STADFÆSTELSE / ANDEL I PCT."]
    got = keys(read(rulebook, table(headers, rows, caption="Tabel 2 (fortsat)", stub="ÅR")))
    assert (None, "2022", "alle", None, "stadfaestet", 12838.0, "reported") in got


def test_a_measure_named_with_its_count_word_on_a_group_row_holds_for_the_laws_under_it(
    rulebook: Rulebook,
) -> None:
    """An outer stub column naming the measure on its group's first row only, with its count
    word ("Antal stadfæstede | Boligstøtteloven"), then a row naming only the next law: the
    provisions under it are stadfæstede too."""
    rows: list[Row] = [
        ("Antal stadfæstede Boligstøtteloven", None),
        ("Indskudslån - § 54-71", ["12"]),
        ("Lov om aktiv socialpolitik", None),
        ("Formue - §§ 14 og 15", ["128"]),
        ("Hjemviste sager Boligstøtteloven", None),
        ("Indskudslån - § 54-71", ["3"]),
    ]
    caption = "Tabel 5.1 Realitetsbehandlede sager efter lovområde og bestemmelse"
    got = keys(read(rulebook, table(["2024"], rows, caption=caption)))
    assert (
        183,
        "2024",
        "aktivloven",
        "Formue - §§ 14 og 15",
        "stadfaestet",
        128.0,
        "reported",
    ) in got


def test_a_law_total_under_a_period_and_entity_heads_its_rows_not_the_next_period(
    rulebook: Rulebook,
) -> None:
    """A long export's stub columns as group rows: "2. halvår 2020" / "Hele landet i alt" /
    "Sager i alt" over its measure rows, then "1. halvår 2021" and the same again: "Sager i
    alt" is all law areas of its own period, not a total beside the periods (which would
    leave every group but the last unread)."""
    rows: list[Row] = []
    for half, weeks, cases in (
        ("2. halvår 2020", "14,5", "18.389"),
        ("1. halvår 2021", "17,5", "19.197"),
    ):
        rows += [(half, None), ("Hele landet i alt", None), ("Sager i alt", None),
                 ("Gennemsnitlig sagsbehandlingstid i uger", [weeks]),
                 ("Realitetsbehandlede", [cases])]  # fmt: skip
    got = keys(read(rulebook, table(["Antal/pct."], rows, stub="Halvår / Kommune / Lovområde")))
    assert (None, "2020-H2", "alle", None, "realitetsbehandlede", 18389.0, "reported") in got
    assert (None, "2021-H1", "alle", None, "sagsbehandlingstid_uger", 17.5, "reported") in got
    assert len(got) == 4


def test_a_benefit_row_beginning_with_another_year_is_that_years(rulebook: Rulebook) -> None:
    """Persons by benefit under year group rows ("2021" over "A-dagpenge | 39"), then the
    next page's rows with the outer stub's year joined to the first row's label ("2022
    A-dagpenge | 40"): that row is 2022's, its benefit "A-dagpenge", not 2021's "2022
    A-dagpenge"."""
    rows: list[Row] = [
        ("2021", None),
        ("A-dagpenge", ["39"]),
        ("Kontanthjælp", ["12"]),
        ("2022 A-dagpenge", ["40"]),
    ]
    got = keys(read(rulebook, table(["antal"], rows, stub="år / ydelse", title="Vordingborg")))
    assert (390, "2021", None, "A-dagpenge", "antal_personer", 39.0, "reported") in got
    assert (390, "2022", None, "A-dagpenge", "antal_personer", 40.0, "reported") in got
    assert not [g for g in got if g[3] == "2022 A-dagpenge"]


def test_provisions_whose_outcome_row_was_lost_take_no_measure_from_the_corner(
    rulebook: Rulebook,
) -> None:
    """ "Afgørelse / Bestemmelse" in the corner over outcome rows, each over law groups and
    their provisions; the page starts under an outcome printed on the page before (lost to
    the reading): the corner names the column of outcomes, not the measure of those first
    provisions, so they give no value (the report says so); the rows under "Omgørelsesprocent"
    are its."""
    rows: list[Row] = [
        ("Lov om aktiv socialpolitik", None),
        ("Formue - §§ 14 og 15", ["14%"]),
        ("Sanktioner § 40a", ["29%"]),
        ("Omgørelsesprocent", None),
        ("Lov om aktiv socialpolitik", None),
        ("Formue - §§ 14 og 15", ["12%"]),
    ]
    result = read(rulebook, table(["2024"], rows, stub="Afgørelse Bestemmelse"))
    assert [(g[2], g[3], g[4], g[5]) for g in keys(result)] == [
        ("aktivloven", "Formue - §§ 14 og 15", "omgoerelsesprocent", 12.0)
    ]
    assert any("no measure" in f.message for f in result.findings)
