"""The OCR path (experimental, ``--ocr``): scanned pages read with Tesseract.

Uses the sample minutes rendered to a clean image-only PDF, the noisy scanned samples, and
small made-up pages (blank, upside down, prose only).
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from extract.cli import main
from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook
from extract.model import PageContent
from extract.normalise.records import _page_box
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.writers.jsonl import record_dict
from tests.conftest import SAMPLES
from tests.e2e.test_samples_e2e import TRUTH_KEYS
from tests.pdf_factory import image_only_pdf

OCR = ReadOptions(ocr=True)
SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"


def _truth(pdf: Path) -> Counter[tuple[Any, ...]]:
    lines = pdf.with_suffix(".truth.jsonl").read_text(encoding="utf-8").splitlines()
    return Counter(tuple(json.loads(line)[k] for k in TRUTH_KEYS) for line in lines)


@pytest.fixture(scope="module")
def clean_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return image_only_pdf(SUNDHED, tmp_path_factory.mktemp("scan") / "scan.pdf")


def test_without_ocr_a_scan_is_reported_as_needing_ocr(
    rulebook: Rulebook, clean_scan: Path
) -> None:
    result = process_file(clean_scan, rulebook, ReadOptions(ocr=False))
    assert result.status is FileStatus.PARTIAL
    assert result.pages_needing_ocr == (1,)
    [finding] = result.findings
    assert finding.code == "needs_ocr" and "OCR was turned off (--no-ocr)" in finding.message


@pytest.mark.slow  # OCR of a page, twice
def test_a_scan_is_read_with_ocr_by_default(rulebook: Rulebook, clean_scan: Path) -> None:
    """No option given (the Python API's default, as the command line's): the scan's pages
    are OCR'd and give the same records as with OCR asked for."""
    default = process_file(clean_scan, rulebook)
    asked = process_file(clean_scan, rulebook, OCR)
    assert default.pages_needing_ocr == () and len(default.records) >= 30
    assert [record_dict(r) for r in default.records] == [record_dict(r) for r in asked.records]


@pytest.mark.slow  # OCR of a page
def test_a_clean_scan_gives_the_digital_values(rulebook: Rulebook, clean_scan: Path) -> None:
    result = process_file(clean_scan, rulebook, OCR)
    records = [record_dict(r) for r in result.records]
    got = Counter(tuple(r[k] for k in TRUTH_KEYS) for r in records)
    # every value read is one the digital original prints: nothing invented or misread
    assert got - _truth(SUNDHED) == Counter()
    # the decided-cases table (outcomes x law areas) is read completely
    assert sum(1 for r in records if r["table_id"] == "p1-t1") == 30
    assert {r["source_kind"] for r in records} == {"pdf_ocr"}
    assert all(r["ocr_confidence"] is not None for r in records)
    assert result.document_type == "referat"


@pytest.mark.slow  # OCR of a page, turned
def test_an_upside_down_page_is_turned(
    rulebook: Rulebook, clean_scan: Path, tmp_path: Path
) -> None:
    import pypdfium2

    image = pypdfium2.PdfDocument(str(clean_scan))[0].render(scale=200 / 72).to_pil()
    turned = tmp_path / "turned.png"
    image.rotate(180).save(turned, dpi=(200, 200))
    result = process_file(turned, rulebook, OCR)
    assert "page 1: page was upside down; read turned 180°" in [f.message for f in result.findings]
    values = Counter(
        (r.law_area, r.measure, r.value) for r in result.records if r.table_id == "p1-t1"
    )
    assert values[("serviceloven", "stadfaestet", 51)] == 1
    assert {r.source_kind for r in result.records} == {"image_ocr"}


