"""The measure a table counts by what its rows are (persons, counted by benefit).

In: a table, the readings of its column headers and row labels, the rulebook and reader.
Out: the measure whose counted rows (``vocabulary.counted``: antal_personer counts the
benefits) make up most of the table's rows, when the table says it counts and names no
other measure; else None.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.interpret.periods import PeriodGrammar
from extract.interpret.reading import Reader, Reading
from extract.interpret.rulebook import Rulebook
from extract.interpret.titles import title_said
from extract.model import TableCandidate
from extract.normalise.labels import label_key


def counted_measure(
    book: Rulebook, table: TableCandidate, labels_read: Sequence[Reading], reader: Reader
) -> str | None:
    """The measure a table counts by its rows ("Antal" over rows that are mostly benefits,
    in a header, a group row, the stub or the title: antal_personer), when no header, label,
    caption or title names a measure (a stub header's "Afgørelse" over benefits names none;
    "Afgjorte sager efter lovområde" over "Sygedagpenge" counts cases, not persons; running
    text above the table counts as its title only where it points at it and the table has
    no caption), and none where the stub or that text says the rows are law areas
    ("Lovområde" over "Sygedagpenge" lists a law, not a benefit). A caption naming that
    measure itself ("Antal borgere fordelt på måned og ydelse") is confirmed by the rows,
    so it stands though the text above the table names another ("Notat om Ankestyrelsens
    afgørelser")."""
    title = title_said(table.title, reader.vocabulary.words) if table.title else None
    # the table's caption says what it counts; running text over it only where it has none
    # ("… antallet af afgjorte klagesager …" over a table captioned "Antal efter ydelse")
    texts = [
        reader.read(text) for text in ((table.caption,) if table.caption else (title,)) if text
    ]
    said = {r.dims["measure"] for r in (*labels_read, *texts) if "measure" in r.dims}
    if said - set(book.vocabulary.counted):
        return None
    stub = [reader.read(table.stub_header)] if table.stub_header else []
    if any("law" in reading.axes for reading in (*texts, *stub)):
        return None  # "Lovområde" over "Sygedagpenge": a law, not a benefit
    if not said and not any(r.dims.get("aspect") == "count" for r in (*labels_read, *texts, *stub)):
        return None
    periods = reader.vocabulary.periods
    labels = [_without_period(row.label, periods) for row in table.rows if row.has_values]
    for measure, counted in book.vocabulary.counted.items():
        if said and measure not in said:
            continue
        if labels and 2 * sum(1 for label in labels if label in counted) >= len(labels):
            return measure
    return None


def _without_period(label: str, periods: PeriodGrammar) -> str:
    """The label's key without a period printed before it ("Januar 2022 Sygedagpenge",
    "Marts 2022, Sygedagpenge": "sygedagpenge"), else its key."""
    words = label.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        if periods.parse(" ".join(words[:k]).rstrip(",;:")) is not None:
            return label_key(" ".join(words[k:]))
    return label_key(label)
