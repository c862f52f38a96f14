"""Normalisation helpers shared by the stages: the matching form of a printed label, the
municipality named in running text, and the cooperations of a municipality. Pure functions.

Reading labels as dimensions (measures, law areas, entities, periods) is the interpreter's
(``extract.interpret``); nothing here guesses.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.codes import EntityScope

if TYPE_CHECKING:
    from extract.normalise.reference import Reference

# A word broken at a line end: letter, hyphen (or soft hyphen), space, next word.
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])[-\u00ad\u2010]\s(?=([^\W\d_]+))")
# Danish suspended compounds keep their hyphen: "børne- og ungeydelse", "Social- og Sundhed".
_SUSPENDED_BEFORE = frozenset({"og", "eller", "samt"})
# Trailing footnote marks, colons and spaces: "Andre Love*", "I alt¹", "Stadfæstet:" (stripped
# with str.rstrip: a pattern "[...]+$" retries at every mark of a long run, quadratic).
_TAIL = " *:¹²³⁴⁵⁶⁷⁸⁹⁰"


@dataclass(frozen=True)
class Entity:
    """Who a value is about: a municipality (scope "kommune") or the whole country."""

    scope: str
    code: int | None
    name: str | None


NATIONAL = Entity(EntityScope.NATIONAL, None, None)


@lru_cache(maxsize=16384)  # a document's labels repeat (per row, per cell's key)
def label_key(text: str) -> str:
    """The matching form of a printed label: casefolded, NFC, single spaces, line-end
    hyphenation joined, trailing footnote marks and colons dropped."""
    text = join_broken_words(" ".join(unicodedata.normalize("NFC", text).split()))
    text = unicodedata.normalize("NFC", text.casefold())
    return text.rstrip(_TAIL)


def join_broken_words(text: str) -> str:
    """``text`` with each word broken at a line end joined ("Omgør- elses- procent" ->
    "Omgørelsesprocent"; "Social- og Sundhed" keeps its hyphen), soft hyphens dropped."""
    return _BROKEN_WORD.sub(_join_broken_word, text).replace("\u00ad", "")


# The widest one mark a ``strip_end_marks`` pattern takes ("(12)" and the spaces before it).
MARK_WINDOW = 8


def strip_end_marks(text: str, mark: re.Pattern[str]) -> str:
    """``text`` without the footnote marks at its end, each a match of ``mark`` (anchored
    at the end with "$", at most MARK_WINDOW characters with the spaces before it), taken off
    one at a time: linear in the text, where one pattern repeating marks up to "$" is
    retried at every mark of a long run ("2024 ¹ (1)" -> "2024")."""
    end = len(text)
    while end:
        found = mark.search(text, max(0, end - MARK_WINDOW), end)
        if found is None or found.start() == end:
            break
        end = found.start()
    return text[:end] if end == len(text) else text[:end].rstrip()


def _join_broken_word(match: re.Match[str]) -> str:
    """Join a word broken before a lowercase letter; before a capital keep the hyphen."""
    following = match.group(1)
    if following.casefold() in _SUSPENDED_BEFORE:
        return match.group(0)
    return "" if following[0].islower() else "-"


def find_municipality(ref: Reference, text: str) -> Entity | None:
    """First municipality named in free text (as printed or in capitals), or None.

    Names match whole words (a genitive "s" allowed; a hyphen in a name may be printed as a
    space, or the other way round); at one position the longest name wins. Lowercase words
    are not names ("odder", "greve"), so matching is case-sensitive. The text's words are
    looked up in an index of the names' words (``_names_index``), no pattern of all names.
    """
    index, longest = _names_index(tuple((m.name, m.code) for m in ref.municipalities))
    if not index:
        return None
    text = unicodedata.normalize("NFC", text)
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    for i in range(len(words)):
        for n in range(min(longest, len(words) - i), 0, -1):
            code = _named(index, text, words[i : i + n])
            if code is not None:
                found = ref.municipality_by_code[code]
                return Entity(EntityScope.MUNICIPALITY, found.code, found.name)
    return None


# A word of running text (names are words joined by hyphens: ``reference`` checks them).
_WORD = re.compile(r"\w+")


def _named(
    index: dict[tuple[str, ...], int], text: str, words: list[tuple[str, int, int]]
) -> int | None:
    """The code of the name ``words`` spell, one hyphen or white space between each two,
    the last perhaps with a genitive "s"; else None."""
    for (_, _, end), (_, start, _) in itertools.pairwise(words):
        if start - end != 1 or not (text[end] == "-" or text[end].isspace()):
            return None
    parts = tuple(word for word, _, _ in words)
    code = index.get(parts)
    if code is None and parts[-1].endswith("s"):
        code = index.get((*parts[:-1], parts[-1][:-1]))
    return code


@lru_cache(maxsize=4)
def _names_index(
    municipalities: tuple[tuple[str, int], ...],
) -> tuple[dict[tuple[str, ...], int], int]:
    """The words of each name (as printed, its "-s"-less form, in capitals too) -> its
    code, the longer name's where two share a form; and the most words a name has."""
    index: dict[tuple[str, ...], int] = {}
    for name, code in sorted(municipalities, key=lambda m: len(m[0]), reverse=True):
        names = {name, name[:-1]} if name.endswith("s") else {name}  # "Nordfyn(s)"
        for variant in names | {n.upper() for n in names}:
            index.setdefault(tuple(variant.split("-")), code)
    return index, max((len(parts) for parts in index), default=0)


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
