"""Ruled tables drawn with shading and part frames, on synthetic pages: a shaded header band
over rules between the rows, zebra stripes, a frame left open at the page end, a label
column inside a frame without column rules, close columns under wide headers, and rules
that underline words (no table)."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import body, detect, hrule, labels, right_at, vrule, word_page, words_at

from extract.model import Ruling, Word

X0, X1 = 50.0, 400.0


def _band(top: float, bottom: float, x0: float = X0, x1: float = X1) -> list[Ruling]:
    """The four edges of a shaded rectangle (what a fill gives as rulings)."""
    return [
        hrule(top, x0, x1),
        hrule(bottom, x0, x1),
        vrule(x0, top, bottom),
        vrule(x1, top, bottom),
    ]


def _rows(top: float, rows: Sequence[tuple[str, ...]], rights: Sequence[float]) -> list[Word]:
    words: list[Word] = []
    for i, (label, *values) in enumerate(rows):
        words += words_at(55, top + 15 * i, label)
        for x, value in zip(rights, values, strict=True):
            words += right_at(x, top + 15 * i, value)
    return words


RIGHTS = [300.0, 395.0]
ROWS = [("Serviceloven", "12", "15"), ("Pension", "3", "4"), ("Boliger", "7", "9")]


def test_shaded_header_band_over_rules_between_rows_is_one_table() -> None:
    """The header's shading is a rectangle; the rows below are ruled one by one: the first
    row, between the band and the first rule, stays in the table under the header."""
    words = words_at(55, 103, "Lov") + right_at(300, 103, "Antal") + right_at(395, 103, "Pct.")
    words += _rows(118, ROWS, RIGHTS)
    rules = _band(100, 114) + [hrule(114 + 15 * (i + 1), X0, X1) for i in range(3)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Antal", "Pct."]
    assert body(table) == ROWS


def test_zebra_stripes_are_one_table() -> None:
    """Every other row shaded, nothing else drawn: one table, not a table per stripe."""
    words = words_at(55, 103, "Lov") + right_at(300, 103, "Antal") + right_at(395, 103, "Pct.")
    rows = [*ROWS, ("Sygedagpenge", "5", "6")]
    words += _rows(118, rows, RIGHTS)
    rules = _band(100, 114) + _band(129, 144) + _band(159, 174)
    (table,) = detect(word_page(words, rules))
    assert table.detector == "ruled"
    assert labels(table) == ["Antal", "Pct."]
    assert body(table) == rows


STUB = [
    ("Oktober 2024", "Uddannelseshjælp", "6"),
    ("", "Revalidering", "3"),
    ("November 2024", "Uddannelseshjælp", "5"),
    ("", "Revalidering", "4"),
]
GROUPED = [
    ("Oktober 2024", ""),
    ("Uddannelseshjælp", "6"),
    ("Revalidering", "3"),
    ("November 2024", ""),
    ("Uddannelseshjælp", "5"),
    ("Revalidering", "4"),
]


def _box_words(top: float) -> list[Word]:
    words = words_at(55, top, "År") + words_at(150, top, "Ydelse") + right_at(295, top, "Antal")
    for i, (outer, inner, value) in enumerate(STUB):
        y = top + 20 + 18 * i
        words += (words_at(55, y, outer) if outer else []) + words_at(150, y, inner)
        words += right_at(295, y, value)
    return words


def test_label_column_inside_a_frame_without_column_rules() -> None:
    """A box around the table and a rule under its header, no column rules: the label
    column between the outer labels and the values is a stub column of its own."""
    rules = [hrule(y, X0, 300) for y in (95, 112, 190)] + [vrule(x, 95, 190) for x in (X0, 300)]
    (table,) = detect(word_page(_box_words(100), rules))
    assert table.detector == "ruled"
    assert table.stub_header == "År / Ydelse"
    assert labels(table) == ["Antal"]
    assert body(table) == GROUPED


def test_frame_left_open_at_the_page_end_keeps_the_rows_below_the_last_rule() -> None:
    """The box's side rules run on below the rule under the header (no rule closes the
    table: it goes on over the page); the rows down there are the table's body."""
    rules = [hrule(y, X0, 300) for y in (95, 112)] + [vrule(x, 95, 190) for x in (X0, 300)]
    (table,) = detect(word_page(_box_words(100), rules))
    assert table.detector == "ruled"
    assert labels(table) == ["Antal"]
    assert body(table) == GROUPED


