"""The municipal families: Ishøj minutes and bilag, Fanø's benefit sheet, the talportal
export and the omgørelsesprocent sheet, as cubes of real facts.

Numbers come from ``samples/sample_data.py`` and ``samples/make_sheets.py`` (the sheet
data) exactly as they are there. The municipality is the source's (Ishøj 183, Fanø 563);
the generator may relabel it to another real municipality.
"""

from __future__ import annotations

from samples import make_sheets as ms
from samples import sample_data as sd
from samples.variants import vocab
from samples.variants.families import (
    Cell,
    build,
    fact,
    labels,
    measure_member,
    year_members,
)
from samples.variants.model import Fact, Family, Member

KOMMUNE_ISHOEJ = Member("kommune", (), scope="kommune", code=sd.ISHOEJ_CODE)
KOMMUNE_FANOE = Member("kommune", (), scope="kommune", code=ms.FANOE_CODE)


def national(source: str) -> Member:
    return Member("hele_landet", labels(source, vocab.NATIONAL_LABELS), scope="hele_landet")


def law(code: str, source: str, role: str = "plain") -> Member:
    return Member(code, labels(source, vocab.LAW_LABELS[code]), role=role, law=code)


def alle(source: str = "I alt") -> Member:
    return Member("total", labels(source, vocab.TOTAL_LABELS), role="total", law="alle")


def danish(value: float | None, decimals: int) -> str:
    """A sheet value as Danish print ("." for a value the sheet does not have)."""
    if value is None:
        return "."
    if decimals:
        return f"{value:.{decimals}f}".replace(".", ",")
    return f"{int(value):,}".replace(",", ".")


def byraad() -> Family:
    """Ishøj byråd 31.10.2022: Ishøj and Hele landet, serviceloven, three measures 2019-2021."""
    codes = ("realitetsbehandlede", "stadfaestelsesprocent", "omgoerelsesprocent")
    measures = tuple(measure_member(c, s) for c, s in zip(codes, sd.BYRAAD_GROUPS, strict=True))
    rows = {g: c for g, _, c in sd.BYRAAD_TABLE if c is not None}
    entities = (KOMMUNE_ISHOEJ, national("Hele landet"))

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        texts = rows["Ishøj" if e.scope == "kommune" else "Hele landet"]
        text = texts[3 * codes.index(m.key) + sd.BYRAAD_YEARS.index(p.key)]
        return m.key, "serviceloven", None, text

    subjects = ("Ankestatistik", "Realitetsbehandlede sager, stadfæstelses- og omgørelsesprocent")
    items = (law("serviceloven", "Serviceloven"),)
    years = year_members(sd.BYRAAD_YEARS)
    return build("byraad", subjects, items, years, measures, cell, entities)


def bilag() -> Family:
    """The byråd bilag: serviceloven provisions x five outcome measures, Ishøj 2021."""
    codes = ("realitetsbehandlede", "stadfaestet", "aendret_ophaevet", "hjemvist", "afvist")
    sources = (
        "Realitetsbeh. sager alt",
        "Stadfæstede sager",
        "Ændrede/ophævede sager",
        "Hjemviste sager",
        "Afviste sager",
    )
    measures = tuple(measure_member(c, s) for c, s in zip(codes, sources, strict=True))
    items: list[Member] = []
    cells: dict[str, list[str]] = {}
    for label, vals in sd.BILAG_TABLE:
        if label == "I alt":
            total_labels = ("I alt", "Total", "Serviceloven i alt", "I alt, serviceloven")
            member = Member("total", total_labels, role="total", law="serviceloven")
        else:
            member = Member(f"sel:{label}", (label,), role="provision", law="serviceloven")
        items.append(member)
        cells[member.key] = vals.split()

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        prov = it.labels[0] if it.role == "provision" else None
        return m.key, "serviceloven", prov, cells[it.key][codes.index(m.key)]

    subjects = (
        "Ankestatistik fordelt på paragraffer",
        "Afgørelser efter bestemmelse i serviceloven",
        "Omgørelsesprocenter fordelt på paragraffer",
    )
    periods = year_members(("2021",))
    return build("bilag", subjects, items, periods, measures, cell, (KOMMUNE_ISHOEJ,))


SUNDHED_LAWS = (
    ("aktivloven", "aktivlov"),
    ("pensionsloven", "Pensionslove"),
    ("sygedagpengeloven", "Sygedagpengelov"),
    ("serviceloven", "Servicelov"),
    ("oevrige", "øvrige"),
)


