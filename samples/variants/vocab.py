"""Wordings real Danish documents use for measures, law areas, totals and entities.

Written from the domain brief, the source texts and ordinary Danish public-sector usage
(annual reports, minutes, Excel sheets), independently of any list the engine uses. The
first wording of each list is the one the sources print.
"""

from __future__ import annotations

import random

MEASURE_LABELS: dict[str, tuple[str, ...]] = {
    "stadfaestet": (
        "Stadfæstet",
        "Stadfæstelser",
        "Stadfæstede sager",
        "Stadf.",
        "Stadfæstelse",
        "Stadfæstede",
        "Antal stadfæstede",
    ),
    "aendret_ophaevet": (
        "Ændret/ophævet",
        "Ændret/Ophævet",
        "Ændringer",
        "Ændrede/ophævede sager",
        "Ændring/ophævelse",
        "Ændr./oph.",
        "Ændrede/ophævede",
        "Ændret eller ophævet",
    ),
    "hjemvist": (
        "Hjemvist",
        "Hjemvisninger",
        "Hjemviste sager",
        "Hjemvisning",
        "Hjemv.",
        "Hjemviste",
    ),
    "afvist": (
        "Afvist",
        "Afvisninger",
        "Afviste sager",
        "Afvisning/henvisning",
        "Afviste/henviste",
        "Afviste",
    ),
    "bortfaldne": ("Bortfaldne", "Bortfaldne sager", "Bortfald", "Bortfaldet"),
    "realitetsbehandlede": (
        "Realitetsbehandlede sager",
        "Realitetsbehandlede sager i alt",
        "Realitetsbeh. sager",
        "Realitetsbehandlet",
        "Realitetsbehandlede",
        "Antal realitetsbehandlede sager",
        "Realitetsbeh. i alt",
    ),
    "afgjorte": (
        "Afgjorte sager",
        "Afgjorte",
        "Afgjorte sager i alt",
        "Antal afgjorte sager",
        "Sager afgjort i alt",
    ),
    "omgoerelsesprocent": (
        "Omgørelsesprocent",
        "Omgørelses-%",
        "Omg.-pct.",
        "Omgørelsespct.",
        "Omgørelse i pct.",
        "Omgørelsesprocent (%)",
        "Omgjort, pct.",
    ),
    "stadfaestelsesprocent": (
        "Stadfæstelsesprocent",
        "Stadfæstelses-%",
        "Stadf.-pct.",
        "Stadfæstet i pct.",
        "Stadfæstelsespct.",
        "Andel stadfæstet",
    ),
    "andel_hjemvist": (
        "Andel hjemvist",
        "Hjemvisningsprocent",
        "Andel hjemviste",
        "Hjemvist, pct.",
        "Hjemvisnings-%",
        "Hjemvist i pct.",
    ),
    "andel_aendret": (
        "Andel ændret",
        "Andel ændrede/ophævede",
        "Ændringsprocent",
        "Ændret, pct.",
        "Ændret/ophævet i pct.",
    ),
    "sagsbehandlingstid_uger": (
        "Gennemsnitlig sagsbehandlingstid i uger",
        "Sagsbehandlingstid (uger)",
        "Gns. sagsbehandlingstid, uger",
        "Sagsbehandlingstid i uger",
        "Gennemsnitlig sagsbehandlingstid (uger)",
    ),
    "liggetid_uger": (
        "Gennemsnitlig liggetid i uger",
        "Liggetid (uger)",
        "Gns. liggetid, uger",
        "Liggetid i uger",
        "Gennemsnitlig liggetid (uger)",
    ),
    "indbragt_domstole": (
        "Sager indbragt for domstolene i alt",
        "Indbragt for domstolene",
        "Sager prøvet ved domstolene",
        "Domstolssager i alt",
        "Sager indbragt for retten",
    ),
    "medhold": (
        "sager, hvor Ankestyrelsen fik medhold",
        "Medhold",
        "Ankestyrelsen fik medhold",
        "Sager med medhold",
    ),
    "ikke_medhold": (
        "sager, hvor Ankestyrelsen ikke fik medhold",
        "Ikke medhold",
        "Ankestyrelsen fik ikke medhold",
        "Sager uden medhold",
    ),
    "medholdsprocent": ("Medholdsprocent", "Medhold i pct.", "Medholds-%", "Medhold, pct."),
    "antal_personer": ("Antal personer", "Personer", "Antal borgere", "Antal"),
}

# Two-level header: the outcome over "Antal | Procent".
OUTCOME_GROUP: dict[str, tuple[str, ...]] = {
    "stadfaestet": ("Stadfæstet", "Stadfæstelser", "Stadfæstede sager", "Stadfæstelse"),
    "aendret_ophaevet": ("Ændret/Ophævet", "Ændret/ophævet", "Ændringer", "Ændrede sager"),
    "hjemvist": ("Hjemvist", "Hjemvisninger", "Hjemviste sager", "Hjemvisning"),
}
KIND_LABELS = {
    "antal": ("Antal", "Antal sager", "Antal"),
    "procent": ("Procent", "Pct.", "%", "Andel", "Procent", "Andel i pct."),
}

