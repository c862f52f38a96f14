"""Rows of unruled tables on synthetic pages: a label wrapped over several lines with its
values on the last line (set at the cell's bottom) or between its lines (in the middle),
and headers centred in their cells over values set flush right."""

from __future__ import annotations

from pdf_factory import (
    SIZE,
    body,
    centred_at,
    detect,
    hrule,
    labels,
    right_at,
    word_page,
    words_at,
)

from extract.model import Ruling, Word

LEAD = SIZE + 1.5  # line spacing inside a cell
PAD = 8.0  # space between rows


def _rows(rows: list[tuple[list[str], str, str]], at: str, columns: int = 2) -> list[Word]:
    """Rows of (label lines, two values; the first ``columns`` of them printed), the values
    on the label's last line ("bottom") or half-way down it ("middle")."""
    words = right_at(330, 80, "Antal") + (right_at(390, 80, "Pct.") if columns == 2 else [])
    top = 100.0
    for label, *values in rows:
        for j, text in enumerate(label):
            words += words_at(60, top + j * LEAD, text)
        y = top + (len(label) - 1) * LEAD * (1.0 if at == "bottom" else 0.5)
        for x, value in list(zip([330.0, 390.0], values, strict=True))[:columns]:
            words += right_at(x, y, value)
        top += len(label) * LEAD + PAD
    return words


ROWS = [
    (["Husvilde - § 80"], "2", "33"),
    (
        ["Magtanvendelse, voksne, indgreb i", "selvbestemmelsesretten, anbragte", "i boform"],
        "0",
        "0",
    ),
    (["Tabt arbejdsfortjeneste §§ 42,43 +", "tilbagebetaling"], "7", "71"),
    (["Voksne - genoptræning § 86"], "4", "67"),
]
JOINED = [(" ".join(label), *values) for label, *values in ROWS]


def test_label_wrapped_with_its_values_on_the_last_line() -> None:
    (table,) = detect(word_page(_rows(ROWS, "bottom")))
    assert body(table) == JOINED


def test_label_wrapped_round_its_value_in_the_middle() -> None:
    """One value column, the value half-way down a label of two lines: on a line of its
    own between them."""
    (table,) = detect(word_page(_rows(ROWS, "middle", columns=1)))
    assert body(table) == [(label, value) for label, value, _ in JOINED]


