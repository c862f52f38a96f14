"""The vocabulary: every phrase a table label may be made of, and what each one means.

In: the reference data (measures, law areas, national labels, municipalities), ``words.yaml``,
``periods.yaml`` and the provision lists of ``vocabulary.yaml``. Out: a ``Vocabulary`` whose
``phrases`` map a sequence of word heads (noise words left out) to ``Meaning``s: a measure, a
law area, an entity, an aspect (count or share), a total, or an axis word. Labels are read word
by word through the ``WordBook``, so "Stadfæstede sager" and "Stadfæstelser" are the same phrase.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING

import yaml

from extract.codes import EntityScope
from extract.interpret.ocr_lexicon import VocabularyError
from extract.interpret.periods import PeriodGrammar, load_periods
from extract.interpret.words import WordBook, load_words, tokens
from extract.normalise.labels import label_key
from extract.normalise.reference import Reference

if TYPE_CHECKING:
    from extract.interpret.reading import Reading

VOCABULARY_FILE = "vocabulary.yaml"
NATIONAL = EntityScope.NATIONAL
# "Lov om (en) ..." at the start of a law's name.
_LAW_OF = re.compile(r"^lov om (?:en )?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a phrase says: ``dim`` is measure, law, entity, aspect, total or axis; ``value``
    is the code (a measure or law-area code, "hele_landet" or a municipality code, "count" or
    "share", an axis name; "" for a total)."""

    dim: str
    value: str

    def __str__(self) -> str:
        return f"{self.dim}={self.value}" if self.value else self.dim


