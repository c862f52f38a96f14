"""Ruled tables on small synthetic pages: the cell grid the ruled detector builds.

Pages are built from words and ruling segments directly. Each test asserts the grid's cells
as (row0, row1, col0, col1, text) tuples.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.grid import Grid, words_text
from extract.detect.layout import TextLine, group_lines
from extract.detect.regions import find_tables
from extract.detect.rule_bands import join_rule_bands
from extract.detect.ruled import _headers_with_values, ruled_grid
from extract.detect.rulings import cluster_rulings, merge_segments
from extract.model import PageContent, Ruling, Word

SIZE = 9.0
CHAR = 4.5  # width of one character
SPACE = 2.5  # gap between the words of one phrase (well under half the font size)

Cells = list[tuple[int, int, int, int, str]]


def _phrase(x: float, y: float, text: str) -> list[Word]:
    """The words of ``text`` starting at ``x`` on the line with top ``y``."""
    words = []
    for part in text.split():
        width = CHAR * len(part)
        words.append(Word(part, (x, y, x + width, y + SIZE), font_size=SIZE))
        x += width + SPACE
    return words


def _line(y: float, *items: tuple[float, str]) -> list[Word]:
    return [w for x, text in items for w in _phrase(x, y, text)]


def _hrule(y: float, x0: float, x1: float) -> Ruling:
    return Ruling(x0, y, x1, y)


def _vrule(x: float, top: float, bottom: float) -> Ruling:
    return Ruling(x, top, x, bottom)


def _page(words: Sequence[Word], rulings: Sequence[Ruling]) -> PageContent:
    return PageContent(1, 600.0, 800.0, tuple(words), tuple(rulings))


def _grids(page: PageContent) -> list[Grid]:
    lines = group_lines(page.words)
    grids = []
    for cluster in cluster_rulings(page.rulings, page.width):
        inside = [line for line in lines if _inside(line, cluster.bbox)]
        grid = ruled_grid(cluster, inside, page.number) if inside else None
        if grid is not None:
            grids.append(grid)
    return grids


def _inside(line: TextLine, box: tuple[float, float, float, float]) -> bool:
    cy = (line.top + line.bottom) / 2
    return box[1] <= cy <= box[3]


def _cells(grid: Grid) -> Cells:
    return [(c.row0, c.row1, c.col0, c.col1, c.text) for c in grid.cells if c.words]


def _booktabs_page() -> PageContent:
    """Rules above and below the header and at the bottom; no vertical rules."""
    words = [
        *_line(105, (60, "Region"), (200, "2023"), (300, "2024")),
        *_line(125, (60, "Nord"), (200, "12"), (300, "14")),
        *_line(140, (60, "Syd"), (200, "7"), (300, "9")),
        *_line(155, (60, "I alt"), (200, "19"), (300, "23")),
    ]
    rules = [_hrule(100, 55, 340), _hrule(118, 55, 340), _hrule(168, 55, 340)]
    return _page(words, rules)


def test_booktabs_rows_from_text_lines_columns_from_whitespace() -> None:
    (grid,) = _grids(_booktabs_page())
    assert _cells(grid) == [
        (0, 0, 0, 0, "Region"),
        (0, 0, 1, 1, "2023"),
        (0, 0, 2, 2, "2024"),
        (1, 1, 0, 0, "Nord"),
        (1, 1, 1, 1, "12"),
        (1, 1, 2, 2, "14"),
        (2, 2, 0, 0, "Syd"),
        (2, 2, 1, 1, "7"),
        (2, 2, 2, 2, "9"),
        (3, 3, 0, 0, "I alt"),
        (3, 3, 1, 1, "19"),
        (3, 3, 2, 2, "23"),
    ]


def test_booktabs_table_found_on_the_page() -> None:
    (table,) = find_tables(_booktabs_page())
    assert table.grid.detector == "ruled"
    assert (table.grid.n_rows, table.grid.n_cols) == (4, 3)


def test_booktabs_group_header_spans_its_sub_columns() -> None:
    words = [
        *_line(105, (60, "Age"), (190, "Group one total"), (330, "All")),
        *_line(118, (190, "Male"), (250, "Female")),
        *_line(138, (60, "0-9"), (190, "10"), (250, "11"), (330, "21")),
        *_line(153, (60, "10-19"), (190, "12"), (250, "13"), (330, "25")),
    ]
    rules = [_hrule(100, 55, 360), _hrule(131, 55, 360), _hrule(166, 55, 360)]
    (grid,) = _grids(_page(words, rules))
    assert _cells(grid) == [
        (0, 0, 0, 0, "Age"),
        (0, 0, 1, 2, "Group one total"),
        (0, 0, 3, 3, "All"),
        (1, 1, 1, 1, "Male"),
        (1, 1, 2, 2, "Female"),
        (2, 2, 0, 0, "0-9"),
        (2, 2, 1, 1, "10"),
        (2, 2, 2, 2, "11"),
        (2, 2, 3, 3, "21"),
        (3, 3, 0, 0, "10-19"),
        (3, 3, 1, 1, "12"),
        (3, 3, 2, 2, "13"),
        (3, 3, 3, 3, "25"),
    ]


def test_lattice_drawn_in_pieces_splits_its_body_into_text_rows() -> None:
    """Column rules drawn as one short segment per text line; no rules between body rows."""
    xs = (55.0, 150.0, 230.0, 310.0)
    words = [
        *_line(105, (60, "Kind"), (160, "Cases"), (240, "Share")),
        *_line(125, (60, "Upheld"), (160, "120"), (240, "60.0")),
        *_line(137, (60, "Changed"), (160, "50"), (240, "25.0")),
        *_line(149, (60, "Returned"), (160, "30"), (240, "15.0")),
    ]
    rules = [_hrule(100, 55, 310), _hrule(118, 55, 310), _hrule(161, 55, 310)]
    for x in xs:
        rules.append(_vrule(x, 100, 118))
        rules.extend(_vrule(x, top, top + 12) for top in (118.0, 130.0, 142.0))
        rules.append(_vrule(x, 154, 161))
    (grid,) = _grids(_page(words, rules))
    assert (grid.n_rows, grid.n_cols) == (4, 3)
    assert _cells(grid) == [
        (0, 0, 0, 0, "Kind"),
        (0, 0, 1, 1, "Cases"),
        (0, 0, 2, 2, "Share"),
        (1, 1, 0, 0, "Upheld"),
        (1, 1, 1, 1, "120"),
        (1, 1, 2, 2, "60.0"),
        (2, 2, 0, 0, "Changed"),
        (2, 2, 1, 1, "50"),
        (2, 2, 2, 2, "25.0"),
        (3, 3, 0, 0, "Returned"),
        (3, 3, 1, 1, "30"),
        (3, 3, 2, 2, "15.0"),
    ]


def test_drawn_group_columns_split_into_their_value_columns() -> None:
    """Vertical rules only between column groups: "Men | Women" share one drawn column."""
    words = [
        *_line(105, (60, "Year"), (179, "Region A"), (299, "Region B")),
        *_line(118, (160, "Men"), (210, "Women"), (280, "Men"), (330, "Women")),
        *_line(138, (60, "2023"), (160, "5"), (210, "6"), (280, "7"), (330, "8")),
        *_line(153, (60, "2024"), (160, "9"), (210, "10"), (280, "11"), (330, "12")),
    ]
    rules = [_hrule(100, 55, 380), _hrule(131, 55, 380), _hrule(166, 55, 380)]
    rules.extend(_vrule(x, 100, 166) for x in (55.0, 150.0, 270.0, 380.0))
    (grid,) = _grids(_page(words, rules))
    assert grid.n_cols == 5
    assert _cells(grid) == [
        (0, 0, 0, 0, "Year"),
        (0, 0, 1, 2, "Region A"),
        (0, 0, 3, 4, "Region B"),
        (1, 1, 1, 1, "Men"),
        (1, 1, 2, 2, "Women"),
        (1, 1, 3, 3, "Men"),
        (1, 1, 4, 4, "Women"),
        (2, 2, 0, 0, "2023"),
        (2, 2, 1, 1, "5"),
        (2, 2, 2, 2, "6"),
        (2, 2, 3, 3, "7"),
        (2, 2, 4, 4, "8"),
        (3, 3, 0, 0, "2024"),
        (3, 3, 1, 1, "9"),
        (3, 3, 2, 2, "10"),
        (3, 3, 3, 3, "11"),
        (3, 3, 4, 4, "12"),
    ]


def test_rules_between_all_rows_keep_a_wrapped_header_in_one_cell() -> None:
    """The report style: a rule under every row; a header wrapped over two lines stays one
    cell per column."""
    words = [
        *_line(104, (60, "Kommune"), (200, "Realitets-"), (300, "Omgørelses-")),
        *_line(114, (200, "behandlet"), (300, "procent")),
        *_line(133, (60, "Ishøj"), (200, "120"), (300, "18,5")),
        *_line(148, (60, "Albertslund"), (200, "95"), (300, "21,0")),
    ]
    rules = [_hrule(y, 55, 360) for y in (100.0, 127.0, 144.0, 160.0)]
    (grid,) = _grids(_page(words, rules))
    assert _cells(grid) == [
        (0, 0, 0, 0, "Kommune"),
        (0, 0, 1, 1, "Realitets- behandlet"),
        (0, 0, 2, 2, "Omgørelses- procent"),
        (1, 1, 0, 0, "Ishøj"),
        (1, 1, 1, 1, "120"),
        (1, 1, 2, 2, "18,5"),
        (2, 2, 0, 0, "Albertslund"),
        (2, 2, 1, 1, "95"),
        (2, 2, 2, 2, "21,0"),
    ]


def test_framed_tables_with_the_same_width_stay_apart() -> None:
    """Two drawn tables one under the other, 30 pt apart, over the same x-span."""
    rules: list[Ruling] = []
    words: list[Word] = []
    for top in (100.0, 175.0):
        rules.extend(_hrule(top + dy, 55, 300) for dy in (0.0, 15.0, 30.0, 45.0))
        rules.extend(_vrule(x, top, top + 45) for x in (55.0, 150.0, 220.0, 300.0))
        words += _line(top + 3, (60, "Group"), (160, "2023"), (230, "2024"))
        words += _line(top + 18, (60, "A"), (160, "1"), (230, "2"))
        words += _line(top + 33, (60, "B"), (160, "3"), (230, "4"))
    clusters = cluster_rulings(rules, 600.0)
    assert [c.bbox[1] for c in clusters] == [100.0, 175.0]
    grids = _grids(_page(words, rules))
    assert [(g.n_rows, g.n_cols) for g in grids] == [(3, 3), (3, 3)]


def test_split_rule_segments_are_joined() -> None:
    pieces = [_hrule(100, 55, 100), _hrule(100, 100, 160), _hrule(100.4, 161, 200)]
    pieces += [_vrule(55, 100, 112), _vrule(55, 112, 124), _vrule(55, 130, 140)]
    assert merge_segments(pieces) == [
        Ruling(55, 100, 200, 100.4),
        Ruling(55, 100, 55, 124),
        Ruling(55, 130, 55, 140),
    ]


def test_chart_with_letter_by_letter_text_is_no_table() -> None:
    """Axis titles set one letter a word (vertical text) inside a ruled frame."""
    words = [
        *_line(105, (60, "S"), (160, "1990"), (230, "2000")),
        *_line(120, (60, "a"), (160, "12"), (230, "14")),
        *_line(135, (60, "l"), (160, "7"), (230, "9")),
        *_line(150, (60, "e"), (160, "3"), (230, "5")),
    ]
    rules = [_hrule(y, 55, 300) for y in (100.0, 165.0)]
    rules.extend(_vrule(x, 100, 165) for x in (55.0, 150.0, 220.0, 300.0))
    assert _grids(_page(words, rules)) == []


def test_bar_chart_between_gridlines_is_no_table() -> None:
    """Gridline ticks every 10 pt along the axis, bars as boxes: the value labels stand in
    slots that reach down many rows."""
    rules = [_hrule(100, 55, 300), _hrule(180, 55, 300)]
    rules.extend(_hrule(100 + 10 * i, 55, 100) for i in range(1, 8))
    rules.extend(_vrule(x, 100, 180) for x in (55.0, 100.0, 150.0, 200.0, 250.0, 300.0))
    words = [
        *_line(101, (60, "Share"), (110, "8.4"), (160, "10.2"), (210, "19.7")),
        *_line(131, (60, "Group"), (110, "5.3"), (160, "13.8"), (210, "20.4")),
    ]
    assert _grids(_page(words, rules)) == []


def test_rule_groups_of_one_long_table_join() -> None:
    """Pairs of rules only between groups of rows, more than 60 pt apart: one table, not
    three."""
    means = ("50.8", "0.47", "0.28", "0.15", "0.57", "0.21", "2.43", "0.37", "1.67", "0.08")
    rows = [(f"Item {i}", mean, str(90 - 7 * i % 13)) for i, mean in enumerate(means * 2)][:12]
    words = _line(85, (60, "Variable"), (200, "Mean"), (300, "Max"))
    for i, (label, mean, top) in enumerate(rows):
        words += _line(100 + 12 * i, (60, label), (200, mean), (300, top))
    rules = [_hrule(y, 55, 340) for y in (80.0, 96.0, 170.0, 182.0, 246.0, 258.0)]
    page = _page(words, rules)
    lines = group_lines(page.words)
    clusters = cluster_rulings(page.rulings, page.width)
    assert [c.bbox[1::2] for c in clusters] == [(80.0, 96.0), (170.0, 182.0), (246.0, 258.0)]
    joined = join_rule_bands(clusters, lines)
    assert [c.bbox[1::2] for c in joined] == [(80.0, 258.0)]
    (table,) = find_tables(page)
    assert (table.grid.detector, table.grid.n_cols) == ("ruled", 3)
    cells = _cells(table.grid)
    assert len({row0 for row0, _, _, _, _ in cells}) == 13  # the header and 12 rows
    assert cells[:6] == [
        (0, 0, 0, 0, "Variable"),
        (0, 0, 1, 1, "Mean"),
        (0, 0, 2, 2, "Max"),
        (1, 1, 0, 0, "Item 0"),
        (1, 1, 1, 1, "50.8"),
        (1, 1, 2, 2, "90"),
    ]


def test_touching_words_read_as_one_word() -> None:
    """A small-caps initial set apart from the rest of its word: the boxes touch."""
    words = [
        Word("T", (100.0, 98.0, 106.9, 110.0), font_size=11.0),
        Word("HRESHOLD", (106.9, 100.0, 150.0, 110.0), font_size=9.0),
        Word("FOR", (153.0, 100.0, 168.0, 110.0), font_size=9.0),
        Word("2", (168.0, 100.0, 172.0, 110.0), source="ocr"),
    ]
    assert words_text(words) == "THRESHOLD FOR 2"


def test_lattice_cell_text_wrapped_over_lines_stays_one_row() -> None:
    """A fully drawn table whose cells wrap: the label broken with a hyphen ("Landeve-",
    "jen") and a value cell's last line alone under the others stay in their row."""
    xs = (55.0, 160.0, 250.0, 330.0)
    words = [
        *_line(104, (60, "Strækning"), (165, "Passager"), (255, "Hegn")),
        *_line(122, (60, "Oddervej"), (165, "A1 i 3.020"), (255, "1.700-2.500")),
        *_line(140, (60, "Tandervej - Landeve-"), (165, "A2 i 4.200,"), (255, "4.000-4.300")),
        *_line(151, (60, "jen"), (165, "5.500 og 6.500"), (255, "og 6.100-")),
        *_line(162, (255, "7.200")),
        *_line(180, (60, "Enslevvej"), (165, "Kombineret"), (255, "11.100")),
    ]
    ys = (100.0, 117.0, 135.0, 175.0, 193.0)
    rules = [_hrule(y, xs[0], xs[-1]) for y in ys] + [_vrule(x, ys[0], ys[-1]) for x in xs]
    (table,) = find_tables(_page(words, rules))
    labels = [cell.text for cell in table.grid.cells if cell.col0 == 0 and cell.words]
    assert labels == ["Strækning", "Oddervej", "Tandervej - Landeve- jen", "Enslevvej"]
    last = [cell.text for cell in table.grid.cells if cell.col0 == 2 and cell.row0 == 2]
    assert last == ["4.000-4.300 og 6.100- 7.200"]


