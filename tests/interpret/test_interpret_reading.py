"""Labels read as dimensions (extract.interpret): the printed labels of the real sources, and
the wordings other writers use. Each case is (label, what it must read as)."""

from __future__ import annotations

import pytest

from extract.interpret.paths import read_path
from extract.interpret.reading import Reader, Reading
from extract.interpret.vocabulary import build_vocabulary
from extract.normalise.reference_files import load_reference
from tests.conftest import RULES

REFERENCE_DIR = RULES / "reference"


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader(build_vocabulary(REFERENCE_DIR, load_reference(REFERENCE_DIR)))


def read(reader: Reader, label: str) -> Reading:
    return reader.read(label)


# Every law label printed in the annual report 2024 (tables 4.2, 4.4, 4.5 and Bilag 1 law rows;
# wrapped lines joined with one space) and in the Ishøj minutes 2020-2022, plus other forms.
PRINTED_LAW_LABELS = [
    ("Lov om aktiv beskæftigelsesindsats", "lab"),
    ("Lov om aktiv beskæftigelses- indsats", "lab"),
    ("Lov om en aktiv beskæftigelsesindsats", "lab"),
    ("LAB", "lab"),
    ("Beskæftigelsesindsats (LAB)", "lab"),
    ("Aktiv beskæftigelsesindsats", "lab"),
    ("Lov om aktiv socialpolitik", "aktivloven"),
    ("LAS", "aktivloven"),
    ("aktivlov", "aktivloven"),
    ("Aktivlov", "aktivloven"),
    ("aktivloven", "aktivloven"),
    ("Lov om social pension", "pensionsloven"),
    ("Social pension", "pensionsloven"),
    ("Pensions-love", "pensionsloven"),
    ("Pensions- love", "pensionsloven"),
    ("PL", "pensionsloven"),
    ("Serviceloven", "serviceloven"),
    ("Servicelov", "serviceloven"),
    ("Servicelovens", "serviceloven"),
    ("SEL", "serviceloven"),
    ("Lov om social service (SEL)", "serviceloven"),
    ("Barnets lov", "barnets_lov"),
    ("BARNETS LOV", "barnets_lov"),
    ("Sygedagpengeloven", "sygedagpengeloven"),
    ("Sygedag- pengelov", "sygedagpengeloven"),
    ("Sygedag-\npengelov", "sygedagpengeloven"),
    ("SDP", "sygedagpengeloven"),
    ("Sygedagpenge", "sygedagpengeloven"),
    ("Lov om højeste, mellemste førtidspension m.fl.", "foertidspension"),
    ("Lov om højeste, mellemste  \nførtidspension m.fl.", "foertidspension"),
    ("Lov om almene boliger", "almenboligloven"),
    ("Almenboligloven", "almenboligloven"),
    ("Boligstøtteloven", "boligstoetteloven"),
    ("Andre Love*", "andre_love"),
    ("Andre Love", "andre_love"),
    ("øvrige", "oevrige"),
    ("ØVR", "oevrige"),
    ("Alle lovområder", "alle"),
]


@pytest.mark.parametrize(("label", "code"), PRINTED_LAW_LABELS)
def test_printed_law_labels(reader: Reader, label: str, code: str) -> None:
    reading = read(reader, label)
    assert reading.resolved and reading.dims.get("law") == code


@pytest.mark.parametrize(
    "label", ["I alt", "I alt ", "Sager i alt", "Hovedtotal", "Alle sager", "Total", "I ALT¹"]
)
def test_totals_name_no_law_area_themselves(reader: Reader, label: str) -> None:
    reading = read(reader, label)
    assert reading.resolved and reading.total and not reading.dims


