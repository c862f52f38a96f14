"""The run's fast ways of writing, held byte for byte to their definitions over every record of
the samples (the scans' from their golden records: no OCR here), of documents drawn by
``samples/variants`` and of a talportal-like export as csv and as xlsx (``bench/bench_sheets``),
plus awkward hand-made ones: a record's lines (``extract.writers.record_lines``) against its
``record_dict`` as JSON and each field's ``csv_cell`` through ``csv.writer``; a figure of one
record (``extract.figures.single``) against ``figure_row`` of the figure ``reconcile`` makes of
it, as ``FigureFiles.write`` writes it; and the figure files of a run of many documents the
fast way against the long way."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bench.bench_sheets import YEARS, _rows, build_csv, build_xlsx
from bench.generated import generate_documents
from extract import __version__
from extract.figures import single
from extract.figures.collect import collect_figures
from extract.figures.key import values_key
from extract.figures.output import figure_row, write_figures
from extract.figures.ranking import Ranking, load_ranking
from extract.figures.reconcile import reconcile
from extract.figures.sources import source_of
from extract.interpret.rulebook import Rulebook
from extract.model import Record
from extract.pipeline import process_file
from extract.writers import record_lines
from extract.writers.csv import csv_cell, dialect
from extract.writers.figure_rows import FIGURES_CSV, FIGURES_JSONL, figure_csv_row, figure_json
from extract.writers.jsonl import FIELD_NAMES, field_values, json_text, record_dict
from extract.writers.record_lines import CsvLine, JsonLine
from tests.conftest import RULES, SAMPLES
from tests.goldens import read_jsonl
from tests.writers.test_writer_rows import VARIANTS

DOCUMENTS = (".pdf", ".xlsx", ".csv", ".tiff")
DRAWN = 40  # documents drawn by samples/variants (seed SEED), pdf, xlsx and csv
SEED = "fast-lines"
EXPORT_ROWS = 300  # rows of the talportal-like export: 24 values each


def _golden(path: Path) -> list[Record]:
    """The records of a sample's golden file (as written: a rounded box; no engine version)."""
    out = []
    for data in read_jsonl(path):
        value = None if data["value"] is None else float(data["value"])
        out.append(Record(**{**data, "value": value, "engine_version": __version__}))
    return out


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory, rulebook: Rulebook) -> list[Record]:
    folder = tmp_path_factory.mktemp("inputs")
    generate_documents(folder / "drawn", SEED, DRAWN, ("pdf", "xlsx", "csv"))
    rows = _rows(EXPORT_ROWS)
    build_csv(rows, folder / "export.csv")
    build_xlsx(rows, folder / "export.xlsx", len(YEARS))
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in DOCUMENTS)
    scans = [p for p in samples if p.name.startswith("scan-")]
    read = [p for p in samples if p not in scans]
    read += [*sorted((folder / "drawn").iterdir()), folder / "export.csv", folder / "export.xlsx"]
    out = [r for path in read for r in process_file(path, rulebook).records]
    for scan in scans:
        golden = scan.with_name(scan.name.removesuffix(".pdf") + ".records.jsonl")
        out += _golden(golden)
    assert {p.name for p in samples} <= {r.source_file for r in out}
    assert len(out) > 12_000
    return [*out, *VARIANTS]


def _csv_written(rows: list[list[Any]], excel: bool = False) -> str:
    out = io.StringIO()
    delimiter, end = dialect(excel)
    csv.writer(out, delimiter=delimiter, lineterminator=end).writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("excel", [False, True])
def test_the_record_lines_are_their_definitions(records: list[Record], excel: bool) -> None:
    json_line, csv_line = JsonLine(), CsvLine(excel)
    for record in records:
        data = record_dict(record)
        values = field_values(record)
        assert json_line(values) == json_text(data) + "\n"
        cells = [csv_cell(name, data[name], excel) for name in FIELD_NAMES]
        assert csv_line(values) == _csv_written([cells], excel)


def _definition(record: Record, order: int, ranking: Ranking) -> tuple[str, str]:
    """The lines of the figure of ``record`` alone, the long way."""
    key = values_key(field_values(record))
    figure = reconcile(key, [source_of(record.__getattribute__, order, {})], ranking)
    row = figure_row(figure)
    return figure_json(row) + "\n", _csv_written([figure_csv_row(row)])


# awkward figures of one record: formula-like text, quotes and separators, cooperation
# entries (twice: a figure lists each once), a value of -0.0, none, a suppressed one
AWKWARD = [
    replace(VARIANTS[0], municipality="=Ishøj", provision='a "b", c', sheet="-"),
    replace(VARIANTS[0], cooperation=[VARIANTS[0].cooperation[0]] * 2, value=-0.0),
    replace(VARIANTS[1], status="suppressed", value=None, cell_text="..", record_id="-1"),
    replace(VARIANTS[1], municipality="", municipality_code=None, entity_scope="hele_landet"),
]


def test_a_figure_of_one_record_is_the_figure_reconciled(records: list[Record]) -> None:
    ranking = load_ranking([RULES])
    lines = single.SingleLines()
    for order, record in enumerate([*records, *AWKWARD]):
        values = field_values(record)
        assert lines.lines(values, values_key(values)) == _definition(record, order, ranking)


def test_parts_kept_past_their_limit_start_afresh(
    records: list[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(record_lines, "_LIMIT", 2)
    ranking = Ranking()
    lines, json_line, csv_line = single.SingleLines(), JsonLine(), CsvLine(excel=True)
    for order, record in enumerate(records[::7]):
        values, data = field_values(record), record_dict(record)
        assert lines.lines(values, values_key(values)) == _definition(record, order, ranking)
        assert json_line(values) == json_text(data) + "\n"
        cells = [csv_cell(name, data[name], True) for name in FIELD_NAMES]
        assert csv_line(values) == _csv_written([cells], True)


def _figure_files(records: list[Record], out: Path) -> tuple[str, str]:
    def read() -> Iterator[tuple[Any, ...]]:
        return map(field_values, records)

    ranking = load_ranking([RULES])
    summary = write_figures(collect_figures(read, ranking), ranking, out)
    assert sum(summary.counts().values()) > 0
    return (out / FIGURES_JSONL).read_text("utf-8"), (out / FIGURES_CSV).read_text("utf-8")


def test_a_run_s_figure_files_are_those_of_the_long_way(
    records: list[Record], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "fast").mkdir()
    (tmp_path / "long").mkdir()
    many = records + records[: len(records) // 3]  # figures of one record and of several
    fast = _figure_files(many, tmp_path / "fast")
    monkeypatch.setattr(single.SingleLines, "lines", lambda *_: None)
    assert fast == _figure_files(many, tmp_path / "long")