def sundhed_afgjorte() -> Family:
    """Sundhedsudvalg 8.3.2021: decided cases 2020 by outcome and law, Ishøj."""
    sources = {
        "stadfaestet": "Stadfæstelser",
        "aendret_ophaevet": "Ændringer",
        "hjemvist": "Hjemvisninger",
        "afvist": "Afvisninger",
    }
    measures = [measure_member(c, s) for c, s in sources.items()]
    measures.append(
        Member(
            "afgjorte",
            ("I alt", "Afgjorte sager i alt", "Afgjorte i alt", "Sager i alt"),
            role="total",
        )
    )
    items = [law(c, s) for c, s in SUNDHED_LAWS] + [alle()]
    rows = dict(sd.SUNDHED_AFGJORTE)
    row_of = {
        "stadfaestet": "Stadfæstelser",
        "aendret_ophaevet": "Ændringer",
        "hjemvist": "Hjemvisninger",
        "afvist": "Afvisninger",
        "afgjorte": "I alt",
    }

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        texts = rows[row_of[m.key]]
        assert texts is not None
        return m.key, it.law, None, texts[[i.key for i in items].index(it.key)]

    subjects = ("Afgjorte klagesager fordelt på lovområde og udfald", "Afgjorte sager efter udfald")
    periods = year_members(("2020",))
    return build("sundhed", subjects, items, periods, measures, cell, (KOMMUNE_ISHOEJ,))


def sundhed_omg() -> Family:
    """Sundhedsudvalg 8.3.2021: omgørelsesprocent 2020 by law, Ishøj and Landstotal."""
    items = [law(c, s.capitalize() if c == "aktivloven" else s) for c, s in SUNDHED_LAWS]
    items.append(alle())
    rows = dict(sd.SUNDHED_OMG)

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        texts = rows["Ishøj Kommune" if e.scope == "kommune" else "Landstotal"]
        assert texts is not None
        return m.key, it.law, None, texts[[i.key for i in items].index(it.key)]

    entities = (KOMMUNE_ISHOEJ, national("Landstotal"))
    measures = (measure_member("omgoerelsesprocent"),)
    subjects = ("Omgørelsesprocent fordelt efter lovgivning",)
    periods = year_members(("2020",))
    return build("sundhed-omg", subjects, items, periods, measures, cell, entities)


def fanoe() -> Family:
    """Fanø: persons per benefit and month, Jan 2022 - Jul 2025, "." suppressed."""
    periods: list[Member] = []
    values: dict[tuple[str, str], str] = {}
    for line in ms.FANOE_MONTHS:
        month, _, texts = line.partition(": ")
        name, year = month.split()
        key = f"{year}-{ms.MONTH_NUMBERS[name]:02d}"
        periods.append(Member(key, (), period=key))
        for benefit, text in zip(ms.BENEFITS, texts.split(), strict=True):
            values[(key, benefit)] = text
    items = [Member(b, (b,), role="provision") for b in ms.BENEFITS]
    measures = (measure_member("antal_personer"),)

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        return m.key, None, it.key, values[(p.key, it.key)]

    subjects = ("Antal personer på ydelser", "Antal personer fordelt på ydelse og måned")
    family = build("fanoe", subjects, items, periods, measures, cell, (KOMMUNE_FANOE,))
    total = fact(("kommune", "", "", "antal_personer"), None, None, "antal_personer", "8.501")
    grand = Fact(
        total.coords,
        None,
        None,
        total.measure,
        total.unit,
        total.text,
        total.value,
        total.status,
        expect="none",
    )
    return Family(family.name, family.subjects, family.axes, family.facts, False, ("I alt", grand))


def talportal() -> Family:
    """The talportal export: Ishøj and Hele landet, serviceloven, six measures 2019-2021."""
    measures = tuple(measure_member(code, label) for label, code, _ in ms.TALPORTAL_MEASURES)
    rows = {instans: vals for instans, _, _, vals in ms.TALPORTAL_ROWS}

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        value = rows["Ishøj" if e.scope == "kommune" else "Hele landet"][m.key][
            ms.YEARS.index(p.key)
        ]
        decimals = 1 if m.key == "omgoerelsesprocent" else 0
        return m.key, "serviceloven", None, danish(value, decimals)

    entities = (KOMMUNE_ISHOEJ, national("Hele landet"))
    items = (law("serviceloven", "Serviceloven"),)
    subjects = ("Afgørelser efter instans og sagsemne", "Ankestyrelsens talportal")
    return build("talportal", subjects, items, year_members(ms.YEARS), measures, cell, entities)


def omg_sheet() -> Family:
    """The omgørelsesprocent sheet: serviceloven and aktivloven x entity x 2018-2020."""
    items = [law(code, label) for label, code, _ in ms.OMG_BY_YEAR]
    by = {code: by_entity for _, code, by_entity in ms.OMG_BY_YEAR}

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        name = "Ishøj Kommune" if e.scope == "kommune" else "Hele landet"
        value = by[it.key][name][ms.OMG_YEARS.index(p.key)]
        return m.key, it.key, None, danish(value, 1)

    entities = (national("Hele landet"), KOMMUNE_ISHOEJ)
    measures = (measure_member("omgoerelsesprocent"),)
    subjects = ("Omgørelsesprocent efter lovområde og år", "Omgørelsesprocent - alle sager")
    periods = year_members(ms.OMG_YEARS)
    return build("omg-sheet", subjects, items, periods, measures, cell, entities)


def local_families() -> list[Family]:
    """Every municipal family."""
    return [byraad(), bilag(), sundhed_afgjorte(), sundhed_omg(), fanoe(), talportal(), omg_sheet()]
