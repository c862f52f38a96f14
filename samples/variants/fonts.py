"""Fonts bundled with reportlab, embedded in every PDF so the bytes never depend on the
machine: Bitstream Vera (TrueType) and the Arial-, Times- and Courier-metric Type 1 faces
reportlab ships in ``reportlab/fonts``."""

from __future__ import annotations

import os
from dataclasses import dataclass

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
TYPE1 = {
    "VArial": ("_a______", "ArialMT"),
    "VArial-Bold": ("_ab_____", "Arial-BoldMT"),
    "VTimes": ("_er_____", "TimesNewRomanPSMT"),
    "VTimes-Bold": ("_eb_____", "TimesNewRomanPS-BoldMT"),
    "VCourier": ("com_____", "Courier"),
    "VCourier-Bold": ("cob_____", "Courier-Bold"),
}
TRUETYPE = {"Vera": "Vera.ttf", "VeraBd": "VeraBd.ttf", "VeraIt": "VeraIt.ttf"}
# Top of the tallest glyph and bottom of the deepest, in units of the font size, generous
# enough for every face here (text boxes are computed from these, never from guesses).
ASCENT, DESCENT = 1.0, 0.3


@dataclass(frozen=True)
class Face:
    """A regular and a bold font name."""

    name: str
    regular: str
    bold: str


FACES = {
    "vera": Face("vera", "Vera", "VeraBd"),
    "arial": Face("arial", "VArial", "VArial-Bold"),
    "times": Face("times", "VTimes", "VTimes-Bold"),
    "courier": Face("courier", "VCourier", "VCourier-Bold"),
}


def register() -> None:
    """Register every face once (embedded: TrueType subsets, Type 1 programs)."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, file in TRUETYPE.items():
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, os.path.join(FONT_DIR, file)))
    for name, (base, face) in TYPE1.items():
        if name in known:
            continue
        afm, pfb = (os.path.join(FONT_DIR, base + ext) for ext in (".afm", ".pfb"))
        pdfmetrics.registerTypeFace(pdfmetrics.EmbeddedType1Face(afm, pfb))
        pdfmetrics.registerFont(pdfmetrics.Font(name, face, "WinAnsiEncoding"))


def width(text: str, font: str, size: float) -> float:
    """Width of ``text`` in points."""
    return float(pdfmetrics.stringWidth(text, font, size))
