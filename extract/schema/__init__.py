"""The published JSON Schema (draft 2020-12) of one record, shipped as ``record.schema.json``.

The file is the single source of the schema: ``ankestat schema`` prints ``schema_text()``, and
consumers can validate records against ``record_schema()``.
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
