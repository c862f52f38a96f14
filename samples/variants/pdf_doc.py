"""Render a PDF document from blocks (headings, prose, boxes, tables, page furniture) and
return where every value cell landed.

A table's caption and title stay with its first rows; a long table continues on the next
page, with or without its header repeated, and a page may hold several tables. The PDF is
written with ``invariant=1`` and fixed metadata, so the same blocks give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from samples.variants import fonts
from samples.variants.fonts import ASCENT, Face, width
from samples.variants.model import Grid
from samples.variants.pdf_flow import Flow, PageSpec, Placed, draw_header, draw_rows
from samples.variants.pdf_table import Look, Measured
from samples.variants.textwrap_pdf import wrap


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str
    small: bool = False
    bold: bool = False


@dataclass
class Box:
    text: str


@dataclass
class PageBreak:
    pass


@dataclass
class TocLine:
    """A contents line: title, dot leaders, page number at the right margin."""

    text: str
    page: int


@dataclass
class Gap:
    """Vertical space; ``to_low`` moves the cursor to the lower part of the page instead."""

    points: float = 0.0
    to_low: bool = False


@dataclass
class TableBlock:
    """A table with its caption, bold title line, notes and source line. ``index`` is the
    table's number in the truth (None for a distractor table)."""

    grid: Grid
    look: Look
    measured: Measured
    index: int | None
    caption: str | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)
    caption_below: bool = False
    continued: str | None = None
    min_first: int = 2


Block = Heading | Para | Box | PageBreak | TocLine | Gap | TableBlock


@dataclass
class Furniture:
    """Running header and footer of every page (``{page}``/``{pages}`` filled in)."""

    header: str | None = None
    footer_left: str | None = None
    footer_right: str | None = None
    first_page: bool = True


@dataclass
class PdfDoc:
    spec: PageSpec
    face: Face
    body_size: float
    title: str
    author: str
    subject: str
    blocks: list[Block]
    furniture: Furniture


def _heading(flow: Flow, doc: PdfDoc, h: Heading) -> None:
    size = {1: 15.0, 2: 12.0, 3: 10.5}.get(h.level, 10.0)
    flow.paragraph(h.text, doc.face.bold, size, gap=14.0 if h.level < 3 else 9.0, keep=40.0)


def _box(flow: Flow, doc: PdfDoc, b: Box) -> None:
    size = doc.body_size - 0.5
    lines = wrap(b.text, doc.face.regular, size, flow.text_width - 16.0)
    hgt = len(lines) * size * 1.2 + 12.0
    if not flow.at_top():
        flow.y += 8.0
    if flow.space() < hgt:
        flow.new_page()
    flow.rect(flow.spec.left, flow.y, flow.text_width, hgt, (0.91, 0.93, 0.96))
    y = flow.y + 6.0
    for ln in lines:
        flow.text(flow.spec.left + 8.0, y + ASCENT * size, ln, doc.face.regular, size)
        y += size * 1.2
    flow.y += hgt


def _toc(flow: Flow, doc: PdfDoc, t: TocLine) -> None:
    size, font = doc.body_size, doc.face.regular
    if flow.space() < size * 1.6:
        flow.new_page()
    right = flow.spec.left + flow.text_width
    num = str(t.page)
    base = flow.y + ASCENT * size
    flow.text(flow.spec.left, base, t.text, font, size)
    flow.text(right - width(num, font, size), base, num, font, size)
    start = flow.spec.left + width(t.text + " ", font, size)
    room = right - width(" " + num, font, size) - start
    dots = "." * max(0, int(room / width(".", font, size)) - 1)
    flow.text(
        right - width(" " + num, font, size) - width(dots, font, size), base, dots, font, size
    )
    flow.y += size * 1.6


