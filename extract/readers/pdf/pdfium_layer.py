"""PDF text layer through PDFium (pypdfium2): words with boxes and ruling lines per page.

In: an open ``pypdfium2.PdfDocument``. Out: ``PageContent`` per page, the same as the
pdfplumber backend gives (top-left coordinates in points), about ten times faster because
PDFium parses the content streams in C++.
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Callable, Iterator
from typing import Any

from extract.model import PageContent, Ruling, Word

# A gap wider than this share of the font size between two glyphs starts a new word.
WORD_GAP_EM = 0.25
# PDFium's font weight at and above which text counts as bold.
BOLD_WEIGHT = 600
# Room for a font's name (longer names are cut; "Bold" comes early in them).
FONT_NAME_BYTES = 128
# Edges shorter than this (points) are glyph decorations, not rulings.
MIN_RULING_LENGTH = 4.0
# A page whose glyphs mostly lack a Unicode mapping has no usable text layer.
UNMAPPED_SHARE_FOR_OCR = 0.3


def read_page(pdf: Any, number: int) -> PageContent:
    """Page ``number`` (1-based) of an open pypdfium2 document; PDFium's copy of the page is
    released before returning, so reading page after page holds one page at a time."""
    page = pdf[number - 1]
    try:
        return _read_page(page, number)
    finally:
        page.close()


def _read_page(page: Any, number: int) -> PageContent:
    import pypdfium2.raw as raw

    left, bottom, right, top = page.get_cropbox()
    textpage = page.get_textpage()
    try:
        words, unmapped, glyphs = _words(raw, textpage, left, top)
    finally:
        textpage.close()
    unusable = not words or unmapped > UNMAPPED_SHARE_FOR_OCR * max(glyphs, 1)
    area = float(right - left) * float(top - bottom)
    rulings, image_area = _graphics(raw, page, left, top)
    behind_image = not unusable and image_area >= FULL_PAGE_IMAGE * area
    return PageContent(
        number=number,
        width=float(right - left),
        height=float(top - bottom),
        words=() if unusable else tuple(words),
        rulings=tuple(rulings),
        needs_ocr=unusable and (image_area > 0 or unmapped > 0),
        notes=(SCANNER_TEXT_UNCHECKED,) if behind_image else (),
        behind_image=behind_image,
    )


# An image covering this share of the page, text over it: a scan with a scanner's text layer.
FULL_PAGE_IMAGE = 0.8
SCANNER_TEXT_UNCHECKED = "a scanner's text layer behind the page image, used unchecked (OCR is off)"


def _words(raw: Any, textpage: Any, left: float, top: float) -> tuple[list[Word], int, int]:
    """(words, glyphs without Unicode mapping, glyph count) of one text page.

    The page text comes in one call; words are its runs of non-space characters (PDFium puts
    generated spaces and line breaks where glyphs are apart). Each word's box spans the loose
    boxes (font ascent to descent) of its first and last glyph; a run whose ends are not on one
    line, or whose glyphs are far apart, is split glyph by glyph.
    """
    handle = textpage.raw
    font_name = ctypes.create_string_buffer(FONT_NAME_BYTES)  # read font names into it
    count = raw.FPDFText_CountChars(handle)
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: fall back to one glyph at a time
        text = "".join(chr(raw.FPDFText_GetUnicode(handle, i) or 0xFFFD) for i in range(count))
    text = text.translate(_PRINTED)
    unmapped = text.count("\ufffd") + text.count("\x00")
    words: list[Word] = []
    loose = _loose_boxes(raw, handle)
    font_size, map_error = raw.FPDFText_GetFontSize, raw.FPDFText_HasUnicodeMapError
    for match in _TOKEN.finditer(text):
        first, last = match.start(), match.end() - 1
        a, b = loose(first), loose(last)
        size = font_size(handle, first)
        if map_error(handle, first):
            unmapped += last - first + 1
        em = max(size, 1.0)
        if (
            abs(a[3] - b[3]) > 0.5 * em
            or b[2] < a[0]
            or (b[2] - a[0]) > 1.2 * em * (last - first + 1)
        ):
            words.extend(_split_glyphs(raw, handle, text, (first, last), (left, top), font_name))
            continue
        bold = _bold(raw, handle, first, font_name)
        words.append(
            Word(
                match.group().replace("\ufffe", "-"),
                (a[0] - left, top - max(a[3], b[3]), b[2] - left, top - min(a[1], b[1])),
                "text",
                None,
                round(size, 2),
                bold,
            )
        )
    return words, unmapped, count


def _bold(raw: Any, handle: Any, index: int, name: Any) -> bool:
    """Whether the glyph at ``index`` is set in a bold font: by the font's weight, or, when the
    font gives none (the standard 14 fonts), by its name ("Helvetica-Bold"), read into the
    buffer ``name`` (FONT_NAME_BYTES long)."""
    weight = raw.FPDFText_GetFontWeight(handle, index)
    if weight > 0:
        return bool(weight >= BOLD_WEIGHT)
    raw.FPDFText_GetFontInfo(handle, index, name, FONT_NAME_BYTES, None)
    return b"bold" in name.value.lower()


# PDFium marks a hyphen at a line end as U+0002 (per glyph) or U+FFFE (in page text); the
# word after it starts on the next line.
_PRINTED = str.maketrans({0x02: "\ufffe"})
_TOKEN = re.compile(r"[^\s\x00\ufffe\uffff]+\ufffe?|\ufffe")


def _loose_boxes(raw: Any, handle: Any) -> Callable[[int], tuple[float, float, float, float]]:
    """(left, bottom, right, top) of a glyph of one text page (by index) from its font's
    ascent and descent, read into one reused rectangle."""
    box = raw.FS_RECTF()
    ref = ctypes.byref(box)
    get = raw.FPDFText_GetLooseCharBox

    def loose(index: int) -> tuple[float, float, float, float]:
        get(handle, index, ref)
        return box.left, box.bottom, box.right, box.top

    return loose


def _split_glyphs(
    raw: Any,
    handle: Any,
    text: str,
    run: tuple[int, int],
    origin: tuple[float, float],
    font_name: Any,
) -> list[Word]:
    """Words of one run (glyph indices ``run``, inclusive) read glyph by glyph, split where
    glyphs are apart or change line; ``origin`` is the page's (left, top)."""
    first, last = run
    left, top = origin
    words: list[Word] = []
    chars: list[str] = []
    box = (0.0, 0.0, 0.0, 0.0)
    size = 0.0
    bold = False
    loose = _loose_boxes(raw, handle)
    for i in range(first, last + 1):
        glyph = loose(i)
        if chars:
            apart = glyph[0] - box[2] > WORD_GAP_EM * max(size, 1.0) or glyph[0] < box[0]
            if apart or abs(glyph[3] - box[3]) > 0.5 * max(size, 1.0):
                words.append(_word(chars, box, size, left, top, bold))
                chars = []
        if not chars:
            box, size = glyph, raw.FPDFText_GetFontSize(handle, i)
            bold = _bold(raw, handle, i, font_name)
        else:
            box = (box[0], min(box[1], glyph[1]), max(box[2], glyph[2]), max(box[3], glyph[3]))
        chars.append("-" if text[i] == "\ufffe" else text[i])
    if chars:
        words.append(_word(chars, box, size, left, top, bold))
    return words


