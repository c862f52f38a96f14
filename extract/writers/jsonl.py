"""JSON Lines writer, and the JSON form of one record that the flat writers build on.

``record_dict`` is the one place that turns a ``Record`` into plain values: keys in contract
order (``dataclasses.fields(Record)``), integral values as ints, bbox rounded to 2 decimals.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import Record

if TYPE_CHECKING:
    from extract.writers import WriteOptions

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Record))

BBOX_DECIMALS = 2
# every field's value in contract order, in one call
field_values = attrgetter(*FIELD_NAMES)
# ``json.dumps(..., ensure_ascii=False, allow_nan=False)`` builds this encoder on every call
_ENCODE = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def clean_number(value: float | None) -> int | float | None:
    """Return ``value`` as an int when it is integral (1278.0 -> 1278), else unchanged."""
    if value is None or isinstance(value, int):
        return value
    return int(value) if value.is_integer() else value


def record_dict(record: Record) -> dict[str, Any]:
    """Return ``record`` as a JSON-ready dict: contract field order, clean numbers, new lists."""
    out: dict[str, Any] = dict(zip(FIELD_NAMES, field_values(record), strict=True))
    out["value"] = clean_number(record.value)
    out["bbox"] = (
        None if record.bbox is None else [round(float(x), BBOX_DECIMALS) for x in record.bbox]
    )
    out["cooperation"] = [dict(item) for item in record.cooperation]
    out["flags"] = list(record.flags)
    return out


def record_json(record: Record) -> str:
    """Return ``record`` as one line of JSON (UTF-8 text, no ASCII escaping, no NaN)."""
    out: dict[str, Any] = dict(zip(FIELD_NAMES, field_values(record), strict=True))
    out["value"] = clean_number(record.value)
    if record.bbox is not None:
        out["bbox"] = [round(float(x), BBOX_DECIMALS) for x in record.bbox]
    return _ENCODE(out)  # (the lists as they are: the same text as ``record_dict``'s copies)


class JsonlWriter:
    """JSON Lines: UTF-8, one record per line, keys in contract order."""

    name = "jsonl"
    suffix = ".jsonl"
    file_name = "records.jsonl"
    requires: tuple[str, ...] = ()
    description = "JSON Lines, UTF-8, one record per line (the default)"

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write ``records`` to ``path`` (replacing it), one JSON object per line, LF endings."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.writelines(record_json(record) + "\n" for record in records)
