"""Header lines and group headings of unruled tables: how far up a table's header reaches
over the group headings set between it and the first row."""

from __future__ import annotations

from dataclasses import replace

from pdf_factory import body, centred_at, detect, labels, right_at, sized_at, word_page, words_at

from extract.detect.layout import make_line
from extract.detect.whitespace_rows import is_data_line
from extract.model import Word

ROWS = [("Boligstøtte", "4 sager"), ("Indskudslån - § 54-71", "4 sager"), ("LAS", "476 sager")]


def test_two_group_headings_between_the_header_and_the_first_row() -> None:
    """ "Lovområde/bestemmelse | Nov. 2024", then the group headings "Landstotal" and
    "Ændring/Ophævelse" on lines of their own at row spacing, then the rows: the header
    line heads the table (it is no part of the caption above)."""
    words: list[Word] = words_at(70, 100, "TABEL 4.1 Realitetsbehandlede sager efter lovområde")
    words += words_at(74, 118, "Lovområde/bestemmelse") + right_at(500, 118, "Nov. 2024")
    words += words_at(74, 137, "Landstotal") + words_at(74, 156, "Ændring/Ophævelse")
    for i, (label, value) in enumerate(ROWS):
        words += words_at(74, 175 + 19 * i, label) + right_at(500, 175 + 19 * i, value)
    (table,) = detect(word_page(words))
    assert table.caption == "TABEL 4.1 Realitetsbehandlede sager efter lovområde"
    assert labels(table) == ["Nov. 2024"]
    assert body(table) == [("Landstotal", ""), ("Ændring/Ophævelse", ""), *ROWS]


def _sized(words: list[Word], size: float) -> list[Word]:
    """The words set in ``size`` point type (their boxes as they are)."""
    return [replace(w, font_size=size) for w in words]


def test_a_documents_headings_over_a_table_are_no_header_lines() -> None:
    """A long title and the document's headings in larger type right above a table whose
    header ("Udfald | 2019 | 2020") reads as a row: none of them heads the table."""
    words = _sized(
        words_at(
            50,
            60,
            "235. Omgørelsesprocenter på socialområdet i Nyborg kommune og hele landet 2019-2020",
        ),
        12,
    )
    for i, heading in enumerate(["Resume", "Sagsfremstilling", "Lov om social service"]):
        words += _sized(words_at(50, 80 + 20 * i, heading), 12)
    words += words_at(54, 140, "Udfald") + right_at(400, 140, "2019") + right_at(460, 140, "2020")
    rows = [("Realitetsbehandlede sager i alt", "66", "74"), ("Omgørelses-%", "37,9", "31,1")]
    for i, (label, a, b) in enumerate(rows):
        y = 154 + 14 * i
        words += words_at(54, y, label) + right_at(400, y, a) + right_at(460, y, b)
    (table,) = detect(word_page(words))
    assert table.stub_header == "Udfald"
    assert table.title == "Lov om social service"
    assert labels(table) == ["2019", "2020"]
    assert body(table) == rows


def test_a_group_header_beside_single_headers_set_on_the_middle_line() -> None:
    """ "Hjemvisninger" over "Antal | Procent"; the single-level headers beside the group
    ("Stadfæstet", "Ændret", "Omgjort") centred on the header's middle line: the group
    heads its two columns only."""
    words = centred_at(389, 100, "Hjemvisninger")
    words += words_at(60, 110, "Bestemmelse") + right_at(300, 110, "Stadfæstet")
    words += right_at(470, 110, "Ændret") + right_at(530, 110, "Omgjort")
    words += right_at(380, 120, "Antal") + right_at(420, 120, "Procent")
    rows = [
        ("Andre love", "283", "47", "13", "39", "23"),
        ("Boligstøtte", "18", "5", "9", "2", "7"),
    ]
    for i, row in enumerate(rows):
        y = 134 + 14 * i
        words += words_at(60, y, row[0])
        for x, value in zip((300, 380, 420, 470, 530), row[1:], strict=True):
            words += right_at(x, y, value)
    (table,) = detect(word_page(words))
    assert labels(table) == [
        "Stadfæstet",
        "Hjemvisninger / Antal",
        "Hjemvisninger / Procent",
        "Ændret",
        "Omgjort",
    ]
    assert body(table) == rows


def test_a_footnote_mark_alone_on_a_header_line_is_no_note() -> None:
    """A header's footnote mark ("²") set a little lower than its header, alone on its line
    right above the first row: the header lines above it still head the table (the mark is
    no note ending the table's lines)."""
    words = words_at(60, 100, "Lovområde") + right_at(300, 100, "2023H2")
    words += right_at(360, 100, "2024H1") + words_at(362, 106, "²")
    rows = [("Serviceloven", "9 272", "3 908"), ("Barnets lov", "12", "3 996")]
    for i, (label, a, b) in enumerate(rows):
        y = 122 + 14 * i
        words += words_at(60, y, label) + right_at(300, y, a) + right_at(360, y, b)
    (table,) = detect(word_page(words))
    assert labels(table) == ["2023H2", "2024H1 ²"]
    assert body(table) == rows


