"""PDF reader: words with boxes and ruling lines per page, from one of two backends.

In: a PDF path and its sha256. Out: a ``Document`` whose pages carry text-layer ``Word``s and
``Ruling``s. A page with no usable text layer (image-only scan, or glyphs without a Unicode
mapping) is marked ``needs_ocr`` instead of being skipped. Both backends draw rulings from
filled rectangles the same way (``fill_rulings``: a thin bar is one rule, shading inside
shading of its colour none). The pdfplumber backend's page code lives here; the PDFium
backend's in ``pdfium_layer``.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from extract.model import BBox, Document, PageContent, Ruling, Word
from extract.readers import PageStream, ReadOptions, UnreadableInput

# A page whose words are mostly "(cid:NN)" glyphs has no usable text layer.
_CID_SHARE_FOR_OCR = 0.3
# Edges shorter than this (points) are glyph decorations, not rulings.
_MIN_RULING_LENGTH = 4.0
# A filled rectangle at most this thick (points) is a rule drawn as a bar (Word draws table
# borders so); a thicker one is shading.
THIN_FILL = 3.0
# Fills of one colour beyond this many on a page are not checked for nesting (chart tiles).
NESTED_CHECK_LIMIT = 2000


def read_pdf(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read every page of a PDF with the options' text-layer backend, then OCR the pages
    that have no usable text layer (unless ``options.ocr`` is off).

    Raises UnreadableInput with a one-line reason (encrypted, damaged, no pages).
    """
    stream = stream_pdf(path, sha256, options)
    pages = tuple(stream.pages)
    return Document(path, sha256, "pdf_text", pages, described=stream.described)


def stream_pdf(path: Path, sha256: str, options: ReadOptions) -> PageStream:
    """A PDF as a ``PageStream``: pages read from the text layer one at a time, as iterated.

    With ``options.ocr``, every page is looked at first (keeping only those without a usable
    text layer, and those whose text layer is a scanner's, judged first: ``scanner_text``)
    and those are OCR'd before the stream starts; the text pages are read again
    when their turn comes. Raises UnreadableInput (encrypted, damaged, no pages) on opening.
    """
    try:
        opener = PDF_BACKENDS[options.pdf_backend]
    except KeyError:
        known = ", ".join(PDF_BACKENDS)
        raise ValueError(f"unknown PDF backend '{options.pdf_backend}' (known: {known})") from None
    source = opener(path)
    try:
        count = len(source)
        if not count:
            raise UnreadableInput("PDF has no pages")
        described = source.described()
        read: dict[int, PageContent] = {}
        if options.ocr:  # pages without text, and pages whose text is a scanner's
            scanned = tuple(
                p for n in range(1, count + 1) if (p := source.page(n)).needs_ocr or p.behind_image
            )
            if scanned:
                from extract.readers.pdf_ocr import ocr_scanned

                read = {p.number: p for p in ocr_scanned(path, scanned, options)}
    except BaseException:
        source.close()
        raise
    scanned_kind = any(page.source_kind for page in read.values())
    pages = _pages(source, count, read)
    return PageStream(path, sha256, "pdf_text", pages, scanned=scanned_kind, described=described)


def _pages(
    source: PdfPages, count: int, read: dict[int, PageContent]
) -> Generator[PageContent, None, None]:
    """Pages 1..count: those already read (OCR'd) as they are, the others from ``source``."""
    try:
        for number in range(1, count + 1):
            done = read.pop(number, None)
            yield done if done is not None else source.page(number)
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
        from extract.readers.pdfium_layer import read_page

        if self._read == PDF_REOPEN_PAGES:
            self._pdf.close()
            self._pdf = self._open()
            self._read = 0
        self._read += 1
        return read_page(self._pdf, number)

    def described(self) -> str:
        try:
            metadata = self._pdf.get_metadata_dict(skip_empty=True)
        except Exception:  # a broken info dictionary describes nothing
            return ""
        return _described(metadata)

    def close(self) -> None:
        self._pdf.close()


class _PdfplumberPages:
    """``PdfPages`` through pdfplumber; each page's parsed objects are dropped once read."""

    def __init__(self, path: Path) -> None:
        import pdfplumber

        with _plumber_errors():
            self._pdf = pdfplumber.open(path)
            try:
                self._pages = self._pdf.pages
            except BaseException:
                self._pdf.close()
                raise

    def __len__(self) -> int:
        return len(self._pages)

    def page(self, number: int) -> PageContent:
        page = self._pages[number - 1]
        try:
            with _plumber_errors():
                return _read_page(page)
        finally:
            page.close()  # drop the page's parsed objects: one page held at a time

    def described(self) -> str:
        metadata = self._pdf.metadata
        return _described(metadata if isinstance(metadata, dict) else {})

    def close(self) -> None:
        self._pdf.close()


def _described(metadata: Mapping[str, Any]) -> str:
    """A PDF's metadata title and subject as text lines (values that are not text skipped)."""
    values = (metadata.get(key) for key in ("Title", "Subject"))
    return "\n".join(v.strip() for v in values if isinstance(v, str) and v.strip())


