"""Chunks read by the lines and chunks around them, before any table is looked for.

In: a page's text lines, top to bottom. Out: the same lines with some chunks read otherwise:
a month broken off its year in a header ("2023-" or "2019" over "-10") is header text, not
a negative value (``month_parts``); a period broken inside its year ("201" over "7K3",
"202-" over "4*²") is header text, not two values (``year_parts``); the number that ends
a wrapped row label is label text (``label_tails``); a dash between two words of a label
("Husvilde - §") is no nil value (``dashes_in_labels``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.detect.layout import Chunk, TextLine, make_chunk

__all__ = ["dashes_in_labels", "label_tails", "month_parts", "year_parts"]

# A year ending in the hyphen it was broken at ("2023-"), or broken before it ("2019" over
# "-10").
_YEAR_BROKEN = re.compile(r"(?:19|20)\d\d\s?-?$")
# A month's number after the hyphen repeated at the break, footnote marks allowed
# ("-10", "-11 ²", "-12 (1)").
_MONTH_AFTER_BREAK = re.compile(r"^-(?:0[1-9]|1[0-2])(?:\s*(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\)))*$")


def month_parts(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines`` with each value chunk that reads as a month after a hyphen ("-10") and
    stands set tight under a chunk of the line above ending in a year and a hyphen
    ("2023-") or in a year ("2019", broken before the hyphen), overlapping it, read as
    header text."""
    out = list(lines)
    for i in range(1, len(lines)):
        line = lines[i]
        years = [  # (a stub header set half a line lower may stand between)
            c
            for above in lines[max(0, i - 3) : i]
            if line.top - above.bottom < 0.5 * line.font_size
            for c in above.chunks
            if _YEAR_BROKEN.search(c.text)
        ]
        if not years:
            continue
        chunks = tuple(
            Chunk(c.words, c.text, False)
            if c.is_value
            and _MONTH_AFTER_BREAK.match(c.text)
            and any(c.x0 < y.x1 and y.x0 < c.x1 for y in years)
            else c
            for c in line.chunks
        )
        if chunks != line.chunks:
            out[i] = TextLine(line.words, chunks)
    return out


# A period broken inside its year in a narrow column: the year's head ("201", "20", or with
# the hyphen it was broken at: "202-") over the rest of the year and the period ("7K3",
# "17Q4", "7H1", "7M03"; after a hyphen the year's last digits alone too: "4", "4*²").
_YEAR_HEAD = re.compile(r"^((?:19|20)\d?)(-?)$")
_PERIOD_TAIL = re.compile(r"^(\d{1,2})([KQHM]\d{1,2})?(?:\s*(?:[*¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d\)))*$", re.I)


