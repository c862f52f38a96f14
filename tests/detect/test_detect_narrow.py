"""Tables of narrow value columns under long row labels: headers broken over several lines
with hyphens, row labels long enough to read as running text, continuation pages."""

from __future__ import annotations

from collections.abc import Sequence

from pdf_factory import (
    body,
    detect,
    hrule,
    labels,
    right_at,
    sized_at,
    vrule,
    word_page,
    words_at,
)

from extract.detect.layout import split_chunks
from extract.detect.value_text import is_value_text
from extract.model import PageContent, Word

LAWS = [
    "Ressourceforløbsydelse under ressourceforløb og sanktioner - §§ 68-69h",
    "Social begivenhed - § 11-12a (undtaget § 11, stk. 3)",
    *(f"Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § {n}" for n in range(91, 97)),
]
VALUES = [
    (345, 71, 53, 469),
    (1, 0, 0, 1),
    (33, 2, 7, 42),
    (98, 9, 9, 116),
    (63, 6, 43, 112),
    (8, 10, 1, 19),
    (19, 3, 2, 24),
    (17, 0, 6, 23),
]
# Each column's header broken with hyphens, centred on the header's middle line.
HEADER = (
    ("Stadf-", "æste-", "lse"),
    ("Hjemv-", "iste"),
    ("Ændring-", "/ophæv-", "else"),
    ("Realit-", "etsbe-", "hand-", "lede", "sager"),
)
# Right edges of three narrow value columns, right of the long labels.
EDGES = (400.0, 440.0, 480.0, 520.0)


def test_long_row_labels_beside_values_alone_are_no_text_column() -> None:
    """Row labels of seven words beside their values, the header broken over lines with
    hyphens over the value columns only: one table (the labels no running text beside a
    column of its own, which left the values one row with no label)."""
    words: list[Word] = words_at(40.0, 100.0, "Paragraf")
    for edge, parts in zip(EDGES, HEADER, strict=True):
        for n, part in enumerate(parts):
            words += right_at(edge, 100.0 + 10.0 * (n - (len(parts) - 1) / 2), part)
    for i, law in enumerate(LAWS):
        top = 130.0 + 13.0 * i
        words += words_at(40.0, top, law)
        for edge, value in zip(EDGES, VALUES[i], strict=True):
            words += right_at(edge, top, str(value))
    (table,) = detect(word_page(words))
    assert body(table) == [
        (law, *(str(v) for v in values)) for law, values in zip(LAWS, VALUES, strict=True)
    ]


FIRST = [("Stadfæstelse", "Hele landet", ""), ("", "Aktivloven", "3970"), ("", "Formue", "128")]


def _framed_page(number: int, top: float, rows: Sequence[tuple[str, str, str]]) -> PageContent:
    """A page of a table framed down its sides, its header boxed ("Afgørelse | Paragraf |
    2024"), rows of two stub columns and one value column, no rules between the rows; an
    inner label "a / b" wraps over two lines, its value set between them."""
    words = words_at(55, top + 3, "AFGØRELSE") + words_at(160, top + 3, "PARAGRAF")
    words += right_at(395, top + 3, "2024")
    y = top + 18
    for outer, inner, value in rows:
        parts = inner.split(" / ")  # a label wrapped over lines, its value set in the middle
        words += words_at(55, y, outer) if outer else []
        for k, part in enumerate(parts):
            words += words_at(160, y + 11 * k, part)
        words += right_at(395, y + 5.5 * (len(parts) - 1), value) if value else []
        y += 16 + 11 * (len(parts) - 1)
    rules = [hrule(top, 50, 400), hrule(top + 15, 50, 400), vrule(50, top, y), vrule(400, top, y)]
    return word_page(words, rules, number)


