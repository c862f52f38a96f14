"""Small PDFs for tests, drawn with reportlab: text at positions, images, encryption."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas


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