@contextmanager
def _plumber_errors() -> Iterator[None]:
    """pdfplumber's and pdfminer's many exception types as UnreadableInput with the reason."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSEOF

    try:
        yield
    except Exception as exc:  # pdfplumber wraps pdfminer's many ad-hoc exception types
        cause = _root_cause(exc)
        if (
            isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError)
            or "Password" in type(cause).__name__
        ):
            raise UnreadableInput("encrypted PDF (a password is needed to open it)") from exc
        if isinstance(cause, PDFSyntaxError | PSEOF):
            raise UnreadableInput(
                f"damaged or truncated PDF ({cause or type(cause).__name__})"
            ) from exc
        raise UnreadableInput(f"damaged PDF ({type(cause).__name__}: {cause})") from exc


# Text-layer backends: PDFium (fast, the default) and pdfplumber/pdfminer (pure Python).
# Both give the same PageContent; the tests run the samples through both.
PDF_BACKENDS: dict[str, Callable[[Path], PdfPages]] = {
    "pdfium": _PdfiumPages,
    "pdfplumber": _PdfplumberPages,
}


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost exception: pdfplumber wraps pdfminer's in PdfminerException(args[0])."""
    seen = 0
    while seen < 10:
        seen += 1
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else None
        inner = inner or exc.__cause__ or exc.__context__
        if inner is None:
            return exc
        exc = inner
    return exc


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled rectangle drawn without a stroke: its box (top-left coordinates, points) and
    its fill colour (components rounded, as the backend gives them)."""

    box: BBox
    colour: tuple[float, ...]


def fill_rulings(fills: Sequence[Fill]) -> list[Ruling]:
    """The rulings filled rectangles draw, in top-left coordinates.

    A thin one (THIN_FILL) is one ruling along its middle: a border drawn as a bar. A thicker
    one is shading and gives its four edges (a shaded band's edges separate rows), unless it
    lies inside a larger fill of the same colour, where it cannot be seen (a paragraph's
    shading inside its shaded cell).
    """
    out: list[Ruling] = []
    shading: dict[tuple[float, ...], list[BBox]] = {}
    for fill in fills:
        x0, top, x1, bottom = fill.box
        if min(x1 - x0, bottom - top) <= THIN_FILL:
            if max(x1 - x0, bottom - top) >= _MIN_RULING_LENGTH:
                out.append(_middle(fill.box))
        else:
            shading.setdefault(fill.colour, []).append(fill.box)
    for boxes in shading.values():
        boxes.sort(key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)
        check = len(boxes) <= NESTED_CHECK_LIMIT
        for i, box in enumerate(boxes):
            if check and any(_contains(outer, box) for outer in boxes[:i]):
                continue
            x0, top, x1, bottom = box
            out.extend(
                Ruling(*edge)
                for edge in (
                    (x0, top, x1, top),
                    (x0, bottom, x1, bottom),
                    (x0, top, x0, bottom),
                    (x1, top, x1, bottom),
                )
            )
    return out


def _middle(box: BBox) -> Ruling:
    x0, top, x1, bottom = box
    if x1 - x0 >= bottom - top:
        y = (top + bottom) / 2
        return Ruling(x0, y, x1, y)
    x = (x0 + x1) / 2
    return Ruling(x, top, x, bottom)


def _contains(outer: BBox, inner: BBox, slack: float = 0.5) -> bool:
    return (
        outer[0] - slack <= inner[0]
        and outer[1] - slack <= inner[1]
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def _read_page(page: Any) -> PageContent:
    raw_words = page.extract_words(
        x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False, extra_attrs=["size", "fontname"]
    )
    words = tuple(
        Word(
            text=w["text"],
            bbox=(float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"])),
            source="text",
            font_size=round(float(w["size"]), 2),
            bold="bold" in str(w["fontname"]).lower(),
        )
        for w in raw_words
        if w["text"].strip()
    )
    cid_words = sum(1 for w in words if "(cid:" in w.text)
    unusable = not words or cid_words > _CID_SHARE_FOR_OCR * len(words)
    needs_ocr = unusable and bool(page.images)
    if unusable and not needs_ocr and cid_words:
        needs_ocr = True
    return PageContent(
        number=int(page.page_number),
        width=float(page.width),
        height=float(page.height),
        words=() if unusable else words,
        rulings=_rulings(page),
        needs_ocr=needs_ocr,
    )


def _rulings(page: Any) -> tuple[Ruling, ...]:
    """Horizontal and vertical edges of drawn lines, curves and stroked rectangles, and the
    rulings of filled rectangles (``fill_rulings``), in top-left coordinates."""
    from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

    fills: list[Fill] = []
    edges = [line_to_edge(line) for line in page.lines]
    edges.extend(edge for curve in page.curves for edge in curve_to_edges(curve))
    for rect in page.rects:
        if rect["stroke"]:
            edges.extend(rect_to_edges(rect))
        elif rect["fill"] and not _white(rect.get("non_stroking_color")):
            box = (float(rect["x0"]), float(rect["top"]), float(rect["x1"]), float(rect["bottom"]))
            fills.append(Fill(box, _colour(rect.get("non_stroking_color"))))
    out = fill_rulings(fills)
    for edge in edges:
        x0, x1 = float(edge["x0"]), float(edge["x1"])
        top, bottom = float(edge["top"]), float(edge["bottom"])
        if max(x1 - x0, bottom - top) < _MIN_RULING_LENGTH:
            continue
        out.append(Ruling(x0=x0, top=top, x1=x1, bottom=bottom))
    out.sort(key=lambda r: (r.top, r.x0))
    return tuple(out)


def _colour(value: Any) -> tuple[float, ...]:
    """A pdfplumber colour (a number, a tuple of components, or a pattern name) as a tuple."""
    if isinstance(value, int | float):
        return (round(float(value), 3),)
    if isinstance(value, tuple | list):
        return tuple(round(float(v), 3) for v in value if isinstance(v, int | float))
    return ()


def _white(value: Any) -> bool:
    """True for a fill colour that is white (grey 1, RGB all 1, CMYK all 0)."""
    parts = _colour(value)
    if len(parts) == 4:
        return all(v <= 0.02 for v in parts)
    return bool(parts) and all(v >= 0.98 for v in parts)
