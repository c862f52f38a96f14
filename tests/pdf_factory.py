"""Small PDFs for tests, drawn with reportlab (text at positions, images, encryption, rules
drawn as filled bars), and synthetic pages of words and rulings for the detection tests."""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.model import PageContent, Ruling, TableCandidate, Word


def _font() -> str:
    import reportlab

    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
        pdfmetrics.registerFont(TTFont("Vera", os.path.join(fonts, "Vera.ttf")))
    return "Vera"


def text_pdf(
    path: Path, pages: Sequence[Sequence[tuple[float, float, str]]], encrypt: str | None = None
) -> Path:
    """A PDF whose pages hold text items (x, y from the top, text), right-aligned when x < 0."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1, encrypt=encrypt)
    font = _font()
    height = A4[1]
    for items in pages:
        c.setFont(font, 9)
        for x, y, text in items:
            if x < 0:
                c.drawRightString(-x, height - y, text)
            else:
                c.drawString(x, height - y, text)
        c.showPage()
    c.save()
    return path


def table_items(
    top: float,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    label_x: float = 50,
    first_col: float = 320,
    step: float = 60,
    leading: float = 14,
) -> list[tuple[float, float, str]]:
    """Text items of an unruled table: header line, then label + right-aligned values."""
    items = [(-(first_col + i * step), top, h) for i, h in enumerate(header)]
    for r, row in enumerate(rows, start=1):
        y = top + r * leading
        items.append((label_x, y, row[0]))
        items.extend((-(first_col + i * step), y, v) for i, v in enumerate(row[1:]))
    return items


def image_only_pdf(source: Path, path: Path, page_index: int = 0) -> Path:
    """Render one page of ``source`` to pixels and wrap it as an image-only PDF (no text)."""
    import pypdfium2
    from reportlab.lib.utils import ImageReader

    pdf = pypdfium2.PdfDocument(str(source))
    image = pdf[page_index].render(scale=150 / 72).to_pil()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    return path


# --- Pages built from words and rulings directly (no PDF), for detection tests. -------------

SIZE = 9.0
CHAR = 0.5 * SIZE  # width of one character
SPACE = 0.25 * SIZE  # gap between the words of one phrase (under half the font size)


def words_at(x: float, top: float, text: str, bold: bool = False) -> list[Word]:
    """The words of ``text`` set from ``x`` on the line with top ``top``."""
    out: list[Word] = []
    for token in text.split():
        width = CHAR * len(token)
        out.append(Word(token, (x, top, x + width, top + SIZE), font_size=SIZE, bold=bold))
        x += width + SPACE
    return out


def sized_at(
    x: float, top: float, text: str, size: float, right: bool = False, bold: bool = False
) -> list[Word]:
    """The words of ``text`` in type of ``size`` from ``x`` (flush right against it with
    ``right``), letters half and spaces a quarter of the size wide."""
    tokens = text.split()
    if right:
        x -= 0.5 * size * sum(len(t) for t in tokens) + 0.25 * size * (len(tokens) - 1)
    out: list[Word] = []
    for token in tokens:
        width = 0.5 * size * len(token)
        out.append(Word(token, (x, top, x + width, top + size), font_size=size, bold=bold))
        x += width + 0.25 * size
    return out


def text_width(text: str) -> float:
    """Width of ``text`` as ``words_at`` sets it."""
    tokens = text.split()
    return CHAR * sum(len(t) for t in tokens) + SPACE * (len(tokens) - 1)


def right_at(x1: float, top: float, text: str, bold: bool = False) -> list[Word]:
    """``text`` set flush right against ``x1``."""
    return words_at(x1 - text_width(text), top, text, bold)


def centred_at(middle: float, top: float, text: str, bold: bool = False) -> list[Word]:
    """``text`` centred on ``middle``."""
    return words_at(middle - text_width(text) / 2, top, text, bold)


def hrule(y: float, x0: float, x1: float) -> Ruling:
    return Ruling(x0, y, x1, y)


def vrule(x: float, top: float, bottom: float) -> Ruling:
    return Ruling(x, top, x, bottom)


def word_page(
    words: Sequence[Word], rulings: Sequence[Ruling] = (), number: int = 1
) -> PageContent:
    """An A4-sized page holding ``words`` and ``rulings``."""
    return PageContent(number, 595.0, 842.0, tuple(words), tuple(rulings))


def detect(*pages: PageContent) -> list[TableCandidate]:
    """The tables detection finds on ``pages`` (read in order, continuations joined)."""
    from extract.detect import iter_tables

    return list(iter_tables(pages))


def labels(table: TableCandidate) -> list[str]:
    """The table's column labels (header paths joined with " / ")."""
    return [table.column_label(i) for i in range(len(table.column_headers))]


