"""Reference data: one frozen ``Reference``, checked for consistency across its entries.

In: the municipalities, cooperations, law areas, measures and national labels read from
``rules/reference/*`` (``reference_files.load_reference``). Out: a ``Reference`` with label
indexes (keys from ``label_key``) built on creation. Every problem raises
``ReferenceDataError`` naming the file, the entry and the key (``Entry`` reads one entry).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from extract.codes import Unit
from extract.normalise.identities import Identities
from extract.normalise.labels import label_key

LAW_AREAS_FILE = "law_areas.yaml"
MEASURES_FILE = "measures.yaml"
NATIONAL_FILE = "national.yaml"
MUNICIPALITIES_FILE = "kommuner.csv"
COOPERATIONS_FILE = "samarbejder.csv"


class ReferenceDataError(ValueError):
    """A reference file is missing or invalid; the message names file, entry and key."""

    def __init__(self, file: str, entry: str | None, key: str | None, problem: str) -> None:
        self.file = file
        self.entry = entry
        self.key = key
        parts = [file]
        if entry:
            parts.append(entry)
        parts.append(f"{key} {problem}" if key else problem)
        super().__init__(": ".join(parts))


@dataclass(frozen=True, slots=True)
class Municipality:
    """One municipality: official code, name and region."""

    code: int
    name: str
    region: str


@dataclass(frozen=True, slots=True)
class Cooperation:
    """A binding cooperation: ``deciding`` decides cases for ``delegating`` in ``area``.

    ``from_year``/``to_year`` are inclusive; None means the bound is not known.
    """

    deciding_code: int
    deciding: str
    delegating_code: int
    delegating: str
    area: str
    from_year: int | None
    to_year: int | None
    source: str

    def active_in(self, year: int) -> bool:
        """True unless ``year`` lies outside a known bound."""
        if self.from_year is not None and year < self.from_year:
            return False
        return self.to_year is None or year <= self.to_year


@dataclass(frozen=True, slots=True)
class LawArea:
    """One law area: contract code, official name, printed labels, and the first year it
    existed (None: always), before which a "-" printed for it means not applicable."""

    code: str
    name: str
    labels: tuple[str, ...]
    from_year: int | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    """One measure: contract code, unit, printed labels, its share measure if any,
    whether its values have a law area (``has_law``), and whether they are the whole
    country's unless the table itself names a municipality (``national``: Ankestyrelsen's
    own figures, its cases before the courts)."""

    code: str
    unit: str
    labels: tuple[str, ...]
    share: str | None = None
    has_law: bool = True
    counts: str | None = None
    national: bool = False


@dataclass(frozen=True)
class Reference:
    """All reference data, plus label indexes (keys from ``label_key``) built on creation.

    Creating a Reference checks consistency across entries (duplicate codes, labels claimed
    by two codes, share measures, cooperation codes) and raises ``ReferenceDataError``.
    """

    municipalities: tuple[Municipality, ...]
    cooperations: tuple[Cooperation, ...]
    law_areas: tuple[LawArea, ...]
    measures: tuple[Measure, ...]
    national_labels: tuple[str, ...]
    unprinted_law: str | None = None
    identities: Identities = field(default_factory=Identities)
    law_area_keys: Mapping[str, str] = field(init=False, repr=False, compare=False)
    measure_keys: Mapping[str, str] = field(init=False, repr=False, compare=False)
    national_keys: frozenset[str] = field(init=False, repr=False, compare=False)
    municipality_keys: Mapping[str, Municipality] = field(init=False, repr=False, compare=False)
    municipality_by_code: Mapping[int, Municipality] = field(init=False, repr=False, compare=False)
    measure_by_code: Mapping[str, Measure] = field(init=False, repr=False, compare=False)
    law_from_year: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = _municipality_index(self.municipalities)
        municipality_keys = _municipality_keys(self.municipalities)
        _check_cooperations(self.cooperations, by_code)
        measure_by_code = _measure_index(self.measures)
        law_area_entries = ((a.code, (a.name, *a.labels)) for a in self.law_areas)
        measure_entries = ((m.code, m.labels) for m in self.measures)
        sets = object.__setattr__
        sets(self, "municipality_by_code", MappingProxyType(by_code))
        sets(self, "municipality_keys", MappingProxyType(municipality_keys))
        sets(self, "measure_by_code", MappingProxyType(measure_by_code))
        first_years = {a.code: a.from_year for a in self.law_areas if a.from_year is not None}
        sets(self, "law_from_year", MappingProxyType(first_years))
        sets(self, "law_area_keys", _label_index(LAW_AREAS_FILE, "law area", law_area_entries))
        sets(self, "measure_keys", _label_index(MEASURES_FILE, "measure", measure_entries))
        sets(self, "national_keys", _national_keys(self.national_labels, municipality_keys))

    def measure_unit(self, code: str) -> str:
        """Unit of measure ``code``; KeyError if the measure is unknown."""
        return self._measure(code).unit

    def share_of(self, code: str) -> str | None:
        """Code of the percent measure that is ``code``'s share, or None; KeyError if unknown."""
        return self._measure(code).share

    def is_measure(self, code: str) -> bool:
        """True if ``code`` is a known measure code."""
        return code in self.measure_by_code

    def _measure(self, code: str) -> Measure:
        try:
            return self.measure_by_code[code]
        except KeyError:
            raise KeyError(f"unknown measure {code!r}") from None


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of one file being read: turns raw values into typed ones or raises."""

    file: str
    name: str | None = None

    def fail(self, key: str | None, problem: str) -> ReferenceDataError:
        return ReferenceDataError(self.file, self.name, key, problem)

    def keys(
        self, body: Mapping[str, Any], required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> None:
        """Every required key present, no unknown key."""
        for key in required:
            if key not in body:
                raise self.fail(key, "is missing")
        for key in body:
            if key not in required + optional:
                raise self.fail(str(key), f"is not a known key ({', '.join(required + optional)})")

    def text(self, key: str, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be a non-empty string, got {value!r}")
        return value

    def labels(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, "must be a non-empty list of strings")
        return tuple(self.text(key, item) for item in value)

    def integer(self, key: str, text: str, low: int, high: int) -> int:
        number = int(text) if text.strip().isdigit() else low - 1
        if not low <= number <= high:
            raise self.fail(f"{key} {text!r}", f"is not an integer {low}-{high}")
        return number


# --- consistency across entries ---------------------------------------------------------------


def _municipality_index(municipalities: tuple[Municipality, ...]) -> dict[int, Municipality]:
    index: dict[int, Municipality] = {}
    for m in municipalities:
        if index.setdefault(m.code, m) is not m:
            entry = Entry(MUNICIPALITIES_FILE, f"municipality {m.name!r}")
            raise entry.fail(f"kode {m.code}", "is a duplicate")
    return index


# A municipality's name: words joined by hyphens ("Lyngby-Taarbæk"); running text is
# searched for names word by word (``extract.normalise.labels.find_municipality``).
_NAME = re.compile(r"^\w+(?:-\w+)*$")


def _municipality_keys(municipalities: tuple[Municipality, ...]) -> dict[str, Municipality]:
    """Index of name keys: the name, and the name with hyphens as spaces ("Høje Taastrup")."""
    keys: dict[str, Municipality] = {}
    for m in municipalities:
        if not _NAME.match(m.name):
            entry = Entry(MUNICIPALITIES_FILE, f"municipality {m.code}")
            raise entry.fail(f"navn {m.name!r}", "must be words joined by hyphens")
        name_key = label_key(m.name)
        for key in (name_key, name_key.replace("-", " ")):
            other = keys.setdefault(key, m)
            if other.code != m.code:
                entry = Entry(MUNICIPALITIES_FILE, f"municipality {m.code}")
                raise entry.fail(f"navn {m.name!r}", f"is also the name of {other.code}")
    return keys


def _check_cooperations(
    cooperations: tuple[Cooperation, ...], by_code: Mapping[int, Municipality]
) -> None:
    """Each cooperation's codes must be municipalities and its names their official names."""
    for c in cooperations:
        entry = Entry(COOPERATIONS_FILE, f"cooperation {c.deciding_code}->{c.delegating_code}")
        if c.deciding_code == c.delegating_code:
            raise entry.fail("delegerende_kode", "equals bemyndiget_kode")
        for key, code, name in (
            ("bemyndiget", c.deciding_code, c.deciding),
            ("delegerende", c.delegating_code, c.delegating),
        ):
            known = by_code.get(code)
            if known is None:
                raise entry.fail(f"{key}_kode {code}", f"is not in {MUNICIPALITIES_FILE}")
            if known.name != name:
                raise entry.fail(f"{key} {name!r}", f"is not the name of {code} ({known.name!r})")


