"""Turn one table cell's text into a value, Danish number formats included.

``parse_number`` reads printed text ("1.278", "37,9 %", ".", "-", "62, %") and returns a
``ParsedNumber`` whose status follows the record contract. It never raises and never guesses:
text that cannot be read with certainty comes back ILLEGIBLE, value None, with a flag naming the
reason. ``format_number`` renders a value the same way, for round-trip tests.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from extract.codes import Flag, Status
from extract.model import Cell

# Flags this module puts on a value.
FOOTNOTE_MARK = Flag.FOOTNOTE_MARK
TRUNCATED = Flag.TRUNCATED_NUMBER
GARBLED = Flag.GARBLED_NUMBER
MERGED = Flag.MERGED_TEXT
AMBIGUOUS = Flag.AMBIGUOUS_NUMBER
NOT_A_NUMBER = Flag.NOT_A_NUMBER
FORMULA_WITHOUT_VALUE = Flag.FORMULA_WITHOUT_VALUE  # set by spreadsheet readers

# Invisible characters (soft hyphen, zero-width spaces and joiners, BOM) deleted before reading.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_SUPPRESSED_MARKS = frozenset({".", "..", "...", "…"})
_NIL_MARKS = frozenset("-‐‑‒–—−")  # hyphens, figure/en/em dash, Unicode minus
_MAX_DIGITS = 15  # beyond this a float no longer holds every printed digit
_THOUSANDS = (".", " ", "\u00a0", "\u202f", "")

_WRAPPED = re.compile(r"\((.+)\)")
# (a run of marks is matched from its start only, possessively: linear in the text)
_FOOTNOTE = re.compile(r" ?(?<![*⁰¹²³⁴⁵⁶⁷⁸⁹])(?:\*++|[⁰¹²³⁴⁵⁶⁷⁸⁹]++|\([0-9]{1,2}\))$")
_PERCENT = re.compile(r" ?(?:%|pct\.?|procent)$", re.IGNORECASE)
# The words a count or a duration may carry after its number ("52 sager", "14,5 uger"), as
# a regular expression's alternatives: read here and by the page geometry.
UNIT_WORDS = r"sager|sag|uger|personer|pers\.|kr\.?"
_UNIT = re.compile(rf" (?:{UNIT_WORDS})$", re.IGNORECASE)
_SIGN = re.compile(r"([-‒–−+]) ?(?=[0-9])")
_NUMBER = re.compile(
    r"(?P<int>[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})+|[0-9]+)"
    r"(?:,(?P<frac>[0-9]+))?"
)
_DIGIT = re.compile(r"[0-9]")
# Cell texts whose reading is remembered, at most.
_REMEMBERED = 65536
_LETTERS = re.compile(r"[^\W\d_]+")
_LOOKALIKES = frozenset("OoIl")  # letters OCR reads where 0 and 1 were printed
_JUNK = re.compile(r"[^0-9., ]")
_BAD_COMMA = re.compile(r",(?![0-9])|(?<![0-9]),")


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """What one cell's text says.

    ``value`` is None unless status is REPORTED or NIL (NIL gives 0.0); ``flags`` is a sorted
    tuple of reasons, () for a clean read; ``decimals`` counts printed decimals (0 without a
    value); ``percent_sign`` tells whether "%", "pct." or "procent" was printed.
    """

    value: float | None
    status: Status
    flags: tuple[str, ...]
    decimals: int
    percent_sign: bool


@lru_cache(maxsize=_REMEMBERED)
def parse_number(text: str) -> ParsedNumber:
    """Read one cell's text as a Danish-formatted number; never raises, never guesses.
    Remembered per text (the result is immutable; tables repeat few texts)."""
    cell = " ".join(text.translate(_INVISIBLE).split())
    if not cell:
        return ParsedNumber(None, Status.MISSING, (), 0, False)
    core, flags, percent = _strip_marks(cell)
    if core.replace(" ", "") in _SUPPRESSED_MARKS:
        return _result(None, Status.SUPPRESSED, flags, 0, percent)
    if core in _NIL_MARKS:
        return _result(0.0, Status.NIL, flags, 0, percent)
    sign = _SIGN.match(core)
    body = core[sign.end() :] if sign else core
    number = _NUMBER.fullmatch(body)
    if number is None:
        return _result(None, Status.ILLEGIBLE, {*flags, _diagnose(body)}, 0, percent)
    whole = number["int"].replace(".", "").replace(" ", "")
    fraction = number["frac"] or ""
    if len(whole) + len(fraction) > _MAX_DIGITS:
        return _result(None, Status.ILLEGIBLE, {*flags, GARBLED}, 0, percent)
    value = float(f"{whole}.{fraction or '0'}")
    if sign is not None and sign.group(1) != "+" and value:
        value = -value
    return _result(value, Status.REPORTED, flags, len(fraction), percent)


def read_cell(cell: Cell) -> ParsedNumber:
    """A table cell's value: a number stored as a number (spreadsheets) as it is, a formula
    without a cached value as MISSING (flagged, never 0), anything else via ``parse_number``."""
    if FORMULA_WITHOUT_VALUE in cell.flags:
        return ParsedNumber(None, Status.MISSING, tuple(sorted(cell.flags)), 0, False)
    if cell.number is not None:
        if not math.isfinite(cell.number):
            return _result(None, Status.ILLEGIBLE, {*cell.flags, GARBLED}, 0, False)
        percent = cell.text.rstrip().endswith("%")  # a csv's "31.1 %"; a sheet's format not
        return _result(cell.number, Status.REPORTED, set(cell.flags), cell.decimals, percent)
    parsed = parse_number(cell.text)
    if not cell.flags:
        return parsed
    flags = set(parsed.flags) | set(cell.flags)
    return _result(parsed.value, parsed.status, flags, parsed.decimals, parsed.percent_sign)


def format_number(
    value: float, decimals: int = 0, thousands: str = ".", percent: bool = False
) -> str:
    """Render ``value`` the Danish way: 1278 -> "1.278"; 37.9 (1 decimal, percent) -> "37,9 %".

    ``thousands`` is ".", a space, a no-break space, a narrow no-break space or "" (no grouping).
    """
    if thousands not in _THOUSANDS:
        raise ValueError(f"thousands separator {thousands!r} is not one of {_THOUSANDS!r}")
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, got {decimals}")
    if not math.isfinite(value):
        raise ValueError(f"cannot format the non-finite value {value!r}")
    digits = f"{abs(value):.{decimals}f}"
    whole, _, fraction = digits.partition(".")
    text = f"{int(whole):,}".replace(",", thousands)
    if fraction:
        text = f"{text},{fraction}"
    if value < 0 and float(digits) != 0:
        text = f"-{text}"
    return f"{text} %" if percent else text


def _strip_marks(cell: str) -> tuple[str, set[str], bool]:
    """Split off footnote marks, a percent sign or a unit word; return core, flags, percent."""
    flags: set[str] = set()
    wrapped = _WRAPPED.fullmatch(cell)
    if wrapped is not None:
        cell = wrapped.group(1).strip()
        flags.add(FOOTNOTE_MARK)
    core, marked_after = _cut(_FOOTNOTE, cell)
    core, percent = _cut(_PERCENT, core)
    if not percent:
        core, _ = _cut(_UNIT, core)
    core, marked_before = _cut(_FOOTNOTE, core)  # "37,9¹ %": the mark sits before the sign
    if marked_after or marked_before:
        flags.add(FOOTNOTE_MARK)
    return core, flags, percent


def _cut(pattern: re.Pattern[str], text: str) -> tuple[str, bool]:
    """Remove the match of ``pattern`` (anchored at the end) from ``text``; say if it matched."""
    found = pattern.search(text)
    return (text[: found.start()], True) if found else (text, False)


def _diagnose(body: str) -> str:
    """Name why ``body`` (marks and sign removed) is not a number."""
    if not _DIGIT.search(body):
        return NOT_A_NUMBER
    if any(len(run) > 1 and not set(run) <= _LOOKALIKES for run in _LETTERS.findall(body)):
        return MERGED  # a word glued to the digits: "sager101", "9301 sager101"
    if _JUNK.search(body):
        return GARBLED  # "31/8", "1O2", "3l,5", "3a)"
    if _BAD_COMMA.search(body):
        return TRUNCATED  # "62,": a digit was lost after the comma
    if " " in body:
        return MERGED  # two numbers run together: "12 14"
    return AMBIGUOUS  # a dot that is no thousands separator: "1.5", "12.34"


def _result(
    value: float | None, status: Status, flags: set[str], decimals: int, percent: bool
) -> ParsedNumber:
    """Build a ParsedNumber with flags as a sorted tuple."""
    return ParsedNumber(value, status, tuple(sorted(flags)), decimals, percent)
