"""Column headers on synthetic pages: header rows become header levels, group headers span
their columns, wrapped header text is one level, padding columns are left out, a corner
naming the columns heads their paths, and values with text around them still make a body."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import (
    body,
    centred_at,
    detect,
    hrule,
    labels,
    right_at,
    vrule,
    word_page,
    words_at,
)

from extract.model import PageContent, Ruling, Word

DB = ["58 – 63 dB", "63 – 68 dB", "68 – 73 dB", "Over 73 dB"]
ROWS = [("Nord", "5.828", "3.334", "873", "65"), ("Syd", "4.944", "2.326", "1.249", "239")]


def _body_words(top: float, rights: Sequence[float], rows: Sequence[tuple[str, ...]]) -> list[Word]:
    out: list[Word] = []
    for i, (label, *values) in enumerate(rows):
        out += words_at(60, top + 12 * i, label)
        for x, value in zip(rights, values, strict=True):
            out += right_at(x, top + 12 * i, value)
    return out


def test_unruled_group_header_centred_over_its_columns_heads_each_path() -> None:
    rights = [250.0, 310.0, 370.0, 430.0]
    words = centred_at(327.0, 100, "Støjbelastning", bold=True)
    words += words_at(60, 112, "Område", bold=True)
    for x, head in zip(rights, DB, strict=True):
        words += right_at(x, 112, head, bold=True)
    (table,) = detect(word_page(words + _body_words(126, rights, ROWS)))
    assert labels(table) == [f"Støjbelastning / {head}" for head in DB]
    assert table.stub_header == "Område"
    assert body(table) == ROWS  # "58 – 63 dB" is a header, not a row of values


def test_three_header_rows_make_three_levels() -> None:
    rights = [250.0, 300.0, 370.0, 420.0]
    words = centred_at(330, 100, "Afgjorte sager")
    words += centred_at(270, 112, "2023") + centred_at(390, 112, "2024")
    for x, head in zip(rights, ["Antal", "Pct.", "Antal", "Pct."], strict=True):
        words += right_at(x, 124, head)
    rows = [("Serviceloven", "120", "30,0", "125", "31,0"), ("I alt", "200", "40,2", "207", "42,0")]
    (table,) = detect(word_page(words + _body_words(138, rights, rows)))
    assert labels(table) == [
        "Afgjorte sager / 2023 / Antal",
        "Afgjorte sager / 2023 / Pct.",
        "Afgjorte sager / 2024 / Antal",
        "Afgjorte sager / 2024 / Pct.",
    ]
    assert body(table) == rows


def test_header_wrapped_over_three_lines_in_one_column_is_one_level() -> None:
    rights = [260.0, 330.0, 400.0]
    heads = [["Afgjorte", "sager", "i alt"], ["Heraf", "omgjorte"], ["Omgørelses-", "procent"]]
    words: list[Word] = []
    for x, lines in zip(rights, heads, strict=True):
        for j, text in enumerate(lines):
            words += right_at(x, 100 + 10 * j, text)
    rows = [("Serviceloven", "120", "30", "25,0"), ("I alt", "200", "40", "20,0")]
    (table,) = detect(word_page(words + _body_words(134, rights, rows)))
    assert labels(table) == ["Afgjorte sager i alt", "Heraf omgjorte", "Omgørelses- procent"]


def _lattice(xs: list[float], ys: list[float], open_slots: set[tuple[int, int]]) -> list[Ruling]:
    """Rules of a full grid over ``xs`` x ``ys``; a vertical rule is left out beside the slots
    (row, column edge index) in ``open_slots`` (a merged cell)."""
    rules = [hrule(y, xs[0], xs[-1]) for y in ys]
    for i, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (r, i) not in open_slots:
                rules.append(vrule(x, ys[r], ys[r + 1]))
    return rules


def test_ruled_upper_header_cell_spanning_its_columns_heads_each_path() -> None:
    xs = [50.0, 150.0, 210.0, 270.0, 330.0, 390.0]
    ys = [100.0, 114.0, 128.0, 142.0, 156.0]
    words = words_at(55, 108, "Område", bold=True)
    words += centred_at(270, 103, "Støjbelastning", bold=True)
    for i, head in enumerate(DB):
        words += centred_at((xs[i + 1] + xs[i + 2]) / 2, 117, head.replace(" dB", ""), True)
    words += _body_words(131, [x - 4 for x in xs[2:]], [(r[0], *r[1:]) for r in ROWS])
    # the corner spans both header rows, the upper header all four columns
    rules = [
        r for r in _lattice(xs, ys, {(0, 2), (0, 3), (0, 4)}) if r.top != 114.0 or not r.horizontal
    ]
    rules.append(hrule(114.0, 150.0, 390.0))
    (table,) = detect(word_page(words, rules))
    assert table.stub_header == "Område"
    assert labels(table) == [f"Støjbelastning / {h.replace(' dB', '')}" for h in DB]
    assert body(table) == ROWS


def test_booktabs_group_headers_read_line_by_line() -> None:
    rights = [206.0, 266.0, 326.0, 386.0]
    words = centred_at(270, 103, "Afgjorte sager")
    words += centred_at(210, 115, "2023") + centred_at(330, 115, "2024")
    for x, head in zip(rights, ["Antal", "Pct.", "Antal", "Pct."], strict=True):
        words += right_at(x, 127, head)
    words += _body_words(143, rights, ROWS)
    rules = [hrule(98, 50, 390), hrule(138, 50, 390), hrule(170, 50, 390)]
    (table,) = detect(word_page(words, rules))
    assert table.detector == "ruled"
    assert labels(table) == [
        "Afgjorte sager / 2023 / Antal",
        "Afgjorte sager / 2023 / Pct.",
        "Afgjorte sager / 2024 / Antal",
        "Afgjorte sager / 2024 / Pct.",
    ]


def test_bold_corner_over_bold_row_headings_names_the_columns() -> None:
    """A Word table: the corner "Støjbelastning" over the row headings "Boliger",
    "Personer" (bold like the header), the values plain: the corner is the columns' upper
    level, as a reader reads "Støjbelastning: 58 – 63 dB"."""
    xs = [57.0, 136.0, 194.0, 251.0, 308.0, 366.0]
    ys = [700.0, 742.0, 756.0, 770.0]
    words = words_at(62, 717, "Støjbelastning", bold=True)
    for i, head in enumerate(DB):
        words += centred_at((xs[i + 1] + xs[i + 2]) / 2, 711, head.replace(" dB", ""), True)
        words += centred_at((xs[i + 1] + xs[i + 2]) / 2, 724, "dB", True)
    for r, (label, *values) in enumerate([("Boliger", *ROWS[0][1:]), ("Personer", *ROWS[1][1:])]):
        words += words_at(62, 745 + 14 * r, label, bold=True)
        for i, value in enumerate(values):
            words += centred_at((xs[i + 1] + xs[i + 2]) / 2, 745 + 14 * r, value)
    (table,) = detect(word_page(words, _lattice(xs, ys, set())))
    assert labels(table) == [f"Støjbelastning / {head}" for head in DB]
    assert table.stub_header == ""
    assert [row.label for row in table.rows] == ["Boliger", "Personer"]


def test_plain_corner_over_plain_row_labels_stays_the_stub_header() -> None:
    ys = [100.0, 114.0, 128.0, 142.0]
    words = words_at(62, 103, "Indsatsområde", bold=True)
    words += centred_at(230, 103, "Pris", True) + centred_at(290, 103, "Meter", True)
    for r, (label, a, b) in enumerate([("Kongevejen", "2,2", "220"), ("Omfartsvej", "5,6", "555")]):
        words += words_at(62, 117 + 14 * r, label)
        words += centred_at(230, 117 + 14 * r, a) + centred_at(290, 117 + 14 * r, b)
    (table,) = detect(word_page(words, _lattice([57.0, 200.0, 260.0, 320.0], ys, set())))
    assert table.stub_header == "Indsatsområde"
    assert labels(table) == ["Pris", "Meter"]


def test_no_empty_padding_columns() -> None:
    """Rules drawn around a header cell's inner shading add column edges that hold
    nothing: the table keeps its printed columns only."""
    xs = [50.0, 150.0, 210.0, 270.0]
    ys = [100.0, 114.0, 128.0, 142.0]
    rules = _lattice(xs, ys, set())
    rules += [vrule(155.0, 100.0, 114.0), vrule(205.0, 100.0, 114.0)]  # inner edges, header
    words = words_at(55, 103, "Lov") + centred_at(180, 103, "Antal") + centred_at(240, 103, "Pct.")
    words += _body_words(117, [200.0, 260.0], [("Serviceloven", "12", "15"), ("Pension", "3", "4")])
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Antal", "Pct."]
    assert body(table) == [("Serviceloven", "12", "15"), ("Pension", "3", "4")]


def test_amounts_with_text_around_them_and_a_merged_total_row() -> None:
    """A ruled two-column table whose values are amounts in words ("Ca. 18.500.000 kr"), its
    header in bold, its total row one merged cell ("Samlet pris 30.530.000,00 kr.")."""
    xs = [60.0, 286.0, 506.0]
    ys = [216.0 + 13.5 * i for i in range(6)]
    words = words_at(65, 219, "Støjtiltag", bold=True) + words_at(291, 219, "Pris", bold=True)
    items = [
        ("Støjvolde", "Ca. 18.500.000 kr"),
        ("Støjkassetter", "Ca. 930.000 kr inkl. PTA."),
        ("Længdeprofil", "Ca. 4.500.000,00 kr. inkl. PTA."),
    ]
    for r, (label, price) in enumerate(items):
        words += words_at(65, 232.5 + 13.5 * r, label) + words_at(291, 232.5 + 13.5 * r, price)
    words += right_at(500, 273, "Samlet pris 30.530.000,00 kr.", bold=True)
    rules = _lattice(xs, ys, {(4, 1)})
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Pris"]
    assert body(table) == [*items, ("Samlet pris", "30.530.000,00 kr.")]


def test_header_wrapped_beside_the_stub_headers_stays_header() -> None:
    """A value column's header "1. halvår 2021" set on three lines, the stub headers of two
    stub columns on its middle line: the three lines are the header, not group rows."""
    words = centred_at(330, 100, "1.") + words_at(60, 110, "Type") + words_at(160, 110, "Lov")
    words += centred_at(330, 110, "halvår") + centred_at(330, 120, "2021")
    rows = [
        ("Stadfæstet", "Serviceloven", "12"),
        ("", "Pension", "3"),
        ("Hjemvist", "Pension", "4"),
    ]
    for i, (outer, inner, value) in enumerate(rows):
        y = 136 + 14 * i
        words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
        words += right_at(340, y, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["1. halvår 2021"]
    assert table.stub_header == "Type / Lov"
    assert body(table) == [
        ("Stadfæstet", ""),
        ("Serviceloven", "12"),
        ("Pension", "3"),
        ("Hjemvist", ""),
        ("Pension", "4"),
    ]


def test_a_year_beside_the_stub_header_over_counts_is_the_header() -> None:
    """ "Lovområde | 2020" over rows of counts: the year heads its column (it is no value of
    a row "Lovområde"), unruled and with a rule under the header."""
    words = words_at(60, 100, "Lovområde", bold=True) + right_at(250, 100, "2020", bold=True)
    rows = [("Aktivloven", "15"), ("Pensionslove", "7"), ("Servicelov", "51")]
    words += _body_words(114, [250.0], rows)
    for rules in ([], [hrule(111, 55, 255)]):
        (table,) = detect(word_page(words, rules))
        assert labels(table) == ["2020"]
        assert table.stub_header == "Lovområde"
        assert body(table) == rows


def test_a_group_row_running_across_the_value_column_starts_the_body() -> None:
    """A ruled table whose group row "Stadf." is one cell across the stub and the value
    column (no rule between them on its row): a body row, not a second header level."""
    xs = [50.0, 250.0, 300.0]
    ys = [100.0 + 14 * i for i in range(5)]
    rules = [hrule(y, xs[0], xs[-1]) for y in ys] + [vrule(x, ys[0], ys[-1]) for x in (50, 300)]
    rules += [vrule(250, ys[0], ys[1]), vrule(250, ys[2], ys[-1])]
    words = words_at(55, 103, "Lovområde") + right_at(296, 103, "2024")
    words += words_at(55, 117, "Stadf.", bold=True)
    words += _body_words(131, [296.0], [("Boligstøtte", "30"), ("Indskudslån", "24")])
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert body(table) == [("Stadf.", ""), ("Boligstøtte", "30"), ("Indskudslån", "24")]


def test_a_group_label_between_the_header_and_the_first_row_keeps_the_header() -> None:
    """ "Realitetsbehandlede" alone on its line, in bold, between the header and the rows
    (a row apart from each): the header over the values is still the table's header."""
    words = words_at(60, 100, "Paragraf", bold=True) + right_at(300, 100, "Antal", bold=True)
    words += words_at(60, 118, "Realitetsbehandlede", bold=True)
    rows = [("Biler - §§ 114 og 115", "4"), ("Boligindretning - § 116", "2")]
    words += _body_words(136, [300.0], rows)
    (table,) = detect(word_page(words))
    assert labels(table) == ["Antal"]
    assert body(table) == [("Realitetsbehandlede", ""), *rows]


