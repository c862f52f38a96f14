"""Group headings and wrapped labels in unruled tables over pages, on synthetic pages: a
label wrapped to a number that carries the row's values, a group heading out at the margin
whose first row starts under it, a group heading right above a continued page's rows, and a
repeated header over a page whose outer stub column is blank all down."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import (
    SIZE,
    body,
    detect,
    hrule,
    labels,
    right_at,
    sized_at,
    vrule,
    word_page,
    words_at,
)

from extract.model import PageContent, Word

VALUE_X = 400.0
STEP = 14.0  # row spacing
WRAP = SIZE + 1.0  # line spacing inside one wrapped label


def _page(number: int, *parts: list[Word]) -> PageContent:
    running = words_at(420, 40, f"Rapport om klagesager, side {number}")
    return word_page([*running, *(w for part in parts for w in part)], number=number)


Row = tuple[str, str]  # (label, value); "" value: a heading; "\n" in a label: wrapped


def _rows(top: float, rows: Sequence[Row], header: bool = True) -> list[Word]:
    """The header "Område | Antal" (when ``header``), then rows: headings and law rows (no
    " - " in the label) at x 50, the rows under them indented to x 62; a wrapped label's
    value on its last line."""
    words: list[Word] = []
    if header:
        words += words_at(50, top, "Område") + right_at(VALUE_X, top, "Antal")
        top += STEP
    for label, value in rows:
        x = 62.0 if " - " in label else 50.0
        parts = label.split("\n")
        for j, part in enumerate(parts):
            words += words_at(x, top + j * WRAP, part)
        if value:
            words += right_at(VALUE_X, top + (len(parts) - 1) * WRAP, value)
        top += STEP + (len(parts) - 1) * WRAP
    return words


def _joined(rows: Sequence[Row]) -> list[tuple[str, str]]:
    return [(label.replace("\n", " "), value) for label, value in rows]


def test_a_label_wrapped_to_a_number_with_the_values_stays_one_row_of_one_table() -> None:
    """A provision's label wraps after "§", its second line the paragraph number with the
    row's values beside it: one row, and the rows under it stay in the table."""
    rows = [
        ("Stadfæstede sager", ""),
        ("Lov om social service", "120"),
        ("Voksne - hjælp - § 80, § 81 og\n§ 83", "12"),
        ("Voksne - frist - § 114, stk. 1, nr. 1, §§ 119 - §\n121", "63"),
        ("Voksne - tilbud efter loven - § 59", "5"),
        ("Voksne - aflastning - § 84, stk. 2, jf. §\n104, stk. 4", "40"),
        ("Voksne - ledsagelse - § 97", "7"),
    ]
    words = words_at(50, 80, "Tabel 1 Stadfæstede sager") + _rows(100, rows)
    (table,) = detect(word_page(words))
    assert labels(table) == ["Antal"]
    assert body(table) == _joined(rows)


def test_a_group_heading_at_the_margin_with_its_first_row_under_it_goes_on() -> None:
    """Rows indented under a law row; then a measure heading at the margin and its law row
    at the same place: the same table goes on (the heading is a label-only row)."""
    rows = [
        ("Stadfæstede sager", ""),
        ("Lov om social service", "120"),
        ("Voksne - hjælp - § 83", "12"),
        ("Voksne - ledsagelse - § 97", "7"),
        ("Hjemviste sager", ""),
        ("Lov om social service", "33"),
        ("Voksne - hjælp - § 83", "4"),
        ("Voksne - ledsagelse - § 97", "1"),
    ]
    header_and_first = _rows(100, rows[:2])
    # the page's first row under the header is indented: the block starts there
    words = header_and_first[:2] + _rows(100 + STEP, rows[2:], header=False)
    words += words_at(50, 80, "Tabel 1 Sager efter udfald")
    (table,) = detect(word_page(words))
    assert body(table) == _joined(rows[2:])


