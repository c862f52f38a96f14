"""What a scanner does to a page image: turn it (skew, upside down, a quarter), blur it, lay it
on paper of some colour under uneven light, add grain and dust, stamp it, mark it with a pen,
and for a fax cut it to black and white.

Geometry is in pixels of the upright render (x right, y down, origin at the top-left corner,
pixel edges at whole numbers). ``Turn`` says how the page lies in the scan; ``turn_image``
moves the pixels and ``box_to_scan`` moves a truth box with the very same map, so the two agree.
"""

from __future__ import annotations

import math
import os
import random
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from samples.variants.fonts import FONT_DIR

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]
WHITE = 255
STAMP_COLOURS: tuple[RGB, ...] = ((185, 35, 45), (40, 60, 165), (105, 50, 140), (70, 70, 70))
PEN_COLOURS: tuple[RGB, ...] = ((25, 45, 160), (35, 35, 40), (175, 30, 35))


@dataclass(frozen=True)
class Turn:
    """How a page lies in the scan: the upright render's ``size`` (pixels), the ``angle`` it
    was turned counter-clockwise as seen (degrees: the skew plus ``quarter`` * 90)."""

    size: tuple[int, int]
    angle: float
    quarter: int

    @property
    def out_size(self) -> tuple[int, int]:
        """The scan's size in pixels (width and height swap for a quarter turn)."""
        w, h = self.size
        return (h, w) if self.quarter % 2 else (w, h)


def turn_point(t: Turn, x: float, y: float) -> tuple[float, float]:
    """A point of the upright render (pixels) -> where it lies in the scan (pixels)."""
    a = math.radians(t.angle)
    c, s = math.cos(a), math.sin(a)
    (w, h), (ow, oh) = t.size, t.out_size
    dx, dy = x - w / 2, y - h / 2
    return ow / 2 + dx * c + dy * s, oh / 2 - dx * s + dy * c


def inverse_affine(t: Turn) -> tuple[float, float, float, float, float, float]:
    """PIL's AFFINE data for ``t``: a scan pixel -> the upright render pixel it shows."""
    a = math.radians(t.angle)
    c, s = math.cos(a), math.sin(a)
    (w, h), (ow, oh) = t.size, t.out_size
    return (c, -s, w / 2 - c * ow / 2 + s * oh / 2, s, c, h / 2 - s * ow / 2 - c * oh / 2)


def box_to_scan(t: Turn, box: Box, dpi: int) -> list[float]:
    """A box of the upright page (points, [x0, top, x1, bottom]) -> the axis-aligned box of
    its four turned corners on the scanned page (points), rounded to 0.01."""
    k = dpi / 72
    corners = [turn_point(t, x * k, y * k) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [p[0] / k for p in corners], [p[1] / k for p in corners]
    return [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]


def turn_image(img: Image.Image, t: Turn) -> Image.Image:
    """The upright render -> the scan's pixels (bicubic, white where no page shows)."""
    fill: int | RGB = WHITE if img.mode == "L" else (WHITE, WHITE, WHITE)
    return img.transform(
        t.out_size,
        Image.Transform.AFFINE,
        inverse_affine(t),
        resample=Image.Resampling.BICUBIC,
        fillcolor=fill,
    )


def grey_of(colour: RGB) -> RGB:
    """A colour as a grey scanner sees it (luminance in every channel)."""
    v = round(0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2])
    return (v, v, v)


def ink_on(img: Image.Image, mask: Image.Image, left: int, top: int, colour: RGB) -> None:
    """Print ``mask`` (L, 255 = full ink) at ``left, top`` onto ``img`` (L or RGB, in place)
    in ``colour``, multiplied like ink on paper; the part off the page is dropped."""
    x0, y0 = max(left, 0), max(top, 0)
    x1, y1 = min(left + mask.width, img.width), min(top + mask.height, img.height)
    if x0 >= x1 or y0 >= y1:
        return
    alpha = np.asarray(mask.crop((x0 - left, y0 - top, x1 - left, y1 - top)), np.float32) / 255
    region = np.asarray(img.crop((x0, y0, x1, y1)), np.float32)
    if img.mode == "L":
        tint = np.float32(grey_of(colour)[0] / 255)
        out = region * (1 - alpha * (1 - tint))
    else:
        tints = np.asarray(colour, np.float32) / 255
        out = region * (1 - alpha[..., None] * (1 - tints))
    img.paste(Image.fromarray(np.clip(np.rint(out), 0, 255).astype(np.uint8)), (x0, y0))


