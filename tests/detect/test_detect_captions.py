"""Captions on synthetic pages: a caption printed under its table, under the last part of a
table continued over pages, and a caption above the next table that stays with it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest
from pdf_factory import body, detect, labels, right_at, word_page, words_at

from extract.model import PageContent, Word

RIGHTS = [330.0, 390.0]
ROWS = [("Serviceloven", "12", "15"), ("Pension", "7", "9"), ("Boliger", "3", "4")]
CAPTION = "Tabel 2 Realitetsbehandlede sager efter lovområde på landsplan 2020"
PROSE_LINE = "Her følger en gennemgang af sagerne efter lovområde, som de er afgjort i året"


def _table(top: float, rows: Sequence[tuple[str, ...]]) -> list[Word]:
    words = right_at(330, top, "2019") + right_at(390, top, "2020")
    for i, (label, *values) in enumerate(rows, start=1):
        words += words_at(60, top + 12 * i, label)
        for x, value in zip(RIGHTS, values, strict=True):
            words += right_at(x, top + 12 * i, value)
    return words


def _page(number: int, words: list[Word]) -> PageContent:
    return word_page([*words_at(420, 40, f"Side {number} af 9"), *words], number=number)


def test_a_caption_under_the_table_is_its_caption() -> None:
    words = _table(100, ROWS) + words_at(60, 100 + 12 * len(ROWS) + 14, CAPTION)
    (table,) = detect(_page(1, words))
    assert table.caption == CAPTION
    assert table.table_id == "2"
    assert body(table) == ROWS


def test_a_caption_under_a_scanned_table_past_a_pens_circle_read_as_a_word() -> None:
    """The bottom of a pen's circle round the last value, read by OCR as "“eee" (confidence
    47) between the table and its caption: dirt, no line the caption must come first of."""
    from extract.detect.layout import group_lines
    from extract.detect.text_around import caption_below

    dirt = [replace(w, source="ocr", confidence=47.0) for w in words_at(340, 150, "“eee")]
    caption = [replace(w, source="ocr", confidence=92.0) for w in words_at(60, 156, CAPTION)]
    lines = group_lines([*dirt, *caption])
    assert len(lines) == 2
    found = caption_below(lines, 146.0, 800.0)
    assert found is not None and found[0] == CAPTION
    sure = [replace(w, confidence=80.0) for w in dirt]
    assert caption_below(group_lines([*sure, *caption]), 146.0, 800.0) is None


def test_a_caption_under_the_last_part_of_a_continued_table() -> None:
    first = _page(1, words_at(60, 100, "Afgjorte sager") + _table(700, ROWS))
    second = _page(2, _table(80, ROWS[:2]) + words_at(60, 80 + 12 * 2 + 14, CAPTION))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert table.caption == CAPTION
    assert labels(table) == ["2019", "2020"]
    assert body(table) == ROWS + ROWS[:2]


def test_a_caption_under_the_table_with_a_greeting_close_under_it() -> None:
    """ "Med venlig hilsen" set closer under the caption than the caption under the table is
    no table the caption could introduce."""
    bottom = 100 + 12 * len(ROWS)
    words = _table(100, ROWS) + words_at(60, bottom + 22, CAPTION)
    words += words_at(60, bottom + 39, "Med venlig hilsen")
    (table,) = detect(_page(1, words))
    assert table.caption == CAPTION


def test_a_caption_above_the_next_table_stays_with_that_table() -> None:
    upper = _table(100, ROWS)
    caption = words_at(60, 190, CAPTION)
    lower = _table(204, ROWS[:2])
    first, second = detect(_page(1, upper + caption + lower))
    assert first.caption is None
    assert second.caption == CAPTION


def test_a_caption_under_a_part_marked_fortsat_above() -> None:
    """The last part of a continued table under "Tabel 2 (fortsat)", the caption under it:
    the joined table takes the caption."""
    first = _page(1, words_at(60, 100, "Afgjorte sager") + _table(700, ROWS))
    last = words_at(60, 66, "Tabel 2 (fortsat)") + _table(80, ROWS[:2])
    second = _page(2, last + words_at(60, 80 + 12 * 2 + 14, CAPTION))
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert table.caption == CAPTION


def test_a_caption_a_line_and_a_bit_under_the_table() -> None:
    """Rows padded in their cells: the caption stands more than a line's height under the
    last row's text, still its caption."""
    words = _table(100, ROWS) + words_at(60, 100 + 12 * len(ROWS) + 20, CAPTION)
    (table,) = detect(_page(1, words))
    assert table.caption == CAPTION


