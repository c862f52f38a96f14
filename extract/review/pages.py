"""Page images for the review site: each page of a PDF (pypdfium2) or of a scanned image
file (PIL, frame by frame), as a JPEG about ``WIDTH_PX`` pixels wide.

In: the document's file (or None when it has moved or is gone), its page count, the folder
and the name stem for the images. Out: one ``PageView`` per page: its size in PDF points
(what record boxes are measured in), the image's path relative to the site, or a note.

Record boxes of an image file (``image_ocr``) are in points of the image as shown (EXIF
orientation applied) at its resolution (``frame_dpi``, 300 dpi when unset): the page is
``pixels * 72 / dpi`` points, so boxes placed as percentages of that size sit on the image.
A page that cannot be shown gets a blank of A4 (or larger, to hold its boxes).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

WIDTH_PX = 900
JPEG_QUALITY = 60
A4 = (595.28, 841.89)
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})


@dataclass(frozen=True, slots=True)
class PageView:
    """One page as the site shows it: its size in points and its image (None: a blank)."""

    number: int
    width: float
    height: float
    image: str | None = None  # path relative to the review folder
    width_px: int = 0
    height_px: int = 0


def render_pages(
    path: Path | None,
    pages: int,
    folder: Path,
    stem: str,
    text_pages: frozenset[int] = frozenset(),
) -> tuple[list[PageView], str | None]:
    """Every page of the document at ``path`` written to ``folder`` as ``stem-pN.jpg``;
    returns the pages and a one-line note when they could not be shown (blank pages of
    ``pages`` instead). ``text_pages``: pages read from their text layer, whose boxes are on
    the page as stored (a page's /Rotate not applied, as PDFium gives its text), so they are
    shown as stored; an OCR'd page's boxes are on the page as shown."""
    if path is None:
        return _blank(pages), "the document was not found where the run read it"
    try:
        if path.suffix.lower() in IMAGE_SUFFIXES:
            views = _image_pages(path, folder, stem)
        else:
            views = _pdf_pages(path, folder, stem, text_pages)
    except Exception as exc:  # any unreadable file: blank pages
        return _blank(pages), f"the document could not be shown ({type(exc).__name__})"
    return views, None


def blank_size(boxes: list[list[float]]) -> tuple[float, float]:
    """A blank page's size: A4, widened or lengthened to hold every box."""
    width = max([A4[0], *(b[2] for b in boxes)])
    height = max([A4[1], *(b[3] for b in boxes)])
    return width, height


def _blank(pages: int) -> list[PageView]:
    return [PageView(n, *A4) for n in range(1, max(pages, 0) + 1)]


def _pdf_pages(path: Path, folder: Path, stem: str, text_pages: frozenset[int]) -> list[PageView]:
    import pypdfium2

    views = []
    pdf = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                width, height = (float(v) for v in page.get_size())
                turned = page.get_rotation() if index + 1 in text_pages else 0
                if turned in (90, 270):
                    width, height = height, width
                image = page.render(
                    scale=WIDTH_PX / max(width, 1.0), rotation=(360 - turned) % 360
                ).to_pil()
            finally:
                page.close()
            views.append(_save(image, index + 1, width, height, folder, stem))
    finally:
        pdf.close()
    return views


def _image_pages(path: Path, folder: Path, stem: str) -> list[PageView]:
    from PIL import Image, ImageOps, ImageSequence

    from extract.readers.ocr.image_files import frame_dpi

    views = []
    with Image.open(path) as image:
        for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
            dpi = frame_dpi(frame.info.get("dpi"))
            shown = ImageOps.exif_transpose(frame)
            width, height = shown.size
            scale = WIDTH_PX / max(width, 1)
            small = shown.convert("RGB").resize((WIDTH_PX, max(1, round(height * scale))))
            views.append(_save(small, number, width * 72 / dpi, height * 72 / dpi, folder, stem))
    return views


def _save(
    image: Any, number: int, width: float, height: float, folder: Path, stem: str
) -> PageView:
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{stem}-p{number}.jpg"
    image.convert("RGB").save(folder / name, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return PageView(number, width, height, f"{folder.name}/{name}", *image.size)
