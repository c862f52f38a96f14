"""The watch store keeps ``figures`` current: two documents dropped one after the other (the
byråd minutes, then the Ishøj spreadsheet), the figure goes from single to conflict and the
earlier document's stored records get ``conflict_other_document``; stored again with a
changed value, the conflict and the flags go."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Any

from extract.figures.ranking import load_ranking
from extract.figures.store import stored_keys
from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.watch.store import Store
from tests.conftest import RULES, SAMPLES

BYRAAD = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"
SHEET = SAMPLES / "regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx"
WHERE = (
    "entity_scope = 'hele_landet' AND period = '2020' AND law_area = 'serviceloven' "
    "AND provision IS NULL AND measure = 'omgoerelsesprocent'"
)
BYRAAD_362 = "9f55c6ac22dcc9bc2070eda5"
SHEET_363 = "42eb1d1171aa1e52a47775ce"
SHEET_36 = "3bdacd5bbd4dc52dd593f6cb"
FLAG = "conflict_other_document"


def _figure(db: Path) -> dict[str, Any]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        (row,) = conn.execute(f"SELECT * FROM figures WHERE {WHERE}").fetchall()
        return dict(row)


def _flags(db: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(f"SELECT record_id, flags FROM records WHERE {WHERE}").fetchall()
    return {record_id: json.loads(flags) for record_id, flags in rows}


def _flagged(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT record_id, flags FROM records").fetchall()
    return {record_id for record_id, flags in rows if FLAG in json.loads(flags)}


def test_figures_follow_the_documents_as_they_arrive(tmp_path: Path, rulebook: Rulebook) -> None:
    minutes, sheet = process_file(BYRAAD, rulebook), process_file(SHEET, rulebook)
    assert minutes.source_sha256 is not None and sheet.source_sha256 is not None
    db = tmp_path / "ankestat.sqlite"
    with Store(tmp_path, rulebook.reference, load_ranking([RULES])) as store:
        store.commit_document(minutes, minutes.source_sha256)
        first = _figure(db)
        assert (first["agreement"], first["spread"], first["preferred_record_id"]) == (
            "single",
            None,
            BYRAAD_362,
        )
        assert _flags(db) == {BYRAAD_362: []}
        assert _flagged(db) == set()  # the minutes' own conflicts are within one document
        with closing(sqlite3.connect(db)) as conn:
            n_figures = conn.execute("SELECT count(*) FROM figures").fetchone()[0]
        assert n_figures == len(stored_keys_of(store, minutes.source_sha256))

        store.commit_document(sheet, sheet.source_sha256)
        second = _figure(db)
        assert second["figure_id"] == first["figure_id"]
        assert (second["agreement"], second["spread"]) == ("conflict", 0.3)
        # the spreadsheet ranks before the minutes (rules/figures.yaml)
        assert (second["preferred_record_id"], second["preferred_value"]) == (SHEET_363, 36.3)
        sources = json.loads(second["sources"])
        assert [s["record_id"] for s in sources] == [BYRAAD_362, SHEET_363, SHEET_36]
        assert [s["conflicts_with"] for s in sources] == [[SHEET_363], [BYRAAD_362], []]
        assert _flags(db) == {BYRAAD_362: [FLAG], SHEET_363: [FLAG], SHEET_36: []}

        # the spreadsheet read again, its 36.3 now 36.2: the conflict and both flags go
        changed = [
            replace(r, value=36.2, cell_text="0.362") if r.record_id == SHEET_363 else r
            for r in sheet.records
        ]
        store.commit_document(replace(sheet, records=tuple(changed)), sheet.source_sha256)
        third = _figure(db)
        assert (third["agreement"], third["spread"]) == ("agree", 0.2)
        assert _flags(db) == {BYRAAD_362: [], SHEET_363: [], SHEET_36: []}


def stored_keys_of(store: Store, sha256: str) -> set[Any]:
    with closing(sqlite3.connect(store.path)) as conn:
        return stored_keys(conn, sha256)


def test_a_key_no_record_gives_any_more_loses_its_figure(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    sheet = process_file(SHEET, rulebook)
    sha = sheet.source_sha256
    assert sha is not None
    with Store(tmp_path, rulebook.reference) as store:
        store.commit_document(sheet, sha)
        assert _figure(tmp_path / "ankestat.sqlite")["agreement"] == "agree"  # 36.3 and 36
        kept = tuple(r for r in sheet.records if r.period != "2020")
        store.commit_document(replace(sheet, records=kept), sha)
    with closing(sqlite3.connect(tmp_path / "ankestat.sqlite")) as conn:
        assert conn.execute(f"SELECT count(*) FROM figures WHERE {WHERE}").fetchone() == (0,)
        (count,) = conn.execute("SELECT count(*) FROM figures").fetchone()
    keys = {
        (r.entity_scope, r.municipality_code, r.period, r.law_area, r.provision, r.measure)
        for r in kept
    }
    assert count == len(keys) > 0
