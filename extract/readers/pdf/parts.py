"""What both PDF backends share: rulings drawn by filled rectangles, a title from metadata.

In: a backend's filled rectangles (``Fill``: box and colour) or its metadata dictionary. Out:
``Ruling``s (``fill_rulings``) or the title and subject as text lines (``described_text``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extract.model import BBox, Ruling

# Edges shorter than this (points) are glyph decorations, not rulings.
MIN_RULING_LENGTH = 4.0
# A filled rectangle at most this thick (points) is a rule drawn as a bar (Word draws table
# borders so); a thicker one is shading.
THIN_FILL = 3.0
# Fills of one colour beyond this many on a page are not checked for nesting (chart tiles).
NESTED_CHECK_LIMIT = 2000


@dataclass(frozen=True, slots=True)
class Fill:
    """A filled rectangle drawn without a stroke: its box (top-left coordinates, points) and
    its fill colour (components rounded, as the backend gives them)."""

    box: BBox
    colour: tuple[float, ...]


def fill_rulings(fills: Sequence[Fill]) -> list[Ruling]:
    """The rulings filled rectangles draw, in top-left coordinates.

    A thin one (THIN_FILL) is one ruling along its middle: a border drawn as a bar. A thicker
    one is shading and gives its four edges (a shaded band's edges separate rows), unless it
    lies inside a larger fill of the same colour, where it cannot be seen (a paragraph's
    shading inside its shaded cell).
    """
    out: list[Ruling] = []
    shading: dict[tuple[float, ...], list[BBox]] = {}
    for fill in fills:
        x0, top, x1, bottom = fill.box
        if min(x1 - x0, bottom - top) <= THIN_FILL:
            if max(x1 - x0, bottom - top) >= MIN_RULING_LENGTH:
                out.append(_middle(fill.box))
        else:
            shading.setdefault(fill.colour, []).append(fill.box)
    for boxes in shading.values():
        boxes.sort(key=lambda b: (b[2] - b[0]) * (b[3] - b[1]), reverse=True)
        check = len(boxes) <= NESTED_CHECK_LIMIT
        for i, box in enumerate(boxes):
            if check and any(_contains(outer, box) for outer in boxes[:i]):
                continue
            x0, top, x1, bottom = box
            out.extend(
                Ruling(*edge)
                for edge in (
                    (x0, top, x1, top),
                    (x0, bottom, x1, bottom),
                    (x0, top, x0, bottom),
                    (x1, top, x1, bottom),
                )
            )
    return out


def _middle(box: BBox) -> Ruling:
    x0, top, x1, bottom = box
    if x1 - x0 >= bottom - top:
        y = (top + bottom) / 2
        return Ruling(x0, y, x1, y)
    x = (x0 + x1) / 2
    return Ruling(x, top, x, bottom)


def _contains(outer: BBox, inner: BBox, slack: float = 0.5) -> bool:
    return (
        outer[0] - slack <= inner[0]
        and outer[1] - slack <= inner[1]
        and inner[2] <= outer[2] + slack
        and inner[3] <= outer[3] + slack
    )


def described_text(metadata: Mapping[str, Any]) -> str:
    """A PDF's metadata title and subject as text lines (values that are not text skipped)."""
    values = (metadata.get(key) for key in ("Title", "Subject"))
    return "\n".join(v.strip() for v in values if isinstance(v, str) and v.strip())
