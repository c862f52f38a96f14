"""Normalisation helpers on real source labels: the matching form of a label, municipalities
named in running text, cooperations. (Labels read as dimensions: test_interpret_reading.py.)"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.normalise.labels import Entity, cooperation, find_municipality, label_key
from extract.normalise.reference import Cooperation, Municipality, Reference
from extract.normalise.reference_files import load_reference
from tests.conftest import RULES

REFERENCE_DIR = RULES / "reference"


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
