"""Scanned layout variants (samples/variants/scan.py): the same bytes from the same draw, truth
boxes that follow the page's skew and turns onto the printed ink, the scan axes in the layout
and the truth, and (one short OCR run) the engine's records landing in the moved boxes."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image, ImageSequence

from samples.variants import scan_effects as fx
from samples.variants import score as sc
from samples.variants import truth as tr
from samples.variants.generate import families, generate_one
from samples.variants.scan import Force, scan_document

pytestmark = pytest.mark.slow  # scanned variants drawn, rendered and OCR'd

SEED = "ts"
# Documents of seed "ts" drawn as PDF (found by trying): 0 one page, JPEG PDF at 200 dpi;
# 2 three pages, JPEG PDF, page 2 upside down, a pen mark on page 3; 4 two pages, fax TIFF,
# a pen mark on page 1; 6 three pages, JPEG PDF, page 1 on its side (270), page 2 upside down;
# 11 one page, fax TIFF at 200 dpi with 40 value cells.
INDEXES = (0, 2, 4, 6, 11)
SCAN_AXES = {
    "scan.dpi": {"200", "300"},
    "scan.kind": {"jpeg-pdf", "fax-tiff"},
    "scan.skew": {"<0.5", "0.5-1", ">1"},
    "scan.paper": {"white", "grey", "yellow"},
    "scan.noise": {"low", "high"},
    "scan.blur": {"none", "slight"},
    "scan.light": {"even", "uneven"},
    "scan.marks": {"none", "stamp", "pen"},
    "scan.turned": {"none", "90", "180", "270"},
}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("variants-src")
    pool = families()
    for index in INDEXES:
        generate_one(SEED, index, out, ["pdf"], pool)
    return out


def _scan(source: Path, index: int, out: Path, force: Force | None = None) -> Path:
    stem = f"v{SEED}-{index:04d}"
    return scan_document(
        source / f"{stem}.pdf",
        source / f"{stem}.truth.jsonl",
        source / f"{stem}.layout.json",
        out,
        SEED,
        force,
    )


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name.rsplit(".", 1)[0] + suffix)


def _layout(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(_side(path, ".layout.json").read_text(encoding="utf-8"))
    return loaded


def _grey(path: Path, page: int) -> NDArray[np.uint8]:
    """The scanned page as stored (a TIFF frame, or the PDF page's one image), grey."""
    if path.suffix == ".tiff":
        with Image.open(path) as tif:
            frame = next(f for n, f in enumerate(ImageSequence.Iterator(tif), 1) if n == page)
            return np.asarray(frame.convert("L"))
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(path)
    try:
        (image,) = pdf[page - 1].get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
        return np.asarray(image.get_bitmap().to_pil().convert("L"))
    finally:
        pdf.close()


def _upright(pdf_path: Path, page: int, dpi: int) -> NDArray[np.uint8]:
    """The source page rendered upright at ``dpi``, grey."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_path)
    try:
        return np.asarray(
            pdf[page - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        )
    finally:
        pdf.close()


def _dark(grey: NDArray[np.uint8]) -> NDArray[np.bool_]:
    """Ink: darker than 0.6 of the page's paper (its median), whatever the paper's shade."""
    return np.asarray(grey < 0.6 * float(np.median(grey)))


def _blank_square(ink: NDArray[np.bool_], k: float) -> tuple[float, float, float, float]:
    """A 24 pt square of the upright page (pixels) with no ink in it nor in the 24 pt around
    it, the one nearest the page centre."""
    n = int(24 * k)
    rows, cols = ink.shape[0] // n, ink.shape[1] // n
    blocks = np.asarray(ink[: rows * n, : cols * n].reshape(rows, n, cols, n).any(axis=(1, 3)))
    best: tuple[float, int, int] | None = None
    for r in range(1, rows - 1):
        for c in range(1, cols - 1):
            if not blocks[r - 1 : r + 2, c - 1 : c + 2].any():
                d = abs(r - rows / 2) + abs(c - cols / 2)
                best = min(best or (d, r, c), (d, r, c))
    assert best is not None, "no blank square on the page"
    _, r, c = best
    return (c * n, r * n, (c + 1) * n, (r + 1) * n)


def _box_px(box: list[float] | tuple[float, ...], k: float) -> tuple[int, int, int, int]:
    return (int(box[0] * k), int(box[1] * k), int(np.ceil(box[2] * k)), int(np.ceil(box[3] * k)))


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("index", [2, 4])
def test_same_seed_and_index_same_bytes(source: Path, tmp_path: Path, index: int) -> None:
    first = _scan(source, index, tmp_path / "a")
    second = _scan(source, index, tmp_path / "b")
    assert first.name == second.name
    digests = _digest(tmp_path / "a")
    assert len(digests) == 3 and digests == _digest(tmp_path / "b")
    marks = {p["marks"] for p in _layout(first)["scan"]["pages"]}
    assert marks != {"none"}  # the draw that is repeated includes a pen mark
    assert _scan(source, index, tmp_path / "c", Force(dpi=300)).read_bytes() != first.read_bytes()


@pytest.mark.parametrize("index", [6, 11])
def test_moved_truth_boxes_land_on_the_ink(source: Path, tmp_path: Path, index: int) -> None:
    """Ink printed in a cell of the upright page, moved by the page's turn, is dark in the
    scan and inside the cell's moved box; a blank square moved the same way stays light."""
    pdf_path = source / f"v{SEED}-{index:04d}.pdf"
    lines = tr.read(_side(pdf_path, ".truth.jsonl"))
    path = _scan(source, index, tmp_path, Force(marks={n: "none" for n in range(1, 9)}))
    layout, scanned = _layout(path), tr.read(_side(path, ".truth.jsonl"))
    dpi = int(layout["scan"]["dpi"])
    k = dpi / 72
    checked = 0
    for pd in layout["scan"]["pages"]:
        cells = [(t, s) for t, s in zip(lines, scanned, strict=True) if t["page"] == pd["page"]]
        if not cells:
            continue
        upright = _upright(pdf_path, pd["page"], dpi)
        grey = _grey(path, pd["page"])
        turn = fx.Turn(
            (upright.shape[1], upright.shape[0]), pd["skew"] + 90 * pd["quarter"], pd["quarter"]
        )
        assert (grey.shape[1], grey.shape[0]) == turn.out_size
        dark, ink = _dark(grey), _dark(upright)
        centre = np.array(upright.shape[::-1]) / 2 / k
        digits = [c for c in cells if any(ch.isdigit() for ch in c[0]["cell_text"])]
        far = sorted(digits, key=lambda c: -np.hypot(*(np.array(c[0]["bbox"][:2]) - centre)))
        for t, s in far[:3]:
            x0, y0, x1, y1 = _box_px(t["bbox"], k)
            ys, xs = np.nonzero(ink[y0:y1, x0:x1])
            assert len(xs) > 5, t["cell_text"]
            moved = [
                fx.turn_point(turn, x0 + x + 0.5, y0 + y + 0.5) for x, y in zip(xs, ys, strict=True)
            ]
            bx0, by0, bx1, by1 = (v * k for v in s["bbox"])
            # inside the moved box (give or take the pixel the ink was cut at)
            assert all(bx0 - 1 <= mx <= bx1 + 1 and by0 - 1 <= my <= by1 + 1 for mx, my in moved)
            hits = [dark[int(my), int(mx)] for mx, my in moved]
            assert np.mean(hits) > 0.6, (t["cell_text"], np.mean(hits))
            sx0, sy0, sx1, sy1 = _box_px(s["bbox"], k)
            assert dark[sy0:sy1, sx0:sx1].sum() >= len(xs) * 0.5
            checked += 1
        blank = _blank_square(ink, k)
        corners = [fx.turn_point(turn, x, y) for x in blank[::2] for y in blank[1::2]]
        xs_, ys_ = [int(c[0]) for c in corners], [int(c[1]) for c in corners]
        region = dark[min(ys_) : max(ys_), min(xs_) : max(xs_)]
        assert region.size > 1000 and region.mean() < 0.02, region.mean()
    assert checked >= 3


def test_turned_pages_move_their_boxes_as_by_hand(source: Path, tmp_path: Path) -> None:
    """Document 6 as drawn has page 1 on its side (270) and page 2 upside down (180); against
    the same draw with every page upright, each box (as drawn, and with every page forced a
    quarter counter-clockwise) is the upright box turned by hand about the page centre, and
    the page's width and height swap for a quarter turn."""
    drawn = _scan(source, 6, tmp_path / "drawn")
    upright = _scan(source, 6, tmp_path / "upright", Force(quarters={1: 0, 2: 0, 3: 0}))
    quarter = _scan(source, 6, tmp_path / "ccw", Force(quarters={1: 1, 2: 1, 3: 1}))
    quarters = [p["quarter"] for p in _layout(drawn)["scan"]["pages"]]
    assert quarters == [3, 2, 0]
    assert _layout(drawn)["axes"]["scan.turned"] == "180+270"
    sizes = _layout(upright)["scan"]["page_sizes"]
    assert _layout(drawn)["scan"]["page_sizes"] == [sizes[0][::-1], sizes[1], sizes[2]]

    def by_hand(box: list[float], quarter: int, w: float, h: float) -> list[float]:
        x0, top, x1, bottom = box
        if quarter == 1:  # a quarter counter-clockwise: (x, y) -> (y, w - x)
            return [top, w - x1, bottom, w - x0]
        if quarter == 2:  # upside down: (x, y) -> (w - x, h - y)
            return [w - x1, h - bottom, w - x0, h - top]
        if quarter == 3:  # a quarter clockwise: (x, y) -> (h - y, x)
            return [h - bottom, x0, h - top, x1]
        return box

    up_lines = tr.read(_side(upright, ".truth.jsonl"))
    for turned, qs in ((drawn, quarters), (quarter, [1, 1, 1])):
        lines = tr.read(_side(turned, ".truth.jsonl"))
        assert len(lines) == len(up_lines)
        for t, u in zip(lines, up_lines, strict=True):
            w, h = sizes[u["page"] - 1]
            want = by_hand(u["bbox"], qs[u["page"] - 1], w, h)
            assert t["bbox"] == pytest.approx(want, abs=0.02), (t["cell_text"], t["page"])
            assert t["axes"]["scan.turned"] == ("none", "90", "180", "270")[qs[t["page"] - 1]]
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(drawn)
    try:
        got = [pdf[n].get_size() for n in range(len(pdf))]
    finally:
        pdf.close()
    for (gw, gh), (w, h), q in zip(got, sizes, quarters, strict=True):
        assert (gw, gh) == pytest.approx((h, w) if q % 2 else (w, h), abs=0.01)


def test_layout_and_truth_carry_the_scan_axes(source: Path, tmp_path: Path) -> None:
    for index in (2, 4):
        path = _scan(source, index, tmp_path)
        layout = _layout(path)
        kind = layout["scan"]["kind"]
        assert layout["format"] == {"jpeg-pdf": "scan-pdf", "fax-tiff": "scan-tiff"}[kind]
        assert path.suffix == {"jpeg-pdf": ".pdf", "fax-tiff": ".tiff"}[kind]
        assert layout["source_doc"] == f"v{SEED}-{index:04d}.pdf" and layout["doc"] == path.name
        axes = layout["axes"]
        assert axes["format"] == layout["format"] and axes["scan.kind"] == kind
        for axis, allowed in SCAN_AXES.items():
            assert set(axes[axis].split("+")) <= allowed, (axis, axes[axis])
        original = tr.read(source / f"v{SEED}-{index:04d}.truth.jsonl")
        lines = tr.read(_side(path, ".truth.jsonl"))
        assert len(lines) == len(original)
        for t, o in zip(lines, original, strict=True):
            assert tr.problems(t) == []
            assert {k: v for k, v in t.items() if k not in ("doc", "bbox", "axes")} == {
                k: v for k, v in o.items() if k not in ("doc", "bbox", "axes")
            }
            assert t["doc"] == path.name and t["format"] == "pdf"
            assert t["axes"]["format"] == layout["format"]
            for axis, allowed in SCAN_AXES.items():
                assert t["axes"][axis] in allowed, (axis, t["axes"][axis])
        parts = sc.breakdown([sc.score_doc(path.name, lines, [])])
        assert set(SCAN_AXES) <= set(parts)
        assert sum(c.cells for c in parts["scan.dpi"].values()) == sum(
            1 for t in lines if t["expect"] == "record"
        )


def test_scans_are_images_only(source: Path, tmp_path: Path) -> None:
    """The JPEG PDF has no text layer; the fax TIFF is 1-bit, group 4, with its dpi."""
    import pdfplumber

    pdf_path = _scan(source, 0, tmp_path, Force(kind="jpeg-pdf"))
    with pdfplumber.open(pdf_path) as pdf:
        assert pdf.pages and all(not p.chars for p in pdf.pages)
        assert all(len(p.images) == 1 for p in pdf.pages)
    tif_path = _scan(source, 0, tmp_path, Force(kind="fax-tiff", dpi=200))
    with Image.open(tif_path) as tif:
        assert tif.mode == "1" and tif.info["compression"] == "group4"
        assert tuple(round(float(v)) for v in tif.info["dpi"]) == (200, 200)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract not installed")
def test_engine_records_land_in_the_moved_boxes(
    source: Path, tmp_path: Path, rulebook: Any
) -> None:
    """One page, 200 dpi, JPEG PDF, read with OCR: every record falls in a truth box (none
    unlocated), and most value cells get one."""
    from dataclasses import asdict

    from extract.pipeline import process_file
    from extract.readers import ReadOptions

    path = _scan(source, 0, tmp_path, Force(kind="jpeg-pdf", dpi=200))
    lines = tr.read(_side(path, ".truth.jsonl"))
    result = process_file(path, rulebook, ReadOptions(ocr=True, ocr_threads=1))
    records = [asdict(r) for r in result.records]
    scored = sc.score_doc(path.name, lines, records)
    assert records and not scored.unlocated
    located = scored.counts.cells - scored.counts.missing
    assert located >= 0.5 * scored.counts.cells, scored.counts.as_dict()
