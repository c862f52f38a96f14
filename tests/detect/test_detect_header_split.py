"""Header cells run over narrow value columns (``extract.detect.header_split``): cut into one
header per column when the header text under them is the wrapped rest of some parts; a group
header over sub-headers of every column stays whole. Numbers from a scanned notat's table
("Stadf.² | Hjemviste sager | Ændret/Ophævet", 300 dpi, points)."""

from __future__ import annotations

from extract.detect.grid import Grid, GridCell
from extract.detect.header_split import split_run_headers
from extract.model import Word

# stub | three value columns, each value right-aligned at its column's right edge
COLUMNS = (55.0, 296.0, 330.0, 376.0, 452.0)
ROWS = (214.0, 229.0, 238.0, 250.0)


def word(text: str, x0: float, x1: float, top: float) -> Word:
    return Word(text, (x0, top, x1, top + 9.0), source="ocr", confidence=90.0, font_size=8.0)


def grid(header: list[GridCell]) -> Grid:
    values = [GridCell(2, 2, k, k, (word(v, x - 9, x, 242.0),)) for k, v, x in
              ((1, "16", 327.0), (2, "2", 373.0), (3, "5", 448.0))]  # fmt: skip
    stub = GridCell(0, 1, 0, 0, (word("Bestemmelse", 60.5, 114.5, 222.0),))
    return Grid(1, "whitespace", ROWS, COLUMNS, (stub, *header, *values))


def header_texts(result: Grid) -> dict[int, list[str]]:
    texts: dict[int, list[str]] = {}
    for cell in sorted(result.cells, key=lambda c: (c.row0, c.col0)):
        if cell.row0 < 2 and cell.col0 > 0:
            texts.setdefault(cell.col0, []).append(cell.text)
    return texts


def test_a_line_of_three_headers_with_one_wrapped_is_cut_per_column() -> None:
    """ "Stadf.² Hjemviste Ændret/Ophævet" read as one line over the three columns, "sager"
    (the rest of "Hjemviste sager") under the middle one only: three headers, not one group
    header over all three with "sager" as a sub-header."""
    run = GridCell(0, 0, 1, 3, (
        word("Stadf.?", 301.0, 327.1, 222.0),
        word("Hjemviste", 333.1, 373.2, 218.0),
        word("Ændret/Ophævet", 379.0, 448.1, 223.0),
    ))  # fmt: skip
    wrapped = GridCell(1, 1, 2, 2, (word("sager", 342.2, 364.6, 229.4),))
    result = split_run_headers(grid([run, wrapped]), 2)
    texts = {1: ["Stadf.?"], 2: ["Hjemviste", "sager"], 3: ["Ændret/Ophævet"]}
    assert header_texts(result) == texts


def test_a_group_header_over_sub_headers_of_every_column_stays_whole() -> None:
    """ "Realitetsbehandlede sager" over "Stadfæstet | Ændret | Hjemvist": the words fall over
    two columns, but every column has its sub-header: a group header."""
    group = GridCell(0, 0, 1, 3, (
        word("Realitetsbehandlede", 300.0, 372.0, 216.0),
        word("sager", 378.0, 400.0, 216.0),
    ))  # fmt: skip
    subs = [
        GridCell(1, 1, 1, 1, (word("Stadfæstet", 297.0, 329.0, 230.0),)),
        GridCell(1, 1, 2, 2, (word("Ændret", 345.0, 372.0, 230.0),)),
        GridCell(1, 1, 3, 3, (word("Hjemvist", 420.0, 450.0, 230.0),)),
    ]
    test_grid = grid([group, *subs])
    assert split_run_headers(test_grid, 2) is test_grid
