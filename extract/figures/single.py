"""A figure that one record alone gives, straight to its lines in figures.jsonl and figures.csv.

In: the record's values and its figure's key (``collect`` knows no other record has that key).
Out: ``SingleLines`` gives the figure's two lines with their line ends: the bytes that
``FigureFiles.write`` writes for ``figure_row(reconcile(key, [source], ranking))`` (agreement
single, no spread, no conflicts, the record preferred when it is reported with a finite value)
without making the ``Source``, the ``Figure`` or the row. Parts that repeat from record to
record (the key's parts by row and by column, the file and table, the value with its status
and printed text, the cooperation) are made once by the definitions (``json_text``,
``figure_csv_cell``, ``printed_decimals``, ``merged_cooperation``) and kept by their values:
text, None, the key's int code, a float. None instead of lines for a record this way does not
cover (a field of an unexpected type): its figure goes the long way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

from extract.codes import Agreement, Status
from extract.figures.key import FigureKey, figure_id
from extract.figures.sources import cooperation_text, merged_cooperation, printed_decimals
from extract.writers.csv import CsvText, neutralised
from extract.writers.figure_rows import FIGURES_CSV_END, figure_csv_cell
from extract.writers.jsonl import (
    FIELD_NAMES,
    RecordValues,
    clean_number,
    json_int,
    json_string,
    json_text,
)
from extract.writers.record_lines import Kept

_fields = itemgetter(
    *(
        FIELD_NAMES.index(name)
        for name in (
            "record_id",
            "source_file",
            "source_sha256",
            "document_type",
            "source_kind",
            "page",
            "sheet",
            "cell_ref",
            "table_id",
            "bbox",
            "cell_text",
            "municipality",
            "cooperation",
            "period_type",
            "unit",
            "value",
            "status",
        )
    )
)
_REPORTED = str(Status.REPORTED)
_SINGLE = str(Agreement.SINGLE)
_csv_text = CsvText(",", FIGURES_CSV_END)


def _fields_text(names: Sequence[str], values: Sequence[Any]) -> tuple[str, str]:
    """Fields of a figure row in its JSON line (each after ", ") and in its CSV line (each
    after ",")."""
    pairs = list(zip(names, values, strict=True))
    return (
        "".join([f", {json_text(n)}: {json_text(v)}" for n, v in pairs]),
        "".join([f",{_csv_text(_cell(n, v))}" for n, v in pairs]),
    )


def _cell(name: str, value: Any) -> str:
    """A figure row's CSV cell as ``csv.writer`` takes it: text (``str`` of a number)."""
    cell = figure_csv_cell(name, value)
    return cell if isinstance(cell, str) else str(cell)


def _who(key: tuple[str, int | None, str | None]) -> tuple[str, str]:
    """The JSON and CSV of entity_scope, municipality_code and municipality."""
    scope, code, municipality = key
    names = ("entity_scope", "municipality_code", "municipality")
    return _fields_text(names, (scope, code, municipality or None))


def _what(key: tuple[str | None, str | None]) -> tuple[str, str]:
    """The JSON and CSV of law_area and provision (a row's, often)."""
    return _fields_text(("law_area", "provision"), key)


def _column(key: tuple[str, str, str, str]) -> tuple[str, str, str, str]:
    """When and which measure: the JSON and CSV of period and period_type, then of measure,
    unit, agreement and spread (and the JSON's name of preferred_record_id)."""
    period, period_type, measure, unit = key
    when = _fields_text(("period", "period_type"), (period, period_type))
    json_part, csv_part = _fields_text(
        ("measure", "unit", "agreement", "spread"), (measure, unit, _SINGLE, None)
    )
    return (*when, json_part + ', "preferred_record_id": ', csv_part)


def _file(key: tuple[str, str, str, str, str | None, str]) -> tuple[str, str, str]:
    """A source's file, kind and type (JSON, each after ", "); its sheet and table (JSON)."""
    file, sha256, document_type, kind, sheet, table = key
    names = ("source_file", "source_sha256", "document_type", "source_kind")
    return (
        _fields_text(names, (file, sha256, document_type, kind))[0],
        json_string(sheet),
        json_string(table),
    )


