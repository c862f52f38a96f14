"""Fixtures of the review site's tests: one run of four samples with ``--review`` (the byråd
minutes, the annual report, a workbook and a talportal csv), its records by printed text, and
a headless Chromium (Debian's, at /usr/bin/chromium) for the browser tests."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract.cli import main
from tests.conftest import SAMPLES

BYRAAD = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"
ANNUAL = SAMPLES / "aarsredegoerelse-2024.pdf"
WORKBOOK = SAMPLES / "regneark-ishoej-omgoerelsesprocent-2018-2020.xlsx"
TALPORTAL = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
CHROMIUM = Path("/usr/bin/chromium")
# On a closed network Chromium must not try to reach anything.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def review_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of ``extract --review`` over the four samples."""
    out = tmp_path_factory.mktemp("review") / "out"
    clock = time.perf_counter()
    paths = [str(p) for p in (BYRAAD, ANNUAL, WORKBOOK, TALPORTAL)]
    code = main(["extract", *paths, "--out", str(out), "--review", "--quiet", "--jobs", "2"])
    assert code == 0
    print(f"extract --review of 4 samples: {time.perf_counter() - clock:.1f} s")
    return out


def records_of(out: Path) -> list[dict[str, Any]]:
    with (out / "records.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def record_id(out: Path, source: Path, printed: str, table_id: str | None = None) -> str:
    """The id of the one record of ``source`` printed ``printed`` (in ``table_id``)."""
    ids = [
        r["record_id"]
        for r in records_of(out)
        if r["source_file"] == source.name
        and r["cell_text"] == printed
        and (table_id is None or r["table_id"] == table_id)
    ]
    assert len(ids) == 1, ids
    return str(ids[0])


def page_of(out: Path, source: Path) -> Path:
    """The review page of ``source`` (from index.html's link to it)."""
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    marker = f">{source.name}</a>"
    start = index.rindex('href="', 0, index.index(marker)) + len('href="')
    return out / "review" / index[start : index.index('"', start)]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (no downloaded browsers). Closed
    after the module: Playwright's sync API runs an event loop while it is open, and tests
    after it call ``asyncio.run``."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (./dev test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser page; any script error on it fails the test."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    yield tab
    context.close()
    assert not errors, errors
