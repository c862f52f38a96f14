"""Reading one label: printed text -> what it says (``Reading``), by tiling it with phrases.

In: a label ("Realitetsbeh. sager / 2021", "Ishøj Kommune Serviceloven", "Omg.-pct.") and the
``Vocabulary``. Out: a ``Reading``: the dimensions its phrases give (measure, aspect, law area,
entity, period), whether it is a total, the axis words it holds, and the words it could not
place. The label is cut into tokens; each token is read as known words (inflections,
abbreviations, compounds, words broken over lines rejoined); the tiling that leaves the fewest
words unread, then uses the fewest phrases, wins. Two best tilings that disagree, or one
label naming two values of one dimension, make a conflict: nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from extract.interpret.periods import combine
from extract.interpret.vocabulary import Meaning, Vocabulary
from extract.interpret.words import tokens

DIMENSIONS = ("measure", "aspect", "law", "entity", "period")
MAX_PERIOD_TOKENS = 4
MAX_JOIN = 6
# Pieces of a period's first word broken over lines ("NOVE MBER") joined at most.
MAX_PERIOD_JOIN = 4
# Tilings kept per position while searching (the best ones; labels are short).
MAX_TILINGS = 6


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of a tiling: the tokens it covers, as printed (lower case), and its meanings
    (none for a word that could not be read)."""

    text: str
    meanings: tuple[Meaning, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    """What one label says.

    ``dims``: dimension -> value (measure/law-area code, "count"/"share", "hele_landet" or a
    municipality code, canonical period). ``total``: a total word was read. ``axes``: axis
    words read ("law", "provision", ...). ``unknown``: tokens no phrase covers. ``conflicts``:
    dimensions read with two values. ``parts``: the winning tiling, for --explain.
    """

    text: str
    dims: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    total: bool = False
    axes: frozenset[str] = frozenset()
    unknown: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    parts: tuple[Part, ...] = ()

    @property
    def resolved(self) -> bool:
        """Every word was read and nothing conflicts."""
        return not self.unknown and not self.conflicts

    @property
    def empty(self) -> bool:
        """Nothing at all was read (a blank label, or noise words only)."""
        return not self.dims and not self.total and not self.axes and not self.unknown

    @property
    def problem(self) -> str:
        """Why the label is not resolved ("" when it is)."""
        if self.conflicts:
            return "conflicting: " + "; ".join(self.conflicts)
        if self.unknown:
            return "not understood: " + " ".join(self.unknown)
        return ""

    def describe(self) -> str:
        """The reading in one line: "measure=stadfaestet period=2021" or what went wrong."""
        items = [f"{dim}={value}" for dim, value in self.dims.items()]
        if self.total:
            items.append("total")
        items += [f"axis={axis}" for axis in sorted(self.axes)]
        if self.unknown:
            items.append("unread: " + " ".join(self.unknown))
        if self.conflicts:
            items.append("conflict: " + ", ".join(self.conflicts))
        return " ".join(items) if items else "(nothing)"


def _once(toks: Sequence[str]) -> tuple[str, ...]:
    """Tokens with a word of letters printed twice or more in a row kept once: one header
    word spanning several columns, copied to each ("Omgørelse Omgørelse Omgørelse")."""
    out: list[str] = []
    for token in toks:
        if out and token == out[-1] and token.isalpha():
            continue
        out.append(token)
    return tuple(out)


# Labels whose readings a vocabulary remembers, at most.
_REMEMBERED = 65536
# A tiling: (unread words, phrases used) as its cost, then its parts.
_Tiling = tuple[tuple[int, int], tuple[Part, ...]]


class Reader:
    """Reads labels with one vocabulary; readings are memoised per text."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary

    def read(self, text: str) -> Reading:
        """The reading of one label (remembered in the vocabulary, for every reader of it)."""
        memo = self.vocabulary.readings
        found = memo.get(text)
        if found is None:
            if len(memo) >= _REMEMBERED:
                memo.clear()
            found = memo[text] = self._read_text(text)
        return found

    def _read_text(self, text: str) -> Reading:
        printed = tuple(tokens(text))
        toks = _once(printed)
        if not toks:
            return Reading(text)
        reading = _reading(text, _Search(self.vocabulary, toks).best(), self._share_of)
        if reading.unknown and toks != printed:
            # a word printed twice by the name itself ("forhøjet almindelig [og] almindelig
            # førtidspension", its "og" lost): read as printed when that reads better
            whole = _reading(text, _Search(self.vocabulary, printed).best(), self._share_of)
            if len(whole.unknown) < len(reading.unknown):
                return whole
        return reading

    def _share_of(self, measures: list[str], share: bool) -> str | None:
        """For two measures read in one label, the one the label is about: a rate named with
        its base ("Andel hjemvist af realitetsbehandlede"), or a part named after its whole
        (a group header "Realitetsbehandlede sager" over "Stadfæstede"; with "%" under it,
        the part's share; a part before its whole only as its share: "Ændringer /
        realitetsbehandlede / %"). None when the two are not so related, or a count names the
        part first ("Hjemvist / Realitetsbehandlede sager": a header set over the wrong
        column)."""
        identities = self.vocabulary.reference.identities
        first, second = measures
        for part, other in ((first, second), (second, first)):
            rate = identities.rate(part)
            if rate is not None and (other,) in rate.bases:
                return part
        for part, whole in ((second, first), (first, second)) if share else ((second, first),):
            if any(part in form for form in identities.forms_of(whole)):
                return part  # a part over its whole only as its share ("Ændringer / … / %")
        return None


def _reading(
    text: str, tilings: list[_Tiling], share_of: Callable[[list[str], bool], str | None]
) -> Reading:
    """The reading of the best tilings: their common dimensions, or a conflict."""
    readings = [_one(text, parts, share_of) for _, parts in tilings]
    readings = [r for r in readings if not r.conflicts] or readings  # a tiling that agrees wins
    first = readings[0]
    if any(r.dims != first.dims or r.total != first.total for r in readings[1:]):
        dims = sorted({d for r in readings for d in r.dims if r.dims.get(d) != first.dims.get(d)})
        return Reading(
            text,
            first.dims,
            first.total,
            first.axes,
            first.unknown,
            (*first.conflicts, *(f"{d} (read two ways)" for d in dims or ["total"])),
            first.parts,
        )
    return first


def _year_and_part(dims: Mapping[str, str], period: str) -> str | None:
    """The period of a year and a part without its year read in one label ("2023" and "-11":
    "2023-11"), or None when ``period`` and the period already read are not such a pair."""
    before = dims.get("period")
    if before is None:
        return None
    pair = sorted((before, period), key=lambda p: p.startswith("-"))
    year, part = pair
    if len(year) == 4 and part.startswith("-"):
        return combine(year, part)
    return None


def _one(
    text: str, parts: tuple[Part, ...], share_of: Callable[[list[str], bool], str | None]
) -> Reading:
    dims: dict[str, str] = {}
    conflicts: list[str] = []
    total = False
    axes: set[str] = set()
    unknown: list[str] = []
    measures: list[str] = []
    for part in parts:
        if not part.meanings:
            unknown.append(part.text)
        for meaning in part.meanings:
            if meaning.dim == "total":
                total = True
            elif meaning.dim == "axis":
                axes.add(meaning.value)
            elif meaning.dim == "measure":
                measures.extend([] if meaning.value in measures else [meaning.value])
            elif meaning.dim == "aspect" and dims.get("aspect", meaning.value) != meaning.value:
                dims["aspect"] = ""  # "Antal/pct.": counts and shares both, so neither
            elif meaning.dim == "period" and (whole := _year_and_part(dims, meaning.value)):
                dims["period"] = whole  # "2023 / November": a year and its month
            elif dims.setdefault(meaning.dim, meaning.value) != meaning.value:
                conflicts.append(f"{meaning.dim} {dims[meaning.dim]} or {meaning.value}")
    share = dims.get("aspect") == "share"
    if len(measures) == 2 and (chosen := share_of(measures, share)) is not None:
        measures = [chosen]  # a rate with its base, or a part under its whole
    if dims.get("aspect") == "":
        del dims["aspect"]
    if measures:
        dims["measure"] = measures[0]
    if len(measures) > 1:
        conflicts.append("measure " + " or ".join(measures))
    return Reading(
        text,
        MappingProxyType(dims),
        total,
        frozenset(axes),
        tuple(unknown),
        tuple(dict.fromkeys(conflicts)),
        parts,
    )


def _unbroken(token: str) -> str:
    """A token without the hyphen a line break left after a letter ("nov-" of "nov-ember");
    a hyphen after an abbreviation's full stop is a range's ("jan.-" of "jan.-jun.")."""
    return token[:-1] if len(token) > 1 and token.endswith("-") and token[-2].isalpha() else token


class _Search:
    """The best tilings of one token sequence (dynamic programming from the end)."""

    def __init__(self, vocabulary: Vocabulary, toks: tuple[str, ...]) -> None:
        self.v = vocabulary
        self.toks = toks
        self.memo: dict[int, list[_Tiling]] = {}
        # tokens starting with a letter from each position on (only they join into a word)
        self.lettered = [0] * (len(toks) + 1)
        for i in range(len(toks) - 1, -1, -1):
            self.lettered[i] = self.lettered[i + 1] + 1 if toks[i][:1].isalpha() else 0
        self.edges = [self._word_edges(i) for i in range(len(toks))]

    def best(self) -> list[_Tiling]:
        return self._from(0)

    def _word_edges(self, i: int) -> list[tuple[int, tuple[str, ...]]]:
        """(end, word heads) for each way words start at token ``i``; () for a noise word."""
        words = self.v.words
        token = self.toks[i]
        out: list[tuple[int, tuple[str, ...]]] = []
        for k in range(min(MAX_JOIN, self.lettered[i]), 1, -1):
            joined = words.join(self.toks[i : i + k])
            if joined is not None:
                out.append((i + k, tuple(w for w in joined if w not in words.noise)))
        for reading in words.read(token):
            out.append((i + 1, tuple(w for w in reading if w not in words.noise)))
        return out

    def _from(self, i: int) -> list[_Tiling]:
        if i == len(self.toks):
            return [((0, 0), ())]
        if i in self.memo:
            return self.memo[i]
        options: list[_Tiling] = []
        token = self.toks[i]
        for end, words in self.edges[i]:
            if not words:  # a noise word
                options.extend(self._then(i, end, None, (0, 0)))
        for end, period in self._periods(i):
            meaning = (Meaning("period", period),)
            options.extend(self._then(i, end, meaning, (0, 1)))
        for end, meanings in self._phrases(i):
            options.extend(self._then(i, end, meanings, (0, 1)))
        options.extend(self._then(i, i + 1, (), (1, 0), text=token))
        best_cost = min(tiling[0] for tiling in options)
        kept = [t for t in options if t[0] == best_cost][:MAX_TILINGS]  # (in the order found)
        self.memo[i] = kept
        return kept

    def _then(
        self,
        i: int,
        end: int,
        meanings: tuple[Meaning, ...] | None,
        cost: tuple[int, int],
        text: str | None = None,
    ) -> list[_Tiling]:
        """Tilings that cover tokens i..end with this piece, then the best from ``end``."""
        part = None if meanings is None else Part(text or " ".join(self.toks[i:end]), meanings)
        return [
            ((unread + cost[0], used + cost[1]), rest if part is None else (part, *rest))
            for (unread, used), rest in self._from(end)
        ]

    def _periods(self, i: int) -> list[tuple[int, str]]:
        """(end, period) of each period starting at token i: whole ("2024-H1"), or a part
        without its year ("-H1", from "1. halvår" printed under a year)."""
        out: list[tuple[int, str]] = []
        grammar = self.v.periods
        starts = [(self.toks[i], 1)]  # its first word as printed, or broken over lines
        first = self.toks[i].rstrip("-")  # "NOVE MBER", "1. halv år", "JAN.-J UN."
        letters = first.rstrip(".")
        broken = (letters.isalpha() and grammar.may_begin_word(letters)) or (
            len(first) <= 3 and letters.isdigit()
        )
        for used in range(2, MAX_PERIOD_JOIN + 1) if broken else ():
            if i + used <= len(self.toks):
                joined = "".join(_unbroken(t) for t in self.toks[i : i + used])
                starts.append((joined, used))
        for first, used in starts:
            if not grammar.may_start(first):
                continue
            for k in range(used, MAX_PERIOD_TOKENS + used):
                if i + k > len(self.toks):
                    break
                text = " ".join((first, *self.toks[i + used : i + k]))
                parsed = grammar.parse(text)
                part = grammar.parse_part(text) if parsed is None else None
                if parsed is not None or part is not None:
                    out.append((i + k, parsed[0] if parsed is not None else str(part)))
        return out

    def _phrases(self, i: int) -> list[tuple[int, tuple[Meaning, ...]]]:
        """(end, meanings) of every phrase that starts at token i (noise may lie inside)."""
        found: list[tuple[int, tuple[Meaning, ...]]] = []
        stack: list[tuple[int, tuple[str, ...]]] = [(i, ())]
        while stack:
            at, key = stack.pop()
            if at >= len(self.toks):
                continue
            for end, words in self.edges[at]:
                if not words:
                    if key:  # noise inside a phrase
                        stack.append((end, key))
                    continue
                longer = key + words
                if longer not in self.v.prefixes:
                    continue
                meanings = self.v.phrases.get(longer)
                if meanings is not None:
                    found.append((end, meanings))
                stack.append((end, longer))
        return found


def with_lost_part(reading: Reading, grains: Mapping[str, str]) -> Reading:
    """The reading of a column's header with a conflict when it names a bare year beside a
    period axis word of a finer grain ("halvår 2025", the "2." of "2. halvår" read into the
    next column's header): which half, quarter or month it is was lost, so not the year."""
    period = reading.dims.get("period", "")
    if len(period) != 4 or not period.isdigit():
        return reading
    lost = [
        grains[part.text]
        for part in reading.parts
        if part.text in grains and any(m.dim == "axis" for m in part.meanings)
    ]
    if not lost:
        return reading
    conflict = f"period {period} or a {lost[0]} of it (which one was not read)"
    return replace(reading, conflicts=(*reading.conflicts, conflict))
