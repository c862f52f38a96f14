"""PDF reader: words with boxes and ruling lines per page, from one of two backends.

In: a PDF path and its sha256. Out: a ``Document`` whose pages carry text-layer ``Word``s and
``Ruling``s. A page with no usable text layer (image-only scan, or glyphs without a Unicode
mapping) is marked ``needs_ocr`` instead of being skipped. Both backends draw rulings from
filled rectangles the same way (``pdf_parts.fill_rulings``). The PDFium backend's page code
lives in ``pdfium_layer``, the pdfplumber backend in ``pdfplumber_layer``. A PDF one backend
cannot open, or finds no pages in, is read with the other when that one can (noted); pages
that cannot be read are reported (``PAGES_LOST``), not dropped in silence.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from extract.codes import SourceKind
from extract.model import Document, PageContent
from extract.readers import PAGES_LOST, PageStream, ReadOptions, UnreadableInput
from extract.readers.pdf.parts import described_text
from extract.readers.pdf.pdfplumber_layer import PdfplumberPages


def read_pdf(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read every page of a PDF with the options' text-layer backend, then OCR the pages
    that have no usable text layer (unless ``options.ocr`` is off).

    Raises UnreadableInput with a one-line reason (encrypted, damaged, no pages).
    """
    stream = stream_pdf(path, sha256, options)
    pages = tuple(stream.pages)
    return Document(path, sha256, SourceKind.PDF_TEXT, pages, described=stream.described)


def stream_pdf(path: Path, sha256: str, options: ReadOptions) -> PageStream:
    """A PDF as a ``PageStream``: pages read from the text layer one at a time, as iterated.

    With ``options.ocr``, every page is looked at first (keeping only those without a usable
    text layer, and those whose text layer is a scanner's, judged first: ``scanner_text``)
    and those are OCR'd before the stream starts; the text pages are read again
    when their turn comes. Raises UnreadableInput (encrypted, damaged, no pages) on opening.
    """
    source, notes = _open_pages(path, options.pdf_backend)
    try:
        count = len(source)
        described = source.described()
        read: dict[int, PageContent] = {}
        if options.ocr:  # pages without text, and pages whose text is a scanner's
            scanned = tuple(
                p for n in range(1, count + 1) if (p := source.page(n)).needs_ocr or p.behind_image
            )
            if scanned:
                from extract.readers.pdf.ocr_pages import ocr_scanned

                read = {p.number: p for p in ocr_scanned(path, scanned, options)}
    except BaseException:
        source.close()
        raise
    scanned_kind = any(page.source_kind for page in read.values())
    pages = _pages(source, count, read, notes)
    return PageStream(
        path, sha256, SourceKind.PDF_TEXT, pages, scanned=scanned_kind, described=described
    )


def _open_pages(path: Path, backend: str) -> tuple[PdfPages, tuple[str, ...]]:
    """The PDF opened with ``backend``, and notes for its first page. When that backend
    finds it damaged or without pages and another reads pages from it (PDFium repairs a
    broken cross-reference table), the other, noted; pages the file declares but the backend
    could not find are noted as lost. UnreadableInput when no backend reads a page."""
    try:
        opener = PDF_BACKENDS[backend]
    except KeyError:
        known = ", ".join(PDF_BACKENDS)
        raise ValueError(f"unknown PDF backend '{backend}' (known: {known})") from None
    reason = "PDF has no pages"
    others = [(name, other) for name, other in PDF_BACKENDS.items() if name != backend]
    for name, open_with in [(backend, opener), *others]:
        try:
            source = open_with(path)
        except UnreadableInput as exc:
            if name == backend:
                if str(exc).startswith("encrypted"):
                    raise
                reason = str(exc)
            continue
        count = len(source)
        if not count:
            source.close()
            continue
        notes = [] if name == backend else [f"read with {name}: {backend} could not ({reason})"]
        declared = source.declared()
        if declared is not None and declared > count:
            notes.append(
                f"{PAGES_LOST}the file declares {declared} pages, {count} could be read "
                "(a damaged page tree?); the others' tables were not read"
            )
        return source, tuple(notes)
    raise UnreadableInput(reason)


def _pages(
    source: PdfPages, count: int, read: dict[int, PageContent], notes: tuple[str, ...]
) -> Generator[PageContent, None, None]:
    """Pages 1..count: those already read (OCR'd) as they are, the others from ``source``;
    ``notes`` added to the first."""
    try:
        for number in range(1, count + 1):
            done = read.pop(number, None)
            page = done if done is not None else source.page(number)
            if notes and number == 1:
                page = replace(page, notes=(*notes, *page.notes))
            yield page
    finally:
        source.close()


class PdfPages(Protocol):
    """An open PDF of one backend: its page count, and one page read at a time."""

    def __len__(self) -> int: ...

    def page(self, number: int) -> PageContent:
        """Page ``number`` (1-based); UnreadableInput if the PDF turns out damaged."""
        ...

    def described(self) -> str:
        """The PDF's metadata title and subject, one per line ("" when it has none)."""
        ...

    def declared(self) -> int | None:
        """The page count the page tree's root declares, when the backend tells it apart."""
        ...

    def close(self) -> None: ...


# PDFium keeps what it parsed for a page (fonts, images) for as long as the document is open,
# even after the page is closed; reopening it every so many pages keeps memory flat.
PDF_REOPEN_PAGES = 50


class _PdfiumPages:
    """``PdfPages`` through PDFium: one page's words and rulings at a time (``pdfium_layer``)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pdf = self._open()
        self._read = 0  # pages read since the document was opened

    def _open(self) -> Any:
        import pypdfium2

        try:
            return pypdfium2.PdfDocument(str(self._path))
        except pypdfium2.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise UnreadableInput("encrypted PDF (a password is needed to open it)") from exc
            raise UnreadableInput(f"damaged or truncated PDF ({exc})") from exc

    def __len__(self) -> int:
        return len(self._pdf)

    def page(self, number: int) -> PageContent:
        from extract.readers.pdf.pdfium_layer import read_page

        if self._read == PDF_REOPEN_PAGES:
            self._pdf.close()
            self._pdf = self._open()
            self._read = 0
        self._read += 1
        import pypdfium2

        try:
            return read_page(self._pdf, number)
        except pypdfium2.PdfiumError as exc:  # a page tree in a loop, a page object missing
            lost = (
                f"{PAGES_LOST}this page could not be read (PDFium: {exc}); its tables were not read"
            )
            return PageContent(number, 0.0, 0.0, (), notes=(lost,))

    def declared(self) -> None:
        return None  # PDFium counts the pages it finds in the tree, a loop's included

    def described(self) -> str:
        try:
            metadata = self._pdf.get_metadata_dict(skip_empty=True)
        except Exception:  # a broken info dictionary describes nothing
            return ""
        return described_text(metadata)

    def close(self) -> None:
        self._pdf.close()


# Text-layer backends: PDFium (fast, the default) and pdfplumber/pdfminer (pure Python).
# Both give the same PageContent; the tests run the samples through both.
PDF_BACKENDS: dict[str, Callable[[Path], PdfPages]] = {
    "pdfium": _PdfiumPages,
    "pdfplumber": PdfplumberPages,
}