def test_a_caption_over_a_block_that_is_no_table_is_not_the_caption_of_the_table_above() -> None:
    """Under the table, a caption with a header wrapped in narrow cells right under it (a
    table with too few rows to be found): it introduces that, not the table above."""
    words = _table(100, ROWS) + words_at(60, 100 + 12 * len(ROWS) + 16, CAPTION)
    top = 100 + 12 * len(ROWS) + 16 + 12
    for i, text in enumerate(["Gns.", "sags-", "beha-", "ndling"]):
        words += right_at(330, top + 9 * i, text)
    words += words_at(60, top + 40, "Total") + right_at(330, top + 40, "26,3")
    (table, *_) = detect(_page(1, words))
    assert table.caption is None
    assert body(table) == ROWS


def test_a_caption_under_the_table_with_a_note_right_under_it() -> None:
    words = _table(100, ROWS) + words_at(60, 100 + 12 * len(ROWS) + 14, CAPTION)
    words += words_at(60, 100 + 12 * len(ROWS) + 24, "Kilde: Ankestyrelsen")
    (table,) = detect(_page(1, words))
    assert table.caption == CAPTION


def test_a_bold_heading_of_two_lines_set_apart_is_the_title() -> None:
    """Bold heading lines over the table, as far apart as the heading from the table (a
    title, then its year): both are the title; the section heading further up is not."""
    words = words_at(60, 60, "Bilag: Ankestatistik", bold=True)
    words += words_at(60, 80, "Realitetsbehandlede sager (hele landet)", bold=True)
    words += words_at(60, 96, "2024", bold=True)
    (table,) = detect(_page(1, words + _table(112, ROWS)))
    assert table.title == "Realitetsbehandlede sager (hele landet) 2024"
    assert body(table) == ROWS


PERIOD_LINE = "Omgørelsesprocent fordelt efter lovgivning 2017M04"


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("ocr", f"{PERIOD_LINE} Hele landet i alt"),
        ("text", "Hele landet i alt"),
    ],
)
def test_a_heading_line_set_apart_over_the_title_counts_only_when_scanned(
    source: str, title: str
) -> None:
    """A line set apart above the one right over the table, as far apart as that line from
    the table (the table's period over its entity), the section heading further up: read by
    OCR, which tells no bold type, both lines are the title (the period line is not lost);
    in a text layer's regular type only the nearest is (only a bold heading's lines stand so
    far apart)."""
    words = words_at(60, 60, "Bilag: Ankestatistik")
    words += words_at(60, 80, PERIOD_LINE)
    words += words_at(60, 96, "Hele landet i alt")
    page = [replace(w, source=source) for w in words + _table(112, ROWS)]
    (table,) = detect(_page(1, page))
    assert table.title == title


def test_a_scanned_paragraph_over_a_heading_line_is_no_part_of_the_title() -> None:
    """OCR'd prose, its lines set tight, then a heading line set apart right over the table:
    the paragraph's last line is no line of the heading."""
    words = words_at(60, 56, "Ishøj Kommune havde dermed en lavere omgørelsesprocent end")
    words += words_at(60, 66, "landsgennemsnittet i 2019 og 2020, hvorimod den var højere.")
    words += words_at(60, 84, "Ankestatistik")
    ocr = [replace(w, source="ocr") for w in words + _table(106, ROWS)]
    (table,) = detect(_page(1, ocr))
    assert table.title == "Ankestatistik"


def test_a_caption_without_tabel_under_the_table_with_a_footnote_under_it() -> None:
    """A short phrase right under the table, no "Tabel" before it, a footnote "(1) …" under
    that: the phrase is the table's caption, the footnote no part of it."""
    under = 100 + 12 * len(ROWS) + 14
    words = _table(100, ROWS) + words_at(60, under, "Ankestatistik efter serviceloven")
    words += words_at(60, under + 11, "(1) Foreløbige tal.")
    (table,) = detect(_page(1, words))
    assert table.caption == "Ankestatistik efter serviceloven"


def test_a_sentence_right_under_the_table_is_no_caption() -> None:
    """Prose right under the table (a sentence, no "Tabel") is not taken for its caption."""
    under = 100 + 12 * len(ROWS) + 14
    text = "Tallene er opgjort efter serviceloven."
    (table,) = detect(_page(1, _table(100, ROWS) + words_at(60, under, text)))
    assert table.caption is None


def test_a_table_of_one_row_under_its_header_with_the_caption_under_it() -> None:
    """Header, one row of values and the caption under them: a table of one row."""
    row = ("Alle lovområder", "11898", "17305")
    words = words_at(60, 60, PROSE_LINE) + _table(100, [row]) + words_at(60, 126, CAPTION)
    (table,) = detect(_page(1, words))
    assert table.caption == CAPTION
    assert labels(table) == ["2019", "2020"]
    assert body(table) == [row]