def test_a_header_set_half_a_line_lower_beside_wrapped_headers() -> None:
    """ "Hjemv." set in the middle of a header whose neighbours wrap over two lines, over a
    second header row: the wrapped texts stay whole and each heads its own column only."""
    words = centred_at(175, 100, "Stadfæstede") + centred_at(265, 100, "Ændrede/ophævede")
    words += centred_at(345, 106, "Hjemv.")
    words += centred_at(175, 112, "sager") + centred_at(265, 112, "sager")
    for x in (175.0, 265.0, 345.0):
        words += centred_at(x, 130, "2018")
    words += _body_words(138, [200.0, 300.0, 360.0], [("Hovedtotal", "77", "9", "25")])
    words += _body_words(150, [200.0, 300.0, 360.0], [("Aktivlov", "15", "2", "5")])
    rules = [hrule(96, 55, 365), hrule(134, 55, 365), hrule(162, 55, 365)]
    for found in (detect(word_page(words)), detect(word_page(words, rules))):
        (table,) = found
        assert labels(table) == [
            "Stadfæstede sager 2018",
            "Ændrede/ophævede sager 2018",
            "Hjemv. 2018",
        ]


def test_a_group_header_wrapped_above_its_sub_headers() -> None:
    """Unruled, "ændret/ophævet" with "2024" under it, over "antal | procent" two lines
    further down (a neighbour's header wraps over three lines): the group header with its
    wrapped text heads both its columns, not the neighbour's."""
    words = centred_at(330, 100, "ændret/ophævet") + centred_at(330, 110, "2024")
    words += right_at(310, 130, "antal") + right_at(370, 130, "procent")
    words += right_at(440, 100, "Realitets-") + right_at(440, 110, "behand-")
    words += right_at(440, 120, "lede")
    rows = [("Serviceloven", "150", "5", "3287"), ("Pension", "12", "7", "409")]
    words += _body_words(146, [310.0, 370.0, 440.0], rows)
    (table,) = detect(word_page(words))
    assert labels(table) == [
        "ændret/ophævet 2024 / antal",
        "ændret/ophævet 2024 / procent",
        "Realitets- behand- lede",
    ]
    assert body(table) == rows


