"""Repair of OCR'd words against the words ankestatistik tables use.

Tesseract misreads Danish letters and thin strokes in typical ways: "ø" as "e", "o" or "a"
("Bern" for "Børn"), "æ" as "ze" ("Hjzelpemidier"), "l" as "i" ("aktiviov"). A word that is
not a known word but lies only such misreadings away from exactly one known word is read as
that word. Numbers and words with digits are never touched: values are only ever corrected
through identities (checks), never through a word list.

In: a page and the ``Lexicon`` (built from the reference data and the rules). Out: the same
page with OCR'd words repaired; a repaired ``Word`` keeps what was read in ``read_as``.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from extract.interpret.ocr_periods import PeriodLetters
from extract.interpret.periods import PeriodGrammar
from extract.model import PageContent, Word
from extract.normalise.reference import Reference

VOCABULARY_FILE = "vocabulary.yaml"
# Cost of one typical misreading, and of any other edit (insert, delete, substitute).
MISREAD_COST = 0.25
EDIT_COST = 1.0
# Any other edit that puts in, takes out or changes a digit: a label is never read as a
# phrase of other paragraphs or years ("§ 32" is not "§ 31").
DIGIT_EDIT_COST = 10.0
# A repair may cost at most this much; words of LONG_WORD letters or more may also carry one
# plain edit.
MAX_COST = 0.75
MAX_COST_LONG = 1.25
LONG_WORD = 8
# A row label is read as a known phrase when the phrase is among the PHRASE_CANDIDATES
# sharing most words with it and costs at most PHRASE_COST_PER_LETTER per letter.
PHRASE_CANDIDATES = 3
PHRASE_COST_PER_LETTER = 0.15
# Words shorter than this are left alone ("og", "om", "i").
MIN_LETTERS = 3
# What Tesseract reads for printed letters: printed -> misreadings.
MISREADINGS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "ø": ("e", "o", "a", "0", "g"),
        "æ": ("ze", "ae", "z", "e", "a", "œ", "zz"),
        "å": ("a", "â", "á"),
        "l": ("i", "1", "|", "t", "!", "j"),  # "j": "hele jandet"
        "i": ("l", "1", "|", "j", "f", "il"),  # "il": "I alt" read as "Il alt"
        "m": ("rn", "in"),
        "rn": ("m",),
        "f": ("t",),
        "e": ("c", "o"),
        "c": ("e",),
        "h": ("b", "li"),
        "i ": ("h",),  # "I alt" read as "halt"
        "g": ("9",),
        "o": ("0",),
        "s": ("5",),
        "1": ("i", "l", "|", "!"),  # "§ 69, stk. I": a known phrase's digit read as a letter
        "§": ("&", "8", "$", "S"),
        "-": ("—", "–", "_", "~"),
        "–": ("-", "—", "_", "~"),
    }
)
# The same, by the last printed letter: letter -> ((printed, misreadings), ...).
_BY_LAST_LETTER: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]] = MappingProxyType(
    {
        last: tuple((k, v) for k, v in MISREADINGS.items() if k[-1] == last)
        for last in {k[-1] for k in MISREADINGS}
    }
)
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé]+")
_DIGIT = re.compile(r"\d")
# Marks a printed row label does not hold: OCR's reading of "§" ("&", "$"), of dirt ("£", "|",
# a stray quote: "Fleksjob '").
_ODD_MARK = re.compile(r"[&$£|{}\[\]<>~^@#_=+*!?\\'`´‘’\"“”]")
# g: "ø" is read as "g" too; c: "e" as "c"; z: "æ" as "z"
_SKELETON_VOWELS = re.compile(r"[aeoøæåœ0âágcz]+")
_SKELETON_STROKES = re.compile(r"[li1|!ijt]")  # t: "l" is read as "t"
# A label's letter pairs, to find the known phrases it is nearest when its words are misread.
PAIR_CANDIDATES = 3


class VocabularyError(ValueError):
    """The vocabulary file is missing or invalid; the message names the file and key."""


# What ``unknown_words`` gives for a label that is the start of a known one, or two in one.
CUT_SHORT = "(cut short)"
TWO_LABELS = "(two labels)"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Known words (lower case), indexed by skeleton (misreadable letters folded together),
    and known whole labels (``phrases``: the sagsemner and the vocabulary's labels)."""

    words: frozenset[str]
    phrases: tuple[str, ...] = ()
    period_letters: PeriodLetters = field(default_factory=PeriodLetters)
    by_skeleton: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    # the beginnings of known words a word cut short with a full stop may print ("stadf."),
    # by skeleton
    prefixes: Mapping[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    phrase_tokens: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)
    phrase_pairs: tuple[frozenset[str], ...] = field(init=False, repr=False, compare=False)
    # the known labels casefolded, sorted: a label's longer known forms found by bisection
    folded: tuple[str, ...] = field(init=False, repr=False, compare=False)
    _folded_set: frozenset[str] = field(init=False, repr=False, compare=False)
    # the words of two letters the known labels print ("og", "om", "KH"), lower case
    short_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[str]] = {}
        for word in sorted(self.words):
            index.setdefault(skeleton(word), []).append(word)
        object.__setattr__(
            self, "by_skeleton", MappingProxyType({k: tuple(v) for k, v in index.items()})
        )
        starts: dict[str, set[str]] = {}
        for word in self.words:
            for end in range(MIN_LETTERS, len(word)):
                starts.setdefault(skeleton(word[:end]), set()).add(word[:end])
        object.__setattr__(
            self, "prefixes", MappingProxyType({k: tuple(sorted(v)) for k, v in starts.items()})
        )
        object.__setattr__(self, "phrase_tokens", tuple(_tokens(p) for p in self.phrases))
        object.__setattr__(self, "phrase_pairs", tuple(_pairs(p) for p in self.phrases))
        object.__setattr__(self, "folded", tuple(sorted({p.casefold() for p in self.phrases})))
        object.__setattr__(self, "_folded_set", frozenset(self.folded))
        shorts = {w.lower() for p in self.phrases for w in _WORD.findall(p) if len(w) == 2}
        object.__setattr__(self, "short_words", frozenset(shorts))

    def repair(self, text: str) -> str | None:
        """The known word(s) ``text`` is a misreading of, in ``text``'s case, each run of
        letters repaired on its own ("/Ophavet." -> "/Ophævet."); None if none or unsure.
        Words with digits are left alone."""
        if any(ch.isdigit() for ch in text):
            return None
        out, changed, end = [], False, 0
        for run in _WORD.finditer(text):
            cut_short = text[run.end() : run.end() + 1] == "."
            repaired = self._repair_letters(run.group(), cut_short)
            out.append(text[end : run.start()])
            out.append(repaired or run.group())
            changed = changed or repaired is not None
            end = run.end()
        return "".join(out) + text[end:] if changed else None

    def _repair_letters(self, core: str, cut_short: bool = False) -> str | None:
        """The known word the letters ``core`` misread, in ``core``'s case; None if none or
        unsure. ``cut_short``: a full stop follows (an abbreviation, "Stadt." for "Stadf."),
        so the beginning of a known word is read as well."""
        lower = core.lower()
        if len(core) < MIN_LETTERS or lower in self.words:
            return None
        key = skeleton(lower)
        known = set(self.by_skeleton.get(key, ()))
        if cut_short:
            if lower in self.prefixes.get(key, ()):
                return None
            known.update(self.prefixes.get(key, ()))
        scored = sorted((misread_cost(word, lower), word) for word in known)
        if not scored:
            return None
        best_cost, best = scored[0]
        limit = MAX_COST_LONG if len(best) >= LONG_WORD else MAX_COST
        if best_cost > limit or (len(scored) > 1 and scored[1][0] <= best_cost):
            return None
        return _same_case(best, core)

    def unknown_words(self, label: str) -> tuple[str, ...]:
        """The words of ``label`` the vocabulary does not know (runs of MIN_LETTERS letters
        or more, or of two that no known label prints, words with marks no label prints, "&",
        "£", and its numbers: "§ 159" read as "8159" is a number no known phrase checks);
        none for a known phrase."""
        text = " ".join(label.split())
        if text in self.phrases:
            return ()
        unknown = [w for w in text.split() if _ODD_MARK.search(w) or _DIGIT.search(w)]
        unknown += [
            run
            for run in _WORD.findall(text)
            if (len(run) >= MIN_LETTERS and run.lower() not in self.words)
            or (len(run) == 2 and run.lower() not in self.short_words)  # "ak" in "aktiv ak"
        ]
        if self.cut_short(text):
            unknown.append(CUT_SHORT)
        if self.two_labels(text):
            unknown.append(TWO_LABELS)
        return tuple(dict.fromkeys(unknown))

    def two_labels(self, label: str) -> bool:
        """Whether ``label`` is two known labels run together ("A-dagpenge Kontanthjælp": two
        rows read as one)."""
        words = " ".join(label.split()).casefold().split(" ")
        known = self._folded_set
        return any(
            " ".join(words[:k]) in known and " ".join(words[k:]) in known
            for k in range(1, len(words))
        )

    def cut_short(self, label: str) -> bool:
        """Whether ``label`` is no known label but the first words of one ("Kompensationsloven
        - personlig assistance" of "… -, kap. 3-4"): its end lost to a line of its own."""
        start = " ".join(label.split()).casefold() + " "
        at = bisect.bisect_left(self.folded, start)
        return at < len(self.folded) and self.folded[at].startswith(start)

    def repair_label(self, label: str) -> str | None:
        """The known phrase an OCR'd row ``label`` is a misreading of; None if none or unsure."""
        text = " ".join(label.split())
        if not text or text in self.phrases:
            return None
        mine = _tokens(text)
        if not mine:
            return None

        def nearness(index: int) -> tuple[float, int]:
            theirs = self.phrase_tokens[index]
            overlap = len(mine & theirs) / len(mine | theirs)
            return (-overlap, abs(len(self.phrases[index]) - len(text)))

        pairs = _pairs(text)

        def alike(index: int) -> float:
            theirs = self.phrase_pairs[index]
            return -2 * len(pairs & theirs) / (len(pairs) + len(theirs) or 1)

        indices = range(len(self.phrases))
        near = {
            *heapq.nsmallest(PHRASE_CANDIDATES, indices, key=nearness),
            *heapq.nsmallest(PAIR_CANDIDATES, indices, key=alike),
        }
        scored = sorted(
            (misread_cost(self.phrases[i].lower(), text.lower()), self.phrases[i]) for i in near
        )
        best_cost, best = scored[0]
        limit = max(MAX_COST, PHRASE_COST_PER_LETTER * len(best))
        if best_cost > limit or (len(scored) > 1 and scored[1][0] <= best_cost + EDIT_COST):
            return None
        return best


