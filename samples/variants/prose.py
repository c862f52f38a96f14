"""Words around the tables: prose from the real sources, letterheads, meeting facts, and
distractor tables (a budget in mio. kr., a meeting plan). None of it carries truth; an
engine that emits a record from it scores an extra.
"""

from __future__ import annotations

import random

from samples import sample_data as sd
from samples.variants import kommuner, periods

COMMITTEES = (
    "Byrådet",
    "Kommunalbestyrelsen",
    "Social- og Sundhedsudvalget",
    "Børne- og Undervisningsudvalget",
    "Økonomiudvalget",
    "Arbejdsmarkedsudvalget",
    "Social- og Ældreudvalget",
    "Handicaprådet",
)
SECTIONS = ("Resume", "Sagsfremstilling", "Baggrund", "Økonomi", "Indstilling", "Beslutning")
AGENDA = (
    "Ankestatistik for {kommune} {year}",
    "Orientering om ankestatistik {year}",
    "Omgørelsesprocenter på socialområdet {year}",
    "Danmarkskort over omgørelsesprocenter {year}",
    "Ankestyrelsens statistik {year}",
    "Orientering om Ankestyrelsens afgørelser {year}",
)
CENTRES = (
    "Center for Børn og Forebyggelse",
    "Center for Voksne og Velfærd",
    "Borgerservice",
    "Jobcenter",
    "Center for Handicap og Psykiatri",
    "Familieafdelingen",
    "Ældreområdet",
)
CHAPTERS = (
    "Behandling af klager over kommunale afgørelser",
    "Sagsbehandling og statistik",
    "Ankestyrelsens afgørelser",
    "Klagesager på det sociale område",
)
SECTIONS_REPORT = (
    "UDVIKLING I PERIODEN",
    "Afgjorte sager efter lovområde",
    "Omgørelsesprocenten",
    "Sagsbehandlingstid",
    "Sager indbragt for domstolene",
    "Realitetsbehandlede sager",
)


def _paras(flow: list[tuple[str, str]], kind: str = "p") -> list[str]:
    return [text for k, text in flow if k == kind]


REPORT_PARAS = _paras(sd.REPORT_FLOW)
REPORT_BOXES = _paras(sd.REPORT_FLOW, "box")
MINUTES_PARAS = _paras(sd.BYRAAD_FLOW) + _paras(sd.SUNDHED_FLOW)
REPORT_NOTES = (sd.NOTE_DATA, sd.NOTE_ANDRE_LOVE_SHORT, sd.NOTE_4_7_EXTRA)
SOURCES = (
    sd.KILDE,
    "Kilde: Ankestyrelsen",
    "Kilde: Ankestyrelsens talportal (ast.dk)",
    "Kilde: https://ast.dk/tal-og-statistik-app/",
    "Kilde: Ankestyrelsen og egne beregninger",
    "Kilde: Ankestyrelsen ( 2022 )",
)


def localise(text: str, code: int) -> str:
    """Replace the source municipality (Ishøj) with municipality ``code``."""
    bare, formal = kommuner.name_forms(code)[:2]
    text = text.replace("Ishøj Kommune", formal).replace("Ishøj kommune", formal)
    return text.replace("Ishøj", bare)


def paragraphs(rng: random.Random, pool: list[str], k: int, code: int) -> list[str]:
    """``k`` paragraphs from ``pool`` in source order, localised to municipality ``code``."""
    picks = sorted(rng.sample(range(len(pool)), min(k, len(pool))))
    return [localise(pool[i], code) for i in picks]


def web_name(code: int) -> str:
    """A municipality's name as in its web address: Fanø -> "fanoe"."""
    bare = kommuner.name_forms(code)[0].lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), (" ", "")):
        bare = bare.replace(a, b)
    return bare


def date_text(rng: random.Random, year: int) -> str:
    """A date as minutes print it: "8. marts 2021"."""
    month = rng.randint(1, 12)
    return f"{rng.randint(1, 28)}. {periods.MONTHS[month - 1]} {year}"


def phone(rng: random.Random) -> str:
    """A phone number as letterheads print it: "Tlf. 43 57 75 75"."""
    digits = [rng.randint(10, 99) for _ in range(4)]
    return "Tlf. " + " ".join(str(d) for d in digits)


def letterhead(rng: random.Random, kommune: str, committee: str, date: str) -> list[str]:
    """The lines at the top of minutes."""
    lines = [kommune, rng.choice(("Referat", "Beslutningsprotokol", "Referat - åbent møde"))]
    lines.append(committee)
    lines.append(f"{rng.choice(('Mødedato', 'Dato', 'Møde den'))}: {date}")
    lines.append(f"Mødetidspunkt: kl. {rng.choice(('16.30', '17.00', '15.00', '8.30'))}")
    lines.append(f"Mødested: {rng.choice(('Rådhuset', 'Byrådssalen', 'Mødelokale 2'))}")
    if rng.random() < 0.5:
        lines.append(f"Rådhuset, {rng.randint(1, 40)} {rng.choice(('Torvet', 'Store Torv'))}")
        lines.append(phone(rng))
    return lines


def budget(rng: random.Random, year: int) -> tuple[str, list[str], list[list[str]]]:
    """A budget table in mio. kr.: (title, header, rows), all numbers made up."""
    head = ["Mio. kr.", f"Budget {year}", "Forventet regnskab", "Afvigelse"]
    rows = []
    total = [0.0, 0.0]
    for centre in rng.sample(CENTRES, rng.randint(3, 5)):
        b = rng.randint(80, 900) / 10
        f = b + rng.randint(-60, 60) / 10
        total = [total[0] + b, total[1] + f]
        rows.append([centre, *(_kr(v) for v in (b, f, f - b))])
    rows.append(["I alt", _kr(total[0]), _kr(total[1]), _kr(total[1] - total[0])])
    return f"Budgetopfølgning {year} (mio. kr.)", head, rows


def _kr(v: float) -> str:
    return f"{v:.1f}".replace(".", ",").replace("-", "÷")


def meeting_plan(rng: random.Random, year: int) -> tuple[str, list[str], list[list[str]]]:
    """A meeting plan: (title, header, rows)."""
    head = ["Udvalg", "Dato", "Tidspunkt"]
    rows = [
        [rng.choice(COMMITTEES), date_text(rng, year), rng.choice(("16.30", "17.00", "8.00"))]
        for _ in range(rng.randint(3, 6))
    ]
    return f"Mødeplan {year}", head, rows


def toc(rng: random.Random, chapters: list[str]) -> list[tuple[str, int]]:
    """Table-of-contents lines with page numbers."""
    page, out = 3, []
    for c in chapters:
        out.append((c, page))
        page += rng.randint(2, 9)
    return out
