"""Unruled table detection on synthetic pages: prose and charts are no tables, stacked tables
are cut apart, tight numbers, scaled fonts, group headings and wrapped headers."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import (
    MONO,
    body,
    detect,
    hrule,
    labels,
    mono_at,
    right_at,
    text_width,
    word_page,
    words_at,
)

from extract.detect.grid import Grid
from extract.detect.layout import group_lines, split_chunks
from extract.detect.line_context import month_parts, year_parts
from extract.detect.regions import find_tables
from extract.detect.value_text import is_value_text
from extract.model import PageContent, Word

SIZE = 9.0
CHAR = 0.5 * SIZE  # width of one character
SPACE = 0.25 * SIZE  # width of one space (under the chunk gap of half a font size)


def _words(x: float, top: float, text: str, size: float = SIZE, height: float = SIZE) -> list[Word]:
    """The words of ``text`` set from ``x`` at ``top``, one space between words."""
    out: list[Word] = []
    for token in text.split():
        width = len(token) * CHAR
        out.append(Word(token, (x, top, x + width, top + height), font_size=size))
        x += width + SPACE
    return out


def _right(x1: float, top: float, text: str) -> list[Word]:
    """``text`` set flush right against ``x1``."""
    return _words(x1 - (len(text) * CHAR + (len(text.split()) - 1) * (SPACE - CHAR)), top, text)


def _page(lines: Sequence[Sequence[tuple[float, str]]], top: float = 100.0) -> PageContent:
    """A page of lines 12 points apart; each line is (x, text) pieces set left-aligned."""
    words = [
        w
        for i, line in enumerate(lines)
        for x, text in line
        for w in _words(x, top + 12.0 * i, text)
    ]
    return PageContent(1, 600.0, 800.0, tuple(words))


def _rows(grid: Grid) -> list[list[tuple[int, str]]]:
    """Each grid row as (column, text) pairs, left to right."""
    rows: dict[int, list[tuple[int, str]]] = {}
    for cell in sorted(grid.cells, key=lambda c: (c.row0, c.col0)):
        rows.setdefault(cell.row0, []).append((cell.col0, cell.text))
    return [rows[r] for r in sorted(rows)]


def test_prose_with_numbers_is_no_table() -> None:
    # justified text: wide word gaps split each line into chunks, and chunks that start with
    # a number line up by chance, as value columns would
    text = [
        ("the rate was", "125 cases for", "the very young", "which is almost", "three times"),
        ("higher than it", "12 years ago", "and than that", "of the next age", "group in the"),
        ("most of the", "30 countries that", "reported cases", "of the disease", "in both the"),
        ("years and the", "45 percent share", "was much the", "same as it was", "the year before"),
    ]
    lines = [[(60.0 + 90.0 * k, piece) for k, piece in enumerate(line)] for line in text]
    assert find_tables(_page(lines)) == []


def test_two_columns_of_prose_are_no_table() -> None:
    # two text columns; lines of the right one that start with a number look like values
    left = [
        "the survey was run in the spring and the",
        "schools that took part in it were asked",
        "about the data that the state keeps on",
        "its own students and on the staff of the",
    ]
    right = [
        "12 schools were in the sample and the rest",
        "2011 data gaps in the survey were found",
        "22 topics include the health of students",
        "14 of them were asked again in the fall",
    ]
    lines = [[(60.0, a), (320.0, b)] for a, b in zip(left, right, strict=True)]
    assert find_tables(_page(lines)) == []


def test_chart_axis_with_rotated_title_is_no_table() -> None:
    ticks = ["120", "100", "80", "60", "40", "20"]
    letters = ["n o i", "t a l", "u p o p", "r e p", "s e s", "a c"]
    words: list[Word] = []
    for i, (tick, soup) in enumerate(zip(ticks, letters, strict=True)):
        words += _words(60.0, 100.0 + 12.0 * i, soup)
        words += _right(160.0, 100.0 + 12.0 * i, tick)
    assert find_tables(PageContent(1, 600.0, 800.0, tuple(words))) == []


def test_stacked_tables_with_other_columns_are_cut_apart() -> None:
    # the lower table's wide values bridge the upper table's columns: read as one block,
    # every column would run into the next
    words: list[Word] = []
    top = 100.0
    for heading, columns, values in (
        ("1.0 1.1 1.2", (250.0, 270.0, 290.0), ("80", "88", "96")),
        ("1.7 1.8 1.9", (263.0, 283.0, 303.0), ("136", "144", "152")),
    ):
        words += _words(200.0, top, "Design effect")
        top += 12.0
        for x1, head in zip(columns, heading.split(), strict=True):
            words += _right(x1, top, head)
        top += 12.0
        for label in ("0.99", "0.95", "0.90"):
            words += _words(72.0, top, label)
            for x1, value in zip(columns, values, strict=True):
                words += _right(x1, top, value)
            top += 12.0
        top += 12.0
    tables = find_tables(PageContent(1, 600.0, 800.0, tuple(words)))
    assert [(t.grid.n_rows, t.grid.n_cols) for t in tables] == [(5, 4), (5, 4)]
    assert _rows(tables[0].grid)[2] == [(0, "0.99"), (1, "80"), (2, "88"), (3, "96")]
    assert _rows(tables[1].grid)[2] == [(0, "0.99"), (1, "136"), (2, "144"), (3, "152")]


def test_tight_numbers_are_two_values_but_thousands_groups_and_lists_stay_one() -> None:
    def chunks(text: str) -> list[str]:
        return [c.text for c in split_chunks(_words(0.0, 0.0, text))]

    assert chunks("3,068,550 3,103,540 12.5") == ["3,068,550", "3,103,540", "12.5"]
    assert chunks("1 234") == ["1 234"]
    assert chunks("1269 (19.9%)") == ["1269 (19.9%)"]
    assert chunks("§§ 15, 21, 24") == ["§§ 15, 21, 24"]


def test_a_digit_group_at_a_wider_gap_than_its_numbers_groups_is_the_next_cell() -> None:
    # bold "21 319" and "100 %" set tight in two columns: the gap before "100" (5 points) is
    # wider than the thousands space in "21 319" (2.7): two values; "1 234 567" stays one
    def word(text: str, x0: float, x1: float) -> Word:
        return Word(text, (x0, 0.0, x1, 10.0), font_size=10.0)

    tight = [word("21", 458.8, 470.0), word("319", 472.7, 489.4), word("100", 494.4, 511.1)]
    tight.append(word("%", 513.9, 522.8))
    assert [c.text for c in split_chunks(tight)] == ["21 319", "100 %"]
    even = [word("1", 0.0, 5.6), word("234", 8.3, 25.0), word("567", 27.7, 44.4)]
    assert [c.text for c in split_chunks(even)] == ["1 234 567"]


def test_a_number_after_a_number_and_its_unit_is_the_next_cell() -> None:
    # durations set a word space apart: "14,5 uger 17,5 uger 26,3 uger" is three cells
    def chunks(text: str) -> list[str]:
        return [c.text for c in split_chunks(_words(0.0, 0.0, text))]

    assert chunks("14,5 uger 17,5 uger 26,3 uger") == ["14,5 uger", "17,5 uger", "26,3 uger"]
    assert chunks("37,9 pct. 40,1 pct.") == ["37,9 pct.", "40,1 pct."]
    assert chunks("52 sager i alt") == ["52 sager i alt"]


def test_scaled_size_one_font_reads_like_its_box_height() -> None:
    # the text layer says size 1 (scaled by the text matrix); the box is 9 points high
    words = _words(0.0, 0.0, "15", size=1.0) + _words(11.3, 0.0, "455", size=1.0)
    (line,) = group_lines(words)
    assert [c.text for c in line.chunks] == ["15 455"]
    assert line.font_size == 0.8 * SIZE


def test_group_headings_at_the_margin_stay_in_the_table() -> None:
    lines: list[list[tuple[float, str]]] = [
        [(60.0, "Characteristic"), (250.0, "Total"), (320.0, "Share")],
        [(60.0, "Sex")],
        [(70.0, "Male"), (250.0, "61,206"), (320.0, "4.7")],
        [(70.0, "Female"), (250.0, "49,486"), (320.0, "5.9")],
        [(60.0, "Region")],
        [(70.0, "Northeast"), (250.0, "23,128"), (320.0, "5.4")],
        [(70.0, "Midwest"), (250.0, "29,202"), (320.0, "4.2")],
    ]
    (table,) = find_tables(_page(lines))
    rows = _rows(table.grid)
    assert [row[0][1] for row in rows] == [
        "Characteristic",
        "Sex",
        "Male",
        "Female",
        "Region",
        "Northeast",
        "Midwest",
    ]
    assert rows[5] == [(0, "Northeast"), (1, "23,128"), (2, "5.4")]


def test_wrapped_header_is_one_cell_and_numeric_stub_set_flush_right() -> None:
    words: list[Word] = []
    for i, (a, b) in enumerate((("Body", "Relative"), ("Weight", "to Controls"))):
        words += _words(150.0, 100.0 + 10.0 * i, a)  # 1 point between the header lines
        words += _words(220.0, 100.0 + 10.0 * i, b)
    for i, (stub, one, two) in enumerate(
        (("0", "5.8", "100"), ("250", "5.9", "102"), ("1,000", "5.8", "96"))
    ):
        top = 125.0 + 12.0 * i
        words += _right(100.0, top, stub) + _right(180.0, top, one) + _right(260.0, top, two)
    (table,) = find_tables(PageContent(1, 600.0, 800.0, tuple(words)))
    rows = _rows(table.grid)
    assert rows[0] == [(1, "Body Weight"), (2, "Relative to Controls")]
    assert next(cell for cell in table.grid.cells if cell.row0 == 0).row1 == 1
    assert rows[1:] == [
        [(0, "0"), (1, "5.8"), (2, "100")],
        [(0, "250"), (1, "5.9"), (2, "102")],
        [(0, "1,000"), (1, "5.8"), (2, "96")],
    ]


def test_axis_ticks_beside_labels_are_no_table() -> None:
    # a bar chart: tick values down the axis, bar labels and values beside them
    words: list[Word] = []
    for i, tick in enumerate(("450", "400", "350", "300", "250", "200")):
        top = 100.0 + 12.0 * i
        words += _words(
            60.0, top, ("Diff CDS", "spread", "Diff bond", "yield", "Italy", "Spain")[i]
        )
        words += _right(160.0, top, tick)
        words += _right(260.0, top, tick)
    assert find_tables(PageContent(1, 600.0, 800.0, tuple(words))) == []


def test_letters_set_sideways_are_not_read() -> None:
    # a rotated axis title beside a table: one glyph per word, each box wider than high
    sideways = [
        Word(letter, (30.0, 100.0 + 6.0 * i, 40.0, 106.0 + 6.0 * i), font_size=9.0)
        for i, letter in enumerate("population")
    ]
    lines: list[list[tuple[float, str]]] = [
        [(60.0, "Country"), (200.0, "Cases"), (260.0, "Rate")],
        [(60.0, "Austria"), (200.0, "12"), (260.0, "1.5")],
        [(60.0, "Belgium"), (200.0, "30"), (260.0, "2.8")],
        [(60.0, "Denmark"), (200.0, "7"), (260.0, "0.9")],
    ]
    page = _page(lines)
    (table,) = find_tables(PageContent(1, 600.0, 800.0, page.words + tuple(sideways)))
    assert _rows(table.grid) == [
        [(0, "Country"), (1, "Cases"), (2, "Rate")],
        [(0, "Austria"), (1, "12"), (2, "1.5")],
        [(0, "Belgium"), (1, "30"), (2, "2.8")],
        [(0, "Denmark"), (1, "7"), (2, "0.9")],
    ]


def test_dot_leaders_are_no_cell_text() -> None:
    lines: list[list[tuple[float, str]]] = [
        [(72.0, "0.99"), (108.0, ".................."), (252.0, "800"), (300.0, "880")],
        [(72.0, "0.95"), (108.0, ".................."), (252.0, "160"), (300.0, "176")],
        [(72.0, "0.90"), (108.0, ".................."), (252.0, "80"), (300.0, "88")],
    ]
    (table,) = find_tables(_page(lines))
    assert _rows(table.grid) == [
        [(0, "0.99"), (1, "800"), (2, "880")],
        [(0, "0.95"), (1, "160"), (2, "176")],
        [(0, "0.90"), (1, "80"), (2, "88")],
    ]


def test_table_beside_a_text_column_is_read_without_the_text() -> None:
    prose = [
        "disparities in heart disease and stroke among persons who",
        "have heart disease or have had a stroke often focus on the",
        "differences in access to care and the use of diagnostic and",
        "surgical procedures and the type of medication used in the",
        "treatment of the disease and research on the promotion of",
        "health through preventing the onset of hypertension in the",
    ]
    table = [
        ("State", "No.", "Rate"),
        ("Alabama", "1,144", "193.5"),
        ("Alaska", "39,385", "181.2"),
        ("Arizona", "6,930", "177.4"),
        ("Arkansas", "10,602", "167.8"),
        ("Colorado", "2,187", "162.4"),
    ]
    lines = [
        [(60.0, label), (180.0, number), (240.0, rate), (320.0, text)]
        for (label, number, rate), text in zip(table, prose, strict=True)
    ]
    (found,) = find_tables(_page(lines))
    assert _rows(found.grid) == [
        [(0, "State"), (1, "No."), (2, "Rate")],
        [(0, "Alabama"), (1, "1,144"), (2, "193.5")],
        [(0, "Alaska"), (1, "39,385"), (2, "181.2")],
        [(0, "Arizona"), (1, "6,930"), (2, "177.4")],
        [(0, "Arkansas"), (1, "10,602"), (2, "167.8")],
        [(0, "Colorado"), (1, "2,187"), (2, "162.4")],
    ]


def test_a_title_above_the_header_is_no_header_line() -> None:
    # the title starts left of the rows, a font size and a half above the header
    words = _words(56.0, 88.0, "Ankestatistik Ishøj")
    lines: list[list[tuple[float, str]]] = [
        [(200.0, "Stadfæstede"), (280.0, "Hjemviste")],
        [(60.0, "Biler - § 114"), (200.0, "4"), (280.0, "2")],
        [(60.0, "Boligindretning - § 116"), (200.0, "2"), (280.0, "0")],
        [(60.0, "Hjemmehjælp - § 83"), (200.0, "7"), (280.0, "1")],
    ]
    page = _page(lines, top=110.0)
    (found,) = find_tables(PageContent(1, 600.0, 800.0, tuple(words) + page.words))
    assert found.title == "Ankestatistik Ishøj"
    assert _rows(found.grid)[0] == [(1, "Stadfæstede"), (2, "Hjemviste")]


def test_a_page_set_sideways_is_read_turned() -> None:
    # a landscape page shown with /Rotate: the text layer gives each glyph alone, bottom to
    # top, its box wider than high; read turned, the table comes out upright
    height = 800.0  # of the page as stored; the turned page is 800 wide
    rows = [
        ("Country", "Enquiries", "Share"),
        ("Spain", "268", "15.5"),
        ("Germany", "233", "13.5"),
        ("United Kingdom", "139", "8.1"),
        ("France", "136", "7.9"),
    ]
    glyphs: list[Word] = []
    for i, row in enumerate(rows):
        top = 100.0 + 12.0 * i
        for x, text in zip((60.0, 250.0, 330.0), row, strict=True):
            for word in _words(x, top, text):
                for k, char in enumerate(word.text):
                    a = word.bbox[0] + CHAR * k  # the glyph's box in the turned page
                    box = (top, height - (a + CHAR), top + SIZE, height - a)
                    glyphs.append(Word(char, box, font_size=SIZE))
    (table,) = find_tables(PageContent(1, 600.0, height, tuple(glyphs)))
    assert _rows(table.grid) == [
        [(0, "Country"), (1, "Enquiries"), (2, "Share")],
        [(0, "Spain"), (1, "268"), (2, "15.5")],
        [(0, "Germany"), (1, "233"), (2, "13.5")],
        [(0, "United Kingdom"), (1, "139"), (2, "8.1")],
        [(0, "France"), (1, "136"), (2, "7.9")],
    ]


def test_monospaced_words_a_space_apart_are_one_chunk() -> None:
    """In a monospaced font a word space is a whole character (0.6 em) wide, wider than the
    chunk gap of proportional type: the words of one label still make one chunk."""

    (line,) = group_lines(mono_at(60, 100, "Bevillingstidspunkt og satser - §§ 22-26"))
    assert [c.text for c in line.chunks] == ["Bevillingstidspunkt og satser - §§ 22-26"]
    words = mono_at(60, 100, "Lov") + mono_at(300, 100, "Antal")
    words += mono_at(60, 112, "Hjælp efter §§ 22-26") + mono_at(318, 112, "96")
    words += mono_at(60, 124, "Formue - §§ 14 og 15") + mono_at(309, 124, "128")
    (table,) = detect(word_page(words))
    assert body(table) == [("Hjælp efter §§ 22-26", "96"), ("Formue - §§ 14 og 15", "128")]


def test_monospaced_line_of_symbols_and_numbers_a_space_apart_is_one_chunk() -> None:
    """A wrapped label's last line with no word of letters ("- § 80") in the page's
    monospaced font: its words a space apart are one label chunk (not a dash and a number
    read as values making a row of their own); words a little more than a space apart on
    such a line stay apart (columns set close)."""

    words = mono_at(60, 100, "Lov") + mono_at(300, 100, "Antal") + mono_at(360, 100, "Pct.")
    rows = [
        (["Almene tilbud og husvilde", "- § 80"], "2", "33"),
        (["Biler og busser"], "247", "21"),
    ]
    rows += [(["Boligindretning i hjemmet"], "125", "18"), (["Forbrugsgoder i alt"], "15", "9")]
    top = 114.0
    for label, count, share in rows:
        for j, text in enumerate(label):
            words += mono_at(65, top + 10 * j, text)
        words += mono_at(327 - MONO * len(count), top, count) + mono_at(
            387 - MONO * len(share), top, share
        )
        top += 10 * len(label) + 5
    (table,) = detect(word_page(words))
    assert body(table) == [(" ".join(label), count, share) for label, count, share in rows]
    # a header of periods, no word of letters, its columns set 1.2 characters apart
    periods = mono_at(300, 60, "H1 2023") + mono_at(300 + MONO * 8.2, 60, "H2 2023")
    line = group_lines(periods + words)[0]
    assert [c.text for c in line.chunks] == ["H1 2023", "H2 2023"]


def test_a_period_label_with_a_year_is_header_text_not_a_value() -> None:
    """ "2. halvår 2024" starts with a digit but is a period label: the line holding it is
    the header, and the label is read whole over its column, though it reaches left into
    the label column beside it."""
    words = words_at(55, 100, "Udfald") + words_at(160, 100, "Paragraf")
    words += words_at(330, 100, "2. halvår 2024")
    rows = [("Stadfæstet", "Børn - § 50", "1"), ("", "Børn - forældrebetaling § 159 ab", "4")]
    rows += [("", "Husvilde - § 80", "0")]
    for i, (outer, inner, value) in enumerate(rows):
        y = 114 + 14 * i
        words += (words_at(55, y, outer) if outer else []) + words_at(160, y, inner)
        words += right_at(400, y, value)
    (table,) = detect(word_page(words, [hrule(97 + 14 * i, 50, 405) for i in range(5)]))
    assert labels(table) == ["2. halvår 2024"]
    assert table.stub_header == "Udfald / Paragraf"


def test_two_label_columns_beside_percentages_are_no_text_column() -> None:
    # a group label and a law label of six words together, the values "11 %" (the "%" a
    # word of its own): two stub columns beside a value column, not running text beside
    # a column of its own (the page was cut in two and no table found)
    laws = ["Aktivloven", "Lov om almene boliger", "Barnets lov", "Andre love i øvrigt"]
    laws += ["Serviceloven", "Sager i alt"]
    groups = ["Ændrede sager", "Andel ændret", "Hjemviste sager"]
    words = _words(360.0, 88.0, "2024")
    for i, (group, law) in enumerate((g, law) for g in groups for law in laws):
        top = 100.0 + 12.0 * i
        words += _words(60.0, top, group) + _words(180.0, top, law)
        words += _right(390.0, top, f"{i + 3} %")
    (found,) = find_tables(PageContent(1, 600.0, 800.0, tuple(words)))
    rows = _rows(found.grid)
    assert len(rows) == 19
    assert rows[-3] == [(0, "Hjemviste sager"), (1, "Andre love i øvrigt"), (2, "18 %")]


def test_a_monospaced_font_is_known_by_lone_labels_of_several_lengths() -> None:
    """Row labels of one word each in a monospaced font, no line with two words of letters
    to tell it by: the letters' width (as wide as its size says) is known over those lines,
    so "12 838" is one number and "Hjælpemidler - 112" one label."""
    labels_ = ["Stadfæstede", "Ændringsprocent", "Realitetsbehandlede", "Omgørelse"]
    words = [w for i, text in enumerate(labels_) for w in mono_at(60, 100 + 14 * i, text)]
    words += mono_at(60, 160, "Hjælpemidler - 112") + mono_at(300, 100, "12 838")
    lines = group_lines(words)
    texts = [[c.text for c in line.chunks] for line in lines]
    assert ["Stadfæstede", "12 838"] in texts
    assert ["Hjælpemidler - 112"] in texts


def test_lone_words_of_a_proportional_font_tell_no_monospaced_one() -> None:
    """One-word lines whose letters happen to be alike in width but narrower than a
    monospaced font's: no font is known, so words far apart stay apart."""
    words: list[Word] = []
    for i, text in enumerate(["Stadfæstede", "Ændringsprocent", "Realitetsbehandlede"]):
        words += words_at(60, 100 + 14 * i, text)  # CHAR = 0.5 of the size: not monospaced
    words += words_at(60, 160, "Sager") + words_at(60 + text_width("Sager") + 5.0, 160, "12")
    (*_, last) = group_lines(words)
    assert [c.text for c in last.chunks] == ["Sager", "12"]


