"""``datapackage.json`` beside ``records.csv``: a Frictionless Data Package whose Table Schema
is derived from the record's JSON Schema, so tools read the CSV with the right types.

In: the CSV's file name and dialect (plain, or Excel: ";" and a decimal comma). Out: the
package as a dict (``data_package``), or written beside the CSV (``write_data_package``, which
``ankestat extract`` calls after writing ``records.csv``). Fields get their type
(``integer``, ``number``, ``string``; list fields ``array``, as JSON text), the record
contract's description, ``required`` where the contract allows no null, and the codes a field
may hold as an ``enum`` constraint; an empty cell is a missing value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.model import SCHEMA_VERSION
from extract.schema import field_kind, record_schema
from extract.writers.jsonl import FIELD_NAMES

FILE_NAME = "datapackage.json"


def _field(name: str, spec: dict[str, Any], excel: bool) -> dict[str, Any]:
    """One Table Schema field from the JSON Schema property ``spec``."""
    kind, nullable, codes = field_kind(spec)
    field: dict[str, Any] = {
        "name": name,
        "type": {"integer": "integer", "number": "number", "array": "array"}.get(kind, "string"),
        "description": spec.get("description", ""),
    }
    if field["type"] == "number" and excel:
        field["decimalChar"] = ","
    constraints: dict[str, Any] = {}
    if not nullable:
        constraints["required"] = True
    if codes:
        constraints["enum"] = codes
    if constraints:
        field["constraints"] = constraints
    return field


def data_package(csv_name: str, excel: bool) -> dict[str, Any]:
    """The Data Package describing ``csv_name`` written in the plain or the Excel dialect."""
    schema = record_schema()
    properties = schema["properties"]
    dialect: dict[str, Any] = {"delimiter": ";" if excel else ","}
    return {
        "name": "ankestat-records",
        "title": "ankestat records",
        "description": schema["description"],
        "resources": [
            {
                "name": "records",
                "path": csv_name,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig" if excel else "utf-8",
                "dialect": dialect,
                "schema": {
                    "fields": [_field(n, properties[n], excel) for n in FIELD_NAMES],
                    "primaryKey": ["record_id"],
                    "missingValues": [""],
                },
            }
        ],
        "ankestat": {"schema_version": SCHEMA_VERSION},
    }


def write_data_package(csv_path: Path, excel: bool) -> Path:
    """Write ``datapackage.json`` beside ``csv_path``, describing it; return its path."""
    target = csv_path.with_name(FILE_NAME)
    text = json.dumps(data_package(csv_path.name, excel), ensure_ascii=False, indent=1)
    target.write_text(text + "\n", encoding="utf-8")
    return target
