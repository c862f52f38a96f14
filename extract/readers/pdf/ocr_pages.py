"""OCR of a PDF's scanned pages: pages without a usable text layer, and pages whose text
layer is a scanner's (judged first by ``scanner_text``, kept when it passes).

In: the PDF's path and those pages as read from their text layer (``PageContent``). Out: the
same pages, each replaced by its OCR reading or kept, with notes saying which and why.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from extract.codes import SourceKind
from extract.model import PageContent
from extract.readers import ReadOptions

# A scanned page is first rendered this coarsely to guess from its ink how long OCR takes
# (at 20 dpi text is grey, so pixels darker than 200 count as ink).
COST_DPI = 20.0
COST_DARKER_THAN = 200


def ocr_scanned(
    path: Path, pages: tuple[PageContent, ...], options: ReadOptions
) -> tuple[PageContent, ...]:
    """The pages with those that need OCR replaced by their OCR reading; a page whose text
    layer is a scanner's (``behind_image``) is read with OCR too unless that layer passes
    ``scanner_text.judge`` (then it is kept, noted so).

    Without Tesseract the pages stay as they are with a note saying what to install.
    """
    import numpy as np
    import pypdfium2

    from extract.readers.budgets import option_flag
    from extract.readers.ocr.image import ink_share
    from extract.readers.ocr.pages import (
        OcrSettings,
        OcrUnavailable,
        PageImage,
        check_tesseract,
        ocr_pages,
        page_dpi,
    )
    from extract.readers.pdf.pdfium_layer import SCANNER_TEXT_UNCHECKED
    from extract.readers.pdf.scanner_text import judge

    settings = OcrSettings(threads=options.ocr_threads, max_pixels=options.budgets.pixels)
    try:
        check_tesseract(settings)
    except OcrUnavailable as exc:
        return tuple(replace(p, notes=(*p.notes, str(exc))) if p.needs_ocr else p for p in pages)
    pdf = pypdfium2.PdfDocument(str(path))
    lock = threading.Lock()  # PDFium is not thread-safe: one page renders at a time

    def render(number: int, dpi: float) -> Any:
        """The page rendered at ``dpi``, or less for a page too large for it (``page_dpi``)."""
        with lock:
            page = pdf[number - 1]
            width, height = page.get_size()
            scale = page_dpi(width, height, dpi, settings.max_pixels) / 72
            return page.render(scale=scale, grayscale=True).to_pil()

    def shown_size(number: int) -> tuple[float, float]:
        """The page's width and height as shown (its /Rotate applied), as it renders."""
        with lock:
            width, height = pdf[number - 1].get_size()
        return float(width), float(height)

    try:
        kept: dict[int, PageContent] = {}
        why: dict[int, str] = {}  # a scanner's text layer replaced: the judge's note
        for page in pages:
            if page.behind_image:
                verdict = judge(page, np.asarray(render(page.number, settings.dpi)), settings.dpi)
                notes = tuple(n for n in page.notes if n != SCANNER_TEXT_UNCHECKED)
                if verdict.keep:
                    kept[page.number] = replace(page, notes=(*notes, verdict.note))
                else:
                    why[page.number] = verdict.note
        scanned = [
            PageImage(
                page.number,
                *shown_size(page.number),
                partial(render, page.number, settings.dpi),
                ink_share(np.asarray(render(page.number, COST_DPI)), COST_DARKER_THAN),
            )
            for page in pages
            if page.number not in kept
        ]
        read = {
            p.number: p for p in ocr_pages(scanned, settings, SourceKind.PDF_OCR, options.on_page)
        }
    finally:
        pdf.close()
    for number, note in why.items():
        read[number] = replace(read[number], notes=(note, *read[number].notes))
    for number, page in read.items():
        dpi = page_dpi(page.width, page.height, settings.dpi, settings.max_pixels)
        if dpi < settings.dpi:
            inches = f"{page.width / 72:.0f} x {page.height / 72:.0f} inches"
            note = (
                f"read at {dpi:.0f} dpi, not {settings.dpi}: the page is {inches} "
                f"({option_flag('max_pixels')} raises the limit)"
            )
            read[number] = replace(page, notes=(*page.notes, note))
    return tuple(kept.get(p.number) or read.get(p.number, p) for p in pages)
