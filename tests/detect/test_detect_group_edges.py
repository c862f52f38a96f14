"""Group headers and group rows at the edges of tables and pages, on synthetic pages: a
group header centred over its sub-headers and flush with one by chance, a header word
broken at its end beside another cell's header, a year heading in the top margin of a
continued page, a group heading over a table whose header ended the page before, and a
row wrapped round its value in an inner label column at a page's end; group headers beside
wide headers wrapped in their own columns, a header's last line over row values, and periods
stacked over three lines beside each other."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import body, detect, hrule, labels, sized_at, vrule, word_page

from extract.detect.header_groups import header_groups
from extract.detect.layout import TextLine, group_lines, make_line
from extract.detect.ruled_groups import group_headers
from extract.detect.whitespace_header import phrase_runs
from extract.detect.whitespace_rows import values_round
from extract.model import Ruling, Word


def _set(
    x: float, top: float, text: str, size: float = 8.0, right: bool = False, bold: bool = False
) -> list[Word]:
    """``sized_at`` in this file's type (8.0 point unless given)."""
    return sized_at(x, top, text, size, right, bold)


def _boxed(items: Sequence[tuple[str, float, float]], top: float, size: float) -> list[Word]:
    """Words at (text, x0, x1) on the line at ``top``."""
    return [Word(t, (a, top, b, top + size), font_size=size, bold=True) for t, a, b in items]


def test_a_group_header_flush_with_its_middle_sub_header_by_chance_heads_its_group() -> None:
    """ "Antal" and "Andel" each centred over three months ("november | december | januar",
    years under them), "Andel" set flush left with "december" by chance: it heads its
    three columns, not one column's text wrapped ("Andel december 2023")."""
    words = _boxed([("Antal", 322.3, 346.1), ("Andel", 457.7, 483.4)], 219.8, 8.0)
    months = [(268.4, 313.6), (319.2, 363.9), (370.1, 399.2), (405.6, 450.8), (456.4, 501.1)]
    months += [(506.4, 535.5)]
    names = ["november", "december", "januar"] * 2
    words += _boxed([(n, a, b) for n, (a, b) in zip(names, months, strict=True)], 231.3, 8.0)
    years = ["2023", "2023", "2024"] * 2
    words += _boxed([(y, b - 22.3, b) for y, (_, b) in zip(years, months, strict=True)], 242.8, 8.0)
    words += _set(59.5, 231.3, "Lovområde")
    rows = [("Lov om aktiv socialpolitik", "4 659", "5 788", "5 894", "23", "27", "30")]
    rows += [("Lov om social pension", "673", "743", "574", "3", "3", "3")]
    rows += [("Serviceloven", "9 272", "8 669", "3 908", "46", "41", "20")]
    for i, (label, *values) in enumerate(rows):
        y = 256.0 + 12.0 * i
        words += _set(59.5, y, label)
        for (_, right), value in zip(months, values, strict=True):
            words += _set(right, y, value, right=True)
    (table,) = detect(word_page(words, [hrule(y, 57, 538) for y in (216.4, 252.8, 300.0)]))
    assert labels(table) == [
        f"{group} / {month} {year}"
        for group in ("Antal", "Andel")
        for month, year in zip(names[:3], years[:3], strict=True)
    ]
    assert body(table) == rows


def test_a_word_broken_at_its_end_is_no_part_of_the_phrase_before_it() -> None:
    """ "ÆNDRET/OPHÆVET" and "REALI-" a word space apart on one header line: the broken
    word goes on under itself ("TETS- / BEH. I ALT"), so the two are no one phrase."""
    line = make_line(_set(373.3, 100, "ÆNDRET/OPHÆVET") + _set(434.5, 100, "REALI-"))
    assert len(line.chunks) == 2
    assert [[c.text for c in run] for run in phrase_runs(line.chunks)] == [
        ["ÆNDRET/OPHÆVET"],
        ["REALI-"],
    ]


def _outer_rows(top: float, rows: Sequence[tuple[str, str, str]]) -> list[Word]:
    """Rows of an outer label at 74 (blank when ""), an inner label at 138 and a value set
    flush right at 346, 15 points apart."""
    words: list[Word] = []
    for i, (outer, label, value) in enumerate(rows):
        y = top + 15 * i
        words += (_set(74, y, outer) if outer else []) + _set(138, y, label)
        words += _set(346, y, value, right=True)
    return words


