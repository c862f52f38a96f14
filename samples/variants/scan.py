"""Scanned copies of the PDF layout variants, with truth that moves with the page.

``scan_document(pdf, truth, layout, out_dir, seed)`` renders every page of a generated PDF
variant and scans it the way office scanners and faxes do (flat: no perspective, no curl),
then writes ``scan-<stem>.pdf`` (image-only, JPEG inside, no text layer) or
``scan-<stem>.tiff`` (1-bit, CCITT group 4, multi-page), ``scan-<stem>.truth.jsonl`` and
``scan-<stem>.layout.json``. Effects are in ``scan_effects``.

Draws come from ``random.Random(f"scan:{seed}:{stem}")`` (and seeds derived from it), so the
same seed and document give the same bytes. Per document: 200 or 300 dpi; JPEG PDF (colour or
grey, quality 35-90) or fax TIFF (black and white at a threshold); paper white, grey or
yellowish; grain and dust low or high; blur none or slight; light even or uneven. Per page:
skew 0.3-1.5 degrees either way; now and then upside down (180) or a quarter turned ("90":
counter-clockwise as seen, "270": clockwise; the page image is then landscape/portrait
swapped); now and then a "MODTAGET" stamp or a pen ring or tick over a value.

Truth: the same lines, ``bbox`` moved exactly as the pixels (scale, skew about the page
centre, turn): the axis-aligned box of the four moved corners, in points of the scanned page
(top-left origin, size = image size * 72 / dpi). Lines keep ``format: "pdf"`` (they are found
by page and box, as the scorer reads them); their ``axes`` get ``format`` "scan-pdf" or
"scan-tiff" and the ``scan.*`` axes (skew, turn and marks those of the line's own page). The
layout keeps the generator's draw and adds ``scan`` (the draw) and ``axes`` (the scan axes,
skew the largest, turn and marks any page's).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from samples.make_scans import write_pdf
from samples.variants import scan_effects as fx
from samples.variants import truth as tr

KINDS = {"jpeg-pdf": ("scan-pdf", ".pdf"), "fax-tiff": ("scan-tiff", ".tiff")}
TURNS = ("none", "90", "180", "270")
PAPERS = {"white": (1.0, 1.0, 1.0), "grey": (0.87, 0.87, 0.87), "yellow": (1.0, 0.95, 0.8)}
MONTHS: tuple[str, ...] = ("JAN.", "FEB.", "MAR.", "APR.", "MAJ", "JUNI", "JULI", "AUG.")
MONTHS += ("SEP.", "OKT.", "NOV.", "DEC.")
OFFICES = ("Ankestyrelsen", "Borgerservice", "Jobcenter", "Sekretariatet", "Byrådssekretariatet")


@dataclass(frozen=True)
class PageDraw:
    """One page's draw: skew (degrees, counter-clockwise), quarter turns counter-clockwise
    (0-3), marks ("none", "stamp", "pen"), light fall-off strength and direction (radians)."""

    page: int
    skew: float
    quarter: int
    marks: str
    light: float
    theta: float


@dataclass(frozen=True)
class ScanDraw:
    """One document's draw: how it was scanned, and its pages'."""

    dpi: int
    kind: str
    colour: bool
    quality: int
    paper: str
    paper_rgb: tuple[float, float, float]
    black: float
    noise: str
    grain: float
    dust: int
    blur: str
    blur_px: float
    light: str
    threshold: float
    pages: tuple[PageDraw, ...]


@dataclass(frozen=True)
class Force:
    """Draws to impose (tests): the kind, the dpi, quarter turns and marks per page (1-based).
    Everything is still drawn first, so what is not forced comes out the same."""

    kind: str | None = None
    dpi: int | None = None
    quarters: Mapping[int, int] = field(default_factory=dict)
    marks: Mapping[int, str] = field(default_factory=dict)


def _page_draw(
    rng: random.Random, page: int, has_cells: bool, uneven: bool, force: Force
) -> PageDraw:
    """One page's draw (skew, turn, marks, light), then what ``force`` imposes."""
    skew = rng.uniform(0.3, 1.5) * rng.choice((-1, 1))
    r = rng.random()
    quarter = 2 if r < 0.05 else 1 if r < 0.075 else 3 if r < 0.1 else 0
    m = rng.random()
    stamp_p = 0.15 if page == 1 else 0.04
    marks = "stamp" if m < stamp_p else "pen" if has_cells and m < stamp_p + 0.12 else "none"
    light = rng.uniform(0.06, 0.15) if uneven else rng.uniform(0.0, 0.02)
    theta = rng.uniform(0, 6.2832)
    marks = force.marks.get(page, marks)
    marks = "none" if marks == "pen" and not has_cells else marks  # a pen marks a value
    quarter = force.quarters.get(page, quarter)
    return PageDraw(page, round(skew, 3), quarter, marks, round(light, 4), round(theta, 4))


