"""The font size of an OCR'd line, from the shapes of its words.

Tesseract's word and line boxes hug the ink, so a box is as tall as the letters in it reach:
"om" is half as tall as "Hjælpemidler" in the same font. A word's box height over the share
of the font size its letters span (capitals, digits and ascenders reach CAP; x-height
letters X_HEIGHT; descenders go DESCENDER below the baseline) estimates the font size; a
line's estimate is the median of its words'. The shares are those of the common text faces
(Helvetica/Arial; Times and Courier set their glyphs a little smaller in the same size, and
read a little smaller here).

In: word texts and their box heights (pixels). Out: the line's font size (pixels).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

CAP = 0.72
X_HEIGHT = 0.52
DESCENDER = 0.21
# The whole-line fallback (no word tells): a line box spans capitals to descenders.
LINE_SHARE = CAP + DESCENDER
_TALL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅÉÜÖÄbdfhijklt0123456789åéüöä§%&#?!()/[]{}|")
_LOW = frozenset("gjpqy()§[]{}|")
# x-height letters, and marks that neither reach up nor down far enough to matter
_SHORT = frozenset("acemnorsuvwxzæø.,:;-–+=")


def word_em(text: str, height: float) -> float | None:
    """The font size ``text`` in a box ``height`` tall shows; None when its letters do not
    tell (punctuation, one character, a letter Tesseract may have read wrong)."""
    if len(text) < 2 or not any(ch.isalnum() for ch in text):
        return None
    if any(ch not in _TALL and ch not in _LOW and ch not in _SHORT for ch in text):
        return None  # (a letter of another script, a mark read from dirt)
    top = CAP if any(ch in _TALL for ch in text) else X_HEIGHT
    bottom = DESCENDER if any(ch in _LOW for ch in text) else 0.0
    return height / (top + bottom)


def line_em(texts: Sequence[str], heights: Sequence[float], line_height: float) -> float:
    """The font size of a line of words (``texts`` with box ``heights``) whose box is
    ``line_height`` tall: the median of its words' that tell, else from the line's box."""
    ems = [em for text, h in zip(texts, heights, strict=True) if (em := word_em(text, h))]
    return median(ems) if ems else line_height / LINE_SHARE
