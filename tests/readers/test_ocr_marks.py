"""Marks OCR passed over (``extract.readers.ocr.marks``): a printed "." or a lone dash "–"
in a column of numbers is found from the page's ink; dirt elsewhere, and a label's hyphen,
are not taken for one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extract.readers.ocr.cells import TextBox
from extract.readers.ocr.marks import (
    MARK_CONFIDENCE,
    STRAY_CONFIDENCE,
    printed_marks,
    with_stray_dots_unsure,
)
from extract.readers.ocr.words import sizes_beside_tall

# A one-column table of persons by ydelse (the Fanø export's layout), at 300 dpi: labels at
# x 100, numbers right-aligned at x 500, a row every 50 pixels, digits 30 pixels tall.
LABELS = ["A-dagpenge", "Kontanthjælp", "Forrevalidering", "Revalidering", "Fleksjob"]
NUMBERS = {0: "58", 1: "7", 4: "45"}  # rows 2 and 3 print "." (suppressed)


def page(dots: list[tuple[int, int]]) -> Any:
    """A white page with a dot (6 x 6 pixels) whose bottom right corner is at each point."""
    import numpy as np

    image = np.full((400, 700), 255, np.uint8)
    for right, bottom in dots:
        image[bottom - 6 : bottom, right - 6 : right] = 0
    return image


def words() -> list[TextBox]:
    out = []
    for row, label in enumerate(LABELS):
        top = 50 + 50 * row
        out.append(TextBox(label, 95.0, 100, top, 200, 30, 40.0))
        if row in NUMBERS:
            text = NUMBERS[row]
            width = 18 * len(text)
            out.append(TextBox(text, 96.0, 500 - width, top, width, 30, 40.0))
    return out


def test_a_dot_in_the_column_on_a_rows_baseline_is_a_suppression_mark() -> None:
    found = lone_marks(page([(500, 180), (500, 230)]), words())
    assert [(m.text, m.confidence, m.left + m.width, m.top + m.height) for m in found] == [
        (".", MARK_CONFIDENCE, 500, 180),
        (".", MARK_CONFIDENCE, 500, 230),
    ]


def test_a_dot_a_rows_spacing_under_the_columns_last_number_is_the_last_rows_mark() -> None:
    """ "Forrevalidering ." as the last row on its page: numbers above it only."""
    rows = []
    for row, (label, number) in enumerate(
        [
            ("A-dagpenge", "41"),
            ("Kontanthjælp", "9"),
            ("Sygedagpenge", "89"),
            ("Forrevalidering", ""),
        ]
    ):
        top = 50 + 50 * row
        rows.append(TextBox(label, 95.0, 100, top, 200, 30, 40.0))
        if number:
            rows.append(
                TextBox(number, 96.0, 500 - 18 * len(number), top, 18 * len(number), 30, 40.0)
            )
    assert [m.text for m in lone_marks(page([(500, 230)]), rows)] == ["."]
    # a speck on a note's line two rows further down is not the column's
    note = TextBox("Kilde: Ankestyrelsen", 95.0, 100, 300, 200, 30, 40.0)
    assert lone_marks(page([(500, 330)]), [*rows, note]) == []


def test_two_dots_side_by_side_are_one_mark() -> None:
    found = lone_marks(page([(490, 180), (500, 180)]), words())
    assert [m.text for m in found] == [".."]


def test_dirt_off_the_column_off_the_baseline_or_over_the_header_is_no_mark() -> None:
    assert lone_marks(page([(400, 180)]), words()) == []  # between label and column
    assert lone_marks(page([(500, 158)]), words()) == []  # between two rows
    assert lone_marks(page([(500, 30)]), words()) == []  # above the column: no number over it


def test_a_dot_under_a_labels_second_line_in_a_table_of_several_columns_is_no_mark() -> None:
    """A speck in a value column on a wrapped label's second line ("anbragte"), its row's
    values on the line above: the rows around it hold values in two columns, it in none."""
    rows = []
    for row in range(3):
        top = 50 + 80 * row
        rows.append(TextBox(f"Row {row}", 95.0, 100, top, 150, 30, 40.0))
        rows.append(TextBox("12", 96.0, 464, top, 36, 30, 40.0))
        rows.append(TextBox("34", 96.0, 564, top, 36, 30, 40.0))
    rows.append(TextBox("anbragte", 95.0, 100, 160, 150, 30, 40.0))  # row 1's second line
    assert lone_marks(page([(500, 190)]), rows) == []
    # the same dot with row 1's other value beside it is a mark
    rows.append(TextBox("34", 96.0, 564, 160, 36, 30, 40.0))
    assert [m.text for m in lone_marks(page([(500, 190)]), rows)] == ["."]


def test_a_line_with_a_box_two_lines_tall_takes_its_size_from_its_other_words() -> None:
    """ "KOMMUNE" (caps 30 pixels: 42 pixels type) beside "PERSONER" read over two lines:
    Tesseract gives the whole line the size of the tall box."""
    line = [
        TextBox("KOMMUNE", 96.0, 50, 100, 150, 30, 90.0),
        TextBox("PERSONER", 84.0, 500, 80, 160, 70, 90.0),
    ]
    others = [TextBox("Aktivloven", 95.0, 50, 200 + 40 * k, 150, 30, 42.0) for k in range(5)]
    sizes = sizes_beside_tall([*line, *others])
    assert [round(s, 1) for s in sizes[:2]] == [41.7, 41.7]
    assert sizes[2:] == [42.0] * 5


def test_a_dot_tesseract_read_off_the_column_is_made_unsure_one_in_it_is_not() -> None:
    """ "Andre Love" of table 4.2: its number crossed out by a pen's line and unread, a speck
    read as "." (confidence 81) in its cell, far left of where the column's numbers end: it
    would make the value look suppressed, so it is kept unsure (flagged); a "." read where
    the column's numbers end is a mark, and stays as sure as read."""
    rows = words()
    speck = TextBox(".", 81.0, 380, 174, 6, 6, 40.0)  # row 2, 120 pixels left of the column
    mark = TextBox(".", 81.0, 494, 224, 6, 6, 40.0)  # row 3, where the numbers end
    found = with_stray_dots_unsure([*rows, speck, mark])
    assert found[:-2] == rows
    assert found[-2].confidence == STRAY_CONFIDENCE and found[-1] == mark