def _pairs(text: str) -> frozenset[str]:
    """The letter pairs of ``text`` (lower case, spaces kept: word starts and ends count)."""
    folded = f" {' '.join(text.lower().split())} "
    return frozenset(folded[i : i + 2] for i in range(len(folded) - 1))


def _tokens(text: str) -> frozenset[str]:
    return frozenset(text.lower().replace("–", "-").split())


def skeleton(word: str) -> str:
    """``word`` with the letters Tesseract confuses folded together ("børn", "bern" -> "b*rn")."""
    folded = word.lower().replace("rn", "m").replace("ze", "æ").replace("f", "l").replace("b", "h")
    folded = _SKELETON_STROKES.sub("|", folded)
    return _SKELETON_VOWELS.sub("*", folded)


def misread_cost(printed: str, read: str) -> float:
    """Edit distance from ``printed`` to ``read`` where a typical misreading costs little and
    an edit of a digit (not a misreading) DIGIT_EDIT_COST."""
    rows, cols = len(printed), len(read)
    put = [DIGIT_EDIT_COST if ch.isdigit() else EDIT_COST for ch in read]
    cost = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        cost[i][0] = cost[i - 1][0] + (DIGIT_EDIT_COST if printed[i - 1].isdigit() else EDIT_COST)
    for j in range(1, cols + 1):
        cost[0][j] = cost[0][j - 1] + put[j - 1]
    for i in range(1, rows + 1):
        letter = printed[i - 1]
        drop = DIGIT_EDIT_COST if letter.isdigit() else EDIT_COST
        for j in range(1, cols + 1):
            change = 0.0 if read[j - 1] == letter else max(drop, put[j - 1])
            best = min(
                cost[i - 1][j] + drop,
                cost[i][j - 1] + put[j - 1],
                cost[i - 1][j - 1] + change,
            )
            for shown, misreads in _BY_LAST_LETTER.get(letter, ()):
                before = i - len(shown)
                if before < 0 or printed[before:i] != shown:
                    continue
                for misread in misreads:
                    start = j - len(misread)
                    if start >= 0 and read[start:j] == misread:
                        best = min(best, cost[before][start] + MISREAD_COST)
            cost[i][j] = best
    return cost[rows][cols]


