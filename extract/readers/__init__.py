"""Readers: one per input format, each turning a file into a ``Document``.

``READERS`` is the one registry; the pipeline picks a reader by what the file is (its leading
bytes), not by its name, and the CLI derives its list of accepted formats from here. A reader
that can also hand out its pages one at a time (``Reader.stream``, the PDF reader) lets the
pipeline hold one page at a time; ``open_pages`` gives every format as a ``PageStream``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path

from extract.codes import SourceKind
from extract.model import Document, PageContent
from extract.readers.budgets import Budgets


class UnreadableInput(Exception):
    """The file cannot be read as any supported format; the message says why (one line)."""


# A page note starting so says pages of the file could not be read (a damaged page tree, a
# missing page object): an error in the report, the file ``partial``.
PAGES_LOST = "pages lost: "


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """Reader settings.

    ``pdf_backend``: a key of ``extract.readers.pdf.reader.PDF_BACKENDS``. ``ocr``: read pages
    without a usable text layer (and images) with Tesseract; on by default (a few seconds a
    page); off, such pages are reported as ``needs_ocr`` and give no records.
    ``ocr_threads``: pages OCR'd at the same time within one file. ``budgets``: the limits a
    document is checked against before it is read (``extract.readers.budgets``).
    ``on_page``: told (pages OCR'd so far, pages to OCR) as each OCR'd page is done (progress
    on a long scan); never part of what a document was read with.
    """

    pdf_backend: str = "pdfium"
    ocr: bool = True
    ocr_threads: int = 1
    budgets: Budgets = field(default_factory=Budgets)
    on_page: Callable[[int, int], None] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class PageStream:
    """A document whose pages are read one at a time.

    ``pages`` yields every page once, in order, each read when its turn comes (a reader error
    surfaces as UnreadableInput from the iteration); close it when stopping early. What must be
    known before the first page is here: ``scanned`` (some page is an OCR reading) and
    ``sheets`` (some page is a spreadsheet sheet) and ``described`` (as ``Document.described``).
    """

    path: Path
    sha256: str
    source_kind: SourceKind
    pages: Generator[PageContent, None, None]
    scanned: bool = False
    sheets: bool = False
    described: str = ""


@dataclass(frozen=True, slots=True)
class Reader:
    """A format reader: ``sniff`` decides from the first bytes, ``read`` builds the Document.

    ``suffix_required``: the format has no magic bytes (csv), so the file name must also end
    in one of ``suffixes``. ``stream``: reads the file page by page (None: ``read`` it whole).
    """

    name: str
    description: str
    suffixes: tuple[str, ...]
    sniff: Callable[[bytes], bool]
    read: Callable[[Path, str, ReadOptions], Document]
    suffix_required: bool = False
    stream: Callable[[Path, str, ReadOptions], PageStream] | None = None

    def open(self, path: Path, sha256: str, options: ReadOptions) -> PageStream:
        """The file as a ``PageStream``: streamed if the reader can, else read whole first."""
        if self.stream is not None:
            return self.stream(path, sha256, options)
        document = self.read(path, sha256, options)
        return PageStream(
            document.path,
            document.sha256,
            document.source_kind,
            _each(document.pages),
            scanned=any(page.source_kind for page in document.pages),
            sheets=any(page.sheet is not None for page in document.pages),
            described=document.described,
        )


def _each(pages: tuple[PageContent, ...]) -> Generator[PageContent, None, None]:
    """The pages one by one, each let go once given out (a sheet's grid can be large)."""
    waiting = list(reversed(pages))
    del pages
    while waiting:
        yield waiting.pop()


def _sniff_pdf(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\0").startswith(b"%PDF-")


def _read_pdf(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.pdf.reader import read_pdf

    return read_pdf(path, sha256, options)


def _stream_pdf(path: Path, sha256: str, options: ReadOptions) -> PageStream:
    from extract.readers.pdf.reader import stream_pdf

    return stream_pdf(path, sha256, options)


def _sniff_image(head: bytes) -> bool:
    return head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*"))


def _read_image(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.ocr.image_files import read_image

    return read_image(path, sha256, options)


_ZIP_MAGIC = b"PK\x03\x04"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODS_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def _sniff_ods(head: bytes) -> bool:
    # ODF stores the uncompressed "mimetype" member first, so its text is in the first bytes
    return head.startswith(_ZIP_MAGIC) and _ODS_MIMETYPE in head[:200]


def _read_ods(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.sheets.ods import read_ods

    return read_ods(path, sha256, options)


def _sniff_xlsx(head: bytes) -> bool:
    # any other zip: the reader checks for xl/workbook.xml and names what it found instead
    return head.startswith(_ZIP_MAGIC)


def _read_xlsx(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.sheets.xlsx import read_xlsx

    return read_xlsx(path, sha256, options)


def _sniff_ole2(head: bytes) -> bool:
    # .xls, and also a password-protected xlsx (an OLE2 "EncryptedPackage"): the reader tells
    return head.startswith(_OLE2_MAGIC)


def _read_xls(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.sheets.xls import read_xls

    return read_xls(path, sha256, options)


def _sniff_text(head: bytes) -> bool:
    # csv has no magic bytes: anything that is not one of the binary formats above
    return not head.startswith((_ZIP_MAGIC, _OLE2_MAGIC, b"%PDF-"))


def _sniff_html(head: bytes) -> bool:
    from extract.readers.sheets.html_tables import is_html

    return is_html(head)


def _read_html(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.sheets.html_tables import read_html_tables

    return read_html_tables(path, sha256, options)


def _read_csv(path: Path, sha256: str, options: ReadOptions) -> Document:
    from extract.readers.sheets.delimited import read_csv

    return read_csv(path, sha256, options)


READERS: tuple[Reader, ...] = (
    Reader(
        "pdf",
        "PDF; pages without a text layer are OCR'd (Tesseract, Danish)",
        (".pdf",),
        _sniff_pdf,
        _read_pdf,
        stream=_stream_pdf,
    ),
    Reader(
        "image",
        "scanned page images: PNG, JPEG, TIFF (multi-page), OCR'd",
        (".png", ".jpg", ".jpeg", ".tif", ".tiff"),
        _sniff_image,
        _read_image,
    ),
    Reader(
        "ods",
        "OpenDocument spreadsheets (.ods)",
        (".ods",),
        _sniff_ods,
        _read_ods,
    ),
    Reader(
        "xlsx",
        "Excel workbooks (.xlsx, .xlsm): cached values, merged cells, hidden rows/columns",
        (".xlsx", ".xlsm"),
        _sniff_xlsx,
        _read_xlsx,
    ),
    Reader(
        "xls",
        "legacy Excel workbooks (.xls)",
        (".xls",),
        _sniff_ole2,
        _read_xls,
    ),
    Reader(
        "html",
        "HTML tables (a web page saved as .xls, as public-data sites hand them out)",
        (),
        _sniff_html,
        _read_html,
    ),
    Reader(
        "csv",
        "delimited text (.csv, .tsv, or tab-separated text named .xls): UTF-8 or "
        "Windows-1252, ';' ',' or tab",
        (".csv", ".tsv", ".xls"),
        _sniff_text,
        _read_csv,
        suffix_required=True,
    ),
)


def accepted_suffixes() -> tuple[str, ...]:
    """File name suffixes the folder walker picks up."""
    return tuple(dict.fromkeys(s for reader in READERS for s in reader.suffixes))


def reader_for(path: Path, head: bytes) -> Reader:
    """The reader for a file, judged by its first bytes (its name only where they cannot
    tell: a csv, a PDF after junk); raises UnreadableInput if none fits."""
    if not head:
        raise UnreadableInput("empty file (0 bytes)")
    suffix = path.suffix.lower()
    for reader in READERS:
        if reader.suffix_required and suffix not in reader.suffixes:
            continue
        if reader.sniff(head):
            return reader
    if suffix == ".pdf" and b"%PDF-" in head[:1024]:  # a PDF after some junk, as readers allow
        return next(r for r in READERS if r.name == "pdf")
    kinds = ", ".join(r.name for r in READERS)
    raise UnreadableInput(f"not a supported document (expected one of: {kinds})")
