"""OCR'd period labels whose number was read as a letter: "KI 2019" is "K1 2019".

Tesseract reads the digit after a quarter or half-year letter ("K1", "H2", "Q4") as the
letter it looks like: 1 as I, l, |, ! or i; 2 as Z; 4 as A. Such a token is no word of a
table's labels, and left as read it hides the period (the values under it lose their period,
or take the year alone).

In: a label or header level, the period letters of periods.yaml (``PeriodLetters``) and
whether a year stands in the same label or header. Out: the text with each such token read as
the period it prints, or None when nothing changed. Only a token that is exactly a period
letter and one look-alike, giving a quarter (1-4) or a half (1-2), is changed, and only beside
a year: "KA" alone stays as read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.interpret.periods import PeriodGrammar

# printed digit -> what OCR reads for it after a period letter
DIGIT_MISREADINGS: dict[str, tuple[str, ...]] = {
    "1": ("I", "l", "|", "!", "i"),
    "2": ("Z", "z"),
    "4": ("A",),
}
_DIGIT_OF = {read: digit for digit, reads in DIGIT_MISREADINGS.items() for read in reads}
_TOKEN = re.compile(
    r"(?<![\w|!])(\w)(" + "|".join(re.escape(r) for r in _DIGIT_OF) + r")(?![\w|!])"
)
_YEAR = re.compile(r"(?<!\d)(?:199\d|20\d\d)(?!\d)")


@dataclass(frozen=True, slots=True)
class PeriodLetters:
    """The one-letter quarter and half-year words ("k", "q"; "h"), lower case."""

    quarters: frozenset[str] = frozenset()
    halves: frozenset[str] = frozenset()

    @classmethod
    def of(cls, grammar: PeriodGrammar) -> PeriodLetters:
        return cls(grammar.quarter_letters, grammar.half_letters)


def has_year(*texts: str) -> bool:
    """Whether any of the texts holds a year (1990-2099)."""
    return any(_YEAR.search(text) for text in texts)


def period_numbers(text: str, letters: PeriodLetters, year_beside: bool) -> str | None:
    """``text`` with each period letter + misread digit read as the period it prints; None
    if there is none, or no year beside it."""
    if not year_beside:
        return None

    def repaired(match: re.Match[str]) -> str:
        letter, digit = match.group(1), _DIGIT_OF[match.group(2)]
        lower = letter.lower()
        if (lower in letters.quarters and digit in "1234") or (
            lower in letters.halves and digit in "12"
        ):
            return letter + digit
        return match.group()

    out = _TOKEN.sub(repaired, text)
    return out if out != text else None
