"""Build scanned (image-only) copies of the digital samples and their truth files.

Run: ``.venv/bin/python samples/make_scans.py [--out DIR]`` (default: this folder). Reads the
digital PDFs and truth files in this folder (build them first with make_samples.py) and writes
three image-only PDFs (200 dpi, JPEG inside, no text) and one multi-page TIFF (300 dpi, 1-bit
CCITT group 4), each with ``<stem>.truth.jsonl``. Every page has its own fixed seed and angle,
so two builds give the same bytes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pdfplumber
import pypdfium2 as pdfium
from numpy.typing import NDArray
from PIL import Image, ImageFilter
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
REPORT = "aarsredegoerelse-2024"
BYRAAD = "referat-ishoej-byraad-2022-10-31"
SUNDHED = "referat-ishoej-sundhedsudvalg-2021-03-08"


@dataclass(frozen=True)
class ScanPage:
    """One source page (1-based), its tilt in degrees (positive = counter-clockwise), its seed."""

    page: int
    angle: float
    seed: int


@dataclass(frozen=True)
class ScanSpec:
    """One scanned output: source stem, output file name, dpi and the pages in output order."""

    source: str
    name: str
    dpi: int
    pages: tuple[ScanPage, ...]


SCANS = (
    ScanSpec(
        BYRAAD,
        f"scan-{BYRAAD}.pdf",
        200,
        (
            ScanPage(1, 0.8, 1101),
            ScanPage(2, -1.2, 1102),
            ScanPage(3, 0.4, 1103),
            ScanPage(4, -0.6, 1104),
        ),
    ),
    ScanSpec(
        SUNDHED, f"scan-{SUNDHED}.pdf", 200, (ScanPage(1, -0.9, 2101), ScanPage(2, 1.3, 2102))
    ),
    ScanSpec(REPORT, "scan-aarsredegoerelse-2024-side4.pdf", 200, (ScanPage(4, 1.1, 3104),)),
    ScanSpec(
        SUNDHED, f"scan-{SUNDHED}.tiff", 300, (ScanPage(1, 0.5, 4101), ScanPage(2, -1.4, 4102))
    ),
)


def add_specks(
    a: NDArray[np.float64], ink: NDArray[np.bool_], rng: np.random.Generator, dpi: int
) -> None:
    """Draw 15-40 dark dust specks into ``a`` (in place), each at least 0.1 inch from any ink.

    The clearance keeps a speck from joining a printed digit (no "9301" read as "93.01").
    """
    h, w = a.shape
    clear, rmax = dpi // 10, dpi / 70
    wanted, tries = int(rng.integers(15, 41)), 0
    while wanted and tries < 5000:
        tries += 1
        cy, cx = int(rng.integers(clear, h - clear)), int(rng.integers(clear, w - clear))
        if ink[cy - clear : cy + clear + 1, cx - clear : cx + clear + 1].any():
            continue
        r = rng.uniform(0.4, 1.0) * rmax
        dy, dx = np.ogrid[-3:4, -3:4]
        spot = a[cy - 3 : cy + 4, cx - 3 : cx + 4]
        spot[dy * dy + dx * dx <= r * r] = rng.uniform(20.0, 110.0)
        wanted -= 1


def degrade(clean: Image.Image, angle: float, seed: int, dpi: int) -> bytes:
    """Grey page render in, office-scanner look out: tilt, blur, shading, noise, specks.

    Returns the page as grey JPEG bytes (same pixel size as ``clean``).
    """
    rng = np.random.default_rng(seed)
    img = clean.convert("L").rotate(
        angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255
    )
    ink = np.asarray(img) < 200
    img = img.filter(ImageFilter.GaussianBlur(float(rng.uniform(0.5, 0.8))))
    a = np.asarray(img, dtype=np.float64)
    h, w = a.shape
    # Paper a little off-white, one side a little darker (lid not flat, lamp falling off).
    theta = rng.uniform(0.0, 2.0 * np.pi)
    yy, xx = np.mgrid[0:h, 0:w]
    ramp = (np.cos(theta) * xx / w + np.sin(theta) * yy / h + 1.0) / 2.0
    a = a * (rng.uniform(0.95, 0.985) - rng.uniform(0.04, 0.07) * ramp)
    a += rng.normal(0.0, rng.uniform(6.0, 10.0), size=a.shape)
    add_specks(a, ink, rng, dpi)
    noisy = Image.fromarray(np.clip(np.rint(a), 0, 255).astype(np.uint8))
    buf = BytesIO()
    noisy.save(buf, format="JPEG", quality=int(rng.integers(55, 71)), optimize=True)
    return buf.getvalue()


def render(pdf: pdfium.PdfDocument, page: int, dpi: int) -> Image.Image:
    """Render 1-based ``page`` of ``pdf`` in grey at ``dpi``."""
    bitmap = pdf[page - 1].render(scale=dpi / 72, grayscale=True)
    img: Image.Image = bitmap.to_pil().convert("L")
    return img


def write_pdf(path: Path, scans: Sequence[bytes], sizes: Sequence[tuple[float, float]]) -> None:
    """Image-only PDF: each JPEG drawn over a whole page of the given size in points.

    The JPEG goes in as a plain DCTDecode stream, as scanners write it (reportlab would wrap it
    in ASCII85 by default; the setting is restored afterwards).
    """
    canvas = Canvas(str(path), pagesize=sizes[0], invariant=1, pageCompression=1)
    use_a85 = rl_config.useA85
    rl_config.useA85 = 0
    try:
        for jpeg, (w, h) in zip(scans, sizes, strict=True):
            canvas.setPageSize((w, h))
            canvas.drawImage(ImageReader(BytesIO(jpeg)), 0, 0, width=w, height=h)
            canvas.showPage()
    finally:
        rl_config.useA85 = use_a85
    canvas.save()


def write_tiff(path: Path, scans: Sequence[bytes], dpi: int) -> None:
    """Multi-page TIFF of the decoded JPEGs, binarised like a b/w office scanner, group 4."""
    pages = [
        Image.open(BytesIO(jpeg)).point(lambda v: 255 if v >= 150 else 0).convert("1")
        for jpeg in scans
    ]
    pages[0].save(
        path,
        format="TIFF",
        save_all=True,
        append_images=pages[1:],
        compression="group4",
        dpi=(dpi, dpi),
    )


def write_truth(source: Path, target: Path, pages: Sequence[int]) -> int:
    """Copy the truth lines of ``pages`` (source numbering), renumbered 1.. in output order."""
    renumber = {src: i for i, src in enumerate(pages, start=1)}
    records: list[dict[str, Any]] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["page"] in renumber:
            records.append({**rec, "page": renumber[rec["page"]]})
    target.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return len(records)


def scan_images(spec: ScanSpec, src_dir: Path) -> tuple[list[tuple[float, float]], list[bytes]]:
    """The page sizes (points) and the degraded page images (JPEG bytes) of one scan."""
    pdf = pdfium.PdfDocument(src_dir / f"{spec.source}.pdf")
    try:
        sizes = [pdf[p.page - 1].get_size() for p in spec.pages]
        scans = [
            degrade(render(pdf, p.page, spec.dpi), p.angle, p.seed, spec.dpi) for p in spec.pages
        ]
    finally:
        pdf.close()
    return sizes, scans


def build_scan(spec: ScanSpec, src_dir: Path, out_dir: Path) -> Path:
    """Build one scanned file and its truth file from ``src_dir``; return the scan's path."""
    sizes, scans = scan_images(spec, src_dir)
    path = out_dir / spec.name
    if path.suffix == ".pdf":
        write_pdf(path, scans, sizes)
    else:
        write_tiff(path, scans, spec.dpi)
    truth = out_dir / f"{path.stem}.truth.jsonl"
    write_truth(src_dir / f"{spec.source}.truth.jsonl", truth, [p.page for p in spec.pages])
    return path