def _word(
    chars: list[str],
    box: tuple[float, float, float, float],
    size: float,
    left: float,
    top: float,
    bold: bool,
) -> Word:
    return Word(
        "".join(chars),
        (box[0] - left, top - box[3], box[2] - left, top - box[1]),
        "text",
        None,
        round(size, 2),
        bold,
    )


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """The transform applying ``inner`` first, then ``outer``."""
    a, b, c, d, e, f = inner
    pa, pb, pc, pd, pe, pf = outer
    return (
        a * pa + b * pc,
        a * pb + b * pd,
        c * pa + d * pc,
        c * pb + d * pd,
        e * pa + f * pc + pe,
        e * pb + f * pd + pf,
    )


def _object_matrix(raw: Any, handle: Any) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(handle, ctypes.byref(m)):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _page_objects(raw: Any, page: Any) -> Iterator[tuple[Any, int, Matrix]]:
    """(handle, type, transform of the enclosing forms) of every object, forms entered."""
    stack = [(None, _IDENTITY, raw.FPDFPage_CountObjects(page.raw))]
    while stack:
        form, outer, count = stack.pop()
        for index in range(count):
            if form is None:
                handle = raw.FPDFPage_GetObject(page.raw, index)
            else:
                handle = raw.FPDFFormObj_GetObject(form, index)
            kind = raw.FPDFPageObj_GetType(handle)
            if kind == raw.FPDF_PAGEOBJ_FORM and len(stack) < 8:
                inner = _then(_object_matrix(raw, handle), outer)
                stack.append((handle, inner, raw.FPDFFormObj_CountObjects(handle)))
            else:
                yield handle, kind, outer


