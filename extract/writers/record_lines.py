"""A record's line in the JSON Lines file and in the CSV, made from its values, fast: the bytes
of ``json.dumps`` of its ``record_dict`` and of ``csv.writer`` writing each field's ``csv_cell``.

In: a record's values (``RecordValues``: its fields in contract order, as spooled). Out:
``JsonLine`` and ``CsvLine``, callables giving one line with its line end, and ``LineSink``,
which writes them to a file. Most fields repeat from record to record (per file and table,
per row, per column): their text is made once by the definitions (``json_text``; ``csv_cell``
as ``csv.writer`` writes it) and kept by those fields' values (``_Kept``), fields that hold
text or None only, so equal values have equal text. The fields that change with each value
(record id, page, cell, printed text, box, value, flags...) are written per record: a short
way where it gives the same text (an int, a plain text), the definition otherwise. ``Kept``
(what is made once and kept by what it is made of) serves ``extract.figures.single`` too.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from operator import itemgetter
from typing import Any, Generic, TextIO, TypeVar

from extract.writers.csv import CsvText, csv_cell, dialect
from extract.writers.jsonl import (
    FIELD_NAMES,
    RecordValues,
    clean_number,
    json_int,
    json_string,
    json_text,
    rounded_bbox,
)

# the fields kept by value, by what they change with: the file and table, the row, the column
_CONST = (
    "schema_version",
    "source_file",
    "source_sha256",
    "source_kind",
    "document_type",
    "sheet",
    "table_id",
    "table_title",
    "entity_scope",
    "period_type",
    "law_area",
    "law_label",
    "unit",
    "status",
    "obs_status",
    "rule_id",
    "engine_version",
)
_ROW = ("row_label", "municipality", "provision")
_COLUMN = ("column_label", "period", "measure")
# the fields written per record, in the order ``_direct`` gives them
_DIRECT = (
    "record_id",
    "page",
    "cell_ref",
    "cell_text",
    "bbox",
    "ocr_confidence",
    "municipality_code",
    "cooperation",
    "value",
    "flags",
)
_direct = itemgetter(*(FIELD_NAMES.index(name) for name in _DIRECT))
_LIMIT = 4096  # the most kept by one ``Kept``: past it, it starts afresh
_CHUNK = 1024  # lines written to the file at once

FieldText = Callable[[int, Any], str]
Key = TypeVar("Key", bound=Hashable)
Made = TypeVar("Made")


class Kept(Generic[Key, Made]):
    """What ``make`` makes of a key, kept by the key (at most ``_LIMIT``: past it, afresh).
    Ask ``parts.get(key) or made(key)`` (what is empty is made again each time)."""

    def __init__(self, make: Callable[[Key], Made]) -> None:
        self.parts: dict[Key, Made] = {}
        self._make = make

    def made(self, key: Key) -> Made:
        """Make the part of ``key`` and keep it."""
        if len(self.parts) >= _LIMIT:
            self.parts.clear()
        made = self.parts[key] = self._make(key)
        return made


def _runs(positions: Sequence[int]) -> list[list[int]]:
    """``positions`` (ascending) cut into runs of consecutive ones."""
    runs: list[list[int]] = []
    for position in positions:
        if runs and runs[-1][-1] == position - 1:
            runs[-1].append(position)
        else:
            runs.append([position])
    return runs


class _Group(Kept[tuple[Any, ...], tuple[str, ...]]):
    """The texts of a group of fields, kept by their values (``key`` picks them from a record's
    values): per run of consecutive fields, the ``text`` of each field (its separator before
    it, but at the line's start) joined."""

    def __init__(self, names: Sequence[str], text: FieldText) -> None:
        positions = sorted(FIELD_NAMES.index(name) for name in names)
        runs = [[positions.index(p) for p in run] for run in _runs(positions)]

        def make(key: tuple[Any, ...]) -> tuple[str, ...]:
            return tuple("".join(text(positions[i], key[i]) for i in run) for run in runs)

        super().__init__(make)
        self.key: Callable[[RecordValues], tuple[Any, ...]] = itemgetter(*positions)

    def texts(self, values: RecordValues) -> tuple[str, ...]:
        """The group's texts for a record's values (made once per distinct values)."""
        return self.parts.get(key := self.key(values)) or self.made(key)


def _groups(text: FieldText) -> tuple[_Group, _Group, _Group]:
    return _Group(_CONST, text), _Group(_ROW, text), _Group(_COLUMN, text)


def _json_field(position: int, value: Any) -> str:
    """A field in the JSON object: a comma first (but for the first field), name and value."""
    text = f"{json_text(FIELD_NAMES[position])}: {json_text(value)}"
    return f", {text}" if position else text


class JsonLine:
    """A record's line in the JSON Lines file: its ``record_dict`` as JSON (``json_text``), a
    newline."""

    def __init__(self) -> None:
        self._const, self._row, self._column = _groups(_json_field)
        # a float value's text (-0.0 and 0.0 share one: both are written 0)
        self._numbers: Kept[float, str] = Kept(lambda value: json_text(clean_number(value)))

    def _value(self, value: Any) -> str:
        if value.__class__ is not float:
            return json_text(clean_number(value))
        return self._numbers.parts.get(value) or self._numbers.made(value)

    def __call__(self, values: RecordValues) -> str:
        c, r, k = self._const.texts(values), self._row.texts(values), self._column.texts(values)
        c0, c1, c2, c3, c4, c5, c6, c7, c8 = c
        r0, r1, r2 = r
        k0, k1, k2 = k
        rid, page, ref, printed, box, confidence, code, cooperation, value, flags = _direct(values)
        return (
            f'{{{c0}, "record_id": {json_string(rid)}{c1}, '
            f'"page": {json_int(page)}{c2}, "cell_ref": {json_string(ref)}{c3}{r0}{k0}, '
            f'"cell_text": {json_string(printed)}, '
            f'"bbox": {"null" if box is None else json_text(rounded_bbox(box))}, '
            f'"ocr_confidence": {"null" if confidence is None else json_text(confidence)}{c4}, '
            f'"municipality_code": {json_int(code)}{r1}, '
            f'"cooperation": {"[]" if cooperation == [] else json_text(cooperation)}{k1}{c5}{r2}'
            f'{k2}{c6}, "value": {self._value(value)}{c7}, '
            f'"flags": {"[]" if flags == [] else json_text(flags)}{c8}}}\n'
        )


class CsvLine:
    """A record's line in the CSV, plain or for Excel (``excel``): as ``csv.writer`` writes
    the ``csv_cell`` of each field, with the CSV's line end."""

    def __init__(self, excel: bool) -> None:
        delimiter, self._end = dialect(excel)
        quoted = CsvText(delimiter, self._end)

        def field(position: int, value: Any) -> str:
            text = quoted(csv_cell(FIELD_NAMES[position], value, excel))
            return delimiter + text if position else text

        def cell(name: str) -> Callable[[Any], str]:
            return lambda value: quoted(csv_cell(name, value, excel))

        self._excel, self._delimiter, self._quoted = excel, delimiter, quoted
        self._const, self._row, self._column = _groups(field)
        self._printed: Kept[str, str] = Kept(cell("cell_text"))
        # a float value's text (-0.0 and 0.0 share one: both are written 0)
        value_cell = cell("value")
        self._numbers: Kept[float, str] = Kept(lambda value: value_cell(clean_number(value)))

    def _cell(self, name: str, value: Any) -> str:
        """The definition: the text ``csv.writer`` writes for the field's ``csv_cell``."""
        return self._quoted(csv_cell(name, value, self._excel))

    def _id(self, name: str, value: Any) -> str:
        if value.__class__ is str and value.isalnum():  # nothing to quote or neutralise
            return value
        return self._cell(name, value)

    def _int(self, name: str, value: Any) -> str:
        if value is None:
            return ""
        return int.__repr__(value) if value.__class__ is int else self._cell(name, value)

    def _text(self, value: Any) -> str:
        if value.__class__ is not str:
            return self._cell("cell_text", value)
        return self._printed.parts.get(value) or self._printed.made(value)

    def _value(self, value: Any) -> str:
        if value.__class__ is not float:
            return self._cell("value", clean_number(value))
        return self._numbers.parts.get(value) or self._numbers.made(value)

    def __call__(self, values: RecordValues) -> str:
        d = self._delimiter
        c, r, k = self._const.texts(values), self._row.texts(values), self._column.texts(values)
        c0, c1, c2, c3, c4, c5, c6, c7, c8 = c
        r0, r1, r2 = r
        k0, k1, k2 = k
        rid, page, ref, printed, box, confidence, code, cooperation, value, flags = _direct(values)
        return (
            f"{c0}{d}{self._id('record_id', rid)}{c1}{d}{self._int('page', page)}{c2}"
            f"{d}{self._id('cell_ref', ref)}{c3}{r0}{k0}{d}{self._text(printed)}"
            f"{d}{'' if box is None else self._cell('bbox', rounded_bbox(box))}"
            f"{d}{'' if confidence is None else self._cell('ocr_confidence', confidence)}{c4}"
            f"{d}{self._int('municipality_code', code)}{r1}"
            f"{d}{'[]' if cooperation == [] else self._cell('cooperation', cooperation)}"
            f"{k1}{c5}{r2}{k2}{c6}{d}{self._value(value)}{c7}"
            f"{d}{'[]' if flags == [] else self._cell('flags', flags)}{c8}{self._end}"
        )


class LineSink:
    """Lines of records, each made from the record's values by ``line``, written to the open
    text file ``handle`` a chunk at a time; ``close`` writes the rest and closes the file."""

    def __init__(self, handle: TextIO, line: Callable[[RecordValues], str]) -> None:
        self._handle = handle
        self._line = line
        self._lines: list[str] = []

    def add(self, values: RecordValues) -> None:
        """Add the line of one record."""
        lines = self._lines
        lines.append(self._line(values))
        if len(lines) >= _CHUNK:
            self._handle.write("".join(lines))
            lines.clear()

    def close(self) -> None:
        self._handle.write("".join(self._lines))
        self._lines.clear()
        self._handle.close()

    def __enter__(self) -> LineSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
