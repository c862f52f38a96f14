"""Ruled tables whose cells set their text at the top or the bottom, or round their values,
on synthetic pages: the unshaded rows past the last or before the first stripe, a header
band over an unruled body with indented rows, rows whose labels wrap round their values
under booktabs rules, and a caption as wide as the table's rules."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import (
    body,
    centred_at,
    detect,
    hrule,
    labels,
    right_at,
    sized_at,
    text_width,
    vrule,
    word_page,
    words_at,
)

from extract.model import Ruling, Word

X0, X1 = 50.0, 505.0


def _band(top: float, bottom: float) -> list[Ruling]:
    """The four edges of a shaded rectangle (what a fill gives as rulings)."""
    return [
        hrule(top, X0, X1),
        hrule(bottom, X0, X1),
        vrule(X0, top, bottom),
        vrule(X1, top, bottom),
    ]


def _stripes(
    top: float, rows: Sequence[tuple[str, str, str]], first_shaded: bool, at_top: bool
) -> tuple[list[Word], list[Ruling], float]:
    """Words and bands of zebra-striped rows of an outer stub column, a label column and one
    value column; a label holding " | " wraps there, its value on its first line
    (``at_top``) or its last. Also where the rows end."""
    words: list[Word] = []
    rules: list[Ruling] = []
    y = top
    for i, (outer, label, value) in enumerate(rows):
        parts = label.split(" | ")
        words += words_at(55, y + 4, outer)
        for k, part in enumerate(parts):
            words += words_at(140, y + 4 + 10 * k, part)
        words += right_at(500, y + 4 + (0 if at_top else 10 * (len(parts) - 1)), value)
        height = 6 + 10 * len(parts)
        if (i % 2 == 0) == first_shaded:
            rules += _band(y, y + height)
        y += height
    return words, rules, y


def _set(
    x: float, top: float, text: str, size: float = 7.5, right: bool = False, bold: bool = False
) -> list[Word]:
    """``sized_at`` in this file's type (7.5 point unless given)."""
    return sized_at(x, top, text, size, right, bold)


def _flat(rows: Sequence[tuple[str, str, str]]) -> list[tuple[str, str]]:
    return [(label.replace(" | ", " "), value) for _, label, value in rows]


TOP_ROWS = [
    ("Stadfæstelse", "Forældrepålæg - § 38", "1"),
    ("Stadfæstelse", "Frist - Ungestøtte - § | 114, stk. 1, nr. 1, § 117, §§ 119 - § | 121", "63"),
    ("Stadfæstelse", "Godtgørelse til netværksplejefamilier - § 59", "5"),
    ("Stadfæstelse", "Hjemgivelse og hjemgivelsesperiode - § 100 og § | 102", "33"),
    ("Stadfæstelse", "Afløsning og aflastning § | 90, jf. SEL § 84", "140"),
]


def test_rows_set_at_the_top_keep_their_unshaded_last_row() -> None:
    """Stripes under a shaded header band, each row's value on its label's first line and
    labels wrapping onto lines that start with numbers ("114, stk. 1, … - §" / "121"); the
    last row is unshaded, under the last stripe: it is the table's, and the numbers that
    end labels are label text, no column of values."""
    words = words_at(55, 103, "Udfald") + words_at(140, 103, "Bestemmelse")
    words += right_at(500, 103, "2024")
    rules = _band(100, 114)
    more, stripes, _ = _stripes(114, TOP_ROWS, first_shaded=False, at_top=True)
    (table,) = detect(word_page(words + more, rules + stripes))
    assert labels(table) == ["2024"]
    assert body(table) == [("Stadfæstelse", ""), *_flat(TOP_ROWS)]
    assert len(TOP_ROWS) % 2 == 1  # (the last row unshaded, as the first)


BOTTOM_ROWS = [
    (
        "Ændret",
        "Samvær - | støtteperson eller suspension - § | 103, stk. 2, jf. § 104, stk. 4",
        "1",
    ),
    ("Ændret", "Støttende indsatser og | anbringelse med samtykke - § 32", "32"),
    ("Ændret", "Valg af | anbringelsessted - § 52", "5"),
    ("Ændret", "Økonomisk hjælp - § | 35 og § 36", "2"),
]


