"""Pathological text costs linear time: no pattern is retried at every character of a long
run (a cell of 32,000 "*", Excel's limit, or a csv field of 130,000).

Each text path gets 100,000-character strings made of one repeated piece and a tail that
makes a match fail at the very end, the worst case for a backtracking pattern. The bounds are
loose (a linear path takes milliseconds, a quadratic one minutes): they catch a regression,
they do not measure speed (``bench/`` does).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from extract.codes import FileStatus
from extract.detect.value_text import is_period_piece, is_value_text, is_year
from extract.interpret.rulebook import Rulebook
from extract.interpret.titles import ends_in_values
from extract.interpret.words import tokens
from extract.normalise.labels import label_key
from extract.normalise.numbers import parse_number
from extract.pipeline import process_file
from extract.results import FileResult
from tests.hostile import rewrite_zip, small_workbook

pytestmark = pytest.mark.slow  # 100,000-character runs through every text path

LENGTH = 100_000
PIECES = ("*", "¹", "1", "1 ", " ", "a", "(1)", "1)", "1.", "1,", "-", "§ ", "æ", "2024 ", "=")
TAILS = ("", "x", "!", "a1-")
# Seconds for one text path over every string: linear takes well under one.
BOUND = 20.0


def _strings() -> list[str]:
    return [
        prefix + piece * (LENGTH // len(piece)) + tail
        for piece in PIECES
        for tail in TAILS
        for prefix in ("", "2024")
    ]


@pytest.mark.parametrize(
    "path",
    [parse_number, tokens, label_key, is_value_text, is_year, is_period_piece, ends_in_values],
    ids=lambda f: f.__name__,
)
def test_every_text_path_is_linear_on_long_runs(path: Callable[[str], object]) -> None:
    started = time.perf_counter()
    for text in _strings():
        path(text)
    assert time.perf_counter() - started < BOUND


def _read_at_once(path: Path, rulebook: Rulebook) -> FileResult:
    """The engine's result on ``path``, asserting it came within BOUND seconds."""
    started = time.perf_counter()
    result = process_file(path, rulebook)
    assert time.perf_counter() - started < BOUND
    return result


def test_a_csv_field_of_130000_marks_is_read_at_once(rulebook: Rulebook, tmp_path: Path) -> None:
    path = tmp_path / "stjerner.csv"
    path.write_text("Kommune;2021\nIshøj;" + "*" * 130_000 + "\n" + "*" * 130_000 + ";5\n")
    assert _read_at_once(path, rulebook).status is not FileStatus.FAILED


def test_a_sheet_of_cells_at_excels_length_limit_is_read_at_once(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Kommune", "2021" + "*" * 32_000])  # a year with a run of footnote marks
    for _ in range(25):
        sheet.append(["*" * 32_000, 5])
    path = tmp_path / "stjerner.xlsx"
    book.save(path)
    assert _read_at_once(path, rulebook).status is not FileStatus.FAILED


def test_a_sheet_crafted_against_the_formula_scan_is_read_at_once(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A cell tag that never closes, holding 50,000 cell references: the scan for formulas
    without a value (and for merges, hidden rows) stays linear; the file fails or is read,
    in seconds."""
    plain, crafted = tmp_path / "plain.xlsx", tmp_path / "crafted.xlsx"
    small_workbook(plain)
    junk = b'<c r="A9"' + b' r="B2"' * 50_000 + b"<f>SUM(A1)</f><mergeCell" + b' x="1"' * 50_000
    rewrite_zip(
        plain,
        crafted,
        "xl/worksheets/sheet1.xml",
        lambda data: data.replace(b"</sheetData>", b"</sheetData>" + junk),
    )
    result = _read_at_once(crafted, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error is not None and result.error.startswith(
        "corrupt xlsx workbook (a sheet's XML"
    )
