"""Scanned page images (PNG, JPEG, TIFF incl. multi-page TIFF) read with OCR.

In: an image file. Out: a ``Document`` (source kind "image_ocr") with one OCR'd page per
image frame; the page size in points comes from the image's resolution (300 dpi if unset).
"""

from __future__ import annotations

from functools import partial
from numbers import Real
from pathlib import Path
from typing import Any

from extract.model import Document, PageContent
from extract.readers import ReadOptions, UnreadableInput

DEFAULT_DPI = 300.0
MAX_PIXELS = 200_000_000  # a page image larger than this is refused (decompression bomb)


def read_image(path: Path, sha256: str, options: ReadOptions) -> Document:
    """OCR every frame of an image file; raises UnreadableInput with a one-line reason."""
    import numpy as np
    from PIL import Image, ImageSequence, UnidentifiedImageError

    from extract.readers.ocr import OcrSettings, PageImage, ocr_pages
    from extract.readers.ocr_image import ink_share

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as image:
            frames = []
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                dpi = _dpi(frame.info.get("dpi"))
                grey = frame.convert("L")
                frames.append((number, grey, grey.width * 72 / dpi, grey.height * 72 / dpi))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableInput(f"unreadable image ({exc})") from exc
    if not frames:
        raise UnreadableInput("image has no frames")
    if not options.ocr:  # like a scanned PDF page: reported as needing OCR, not dropped
        pages = [PageContent(n, w, h, (), needs_ocr=True) for n, _image, w, h in frames]
        return Document(path=path, sha256=sha256, source_kind="image_ocr", pages=tuple(pages))
    scanned = [
        PageImage(n, w, h, partial(_same, image), ink_share(np.asarray(image)))
        for n, image, w, h in frames
    ]
    pages = ocr_pages(scanned, OcrSettings(threads=options.ocr_threads), "image_ocr")
    return Document(path=path, sha256=sha256, source_kind="image_ocr", pages=tuple(pages))


def _same(image: Any) -> Any:
    """The frame as it was read (image files are loaded whole: one frame each)."""
    return image


def _dpi(value: object) -> float:
    """The horizontal resolution of a frame's ``dpi`` info (an int, a float, or a TIFF's
    ``IFDRational``: any real number), DEFAULT_DPI when none is given."""
    if isinstance(value, tuple) and value and isinstance(value[0], Real):
        dpi = float(value[0])
        if dpi > 0:
            return dpi
    return DEFAULT_DPI