def test_headers_broken_inside_words_set_close_together_stay_apart() -> None:
    """Beside a group header, "realitetsb-" / "ehandlet" and "omgørel-" / "sesproc-" /
    "ent" set close together under booktabs rules: a word broken at its end goes on on
    the next line, so the two are no header phrase over both columns."""
    words = centred_at(330, 100, "hjemvist") + right_at(310, 110, "antal")
    words += right_at(370, 110, "procent")
    words += centred_at(420, 100, "realitetsb-") + centred_at(420, 110, "ehandlet")
    words += centred_at(469.25, 100, "omgørel-") + centred_at(469.25, 110, "sesproc-")
    words += centred_at(469.25, 120, "ent")
    rows = [("Serviceloven", "150", "5", "3287", "46"), ("Pension", "12", "7", "409", "19")]
    words += _body_words(140, [310.0, 370.0, 445.0, 490.0], rows)
    rules = [hrule(95, 55, 495), hrule(131, 55, 495), hrule(165, 55, 495)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == [
        "hjemvist / antal",
        "hjemvist / procent",
        "realitetsb- ehandlet",
        "omgørel- sesproc- ent",
    ]
    assert body(table) == rows


def test_a_year_over_counts_beside_two_stub_headers_and_a_count_like_a_year() -> None:
    """ "Kommune | Paragraf | 2024" over counts, one of which is 2010 (a count, on a law row
    under a group row): the year heads the column; the count is a value."""
    words = words_at(60, 100, "Kommune") + words_at(140, 100, "Paragraf")
    words += right_at(330, 100, "2024")
    rows = [("Hele landet", "Stadf.", ""), ("Hele landet", "Barnets lov", "2010")]
    rows += [("Hele landet", "Børn - Diverse", "28"), ("Hele landet", "Børn - Samvær", "277")]
    for i, (outer, inner, value) in enumerate(rows):
        y = 116 + 14 * i
        words += words_at(60, y, outer) + words_at(140, y, inner)
        words += right_at(330, y, value) if value else []
    rules = [hrule(97 + 14 * i + (2 if i else 0), 55, 335) for i in range(6)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert table.stub_header == "Kommune / Paragraf"
    assert [r for r in body(table) if r[1]] == [
        ("Barnets lov", "2010"),
        ("Børn - Diverse", "28"),
        ("Børn - Samvær", "277"),
    ]


def test_headers_centred_in_wide_cells_left_of_values_set_flush_right() -> None:
    """A landscape table in 6.5 pt: wide columns, each header centred in its cell and its
    values set flush right, so the header stands nearer the gap before its values than over
    them; group headers "ANTAL" and "%" over two periods each, a shaded header band, a rule
    under every row: every period heads its own column."""

    def word(x0: float, top: float, x1: float, text: str) -> Word:
        return Word(text, (x0, top, x1, top + 6.5), font_size=6.5)

    words = [word(426, 256, 448, "ANTAL"), word(671, 256, 676, "%")]
    words.append(word(52, 266, 95, "LOVOMRÅDE"))
    periods = [(362.0, "JUL.-DEC.", "2023"), (480.0, "JAN.-JUN.", "2024")]
    for x0, period, year in [*periods, *((x + 237.0, p, y) for x, p, y in periods)]:
        words += [word(x0, 266, x0 + 32, period), word(x0 + 9, 275, x0 + 23, year)]
    rows = [("Aktivlov", "5788", "5894", "27", "30"), ("Pensionsloven", "743", "574", "3", "3")]
    rows += [("Serviceloven", "8669", "3908", "41", "20")]
    for i, (label, *values) in enumerate(rows):
        top = 287.0 + 12 * i
        words.append(word(52, top, 52 + 3.4 * len(label), label))
        for right, value in zip([434.0, 553.0, 671.0, 789.0], values, strict=True):
            words.append(word(right - 3.6 * len(value), top, right, value))
    rules = [hrule(254, 50, 792), hrule(284, 50, 792), vrule(50, 254, 284), vrule(792, 254, 284)]
    rules += [hrule(296 + 12 * i, 50, 792) for i in range(3)]
    (table,) = detect(PageContent(1, 842.0, 595.0, tuple(words), tuple(rules)))
    assert table.detector == "ruled"
    assert labels(table) == [
        "ANTAL / JUL.-DEC. 2023",
        "ANTAL / JAN.-JUN. 2024",
        "% / JUL.-DEC. 2023",
        "% / JAN.-JUN. 2024",
    ]
    assert body(table) == rows


def test_single_headers_set_lower_beside_group_headers_head_their_own_column() -> None:
    """A year over the whole header, "hjemvist" and "ændret/ophævet" over "antal | procent"
    and "antal | andel", and single headers set lower (in the middle of the header), each
    centred over its wide column: each single header heads its own column only."""

    def word(x0: float, top: float, x1: float, text: str) -> Word:
        return Word(text, (x0, top, x1, top + 7.0), font_size=7.0)

    words = [word(352, 622, 368, "2024"), word(74, 639, 106, "sagsemne")]
    words += [word(264, 639, 293, "hjemvist"), word(317, 639, 373, "ændret/ophævet")]
    words += [word(200, 648, 241, "stadfæstelse"), word(384, 648, 446, "realitetsbehandlet")]
    words += [word(456, 648, 520, "omgørelsesprocent")]
    words += [word(251, 657, 269, "antal"), word(279, 657, 305, "procent")]
    words += [word(319, 657, 336, "antal"), word(352, 657, 371, "andel")]
    rows = [("Aktivloven", "3.970", "670", "13", "476", "9", "5.116", "22")]
    rows += [("Formue - §§ 14 og 15", "128", "65", "29", "31", "14", "224", "43")]
    rights = [242.0, 270.0, 307.0, 340.0, 375.0, 447.0, 521.0]
    for i, (label, *values) in enumerate(rows):
        top = 674.0 + 17 * i
        words.append(word(74, top, 74 + 3.5 * len(label), label))
        for right, value in zip(rights, values, strict=True):
            words.append(word(right - 3.6 * len(value), top, right, value))
    (table,) = detect(word_page(words))
    assert labels(table) == [
        "2024 / stadfæstelse",
        "2024 / hjemvist / antal",
        "2024 / hjemvist / procent",
        "2024 / ændret/ophævet / antal",
        "2024 / ændret/ophævet / andel",
        "2024 / realitetsbehandlet",
        "2024 / omgørelsesprocent",
    ]
    assert body(table) == rows


def test_a_period_header_broken_over_three_lines_beside_the_stub_header() -> None:
    """ "1." / "halvår" / "2025" over one value column, the stub header "Paragraf" on the
    middle line: the three lines are one header, "1." no row of its own."""
    words = centred_at(300, 100, "1.") + words_at(60, 110, "Paragraf")
    words += centred_at(300, 110, "halvår") + centred_at(300, 120, "2025")
    rows = [("Biler - §§ 114 og 115", "4"), ("Boligindretning - § 116", "2")]
    rows += [("Hjemmehjælp - § 83", "7")]
    words += _body_words(138, [315.0], rows)
    (table,) = detect(word_page(words))
    assert labels(table) == ["1. halvår 2025"]
    assert table.stub_header == "Paragraf"
    assert body(table) == rows


def test_header_wrapped_word_by_word_in_one_column_heads_no_group() -> None:
    # "Andel" / "i" / "pct." centred in one column, the last line alone on its line over a
    # line of sub-headers: wrapped text of that column, not a group header over all of them
    middles = [290.0, 350.0, 430.0]
    words = centred_at(350, 100, "Andel") + centred_at(430, 100, "Realitetsbehandlede")
    words += centred_at(290, 109, "Antal") + centred_at(350, 109, "i")
    words += centred_at(350, 118, "pct.")
    for x in middles:
        words += centred_at(x, 134, "Landstotal")
    rows = [("Serviceloven", "5", "8%", "59"), ("Barnets lov", "54", "36%", "151")]
    for i, (label, *values) in enumerate(rows):
        words += words_at(60, 150 + 12 * i, label)
        words += [
            w for x, v in zip(middles, values, strict=True) for w in centred_at(x, 150 + 12 * i, v)
        ]
    (table,) = detect(word_page(words))
    assert [label.replace(" / ", " ") for label in labels(table)] == [
        "Antal Landstotal",
        "Andel i pct. Landstotal",
        "Realitetsbehandlede Landstotal",
    ]
    assert body(table) == rows


def test_group_header_wrapped_over_two_lines_heads_its_group_once() -> None:
    # "Ændrede" / "sager" centred over "Antal | %", single-line headers beside its last line
    rights = [250.0, 310.0, 350.0, 420.0]
    words = centred_at(318.75, 100, "Ændrede") + centred_at(318.75, 109, "sager")
    words += right_at(250, 113, "Stadfæstet") + right_at(420, 113, "I alt")
    words += right_at(310, 124, "Antal") + right_at(350, 124, "%")
    rows = [
        ("Sygedagpengeloven", "2526", "345", "11", "3227"),
        ("Serviceloven", "205", "15", "6", "242"),
    ]
    (table,) = detect(word_page(words + _body_words(138, rights, rows)))
    assert labels(table) == ["Stadfæstet", "Ændrede sager / Antal", "Ændrede sager / %", "I alt"]
    assert body(table) == rows


def test_stub_header_wrapped_round_the_value_headers_is_one_stub_header() -> None:
    # "lov om" / "social" / "service" centred on the line of value headers: the stub header,
    # its last line no group row of the body; "Herning" under it a row apart is a group row
    rights = [250.0, 330.0]
    words = (
        words_at(60, 100, "lov om") + words_at(60, 109.5, "social") + words_at(60, 119, "service")
    )
    words += right_at(250, 109.5, "Realitetsbehandlede") + right_at(330, 109.5, "Stadfæstelse")
    words += words_at(60, 136, "Herning")
    rows = [("2020", "74", "51"), ("2021", "52", "33")]
    (table,) = detect(word_page(words + _body_words(150, rights, rows)))
    assert table.stub_header == "lov om social service"
    assert labels(table) == ["Realitetsbehandlede", "Stadfæstelse"]
    assert body(table) == [("Herning", "", ""), *rows]


def test_period_header_of_two_words_a_wide_space_apart_stays_whole() -> None:
    # "H1   2023" over each column (two chunks, the first left of the values under them), the
    # years making the header line look like a row of values: each column keeps both words
    middles = [430.0, 475.0, 520.0]
    heads = [("H1", "2023"), ("H2", "2023"), ("H1", "2024")]
    words = words_at(60, 100, "Omg.-pct.")
    for m, (half, year) in zip(middles, heads, strict=True):
        words += words_at(m - 18, 100, half) + words_at(m - 3, 100, year)
    rows = [
        ("Sager i alt", "30", "30", "31"),
        ("LAB", "25", "27", "22"),
        ("Pension", "12", "15", "14"),
    ]
    for i, (label, *values) in enumerate(rows):
        words += words_at(60, 116 + 12 * i, label)
        words += [
            w
            for m, v in zip(middles, values, strict=True)
            for w in centred_at(m - 1.5, 116 + 12 * i, v)
        ]
    (table,) = detect(word_page(words))
    assert labels(table) == ["H1 2023", "H2 2023", "H1 2024"]
    assert table.stub_header == "Omg.-pct."
    assert body(table) == rows


def test_header_set_flush_left_over_values_set_flush_right_is_the_header() -> None:
    # "LOVOMRÅDE | UDFALD | 2024K1" each flush left in its column, the values flush right in
    # a wide column (the period ends well left of them): still the header, not a title
    words = words_at(60, 84, "Realitetsbehandlede sager efter lovområde på landsplan", bold=True)
    words += (
        words_at(60, 100, "LOVOMRÅDE") + words_at(253, 100, "UDFALD") + words_at(440, 100, "2024K1")
    )
    rows = [("Aktivloven", "Stadfæstet", "3 970 sager"), ("", "Hjemvist", "670 sager")]
    rows += [("Pensionslove", "Stadfæstet", "437 sager"), ("", "Hjemvist", "54 sager")]
    for i, (law, outcome, value) in enumerate(rows):
        y = 116 + 14 * i
        words += (words_at(60, y, law) if law else []) + words_at(253, y, outcome)
        words += right_at(536, y, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["2024K1"]
    assert table.title == "Realitetsbehandlede sager efter lovområde på landsplan"


def _month_table() -> PageContent:
    """Years spanning months ("2020" over "dec", "2021" over "jan | feb"), each header set
    flush left in its column, booktabs rules, and label-only group headings in the body
    reaching under the first column's header text."""
    rights = [262.0, 392.0, 522.0]
    words = words_at(190, 100, "2020") + words_at(385, 100, "2021")
    words += words_at(192, 114, "dec") + words_at(323, 114, "jan") + words_at(453, 114, "feb")
    top = 130.0
    for heading, values in [
        ("Realitetsbehandlede sager i alt", ("66", "74", "52")),
        ("Stadfæstede sager", ("40", "51", "33")),
        ("Omgørelse i procent", ("37,9 %", "31,1 %", "36,5 %")),
    ]:
        words += words_at(73, top, heading) + words_at(73, top + 14, "Servicelov")
        for x, value in zip(rights, values, strict=True):
            words += right_at(x, top + 14, value)
        top += 30
    return word_page(words, [hrule(96, 70, 525), hrule(126, 70, 525), hrule(top, 70, 525)])


def test_label_only_body_rows_reaching_under_the_first_header_leave_it_its_column() -> None:
    # the longest row label stands alone on its line (a group heading under the header's
    # rule): it sets no stub width, so the first column keeps "2020" / "dec" and the stub
    # header stays empty
    (table,) = detect(_month_table())
    assert table.stub_header == ""
    assert [" ".join(path) for path in table.column_headers] == [
        "2020 dec",
        "2021 jan",
        "2021 feb",
    ]
    assert body(table)[1] == ("Servicelov", "66", "74", "52")


def test_headers_set_flush_right_with_their_values_under_a_period_set_off_centre() -> None:
    """Five measures between two rules, each header set flush right with its column's
    values as the numbers are, one header wider than the gap to its left
    ("Realitetsbehandlet" reaching back towards the stub), "Antal" / "stadfæstede*²" wrapped
    with the lower line set half a line down, and the period over them all set off centre,
    overlapping two headers: each header heads the column it is flush with."""

    def word(x0: float, top: float, x1: float, text: str) -> Word:
        return Word(text, (x0, top, x1, top + 7.5), font_size=7.5)

    def label(top: float, text: str) -> list[Word]:
        out, x = [], 60.0
        for token in text.split():
            out.append(word(x, top, x + 3.6 * len(token), token))
            x += 3.6 * len(token) + 2.0
        return out

    words = [word(360.9, 337.4, 383.7, "2019H1"), word(60.0, 348.0, 92.5, "Sagsemne")]
    words += [word(332.9, 350.8, 349.1, "Antal"), word(255.7, 354.7, 313.5, "Realitetsbehandlet")]
    words += [word(368.5, 354.7, 420.1, "Ændret/ophævet"), word(426.1, 354.7, 464.8, "Hjemvisning")]
    words += [word(470.8, 354.7, 488.8, "Afvist"), word(319.5, 358.6, 362.5, "stadfæstede*²")]
    rows = [("Biler - §§ 114 og 115", "4", "2", "-", "2", "1")]
    rows += [("Hjemmehjælp - § 83", "4", "1", "-", "3", "-")]
    rows += [("Tabt arbejdsfortjeneste §§ 42,43", "7", "5", "-", "2", "1")]
    for i, (text, *values) in enumerate(rows):
        top = 372.3 + 14.7 * i
        words += label(top, text)
        for right, value in zip([313.5, 362.5, 420.1, 464.8, 488.8], values, strict=True):
            words.append(word(right - 4.2 * len(value), top, right, value))
    rules = (hrule(334, 57, 492), hrule(368, 57, 492))
    (table,) = detect(PageContent(1, 842.0, 595.0, tuple(words), rules))
    assert labels(table) == [
        "2019H1 / Realitetsbehandlet",
        "2019H1 / Antal stadfæstede*²",
        "2019H1 / Ændret/ophævet",
        "2019H1 / Hjemvisning",
        "2019H1 / Afvist",
    ]
    assert body(table) == rows


def test_headers_of_neighbouring_columns_set_close_each_wrapped_head_no_group() -> None:
    """A boxed header band over two value columns, the table ruled at its sides:
    "Ændrede/ophævede" and "Omgørelsesprocent" a wide word space apart, each wrapped onto a
    line of its own centred under it ("sager", "*"), the year over both: two columns, not
    one group header over them."""

    def word(x0: float, top: float, x1: float, text: str, size: float = 9.0) -> Word:
        return Word(text, (x0, top, x1, top + size), font_size=size, bold=True)

    words = [word(690.1, 76.0, 710.1, "2024")]
    words += [
        word(611.0, 90.8, 697.9, "Ændrede/ophævede"),
        word(703.9, 90.6, 788.9, "Omgørelsesprocent"),
    ]
    words += [word(642.6, 101.6, 666.7, "sager"), word(744.6, 101.4, 748.1, "*")]
    words += [word(53.0, 116.5, 74.1, "Hele", 10.0), word(76.9, 116.5, 106.4, "landet", 10.0)]
    rows = [("I alt", "1.472", "31%"), ("Andre Love", "39", "23%"), ("Barnets lov", "341", "44%")]
    for i, (label, count, share) in enumerate(rows):
        top = 132.5 + 16.0 * i
        x = 53.0
        for token in label.split():
            words.append(word(x, top, x + 5.0 * len(token), token, 10.0))
            x += 5.0 * len(token) + 2.8
        words += [word(697.9 - 5.0 * len(count), top, 697.9, count, 10.0)]
        words += [word(788.9 - 5.0 * len(share), top, 788.9, share, 10.0)]
    rules = [hrule(72, 50, 792), hrule(112.2, 50, 792), vrule(50, 72, 200), vrule(792, 72, 200)]
    (table,) = detect(PageContent(1, 842.0, 595.0, tuple(words), tuple(rules)))
    assert labels(table) == ["2024 / Ændrede/ophævede sager", "2024 / Omgørelsesprocent *"]
    assert body(table) == [("Hele landet", "", ""), *rows]


def test_years_beside_the_stub_header_over_values_set_flush_right_are_header() -> None:
    """Month headers centred in wide cells (50.7 pt apart), the first three wrapped
    ("december" / "2022"), the others on one line set half a line lower, the stub header
    "Ydelse" on the line of the wrapped years, "Antal" under each, the values flush right at
    the cells' right edges (under no year): the years' line is header, not a first row
    labelled "Ydelse"."""

    def word(x0: float, top: float, text: str, width: float = 0.0) -> Word:
        width = width or 3.7 * len(text)
        return Word(text, (x0, top, x0 + width, top + 7.0), font_size=7.0)

    months = ["december", "januar", "februar", "marts", "april", "maj", "juni", "juli"]
    words = [word(51.9, 344.2, "Ydelse")]
    for k, month in enumerate(months):
        middle = 164.8 + 50.7 * k
        year = "2022" if k == 0 else "2023"
        if k < 3:
            words += [word(middle - 1.85 * len(month), 333.0, month)]
            words += [word(middle - 9.75, 341.4, year, 19.5)]
        else:
            x0 = middle - (3.7 * len(month) + 2.4 + 19.5) / 2
            words += [word(x0, 337.2, month), word(x0 + 3.7 * len(month) + 2.4, 337.2, year, 19.5)]
        words += [word(middle - 10.4, 355.5, "Antal", 20.8)]
    words += [word(52.0, 369.6, "Assens"), word(82.1, 369.6, "Kommune")]
    rows = [("A-dagpenge", "47", "51", "58", "58", "47", "43", "42", "44")]
    rows += [("Kontanthjælp", "9", "9", "7", "7", "7", "6", "7", "6")]
    rows += [("Uddannelseshjælp", "5", "5", "5", "5", "3", "3", "3", "3")]
    rows += [("Sygedagpenge", "90", "91", "90", "87", "75", "67", "76", "68")]
    for i, (label, *values) in enumerate(rows):
        top = 383.7 + 14.1 * i
        words.append(word(52.0, top, label))
        for k, value in enumerate(values):
            right = 188.2 + 50.7 * k
            words.append(word(right - 4.45 * len(value), top, value, 4.45 * len(value)))
    (table,) = detect(word_page(words))
    assert labels(table) == [f"{m} {2022 if k == 0 else 2023} Antal" for k, m in enumerate(months)]
    assert table.stub_header == "Ydelse"
    assert body(table) == [("Assens Kommune", *[""] * 8), *rows]


def test_stub_headers_over_an_outer_column_blank_in_the_body_stay_header() -> None:
    """A page of a table going on from the page before: the period over the value column
    ("okt.-dec." / "2025", marks under it), the stub headers "Kommune | Lovområde/bestemmelse"
    with the Kommune column blank in the body ("as above"), a measure and a law group row,
    provisions whose wrapped labels end in a number set where labels start ("… - §" / "59"):
    all of the header is header, the stub headers included."""
    words = words_at(375, 64.7, "okt.-dec.") + words_at(385, 75.5, "2025")
    words += words_at(53, 80.9, "Kommune") + words_at(127.4, 80.9, "Lovområde/bestemmelse")
    words += words_at(395, 86.3, "¹") + words_at(390, 97.1, "(1)")
    words += words_at(127.4, 113.8, "Ændring/Ophævelse") + words_at(127.4, 130.5, "Barnets lov")
    top = 147.2
    rows = [("Børn - KSB - Diverse - Barnets lov", "-"), ("Børn - KSB - Samvær - § 104", "40")]
    rows += [("Børn - KSB - Forebyggende indsats - § 31 og § 81", "1")]
    for label, value in rows:
        words += words_at(127.4, top, label) + right_at(400, top, value)
        top += 16.7
    words += words_at(127.4, top, "Børn - KSB - Godtgørelse til netværksplejefamilier - §")
    words += right_at(400, top + 5.4, "3") + words_at(127.4, top + 10.8, "59")
    words += words_at(127.4, top + 27.5, "Børn - KSB - Valg af anbringelsessted - § 52")
    words += right_at(400, top + 27.5, "5")
    rules = [hrule(60, 50, 423), hrule(109, 50, 423)]
    (table,) = detect(PageContent(1, 595.0, 842.0, tuple(words), tuple(rules)))
    assert labels(table) == ["okt.-dec. 2025 ¹ (1)"]
    assert table.stub_header == "Kommune Lovområde/bestemmelse"
    assert table.title is None
    assert body(table)[-2:] == [
        ("Børn - KSB - Godtgørelse til netværksplejefamilier - § 59", "3"),
        ("Børn - KSB - Valg af anbringelsessted - § 52", "5"),
    ]


def test_a_value_header_set_flush_left_in_a_wide_cell_over_values_set_flush_right() -> None:
    """ "Halvår" over the first label column, "Antal borgere" set flush left in the wide value
    cell (far left of its values, set flush right), a paragraph's gap over the first row:
    still the header, not a title over the table."""
    words = words_at(70, 76.8, "Solrød") + words_at(72.5, 95.5, "Halvår")
    words += words_at(364.9, 95.5, "Antal borgere")
    rows = [("A-dagpenge", "29"), ("Kontanthjælp", "4"), ("Sygedagpenge", "63")]
    top = 111.8
    for period in ("jan.-jun. 2019", "jul.-dec. 2019"):
        words += words_at(72.5, top, period)
        for label, value in rows:
            words += words_at(147.7, top, label) + right_at(522.8, top, value)
            top += 16.4
    (table,) = detect(word_page(words))
    assert labels(table) == ["Antal borgere"]
    assert table.stub_header == "Halvår"
    assert table.title == "Solrød"


def test_a_header_flush_left_in_a_wide_cell_over_a_group_heading_is_header() -> None:
    """ "YDELSE | ANTAL PERSONER" (the value header set flush left in its wide cell, its
    values flush right) over a period's group heading and the benefits under it: the line
    is the header, the period a group row of the body."""
    words = words_at(61, 444.7, "YDELSE") + words_at(354.7, 444.7, "ANTAL PERSONER")
    words += words_at(61, 460.4, "1. kvartal 2020")
    rows = [("A-dagpenge", "29"), ("Uddannelseshjælp", "6"), ("Sygedagpenge", "60")]
    for i, (label, value) in enumerate(rows):
        words += words_at(61, 476.1 + 15.7 * i, label) + right_at(534.8, 476.1 + 15.7 * i, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["ANTAL PERSONER"]
    assert table.stub_header == "YDELSE"
    assert body(table) == [("1. kvartal 2020", ""), *rows]


def test_a_group_heading_longer_than_the_row_labels_under_the_header_is_no_value_header() -> None:
    """ "Sagsemne | 2020H1" (the period flush left in a wide cell), then "Antal stadfæstede",
    a measure's group heading longer than the short row labels under it: the heading is a
    row of the body, not part of the period's header."""
    words = words_at(74, 318.1, "Sagsemne") + words_at(317.7, 318.1, "2020H1")
    words += words_at(74, 332.2, "Antal stadfæstede")
    rows = [("Total", "77 sager"), ("aktivlov", "15 sager"), ("Pension", "9 sager")]
    for i, (label, value) in enumerate(rows):
        words += words_at(74, 346.2 + 14.1 * i, label) + right_at(521.3, 346.2 + 14.1 * i, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["2020H1"]
    assert body(table) == [("Antal stadfæstede", ""), *rows]


def test_a_stub_header_between_header_lines_over_an_outer_column_blank_on_the_page() -> None:
    """A table going on over a page break, its header repeated: "2021" / "Afgørelsestype"
    (the outer stub column's header, alone on its line) / "H1 ²". On the second page the
    outer column is blank in every row: the three lines are still its header, and the page
    joins the first."""

    def word(x0: float, top: float, text: str, size: float = 7.5) -> Word:
        return Word(text, (x0, top, x0 + 0.5 * size * len(text), top + size), font_size=size)

    def header(top: float) -> list[Word]:
        return [word(528.3, top, "2021", 6.5), word(52.5, top + 3.9, "Afgørelsestype", 6.5)]

    def marks(top: float) -> list[Word]:
        return [word(529.4, top + 7.8, "H1", 6.5), word(537.0, top + 7.8, "²", 6.5)]

    def row(top: float, label: str, value: str, outer: str = "") -> list[Word]:
        words = [word(52.5, top, w) for w in outer.split()[:1]]
        x = 180.9
        for token in label.split():
            words.append(word(x, top, token))
            x += 3.75 * len(token) + 2.0
        return [*words, word(545.0 - 3.75 * len(value), top, value)]

    first = header(588.0) + marks(588.0)
    first += row(611.5, "Biler - §§ 114 og 115", "4", "Realitetsbehandlede")
    first += row(628.3, "Boligindretning - § 116", "2") + row(645.0, "Husvilde - § 80", "-")
    second = header(65.3) + marks(65.3)
    second += row(88.8, "Hjemmehjælp - § 83", "4") + row(105.5, "Hjælpemidler - § 112", "7")
    second += row(122.3, "Forbrugsgoder - § 113", "-")
    (table,) = detect(word_page(first, number=1), word_page(second, number=2))
    assert table.pages == (1, 2)
    assert labels(table) == ["2021 H1 ²"]
    assert [row.label for row in table.rows if row.page == 2] == [
        "Hjemmehjælp - § 83",
        "Hjælpemidler - § 112",
        "Forbrugsgoder - § 113",
    ]


def test_group_headers_of_unequal_groups_part_where_each_is_centred() -> None:
    """Three header levels over nine columns, set centred: "2017" over three columns and
    "2018" over six (the half-way point between the two words falls in the fourth), "H2" |
    "H1" | "H2" over three each; under them three-line headers ("Realitetsbeh-" / "andlede"
    / "sager i alt") set a little higher than the two-line ones beside them, all centred in
    their band. Each column's path is its own year and half."""
    extents = [(90.0 + 48 * k, 130.0 + 48 * k) for k in range(9)]
    middles = [(a + b) / 2 for a, b in extents]
    words = centred_at((extents[0][0] + extents[2][1]) / 2, 100, "2017")
    words += centred_at((extents[3][0] + extents[8][1]) / 2, 100, "2018")
    for k, half in enumerate(["H2", "H1", "H2"]):
        words += centred_at((extents[3 * k][0] + extents[3 * k + 2][1]) / 2, 116, half)
    words += words_at(20, 128, "Kommune")
    for k in range(3):
        for j, line in enumerate(["Real.", "beh.", "i alt"]):
            words += centred_at(middles[3 * k], 128 + 10 * j, line)
        for c, lines in ((1, ["Stadf.", "pct."]), (2, ["Omg.", "pct."])):
            for j, line in enumerate(lines):
                words += centred_at(middles[3 * k + c], 133 + 10 * j, line)
    rows = [("Ikast", "66", "62,1", "37,9", "74", "68,9", "31,1", "52", "63,5", "36,5")]
    rows += [("Landet", "9301", "59,1", "40,9", "10.329", "63,8", "36,2", "8.280", "68,2", "31,8")]
    for i, (label, *values) in enumerate(rows):
        words += words_at(20, 175 + 12 * i, label)
        for (_, right), value in zip(extents, values, strict=True):
            words += right_at(right, 175 + 12 * i, value)
    (table,) = detect(word_page(words))
    periods = [" ".join(label.split(" / ")[:-1]) for label in labels(table)]
    assert periods == ["2017 H2"] * 3 + ["2018 H1"] * 3 + ["2018 H2"] * 3
    assert body(table) == rows


def test_a_year_centred_over_values_set_flush_right_far_from_it_heads_them() -> None:
    """A header of three staggered lines, its last "2021" centred in a wide cell short of
    the values set flush right under it, the first rows all dashes: the lines are the
    table's header, not a title over a headless table."""
    words = words_at(50, 80, "Tabel 1. Ankestatistik fordelt på paragraffer")
    words += centred_at(215, 100, "Realitetsbeh.") + centred_at(215, 110, "sager alt")
    words += words_at(50, 115, "Bestemmelse") + centred_at(330, 110, "Stadfæstelse")
    words += centred_at(215, 126, "2021") + centred_at(330, 120, "2021")  # each centred
    rows = [("Børn - andre bestemmelser", "–", "–"), ("Børn - samvær - § 71", "2", "2")]
    rows += [("Hjælpemidler - 112", "7", "6"), ("Voksne - § 97", "–", "–")]
    for i, (label, first, second) in enumerate(rows):
        y = 140 + 14 * i
        words += words_at(50, y, label) + right_at(260, y, first) + right_at(380, y, second)
    (table,) = detect(word_page(words))
    assert labels(table) == ["Realitetsbeh. sager alt 2021", "Stadfæstelse 2021"]
    assert body(table) == rows


def test_a_first_row_whose_count_looks_like_a_year_stays_a_row_under_its_header() -> None:
    """A header set in the middle of cells of unequal height ("stadfæstede" / "paragraf" /
    "sager": the value header centred in a wide cell, short of its flush-right values), then
    the first row "Barnets Lov | 2010", a count printed without a thousands separator: the
    header heads the table and "2010" is Barnets Lov's value, not the year of the column."""
    words = words_at(50, 70, "Tabel 4.1 Realitetsbehandlede sager fordelt på bestemmelse")
    words += centred_at(300, 90, "stadfæstede") + words_at(50, 96.5, "paragraf")
    words += centred_at(300, 103, "sager")
    rows = [("Barnets Lov", "2010"), ("Børn - KSB - Diverse - Barnets lov", "28")]
    rows += [
        ("Børn - KSB - Samvær - § 104", "277"),
        ("Børn - KSB - Valg af anbringelsessted", "37"),
    ]
    for i, (label, value) in enumerate(rows):
        words += words_at(50, 119 + 14 * i, label) + right_at(480, 119 + 14 * i, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["stadfæstede sager"]
    assert body(table) == rows
