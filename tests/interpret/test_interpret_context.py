"""What a table takes from the text around it (caption, title, document heading), on the
wordings minutes use: a title wrapped over two heading lines, a paragraph comparing the
municipality with the whole country, a title repeating the heading's municipality over a
caption naming the whole country."""

from __future__ import annotations

from extract.interpret.rulebook import Rulebook
from extract.model import DocumentContext
from tests.interpret.test_interpret_table import keys, read, table

OUTCOMES = [("Stadfæstelser", ["15", "51"]), ("Hjemviste", ["5", "17"])]


def test_a_heading_title_wrapped_over_two_lines_names_its_period(rulebook: Rulebook) -> None:
    """ "Punkt 91 Danmarkskort over omgørelsesprocenter i 2. kvartal" / "2016 - Favrskov":
    the item's title goes on on the next line, and the period is the two lines' together
    (neither names it alone)."""
    heading = DocumentContext(
        "referat",
        "Favrskov\nReferat\nHandicaprådet\nDato: 17. februar 2016\n"
        "Punkt 91 Danmarkskort over omgørelsesprocenter i 2. kvartal\n2016 - Favrskov\nResume",
    )
    candidate = table(["Aktivlov", "Servicelov"], OUTCOMES, caption="Tabel 1 Afgjorte sager")
    got = keys(read(rulebook, candidate, heading))
    assert (710, "2016-Q2", "aktivloven", None, "stadfaestet", 15.0, "reported") in got
    assert (710, "2016-Q2", "serviceloven", None, "hjemvist", 17.0, "reported") in got
    assert len(got) == 4


def test_a_paragraph_comparing_the_municipality_with_the_country_keeps_its_entity(
    rulebook: Rulebook,
) -> None:
    """The paragraph above a table without caption compares the heading's municipality with
    the whole country: the table is still the municipality's. A paragraph naming the whole
    country alone (or another municipality) leaves the entity open."""
    heading = DocumentContext("referat", "Lejre Kommune\nBeslutningsprotokol\nHandicaprådet")
    title = (
        "Omgørelsesprocenten for Lejre Kommune på 31 % er lidt højere end for landet som "
        "helhed, hvor den er 29 %."
    )
    rows = [("A-dagpenge", ["38"]), ("Kontanthjælp", ["10"])]
    candidate = table(["2021 K1"], rows, title=title, stub="ANTAL PERSONER")
    got = keys(read(rulebook, candidate, heading))
    assert [(g[0], g[1], g[5]) for g in got] == [(350, "2021-Q1", 38.0), (350, "2021-Q1", 10.0)]
    national = "Omgørelsesprocenten for landet som helhed er 29 %, lidt lavere end sidste år."
    candidate = table(["2021 K1"], rows, title=national, stub="ANTAL PERSONER")
    assert keys(read(rulebook, candidate, heading)) == []


def test_a_title_repeating_the_headings_municipality_yields_to_the_caption(
    rulebook: Rulebook,
) -> None:
    """An annex titled "Bilag: Ankestatistik Fredericia" (the heading's municipality) over a
    table captioned "… for hele landet": the caption's entity is the table's. A title naming
    another municipality than the heading's still disputes it: none is taken."""
    heading = DocumentContext("referat", "Fredericia\nReferat\nSocial- og Sundhedsudvalget")
    caption = "Tabel 1: Omgørelsesprocent fordelt på lovområde og kvartal for hele landet"
    rows = [("Serviceloven", ["36 %", "41 %"])]
    candidate = table(
        ["Q1 2022", "Q2 2022"], rows, caption=caption, title="Bilag: Ankestatistik Fredericia"
    )
    got = keys(read(rulebook, candidate, heading))
    assert [(g[0], g[1], g[4], g[5]) for g in got] == [
        (None, "2022-Q1", "omgoerelsesprocent", 36.0),
        (None, "2022-Q2", "omgoerelsesprocent", 41.0),
    ]
    other = table(["Q1 2022", "Q2 2022"], rows, caption=caption, title="Ankestatistik Vejle")
    assert keys(read(rulebook, other, heading)) == []


def test_a_stub_header_naming_another_entity_among_words_not_read_leaves_it_open(
    rulebook: Rulebook,
) -> None:
    """A stub header "Landstotal Lov om aktiv" (a group label read into it) under a heading
    naming Næstved: the table is not Næstved's because the stub's other words were not
    read; its entity is left open, no value is Næstved's."""
    heading = DocumentContext("referat", "Næstved Kommune\nKommunalbestyrelsen")
    rows = [("2021", None), ("november", ["1 278", "6%"]), ("december", ["1 192", "6%"])]
    candidate = table(
        ["Antal", "Procent"],
        rows,
        caption="Tabel 3. Afgjorte sager",
        stub="Landstotal Lov om aktiv",
    )
    got = keys(read(rulebook, candidate, heading))
    assert not [g for g in got if g[0] == 370]


def test_nil_marks_in_a_column_of_shares_are_shares_under_a_caption_about_shares(
    rulebook: Rulebook,
) -> None:
    """A caption "… – pct." over law columns, "–" where a law did not yet exist and "20 %"
    under it: the nil marks are shares like the column's other values, not counts of the
    caption's measure."""
    rows = [("2023Q3", ["23 %", "–"]), ("2023Q4", ["27 %", "–"]), ("2024Q1", ["30 %", "20 %"])]
    caption = "Tabel: Afgjorte sager efter lovområde – pct."
    candidate = table(["Aktivlov", "Barnets Lov"], rows, caption=caption)
    got = keys(read(rulebook, candidate))
    assert not [g for g in got if g[4] == "afgjorte"]
    (nil,) = [g for g in got if g[2] == "barnets_lov" and g[1] == "2023-Q3"]
    assert nil[4] == "andel_procent"