@pytest.mark.slow  # OCR of a page
def test_blank_and_prose_pages_are_handled(rulebook: Rulebook, tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    Image.new("L", (1654, 2339), 255).save(blank, dpi=(200, 200))
    result = process_file(blank, rulebook, OCR)
    assert result.status is FileStatus.OK and result.records == ()
    assert [f.message for f in result.findings] == [
        "page 1: blank page",
        "page 1: OCR found no text",
    ]
    prose = image_only_pdf(SUNDHED, tmp_path / "prose.pdf", page_index=1)
    result = process_file(prose, rulebook, OCR)
    assert result.records == () and result.status is not FileStatus.FAILED


@pytest.mark.slow  # OCR of a page
def test_a_page_with_little_ink_but_a_few_lines_of_text_is_not_blank(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A 200 dpi page holding a heading and two short lines (far less ink than the blank
    threshold) is read, not called blank; dust alone still is blank."""
    import numpy as np
    from PIL import ImageDraw, ImageFont

    from extract.readers.ocr.image import ink_share

    page = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=30)
    for y, text in (
        (150, "Indstilling"),
        (200, "Orienteringen tages til efterretning"),
        (250, "Tiltrådt."),
    ):
        draw.text((150, y), text, fill=0, font=font)
    assert ink_share(np.asarray(page)) < 0.002
    few_lines = tmp_path / "few-lines.png"
    page.save(few_lines, dpi=(200, 200))
    result = process_file(few_lines, rulebook, OCR)
    assert "page 1: blank page" not in [f.message for f in result.findings]
    dust = Image.new("L", (1654, 2339), 255)
    for x, y in ((300, 400), (900, 1200), (1200, 2000)):
        ImageDraw.Draw(dust).ellipse((x, y, x + 6, y + 6), fill=0)
    dusty = tmp_path / "dust.png"
    dust.save(dusty, dpi=(200, 200))
    assert "page 1: blank page" in [f.message for f in process_file(dusty, rulebook, OCR).findings]


def test_multipage_tiff_without_ocr_needs_ocr(rulebook: Rulebook) -> None:
    tiff = SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff"
    without = process_file(tiff, rulebook, ReadOptions(ocr=False))
    assert without.status is FileStatus.PARTIAL
    assert without.pages == 2 and without.pages_needing_ocr == (1, 2) and without.records == ()


def test_missing_tesseract_says_what_to_install(
    rulebook: Rulebook, clean_scan: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import pytesseract

    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    result = process_file(clean_scan, rulebook, OCR)
    [finding] = result.findings
    assert finding.code == "needs_ocr"
    assert "install the Debian packages tesseract-ocr and tesseract-ocr-dan" in finding.message
    png = tmp_path / "page.png"
    Image.new("L", (100, 100), 255).save(png)
    failed = process_file(png, rulebook, OCR)
    assert failed.status is FileStatus.FAILED and failed.error is not None
    assert "tesseract-ocr-dan" in failed.error


def test_boxes_are_turned_back_to_the_scanned_page() -> None:
    import cv2
    import numpy as np

    page = PageContent(1, 600.0, 800.0, (), rotation=1.2)
    # where OpenCV's straightening (the OCR reader's rotate) moves the scanned point (100, 100)
    turn = cv2.getRotationMatrix2D((300.0, 400.0), 1.2, 1.0)
    x, y = turn @ np.array([100.0, 100.0, 1.0])
    assert abs(y - 100.0) > 3  # far enough from the centre for the turn to matter
    back = _page_box(page, (float(x), float(y), float(x), float(y)))
    assert back is not None and [round(v, 1) for v in back] == [100.0, 100.0, 100.0, 100.0]
    assert _page_box(PageContent(1, 600.0, 800.0, ()), (1.0, 2.0, 3.0, 4.0)) == [1, 2, 3, 4]


@pytest.mark.slow  # OCR of a page in worker processes
def test_cli_reads_scans_unless_told_not_to(tmp_path: Path, clean_scan: Path) -> None:
    """``ankestat extract`` OCRs a scan with no flag given; ``--no-ocr`` skips it (no records,
    the page reported)."""
    out = tmp_path / "out"
    assert main(["extract", str(clean_scan), "--out", str(out), "--quiet", "--jobs", "2"]) == 0
    rows = [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]
    assert rows and {r["source_kind"] for r in rows} == {"pdf_ocr"}
    skipped = tmp_path / "skipped"
    assert main(["extract", str(clean_scan), "--out", str(skipped), "--quiet", "--no-ocr"]) == 0
    assert (skipped / "records.jsonl").read_text(encoding="utf-8") == ""
    report = json.loads((skipped / "report.json").read_text(encoding="utf-8"))
    assert [f["code"] for f in report["files"][0]["findings"]] == ["needs_ocr"]


TIFF = SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff"


def _read_key(record: Any) -> tuple[Any, ...]:
    return tuple(
        repr(getattr(record, k))
        for k in (*TRUTH_KEYS, "row_label", "column_label", "status", "flags")
    )


@pytest.mark.slow  # OCR of a two-page scan, twice
@pytest.mark.parametrize("turn", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270])
def test_page_images_turned_a_quarter_give_the_upright_records(
    rulebook: Rulebook, tmp_path: Path, turn: Image.Transpose
) -> None:
    """The two-page committee scan with its page images turned a quarter either way (a
    landscape stack fed in sideways): each page is read turned back, the file is ok, and the
    records are the upright scan's, their boxes on the page as it lies (width and height the
    other way round)."""
    from PIL import ImageSequence

    with Image.open(TIFF) as image:
        frames = [frame.copy().transpose(turn) for frame in ImageSequence.Iterator(image)]
        dpi = image.info["dpi"]
    turned = tmp_path / "turned.tiff"
    frames[0].save(turned, save_all=True, append_images=frames[1:], dpi=dpi, compression="group4")
    upright = process_file(TIFF, rulebook, OCR)
    result = process_file(turned, rulebook, OCR)
    assert result.status is FileStatus.OK and len(result.records) == len(upright.records) == 42
    assert sorted(map(_read_key, result.records)) == sorted(map(_read_key, upright.records))
    notes = [f.message for f in result.findings if f.code == "page_note"]
    assert sum("page lay on its side" in note for note in notes) == 2
    height, width = (v * 72 / dpi[0] for v in frames[0].size)  # the upright page's
    box = {_read_key(r): r.bbox for r in upright.records}
    for record in result.records:
        x0, top, x1, bottom = box[_read_key(record)]
        if turn is Image.Transpose.ROTATE_90:  # counter-clockwise: x = y, y = width - x
            expected = [top, width - x1, bottom, width - x0]
        else:  # clockwise: x = height - y, y = x
            expected = [height - bottom, x0, height - top, x1]
        assert record.bbox == pytest.approx(expected, abs=0.5)


def test_a_tiffs_resolution_sets_its_page_size(tmp_path: Path) -> None:
    """A fax-like TIFF at 200 dpi (Pillow gives its resolution as a rational): the page is
    1700 x 2200 pixels at 200 dpi, 612 x 792 points, not read as 300 dpi."""
    from extract.readers.ocr.image_files import read_image

    tiff = tmp_path / "fax.tiff"
    Image.new("1", (1700, 2200), 1).save(tiff, compression="group4", dpi=(200, 200))
    [page] = read_image(tiff, "x", ReadOptions(ocr=False)).pages
    assert (page.width, page.height) == (612.0, 792.0)


def test_a_page_whose_ocr_lost_most_of_its_text_says_so() -> None:
    """A page image showing hundreds of letters of which OCR read a handful (a shaded band
    made Otsu's threshold swallow the lines) gets a warning, not silence."""
    import numpy as np
    from PIL import ImageDraw, ImageFont

    from extract.checks.stage_findings import page_findings
    from extract.model import Word
    from extract.readers.ocr.pages import _text_lost

    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=40)
    for row in range(30):
        draw.text((200, 200 + 90 * row), "Sygedagpenge Kontanthjælp 1.278", fill=0, font=font)
    grey = np.asarray(page)
    scale = 2480 / 595
    read = [Word("47", (0, 0, 1, 1), "ocr", 95.0)]
    note = _text_lost(grey, read, scale)
    assert note is not None and note.startswith("text lost: OCR read 2 letters of about")
    everything = [Word("Sygedagpenge Kontanthjælp 1.278", (0, 0, 1, 1), "ocr", 95.0)] * 30
    assert _text_lost(grey, everything, scale) is None
    content = PageContent(4, 595, 842, tuple(read), notes=(note,), source_kind="pdf_ocr")
    [finding] = page_findings(content)
    assert (finding.code, finding.severity) == ("ocr_text_lost", "warning")


def _readings_by_turn(
    monkeypatch: pytest.MonkeyPatch, said: tuple[int | None, int | None], sureness: dict[int, float]
) -> list[int]:
    """``ocr_page`` on a page of ink, its orientation detection saying ``said`` (surely,
    at all) and each quarter turn read with the mean confidence ``sureness`` gives; returns
    the turns read, in order, and (last) the turns kept."""
    import numpy as np

    from extract.model import Word
    from extract.readers.ocr import pages as ocr

    tried: list[int] = []

    def read_turned(grey: Any, turns: int, size: Any, settings: Any) -> Any:
        tried.append(turns)
        words = [Word("ord", (0, 0, 1, 1), "ocr", sureness[turns])] * 20
        return ocr._Reading(turns, 0.0, size, words, ())

    monkeypatch.setattr(ocr, "_read_turned", read_turned)
    monkeypatch.setattr("extract.readers.ocr.tesseract.orientation", lambda _grey: said)
    page = np.full((1100, 850), 255, np.uint8)
    page[100:1000:20, 100:750] = 0  # lines of "text" across the page
    content = ocr.ocr_page(Image.fromarray(page), 1, 612.0, 792.0, ocr.OcrSettings())
    return [*tried, round(-content.rotation / 90) % 4]


def test_a_doubtful_reading_is_tried_the_way_orientation_detection_guessed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An upside-down page read upright with confidence 55 (just not poor): orientation
    detection said 180°, unsurely; the half turn is read too, and kept (surer). Said surely
    the same way, only the half turn is read; with no guess, a doubtful reading stays."""
    sureness = {0: 56.0, 1: 20.0, 2: 92.0, 3: 20.0}
    assert _readings_by_turn(monkeypatch, (None, 180), sureness) == [0, 2, 2]
    assert _readings_by_turn(monkeypatch, (180, 180), sureness) == [2, 2]
    assert _readings_by_turn(monkeypatch, (None, None), sureness) == [0, 0]
    # a sure reading is not read again, whatever the guess
    assert _readings_by_turn(monkeypatch, (None, 180), {**sureness, 0: 90.0}) == [0, 0]
