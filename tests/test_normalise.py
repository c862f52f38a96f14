"""Normalisation of printed labels, entities, periods and cooperations, on real source labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalise import (
    Entity,
    cooperation,
    entity,
    find_municipality,
    label_key,
    law_area,
    measure_for_label,
    period,
)
from extract.reference import Cooperation, Municipality, Reference, load_reference

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "rules" / "reference"


@pytest.fixture(scope="module")
def ref() -> Reference:
    return load_reference(REFERENCE_DIR)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  Andre   Love* ", "andre love"),
        ("I alt¹", "i alt"),
        ("Stadfæstet:", "stadfæstet"),
        ("Lov om aktiv beskæftigelses- indsats", "lov om aktiv beskæftigelsesindsats"),
        ("Sygedag- pengelov", "sygedagpengelov"),
        ("Omgørelses- procent", "omgørelsesprocent"),
        ("Andel hjem- vist", "andel hjemvist"),
        ("Lyngby- Taarbæk", "lyngby-taarbæk"),
        ("Social- og Sundhedsudvalget", "social- og sundhedsudvalget"),
        ("børne- og ungeydelse", "børne- og ungeydelse"),
        (
            "Integration - hele loven undtaget §§ 6- 15d",
            "integration - hele loven undtaget §§ 6- 15d",
        ),
        ("Pensions-love", "pensions-love"),
        ("Hele\u00a0landet", "hele landet"),
        ("A\u030angermanland", "ångermanland"),
        ("ØVR", "øvr"),
    ],
)
def test_label_key(text: str, key: str) -> None:
    assert label_key(text) == key


@given(st.text(alphabet="aAbBøØæÆåÅsS -–*:¹²/.,§0 \u00a0\n", max_size=40))
def test_label_key_is_idempotent(text: str) -> None:
    assert label_key(label_key(text)) == label_key(text)


# Every law label printed in the annual report 2024 (tables 4.2, 4.4, 4.5 and Bilag 1 law
# rows; wrapped lines joined with one space) and in the Ishøj minutes 2020-2022 (tables and
# the glossary of abbreviations).
PRINTED_LAW_LABELS = [
    ("Lov om aktiv beskæftigelsesindsats", "lab"),
    ("Lov om aktiv beskæftigelses- indsats", "lab"),
    ("Lov om en aktiv beskæftigelsesindsats", "lab"),
    ("LAB", "lab"),
    ("Lov om aktiv socialpolitik", "aktivloven"),
    ("LAS", "aktivloven"),
    ("aktivlov", "aktivloven"),
    ("Aktivlov", "aktivloven"),
    ("aktivloven", "aktivloven"),
    ("Lov om social pension", "pensionsloven"),
    ("Pensions-love", "pensionsloven"),
    ("PL", "pensionsloven"),
    ("Serviceloven", "serviceloven"),
    ("Servicelov", "serviceloven"),
    ("SEL", "serviceloven"),
    ("Barnets lov", "barnets_lov"),
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
    ("I alt", "alle"),
    ("I alt ", "alle"),
    ("Sager i alt", "alle"),
    ("Afgjorte sager i alt", "alle"),
    ("Hovedtotal", "alle"),
    ("Alle sager", "alle"),
]


@pytest.mark.parametrize(("label", "code"), PRINTED_LAW_LABELS)
def test_printed_law_labels(ref: Reference, label: str, code: str) -> None:
    assert law_area(ref, label) == code


@pytest.mark.parametrize(
    "label",
    [
        "Social - Diverse Servicelov",
        "Diverse – serviceloven",
        "Diverse - sygedagpengeloven",
        "Diverse - Aktivloven",
        "Diverse - pensionsloven",
        "Diverse - dagtilbudsloven",
        "Børn - KSB - Diverse - Barnets lov",
        "Lov om anvendelse af tvang i psykiatrien m.v.",
        "Lov om forsøg med socialt frikort",
        "Repatrieringsloven",
        "Længerevarende botilbud, Almenboligloven - § 105",
        "Hjælpemidler efter Lov om Aktiv Beskæftigelsespolitik",
        "Indskudslån - § 54-71",
        "Loven om social pension og loven om højeste, mellemste mv. førtidspension",
        "Hele landet",
        "",
    ],
)
def test_provisions_are_not_law_areas(ref: Reference, label: str) -> None:
    assert law_area(ref, label) is None


def test_every_reference_label_matches_its_own_code_in_any_case(ref: Reference) -> None:
    for area in ref.law_areas:
        for label in (area.name, *area.labels):
            assert law_area(ref, label.upper()) == area.code
            assert law_area(ref, f" {label.lower()} *") == area.code


PRINTED_MEASURE_LABELS = [
    ("Stadfæstet", "stadfaestet"),
    ("Stadfæstelse", "stadfaestet"),
    ("Stadfæstelser", "stadfaestet"),
    ("Ændret/Ophævet", "aendret_ophaevet"),
    ("Ændring/Ophævelse", "aendret_ophaevet"),
    ("Ændringer", "aendret_ophaevet"),
    ("Hjemvist", "hjemvist"),
    ("Hjemvisning", "hjemvist"),
    ("Hjemvisninger", "hjemvist"),
    ("Afvisninger", "afvist"),
    ("Afvisning/henvisning", "afvist"),
    ("Bortfaldne", "bortfaldne"),
    ("Realitetsbehandlede sager", "realitetsbehandlede"),
    ("Realitetsbehandlede sager i alt", "realitetsbehandlede"),
    ("Realitetsbehandlet", "realitetsbehandlede"),
    ("Afgjorte sager i alt", "afgjorte"),
    ("Omgørelsesprocent", "omgoerelsesprocent"),
    ("Omgørelses- procent", "omgoerelsesprocent"),
    ("Stadfæstelsesprocent", "stadfaestelsesprocent"),
    ("Andel hjem- vist", "andel_hjemvist"),
    ("Andel ændret", "andel_aendret"),
    ("Procent", "andel_procent"),
    ("Gennemsnitlig sagsbehandlingstid i uger", "sagsbehandlingstid_uger"),
    ("Gennemsnitlig liggetid i uger", "liggetid_uger"),
    ("Sager indbragt for domstolene i alt", "indbragt_domstole"),
    ("sager, hvor Ankestyrelsen fik medhold", "medhold"),
    ("sager, hvor Ankestyrelsen ikke fik medhold", "ikke_medhold"),
    ("Medholdsprocent", "medholdsprocent"),
    ("Antal personer", "antal_personer"),
]


@pytest.mark.parametrize(("label", "code"), PRINTED_MEASURE_LABELS)
def test_printed_measure_labels(ref: Reference, label: str, code: str) -> None:
    assert measure_for_label(ref, label) == code


@pytest.mark.parametrize("label", ["Antal", "Heraf:", "Omgørelse", "Serviceloven"])
def test_unknown_measure_labels(ref: Reference, label: str) -> None:
    assert measure_for_label(ref, label) is None


ISHOEJ = Entity("kommune", 183, "Ishøj")
NATIONAL = Entity("hele_landet", None, None)


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Ishøj", ISHOEJ),
        ("Ishøj Kommune", ISHOEJ),
        ("Ishøj Kommmune", ISHOEJ),
        ("ishøj kommune", ISHOEJ),
        ("Ishøj Kommunes", ISHOEJ),
        (" Ishøj ", ISHOEJ),
        ("Hele landet", NATIONAL),
        ("Landstotal", NATIONAL),
        ("HELE LANDET", NATIONAL),
        ("Landsgennemsnit", NATIONAL),
        ("Vallensbæk", Entity("kommune", 187, "Vallensbæk")),
        ("København", Entity("kommune", 101, "København")),
        ("Københavns Kommune", Entity("kommune", 101, "København")),
        ("Nordfyns Kommune", Entity("kommune", 480, "Nordfyns")),
        ("Høje Taastrup Kommune", Entity("kommune", 169, "Høje-Taastrup")),
        ("Bornholms Regionskommune", Entity("kommune", 400, "Bornholm")),
        ("Serviceloven", None),
        ("Kommune", None),
        ("Ishøj Byråd", None),
        ("", None),
    ],
)
def test_entity(ref: Reference, label: str, expected: Entity | None) -> None:
    assert entity(ref, label) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Referat Ishøj Byråd mandag den 31. oktober 2022 kl. 16.30", 183),
        (" Ishøj referat Social- og Sundhedsudvalget mandag den 8. marts 2021 kl. 16.30", 183),
        ("29. Ankestatistik for Ishøj Kommune 2020", 183),
        ("Referat Børne- og Undervisningsudvalget mandag den 18. maj 2020", None),
        (" Fanø  ", 563),
        ("Statistikken omfatter tillige borgere fra Vallensbæk Kommune, på de områder", 187),
        ("ankestatistikken for 2019 og 2020 omfatter også Vallensbæk-borgere", 187),
        ("Esbjerg Kommunes svar 15.9.2025 til #enmillionstemmer", 561),
        ("Frederikshavn Kommune, Læsø Kommune", 813),
        ("REFERAT ISHØJ BYRÅD", 183),
        ("Lyngby-Taarbæk Kommune", 173),
        ("https://ishoj.dk/borger/demokrati", None),
        ("en odder i åen", None),
        ("Odder Kommune", 727),
    ],
)
def test_find_municipality(ref: Reference, text: str, code: int | None) -> None:
    found = find_municipality(ref, text)
    assert (found.code if found else None) == code


def test_find_municipality_prefers_the_longest_name(ref: Reference) -> None:
    with_prefix = dataclasses.replace(
        ref, municipalities=(*ref.municipalities, Municipality(998, "Lyngby", "Hovedstaden"))
    )
    assert find_municipality(with_prefix, "Lyngby-Taarbæk Kommune") == Entity(
        "kommune", 173, "Lyngby-Taarbæk"
    )
    assert find_municipality(with_prefix, "Lyngby Hovedgade") == Entity("kommune", 998, "Lyngby")


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
        ("2024M01", ("2024-01", "month")),
        ("januar 2024", ("2024-01", "month")),
        ("jan. 2024", ("2024-01", "month")),
        ("Januar 2024", ("2024-01", "month")),
        ("Jan 2022", ("2022-01", "month")),
        ("Maj 2023", ("2023-05", "month")),
        ("dec. 2025", ("2025-12", "month")),
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
def test_period(text: str, expected: tuple[str, str] | None) -> None:
    assert period(text) == expected


def test_cooperation_ishoej(ref: Reference) -> None:
    expected = [
        {
            "delegating_code": 187,
            "delegating": "Vallensbæk",
            "area": "det specialiserede socialområde for børn og voksne (serviceloven); "
            "Ishøjs ankestatistik omfatter også Vallensbæk-borgere",
        }
    ]
    assert cooperation(ref, 183, "2020") == expected
    assert cooperation(ref, 183, 2020) == expected
    assert cooperation(ref, 183, "2020-Q1") == expected


def test_cooperation_esbjerg_and_svendborg(ref: Reference) -> None:
    esbjerg = cooperation(ref, 561, "2024")
    assert [(c["delegating_code"], c["delegating"]) for c in esbjerg] == [(563, "Fanø")]
    assert str(esbjerg[0]["area"]).startswith("beskæftigelse: jobcenteropgaver")
    svendborg = cooperation(ref, 479, "2024-H1")
    assert [c["delegating_code"] for c in svendborg] == [482, 492]


def test_no_cooperation(ref: Reference) -> None:
    assert cooperation(ref, 101, "2024") == []
    assert cooperation(ref, 187, "2020") == []  # Vallensbæk delegates, it does not decide


def test_cooperation_outside_known_bounds(ref: Reference) -> None:
    bounded = Cooperation(183, "Ishøj", 187, "Vallensbæk", "socialområdet", 2007, 2020, "test")
    with_bounds = dataclasses.replace(ref, cooperations=(bounded,))
    assert [c["delegating_code"] for c in cooperation(with_bounds, 183, "2007")] == [187]
    assert [c["delegating_code"] for c in cooperation(with_bounds, 183, "2020-12")] == [187]
    assert cooperation(with_bounds, 183, "2021") == []
    assert cooperation(with_bounds, 183, "2006") == []


def test_cooperation_needs_a_year() -> None:
    ref = load_reference(REFERENCE_DIR)
    with pytest.raises(ValueError, match="year"):
        cooperation(ref, 183, "H1")