@pytest.mark.parametrize(
    "label",
    [
        "Social - Diverse Servicelov",
        "Diverse – serviceloven",
        "Diverse - sygedagpengeloven",
        "Diverse - Aktivloven",
        "Børn - KSB - Diverse - Barnets lov",
        "Lov om anvendelse af tvang i psykiatrien m.v.",
        "Lov om forsøg med socialt frikort",
        "Repatrieringsloven",
        "Længerevarende botilbud, Almenboligloven - § 105",
        "Hjælpemidler efter Lov om Aktiv Beskæftigelsespolitik",
        "Indskudslån - § 54-71",
        "Loven om social pension og loven om højeste, mellemste mv. førtidspension",
    ],
)
def test_provisions_are_not_read_as_law_areas(reader: Reader, label: str) -> None:
    assert not read(reader, label).resolved  # words left over: a provision, never the law


PRINTED_MEASURE_LABELS = [
    ("Stadfæstet", "stadfaestet"),
    ("Stadfæstelse", "stadfaestet"),
    ("Stadfæstelser", "stadfaestet"),
    ("Stadfæstede sager", "stadfaestet"),
    ("Stadf.", "stadfaestet"),
    ("STADFÆSTEDE", "stadfaestet"),
    ("Ændret/Ophævet", "aendret_ophaevet"),
    ("Ændring/Ophævelse", "aendret_ophaevet"),
    ("Ændringer", "aendret_ophaevet"),
    ("Ændr./oph.", "aendret_ophaevet"),
    ("Hjemvist", "hjemvist"),
    ("Hjemvisninger", "hjemvist"),
    ("Hjemv.", "hjemvist"),
    ("Afvisninger", "afvist"),
    ("Afvisning/henvisning", "afvist"),
    ("Bortfaldne", "bortfaldne"),
    ("Realitetsbehandlede sager", "realitetsbehandlede"),
    ("Realitetsbeh. sager", "realitetsbehandlede"),
    ("Realitets- behandlede", "realitetsbehandlede"),
    ("Realitetsbe handlede", "realitetsbehandlede"),  # a word broken without a hyphen
    ("Realitetsbehandlet", "realitetsbehandlede"),
    ("Afgjorte sager", "afgjorte"),
    ("Omgørelsesprocent", "omgoerelsesprocent"),
    ("Omgørelses- procent", "omgoerelsesprocent"),
    ("Omgørelses-%", "omgoerelsesprocent"),
    ("Omg.-pct.", "omgoerelsesprocent"),
    ("Omgørelsespct.", "omgoerelsesprocent"),
    ("Stadfæstelsesprocent", "stadfaestelsesprocent"),
    ("STADFÆSTEL- SESPROCENT", "stadfaestelsesprocent"),  # capitals broken inside a compound
    ("HJEMVISNIN- GSPROCENT", "andel_hjemvist"),
    ("REALITETS- BEH. I ALT", "realitetsbehandlede"),  # an abbreviation broken at a hyphen
    ("Omg ørel sesp roc ent (%)", "omgoerelsesprocent"),  # cut in a narrow column, no hyphens
    ("Hje mv.", "hjemvist"),
    ("omgørels esprocent", "omgoerelsesprocent"),  # a long piece under a short one
    ("Ænd rede/ op hæve de", "aendret_ophaevet"),
    ("Andel hjem- vist", "andel_hjemvist"),
    ("Hjemvisningsprocent", "andel_hjemvist"),
    ("Hjemviste i pct. af realitetsbehandlede", "andel_hjemvist"),
    ("Andel ændret", "andel_aendret"),
    ("Gennemsnitlig sagsbehandlingstid i uger", "sagsbehandlingstid_uger"),
    ("Gns. sagsbeh.tid (uger)", "sagsbehandlingstid_uger"),
    ("Gennemsnitlig liggetid i uger", "liggetid_uger"),
    ("Sager indbragt for domstolene i alt", "indbragt_domstole"),
    ("sager, hvor Ankestyrelsen fik medhold", "medhold"),
    ("sager, hvor Ankestyrelsen ikke fik medhold", "ikke_medhold"),
    ("Medholdsprocent", "medholdsprocent"),
    ("Medholds-%", "medholdsprocent"),
    ("Antal personer", "antal_personer"),
    ("Stadf.?", "stadfaestet"),  # a superscript footnote mark ("Stadf.²") as OCR reads it
    ("Hjemviste? sager", "hjemvist"),
    ("Stadfæstede sager!", "stadfaestet"),
]


