"""Measure and draw a ``Grid`` as a PDF table, recording every value cell's box.

``measure`` fixes column widths and line breaks for a given width (or says the table does
not fit); ``draw_rows`` draws the header and a run of body rows at a position and returns
the boxes of the value cells it drew. Every text line is checked to fit its cell, so text
never runs into the next cell.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from samples.variants.fonts import ASCENT, DESCENT, FACES, Face, width
from samples.variants.model import BodyRow, Grid
from samples.variants.textwrap_pdf import break_header, wrap

Op = Callable[[object], None]
LINE_GAP = 1.2


@dataclass(frozen=True)
class Look:
    """One table's drawn look."""

    face: Face
    size: float
    head_size: float
    ruling: str
    header_fill: str
    breaks: str
    col_width: str
    stub_lines: int
    valign: str
    num_align: str
    hpad: float
    vpad: float
    stretch: str
    repeat_header: bool
    orphan_ok: bool

    def axes(self) -> dict[str, str]:
        return {
            "pdf.font": self.face.name,
            "pdf.size": f"{self.size:g}",
            "pdf.ruling": self.ruling,
            "pdf.header_fill": self.header_fill,
            "pdf.header_breaks": self.breaks,
            "pdf.col_width": self.col_width,
            "pdf.stub_lines": str(self.stub_lines),
            "pdf.valign": self.valign,
            "pdf.num_align": self.num_align,
            "pdf.stretch": self.stretch,
            "pdf.repeat_header": str(self.repeat_header).lower(),
            "pdf.orphan_group_ok": str(self.orphan_ok).lower(),
        }


def draw_look(rng: random.Random) -> Look:
    """A random look: font, size, ruling, header breaks, column widths."""
    face = FACES[rng.choices(["vera", "arial", "times", "courier"], [0.35, 0.35, 0.25, 0.05])[0]]
    size = rng.choice([7.0, 7.5, 8.0, 8.5, 9.0, 9.5, 10.0])
    return Look(
        face=face,
        size=size,
        head_size=max(6.5, size - rng.choice([0.0, 0.5, 1.0])),
        ruling=rng.choice(["grid", "grid", "header", "booktabs", "none", "hrules", "zebra", "box"]),
        header_fill=rng.choices(["none", "grey", "dark"], [0.6, 0.3, 0.1])[0],
        breaks=rng.choice(["natural", "natural", "stacked", "hyphen", "cut"]),
        col_width=rng.choice(["wide", "medium", "medium", "narrow"]),
        stub_lines=rng.choice([1, 1, 2, 2, 3]),
        valign=rng.choice(["top", "middle", "bottom"]),
        num_align=rng.choice(["right", "right", "right", "center"]),
        hpad=rng.choice([2.5, 3.0, 4.0, 5.0]),
        vpad=rng.choice([1.5, 2.0, 2.5, 3.5]),
        stretch=rng.choices(["none", "stub", "values"], [0.5, 0.15, 0.35])[0],
        repeat_header=rng.random() < 0.7,
        orphan_ok=rng.random() < 0.25,
    )


@dataclass
class Measured:
    """A grid fitted to a width: column widths, header lines and row heights."""

    widths: list[float]
    head_lines: list[list[str]]
    head_heights: list[float]
    row_lines: list[list[list[str]]]
    row_heights: list[float]

    @property
    def width(self) -> float:
        return sum(self.widths)

    @property
    def head_height(self) -> float:
        return sum(self.head_heights)


def line_height(n: int, size: float) -> float:
    """Height of ``n`` lines of text (first ascent to last descent)."""
    return (n - 1) * LINE_GAP * size + (ASCENT + DESCENT) * size if n else 0.0


def _font(look: Look, bold: bool) -> str:
    return look.face.bold if bold else look.face.regular