def _font(px: int) -> ImageFont.FreeTypeFont:
    """Bitstream Vera Bold (shipped with reportlab, the same on every machine) at ``px``."""
    return ImageFont.truetype(os.path.join(FONT_DIR, "VeraBd.ttf"), px)


def stamp(rng: random.Random, dpi: int, lines: list[str]) -> Image.Image:
    """A rubber stamp (round or a box) with ``lines`` of text -> its ink mask (L, 255 = ink),
    unevenly inked and tilted up to 12 degrees; about 1.1 x 0.6 to 1.7 x 0.8 inches."""
    k = dpi / 72
    rnd = rng.random() < 0.4
    w, h = (int(80 * k), int(80 * k)) if rnd else (int(rng.uniform(95, 125) * k), int(55 * k))
    mask = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(mask)
    pen = max(2, int(1.6 * k))
    if rnd:
        draw.ellipse((pen, pen, w - pen, h - pen), outline=255, width=pen)
        gap = int(6 * k)
        draw.ellipse((gap, gap, w - gap, h - gap), outline=255, width=max(1, pen // 2))
    else:
        draw.rectangle((pen, pen, w - pen, h - pen), outline=255, width=pen)
    sizes = [int(13 * k if rnd else 15 * k), int(8 * k), int(7 * k)][: len(lines)]
    fit = [int(w * 1.5 / max(1, len(t))) for t in lines]
    fonts = [_font(max(6, min(s, f))) for s, f in zip(sizes, fit, strict=True)]
    total = sum(f.size * 1.25 for f in fonts)
    y = (h - total) / 2
    for text, font in zip(lines, fonts, strict=True):
        draw.text((w / 2, y + font.size * 0.6), text, fill=255, font=font, anchor="mm")
        y += font.size * 1.25
    texture = np.random.default_rng(rng.getrandbits(64)).uniform(0.55, 1.0, (h, w))
    grain = np.asarray(mask, np.float32) * texture.astype(np.float32)
    inked = Image.fromarray(grain.astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6 * k / 2.8))
    strength = rng.uniform(0.65, 0.95)
    inked = inked.point(lambda v: int(v * strength))
    return inked.rotate(rng.uniform(-12, 12), resample=Image.Resampling.BICUBIC, expand=True)


def _pen_path(mask: Image.Image, points: list[tuple[float, float]], width: int) -> Image.Image:
    draw = ImageDraw.Draw(mask)
    draw.line(points, fill=235, width=width, joint="curve")
    return mask.filter(ImageFilter.GaussianBlur(max(0.4, width / 4)))


def pen_circle(rng: random.Random, box: Box, dpi: int) -> tuple[Image.Image, int, int]:
    """A hand-drawn ring around ``box`` (pixels) -> (ink mask, left, top): an ellipse a few
    points larger than the box, wobbly, its ends overlapping."""
    k = dpi / 72
    pad = rng.uniform(3, 7) * k
    rx, ry = (box[2] - box[0]) / 2 + pad, (box[3] - box[1]) / 2 + pad
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    left, top = int(cx - rx - 6 * k), int(cy - ry - 6 * k)
    mask = Image.new("L", (int(2 * rx + 12 * k), int(2 * ry + 12 * k)), 0)
    start, sweep = rng.uniform(0, 2 * math.pi), 2 * math.pi + rng.uniform(0.2, 0.6)
    phase, lean = rng.uniform(0, 2 * math.pi), rng.uniform(-0.06, 0.06)
    points = []
    for i in range(97):
        a = start + sweep * i / 96
        r = 1 + 0.05 * math.sin(3 * a + phase) + lean * i / 96
        points.append((cx - left + rx * r * math.cos(a), cy - top + ry * r * math.sin(a)))
    return _pen_path(mask, points, max(2, int(rng.uniform(1.0, 1.8) * k))), left, top


def pen_tick(rng: random.Random, box: Box, dpi: int) -> tuple[Image.Image, int, int]:
    """A tick just right of ``box`` (pixels), about 10 x 12 points -> (ink mask, left, top)."""
    k = dpi / 72
    x, y = box[2] + rng.uniform(1, 6) * k, (box[1] + box[3]) / 2
    left, top = int(x - 2 * k), int(y - 12 * k)
    size = rng.uniform(0.8, 1.2)
    shape = [(0.0, 0.0), (3.5, 4.5), (10.0, -8.0)]
    points = [(x - left + dx * k * size, y - top + dy * k * size) for dx, dy in shape]
    mask = Image.new("L", (int(16 * k), int(22 * k)), 0)
    return _pen_path(mask, points, max(2, int(rng.uniform(1.0, 1.6) * k))), left, top


def light_field(size: tuple[int, int], strength: float, theta: float) -> NDArray[np.float32]:
    """Brightness over the page (1 = full light): falling off by up to ``strength`` towards
    the side ``theta`` points to (lamp falling off, lid not flat)."""
    w, h = size
    xs = (np.arange(w, dtype=np.float32) / w * math.cos(theta))[None, :]
    ys = (np.arange(h, dtype=np.float32) / h * math.sin(theta))[:, None]
    ramp = (xs + ys + 1) / 2
    return (1 - strength * ramp).astype(np.float32)


def specks(
    ink: NDArray[np.bool_], rng: np.random.Generator, dpi: int, count: int
) -> list[tuple[int, int, float, float]]:
    """Up to ``count`` dust specks (centre y, x, radius px, darkness 0-255) on the page, each
    at least 0.1 inch from any ink (no speck glued to a digit makes a new one)."""
    h, w = ink.shape
    clear, rmax = dpi // 10, dpi / 70
    out: list[tuple[int, int, float, float]] = []
    for _ in range(count * 40):
        if len(out) >= count:
            break
        cy, cx = int(rng.integers(clear, h - clear)), int(rng.integers(clear, w - clear))
        if not ink[cy - clear : cy + clear + 1, cx - clear : cx + clear + 1].any():
            out.append((cy, cx, float(rng.uniform(0.4, 1.0) * rmax), float(rng.uniform(20, 110))))
    return out


def on_paper(
    img: Image.Image,
    paper: tuple[float, float, float],
    light: NDArray[np.float32],
    black: float,
    grain: float,
    dust: list[tuple[int, int, float, float]],
    rng: np.random.Generator,
) -> Image.Image:
    """The turned, blurred page (L or RGB) -> as the sensor sees it: white becomes the
    ``paper`` colour (per channel, 0-1) under ``light``, black becomes ``black``, plus grain
    (Gaussian, sigma ``grain``) and ``dust``; uint8 of the same mode."""
    h, w = light.shape
    noise = rng.standard_normal((h, w), dtype=np.float32) * np.float32(grain)
    chans = [img] if img.mode == "L" else list(img.split())
    tints = [sum(paper) / 3] if img.mode == "L" else list(paper)
    outs = []
    for chan, tint in zip(chans, tints, strict=True):
        v = np.asarray(chan, np.float32) / 255
        a = black + (255 * tint * light - black) * v + noise
        for cy, cx, r, dark in dust:
            n = math.ceil(r)
            dy, dx = np.ogrid[-n : n + 1, -n : n + 1]
            spot = a[cy - n : cy + n + 1, cx - n : cx + n + 1]
            spot[dy * dy + dx * dx <= r * r] = dark
        outs.append(Image.fromarray(np.clip(np.rint(a), 0, 255).astype(np.uint8)))
    return outs[0] if len(outs) == 1 else Image.merge("RGB", outs)


def fax(img: Image.Image, threshold: float) -> Image.Image:
    """A grey page -> black and white (mode "1"), black where darker than ``threshold``."""
    return img.convert("L").point(lambda v: 255 if v >= threshold else 0).convert("1")