def dashes_page(bars: list[tuple[int, int, int]]) -> Any:
    """A white page with a bar 3 pixels thick from x0 to x1 at each (x0, x1, middle)."""
    import numpy as np

    image = np.full((400, 700), 255, np.uint8)
    for x0, x1, middle in bars:
        image[middle - 1 : middle + 2, x0:x1] = 0
    return image


def test_a_lone_dash_in_the_column_is_a_nil_mark() -> None:
    """Rows 2 and 3 print "–" (nil) where the column's numbers end: Tesseract read nothing."""
    found = lone_dashes(dashes_page([(482, 500, 165), (480, 500, 215)]), words())
    assert [(m.text, m.confidence, m.left, m.left + m.width) for m in found] == [
        ("-", MARK_CONFIDENCE, 482, 500),
        ("-", MARK_CONFIDENCE, 480, 500),
    ]


def test_a_hyphen_a_bar_off_the_column_or_between_lines_is_no_dash() -> None:
    rows = [*words(), TextBox("andre", 95.0, 330, 150, 80, 30, 40.0)]
    assert lone_dashes(dashes_page([(308, 322, 165)]), rows) == []  # "Forrevalidering - andre"
    assert lone_dashes(dashes_page([(380, 396, 165)]), words()) == []  # off the column
    assert lone_dashes(dashes_page([(482, 500, 190)]), words()) == []  # between two rows
    tight = [*words(), TextBox("9", 95.0, 505, 150, 18, 30, 40.0)]
    assert lone_dashes(dashes_page([(482, 500, 165)]), tight) == []  # a number right beside it


def lone_marks(clean: Any, words: Sequence[TextBox]) -> list[TextBox]:
    """The suppression marks ``printed_marks`` finds."""
    return [m for m in printed_marks(clean, words) if m.text != "-"]


def lone_dashes(clean: Any, words: Sequence[TextBox]) -> list[TextBox]:
    """The nil dashes ``printed_marks`` finds."""
    return [m for m in printed_marks(clean, words) if m.text == "-"]
