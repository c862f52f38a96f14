"""Repair of OCR'd tables' labels against the vocabulary: row labels, label cells, header
levels, and the period numbers of captions and titles.

In: detected tables and the ``Lexicon``. Out: the same tables, each OCR'd label that misreads
exactly one known label read as it, and each period number read as a letter beside a year
read as the number (``extract.interpret.ocr_periods``); every repair is named in the row's
``label_repairs`` or the columns' ``header_repairs``, so the values carry
``ocr_label_corrected``. Tables without OCR'd rows are returned as they are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.interpret.ocr_lexicon import MIN_LETTERS, Lexicon
from extract.interpret.ocr_periods import has_year, period_numbers
from extract.model import Cell, TableCandidate, TableRow
from extract.normalise.labels import join_broken_words


def repair_labels(tables: Sequence[TableCandidate], lexicon: Lexicon) -> list[TableCandidate]:
    """``tables`` with each OCR'd row label (and column header level) that misreads a known
    phrase read as that phrase; tables without OCR'd rows are returned as they are."""
    out = []
    for table in tables:
        if not any(_ocr_row(row) for row in table.rows):
            out.append(table)
            continue
        headers, header_repairs = _repair_headers(table.column_headers, lexicon)
        rows = []
        for row in table.rows:
            row = _label_cells_repaired(row, lexicon)
            if row.label_confidence is None:
                rows.append(row)
                continue
            phrase = _known_text(row.label, lexicon)
            if phrase is None:  # "KI 2019": the quarter's number read as a letter
                phrase = period_numbers(row.label, lexicon.period_letters, has_year(row.label))
            if phrase is not None:
                row = replace(
                    row,
                    label=phrase,
                    label_repairs=(*row.label_repairs, f"{row.label} -> {phrase}"),
                )
            unknown = (*lexicon.unknown_words(row.label), *row.label_unknown)
            rows.append(replace(row, label_unknown=tuple(dict.fromkeys(unknown))))
        texts, repairs = _repair_period_texts((table.caption, table.title), lexicon)
        header_repairs = tuple((*notes, *repairs) for notes in header_repairs)
        out.append(
            replace(
                table,
                rows=tuple(rows),
                column_headers=headers,
                header_repairs=header_repairs,
                caption=texts[0],
                title=texts[1],
            )
        )
    return out


def _known_text(text: str, lexicon: Lexicon) -> str | None:
    """The known phrase an OCR'd label misreads; else the label without dirt read at its
    end (``_without_specks``) when every word left is known; else, where it holds words
    broken at line ends, the label (without that dirt) with those words joined and each
    joined word that misreads a known word read as it ("Omger- elsespr- ocent" ->
    "Omgørelsesprocent": the page's words were repaired one by one, and "Omger-" is no
    word); None if none of these."""
    phrase = lexicon.repair_label(text)
    if phrase is not None:
        return phrase
    bare = _without_specks(text, lexicon)
    if bare is not None and not lexicon.unknown_words(join_broken_words(bare)):
        return bare  # every word known once the dirt is gone (broken ones joined)
    spaced = bare or " ".join(text.split())
    joined = join_broken_words(spaced)
    if joined == spaced:
        return None
    words = joined.split(" ")
    repaired = [lexicon.repair(word) or word for word in words]
    return " ".join(repaired) if repaired != words else None


# A word of at most this many letters that no known word is, with no digit, is dirt read as
# letters at a label's end ("Antal personer te"); a footnote mark read as "?" or "!" ends a
# word ("landsplan!", "Andel?").
SPECK_LETTERS = 2
_MARK_END = re.compile(r"[?!]+$")
# Danish words that short, which end a label cut short ("Stadfæstede og", "Sager i"): kept.
_SHORT_WORDS = frozenset({"i", "og", "af", "på", "om", "pr", "mv", "el", "en", "et", "at", "jf"})


