"""What is no table, on synthetic pages: a table of contents, a letterhead's phone numbers,
a cover's document facts; and header text that runs into the next column heads no group."""

from __future__ import annotations

from dataclasses import replace

from pdf_factory import body, centred_at, detect, hrule, labels, right_at, word_page, words_at

from extract.model import Word


def test_table_of_contents_is_no_table() -> None:
    entries = [
        ("1.", "Meddelelser", "3"),
        ("2.", "Bygningsvedligeholdelse 2013 - anlægsbevilling", "3"),
        ("3.", "Kvalitetsstandarder for stof- og alkoholbehandling", "6"),
        ("4.", "Takstreduktion på aflastningstilbuddet", "7"),
        ("5.", "Evaluering af rygestopkurser", "14"),
    ]
    words = words_at(60, 80, "INDHOLDSFORTEGNELSE")
    for i, (number, title, page) in enumerate(entries):
        words += words_at(60, 100 + 12 * i, number) + words_at(80, 100 + 12 * i, title)
        words += right_at(520, 100 + 12 * i, page)
    assert detect(word_page(words)) == []


def test_table_of_contents_in_a_larger_font_after_the_numbers_is_no_table() -> None:
    """Entries whose title is set a point larger than its number (so its box starts higher)
    still start with the section number; an entry wrapped to a second line ends with the
    page number there."""
    entries = [("1.", "Meddelelser", "3"), ("2.", "Takstreduktion på aflastningstilbuddet", "7")]
    entries += [("3.", "Prioritering af midler til kronisk syge borgere for", "")]
    entries += [("", "ældre", "10"), ("4.", "Evaluering af rygestopkurser", "14")]
    words = words_at(60, 80, "INDHOLDSFORTEGNELSE")
    for i, (number, title, page) in enumerate(entries):
        top = 100 + 12 * i
        words += words_at(60, top, number) if number else []
        words += [
            replace(w, bbox=(w.bbox[0], top - 1, w.bbox[2], top + 10))
            for w in words_at(80, top, title)
        ]
        words += right_at(520, top, page) if page else []
    assert detect(word_page(words)) == []


def test_numbered_rows_of_counts_are_a_table() -> None:
    """Numbered rows whose counts do not run up the page like page numbers."""
    words = right_at(450, 88, "Antal")
    counts = [("Serviceloven", "31"), ("Pension", "7"), ("Boliger", "12")]
    for i, (label, count) in enumerate(counts):
        words += words_at(60, 100 + 12 * i, f"{i + 1}. {label}")
        words += right_at(450, 100 + 12 * i, count)
    (table,) = detect(word_page(words))
    assert labels(table) == ["Antal"]
    assert body(table) == [(f"{i + 1}. {label}", n) for i, (label, n) in enumerate(counts)]


def test_letterhead_phone_numbers_are_no_table() -> None:
    """Phone numbers in pairs of digits beside their labels: the pairs line up in no
    column."""
    words = words_at(400, 100, "Team Fysisk Plan") + words_at(400, 112, "Kalkværksvej 10")
    words += words_at(400, 124, "8000 Aarhus C")
    phone: list[Word] = []
    x = 400.0
    for token in ["Telefon:", "89", "40", "20", "00"]:
        phone += words_at(x, 148, token)
        x += 4.5 * len(token) + 6.0
    x = 400.0
    for token in ["Direkte", "telefon:", "41", "85", "98", "00"]:
        phone += words_at(x, 160, token)
        x += 4.5 * len(token) + 6.0
    assert detect(word_page(words + phone)) == []


def test_cover_document_facts_are_no_table() -> None:
    """Label and value pairs whose numbers are a document number, a version and a date."""
    facts = [
        ("Projektnavn", "Bering-Beder Vejen"),
        ("Projektnr.", "1100035293"),
        ("Modtager", "Aarhus Kommune"),
        ("Version", "01"),
        ("Dato", "2023-05-09"),
    ]
    words: list[Word] = []
    for i, (label, value) in enumerate(facts):
        words += words_at(60, 100 + 12 * i, label) + words_at(130, 100 + 12 * i, value)
    assert detect(word_page(words)) == []