def test_booktabs_bottom_rule_far_below_the_header_rule_bounds_the_table() -> None:
    """Rules above and below the header, and one at the bottom more than 60 pt further
    down: one ruled table of all the rows between them."""
    words = _line(105, (60, "Status"), (200, "Sample"), (300, "Percent"))
    rows = [("Total", "39695", "100.0"), ("Not interviewed", "5701", "14.4")]
    rows += [("Interviewed", "2683", "6.8"), ("Examined", "30818", "77.6")]
    rows += [("Home", "493", "1.2"), ("Other", "17", "0.1")]
    for i, (label, count, share) in enumerate(rows):
        words += _line(125 + 12 * i, (60, label), (200, count), (300, share))
    rules = [_hrule(100, 55, 340), _hrule(118, 55, 340), _hrule(200, 55, 340)]
    (table,) = find_tables(_page(words, rules))
    assert table.grid.detector == "ruled"
    assert table.grid.n_rows == 7


def test_a_bold_heading_in_the_second_stub_column_starts_its_own_row() -> None:
    """Booktabs, two stub columns (outcome | provision): a bold line in the provision column
    with no values, as far from the rows around it as they are from each other, heads the
    rows under it; it is not wrapped text of the row above."""
    heading = _line(164, (150, "Førtidspension efter gamle regler"))
    words = [
        *_line(105, (60, "Udfald"), (150, "Bestemmelse"), (330, "2024")),
        *_line(125, (60, "Stadfæstet"), (150, "Lov om aktiv beskæftigelse")),
        *_line(138, (150, "Fleksjob § 116"), (330, "22")),
        *_line(151, (150, "Revalidering § 142"), (330, "2")),
        *[Word(w.text, w.bbox, font_size=w.font_size, bold=True) for w in heading],
        *_line(177, (150, "Bistandstillæg § 16"), (330, "1")),
        *_line(190, (150, "Personlige tillæg § 17"), (330, "4")),
    ]
    rules = [_hrule(100, 55, 360), _hrule(118, 55, 360), _hrule(203, 55, 360)]
    (table,) = find_tables(_page(words, rules))
    stub = [cell.text for cell in table.grid.cells if cell.col0 == 1 and cell.words]
    assert "Revalidering § 142" in stub
    assert "Førtidspension efter gamle regler" in stub