def body(table: TableCandidate) -> list[tuple[str, ...]]:
    """The table's rows as (label, cell texts...), "" for an empty cell."""
    return [(row.label, *(c.text if c else "" for c in row.cells)) for row in table.rows]


def bar_table_pdf(path: Path, shaded: bool = True, bar: float = 0.5) -> Path:
    """A table as Word draws it: every border a thin filled bar (no stroked line), the header
    cells shaded grey, with each header line's own shading inside its cell in the same grey.
    Header "Lov | 2023 | 2024" (bold), rows Serviceloven 12 15, Pension 3 4, I alt 15 19."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    font = _font()
    height = A4[1]
    xs = [60.0, 200.0, 280.0, 360.0]
    ys = [100.0, 120.0, 136.0, 152.0, 168.0]

    def box(x0: float, top: float, x1: float, bottom: float) -> None:
        c.rect(x0, height - bottom, x1 - x0, bottom - top, stroke=0, fill=1)

    if shaded:
        c.setFillGray(0.85)
        for x0, x1 in itertools.pairwise(xs):
            box(x0, ys[0], x1, ys[1])  # the cell's shading
            box(x0 + 5, ys[0], x1 - 5, ys[1] - 5)  # its paragraph's shading, same grey
    c.setFillGray(0.0)
    for y in ys:
        box(xs[0], y - bar / 2, xs[-1], y + bar / 2)
    for x in xs:
        box(x - bar / 2, ys[0], x + bar / 2, ys[-1])
    rows = [("Lov", "2023", "2024"), ("Serviceloven", "12", "15"), ("Pension", "3", "4")]
    rows.append(("I alt", "15", "19"))
    for r, row in enumerate(rows):
        c.setFont(f"{font}-Bold" if r == 0 and _bold_font() else font, 9)
        baseline = height - ys[r + 1] + 5
        c.drawString(xs[0] + 4, baseline, row[0])
        for x1, text in zip(xs[2:], row[1:], strict=True):
            c.drawRightString(x1 - 4, baseline, text)
    c.showPage()
    c.save()
    return path


def _bold_font() -> bool:
    """Register Vera Bold beside Vera (True when available)."""
    import reportlab

    if "Vera-Bold" not in pdfmetrics.getRegisteredFontNames():
        fonts = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
        pdfmetrics.registerFont(TTFont("Vera-Bold", os.path.join(fonts, "VeraBd.ttf")))
    return True


def scaled_text_pdf(path: Path, text: str, font: str | None = None, scale: float = 9.0) -> Path:
    """One line of text in ``font`` (default Vera Bold, embedded) drawn at font size 1 and
    scaled up ``scale`` times by the text matrix."""
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    if font is None:
        font = f"{_font()}-Bold" if _bold_font() else _font()
    c.saveState()
    c.translate(100, 700)
    c.scale(scale, scale)
    c.setFont(font, 1)
    c.drawString(0, 0, text)
    c.restoreState()
    c.showPage()
    c.save()
    return path


MONO = 0.6 * SIZE  # character width of a monospaced font (its word space as wide)


def mono_at(x: float, top: float, text: str) -> list[Word]:
    """The words of ``text`` set in a monospaced font from ``x`` (a space one character)."""
    out = []
    for token in text.split():
        out.append(Word(token, (x, top, x + MONO * len(token), top + SIZE), font_size=SIZE))
        x += MONO * (len(token) + 1)
    return out


def variant_tables(seed: str, index: int, out: Path) -> list[TableCandidate]:
    """The tables detected in the variant generator's document ``index`` of ``seed``
    (written to ``out``; deterministic per seed and index)."""
    from extract.detect import iter_tables
    from extract.readers import ReadOptions
    from extract.readers.pdf.reader import read_pdf
    from samples.variants.generate import FORMATS, families, generate_one

    doc = generate_one(seed, index, out, FORMATS, families())
    return list(iter_tables(read_pdf(doc, "x", ReadOptions()).pages))