def test_header_running_into_the_next_column_heads_no_group() -> None:
    """Booktabs rules; "Lithuania" set flush left with its column runs into the gap towards
    the next: each country heads its own column."""
    countries = [("Lithuania", 279.0), ("Greece", 330.0), ("Spain", 378.0)]
    words = words_at(74, 296, "Differences with respect to Germany")
    for name, x in countries:
        words += words_at(x, 296, name)
    rows = [("Q4 2009", ["0.17", "0.70", "0.26"]), ("Q1 2010", ["0.64", "0.72", "0.56"])]
    for r, (label, values) in enumerate(rows):
        words += words_at(71, 313 + 15 * r, label)
        for (_, x), value in zip(countries, values, strict=True):
            words += words_at(x, 313 + 15 * r, value)
    rules = [hrule(292, 65, 517), hrule(308, 65, 517), hrule(372, 65, 517)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Lithuania", "Greece", "Spain"]
    assert body(table) == [("Q4 2009", "0.17", "0.70", "0.26"), ("Q1 2010", "0.64", "0.72", "0.56")]


def test_group_header_of_two_words_set_apart_spans_its_pair() -> None:
    """A group header whose words stand a wide space apart ("Mexican  American") over its
    Male | Female pair."""
    words = words_at(74, 115, "Age")
    words += words_at(150, 115, "White") + words_at(250, 115, "Mexican")
    words += words_at(250 + 4.5 * 7 + 6.0, 115, "American")
    subs = [(120.0, "Male"), (175.0, "Female"), (245.0, "Male"), (300.0, "Female")]
    for x, text in subs:
        words += words_at(x, 129, text)
    for r, values in enumerate([["10", "11", "12", "13"], ["20", "21", "22", "23"]]):
        words += words_at(74, 145 + 12 * r, f"{r + 1}-2")
        for (x, _), value in zip(subs, values, strict=True):
            words += right_at(x + 25, 145 + 12 * r, value)
    rules = [hrule(110, 70, 340), hrule(140, 70, 340), hrule(172, 70, 340)]
    (table,) = detect(word_page(words, rules))
    assert labels(table)[2:] == ["Mexican American / Male", "Mexican American / Female"]


def test_centred_group_header_in_a_ruled_header_spans_its_pair() -> None:
    words = words_at(60, 103, "Land") + centred_at(240, 103, "Kvinder")
    words += right_at(220, 115, "Antal") + right_at(280, 115, "Pct.")
    words += words_at(60, 131, "Danmark") + right_at(220, 131, "12") + right_at(280, 131, "4,5")
    words += words_at(60, 143, "Norge") + right_at(220, 143, "10") + right_at(280, 143, "3,9")
    rules = [hrule(98, 55, 300), hrule(126, 55, 300), hrule(156, 55, 300)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["Kvinder / Antal", "Kvinder / Pct."]


def test_a_letterhead_over_headings_set_larger_is_not_the_head_of_the_table_under_them() -> None:
    """A letterhead's phone line ("Tlf. 24 56 61 99", four numbers a word space apart) over
    the note's heading set larger, a subject line and the table in smaller type, each a
    paragraph apart: the table starts at its own header, the line right above it its title."""

    def line(top: float, text: str, size: float) -> list[Word]:
        out, x = [], 57.0
        for token in text.split():
            out.append(
                Word(token, (x, top, x + 0.55 * size * len(token), top + size), font_size=size)
            )
            x += 0.55 * size * len(token) + 0.28 * size
        return out

    words = line(64.1, "Billund Kommune", 12.0) + line(100.0, "J.nr. 21-26892", 9.0)
    words += line(116.8, "Tlf. 24 56 61 99", 9.0) + line(143.7, "Notat: Ankestatistik 2020", 15.0)
    words += line(166.0, "Orienteringssag", 10.5) + line(188.9, "Landsplan", 10.5)

    def cell(x0: float, top: float, text: str) -> list[Word]:
        return [Word(text, (x0, top, x0 + 4.4 * len(text), top + 8.0), font_size=8.0)]

    words += cell(60.0, 204.1, "År") + cell(180.9, 204.1, "Sagsbehandlingstid")
    words += cell(374.5, 204.1, "Realitetsbehandlede")
    rows = [("Juli", "14,5", "18389"), ("August", "17,5", "19197"), ("September", "26,3", "17305")]
    for i, (month, weeks, count) in enumerate(rows):
        top = 218.8 + 13.4 * i
        words += cell(60.0, top, month) + cell(338.3 - 4.4 * len(weeks), top, weeks)
        words += cell(535.3 - 4.4 * len(count), top, count)
    (table,) = detect(word_page(words))
    assert table.stub_header == "År"
    assert table.title == "Landsplan"
    assert body(table) == rows