def test_a_continued_page_starting_with_an_unshaded_row_set_at_the_bottom() -> None:
    """A table continued on the next page under "Tabel 1 (fortsat)", no header repeated,
    its first row unshaded over the first stripe, its label wrapped over three lines and
    its value on the last: the whole row goes on the table, not its first lines into the
    caption."""
    first = words_at(50, 80, "Tabel 1 Afgørelser efter bestemmelse")
    first += words_at(55, 103, "Udfald") + words_at(140, 103, "Bestemmelse")
    first += right_at(500, 103, "2024")
    rows = [("Ændret", "Forældrepålæg - § 38", "8"), ("Ændret", "Samvær - § 104", "40")]
    rows += [("Ændret", "Hjemgivelse - § 100", "3"), ("Ændret", "Diverse - Barnets lov", "7")]
    words, rules, _ = _stripes(114, rows, first_shaded=True, at_top=False)
    page_one = word_page(first + words, _band(100, 114) + rules)
    words, rules, _ = _stripes(100, BOTTOM_ROWS, first_shaded=False, at_top=False)
    page_two = word_page(words_at(50, 80, "Tabel 1 (fortsat)") + words, rules, number=2)
    (table,) = detect(page_one, page_two)
    assert table.pages == (1, 2)
    # (the outer column, filled on every row of this page, is read into the labels)
    got = [(label.removeprefix("Ændret "), value) for label, value in body(table)[-4:]]
    assert got == _flat(BOTTOM_ROWS)


def test_a_header_band_over_an_unruled_body_of_indented_rows() -> None:
    """Rules round the header only, its cells set in the middle ("2024" over "*1)" beside
    "Udfald | Paragraf"), then a group line ("Hjemvisning | Lov om aktiv socialpolitik")
    over rows indented under it, unruled: one table, the year and its mark its header."""
    words = right_at(500, 100, "2024") + words_at(55, 104, "Udfald")
    words += words_at(140, 104, "Paragraf") + right_at(500, 108, "*1)")
    words += words_at(55, 124, "Hjemvisning") + words_at(140, 124, "Lov om aktiv socialpolitik")
    rows = [("225 timers reglen - § 13 f", "2"), ("Diverse - Aktivloven", "1")]
    rows += [("Formue - §§ 14 og 15", "65"), ("Fradrag for indtægter - §§ 30-33", "39")]
    for i, (label, value) in enumerate(rows):
        words += words_at(150, 139 + 15 * i, label) + right_at(500, 139 + 15 * i, value)
    rules = [hrule(96, X0, X1), hrule(119, X0, X1)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024 *1)"]
    assert body(table)[-len(rows) :] == rows


def test_rows_wrapped_round_their_values_under_booktabs_rules() -> None:
    """Rules over and under the header and under the last row; each row's measure on its
    first line beside the first line of a second label ("Stadfæstede | Alle"), its values
    alone on the next line, the second label's rest under them ("lovområder"): one row
    each, the second label a stub column of its own, not the first value column's."""
    words = centred_at(330, 103, "2023") + centred_at(450, 103, "2024")
    rows = [("Stadfæstede", "13 504", "11 898"), ("Ændret/ophævet", "2 034", "1 472")]
    rows += [("Hjemvist", "3 659", "3 935"), ("Omgørelsesprocent", "30", "31")]
    y = 122.0
    for label, *values in rows:
        words += words_at(55, y, label) + words_at(200, y, "Alle")
        words += right_at(360, y + 6, values[0]) + right_at(480, y + 6, values[1])
        words += words_at(200, y + 12, "lovområder")
        y += 30
    rules = [hrule(96, X0, X1), hrule(116, X0, X1), hrule(y, X0, X1)]
    (table,) = detect(word_page(words, rules))
    assert labels(table)[-2:] == ["2023", "2024"]
    assert [row[-2:] for row in body(table)] == [tuple(r[1:]) for r in rows]
    assert all("lovområder" in " ".join(row[:-2]) for row in body(table))