def test_a_continued_tables_last_row_under_fortsat_takes_the_caption_under_it() -> None:
    """A table without a caption ends page 1; page 2 under "Tabel 2 (fortsat)" repeats the
    header over one last row, the caption printed under it: one table with that caption."""
    first = _page(1, words_at(60, 100, PROSE_LINE) + _table(700, ROWS))
    last = ("Sygedagpenge", "5", "6")
    second = _page(
        2,
        words_at(60, 60, "Tabel 2 (fortsat)")
        + _table(80, [last])
        + words_at(60, 80 + 12 + 14, CAPTION),
    )
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert table.caption == CAPTION
    assert body(table) == [*ROWS, last]


def test_a_row_of_years_under_a_header_band_is_its_lowest_header_line() -> None:
    """ "Antal | Pct." over a row of years, then the rows: one table whose headers end in
    the years (the years are no table of one row)."""
    words = words_at(60, 60, PROSE_LINE) + _table(112, ROWS)
    words += right_at(330, 100, "Antal") + right_at(390, 100, "Pct.")
    (table,) = detect(_page(1, words))
    assert labels(table) == ["Antal 2019", "Pct. 2020"]
    assert body(table) == ROWS


def test_a_caption_under_a_table_ends_where_text_in_another_size_follows() -> None:
    """The caption under the table (small type) and, close under it, a paragraph in the
    body's larger type naming a municipality: the caption stops before the paragraph, and
    the table further down does not take that caption as its own."""
    words = _table(100, ROWS) + words_at(60, 150, CAPTION)
    big = [
        Word(w.text, (w.bbox[0], w.bbox[1], w.bbox[2], w.bbox[3] + 3), font_size=12.0)
        for w in words_at(60, 167, "På aktivlovens område har Ishøj Kommune en større andel")
    ]
    below = _table(260, [("Pension", "1", "2"), ("Boliger", "3", "5")])
    first, second = detect(_page(1, [*words, *big, *below]))
    assert first.caption == CAPTION
    assert second.caption is None


def test_a_greeting_under_the_table_is_no_caption() -> None:
    """ "Med venlig hilsen" right under a table closes the letter: it is no caption of the
    table (which would count as the table naming itself)."""
    bottom = 100 + 12 * len(ROWS)
    words = _table(100, ROWS) + words_at(60, bottom + 22, "Med venlig hilsen")
    (table,) = detect(_page(1, words))
    assert table.caption is None


def test_an_item_of_a_bulleted_list_right_above_the_table_is_no_title() -> None:
    """A proposal's points above the table ("• at omgørelsesprocenten … i 2021 tages til
    efterretning"): prose, not the table's title (its year is not the table's)."""
    point = "• at omgørelsesprocenten på socialområdet i 2021 tages til efterretning"
    words = words_at(60, 80, point) + _table(100, ROWS)
    (table,) = detect(_page(1, words))
    assert table.title is None
    assert body(table) == ROWS
    plain = words_at(60, 80, point[2:]) + _table(100, ROWS)
    (table,) = detect(_page(1, plain))
    assert table.title == point[2:]


def test_a_caption_at_the_top_of_the_next_page_goes_with_the_table_ending_the_page_before() -> None:
    """A table ending page 1 without a caption; page 2 opens with "Tabel 2 …" and a note:
    the caption under the table went over the page break. When a small table (one row of
    values, too small to be found) stands under that caption instead, it is that table's."""
    first = _page(1, words_at(60, 100, "Afgjorte sager") + _table(700, ROWS))
    note = words_at(60, 100, "Kilde: Ankestyrelsen")
    (table,) = detect(first, _page(2, words_at(60, 80, CAPTION) + note))
    assert table.caption == CAPTION
    small = words_at(300, 96, "Andel") + words_at(300, 106, "ændret")
    small += words_at(60, 120, "Alle") + words_at(60, 130, "lovområder") + right_at(330, 130, "11")
    (table,) = detect(first, _page(2, words_at(60, 80, CAPTION) + small))
    assert table.caption is None
    assert body(table) == ROWS


def test_a_heading_line_over_a_title_that_is_a_name_is_part_of_the_title() -> None:
    """A heading of its own ("Afgørelser efter instans og sagsemne på landsplan 2019-2021",
    no "Tabel") over a name ("Serviceloven") right above the table: the title is both, so
    the entity it names (landsplan) is the table's; a sentence over the name is not."""
    words = words_at(60, 60, "Sagsfremstilling")
    words += words_at(60, 80, "Afgørelser efter instans og sagsemne på landsplan 2019-2021")
    words += words_at(60, 96, "Serviceloven") + _table(112, ROWS)
    (table,) = detect(_page(1, words))
    assert table.title == (
        "Afgørelser efter instans og sagsemne på landsplan 2019-2021\nServiceloven"
    )
    words = words_at(60, 80, "Tallene er opgjort pr. 1. april.")
    words += words_at(60, 96, "Serviceloven") + _table(112, ROWS)
    (table,) = detect(_page(1, words))
    assert table.title == "Serviceloven"