HEADS = ["REALITETSBEH. I ALT", "STADFÆSTEDE SAGER", "HJEMVISTE SAGER", "AFVISTE SAGER"]


def test_wide_headers_over_close_columns_stay_over_their_own_column() -> None:
    """Headers wider than their values, set flush right over them and close together, with
    rules between the rows: each header heads its own column, and the last column's rows
    stay apart though its header reaches the rules' right end."""
    rights = [240.0, 330.0, 410.0, 490.0]
    words = words_at(55, 103, "KOMMUNE")
    for x, head in zip(rights, HEADS, strict=True):
        words += right_at(x, 103, head)
    rows = [("Ishøj", "12", "7", "3", "1"), ("Albertslund", "8", "5", "2", "0")]
    rows += [("Brøndby", "5", "4", "1", "2")]
    words += _rows(118, rows, rights)
    rules = [hrule(100 + 15 * i, X0, 490) for i in range(5)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == HEADS
    assert body(table) == rows


def test_rules_underlining_words_make_no_table() -> None:
    """A list of contents whose entries are links, each underlined by a rule as wide as its
    text (two of them nearly as wide: stacked rules around two entries): the underlines
    are no table rules."""
    entries = [("1.", "Meddelelser", "3"), ("2.", "Bygningsvedligeholdelse 2013", "3")]
    entries += [("3.", "Takstreduktion på aflastningstilbuddet Torvevej i 2013", "7")]
    entries += [("4.", "Opfølgningsproces vedrørende sundhed", "9")]
    entries += [("5.", "Prioritering af midler til kronisk syge borgere i 2013", "14")]
    words: list[Word] = []
    rules: list[Ruling] = []
    for i, (number, title, page) in enumerate(entries):
        top = 100 + 12 * i
        words += words_at(60, top, number) + words_at(80, top, title) + right_at(500, top, page)
        x1 = max(w.bbox[2] for w in words_at(80, top, title))
        rules.append(hrule(top + 10, 80, x1))
    assert detect(word_page(words, rules)) == []


def test_shaded_header_and_a_bottom_rule_far_below_bound_one_table() -> None:
    """Booktabs with a shaded header band and a bottom rule far below it, group labels
    ("2022") alone on their lines between: one table under its header."""
    words = words_at(55, 103, "Udfald") + right_at(300, 103, "Hele landet")
    rows: list[tuple[str, ...]] = []
    y = 120.0
    for year, values in (("2022", ("7", "6")), ("2023", ("14", "4"))):
        words += words_at(55, y, year)
        rows.append((year, ""))
        y += 15
        for label, value in zip(("Medhold", "Uden medhold"), values, strict=True):
            words += words_at(65, y, label) + right_at(300, y, value)
            rows.append((label, value))
            y += 15
    rules = [*_band(100, 114, X0, 305), hrule(y + 2, X0, 305)]
    (table,) = detect(word_page(words, rules))
    assert table.detector == "ruled"
    assert labels(table) == ["Hele landet"]
    assert body(table) == rows


def test_wrapped_labels_between_a_header_band_and_a_far_bottom_rule() -> None:
    """A shaded header band, rows whose labels wrap to a second line of many words, and a
    bottom rule far below: one ruled table (the wrapped lines are no running text)."""
    words = words_at(55, 103, "Bestemmelse") + right_at(395, 103, "Hjemvisning")
    rows: list[tuple[str, ...]] = []
    y = 120.0
    for i, value in enumerate(["7", "23", "12", "5"]):
        first = f"Børn - KSB - Frist {i} - Ungestøtte - § 114, stk. 1,"
        second = "nr. 1, § 117, §§ 119 - § 121"
        words += words_at(55, y, first) + words_at(55, y + 10, second) + right_at(395, y, value)
        rows.append((f"{first} {second}", value))
        y += 26
    rules = [*_band(100, 114), hrule(y, X0, X1)]
    (table,) = detect(word_page(words, rules))
    assert table.detector == "ruled"
    assert labels(table) == ["Hjemvisning"]
    assert body(table) == rows


def test_a_value_set_between_wrapped_label_lines_under_a_far_bottom_rule() -> None:
    """A shaded header band and a bottom rule far below; a label wraps over two lines with
    its value on a line of its own between them (set in the middle): still one table."""
    words = words_at(55, 103, "Udfald") + right_at(300, 103, "Hele landet")
    words += words_at(55, 120, "Medhold") + right_at(300, 120, "7")
    words += words_at(55, 134, "Sager uden") + right_at(300, 139, "6")
    words += words_at(55, 144, "medhold")
    words += words_at(55, 160, "Medholds-%") + right_at(300, 160, "54%")
    words += words_at(55, 176, "I alt") + right_at(300, 176, "13")
    rules = [*_band(100, 114, X0, 305), hrule(240, X0, 305)]
    (table,) = detect(word_page(words, rules))
    assert table.detector == "ruled"
    assert labels(table) == ["Hele landet"]
    assert body(table) == [
        ("Medhold", "7"),
        ("Sager uden medhold", "6"),
        ("Medholds-%", "54%"),
        ("I alt", "13"),
    ]


def test_zebra_stripes_starting_and_ending_with_an_unshaded_row() -> None:
    """Stripes on every other row, the first and the last row unshaded: both rows belong to
    the table, not to a caption above it or to text under it."""
    words = words_at(55, 80, "Tabel 1 (fortsat)")
    values = [("3", "9"), ("12", "4"), ("7", "31"), ("25", "2"), ("1", "16")]
    rows = [(f"Voksne - bestemmelse {i}", a, b) for i, (a, b) in enumerate(values)]
    words += _rows(100, rows, RIGHTS)
    rules = _band(112, 127) + _band(142, 157)
    (table,) = detect(word_page(words, rules))
    assert table.caption == "Tabel 1 (fortsat)"
    assert body(table) == rows


def test_zebra_stripes_past_an_unshaded_group_row_are_one_table() -> None:
    """The header band touches the first shaded row (their sides meet as one rule, like a
    frame); an unshaded row holding a group's label alone parts it from the next stripes:
    still one table, the rows under the label under the header."""
    words = right_at(395, 103, "Landsplan")
    rows = [
        ("Omgørelsesprocent", "30"),
        ("2. halvår 2022", ""),
        ("Stadfæstede", "11.898"),
        ("Stadfæstet i pct.", "69"),
        ("Hjemvist", "3.935"),
    ]
    for i, (label, value) in enumerate(rows):
        words += words_at(55, 118 + 15 * i, label) + (
            right_at(395, 118 + 15 * i, value) if value else []
        )
    rules = _band(100, 114) + _band(114, 129) + _band(144, 159) + _band(174, 189)
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Landsplan"]
    assert body(table) == rows


def test_a_drawn_grid_and_stripes_under_a_label_line_stay_two_tables() -> None:
    """A table drawn as a full grid (column rules), a label line, then zebra stripes of the
    same width: the grid is a table of its own, not joined across the label."""
    words = words_at(55, 103, "Lov") + right_at(395, 103, "Antal")
    words += words_at(55, 118, "Serviceloven") + right_at(395, 118, "12")
    grid = [hrule(y, X0, X1) for y in (100.0, 114.0, 129.0)]
    grid += [vrule(x, 100, 129) for x in (X0, 300.0, X1)]
    words += words_at(55, 135, "Kommunen")
    words += _rows(150, ROWS, RIGHTS)
    rules = grid + _band(146, 161) + _band(176, 191)
    tables = detect(word_page(words, rules))
    assert len(tables) == 2
    assert body(tables[0]) == [("Serviceloven", "12")]


def test_a_shaded_header_band_with_a_group_row_over_unshaded_data_is_the_header() -> None:
    """A continued page: a shaded header (stub header, a column header on two lines) and a
    shaded group row under it, then an unshaded row of data and zebra stripes. The band is
    the table's header and group row, not a title over a table without a header."""
    words = words_at(55, 70, "Tabel 2 (fortsat)")
    words += words_at(55, 106, "sagsemne") + right_at(395, 102, "k2") + right_at(395, 111, "2017")
    rows = [
        ("Hjemvist i pct.", ""),
        ("Lov om individuel boligstøtte", "41 %"),
        ("Indskudslån - § 54-71", "41 %"),
        ("Andel ændret", ""),
        ("Lov om individuel boligstøtte", "7 %"),
    ]
    for i, (label, value) in enumerate(rows):
        y = 128 + 16 * i
        words += words_at(55, y, label) + (right_at(395, y, value) if value else [])
    rules = _band(98, 123) + _band(123, 140) + _band(156, 172) + _band(188, 204)
    (table,) = detect(word_page(words, rules))
    assert table.title is None
    assert table.stub_header == "sagsemne"
    assert labels(table) == ["k2 2017"]
    assert body(table) == rows


def test_header_band_touching_the_first_stripe_over_data_rows_and_a_wrapped_last_row() -> None:
    """The header band touches the first shaded row (their sides meet as one rule, like a
    frame), unshaded rows of data part it from the next stripes, and the last row, unshaded,
    wraps its label onto a second line: one table, every row whole."""
    words = words_at(55, 103, "Lov") + right_at(300, 103, "Antal") + right_at(395, 103, "Pct.")
    rows = [*ROWS, ("Sygedagpenge", "5", "6"), ("Barnets lov", "2", "8")]
    words += _rows(118, rows, RIGHTS)
    words += words_at(55, 193, "Tilbagebetaling af ydelser - §§") + right_at(300, 193, "4")
    words += right_at(395, 193, "1") + words_at(55, 202, "91-97")
    rules = _band(100, 114) + _band(114, 129) + _band(144, 159) + _band(174, 189)
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Antal", "Pct."]
    assert body(table) == [*rows, ("Tilbagebetaling af ydelser - §§ 91-97", "4", "1")]


def test_a_caption_between_a_tables_bottom_rule_and_the_next_header_band() -> None:
    """A booktabs table, then the next table's caption and its shaded header band over
    zebra stripes, the rules stacked close over the same span: two tables, the caption
    heading the second."""
    words = words_at(55, 103, "Kvartal") + right_at(395, 103, "Uger")
    words += words_at(55, 118, "2017K4") + right_at(395, 118, "14,5")
    words += words_at(55, 133, "2018K1") + right_at(395, 133, "17,5")
    words += words_at(55, 152, "Tabel 2.2 Sager efter lovområde")
    words += words_at(55, 168, "Lov") + right_at(300, 168, "Antal") + right_at(395, 168, "Pct.")
    rows = [*ROWS, ("Sygedagpenge", "5", "6")]
    words += _rows(183, rows, RIGHTS)
    rules = [hrule(y, X0, X1) for y in (100.0, 114.0, 145.0)]
    rules += _band(165, 179) + _band(194, 209) + _band(224, 239)
    first, second = detect(word_page(words, rules))
    assert body(first) == [("2017K4", "14,5"), ("2018K1", "17,5")]
    assert second.caption == "Tabel 2.2 Sager efter lovområde"
    assert labels(second) == ["Antal", "Pct."]
    assert body(second) == rows


def test_the_wrapped_last_row_of_stripes_under_a_stub_header_set_further_left() -> None:
    """Zebra stripes ending with an unshaded row whose label wraps onto a second line; the
    row labels stand indented under the stub header: the wrapped line is the row's, not a
    caption under the table."""
    words = words_at(50, 103, "Bestemmelse") + right_at(300, 103, "Antal")
    words += right_at(395, 103, "Pct.")
    rows = [*ROWS, ("Sygedagpenge", "5", "6")]
    for i, (label, *values) in enumerate(rows):
        words += words_at(62, 118 + 15 * i, label)
        for x, value in zip(RIGHTS, values, strict=True):
            words += right_at(x, 118 + 15 * i, value)
    words += words_at(62, 178, "Tilbagebetaling af ydelser - §§") + right_at(300, 178, "4")
    words += right_at(395, 178, "1") + words_at(62, 187, "90 - 97, 69i")
    rules = _band(100, 114) + _band(129, 144) + _band(159, 174)
    (table,) = detect(word_page(words, rules))
    assert table.caption is None
    assert body(table) == [*rows, ("Tilbagebetaling af ydelser - §§ 90 - 97, 69i", "4", "1")]


def test_the_last_row_of_stripes_with_its_values_on_its_wrapped_last_line() -> None:
    """Zebra stripes ending with an unshaded row whose label wraps over three lines with its
    values on the last ("Voksne - personlig hjælp," / "m.v. §§ 81, 82" / "(2013-2015) 4
    1"), then the next table's caption: the row is the table's, the caption stays under it."""
    words = words_at(55, 103, "Lov") + right_at(300, 103, "Antal") + right_at(395, 103, "Pct.")
    rows = [*ROWS, ("Sygedagpenge", "5", "6")]
    words += _rows(118, rows, RIGHTS)
    words += words_at(55, 178, "Voksne - personlig hjælp,") + words_at(55, 187, "m.v. §§ 81, 82")
    words += words_at(55, 196, "(2013-2015)") + right_at(300, 196, "4") + right_at(395, 196, "1")
    words += words_at(55, 214, "Tabel 2 Afgørelser efter bestemmelse")
    rules = _band(100, 114) + _band(129, 144) + _band(159, 174)
    (table,) = detect(word_page(words, rules))
    assert body(table)[-1] == ("Voksne - personlig hjælp, m.v. §§ 81, 82 (2013-2015)", "4", "1")
    assert table.caption == "Tabel 2 Afgørelser efter bestemmelse"


def test_rows_under_the_last_stripe_at_row_spacing_are_the_tables() -> None:
    """Shaded bands over some rows of one value column, the labels set in a second stub
    column, one wrapped onto a number of its own ("90 - 97, 69i" under "Tilbagebetaling -
    §§"), and two unshaded rows under the last band, each at row spacing from the one
    before: all rows are the table's (the wrapped number is no value column), the page
    number far below is not."""
    words = words_at(55, 103, "Kommune") + words_at(125, 103, "Lov")
    words += right_at(395, 103, "Pct.")
    words += words_at(125, 118, "Tilbagebetaling - §§") + right_at(395, 118, "1")
    words += words_at(125, 127, "90 - 97, 69i")
    rows = [("Serviceloven", "15"), ("Pension", "4"), ("Boliger", "9")]
    for i, (label, value) in enumerate(rows):
        words += words_at(125, 142 + 15 * i, label) + right_at(395, 142 + 15 * i, value)
    words += right_at(395, 300, "- 2 -")
    rules = _band(100, 114) + _band(138, 154)
    (table,) = detect(word_page(words, rules))
    assert body(table) == [("Tilbagebetaling - §§ 90 - 97, 69i", "1"), *rows]


LONG_ROWS = [
    ("Stadfæstelse", "Diverse - dagtilbudsloven", "67"),
    ("Stadfæstelse", "Frist - Ungestøtte - § 114, stk. 1, nr. 1, § 117, §§ | 119 - § 121", "63"),
    ("Stadfæstelse", "Kompensationsloven - personlig assistance -, kap. 3-4", "4"),
    ("Stadfæstelse", "Hjemgivelse og hjemgivelsesperiode - § 100 og § | 102", "33"),
    ("Stadfæstelse", "Boligplacering, integrationsplan og helbred §§ 6-15d", "18"),
    ("Stadfæstelse", "Hjemmetræning, særlige dagtilbud og klubtilbud §§ | 82-85", "19"),
]


def _zebra_page(
    top: float, rows: Sequence[tuple[str, str, str]], first_shaded: bool
) -> tuple[list[Word], list[Ruling]]:
    """Words and bands of a zebra-striped table of an outer stub column, a long label column
    and one value column under a shaded header band (``first_shaded``: the first row's band
    touches the header's). A label holding " | " wraps there, its value on its last line."""
    words = words_at(55, top + 3, "Udfald") + words_at(140, top + 3, "Bestemmelse")
    words += right_at(500, top + 3, "2024")
    rules = _band(top, top + 14, X0, 505)
    y = top + 14
    for i, (outer, label, value) in enumerate(rows):
        parts = label.split(" | ")
        words += words_at(55, y + 4, outer)
        for k, part in enumerate(parts):
            words += words_at(140, y + 4 + 10 * k, part)
        words += right_at(500, y + 4 + 10 * (len(parts) - 1), value)
        height = 6 + 10 * len(parts)
        if (i % 2 == 0) == first_shaded:
            rules += _band(y, y + height, X0, 505)
        y += height
    return words, rules


def test_wrapped_labels_ending_in_numbers_leave_the_value_column_where_it_is() -> None:
    """Labels in an inner label column wrap, their last line starting with the number that
    ends them ("119 - § 121", "102"), the value beside it: that number is label text, not a
    column of values, so no column edge cuts through the long labels ("… §§ 6-15d")."""
    words, rules = _zebra_page(100, LONG_ROWS, first_shaded=False)
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    # the outer column's one repeated value heads the rows as their group
    want = [(label.replace(" | ", " "), v) for _, label, v in LONG_ROWS]
    assert body(table) == [("Stadfæstelse", ""), *want]


def test_zebra_stripes_from_a_header_band_touching_the_first_row_are_one_table() -> None:
    """The header band and the first row's stripe touch (they look like a frame), an
    unshaded row under them, then the next stripe holding a label wrapped over two lines,
    its value on the second: one table, not a header with one row over a table of its own."""
    rows = [("Stadfæstelse", "Social - Ledsagelse § 89", "4")]
    rows += [("Stadfæstelse", "Social - Merudgifter § 86", "359")]
    words, rules = _zebra_page(100, rows, first_shaded=True)
    y = 100 + 14 + 16 * 2
    words += words_at(55, y + 3, "Stadfæstelse") + words_at(140, y + 3, "Social - Personlig hjælp")
    words += words_at(140, y + 13, "§ 90, jf. SEL § 83") + right_at(500, y + 13, "18")
    rules += _band(y, y + 26, X0, 505)
    words += words_at(55, y + 30, "Stadfæstelse") + words_at(140, y + 30, "Social - Biler § 114")
    words += right_at(500, y + 30, "15")
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert [row[-1] for row in body(table)] == ["", "4", "359", "18", "15"]


def test_a_header_band_with_a_year_marked_twice_over_stripes_is_one_table() -> None:
    """The header band ("Lovområde/bestemmelse | 2024 ² ¹", the year carrying two footnote
    marks) touches the first row's stripe, an unshaded row under them, then stripes: one
    table under that header, the year no value of a row."""
    rows = [("Sager", "Social - Ledsagelse § 89", "4")]
    rows += [("Sager", "Social - Merudgifter § 86", "359"), ("Sager", "Social - Biler § 114", "15")]
    rows += [("Sager", "Social - Boligindretning § 116", "21")]
    words, rules = _zebra_page(100, rows, first_shaded=True)
    words = [w for w in words if w.text != "2024"] + right_at(490, 103, "2024 ² ¹")
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024 ² ¹"]
    assert [row[-1] for row in body(table)] == ["", "4", "359", "15", "21"]


def test_a_bold_heading_at_row_pitch_under_a_bold_total_starts_its_own_row() -> None:
    """A frame without inner rules; in the inner stub column a bold total ("Sager i alt
    69%") and, a row's pitch under it, the next group's bold heading ("Ændret/ophævet"): the
    heading is a row of its own, not the total's label wrapped."""
    pitch = 18.0
    words = words_at(55, 103, "Instans") + words_at(130, 103, "Sagsemne")
    words += right_at(395, 103, "2024")
    rows: list[tuple[str, str, bool]] = [("Stadfæstelsesprocent", "", True)]
    rows += [("Aktivlov", "78%", False), ("Servicelov", "54%", False)]
    rows += [("Sager i alt", "69%", True), ("Ændret/ophævet", "", True)]
    rows += [("Aktivlov", "476", False), ("Servicelov", "150", False)]
    words += words_at(55, 120, "Hele landet", bold=True)
    for i, (label, value, bold) in enumerate(rows):
        y = 120 + pitch * i
        words += words_at(130, y, label, bold=bold)
        words += right_at(395, y, value, bold=bold) if value else []
    bottom = 120 + pitch * len(rows)
    rules = [hrule(y, X0, X1) for y in (98, 115, bottom)] + [vrule(x, 98, bottom) for x in (X0, X1)]
    (table,) = detect(word_page(words, rules))
    assert [row for row in body(table) if row[0] in ("Sager i alt", "Ændret/ophævet")] == [
        ("Sager i alt", "69%"),
        ("Ændret/ophævet", ""),
    ]


def test_a_header_band_of_a_stub_header_and_a_year_over_indented_rows_is_one_table() -> None:
    """A continued page: the header band "paragraf | 2024" touches the first row's stripe,
    the rows indented under the stub header (so "paragraf" alone starts at the left edge,
    beside a year, like a row with a value), then an unshaded row and more stripes: one
    table under that header."""
    words = words_at(44, 103, "paragraf") + right_at(340, 103, "2024")
    rules = _band(100, 114, X0, 345)
    rows = [("Voksne - kontante tilskud til § 95", "31 sager"), ("Voksne - § 109", "2 sager")]
    rows += [("Voksne - ledsageordning - § 97", "12 sager"), ("Voksne - § 108", "20 sager")]
    for i, (label, value) in enumerate(rows):
        y = 114 + 16 * i
        words += words_at(54, y + 4, label) + right_at(340, y + 4, value)
        if i % 2 == 0:
            rules += _band(y, y + 16, X0, 345)
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert body(table) == rows


def test_a_year_over_a_measure_wrapped_round_its_value_is_one_row() -> None:
    """A frame without inner rules; the first rows' labels wrap a year over a measure
    ("2022" / "Gennemsnitlig liggetid (uger)") round a value set in the middle, later rows
    print both on one line: each wrapped label is one row, not header lines."""
    words = words_at(55, 103, "Udfald") + right_at(395, 103, "Landstotal")
    rows: list[tuple[str, str]] = []
    y = 120.0
    for label, value in (
        ("Gennemsnitlig sagsbehandlingstid (uger)", "14,5"),
        ("Realitetsbehandlede sager", "18 389"),
    ):
        words += (
            words_at(55, y, "2022") + right_at(395, y + 5.5, value) + words_at(55, y + 11, label)
        )
        rows.append((f"2022 {label}", value))
        y += 27
    for label, value in (
        ("2023, Gennemsnitlig sagsbehandlingstid (uger)", "17,5"),
        ("2023, Realitetsbehandlede sager", "19 197"),
    ):
        words += words_at(55, y, label) + right_at(395, y, value)
        rows.append((label, value))
        y += 16
    rules = [hrule(yy, X0, X1) for yy in (98, 115, y)] + [vrule(x, 98, y) for x in (X0, X1)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Landstotal"]
    assert body(table) == rows