def test_monospaced_headers_a_little_more_than_a_space_apart_are_two_chunks() -> None:
    """In a monospaced font a word space is one character exactly: two headers set tight
    in their cells, about a character and a quarter apart ("Hjemviste  Afvist"), are two."""
    first = mono_at(60, 100, "Hjemviste")
    second = mono_at(first[-1].bbox[2] + 1.28 * MONO, 100, "Afvist")
    (line,) = group_lines([*first, *second])
    assert [c.text for c in line.chunks] == ["Hjemviste", "Afvist"]


def test_headers_broken_at_a_hyphen_a_space_apart_are_two_chunks() -> None:
    """Headers of narrow columns broken at a hyphen and set a space apart ("HJEMV-
    ÆNDRIN-"): the rest of a broken word stands on the next line, so the word after it on
    its line is another cell's; a conjunction carries a compound on ("Ændrings- og")."""
    words = mono_at(60, 100, "STADFÆ- HJEMV- G/OPHÆ- ETSBEH-")
    for k, label in enumerate(
        ("Almene tilbud og husvilde", "Biler og boliger", "Hjemmehjælp i alt")
    ):
        words += mono_at(60, 120 + 12 * k, label)  # (the page's monospaced font, known)
    line = group_lines(words)[0]
    assert [c.text for c in line.chunks] == ["STADFÆ-", "HJEMV-", "G/OPHÆ-", "ETSBEH-"]
    (line,) = group_lines(words_at(60, 100, "Ændrings- og ophævelsessager"))
    assert [c.text for c in line.chunks] == ["Ændrings- og ophævelsessager"]
    (line,) = group_lines(words_at(60, 100, "Børn - KSB - Samvær - § 104"))
    assert [c.text for c in line.chunks] == ["Børn - KSB - Samvær - § 104"]