def test_a_page_repeating_the_header_over_a_new_group_continues_the_table() -> None:
    """Page 2 repeats "Område | Antal", its rows indented, then a new measure heading with
    its law row at the margin: one table over both pages, every row kept."""
    first_rows = [("Stadfæstede sager", ""), ("Lov om social service", "120")]
    first_rows += [("Voksne - hjælp - § 83", "12")]
    more = [("Voksne - ledsagelse - § 97", "7"), ("Voksne - botilbud - § 108", "3")]
    more += [("Hjemviste sager", ""), ("Lov om social service", "33")]
    more += [("Voksne - hjælp - § 83", "4")]
    first = _page(1, words_at(50, 660, "Tabel 1 Sager efter udfald"), _rows(680, first_rows))
    second = _page(2, _rows(80, more))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert body(table) == _joined(first_rows + more)


def _two_stubs(top: float, rows: Sequence[tuple[str, str, str]]) -> list[Word]:
    """Rows of two stub columns ("Hele landet" | law) and a value, at x 50 / 130 / VALUE_X."""
    words: list[Word] = []
    for i, (outer, inner, value) in enumerate(rows):
        y = top + STEP * i
        words += (words_at(50, y, outer) if outer else []) + words_at(130, y, inner)
        words += right_at(VALUE_X, y, value) if value else []
    return words


def test_a_group_heading_above_a_continued_pages_rows_is_their_first_row() -> None:
    """Page 2 under "Tabel 1 (fortsat)": a measure heading, then "Hele landet | Serviceloven
    | 13": the table goes on, the heading a label-only row, the entity group opened anew."""
    head = words_at(50, 660, "Tabel 1 Sager for hele landet")
    head += words_at(50, 680, "Kommune") + words_at(130, 680, "Lov")
    head += right_at(VALUE_X, 680, "2024")
    first = _page(
        1,
        head,
        words_at(50, 694, "Stadfæstede sager"),
        _two_stubs(708, [("Hele landet", "Serviceloven", "17"), ("", "Pension", "5")]),
    )
    second = _page(
        2,
        words_at(50, 80, "Tabel 1 (fortsat)"),
        words_at(50, 100, "Hjemviste sager"),
        _two_stubs(114, [("Hele landet", "Serviceloven", "13"), ("", "Pension", "2")]),
    )
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert body(table) == [
        ("Stadfæstede sager", ""),
        ("Hele landet", ""),
        ("Serviceloven", "17"),
        ("Pension", "5"),
        ("Hjemviste sager", ""),
        ("Hele landet", ""),
        ("Serviceloven", "13"),
        ("Pension", "2"),
    ]


def test_a_repeated_header_over_rows_with_the_outer_stub_column_blank_continues() -> None:
    """Two stub columns on page 1; page 2 repeats the header, its outer column blank all
    down (still the same group): one table."""

    def header(top: float) -> list[Word]:
        words = words_at(50, top, "Kommune") + words_at(130, top, "Lov")
        return words + right_at(VALUE_X, top, "Antal") + right_at(460, top, "Pct.")

    def rows(top: float, items: Sequence[tuple[str, str, str]]) -> list[Word]:
        words = _two_stubs(top, items)
        for i, (_, _, value) in enumerate(items):
            words += right_at(460, top + STEP * i, f"{value},0")
        return words

    first = _page(
        1,
        words_at(50, 660, "Tabel 2 Sager efter kommune"),
        header(680),
        rows(694, [("Ishøj", "Serviceloven", "12"), ("", "Pension", "7")]),
    )
    second = _page(2, header(80), rows(94, [("", "Boliger", "3"), ("", "Sygedagpenge", "2")]))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert body(table)[-2:] == [("Boliger", "3", "3,0"), ("Sygedagpenge", "2", "2,0")]


def test_a_group_heading_left_at_a_pages_end_heads_the_rows_on_the_next_page() -> None:
    """The last line of page 1 is a law's heading ("Lov om aktiv socialpolitik"), its rows
    on page 2 under the repeated header: the heading is a row of the table, between the
    groups, not text left out (its rows would else be read as the law's above)."""
    first_rows = [("Stadfæstede sager", ""), ("Lov om social service", "120")]
    first_rows += [("Voksne - hjælp - § 83", "12"), ("Lov om aktiv socialpolitik", "")]
    more = [("Enkeltydelser - § 81", "7"), ("Sanktioner - § 40", "3")]
    first = _page(1, words_at(50, 660, "Tabel 1 Sager efter udfald"), _rows(680, first_rows))
    second = _page(2, _rows(80, more))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert body(table) == _joined(first_rows + more)