def year_parts(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines`` with each pair of value chunks that together name a period, the year's head
    over the rest ("201" set tight over "7K3", or "202-" over "4*²", overlapping it: four
    digits of year, then a period or the year's hyphen between them), read as header text,
    not as two values (a stub header set half a line lower may stand between them)."""
    out = list(lines)
    for i in range(1, len(lines)):
        line = lines[i]
        heads = [
            (k, c, head)
            for k in range(max(0, i - 3), i)
            if line.top - out[k].bottom < 0.5 * line.font_size
            for c in out[k].chunks
            if c.is_value and (head := _YEAR_HEAD.match(c.text))
        ]
        if not heads:
            continue
        joined: set[tuple[int, int]] = set()
        chunks = list(line.chunks)
        for n, c in enumerate(chunks):
            tail = _PERIOD_TAIL.match(c.text) if c.is_value else None
            if tail is None:
                continue
            for k, above, head in heads:
                if (
                    c.x0 < above.x1
                    and above.x0 < c.x1
                    and len(head[1]) + len(tail[1]) == 4
                    and bool(head[2] or tail[2])
                ):
                    chunks[n] = Chunk(c.words, c.text, False)
                    joined.add((k, id(above)))
        if not joined:
            continue
        out[i] = TextLine(line.words, tuple(chunks))
        for k in {k for k, _ in joined}:
            above_line = out[k]
            out[k] = TextLine(
                above_line.words,
                tuple(
                    Chunk(c.words, c.text, False) if (k, id(c)) in joined else c
                    for c in above_line.chunks
                ),
            )
    return out


# The words of a label's tail stand closer than this (in font sizes): "-" and "112" of
# "Hjælpemidler" / "- 112" (a value column further right stands further off).
TAIL_GAP_EM = 0.8


def label_tails(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines`` with the number that ends a wrapped row label read as label text, not as a
    value: a line's first chunk reading as a value ("121", "104, stk. 4", "- § 69, stk. 1")
    set tight under a line of label text (alone, or beside the values of a row set at the
    top: ``_tail_under_top_row``) with a chunk starting where it
    starts ("... §§ 119 - §", in the first label column or an inner one), under such a tail
    ("114, stk. 1, … §§ 119 - §" / "121"), or under a line of values alone set tight under
    that label line (a label wrapped round its values)."""
    out = list(lines)
    for i in range(1, len(lines)):
        line = lines[i]
        first = line.chunks[0]
        above = out[i - 1]  # the line above as read: a tail itself, perhaps
        if not (first.is_value and line.top - above.bottom < 0.5 * line.font_size):
            continue
        if i >= 2 and first.x0 < above.x0 - 1.0 and all(c.is_value for c in above.chunks):
            label = out[i - 2]  # the values stand between the label's lines
            if above.top - label.bottom >= 0.5 * line.font_size:
                continue
            above = label
        if not any(ch.isalpha() for ch in above.text):
            continue
        if any(c.is_value for c in above.chunks) and not _tail_under_top_row(line, above):
            continue
        if not any(abs(first.x0 - c.x0) <= 1.0 for c in above.chunks):
            continue  # (an inner label column's: "Stadfæstelse | Børn - … §§" / "119 - § 121")
        rest = list(line.chunks[1:])
        words = list(first.words)
        while rest and rest[0].x0 - words[-1].bbox[2] < TAIL_GAP_EM * line.font_size:
            words.extend(rest.pop(0).words)  # "-" / "112": the tail's words set a word apart
        tail = Chunk(tuple(words), " ".join(w.text for w in words), False)
        out[i] = TextLine(line.words, (tail, *rest))
    return out


def _tail_under_top_row(line: TextLine, above: TextLine) -> bool:
    """True when ``line`` is one chunk alone under a row whose values stand on its first
    line, beside a label that goes on under them (cells set at the top: "Børn - … - § |
    63" / "114, stk. 1, nr. 1, … - §"): the rest of that label, not a row of its own."""
    first = above.chunks[0]
    return len(line.chunks) == 1 and not first.is_value and any(ch.isalpha() for ch in first.text)


# A dash is a label's when the words beside it stand closer than this (in font sizes).
DASH_GAP_EM = 0.8


def dashes_in_labels(lines: Sequence[TextLine]) -> list[TextLine]:
    """``lines`` with each dash read as a nil value ("-", "–") that stands between two chunks
    of words, each a word's space from it (under DASH_GAP_EM), joined with them into one
    chunk of label text ("Husvilde - §" set with wide word spaces): a value column stands
    further off."""
    out = list(lines)
    for i, line in enumerate(lines):
        chunks = list(line.chunks)
        k = 1
        changed = False
        while k + 1 < len(chunks):
            left, dash, right = chunks[k - 1], chunks[k], chunks[k + 1]
            gap = DASH_GAP_EM * line.font_size
            if (
                dash.text.strip() in _DASHES
                and not left.is_value
                and not right.is_value
                and any(ch.isalpha() for ch in left.text)
                and dash.x0 - left.x1 < gap
                and right.x0 - dash.x1 < gap
            ):
                joined = make_chunk([*left.words, *dash.words, *right.words])
                chunks[k - 1 : k + 2] = [Chunk(joined.words, joined.text, False)]
                changed = True
            else:
                k += 1
        if changed:
            out[i] = TextLine(line.words, tuple(chunks))
    return out


_DASHES = frozenset({"-", "–", "—", "−"})