def test_a_line_of_running_text_naming_a_table_is_no_caption() -> None:
    """A paragraph right above the table with a line starting "Tabel 2, der viser …" (a
    sentence going on from the line before, the table named in it) is no caption: the
    table's caption is the one under it."""
    prose = [
        "Omgørelsesprocenten var højest inden for serviceloven. Som det fremgår af",
        "Tabel 2, der viser omgørelsesprocenten fordelt på lovområder, blev hver",
        "anden sag inden for serviceloven omgjort i det seneste år.",
    ]
    words: list[Word] = []
    for i, line in enumerate(prose):
        words += words_at(60, 40 + 11 * i, line)
    bottom = 100 + 12 * len(ROWS)
    words += _table(100, ROWS) + words_at(60, bottom + 14, CAPTION)
    (table,) = detect(_page(1, words))
    assert table.caption == CAPTION
    assert body(table) == ROWS


def test_a_caption_stranded_at_a_pages_end_captions_the_table_on_the_next_page() -> None:
    """ "Tabel 2 …" is the last line of page 1 (its table did not fit under it); page 2
    starts with a table with nothing over it: the caption is that table's, with its
    number."""
    upper = words_at(60, 80, "Tabel 1 Afgjorte sager efter lovområde") + _table(100, ROWS)
    first = _page(1, [*upper, *words_at(60, 760, CAPTION)])
    second = _page(2, _table(80, ROWS))
    tables = detect(first, second)
    assert [(t.table_id, t.caption) for t in tables] == [
        ("1", "Tabel 1 Afgjorte sager efter lovområde"),
        ("2", CAPTION),
    ]
    assert body(tables[1]) == ROWS


def test_a_scanned_part_under_fortsat_with_dirt_read_into_its_header_goes_on() -> None:
    """OCR read dirt in the repeated header's fill as a word ("En 2020" for "2020") on the
    page under "Tabel 2 (fortsat)": the part goes on with the table's own header, and takes
    the caption under it. The same header printed so on a digital page starts a table."""

    def scanned(words: list[Word]) -> list[Word]:
        return [replace(w, source="ocr", confidence=90.0) for w in words]

    rows = [("Sygedagpenge", "5", "6"), ("Andre love", "1", "2")]
    part = right_at(330, 80, "2019") + right_at(390, 80, "En 2020")
    for i, (label, *values) in enumerate(rows, start=1):
        part += words_at(60, 80 + 12 * i, label)
        part += [
            w for x, v in zip(RIGHTS, values, strict=True) for w in right_at(x, 80 + 12 * i, v)
        ]
    part += words_at(60, 80 + 12 * 2 + 14, CAPTION)
    heading = words_at(60, 60, "Tabel 2 (fortsat)")
    first = _page(1, scanned(words_at(60, 100, PROSE_LINE) + _table(700, ROWS)))
    (table,) = detect(first, _page(2, scanned(heading + part)))
    assert table.pages == (1, 2)
    assert table.caption == CAPTION
    assert labels(table) == ["2019", "2020"]
    assert body(table) == [*ROWS, *rows]
    digital = detect(
        _page(1, words_at(60, 100, PROSE_LINE) + _table(700, ROWS)), _page(2, heading + part)
    )
    assert len(digital) == 2


def test_a_scanned_caption_stops_at_a_line_holding_a_number() -> None:
    """On a scan every line between a caption and its table goes with the caption (OCR'd
    sizes tell no paragraph apart), but not a row of the table detection left out ("2022
    Lov om aktiv beskæftigelsesindsats 25"): its year and law area are no caption's."""
    from extract.detect.layout import group_lines
    from extract.detect.text_around import caption_above

    texts = [
        (200, "Tabel 3.3: Omgørelsesprocent efter lovområde på landsplan"),
        (212, "År Lovområde Omgørelsesprocent"),
        (224, "2022 Lov om aktiv beskæftigelsesindsats"),
    ]
    printed = [w for top, text in texts for w in words_at(60, top, text)]
    printed += right_at(330, 224, "25")
    words = [replace(w, source="ocr", confidence=92.0) for w in printed]
    caption, number, _title = caption_above(group_lines(words), 240.0, 0.0)
    assert number == "3.3"
    assert caption == f"{texts[0][1]} {texts[1][1]}"
