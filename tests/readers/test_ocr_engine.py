"""The two ways of running Tesseract (in process, the command) read the same words."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from extract.readers.ocr import tesseract as ocr_tesseract
from extract.readers.ocr.second_look import DIGITS_ONLY
from extract.readers.ocr.tesseract import _columns, _settings, read_data
from tests.conftest import SAMPLES


def _words(data: dict[str, list[Any]]) -> list[tuple[Any, ...]]:
    keys = ("text", "conf", "left", "top", "width", "height", "line_num")
    return [tuple(data[k][i] for k in keys) for i, t in enumerate(data["text"]) if t.strip()]


@pytest.fixture(scope="module")
def table_crop() -> Any:
    """The upper half of the committee minutes' first page as scanned (grey pixels): prose,
    the ruled table's header and first rows."""
    from PIL import Image

    page = Image.open(SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff")
    grey = np.asarray(page.convert("L"), dtype=np.uint8)
    return np.ascontiguousarray(grey[: grey.shape[0] // 2])


def test_settings_are_read_like_the_command_line() -> None:
    assert _settings("--psm 6 " + DIGITS_ONLY) == (
        6,
        {"tessedit_char_whitelist": "0123456789.,%-"},
    )
    assert _settings("--psm 4") == (4, {})
    assert _settings("") == (3, {})


def test_tsv_rows_become_the_command_s_columns_with_whole_confidences() -> None:
    tsv = "1\t1\t0\t0\t0\t0\t0\t0\t640\t480\t-1\t\n5\t1\t1\t1\t1\t1\t36\t92\t60\t18\t96.97\tBørn"
    data = _columns(tsv)
    assert data["text"] == ["", "Børn"]
    assert data["conf"] == [-1, 96]  # truncated, as the tesseract command prints it
    assert data["left"] == [0, 36] and data["height"] == [480, 18]


@pytest.mark.slow  # Tesseract in process and as a command
def test_in_process_and_command_read_the_same_words(
    table_crop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    if ocr_tesseract.engine_name() != "tesserocr":
        pytest.skip("tesserocr built against the system's Tesseract is not installed")
    in_process = read_data(table_crop, "dan+eng", "--psm 4")
    monkeypatch.setenv(ocr_tesseract.ENGINE_VARIABLE, "command")
    assert ocr_tesseract.engine_name() == "command"
    by_command = read_data(table_crop, "dan+eng", "--psm 4")
    words = _words(in_process)
    assert len(words) > 40
    assert any(text == "Ankestyrelsen" for text, *_rest in words)
    assert words == _words(by_command)


@pytest.mark.slow  # Tesseract on half a page, twice
def test_a_whitelist_is_dropped_after_its_call(table_crop: Any) -> None:
    """The next call on the same (reused) engine reads letters again."""
    digits = read_data(table_crop, "dan+eng", "--psm 4 " + DIGITS_ONLY)
    assert all(ch in "0123456789.,%-" for text in digits["text"] for ch in text)
    again = read_data(table_crop, "dan+eng", "--psm 4")
    assert any(text == "Ankestyrelsen" for text in again["text"])


@pytest.mark.slow  # Tesseract on 300 crops
def test_crops_too_many_for_one_sheet_are_read_in_several() -> None:
    """Crops stacked taller than Tesseract takes (32,767 pixels) are read in several sheets,
    not refused ("No image set?"): 300 crops of a number 120 pixels tall."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from extract.readers.ocr.second_look import second_look
    from extract.readers.ocr.tesseract import MAX_SHEET_PIXELS

    page = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(page).text((40, 40), "1278", fill=0, font=ImageFont.load_default(size=90))
    clean = np.asarray(page)
    boxes = [("1278", 50.0, 30, 30, 260, 120)] * 300
    assert sum(120 + 2 * 8 + 24 for _ in boxes) > MAX_SHEET_PIXELS
    found = second_look(clean, boxes, list(range(300)), "eng", "")
    assert len(found) == 300 and {text for text, *_rest in found.values()} == {"1278"}


def test_pytesseract_is_imported_without_pandas() -> None:
    """pytesseract imports pandas when it is installed; an OCR worker must not pay for it."""
    import subprocess
    import sys

    code = (
        "import sys; from extract.readers.ocr.tesseract import pytesseract_module; "
        "pytesseract_module(); print('pandas' in sys.modules); import pandas"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