def _same_case(word: str, like: str) -> str:
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def words_of(texts: Iterable[str]) -> set[str]:
    """Lower-case words of at least MIN_LETTERS letters in ``texts``."""
    return {w.lower() for text in texts for w in _WORD.findall(text) if len(w) >= MIN_LETTERS}


def read_vocabulary(path: Path) -> dict[str, list[str]]:
    """The lists of the vocabulary file (sagsemner, labels, words, ydelser, and the other
    provision lists' entries together as "provisions"); VocabularyError if bad."""
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise VocabularyError(f"{path.name}: cannot be read: {exc}") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{path.name}: expected a mapping of {', '.join(_KEYS)}")
    sections = data.get("provision_lists")
    provision_lists = (
        set(map(str, sections)) - set(_LIST_KEYS) if isinstance(sections, dict) else set()
    )
    unknown = sorted(set(map(str, data)) - set(_KEYS) - provision_lists)
    if unknown:
        raise VocabularyError(
            f"{path.name}: {unknown[0]}: unknown key (allowed: {', '.join(_KEYS)})"
        )
    lists: dict[str, list[str]] = {}
    for key in _LIST_KEYS:
        entries = data.get(key)
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            raise VocabularyError(f"{path.name}: {key}: expected a list of strings")
        lists[key] = entries
    # the other provision lists ("andre_love"), checked by extract.interpret.vocabulary
    lists["provisions"] = [
        e for key in sorted(provision_lists) for e in data.get(key) or () if isinstance(e, str)
    ]
    return lists