LAW_LABELS: dict[str, tuple[str, ...]] = {
    "lab": (
        "Lov om aktiv beskæftigelsesindsats",
        "Lov om en aktiv beskæftigelsesindsats",
        "LAB",
        "Beskæftigelsesindsats (LAB)",
        "Aktiv beskæftigelsesindsats",
    ),
    "aktivloven": (
        "Lov om aktiv socialpolitik",
        "Aktivloven",
        "Aktivlov",
        "LAS",
        "Aktivloven (LAS)",
    ),
    "pensionsloven": (
        "Lov om social pension",
        "Pensionsloven",
        "Pensionslove",
        "PL",
        "Social pension",
    ),
    "serviceloven": (
        "Serviceloven",
        "Servicelov",
        "SEL",
        "Lov om social service",
        "Serviceloven (SEL)",
    ),
    "barnets_lov": ("Barnets lov", "Barnets Lov", "Barnets lov (BL)"),
    "sygedagpengeloven": (
        "Sygedagpengeloven",
        "Sygedagpengelov",
        "SDP",
        "Lov om sygedagpenge",
        "Sygedagpenge",
    ),
    "foertidspension": (
        "Lov om højeste, mellemste førtidspension m.fl.",
        "Lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension",
        "Førtidspension efter gamle regler",
        "Højeste/mellemste førtidspension",
    ),
    "almenboligloven": ("Lov om almene boliger", "Almenboligloven", "Almene boliger"),
    "boligstoetteloven": (
        "Boligstøtteloven",
        "Lov om individuel boligstøtte",
        "Boligstøtte",
    ),
    "andre_love": ("Andre Love", "Andre love", "Andre love i øvrigt"),
    "oevrige": ("øvrige", "Øvrige", "ØVR", "Øvrige områder", "Øvrige love"),
}

TOTAL_LABELS = ("I alt", "Total", "Hovedtotal", "Sager i alt", "I alt", "Alle lovområder")
NATIONAL_LABELS = ("Hele landet", "Landstotal", "Landsplan", "Hele landet i alt", "Hele landet")

STUB_HEADERS: dict[str, tuple[str, ...]] = {
    "item": ("Lovområde", "Lovområde", "Sagsemne", "Lov", "Område", ""),
    "provision": ("Bestemmelse", "Sagsemne", "Lovområde/bestemmelse", "Paragraf", ""),
    "benefit": ("Ydelse", "Ydelsestype", "Ydelse", ""),
    "entity": ("Kommune", "Instans", "Område", "Myndighed", ""),
    "period": ("År", "Periode", "", "Periode"),
    "measure": ("Udfald", "Afgørelse", "", "Afgørelsestype"),
}
PERIOD_STUB = {"year": "År", "half": "Halvår", "quarter": "Kvartal", "month": "Måned"}

FOOTNOTE_MARKS = ("*", "¹", "1)", " *", " (1)", "²")
FOOTNOTE_TEXTS = (
    "Foreløbige tal.",
    "Opgjort pr. 1. april året efter.",
    "Omfatter også sager, der er genoptaget.",
    "Data er trukket fra Ankestyrelsens sagsbehandlingssystem.",
    "Tallene kan ændre sig ved efterregistrering.",
    "Andre love omfatter bl.a. dagtilbudsloven, integrationsloven og repatrieringsloven.",
)

HERAF = ("heraf", "Heraf:", "Heraf")


def pick(rng: random.Random, options: tuple[str, ...] | list[str]) -> str:
    """One option; the first (the source's wording) a little more often than the others."""
    if len(options) > 1 and rng.random() < 0.3:
        return options[0]
    return rng.choice(list(options))


def apply_case(text: str, case: str) -> str:
    """``as_is``, ``upper`` or ``lower`` (the first letter kept upper in ``lower`` is not
    done on purpose: minutes do print "aktivlov")."""
    if case == "upper":
        return text.upper()
    if case == "lower":
        return text.lower()
    return text


def with_mark(text: str, mark: str) -> str:
    """Attach a footnote mark to a label ("Andre love" -> "Andre love*"); "1)" after a
    number gets a space ("2023 1)"), as typed footnotes do."""
    if mark[:1].isdigit() and text[-1:].isdigit():
        return f"{text} {mark}"
    return text + mark


def note_for(mark: str, rng: random.Random) -> str:
    """The note line under a table explaining ``mark``."""
    bare = mark.strip()
    lead = bare if bare.endswith(")") or bare in ("*", "¹", "²") else bare.strip("()") + ")"
    return f"{lead} {rng.choice(FOOTNOTE_TEXTS)}"
