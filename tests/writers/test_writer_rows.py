"""The writers' per-record fast forms against their definitions: ``csv_row`` writes as each
field's ``csv_cell`` of the ``record_dict`` value, ``record_json`` is ``json.dumps`` of
``record_dict``, and a pickled record (the spool) comes back equal."""

from __future__ import annotations

import csv
import io
import json
import pickle
from dataclasses import replace
from typing import Any

import pytest

from extract.model import Record
from extract.writers.csv import csv_cell, csv_row
from extract.writers.jsonl import FIELD_NAMES, record_dict, record_json
from tests.writers.test_writers import _record

# the writers' test record, with every field made awkward: a formula-like label and file
# name, OCR confidence, a cooperation with quotes, a provision, flags
BASE = replace(
    _record(),
    record_id="ab12",
    source_file="-x.pdf",
    source_sha256="0" * 64,
    source_kind="pdf_ocr",
    row_label="=SUM(A1)",
    cell_text="-37,9 %",
    ocr_confidence=71.0,
    cooperation=[{"delegating_code": 187, "delegating": "Vallensbæk", "area": 'æ "q"'}],
    provision="§ 1",
    value=37.9,
    flags=["low_ocr_confidence", "sum_mismatch"],
    rule_id="r",
)
VARIANTS = [
    BASE,
    replace(BASE, value=1278.0, ocr_confidence=None, bbox=None, cooperation=[], flags=[]),
    replace(BASE, value=None, status="suppressed", cell_text=".", row_label="-", page=None),
    replace(BASE, value=-12.0, cell_text="-12", row_label="\tx", sheet="Ark 1", cell_ref="C7"),
    replace(BASE, value=0.125, ocr_confidence=88.25, bbox=[1, 2.0049, 3.333, 4]),
    replace(BASE, row_label="", table_title=None, provision=None, municipality_code=None),
    replace(BASE, value=1e-07, ocr_confidence=1e16, cell_text="+1", provision="@x", sheet="-"),
    replace(BASE, value=12345678.9, source_kind="xlsx", cell_ref="\rA1", table_id="-1+1"),
]


@pytest.mark.parametrize("excel", [False, True])
@pytest.mark.parametrize("record", VARIANTS)
def test_csv_row_writes_csv_cell_of_each_record_dict_value(record: Record, excel: bool) -> None:
    data = record_dict(record)
    expected = [csv_cell(name, data[name], excel) for name in FIELD_NAMES]
    assert _written(csv_row(record, excel)) == _written(expected)


def _written(row: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out).writerow(row)
    return out.getvalue()


@pytest.mark.parametrize("record", VARIANTS)
def test_record_json_is_json_dumps_of_record_dict(record: Record) -> None:
    expected = json.dumps(record_dict(record), ensure_ascii=False, allow_nan=False)
    assert record_json(record) == expected


@pytest.mark.parametrize("record", VARIANTS)
def test_a_pickled_record_comes_back_equal(record: Record) -> None:
    again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == record and type(again) is Record
