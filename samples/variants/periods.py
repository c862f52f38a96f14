"""Periods: canonical form, relabelling to another period type, and printed wordings.

Canonical periods are the schema's: "2024", "2024-H1", "2024-Q3", "2024-01". A family's N
consecutive periods may be relabelled as N consecutive periods of another type (the values
stay, the truth follows the new labels), so the engine's period grammar gets exercised.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from extract.codes import PeriodType

TYPES = tuple(PeriodType)
PER_YEAR = {"year": 1, "half": 2, "quarter": 4, "month": 12}
FIRST_YEAR, LAST_YEAR = 2016, 2025
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
MONTH_ABBR = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


@dataclass(frozen=True)
class Period:
    """A period as (type, year, index within the year, 1-based)."""

    type: str
    year: int
    index: int = 1

    @property
    def canonical(self) -> str:
        """The schema's form: "2024", "2024-H1", "2024-Q3", "2024-01"."""
        if self.type == "year":
            return str(self.year)
        if self.type == "half":
            return f"{self.year}-H{self.index}"
        if self.type == "quarter":
            return f"{self.year}-Q{self.index}"
        return f"{self.year}-{self.index:02d}"

    def ordinal(self) -> int:
        """A running number: consecutive periods of one type differ by 1."""
        return self.year * PER_YEAR[self.type] + self.index - 1


def parse(canonical: str) -> Period:
    """Canonical text -> Period (raises ValueError on anything else)."""
    if len(canonical) == 4 and canonical.isdigit():
        return Period("year", int(canonical))
    year, _, rest = canonical.partition("-")
    if not year.isdigit() or len(year) != 4:
        raise ValueError(f"not a canonical period: {canonical!r}")
    if rest[:1] == "H" and rest[1:] in ("1", "2"):
        return Period("half", int(year), int(rest[1:]))
    if rest[:1] == "Q" and rest[1:] in ("1", "2", "3", "4"):
        return Period("quarter", int(year), int(rest[1:]))
    if len(rest) == 2 and rest.isdigit() and 1 <= int(rest) <= 12:
        return Period("month", int(year), int(rest))
    raise ValueError(f"not a canonical period: {canonical!r}")


def from_ordinal(kind: str, ordinal: int) -> Period:
    """Inverse of ``Period.ordinal``."""
    year, index = divmod(ordinal, PER_YEAR[kind])
    return Period(kind, year, index + 1)


Bounds = tuple[int, int]


def relabel(
    periods: list[Period], kind: str, rng: random.Random, bounds: list[Bounds] | None = None
) -> list[Period] | None:
    """``len(periods)`` consecutive periods of ``kind`` at a random start, or None if they
    do not fit between 2016 and 2025. ``bounds[i]`` (first year, last year) keeps the
    ``i``-th new period within those years (a law's data stays in the years it existed)."""
    n = len(periods)
    first = Period(kind, FIRST_YEAR).ordinal()
    last = Period(kind, LAST_YEAR, PER_YEAR[kind]).ordinal()
    if last - first + 1 < n:
        return None
    if bounds is None:
        start = rng.randint(first, last - n + 1)
        return [from_ordinal(kind, start + i) for i in range(n)]
    starts = [
        s
        for s in range(first, last - n + 2)
        if all(lo <= from_ordinal(kind, s + i).year <= hi for i, (lo, hi) in enumerate(bounds))
    ]
    if not starts:
        return None
    start = rng.choice(starts)
    return [from_ordinal(kind, start + i) for i in range(n)]


def label(p: Period, style: int) -> str:
    """One printed wording of ``p``; ``style`` picks the wording (any int, wraps around)."""
    y, i = p.year, p.index
    forms: tuple[str, ...]
    if p.type == "year":
        return str(y)
    if p.type == "half":
        first, last = (1, 6) if i == 1 else (7, 12)
        forms = (
            f"{i}. halvår {y}",
            f"H{i} {y}",
            f"{y}H{i}",
            f"{y} H{i}",
            f"{MONTH_ABBR[first - 1]}.-{MONTH_ABBR[last - 1]}. {y}",
            f"{i}. halvår {y}",
        )
    elif p.type == "quarter":
        first = 3 * (i - 1)
        forms = (
            f"{y}K{i}",
            f"K{i} {y}",
            f"{i}. kvt. {y}",
            f"{i}. kvartal {y}",
            f"{y} K{i}",
            f"Q{i} {y}",
            f"{y}Q{i}",
            f"{MONTH_ABBR[first]}.-{MONTH_ABBR[first + 2]}. {y}",
        )
    else:
        name = MONTHS[i - 1]
        forms = (
            f"{MONTH_ABBR[i - 1]} {y}",
            f"{name.capitalize()} {y}",
            f"{name} {y}",
            f"{y}M{i:02d}",
            f"{y}-{i:02d}",
            f"{MONTH_ABBR[i - 1].capitalize()}. {y}",
            f"{MONTH_ABBR[i - 1].capitalize()} {y}",
        )
    return forms[style % len(forms)]


def short_label(p: Period, style: int) -> str:
    """The within-year part only (under a year header): "K3", "1. halvår", "jan"."""
    i = p.index
    if p.type == "half":
        forms: tuple[str, ...] = (f"{i}. halvår", f"H{i}", f"{i}. halvår")
    elif p.type == "quarter":
        forms = (f"K{i}", f"{i}. kvt.", f"{i}. kvartal", f"Q{i}", f"{i}. kvt")
    elif p.type == "month":
        name = MONTHS[i - 1]
        forms = (MONTH_ABBR[i - 1], name.capitalize(), name, f"{MONTH_ABBR[i - 1]}.")
    else:
        forms = (str(p.year),)
    return forms[style % len(forms)]


def phrase(p: Period, style: int) -> str:
    """The period inside a sentence or caption: "i 2024", "i 3. kvartal 2024"."""
    if p.type == "year":
        return (f"i {p.year}", f"{p.year}", f"i året {p.year}", f"i {p.year}")[style % 4]
    if p.type == "month":
        name = MONTHS[p.index - 1]
        return (f"i {name} {p.year}", f"{name} {p.year}", label(p, 3))[style % 3]
    return (f"i {label(p, 0 if p.type == 'half' else 3)}", label(p, style))[style % 2]


def range_phrase(ps: list[Period], style: int) -> str:
    """A caption's range for several years ("i perioden 2022-2024"); "" for other types."""
    if len(ps) < 2 or ps[0].type != "year":
        return ""
    return (f"i perioden {ps[0].year}-{ps[-1].year}", f"{ps[0].year}-{ps[-1].year}")[style % 2]