def test_group_headings_in_two_stub_columns_keep_one_table_under_its_header() -> None:
    """A header "Halvår | Lovområde | Omg.-pct.", then per half-year a line naming it in the
    outer stub column and the entity where the row labels start ("2023 H2 | Hele landet"),
    no values, the law rows under it: one table under its header, not a table per group
    with the header taken for its caption."""
    words = words_at(50, 80, "Tabel 1 Omgørelsesprocent efter lovområde")
    words += words_at(50, 100, "HALVÅR") + words_at(110, 100, "LOVOMRÅDE")
    words += right_at(VALUE_X, 100, "OMGØRELSESPROCENT")
    want: list[tuple[str, str]] = []
    y = 100 + STEP
    for period, values in (("2023 H1", ("25", "27", "30")), ("2023 H2", ("27", "23", "30"))):
        words += words_at(50, y, period, bold=True) + words_at(110, y, "Hele landet", bold=True)
        want.append((f"{period} Hele landet", ""))
        y += STEP
        for law, value in zip(("LAB", "Aktivloven", "I alt"), values, strict=True):
            words += words_at(110, y, law) + right_at(VALUE_X, y, value)
            want.append((law, value))
            y += STEP
    (table,) = detect(word_page(words))
    assert table.caption == "Tabel 1 Omgørelsesprocent efter lovområde"
    assert labels(table) == ["OMGØRELSESPROCENT"]
    assert body(table) == want


def test_a_last_row_wrapped_round_its_value_at_a_page_end_keeps_the_next_page_joined() -> None:
    """The page's last row wraps its label over two lines, its value set between them (in
    the middle): it is the table's last row, not text under it, so the next page's
    "Tabel 1 (fortsat)" under the same header goes on with it."""
    rows: list[Row] = [("Sanktioner § 40a", "6"), ("Særlig støtte - § 34", "16")]
    words = words_at(50, 80, "Tabel 1 Sager efter bestemmelse") + _rows(100, rows)
    y = 100 + STEP * 3
    words += words_at(50, y, "Tilbagebetaling af hjælp i enkeltstående tilfælde -")
    words += right_at(VALUE_X, y + WRAP / 2, "5") + words_at(50, y + WRAP, "§§ 81-85a og §§ 90-97")
    more: list[Row] = [("Udnyttelse af arbejdsmuligheder - §§ 13", "13"), ("Ydelser - § 9", "2")]
    second = words_at(50, 80, "Tabel 1 (fortsat)") + _rows(100, more)
    tables = detect(_page(1, words), _page(2, second))
    assert [t.pages for t in tables] == [(1, 2)]
    assert [row[0] for row in body(tables[0])] == [
        "Sanktioner § 40a",
        "Særlig støtte - § 34",
        "Tilbagebetaling af hjælp i enkeltstående tilfælde - §§ 81-85a og §§ 90-97",
        "Udnyttelse af arbejdsmuligheder - §§ 13",
        "Ydelser - § 9",
    ]


def test_pages_that_start_and_end_with_labels_wrapped_round_their_values_go_on() -> None:
    """A long unruled table whose rows wrap their labels round their values (the value set
    in the middle, between the label's lines) where a page begins and where it ends: the
    first rows of the next page start its part of the table (no title), the last rows of
    a page stay in it, and the pages join into one table."""

    def wrapped(top: float, first: str, value: str, rest: str) -> list[Word]:
        return (
            words_at(50, top, first)
            + right_at(VALUE_X, top + 5.5, value)
            + words_at(50, top + 11, rest)
        )

    one = words_at(50, 80, "Tabel 1 Sager efter bestemmelse") + _rows(
        100, [("Sanktioner § 40a", "15"), ("Særlig støtte - § 34", "142")]
    )
    one += wrapped(
        100 + STEP * 3,
        "Tilbagebetaling af hjælp i enkeltstående tilfælde -",
        "63",
        "§§ 81-85a og §§ 90-97",
    )
    one += wrapped(
        100 + STEP * 3 + 30,
        "Tilbagebetaling af løbende månedlig hjælp til",
        "345",
        "forsørgelse - § 91",
    )
    two = words_at(50, 80, "Tabel 1 (fortsat)")
    two += wrapped(100, "Tilbagebetaling af løbende månedlig hjælp til", "1", "forsørgelse - § 92")
    two += wrapped(130, "Tilbagebetaling af løbende månedlig hjælp til", "23", "forsørgelse - § 93")
    two += words_at(50, 160, "Udnyttelse af arbejdsmuligheder - §§ 13") + right_at(
        VALUE_X, 160, "19"
    )
    two += words_at(50, 160 + STEP, "Sygedagpengeloven") + right_at(VALUE_X, 160 + STEP, "2.526")
    tables = detect(_page(1, one), _page(2, two))
    assert [t.pages for t in tables] == [(1, 2)]
    assert [row[1] for row in body(tables[0])] == [
        "15",
        "142",
        "63",
        "345",
        "1",
        "23",
        "19",
        "2.526",
    ]