def test_a_month_broken_off_its_year_is_header_text_not_a_value() -> None:
    """ "-04" under "2020" (a month broken off its year at its hyphen) is no value: no
    number prints a zero after its minus sign, footnote mark or not; "-4" and "-10" are
    values."""
    assert not is_value_text("-04") and not is_value_text("-05 ²")
    assert not is_value_text("-02 (1)")
    assert is_value_text("-4") and is_value_text("-10") and is_value_text("-")


def test_a_year_before_the_word_for_share_is_a_header() -> None:
    """ "2022 Procent" (a year over a column of shares) is no value; "38 procent" and
    "2024 %" are."""
    assert not is_value_text("2022 Procent") and not is_value_text("2023 pct. *")
    assert is_value_text("38 procent") and is_value_text("2024 %")


def test_a_month_after_the_hyphen_repeated_under_its_year_is_header_text() -> None:
    """ "2023-" over "-10" and "-11 ²" (a header broken at the hyphen, the hyphen repeated
    on the next line): the months are header text; "-10" under a word is a value."""
    top = [*words_at(100, 100, "2023-"), *words_at(160, 100, "2023-")]
    top += words_at(220, 100, "Ændring")
    under = [*words_at(104, 109, "-10"), *words_at(164, 109, "-11 ²"), *words_at(224, 109, "-10")]
    lines = month_parts(group_lines([*top, *under]))
    assert [(c.text, c.is_value) for c in lines[1].chunks] == [
        ("-10", False),
        ("-11 ²", False),
        ("-10", True),
    ]


