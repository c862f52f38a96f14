"""``ankestat extract --format sqlite``: besides ``records``, a ``documents`` and a ``findings``
table that say what report.json says, reference tables, indexes the usual questions use, and
Datasette's metadata.json, served by Datasette in-process."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from extract.cli import main
from extract.codes import Flag
from extract.schema import record_schema
from tests.conftest import SAMPLES

TALPORTAL = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
MINUTES = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One extract run: the minutes, the talportal csv and a copy of it under another name."""
    folder = tmp_path_factory.mktemp("sqlite")
    copy = folder / "inputs" / "kopi.csv"
    copy.parent.mkdir()
    shutil.copyfile(TALPORTAL, copy)
    target = folder / "out"
    args = [str(MINUTES), str(TALPORTAL), str(copy), "--out", str(target)]
    assert main(["extract", *args, "--format", "sqlite", "--quiet", "--jobs", "1"]) == 0
    return target


@pytest.fixture()
def db(out: Path) -> Iterator[sqlite3.Connection]:
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        conn.row_factory = sqlite3.Row
        yield conn


def _report(out: Path) -> list[dict[str, Any]]:
    files: list[dict[str, Any]] = json.loads((out / "report.json").read_text("utf-8"))["files"]
    return files


def test_documents_hold_one_row_per_document_read_with_its_copies(
    out: Path, db: sqlite3.Connection
) -> None:
    rows = [dict(r) for r in db.execute("SELECT * FROM documents ORDER BY rowid")]
    assert [r["name"] for r in rows] == [MINUTES.name, TALPORTAL.name]
    minutes, talportal = rows
    assert (minutes["status"], minutes["records"], minutes["tables_mapped"]) == ("ok", 303, 2)
    assert (minutes["document_type"], minutes["pages"], minutes["copies"]) == (
        "referat",
        4,
        None,
    )
    assert json.loads(talportal["copies"]) == [str(out.parent / "inputs" / "kopi.csv")]
    report = {f["source_sha256"]: f for f in _report(out) if f["records"]}
    for row in rows:
        assert json.loads(row["report"]) == report[row["sha256"]]
        assert row["findings"] == len(report[row["sha256"]]["findings"])


def test_findings_are_every_finding_of_the_report(out: Path, db: sqlite3.Connection) -> None:
    stored = [
        (r["source_file"], r["code"], r["message"], r["page"], json.loads(r["record_ids"]))
        for r in db.execute("SELECT * FROM findings ORDER BY rowid")
    ]
    reported = [
        (f["source_file"], g["code"], g["message"], g["page"], g["record_ids"])
        for f in _report(out)
        for g in f["findings"]
    ]
    assert stored == reported
    codes = [s[1] for s in stored]
    assert "illegible_value" in codes and "duplicate_input" in codes
    # a finding's records are in the records table
    ids = next(s[4] for s in stored if s[1] == "conflict_other_source")
    marks = ", ".join("?" for _ in ids)
    found = db.execute(f"SELECT cell_text FROM records WHERE record_id IN ({marks})", ids)
    assert sorted(r[0] for r in found) == ["50", "52"]


def test_reference_tables_name_municipalities_law_areas_measures_and_codes(
    db: sqlite3.Connection,
) -> None:
    assert db.execute("SELECT count(*) FROM municipalities").fetchone()[0] == 98
    ishoej = db.execute("SELECT name, region FROM municipalities WHERE code = 183").fetchone()
    assert tuple(ishoej) == ("Ishøj", "Hovedstaden")
    law = db.execute("SELECT name FROM law_areas WHERE code = 'serviceloven'").fetchone()
    assert "service" in law[0].lower()
    unit = db.execute("SELECT unit FROM measures WHERE code = 'omgoerelsesprocent'").fetchone()
    assert unit[0] == "percent"
    assert {r[0] for r in db.execute("SELECT code FROM flags")} == {str(f) for f in Flag}
    # every law area and measure in the records is named in its table
    unknown = db.execute(
        "SELECT count(*) FROM records WHERE law_area NOT IN (SELECT code FROM law_areas) "
        "OR measure NOT IN (SELECT code FROM measures)"
    ).fetchone()[0]
    assert unknown == 0
    joined = db.execute(
        "SELECT count(*) FROM records r JOIN municipalities m ON m.code = r.municipality_code"
    ).fetchone()[0]
    assert (
        joined
        == db.execute(
            "SELECT count(*) FROM records WHERE municipality_code IS NOT NULL"
        ).fetchone()[0]
    )


@pytest.mark.parametrize(
    ("where", "index"),
    [
        (
            "municipality_code = 183 AND law_area = 'serviceloven' "
            "AND measure = 'omgoerelsesprocent'",
            "records_entity",
        ),
        ("measure = 'omgoerelsesprocent' AND period = '2020'", "records_measure"),
        ("source_sha256 = 'x'", "records_document"),
    ],
)
def test_the_usual_questions_use_an_index(db: sqlite3.Connection, where: str, index: str) -> None:
    plan = " ".join(
        str(r[3]) for r in db.execute(f"EXPLAIN QUERY PLAN SELECT * FROM records WHERE {where}")
    )
    assert f"USING INDEX {index}" in plan


def test_metadata_describes_every_records_column(out: Path) -> None:
    metadata = json.loads((out / "metadata.json").read_text("utf-8"))
    tables = metadata["databases"]["ankestat"]["tables"]
    columns = tables["records"]["columns"]
    assert list(columns) == list(record_schema()["properties"])
    assert all(text for text in columns.values())
    assert {"records", "documents", "findings", "municipalities"} <= set(tables)


def test_datasette_serves_the_database_with_its_metadata(out: Path) -> None:
    from datasette.app import Datasette

    metadata = json.loads((out / "metadata.json").read_text("utf-8"))
    datasette = Datasette([str(out / "ankestat.sqlite")], metadata=metadata)

    async def get(path: str) -> Any:
        response = await datasette.client.get(path)
        assert response.status_code == 200, path
        return response.json()

    async def ask() -> tuple[Any, Any, Any]:
        served = await get("/-/metadata.json")
        tables = await get("/ankestat.json")
        rows = await get(
            "/ankestat/measure_over_years.json?_shape=array&measure=omgoerelsesprocent"
            "&law_area=serviceloven&municipality=Ishøj"
        )
        return served, tables, rows

    served, tables, rows = asyncio.run(ask())
    assert served["title"] == metadata["title"]
    assert {"records", "documents", "findings"} <= {t["name"] for t in tables["tables"]}
    talportal = [r for r in rows if r["source_file"] == TALPORTAL.name and r["period"] == "2019"]
    assert sorted((r["entity_scope"], r["value"]) for r in talportal) == [
        ("hele_landet", 40.9),
        ("kommune", 37.9),
    ]
