"""How a table prints its numbers: a drawn ``NumberStyle`` and the rendering of one fact.

The rendering never adds precision the data does not have: a percent printed with one
decimal in the source may be rounded to a whole number (the truth follows), never the
reverse. "-" for a true 0 is ``nil`` (value 0); "-" where the source says not applicable is
``not_applicable``; "." and ".." are ``suppressed``; a source glitch ("62, %") prints as is
and is ``illegible``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from samples.variants.model import Fact, Number

NBSP = "\u00a0"


@dataclass(frozen=True)
class NumberStyle:
    """One table's number printing."""

    thousands: str = "."
    pct_sign: str = ""
    round_pct: bool = False
    zero: str = "0"
    na: str = "-"
    suppressed: str = "."
    count_suffix: str = ""
    weeks_suffix: str = ""
    decimal: str = ","
    small_suppressed: bool = False

    def axes(self) -> dict[str, str]:
        """The draw as flat axis values for the truth file."""
        names = {".": "dot", "": "none", " ": "space", NBSP: "nbsp", ",": "comma"}
        return {
            "num.thousands": names.get(self.thousands, self.thousands),
            "num.pct_sign": {"": "none", " %": "space-pct", "%": "pct"}[self.pct_sign],
            "num.round_pct": str(self.round_pct).lower(),
            "num.zero": {"0": "0", "-": "dash", "–": "endash"}[self.zero],
            "num.suppressed": self.suppressed,
            "num.count_suffix": self.count_suffix.strip() or "none",
            "num.decimal": names[self.decimal],
            "num.small_suppressed": str(self.small_suppressed).lower(),
        }


def draw_style(rng: random.Random, *, sheet: bool = False) -> NumberStyle:
    """A random number style (``sheet``: a point decimal is possible, as in some exports)."""
    decimal = "." if sheet and rng.random() < 0.12 else ","
    thousands = rng.choice([".", ".", "", " ", NBSP]) if decimal == "," else ""
    return NumberStyle(
        thousands=thousands,
        pct_sign=rng.choice(["", "", " %", "%"]),
        round_pct=rng.random() < 0.2,
        zero=rng.choice(["0", "0", "0", "-", "–"]),
        na=rng.choice(["-", "-", "–"]),
        suppressed=rng.choice([".", ".", ".."]),
        count_suffix=" sager" if rng.random() < 0.06 else "",
        weeks_suffix=" uger" if rng.random() < 0.15 else "",
        decimal=decimal,
        small_suppressed=rng.random() < 0.08,
    )


def rounded(value: Number, decimals: int) -> Number:
    """Round half up (the Danish convention) to ``decimals``; an int when 0 decimals."""
    q = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return int(q) if decimals == 0 else float(q)


def number_text(value: Number, decimals: int, style: NumberStyle) -> str:
    """Digits of a value with the style's separators: 1278 -> "1.278", 37.9 -> "37,9"."""
    text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    if style.thousands and len(whole) > 3:
        groups: list[str] = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = style.thousands.join([whole, *groups])
    return whole + (style.decimal + frac if frac else "")


def render(fact: Fact, style: NumberStyle) -> tuple[str, Number | None, str, int]:
    """A fact as printed: (text, truth value, truth status, decimals printed)."""
    if fact.status == "illegible":
        return fact.text, None, "illegible", 0
    if fact.status == "not_applicable":
        return style.na, None, "not_applicable", 0
    if fact.status == "suppressed":
        return style.suppressed, None, "suppressed", 0
    assert fact.value is not None
    value, decimals = fact.value, fact.decimals
    if fact.unit == "percent" and style.round_pct and decimals:
        value, decimals = rounded(value, 0), 0
    if value == 0 and style.zero != "0":
        return style.zero, 0, "nil", 0
    small = fact.unit in ("count", "persons") and 0 < value < 3
    if small and style.small_suppressed:
        return style.suppressed, None, "suppressed", 0
    text = number_text(value, decimals, style)
    if fact.unit == "percent":
        text += style.pct_sign
    elif fact.unit == "count":
        text += style.count_suffix
    elif fact.unit == "weeks":
        text += style.weeks_suffix
    return text, value, "reported", decimals