def test_headers_centred_in_their_cells_over_values_set_flush_right() -> None:
    """Each header centred in a cell whose values stand flush right, so the header stands
    left of its values, nearer the column before; "I alt" wrapped above and below."""
    heads = [("Stadfæstelse", 165.0), ("Ændringer", 257.0), ("Hjemv.", 341.0), ("I", 504.0)]
    words = words_at(60, 100, "Lov")
    for text, middle in heads:
        words += centred_at(middle, 100 if text != "I" else 95, text)
    words += centred_at(504, 105, "alt")
    rows = [("Aktivloven", "15", "2", "5", "25"), ("Servicelov", "51", "6", "17", "85")]
    for i, (label, *values) in enumerate(rows):
        words += words_at(60, 118 + 13 * i, label)
        for x, value in zip([211.0, 300.0, 377.0, 536.0], values, strict=True):
            words += right_at(x, 118 + 13 * i, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["Stadfæstelse", "Ændringer", "Hjemv.", "I alt"]
    assert body(table) == rows


def test_a_label_wrapped_to_a_number_stays_one_label() -> None:
    """A label whose second line is a paragraph number ("26") under its first, values on the
    first line: the number is the label's, not a row of its own."""
    words = right_at(330, 80, "Antal") + right_at(390, 80, "Pct.")
    rows = [("Barnets lov", "1258", "12"), ("Børn - Diverse - Barnets lov", "12", "3")]
    words += words_at(60, 100, rows[0][0]) + right_at(330, 100, "1258") + right_at(390, 100, "12")
    words += words_at(70, 114, "Børn - Børnefaglig undersøgelse - § 20, § 21 og §")
    words += words_at(70, 114 + LEAD, "26") + right_at(330, 114, "0") + right_at(390, 114, "0")
    words += words_at(70, 138, rows[1][0]) + right_at(330, 138, "12") + right_at(390, 138, "3")
    (table,) = detect(word_page(words))
    assert body(table) == [
        rows[0],
        ("Børn - Børnefaglig undersøgelse - § 20, § 21 og § 26", "0", "0"),
        rows[1],
    ]


def test_a_first_row_indented_under_a_group_label_with_its_values_in_the_middle() -> None:
    """Header, a group label at the margin, then indented rows whose labels wrap round their
    values: the header stays the header, the first row keeps its whole label."""
    words = right_at(330, 80, "Antal") + right_at(390, 80, "Pct.")
    words += words_at(50, 96, "Barnets lov")
    words += _rows_at(60, 112, [ROWS[2], ROWS[1], ROWS[3]])
    (table,) = detect(word_page(words))
    assert labels(table) == ["Antal", "Pct."]
    assert body(table) == [("Barnets lov", "", ""), JOINED[2], JOINED[1], JOINED[3]]


def _rows_at(x: float, top: float, rows: list[tuple[list[str], str, str]]) -> list[Word]:
    """Rows of (label lines, two values) from ``x``, the values half-way down the label."""
    words: list[Word] = []
    for label, *values in rows:
        for j, text in enumerate(label):
            words += words_at(x, top + j * LEAD, text)
        y = top + (len(label) - 1) * LEAD * 0.5
        words += right_at(330, y, values[0]) + right_at(390, y, values[1])
        top += len(label) * LEAD + PAD
    return words


def _ruled_rows(
    rows: list[tuple[str, list[str], str, str]], rights: tuple[float, float], inner: float
) -> tuple[list[Word], list[Ruling]]:
    """Body rows (outer label, label lines at ``inner``, two values on the label's last line)
    from y = 100, a rule above each row and under the last (a rule between all rows)."""
    words: list[Word] = []
    rules: list[Ruling] = []
    top = 100.0
    for outer, label, *values in rows:
        rules.append(hrule(top - PAD / 2, 55, 430))
        words += words_at(60, top, outer) if outer else []
        for j, text in enumerate(label):
            words += words_at(inner, top + j * LEAD, text)
        y = top + (len(label) - 1) * LEAD
        words += right_at(rights[0], y, values[0]) + right_at(rights[1], y, values[1])
        top += len(label) * LEAD + PAD
    rules.append(hrule(top - PAD / 2, 55, 430))
    return words, rules


def test_wrapped_label_line_longer_than_every_data_line_label_stays_in_the_stub() -> None:
    # ruled rows, the labels indented under a group label: the first line of a wrapped
    # label, beside no value, reaches further right than the labels of the data lines; the
    # stub's edge stands past it, not through its tail ("§ 9," is no part of the value)
    words = words_at(60, 80, "Paragraf") + right_at(340, 80, "Antal") + right_at(400, 80, "Pct.")
    rows = [
        ("Sygedagpengeloven", [], "", ""),
        ("", ["Fleksjob - § 116-141"], "60", "8"),
        ("", ["Bekendtgørelse om voksenansvar - § 4 og § 9,", "samt lovens § 11"], "8", "11"),
        ("", ["Revalidering - §§ 142-148"], "37", "7"),
    ]
    body_words, rules = _ruled_rows(rows[1:], (340, 400), 70)
    words += words_at(60, 88, rows[0][0]) + body_words
    (table,) = detect(word_page(words, [hrule(76, 55, 430), *rules]))
    assert body(table)[-3:] == [(" ".join(label), *values) for _, label, *values in rows[1:]]


def test_wrapped_label_line_in_an_inner_label_column_stays_in_it() -> None:
    # ruled rows with an inner label column ("Lov"); a law name's first line, beside no
    # value, reaches past the other laws' names: it stays in the label column
    words = words_at(60, 80, "Instans") + words_at(120, 80, "Lov")
    words += right_at(360, 80, "2019") + right_at(410, 80, "2020")
    law = ["Lov om højeste, mellemste, forhøjet almindelig", "og almindelig pension"]
    rows = [
        ("Landstotal", ["I alt"], "30 %", "30 %"),
        ("", ["Serviceloven"], "38 %", "39 %"),
        ("", law, "10 %", "14 %"),
        ("", ["Boligstøtteloven"], "29 %", "24 %"),
    ]
    body_words, rules = _ruled_rows(rows, (360, 410), 120)
    (table,) = detect(word_page(words + body_words, [hrule(76, 55, 430), *rules]))
    assert (" ".join(law), "10 %", "14 %") in body(table)


def test_group_heading_over_a_first_row_wrapped_round_its_value_keeps_the_header() -> None:
    # "2024" over "Område | Antal", then "Stadfæstet" (a heading, no value), then a first
    # row whose label wraps round its value (set on a line of its own between its lines)
    words = right_at(330, 70, "2024") + words_at(60, 80, "Område") + right_at(330, 80, "Antal")
    words += words_at(60, 96, "Stadfæstet")
    words += words_at(60, 111.4, "Lov om aktiv") + right_at(330, 117.1, "686")
    words += words_at(60, 122.8, "beskæftigelsesindsats")
    rows = [("Lov om aktiv socialpolitik", "3.970"), ("Lov om social pension", "437")]
    for i, (label, value) in enumerate(rows):
        words += words_at(60, 138.2 + 15.3 * i, label) + right_at(330, 138.2 + 15.3 * i, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["2024 Antal"]
    assert table.stub_header == "Område"
    assert body(table) == [
        ("Stadfæstet", ""),
        ("Lov om aktiv beskæftigelsesindsats", "686"),
        *rows,
    ]


def test_a_label_wrapped_over_lines_that_each_start_with_a_number_is_one_row() -> None:
    """Provisions indented under their law's row, one wrapped over three lines set
    bottom-aligned: "Børn - KSB - Frist - Ungestøtte - §" / "114, stk. 1, nr. 1, § 117, §§ 119
    - §" / "121" beside its values. Both lines starting with a number are the label's, so
    the next row's long label is no paragraph ending the table."""
    words = (
        words_at(60, 100, "Barnets Lov") + right_at(330, 100, "1.258") + right_at(390, 100, "341")
    )
    words += words_at(70, 114, "Børn - KSB - Diverse") + right_at(330, 114, "12")
    words += right_at(390, 114, "0")
    words += words_at(70, 128, "Børn - KSB - Frist - Ungestøtte - §")
    words += words_at(70, 137.6, "114, stk. 1, nr. 1, § 117, §§ 119 - §")
    words += words_at(70, 147.2, "121") + right_at(330, 147.2, "23") + right_at(390, 147.2, "27")
    words += words_at(70, 161.6, "Børn - KSB - Godtgørelse til")
    words += words_at(70, 171.2, "netværksplejefamilier - § 59")
    words += right_at(330, 171.2, "14") + right_at(390, 171.2, "3")
    last = "Børn - KSB - Godtgørelse til netværksplejefamilier - § 59"
    (table,) = detect(word_page(words))
    assert body(table) == [
        ("Barnets Lov", "1.258", "341"),
        ("Børn - KSB - Diverse", "12", "0"),
        (
            "Børn - KSB - Frist - Ungestøtte - § 114, stk. 1, nr. 1, § 117, §§ 119 - § 121",
            "23",
            "27",
        ),
        (last, "14", "3"),
    ]


def test_a_label_wrapped_round_its_values_with_a_tail_starting_with_a_dash() -> None:
    """Headers over a line of years ("2021" over each column, no label beside them), then
    labels wrapped round their values set in the middle: "Børn - Forhold under anbringelsen"
    / "- - - - -" / "- § 69, stk. 1". The years are header, not a first row; the tail
    starting with a dash is the label's."""
    raw = [
        ("REALITETSBEH.", 182.2, 133.9, 242.9),
        ("SAGER", 190.8, 142.3, 217.2),
        ("ALT", 219.6, 142.3, 234.3),
        ("STADFÆSTEDE", 250.9, 133.9, 309.5),
        ("SAGER", 267.0, 142.3, 293.4),
        ("ÆNDRING/OPHÆVELSE", 317.5, 138.1, 407.9),
        ("HJEMVISTE", 416.0, 138.1, 458.8),
        ("AFVISTE/HENVISTE", 466.8, 138.1, 541.2),
        ("BESTEMMELSE", 54.0, 144.6, 111.7),
    ]
    raw += [("2021", x, 155.4, x + 19.5) for x in (202.8, 270.5, 353.0, 427.6, 494.3)]
    rows = [
        ("Børn - Forhold under anbringelsen", "- § 69, stk. 1", ["-"] * 5),
        ("Pasning af nærtstående - §§", "118-122", ["-"] * 5),
        ("Voksne - selvudpeget hjælp - §§", "94-94b", ["1", "1", "-", "-", "-"]),
    ]
    top = 168.5
    for first, tail, values in rows:
        x = 54.0
        for token in first.split():
            raw.append((token, x, top, x + 3.3 * len(token)))
            x += 3.3 * len(token) + 2.2
        x = 54.0
        for token in tail.split():
            raw.append((token, x, top + 8.4, x + 3.3 * len(token)))
            x += 3.3 * len(token) + 2.2
        for right, value in zip((213.8, 281.5, 364.0, 438.6, 505.3), values, strict=True):
            raw.append((value, right - 3.5 * len(value), top + 4.2, right))
        top += 21.5
    words = [Word(t, (x0, y, x1, y + 7.0), font_size=7.0) for t, x0, y, x1 in raw]
    (table,) = detect(word_page(words))
    assert [row.label for row in table.rows] == [f"{first} {tail}" for first, tail, _ in rows]


def test_a_percent_sign_in_an_outer_label_column_is_label_text() -> None:
    """Two outer label columns ("Hele landet", then "Antal" / "%") left of the law areas: the
    "%" heading the second block of rows stays its label, not dropped as a speck of dirt."""
    words = (
        words_at(60, 100, "Udfald") + words_at(180, 100, "Lovområde") + right_at(400, 100, "2023")
    )
    rows = [("Hele landet", "Antal", "Serviceloven", "9 272"), ("", "", "Barnets lov", "3 996")]
    rows += [("", "%", "Serviceloven", "46"), ("", "", "Barnets lov", "20")]
    for i, (entity, aspect, law, value) in enumerate(rows):
        y = 115 + 14 * i
        words += words_at(60, y, entity) + words_at(130, y, aspect) + words_at(180, y, law)
        words += right_at(400, y, value)
    (table,) = detect(word_page(words))
    assert body(table) == [
        ("Hele landet Antal", ""),
        ("Serviceloven", "9 272"),
        ("Barnets lov", "3 996"),
        ("%", ""),
        ("Serviceloven", "46"),
        ("Barnets lov", "20"),
    ]


def test_every_label_wrapped_with_its_year_under_it_stays_one_row() -> None:
    """No two data lines follow each other: every label ("Pensionsloven" / "2022") wraps,
    its values on its first line, set as OCR sets word boxes (a gap of nearly half the type
    size inside a row, more than twice that between rows). The year line goes with the row above,
    not as a group heading over the next row."""
    words = right_at(330, 80, "Antal") + right_at(390, 80, "Pct.")
    top = 100.0
    rows = [("Pensionsloven", "2022", "673", "3 %"), ("Pensionsloven", "2023", "743", "3 %")]
    rows += [("Barnets Lov", "2022", "-", "-"), ("Barnets Lov", "2023", "3 996", "20 %")]
    for label, year, count, share in rows:
        words += words_at(60, top, label) + right_at(330, top, count) + right_at(390, top, share)
        words += words_at(60, top + SIZE + 4.0, year)
        top += 2 * SIZE + 4.0 + 10.0
    (table,) = detect(word_page(words))
    assert body(table) == [(f"{label} {year}", c, s) for label, year, c, s in rows]
