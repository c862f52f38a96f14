"""``ankestat extract`` over the digital samples that give "Hele landet, serviceloven,
omgørelsesprocent, 2020": figures.jsonl/.csv, the SQLite ``figures`` table, the flag
``conflict_other_document`` in the records and in report.txt, and the report's section."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from extract.cli import main
from extract.writers.figure_rows import FIGURE_FIELDS, FigureFiles
from tests.conftest import SAMPLES

DIGITAL = (
    "referat-ishoej-byraad-2022-10-31.pdf",
    "referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
    "regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx",
    "talportal-ishoej-serviceloven-2019-2021.csv",
    "talportal-ishoej-serviceloven-2019-2021.xlsx",
)
ACCEPTANCE = ("hele_landet", None, "2020", "serviceloven", None, "omgoerelsesprocent")
# (record id, file, place, printed, value) of the digital sources, in input order
DIGITAL_SOURCES = [
    ("9f55c6ac22dcc9bc2070eda5", DIGITAL[0], (1, None, None), "36,2 %", 36.2),
    ("aa151364120c408f14a74a72", DIGITAL[1], (1, None, None), "36", 36),
    ("42eb1d1171aa1e52a47775ce", DIGITAL[2], (None, "Omgørelsesprocent", "D4"), "0.363", 36.3),
    ("3bdacd5bbd4dc52dd593f6cb", DIGITAL[2], (None, "Omgørelsesprocent", "E10"), "36", 36),
    ("5fcd7394d80b178bb94d6d3b", DIGITAL[3], (None, None, "S5"), "36,2", 36.2),
    ("00b13341bbfba5c02b7c122c", DIGITAL[4], (None, "Talportal", "S5"), "0.362", 36.2),
]
SHEET_363 = "42eb1d1171aa1e52a47775ce"
PRINTED_362 = {"9f55c6ac22dcc9bc2070eda5", "5fcd7394d80b178bb94d6d3b", "00b13341bbfba5c02b7c122c"}
# the byråd minutes' realitetsbehandlede 2021: 52 on page 1, 50 on page 4 (talportal: 52);
# the 52 disagrees only within its own document, the 50 with the talportal exports too
SAME_DOCUMENT_ONLY = "e0440471878b022abc4cb0e6"
ACROSS_DOCUMENTS = "e41020c92fb40b914eee9974"
FLAG = "conflict_other_document"


def key_of(row: dict[str, Any]) -> tuple[Any, ...]:
    names = ("entity_scope", "municipality_code", "period", "law_area", "provision", "measure")
    return tuple(row[name] for name in names)


def figure_rows(out: Path) -> list[dict[str, Any]]:
    lines = (out / "figures.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("figures") / "out"
    paths = [str(SAMPLES / name) for name in DIGITAL]
    args = ["extract", *paths, "--out", str(target), "--format", "jsonl,csv,sqlite", "--quiet"]
    assert main([*args, "--jobs", "2"]) == 0
    return target


def test_the_acceptance_figure_from_the_digital_samples(out: Path) -> None:
    rows = figure_rows(out)
    assert list(rows[0]) == list(FIGURE_FIELDS)
    assert len({row["figure_id"] for row in rows}) == len(rows)
    assert len({key_of(row) for row in rows}) == len(rows)  # one row per key
    (figure,) = [row for row in rows if key_of(row) == ACCEPTANCE]
    assert (figure["agreement"], figure["spread"]) == ("conflict", 0.3)
    assert (figure["preferred_record_id"], figure["preferred_value"]) == (
        "5fcd7394d80b178bb94d6d3b",  # talportal ranks first; the csv was read first
        36.2,
    )
    assert (figure["unit"], figure["period_type"], figure["municipality"]) == (
        "percent",
        "year",
        None,
    )
    got = [
        (
            s["record_id"],
            s["source_file"],
            (s["page"], s["sheet"], s["cell_ref"]),
            s["cell_text"],
            s["value"],
        )
        for s in figure["sources"]
    ]
    assert got == DIGITAL_SOURCES
    conflicts = {s["record_id"]: set(s["conflicts_with"]) for s in figure["sources"]}
    assert conflicts[SHEET_363] == PRINTED_362
    assert all(conflicts[rid] == {SHEET_363} for rid in PRINTED_362)
    assert conflicts["aa151364120c408f14a74a72"] == conflicts["3bdacd5bbd4dc52dd593f6cb"] == set()
    assert [s["decimals"] for s in figure["sources"]] == [1, 0, 1, 0, 1, 1]


def test_the_report_counts_figures_and_lists_the_conflicting_ones(out: Path) -> None:
    report = json.loads((out / "report.json").read_text("utf-8"))
    rows = figure_rows(out)
    counts = report["totals"]["figures_by_agreement"]
    assert counts == {"single": 318, "agree": 43, "conflict": 3}
    assert sum(counts.values()) == len(rows)
    conflicts = report["figure_conflicts"]
    assert [key_of(row) for row in conflicts] == [
        key_of(row) for row in rows if row["agreement"] == "conflict"
    ]
    text = (out / "report.txt").read_text("utf-8")
    section = text[text.index("== Figures: 318 single, 43 agree, 3 conflict") :]
    assert "Hele landet, serviceloven, omgoerelsesprocent, 2020 (figure " in section
    assert (
        "  regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx, sheet 'Omgørelsesprocent' cell "
        "D4: printed '0.363', value 36.3 (reported), disagrees with 3 sources"
    ) in section
    assert (
        "  referat-ishoej-sundhedsudvalg-2021-03-08.pdf, page 1: printed '36', value 36 "
        "(reported)\n"
    ) in section


def _flagged(rows: list[dict[str, Any]]) -> set[str]:
    return {row["record_id"] for row in rows if FLAG in row["flags"]}


def test_records_in_a_cross_document_conflict_carry_the_flag(out: Path) -> None:
    lines = (out / "records.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    flagged = _flagged(records)
    assert {SHEET_363, *PRINTED_362, ACROSS_DOCUMENTS} <= flagged
    assert SAME_DOCUMENT_ONLY not in flagged
    assert "aa151364120c408f14a74a72" not in flagged  # the 36 agrees with both
    expected = {
        s["record_id"]
        for row in figure_rows(out)
        for s in row["sources"]
        if any(
            other["source_sha256"] != s["source_sha256"]
            for other in row["sources"]
            if other["record_id"] in s["conflicts_with"]
        )
    }
    assert flagged == expected and len(flagged) == 10
    with (out / "records.csv").open(encoding="utf-8", newline="") as fh:
        rows = [{**row, "flags": json.loads(row["flags"])} for row in csv.DictReader(fh)]
    assert _flagged(rows) == flagged
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        stored = conn.execute("SELECT record_id, flags FROM records").fetchall()
    assert _flagged([{"record_id": r, "flags": json.loads(f)} for r, f in stored]) == flagged
    # the flag stays beside the within-document one
    (across,) = [r for r in records if r["record_id"] == ACROSS_DOCUMENTS]
    assert across["flags"] == ["conflict_other_document", "conflict_other_source"]


def test_report_txt_lists_the_flagged_records_under_their_file(out: Path) -> None:
    text = (out / "report.txt").read_text("utf-8")
    part = text[text.index("== regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx") :]
    part = part[: part.index("\n== ")]
    assert (
        "sheet 'Omgørelsesprocent' cell D4, table s1-t1, row 'Serviceloven', column "
        "'Hele landet / 2020': printed '0.363', reported: conflict_other_document (another "
        "document gives the same figure"
    ) in part
    assert "cell E10" not in part  # the 36 agrees with every source


def test_figures_csv_and_the_sqlite_table_hold_the_same_figures(out: Path) -> None:
    rows = figure_rows(out)
    with (out / "figures.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [row["figure_id"] for row in table] == [row["figure_id"] for row in rows]
    by_id = {row["figure_id"]: row for row in table}
    for row in rows:
        got = by_id[row["figure_id"]]
        assert json.loads(got["sources"]) == row["sources"]
        assert got["agreement"] == row["agreement"]
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        conn.row_factory = sqlite3.Row
        stored = {r["figure_id"]: dict(r) for r in conn.execute("SELECT * FROM figures")}
    assert set(stored) == {row["figure_id"] for row in rows}
    for row in rows:
        got = stored[row["figure_id"]]
        assert json.loads(got["sources"]) == row["sources"]
        assert json.loads(got["cooperation"]) == row["cooperation"]
        assert (got["agreement"], got["spread"], got["preferred_value"]) == (
            row["agreement"],
            row["spread"],
            row["preferred_value"],
        )
    metadata = json.loads((out / "metadata.json").read_text("utf-8"))
    assert "figures" in metadata["databases"]["ankestat"]["tables"]


def test_a_figure_links_the_cooperation_of_its_records(out: Path) -> None:
    rows = figure_rows(out)
    ishoej = [row for row in rows if row["municipality_code"] == 183]
    assert ishoej
    delegating = {entry["delegating"] for row in ishoej for entry in row["cooperation"]}
    assert delegating == {"Vallensbæk"}
    lines = (out / "records.jsonl").read_text("utf-8").splitlines()
    cooperation: dict[tuple[Any, ...], list[Any]] = {}
    for record in map(json.loads, lines):
        entries = cooperation.setdefault(key_of(record), [])
        entries += [e for e in record["cooperation"] if e not in entries]
    assert {key_of(row): row["cooperation"] for row in rows} == cooperation


def test_figures_csv_neutralises_formulas(tmp_path: Path) -> None:
    row = dict.fromkeys(FIGURE_FIELDS)
    row |= {"figure_id": "=1+1", "municipality": "@SUM(A1)", "period": "-1+1", "spread": -12.0}
    row |= {"cooperation": [], "sources": [{"source_file": "=cmd"}]}
    with FigureFiles(tmp_path) as files:
        files.write(row)
    with (tmp_path / "figures.csv").open(encoding="utf-8", newline="") as fh:
        (got,) = list(csv.DictReader(fh))
    assert (got["figure_id"], got["municipality"], got["period"]) == ("'=1+1", "'@SUM(A1)", "'-1+1")
    assert got["spread"] == "-12.0"
    assert json.loads(got["sources"]) == [{"source_file": "=cmd"}]  # JSON text, starts "["