def _graphics(raw: Any, page: Any, left: float, top: float) -> tuple[list[Ruling], float]:
    """(rulings of drawn paths, the area of the page's largest image in square points, 0
    without one): the horizontal and vertical segments of stroked paths and of filled
    shapes, except filled rectangles without a stroke, which go through ``fill_rulings`` (a
    thin one is one rule, nested shading is dropped)."""
    from extract.readers.pdf.parts import Fill, fill_rulings

    rulings: list[Ruling] = []
    fills: list[Fill] = []
    image_area = 0.0
    x = ctypes.c_float()
    y = ctypes.c_float()
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    for handle, kind, outer in _page_objects(raw, page):
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            image_area = max(image_area, _bounds_area(raw, handle), 1e-6)
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPath_GetDrawMode(handle, ctypes.byref(fill_mode), ctypes.byref(stroke))
        colour = None if stroke.value or fill_mode.value == 0 else _fill_colour(raw, handle)
        if not stroke.value and colour is None:
            continue
        a, b, c, d, e, f = _then(_object_matrix(raw, handle), outer)
        points: list[tuple[float, float]] = []
        edges: list[Ruling] = []
        start = current = None
        for j in range(raw.FPDFPath_CountSegments(handle)):
            segment = raw.FPDFPath_GetPathSegment(handle, j)
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            points.append(point)
            if raw.FPDFPathSegment_GetType(segment) == raw.FPDF_SEGMENT_MOVETO:
                start = current = point
                continue
            if current is not None:
                edges.extend(_edge(current, point, left, top))
            current = point
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                edges.extend(_edge(current, start, left, top))
                current = start
        box = _rectangle(points) if colour is not None else None
        if box is not None and colour is not None:
            x0, y0, x1, y1 = box
            fills.append(Fill((x0 - left, top - y1, x1 - left, top - y0), colour))
        else:
            rulings.extend(edges)
    rulings.extend(fill_rulings(fills))
    rulings.sort(key=lambda r: (r.top, r.x0))
    return rulings, image_area


def _bounds_area(raw: Any, handle: Any) -> float:
    """The area (square points) of a page object's bounding box on the page."""
    box = [ctypes.c_float() for _ in range(4)]
    if not raw.FPDFPageObj_GetBounds(handle, *(ctypes.byref(v) for v in box)):
        return 0.0
    x0, y0, x1, y1 = (v.value for v in box)
    return max(0.0, x1 - x0) * max(0.0, y1 - y0)


def _rectangle(points: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) of a path that is one axis-aligned rectangle (four corners, the first
    maybe repeated), or None."""
    if len(points) == 5 and _near(points[0], points[4]):
        points = points[:4]
    if len(points) != 4:
        return None
    xs = sorted({round(px, 2) for px, _ in points})
    ys = sorted({round(py, 2) for _, py in points})
    if len(xs) > 2 or len(ys) > 2:
        return None
    return (xs[0], ys[0], xs[-1], ys[-1])


def _near(p: tuple[float, float], q: tuple[float, float]) -> bool:
    return abs(p[0] - q[0]) < 0.01 and abs(p[1] - q[1]) < 0.01


def _fill_colour(raw: Any, handle: Any) -> tuple[float, ...] | None:
    """The path's fill colour (RGB), or None when it cannot be seen (white, transparent)."""
    r, g, b, alpha = (ctypes.c_uint() for _ in range(4))
    raw.FPDFPageObj_GetFillColor(
        handle, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(alpha)
    )
    if min(r.value, g.value, b.value) >= 250 or alpha.value == 0:
        return None
    return (float(r.value), float(g.value), float(b.value))


def _edge(
    p: tuple[float, float], q: tuple[float, float], left: float, top: float
) -> Iterator[Ruling]:
    (px, py), (qx, qy) = p, q
    horizontal = abs(py - qy) < 1.0
    vertical = abs(px - qx) < 1.0
    if not (horizontal or vertical) or max(abs(px - qx), abs(py - qy)) < MIN_RULING_LENGTH:
        return
    yield Ruling(
        x0=min(px, qx) - left,
        top=top - max(py, qy),
        x1=max(px, qx) - left,
        bottom=top - min(py, qy),
    )
