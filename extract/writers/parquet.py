"""Parquet writer (pyarrow): one row per record, typed and nullable, columns in contract order.

The Arrow schema is derived from the record's JSON Schema (``extract.schema``), so the two
cannot drift: integers stay integers, ``value`` and ``ocr_confidence`` are doubles, a field
that may be null is nullable, the fields with a list of codes (``source_kind``, ``status``,
``unit``, ...) are dictionary-encoded strings, ``bbox`` and ``flags`` (plain strings) are lists, and
``cooperation`` a list of structs. The file's metadata carries ``ankestat.schema_version``,
and pandas' metadata so that ``pandas.read_parquet`` reads integers as nullable ``Int32``.
Records are written 10,000 at a time, so memory stays flat however many there are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.model import SCHEMA_VERSION, Record
from extract.schema import field_kind, record_schema
from extract.writers.jsonl import FIELD_NAMES, record_dict

if TYPE_CHECKING:
    from extract.writers import WriteOptions

ROWS_AT_ONCE = 10_000
SCHEMA_VERSION_KEY = b"ankestat.schema_version"


def _arrow_type(spec: dict[str, Any], column: bool = True) -> Any:
    """The Arrow type of one JSON Schema property (the subset the record schema uses); a
    column of codes is dictionary-encoded, codes inside a list are plain strings."""
    import pyarrow as pa

    kind, _, codes = field_kind(spec)
    if column and codes:
        return pa.dictionary(pa.int8(), pa.string())
    if kind == "integer":
        return pa.int32()
    if kind == "number":
        return pa.float64()
    if kind == "array":
        return pa.list_(_arrow_type(spec["items"], column=False))
    if kind == "object":
        properties = spec["properties"]
        return pa.struct([pa.field(n, _arrow_type(p, False), False) for n, p in properties.items()])
    return pa.string()


def _pandas_metadata(properties: dict[str, Any]) -> bytes:
    """pandas' own Parquet metadata naming the integer columns nullable ``Int32``, so
    ``pandas.read_parquet`` keeps a page or municipality code an integer (not a float with
    NaN) where some are null."""
    integers = [
        name
        for name in FIELD_NAMES
        if field_kind(properties[name])[0] == "integer" and not field_kind(properties[name])[2]
    ]
    columns = [
        {
            "name": n,
            "field_name": n,
            "pandas_type": "int32",
            "numpy_type": "Int32",
            "metadata": None,
        }
        for n in integers
    ]
    meta = {"index_columns": [], "column_indexes": [], "columns": columns}
    return json.dumps(
        {**meta, "creator": {"library": "ankestat", "version": SCHEMA_VERSION}}
    ).encode()


def arrow_schema() -> Any:
    """The Arrow schema of a record, from its JSON Schema; the schema version (and pandas'
    dtypes for the integer columns) in the metadata."""
    import pyarrow as pa

    properties = record_schema()["properties"]
    return pa.schema(
        [
            pa.field(name, _arrow_type(properties[name]), field_kind(properties[name])[1])
            for name in FIELD_NAMES
        ],
        metadata={
            SCHEMA_VERSION_KEY: SCHEMA_VERSION.encode(),
            b"pandas": _pandas_metadata(properties),
        },
    )


def _batches(records: Iterable[Record]) -> Iterator[list[dict[str, Any]]]:
    rows = (record_dict(r) for r in records)
    while batch := list(islice(rows, ROWS_AT_ONCE)):
        yield batch


class ParquetWriter:
    """Parquet (pyarrow), typed columns; needs the ``parquet`` extra."""

    name = "parquet"
    suffix = ".parquet"
    file_name = "records.parquet"
    description = "Parquet, typed and nullable columns, lists for flags and cooperation (pyarrow)"
    requires = ("pyarrow",)

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write ``records`` to ``path`` (replacing it), 10,000 rows per row group at most."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema()
        path.parent.mkdir(parents=True, exist_ok=True)
        with pq.ParquetWriter(path, schema) as out:
            for batch in _batches(records):
                out.write_table(pa.Table.from_pylist(batch, schema=schema))