def measure(grid: Grid, look: Look, avail: float) -> Measured | None:
    """Widths and line breaks of ``grid`` within ``avail`` points, or None if it cannot fit."""
    pad, bold_h = 2 * look.hpad, look.face.bold
    n = grid.n_cols
    need = [0.0] * n
    for row in grid.body:
        for j, v in enumerate(row.values):
            if v is not None:
                w = width(v.text, _font(look, row.bold), look.size) + pad
                need[grid.n_stub + j] = max(need[grid.n_stub + j], w)
    for h in grid.head:
        if h.colspan != 1 or h.stub:
            continue
        words = h.text.split() or [""]
        longest = max(width(w, bold_h, look.head_size) for w in words) + pad
        mode = (
            look.col_width
            if look.breaks in ("hyphen", "cut")
            else ("medium" if look.col_width == "narrow" else look.col_width)
        )
        if mode == "wide":
            want = min(width(h.text, bold_h, look.head_size) + pad, 150.0)
            want = max(want, longest)
        elif mode == "medium" or look.breaks == "stacked":
            want = longest
        else:
            want = 30.0 + (len(h.text) % 3) * 4.0
        need[h.col] = max(need[h.col], want)
    for col in range(grid.n_stub):
        labels = [r.stub[col] for r in grid.body if r.stub[col] and not _spans(r, col)]
        lines = [part for lab in labels for part in lab.split("\n")] or [""]
        longest_word = max(
            width(w, look.face.bold, look.size) for ln in lines for w in ln.split() or [""]
        )
        widest = max(width(ln, look.face.bold, look.size) for ln in lines)
        k = look.stub_lines if col == grid.n_stub - 1 else 1
        want = max(longest_word, min(widest, widest / k * 1.12)) + pad + 10.0
        need[col] = max(need[col], min(want, avail * 0.5), longest_word + pad + 10.0)
    for h in grid.head:
        if h.colspan > 1 or h.stub:
            words = h.text.split() or [""]
            longest = max(width(w, bold_h, look.head_size) for w in words) + pad
            have = sum(need[h.col : h.col + h.colspan])
            if have < longest:
                for c in range(h.col, h.col + h.colspan):
                    need[c] += (longest - have) / h.colspan
    if sum(need) > avail + 0.01:
        return None
    extra = avail - sum(need)
    if look.stretch == "stub":
        need[grid.n_stub - 1] += extra
    elif look.stretch == "values" and grid.n_values:
        for c in range(grid.n_stub, n):
            need[c] += extra / grid.n_values
    return _lines(grid, look, need)


def _spans(row: BodyRow, col: int) -> bool:
    """Whether the label in ``col`` runs on over the columns to its right: the last label of
    a group row (a group row's other labels, e.g. the entity beside a measure group, keep to
    their own columns)."""
    if row.kind != "group" or not row.stub[col]:
        return False
    return not any(row.stub[col + 1 :])


def _lines(grid: Grid, look: Look, widths: list[float]) -> Measured | None:
    pad = 2 * look.hpad
    head_lines: list[list[str]] = []
    heights = [0.0] * grid.head_rows
    for h in grid.head:
        w = sum(widths[h.col : h.col + h.colspan]) - pad
        lines = break_header(h.text, look.face.bold, look.head_size, w, look.breaks)
        if lines is None:
            return None
        head_lines.append(lines)
        if h.rowspan == 1:
            heights[h.row] = max(heights[h.row], line_height(len(lines), look.head_size))
    heights = [h + 2 * look.vpad if h else 2 * look.vpad + look.head_size for h in heights]
    for h, lines in zip(grid.head, head_lines, strict=True):
        need = line_height(len(lines), look.head_size) + 2 * look.vpad
        have = sum(heights[h.row : h.row + h.rowspan])
        if need > have:
            heights[h.row + h.rowspan - 1] += need - have
    row_lines: list[list[list[str]]] = []
    row_heights: list[float] = []
    total = sum(widths)
    for row in grid.body:
        cells: list[list[str]] = []
        for col, label in enumerate(row.stub):
            span = total - sum(widths[:col]) if _spans(row, col) else widths[col]
            w = span - pad - 10.0 * row.indent
            font = _font(look, row.bold)
            lines = [ln for part in label.split("\n") for ln in wrap(part, font, look.size, w)]
            if any(width(ln, font, look.size) > w + 0.01 for ln in lines):
                return None
            cells.append(lines if label else [])
        n_lines = max([len(c) for c in cells] + [1])
        gap = 0.5 if row.kind == "spacer" else 1.0
        row_lines.append(cells)
        row_heights.append(gap * line_height(n_lines, look.size) + 2 * look.vpad)
    return Measured(widths, head_lines, heights, row_lines, row_heights)