FIRST_ROWS = [("Stadfæstet", "Børn - samvær - § 71", "2"), ("", "Husvilde - § 80", "0")]
FIRST_ROWS += [("", "Voksne - rehabilitering - § 83a", "1")]


def test_a_group_heading_in_the_top_margin_of_a_continued_page_heads_its_rows() -> None:
    """A table going on on the next page without its header, a group heading ("Ændr./oph.")
    set at the very top of that page, right over the rows: it heads them there."""
    rows = [(label, value) for _, label, value in FIRST_ROWS]
    one = _set(74, 100, "Afgørelser efter bestemmelse") + _set(74, 118, "Sagsemne")
    one += _set(346, 118, "3. kvt. 2021", right=True) + _set(74, 134, "Stadfæstet")
    two = _set(74, 50, "Ændr./oph.")
    for i, (label, value) in enumerate(rows):
        one += _set(74, 149 + 15 * i, label) + _set(346, 149 + 15 * i, value, right=True)
        two += _set(74, 66 + 15 * i, label) + _set(346, 66 + 15 * i, value, right=True)
    (table,) = detect(word_page(one, number=1), word_page(two, number=2))
    assert table.pages == (1, 2)
    assert body(table) == [("Stadfæstet", ""), *rows, ("Ændr./oph.", ""), *rows]


def test_a_year_heading_over_a_table_whose_header_ended_the_page_before() -> None:
    """A table's caption and header at the bottom of a page, its rows on the next under a
    year heading ("2022"): the header heads them, the year too."""
    one = _set(74, 700, "Tabel 4.2 Sager indbragt for domstolene")
    one += _set(74, 722, "Lovområde") + _set(300, 718, "Sager", right=True)
    one += _set(300, 726, "i alt", right=True) + _set(346, 722, "Pct.", right=True)
    two = _set(74, 80, "2022")
    rows = [("Alle lovområder", "13", "54 %"), ("Serviceloven", "7", "41 %")]
    for i, (label, count, share) in enumerate(rows):
        y = 95 + 15 * i
        two += (
            _set(74, y, label) + _set(300, y, count, right=True) + _set(346, y, share, right=True)
        )
    (table,) = detect(word_page(one, number=1), word_page(two, number=2))
    assert labels(table) == ["Sager i alt", "Pct."]
    assert body(table) == [("2022", "", ""), *rows]


def test_a_row_wrapped_round_its_value_in_an_inner_column_ends_a_page() -> None:
    """The last row of a page, in the inner label column (its outer one blank), its label
    wrapped over two lines round its value ("–") set between them: the table's last row."""
    words = (
        _set(74, 100, "Udfald") + _set(138, 100, "Bestemmelse") + _set(346, 100, "2021", right=True)
    )
    words += _outer_rows(116, FIRST_ROWS)
    words += _set(138, 161, "Magtanvendelse, voksne, indgreb i")
    words += _set(346, 166, "–", right=True) + _set(138, 171, "anbragte i boform")
    (table,) = detect(word_page(words))
    assert body(table)[-1] == ("Magtanvendelse, voksne, indgreb i anbragte i boform", "–")


# (text, x0, top, x1) of a header's words, set in 6-point bold, as a report prints them
HEADER_WORDS = [
    ("HJEMVIST", 257.9, 575.0, 289.3),
    ("ÆNDREDE", 356.7, 575.0, 388.1),
    ("SAGER", 389.6, 574.9, 410.3),
    ("REALITETSBE-", 440.2, 577.3, 484.5),
    ("OMGØRELSESPR-", 490.0, 577.2, 542.6),
    ("PARAGRAF", 52.0, 580.9, 85.7),
    ("STADFÆSTET", 170.2, 580.8, 211.2),
    ("HANDLET", 447.5, 584.5, 477.2),
    ("OCENT", 505.6, 584.4, 527.0),
    ("ANTAL", 236.1, 586.7, 257.1),
    ("PROCENT", 287.9, 586.8, 317.2),
    ("ANTAL", 348.0, 586.7, 369.0),
    ("ANDEL", 392.5, 586.7, 413.5),
    ("I", 415.0, 586.8, 417.4),
    ("PCT.", 418.9, 586.8, 432.4),
]


