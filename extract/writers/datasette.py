"""Datasette's ``metadata.json`` for an ankestat SQLite database.

In: the database's name (its file stem, as Datasette names it). Out: the metadata as a dict
(``datasette_metadata``) or written beside the database (``write_metadata``): a title and
description, every table described, every ``records`` column described by the record
contract, sensible facets, and a canned query for the most asked question (one
municipality's measure over the years against the whole country).
Serve with ``datasette DIR/ankestat.sqlite -m DIR/metadata.json``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.codes import EntityScope
from extract.model import SCHEMA_VERSION
from extract.schema import record_schema

FILE_NAME = "metadata.json"

TABLES: dict[str, str] = {
    "records": "One row per value read: the record contract (record-schema.md).",
    "documents": "One row per document read, keyed by the sha256 of its bytes.",
    "findings": "Everything worth checking, per document: code, severity, place, records.",
    "municipalities": "The 98 municipalities: official code, name, region.",
    "cooperations": "Binding cooperations: who decides cases for whom, in which area.",
    "law_areas": "Law areas: contract code, official name, printed labels.",
    "measures": "Measures: contract code, unit, printed labels, share measure.",
    "figures": (
        "One row per figure (entity, municipality, period, law area, provision, measure) "
        "with every document's value for it: agreement (single, agree, conflict) to the "
        "printed rounding, spread, the preferred source by rules/figures.yaml, sources as JSON."
    ),
    "flags": "Flag codes on records, with their meanings.",
    "finding_codes": "Finding codes, with their meanings.",
}
FACETS: dict[str, list[str]] = {
    "records": ["measure", "law_area", "period", "status"],
    "documents": ["status", "document_type"],
    "findings": ["code", "severity"],
    "figures": ["agreement", "measure", "period"],
}
MEASURE_OVER_YEARS = f"""SELECT period, entity_scope, municipality, value, status, cell_text,
  source_file, page
FROM records
WHERE measure = :measure AND law_area = :law_area
  AND (municipality = :municipality OR entity_scope = '{EntityScope.NATIONAL}')
ORDER BY period, entity_scope, municipality"""


def datasette_metadata(database: str) -> dict[str, Any]:
    """The metadata for the database ``database`` (its name in Datasette: the file stem)."""
    schema = record_schema()
    columns = {name: spec.get("description", "") for name, spec in schema["properties"].items()}
    tables: dict[str, Any] = {
        name: {"description": text, **({"facets": FACETS[name]} if name in FACETS else {})}
        for name, text in TABLES.items()
    }
    tables["records"]["columns"] = columns
    return {
        "title": "ankestat: Danish appeals statistics read from documents",
        "description": (
            "Values read by ankestat, each traceable to its document, page and cell; "
            f"record schema version {SCHEMA_VERSION}. Suppressed values keep their status "
            "and have no value; flags say what to check."
        ),
        "source": "ankestat",
        "databases": {
            database: {
                "tables": tables,
                "queries": {
                    "measure_over_years": {
                        "title": "One municipality's measure over the years, and the country's",
                        "sql": MEASURE_OVER_YEARS,
                    }
                },
            }
        },
    }


def write_metadata(database: Path) -> Path:
    """Write ``metadata.json`` beside the database file ``database``; return its path."""
    target = database.with_name(FILE_NAME)
    text = json.dumps(datasette_metadata(database.stem), ensure_ascii=False, indent=1)
    target.write_text(text + "\n", encoding="utf-8")
    return target
