"""Truth lines: one per printed value cell, written beside each document, and their check.

A line says where the cell is (page and box, or sheet and cell reference), what it shows,
what it means (the record key, value and status), whether the engine must emit a record
there (``expect``), and the table's layout draw (``axes``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.codes import Status, Unit
from samples.variants import periods
from samples.variants.model import Truth

KEYS = (
    "doc",
    "format",
    "family",
    "table",
    "page",
    "bbox",
    "sheet",
    "cell_ref",
    "cell_text",
    "entity_scope",
    "municipality_code",
    "period",
    "period_type",
    "law_area",
    "provision",
    "measure",
    "unit",
    "value",
    "status",
    "expect",
    "axes",
)
STATUSES = tuple(Status)
UNITS = tuple(Unit)


def line(
    doc: str,
    fmt: str,
    family: str,
    table: int,
    where: dict[str, Any],
    text: str,
    t: Truth,
    axes: dict[str, str],
) -> dict[str, Any]:
    """One truth line; ``where`` holds page/bbox or sheet/cell_ref."""
    out: dict[str, Any] = {
        "doc": doc,
        "format": fmt,
        "family": family,
        "table": table,
        "page": where.get("page"),
        "bbox": where.get("bbox"),
        "sheet": where.get("sheet"),
        "cell_ref": where.get("cell_ref"),
        "cell_text": text,
        "entity_scope": t.entity_scope,
        "municipality_code": t.municipality_code,
        "period": t.period,
        "period_type": t.period_type,
        "law_area": t.law_area,
        "provision": t.provision,
        "measure": t.measure,
        "unit": t.unit,
        "value": t.value,
        "status": t.status,
        "expect": t.expect,
        "axes": axes,
    }
    return out


def write(path: Path, lines: list[dict[str, Any]]) -> None:
    path.write_text(
        "".join(json.dumps(x, ensure_ascii=False, sort_keys=False) + "\n" for x in lines),
        encoding="utf-8",
    )


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def problems(x: dict[str, Any]) -> list[str]:
    """What is wrong with one truth line (empty when it is well-formed)."""
    out = []
    if tuple(x) != KEYS:
        out.append(f"keys {list(x)}")
        return out
    if x["expect"] not in ("record", "none"):
        out.append(f"expect {x['expect']!r}")
    if x["format"] == "pdf":
        bbox = x["bbox"]
        if x["page"] is None or x["page"] < 1 or not isinstance(bbox, list) or len(bbox) != 4:
            out.append("pdf line without page/bbox")
        elif not (bbox[0] < bbox[2] and bbox[1] < bbox[3]):
            out.append(f"empty bbox {bbox}")
    elif not x["cell_ref"]:
        out.append("sheet line without cell_ref")
    if x["expect"] == "none":
        return out
    if x["entity_scope"] == "kommune":
        if not isinstance(x["municipality_code"], int):
            out.append("kommune without code")
    elif x["entity_scope"] != "hele_landet" or x["municipality_code"] is not None:
        out.append(f"entity {x['entity_scope']}/{x['municipality_code']}")
    try:
        p = periods.parse(x["period"] or "")
        if p.type != x["period_type"] or p.canonical != x["period"]:
            out.append(f"period {x['period']} / {x['period_type']}")
    except ValueError:
        out.append(f"period {x['period']!r} not canonical")
    if x["status"] not in STATUSES or x["unit"] not in UNITS:
        out.append(f"status/unit {x['status']}/{x['unit']}")
    has_value = x["value"] is not None
    if (x["status"] in ("reported", "nil")) != has_value:
        out.append(f"status {x['status']} with value {x['value']}")
    if x["status"] == "nil" and x["value"] != 0:
        out.append("nil with a value other than 0")
    return out