def _header_line(word: str) -> TextLine:
    """The line of that header holding ``word``."""
    words = [Word(t, (a, y, b, y + 5.3), font_size=6.0, bold=True) for t, a, y, b in HEADER_WORDS]
    return next(line for line in group_lines(words) if word in line.text.split())


# the value columns of that header's table (between whitespace column edges)
EXTENTS = [(163.0, 239.0), (239.0, 294.0), (294.0, 353.0), (353.0, 404.0), (404.0, 455.0)]
EXTENTS += [(455.0, 508.0), (508.0, 545.0)]


def test_group_headers_beside_wide_headers_wrapped_in_their_own_columns() -> None:
    """Two group headers ("HJEMVIST", "ÆNDREDE SAGER") over two sub-headers each, on the
    line of the first lines of wide headers wrapped in their own columns ("REALITETSBE-" /
    "HANDLET"), the column edges from whitespace (values set flush right): each group
    heads the two columns of its sub-headers; the wrapped headers head no group."""
    head = [_header_line("HJEMVIST"), _header_line("STADFÆSTET"), _header_line("PROCENT")]
    spans = header_groups(head, head, EXTENTS, 163.0)[0]
    assert [c.text for c in head[0].chunks] == [
        "HJEMVIST",
        "ÆNDREDE SAGER",
        "REALITETSBE-",
        "OMGØRELSESPR-",
    ]
    assert spans == [(2, 3), (4, 5), None, None]


def test_the_last_header_line_heads_no_row_values() -> None:
    """The header's last line over a row of values: a sub-header reaching over a column
    edge ("ANTAL" over "341") heads no group of the row's values."""
    low = _header_line("PROCENT")
    rights = (215.7, 273.6, 327.5, 385.5, 435.4, 485.3, 543.3)
    row = _set(52.0, 598.8, "Barnets lov (BL)", 7.0)
    for right, value in zip(
        rights, ("2.010", "1.258", "35%", "341", "9%", "3.609", "44%"), strict=True
    ):
        row += _set(right, 598.8, value, 7.0, right=True)
    edges = [51.0, *(a for a, _ in EXTENTS), 545.0]
    assert group_headers([low, make_line(row)], edges, edges[1:-1]) == {}


def test_a_year_beside_a_label_wrapped_round_its_values_starts_such_a_row() -> None:
    """A year in the outer stub column beside the first line of a label wrapped round its
    values ("2022 | Aktiv" / "1278 6" / "beskæftigelsesindsats"): a row whose labels wrap
    round its values, so the label column beside the years is found."""
    lines = [
        make_line(_set(55, 116, "2022") + _set(93, 116, "Aktiv")),
        make_line(_set(300, 120.5, "1278", right=True) + _set(380, 120.5, "6", right=True)),
        make_line(_set(93, 125, "beskæftigelsesindsats")),
    ]
    assert values_round(lines, 0, 55.0)
    assert not values_round([make_line(_set(55, 116, "2022 12")), *lines[1:]], 0, 55.0)


def test_a_title_at_the_foot_of_a_page_titles_the_table_the_next_page_begins_with() -> None:
    """A page ends with a short title line ("Hele landet") under its prose, above its page
    footer; the next page begins with a table, nothing over it: the title is that table's
    (a page break between a title and its table)."""
    prose = "Borgernes retssikkerhed og oplevelse af at der foregår en seriøs sagsbehandling"
    one = _set(70, 600, prose, 10.0) + _set(70, 640, "Hele landet", 10.0)
    one += _set(500, 790, "Side 1 af 2", 8.0)
    two = _set(80, 100, "Lovområde") + _set(300, 100, "2022", right=True)
    rows = [("Hovedtotal", "20 148"), ("Lov om social service", "9 272"), ("Barnets Lov", "-")]
    for k, (label, value) in enumerate(rows):
        two += _set(80, 116 + 14 * k, label) + _set(300, 116 + 14 * k, value, right=True)
    (table,) = detect(word_page(one, number=1), word_page(two, number=2))
    assert table.title == "Hele landet"
    assert body(table) == rows