def test_a_caption_as_wide_as_the_tables_rules_leaves_them_a_table() -> None:
    """A caption set exactly as wide as the table, its top rule right under it (as an
    underline would stand): with two more rules as wide below, the rule is the table's, so
    the header under it stays the table's header."""
    caption = "Tabel: Gennemsnitlig sagsbehandlings- og liggetid"
    x1 = X0 + text_width(caption)
    words = words_at(X0, 90, caption) + words_at(55, 106, "Hele landet")
    words += right_at(x1 - 70, 102, "2. kvt.") + right_at(x1 - 5, 102, "3. kvt.")
    words += right_at(x1 - 70, 111, "2016") + right_at(x1 - 5, 111, "2016")
    rows = [("Realitetsbehandlede", "19.197", "17.305"), ("Stadfæstede", "13.504", "11.898")]
    for i, (label, *values) in enumerate(rows):
        words += words_at(55, 128 + 15 * i, label)
        words += right_at(x1 - 70, 128 + 15 * i, values[0]) + right_at(
            x1 - 5, 128 + 15 * i, values[1]
        )
    rules = [hrule(y, X0, x1) for y in (100.5, 123, 160)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2. kvt. 2016", "3. kvt. 2016"]
    assert body(table) == rows


def test_a_shaded_header_band_over_an_unruled_body_is_its_header() -> None:
    """A shaded band holding only the header ("Bestemmelse | Stadfæstelse²", the value
    header set flush left in a wide cell, far from its numbers set flush right) right over
    rows set without rules: the band's text is the table's header, not its caption's."""
    words = words_at(50, 60, "Tabel 5.1: Realitetsbehandlede sager efter bestemmelse")
    words += words_at(55, 103, "Bestemmelse") + words_at(300, 103, "Stadfæstelse²")
    words += words_at(55, 118, "Barnets lov")
    rows = [("Børn - KSB - Diverse - Barnets lov", "28"), ("Børn - KSB - Samvær - § 104", "277")]
    rows += [("Børn - KSB - Valg af anbringelsessted - § 52", "37")]
    for i, (label, value) in enumerate(rows):
        words += words_at(65, 131 + 13 * i, label) + right_at(500, 131 + 13 * i, value)
    (table,) = detect(word_page(words, _band(100, 114)))
    assert labels(table) == ["Stadfæstelse²"]
    assert table.caption == "Tabel 5.1: Realitetsbehandlede sager efter bestemmelse"
    assert body(table) == [("Barnets lov", ""), *rows]


def test_a_header_band_over_a_group_heading_set_apart_from_its_rows() -> None:
    """A shaded band holding "BESTEMMELSE" beside "2023" over "H1" (centred far from the
    values set flush right), under it a group heading ("Realitetsbeh. sager alt") set a
    little apart from its rows: the band is the header (the period the rows are counted
    in), the heading the first row."""
    words = _set(70, 340, "Ankestatistik fordelt på paragraffer i serviceloven", 9.5)
    words += _set(401, 377.7, "2023") + _set(75, 382.2, "BESTEMMELSE")
    words += _set(405.7, 386.7, "H1") + _set(75, 403.5, "Realitetsbeh. sager alt")
    rows = [("Børn - andre bestemmelser", "-"), ("Børn - Børnefaglig undersøgelse - § 50", "1")]
    rows += [("Børn - forældrebetaling §159", "7"), ("Forbrugsgoder - § 113", "-")]
    for i, (label, value) in enumerate(rows):
        y = 420.2 + 16.7 * i
        words += _set(75, y, label) + _set(520.3, y, value, right=True)
    (table,) = detect(word_page(words, _band(372.4, 398.1)))
    assert labels(table) == ["2023 H1"]
    assert body(table) == [("Realitetsbeh. sager alt", ""), *rows]


def test_a_tall_header_between_the_top_rule_and_rules_between_rows() -> None:
    """A narrow value column headed over six lines ("Hele / landet / i alt" over "Omgør /
    elsesp / rocent", beside "Lovområde"), between the table's top rule and the rules
    between its rows: the header is the table's, not a title over it."""
    words = _set(55, 230, "Forslag til beslutning:", 9.5)
    for k, part in enumerate(("Hele", "landet", "i alt")):
        words += _set(181, 254.8 + 8.4 * k, part, right=True)
    words += _set(55, 279.6, "Lovområde")
    for k, part in enumerate(("Omgør", "elsesp", "rocent")):
        words += _set(181, 287.7 + 8.4 * k, part, right=True)
    rows = [("LAB", "27"), ("LAS", "23"), ("Lov om social pension", "15"), ("Servicelov", "39")]
    rules = [hrule(249.6, X0, 187.0), hrule(315.4, X0, 187.0)]
    for i, (label, value) in enumerate(rows):
        y = 320.7 + 16.7 * i
        words += _set(55, y, label) + _set(183, y, value, right=True)
        rules.append(hrule(y + 11.5, X0, 187.0))
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Hele landet i alt Omgør elsesp rocent"]
    assert body(table) == rows


def test_rules_round_a_header_over_two_group_headings_and_unruled_rows() -> None:
    """A period header between two rules ("jul.-dec. 2025 (1) *" flush right), under them
    two group headings ("Stadfæstelse", larger, over "Barnets lov") and rows set without
    rules: the period heads the rows, the headings are the first rows."""
    words = _set(57, 80, "Tabel 4.3: Realitetsbehandlede sager efter bestemmelse", 9.5)
    words += _set(420, 99, "jul.-dec. 2025 (1) *")
    words += _set(57, 116, "Stadfæstelse", 10.5) + _set(57, 131, "Barnets lov", 9.5)
    rows = [("Børn - KSB - Diverse - Barnets lov", "28"), ("Børn - KSB - Samvær - § 104", "277")]
    rows += [("Børn - KSB - Valg af anbringelsessted - § 52", "37")]
    for i, (label, value) in enumerate(rows):
        y = 147 + 13 * i
        words += _set(57, y, label, 8.5) + _set(538, y, value, 8.5, right=True)
    (table,) = detect(word_page(words, [hrule(95, 57, 538), hrule(109, 57, 538)]))
    assert labels(table) == ["jul.-dec. 2025 (1) *"]
    assert body(table) == [("Stadfæstelse", ""), ("Barnets lov", ""), *rows]


def _stubbed(top: float, rows: Sequence[tuple[str, str, str]], pitch: float = 20.0) -> list[Word]:
    """Rows of an outer label at 43, an inner label at 164 (" | " wraps it, the value set
    on its middle line) and a value flush right at 448."""
    words: list[Word] = []
    y = top
    for outer, label, value in rows:
        parts = label.split(" | ")
        words += _set(43, y, outer, 9.5)
        for k, part in enumerate(parts):
            words += _set(164, y + 11.4 * k, part, 9.5)
        words += _set(448, y + 11.4 * ((len(parts) - 1) // 2), value, 9.5, right=True)
        y += pitch + 11.4 * (len(parts) - 1)
    return words


WRAPPED_ROWS = [
    (
        "Stadfæstet",
        "Magtanvendelse, voksne, indgreb i | selvbestemmelsesretten, anbragte"
        " | v/strafferetlig afg.. -",
        "–",
    ),
    ("Stadfæstet", "Magtanvendelse, voksne, tilbageholdelse - | § 127", "–"),
    ("Stadfæstet", "Merudgiftydelse §41 + tilbagebetaling", "5"),
    ("Stadfæstet", "Pasning af nærtstående - §§ 118-122", "–"),
    ("Stadfæstet", "Tabt arbejdsfortjeneste §§ 42,43", "5"),
]


def test_a_page_starting_with_a_row_wrapped_round_its_value_in_an_inner_column() -> None:
    """A shaded header band ("201-" / "9Q3" beside "Udfald | Bestemmelse"), then rows of
    an outer and an inner label, the first rows' inner labels wrapped over two or three
    lines round a value ("–") set on the middle one: every row is the table's, the first
    ones whole."""
    words = _set(421.5, 77.8, "201-", 9.5, bold=True) + _set(43, 83.5, "Udfald", 9.5, bold=True)
    words += _set(164, 83.5, "Bestemmelse", 9.5, bold=True)
    words += _set(422.8, 89.2, "9Q3", 9.5, bold=True)
    words += _stubbed(108.5, WRAPPED_ROWS)
    (table,) = detect(word_page(words, [*_band_at(72, 102.7, 40, 448)]))
    assert labels(table) == ["201- 9Q3"]
    # (the outer column's one repeated value heads the rows as their group)
    assert body(table) == [("Stadfæstet", ""), *_flat(WRAPPED_ROWS)]


def _band_at(top: float, bottom: float, x0: float, x1: float) -> list[Ruling]:
    return [
        hrule(top, x0, x1),
        hrule(bottom, x0, x1),
        vrule(x0, top, bottom),
        vrule(x1, top, bottom),
    ]


def test_a_year_alone_at_the_margin_heads_the_rows_under_it() -> None:
    """A page going on with a row of the inner label column ("Andre Love | 3"), then a year
    alone out at the margin ("2024") over rows of an outer and an inner label: the year is
    a group row of the one table, not a title over a new one."""
    words = _set(138.3, 76.4, "Andre Love", 7.8) + _set(344, 76.4, "3", 7.8, right=True)
    words += _set(74, 91.4, "2024", 7.8, bold=True)
    rows = [("Aktiv beskæftigelsesindsats", "985"), ("Lov om aktiv socialpolitik", "5 894")]
    rows += [("Pensionslove", "574"), ("Serviceloven (SEL)", "3 908")]
    words += _set(74, 106.5, "Antal sager", 7.8)
    for i, (label, value) in enumerate(rows):
        y = 106.5 + 15 * i
        words += _set(138.3, y, label, 7.8) + _set(346, y, value, 7.8, right=True)
    (table,) = detect(word_page(words))
    got = body(table)
    assert got[0][-1] == "3" and got[0][0].endswith("Andre Love")
    assert ("2024", "") in [(row[0], row[-1]) for row in got]
    assert [row[-1] for row in got[-len(rows) :]] == [value for _, value in rows]


def _boxed(items: Sequence[tuple[str, float, float, float]], size: float, bold: bool) -> list[Word]:
    """Words at the boxes given as (text, x0, top, x1)."""
    return [Word(t, (a, top, b, top + size), font_size=size, bold=bold) for t, a, top, b in items]


BAND_HEADER = [
    ("realitetsbehandlede", 569.9, 397.6, 628.2),
    ("hjemv.", 475.6, 406.0, 496.0),
    ("ændrede/ophævede", 504.0, 406.0, 561.9),
    ("sager", 591.1, 406.0, 607.0),
    ("andel", 642.5, 406.0, 658.8),
    ("andel", 675.5, 406.0, 691.9),
    ("paragraf", 108.5, 410.1, 135.4),
    ("stadfæstelse", 431.8, 410.2, 467.6),
    ("omgørelsesprocent", 702.4, 410.2, 758.4),
    ("*", 484.0, 414.3, 487.5),
    ("sager1)", 522.1, 414.3, 543.8),
    ("i", 598.1, 414.3, 600.1),
    ("hjemviste", 636.2, 414.4, 665.0),
    ("ændret", 673.0, 414.4, 694.4),
    ("alt", 595.2, 422.8, 603.0),
]


def test_a_header_set_in_the_middle_of_its_band_whose_last_line_reads_as_a_row() -> None:
    """Rules over and under a header whose cells are set in the middle of the band, one
    stacked over four lines ("realitetsbehandlede / sager / i / alt"), its last line alone
    low in the band, then rows without rules: that line is header too, and the band's
    lines head the columns."""
    words = _boxed(BAND_HEADER, 7.0, bold=True)
    rights = (467.6, 496.0, 561.9, 628.2, 665.0, 694.4, 758.4)
    rows = [("Barnets lov", "2 010", "1 258", "341", "3 609", "35 %", "9 %", "44 %")]
    rows += [("Børn - KSB - Diverse - Barnets lov", "28", "12", "0", "40", "30 %", "0 %", "30 %")]
    rows += [("Børn - KSB - Forebyggende indsats", "33", "3", "1", "37", "8 %", "3 %", "11 %")]
    for i, (label, *values) in enumerate(rows):
        y = 439.2 + 17.1 * i
        words += _set(108.5, y, label, 8.0)
        for x, value in zip(rights, values, strict=True):
            words += _set(x, y, value, 8.0, right=True)
    (table,) = detect(word_page(words, [hrule(391.7, X0, 762), hrule(433.0, X0, 762)]))
    assert labels(table)[3] == "realitetsbehandlede sager i alt"
    assert labels(table)[-1] == "omgørelsesprocent"
    assert body(table) == rows


def test_a_tall_header_between_three_single_rules() -> None:
    """Three rules only: over a header of three levels ("HELE / LANDET / I / ALT" over
    "2022 | 2023" over "ANTAL | PROCENT" twice), under it, and under the rows: the header
    heads the rows under the second rule."""
    words = _set(75, 371.3, "SAGSEMNE")
    for k, part in enumerate(("HELE", "LANDET", "I", "ALT")):
        words += _set(384.7 - 2.0 * len(part), 340.7 + 10.2 * k, part)
    words += _set(304.9, 387.3, "2022") + _set(445.5, 387.3, "2023")
    for x, text in ((261.6, "ANTAL"), (325.5, "PROCENT"), (402.2, "ANTAL"), (466.2, "PROCENT")):
        words += _set(x, 403.4, text)
    rows = [("Lov om aktiv beskæftigelsesindsats", "1 278", "6 %", "1 192", "6 %")]
    rows += [("Aktivlov", "4 659", "23 %", "5 788", "27 %"), ("PL", "673", "3 %", "743", "3 %")]
    rows += [("Servicelov", "9 272", "46 %", "8 669", "41 %"), ("Barnets lov", "–", "–", "–", "–")]
    rows += [("Sygedagpenge", "3 496", "17 %", "3 971", "19 %")]
    rows += [("Lov om almene boliger", "278", "1 %", "250", "1 %")]
    rows += [("Andre Love", "362", "2 %", "569", "3 %")]
    rows += [("Afgjorte sager i alt", "20 148", "100 %", "21 319", "100 %")]
    for i, (label, *values) in enumerate(rows):
        y = 419.5 + 16.1 * i
        words += _set(75, y, label)
        for right, value in zip((303.0, 379.7, 443.6, 520.3), values, strict=True):
            words += _set(right, y, value, right=True)
    rules = [hrule(y, 70, 525) for y in (335.8, 414.5, 565.0)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == [
        f"HELE LANDET I ALT / {year} / {part}"
        for year in ("2022", "2023")
        for part in ("ANTAL", "PROCENT")
    ]
    assert body(table) == rows


def test_a_stub_header_beside_the_year_of_a_tall_header_is_header_text() -> None:
    """A header between a table's top rule and the rule under it, its value column's text
    set over five lines ("2." / "HALVÅR" / "2018" / "OMGJORT," / "PCT."), the stub header
    "SAGSEMNE" beside its year: all header, the half year heading the values."""
    words = _set(512.5, 370.4, "2.", 9.0) + _set(497.5, 381.3, "HALVÅR", 9.0)
    words += _set(123, 392.0, "SAGSEMNE", 9.0) + _set(506.3, 392.0, "2018", 9.0)
    words += _set(492.3, 408.6, "OMGJORT,", 9.0) + _set(506.0, 419.6, "PCT.", 9.0)
    rows = [
        ("Fanø", "Aktivlov", "32 %"),
        ("", "Sygedagpenge", "20 %"),
        ("", "Lov om social service", "31 %"),
    ]
    rows += [("Landstotal", "Aktivlov", "29 %"), ("", "Sygedagpenge", "18 %")]
    for k, (outer, label, value) in enumerate(rows):
        y = 436.3 + 17.0 * k
        words += (_set(55, y, outer, 9.5) if outer else []) + _set(123, y, label, 9.5)
        words += _set(540, y, value, 9.5, right=True)
    rules = [hrule(y, 50, 545) for y in (365.4, 431.2, 530.0)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2. HALVÅR 2018 OMGJORT, PCT."]
