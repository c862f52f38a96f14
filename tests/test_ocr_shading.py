"""Shaded header bands binarised on their own (``extract.readers.ocr_shading``): letters on a
grey band keep their strokes; a dark band, and a page without bands, are thresholded as
before."""

from __future__ import annotations

from typing import Any

import numpy as np

from extract.readers.ocr_shading import binarised, shaded_bands

WIDTH, HEIGHT = 1200, 600
BAND = (150, 230)  # the header band's top and bottom (pixels)
STROKES = [(200 + 60 * k, 170, 206 + 60 * k, 210) for k in range(8)]  # letters' stems


def page(band: int | None, ink: int) -> Any:
    """A page of paper (245) with a band of grey ``band`` (None: no band) across it, the
    strokes printed in ``ink`` on the band, and a line of body text below; then blurred
    as a scanner blurs."""
    import cv2

    image = np.full((HEIGHT, WIDTH), 245, np.uint8)
    if band is not None:
        image[BAND[0] : BAND[1], 100:1100] = band
    for x0, y0, x1, y1 in STROKES:
        image[y0:y1, x0:x1] = ink
    image[400:440, 200:206] = 30  # a stem of body text under the band
    return cv2.GaussianBlur(image, (7, 7), 2.0)


def ink_in_strokes(black: Any) -> tuple[float, float]:
    """Share of the strokes' pixels that are black, and of the band's other pixels."""
    inside = np.zeros(black.shape, bool)
    for x0, y0, x1, y1 in STROKES:
        inside[y0:y1, x0:x1] = True
    band = np.zeros(black.shape, bool)
    band[BAND[0] : BAND[1], 100:1100] = True
    return float(black[inside].mean()), float(black[band & ~inside].mean())


def test_a_grey_band_is_found_and_its_letters_keep_their_strokes() -> None:
    smooth = page(band=190, ink=40)
    assert shaded_bands(smooth) and all(b[1] <= BAND[0] + 5 for b in shaded_bands(smooth))
    strokes, around = ink_in_strokes(binarised(smooth) == 0)
    assert strokes > 0.9 and around < 0.05


def test_a_dark_band_is_left_as_the_pages_threshold_leaves_it() -> None:
    """Light letters on a dark band: turned dark on white they were read worse than not at
    all (fresh draw 529661: dark header bands 12.9 % -> 4.9 % exact), so they are not."""
    import cv2

    smooth = page(band=50, ink=235)
    assert shaded_bands(smooth)
    whole = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
    assert (binarised(smooth) == whole).all()


def test_a_page_without_a_band_is_thresholded_as_a_whole() -> None:
    import cv2

    smooth = page(band=None, ink=40)
    assert shaded_bands(smooth) == []
    whole = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
    assert (binarised(smooth) == whole).all()
