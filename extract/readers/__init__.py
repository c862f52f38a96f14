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
    """Reader settings: ``pdf_backend`` is a key of ``extract.readers.pdf.PDF_BACKENDS``."""

    pdf_backend: str = "pdfium"


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

    return read_pdf(path, sha256, options.pdf_backend)


READERS: tuple[Reader, ...] = (
    Reader(
        "pdf",
        "PDF with a text layer (pages without one are reported as needing OCR)",
        (".pdf",),
        _sniff_pdf,
        _read_pdf,
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