# provision_lists (the law area of each provision list, and so the names of the lists besides
# sagsemner) is read by extract.interpret.
_KEYS = ("sagsemner", "labels", "words", "provision_lists", "ydelser")
_LIST_KEYS = ("sagsemner", "labels", "words", "ydelser")


def repair_page(page: PageContent, lexicon: Lexicon) -> PageContent:
    """``page`` with its OCR'd words repaired (a page without OCR words is kept as is)."""
    if not any(word.source == "ocr" for word in page.words):
        return page
    seen: dict[str, str | None] = {}
    words: list[Word] = []
    for word in page.words:
        if word.source != "ocr":
            words.append(word)
            continue
        if word.text not in seen:
            seen[word.text] = lexicon.repair(word.text)
        repaired = seen[word.text]
        words.append(word if repaired is None else replace(word, text=repaired, read_as=word.text))
    return replace(page, words=tuple(words))


def build_lexicon(
    rules_dir: Path, reference: Reference, rule_texts: Iterable[str], periods: PeriodGrammar
) -> Lexicon:
    """The known words: the vocabulary file, the reference labels and the rules' texts; the
    period letters of ``periods`` (periods.yaml, as the vocabulary read it)."""
    lists = read_vocabulary(rules_dir / "reference" / VOCABULARY_FILE)
    phrases = (*lists["sagsemner"], *lists["ydelser"], *lists["provisions"], *lists["labels"])
    texts = [*phrases, *lists["words"], *rule_texts]
    for law in reference.law_areas:
        texts.extend((law.name, *law.labels))
    for measure in reference.measures:
        texts.extend(measure.labels)
    texts.extend(reference.national_labels)
    texts.extend(m.name for m in reference.municipalities)
    letters = PeriodLetters.of(periods)
    return Lexicon(frozenset(words_of(texts)), tuple(" ".join(p.split()) for p in phrases), letters)