def test_a_continued_pages_first_row_counting_a_year_by_chance_stays_a_row() -> None:
    """Page 2 under "Tabel 1 (fortsat)" starts with "Stadfæstet | 2010": a count that reads
    as a year, but "Stadfæstet" labels rows of the next groups too, so it is a row of the
    table (no period header over page 2's values)."""
    group = ["Stadfæstet", "Ændret/ophævet", "Hjemviste"]
    first_rows: list[Row] = [("Barnets lov", ""), *zip(group, ("1785", "150", "1352"), strict=True)]
    header = words_at(50, 680, "Område") + right_at(VALUE_X, 680, "2024")
    first = _page(
        1,
        words_at(50, 660, "Tabel 1 Sager efter udfald"),
        header,
        _rows(694, first_rows, header=False),
    )
    more: list[Row] = [*zip(group, ("2010", "341", "1258"), strict=True), ("Sygedagpengeloven", "")]
    more += [*zip(group, ("2526", "345", "356"), strict=True)]
    second = _page(2, words_at(50, 62, "Tabel 1 (fortsat)"), _rows(80, more, header=False))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert labels(table) == ["2024"]
    assert body(table) == _joined(first_rows + more)


def test_two_group_headings_over_a_row_with_its_label_wrapped_keep_one_table() -> None:
    """ "Hjemviste sager" over "Barnets Lov" at the margin, mid-table, the first row under
    them wrapped ("Børn - KSB - Børnefaglig" / "undersøgelse - § 20 | 0"): the headings
    head the rows under them in the same table, not a new table without a header."""
    rows: list[Row] = [("Stadfæstede sager", ""), ("Barnets Lov", "")]
    rows += [("Børn - KSB - Diverse", "12"), ("Børn - KSB - Valg af anbringelsessted", "37")]
    rows += [("Hjemviste sager", ""), ("Barnets Lov", "")]
    rows += [("Børn - KSB - Børnefaglig\nundersøgelse - § 20", "0"), ("Børn - KSB - Diverse", "9")]
    (table,) = detect(_page(1, words_at(50, 80, "Tabel 2 Sager efter udfald"), _rows(100, rows)))
    assert labels(table) == ["Antal"]
    assert body(table) == _joined(rows)


def test_a_group_heading_and_its_total_row_set_out_at_the_margin_go_on_in_the_table() -> None:
    """Page 2 of a table in two stub columns ("Hele landet | Biler - § 114 | 68") starts
    with a row (its label wrapped, its value suppressed), then the next group set out to the
    left in both columns: its heading
    ("Hele landet | Hjemv.", no value), its law's row with the law's total ("Hele landet |
    Almene boliger | 71"), then rows set in again: all rows of the table on page 1."""
    head = words_at(50, 680, "Område") + words_at(130, 680, "Lovområde")
    first_rows = [("Hele landet", "Lov om social service", "1785"), ("Hele landet", "Biler", "68")]
    head += right_at(VALUE_X, 680, "2024") + _two_stubs(680 + STEP, first_rows)
    first = _page(1, words_at(50, 660, "Tabel 1 Sager efter udfald"), head)
    words = _two_stubs(80, [("Hele landet", "Voksne - støtte og", "..")])
    words += words_at(130, 80 + WRAP, "kontaktperson - §§ 98 og 99")
    y = 80 + WRAP + STEP
    words += words_at(40, y, "Hele landet", bold=True) + words_at(120, y, "Hjemv.", bold=True)
    words += words_at(40, y + STEP, "Hele landet", bold=True)
    words += words_at(120, y + STEP, "Almene boliger", bold=True)
    words += right_at(VALUE_X, y + STEP, "71")
    more = [("Hele landet", "Almene boliger - § 54-61", "70"), ("Hele landet", "Biler", "9")]
    words += _two_stubs(y + 2 * STEP, more)
    (table,) = detect(first, _page(2, words))
    assert table.pages == (1, 2)
    assert [row[-1] for row in body(table)] == ["", "1785", "68", "..", "", "71", "70", "9"]


