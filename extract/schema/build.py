"""The record's JSON Schema, built from the record contract's fields and ``extract.codes``.

``build_schema()`` returns the schema as a dict; ``schema_file_text()`` the text shipped as
``record.schema.json`` (a test checks the two agree). After changing a field or a code, write
the file again with ``python -m extract.schema.build``.
"""

from __future__ import annotations

import json
from dataclasses import fields
from enum import StrEnum
from pathlib import Path
from typing import Any

from extract.codes import (
    OBS_STATUS,
    DocumentTypeCode,
    EntityScope,
    Flag,
    LawAreaCode,
    PeriodType,
    SourceKind,
    Status,
    Unit,
)
from extract.model import SCHEMA_VERSION, Record

DESCRIPTION = (
    "One statistical value extracted from an ankestatistik document (tidy / long format). "
    f"Contract version {SCHEMA_VERSION}: fields may be added, never renamed or removed without "
    "a new schema version."
)
_NULLABLE_TEXT: dict[str, Any] = {"type": ["string", "null"]}
_TEXT: dict[str, Any] = {"type": "string", "minLength": 1}
# The record's fields, in contract order.
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Record))
_PERIOD_PATTERNS = {
    PeriodType.YEAR: "^[0-9]{4}$",
    PeriodType.HALF: "^[0-9]{4}-H[12]$",
    PeriodType.QUARTER: "^[0-9]{4}-Q[1-4]$",
    PeriodType.MONTH: "^[0-9]{4}-(0[1-9]|1[0-2])$",
}


def _codes(codes: type[StrEnum]) -> list[str]:
    return [code.value for code in codes]


def _properties() -> dict[str, dict[str, Any]]:
    """Each contract field's description and type, in contract order."""
    cooperation = {
        "type": "object",
        "properties": {
            "delegating_code": {"type": "integer"},
            "delegating": {"type": "string"},
            "area": {"type": "string"},
        },
        "required": ["delegating_code", "delegating", "area"],
        "additionalProperties": False,
    }
    return {
        "schema_version": {"description": "Version of this record contract.", "const": "1"},
        "record_id": {
            "description": "Deterministic id: hash of source_sha256 + table_id + row_key + "
            "column_key; the same input always gives the same ids.",
            **_TEXT,
        },
        "source_file": {
            "description": "File name as received (no directories).",
            **_TEXT,
            "pattern": "^[^/\\\\]+$",
        },
        "source_sha256": {
            "description": "SHA-256 of the input file bytes, lower-case hex.",
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
        },
        "source_kind": {"description": "How the values were read.", "enum": _codes(SourceKind)},
        "document_type": {"description": "Kind of document.", "enum": _codes(DocumentTypeCode)},
        "page": {
            "description": "1-based page number (PDF), or null.",
            "type": ["integer", "null"],
            "minimum": 1,
        },
        "sheet": {"description": "Sheet name (spreadsheets), or null.", **_NULLABLE_TEXT},
        "cell_ref": {
            "description": 'A1-style cell reference in the sheet (spreadsheets), e.g. "C7", '
            "or null.",
            **_NULLABLE_TEXT,
            "pattern": "^[A-Z]{1,3}[1-9][0-9]*$",
        },
        "table_id": {
            "description": 'Stable id of the table in the document, e.g. "p12-t1" or the '
            'caption number "4.4".',
            **_TEXT,
        },
        "table_title": {"description": "Caption as printed, or null.", **_NULLABLE_TEXT},
        "row_label": {
            "description": "Row label as printed, wrapped lines joined with one space.",
            "type": "string",
        },
        "column_label": {
            "description": 'Column header path as printed, levels joined with " / ".',
            "type": "string",
        },
        "cell_text": {"description": "The cell's raw text exactly as read.", "type": "string"},
        "bbox": {
            "description": "Cell box [x0, top, x1, bottom] in PDF points (top-left origin), "
            "or null.",
            "type": ["array", "null"],
            "items": {"type": "number"},
            "minItems": 4,
            "maxItems": 4,
        },
        "ocr_confidence": {
            "description": "OCR confidence 0-100 for OCR'd cells, or null.",
            "type": ["number", "null"],
            "minimum": 0,
            "maximum": 100,
        },
        "entity_scope": {"description": "Whose figures these are.", "enum": _codes(EntityScope)},
        "municipality_code": {
            "description": "Official 3-digit municipality code (kommuner.csv); null for "
            "hele_landet.",
            "type": ["integer", "null"],
            "minimum": 100,
            "maximum": 999,
        },
        "municipality": {
            "description": "Official municipality name; null for hele_landet.",
            **_NULLABLE_TEXT,
        },
        "cooperation": {
            "description": "For a deciding municipality in a known binding cooperation that "
            "year: the municipalities it decides for; else [].",
            "type": "array",
            "items": cooperation,
        },
        "period": {
            "description": '"2024", "2024-H1", "2024-Q3" or "2024-01".',
            "type": "string",
            "pattern": "^[0-9]{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$",
        },
        "period_type": {"description": "Granularity of period.", "enum": _codes(PeriodType)},
        "law_area": {
            "description": "Normalised law area code, or null.",
            "type": ["string", "null"],
            "enum": [*_codes(LawAreaCode), None],
        },
        "law_label": {"description": "Law as printed, or null.", **_NULLABLE_TEXT},
        "provision": {
            "description": "Provision (bestemmelse / sagsemne) as printed, or null for a "
            "law-level value.",
            **_NULLABLE_TEXT,
        },
        "measure": {
            "description": "Measure code from the domain brief, e.g. stadfaestet, "
            "omgoerelsesprocent.",
            "type": "string",
            "pattern": "^[a-z_]+$",
        },
        "unit": {"description": "Unit of value.", "enum": _codes(Unit)},
        "value": {
            "description": "The value (a percent as 37.9, not 0.379); null unless status is "
            "reported or nil.",
            "type": ["number", "null"],
        },
        "status": {
            "description": 'reported | suppressed (".", "..") | nil ("-": true zero) | '
            "not_applicable | missing (blank where a value belongs) | illegible (could not "
            "be read with certainty).",
            "enum": _codes(Status),
        },
        "obs_status": {
            "description": "status as an SDMX CL_OBS_STATUS code: reported/nil A, suppressed "
            "Q, not_applicable M, missing/illegible O.",
            "enum": list(dict.fromkeys(OBS_STATUS.values())),
        },
        "flags": {
            "description": "Validation findings on this value, e.g. sum_mismatch, "
            "low_ocr_confidence.",
            "type": "array",
            "items": {"enum": _codes(Flag)},
        },
        "rule_id": {"description": "Id of the rule that produced the record.", **_TEXT},
        "engine_version": {"description": "Package version of the engine.", **_TEXT},
    }


