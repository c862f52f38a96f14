"""What a line or a few lines by an unruled table's rows are: a row whose label wraps round
its values, a group heading out at the margin or in two stub columns, an outer label, a row
label set flush right. In: text lines (and the block's left edge and value columns). Out:
yes or no, for ``whitespace_blocks``.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.detect.layout import Chunk, TextLine
from extract.detect.value_text import is_year
from extract.detect.whitespace_rows import at_left, is_data_line, value_chunks

# Largest gap (in font sizes) inside one table.
TABLE_GAP_EM = 2.6
# Text set flush left in one column starts within this many points.
FLUSH_PT = 1.0
# A group heading in an inner stub column may start this many font sizes left of its rows.
GROUP_OUTDENT_EM = 2.5
# Lines whose font sizes differ by more than this share are set in different sizes.
SIZE_SHARE = 0.05
# A group heading has this many words at most; set in bold, BOLD_SECTION_WORDS.
SECTION_WORDS = 5
BOLD_SECTION_WORDS = 10


def wrapped_round(lines: Sequence[TextLine], i: int) -> bool:
    """True when line ``i`` starts a row whose label wraps round its values: label text, a
    line of values alone right of it, label text again where it or one of its labels
    starts (an inner stub column's), each set tight ("Tilbagebetaling af løbende månedlig
    hjælp til" / "345" / "forsørgelse - § 91")."""
    if i + 2 >= len(lines):
        return False
    label, values, rest = lines[i], lines[i + 1], lines[i + 2]
    return (  # (a year in the label: an outer stub column's, "2022 | Beskæftigelsesindsats")
        not any(c.is_value and not is_year(c.text) for c in (*label.chunks, *rest.chunks))
        and all(c.is_value and c.x0 > label.x1 for c in values.chunks)
        and any(abs(rest.x0 - c.x0) <= FLUSH_PT for c in label.chunks)
        and values.top - label.bottom < 0.5 * values.font_size
        and rest.top - values.bottom < 0.5 * rest.font_size
    )


def wrapped_last_rows(lines: Sequence[TextLine], left: float, value_left: float) -> bool:
    """True for lines left over under a block that are rows ending it (at a page's end),
    each a label at the left edge wrapped over lines set tight, with a line of values alone
    in the value columns among or under them ("Tilbagebetaling … -" / "5" / "§§ 81-85a");
    the rows a row's spacing apart. A group heading alone on its line ("Afviste sager") may
    stand over such rows."""
    rows: list[list[TextLine]] = []
    for line in lines:
        if rows and line.top - rows[-1][-1].bottom < 0.5 * line.font_size:
            rows[-1].append(line)
        else:
            rows.append([line])
    if not rows or not _wrapped_row(rows[-1], left, value_left):
        return False
    return all(
        _wrapped_row(row, left, value_left) or (len(row) == 1 and is_section_label(row[0]))
        for row in rows[:-1]
    )


def _wrapped_row(lines: Sequence[TextLine], left: float, value_left: float) -> bool:
    """True for lines set tight that are one row whose label wraps round its values (see
    ``wrapped_last_rows``); its label at the left edge, or in an inner label column (left
    of the values, the outer column blank)."""
    first = lines[0].chunks[0]
    if len(lines) < 2 or not (
        at_left(first, left) or (not first.is_value and first.x1 < value_left)
    ):
        return False
    values = [x for x in lines[1:] if all(c.is_value and c.x0 >= value_left - 2 for c in x.chunks)]
    labels = [x for x in lines if x not in values]
    return len(values) == 1 and all(label_only(x, value_left) for x in labels)


def label_only(line: TextLine, value_left: float) -> bool:
    """True for a line of label text alone, left of the values at ``value_left``."""
    return all(not c.is_value and c.x1 < value_left for c in line.chunks)


def is_section_label(line: TextLine) -> bool:
    """A short label line with no values, or a year alone: a group heading inside a table
    ("Antal sager", "2024" over the rows of that year); in bold it may be a law's name of
    up to BOLD_SECTION_WORDS ("Lov om højeste, mellemste førtidspension m.fl.")."""
    limit = BOLD_SECTION_WORDS if line.bold else SECTION_WORDS
    if len(line.chunks) != 1 or len(line.words) > limit:
        return False
    return not line.chunks[0].is_value or is_year(line.chunks[0].text)


def outer_group_line(line: TextLine, left: float, value_left: float) -> bool:
    """True for a line of two or three labels and no value, the first ones out in outer stub
    columns left of the rows (``left``), the last where the row labels start (or out of
    them by GROUP_OUTDENT_EM at most: rows indented under it), all left of the values: a
    group's heading in each stub column ("2023 H2 | Hele landet", "2022 | Antal sager",
    "Hjemvisning | Lov om aktiv socialpolitik" over "225 timers reglen - § 13 f", "Andel |
    November 2023 | Lov om en aktiv" over "beskæftigelsesindsats | 6 %")."""
    if not _stub_headings(line):
        return False
    *outers, inner = line.chunks
    return (
        outers[-1].x1 < min(left, inner.x0)
        and left - GROUP_OUTDENT_EM * line.font_size <= inner.x0 <= left + 3
        and inner.x1 < value_left
    )


def headings_over_row(line: TextLine, row: TextLine, value_left: float) -> bool:
    """True for a line of two or three labels and no value over a row whose labels start
    one under each (or indented under each by GROUP_OUTDENT_EM at most), all left of the
    values: a group's heading in each stub column, its rows indented under it ("Landsplan |
    SEL" over "Landsplan | Almene tilbud og husvilde - § 80 | 2 | 1")."""
    if not _stub_headings(line):
        return False
    labels = [c for c in row.chunks if c.x1 < value_left and not c.is_value]
    if len(labels) != len(line.chunks) or line.chunks[-1].x1 >= value_left:
        return False
    reach = GROUP_OUTDENT_EM * line.font_size
    return all(
        under.x0 - reach <= c.x0 <= under.x0 + 3
        for c, under in zip(line.chunks, labels, strict=True)
    )


def _stub_headings(line: TextLine) -> bool:
    """True for a line of two or three short chunks, each a label or a year ("2022 | Antal
    sager"): group headings side by side, one per stub column."""
    return (
        2 <= len(line.chunks) <= 3
        and len(line.words) <= 4 * len(line.chunks)
        and all(not c.is_value or is_year(c.text) for c in line.chunks)
    )


def right_aligned_stub(line: TextLine, first: TextLine) -> bool:
    """True when ``line`` is a data line whose row label ends where the label of the block's
    first line ends: a right-aligned stub, so the line starts further left."""
    end = first.chunks[0].x1
    return abs(line.chunks[0].x1 - end) <= 2.0 and is_data_line(line, line.x0)


def outer_label(line: TextLine, block: Sequence[TextLine], left: float) -> bool:
    """True for a data line starting left of the block (``left``) whose values stand in the
    block's value columns: its first chunk labels a group in an outer stub column left
    blank on the rows above."""
    values = value_chunks(line, line.x0)
    if not values or not is_data_line(line, line.x0) or line.chunks[0].x1 >= values[0].x0:
        return False
    above = [c for x in block for c in value_chunks(x, left)]
    return all(any(c.x0 < o.x1 and o.x0 < c.x1 for o in above) for c in values)


def group_follows(
    lines: Sequence[TextLine], start: int, heading: TextLine, block: Sequence[TextLine], left: float
) -> bool:
    """True when the line at ``start`` is the first row of a group headed by ``heading``
    (left of the block's rows at ``left``): it starts where the heading starts, within a
    table's gap of it, its values in the block's value columns (``outer_label``)."""
    if start >= len(lines):
        return False
    line = lines[start]
    near = line.top - heading.bottom <= TABLE_GAP_EM * line.font_size
    return near and abs(line.x0 - heading.x0) <= 3 and outer_label(line, block, left)


def data_follows(
    lines: Sequence[TextLine], start: int, left: float, value_left: float | None = None
) -> bool:
    """True when a data line comes within two lines from ``start``, each close to the last
    (the first may be another group heading out at the margin, "Hjemvist" over "Lov om
    aktiv beskæftigelsesindsats", when a row label starts the data line), or within three
    when the row's label is wrapped over the line before it or round its values. Given
    ``value_left``, a row label indented under the heading ends left of it (a member)."""
    last = lines[start - 1]
    stacked = wrapped = False
    for k, line in enumerate(lines[start : start + 3]):  # (a third: after both)
        if line.top - last.bottom > TABLE_GAP_EM * line.font_size:
            return False
        if line.x0 < left - 3:
            if stacked or line is not lines[start] or not is_section_label(line):
                return False
            stacked = True
        elif is_data_line(line, left, value_left):
            return not (stacked and line.chunks[0].is_value)
        elif not wrapped and wrapped_round(lines, start + k):
            return True  # a row's label wrapped round its values ("Børn - …" / "0" / "§ 20")
        elif wrapped or not _label_wrapped(lines, start + k):
            return False  # (one line of a wrapped label at most)
        else:
            wrapped = True  # the first row's label, wrapped: its values on its next line
        last = line
    return False


def _label_wrapped(lines: Sequence[TextLine], i: int) -> bool:
    """True for a line of label text alone with a line set tight under it (within half a
    font size): a row's label wrapped, its values beside its last line."""
    line = lines[i]
    after = lines[i + 1] if i + 1 < len(lines) else None
    return (
        after is not None
        and not any(c.is_value for c in line.chunks)
        and after.top - line.bottom < 0.5 * line.font_size
    )


def headed_row(header: Sequence[TextLine], row: TextLine, left: float) -> bool:
    """True for a table of one row under its header: a row label and two values or more
    (not all years: a row of years is header), each under header text standing over it
    (a number beside the label, "Januar 2024", leaves it to the next page's table), and a
    header line holding two chunks over its values (a header band, not a title)."""
    values = value_chunks(row, left)
    label = row.chunks[0]
    if len(values) < 2 or all(is_year(c.text) for c in values):
        return False
    if label.is_value and not is_year(label.text):
        return False  # (a year labels a row: "2024 | 26,3 | 21,4")

    def over(c: Chunk) -> list[Chunk]:
        return [v for v in values if c.x0 < v.x1 and v.x0 < c.x1]

    covered = {id(v) for line in header for c in line.chunks for v in over(c)}
    band = any(sum(1 for c in line.chunks if over(c)) >= 2 for line in header)
    return (band and len(covered) == len(values)) or _one_header_each(header, values, label)


def _one_header_each(header: Sequence[TextLine], values: Sequence[Chunk], label: Chunk) -> bool:
    """True when a header line holds as many chunks right of the row label as the row has
    values, each value nearer its own than any other (headers centred in wide cells over
    values set flush right)."""
    for line in header:
        heads = [c for c in line.chunks if c.x0 > label.x1]
        if len(heads) != len(values):
            continue
        middles = [(c.x0 + c.x1) / 2 for c in heads]
        nearest = [
            min(range(len(heads)), key=lambda k: abs(middles[k] - (v.x0 + v.x1) / 2))
            for v in values
        ]
        if nearest == list(range(len(values))):
            return True
    return False


def title_over_header(
    line: TextLine, header: Sequence[TextLine], left: float, value_left: float
) -> bool:
    """True for a line over a header (``header``: its lines so far, one over the values)
    that is one phrase starting at the rows' left edge (``left``) and running on into the
    value columns, set in another size than the header (by more than SIZE_SHARE): the
    table's title ("Omgørelsesprocenter fordelt på paragraffer (Servicelov)" over
    "Ikast-Brande"), no header of the columns it happens to reach."""
    if len(line.chunks) != 1 or not any(reaches_values(x, value_left) for x in header):
        return False
    chunk = line.chunks[0]
    size = max(x.font_size for x in header)
    return (
        chunk.x0 <= left + FLUSH_PT
        and chunk.x1 > value_left
        and not chunk.is_value
        and abs(line.font_size - size) > SIZE_SHARE * size
    )


def reaches_values(line: TextLine, value_left: float) -> bool:
    """True when text of ``line`` reaches the value columns (starting at ``value_left``)."""
    return any(c.x1 > value_left - 2 for c in line.chunks)