def _without_specks(text: str, lexicon: Lexicon) -> str | None:
    """``text`` without the dirt read as short words at its end and footnote marks read as
    "?" or "!" (SPECK_LETTERS); None when there is none, or nothing else."""
    words = [_MARK_END.sub("", word) for word in text.split()]

    def speck(word: str) -> bool:
        letters = sum(ch.isalpha() for ch in word)
        bare = word.casefold().strip(".,:;()")
        return (
            0 < letters <= SPECK_LETTERS  # (a dash or a "§" ending a label is printed)
            and not any(ch.isdigit() for ch in word)
            and "." not in word  # an abbreviation ("m.v.", "m. fl."), printed
            and bare not in lexicon.words
            and bare not in _SHORT_WORDS
        )

    while words and speck(words[-1]):
        words.pop()  # (only at the end: a label's first word may be short, "I alt")
    bare = " ".join(w for w in words if w)
    return bare if bare and bare != " ".join(text.split()) else None


def _ocr_row(row: TableRow) -> bool:
    """Whether a row's label or any of its cells was read with OCR."""
    return row.label_confidence is not None or row.ocr_cells


def _label_cells_repaired(row: TableRow, lexicon: Lexicon) -> TableRow:
    """The row with each OCR'd cell that misreads a known label read as it: a cell of a
    label column ("Børn - samvær & 71" beside "Ishøj"), which interpretation joins to the
    row's label; the repairs go with the row's (its values carry ocr_label_corrected), and
    the words of such cells no known label holds with its unknown words (a provision named
    by one is flagged ``ocr_label_unverified``). Cells of digits and marks are never
    touched: no known label is that close to them."""
    cells: list[Cell | None] = []
    notes: list[str] = []
    unknown: list[str] = []
    for cell in row.cells:
        letters = sum(ch.isalpha() for ch in cell.text) if cell is not None else 0
        phrase = None
        if cell is not None and cell.ocr_confidence is not None and letters >= MIN_LETTERS:
            phrase = _known_text(cell.text, lexicon)
            if phrase is None:  # (a known phrase holds no unknown word)
                unknown += lexicon.unknown_words(cell.text)
        if cell is not None and phrase is not None:
            notes.append(f"{cell.text} -> {phrase}")
            cell = replace(cell, text=phrase)
        cells.append(cell)
    if not notes and not unknown:
        return row
    return replace(
        row,
        cells=tuple(cells),
        label_repairs=(*row.label_repairs, *notes),
        label_unknown=tuple(dict.fromkeys((*row.label_unknown, *unknown))),
    )


def _repair_period_texts(
    texts: tuple[str | None, ...], lexicon: Lexicon
) -> tuple[tuple[str | None, ...], tuple[str, ...]]:
    """An OCR'd table's caption and title with each period number read as a letter ("2019
    Hi") read as the number, and the repairs made (every value of the table shows them)."""
    out: list[str | None] = []
    repairs: list[str] = []
    for text in texts:
        repaired = period_numbers(text, lexicon.period_letters, has_year(text)) if text else None
        out.append(repaired or text)
        if repaired is not None:
            repairs.append(f"{text} -> {repaired}")
    return tuple(out), tuple(repairs)


def _repair_headers(
    paths: tuple[tuple[str, ...], ...], lexicon: Lexicon
) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    """Header paths with each level that misreads a known phrase read as it, and per column
    the repairs made."""
    new_paths, repairs = [], []
    for path in paths:
        levels, notes = [], []
        dated = has_year(*path)  # a year in the header: "KI" under "2019" is its quarter
        for level in path:
            phrase = _known_text(level, lexicon)
            if phrase is None:
                phrase = period_numbers(level, lexicon.period_letters, dated)
            levels.append(phrase or level)
            if phrase is not None:
                notes.append(f"{level} -> {phrase}")
        new_paths.append(tuple(levels))
        repairs.append(tuple(notes))
    return tuple(new_paths), tuple(repairs)
