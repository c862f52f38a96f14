"""The pdfplumber (pdfminer) backend of the PDF reader: one page's words and rulings at a time.

In: a PDF path. Out: ``PdfplumberPages``, the ``PdfPages`` of ``extract.readers.pdf.reader`` through
pdfplumber: page count, one ``PageContent`` per page (words with boxes, rulings, or
``needs_ocr``), the metadata title, the page count the page tree declares. pdfminer's many
exception types become UnreadableInput with a one-line reason, and a reference that leads back
to itself is refused instead of followed for ever.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from extract.model import PageContent, Ruling, Word
from extract.readers import UnreadableInput
from extract.readers.pdf.parts import MIN_RULING_LENGTH, Fill, described_text, fill_rulings

# A page whose words are mostly "(cid:NN)" glyphs has no usable text layer.
_CID_SHARE_FOR_OCR = 0.3


class PdfplumberPages:
    """``PdfPages`` through pdfplumber; each page's parsed objects are dropped once read."""

    def __init__(self, path: Path) -> None:
        import pdfplumber

        _guard_reference_loops()
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
        return described_text(metadata if isinstance(metadata, dict) else {})

    def declared(self) -> int | None:
        from pdfminer.pdftypes import resolve1

        try:
            count = resolve1(resolve1(self._pdf.doc.catalog["Pages"])["Count"])
        except Exception:  # no /Pages or /Count, or a broken reference: nothing declared
            return None
        return count if isinstance(count, int) else None

    def close(self) -> None:
        self._pdf.close()


def _guard_reference_loops() -> None:
    """Make pdfminer refuse an object that is only a reference leading back to itself
    ("6 0 obj 6 0 R endobj", or 6 -> 7 -> 6) instead of following it for ever: its
    ``resolve1`` loops while the value is a reference, uninterruptibly. ``PDFObjRef.resolve``
    is wrapped (once) to follow such a chain itself and raise PDFSyntaxError on a loop; what
    it returns is what ``resolve1`` would have reached."""
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.pdftypes import PDFObjRef

    original = PDFObjRef.resolve
    if getattr(original, "guards_loops", False):
        return

    def resolve(self: PDFObjRef, default: object = None) -> Any:
        seen = {self.objid}
        value = original(self, default)
        while isinstance(value, PDFObjRef):
            if value.objid in seen:
                raise PDFSyntaxError(f"object {value.objid} is a reference leading back to itself")
            seen.add(value.objid)
            value = original(value, default)
        return value

    resolve.guards_loops = True  # type: ignore[attr-defined]
    PDFObjRef.resolve = resolve  # type: ignore[method-assign]


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
        if max(x1 - x0, bottom - top) < MIN_RULING_LENGTH:
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