def test_a_month_under_its_year_broken_before_the_hyphen_is_header_text() -> None:
    """ "2019" over "-10" (a header cut before the hyphen), a stub header set half a line
    lower between them: the month is header text; "-10" under a word is a value."""
    top = [*words_at(100, 100, "2019"), *words_at(220, 100, "Ændring")]
    stub = words_at(40, 105, "Afgørelsestype")
    under = [*words_at(102, 110, "-10"), *words_at(224, 110, "-10")]
    lines = month_parts(group_lines([*top, *stub, *under]))
    assert [(c.text, c.is_value) for c in lines[2].chunks] == [("-10", False), ("-10", True)]


def test_a_monospaced_header_with_a_glyph_a_little_wider_is_read_as_monospaced() -> None:
    """A header set in a monospaced face (3.9 points a character) whose text layer boxes
    some glyphs a little wider ("om" 7.96, not 7.8): words a space apart are one phrase
    ("Lov om højeste, mellemste førtidspension m.fl."), headers far apart stay apart."""

    def mono(x: float, text: str, extra: float = 0.0) -> Word:
        return Word(text, (x, 100.0, x + 3.9 * len(text) + extra, 106.5), font_size=6.5)

    words, x = [], 60.0
    for text, extra in [("Lov", 0.0), ("om", 0.156), ("højeste,", 0.0), ("mellemste", 0.15)]:
        words.append(mono(x, text, extra))
        x = words[-1].bbox[2] + 3.9
    words += [mono(x, "førtidspension", 0.0), mono(300.0, "Andre", 0.05), mono(323.4, "love")]
    assert [c.text for c in split_chunks(words)] == [
        "Lov om højeste, mellemste førtidspension",
        "Andre love",
    ]