def draw_scan(
    rng: random.Random, pages: int, with_cells: set[int], force: Force | None = None
) -> ScanDraw:
    """The draw for a document of ``pages`` pages (``with_cells``: pages with truth cells)."""
    force = force or Force()
    dpi = rng.choice((200, 200, 300))
    kind = "fax-tiff" if rng.random() < 0.3 else "jpeg-pdf"
    paper = rng.choices(("white", "grey", "yellow"), (0.55, 0.25, 0.2))[0]
    tone = rng.uniform(0.96, 1.0) if paper == "white" else rng.uniform(0.97, 1.03)
    rgb = tuple(round(min(1.0, c * tone), 3) for c in PAPERS[paper])
    noise = rng.choice(("low", "high"))
    blur = rng.choice(("none", "slight"))
    light = rng.choice(("even", "uneven"))
    draw = ScanDraw(
        dpi=force.dpi or dpi,
        kind=force.kind or kind,
        colour=rng.random() < 0.5,
        quality=rng.randint(35, 90),
        paper=paper,
        paper_rgb=(rgb[0], rgb[1], rgb[2]),
        black=round(rng.uniform(10, 45), 1),
        noise=noise,
        grain=round(rng.uniform(2, 5) if noise == "low" else rng.uniform(7, 12), 2),
        dust=rng.randint(0, 10) if noise == "low" else rng.randint(20, 60),
        blur=blur,
        blur_px=round(rng.uniform(0.6, 1.1), 2) if blur == "slight" else 0.0,
        light=light,
        threshold=round(rng.uniform(135, 165), 1),
        pages=(),
    )
    uneven = light == "uneven"
    out = (_page_draw(rng, n, n in with_cells, uneven, force) for n in range(1, pages + 1))
    return replace(draw, pages=tuple(out))


def skew_bucket(skew: float) -> str:
    """The skew axis value of an angle: "<0.5", "0.5-1" or ">1" (degrees, either way)."""
    a = abs(skew)
    return "<0.5" if a < 0.5 else "0.5-1" if a <= 1 else ">1"


def doc_axes(draw: ScanDraw) -> dict[str, str]:
    """The document's scan axes: format, dpi, kind, paper, noise, blur, light; skew the
    largest of its pages', turned and marks any page's ("none" when no page has one)."""
    turned = sorted({TURNS[p.quarter] for p in draw.pages} - {"none"}, key=TURNS.index)
    marks = sorted({p.marks for p in draw.pages} - {"none"})
    return {
        "format": KINDS[draw.kind][0],
        "scan.dpi": str(draw.dpi),
        "scan.kind": draw.kind,
        "scan.skew": skew_bucket(max((abs(p.skew) for p in draw.pages), default=0.0)),
        "scan.paper": draw.paper,
        "scan.noise": draw.noise,
        "scan.blur": draw.blur,
        "scan.light": draw.light,
        "scan.marks": "+".join(marks) or "none",
        "scan.turned": "+".join(turned) or "none",
    }


def page_axes(draw: ScanDraw, page: PageDraw) -> dict[str, str]:
    """A truth line's scan axes: the document's, with skew, turn and marks of its page."""
    return {
        **doc_axes(draw),
        "scan.skew": skew_bucket(page.skew),
        "scan.marks": page.marks,
        "scan.turned": TURNS[page.quarter],
    }


def _seed(*parts: object) -> int:
    """A 64-bit seed from the parts (stable across runs and machines)."""
    return int(hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:16], 16)


def _stamp_text(rng: random.Random) -> list[str]:
    date = f"{rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(2019, 2025)}"
    return ["MODTAGET", date, *([rng.choice(OFFICES)] if rng.random() < 0.5 else [])]


def mark_page(
    img: Image.Image, pd: PageDraw, dpi: int, cells: Sequence[list[float]], rng: random.Random
) -> None:
    """Stamp or pen-mark the upright render ``img`` (in place) as ``pd.marks`` says: a stamp
    in the upper part of the page, a pen ring or tick at one of ``cells`` (truth boxes,
    points). Marks are coloured; a grey image gets their grey."""
    k = dpi / 72
    if pd.marks == "stamp":
        mask = fx.stamp(rng, dpi, _stamp_text(rng))
        cx, cy = rng.uniform(0.25, 0.8) * img.width, rng.uniform(0.06, 0.4) * img.height
        left, top = int(cx - mask.width / 2), int(cy - mask.height / 2)
        fx.ink_on(img, mask, left, top, rng.choice(fx.STAMP_COLOURS))
    elif pd.marks == "pen" and cells:
        x0, top_, x1, bottom = rng.choice(list(cells))
        box = (x0 * k, top_ * k, x1 * k, bottom * k)
        pen = fx.pen_circle if rng.random() < 0.6 else fx.pen_tick
        mask, left, top = pen(rng, box, dpi)
        fx.ink_on(img, mask, left, top, rng.choice(fx.PEN_COLOURS))


