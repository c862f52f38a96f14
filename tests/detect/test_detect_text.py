"""Text read on synthetic pages: monospaced type known over the page, year headers with a
footnote mark, row labels that start with a number, a column gutter inside a ruled table."""

from __future__ import annotations

from pdf_factory import (
    MONO,
    body,
    detect,
    hrule,
    labels,
    mono_at,
    right_at,
    vrule,
    word_page,
    words_at,
)

from extract.detect.layout import group_lines
from extract.detect.value_text import is_value_text
from extract.model import Word


def _mono_right(x1: float, top: float, text: str) -> list[Word]:
    return mono_at(x1 - MONO * len(text), top, text)


def test_a_monospaced_font_found_on_the_page_is_known_on_a_line_of_one_word() -> None:
    """A wrapped label's last line holds one word of letters ("forsørgelse - § 91"): too
    little to tell a monospaced font from its own words, but the font is known from the
    other lines of the page, so its words a space apart stay one chunk and the label whole."""
    rows = [
        ("Hjælp til flytning - §85, 1", "301"),
        ("Hjælp til sygebehandling - §§ 82-82a", "306"),
        ("Tilbagebetaling af løbende månedlig hjælp til\nforsørgelse - § 91", "345"),
        ("Særlig støtte - § 34", "142"),
        ("Tilbagebetaling af løbende månedlig hjælp til\nforsørgelse - § 92", "1"),
    ]
    words = mono_at(60, 104, "Sagsemne") + _mono_right(395, 104, "2024")
    ys = [100.0, 116.0]
    for label, value in rows:
        lines = label.split("\n")
        for i, text in enumerate(lines):
            words += mono_at(60, ys[-1] + 4 + 11 * i, text)
        words += _mono_right(395, ys[-1] + 4 + 5.5 * (len(lines) - 1), value)
        ys.append(ys[-1] + 5 + 11 * len(lines))
    (line,) = [line for line in group_lines(words) if line.text == "forsørgelse - § 91"]
    assert [c.text for c in line.chunks] == ["forsørgelse - § 91"]
    rules = [hrule(y, 55, 400) for y in ys] + [vrule(x, ys[0], ys[-1]) for x in (55, 340, 400)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert [row[0] for row in body(table)] == [label.replace("\n", " ") for label, _ in rows]


def test_a_year_with_a_footnote_mark_is_a_header() -> None:
    """ "2024 ¹" over a value column is its year header, not a value of the first row."""
    words = words_at(60, 100, "Lovområde") + right_at(300, 100, "2023")
    words += right_at(380, 100, "2024 ¹")
    rows = [("Aktivloven", "3970", "4011"), ("Serviceloven", "1200", "1302")]
    rows += [("Beskæftigelsesloven", "860", "902")]
    for i, (label, a, b) in enumerate(rows):
        y = 114 + 12 * i
        words += words_at(60, y, label) + right_at(300, y, a) + right_at(380, y, b)
    (table,) = detect(word_page(words, [hrule(97, 55, 385), hrule(111, 55, 385)]))
    assert labels(table) == ["2023", "2024 ¹"]
    assert body(table)[0] == ("Aktivloven", "3970", "4011")


def test_a_label_that_starts_with_a_number_is_no_value() -> None:
    """ "225 timers reglen - § 13 f og 13 g" starts like a number, but its words make it a
    row label; a glitched value holds two words of letters at most ("9301 sager101")."""
    assert not is_value_text("225 timers reglen - § 13 f og 13 g")
    assert is_value_text("9301 sager101")
    words = words_at(60, 100, "Sagsemne") + right_at(380, 100, "2024")
    rows = [("Aktivloven", "3970"), ("225 timers reglen - § 13 f og 13 g", "16")]
    rows += [("Diverse - Aktivloven", "9")]
    for i, (label, value) in enumerate(rows):
        words += words_at(60, 114 + 12 * i, label) + right_at(380, 114 + 12 * i, value)
    (table,) = detect(word_page(words, [hrule(97, 55, 385), hrule(111, 55, 385)]))
    assert body(table) == rows


def test_a_gutter_that_rules_reach_across_is_a_column_gap_not_two_page_columns() -> None:
    """Long row labels (running text by their words) and values far to the right leave a
    gutter down the page, like two columns of text; the rules under each row reach across
    it, so it is the gap between the table's columns and the table is read whole."""
    words = words_at(60, 100, "Sagsemne") + right_at(520, 100, "2024")
    rows = [
        ("Tilbagebetaling af løbende månedlig hjælp til forsørgelse", "345"),
        ("Tilbagebetaling af hjælp i enkeltstående tilfælde og mere", "63"),
        ("Ressourceforløbsydelse under ressourceforløb og sanktioner i alt", "33"),
        ("Forsørgerpligt, bopæl, udlandsophold mv. efter loven", "96"),
        ("Hjælp til visse persongrupper efter §§ 27-29 i loven", "96"),
        ("Social begivenhed efter § 11-12a undtaget § 11, stk. 3", "98"),
    ]
    for i, (label, value) in enumerate(rows):
        words += words_at(60, 116 + 14 * i, label) + right_at(520, 116 + 14 * i, value)
    rules = [hrule(97 + 14 * i, 55, 525) for i in range(len(rows) + 2)]
    (table,) = detect(word_page(words, rules))
    assert labels(table) == ["2024"]
    assert body(table) == rows


def test_a_gutter_with_only_values_on_one_side_is_a_column_gap() -> None:
    """Long row labels (running text by their words) and values far to the right, with no
    rules at all: the side of the gutter holding only numbers is the table's value column,
    not a second column of text, so the table is read whole."""
    words = words_at(60, 100, "Bestemmelse") + right_at(520, 100, "2024")
    rows = [
        ("Vejledning og opkvalificering efter §§ 90-93 og §§ 95-99", "102"),
        ("Ressourceforløbsydelse under jobafklaring og sanktioner i alt", "70"),
        ("Forsørgerpligt, bopæl, udlandsophold mv. efter §§ 2-5", "96"),
        ("Hjælp til visse persongrupper efter §§ 27-29 i loven", "96"),
        ("Opholdskrav efter § 11, stk. 3 (IY eller KH/UH)", "16"),
        ("Bevillingstidspunkt og satser efter §§ 22-26 i loven", "3.970"),
    ]
    rows += [
        (f"Hjælp til enkeltudgifter efter § {n} og de følgende", str(n)) for n in range(10, 24)
    ]
    for i, (label, value) in enumerate(rows):
        words += words_at(60, 116 + 14 * i, label) + right_at(520, 116 + 14 * i, value)
    (table,) = detect(word_page(words))
    assert labels(table) == ["2024"]
    assert body(table) == rows