def _small(x: float, top: float, text: str, bold: bool = False) -> list[Word]:
    """``text`` in 7.5-point type from ``x``."""
    return sized_at(x, top, text, 7.5, bold=bold)


def test_a_laws_long_name_in_bold_reaching_over_the_values_heads_its_rows() -> None:
    """A law's name in bold, out at the margin, long enough to reach over the value columns
    ("Lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension"): a
    group heading in the table, not running text that ends it."""
    law = "Lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension"
    rows = [
        ("Almene boliger", ()),
        ("Almene boliger - § 54-61", ("70", "34 %", "35 %")),
        ("Længerevarende botilbud - § 105", ("1", "14 %", "29 %")),
        (law, ()),
        ("Bistands- og plejetillæg §§ 16 stk. 1 og 2", ("1", "14 %", "29 %")),
        ("Forhøjelse af pension §§ 13 - 15, 21, 24", ("3", "23 %", "23 %")),
        ("Personlige tillæg og helbredstillæg §§ 17-20", ("4", "18 %", "18 %")),
    ]
    words = _small(60, 280.0, "Bestemmelse", bold=True)
    for right, text in zip((285.0, 326.0, 413.0), ("Hjemvist", "Pct.", "Omg.-pct."), strict=True):
        words += sized_at(right, 280.0, text, 7.5, right=True, bold=True)
    for i, (label, values) in enumerate(rows):
        top = 292.8 + 12.8 * i
        words += _small(60 if not values else 70, top, label, bold=not values)
        for right, value in zip((285.0, 326.0, 413.0)[: len(values)], values, strict=True):
            words += sized_at(right, top, value, 7.5, right=True)
    (table,) = detect(_page(1, words))
    assert labels(table) == ["Hjemvist", "Pct.", "Omg.-pct."]
    assert [row[0] for row in body(table)] == [label for label, _ in rows]


def test_a_header_with_its_year_and_a_group_heading_at_a_pages_foot_heads_the_next_page() -> None:
    """A boxed table's header "Bestemmelse | 2021" and its group heading "Stadfæstede sager"
    end page 1, its rows on page 2 inside the box going on: the year heads page 2's values
    (no row over nothing, page 2 no table whose start was not found)."""
    foot = words_at(40, 744.5, "Ankestatistik fordelt på paragraffer efter serviceloven", bold=True)
    foot += words_at(42.5, 761.6, "Bestemmelse", bold=True) + right_at(
        321.3, 761.6, "2021", bold=True
    )
    foot += words_at(42.5, 778.9, "Stadfæstede sager", bold=True)
    box = [hrule(756.4, 40.0, 323.8), hrule(773.7, 40.0, 323.8)]
    box += [vrule(40.0, 756.4, 791.7), vrule(323.8, 756.4, 791.7)]
    rows = [("Biler - §§ 114 og 115", "2"), ("Boligindretning - § 116", "2"), ("Børn - § 50", "1")]
    words: list[Word] = []
    for k, (label, value) in enumerate(rows):
        words += words_at(42.0, 55.2 + 18.0 * k, label) + right_at(321.0, 55.2 + 18.0 * k, value)
    sides = [vrule(40.0, 50.0, 776.0), vrule(323.8, 50.0, 776.0), hrule(110.0, 40.0, 323.8)]
    first = word_page([*_page(1, foot).words], box, number=1)
    second = word_page(words, sides, number=2)
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert labels(table) == ["2021"]
    assert [row[-1] for row in body(table) if row[-1]] == ["2", "2", "1"]
