"""Several stub columns on synthetic pages, read as the sheet detector reads them: the
innermost labels the row, each outer column's value a label-only row before the rows it
groups (blanks mean "as above"), the stub header the columns' headers joined with " / "."""

from __future__ import annotations

from pdf_factory import body, detect, hrule, labels, right_at, vrule, word_page, words_at

from extract.model import Word

RIGHTS = [330.0, 390.0, 450.0]
NONE = ("", "", "")


def _unruled(rows: list[tuple[str, str, str, str, str]], top: float = 100.0) -> list[Word]:
    """Header "Kommune | Lovområde | 2022 2023 2024", then the rows (outer, inner, values)."""
    words = words_at(60, top, "Kommune") + words_at(160, top, "Lovområde")
    for x, year in zip(RIGHTS, ["2022", "2023", "2024"], strict=True):
        words += right_at(x, top, year)
    for i, (outer, inner, *values) in enumerate(rows, start=1):
        y = top + 12 * i
        words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
        for x, value in zip(RIGHTS, values, strict=True):
            words += right_at(x, y, value)
    return words


def test_unruled_entity_then_law_area_with_blanks_as_above() -> None:
    rows = [
        ("Ishøj", "Serviceloven", "12", "15", "18"),
        ("", "Beskæftigelse", "7", "9", "11"),
        ("Albertslund", "Serviceloven", "1", "2", "3"),
        ("", "Beskæftigelse", "4", "5", "6"),
    ]
    (table,) = detect(word_page(_unruled(rows)))
    assert table.stub_header == "Kommune / Lovområde"
    assert labels(table) == ["2022", "2023", "2024"]
    assert body(table) == [
        ("Ishøj", *NONE),
        ("Serviceloven", "12", "15", "18"),
        ("Beskæftigelse", "7", "9", "11"),
        ("Albertslund", *NONE),
        ("Serviceloven", "1", "2", "3"),
        ("Beskæftigelse", "4", "5", "6"),
    ]


def test_indented_members_under_a_heading_stay_one_stub_column() -> None:
    """A heading at the margin with its members indented below is one label column."""
    words = right_at(330, 100, "2023") + right_at(390, 100, "2024")
    words += words_at(60, 112, "Serviceloven")
    for i, (label, a, b) in enumerate([("Hjemvist", "3", "4"), ("Ændret", "5", "6")], start=2):
        words += words_at(72, 100 + 12 * i, label) + right_at(330, 100 + 12 * i, a)
        words += right_at(390, 100 + 12 * i, b)
    (table,) = detect(word_page(words))
    assert table.stub_header == ""
    assert body(table) == [("Serviceloven", "", ""), ("Hjemvist", "3", "4"), ("Ændret", "5", "6")]


def test_ruled_stub_columns_merged_down_and_a_total_across_them() -> None:
    """A lattice: the outer label merged down over its rows (no rule between them in its
    column), "I alt" merged across both label columns, ending the groups."""
    xs = [50.0, 150.0, 260.0, 330.0]
    ys = [100.0 + 14 * i for i in range(7)]
    words = words_at(55, 103, "Køn") + words_at(155, 103, "Alder") + right_at(325, 103, "Antal")
    cells = [
        ("Kvinder", "0-17 år", "120"),
        ("", "18-64 år", "340"),
        ("Mænd", "0-17 år", "110"),
        ("", "18-64 år", "300"),
    ]
    for r, (outer, inner, value) in enumerate(cells, start=1):
        y = 103 + 14 * r
        words += (words_at(55, y, outer) if outer else []) + words_at(155, y, inner)
        words += right_at(325, y, value)
    words += words_at(55, 103 + 14 * 5, "I alt") + right_at(325, 103 + 14 * 5, "870")
    rules = [hrule(y, xs[0], xs[-1]) for y in (ys[0], ys[1], ys[3], ys[5], ys[6])]
    rules += [hrule(ys[2], xs[1], xs[-1]), hrule(ys[4], xs[1], xs[-1])]  # merged down
    rules += [vrule(x, ys[0], ys[-1]) for x in (xs[0], xs[2], xs[3])]
    rules.append(vrule(xs[1], ys[0], ys[5]))  # "I alt" spans both label columns
    (table,) = detect(word_page(words, rules))
    assert table.stub_header == "Køn / Alder"
    assert labels(table) == ["Antal"]
    assert body(table) == [
        ("Kvinder", ""),
        ("0-17 år", "120"),
        ("18-64 år", "340"),
        ("Mænd", ""),
        ("0-17 år", "110"),
        ("18-64 år", "300"),
        ("I alt", "870"),
    ]


def test_a_text_column_of_distinct_descriptions_is_no_stub_column() -> None:
    """Row labels, then a column of descriptions that group nothing (every row its own), then
    values: the descriptions stay a column of the table, not label-only rows."""
    words = words_at(60, 100, "Projekt") + words_at(160, 100, "Placering")
    words += right_at(390, 100, "Meter")
    rows = [("Kongevejen", "Østside", "220"), ("Omfartsvej", "Begge sider", "555")]
    for i, (label, place, metres) in enumerate(rows, start=1):
        words += words_at(60, 100 + 12 * i, label) + words_at(160, 100 + 12 * i, place)
        words += right_at(390, 100 + 12 * i, metres)
    (table,) = detect(word_page(words))
    assert [row.label for row in table.rows] == ["Kongevejen", "Omfartsvej"]
    assert all(any(cell is not None for cell in row.cells) for row in table.rows)


