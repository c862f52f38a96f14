"""The published JSON Schema (draft 2020-12) of one record, shipped as ``record.schema.json``.

The file is the single source of the schema: ``ankestat schema`` prints ``schema_text()``, and
consumers can validate records against ``record_schema()``. ``field_kind`` reads one property's
type for the writers that derive their own schema from it (Parquet, the data package).
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "record.schema.json"


def schema_text() -> str:
    """Return the JSON Schema file of one record, exactly as shipped (UTF-8 text)."""
    return files(__name__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def record_schema() -> dict[str, Any]:
    """Return the JSON Schema of one record as a dict (properties in contract order)."""
    schema: dict[str, Any] = json.loads(schema_text())
    return schema


def field_kind(spec: dict[str, Any]) -> tuple[str, bool, list[Any]]:
    """One property's JSON type ("string", "integer", "number", "array", "object"), whether
    it may be null, and the codes it may hold (``enum`` or ``const``; [] when any value)."""
    kinds = spec.get("type", "string")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    kind = next((k for k in kinds if k != "null"), "string")
    nullable = "null" in kinds or None in spec.get("enum", ())
    codes = (
        [spec["const"]] if "const" in spec else [c for c in spec.get("enum", ()) if c is not None]
    )
    return kind, nullable, codes
