"""Build a "searchable PDF" sample: a scan with a poor scanner text layer behind its images.

Run: ``.venv/bin/python samples/make_searchable.py [--out DIR]`` (default: this folder). The
page images are exactly those of ``scan-referat-ishoej-sundhedsudvalg-2021-03-08.pdf`` (the
same seeds and tilt, see ``make_scans.py``); behind them lies invisible text (render mode 3)
as an office scanner's own OCR puts it there: each word of the digital original at its place
on the tilted page, but every other number misread the way such layers misread them (look-alike
letters for digits, a lost decimal comma). Writes the PDF and its truth file (the image-only
scan's). ``build_searchable(..., poor=False)`` writes a faithful layer instead (for tests).
"""

from __future__ import annotations

import argparse
import math
import shutil
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

import pdfplumber
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from samples.make_scans import HERE, SCANS, SUNDHED, ScanSpec, scan_images

NAME = f"scan-soegbar-{SUNDHED}.pdf"
FONT = "Helvetica"
# How a scanner's OCR misreads digits: look-alike letters.
LOOK_ALIKES = str.maketrans({"0": "O", "1": "l", "5": "S", "8": "B", "6": "b"})

Box = tuple[float, float, float, float]


def _spec() -> ScanSpec:
    """The image-only committee scan the sample is made from."""
    return next(s for s in SCANS if s.name == f"scan-{SUNDHED}.pdf")


def misread(text: str) -> str:
    """A number as a poor scanner layer has it: look-alike letters, or its comma lost."""
    turned = text.translate(LOOK_ALIKES)
    return turned if turned != text else text.replace(",", "")


def tilted(box: Box, angle: float, size: tuple[float, float]) -> Box:
    """The axis-aligned box of ``box`` (points, top-left origin) on the page turned ``angle``
    degrees counter-clockwise about its centre, as ``degrade`` turns the image."""
    cx, cy = size[0] / 2, size[1] / 2
    cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(cx + dx * cos + dy * sin)
        ys.append(cy - dx * sin + dy * cos)
    return (min(xs), min(ys), max(xs), max(ys))


def build_searchable(out_dir: Path, src_dir: Path = HERE, *, poor: bool = True) -> Path:
    """Write the searchable scan (and its truth file) into ``out_dir``; return its path."""
    spec = _spec()
    out_dir.mkdir(parents=True, exist_ok=True)
    sizes, scans = scan_images(spec, src_dir)
    with pdfplumber.open(src_dir / f"{spec.source}.pdf") as doc:
        words = [
            [
                (w["text"], (w["x0"], w["top"], w["x1"], w["bottom"]))
                for w in doc.pages[p.page - 1].extract_words()
            ]
            for p in spec.pages
        ]
    path = out_dir / (NAME if poor else NAME.replace("soegbar", "soegbar-god"))
    _write(path, scans, sizes, [p.angle for p in spec.pages], words, poor)
    shutil.copyfile(src_dir / f"scan-{SUNDHED}.truth.jsonl", out_dir / f"{path.stem}.truth.jsonl")
    return path


def _write(
    path: Path,
    scans: Sequence[bytes],
    sizes: Sequence[tuple[float, float]],
    angles: Sequence[float],
    words: Sequence[Sequence[tuple[str, Box]]],
    poor: bool,
) -> None:
    """Each JPEG over a whole page (as ``make_scans.write_pdf``), invisible words behind it."""
    canvas = Canvas(str(path), pagesize=sizes[0], invariant=1, pageCompression=1)
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        for jpeg, size, angle, page_words in zip(scans, sizes, angles, words, strict=True):
            width, height = size
            canvas.setPageSize(size)
            canvas.drawImage(ImageReader(BytesIO(jpeg)), 0, 0, width=width, height=height)
            numbers = 0
            for text, box in page_words:
                if any(ch.isdigit() for ch in text):
                    numbers += 1
                    if poor and numbers % 2:
                        text = misread(text)
                x0, top, x1, bottom = tilted(box, angle, size)
                font_size = max(bottom - top, 1.0)
                line = canvas.beginText()
                line.setTextRenderMode(3)  # invisible, as a scanner's layer
                line.setFont(FONT, font_size)
                line.setHorizScale(100 * (x1 - x0) / max(stringWidth(text, FONT, font_size), 0.1))
                line.setTextOrigin(x0, height - bottom + 0.2 * font_size)
                line.textOut(text)
                canvas.drawText(line)
            canvas.showPage()
    finally:
        rl_config.useA85 = use_a85
    canvas.save()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    path = build_searchable(args.out)
    print(f"{path}  {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
