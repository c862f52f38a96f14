"""Periods: printed period text -> canonical period, from the grammar in ``periods.yaml``.

``PeriodGrammar.parse("3. kvartal 2024")`` gives ``("2024-Q3", "quarter")``; the whole text
must be one period. ``PeriodGrammar.find(text)`` finds the periods named in running text (a
caption, a title) and leaves out years that are part of a date ("31. oktober 2022",
"08.03.2021") or of a range ("2022-2024", "i perioden 2022 til 2024").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

PERIODS_FILE = "periods.yaml"
_YEAR = r"(199\d|20\d\d)"
_YEAR_IN = re.compile(r"(?<!\d)(199\d|20\d\d)(?!\d)")
_LETTER_NUMBER = re.compile(r"[a-z][1-4]")
# The latest year a period may be in: statistics are published after the fact, so a later
# "year" is a count that looks like one (2045 realitetsbehandlede sager read as a header).
LATEST_YEAR = datetime.date.today().year + 1
# A year inside a token ("2024", "03-2024", "2024q1").
_YEAR_INSIDE = re.compile(r"(?:19|20)\d\d")
# Months that open and close a quarter or a half year ("jan.-jun." is the first half).
_SPANS = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}


class PeriodsError(ValueError):
    """periods.yaml is invalid; the message names the key."""


def combine(year: str, part: str) -> str:
    """A year and a period part ("-H1", "-Q3", "-01"): "2024-H1"."""
    return year + part


def period_type(period: str) -> str:
    """The type of a canonical period ("2024", "2024-H1", "2024-Q3", "2024-01"): year, half,
    quarter or month."""
    if len(period) == 4:
        return "year"
    return {"H": "half", "Q": "quarter"}.get(period[5:6], "month")


@dataclass(frozen=True)
class PeriodGrammar:
    """The period forms of periods.yaml, compiled."""

    months: dict[str, int]
    forms: tuple[tuple[re.Pattern[str], str, int, int], ...]
    month_form: re.Pattern[str]
    month_span: re.Pattern[str]
    in_text: re.Pattern[str]
    date: re.Pattern[str]
    range_: re.Pattern[str]
    part: re.Pattern[str]
    period_words: frozenset[str] = frozenset()
    # the one-letter quarter and half-year words ("k", "q"; "h")
    quarter_letters: frozenset[str] = frozenset()
    half_letters: frozenset[str] = frozenset()
    # parse and parse_part results by text (labels repeat their words and numbers)
    _parsed: dict[str, tuple[str, str] | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    _parts: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _word_starts: set[str] = field(default_factory=set, compare=False, repr=False)

    def parse(self, text: str) -> tuple[str, str] | None:
        """(period, type) when the whole text is one period, else None."""
        if text not in self._parsed:
            found = self._parse(text)
            if found is not None and int(found[0][:4]) > LATEST_YEAR:
                found = None  # "2045" over a column of counts: no statistics of the future
            self._parsed[text] = found
        return self._parsed[text]

    def _parse(self, text: str) -> tuple[str, str] | None:
        key = " ".join(text.casefold().replace("–", "-").split()).rstrip(".:")
        for pattern, kind, year_group, number_group in self.forms:
            match = pattern.fullmatch(key)
            if match is not None:
                year = match.group(year_group)
                if kind == "year":
                    return year, kind
                number = int(match.group(number_group))
                prefix = {"half": "H", "quarter": "Q", "month": ""}[kind]
                value = f"{number:02d}" if kind == "month" else str(number)
                return f"{year}-{prefix}{value}", kind
        match = self.month_form.fullmatch(key)
        if match is not None:
            year = match.group(2) if len(match.group(2)) == 4 else "20" + match.group(2)
            return f"{year}-{self.months[match.group(1)]:02d}", "month"
        match = self.month_span.fullmatch(key)
        if match is not None:
            span = _SPANS.get((self.months[match.group(1)], self.months[match.group(2)]))
            if span is not None:
                kind = "half" if span[0] == "H" else "quarter"
                return f"{match.group(3)}-{span}", kind
        return None

    def may_begin_word(self, piece: str) -> bool:
        """Whether a (lower-case) piece of letters may be the start of a month or period word
        broken over lines ("nove" of "november", "halv" of "halvår")."""
        if not self._word_starts:
            words = (*self.months, *self.period_words)
            self._word_starts.update(w[:k] for w in words for k in range(1, len(w) + 1))
        return piece in self._word_starts

    def may_start(self, token: str) -> bool:
        """Whether a period may begin with this (lower-case) token: a digit, a month name, a
        quarter or half word or letter ("k3", "h1"). A quick test before ``parse``."""
        if token[:1].isdigit():  # a year in it ("2024", "2024k3"), or a short ordinal ("1.")
            lead = len(token) - len(token.lstrip("0123456789"))
            return lead <= 2 or bool(_YEAR_INSIDE.search(token))
        bare = token.rstrip(".:,")
        head = bare.split("-")[0].split(".")[0]
        return (
            head in self.months
            or bare in self.period_words
            or head in self.period_words
            or (len(bare) >= 2 and bare[0] in self.period_words and bare[1].isdigit())
        )

    def parse_part(self, text: str) -> str | None:
        """A period without its year ("H1", "2. halvår", "K3", "3. kvartal", "januar") as
        "-H1", "-Q3", "-01"; None otherwise. The year comes from elsewhere in the table."""
        if text not in self._parts:
            self._parts[text] = self._parse_part(text)
        return self._parts[text]

    def _parse_part(self, text: str) -> str | None:
        key = " ".join(text.casefold().replace("–", "-").split()).rstrip(".:")
        span = self.month_span.fullmatch(f"{key}. 2000")  # "jan.-mar.": a quarter's months
        if span is not None:
            found = _SPANS.get((self.months[span.group(1)], self.months[span.group(2)]))
            return f"-{found}" if found is not None else None
        match = self.part.fullmatch(key)
        if match is None:
            return None
        name = match.group("month")
        half = match.group("h") or match.group("h2")
        quarter = match.group("q") or match.group("q2")
        if name is not None:
            return f"-{self.months[name]:02d}"
        if half is not None:
            return f"-H{half}"
        return f"-Q{quarter}" if quarter is not None else None

    def find(self, text: str) -> list[tuple[str, str]]:
        """The distinct periods named in running text, in order. Each year is read with the
        words around it that make it a longer period ("H2 2019", "1. kvartal 2023", "jan.-jun.
        2025"); a year next to period words that make no period, or part of a date or a range,
        is no period at all."""
        key = " ".join(text.casefold().replace("–", "-").split())
        blocked = [m.span() for m in self.date.finditer(key)]
        # a range, not a period ("2019-2021"), unless it reads as one ("2018-07": July 2018)
        blocked += [m.span() for m in self.range_.finditer(key) if self.parse(m.group(0)) is None]
        words = [
            (m.group(0).strip(",;:()*¹²³"), m.start(), m.end()) for m in re.finditer(r"\S+", key)
        ]
        found: dict[str, str] = {}
        for i, (word, start, end) in enumerate(words):
            if not _YEAR_IN.search(word) or any(s < end and start < e for s, e in blocked):
                continue
            best: tuple[int, tuple[str, str]] | None = None
            for first in range(max(0, i - 3), i + 1):
                for last in range(i, min(len(words), i + 3)):
                    parsed = self.parse(" ".join(w for w, _, _ in words[first : last + 1]))
                    if parsed is not None and (best is None or last - first > best[0]):
                        best = (last - first, parsed)
            near = [w for w, _, _ in words[max(0, i - 2) : i + 3] if w != word]
            if best is None or (best[0] == 0 and any(self._periodish(w) for w in near)):
                continue
            found.setdefault(*best[1])
        return list(found.items())

    def _periodish(self, word: str) -> bool:
        """A word that belongs to a period other than a plain year (a month, quarter or half)."""
        bare = word.strip(".,-")
        parts = [p for p in re.split(r"[-./]", bare) if p]
        return any(
            p in self.months or p in self.period_words or _LETTER_NUMBER.fullmatch(p) for p in parts
        )


def load_periods(directory: Path) -> PeriodGrammar:
    """Read ``periods.yaml`` from ``directory``; raises PeriodsError naming the key."""
    path = directory / PERIODS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PeriodsError(f"{PERIODS_FILE}: cannot read: {exc}") from exc
    if not isinstance(data, dict) or set(data) != {"months", "quarters", "halves"}:
        raise PeriodsError(f"{PERIODS_FILE}: expected the keys months, quarters, halves")
    months: dict[str, int] = {}
    for name, number in (data["months"] or {}).items():
        if not isinstance(number, int) or not 1 <= number <= 12:
            raise PeriodsError(f"{PERIODS_FILE}: months.{name}: expected a number 1-12")
        months[str(name).casefold()] = number
    quarters = _words(data, "quarters")
    halves = _words(data, "halves")
    return compile_grammar(months, quarters, halves)


def _words(data: dict[str, object], key: str) -> list[str]:
    value = data[key]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise PeriodsError(f"{PERIODS_FILE}: {key}: expected a list of words")
    return [str(v).casefold() for v in value]


def _alternatives(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def compile_grammar(
    months: dict[str, int], quarters: list[str], halves: list[str]
) -> PeriodGrammar:
    """The grammar for these month names, quarter words and half-year words."""
    letters_q = [w for w in quarters if len(w) == 1]
    words_q = [w for w in quarters if len(w) > 1]
    letters_h = [w for w in halves if len(w) == 1]
    words_h = [w for w in halves if len(w) > 1]
    q, qw = _alternatives(letters_q or ["q"]), _alternatives(words_q or ["kvartal"])
    h, hw = _alternatives(letters_h or ["h"]), _alternatives(words_h or ["halvår"])
    sep = r"\s?-?\s?"
    of = r"\.?(?:\s(?:af|i))?\s"
    forms = (
        (re.compile(_YEAR), "year", 1, 0),
        (re.compile(_YEAR + sep + h + r"\.?([12])"), "half", 1, 2),
        (re.compile(h + r"\.?([12])" + sep + _YEAR), "half", 2, 1),
        (re.compile(r"([12])\.?\s?" + hw + of + _YEAR), "half", 2, 1),
        (re.compile(_YEAR + r",?\s([12])\.?\s?" + hw), "half", 1, 2),
        (re.compile(_YEAR + sep + q + r"\.?([1-4])"), "quarter", 1, 2),
        (re.compile(q + r"\.?([1-4])" + sep + _YEAR), "quarter", 2, 1),
        (re.compile(r"([1-4])\.?\s?" + qw + of + _YEAR), "quarter", 2, 1),
        (re.compile(_YEAR + r",?\s([1-4])\.?\s?" + qw), "quarter", 1, 2),
        # "2023-" / "-01": a hyphen repeated at the line break; "2023M01" broken at either
        # side of its "M" with a hyphen ("2023-" / "M01", "2023M-" / "01")
        (re.compile(_YEAR + r"(?:\s?-\s?-?|\s?-?\s?m\s?-?\s?|\s|/)(0[1-9]|1[0-2])"), "month", 1, 2),
    )
    names = _alternatives(list(months))
    month_form = re.compile("(" + names[3:-1] + r")\.?[\s-]?'?(199\d|20\d\d|[0-9]{2})")
    in_text = re.compile(
        r"(?<![\w.])(?:[1-4]\.?\s?(?:" + qw + "|" + hw + r")" + of + _YEAR
        + "|" + names + r"\.?\s" + _YEAR
        + "|" + _YEAR + sep + r"(?:" + q + r"[1-4]|" + h + r"[12]|m(?:0[1-9]|1[0-2]))"
        + "|" + _YEAR + r")(?![\w])"
    )  # fmt: skip
    date = re.compile(
        r"\b\d{1,2}\.\s?(?:" + names + r"|\d{1,2}\.?)\.?\s?" + _YEAR + r"\b"
        + r"|\b\d{1,2}[./-]\d{1,2}[./-]" + _YEAR + r"\b"
        + r"|\b" + _YEAR + r"-\d{2}-\d{2}\b"
    )  # fmt: skip
    range_ = re.compile(
        _YEAR + r"\s?(?:-|til|og|/)\s?(?:" + _YEAR + r"|\d{2})(?!\d)"
        + r"|\b(?:fra|siden|efter|før|inden|primo|ultimo|medio|pr\.?)\s" + _YEAR  # ("apr 2025")
    )  # fmt: skip
    month_span = re.compile("(" + names[3:-1] + r")\.?\s?-\s?(" + names[3:-1] + r")\.?\s" + _YEAR)
    part = re.compile(
        r"(?P<month>" + names[3:-1] + r")\.?"
        + r"|" + h + r"\.?(?P<h>[12])|(?P<h2>[12])\.?\s?" + hw
        + r"|" + q + r"\.?(?P<q>[1-4])|(?P<q2>[1-4])\.?\s?" + qw
    )  # fmt: skip
    words = frozenset([*quarters, *halves])
    return PeriodGrammar(
        dict(months), forms, month_form, month_span, in_text, date, range_, part, words,
        frozenset(letters_q), frozenset(letters_h),
    )  # fmt: skip
