"""Pages as lists of drawing operations, filled top-down; tables placed in chunks.

Coordinates are top-left based (as the truth boxes are); an operation converts to PDF
coordinates when the page is finally drawn, so running headers can say "Side 2 af 5".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from samples.variants.fonts import ASCENT, width
from samples.variants.model import Grid, ValueCell
from samples.variants.pdf_table import LINE_GAP, Look, Measured, line_height
from samples.variants.textwrap_pdf import wrap

Op = Callable[[Any, float], None]
GREY, DARK, ZEBRA = (0.85, 0.85, 0.85), (0.12, 0.22, 0.39), (0.94, 0.94, 0.94)


@dataclass(frozen=True)
class PageSpec:
    """Page size and margins in points."""

    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float


@dataclass
class Placed:
    """A value cell as drawn: page and box [x0, top, x1, bottom]."""

    cell: ValueCell
    page: int
    bbox: tuple[float, float, float, float]


@dataclass
class Flow:
    """The document's pages being filled; ``y`` is the cursor from the page top."""

    spec: PageSpec
    pages: list[list[Op]] = field(default_factory=lambda: [[]])
    y: float = 0.0

    def __post_init__(self) -> None:
        self.y = self.spec.top

    @property
    def text_width(self) -> float:
        return self.spec.width - self.spec.left - self.spec.right

    @property
    def page(self) -> int:
        return len(self.pages)

    def space(self) -> float:
        return self.spec.height - self.spec.bottom - self.y

    def at_top(self) -> bool:
        return self.y <= self.spec.top + 0.01

    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.spec.top

    def op(self, fn: Op) -> None:
        self.pages[-1].append(fn)

    def text(
        self,
        x: float,
        y: float,
        s: str,
        font: str,
        size: float,
        color: tuple[float, float, float] = (0, 0, 0),
    ) -> None:
        """Draw ``s`` with its baseline at ``y`` (from the top)."""

        def draw(c: Any, h: float) -> None:
            c.setFillColorRGB(*color)
            c.setFont(font, size)
            c.drawString(x, h - y, s)

        self.op(draw)

    def line(self, x0: float, y0: float, x1: float, y1: float, w: float = 0.5) -> None:
        def draw(c: Any, h: float) -> None:
            c.setStrokeColorRGB(0, 0, 0)
            c.setLineWidth(w)
            c.line(x0, h - y0, x1, h - y1)

        self.op(draw)

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        hgt: float,
        fill: tuple[float, float, float] | None = None,
        stroke: bool = False,
    ) -> None:
        def draw(c: Any, h: float) -> None:
            if fill is not None:
                c.setFillColorRGB(*fill)
            c.setStrokeColorRGB(0, 0, 0)
            c.setLineWidth(0.5)
            c.rect(x, h - y - hgt, w, hgt, stroke=int(stroke), fill=int(fill is not None))

        self.op(draw)

    def paragraph(
        self,
        s: str,
        font: str,
        size: float,
        gap: float = 6.0,
        indent: float = 0.0,
        keep: float = 0.0,
    ) -> None:
        """Wrapped text; moves to a new page when a line (or ``keep`` points) does not fit."""
        lines = wrap(s, font, size, self.text_width - indent)
        lead = size * LINE_GAP
        if not self.at_top():
            self.y += gap
        if self.space() < min(len(lines), 2) * lead + keep:
            self.new_page()
        for ln in lines:
            if self.space() < lead:
                self.new_page()
            self.text(self.spec.left + indent, self.y + ASCENT * size, ln, font, size)
            self.y += lead


def _x(m: Measured, x0: float) -> list[float]:
    xs = [x0]
    for w in m.widths:
        xs.append(xs[-1] + w)
    return xs