def _lattice(
    top: float, rows: Sequence[tuple[str, str, str]], header: bool
) -> tuple[list[Word], list]:
    """A drawn grid (year | label | value columns at 50, 83, 277, 295) of ``rows``; a row
    whose year cell is "-" has no rule between its first two columns (one cell over both).
    With ``header``, first a header row "" | "Lovområde" | "Pct."."""
    words: list[Word] = []
    rules: list[Ruling] = []
    y = top
    if header:
        words += _set(85, y + 4, "Lovområde") + _set(293, y + 4, "Pct.", right=True)
        rules += [hrule(y, 50, 295), vrule(50, y, y + 16), vrule(83, y, y + 16)]
        rules += [vrule(277, y, y + 16), vrule(295, y, y + 16)]
        y += 16
    for year, label, value in rows:
        words += (_set(52.5, y + 4, year) if year not in ("", "-") else []) + _set(85, y + 4, label)
        words += _set(293, y + 4, value, right=True) if value else []
        rules += [hrule(y, 50, 295), vrule(50, y, y + 16), vrule(277, y, y + 16)]
        rules += [vrule(295, y, y + 16)] + ([] if year == "-" else [vrule(83, y, y + 16)])
        y += 16
    rules.append(hrule(y, 50, 295))
    return words, rules


def test_a_continued_grid_whose_first_column_a_merged_cell_reaches_over_joins() -> None:
    """A drawn grid with a year column, continued on the next page under "Tabel 1
    (fortsat)" without its header, where one row ("heraf") is one cell over the year and
    label columns: the two pages are one table under its header ("Pct.")."""
    first = [("2023", "Alle lovområder", "100"), ("", "Bortfald", "10"), ("", "Servicelov", "41")]
    words, rules = _lattice(100, first, header=True)
    one = word_page(
        _set(50, 80, "Tabel 1: Afgjorte sager efter lovområde – hele landet") + words, rules
    )
    more = [("2024", "Alle lovområder", "100"), ("-", "heraf", ""), ("", "Bortfald", "12")]
    more += [("", "Servicelov", "20")]
    words, rules = _lattice(100, more, header=False)
    two = word_page(_set(50, 80, "Tabel 1 (fortsat)") + words, rules, number=2)
    (table,) = detect(one, two)
    assert table.pages == (1, 2)
    assert labels(table) == ["Pct."]
    assert [row[-1] for row in body(table)][-3:] == ["", "12", "20"]


def test_an_outdented_group_heading_over_a_continued_page_heads_its_rows() -> None:
    """Group headings set left of their indented rows ("Andre love i øvrigt" over its
    rows), the table going on on the next page under a new one set there as well ("Lov om
    aktiv beskæftigelsesindsats"): the rows there are that group's, not the last one's."""
    one = _set(59, 100, "Lovområde", 7.5) + _set(300, 100, "Stadfæstede", 7.5, right=True)
    one += _set(59, 116, "Andre love i øvrigt", 7.5)
    rows = [("Dagtilbudsloven - § 4", "3"), ("Integrationsloven - § 7", "5")]
    for k, (label, value) in enumerate(rows):
        one += _set(68, 131 + 15 * k, label, 7.5) + _set(300, 131 + 15 * k, value, 7.5, right=True)
    two = _set(59, 54.6, "Lov om aktiv beskæftigelsesindsats", 7.5)
    more = [("Ansættelse med løntilskud - §§ 66-79", "2"), ("Fleksjob - § 116-141", "60")]
    for k, (label, value) in enumerate(more):
        two += _set(68, 70 + 15 * k, label, 7.5) + _set(300, 70 + 15 * k, value, 7.5, right=True)
    (table,) = detect(word_page(one, number=1), word_page(two, number=2))
    assert table.pages == (1, 2)
    assert body(table)[-3:] == [("Lov om aktiv beskæftigelsesindsats", ""), *more]


def _centred(middle: float, top: float, text: str) -> list[Word]:
    """``text`` in 8-point type centred on ``middle``."""
    width = 4.0 * len(text.replace(" ", "")) + 2.0 * text.count(" ")
    return _set(middle - width / 2, top, text)


