"""A dark header band of a scanned table, read: its small bold serif letters, turned dark on
the paper's shade, lose their blurred strokes to the threshold ("Stadt. 2824" for "Stadf.
2024"); read again from the grey page, scaled up, they read as printed. The page is one of
the scanned layout variants (seed 481789, document 47, page 4: JPEG at 300 dpi, grey paper,
Times, white on black)."""

from __future__ import annotations

import pytest

from extract.readers.ocr.pages import OcrSettings, ocr_page
from samples.variants.generate import families, generate_one
from samples.variants.scan import scan_document

pytestmark = pytest.mark.slow  # a scanned variant page drawn and OCR'd

SEED, INDEX = "481789", 47


@pytest.fixture(scope="module")
def header_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, float, float]:
    """The top of the scanned page 4 (its table's dark header and first rows): the image,
    its width and height in points."""
    import pypdfium2

    out = tmp_path_factory.mktemp("dark-band")
    source = generate_one(SEED, INDEX, out, ["pdf"], families())
    stem = source.name.rsplit(".", 1)[0]
    scan = scan_document(
        source, out / f"{stem}.truth.jsonl", out / f"{stem}.layout.json", out / "scan", SEED
    )
    page = pypdfium2.PdfDocument(scan)[3]
    width, height = page.get_size()
    image = page.render(scale=300 / 72, grayscale=True).to_pil()
    top = image.crop((0, 0, image.width, image.height // 4))
    return top, width, height / 4


def test_a_dark_bands_small_serif_letters_read_as_printed(
    header_page: tuple[object, float, float],
) -> None:
    image, width, height = header_page
    content = ocr_page(image, 4, width, height, OcrSettings())
    words = [w.text for w in content.words]
    assert words.count("2024") >= 4  # "Stadf. 2024", "Hjemvist 2024", "Ændringer 2024", ...
    assert "2824" not in words
    assert {"Stadf.", "Hjemvist", "Ændringer"} <= set(words)