def test_a_boxed_header_repeated_over_a_blank_outer_stub_column_continues() -> None:
    """Page 2 repeats the boxed header; its outer stub column is blank all down (the group
    of page 1 goes on): one table, the inner column's header no value column's."""
    first = _framed_page(1, 600, FIRST)
    second = _framed_page(2, 60, [("", "Fradrag for indtægter", "280"), ("", "Flytning", "301")])
    (table,) = detect(first, second)
    assert table.pages == (1, 2)
    assert labels(table) == ["2024"]
    assert [row[1:] for row in body(table)][-2:] == [("280",), ("301",)]


def test_a_value_set_between_a_wrapped_labels_lines_under_a_blank_outer_column() -> None:
    """Rows of an inner stub column, the outer one blank, no rules between them; a label
    wraps over two lines with its value set between them: a row of its own, not the
    wrapped text of the row above."""
    rows = [
        ("", "Ledighedsydelse §§ 74-77b", "46"),
        ("", "Opholdskrav - § 11, stk. 3", "16"),
        ("", "Ressourceforløbsydelse under jobafklaring / og sanktioner - §§ 69j-69u", "70"),
        ("", "Revalideringsydelse - §§ 70-73j", "5"),
    ]
    (table,) = detect(_framed_page(1, 600, FIRST), _framed_page(2, 60, rows))
    assert body(table)[-4:] == [
        ("Ledighedsydelse §§ 74-77b", "46"),
        ("Opholdskrav - § 11, stk. 3", "16"),
        ("Ressourceforløbsydelse under jobafklaring og sanktioner - §§ 69j-69u", "70"),
        ("Revalideringsydelse - §§ 70-73j", "5"),
    ]


def _word(x0: float, x1: float, text: str) -> Word:
    return Word(text, (x0, 303.0, x1, 311.0), font_size=8.5)


def test_header_words_of_like_width_in_narrow_columns_stay_apart() -> None:
    """Column headers right-aligned in narrow columns, 5.7 points apart (over half a font
    size): "ANTAL" and "ANDEL" (one length) nearly as wide per letter, and one word repeated
    ("SAGER"), tell no monospaced font (whose word space would join them): a chunk each."""
    pairs = [(280.4, 309.2, "ANTAL"), (314.9, 344.2, "ANDEL"), (349.9, 378.7, "ANTAL")]
    chunks = split_chunks([_word(*p) for p in pairs])
    assert [c.text for c in chunks] == ["ANTAL", "ANDEL", "ANTAL"]
    words = [_word(279.7, 309.9, "SAGER"), _word(317.5, 319.9, "I"), _word(322.3, 341.6, "PCT.")]
    words += [_word(349.2, 379.4, "SAGER"), _word(387.0, 389.4, "I")]
    chunks = split_chunks(words)
    assert [c.text for c in chunks] == ["SAGER", "I PCT.", "SAGER", "I"]


def test_headers_of_four_and_five_lines_centred_on_each_other_with_their_quarter() -> None:
    """Narrow columns whose headers break over four or five lines ("Stadfæst-" / "else" /
    "2. kvt." / "2025"), each centred on the header's middle (nine text lines in all): the
    quarter is no value (no column of its own) and every line heads its column."""
    heads = [
        ["Stadfæst-", "else", "2. kvt.", "2025"],
        ["Ændrin-", "g/Ophæ-", "velse", "2. kvt.", "2025"],
        ["Hjemvis-", "ning", "2. kvt.", "2025"],
        ["Realitetsb-", "ehandlede", "2. kvt.", "2025"],
    ]
    rights = [250.0, 310.0, 370.0, 430.0]
    words: list[Word] = words_at(60, 120, "Bestemmelse")
    for x, parts in zip(rights, heads, strict=True):
        for k, part in enumerate(parts):
            words += right_at(x, 120 + 10 * (k - (len(parts) - 1) / 2), part)
    rows = [("Fleksjob - § 116-141", "60", "7", "22", "89"), ("Mentorstøtte", "5", "9", "1", "15")]
    for i, (label, *values) in enumerate(rows):
        y = 152 + 14 * i
        words += words_at(60, y, label)
        for x, value in zip(rights, values, strict=True):
            words += right_at(x, y, value)
    (table,) = detect(word_page(words))
    assert labels(table) == [" ".join(parts) for parts in heads]
    assert body(table) == rows