def _measure_index(measures: tuple[Measure, ...]) -> dict[str, Measure]:
    """Index by code; a share must name a known percent measure and sit on a non-percent one."""
    index: dict[str, Measure] = {}
    for m in measures:
        if index.setdefault(m.code, m) is not m:
            raise Entry(MEASURES_FILE, f"measure {m.code!r}").fail(None, "is a duplicate")
    for m in measures:
        if m.share is None:
            continue
        entry, key = Entry(MEASURES_FILE, f"measure {m.code!r}"), f"share {m.share!r}"
        target = index.get(m.share)
        if target is None:
            raise entry.fail(key, "is not a known measure")
        if target.unit != Unit.PERCENT:
            raise entry.fail(key, f"is not a percent measure (unit {target.unit!r})")
        if m.unit == Unit.PERCENT:
            raise entry.fail(key, "is set on a percent measure")
    return index


def _label_index(
    file: str, kind: str, entries: Iterable[tuple[str, tuple[str, ...]]]
) -> dict[str, str]:
    """Map each label's key to its code; an empty key or one claimed by two codes is an error."""
    index: dict[str, str] = {}
    for code, labels in entries:
        entry = Entry(file, f"{kind} {code!r}")
        for label in labels:
            key = label_key(label)
            other = index.setdefault(key, code)
            if not key:
                raise entry.fail(f"label {label!r}", "is empty")
            if other != code:
                raise entry.fail(f"label {label!r}", f"is also a label of {kind} {other!r}")
    return index


def _national_keys(
    labels: tuple[str, ...], municipality_keys: Mapping[str, Municipality]
) -> frozenset[str]:
    """Keys of the national labels; none may also be a municipality name."""
    entry = Entry(NATIONAL_FILE, "hele_landet")
    for label in labels:
        key = label_key(label)
        if not key:
            raise entry.fail(f"label {label!r}", "is empty")
        if key in municipality_keys:
            raise entry.fail(f"label {label!r}", f"is also a name in {MUNICIPALITIES_FILE}")
    return frozenset(label_key(label) for label in labels)