def draw_header(flow: Flow, grid: Grid, m: Measured, look: Look, x0: float) -> None:
    """The header rows at the cursor, with the look's fill and rules."""
    xs, top = _x(m, x0), flow.y
    ys = [top]
    for height in m.head_heights:
        ys.append(ys[-1] + height)
    fill = GREY if look.header_fill == "grey" or look.ruling == "zebra" else None
    fill = DARK if look.header_fill == "dark" else fill
    if fill is not None:
        flow.rect(x0, top, m.width, m.head_height, fill)
    color = (1.0, 1.0, 1.0) if fill == DARK else (0.0, 0.0, 0.0)
    for h, lines in zip(grid.head, m.head_lines, strict=True):
        x, w = xs[h.col], xs[h.col + h.colspan] - xs[h.col]
        y, hgt = ys[h.row], ys[h.row + h.rowspan] - ys[h.row]
        block = line_height(len(lines), look.head_size)
        base = y + (hgt - block) / 2 + ASCENT * look.head_size
        for i, ln in enumerate(lines):
            tw = width(ln, look.face.bold, look.head_size)
            tx = x + look.hpad if h.stub else x + (w - tw) / 2
            flow.text(
                tx, base + i * LINE_GAP * look.head_size, ln, look.face.bold, look.head_size, color
            )
        if look.ruling == "grid":
            flow.rect(x, y, w, hgt, stroke=True)
    if look.ruling in ("booktabs", "hrules", "header", "box"):
        flow.line(x0, top, x0 + m.width, top, 1.0 if look.ruling == "booktabs" else 0.5)
    if look.ruling not in ("none", "zebra", "grid"):
        flow.line(x0, ys[-1], x0 + m.width, ys[-1])
    if look.ruling == "box":
        flow.line(x0, top, x0, ys[-1])
        flow.line(x0 + m.width, top, x0 + m.width, ys[-1])
    flow.y = ys[-1]


def draw_rows(
    flow: Flow, grid: Grid, m: Measured, look: Look, x0: float, rows: range, zebra_start: int
) -> list[Placed]:
    """Body rows ``rows`` at the cursor; returns the value cells drawn, with their boxes."""
    xs, top0 = _x(m, x0), flow.y
    placed: list[Placed] = []
    y = top0
    for n, i in enumerate(rows):
        row, hgt = grid.body[i], m.row_heights[i]
        if look.ruling == "zebra" and (zebra_start + n) % 2 == 1:
            flow.rect(x0, y, m.width, hgt, ZEBRA)
        font = look.face.bold if row.bold else look.face.regular
        for col, lines in enumerate(m.row_lines[i]):
            base = y + look.vpad + ASCENT * look.size
            for k, ln in enumerate(lines):
                tx = xs[col] + look.hpad + 10.0 * row.indent
                flow.text(tx, base + k * LINE_GAP * look.size, ln, font, look.size)
        n_lines = max([len(c) for c in m.row_lines[i]] + [1])
        for j, v in enumerate(row.values):
            if v is None:
                continue
            c0, c1 = xs[grid.n_stub + j], xs[grid.n_stub + j + 1]
            tw = width(v.text, font, look.size)
            tx = c1 - look.hpad - tw if look.num_align == "right" else (c0 + c1 - tw) / 2
            if look.valign == "top" or n_lines == 1:
                base = y + look.vpad + ASCENT * look.size
            elif look.valign == "middle":
                base = y + (hgt - line_height(1, look.size)) / 2 + ASCENT * look.size
            else:
                base = y + look.vpad + (n_lines - 1) * LINE_GAP * look.size + ASCENT * look.size
            flow.text(tx, base, v.text, font, look.size)
            placed.append(Placed(v, flow.page, (c0, y, c1, y + hgt)))
        if look.ruling == "grid":
            if row.kind == "group":
                flow.rect(x0, y, m.width, hgt, stroke=True)
            else:
                for c in range(grid.n_cols):
                    flow.rect(xs[c], y, xs[c + 1] - xs[c], hgt, stroke=True)
        elif look.ruling == "hrules":
            flow.line(x0, y + hgt, x0 + m.width, y + hgt, 0.3)
        y += hgt
    if look.ruling in ("booktabs", "box", "header") and rows and rows[-1] == len(grid.body) - 1:
        flow.line(x0, y, x0 + m.width, y, 1.0 if look.ruling == "booktabs" else 0.5)
    if look.ruling == "box":
        flow.line(x0, top0, x0, y)
        flow.line(x0 + m.width, top0, x0 + m.width, y)
    flow.y = y
    return placed