def _table(flow: Flow, doc: PdfDoc, t: TableBlock) -> list[Placed]:
    g, m, look = t.grid, t.measured, t.look
    x0 = flow.spec.left
    cap_size = doc.body_size - 0.5
    lead = [(t.caption, doc.face.bold, cap_size)] if t.caption and not t.caption_below else []
    if t.title:
        lead.append((t.title, doc.face.bold, doc.body_size))
    lead_h = sum(len(_wrapped(s, f, z, flow.text_width)) * z * 1.2 + 4.0 for s, f, z in lead)
    first_rows = sum(m.row_heights[: min(t.min_first, len(g.body))])
    if not flow.at_top():
        flow.y += 10.0
    if flow.space() < lead_h + m.head_height + first_rows:
        flow.new_page()
    for s, f, z in lead:
        flow.paragraph(s, f, z, gap=0.0)
        flow.y += 4.0
    placed: list[Placed] = []
    start, first, zebra = 0, True, 0
    n = len(g.body)
    while start < n:
        header = first or look.repeat_header
        avail = flow.space() - (m.head_height if header else 0.0)
        count, used = 0, 0.0
        while start + count < n and used + m.row_heights[start + count] <= avail:
            used += m.row_heights[start + count]
            count += 1
        if start + count < n and count > 1 and not look.orphan_ok:
            while count > 1 and g.body[start + count - 1].kind == "group":
                count -= 1
        if count < min(1 if not first else t.min_first, n - start):
            if flow.at_top():
                raise ValueError("a table row is taller than the page")
            flow.new_page()
            continue
        if header:
            draw_header(flow, g, m, look, x0)
        placed += draw_rows(flow, g, m, look, x0, range(start, start + count), zebra)
        zebra += count
        start += count
        first = False
        if start < n:
            flow.new_page()
            if t.continued:
                flow.paragraph(t.continued, doc.face.bold, cap_size, gap=0.0)
                flow.y += 4.0
    tail = [t.caption] if t.caption and t.caption_below else []
    for s in [*tail, *t.notes]:
        flow.paragraph(s, doc.face.regular, max(6.5, doc.body_size - 2.0), gap=3.0)
    return placed


def _wrapped(s: str, font: str, size: float, w: float) -> list[str]:
    return wrap(s, font, size, w) or [""]


def layout(doc: PdfDoc) -> tuple[Flow, list[tuple[int, Placed]]]:
    """Place every block; return the filled pages and (table index, placed cell) pairs."""
    flow = Flow(doc.spec)
    out: list[tuple[int, Placed]] = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            _heading(flow, doc, b)
        elif isinstance(b, Para):
            font = doc.face.bold if b.bold else doc.face.regular
            size = doc.body_size - (1.5 if b.small else 0.0)
            flow.paragraph(b.text, font, size)
        elif isinstance(b, Box):
            _box(flow, doc, b)
        elif isinstance(b, TocLine):
            _toc(flow, doc, b)
        elif isinstance(b, PageBreak):
            if not flow.at_top():
                flow.new_page()
        elif isinstance(b, Gap):
            if b.to_low:
                low = doc.spec.height - doc.spec.bottom - 0.3 * (doc.spec.height - doc.spec.top)
                flow.y = max(flow.y, low)
            elif not flow.at_top():
                flow.y += min(b.points, flow.space())
        else:
            placed = _table(flow, doc, b)
            if b.index is not None:
                out += [(b.index, p) for p in placed]
    return flow, out


def _furniture(c: Any, doc: PdfDoc, page: int, pages: int) -> None:
    f, spec = doc.furniture, doc.spec
    if page == 1 and not f.first_page:
        return
    c.setFillColorRGB(0.3, 0.3, 0.3)
    c.setFont(doc.face.regular, 7.5)
    fill = {"page": page, "pages": pages}
    if f.header:
        c.drawString(spec.left, spec.height - spec.top / 2, f.header.format(**fill))
    if f.footer_left:
        c.drawString(spec.left, spec.bottom / 2, f.footer_left.format(**fill))
    if f.footer_right:
        text = f.footer_right.format(**fill)
        c.drawString(
            spec.width - spec.right - width(text, doc.face.regular, 7.5), spec.bottom / 2, text
        )


def render(path: Path, doc: PdfDoc) -> tuple[int, list[tuple[int, Placed]]]:
    """Write the PDF; return its page count and the placed value cells."""
    fonts.register()
    flow, placed = layout(doc)
    c = Canvas(
        str(path), pagesize=(doc.spec.width, doc.spec.height), invariant=1, pageCompression=1
    )
    c.setTitle(doc.title)
    c.setAuthor(doc.author)
    c.setSubject(doc.subject)
    c.setCreator("ankestat samples/variants")
    c.setProducer("ankestat samples/variants (reportlab)")
    for n, ops in enumerate(flow.pages, start=1):
        for op in ops:
            op(c, doc.spec.height)
        _furniture(c, doc, n, len(flow.pages))
        c.showPage()
    c.save()
    return len(flow.pages), placed
