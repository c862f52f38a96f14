"""Whether a piece of a table's text reads as a value: a number, a nil or suppressed mark,
or a glitched number; not a period label, a year beside a word, a month broken off its
year. In: text. Out: yes or no.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.codes import Status
from extract.normalise.labels import strip_end_marks
from extract.normalise.numbers import parse_number

__all__ = [
    "FOOTNOTE_MARK",
    "GLITCH_WORDS",
    "is_footnote_mark",
    "is_value_text",
    "is_year",
    "reads_as_number",
]

_VALUE_STATUSES = {Status.REPORTED, Status.NIL, Status.SUPPRESSED}
# A year, with a footnote mark after it at most ("2024 ¹", "2023*", "2022 (1)").
# A footnote mark after a header's or a value's text: "*", "²", "(1)", "1)".
FOOTNOTE_MARK = r"(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰]++|\(?\d\))"
_YEAR = re.compile(r"^(19|20)\d\d,?(?:\s*+" + FOOTNOTE_MARK + r")*+$")
_MARK_ALONE = re.compile(FOOTNOTE_MARK)
# A glitched value still starts like a number ("62, %", "9301 sager101", "31/8 %").
_NUMBER_START = re.compile(r"^[(\-–−]?\s?\d")
# A year in text that does not read as a number is a period label ("2. halvår 2024",
# "2024K3", "2023-01"), not a glitched value.
# A glitched value holds this many words of letters at most ("9301 sager101").
GLITCH_WORDS = 2
# A period named by its ordinal: "2. kvt.", "1. halvår", "4. kvartal", or its ordinal alone
# ("4." over "kvartal", a header broken over lines): a header, no value.
_PERIOD_ORDINAL = re.compile(r"^\d{1,2}\.(?:\s*(?:kvt|kvartal|halvår|halvåret|hlv|kv)\.?)?$", re.I)
# Footnote marks after a header's text ("1. halvår¹ 1)", "2. kvt. *").
_MARK_AT_END = re.compile(r"\s*" + FOOTNOTE_MARK + r"$")
_PERIOD_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?!\d|[.,]\d)")

# A month's number broken off its year with its hyphen ("2020" / "-04", "-05 ²"): no value
# prints a zero after a minus sign ("-10" under "2023-": ``header_months``).
_MONTH_PART = re.compile(r"^-0\d(?:\s*(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\)))*$")


@lru_cache(maxsize=65536)  # a page's texts repeat ("0", "-", "%"), pages repeat their headers
def is_value_text(text: str) -> bool:
    """True for text that reads as a table value: a number, ".", "-", or a glitched number
    (but not a period label with a year in it or named by its ordinal, "2. kvt.", nor a
    label that starts with a number: "225 timers reglen - § 13")."""
    if _MONTH_PART.match(text.strip()):
        return False  # "-04" under "2020": a month broken off its year, no value
    parsed = parse_number(text)
    if parsed.status in _VALUE_STATUSES:
        # "2022 Procent": a year over a column of shares, no share of 2022 per cent
        return not (parsed.percent_sign and _PERIOD_YEAR.search(text) and _has_word(text))
    if parsed.status is not Status.ILLEGIBLE or not _NUMBER_START.match(text.strip()):
        return False  # not glitched
    words = sum(1 for token in text.split() if sum(ch.isalpha() for ch in token) >= 2)
    if words > GLITCH_WORDS:
        return False
    return not (
        _PERIOD_YEAR.search(text)
        or _PERIOD_ORDINAL.match(strip_end_marks(text.strip(), _MARK_AT_END))
    )


@lru_cache(maxsize=65536)
def reads_as_number(text: str) -> bool:
    """True for text that is one number, a unit or count word after it allowed ("52 sager",
    "37,9 %"), or a nil or suppressed mark: no glitch, no label."""
    return parse_number(text).status in _VALUE_STATUSES


def _has_word(text: str) -> bool:
    """True when a token of the text holds two letters or more."""
    return any(sum(ch.isalpha() for ch in token) >= 2 for token in text.split())


def is_footnote_mark(text: str) -> bool:
    """True for a footnote mark alone: "*", "¹", "(1)", "1)"."""
    return _MARK_ALONE.fullmatch(text.strip()) is not None


def is_year(text: str) -> bool:
    """True for a bare four-digit year such as "2024" (a period header, not a value), a
    footnote mark after it allowed ("2024 ¹")."""
    return bool(_YEAR.match(text.strip()))


# A period's word alone, its ordinal and year on other lines ("halvår", "kvartal", "kvt.").
_PERIOD_WORD = re.compile(r"^(?:halvår|halvåret|kvartal|kvt|hlv|kv)\.?$", re.I)


def is_period_piece(text: str) -> bool:
    """True for a year or a piece of a period's name broken off it ("1. halvår", "halvår",
    "4.", "2021*"): header text over period columns, no value."""
    bare = strip_end_marks(text.strip(), _MARK_AT_END)
    return is_year(text) or bool(_PERIOD_ORDINAL.match(bare) or _PERIOD_WORD.match(bare))
