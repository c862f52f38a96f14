"""The annual-report families (tables 4.2-4.8) as cubes of real facts.

Every value comes from ``samples/sample_data.py`` exactly as printed there; nothing is
computed. Key semantics follow the sample truth files: a table without a law breakdown has
law area "alle", a provision is its label as printed, the national tables are "hele_landet".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from samples import sample_data as sd
from samples.variants import vocab
from samples.variants.model import Coords, Fact, Family, Member, Number

NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(?:%|sager)?")
LAW_CODES = {
    "Lov om aktiv beskæftigelsesindsats": "lab",
    "Lov om aktiv socialpolitik": "aktivloven",
    "Lov om social pension": "pensionsloven",
    "Serviceloven": "serviceloven",
    "Barnets lov": "barnets_lov",
    "Sygedagpengeloven": "sygedagpengeloven",
    "Lov om højeste, mellemste førtidspension m.fl.": "foertidspension",
    "Lov om almene boliger": "almenboligloven",
    "Boligstøtteloven": "boligstoetteloven",
    "Andre Love": "andre_love",
}
PAIRS = {
    "stadfaestet": ("stadfaestet", "antal"),
    "stadfaestelsesprocent": ("stadfaestet", "procent"),
    "aendret_ophaevet": ("aendret_ophaevet", "antal"),
    "andel_aendret": ("aendret_ophaevet", "procent"),
    "hjemvist": ("hjemvist", "antal"),
    "andel_hjemvist": ("hjemvist", "procent"),
}
UNITS = {
    "omgoerelsesprocent": "percent",
    "stadfaestelsesprocent": "percent",
    "andel_hjemvist": "percent",
    "andel_aendret": "percent",
    "medholdsprocent": "percent",
    "andel_procent": "percent",
    "andel_bortfaldne": "percent",
    "andel_realitetsbehandlede": "percent",
    "sagsbehandlingstid_uger": "weeks",
    "liggetid_uger": "weeks",
    "antal_personer": "persons",
}
Cell = tuple[str, str | None, str | None, str]
NATIONAL = Member("hele_landet", vocab.NATIONAL_LABELS, scope="hele_landet")


def parse_printed(text: str) -> tuple[Number | None, str, int]:
    """Source cell text -> (value, status, decimals printed): "68,9 %" -> (68.9, reported, 1),
    "-" -> not_applicable, "." -> suppressed, a glitch such as "62, %" -> illegible."""
    t = text.strip()
    if t in ("-", "–"):
        return None, "not_applicable", 0
    if t in (".", ".."):
        return None, "suppressed", 0
    m = NUMBER.fullmatch(t)
    if m is None:
        return None, "illegible", 0
    whole = m.group(1).replace(".", "")
    if m.group(2):
        return float(f"{whole}.{m.group(2)}"), "reported", len(m.group(2))
    return int(whole), "reported", 0


def unit_of(measure: str) -> str:
    """The unit of a measure code (counts unless it is a rate, a time or persons)."""
    return UNITS.get(measure, "count")


def labels(first: str, more: Sequence[str]) -> tuple[str, ...]:
    """The source's wording followed by the other wordings, without repeats."""
    out = [first]
    out.extend(m for m in more if m not in out)
    return tuple(out)


def measure_member(code: str, source: str | None = None) -> Member:
    """A measure member with its wordings and (for outcome rates) its Antal/Procent pair."""
    more = vocab.MEASURE_LABELS[code]
    return Member(code, labels(source or more[0], more), pair=PAIRS.get(code))


def law_member(label: str, role: str = "law") -> Member:
    """An item member for a law row, keyed by its code."""
    code = LAW_CODES[label.rstrip("*")]
    return Member(code, labels(label.rstrip("*"), vocab.LAW_LABELS[code]), role=role, law=code)


def total_member(label: str, law: str = "alle") -> Member:
    """An item member for a total row ("I alt", "Hovedtotal")."""
    return Member("total", labels(label, vocab.TOTAL_LABELS), role="total", law=law)


def year_members(years: Sequence[str]) -> tuple[Member, ...]:
    return tuple(Member(y, (), period=y) for y in years)


