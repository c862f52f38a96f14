"""Caption and note lines, told by their text, and the captions on a page no table carries.

In: a page's text lines. Out: the patterns of a caption ("Tabel 4.4 …", ``CAPTION``), of a
note or source line and of a table going on (``CONTINUED``); whether a line ends a run of
table lines (``is_stop``), is a note (``is_note``) or OCR's dirt (``is_dirt``); a caption at
the top of a page that belongs to the table ending the page before (``caption_pushed_over``);
and the numbered captions printed on a page (``numbered_captions``). The caption, title and
notes of one table are found in ``text_around``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from extract.detect.layout import TextLine
from extract.detect.plausible import is_prose_line

# A comma right after the number makes it a sentence naming the table ("Tabel 4.4, der viser
# omgørelsesprocenten …"), not its caption.
CAPTION = re.compile(
    r"^(?:TABEL|Tabel|TABLE|Table)\b(?!\s*\d+(?:\.\d+)*\s*,)\s*(?P<number>\d+(?:\.\d+)*)?\s*[:.]?"
)
# A caption or line saying that the table goes on from the page before.
CONTINUED = re.compile(r"\b(?:fortsat|fortsættes|forts\.|continued|cont\.)", re.IGNORECASE)
# A note or source line by its first word ("Kilde: …", "Note: …").
SOURCE = re.compile(r"^(?:Note|Noter|Kilde|Kilder|Anm\.|Anmærkning|Fodnote)\b")
NOTE = re.compile(SOURCE.pattern + r"|^[*¹²³]")
# Footnote marks alone, no note text ("¹", "(1)", "*1)").
_MARKS = re.compile(r"^(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰)]|\(?\d{1,2}\)|\s)+$")
# A footnote under a table that explains a mark in it: "(1) Foreløbige tal.", "1) Tallene
# kan ændre sig ved efterregistrering."
FOOTNOTE = re.compile(r"^\(?\d{1,2}\)\s")
# The lines of one caption are set in one size, within this share of it.
SIZE_SHARE = 0.1


# A line whose every word OCR read with less confidence than this is dirt (a pen's circle
# under a table's last row read as "“eee"), no text that could be a caption.
DIRT_CONFIDENCE = 50.0


def is_dirt(line: TextLine) -> bool:
    """Whether every word of ``line`` was read by OCR, unsurely (DIRT_CONFIDENCE)."""
    return all(
        word.confidence is not None and word.confidence < DIRT_CONFIDENCE for word in line.words
    )


def is_note(text: str) -> bool:
    """True for a note, source or footnote line of text."""
    return bool(NOTE.match(text) or FOOTNOTE.match(text))


def is_stop(line: TextLine) -> bool:
    """True for a caption or note line: it ends a run of table lines. A footnote mark alone
    on its line ("²", "¹ (1)", set lower beside a header's last line) is no note: no text
    follows; nor is a mark before values alone ("* | 12.838 | 70 %": a row's values, its
    label marked on the line above), nor a mark in a chunk of its own before two chunks or
    more (a header line, a mark of the word over it set apart)."""
    text = line.text.strip()
    if CAPTION.match(text):
        return True
    if not NOTE.match(text) or _MARKS.match(text):
        return False
    rest = [c for c in line.chunks if not _MARKS.match(c.text)]
    if _MARKS.match(line.chunks[0].text) and len(rest) >= 2 and SOURCE.match(text) is None:
        return False  # a mark set apart among a header's words ("* | Ændret/Ophævet1) | i")
    return SOURCE.match(text) is not None or not all(c.is_value for c in rest)


# How many lines at the top of a page may hold a caption pushed over from the page before.
TOP_LINES = 3
# How many lines under such a caption are looked at for a row of values.
ROWS_UNDER = 6


def caption_pushed_over(lines: Sequence[TextLine], taken: Collection[str]) -> str | None:
    """A caption printed at the top of a page for the table that ended the page before (its
    caption under it did not fit there): a "Tabel …" line among the page's first lines, not
    saying the table goes on, not (the start of) the caption of a table on this page
    (``taken``), and with no table row under it: a note or source line, prose, or nothing
    follows, and no line of the few under it holds a value beside its text (a table too
    small to be found) before running text (``_values_under``)."""
    for at, line in enumerate(lines[:TOP_LINES]):
        text = line.text.strip()
        if not CAPTION.match(text) or CONTINUED.search(text):
            continue
        if any(caption.startswith(text) for caption in taken):
            continue  # this page's table's caption (perhaps with the line under it)
        after = lines[at + 1] if at + 1 < len(lines) else None
        if _values_under(lines[at + 1 : at + 1 + ROWS_UNDER]):
            return None  # a row of values a few lines down: the caption of a table here
        if after is None or is_note(after.text.strip()) or len(after.chunks) == 1:
            return text
        return None
    return None


def _values_under(lines: Sequence[TextLine]) -> bool:
    """True when one of ``lines`` (the lines a little under a caption) but the first holds a
    value beside its text before a line of running text: rows after prose are another
    table's."""
    for at, line in enumerate(lines):
        if is_prose_line(line.words):
            return False
        if at and any(c.is_value for c in line.chunks[1:]):
            return True
    return False


@dataclass(frozen=True, slots=True)
class LoneCaption:
    """A numbered table caption printed on a page ("TABEL 3.2 …") that no table found
    carries: the table under it was not found, its values not read."""

    page: int
    number: str
    caption: str


def numbered_captions(lines: Sequence[TextLine], page: int) -> list[LoneCaption]:
    """The lines of a page that start as a numbered table caption, each with its number."""
    found: list[LoneCaption] = []
    for line in lines:
        if line.text.lstrip()[:1] not in ("T", "t"):
            continue  # (every caption starts "Tabel" or "Table")
        number = caption_number(line.text.strip())
        if number is not None:
            found.append(LoneCaption(page, number, line.text.strip()))
    return found


def caption_number(caption: str | None) -> str | None:
    """The table number a caption gives ("Tabel 3.2 …" -> "3.2"), if any."""
    match = CAPTION.match((caption or "").strip())
    return match.group("number") if match is not None and match.group("number") else None