def test_two_words_alike_by_chance_beside_a_wider_one_are_no_monospaced_face() -> None:
    """Group headers "Stadfæstelser | Ændrede/ophævede | Hjemvist" in a proportional face,
    a word space apart: the first and last have letters about as wide by chance, the middle
    one's characters are wider: no monospaced face, three headers."""

    def word(x: float, text: str, per: float) -> Word:
        return Word(text, (x, 100.0, x + per * len(text), 109.0), font_size=9.0)

    words = [
        word(292.2, "Stadfæstelser", 5.489),
        word(369.6, "Ændrede/ophævede", 6.368),
        word(477.6, "Hjemvist", 5.583),
    ]
    assert [c.text for c in split_chunks(words)] == [
        "Stadfæstelser",
        "Ændrede/ophævede",
        "Hjemvist",
    ]


def test_a_count_word_a_wide_space_after_its_number_stays_with_it() -> None:
    """ "9301 sager101" (the source's glitched cell) and "52 sager" set with a wide word
    space (0.6 of the size): one chunk each, no column between number and word; a word
    that is no count's stays apart."""

    def word(x: float, text: str) -> Word:
        return Word(text, (x, 100.0, x + 5.0 * len(text), 109.4), font_size=9.4)

    words = [word(100, "9301"), word(126, "sager101"), word(300, "52"), word(316, "sager")]
    words += [word(500, "12"), word(516, "Aktivlov")]
    assert [c.text for c in split_chunks(words)] == [
        "9301 sager101",
        "52 sager",
        "12",
        "Aktivlov",
    ]


