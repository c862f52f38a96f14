"""Readers: one per input format, each turning a file into a ``Document``.

``READERS`` is the one registry; the pipeline picks a reader by what the file is (its leading
bytes), not by its name, and the CLI derives its list of accepted formats from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extract.model import Document


class UnreadableInput(Exception):
    """The file cannot be read as any supported format; the message says why (one line)."""


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Reader settings.

    ``pdf_backend``: a key of ``extract.readers.pdf.PDF_BACKENDS``. ``ocr``: read pages
    without a text layer (and images) with Tesseract; off by default while OCR accuracy on
    noisy scans is below target, so such pages are reported as ``needs_ocr``.
    ``ocr_threads``: pages OCR'd at the same time within one file.
    """

    pdf_backend: str = "pdfium"
    ocr: bool = False
    ocr_threads: int = 1


@dataclass(frozen=True, slots=True)
class Reader:
    """A format reader: ``sniff`` decides from the first bytes, ``read`` builds the Document."""

    name: str
    description: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[Path, str, ReadOptions], Document]


def _sniff_pdf(head: bytes) -> bool:
    return b"%PDF-" in head[:1024]


def _read_pdf(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.pdf import read_pdf

    return read_pdf(path, sha256, options)


def _sniff_image(head: bytes) -> bool:
    return head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))


def _read_image(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.image import read_image

    return read_image(path, sha256, options)


READERS: tuple[Reader, ...] = (
    Reader(
        "pdf",
        "PDF; pages without a text layer are OCR'd (Tesseract, Danish)",
        (".pdf",),
        _sniff_pdf,
        _read_pdf,
    ),
    Reader(
        "image",
        "scanned page images: PNG, JPEG, TIFF (multi-page), OCR'd",
        (".png", ".jpg", ".jpeg", ".tif", ".tiff"),
        _sniff_image,
        _read_image,
    ),
)


def accepted_suffixes() -> tuple[str, ...]:
    """File name suffixes the folder walker picks up."""
    return tuple(s for reader in READERS for s in reader.suffixes)


def reader_for(path: Path, head: bytes) -> Reader:
    """The reader for a file, judged by its first bytes; raises UnreadableInput if none fits."""
    if not head:
        raise UnreadableInput("empty file (0 bytes)")
    for reader in READERS:
        if reader.sniff(head):
            return reader
    kinds = ", ".join(r.name for r in READERS)
    raise UnreadableInput(f"not a supported document (expected one of: {kinds})")
