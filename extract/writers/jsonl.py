"""JSON Lines writer, and the JSON form of one record that the flat writers build on.

``record_dict`` is the one place that turns a ``Record`` into plain values: keys in contract
order (``dataclasses.fields(Record)``), integral values as ints, bbox rounded to 2 decimals.
A record's values (``RecordValues``, ``field_values``: its fields in contract order) are what
the spool keeps and the fast writers read (``extract.writers.record_lines``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from json.encoder import encode_basestring
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import Record

if TYPE_CHECKING:
    from extract.writers import WriteOptions
    from extract.writers.record_lines import LineSink

FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Record))
# a record's fields in contract order: ``Record(*values)`` is the record again
RecordValues = tuple[Any, ...]
RECORD_ID, FLAGS = FIELD_NAMES.index("record_id"), FIELD_NAMES.index("flags")

BBOX_DECIMALS = 2
# every field's value in contract order, in one call
field_values: Callable[[Record], RecordValues] = attrgetter(*FIELD_NAMES)
# the JSON text of a value, as ``json.dumps(value, ensure_ascii=False, allow_nan=False)``
# (which builds this encoder on every call)
json_text: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False, allow_nan=False).encode


def json_string(value: Any) -> str:
    """``json_text`` of ``value``, the short way for text and None."""
    if value is None:
        return "null"
    return encode_basestring(value) if value.__class__ is str else json_text(value)


def json_int(value: Any) -> str:
    """``json_text`` of ``value``, the short way for an int and None."""
    if value is None:
        return "null"
    return int.__repr__(value) if value.__class__ is int else json_text(value)


def clean_number(value: float | None) -> int | float | None:
    """Return ``value`` as an int when it is integral (1278.0 -> 1278), else unchanged."""
    if value is None or isinstance(value, int):
        return value
    return int(value) if value.is_integer() else value


def rounded_bbox(bbox: Sequence[float] | None) -> list[float] | None:
    """A record's box as written: a new list, each coordinate rounded to 2 decimals."""
    return None if bbox is None else [round(float(x), BBOX_DECIMALS) for x in bbox]


def record_dict(record: Record) -> dict[str, Any]:
    """Return ``record`` as a JSON-ready dict: contract field order, clean numbers, new lists."""
    out: dict[str, Any] = dict(zip(FIELD_NAMES, field_values(record), strict=True))
    out["value"] = clean_number(record.value)
    out["bbox"] = rounded_bbox(record.bbox)
    out["cooperation"] = [dict(item) for item in record.cooperation]
    out["flags"] = list(record.flags)
    return out


class JsonlWriter:
    """JSON Lines: UTF-8, one record per line, keys in contract order."""

    name = "jsonl"
    suffix = ".jsonl"
    file_name = "records.jsonl"
    requires: tuple[str, ...] = ()
    description = "JSON Lines, UTF-8, one record per line (the default)"

    def open_lines(self, path: Path, options: WriteOptions) -> LineSink:
        """``path`` opened (replaced), taking records' values one at a time: one JSON object
        per line (``record_dict`` as JSON), LF endings."""
        from extract.writers.record_lines import JsonLine, LineSink

        path.parent.mkdir(parents=True, exist_ok=True)
        return LineSink(path.open("w", encoding="utf-8", newline="\n"), JsonLine())

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write ``records`` to ``path`` (``open_lines``)."""
        with self.open_lines(path, options) as lines:
            for record in records:
                lines.add(field_values(record))