def test_a_heading_running_over_the_value_columns_stays_one_label() -> None:
    """Rules round every row (shaded bands): a bold heading alone in its row, starting at the
    stub's edge and running on over the first value column, is the row's label whole, not
    split between the stub and that column."""
    heading = _line(140, (60, "Lov om højeste, mellemste førtidspension m.fl."))
    words = [
        *_line(104, (60, "Bestemmelse"), (230, "Stadfæstet"), (320, "Hjemvist")),
        *_line(122, (60, "Indskudslån § 54"), (240, "30"), (330, "24")),
        *[Word(w.text, w.bbox, font_size=w.font_size, bold=True) for w in heading],
        *_line(158, (60, "Bistandstillæg § 16"), (240, "5"), (330, "1")),
        *_line(176, (60, "Forhøjelse af pension"), (240, "10"), (330, "3")),
    ]
    ys = (100.0, 117.0, 135.0, 153.0, 171.0, 189.0)
    (table,) = find_tables(_page(words, [_hrule(y, 55, 370) for y in ys]))
    row = [cell.text for cell in table.grid.cells if cell.row0 == 2 and cell.words]
    assert row == ["Lov om højeste, mellemste førtidspension m.fl."]


def test_a_header_set_flush_left_over_right_aligned_numbers_heads_them() -> None:
    """Columns from whitespace: each quarter's header ("K3", "Pct.") set flush left in its
    column, its numbers right-aligned well to the right of it, so whitespace puts an edge
    between them. The edge goes: the header heads those numbers, no column of its own."""
    words = [
        *_line(104, (279, "2023"), (473, "2024")),
        *_line(117, (60, "Lovområde"), (218, "K3"), (347, "K4"), (476, "K1")),
        *_line(130, (216, "Pct."), (345, "Pct."), (474, "Pct.")),
        *_line(148, (60, "Aktivloven"), (274, "23"), (403, "27"), (532, "30")),
        *_line(164, (60, "Social pension"), (278, "3"), (407, "3"), (536, "3")),
        *_line(180, (60, "Servicelov"), (274, "46"), (403, "41"), (532, "20")),
    ]
    lines = group_lines(words)
    edges = [49.0, 148.0, 249.0, 320.0, 442.0, 545.0]
    assert _headers_with_values(edges, lines) == [49.0, 148.0, 320.0, 442.0, 545.0]
    # a column with values of its own keeps its edges
    assert _headers_with_values([49.0, 148.0, 320.0, 442.0, 545.0], lines) == [
        49.0,
        148.0,
        320.0,
        442.0,
        545.0,
    ]
