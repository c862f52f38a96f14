"""Rows of unruled text: which lines carry data, which make one row.

In: the text lines of one table region, top to bottom, and its left edge. Out: whether
each line is a data line (a row label and values; a label in an inner stub column counts
when the outer ones are blank), and the body lines grouped into rows (wrapped labels joined
to the row they belong to). How many leading lines are header: ``header_lines``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from statistics import median

from extract.detect.layout import Chunk, TextLine
from extract.detect.value_text import is_footnote_mark, is_year, reads_as_number

# A footnote mark: a number of one or two digits in brackets.
_MARK = re.compile(r"^\(\d{1,2}\)$")
# A label-only line joins a neighbouring row when its gap is below this share of the gap
# between consecutive single-line rows.
JOIN_SHARE = 0.6
# Gaps (points) this close are the same spacing (lines of one wrapped label).
TIE_GAP = 0.5


def at_left(chunk: Chunk, left: float) -> bool:
    """True for a chunk starting at the region's left edge (a row label), allowing for the
    jitter of OCR word boxes (a few tenths of the font size)."""
    return chunk.x0 <= left + chunk.reach


def stub_limit(lines: Sequence[TextLine]) -> float:
    """Left edge of the region: chunks starting here are row labels."""
    return min(line.x0 for line in lines)


def counts_value(chunk: Chunk) -> bool:
    """A chunk that reads as a value and is no year: a row's number ("1.278", "37,9 %"), no
    header text."""
    return chunk.is_value and not is_year(chunk.text)


def values_round(lines: Sequence[TextLine], i: int, left: float) -> bool:
    """True when line ``i`` holds label text starting at the left edge and no value (a year
    labels a group: "2022 | Aktiv"), and the line set tight under it values alone: a row
    whose labels wrap round its values ("Stadfæstede | Alle" / "13 504 | 11 898" /
    "lovområder"), or beside them ("Landstotal | Beskæftigelsesindsats" / "(LAB) | 686")."""
    if i < 0 or i + 1 >= len(lines):
        return False
    line, under = lines[i], lines[i + 1]
    starts = [c.x0 for c in line.chunks[1:]]
    return (
        at_left(line.chunks[0], left)
        and not any(counts_value(c) for c in line.chunks)
        # values, or the rest of an inner label wrapped beside them ("(LAB) | 686")
        and all(c.is_value or any(abs(c.x0 - x) <= 2.0 for x in starts) for c in under.chunks)
        and any(c.is_value for c in under.chunks)
        and under.top - line.bottom < 0.5 * under.font_size
    )


def value_chunks(line: TextLine, left: float) -> list[Chunk]:
    """The line's value chunks that are not its row label (``at_left``, written out: this
    runs for every line many times over)."""
    return [c for c in line.chunks if c.is_value and c.x0 > left + c.reach]


def is_data_line(line: TextLine, left: float, value_left: float | None = None) -> bool:
    """A line carrying table values: a row label at the left edge and values, or two values
    (years alone with no label are header, not data). Given ``value_left`` (the left edge of
    the value columns), a label ending left of it is a row label too: an inner stub column's,
    its outer columns blank ("as above")."""
    values = value_chunks(line, left)
    if not values:
        return False
    if values[0].text[:1] == "(" and all(_MARK.match(c.text) for c in values):
        return False  # a header's footnote mark ("(1)") beside its last line's text
    has_label = any(at_left(c, left) for c in line.chunks)
    if not has_label and value_left is not None:
        has_label = _label_before(line, min(value_left, values[0].x0))
    if not has_label and all(is_year(c.text) for c in values):
        return False
    return has_label or len(values) >= 2


def _label_before(line: TextLine, edge: float) -> bool:
    """True when a chunk of label text (letters, or the number ending a wrapped label:
    ``label_tails``; no value) ends left of ``edge``."""
    return any(
        c.x1 < edge and not c.is_value and any(ch.isalnum() for ch in c.text) for c in line.chunks
    )


def _years_as_header(data: list[bool], lines: Sequence[TextLine], left: float) -> list[bool]:
    """``data`` with the first data line no data when its values are all years standing over
    values that are no years (``_nearest`` each: under it, or nearest it), a period header
    beside the stub header: "Lovområde | 2020"; not under a line holding the stub's own
    header alone, set apart above it ("paragraf", then "Barnets Lov | 2010": a row's
    count), nor with the label of a row under it ("Stadfæstet | 2010" over the rows of the
    next group, "Stadfæstet | 2526"). When every line under it is indented past the stub's
    edge (a continued page, its outer stub columns blank) those lines' values are the ones
    under the years."""
    first = next((i for i, d in enumerate(data) if d), None)
    if first is None:
        return data
    years = value_chunks(lines[first], left)
    if not all(is_year(c.text) for c in years):
        return data
    label = " ".join(c.text for c in lines[first].chunks if not c.is_value).casefold()
    if label and any(
        " ".join(c.text for c in line.chunks if not c.is_value).casefold() == label
        for line, d in zip(lines[first + 1 :], data[first + 1 :], strict=True)
        if d
    ):
        return data  # its label labels rows further down: a row ("Stadfæstet | 2010")
    if any(
        len(line.chunks) == 1
        and at_left(line.chunks[0], left)
        and len(line.words) <= 3
        and not line.chunks[0].is_value
        and line.font_size <= 1.1 * lines[first].font_size  # (no larger text above: prose)
        and lines[first].top - line.bottom >= 0.5 * lines[first].font_size
        for line in lines[:first]
    ):
        return data  # a stub header stands above, apart: "Barnets Lov | 2010" is a row
    below = [
        c
        for line, d in zip(lines[first + 1 :], data[first + 1 :], strict=True)
        if d
        for c in value_chunks(line, left)
    ]
    if not below:  # (rows indented: years over no value of them are header; a footnote
        # mark set under a year, "2017" over "1)", is no value of it)
        under = [
            c
            for line in lines[first + 1 :]
            for c in value_chunks(line, left)
            if not is_footnote_mark(c.text)
        ]
        if under and not any(c.x0 < o.x1 and o.x0 < c.x1 for c in years for o in under):
            return [d and i != first for i, d in enumerate(data)]
        if not any(at_left(line.chunks[0], left) for line in lines[first + 1 :]):
            below = under  # (values under the years, every row indented past the stub's edge)
    if below and all(not is_year(_nearest(c, below).text) for c in years):
        return [d and i != first for i, d in enumerate(data)]
    return data


def _bare_number(text: str) -> bool:
    """True for a value with no words and no "§" ("54", "-", "(1)"), not the end of a
    wrapped label ("187 og § 188"); a count with its word ("1 sager") is one."""
    return not any(ch.isalpha() or ch == "§" for ch in text) or reads_as_number(text)


def _nearest(chunk: Chunk, others: Sequence[Chunk]) -> Chunk:
    """The one of ``others`` standing over or under ``chunk``, else the one whose middle is
    nearest its middle (a header centred in a wide cell over values set flush right)."""
    over = [o for o in others if o.x0 < chunk.x1 and chunk.x0 < o.x1]
    middle = (chunk.x0 + chunk.x1) / 2
    return min(over or others, key=lambda o: abs((o.x0 + o.x1) / 2 - middle))


def data_lines(lines: Sequence[TextLine], left: float) -> list[bool]:
    """For each line, whether it is a data line (``is_data_line``), the value columns' left
    edge taken from the lines with a label at the left edge (so a label in an inner stub
    column counts, a wrapped value cell's text does not); without such lines (every row
    indented under group labels), from the bare numbers of all lines not set where labels
    start (the end of a wrapped label: "59"). A first line of years over values that are no
    years stays header (``_years_as_header``)."""
    first = [is_data_line(line, left) for line in lines]
    plain = _years_as_header(first, lines, left)
    years = [f and not p for f, p in zip(first, plain, strict=True)]  # a row of years: header
    labelled = [  # (a line of two "values" with no label at the left edge may be a label
        # misread: "Børn - samvær 8 71 | 2" under an outer stub column's "Realitetsbeh. sager")
        p and any(at_left(c, left) for c in line.chunks)
        for line, p in zip(lines, plain, strict=True)
    ]
    value_left = _values_left(lines, labelled, left, years_too=False)
    if value_left is None:
        value_left = _values_left(lines, plain, left, years_too=False)
    if value_left is None:
        # every row indented under group labels; or the only data lines hold years alone,
        # group rows in an inner stub column ("Dragør Kommune | 2017" over "A-dagpenge 47")
        starts = {round(c.x0) for line in lines for c in line.chunks if not c.is_value}
        value_left = min(
            (
                c.x0
                for line in lines
                for c in value_chunks(line, left)
                if _bare_number(c.text) and round(c.x0) not in starts
            ),
            default=_values_left(lines, plain, left, years_too=True),
        )
    if value_left is None:
        return plain
    return [
        data or (not year and is_data_line(line, left, value_left))
        for line, data, year in zip(lines, plain, years, strict=True)
    ]


def _values_left(
    lines: Sequence[TextLine], data: Sequence[bool], left: float, *, years_too: bool
) -> float | None:
    """The left edge of the values of the data lines, those holding years alone left out
    unless ``years_too``; None without any."""
    rows = [value_chunks(line, left) for line, d in zip(lines, data, strict=True) if d]
    return min(
        (c.x0 for row in rows if years_too or not all(is_year(v.text) for v in row) for c in row),
        default=None,
    )


def body_row_groups(lines: Sequence[TextLine], left: float) -> list[list[TextLine]]:
    """Group body lines into rows: each data line, and each line of values alone in the value
    columns (set in the middle of a row whose label wraps round it), anchors a row; label
    lines join by gap."""
    data = data_lines(lines, left)
    value_left = min(
        (c.x0 for line, d in zip(lines, data, strict=True) if d for c in value_chunks(line, left)),
        default=math.inf,
    )
    anchors = [  # (a value wider than the others, "100%", may start left of them)
        d
        or all(c.is_value and max(c.x0 + 2.0, (c.x0 + c.x1) / 2) >= value_left for c in line.chunks)
        for line, d in zip(lines, data, strict=True)
    ]
    gaps = [lines[i + 1].top - lines[i].bottom for i in range(len(lines) - 1)]
    row_gaps = [g for i, g in enumerate(gaps) if anchors[i] and anchors[i + 1]]
    size = median(line.font_size for line in lines) if lines else 9.0
    limit = JOIN_SHARE * median(row_gaps) if row_gaps else _split_gaps(gaps, anchors, size)
    owner: list[int] = list(range(len(lines)))

    def steps(i: int, d: int) -> int:
        """Lines from ``i`` to the next anchor in direction ``d``, all gaps under the limit
        (a large number when there is none)."""
        j = i + d
        while 0 <= j < len(lines) and gaps[min(j, j - d)] < limit:
            if anchors[j]:
                return abs(j - i)
            j += d
        return len(lines)

    for i in range(len(lines)):
        if anchors[i]:
            continue
        before = gaps[i - 1] if i > 0 else None
        after = gaps[i] if i < len(gaps) else None
        candidates = [(g, d) for g, d in ((before, -1), (after, 1)) if g is not None and g < limit]
        if len(candidates) == 2 and abs(candidates[0][0] - candidates[1][0]) <= TIE_GAP:
            # wrapped lines as far apart as the next: join towards the nearer data line
            owner[i] = i + min((-1, 1), key=lambda d: steps(i, d))
        elif candidates:
            _, direction = min(candidates)
            owner[i] = i + direction

    # follow chains of label lines to their anchor (or to a label-only row)
    def root(i: int) -> int:
        seen = set()
        while owner[i] != i and i not in seen:
            seen.add(i)
            i = owner[i]
        return i

    groups: dict[int, list[TextLine]] = {}
    for i, line in enumerate(lines):
        groups.setdefault(root(i), []).append(line)
    rows: list[list[TextLine]] = []
    for key in sorted(groups):
        if rows and _finishes_word(rows[-1][-1], groups[key][0], left):
            rows[-1].extend(groups[key])  # a label broken over two lines with a hyphen
        else:
            rows.append(groups[key])
    flags = {id(line): flag for line, flag in zip(lines, anchors, strict=True)}
    return _split_multi_anchor(rows, left, flags)


# Without two data lines in a row, a label line's tighter and looser gaps (to the lines
# above and below) tell the lines of a row from the rows apart, when the looser are this many
# times the tighter (a table where every label wraps: "Pensionsloven" / "2022").
LOOSER_GAPS = 1.5


def _split_gaps(gaps: Sequence[float], anchors: Sequence[bool], size: float) -> float:
    """The largest gap joining a label line to a row when no two data lines follow each
    other (``gaps`` between the lines, ``anchors`` the data lines; ``size`` their font size):
    halfway between the middle tighter and the middle looser gap of the label lines set
    between two others, when those are far apart (LOOSER_GAPS); else 0.35 of ``size``."""
    tight, loose = [], []
    for i in range(1, len(gaps)):
        if not anchors[i]:
            pair = sorted((gaps[i - 1], gaps[i]))
            tight.append(pair[0])
            loose.append(pair[1])
    fallback = 0.35 * size
    if not tight:
        return fallback
    low, high = median(tight), median(loose)
    if high < LOOSER_GAPS * max(low, 0.1):
        return fallback
    return max(fallback, (low + high) / 2)


def _split_multi_anchor(
    rows: list[list[TextLine]], left: float, data: dict[int, bool]
) -> list[list[TextLine]]:
    """A group with several data lines is several rows (label lines stay with the first),
    unless a line's label finishes a word the line above broke with a hyphen ("Landeve-",
    "jen"): then it is the same row's wrapped text."""
    out: list[list[TextLine]] = []
    for row in rows:
        current: list[TextLine] = []
        for line in row:
            new_row = data[id(line)] and any(data[id(x)] for x in current)
            if new_row and not _finishes_word(current[-1], line, left):
                out.append(current)
                current = []
            current.append(line)
        out.append(current)
    return out


def _finishes_word(above: TextLine, line: TextLine, left: float) -> bool:
    """True when ``line``'s row label starts in lower case and the label above ends with a
    hyphen: one word broken over the two lines."""
    label, before = line.chunks[0], above.chunks[0]
    if not (at_left(label, left) and at_left(before, left)):
        return False
    return before.text.endswith("-") and label.text[:1].islower()