def test_a_column_naming_no_measure_beside_one_naming_its_own_takes_none_from_the_caption(
    rulebook: Rulebook,
) -> None:
    """ "Skive kommune Realitetsbeh. i alt | Landsplan" (a group header read into the first
    column only) under a caption naming "Afgørelser": the second column names no measure,
    the first its own; the caption's is not the second's."""
    rows = [("2020", ["74", "10 329 sager"]), ("2021", ["52", "8 280 sager"])]
    caption = "Tabel 1 Afgørelser efter instans og sagsemne (Serviceloven)"
    candidate = table(["Skive kommune Realitetsbeh. i alt", "Landsplan"], rows, caption=caption)
    got = keys(read(rulebook, candidate))
    assert not [g for g in got if g[4] == "afgjorte"]
    assert (779, "2020", "serviceloven", None, "realitetsbehandlede", 74.0, "reported") in got


def test_a_header_read_as_the_title_of_a_table_without_one_names_nothing(
    rulebook: Rulebook,
) -> None:
    """A table whose header ("Q1" over "2025" beside "MYNDIGHED | LOVOMRÅDE") was read as
    the title over its first group row, its value column left without a header: the
    title's year is not the table's period (its quarter may be lost), nothing is emitted
    under it; a title of running words still names the table's."""
    rows = [("Landsplan", None), ("Aktivloven (LAS)", ["3 970"]), ("Serviceloven", ["1 785"])]
    header_title = "MYNDIGHED LOVOMRÅDE 2025 Landsplan Stadfæstet"
    got = keys(read(rulebook, table([""], rows, title=header_title)))
    assert not [g for g in got if g[1] == "2025"]
    running = "Stadfæstede sager fordelt på lovområde i 2025 på landsplan"
    got = keys(read(rulebook, table([""], rows, title=running)))
    assert (None, "2025", "aktivloven", None, "stadfaestet", 3970.0, "reported") in got


def test_a_caption_ending_in_a_span_of_months_without_its_year_leaves_a_year_column_open(
    rulebook: Rulebook,
) -> None:
    """ "TABEL 4.2 … BESTEMMELSE jul.-dec." over a column headed "2024" (the caption's year
    read into the header): the table's periods are halves, the column names only the year,
    so nothing is emitted as the whole year's."""
    rows = [("Serviceloven", None), ("Biler - §§ 114 og 115", ["247"])]
    caption = "TABEL 4.2 REALITETSBEHANDLEDE SAGER FORDELT PÅ LOVOMRÅDE OG BESTEMMELSE jul.-dec."
    got = keys(read(rulebook, table(["2024"], rows, caption=caption)))
    assert not [g for g in got if g[1] == "2024"]


def test_a_paragraph_naming_the_partner_of_a_binding_cooperation_keeps_the_entity(
    rulebook: Rulebook,
) -> None:
    """The paragraph over a table of persons by benefit speaks of the binding cooperation
    with another municipality ("Som følge af det forpligtende samarbejde med Vallensbæk
    Kommune …"): the partner's cases are in the heading municipality's figures, so the
    table is still the heading's. The same paragraph naming that municipality in passing,
    no cooperation, leaves the entity open."""
    heading = DocumentContext("referat", "Københavns kommune\nBeslutningsprotokol\nByrådet")
    title = (
        "Som følge af det forpligtende samarbejde med Vallensbæk Kommune, har der kun været "
        "påklaget 2 sager på beskæftigelsesområdet i 2020."
    )
    rows = [("Q2 2019", None), ("Kontanthjælp", ["6"]), ("Fleksjob", ["50"])]
    candidate = table(["Personer"], rows, title=title, stub="Ydelse")
    got = keys(read(rulebook, candidate, heading))
    assert [(g[0], g[1], g[3], g[5]) for g in got] == [
        (101, "2019-Q2", "Kontanthjælp", 6.0),
        (101, "2019-Q2", "Fleksjob", 50.0),
    ]
    passing = "I Vallensbæk Kommune har der kun været påklaget 2 sager på området i 2020."
    candidate = table(["Personer"], rows, title=passing, stub="Ydelse")
    assert keys(read(rulebook, candidate, heading)) == []


def test_a_period_header_with_two_footnote_marks_over_the_entity_names_its_month(
    rulebook: Rulebook,
) -> None:
    """ "sep 2024 (1)*" over "Hele landet" (two footnote marks together, the entity under
    them): the column is September 2024 for the whole country, no mark read as a word."""
    candidate = table(
        ["sep 2024 (1)* / Hele landet"],
        [("Stadfæstet", None), ("Barnets Lov", ["37"]), ("Serviceloven", ["97"])],
        caption="Tabel 2.1: Realitetsbehandlede sager fordelt på lovområde",
    )
    got = keys(read(rulebook, candidate))
    assert (None, "2024-09", "barnets_lov", None, "stadfaestet", 37.0, "reported") in got
    assert len(got) == 2