@pytest.mark.parametrize(("label", "code"), PRINTED_MEASURE_LABELS)
def test_printed_measure_labels(reader: Reader, label: str, code: str) -> None:
    reading = read(reader, label)
    assert reading.resolved and reading.dims.get("measure") == code


def test_levels_naming_a_count_and_a_share_conflict(reader: Reader) -> None:
    """ "Ændret 2025 Antal sager" over "Procent": the headers of two columns set over one."""
    reading = read_path(reader, ["Ændret/Ophævet 2025 Antal sager", "Procent"])
    assert "aspect count or share" in reading.conflicts


def test_a_header_word_broken_over_levels_must_join(reader: Reader) -> None:
    """ "Realitetsbeha-" over "Procent": the word's end ("ndlet") went under the next column,
    so the column is not realitetsbehandlede's share; a break the next level ends is read."""
    broken = read_path(reader, ["Realitetsbeha-", "Procent"])
    assert broken.conflicts and not broken.resolved
    joined = read_path(reader, ["Omgørelsespro-", "cent"])
    assert joined.resolved and joined.dims["measure"] == "omgoerelsesprocent"


def test_a_part_over_its_whole_without_a_share_conflicts(reader: Reader) -> None:
    """ "Hjemvist" set over "Realitetsbehandlede sager" is a header put over the wrong column,
    not the count of hjemvist; as a share ("… / %") it is the part's."""
    reading = read(reader, "hjemvist / realitetsbehandlede sager *")
    assert reading.conflicts == ("measure hjemvist or realitetsbehandlede",)


@pytest.mark.parametrize(
    ("label", "measure", "aspect"),
    [
        ("Stadfæstet / Procent", "stadfaestelsesprocent", None),
        ("Hjemvist / Pct.", "andel_hjemvist", None),
        ("Stadfæstet / Antal", "stadfaestet", "count"),
        ("2022 / Procent", None, "share"),
        ("%", None, "share"),
        ("Andel ændrede/ophævede", "aendret_ophaevet", "share"),
        ("Ændringer / realitetsbehandlede / %", "aendret_ophaevet", "share"),
        ("Realitetsbehandlede sager / Stadfæstede", "stadfaestet", None),  # part under whole
    ],
)
def test_aspects_and_parts(
    reader: Reader, label: str, measure: str | None, aspect: str | None
) -> None:
    reading = read(reader, label)
    assert reading.resolved
    assert (reading.dims.get("measure"), reading.dims.get("aspect")) == (measure, aspect)


@pytest.mark.parametrize(
    "label", ["Antal", "Heraf:", "Sager", "Kommune", "Lovområde", "", "Tal", "Værdi"]
)
def test_labels_that_name_no_measure(reader: Reader, label: str) -> None:
    reading = read(reader, label)
    assert reading.resolved and "measure" not in reading.dims


@pytest.mark.parametrize(
    "label", ["Omgørelse", "Stadfæstet og ændret", "Genoptagne sager", "Omgjorte sager i alt"]
)
def test_labels_that_do_not_resolve(reader: Reader, label: str) -> None:
    assert not read(reader, label).resolved


@pytest.mark.parametrize(
    ("label", "entity"),
    [
        ("Ishøj", "183"),
        ("Ishøj Kommune", "183"),
        ("Ishøj Kommmune", "183"),  # the real minutes' typo
        ("ishøj kommune", "183"),
        ("Ishøj Kommunes", "183"),
        (" Ishøj ", "183"),
        ("Hele landet", "hele_landet"),
        ("Hele landet i alt", "hele_landet"),
        ("Landstotal", "hele_landet"),
        ("HELE LANDET", "hele_landet"),
        ("Landsgennemsnit", "hele_landet"),
        ("Vallensbæk", "187"),
        ("København", "101"),
        ("Københavns Kommune", "101"),
        ("Nordfyns Kommune", "480"),
        ("Høje Taastrup Kommune", "169"),
        ("Høje-Taastrup", "169"),
        ("Bornholms Regionskommune", "400"),
        ("Århus Kommune", "751"),
        ("Aabenraa", "580"),
    ],
)
def test_entities(reader: Reader, label: str, entity: str) -> None:
    reading = read(reader, label)
    assert reading.resolved and reading.dims.get("entity") == entity


