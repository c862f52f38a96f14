"""Cell grids of detected tables: ``detect_table_grids``, ``ankestat tables --grid/--csv``."""

from __future__ import annotations

import csv
import io
import json

import pytest

from extract.cli import main
from extract.detect import detect_table_grids, detect_tables
from extract.detect.export import grid_data
from extract.pipeline import read_document
from tests.conftest import SAMPLES

REPORT = SAMPLES / "aarsredegoerelse-2024.pdf"
SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"


def _spans(cells: list[dict[str, object]], rows: int) -> list[tuple[object, ...]]:
    return [
        (c["row"], c["col"], c["row_span"], c["col_span"], c["text"])
        for c in cells
        if isinstance(c["row"], int) and c["row"] < rows
    ]


def test_table_4_4_header_spans() -> None:
    detected = {t.candidate.table_id: t for t in detect_table_grids(read_document(REPORT))}
    (grid,) = detected["4.4"].grids
    data = grid_data(grid)
    assert (data["page"], data["n_rows"], data["n_cols"], data["detector"]) == (4, 13, 9, "ruled")
    assert _spans(data["cells"], 2) == [  # type: ignore[arg-type]
        (0, 0, 2, 1, ""),
        (0, 1, 1, 2, "Stadfæstet"),
        (0, 3, 1, 2, "Ændret/Ophævet"),
        (0, 5, 1, 2, "Hjemvist"),
        (0, 7, 2, 1, "Realitets- behandlede sager"),
        (0, 8, 2, 1, "Omgørelses- procent"),
        (1, 1, 1, 1, "Antal"),
        (1, 2, 1, 1, "Procent"),
        (1, 3, 1, 1, "Antal"),
        (1, 4, 1, 1, "Procent"),
        (1, 5, 1, 1, "Antal"),
        (1, 6, 1, 1, "Procent"),
    ]
    stadfaestet = data["cells"][1]  # type: ignore[index]
    assert stadfaestet["bbox"] == [209.37, 469.81, 256.61, 477.26]


def test_grids_follow_the_candidates() -> None:
    document = read_document(REPORT)
    detected = detect_table_grids(document)
    assert [t.candidate for t in detected] == detect_tables(document)
    by_id = {t.candidate.table_id: t for t in detected}
    assert [g.page for g in by_id["4.8"].grids] == [7, 8, 9, 10, 11]  # continued over 5 pages
    assert [g.page for g in by_id["4.2"].grids] == [3]


def test_cli_grid_json_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tables", "--grid", str(SUNDHED)]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    (grid,) = first["grids"]
    header = [c["text"] for c in grid["cells"] if c["row"] == 0]
    assert header[:3] == ["", "aktivlov", "Pensions- love"]
    assert main(["tables", "--csv", str(SUNDHED)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    stad = next(r for r in rows if r["text"] == "Stadfæstelser")
    where = (stad["table_id"], stad["page"], stad["col"], stad["row_span"], stad["col_span"])
    assert where == ("p1-t1", "1", "0", "1", "1")
    same_row = [r["text"] for r in rows if r["table_id"] == "p1-t1" and r["row"] == stad["row"]]
    assert same_row == ["Stadfæstelser", "15", "7", "4", "51", "0", "77"]
