"""What names a figure: its key and the id made from it.

In: a record's fields (any getter by field name: a ``Record``'s attributes or a SQLite row),
or its values in contract order (``values_key``). Out: ``FigureKey`` (entity_scope,
municipality_code, period, law_area, provision, measure; municipality_code None for the whole
country) and ``figure_id``, 24 hex digits of the key's sha256, made like record ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from extract.writers.jsonl import FIELD_NAMES, RecordValues

# the fields of a record that make up a figure's key, in key order
KEY_FIELDS: tuple[str, ...] = (
    "entity_scope",
    "municipality_code",
    "period",
    "law_area",
    "provision",
    "measure",
)

FigureKey = tuple[str, int | None, str, str | None, str | None, str]
_key_parts = itemgetter(*(FIELD_NAMES.index(name) for name in KEY_FIELDS))


def figure_key(get: Callable[[str], Any]) -> FigureKey:
    """The key of the record whose fields ``get`` reads by name."""
    return key_of([get(name) for name in KEY_FIELDS])


def values_key(values: RecordValues) -> FigureKey:
    """The key of the record of ``values`` (its fields in contract order)."""
    return key_of(_key_parts(values))


def key_of(parts: Sequence[Any]) -> FigureKey:
    """The key of a record whose ``KEY_FIELDS`` hold ``parts``."""
    scope, code, period, law, provision, measure = parts
    return (
        str(scope),
        None if code is None else int(code),
        str(period),
        law,
        provision,
        str(measure),
    )


def figure_id(key: FigureKey) -> str:
    """Deterministic id of a figure: sha256 over its key's parts (a null part as "\\x00")."""
    text = "\x1f".join(["\x00" if part is None else str(part) for part in key])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