def _one_value(rows: list[tuple[str, str, str]], top: float = 100.0) -> list[Word]:
    """Header "Måned | Ydelse | Antal", then rows (outer, inner, one value)."""
    words = words_at(60, top, "Måned") + words_at(160, top, "Ydelse") + right_at(330, top, "Antal")
    for i, (outer, inner, value) in enumerate(rows, start=1):
        y = top + 14 * i
        words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
        words += right_at(330, y, value)
    return words


ONE_VALUE = [
    ("Oktober 2024", "Uddannelseshjælp", "6"),
    ("", "Revalidering", "3"),
    ("", "Ressourceforløb", "3"),
    ("November 2024", "Uddannelseshjælp", "5"),
    ("", "Revalidering", "4"),
]


def test_rows_with_the_outer_column_blank_and_one_value_are_rows() -> None:
    """A row whose label stands in the inner stub column (the outer one blank "as above")
    and that has one value is a data row, the last one too."""
    (table,) = detect(word_page(_one_value(ONE_VALUE)))
    assert labels(table) == ["Antal"]
    assert body(table) == [
        ("Oktober 2024", ""),
        ("Uddannelseshjælp", "6"),
        ("Revalidering", "3"),
        ("Ressourceforløb", "3"),
        ("November 2024", ""),
        ("Uddannelseshjælp", "5"),
        ("Revalidering", "4"),
    ]


def test_an_outer_label_further_left_than_the_rows_above_continues_the_table() -> None:
    """The page starts with rows whose outer column is blank; a later row names a new group
    at the outer column, further left: the same table goes on."""
    rows = [("", "Revalidering", "3"), ("", "Ressourceforløb", "2"), *ONE_VALUE[3:]]
    words = [w for w in _one_value(rows) if w.bbox[1] > 100]  # no header: a continuation
    (table,) = detect(word_page(words))
    assert body(table) == [
        ("Revalidering", "3"),
        ("Ressourceforløb", "2"),
        ("November 2024", ""),
        ("Uddannelseshjælp", "5"),
        ("Revalidering", "4"),
    ]


def test_a_group_row_over_the_inner_column_under_the_header_starts_the_body() -> None:
    """The first row holds the outer label and a group label in the inner column, no value
    ("Hele landet | Stadfæstet"): it starts the body of two stub columns, not a second
    header row."""
    words = words_at(60, 100, "Kommune") + words_at(160, 100, "Lovområde")
    words += right_at(330, 100, "2024")
    words += words_at(60, 114, "Hele landet") + words_at(160, 114, "Stadfæstet")
    rows = [("Aktivloven", "3.970"), ("Pensionslove", "437"), ("Barnets lov", "2.010")]
    for i, (label, value) in enumerate(rows):
        words += words_at(160, 128 + 14 * i, label) + right_at(330, 128 + 14 * i, value)
    rules = [hrule(97, 55, 335), hrule(111, 55, 335)] + [vrule(x, 97, 180) for x in (55, 335)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert table.stub_header == "Kommune / Lovområde"
    assert body(table) == [("Hele landet", ""), ("Stadfæstet", ""), *rows]


def test_a_whole_row_indented_keeps_its_two_stub_columns() -> None:
    """The outer label repeated on every row ("Landstotal"), member rows indented as a whole
    (both labels set further right): the inner labels are a column of their own."""
    words = words_at(60, 100, "Område") + words_at(150, 100, "Bestemmelse")
    words += right_at(330, 100, "Antal")
    rows = [
        ("Landstotal", "Barnets lov", "2.010", 0.0),
        ("Landstotal", "Børn - Diverse", "28", 10.0),
    ]
    rows += [
        ("Landstotal", "Børn - Samvær", "277", 10.0),
        ("Landstotal", "Børn - Frist", "63", 10.0),
    ]
    for i, (outer, inner, value, indent) in enumerate(rows):
        y = 114 + 14 * i
        words += words_at(60 + indent, y, outer) + words_at(150 + indent, y, inner)
        words += right_at(330, y, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["Antal"]
    assert [r.label for r in table.rows if r.has_values] == [r[1] for r in rows]


def test_a_label_misread_as_numbers_under_a_sparse_outer_column_makes_no_column() -> None:
    """Rules between the rows; the outer stub column names its group on the first row only;
    one inner label's end is misread as numbers set apart ("Børn - samvær 8 71", OCR's "8"
    for "§"): the value columns still start where the first row's value does, so the long
    labels stay whole and "8 71" stays in its row's label."""
    rows = [
        ("Realitetsbeh. sager", "Biler - §§ 114 og 115", "4"),
        ("", "Boligindretning - § 116", "2"),
        ("", "Børn - andre bestemmelser", "-"),
        ("", "Børn - Børnefaglig undersøgelse - § 50", "1"),
        ("", "Børn - samvær", "2"),
        ("", "Børn - Forebyggende indsats - § 11", "-"),
        ("", "Hjemmehjælp - § 83", "4"),
    ]
    top = 100.0
    words = words_at(60, top, "Afgørelsestype") + words_at(160, top, "Bestemmelse")
    words += right_at(420, top, "2021")
    for i, (outer, inner, value) in enumerate(rows, start=1):
        y = top + 14 * i
        words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
        words += words_at(225, y, "8 71") if inner == "Børn - samvær" else []
        words += right_at(420, y, value)
    rules = [hrule(top - 3 + 14 * i, 55, 430) for i in range(len(rows) + 2)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2021"]
    assert [row.label for row in table.rows] == [
        "Realitetsbeh. sager",
        "Biler - §§ 114 og 115",
        "Boligindretning - § 116",
        "Børn - andre bestemmelser",
        "Børn - Børnefaglig undersøgelse - § 50",
        "Børn - samvær 8 71",
        "Børn - Forebyggende indsats - § 11",
        "Hjemmehjælp - § 83",
    ]
