"""Where a table's row labels end: the stub's width, from the labels at its left edge (and
the header lines over them) and from the body's labels, indented ones and the lines of a
label wrapped over several. In: a block's text lines and the stub's left edge. Out: the x
where each label ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.layout import Chunk, TextLine
from extract.detect.value_text import is_year
from extract.detect.whitespace_rows import at_left

__all__ = ["body_label_ends", "has_letter", "stub_label_ends", "year_in_stub"]


def has_letter(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def body_label_ends(
    lines: Sequence[TextLine], left: float, data: Sequence[bool], first: int
) -> list[float]:
    """Where the label text (words, no values) of the data lines ends, indented labels
    too (members under a group label, an inner stub column's), and that of the body's
    lines of a label wrapped over several ("Lov om social" / "service | 66"). ``data``:
    ``data_lines``; ``first``: the body's first line (``split_header``)."""
    ends = [c.x1 for line, d in zip(lines, data, strict=True) if d for c in _labels(line)]
    wrapped = [
        c.x1
        for i, (line, d) in enumerate(zip(lines, data, strict=True))
        if not d and i >= first and _wrapped(lines, i)
        for c in _labels(line)
        if any(len(word) >= 2 and word.isalpha() for word in c.text.split())  # (no scan dirt)
    ]
    return [*ends, *wrapped]


def _labels(line: TextLine) -> list[Chunk]:
    """The line's chunks of label text (letters, no value)."""
    return [c for c in line.chunks if not c.is_value and has_letter(c.text)]


def stub_label_ends(lines: Sequence[TextLine], left: float, n_header: int) -> list[float]:
    """Where the row labels (and the stub header) at the left edge end: on lines with values,
    on header lines down to the last one holding text over the columns, and on the lines of
    a label wrapped over several. A label alone on its line under those (a group heading
    above the first row, "sager i alt" further down) may run on under the first column's
    header text and sets no stub width. ``n_header``: the header's lines
    (``split_header``)."""
    over = [i for i in range(n_header) if not all(at_left(c, left) for c in lines[i].chunks)]
    last = over[-1] if over else n_header - 1
    return [
        c.x1
        for i, line in enumerate(lines)
        if i <= last or any(c.is_value for c in line.chunks) or _wrapped(lines, i)
        for c in line.chunks
        if at_left(c, left)
    ]


def _wrapped(lines: Sequence[TextLine], i: int) -> bool:
    """True when line ``i`` stands tight (under half a font size) over or under another: one
    of the lines of a wrapped label."""
    line = lines[i]
    above = i > 0 and line.top - lines[i - 1].bottom < 0.5 * line.font_size
    below = i + 1 < len(lines) and lines[i + 1].top - line.bottom < 0.5 * line.font_size
    return above or below


def year_in_stub(chunk: Chunk, line: TextLine, values_from: float) -> bool:
    """True for a year standing left of label text that ends before the line's values
    (``values_from``): a period stub column's ("2019 | Realitetsbeh. sager | 66"), not a
    value column."""
    return is_year(chunk.text) and any(
        has_letter(c.text) and not c.is_value and chunk.x1 < c.x0 and c.x1 < values_from
        for c in line.chunks
    )
