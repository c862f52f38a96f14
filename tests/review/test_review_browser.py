"""The review site in a real browser (Debian's Chromium, headless): a value clicked or
hovered shows its record, the findings link to their page, a figure in conflict shows its
sources, a workbook's cells are coloured."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from extract.codes import code_meaning
from extract.review import build_site
from tests.review.conftest import BYRAAD, TALPORTAL, WORKBOOK, page_of, record_id, records_of

pytestmark = pytest.mark.slow  # a browser per session, pages opened one by one


def _open(page: Any, html: Path, anchor: str = "") -> None:
    page.goto(html.resolve().as_uri() + anchor)


def _panel(page: Any, field: str) -> str:
    return str(page.inner_text(f"#panel .{field}"))


def test_clicking_an_illegible_value_shows_its_record(page: Any, review_out: Path) -> None:
    rid = record_id(review_out, BYRAAD, "62, %")
    _open(page, page_of(review_out, BYRAAD))
    box = page.locator(f"#r-{rid}")
    assert "illegible" in str(box.get_attribute("class"))
    box.click()
    assert _panel(page, "printed") == "'62, %'"
    assert _panel(page, "status") == "illegible"
    assert _panel(page, "entity") == "Ishøj (183)"
    assert _panel(page, "column") == "Stadfæstelsesprocent / 2019"
    assert _panel(page, "place") == "page 1"
    flags = _panel(page, "flags")
    assert "truncated_number" in flags and code_meaning("truncated_number") in flags
    assert "selected" in str(box.get_attribute("class"))
    assert page.url.endswith(f"#r-{rid}")


def test_a_value_in_conflict_with_the_appendix_says_so(page: Any, review_out: Path) -> None:
    rid = record_id(review_out, BYRAAD, "52", "p1-t1")
    _open(page, page_of(review_out, BYRAAD))
    page.locator(f"#r-{rid}").click()
    assert "flagged" in str(page.locator(f"#r-{rid}").get_attribute("class"))
    assert _panel(page, "printed") == "'52'" and _panel(page, "value") == "52"
    flags = _panel(page, "flags")
    assert "conflict_other_source" in flags and code_meaning("conflict_other_source") in flags
    # the run's own figures.jsonl: the appendix's 50 and the talportal export's 52
    assert "disagree" in _panel(page, "agreement")
    listed = page.locator("#panel ul.sources li")
    texts = [listed.nth(i).inner_text() for i in range(listed.count())]
    assert len(texts) == 3
    assert any("page 4" in t and "'50'" in t and "conflicts" in t for t in texts)
    assert any(TALPORTAL.name in t and "'52'" in t for t in texts)
    assert any("(this value)" in t for t in texts)


def test_hovering_shows_a_record_and_leaving_returns_to_the_pinned_one(
    page: Any, review_out: Path
) -> None:
    pinned = record_id(review_out, BYRAAD, "62, %")
    hovered = record_id(review_out, BYRAAD, "74", "p1-t1")
    _open(page, page_of(review_out, BYRAAD), f"#r-{pinned}")  # pinned from the address
    assert _panel(page, "printed") == "'62, %'"
    page.locator(f"#r-{hovered}").hover()
    assert _panel(page, "printed") == "'74'"
    assert _panel(page, "status") == "reported"
    assert _panel(page, "column") == "Realitetsbehandlede sager i alt / 2020"
    page.mouse.move(5, 5)
    assert _panel(page, "printed") == "'62, %'"


def test_the_findings_link_to_their_page(page: Any, review_out: Path) -> None:
    _open(page, page_of(review_out, BYRAAD))
    findings = page.locator("#side .findings li")
    assert findings.count() == 2
    assert "illegible_value" in findings.nth(0).inner_text()
    page.locator("#side .findings a.page-link").first.click()
    assert page.url.endswith("#p1")
    # the conflict finding links to both values; the second is on page 4, the appendix
    page.locator("#side .findings li").nth(1).locator("a.value-link").nth(1).click()
    assert _panel(page, "printed") == "'50'" and _panel(page, "place") == "page 4"
    assert page.locator("#p4").is_visible()


def test_a_figure_in_conflict_lists_both_sources(
    page: Any, review_out: Path, tmp_path: Path
) -> None:
    run = tmp_path / "run"
    run.mkdir()
    for name in ("report.json", "records.jsonl"):
        shutil.copy(review_out / name, run / name)
    by_id = {r["record_id"]: r for r in records_of(run)}
    first = record_id(run, BYRAAD, "52", "p1-t1")
    second = record_id(run, BYRAAD, "50", "p3-t1")
    sources = [
        {
            key: by_id[rid][key]
            for key in ("record_id", "source_file", "page", "sheet", "cell_ref", "value")
        }
        | {
            "status": by_id[rid]["status"],
            "cell_text": by_id[rid]["cell_text"],
            "conflicts_with": [other],
        }
        for rid, other in ((first, second), (second, first))
    ]
    figure = {
        "figure_id": "ishoej-serviceloven-2021-realitetsbehandlede",
        "municipality_code": 183,
        "period": "2021",
        "law_area": "serviceloven",
        "measure": "realitetsbehandlede",
        "agreement": "conflict",
        "spread": 2,
        "preferred_record_id": first,
        "sources": sources,
    }
    (run / "figures.jsonl").write_text(json.dumps(figure) + "\n", encoding="utf-8")
    build_site(run)
    html = page_of(run, BYRAAD)
    _open(page, html)
    box = page.locator(f"#r-{first}")
    assert "conflict" in str(box.get_attribute("class"))
    box.click()
    listed = page.locator("#panel ul.sources li")
    assert listed.count() == 2
    assert "52" in listed.nth(0).inner_text() and "(this value)" in listed.nth(0).inner_text()
    assert "page 4" in listed.nth(1).inner_text() and "'50'" in listed.nth(1).inner_text()
    assert page.locator("#panel ul.sources li.conflicting").count() == 2
    listed.nth(1).locator("a").click()  # to the other source's box
    assert page.url.endswith(f"{html.name}#r-{second}")
    assert _panel(page, "printed") == "'50'"
    index = (run / "review" / "index.html").read_text(encoding="utf-8")
    assert "Figures in conflict (1)" in index and f"#r-{second}" in index


def test_a_workbook_is_a_grid_of_coloured_cells(page: Any, review_out: Path) -> None:
    records = [r for r in records_of(review_out) if r["source_file"] == WORKBOOK.name]
    _open(page, page_of(review_out, WORKBOOK))
    cells = page.locator("table.cells td[data-rid]")
    assert cells.count() == len(records) == 24
    first = records[0]
    cell = page.locator(f"#r-{first['record_id']}")
    assert cell.inner_text() == first["cell_text"]
    assert "clean" in str(cell.get_attribute("class"))
    colour = cell.evaluate("node => getComputedStyle(node).borderTopColor")
    assert colour == "rgb(21, 128, 61)"  # the green of a clean value
    assert "Omgørelsesprocent" in page.inner_text("table.cells")  # the labels read again
    cell.click()
    assert _panel(page, "place") == f"sheet '{first['sheet']}', cell {first['cell_ref']}"
