"""Progress on long scans: OCR'd pages are told as they are done, and the bar says which page
and about how long the rest will take (extract/readers/ocr/pages.py, extract/run/batch.py)."""

from __future__ import annotations

import pytest
from PIL import Image

import extract.run.batch
from extract.readers.ocr.pages import OcrSettings, PageImage, ocr_pages
from extract.run.batch import _PageProgress


@pytest.mark.parametrize("threads", [1, 2])
def test_each_ocr_page_done_is_told_with_the_count(threads: int) -> None:
    """Blank pages (read at once, no text): told 1, 2, 3 of 3 whatever the threads."""
    blank = PageImage(1, 595.0, 842.0, lambda: Image.new("L", (620, 877), 255))
    pages = [PageImage(n, blank.width, blank.height, blank.load) for n in (1, 2, 3)]
    told: list[tuple[int, int]] = []
    read = ocr_pages(pages, OcrSettings(threads=threads), "pdf_ocr", lambda *t: told.append(t))
    assert [p.notes for p in read] == [("blank page",)] * 3
    assert told == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_bar_names_the_page_and_estimates_the_rest_at_the_pace_so_far(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = iter([100.0, 130.0, 160.0, 1000.0])
    monkeypatch.setattr(extract.run.batch.time, "monotonic", lambda: next(clock))
    progress = _PageProgress()
    assert progress.describe(0, "scan.pdf", 0, 20) == "scan.pdf: OCR of 20 pages"
    assert (
        progress.describe(0, "scan.pdf", 1, 20) == "scan.pdf: OCR page 1 of 20, about 10 min left"
    )
    assert progress.describe(0, "scan.pdf", 2, 20) == "scan.pdf: OCR page 2 of 20, about 9 min left"
    assert progress.describe(0, "scan.pdf", 20, 20) == "scan.pdf: OCR page 20 of 20"
