"""Scanned page images (PNG, JPEG, TIFF incl. multi-page TIFF) read with OCR.

In: an image file. Out: a ``Document`` (source kind "image_ocr") with one OCR'd page per
image frame; the page size in points comes from the image's resolution (300 dpi if unset).
"""

from __future__ import annotations

from functools import partial
from numbers import Real
from pathlib import Path
from typing import Any

from extract.codes import SourceKind
from extract.model import Document, PageContent
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.budgets import Budgets

DEFAULT_DPI = 300.0
# The EXIF orientation tag, and its values for an image stored a quarter turned.
_ORIENTATION = 0x0112
_SIDEWAYS = frozenset({5, 6, 7, 8})


def read_image(path: Path, sha256: str, options: ReadOptions) -> Document:
    """OCR every frame of an image file; raises UnreadableInput with a one-line reason.
    Every frame's size is checked first, from its header; each is decoded only when its turn
    to be read comes, so a long TIFF is never held in memory whole."""
    from extract.readers.ocr.pages import OcrSettings, PageImage, ocr_pages

    sizes = _frame_sizes(path, options.budgets)
    if not options.ocr:  # like a scanned PDF page: reported as needing OCR, not dropped
        pages = [PageContent(n, w, h, (), needs_ocr=True) for n, w, h, _cost in sizes]
        return Document(
            path=path, sha256=sha256, source_kind=SourceKind.IMAGE_OCR, pages=tuple(pages)
        )
    scanned = [PageImage(n, w, h, partial(_frame, path, n), cost) for n, w, h, cost in sizes]
    pages = ocr_pages(
        scanned,
        OcrSettings(threads=options.ocr_threads, max_pixels=options.budgets.pixels),
        SourceKind.IMAGE_OCR,
        options.on_page,
    )
    return Document(path=path, sha256=sha256, source_kind=SourceKind.IMAGE_OCR, pages=tuple(pages))


def _frame_sizes(path: Path, budgets: Budgets) -> list[tuple[int, float, float, float]]:
    """Per frame (number, width and height in points, pixel count), read from the headers
    only; UnreadableInput for an unreadable image, or frames or pixels past ``budgets`` (a
    decompression bomb is a few KB declaring a huge canvas; an A4 page scanned at 600 dpi
    has 35 million pixels)."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = None  # the budget is checked here instead, with a clear reason
    sizes = []
    try:
        with Image.open(path) as image:
            for number, frame in enumerate(ImageSequence.Iterator(image), start=1):
                if number > budgets.max_frames:
                    raise UnreadableInput(
                        budgets.refusal("max_frames", "the image has more frames (pages)")
                    )
                width, height = frame.size
                if width * height > budgets.pixels:
                    raise UnreadableInput(
                        budgets.refusal(
                            "max_pixels",
                            f"image frame {number} is {width} x {height} pixels, "
                            f"{width * height / 1e6:.0f} million (a decompression bomb?)",
                        )
                    )
                dpi = frame_dpi(frame.info.get("dpi"))
                if frame.getexif().get(_ORIENTATION) in _SIDEWAYS:  # shown turned a quarter
                    width, height = height, width
                sizes.append((number, width * 72 / dpi, height * 72 / dpi, float(width * height)))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise UnreadableInput(f"unreadable image ({exc})") from exc
    if not sizes:
        raise UnreadableInput("image has no frames")
    return sizes


def _frame(path: Path, number: int) -> Any:
    """Frame ``number`` (from 1) of the image file, decoded, in grey, EXIF orientation
    applied (a phone photo taken sideways is stored sideways with a tag saying so)."""
    from PIL import Image, ImageOps

    Image.MAX_IMAGE_PIXELS = None  # (its size was checked by _frame_sizes)
    with Image.open(path) as image:
        image.seek(number - 1)
        return ImageOps.exif_transpose(image).convert("L")


def frame_dpi(value: object) -> float:
    """The horizontal resolution of a frame's ``dpi`` info (an int, a float, or a TIFF's
    ``IFDRational``: any real number), DEFAULT_DPI when none is given."""
    if isinstance(value, tuple) and value and isinstance(value[0], Real):
        dpi = float(value[0])
        if dpi > 0:
            return dpi
    return DEFAULT_DPI