def _cooperation(text: str) -> tuple[str, str]:
    """A figure's cooperation (of its one source's ``cooperation_text``) as JSON and CSV."""
    return _fields_text(("cooperation",), (merged_cooperation([text]),))


def _value(key: tuple[float | None, str, str]) -> tuple[str, bool, str, str]:
    """The JSON of a source's value, status, printed text and decimals; whether the value is
    preferred (reported and finite), and the preferred value as JSON and as a CSV cell."""
    value, status, printed = key
    number = clean_number(value)
    text = (
        f'"value": {json_text(number)}, "status": {json_text(status)}, '
        f'"cell_text": {json_text(printed)}, "decimals": {printed_decimals(printed, value)}'
    )
    # (``reconcile``: the one source is preferred when reported with a finite value)
    preferred = status == _REPORTED and value is not None and math.isfinite(value)
    if not preferred:
        return text, False, "null", ""
    return text, True, json_text(number), _csv_text(str(number))


_NO_COOPERATION = _cooperation("[]")


class SingleLines:
    """The lines of figures of one record each, parts kept from one figure to the next."""

    def __init__(self) -> None:
        self._who = Kept(_who)
        self._what = Kept(_what)
        self._column = Kept(_column)
        self._file = Kept(_file)
        self._cooperation = Kept(_cooperation)
        self._value = Kept(_value)

    def lines(self, values: RecordValues, key: FigureKey) -> tuple[str, str] | None:
        """The JSON and CSV lines of the figure of ``key`` that the record of ``values`` alone
        gives; None when this way does not cover the record."""
        (rid, file, sha256, document_type, kind, page, sheet, ref, table, box, printed,
         municipality, cooperation, period_type, unit, value, status) = _fields(values)  # fmt: skip
        if (
            rid.__class__ is not str
            or not (value is None or value.__class__ is float)
            or not isinstance(printed, str)
            or not isinstance(status, str)
        ):
            return None
        scope, code, period, law, provision, measure = key
        who, what, column, at, kept = self._who, self._what, self._column, self._file, self._value
        who_json, who_csv = who.parts.get(k1 := (scope, code, municipality)) or who.made(k1)
        what_json, what_csv = what.parts.get(k2 := (law, provision)) or what.made(k2)
        k3 = (period, str(period_type), measure, str(unit))
        when_json, when_csv, measure_json, measure_csv = column.parts.get(k3) or column.made(k3)
        k4 = (file, sha256, str(document_type), str(kind), sheet, table)
        file_json, sheet_json, table_json = at.parts.get(k4) or at.made(k4)
        k5 = (value, str(status), str(printed))
        value_json, preferred, preferred_json, preferred_csv = kept.parts.get(k5) or kept.made(k5)
        if cooperation == []:
            cooperation_json, cooperation_csv = _NO_COOPERATION
        else:
            together = self._cooperation
            k6 = cooperation_text(cooperation)
            cooperation_json, cooperation_csv = together.parts.get(k6) or together.made(k6)
        rid_json = encode_basestring(rid)
        box_json = "null" if box is None else json_text([float(x) for x in box])
        sources = (
            f'[{{"record_id": {rid_json}{file_json}, "page": {json_int(page)}, '
            f'"sheet": {sheet_json}, "cell_ref": {json_string(ref)}, "table_id": {table_json}, '
            f'"bbox": {box_json}, {value_json}, "conflicts_with": []}}]'
        )
        fid = figure_id(key)
        json_line = (
            f'{{"figure_id": "{fid}"{who_json}{when_json}{what_json}{measure_json}'
            f'{rid_json if preferred else "null"}, "preferred_value": {preferred_json}'
            f'{cooperation_json}, "sources": {sources}}}\n'
        )
        rid_csv = (rid if rid.isalnum() else _csv_text(neutralised(rid))) if preferred else ""
        csv_line = (
            f"{fid}{who_csv}{when_csv}{what_csv}{measure_csv},{rid_csv},{preferred_csv}"
            f"{cooperation_csv},{_csv_text(neutralised(sources))}{FIGURES_CSV_END}"
        )
        return json_line, csv_line
