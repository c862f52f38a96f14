"""Reference files: read and validate ``rules/reference/*`` into one ``Reference``.

``law_areas.yaml`` (law-area code -> name, labels), ``measures.yaml`` (measure code -> unit,
labels, share measure), ``national.yaml`` (labels for the whole country), ``kommuner.csv``
(the 98 municipalities), ``samarbejder.csv`` (known binding cooperations). Every problem
raises ``ReferenceDataError`` naming the file, the entry and the key.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from extract.codes import LawAreaCode, Unit
from extract.normalise.identities import Identities, IdentityError, parse_identities
from extract.normalise.reference import (
    COOPERATIONS_FILE,
    LAW_AREAS_FILE,
    MEASURES_FILE,
    MUNICIPALITIES_FILE,
    NATIONAL_FILE,
    Cooperation,
    Entry,
    LawArea,
    Measure,
    Municipality,
    Reference,
)

FIRST_YEAR, LAST_YEAR = 1990, 2099

_MUNICIPALITY_HEADER = "kode,navn,region"
_COOPERATION_HEADER = (
    "bemyndiget_kode,bemyndiget,delegerende_kode,delegerende,omraade,fra,til,kilde"
)


def load_reference(directory: Path) -> Reference:
    """Read and validate the five reference files in ``directory``; return a Reference."""
    measures, unprinted_law, identities = _read_measures(directory / MEASURES_FILE)
    law_areas = _read_law_areas(directory / LAW_AREAS_FILE)
    if unprinted_law is not None and unprinted_law not in {a.code for a in law_areas}:
        raise Entry(MEASURES_FILE).fail(
            f"unprinted_law {unprinted_law!r}", f"is not a law area of {LAW_AREAS_FILE}"
        )
    return Reference(
        municipalities=_read_municipalities(directory / MUNICIPALITIES_FILE),
        cooperations=_read_cooperations(directory / COOPERATIONS_FILE),
        law_areas=law_areas,
        measures=measures,
        national_labels=_read_national(directory / NATIONAL_FILE),
        unprinted_law=unprinted_law,
        identities=identities,
    )


# --- YAML files -----------------------------------------------------------------------------


def _load_yaml(path: Path, top_key: str, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    """Parse ``path``: a mapping with ``top_key`` and perhaps the ``optional`` keys."""
    whole = Entry(path.name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise whole.fail(None, f"file not found in {path.parent}") from None
    except yaml.YAMLError as exc:
        raise whole.fail(None, f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or top_key not in data:
        raise whole.fail(top_key, "is missing at the top level")
    whole.keys(data, (top_key,), optional)
    return {str(k): v for k, v in data.items()}


def _entries(file: str, kind: str, value: object) -> list[tuple[str, Entry, dict[str, Any]]]:
    """Check ``value`` is a mapping of code -> mapping; return (code, entry, body) items."""
    if not isinstance(value, dict) or not value:
        raise Entry(file).fail(None, f"expected a mapping of {kind} codes")
    items = []
    for code, body in value.items():
        entry = Entry(file, f"{kind} {code!r}")
        if not isinstance(code, str) or not code.isidentifier() or code != code.lower():
            raise entry.fail(None, "code must be a lowercase identifier")
        if not isinstance(body, dict):
            raise entry.fail(None, "must be a mapping")
        items.append((code, entry, body))
    return items


def _read_law_areas(path: Path) -> tuple[LawArea, ...]:
    areas = []
    data = _load_yaml(path, "law_areas")["law_areas"]
    for code, entry, body in _entries(path.name, "law area", data):
        entry.keys(body, ("name", "labels"), ("from_year",))
        if code not in frozenset(LawAreaCode):
            contract = ", ".join(LawAreaCode)
            raise entry.fail(None, f"not a law area of the record contract ({contract})")
        name = entry.text("name", body["name"])
        first = body.get("from_year")
        if first is not None:
            first = entry.integer("from_year", str(first), FIRST_YEAR, LAST_YEAR)
        areas.append(LawArea(code, name, entry.labels("labels", body["labels"]), first))
    return tuple(areas)


def _read_measures(path: Path) -> tuple[tuple[Measure, ...], str | None, Identities]:
    """The measures, the law area of values printed without one, and the identities."""
    data = _load_yaml(path, "measures", ("unprinted_law", "identities"))
    measures = []
    for code, entry, body in _entries(path.name, "measure", data["measures"]):
        entry.keys(body, ("unit", "labels"), ("share", "law", "counts", "entity"))
        unit = body["unit"]
        if unit not in frozenset(Unit):
            raise entry.fail(f"unit {unit!r}", f"is not one of {', '.join(Unit)}")
        labels = entry.labels("labels", body["labels"])
        share = entry.text("share", body["share"]) if "share" in body else None
        law = body.get("law", "any")
        if law not in ("any", "none"):
            raise entry.fail(f"law {law!r}", "must be 'none' (no law area) or left out")
        counts = entry.text("counts", body["counts"]) if "counts" in body else None
        entity = body.get("entity", "any")
        if entity not in ("any", "national"):
            raise entry.fail(f"entity {entity!r}", "must be 'national' or left out")
        measures.append(
            Measure(code, unit, labels, share, law != "none", counts, entity == "national")
        )
    unprinted = data.get("unprinted_law")
    try:
        identities = parse_identities(data.get("identities"), {m.code for m in measures})
    except IdentityError as exc:
        raise Entry(path.name).fail(None, str(exc)) from None
    return tuple(measures), None if unprinted is None else str(unprinted), identities


def _read_national(path: Path) -> tuple[str, ...]:
    entry = Entry(path.name, "hele_landet")
    return entry.labels("labels", _load_yaml(path, "hele_landet")["hele_landet"])


# --- CSV files ------------------------------------------------------------------------------


def _csv_rows(path: Path, header: str) -> Iterator[tuple[Entry, dict[str, str]]]:
    """Yield (entry "row N", stripped row) for each data row, after checking the header."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except FileNotFoundError:
        raise Entry(path.name).fail(None, f"file not found in {path.parent}") from None
    with handle:
        reader = csv.DictReader(handle)
        if ",".join(reader.fieldnames or ()) != header:
            raise Entry(path.name, "header").fail(None, f"columns must be {header}")
        for row in reader:
            entry = Entry(path.name, f"row {reader.line_num}")
            if None in row or None in row.values():
                raise entry.fail(None, f"must have {header.count(',') + 1} fields")
            yield entry, {k: v.strip() for k, v in row.items()}


