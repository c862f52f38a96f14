"""The Python API (extract.read): the README's pandas answer runs as printed, and the results
hold what ``ankestat extract`` writes."""

from __future__ import annotations

import contextlib
import io
import math
import re
from pathlib import Path

import pytest

import extract
from tests.conftest import ROOT, SAMPLES


def _readme_snippet() -> tuple[str, str]:
    """The README's Python answer and the output printed under it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## From Python") :]
    code, shown = re.findall(r"```(?:python)?\n(.*?)```", section, re.S)[:2]
    return code, shown


def test_the_readme_answer_runs_as_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    code, shown = _readme_snippet()
    assert len(code.strip().splitlines()) <= 5
    monkeypatch.chdir(ROOT)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(code, {})
    assert printed.getvalue().split() == shown.split()


def test_read_takes_str_and_paths_and_holds_the_run(tmp_path: Path) -> None:
    sheet = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
    results = extract.read([str(sheet), tmp_path / "nope.pdf"], jobs=1)
    assert [r.source_file for r in results.files] == [sheet.name, "nope.pdf"]
    assert len(results.records) == 36
    assert results.report["totals"]["failed"] == 1
    assert results.report["files"][1]["failure"] == "input"
    frame = results.to_pandas()
    assert len(frame) == 36 and frame["value"].dtype == "float64"
    assert str(frame["status"].dtype) == "category"
    assert str(frame["period"].dtype) == "category"
    table = results.to_arrow()
    assert table.num_rows == 36 and table.schema.field("page").type.bit_width == 32


def test_a_value_not_reported_is_nan_with_its_status() -> None:
    results = extract.read(SAMPLES / "regneark-fanoe-antal-personer-2022-2025.xlsx", jobs=1)
    frame = results.to_pandas()
    suppressed = frame[frame["status"] == "suppressed"]
    assert len(suppressed) > 0
    assert all(math.isnan(v) for v in suppressed["value"])
    assert not frame[frame["status"] == "reported"]["value"].isna().any()