def test_a_period_broken_inside_its_year_is_header_text() -> None:
    """ "201" set tight over "7K3" (overlapping): both pieces of one period, no values;
    "201" over "48" and "20" over "7K3" (three digits of year) stay values."""
    top = [*_words(100, 100, "201"), *_words(160, 100, "201"), *_words(220, 100, "20")]
    under = [*_words(100, 110, "7K3"), *_words(160, 110, "48"), *_words(220, 110, "7K3")]
    lines = year_parts(group_lines([*top, *under]))
    assert [[c.is_value for c in line.chunks] for line in lines] == [
        [False, True, True],
        [False, True, True],
    ]


def test_a_year_broken_at_its_hyphen_over_a_stub_header_is_header_text() -> None:
    """ "202-" over "4*²", a stub header set half a line lower between them: both pieces of
    the year; "4" under "2024" (no hyphen, no period after it) stays a value."""
    top = [*_words(200, 100, "202-"), *_words(260, 100, "2024")]
    stub = _words(40, 105, "Lovområde/bestemmelse")
    under = [*_words(202, 110, "4*²"), *_words(262, 110, "4")]
    lines = year_parts(group_lines([*top, *stub, *under]))
    assert [(c.text, c.is_value) for c in lines[0].chunks] == [("202-", False), ("2024", True)]
    assert [(c.text, c.is_value) for c in lines[2].chunks] == [("4*²", False), ("4", True)]
