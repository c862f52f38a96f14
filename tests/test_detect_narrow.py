"""Tables of narrow value columns under long row labels: headers broken over several lines
with hyphens, row labels long enough to read as running text, continuation pages."""

from __future__ import annotations

from pdf_factory import body, detect, right_at, word_page, words_at

from extract.model import Word

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