@dataclass(frozen=True, slots=True)
class KnownProvision:
    """A provision from a known list, the law area it belongs to and the last year it does;
    ``listed_under``: the law areas a table may list it under (its own, and those that came
    into force after that year, which took its cases over: "Børn - …" under Barnets lov)."""

    label: str
    law: str
    until: int | None
    listed_under: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Vocabulary:
    """Phrases and their meanings, the word book they are read with, the period grammar,
    and the known provisions (by ``label_key``)."""

    words: WordBook
    periods: PeriodGrammar
    reference: Reference
    phrases: Mapping[tuple[str, ...], tuple[Meaning, ...]]
    prefixes: frozenset[tuple[str, ...]]
    provisions: Mapping[str, KnownProvision]
    # measure -> the label keys of the rows it counts (antal_personer: the benefits)
    counted: Mapping[str, frozenset[str]]
    # (label key, label as listed, meaning) of measures, law areas, entities: "did you mean"
    names: tuple[tuple[str, str, Meaning], ...]
    _near: dict[str, tuple[tuple[str, Meaning], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # the readings of labels read so far (by ``Reader``), kept across tables and files
    readings: dict[str, Reading] = field(default_factory=dict, compare=False, repr=False)

    def heads(self, text: str) -> list[str]:
        """The word heads of a label, noise left out (its phrase key)."""
        out: list[str] = []
        for token in tokens(text):
            readings = self.words.read(token)
            words = readings[0] if readings else (token.rstrip("-"),)
            out.extend(w for w in words if w not in self.words.noise)
        return out

    def nearest(self, text: str, limit: int = 3) -> tuple[tuple[str, Meaning], ...]:
        """The vocabulary labels closest to ``text``, with their meanings ("did you mean")."""
        key = label_key(text)
        if key not in self._near:
            keys = [k for k, _, _ in self.names]
            close = difflib.get_close_matches(key, keys, n=limit, cutoff=0.6)
            by_key = {k: (label, meaning) for k, label, meaning in self.names}
            self._near[key] = tuple(by_key[k] for k in close)
        return self._near[key]


def build_vocabulary(directory: Path, reference: Reference) -> Vocabulary:
    """The vocabulary of the reference folder ``directory`` (reference data already loaded)."""
    base = load_words(directory)
    periods = load_periods(directory)
    labelled = list(_labelled(reference))
    base = base.with_words(_class_words(base), content=False)
    new_words = {
        token.rstrip("-") for text, _ in labelled for token in tokens(text) if not base.read(token)
    }
    words = base.with_words(new_words)
    phrases: dict[tuple[str, ...], list[Meaning]] = {}
    names: dict[str, tuple[str, Meaning]] = {}
    draft = Vocabulary(words, periods, reference, {}, frozenset(), {}, {}, ())
    for text, meaning in labelled:
        key = tuple(draft.heads(text))
        if key and meaning not in phrases.setdefault(key, []):
            phrases[key].append(meaning)
        if meaning.dim in ("measure", "law", "entity"):
            names.setdefault(label_key(text), (text, meaning))
    for word, meaning in _word_meanings(words):
        if meaning not in phrases.setdefault((word,), []):
            phrases[(word,)].append(meaning)
    prefixes = frozenset(key[:n] for key in phrases for n in range(1, len(key) + 1))
    return Vocabulary(
        words,
        periods,
        reference,
        MappingProxyType({k: tuple(v) for k, v in phrases.items()}),
        prefixes,
        MappingProxyType(_provisions(directory, reference)),
        MappingProxyType(_counted(directory, reference)),
        tuple((key, label, meaning) for key, (label, meaning) in names.items()),
    )


def _labelled(reference: Reference) -> Iterable[tuple[str, Meaning]]:
    """Every listed label with its meaning."""
    for measure in reference.measures:
        for label in measure.labels:
            yield label, Meaning("measure", measure.code)
    for area in reference.law_areas:
        for label in (area.name, *area.labels):
            yield label, Meaning("law", area.code)
            short = _LAW_OF.sub("", label)
            if short != label:  # "Lov om social pension" is also printed "Social pension"
                yield short, Meaning("law", area.code)
    for label in reference.national_labels:
        yield label, Meaning("entity", NATIONAL)
    for m in reference.municipalities:
        for name in _name_forms(m.name):
            yield name, Meaning("entity", str(m.code))


def _name_forms(name: str) -> list[str]:
    """A municipality's name, its genitive (or the name without it), and the old "Aa"/"Å"
    spellings."""
    forms = [name]
    if name.startswith("Aa"):
        forms.append("Å" + name[2:].replace("aa", "å"))
    elif name.startswith("Å"):
        forms.append("Aa" + name[1:])
    # "Nordfyns", "Vesthimmerlands": official names in the genitive, also printed without it
    bare = [f[:-1] for f in forms if f.endswith("s")]
    return forms + bare + [f + "s" for f in forms if not f.endswith("s")]


def _class_words(words: WordBook) -> set[str]:
    """The words of the word classes (noise, total, aspects, axes), as known words."""
    return {*words.noise, *words.total, *words.aspects, *words.axes}


def _word_meanings(words: WordBook) -> Iterable[tuple[str, Meaning]]:
    """One-word phrases of the word classes: totals, aspects, axes."""
    for word in sorted(words.total):
        yield words.head(word) or word, Meaning("total", "")
    for word, aspect in sorted(words.aspects.items()):
        yield words.head(word) or word, Meaning("aspect", aspect)
    for word, axis in sorted(words.axes.items()):
        yield words.head(word) or word, Meaning("axis", axis)


def _provisions(directory: Path, reference: Reference) -> dict[str, KnownProvision]:
    """Known provisions by label key: the lists that vocabulary.yaml's ``provision_lists``
    gives a law area (and a last year) for."""
    path = directory / VOCABULARY_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    lists = data.get("provision_lists") or {}
    laws = {area.code for area in reference.law_areas}
    out: dict[str, KnownProvision] = {}
    for section, spec in lists.items():
        where = f"{VOCABULARY_FILE}: provision_lists.{section}"
        if not isinstance(spec, dict) or spec.get("law") not in laws:
            raise VocabularyError(f"{where}: needs 'law', a law area code")
        until = spec.get("until")
        if until is not None and not isinstance(until, int):
            raise VocabularyError(f"{where}.until: expected a year")
        labels = data.get(section)
        if not isinstance(labels, list):
            raise VocabularyError(f"{where}: no list '{section}' in the file")
        later = {c for c, y in reference.law_from_year.items() if until and y > until}
        under = frozenset({str(spec["law"]), *later})
        for label in labels:
            out[label_key(str(label))] = KnownProvision(str(label), str(spec["law"]), until, under)
    return out


def _counted(directory: Path, reference: Reference) -> dict[str, frozenset[str]]:
    """For each measure with ``counts``, the label keys of the vocabulary.yaml list it names."""
    measures = [m for m in reference.measures if m.counts]
    if not measures:
        return {}
    data = yaml.safe_load((directory / VOCABULARY_FILE).read_text(encoding="utf-8")) or {}
    out: dict[str, frozenset[str]] = {}
    for measure in measures:
        labels = data.get(measure.counts)
        if not isinstance(labels, list):
            raise VocabularyError(
                f"measures.yaml: measure {measure.code!r}: counts {measure.counts!r} is no "
                f"list of {VOCABULARY_FILE}"
            )
        out[measure.code] = frozenset(label_key(str(label)) for label in labels)
    return out