def test_a_headers_footnote_mark_in_brackets_is_no_row() -> None:
    """Headers broken over lines in narrow columns, centred over values set flush right,
    the last line holding "I ALT" of one and the mark "(1)" of the next: no row of values
    (the mark no value, "I ALT" no label of an inner stub column), the header's last line."""
    words = words_at(60, 100, "BESTEMMELSE")
    for x, parts in ((250.0, ["REALIT-", "SAGER", "I ALT"]), (283.0, ["STAD-", "FÆST-", "(1)"])):
        for k, part in enumerate(parts):
            words += centred_at(x, 88 + 10 * k, part)
    words += centred_at(340.0, 98, "HJEM-") + centred_at(340.0, 108, "VIST")
    rows = [("Biler - §§ 114 og 115", "4", "2", "2"), ("Boligindretning - § 116", "2", "2", "0")]
    for i, (label, *values) in enumerate(rows):
        y = 124 + 14 * i
        words += words_at(60, y, label)
        for x, value in zip((266.0, 299.0, 356.0), values, strict=True):
            words += right_at(x, y, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["REALIT- SAGER I ALT", "STAD- FÆST- (1)", "HJEM- VIST"]
    assert body(table) == rows


def test_header_text_beside_a_footnote_mark_in_brackets_is_no_data_line() -> None:
    """ "ALT *" beside "(1)" (the last line of two headers broken over lines) read from its
    own left edge: a label and a mark, no row of values; a label with a value is one."""
    mark = make_line(words_at(241, 96, "ALT *") + words_at(277, 96, "(1)"))
    assert not is_data_line(mark, mark.x0)
    row = make_line(words_at(241, 96, "ALT *") + words_at(277, 96, "(12,5)"))
    assert is_data_line(row, row.x0)


def test_group_headings_out_at_the_margin_under_a_marked_year_header() -> None:
    """ "2024" with its marks "¹ (1)" on a line under it heads the value column; group
    headings stand out at the margin over indented rows, two of them stacked halfway down
    ("Hjemvist" over "Lov om aktiv beskæftigelsesindsats"): one table, the year its
    header."""
    words = right_at(400, 100, "2024") + right_at(400, 108, "¹ (1)")
    lines: list[tuple[float, str, str]] = [
        (60, "Stadfæstet", ""),
        (60, "Lov om aktiv beskæftigelsesindsats", ""),
        (70, "Ansættelse med løntilskud - §§ 66-79", "2"),
        (70, "Befordringsgodtgørelse - §§ 175-177", "17"),
        (60, "Hjemvist", ""),
        (60, "Lov om aktiv beskæftigelsesindsats", ""),
        (70, "Ansættelse med løntilskud - §§ 66-79", "3"),
        (70, "Befordringsgodtgørelse - §§ 175-177", "5"),
    ]
    for i, (x, label, value) in enumerate(lines):
        y = 122 + 13 * i
        words += words_at(x, y, label) + (right_at(400, y, value) if value else [])
    (table,) = detect(word_page(words))
    assert labels(table) == ["2024 ¹ (1)"]
    assert body(table) == [(label, value) for _, label, value in lines]


def test_a_title_under_a_paragraph_reaching_the_values_is_no_group_heading() -> None:
    """A bold title over "Udfald | Lovområde/bestemmelse | 2021" (a year over the values,
    beside stub headers, so the line reads like a first row) under a paragraph whose lines
    run across the page into the value column: the paragraph heads no columns, so the title
    is no group heading between a header and the first row; the year heads the values."""
    prose = [
        "Da omgørelsesprocenten i kommunen er en smule større end landsgennemsnittet er der",
        "grund til at udarbejde en handleplan. Administrationen foreslår, at følgende sendes til",
        "Ankestyrelsen:",
    ]
    words: list[Word] = []
    for i, line in enumerate(prose):
        words += sized_at(70, 300 + 12.5 * i, line, 10.0)
    title = "Omgørelsesprocenter fordelt på paragraffer – Serviceloven (SEL)"
    words += sized_at(70, 354.6, title, 10.0, bold=True)
    words += sized_at(72, 374.2, "Udfald", 9.0, bold=True)
    words += sized_at(172, 374.2, "Lovområde/bestemmelse", 9.0, bold=True)
    words += sized_at(523, 374.2, "2021", 9.0, right=True, bold=True)
    rows = [
        ("Biler - §§ 114 og 115", "4"),
        ("Boligindretning - § 116", "2"),
        ("Børn - andre bestemmelser", "0"),
    ]
    for i, (law, value) in enumerate(rows):
        top = 393.0 + 19.4 * i
        words += sized_at(72, top, "Realitetsbehandlet", 9.0) + sized_at(172, top, law, 9.0)
        words += sized_at(523, top, value, 9.0, right=True)
    (table,) = detect(word_page(words))
    assert labels(table)[-1] == "2021"
    assert [row[-1] for row in body(table) if row[-1]] == ["4", "2", "0"]


def test_a_year_over_an_inner_stub_header_short_of_values_set_flush_right() -> None:
    """ "LOVOMRÅDE/BESTEMMELSE | 2021" (the outer stub column's header blank, the year
    centred in a wide cell, short of its values set flush right) over rows of two stub
    columns: the line is the table's header, the year heads the values."""
    words = sized_at(194, 503.5, "LOVOMRÅDE/BESTEMMELSE", 7.0, bold=True)
    words += sized_at(493, 503.5, "2021", 7.0, bold=True)
    rows = [
        ("Antal realitetsbehandlede sager", "Børn - forældrebetaling §159", "7 sager"),
        ("Antal realitetsbehandlede sager", "Børn - samvær - § 71", "2 sager"),
        ("Stadfæstelse", "Børn - Hjemgivelse - § 68", "0 sager"),
    ]
    for i, (outer, inner, value) in enumerate(rows):
        top = 519.7 + 16.7 * i
        words += sized_at(42, top, outer, 7.5) + sized_at(194, top, inner, 7.5)
        words += sized_at(553, top, value, 7.5, right=True)
    (table,) = detect(word_page(words))
    assert labels(table)[-1] == "2021"
    assert [row[-1] for row in body(table) if row[-1]] == ["7 sager", "2 sager", "0 sager"]