def scan_page(
    pdf: pdfium.PdfDocument, draw: ScanDraw, pd: PageDraw, cells: Sequence[list[float]], key: str
) -> tuple[Image.Image, fx.Turn]:
    """One page of ``pdf`` scanned as drawn -> (the scan image: L or RGB for a JPEG PDF, "1"
    for a fax; the Turn that maps the upright render onto it)."""
    grey = draw.kind == "fax-tiff" or not draw.colour
    bitmap = pdf[pd.page - 1].render(scale=draw.dpi / 72, grayscale=grey, rev_byteorder=True)
    img = bitmap.to_pil().convert("L" if grey else "RGB")
    mark_page(img, pd, draw.dpi, cells, random.Random(f"{key}:{pd.page}:marks"))
    turn = fx.Turn(img.size, pd.skew + 90 * pd.quarter, pd.quarter)
    img = fx.turn_image(img, turn)
    ink = np.asarray(img.convert("L")) < 200
    if draw.blur_px:
        img = img.filter(ImageFilter.GaussianBlur(draw.blur_px * draw.dpi / 200))
    nrng = np.random.default_rng(_seed(key, pd.page))
    light = fx.light_field(img.size, pd.light, pd.theta)
    dust = fx.specks(ink, nrng, draw.dpi, draw.dust)
    out = fx.on_paper(img, draw.paper_rgb, light, draw.black, draw.grain, dust, nrng)
    return (fx.fax(out, draw.threshold) if draw.kind == "fax-tiff" else out), turn


def write_tiff(path: Path, pages: Sequence[Image.Image], dpi: int) -> None:
    """A multi-page 1-bit TIFF, CCITT group 4, ``dpi`` in every frame."""
    pages[0].save(
        path,
        format="TIFF",
        save_all=True,
        append_images=list(pages[1:]),
        compression="group4",
        dpi=(dpi, dpi),
    )


def _jpeg(img: Image.Image, quality: int) -> bytes:
    buf = BytesIO()
    img.save(buf, format="JPEG", quality=quality, optimize=True)
    return buf.getvalue()


def scan_truth(
    lines: Sequence[dict[str, Any]], draw: ScanDraw, turns: Mapping[int, fx.Turn], doc: str
) -> list[dict[str, Any]]:
    """The truth lines of the scanned document ``doc``: boxes moved with their page, the scan
    axes added; every other field kept."""
    pages = {p.page: p for p in draw.pages}
    out = []
    for t in lines:
        page = pages[t["page"]]
        bbox = fx.box_to_scan(turns[t["page"]], t["bbox"], draw.dpi)
        out.append({**t, "doc": doc, "bbox": bbox, "axes": {**t["axes"], **page_axes(draw, page)}})
    return out


def scan_document(
    pdf_path: Path,
    truth_path: Path,
    layout_path: Path,
    out_dir: Path,
    seed: str,
    force: Force | None = None,
) -> Path:
    """Scan one generated PDF variant into ``out_dir`` (document, truth, layout: see the
    module docstring); return the scanned document's path."""
    stem = pdf_path.name.rsplit(".", 1)[0]
    key = f"scan:{seed}:{stem}"
    lines = tr.read(truth_path)
    layout = json.loads(layout_path.read_text(encoding="utf-8"))
    pdf = pdfium.PdfDocument(pdf_path)
    try:
        with_cells = {int(t["page"]) for t in lines}
        draw = draw_scan(random.Random(key), len(pdf), with_cells, force)
        fmt, ext = KINDS[draw.kind]
        name = f"scan-{stem}{ext}"
        images, turns = [], {}
        for pd in draw.pages:
            cells = [t["bbox"] for t in lines if t["page"] == pd.page]
            img, turns[pd.page] = scan_page(pdf, draw, pd, cells, key)
            images.append(img)
    finally:
        pdf.close()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / name
    sizes = [(img.width * 72 / draw.dpi, img.height * 72 / draw.dpi) for img in images]
    if draw.kind == "fax-tiff":
        write_tiff(path, images, draw.dpi)
    else:
        write_pdf(path, [_jpeg(img, draw.quality) for img in images], sizes)
    tr.write(out_dir / f"scan-{stem}.truth.jsonl", scan_truth(lines, draw, turns, name))
    scan = {**asdict(draw), "page_sizes": [[round(w, 2), round(h, 2)] for w, h in sizes]}
    info = {
        **layout,
        "doc": name,
        "format": fmt,
        "source_doc": layout.get("doc"),
        "axes": {**layout.get("axes", {}), **doc_axes(draw)},
        "scan": scan,
    }
    (out_dir / f"scan-{stem}.layout.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return path
