"""Page layout for the sample PDFs: fonts, styles, table helpers and a page writer.

The writer places flowables itself (no platypus frames), so the caller always knows on which
page a block or a table row landed. Every placed paragraph is checked for overflow: a word
wider than its cell or column raises instead of silently running into the next cell.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

FONT = "Vera"
FONT_BOLD = "VeraBd"
PAD = 3.0  # left/right cell padding in points
BIG = 10_000.0


def register_fonts() -> None:
    """Register reportlab's bundled Vera TTFs (embedded, identical on every machine)."""
    font_dir = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    registered = pdfmetrics.getRegisteredFontNames()
    for name, file in ((FONT, "Vera.ttf"), (FONT_BOLD, "VeraBd.ttf")):
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, os.path.join(font_dir, file)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD)


@dataclass(frozen=True)
class Styles:
    """Paragraph styles shared by all sample documents."""

    body: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bold: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle
    footer: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    num: ParagraphStyle
    num_bold: ParagraphStyle
    head: ParagraphStyle
    head_left: ParagraphStyle
    head_small: ParagraphStyle


def make_styles(cell_size: float = 8.5) -> Styles:
    """Build the style set; ``cell_size`` is the table body font size."""

    def ps(name: str, font: str, size: float, lead: float, align: int = TA_LEFT) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=font, fontSize=size, leading=lead, alignment=align, splitLongWords=0
        )

    cl = cell_size + 2
    return Styles(
        body=ps("body", FONT, 10, 13.5),
        h1=ps("h1", FONT_BOLD, 15, 19),
        h2=ps("h2", FONT_BOLD, 12, 15),
        h3=ps("h3", FONT_BOLD, 10.5, 13.5),
        bold=ps("bold", FONT_BOLD, 10, 13),
        caption=ps("caption", FONT_BOLD, 9.5, 12),
        note=ps("note", FONT, 7.5, 9.5),
        footer=ps("footer", FONT, 8, 10),
        cell=ps("cell", FONT, cell_size, cl),
        cell_bold=ps("cell_bold", FONT_BOLD, cell_size, cl),
        num=ps("num", FONT, cell_size, cl, TA_RIGHT),
        num_bold=ps("num_bold", FONT_BOLD, cell_size, cl, TA_RIGHT),
        head=ps("head", FONT_BOLD, 8, 9.5, TA_CENTER),
        head_left=ps("head_left", FONT_BOLD, 8, 9.5),
        head_small=ps("head_small", FONT, 7.5, 9, TA_CENTER),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """One paragraph of plain text (escaped, so "<" and "&" print as such)."""
    return Paragraph(escape(text), style)


def lines_para(lines: Sequence[str], style: ParagraphStyle) -> Paragraph:
    """A paragraph with explicit line breaks between ``lines`` (for wrapped header cells)."""
    return Paragraph("<br/>".join(escape(line) for line in lines), style)


def wrapped_lines(text: str, style: ParagraphStyle, width: float) -> int:
    """Number of lines ``text`` takes in a column of ``width`` points (padding included)."""
    p = para(text, style)
    p.wrap(width - 2 * PAD, BIG)
    return len(p.blPara.lines)


def grid_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    rules: str,
    header_rows: int,
    extra: Sequence[tuple[Any, ...]] = (),
    valign: str = "MIDDLE",
) -> Table:
    """A table with one of three rulings.

    ``rules`` is "grid" (all cell borders), "none" (only a thin line under the header rows)
    or "hrules" (a thin line between every row, none vertical). ``extra`` adds
    TableStyle commands (spans, per-row styles).
    """
    cmds: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), valign),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if rules == "grid":
        cmds.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    elif rules == "none":
        cmds.append(("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.5, colors.black))
    elif rules == "hrules":
        cmds.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.black))
        cmds.append(("LINEABOVE", (0, 0), (-1, 0), 0.4, colors.black))
    else:
        raise ValueError(f"unknown rules {rules!r} (grid, none, hrules)")
    cmds.extend(extra)
    return Table(rows, colWidths=list(widths), style=TableStyle(cmds), hAlign="LEFT")


def check_fit(flowable: Flowable) -> None:
    """Raise if any paragraph in ``flowable`` (a Paragraph or Table) has a line too wide."""
    if isinstance(flowable, Table):
        for row in flowable._cellvalues:
            for value in row:
                items = value if isinstance(value, list | tuple) else [value]
                for item in items:
                    if isinstance(item, Flowable):
                        check_fit(item)
        return
    if isinstance(flowable, Paragraph) and hasattr(flowable, "blPara"):
        # reportlab counts the space after a line's last word; allow up to one space.
        style = flowable.style
        slack = pdfmetrics.stringWidth(" ", style.fontName, style.fontSize)
        for line in flowable.blPara.lines:
            extra = line[0] if isinstance(line, tuple) else line.extraSpace
            if extra < -slack:
                raise OverflowError(f"text overflows its box by {-extra:.1f} pt: {flowable.text!r}")


@dataclass(frozen=True)
class PageSetup:
    """Page margins in points and the document metadata (fixed, so builds are identical)."""

    left: float
    right: float
    top: float
    bottom: float
    title: str
    author: str
    subject: str


Footer = Callable[[Any, int], None]