def fact(coords: Coords, law: str | None, prov: str | None, measure: str, text: str) -> Fact:
    """A fact from its printed source text."""
    value, status, decimals = parse_printed(text)
    return Fact(coords, law, prov, measure, unit_of(measure), text, value, status, decimals)


def build(
    name: str,
    subjects: tuple[str, ...],
    items: Sequence[Member],
    periods: Sequence[Member],
    measures: Sequence[Member],
    cell: Callable[[Member, Member, Member, Member], Cell | None],
    entities: Sequence[Member] = (NATIONAL,),
) -> Family:
    """A family from its members and ``cell(entity, item, period, measure)`` -> (measure
    code, law, provision, printed text) or None where the source has no value."""
    facts: dict[Coords, Fact] = {}
    for e in entities:
        for it in items:
            for p in periods:
                for m in measures:
                    got = cell(e, it, p, m)
                    if got is None:
                        continue
                    code, law, prov, text = got
                    coords = (e.key, p.key, it.key, m.key)
                    facts[coords] = fact(coords, law, prov, code, text)
    axes = {
        "entity": tuple(entities),
        "period": tuple(periods),
        "item": tuple(items),
        "measure": tuple(measures),
    }
    return Family(name, subjects, axes, facts, national=entities == (NATIONAL,))


def table_4_2() -> Family:
    """Decided cases by law and year, count and share; lapsed and treated cases below."""
    rows = [(label, cells) for label, cells in sd.TABLE_4_2 if cells is not None]
    special = {
        "Bortfaldne": Member(
            "bortfaldne",
            labels("Bortfaldne", ("Bortfaldne sager", "Heraf bortfaldne", "Bortfald")),
            role="part",
            law="alle",
        ),
        "Realitetsbehandlede sager": Member(
            "realitetsbehandlede",
            labels(
                "Realitetsbehandlede sager",
                ("Realitetsbehandlede", "Heraf realitetsbehandlede", "Realitetsbeh. sager"),
            ),
            role="part",
            law="alle",
        ),
    }
    items: list[Member] = []
    for label, _ in rows:
        if label in special:
            items.append(special[label])
        elif label == "Afgjorte sager i alt":
            items.append(total_member(label))
        else:
            items.append(law_member(label, "plain"))
    years = year_members(sd.YEARS)
    measures = (
        Member("antal", vocab.KIND_LABELS["antal"]),
        Member("procent", vocab.KIND_LABELS["procent"]),
    )
    cells = {it.key: c for it, (_, c) in zip(items, rows, strict=True)}

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        text = cells[it.key][2 * sd.YEARS.index(p.key) + (m.key == "procent")]
        if it.role == "part":
            code = it.key if m.key == "antal" else f"andel_{it.key}"
            return code, "alle", None, text
        code = "afgjorte" if m.key == "antal" else "andel_procent"
        return code, it.law, None, text

    return build("4.2", ("Afgjorte sager efter lovområde",), items, years, measures, cell)


OUTCOMES = (
    "stadfaestet",
    "stadfaestelsesprocent",
    "aendret_ophaevet",
    "andel_aendret",
    "hjemvist",
    "andel_hjemvist",
    "realitetsbehandlede",
    "omgoerelsesprocent",
)


def table_4_3() -> Family:
    """Outcomes by year (all laws)."""
    alle = total_member("Alle lovområder")
    measures = tuple(measure_member(c) for c in OUTCOMES)
    cells = dict(sd.TABLE_4_3)

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        assert cells[p.key] is not None
        return m.key, "alle", None, cells[p.key][OUTCOMES.index(m.key)]

    subjects = ("Realitetsbehandlede sager efter udfald", "Udfald af realitetsbehandlede sager")
    return build("4.3", subjects, (alle,), year_members(sd.YEARS), measures, cell)


def table_4_4() -> Family:
    """Outcomes by law, 2024."""
    items = [
        total_member(label) if label == "Sager i alt" else law_member(label)
        for label, _ in sd.TABLE_4_4
    ]
    cells = {it.key: c for it, (_, c) in zip(items, sd.TABLE_4_4, strict=True)}
    measures = tuple(measure_member(c) for c in OUTCOMES)

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        return m.key, it.law, None, cells[it.key][OUTCOMES.index(m.key)]

    subjects = ("Realitetsbehandlede sager efter lovområde og udfald",)
    return build("4.4", subjects, items, year_members(("2024",)), measures, cell)


