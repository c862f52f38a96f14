"""Where two words set close on a line are two cells: numbers, units, compounds, months.

In: the words of a chunk so far (left to right) and the next word. Out: whether the next
word starts a new chunk however close it stands (``apart``: two values set tight, a value
after a value and its unit, a digit group at a wider gap than the number's own groups, a
word after one broken at a hyphen), and whether a unit or a month's year a wide space after
its word still belongs to it (``unit_after``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.model import Word
from extract.normalise.numbers import UNIT_WORDS

__all__ = ["THOUSANDS_GROUP", "apart", "unit_after"]

# A count's word stands at most this far (in font sizes) after its number ("52 sager").
UNIT_GAP_EM = 1.0
# Words that carry a compound broken at a hyphen on along its line ("Ændrings- og ...").
_COMPOUND_CONJUNCTIONS = frozenset({"og", "eller", "samt", "el.", "and", "or"})
# One printed number as a word ("2,753,438", "45%"); a 3-digit word after a number is its
# thousands group ("1 234"), and a bracketed one its note or share ("1269 (19.9%)"); "15, 21"
# is a list in running text.
_NUMBER_WORD = re.compile(r"^[\-–−]?\d(?:[\d.,]*\d)?%?$")
THOUSANDS_GROUP = re.compile(r"^\d{3}(?:[.,]\d+)?%?$")
# A month's name or abbreviation, its year after it ("NOV 2023").
_MONTH_WORD = re.compile(
    r"^(?:jan(?:uar)?|feb(?:ruar)?|mar(?:ts)?|apr(?:il)?|maj|juni?|juli?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$",
    re.IGNORECASE,
)
_YEAR_WORD = re.compile(r"^(?:19|20)\d\d$")
# A count's or share's word after its number, digits run into it allowed ("sager101").
_UNIT_WORD = re.compile(rf"^(?:{UNIT_WORDS}|pct\.?|procent)\d*$", re.IGNORECASE)


def apart(chunk: Sequence[Word], right: Word) -> bool:
    """True when ``right`` starts a new chunk after the words of ``chunk`` (see the module)."""
    left = chunk[-1]
    if not right.text[:1].isdigit() and right.text[:1] not in "-–−":
        return _broken_before(left, right)  # (no number: the others need one)
    return (
        _two_values(left, right)
        or _value_after_unit(chunk, right)
        or _wider_than_its_groups(chunk, right)
        or _broken_before(left, right)
    )


def _broken_before(left: Word, right: Word) -> bool:
    """True when ``left`` is a word broken at a hyphen ("STADFÆ-", "G/OPHÆ-") and a word
    of letters follows it on its line: its rest stands on the next line, so ``right`` is
    another cell's (headers of narrow columns one space apart, "HJEMV- ÆNDRIN-"), unless
    a conjunction carries the compound on ("Ændrings- og ophævelsessager")."""
    text = left.text
    return (
        len(text) >= 3
        and text[-1] == "-"
        and text[-2].isalpha()
        and right.text[:1].isalpha()
        and right.text.casefold() not in _COMPOUND_CONJUNCTIONS
    )


def unit_after(left: Word, right: Word, size: float) -> bool:
    """True for a number's unit word set a wide space after it ("52 sager", the glitched
    "9301 sager101"), or a month's year ("NOV 2023"), within UNIT_GAP_EM: one cell's text,
    not two columns."""
    unit = _NUMBER_WORD.match(left.text) and _UNIT_WORD.match(right.text)
    dated = _MONTH_WORD.match(left.text) and _YEAR_WORD.match(right.text)
    return bool(unit or dated) and right.bbox[0] - left.bbox[2] <= UNIT_GAP_EM * size


# A gap between digit groups this many times the one before it (and a point more) is no
# thousands space: a column's edge ("21 319" and "100 %" set tight in bold).
GROUP_GAP_SHARE = 1.4


def _wider_than_its_groups(chunk: Sequence[Word], right: Word) -> bool:
    """True for a group of three digits set after a number written in spaced groups ("21
    319") at a wider gap than the one between those groups: the next column's value ("100
    %"), not the number's next group (a thousands space is one and the same space)."""
    if len(chunk) < 2 or not right.text[:1].isdigit() or right.source == "ocr":
        return False
    if not THOUSANDS_GROUP.match(right.text):
        return False  # (OCR'd boxes hug the ink: their gaps tell no spaces apart)
    before, last = chunk[-2], chunk[-1]
    if not (_NUMBER_WORD.match(before.text) and THOUSANDS_GROUP.match(last.text)):
        return False
    inner = last.bbox[0] - before.bbox[2]
    return right.bbox[0] - last.bbox[2] > GROUP_GAP_SHARE * inner + 1.0


def _value_after_unit(chunk: Sequence[Word], right: Word) -> bool:
    """True for a number set after a number and its unit ("14,5 uger | 17,5 uger", "37,9
    pct. | 40,1 pct."): the next cell's value, however close it stands."""
    return (
        len(chunk) >= 2
        and right.text[:1].isdigit()
        and bool(_UNIT_WORD.match(chunk[-1].text))
        and bool(_NUMBER_WORD.match(chunk[-2].text))
        and bool(_NUMBER_WORD.match(right.text))
    )


def _two_values(left: Word, right: Word) -> bool:
    """True for two numbers set close together that are two values, not one number."""
    if left.source == "ocr" or right.source == "ocr":
        return False
    return bool(
        _NUMBER_WORD.match(left.text)
        and _NUMBER_WORD.match(right.text)
        and not THOUSANDS_GROUP.match(right.text)
    )