def _status_rules() -> list[dict[str, Any]]:
    """What each status says of the value and of obs_status."""
    value_of = {Status.REPORTED: {"type": "number"}, Status.NIL: {"const": 0}}
    said = {
        Status.REPORTED: "A reported value is a number.",
        Status.NIL: "nil is a true zero.",
        Status.SUPPRESSED: "A suppressed value is never 0: it is null.",
    }
    rules: list[dict[str, Any]] = []
    by_code: dict[str, list[Status]] = {}
    for status, code in OBS_STATUS.items():
        if status in value_of or status in said:
            rule: dict[str, Any] = {"description": said[status]} if status in said else {}
            rule["if"] = {"properties": {"status": {"const": status.value}}}
            value = value_of.get(status, {"type": "null"})
            rule["then"] = {"properties": {"value": value, "obs_status": {"const": code}}}
            rules.append(rule)
        else:
            by_code.setdefault(code, []).append(status)
    for code, statuses in by_code.items():
        test = (
            {"const": statuses[0].value}
            if len(statuses) == 1
            else {"enum": [s.value for s in statuses]}
        )
        then = {"value": {"type": "null"}, "obs_status": {"const": code}}
        rules.append({"if": {"properties": {"status": test}}, "then": {"properties": then}})
    return rules


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one record, properties in contract order."""
    properties = _properties()
    if tuple(properties) != FIELD_NAMES:
        raise AssertionError("the schema's fields differ from extract.model.Record's")
    national = {"municipality_code": {"type": "null"}, "municipality": {"type": "null"}}
    periods = [
        {
            "if": {"properties": {"period_type": {"const": kind.value}}},
            "then": {"properties": {"period": {"pattern": pattern}}},
        }
        for kind, pattern in _PERIOD_PATTERNS.items()
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "ankestat record",
        "description": DESCRIPTION,
        "type": "object",
        "x-field-order": list(FIELD_NAMES),
        "properties": properties,
        "required": list(FIELD_NAMES),
        "additionalProperties": False,
        "allOf": [
            *_status_rules(),
            {
                "description": "Figures for the whole country carry no municipality.",
                "if": {"properties": {"entity_scope": {"const": EntityScope.NATIONAL.value}}},
                "then": {"properties": national},
            },
            *periods,
        ],
    }


def schema_file_text() -> str:
    """``build_schema()`` as the text of ``record.schema.json`` (UTF-8, 2-space indent)."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    target = Path(__file__).with_name("record.schema.json")
    target.write_text(schema_file_text(), encoding="utf-8")
    print(f"wrote {target}")