class PageWriter:
    """Places flowables top-down on A4 pages and reports the page each one landed on."""

    def __init__(self, path: Path, setup: PageSetup, footer: Footer) -> None:
        self._setup = setup
        self._footer = footer
        self._canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
        self._canvas.setTitle(setup.title)
        self._canvas.setAuthor(setup.author)
        self._canvas.setSubject(setup.subject)
        self._canvas.setCreator("ankestat samples/make_samples.py")
        self.page = 1
        self._top = A4[1] - setup.top
        self._y = self._top

    @property
    def width(self) -> float:
        """Usable text width in points."""
        return float(A4[0] - self._setup.left - self._setup.right)

    @property
    def canvas(self) -> Any:
        return self._canvas

    def _space(self) -> float:
        return float(self._y - self._setup.bottom)

    def _at_top(self) -> bool:
        return bool(self._y >= self._top - 0.01)

    def new_page(self) -> None:
        """Finish the current page (footer drawn) and start the next one."""
        self._footer(self._canvas, self.page)
        self._canvas.showPage()
        self.page += 1
        self._y = self._top

    def _measure(
        self, items: Sequence[tuple[Flowable, float]]
    ) -> list[tuple[Flowable, float, float]]:
        return [(f, gap, f.wrap(self.width, BIG)[1]) for f, gap in items]

    def _draw(self, measured: Sequence[tuple[Flowable, float, float]]) -> None:
        for flowable, gap, height in measured:
            if not self._at_top():
                self._y -= gap
            flowable.drawOn(self._canvas, self._setup.left, self._y - height)
            check_fit(flowable)
            self._y -= height

    def block(self, items: Sequence[tuple[Flowable, float]]) -> int:
        """Place ``(flowable, gap_before)`` items together on one page; return that page."""
        measured = self._measure(items)
        total = sum(h + g for _, g, h in measured)
        if total > self._space() and not self._at_top():
            self.new_page()
        if total > self._space() + 0.01:
            raise ValueError(f"block of {total:.0f} pt does not fit on one page")
        self._draw(measured)
        return self.page

    def split_table(
        self,
        lead: Sequence[tuple[Flowable, float]],
        build: Callable[[Sequence[int]], Table],
        n_rows: int,
        header_rows: int,
        gap: float,
        min_rows: int = 3,
    ) -> list[int]:
        """Place a long table, splitting only between body rows; return each row's page.

        ``build(row_indices)`` makes a table of the header rows plus those body rows; it is
        called once per page chunk, so the header repeats on every continuation page. ``lead``
        (heading, caption) stays on the page of the first chunk.
        """
        full = build(range(n_rows))
        full.wrap(self.width, BIG)
        heights = list(full._rowHeights)
        head_h, row_h = sum(heights[:header_rows]), heights[header_rows:]
        lead_m = self._measure(lead)
        lead_h = sum(h + g for _, g, h in lead_m)
        pages = [0] * n_rows
        start = 0
        while start < n_rows:
            first = start == 0
            avail = self._space() - (lead_h if first else 0.0) - head_h - gap
            count, used = 0, 0.0
            while start + count < n_rows and used + row_h[start + count] <= avail:
                used += row_h[start + count]
                count += 1
            wanted = min(min_rows, n_rows - start)
            if count < wanted:
                if self._at_top():
                    raise ValueError("table row taller than a page")
                self.new_page()
                continue
            chunk = build(range(start, start + count))
            chunk.wrap(self.width, BIG)
            self._draw([*(lead_m if first else []), (chunk, gap, chunk._height)])
            pages[start : start + count] = [self.page] * count
            start += count
            if start < n_rows:
                self.new_page()
        return pages

    def gap(self, points: float) -> None:
        """Leave vertical space (ignored at the top of a page)."""
        if not self._at_top():
            self._y -= min(points, self._space())

    def save(self) -> None:
        """Finish the last page and write the file."""
        self._footer(self._canvas, self.page)
        self._canvas.save()


def footer_text(canvas: Any, text: str, x: float, y: float, align: str = "left") -> None:
    """Draw one small footer line at ``(x, y)`` (PDF coordinates, origin bottom-left)."""
    canvas.setFont(FONT, 8)
    if align == "right":
        canvas.drawRightString(x, y, text)
    elif align == "center":
        canvas.drawCentredString(x, y, text)
    else:
        canvas.drawString(x, y, text)


def fit(lines: Sequence[str], style: ParagraphStyle) -> float:
    """Width a column needs so that each of ``lines`` fits on one line."""
    widest = max(float(pdfmetrics.stringWidth(s, style.fontName, style.fontSize)) for s in lines)
    return widest + 2 * PAD + 0.5


def heads(style: ParagraphStyle, *cells: Sequence[str] | str) -> list[Paragraph]:
    """One header row: each cell a string or a sequence of explicit lines."""
    return [lines_para([c] if isinstance(c, str) else c, style) for c in cells]


Body = list[tuple[str, list[str] | None]]


def make_table(
    st: Styles,
    head: list[list[Any]],
    body: Body,
    widths: Sequence[float],
    rules: str,
    extra: Sequence[tuple[Any, ...]] = (),
    bold_rows: frozenset[int] = frozenset(),
    valign: str = "MIDDLE",
) -> Callable[[Sequence[int]], Table]:
    """Table builder: ``build(rows)`` = header rows + those body rows.

    ``body`` rows are (label, printed cells) or (label, None) for a label-only row.
    """
    n_cols = len(widths) - 1

    def build(rows: Sequence[int]) -> Table:
        data: list[list[Any]] = [list(r) for r in head]
        for i in rows:
            label, cells = body[i]
            bold = i in bold_rows
            lab = para(label, st.cell_bold if bold else st.cell)
            nums = [para(c, st.num_bold if bold else st.num) for c in (cells or [""] * n_cols)]
            data.append([lab, *nums])
        return grid_table(data, widths, rules, len(head), extra, valign)

    return build