def check_scan(spec: ScanSpec, path: Path, src_dir: Path) -> None:
    """Assert: no text, right page count and size, renders, truth pages exist."""
    n = len(spec.pages)
    if path.suffix == ".pdf":
        with pdfplumber.open(path) as doc:
            assert len(doc.pages) == n, (path, len(doc.pages))
            assert all(len(p.chars) == 0 for p in doc.pages), path
        src, out = pdfium.PdfDocument(src_dir / f"{spec.source}.pdf"), pdfium.PdfDocument(path)
        try:
            for i, p in enumerate(spec.pages):
                assert out[i].get_size() == src[p.page - 1].get_size(), (path, i)
                assert np.asarray(render(out, i + 1, 50)).min() < 100, (path, i)  # ink on page
        finally:
            src.close()
            out.close()
    else:
        with Image.open(path) as tif:
            assert getattr(tif, "n_frames", 1) == n and tif.mode == "1", path
            assert tuple(round(d) for d in tif.info["dpi"]) == (spec.dpi, spec.dpi), path
    truth = (path.parent / f"{path.stem}.truth.jsonl").read_text(encoding="utf-8").splitlines()
    pages = {json.loads(line)["page"] for line in truth}
    assert truth and pages <= set(range(1, n + 1)), (path, pages)


def build_scans(out_dir: Path, src_dir: Path = HERE) -> list[Path]:
    """Build and check the four scanned samples into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for spec in SCANS:
        path = build_scan(spec, src_dir, out_dir)
        check_scan(spec, path, src_dir)
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    for path in build_scans(args.out):
        print(f"{path}  {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
