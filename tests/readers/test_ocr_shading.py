"""Shaded header bands (``extract.readers.ocr.shading``): letters on a grey band keep their
strokes when binarised; a dark band's light letters are turned dark on the paper's shade,
its top and bottom drawn as rulings; a page without bands is left as it is; a blank page of
grainy grey paper is not cut in two."""

from __future__ import annotations

from typing import Any

import numpy as np

from extract.readers.ocr.shading import binarised, dark_bands_turned, ink_cut, shaded_bands

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


def test_a_dark_bands_light_letters_are_turned_dark_on_paper() -> None:
    """White on black, the page's threshold made the band one black block (its letters lost,
    the gaps between them taken for rulings)."""
    image = page(band=50, ink=235)
    turned = light_on_dark_turned(image)
    strokes, _ = ink_in_strokes(turned < 128)
    inside = turned[BAND[0] + 5 : BAND[1] - 5, 120:1080]
    assert strokes > 0.9 and (inside < 128).mean() < 0.1  # (the strokes' share of it: 0.04)
    assert np.median(inside) > 230
    # the band's edges stand as rulings (as a PDF draws them), its blurred edge is paper
    for y in BAND:
        assert (turned[y - 3 : y + 3, 150:1050] < 128).any(axis=0).mean() > 0.95
    for x in (100, 1100):
        assert (turned[BAND[0] + 5 : BAND[1] - 5, x - 3 : x + 3] < 128).any(axis=1).all()
    assert (turned[BAND[0] + 5 : BAND[1] - 5, 80:96] > 200).all()
    assert (turned[300:] == image[300:]).all()  # the body text below as it was


def test_grey_bands_text_and_pages_without_bands_are_not_turned() -> None:
    for band, ink in ((190, 40), (None, 40)):
        image = page(band=band, ink=ink)
        assert light_on_dark_turned(image) is image
    # a paragraph: lines of dark text close together are no dark band
    text = np.full((HEIGHT, WIDTH), 245, np.uint8)
    for top in range(100, 500, 24):
        for left in range(100, 1100, 14):
            text[top : top + 14, left : left + 4] = 30
    assert light_on_dark_turned(text) is text


def test_a_page_without_a_band_is_thresholded_as_a_whole() -> None:
    import cv2

    smooth = page(band=None, ink=40)
    assert shaded_bands(smooth) == []
    whole = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1]
    assert (binarised(smooth) == whole).all()


def test_rulings_across_a_dark_band_stay_rulings() -> None:
    """A table's grid drawn through its dark header band (lines darker than the band): still
    lines once the band is turned, not white gaps, so the header's cells keep their edges."""
    import cv2

    image = np.full((HEIGHT, WIDTH), 245, np.uint8)
    image[BAND[0] : BAND[1], 100:1100] = 60
    image[BAND[0] : BAND[1] + 150, 650:653] = 10  # a column rule, on through the rows below
    for x0, y0, x1, y1 in STROKES:
        image[y0:y1, x0:x1] = 235
    turned = light_on_dark_turned(cv2.GaussianBlur(image, (3, 3), 0.8))
    assert (turned[BAND[0] + 5 : BAND[1] + 150, 650:653] < 128).any(axis=1).all()


def grainy_blank_page(seed: int) -> Any:
    """Grey paper (200) with grain (sigma 6), light falling off to one side, a few specks of
    dust: a scanned blank page, median-filtered as ``binarise`` filters it."""
    import cv2

    rng = np.random.default_rng(seed)
    light = np.linspace(12, -12, WIDTH)[None, :]
    paper = 200 + light + rng.normal(0, 6, (HEIGHT, WIDTH))
    image = np.clip(paper, 0, 255).astype(np.uint8)
    for x, y in rng.integers(20, 580, (12, 2)):
        image[y : y + 3, x : x + 3] = 40
    return cv2.medianBlur(image, 3)


def test_a_blank_grainy_page_is_not_cut_in_two() -> None:
    """Otsu's threshold on a page with no ink splits the paper's grain: half the page came
    out black, read as thousands of "words" for minutes. Only the dust is ink."""
    for seed in range(3):
        black = binarised(grainy_blank_page(seed)) == 0
        assert black.mean() < 0.001


def test_a_page_with_text_keeps_otsus_threshold() -> None:
    import cv2

    smooth = page(band=None, ink=40)
    otsu = cv2.threshold(smooth, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[0]
    assert ink_cut(smooth) == otsu


def light_on_dark_turned(grey: Any) -> Any:
    """``grey`` with each dark band turned (``dark_bands_turned``)."""
    return dark_bands_turned(grey)[0]