def table_4_5() -> Family:
    """Omgørelsesprocent by law and year."""
    items = [
        total_member(label) if label == "I alt" else law_member(label) for label, _ in sd.TABLE_4_5
    ]
    cells = {it.key: c for it, (_, c) in zip(items, sd.TABLE_4_5, strict=True)}
    omg = (measure_member("omgoerelsesprocent"),)

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        return m.key, it.law, None, cells[it.key][sd.YEARS.index(p.key)]

    subjects = ("Omgørelsesprocent efter lovområde",)
    return build("4.5", subjects, items, year_members(sd.YEARS), omg, cell)


def table_4_6() -> Family:
    """Processing and pending time in weeks, and treated cases, by year."""
    codes = ("sagsbehandlingstid_uger", "liggetid_uger", "realitetsbehandlede")
    cells = dict(sd.TABLE_4_6)

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        assert cells[p.key] is not None
        return m.key, "alle", None, cells[p.key][codes.index(m.key)]

    subjects = ("Gennemsnitlig sagsbehandlings- og liggetid", "Sagsbehandlingstid og liggetid")
    measures = tuple(measure_member(c) for c in codes)
    items = (total_member("Alle lovområder"),)
    return build("4.6", subjects, items, year_members(sd.YEARS), measures, cell)


def table_4_7() -> Family:
    """Court cases by year."""
    codes = {
        "Sager indbragt for domstolene i alt": "indbragt_domstole",
        "sager, hvor Ankestyrelsen fik medhold": "medhold",
        "sager, hvor Ankestyrelsen ikke fik medhold": "ikke_medhold",
        "Medholdsprocent": "medholdsprocent",
    }
    cells = {codes[label]: c for label, c in sd.TABLE_4_7 if c is not None}
    parts = ("medhold", "ikke_medhold")
    measures = tuple(
        Member(c, measure_member(c, label).labels, role="part" if c in parts else "plain")
        for label, c in codes.items()
    )

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        return m.key, "alle", None, cells[m.key][sd.YEARS.index(p.key)]

    subjects = ("Sager indbragt for domstolene på social- og beskæftigelsesområdet",)
    items = (total_member("Alle lovområder"),)
    return build("4.7", subjects, items, year_members(sd.YEARS), measures, cell)


T48 = (
    "stadfaestet",
    "hjemvist",
    "aendret_ophaevet",
    "realitetsbehandlede",
    "andel_hjemvist",
    "andel_aendret",
    "omgoerelsesprocent",
)
T48_SOURCE = (
    "Stadfæstelse",
    "Hjemvisning",
    "Ændring/Ophævelse",
    "Realitetsbehandlet",
    "Andel hjemvist",
    "Andel ændret",
    "Omgørelsesprocent",
)


def table_4_8() -> Family:
    """Bilag 1: treated cases in 2024 by law and provision (law rows are subtotals)."""
    items: list[Member] = []
    cells: dict[str, list[str]] = {}
    law = "alle"
    for kind, label, vals in sd.TABLE_4_8:
        if kind == "T":
            member = total_member(label)
        elif kind == "L":
            member = law_member(label)
            law = member.law or "alle"
        else:
            member = Member(f"{law}:{label}", (label,), role="provision", law=law)
        items.append(member)
        cells[member.key] = vals.split()
    measures = tuple(measure_member(c, s) for c, s in zip(T48, T48_SOURCE, strict=True))

    def cell(e: Member, it: Member, p: Member, m: Member) -> Cell:
        prov = it.labels[0] if it.role == "provision" else None
        return m.key, it.law, prov, cells[it.key][T48.index(m.key)]

    subjects = (
        "Realitetsbehandlede sager fordelt på lovområde og bestemmelse",
        "Realitetsbehandlede sager efter lovområde og bestemmelse",
    )
    return build("4.8", subjects, items, year_members(("2024",)), measures, cell)


def report_families() -> list[Family]:
    """Every annual-report family."""
    return [
        table_4_2(),
        table_4_3(),
        table_4_4(),
        table_4_5(),
        table_4_6(),
        table_4_7(),
        table_4_8(),
    ]