@pytest.mark.parametrize("label", ["Serviceloven", "Kommune", "Ishøj Byråd", ""])
def test_no_entity(reader: Reader, label: str) -> None:
    reading = read(reader, label)
    assert not (reading.resolved and "entity" in reading.dims)


@pytest.mark.parametrize(
    ("label", "dims"),
    [
        ("Ishøj Kommune Serviceloven", {"entity": "183", "law": "serviceloven"}),
        ("Realitetsbeh. sager alt 2021", {"measure": "realitetsbehandlede", "period": "2021"}),
        ("Hjemviste sager 2021", {"measure": "hjemvist", "period": "2021"}),
        ("2024 / Stadfæstet / Antal", {"period": "2024", "measure": "stadfaestet"}),
        ("Hele landet / 2019", {"entity": "hele_landet", "period": "2019"}),
        ("Stadfæstelsesprocent / 2019", {"measure": "stadfaestelsesprocent", "period": "2019"}),
        ("ANTAL / 2023 / NOVE MBER", {"period": "2023-11"}),  # a year over its month, broken
        ("2024 JAN UAR", {"period": "2024-01"}),
        ("2023 1. halv år", {"period": "2023-H1"}),
        ("ANTAL / JAN.-J- UN. 2023", {"period": "2023-H1"}),  # a range broken in its end month
        ("PROCENT / JUL.-D- EC. 2023", {"period": "2023-H2"}),
        ("NOVE- MBER 2023", {"period": "2023-11"}),
        ("201- 9Q3", {"period": "2019-Q3"}),  # a year broken with a hyphen in its digits
        ("2020 -04", {"period": "2020-04"}),  # a month broken off its year at its hyphen
        ("Stadfæstet / 20- 24", {"measure": "stadfaestet", "period": "2024"}),
        ("Realit etsbe handl ede", {"measure": "realitetsbehandlede"}),  # broken three times
        ("omgørel sesproc ent", {"measure": "omgoerelsesprocent"}),  # its first piece a prefix
        ("omgørelsesproc ent", {"measure": "omgoerelsesprocent"}),  # a long first piece
        ("omgørelse sprocent", {"measure": "omgoerelsesprocent"}),  # the linking "s" went down
        # a word the name itself prints twice, its "og" between them lost
        (
            "Lov om højeste, mellemste, forhøjet almindelig almindelig førtidspension",
            {"law": "foertidspension"},
        ),
        # a header word spanning three columns, copied to each
        (
            "2022 / Omgørelse Omgørelse Omgørelse / i pct.",
            {"period": "2022", "measure": "omgoerelsesprocent"},
        ),
    ],
)
def test_labels_naming_several_dimensions(reader: Reader, label: str, dims: dict[str, str]) -> None:
    reading = read(reader, label)
    assert reading.resolved
    assert {k: v for k, v in reading.dims.items() if k != "aspect"} == dims


def test_a_range_of_provisions_broken_at_its_hyphen_is_no_year(reader: Reader) -> None:
    """ "§§ 20-" / "21" are provisions 20 to 21, not the year 2021."""
    assert "period" not in read(reader, "Børn - KSB - § 20- 21").dims


def test_two_values_of_one_dimension_conflict(reader: Reader) -> None:
    reading = read(reader, "Ishøj / Hele landet")
    assert reading.conflicts and not reading.resolved
    for label in ("2023 / 2024", "Januar / 2022 / Februar"):  # two years; two months
        assert read(reader, label).conflicts, label
