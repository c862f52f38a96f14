"""The writers' per-record fast forms against their definitions: ``CsvLine`` is what
``csv.writer`` writes for each field's ``csv_cell`` of the ``record_dict`` value, ``JsonLine``
is ``json.dumps`` of ``record_dict``, ``CsvText`` is ``csv.writer``'s text of one cell, a
pickled record comes back equal, and a spool reads back as the records' values. (Over every
sample and drawn document: ``tests/figures/test_fast_lines.py``.)"""

from __future__ import annotations

import csv
import io
import json
import pickle
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from extract.codes import FileStatus
from extract.model import Record
from extract.results import FileResult, RecordSpool
from extract.writers.csv import CsvText, csv_cell, dialect
from extract.writers.jsonl import FIELD_NAMES, field_values, record_dict
from extract.writers.record_lines import CsvLine, JsonLine
from extract.writers.spool import SpoolSink, file_records, file_values, with_flags
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
    replace(BASE, record_id="a-b", cell_ref=None, cell_text='1;2 "x"\n', row_label="a\rb"),
    replace(BASE, value=-0.0, page=3, municipality_code=None, municipality=None, flags=[]),
    replace(BASE, value=0.0, sheet="a,b", table_title='say "hi"', law_label="=1", bbox=None),
    replace(BASE, value=1.0, cell_text="1,0", provision="; ,", period="2024-H1", page=None),
]
# the same records written one after another: what is kept from one to the next must not leak
RUN = [*VARIANTS, *VARIANTS[::-1], *VARIANTS]


def _written(rows: list[list[Any]], excel: bool) -> str:
    out = io.StringIO()
    delimiter, end = dialect(excel)
    csv.writer(out, delimiter=delimiter, lineterminator=end).writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("excel", [False, True])
def test_csv_line_writes_csv_cell_of_each_record_dict_value(excel: bool) -> None:
    line = CsvLine(excel)
    for record in RUN:
        data = record_dict(record)
        expected = _written([[csv_cell(name, data[name], excel) for name in FIELD_NAMES]], excel)
        assert line(field_values(record)) == expected


def test_json_line_is_json_dumps_of_record_dict() -> None:
    line = JsonLine()
    for record in RUN:
        expected = json.dumps(record_dict(record), ensure_ascii=False, allow_nan=False) + "\n"
        assert line(field_values(record)) == expected


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_a_value_json_cannot_hold_fails_the_fast_line_too(value: float) -> None:
    with pytest.raises(ValueError):
        JsonLine()(field_values(replace(BASE, value=value)))


CELLS = ["", "a", "a,b", "a;b", 'a"b', "a\rb", "a\nb", "\r\n", " a ", "'=1", "æ\u2028", '"']


@pytest.mark.parametrize("excel", [False, True])
def test_csv_text_is_the_text_csv_writer_writes_for_a_cell(excel: bool) -> None:
    delimiter, end = dialect(excel)
    text = CsvText(delimiter, end)
    for cell in CELLS:
        assert f"{text(cell)}{delimiter}x{end}" == _written([[cell, "x"]], excel)


@pytest.mark.parametrize("record", VARIANTS)
def test_a_pickled_record_comes_back_equal(record: Record) -> None:
    again = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == record and type(again) is Record


def test_a_spool_reads_back_as_values_and_as_records_with_its_late_flags(tmp_path: Path) -> None:
    sink = SpoolSink(tmp_path)
    sink.add(VARIANTS[:3])
    sink.add(VARIANTS[3:])
    spool = sink.finish({1: ("sum_mismatch", "ambiguous_number"), 4: ("rate_mismatch",)})
    result = FileResult("x.pdf", "x.pdf", FileStatus.OK, spool=spool)
    expected = list(VARIANTS)
    expected[1] = with_flags(expected[1], ["sum_mismatch", "ambiguous_number"])
    expected[4] = with_flags(expected[4], ["rate_mismatch"])
    assert list(file_records([result])) == expected
    assert list(file_values([result])) == [field_values(r) for r in expected]
    held = FileResult("x.pdf", "x.pdf", FileStatus.OK, records=tuple(expected))
    assert list(file_values([held, result])) == [field_values(r) for r in expected * 2]


def test_a_spool_of_records_an_earlier_version_wrote_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "old.records"
    with path.open("wb") as handle:  # batches of pickled Records, as spooled before
        pickle.dump(list(VARIANTS[:3]), handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.dump(list(VARIANTS[3:]), handle, protocol=pickle.HIGHEST_PROTOCOL)
    spool = RecordSpool(str(path), len(VARIANTS))
    result = FileResult("x.pdf", "x.pdf", FileStatus.OK, spool=spool)
    assert list(file_values([result])) == [field_values(r) for r in VARIANTS]
