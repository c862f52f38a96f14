"""Normalisation: printed labels and periods to contract codes. Pure functions.

Labels are compared through ``label_key`` only; nothing here guesses: a label either matches
a reference label exactly (after ``label_key``) or the answer is None.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from extract.model import Observation

if TYPE_CHECKING:
    from extract.reference import Reference

# A word broken at a line end: letter, hyphen (or soft hyphen), space, next word.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010]\s(?=([^\W\d_]+))")
# Danish suspended compounds keep their hyphen: "børne- og ungeydelse", "Social- og Sundhed".
_SUSPENDED_BEFORE = frozenset({"og", "eller", "samt"})
# Trailing footnote marks, colons and spaces: "Andre Love*", "I alt¹", "Stadfæstet:".
_TAIL = re.compile(r"[\s*:¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
# "Ishøj Kommune", "Ishøj kommunes", "Ishøj Kommmune", "Bornholms Regionskommune".
_KOMMUNE_SUFFIX = re.compile(r"\s+(?:regions)?kom+unes?$")

_YEAR = r"(199\d|20\d\d)"
_MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH_NAME = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
# (pattern, period type, index of the year group, index of the number group or 0)
_PERIOD_FORMS: tuple[tuple[re.Pattern[str], str, int, int], ...] = (
    (re.compile(_YEAR), "year", 1, 0),
    (re.compile(_YEAR + r"\s?-?\s?h([12])"), "half", 1, 2),
    (re.compile(r"h([12])\s?-?\s?" + _YEAR), "half", 2, 1),
    (re.compile(r"([12])\.\s?halvår(?:\s(?:af|i))?\s" + _YEAR), "half", 2, 1),
    (re.compile(_YEAR + r"\s?-?\s?[qk]([1-4])"), "quarter", 1, 2),
    (re.compile(r"[qk]([1-4])\s?-?\s?" + _YEAR), "quarter", 2, 1),
    (re.compile(r"([1-4])\.\s?kvartal(?:\s(?:af|i))?\s" + _YEAR), "quarter", 2, 1),
    (re.compile(_YEAR + r"(?:-|\s?m)(0[1-9]|1[0-2])"), "month", 1, 2),
)
_MONTH_FORM = re.compile(_MONTH_NAME + r"\s?" + _YEAR)


@dataclass(frozen=True)
class Entity:
    """Who a value is about: a municipality (scope "kommune") or the whole country."""

    scope: str
    code: int | None
    name: str | None


NATIONAL = Entity("hele_landet", None, None)


def label_key(text: str) -> str:
    """The matching form of a printed label: casefolded, NFC, single spaces, line-end
    hyphenation joined, trailing footnote marks and colons dropped."""
    text = " ".join(unicodedata.normalize("NFC", text).split())
    text = _BROKEN_WORD.sub(_join_broken_word, text).replace("\u00ad", "")
    text = unicodedata.normalize("NFC", text.casefold())
    return _TAIL.sub("", text)


def _join_broken_word(match: re.Match[str]) -> str:
    """Join a word broken before a lowercase letter; before a capital keep the hyphen."""
    following = match.group(1)
    if following.casefold() in _SUSPENDED_BEFORE:
        return match.group(0)
    return "" if following[0].islower() else "-"


def law_area(ref: Reference, label: str) -> str | None:
    """Law-area code for a printed law label, or None if it is not a known law label."""
    return ref.law_area_keys.get(label_key(label))


def measure_for_label(ref: Reference, label: str) -> str | None:
    """Measure code for a printed measure label, or None."""
    return ref.measure_keys.get(label_key(label))


def entity(ref: Reference, label: str) -> Entity | None:
    """Entity for a label naming the country or one municipality ("Ishøj Kommune"), or None."""
    key = label_key(label)
    if key in ref.national_keys:
        return NATIONAL
    stem = _KOMMUNE_SUFFIX.sub("", key)
    found = ref.municipality_keys.get(stem)
    if found is None and stem.endswith("s"):  # genitive: "Københavns Kommune"
        found = ref.municipality_keys.get(stem[:-1])
    return None if found is None else Entity("kommune", found.code, found.name)


def find_municipality(ref: Reference, text: str) -> Entity | None:
    """First municipality named in free text (as printed or in capitals), or None.

    Names match whole words (a genitive "s" allowed); at one position the longest name wins.
    Lowercase words are not names ("odder", "greve"), so matching is case-sensitive.
    """
    alternatives = []
    for m in sorted(ref.municipalities, key=lambda m: len(m.name), reverse=True):
        variants = sorted({m.name, m.name.upper()})
        forms = "|".join(r"[-\s]".join(map(re.escape, v.split("-"))) for v in variants)
        alternatives.append(f"(?P<m{m.code}>{forms})")
    if not alternatives:
        return None
    pattern = r"(?<!\w)(?:" + "|".join(alternatives) + r")s?(?!\w)"
    match = re.search(pattern, unicodedata.normalize("NFC", text))
    if match is None or match.lastgroup is None:
        return None
    found = ref.municipality_by_code[int(match.lastgroup[1:])]
    return Entity("kommune", found.code, found.name)


def period(text: str) -> tuple[str, str] | None:
    """(period, period_type) for a printed period, e.g. "3. kvartal 2024" -> ("2024-Q3",
    "quarter"); the whole text must be the period; years 1990-2099; None otherwise."""
    key = " ".join(text.casefold().split())
    for pattern, kind, year_group, number_group in _PERIOD_FORMS:
        match = pattern.fullmatch(key)
        if match is not None:
            return _period_value(match.group(year_group), kind, match, number_group), kind
    match = _MONTH_FORM.fullmatch(key)
    if match is not None:
        return f"{match.group(2)}-{_MONTHS[match.group(1)]:02d}", "month"
    return None


def _period_value(year: str, kind: str, match: re.Match[str], number_group: int) -> str:
    if kind == "year":
        return year
    number = match.group(number_group)
    prefix = {"half": "H", "quarter": "Q", "month": ""}[kind]
    return f"{year}-{prefix}{number}"


def cooperation(
    ref: Reference, municipality_code: int, period: str | int
) -> list[dict[str, object]]:
    """Cooperations in which ``municipality_code`` decides for others, active in the period's
    year (a period string such as "2020-Q1" or a year), sorted by delegating code."""
    year = period if isinstance(period, int) else _year_of(period)
    active = [
        c for c in ref.cooperations if c.deciding_code == municipality_code and c.active_in(year)
    ]
    return [
        {"delegating_code": c.delegating_code, "delegating": c.delegating, "area": c.area}
        for c in sorted(active, key=lambda c: c.delegating_code)
    ]


def _year_of(period_text: str) -> int:
    match = re.match(r"\d{4}(?!\d)", period_text.strip())
    if match is None:
        raise ValueError(f"period {period_text!r} does not start with a year")
    return int(match.group(0))


def normalise_observation(ref: Reference, obs: Observation) -> Observation | str:
    """The observation with entity, period and law area normalised, or the reason it can't be.

    In: an Observation with printed dimensions. Out: a copy with ``entity_scope``,
    ``municipality_code``, ``municipality``, canonical ``period``, ``period_type`` and
    ``law_area`` set; or a one-line reason (no entity / no period / unknown law).
    """
    found = entity(ref, obs.entity) if obs.entity else None
    if found is None:
        return f"no known entity for row '{obs.row_label}' (got {obs.entity!r})"
    when = period(obs.period) if obs.period else None
    if when is None:
        return f"no period for row '{obs.row_label}', column '{obs.column_label}'"
    code: str | None = None
    if obs.law_label:
        code = law_area(ref, obs.law_label)
        if code is None:
            return f"unknown law area {obs.law_label!r} (row '{obs.row_label}')"
    return replace(
        obs,
        entity_scope=found.scope,
        municipality_code=found.code,
        municipality=found.name,
        period=when[0],
        period_type=when[1],
        law_area=code,
    )
