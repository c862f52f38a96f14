"""Parts of a page read again twice as large (extract.readers.ocr.scaled): small type read as
garbage the first time is read from the grey image scaled up, and the surer reading kept."""

from __future__ import annotations

import os
from typing import Any

import reportlab

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.scaled import read_scaled, surer, surer_per_box

FONT = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "VeraBd.ttf")


def _grey() -> tuple[Any, tuple[int, int, int, int]]:
    """A grey band with "Omgørelsesprocent" in 6 pt bold at 300 dpi, blurred; its box."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    image = Image.new("L", (900, 200), 225)
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 60, 700, 130), fill=190)
    draw.text((300, 80), "Omgørelsesprocent", font=ImageFont.truetype(FONT, 25), fill=30)
    grey = np.asarray(image.filter(ImageFilter.GaussianBlur(1.2)))
    return grey, (280, 70, 640, 120)


def test_a_region_read_as_garbage_is_read_again_from_the_grey_image() -> None:
    grey, box = _grey()
    (words,) = read_scaled([(grey, box)], "dan")
    assert [w.text for w in words] == ["Omgørelsesprocent"]
    word = words[0]  # its box on the page, in the region
    assert box[0] <= word.left and word.left + word.width <= box[2]
    assert box[1] <= word.top and word.top + word.height <= box[3]
    garbage = TextBox("Caso", 21.0, 300, 80, 200, 25, 25.0)
    found = surer_per_box([garbage], grey, [box], "dan")
    assert [w.text for w in found] == ["Omgørelsesprocent"]


def test_a_sure_first_reading_is_kept() -> None:
    grey, box = _grey()
    sure = TextBox("Omgørelsesprocent", 91.0, 300, 80, 330, 25, 25.0)
    assert surer_per_box([sure], grey, [box], "dan") == [sure]
    assert not surer([sure], [TextBox("Omgørelsesprocent", 93.0, 300, 80, 330, 25, 25.0)])