def test_stacked_period_headers_over_a_wide_and_a_narrow_column_head_their_own_pair() -> None:
    """Half-years stacked over three lines ("1." / "halvår" / "2017"), each centred over a
    pair of a wide column (its header centred far left of its values, set flush right) and
    a narrow one: the stacked neighbour bounds a period where its widest line ends, so
    "2. halvår 2017" heads its own pair, not the narrow column of the pair before."""
    periods = (("1.", "halvår", "2017"), ("2.", "halvår", "2017"), ("1.", "halvår", "2018"))
    rows = [
        ("Landsplan", "36,0", "34,9", "40,9", "32,2", "36,3", "28,9"),
        ("Thisted Kommune", "33,8", "48,4", "37,9", "42,9", "31,1", "31,8"),
        ("Ishøj Kommune", "29,4", "41,0", "35,2", "38,7", "30,5", "27,6"),
    ]
    words = _set(53.0, 627.0, "Kommune")
    for g, lines in enumerate(periods):
        dx = 127.0 * g
        for top, text in zip((590.0, 599.0, 608.0), lines, strict=True):
            words += _centred(227.5 + dx, top, text)
        words += _centred(227.5 + dx, 617.0, "Omgørelsesprocent")
        words += _centred(215.0 + dx, 627.0, "Serviceloven")
        words += _centred(278.5 + dx, 627.0, "LAS")
    for i, (label, *values) in enumerate(rows):
        words += _set(53.0, 640.0 + 14.0 * i, label)
        for k, value in enumerate(values):
            words += _set(
                (263.0, 288.0)[k % 2] + 127.0 * (k // 2), 640.0 + 14.0 * i, value, right=True
            )
    (table,) = detect(word_page(words))
    heads = [" ".join(p) for p in periods for _ in range(2)]
    assert all(label.startswith(head) for label, head in zip(labels(table), heads, strict=True))
    assert body(table) == rows


# Header words (x0, top, x1, text) of three laws over "Antal | Procent" each, in 7-point
# bold: the first law's header stacked over four lines ending in a wide one, the last law's
# one word a line, centred on each other.
_STACKED_HEADER = (
    (385.2, 276.3, 396.8, "Lov"),
    (386.3, 284.7, 395.7, "om"),
    (383.4, 293.1, 398.6, "aktiv"),
    (359.3, 301.5, 422.7, "beskæftigelsesindsats"),
    (438.5, 284.7, 461.9, "Barnets"),
    (445.7, 293.1, 454.7, "lov"),
    (490.7, 276.2, 509.8, "Andre"),
    (494.2, 284.7, 506.3, "love"),
    (499.3, 293.0, 501.2, "i"),
    (491.3, 301.5, 509.2, "øvrigt"),
    (72.5, 296.9, 93.5, "Halvår"),
    (363.9, 317.5, 380.6, "Antal"),
    (394.8, 317.6, 418.1, "Procent"),
    (427.7, 317.5, 444.4, "Antal"),
    (449.4, 317.6, 472.7, "Procent"),
    (477.7, 317.5, 494.5, "Antal"),
    (499.5, 317.6, 522.8, "Procent"),
)


def test_a_group_header_stacked_one_word_a_line_keeps_its_lines_together() -> None:
    """ "Andre" / "love" / "i" / "øvrigt", one word a line, centred over "Antal | Procent",
    its last line beside a wide one of the law before it ("beskæftigelsesindsats"): its
    lines are one header over both columns, not "øvrigt" alone over three (whose columns
    would hold the sub-headers beside the lines above it, under "Barnets lov")."""
    words = [
        Word(t, (x0, top, x1, top + 6.2), font_size=7.0, bold=True)
        for x0, top, x1, t in _STACKED_HEADER
    ]
    rows = [
        ("2023H1", "1278", "6", "–", "–", "362", "2"),
        ("2023H2", "1192", "6", "–", "–", "569", "3"),
        ("2024H1", "985", "5", "3996", "20", "443", "2"),
    ]
    rights = (385.0, 423.0, 444.0, 473.0, 494.0, 523.0)
    for i, (label, *values) in enumerate(rows):
        words += _set(72.0, 333.7 + 17.4 * i, label)
        for right, value in zip(rights, values, strict=True):
            words += _set(right, 333.7 + 17.4 * i, value, right=True)
    rules = [hrule(y, 70.0, 525.3) for y in (270.4, 327.8, 380.0)]
    (table,) = detect(word_page(words, rules))
    assert labels(table)[4:] == ["Andre love i øvrigt / Antal", "Andre love i øvrigt / Procent"]
    assert body(table) == rows
