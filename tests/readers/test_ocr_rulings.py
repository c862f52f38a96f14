"""Rulings found in a page image (``extract.readers.ocr.image_rulings.ruling_boxes``): a column
rule cut into short pieces where group rows span the columns is still a ruling, piece by piece;
the stems of letters between two row rules are not."""

from __future__ import annotations

import numpy as np

from extract.readers.ocr.image_rulings import ruling_boxes

SCALE = 300 / 72
ROW = 50  # pixels between row rules: 12 points, a row of 10 pt monospaced type


def _table() -> tuple[np.ndarray, list[tuple[int, int]]]:
    """A ruled table at 300 dpi of a period's rows "Antal | %" under each group row that
    spans the value columns; its inner column rule runs only beside the two rows of a
    group (24 points, shorter than a full ruling), the outer ones top to bottom. Returns
    the page and the inner rule's pieces (top, bottom; pixels)."""
    page = np.full((1400, 1200), 240, np.uint8)
    top, bottom = 100, 100 + 24 * ROW
    for y in range(top, bottom + 1, ROW):
        page[y : y + 3, 100:1100] = 30
    page[top:bottom, 100:103] = 30
    page[top:bottom, 1097:1100] = 30
    pieces = []
    for group in range(top, bottom, 3 * ROW):  # a group row, then its two rows
        first = group + ROW
        page[first : first + 2 * ROW + 3, 700:703] = 30
        pieces.append((first, first + 2 * ROW))
        for row in (first, first + ROW):  # letters' stems (7 pt: 10 pt "l"s) in the rows
            for x in range(150, 600, 40):
                page[row + 11 : row + 11 + 29, x : x + 5] = 30
    return page, pieces


def test_a_column_rule_cut_at_group_rows_is_found_piece_by_piece() -> None:
    page, pieces = _table()
    found = ruling_boxes(page, SCALE)
    inner = [b for b in found if 695 <= b[0] <= 705 and b[3] - b[1] > b[2] - b[0]]
    assert len(inner) == len(pieces)
    assert all(
        any(abs(b[1] - top) <= 4 and abs(b[3] - bottom) <= 6 for b in inner)
        for top, bottom in pieces
    )


def test_letters_stems_between_row_rules_are_no_rulings() -> None:
    page, _ = _table()
    found = ruling_boxes(page, SCALE)
    assert not any(b[2] < 650 and b[0] > 110 and b[3] - b[1] > b[2] - b[0] for b in found)


def test_a_hairline_keeps_its_ink_and_a_removed_rules_edge_does_not() -> None:
    """Binarising: a serif's hairline one pixel wide (the bar of an "æ") stays ink; the one-
    pixel edge a removed ruling leaves beside its box is filtered away."""
    from extract.readers.ocr.image import binarise
    from extract.readers.ocr.image_rulings import remove_lines

    grey = np.full((200, 400), 245, np.uint8)
    grey[101:102, 20:380] = 90  # a ruling's blurred edge, two pixels under its box
    grey[96:100, 20:380] = 30  # the ruling (its box)
    grey[20:60, 200:201] = 40  # a hairline, far from the ruling
    rule = (20.0, 96.0, 379.0, 99.0)
    black = binarise(remove_lines(grey, [rule]), [rule]) == 0
    assert black[20:60, 200].all()
    assert not black[101, 30:370].any()


def test_a_thin_rule_with_pixels_lost_and_a_step_aside_is_one_ruling() -> None:
    """A fax's box edge: one pixel wide, a pixel missing every 60, stepping a pixel aside
    halfway down (the page straightened): one ruling over its whole length, a few pixels
    wide; before, it broke into pieces and the table's last rows fell out of its box. A pen
    circle's flat top, as long as a short rule, is none."""
    page = np.full((1400, 600), 245, np.uint8)
    page[100:700, 300] = 20
    page[700:1300, 301] = 20
    page[130:1300:60, 300:302] = 245
    found = [b for b in ruling_boxes(page, SCALE) if b[3] - b[1] > b[2] - b[0]]
    assert len(found) == 1
    x0, top, x1, bottom = found[0]
    assert top <= 101 and bottom >= 1299 and x1 - x0 <= 5


def test_a_short_stretch_stepping_aside_is_no_ruling() -> None:
    """The flat top of a pen's circle round a value: 60 points long, stepping a pixel down
    every 50 pixels: not a ruling (only a long rule is looked for with steps and gaps)."""
    page = np.full((600, 1400), 245, np.uint8)
    for k, x in enumerate(range(300, 550, 50)):
        page[300 + k : 303 + k, x : x + 50] = 20
    assert ruling_boxes(page, SCALE) == []
