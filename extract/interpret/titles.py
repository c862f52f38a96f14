"""Titles: what of the text right above a table says what the table holds.

In: the text above a table (a title, a paragraph, a row of another table), the caption and
the vocabulary's words. Out: the part that names the table ("Af nedenstående tabel fremgår
…": the sentence pointing at it), or None for running text about the figures, a row of
values or a sentence about another numbered table.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from extract.interpret.words import WordBook, tokens

# A numbered table named in text ("Tabel 4.7", "tabel 3"): its number.
TABLE_NUMBER = re.compile(r"\btabel\s+(\d+(?:\.\d+)*)", re.IGNORECASE)
# A sentence of running text: seven words or more ending in a full stop after a word (not an
# abbreviation: "m.v.", "mio."); a paragraph above a table, not its title.
SENTENCE = re.compile(r"^(?:\S+\s+){6,}(?:\S*[^\W\d_]{3,}|\d{4})\.$")
# Where one sentence ends and the next begins.
SENTENCE_BREAK = re.compile(r"(?:(?<=[^\W\d_]{2}[.!?])|(?<=\d{4}[.!?]))\s+(?=[A-ZÆØÅ])")
# A row of a table printed above this one: a label and two or more numbers that are not all
# years ("Aktivloven (LAS) 35 32 29").
ROW_OF_VALUES = re.compile(r"(?:\s(\d[\d.,]*\s?%?))(?:\s\d[\d.,]*\s?%?)+$")
YEARS = re.compile(r"(?:\s(?:19|20)\d\d)+$")
# A line's last LINE_TAIL characters tell whether it ends in a row of values (the patterns
# above retry at every space of a line: bounded, a pathological line costs no more).
LINE_TAIL = 300


def ends_in_values(line: str) -> bool:
    """True for a line ending in a row of values that are not years ("Aktivloven 35 32 29")."""
    tail = line[-LINE_TAIL:]
    return bool(ROW_OF_VALUES.search(tail)) and not YEARS.search(tail)


# The most words of a title line in a document's heading; a longer line is running text.
TITLE_WORDS = 12
# A share stated as a figure: "48,4 %", "31 procent".
STATED_SHARE = re.compile(r"\d(?:,\d+)?\s?(?:%|procent\b)")
# A printed value: a count of three digits or more that is no year, or a percentage.
VALUE = re.compile(r"(?<![\w§.,-])(?:(?!(?:19|20)\d\d\b)\d{3,}|\d+(?:,\d+)? ?%)(?![\w-])")


def title_text(
    text: str, pointers: Collection[str], abbreviations: Collection[str] = ()
) -> str | None:
    """What of the text above a table says what the table holds: all of it, or for running
    text its last sentence when that points at the table ("Af nedenstående tabel fremgår …":
    ``pointers`` are such words); None for a paragraph that only talks about the figures
    ("På servicelovens område har Rudersdal Kommune dog en lavere omgørelsesprocent end
    landsgennemsnittet.") and for a row of values of a table above ("Aktivloven (LAS) 35 32
    29")."""
    last = " ".join(text.splitlines()[-1].split()) if text.strip() else ""
    if ends_in_values(last):
        return None
    flat = " ".join(text.split())
    last_word = _last_word(flat)
    # a long text stating a percentage is running text cut short, not a title ("… er faldet
    # fra 48,4 % i 2018 til 31,8 % i")
    stating = len(flat.split()) > TITLE_WORDS and bool(STATED_SHARE.search(flat))
    if not (SENTENCE.match(flat) or stating) or last_word in abbreviations:
        return text  # a label, not running text, ends in an abbreviation ("Omg.-pct.")
    sentence = SENTENCE_BREAK.split(flat)[-1]
    return sentence if any(t.casefold() in pointers for t in tokens(sentence)) else None


def points_elsewhere(sentence: str, caption: str | None) -> bool:
    """Whether a sentence names numbered tables and none is the one its table's caption
    numbers."""
    named_here = set(TABLE_NUMBER.findall(sentence))
    own = set(TABLE_NUMBER.findall(caption or "")[:1])
    return bool(named_here and own and not named_here & own)


def _last_word(text: str) -> str:
    """The last word of a text, lower case, after any hyphen or slash ("Omg.-pct." → "pct.")."""
    return re.split(r"[-/]", " ".join(text.split()).rsplit(" ", 1)[-1])[-1].casefold()


def after_running_text(words: WordBook, stub: str) -> str:
    """A stub header without the end of a paragraph detection ran into it ("procent. Kommune
    / Bestemmelse": "Kommune / Bestemmelse"): what follows its last sentence end, a full stop
    after a word that is no abbreviation."""
    parts = SENTENCE_BREAK.split(stub)
    for k in range(len(parts) - 1, 0, -1):
        if not _abbreviated(words, parts[k - 1]):
            return " ".join(parts[k:])
    return stub


def title_said(text: str, words: WordBook) -> str | None:
    """What of the text above a table says what the table holds (``title_text``, its last
    word taken for an abbreviation when it is one), or None."""
    return title_text(text, words.pointers, _abbreviated(words, text))


def _abbreviated(words: WordBook, text: str) -> Collection[str]:
    """The last word of ``text`` when it is a word cut short with a full stop ("pct.",
    "Omgørelsespct.", "Realitetsbeh."), not a word ending a sentence; else nothing."""
    last = _last_word(text)
    if last in words.abbreviations:
        return (last,)
    cut = last.endswith(".") and words.head(last.rstrip(".")) is None and words.read(last)
    return (last,) if cut else ()


def row_of_values(text: str) -> bool:
    """Whether a title holds two printed values or more ("Lov om aktiv 985 5%
    beskæftigelsesindsats"): a row of the table taken for its title."""
    return len(VALUE.findall(text)) >= 2