def _read_municipalities(path: Path) -> tuple[Municipality, ...]:
    return tuple(
        Municipality(
            code=entry.integer("kode", row["kode"], 100, 999),
            name=entry.text("navn", row["navn"]),
            region=entry.text("region", row["region"]),
        )
        for entry, row in _csv_rows(path, _MUNICIPALITY_HEADER)
    )


def _read_cooperations(path: Path) -> tuple[Cooperation, ...]:
    result = []
    for entry, row in _csv_rows(path, _COOPERATION_HEADER):
        first, last = (
            entry.integer(key, row[key], FIRST_YEAR, LAST_YEAR) if row[key] else None
            for key in ("fra", "til")
        )
        if first is not None and last is not None and first > last:
            raise entry.fail(f"til {last}", f"is before fra {first}")
        result.append(
            Cooperation(
                deciding_code=entry.integer("bemyndiget_kode", row["bemyndiget_kode"], 100, 999),
                deciding=entry.text("bemyndiget", row["bemyndiget"]),
                delegating_code=entry.integer(
                    "delegerende_kode", row["delegerende_kode"], 100, 999
                ),
                delegating=entry.text("delegerende", row["delegerende"]),
                area=entry.text("omraade", row["omraade"]),
                from_year=first,
                to_year=last,
                source=entry.text("kilde", row["kilde"]),
            )
        )
    return tuple(result)
