"""Words: printed table text -> tokens -> the vocabulary's words (``rules/reference/words.yaml``).

``tokens(text)`` cuts a label into lower-case tokens (separators and footnote marks dropped,
"-" at a join kept on the left part so it may be rejoined). ``WordBook.read(token)`` gives the
ways one token reads as known words: a family's head ("stadfæstelser" -> "stadfæstet"), an
abbreviation ("stadf." -> "stadfæstet", "pct." -> "procent"), a compound of two known words
("omgørelsesprocent" -> "omgørelse" + "procent"), "-loven" read as "-lov". ``WordBook.join``
reads two or three tokens as one word when a header broke it ("realitets-" + "behandlede").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from extract.normalise.labels import label_key, strip_end_marks

WORDS_FILE = "words.yaml"
ASPECTS = ("count", "share")
# The aspect of a column whose own header names both ("Antal/pct."): its rows must say which.
BOTH_ASPECTS = "both"
AXES = ("law", "provision", "entity", "period", "measure")
GRAINS = ("half", "quarter", "month")
# A word cut short without a full stop must keep this many letters to be read as a word.
MIN_TRUNCATED = 7
# Compound parts shorter than this are not looked for ("s" + ...).
MIN_PART = 3
# The longest ending a law's name takes ("-lovens"), in letters.
LAW_ENDING = 3

# Separators between words: slashes, brackets, commas, colons, dashes set off by spaces.
_SEPARATORS = re.compile(r"[/()\[\],;:|+&\"“”„«»]|\s[-–—]\s|\s[-–—]$|^[-–—]\s|[–—]")
# A footnote mark at the end: "1)", "(2)", "*", superscripts.
_FOOTNOTE_END = re.compile(r"\s*(?:\d\)|\(\d\)|\*++|[¹²³⁴⁵⁶⁷⁸⁹⁰]++)$")
# A footnote mark after a word inside a label ("2023 1) / antal", "Realitetsbehandlede (1)",
# "sep 2024 (1)* / Hele landet": marks of two kinds together).
_FOOTNOTE_INSIDE = re.compile(
    r"(?<=\S) ?(?<![*¹²³⁴⁵⁶⁷⁸⁹⁰])[*¹²³⁴⁵⁶⁷⁸⁹⁰]*+(?:\(\d\)|\d\))[*¹²³⁴⁵⁶⁷⁸⁹⁰]*+(?=\s|$)"
)
# A join inside a word ("Pensions-love", "Omgørelses-%"): cut after the hyphen.
_INNER_HYPHEN = re.compile(r"(?<=[^\W\d_]|\.)-(?=[^\W\d_%])|(?<=[^\W\d_])-(?=%)")
# A word broken with a hyphen at a line end right before its punctuation ("Ændr-" /
# "./oph."): no word goes on with a mark, so the hyphen is the break's.
_BREAK_BEFORE_MARK = re.compile(r"(?<=[^\W\d_])- (?=[./])")
_PERCENT_GLUED = re.compile(r"(?<=[^\W\d_])%")
# A year broken with a hyphen at a line end in a narrow column ("201-" / "9Q3", "20-" /
# "24"): its pieces four digits together; not after "§" (a range of provisions, "§§ 20-").
_BROKEN_YEAR = re.compile(r"(?<![\d§])(?<!§ )((?:19|20)\d?)- (\d{1,2})(?!\d)")
_LAW_FORM = re.compile(r"^(.*lov)(?:en|ens|e|ene|s)?$")


class WordsError(ValueError):
    """words.yaml is invalid; the message names the key."""


def tokens(text: str) -> list[str]:
    """The tokens of a printed label: lower case, NFC, separators and footnote marks out."""
    return list(_tokens(text))


@lru_cache(maxsize=16384)  # labels repeat across a document's tables and readings
def _tokens(text: str) -> tuple[str, ...]:
    key = label_key(text)
    key = _BREAK_BEFORE_MARK.sub("", key)
    key = strip_end_marks(key, _FOOTNOTE_END)
    key = _FOOTNOTE_INSIDE.sub(" ", key)
    key = _SEPARATORS.sub(" ", key)
    key = _BROKEN_YEAR.sub(_year_whole, key)
    key = _INNER_HYPHEN.sub("- ", key)
    key = _PERCENT_GLUED.sub(" %", key)
    out = []
    for token in key.split():
        # (a "?", "!" or "~" glued to a word is OCR's reading of a superscript footnote
        # mark: "Stadf.²", "2024¹")
        token = token.strip("'’`*¹²³?!~")
        if token and any(ch.isalnum() or ch in "%§" for ch in token):
            out.append(token)
    return tuple(out)


def _year_whole(match: re.Match[str]) -> str:
    """The broken year joined when its pieces make four digits, else as printed."""
    head, tail = match.group(1), match.group(2)
    return head + tail if len(head) + len(tail) == 4 else match.group(0)


# The longest piece of a word cut in a narrow column without a hyphen ("sesp", "hæve",
# "esprocent" under "omgørels").
MAX_PIECE = 12


@lru_cache(maxsize=16384)
def _bare(token: str) -> str:
    """A token without a hyphen at its end and in the "-lov" form."""
    token = token.rstrip("-")
    if "lov" not in token:
        return token  # (no law's name: most tokens, read without the pattern)
    match = _LAW_FORM.match(token)
    return match.group(1) if match and len(token) > 3 else token


@dataclass(frozen=True)
class WordBook:
    """The word families, abbreviations and word classes of words.yaml, plus every other word
    the vocabulary's labels use (``with_words``)."""

    heads: Mapping[str, str]
    abbreviations: Mapping[str, str]
    noise: frozenset[str]
    total: frozenset[str]
    aspects: Mapping[str, str]
    axes: Mapping[str, str]
    # words of running text that point at the table under it ("nedenstående tabel")
    pointers: frozenset[str]
    # words an abbreviation may stand for (class words such as axis words are left out)
    content: frozenset[str] = frozenset()
    # axis words naming a period's grain ("halvår": half): a caption "… fordelt på halvår"
    grains: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # words that say a line of a document's heading is about appeals statistics ("Punkt 68
    # Ankestyrelsens statistik i 2021"): its year is the document's period
    topics: frozenset[str] = frozenset()
    # words of a caption that say the table goes on from a page before ("Tabel 2 (fortsat)")
    continued: frozenset[str] = frozenset()
    # words a row label begins with when it and the rows under it are parts of the row
    # above ("Heraf:", "Heraf realitetsbehandlede")
    of_which: frozenset[str] = frozenset()
    # words that bind a noun to the words after it ("Bortfald af retten til sygedagpenge"):
    # a measure word right before one begins a provision's name, it names no measure
    linking: frozenset[str] = frozenset()
    # words of running text speaking of a binding cooperation ("forpligtende samarbejde")
    cooperation: frozenset[str] = frozenset()
    _sorted: list[str] = field(default_factory=list, compare=False, repr=False)
    _reads: dict[str, tuple[tuple[str, ...], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _joins: dict[tuple[str, ...], tuple[str, ...] | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    _longest: int = field(default=0, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._sorted.extend(sorted(self.content or self.heads))
        known = [*self.heads, *self.abbreviations]
        longest = max(map(len, known), default=0) + LAW_ENDING
        object.__setattr__(self, "_longest", longest)

    def with_words(self, words: Iterable[str], *, content: bool = True) -> WordBook:
        """A copy that also knows ``words`` (each its own head); ``content`` words may be
        abbreviated."""
        heads = dict(self.heads)
        added = set()
        for word in words:
            bare = _bare(word)
            heads.setdefault(bare, self.heads.get(word, bare))
            added.add(bare)
        known = self.content or frozenset(self.heads)
        return WordBook(
            MappingProxyType(heads),
            self.abbreviations,
            self.noise,
            self.total,
            self.aspects,
            self.axes,
            self.pointers,
            known | added if content else known,
            self.grains,
            self.topics,
            self.continued,
            self.of_which,
            self.linking,
            self.cooperation,
        )

    def head(self, token: str) -> str | None:
        """The head of a known word (exactly as printed, or in its "-lov" form), or None."""
        bare = _bare(token)
        return self.heads.get(bare) or self.heads.get(token)

    def read(self, token: str) -> tuple[tuple[str, ...], ...]:
        """The readings of one token as known words (empty: none); remembered per token."""
        found = self._reads.get(token)
        if found is None:
            found = self._reads[token] = self._read(token)
        return found

    def _read(self, token: str) -> tuple[tuple[str, ...], ...]:
        known = self.head(token)
        if known is not None:
            return ((known,),)
        short = self.abbreviations.get(token) or self.abbreviations.get(token.rstrip("-"))
        if short is not None:
            return ((self.heads.get(short, short),),)
        if token.endswith(".") and (known := self.head(token.rstrip("."))) is not None:
            return ((known,),)  # a full stop ending a sentence
        bare = _bare(token)
        if "." in bare.rstrip("."):
            found = self._inner_abbreviation(bare)
        elif bare.endswith("."):
            found = self._prefix(bare.rstrip("."), 2)
        else:
            found = self._prefix(bare, MIN_TRUNCATED) if len(bare) >= MIN_TRUNCATED else None
        if found is not None:
            return ((found,),)
        if token.endswith("s-") and (known := self.head(bare[:-1])) is not None:
            return ((known,),)  # "Medholds-%": a word joined on with a linking "s"
        compound = self._compound(bare)
        return (compound,) if compound is not None else ()

    def join(self, parts: Sequence[str]) -> tuple[str, ...] | None:
        """Two to six tokens read as one word broken by line ends: its head, or (broken with
        a hyphen: "STADFÆSTEL- SESPROCENT") the heads of the compound it is, or (pieces none
        of which is a word: "Omg ørel sesp roc ent") what the joined word reads as; else
        None. Remembered per sequence of tokens."""
        key = tuple(parts)
        if key not in self._joins:
            self._joins[key] = self._join(key)
        return self._joins[key]

    def _join(self, parts: tuple[str, ...]) -> tuple[str, ...] | None:
        if not all(p[:1].isalpha() for p in parts):
            return None  # "§", "104", "(2013-2019)": no piece of a word starts so
        joined = "".join(p.rstrip("-") for p in parts)
        head = self.head(joined)
        if head is not None:
            return (head,)
        if any(p.endswith("-") for p in parts[:-1]):
            compound = self._compound(_bare(joined))
            if compound is None:  # an abbreviation broken at its hyphen ("REALITETS- BEH.")
                found = self.read(joined)
                return found[0] if len(found) == 1 else None
            return compound
        # short pieces of letters ("omg", "ørel"; not "§", "104" or a word of its own; a
        # piece read only as the start of a longer word, "omgørel", is still a piece)
        if not all(len(p) <= MAX_PIECE for p in parts[1:]):
            return None
        if not all(p.rstrip(".").isalpha() for p in parts):
            return None
        # the first piece may be long ("omgørelsesproc ent"), or a word of its own when no
        # later piece reads as any word ("omgørelse sprocent": the linking "s" went down)
        if any(self._whole_word(p) for p in parts[1:]):
            return None
        if not self._whole_word(parts[0]) or not any(self.read(p) for p in parts[1:]):
            # a word cut in a narrow column
            found = self.read(joined)  # "Omg ørel sesp roc ent", "Hje mv."
            return found[0] if len(found) == 1 else None
        return None

    def _whole_word(self, token: str) -> bool:
        """Whether a token is a known word or abbreviation as printed (not only the start of
        one)."""
        bare = token.rstrip("-")
        return bool(
            self.head(bare) or self.abbreviations.get(token) or self.abbreviations.get(bare)
        )

    def _prefix(self, stem: str, minimum: int) -> str | None:
        """The one head of all known words beginning with ``stem``; None if none or several."""
        if len(stem) < minimum:
            return None
        start = bisect.bisect_left(self._sorted, stem)
        heads = set()
        for word in self._sorted[start:]:
            if not word.startswith(stem):
                break
            heads.add(self.heads[word])
            if len(heads) > 1:
                return None
        return heads.pop() if heads else None

    def _inner_abbreviation(self, token: str) -> str | None:
        """ "sagsbeh.tid": the one head of known words beginning "sagsbeh" and ending "tid"."""
        first, _, last = token.partition(".")
        last = last.strip(".")
        if len(first) < 2 or not last or "." in last:
            return None
        start = bisect.bisect_left(self._sorted, first)
        heads = set()
        for word in self._sorted[start:]:
            if not word.startswith(first):
                break
            if word.endswith(last) and len(word) > len(first) + len(last):
                heads.add(self.heads[word])
        return heads.pop() if len(heads) == 1 else None

    def _compound(self, token: str) -> tuple[str, ...] | None:
        """A word made of two known words (a linking "s" or "e" allowed): their heads."""
        found: set[tuple[str, ...]] = set()
        # (a right part longer than every known word and its "-lov" endings reads as none)
        first_cut = max(MIN_PART, len(token) - self._longest)
        for cut in range(first_cut, len(token) - MIN_PART + 1):
            left, right = token[:cut], token[cut:]
            right_head = self.head(right) or self.abbreviations.get(right)
            if right_head is None:
                continue
            for stem in (left, left[:-1] if left[-1] in "se" else None):
                left_head = self.head(stem) if stem and len(stem) >= MIN_PART else None
                if left_head is not None:
                    found.add((left_head, right_head))
        return found.pop() if len(found) == 1 else None


def load_words(directory: Path) -> WordBook:
    """Read ``words.yaml`` from ``directory``; raises WordsError naming the key."""
    path = directory / WORDS_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise WordsError(f"{WORDS_FILE}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise WordsError(f"{WORDS_FILE}: expected a mapping")
    allowed = {
        "families",
        "abbreviations",
        "noise",
        "total",
        "aspects",
        "axes",
        "pointers",
        "grains",
        "topics",
        "continued",
        "of_which",
        "linking",
        "cooperation",
    }
    unknown = sorted(set(map(str, data)) - allowed)
    if unknown:
        raise WordsError(f"{WORDS_FILE}: {unknown[0]}: unknown key ({', '.join(sorted(allowed))})")
    heads: dict[str, str] = {}
    for i, family in enumerate(_list(data, "families")):
        forms = [_word(f"families[{i}]", form) for form in _as_list(f"families[{i}]", family)]
        for form in forms:
            if heads.setdefault(form, forms[0]) != forms[0]:
                raise WordsError(f"{WORDS_FILE}: families[{i}]: {form!r} is in two families")
    abbreviations = {
        _word("abbreviations", k): _word(f"abbreviations.{k}", v)
        for k, v in _mapping(data, "abbreviations").items()
    }
    return WordBook(
        MappingProxyType(heads),
        MappingProxyType(abbreviations),
        frozenset(_word("noise", w) for w in _list(data, "noise")),
        frozenset(_word("total", w) for w in _list(data, "total")),
        MappingProxyType(_classes(data, "aspects", ASPECTS)),
        MappingProxyType(_classes(data, "axes", AXES)),
        frozenset(_word("pointers", w) for w in _list(data, "pointers")),
        grains=MappingProxyType(_classes(data, "grains", GRAINS)),
        topics=frozenset(_word("topics", w) for w in _list(data, "topics")),
        continued=frozenset(_word("continued", w) for w in _list(data, "continued")),
        of_which=frozenset(_word("of_which", w) for w in _list(data, "of_which")),
        linking=frozenset(_word("linking", w) for w in _list(data, "linking")),
        cooperation=frozenset(_word("cooperation", w) for w in _list(data, "cooperation")),
    )


def _classes(data: Mapping[str, Any], key: str, names: tuple[str, ...]) -> dict[str, str]:
    """word -> class for a mapping of class -> words (classes limited to ``names``)."""
    out: dict[str, str] = {}
    for name, words in _mapping(data, key).items():
        if name not in names:
            raise WordsError(f"{WORDS_FILE}: {key}.{name}: must be one of {', '.join(names)}")
        for word in _as_list(f"{key}.{name}", words):
            out[_word(f"{key}.{name}", word)] = str(name)
    return out


def _word(key: str, value: object) -> str:
    if not isinstance(value, str | int) or not str(value).strip():
        raise WordsError(f"{WORDS_FILE}: {key}: expected a word, got {value!r}")
    return unicodedata.normalize("NFC", str(value).strip().casefold())


def _list(data: Mapping[str, Any], key: str) -> list[Any]:
    return _as_list(key, data.get(key, []))


def _as_list(key: str, value: object) -> list[Any]:
    if not isinstance(value, list):
        raise WordsError(f"{WORDS_FILE}: {key}: expected a list")
    return value


def _mapping(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise WordsError(f"{WORDS_FILE}: {key}: expected a mapping")
    return {str(k): v for k, v in value.items()}