def test_a_period_named_by_its_ordinal_is_no_value() -> None:
    """ "2. kvt.", "1. halvår", "4. kvartal", "4." (over "kvartal") head columns (no row
    of values, no value column); counts with a unit stay values."""
    periods = ("2. kvt.", "1. halvår", "4. kvartal", "4.", "1. halvår¹ 1)")
    assert not any(is_value_text(t) for t in periods)
    assert all(is_value_text(t) for t in ("12 sager", "3 %", "12,5"))


def _two_stub_page(number: int, rows: Sequence[tuple[str, str, str]]) -> PageContent:
    """A page of a table of two stub columns far apart ("Afgørelse" at 55, "Paragraf" at
    243) and a value column, its header repeated at the top."""
    words = words_at(55, 60, "Afgørelse") + words_at(243, 60, "Paragraf")
    words += right_at(540, 60, "2024")
    for i, (outer, inner, value) in enumerate(rows):
        y = 76 + 14 * i
        words += (words_at(55, y, outer) if outer else []) + words_at(243, y, inner)
        words += right_at(540, y, value) if value else []
    return word_page(words, number=number)


def test_an_outer_column_blank_on_one_page_and_filled_on_the_next_goes_on() -> None:
    """Page 2's outer stub column is blank (read as a narrow column under its header);
    page 3 fills it with a label wider than that: the table goes on over all three pages."""
    first = _two_stub_page(
        1,
        [
            ("Stadfæstede sager i alt", "Aktivloven (LAS)", ""),
            ("", "Enkeltydelse", "23"),
            ("", "Formue - §§ 14 og 15", "128"),
            ("", "Forsørgelse af børn - § 84", "5"),
            ("", "Diverse", "96"),
        ],
    )
    second = _two_stub_page(
        2, [("", "Fradrag for indtægter", "280"), ("", "Hjælp til flytning", "301")]
    )
    third = _two_stub_page(
        3,
        [
            ("Realitetsbehandlede sager i alt", "Aktivloven (LAS)", ""),
            ("", "Formue - §§ 14 og 15", "65"),
            ("", "Diverse", "1"),
        ],
    )
    (table,) = detect(first, second, third)
    assert table.pages == (1, 2, 3)
    assert labels(table) == ["2024"]


def test_headers_set_flush_left_over_values_set_flush_right_in_narrow_columns() -> None:
    """Each header starts past the values of the column before it and runs left of its own
    values, across the edge midway between the two ("Andel i pct." over "9", right of
    "1 472"), under group headers, the first column's header a line higher: the edges go at
    the values' right sides, where every header fits."""
    rights = (215.0, 260.0, 315.0, 370.0, 425.0)
    headers = ("Antal sager", "Procent", "Antal", "Andel i pct.")
    rows = [
        ("Hovedtotal", "11 898", "3 935", "23", "1 472", "9"),
        ("Andre love", "283", "47", "13", "39", "11"),
        ("Boligstøtte", "18", "4", "8", "12", "0"),
    ]
    words = sized_at(250.0, 96.0, "Hjemviste sager", 6.0) + sized_at(370.0, 96.0, "Ændringer", 6.0)
    words += sized_at(40.0, 100.0, "Lovområde", 6.0) + sized_at(182.0, 100.0, "Stadfæstet", 6.0)
    for k, text in enumerate(headers):
        words += sized_at(rights[k] + 14.0, 104.0, text, 6.0)
    for i, (label, *values) in enumerate(rows, start=1):
        words += words_at(40.0, 104.0 + 13.0 * i, label)
        for right, value in zip(rights, values, strict=True):
            words += right_at(right, 104.0 + 13.0 * i, value)
    (table,) = detect(word_page(words))
    groups = ("Hjemviste sager", "Hjemviste sager", "Ændringer", "Ændringer")
    assert labels(table) == [
        "Stadfæstet",
        *(f"{g} / {h}" for g, h in zip(groups, headers, strict=True)),
    ]
    assert body(table) == rows
