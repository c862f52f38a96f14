"""Tables continued over pages, on synthetic pages: with the header repeated or not, a group
of stub rows broken at the page end, a header (or a table's start) printed at the bottom of
a page, and what does not continue (a table under text of its own, tables on one page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pdf_factory import body, detect, hrule, labels, right_at, vrule, word_page, words_at

from extract.detect import LoneCaption, Loose
from extract.model import PageContent, Ruling, Word

RIGHTS = [330.0, 390.0, 450.0]
YEARS = ["2022", "2023", "2024"]
FIRST = [("Serviceloven", "12", "15", "18"), ("Beskæftigelse", "7", "9", "11")]
MORE = [("Pension", "1", "2", "3"), ("Boliger", "4", "5", "6"), ("I alt", "24", "31", "38")]
PROSE = "Denne side handler om noget helt andet end tabellen og er en lang linje med ord"


def _table(top: float, rows: Sequence[tuple[str, ...]], header: bool = True) -> list[Word]:
    words: list[Word] = []
    if header:
        for x, year in zip(RIGHTS, YEARS, strict=True):
            words += right_at(x, top, year)
        top += 14
    for i, (label, *values) in enumerate(rows):
        words += words_at(60, top + 12 * i, label)
        for x, value in zip(RIGHTS, values, strict=True):
            words += right_at(x, top + 12 * i, value)
    return words


def _page(number: int, *parts: list[Word]) -> PageContent:
    running = words_at(420, 40, f"Side {number} af 9")  # a running header, page number aside
    return word_page([*running, *(w for part in parts for w in part)], number=number)


def test_header_repeated_on_the_next_page() -> None:
    first = _page(1, words_at(60, 100, PROSE), _table(700, FIRST))
    second = _page(2, _table(80, MORE))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert labels(table) == YEARS
    assert body(table) == FIRST + MORE


def test_continued_without_a_header() -> None:
    first = _page(1, words_at(60, 100, PROSE), _table(700, FIRST))
    second = _page(2, _table(80, MORE, header=False))
    (table,) = detect(first, second)
    assert body(table) == FIRST + MORE
    assert [row.page for row in table.rows] == [1, 1, 2, 2, 2]


def test_table_under_text_of_its_own_is_a_new_table() -> None:
    """The next page's table has a heading and a paragraph above it: not a continuation, even
    with the same header."""
    first = _page(1, words_at(60, 100, PROSE), _table(700, FIRST))
    other = "En sammenligning af opgørelserne fra de to år viser nogle forskelle i tallene"
    heading = words_at(60, 90, "Sammenligning af opgørelserne") + words_at(60, 105, other)
    second = _page(2, heading, _table(130, MORE))
    tables = detect(first, second)
    assert [t.pages for t in tables] == [(1,), (2,)]


def test_a_note_under_the_table_ends_it() -> None:
    first = _page(1, _table(700, FIRST), words_at(60, 740, "Kilde: Ankestyrelsen"))
    second = _page(2, _table(80, MORE, header=False))
    assert [t.pages for t in detect(first, second)] == [(1,), (2,)]


def test_header_at_the_bottom_of_a_page_joins_its_body_on_the_next() -> None:
    header = words_at(60, 760, "Lovområde") + _table(760, [])
    first = _page(1, words_at(60, 100, PROSE), header)
    second = _page(2, _table(80, FIRST + MORE, header=False))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert table.stub_header == "Lovområde"
    assert labels(table) == YEARS
    assert body(table) == FIRST + MORE


def test_table_starting_low_on_a_page_with_one_row() -> None:
    """The header and one row at the page end (too little to be a table alone), the rest on
    the next page without the header."""
    first = _page(1, words_at(60, 100, PROSE), _table(750, FIRST[:1]))
    second = _page(2, _table(80, FIRST[1:] + MORE, header=False))
    (table,) = detect(first, second)
    assert labels(table) == YEARS
    assert body(table) == FIRST + MORE
    assert [row.page for row in table.rows] == [1, 2, 2, 2, 2]


def test_group_of_stub_rows_broken_at_the_page_end_goes_on() -> None:
    def rows(top: float, items: list[tuple[str, str, str]], header: bool) -> list[Word]:
        words = (words_at(60, top, "Kommune") + words_at(160, top, "Lov")) if header else []
        words += (right_at(330, top, "Antal") + right_at(390, top, "Pct.")) if header else []
        top += 14 if header else 0
        for i, (outer, inner, value) in enumerate(items):
            y = top + 12 * i
            words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
            words += right_at(330, y, value) + right_at(390, y, f"{value},0")
        return words

    first = _page(1, rows(700, [("Ishøj", "Serviceloven", "12"), ("", "Pension", "7")], True))
    second = _page(
        2,
        rows(
            80,
            [("", "Boliger", "3"), ("Albertslund", "Serviceloven", "1"), ("", "Pension", "4")],
            False,
        ),
    )
    (table,) = detect(first, second)
    assert table.stub_header == "Kommune / Lov"
    assert body(table) == [
        ("Ishøj", "", ""),
        ("Serviceloven", "12", "12,0"),
        ("Pension", "7", "7,0"),
        ("Boliger", "3", "3,0"),  # still Ishøj's: no new group row at the page top
        ("Albertslund", "", ""),
        ("Serviceloven", "1", "1,0"),
        ("Pension", "4", "4,0"),
    ]


def test_tables_on_one_page_stay_apart_and_only_the_last_continues() -> None:
    upper = _table(100, FIRST)
    title = words_at(60, 200, "Tabel 2 Sager efter lov")
    lower = _table(230, MORE)
    first = _page(1, upper, title, lower)
    second = _page(2, _table(80, FIRST, header=False))
    tables = detect(first, second)
    assert [t.pages for t in tables] == [(1,), (1, 2)]
    assert body(tables[0]) == FIRST
    assert body(tables[1]) == MORE + FIRST


def _grouped(top: float, items: list[tuple[str, str, str]], header: bool) -> list[Word]:
    """Rows "Kommune | Lov | Antal | Pct." (the header when ``header``)."""
    words: list[Word] = []
    if header:
        words += words_at(60, top, "Kommune") + words_at(160, top, "Lov")
        words += right_at(330, top, "Antal") + right_at(390, top, "Pct.")
        top += 14
    for i, (outer, inner, value) in enumerate(items):
        y = top + 12 * i
        words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
        words += right_at(330, y, value) + right_at(390, y, f"{value},0")
    return words


def test_group_repeated_at_the_top_of_the_next_page_starts_no_new_group() -> None:
    first = _page(1, _grouped(700, [("Ishøj", "Serviceloven", "12"), ("", "Pension", "7")], True))
    second = _page(2, _grouped(80, [("Ishøj", "Boliger", "3"), ("", "Sygedagpenge", "2")], False))
    (table,) = detect(first, second)
    assert [row.label for row in table.rows] == [
        "Ishøj",
        "Serviceloven",
        "Pension",
        "Boliger",
        "Sygedagpenge",
    ]


def test_continued_rows_with_the_outer_column_blank_keep_the_stub_columns() -> None:
    first = _page(1, _grouped(700, [("Ishøj", "Serviceloven", "12"), ("", "Pension", "7")], True))
    second = _page(2, _grouped(80, [("", "Boliger", "3"), ("", "Sygedagpenge", "2")], False))
    (table,) = detect(first, second)
    assert labels(table) == ["Antal", "Pct."]
    assert body(table)[-2:] == [("Boliger", "3", "3,0"), ("Sygedagpenge", "2", "2,0")]


def test_a_line_saying_fortsat_above_the_rest_does_not_stop_it() -> None:
    first = _page(1, words_at(60, 100, PROSE), _table(700, FIRST))
    second = _page(2, words_at(60, 80, "Afgjorte sager (fortsat)"), _table(100, MORE, False))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)


def test_a_running_header_that_starts_on_the_second_page_does_not_stop_it() -> None:
    """The first page has a title instead of the running header the others carry."""
    first = word_page(words_at(60, 100, PROSE) + _table(700, FIRST), number=1)
    second = word_page(words_at(60, 30, "Årsredegørelse 2024") + _table(80, MORE, False), number=2)
    (table,) = detect(first, second)
    assert table.pages == (1, 2)


def test_stub_columns_come_back_after_a_page_with_the_outer_one_blank() -> None:
    """Two stub columns on page 1; page 2 shows the inner one only (the outer blank all
    down); page 3 names a new outer group again: one table with its groups."""

    def rows(top: float, items: list[tuple[str, str, str]], header: bool) -> list[Word]:
        words = (words_at(60, top, "Udfald") + words_at(160, top, "Lov")) if header else []
        words += right_at(330, top, "Antal") if header else []
        top += 14 if header else 0
        for i, (outer, inner, value) in enumerate(items):
            y = top + 12 * i
            words += (words_at(60, y, outer) if outer else []) + words_at(160, y, inner)
            words += right_at(330, y, value)
        return words

    first = _page(1, rows(700, [("Stadfæstet", "Serviceloven", "12"), ("", "Pension", "7")], True))
    second = _page(2, rows(80, [("", "Boliger", "3"), ("", "Sygedagpenge", "5")], False))
    third = _page(3, rows(80, [("Hjemvist", "Serviceloven", "1"), ("", "Pension", "4")], False))
    (table,) = detect(first, second, third)
    assert table.pages == (1, 2, 3)
    assert table.stub_header == "Udfald / Lov"
    assert body(table) == [
        ("Stadfæstet", ""),
        ("Serviceloven", "12"),
        ("Pension", "7"),
        ("Boliger", "3"),
        ("Sygedagpenge", "5"),
        ("Hjemvist", ""),
        ("Serviceloven", "1"),
        ("Pension", "4"),
    ]


def _wrapped_stub_table(top: float, rows: Sequence[tuple[str, str]], header: bool) -> list[Word]:
    """A one-column table whose stub header ("hele" / "landet") wraps round the value
    header set between its lines; rows (label, value) at 20 points, a label without a value
    a group heading, members indented."""
    words: list[Word] = []
    if header:
        words += words_at(44, top, "hele") + words_at(44, top + 12, "landet")
        words += right_at(550, top + 6, "2024q3")
        top += 32
    for i, (label, value) in enumerate(rows):
        x = 54 if label.startswith("Børn") else 44
        words += words_at(x, top + 20 * i, label) + (
            right_at(550, top + 20 * i, value) if value else []
        )
    return words


def test_group_heading_under_a_wrapped_stub_header_keeps_the_header() -> None:
    # "Hjemvist" (a heading, no value) between the header and the first row; the stub
    # header's last line holds no text over the values: the header is still the table's,
    # and the table goes on on the next page under the repeated header, its groups open
    first_rows = [("Hjemvist", ""), ("Barnets Lov", "1 258"), ("Børn - KSB - Samvær", "73")]
    more = [("Børn - KSB - Valg", "20"), ("Aktiv beskæftigelsesindsats", "95")]
    caption = words_at(44, 240, "Tabel 1: Realitetsbehandlede sager")
    first = _page(1, words_at(60, 100, PROSE), caption, _wrapped_stub_table(258, first_rows, True))
    second = _page(2, _wrapped_stub_table(80, more, True))
    (table,) = detect(first, second)
    assert labels(table) == ["2024q3"]
    assert table.pages == (1, 2)
    assert body(table) == first_rows + more


def test_a_tables_start_at_the_page_end_goes_on_under_its_header_repeated() -> None:
    # a table's title, header and first row end page 1 (under another table); page 2
    # repeats the header, its rows like the first one (the same text but the numbers): one
    # table from page 1 with the title, and the table above it kept
    other = _table(120, FIRST)
    start = words_at(60, 700, "Afgjorte sager for hele landet") + _table(716, [MORE[0]])
    rows = [("Pension", "4", "5", "6"), ("Boliger", "7", "8", "9"), ("I alt", "25", "32", "39")]
    first = _page(1, words_at(60, 100, PROSE), other, words_at(60, 600, PROSE), start)
    second = _page(2, _table(80, rows))
    above, table = detect(first, second)
    assert body(above) == FIRST
    assert table.pages == (1, 2)
    assert table.title == "Afgjorte sager for hele landet"
    assert labels(table) == YEARS
    assert body(table) == [MORE[0], *rows]


def test_a_row_at_the_page_end_keeps_a_label_of_two_chunks() -> None:
    # the first row ending page 1 (under its header) holds a label of two words a wide
    # space apart ("Januar", "2024"): both stay the row's label when page 2 goes on
    start = _table(716, []) + words_at(60, 730, "Januar") + words_at(93, 730, "2024")
    start += [w for x, v in zip(RIGHTS, ["1", "2", "3"], strict=True) for w in right_at(x, 730, v)]
    first = _page(1, words_at(60, 100, PROSE), start)
    second = _page(2, _table(80, [*MORE, ("Selvforsørgelse og hjemrejse", "1", "1", "2")]))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert body(table)[0] == ("Januar 2024", "1", "2", "3")


def test_a_table_captioned_as_the_continuation_of_one_before_takes_its_caption() -> None:
    """ "Tabel 1 (fortsat)" on a page of its own, not joined to table 1 (prose stands
    between): it takes table 1's caption, marked continued, so what that says (hele landet)
    holds for its rows too."""
    caption = "Tabel 1. Realitetsbehandlede sager – hele landet"
    first = _page(1, words_at(60, 100, PROSE), words_at(60, 680, caption), _table(700, FIRST))
    other = "En sammenligning af opgørelserne fra de to år viser nogle forskelle i tallene"
    second = _page(
        2, words_at(60, 90, other), words_at(60, 115, "Tabel 1 (fortsat)"), _table(135, MORE)
    )
    tables = detect(first, second)
    assert [t.pages for t in tables] == [(1,), (2,)]
    assert tables[1].caption == f"{caption} (Tabel 1 (fortsat))"


def test_a_caption_pushed_to_the_top_of_the_next_page_is_the_tables_above() -> None:
    """The table fills page 1; its caption under it went to the top of page 2, followed by
    its source line and no table."""
    first = _page(1, words_at(60, 100, PROSE), _table(600, FIRST + MORE))
    caption = "Tabel 3: Realitetsbehandlede sager efter lovområde på landsplan"
    second = _page(2, words_at(60, 80, caption), words_at(60, 94, "Kilde: Ankestyrelsen"))
    (table,) = detect(first, second)
    assert table.caption == caption
    assert body(table) == FIRST + MORE


def test_a_caption_over_a_table_of_its_own_stays_with_it() -> None:
    first = _page(1, words_at(60, 100, PROSE), _table(600, FIRST))
    caption = "Tabel 4: Omgørelsesprocent i Ishøj Kommune"
    second = _page(2, words_at(60, 80, caption), _table(110, MORE))
    tables = detect(first, second)
    assert [t.caption for t in tables] == [None, caption]


def _reported(*pages: PageContent) -> list[Loose | LoneCaption]:
    """What detection reports of ``pages`` outside every table: loose lines, lone captions."""
    from extract.detect import iter_tables

    found: list[Loose | LoneCaption] = []
    list(iter_tables(pages, found.append))
    return found


def _loose(*pages: PageContent) -> list[Loose]:
    """The loose lines detection reports for ``pages``."""
    return [x for x in _reported(*pages) if isinstance(x, Loose)]


def test_a_numbered_caption_no_table_carries_is_reported() -> None:
    """A caption ("TABEL 3.2 …") whose table was not found (here: none printed, running
    text under it) is named, once, with its page; a caption whose table was found (also on
    the next page, "Tabel 4 (fortsat)") is not."""
    lone = "TABEL 3.2 GENNEMSNITLIG SAGSBEHANDLINGSTID"
    first = _page(1, words_at(60, 100, "Tabel 4 Omgørelser"), _table(120, FIRST))
    second = _page(2, words_at(60, 80, "Tabel 4 (fortsat)"), _table(110, MORE))
    third = _page(3, words_at(60, 100, lone), words_at(60, 130, PROSE))
    found = [x for x in _reported(first, second, third) if isinstance(x, LoneCaption)]
    assert found == [LoneCaption(3, "3.2", lone)]


def test_numbers_outside_every_table_are_reported_per_page() -> None:
    # a row of values far under its table, with no header of its own and alone (no table):
    # its numbers are reported with the page and the line, and the table's are not
    stray = words_at(60, 400, "Sager i alt") + right_at(RIGHTS[0], 400, "1.234")
    stray += right_at(RIGHTS[1], 400, "2.345") + right_at(RIGHTS[2], 400, "3.456")
    title = words_at(60, 300, "Afgjorte sager") + right_at(RIGHTS[2], 300, "2024")
    page = _page(1, _table(120, FIRST), title, words_at(60, 350, PROSE), stray)
    assert _loose(page) == [Loose(1, 3, ("Sager i alt 1.234 2.345 3.456",))]


def test_rows_at_a_page_end_joined_to_the_next_pages_table_are_not_reported() -> None:
    # a header and a first row ending page 1, no table there on their own (a label of two
    # chunks, "Sager | 2024"), are the start of page 2's table: nothing is left out
    start = _table(716, []) + words_at(60, 730, "Sager") + words_at(93, 730, "2024")
    start += [w for x, v in zip(RIGHTS, ["1", "2", "3"], strict=True) for w in right_at(x, 730, v)]
    first = _page(1, words_at(60, 100, PROSE), start)
    assert _loose(first) == [Loose(1, 3, ("Sager 2024 1 2 3",))]
    assert _loose(first, _page(2, _table(80, MORE))) == []


def test_a_value_alone_between_the_lines_of_a_label_outside_every_table_is_reported() -> None:
    # rows whose label wraps round its value (set in the middle, on a line of its own) under
    # prose, no table found: each value is reported; a page number alone is not
    words = words_at(60, 100, PROSE) + words_at(290, 790, "- 3 -")
    for i, (first, second, value) in enumerate([("1.", "halvår", "12.838"), ("2.", "halvår", "9")]):
        top = 300 + 30 * i
        words += words_at(60, top, first) + words_at(60, top + 10, second)
        words += right_at(RIGHTS[0], top + 5, value)
    assert _loose(_page(1, words)) == [Loose(1, 2, ("12.838", "9"))]


def test_a_caption_over_a_table_with_a_line_under_it_stays_with_that_table() -> None:
    """ "Tabel 4: …" at the top of page 2 with "Hele landet i alt" under it, both read as
    the caption of the table under them: the table that ended page 1 does not take it."""
    first = _page(1, words_at(60, 100, PROSE), _table(600, FIRST))
    caption = "Tabel 4: Omgørelsesprocent efter lovområde i 2024"
    second = _page(
        2, words_at(60, 80, caption), words_at(60, 94, "Hele landet i alt"), _table(114, MORE)
    )
    tables = detect(first, second)
    assert tables[0].caption is None
    assert (tables[-1].caption or "").startswith(caption)


def _zebra(top: float, rows: Sequence[tuple[str, ...]]) -> tuple[list[Word], list[Ruling]]:
    """Rows 15 points apart, every other one on a shaded band (its four edges as rulings)."""
    words: list[Word] = []
    bands: list[Ruling] = []
    for i, (label, *values) in enumerate(rows):
        y = top + 15 * i
        words += words_at(55, y, label)
        for x, value in zip(RIGHTS, values, strict=True):
            words += right_at(x, y, value)
        if i % 2 == 0:
            bands += [hrule(y - 2, 50, 460), hrule(y + 11, 50, 460)]
            bands += [vrule(50, y - 2, y + 11), vrule(460, y - 2, y + 11)]
    return words, bands


def test_a_row_cut_at_the_page_end_and_printed_whole_on_the_next_does_not_stop_it() -> None:
    """A zebra-striped table whose page ends in the first lines of a row (label lines in its
    stub column, one with values), the next page printing that row whole and going on under
    no header: one table."""
    rows = [(f"Område {n}", str(n), str(n + 1), str(n + 2)) for n in range(1, 7)]
    words, bands = _zebra(600, rows)
    words += [w for x, year in zip(RIGHTS, YEARS, strict=True) for w in right_at(x, 582, year)]
    bands += [hrule(578, 50, 460), hrule(594, 50, 460), vrule(50, 578, 594), vrule(460, 578, 594)]
    words += words_at(55, 690, "Merudgifter til voksne")
    words += words_at(55, 698, "med nedsat") + [w for x in RIGHTS for w in right_at(x, 698, "–")]
    words += words_at(55, 706, "funktionsevne -")
    running = words_at(420, 40, "Side 1 af 9")
    caption = words_at(55, 560, "Tabel 4 Afgørelser efter bestemmelse")
    first = word_page([*running, *words_at(60, 500, PROSE), *caption, *words], bands, number=1)
    more = [("Merudgifter til voksne med nedsat funktionsevne - § 41", "–", "–", "–"), *MORE]
    words, bands = _zebra(80, more)
    second = word_page([*words_at(420, 40, "Side 2 af 9"), *words], bands, number=2)
    tables = detect(first, second)
    assert [(t.pages, t.caption) for t in tables] == [
        ((1, 2), "Tabel 4 Afgørelser efter bestemmelse")
    ]
    assert body(tables[0])[-3:] == MORE


def test_the_end_of_a_row_left_out_at_the_top_of_the_next_page_does_not_stop_it() -> None:
    """A zebra-striped table goes on under "(fortsat)" with a row whose label wraps under its
    values, off the stripes, which the page's table leaves out: rows, not text of its own."""
    words, bands = _zebra(600, FIRST)
    words += [w for x, year in zip(RIGHTS, YEARS, strict=True) for w in right_at(x, 582, year)]
    bands += [hrule(578, 50, 460), hrule(594, 50, 460), vrule(50, 578, 594), vrule(460, 578, 594)]
    first = word_page([*words_at(60, 500, PROSE), *words], bands, number=1)
    cut = words_at(55, 80, "Tabel 1 (fortsat)") + words_at(55, 100, "Ressourceforløbsydelse under")
    cut += right_at(RIGHTS[-1], 100, "25")
    cut += words_at(55, 109, "sanktioner - §§ 69j-69u dog ikke §69s")
    words, bands = _zebra(124, MORE)
    second = word_page([*cut, *words], bands, number=2)
    tables = detect(first, second)
    assert [t.pages for t in tables] == [(1, 2)]
    assert body(tables[0])[-3:] == MORE


def _scanned(number: int, footer: str, *parts: list[Word]) -> PageContent:
    """A page read by OCR, its running footer as OCR read it on this page."""
    words = [*words_at(60, 810, footer), *(w for part in parts for w in part)]
    return word_page([replace(w, source="ocr") for w in words], number=number)


def test_a_scans_running_footer_read_differently_on_each_page_does_not_stop_it() -> None:
    """OCR reads the footer under the table another way on the next page ("politik" as
    "poliuk", "1" as "|"): it is still the running footer, and the table goes on."""
    first = _scanned(1, "roedovre.dk politik dagsordener Side |", _table(700, FIRST))
    second = _scanned(2, "roedovre.dk poliuk dagsordener Side 2", _table(80, MORE, False))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert body(table) == FIRST + MORE


def test_a_scans_line_under_the_table_unlike_the_next_pages_ends_it() -> None:
    """An OCR'd note under the table that no line of the next page reads like ends it."""
    first = _scanned(1, "Kilde: Ankestyrelsens talportal", _table(700, FIRST))
    second = _scanned(2, "roedovre.dk politik dagsordener Side 2", _table(80, MORE, False))
    assert [t.pages for t in detect(first, second)] == [(1,), (2,)]
