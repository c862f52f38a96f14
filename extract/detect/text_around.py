"""The text around a table: its caption (above it, or right under it), title and notes.

In: the text lines of the page outside the table and the table's top and bottom. Out: the
caption ("Tabel 4.4 …", with its number), the title (a bold heading or the paragraph right
above the table) and the Note/Kilde lines under it. A caption under a table belongs to it
when it stands right under it, closer to it than to a table below (whose caption it would
otherwise be).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.detect.captions import (
    CAPTION,
    CONTINUED,
    FOOTNOTE,
    NOTE,
    SIZE_SHARE,
    is_dirt,
    is_note,
    is_stop,
)
from extract.detect.layout import TextLine
from extract.detect.value_text import is_year

# Largest gap (in font sizes) between a caption and the table under it, and between a table
# and the caption under it.
CAPTION_GAP_EM = 10.0
CAPTION_BELOW_EM = 1.5
# Lines of one caption or note paragraph are closer than this (in font sizes).
PARAGRAPH_EM = 0.8
# The lines of one caption start (or are centred) within this many font sizes of each other.
ALIGN_EM = 1.0
# Most words in a caption under a table without "Tabel" (more is a paragraph of prose).
PLAIN_WORDS = 16
# Gaps within this share of each other are the same spacing (a heading's lines set as far
# apart as the heading from its table: 7.5 and 7.4 points).
SAME_GAP = 1.2
# Most words in a title that only names something ("Serviceloven", "Hele landet").
NAME_WORDS = 3
# A list item's bullet: the paragraph right above a table starting with one is no title.
BULLET = re.compile(r"^\s*(?:[•◦▪‣●○■□➢➤\uf0b7\uf0a7]|\(cid:\d+\))")
# Text under a table that is no caption: a sentence's end, a lead-in, a page number, a
# letter's closing ("Med venlig hilsen", "Venlig hilsen", "Mvh."). A sentence ends after a
# word or a year, the next begins with a capital and a small letter ("… i 2024. Det …"; not
# an abbreviation before an acronym: "vedr. SEL").
NOT_PLAIN = re.compile(
    r"[.:;]$|(?:(?<![^\W\d_])[^\W\d_]{5,}+|(?<!\d)\d{4})\.\s+[A-ZÆØÅ][a-zæøå]|^(?:Side|Page)\s+\d|^\d+$"
    r"|\b(?:[Hh]ilsen|HILSEN)\b|^(?:[Mm]vh|MVH)\b"
)


@dataclass(frozen=True, slots=True)
class Around:
    """The text around one table: ``caption`` (above it, or under it when ``below``), its
    ``number``, the ``title``, the ``notes`` and ``end``, the bottom of the lowest of them
    and the table."""

    caption: str | None
    number: str | None
    title: str | None
    notes: tuple[str, ...]
    below: bool
    end: float


def text_around(
    lines: Sequence[TextLine], top: float, bottom: float, floor: float, limit: float
) -> Around:
    """The caption, title and notes of a table from ``top`` to ``bottom``, in ``lines`` (the
    page's lines outside it); ``floor`` is the bottom of the table above, ``limit`` the top
    of the table below (the caption under this table must stand closer to it). A caption
    under the table stands in for none above it, or for one saying it goes on ("Tabel 2
    (fortsat)")."""
    caption, number, title = caption_above(lines, top, floor)
    marker = caption is not None and CONTINUED.search(caption)
    below = None if caption is not None and not marker else caption_below(lines, bottom, limit)
    end = bottom
    if below is not None:
        # (a page going on under "Tabel (fortsat)", the caption under it the whole table's:
        # the marker is kept, the page is no table of its own)
        going_on = f" ({caption})" if marker else ""
        caption, number, end = below[0] + going_on, below[1], below[2]
    notes, end = notes_below(lines, end)
    return Around(caption, number, title, notes, below is not None, end)


def without_going_on(caption: str) -> str:
    """A caption without the marker of the page it stood under ("… (Tabel 2 (fortsat))",
    see ``text_around``): the whole table's caption."""
    found = _GOING_ON.search(caption)
    return caption[: found.start()] if found and CONTINUED.search(found.group(0)) else caption


# A caption's last part in brackets, brackets inside it allowed: " (Tabel 2 (fortsat))".
_GOING_ON = re.compile(r"\s\((?:[^()]|\([^()]*\))*\)$")


def caption_below(
    lines: Sequence[TextLine], bottom: float, limit: float
) -> tuple[str, str | None, float] | None:
    """(caption, number, its bottom) of a caption line right under a table ending at
    ``bottom`` (within CAPTION_BELOW_EM, with the lines that continue it: close, aligned
    with it), when it stands closer to the table than to the next table's top ``limit``
    and to the next text that is no note and may be a table's (cells, values, or text set
    apart from where the caption starts: not a line of prose or a greeting starting where
    it starts, "Med venlig hilsen"); else None."""
    under = [line for line in lines if line.top >= bottom - 1 and not is_dirt(line)]
    if not under:
        return None
    first = under[0]
    gap = first.top - bottom
    match = CAPTION.match(first.text.strip())
    if gap > CAPTION_BELOW_EM * first.font_size or (match is None and not _plain(first)):
        return None
    last = first
    for line in under[1:]:
        far = line.top - last.bottom >= PARAGRAPH_EM * line.font_size
        if far or is_stop(line) or FOOTNOTE.match(line.text.strip()):
            break
        if not _aligned(line, first):
            break  # text of something else (a table's header), not the caption going on
        if abs(line.font_size - first.font_size) > SIZE_SHARE * first.font_size:
            break  # text in another size: the paragraph after the caption
        last = line
    if limit - last.bottom <= gap:
        return None  # the caption of the table below
    after = next((x for x in under[under.index(last) + 1 :] if not is_note(x.text.strip())), None)
    tabular = after is not None and (
        len(after.chunks) > 1
        or any(c.is_value for c in after.chunks)
        or abs(after.x0 - first.x0) > ALIGN_EM * first.font_size  # a cell, not a text line
    )
    if after is not None and tabular and after.top - last.bottom < gap:
        return None  # it introduces what follows it closer (a table not found as one)
    text = " ".join(line.text.strip() for line in under[: under.index(last) + 1])
    if match is None and (len(text.split()) > PLAIN_WORDS or NOT_PLAIN.search(text)):
        return None  # prose under the table, not its caption
    return text, match.group("number") if match else None, last.bottom


def _plain(line: TextLine) -> bool:
    """True for a line that may be a caption without "Tabel" ("Ankestatistik efter
    servicelov"): one phrase in regular type (no heading, no row of cells), no note, no
    item of a bulleted list ("• at omgørelsesprocenten … tages til efterretning")."""
    text = line.text.strip()
    if BULLET.match(text):
        return False
    return len(line.chunks) == 1 and not line.bold and not is_stop(line) and len(text) > 3


def _aligned(line: TextLine, first: TextLine) -> bool:
    """True when ``line`` starts, or is centred, where the caption line ``first`` is."""
    left = abs(line.x0 - first.x0) <= ALIGN_EM * first.font_size
    centre = abs(line.x0 + line.x1 - first.x0 - first.x1) / 2 <= ALIGN_EM * first.font_size
    return left or centre


def caption_above(
    lines: Sequence[TextLine], top: float, floor: float
) -> tuple[str | None, str | None, str | None]:
    """(caption, caption number, title) for a table whose first line starts at ``top``: a
    caption line ("Tabel 3 …") within a few lines above, else the paragraph right above it
    as its title, unless that is an item of a bulleted list or a note (the table's above)."""
    above = [line for line in lines if floor < line.bottom <= top + 1]
    if not above:
        return None, None, None
    size = above[-1].font_size
    for index in range(len(above) - 1, max(len(above) - 5, -1), -1):
        match = CAPTION.match(above[index].text.strip())
        if match and _in_paragraph(above, index):
            continue  # "… Som det fremgår af / Tabel 4.4 viser …": a line of running text
        if match and top - above[index].bottom <= CAPTION_GAP_EM * size:
            text = " ".join(line.text.strip() for line in _caption_lines(above[index:]))
            return text, match.group("number"), None
    title_lines: list[TextLine] = []
    edge = top
    bold = above[-1].bold
    if bold:  # a bold heading right above the table is its title
        above = [line for line in above if line.bold and line.top >= above[-1].top - 40]
    # OCR tells no bold type: a scanned heading's lines may be a bold heading's, each a line
    # of its own (not the last line of a paragraph over it)
    scanned = not bold and any(word.source == "ocr" for word in above[-1].words)
    for index in range(len(above) - 1, -1, -1):
        line = above[index]
        # the paragraph right above the table: one gap to it, then tight line spacing; the
        # lines of a bold heading may stand as far apart as the heading from the table
        limit = tight = (2.0 if not title_lines else 0.6) * line.font_size
        if (bold or scanned) and title_lines:
            limit = max(limit, SAME_GAP * (top - title_lines[-1].bottom))
        if scanned and edge - line.bottom > tight and index > 0:
            over = above[index - 1]
            limit = tight if line.top - over.bottom <= 0.6 * line.font_size else limit
        if edge - line.bottom > limit or len(title_lines) == 3:
            break
        title_lines.insert(0, line)
        edge = line.top
    if len(title_lines) == 1 and len(title_lines[0].text.split()) <= NAME_WORDS:
        heading = _heading_over(above, title_lines[0])
        if heading:  # its own line: a name on the line nearest the table is the one meant
            name = title_lines[0].text.strip()
            return None, None, f"{heading[0].text.strip()}\n{name}"
    title = " ".join(line.text.strip() for line in title_lines) or None
    if title is not None and BULLET.match(title):
        return None, None, None  # an item of a list of points (a proposal), prose
    if title is not None and is_note(title):
        return None, None, None  # the note of what stands above ("Note: * "Andre Love" er …")
    return None, None, title


def _in_paragraph(lines: Sequence[TextLine], index: int) -> bool:
    """True when line ``index`` goes on from the line over it: that line in regular type of
    the same size, set at a paragraph's line spacing, without a sentence's end."""
    if index == 0:
        return False
    line, over = lines[index], lines[index - 1]
    size = line.font_size
    return (
        not line.bold
        and not over.bold
        and abs(over.font_size - size) <= SIZE_SHARE * size
        and line.top - over.bottom < PARAGRAPH_EM * size
        and not over.text.rstrip().endswith((".", ":", "!", "?"))
    )


def _caption_lines(lines: Sequence[TextLine]) -> list[TextLine]:
    """A caption's first line and the lines under it that go on with it: set close under it
    (CAPTION_BELOW_EM) in its type's size, not a paragraph in another size between the
    caption and its table ("TABEL 2.1 Afgjorte sager …" in 8 pt over "Liggetiden for de
    verserende sager …" in 10 pt). OCR'd sizes are box heights, uneven: all lines go on, up
    to a line holding a number (no year): a row of the table."""
    first = lines[0]
    out = [first]
    for line in lines[1:]:
        if any(w.source == "ocr" for w in (*line.words, *first.words)):
            if any(_number(c.text) for c in line.chunks if c.is_value):
                break  # a row of the table ("2022 Lov om aktiv beskæftigelsesindsats 25")
            out.append(line)
            continue
        size = max(line.font_size, first.font_size)
        if line.top - out[-1].bottom > CAPTION_BELOW_EM * size:
            break
        if abs(line.font_size - first.font_size) > SIZE_SHARE * size:
            break
        out.append(line)
    return out


def _number(text: str) -> bool:
    """Whether a value's text is a number (digits), no year and no mark ("." ending a line)."""
    return any(ch.isdigit() for ch in text) and not is_year(text)


def _heading_over(above: Sequence[TextLine], name: TextLine) -> list[TextLine]:
    """The line right over a title that is a name only ("Serviceloven") when it is a heading
    of its own ("Afgørelser efter instans og sagsemne på landsplan 2019-2021": one line,
    set apart from the text above it, within two font sizes of the name, a few words, no
    sentence's end): the two say together what the table holds. Else nothing."""
    over = [line for line in above if line.bottom <= name.top]
    if not over:
        return []
    head = over[-1]
    size = head.font_size
    text = head.text.strip()
    in_paragraph = len(over) > 1 and head.top - over[-2].bottom < PARAGRAPH_EM * size
    if name.top - head.bottom > 2.0 * size or in_paragraph:
        return []  # far from the name, or the last line of a paragraph
    if len(text.split()) > PLAIN_WORDS or text.endswith((".", ":")) or BULLET.match(text):
        return []
    return [] if NOT_PLAIN.search(text) else [head]


def notes_below(lines: Sequence[TextLine], bottom: float) -> tuple[tuple[str, ...], float]:
    """The Note/Kilde lines right under ``bottom`` (lines continuing one joined to it) and
    the bottom of the last (``bottom`` when none)."""
    below = [line for line in lines if line.top >= bottom - 1]
    notes: list[str] = []
    edge = bottom
    for line in below:
        gap = line.top - edge
        if not notes:
            if gap > 3.5 * line.font_size or not NOTE.match(line.text.strip()):
                break
            notes.append(line.text.strip())
        elif NOTE.match(line.text.strip()) and gap < 2.5 * line.font_size:
            notes.append(line.text.strip())
        elif gap < PARAGRAPH_EM * line.font_size:
            notes[-1] = f"{notes[-1]} {line.text.strip()}"
        else:
            break
        edge = line.bottom
    return tuple(notes), edge
