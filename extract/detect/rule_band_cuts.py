"""Where one cluster of stacked rules holds two tables: the cuts between them.

In: a cluster of horizontal rules (or shaded bands) and the page's text lines. Out: the
cluster cut into parts, top to bottom (``split_at_captions``): at a caption, a title, a
box of text or a source line standing between its rules, and at a blank band between a
table's rows and the next table's header. Also the helpers the joining of bands shares
(``frames_rows``, ``holds_values``).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.detect.captions import CAPTION, SOURCE
from extract.detect.layout import TextLine
from extract.detect.rulings import (
    RulingCluster,
    band_lines,
    crosses_rule,
    row_edges,
)
from extract.detect.whitespace_rows import (
    at_left,
    counts_value,
    is_data_line,
    stub_limit,
    value_chunks,
)
from extract.model import Ruling

__all__ = ["BLANK_EM", "frames_rows", "holds_values", "split_at_captions"]

# Rows of one table stand less than this far apart (in font sizes).
BLANK_EM = 8.0
# A line of running text (not its paragraph's last) holds one phrase of this many words at
# least, across this share of its band's width at least.
PROSE_WORDS = 8
PROSE_SHARE = 0.6


def split_at_captions(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[RulingCluster]:
    """The cluster cut at each table caption ("Tabel 2.2 ...") standing between two of its
    rules, no rule of it crossing the caption's line: rules stacked over the same span
    (one table's bottom rule, the next one's header band under its caption) bound two
    tables. In: a cluster and the page's lines. Out: its parts, top to bottom."""
    x0, top, x1, bottom = cluster.bbox
    cuts = [
        line
        for line in lines
        if top < line.top
        and line.bottom < bottom
        and x0 - 2 <= line.x0 < x1
        and CAPTION.match(line.text.strip())
        and not any(r.top < line.bottom and line.top < r.bottom for r in cluster.rulings)
    ]
    cuts += [*_titles_between(cluster, lines), *_under_text_boxes(cluster, lines)]
    cuts += _sources_between(cluster, lines)
    at = sorted([*(line.top for line in cuts), *_blank_between(cluster, lines)])
    parts: list[RulingCluster] = []
    rest = list(cluster.rulings)
    for y in at:  # (a shaded box round the cut line goes above it with its text)
        above = [r for r in rest if r.top < y]
        rest = [r for r in rest if r.top >= y]
        if above:
            parts.append(_cluster(above))
    if rest:
        parts.append(_cluster(rest))
    return parts


def _sources_between(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[TextLine]:
    """The source or note lines ("Kilde: Ankestyrelsen", "Note: …") standing between two
    rules of the cluster, no rule crossing them, under a line of values inside it (or right
    over its first rule) and over two of its rules or more: a table's source under its last
    row, the next table's stripes under it (zebra stripes of two tables, a caption between
    them)."""
    x0, top, x1, _ = cluster.bbox
    sources = [
        line
        for line in lines
        if top < line.top
        and x0 - 2 <= line.x0 < x1
        and SOURCE.match(line.text.strip())
        and not any(r.top < line.bottom and line.top < r.bottom for r in cluster.rulings)
        and sum(1 for r in cluster.rulings if r.top >= line.bottom) >= 2
    ]
    if not sources:
        return []
    left = stub_limit(lines)
    # (the values of the table above: inside the cluster, or right over its first rule, the
    # table's bottom rule, its notes and source under it, the next table's bands after them;
    # a row there judged from its own left edge, the page's notes standing further out)
    reach = top - BLANK_EM * sources[0].font_size
    return [
        line
        for line in sources
        if any(
            x.bottom <= line.top
            and (
                (x.top > top and holds_values(x, left))
                or (reach < x.top <= top and holds_values(x, x.x0))
            )
            for x in lines
        )
    ]


def _under_text_boxes(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[TextLine]:
    """The last line of each band of the cluster that holds a paragraph of running text
    (two lines or more, each one phrase and no value, all but the last of PROSE_WORDS words
    or more across most of its width): a shaded box of text ("Infoboks: …") stacked close
    over a table is no part of it."""
    x0, _, x1, _ = cluster.bbox
    out: list[TextLine] = []
    edges = row_edges(cluster)
    inside = [line for line in lines if edges[0] < (line.top + line.bottom) / 2 < edges[-1]]
    for upper, lower in itertools.pairwise(edges):
        band = [line for line in inside if upper < (line.top + line.bottom) / 2 < lower]
        phrases = all(len(line.chunks) == 1 and not line.chunks[0].is_value for line in band)
        if (
            len(band) >= 2
            and phrases
            and all(
                len(line.words) >= PROSE_WORDS and line.x1 - line.x0 >= PROSE_SHARE * (x1 - x0)
                for line in band[:-1]
            )
        ):
            out.append(band[-1])  # (the box's lower rule goes with the table: no text)
    return out


def _titles_between(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[TextLine]:
    """The first lines of the bands between two rules of a cluster without drawn columns
    that hold text but no values (years aside), with a band of rows of values above and a
    band of text and no values under, text over the value columns among it (a header): a
    heading or title over the next table ("Økonomi" / "Budgetopfølgning 2022 (mio. kr.)"),
    its rules stacked close under the last one's; in the last band too, over the next
    table's top rule and the header under it ("Ankestyrelsens talportal" / "Hele landet")."""
    if frames_rows(cluster) or cluster.has_inner_verticals:
        return []
    edges = row_edges(cluster)
    x0, x1 = cluster.bbox[0], cluster.bbox[2]
    bands = [
        [
            line
            for line in lines
            if a < (line.top + line.bottom) / 2 < b and line.x1 > x0 and line.x0 < x1
        ]
        for a, b in itertools.pairwise(edges)
    ]
    left = stub_limit([line for band in bands for line in band] or list(lines))
    data = [any(holds_values(line, left) for line in band) for band in bands]
    values = min(
        (c.x0 for band in bands for line in band for c in value_chunks(line, left)),
        default=x1,
    )
    bottom = edges[-1]  # under the last band: the next table's header, under its top rule
    after = [line for line in lines if line.top >= bottom and line.x1 > x0 and line.x0 < x1]
    under = [*bands[1:], _header_run(after, left)]
    titles = [
        bands[k][0]
        for k in range(1, len(bands))
        if bands[k]
        and data[k - 1]
        and not data[k]
        and (k + 1 == len(bands) or not data[k + 1])
        and _over_values(under[k], values)
    ]
    for k in range(len(bands) - 1):  # a title under a band's last row, a header band next
        tail = _text_under_rows(bands[k], left) if data[k] and not data[k + 1] else []
        if tail and any(c.x1 > values for line in bands[k + 1] for c in line.chunks):
            titles.append(tail[0])
    return titles


def _text_under_rows(band: Sequence[TextLine], left: float) -> list[TextLine]:
    """The lines of a band after its last line of values, the first set a row's gap under
    it (not a wrapped label's next line), none holding values: a title set under a table's
    last row, inside the band its shading or rules leave open."""
    last = max((k for k, line in enumerate(band) if holds_values(line, left)), default=None)
    if last is None or last + 1 >= len(band):
        return []
    tail = list(band[last + 1 :])
    if tail[0].top - band[last].bottom < 0.5 * tail[0].font_size:
        return []
    return tail


def _blank_between(cluster: RulingCluster, lines: Sequence[TextLine]) -> list[float]:
    """The middles of blank bands between two rules of a cluster without drawn columns,
    rows of values over them and header text over the value columns under them (no value):
    one table's bottom rule over the next one's top rule, its header under it."""
    if frames_rows(cluster) or cluster.has_inner_verticals:
        return []
    edges = row_edges(cluster)
    bands = band_lines(cluster, lines)
    blank = [k for k in range(1, len(bands) - 1) if not bands[k] and bands[k + 1]]
    if not blank:
        return []  # (the common case: no blank band between rows)
    left = stub_limit([line for band in bands for line in band] or list(lines))
    data = [any(holds_values(line, left) for line in band) for band in bands]
    values = min(
        (c.x0 for band in bands for line in band for c in value_chunks(line, left)),
        default=cluster.bbox[2],
    )
    return [
        (edges[k] + edges[k + 1]) / 2
        for k in blank
        if data[k - 1] and not data[k + 1] and _over_values(bands[k + 1], values)
    ]


def _header_run(lines: Sequence[TextLine], left: float) -> list[TextLine]:
    """The lines from the top down to the first one holding values (a header's lines)."""
    out: list[TextLine] = []
    for line in lines:
        if holds_values(line, left):
            break
        out.append(line)
    return out


def _over_values(band: Sequence[TextLine], values: float) -> bool:
    """Whether a band holds header text over the value columns (starting right of
    ``values``, where they begin, no value): not a group's label alone."""
    if not band:
        return False
    left = stub_limit(band)
    return any(
        not c.is_value and c.x1 > values and not at_left(c, left)
        for line in band
        for c in line.chunks
    )


def _cluster(rulings: Sequence[Ruling]) -> RulingCluster:
    """A cluster of ``rulings`` with their joint box."""
    box = (
        min(r.x0 for r in rulings),
        min(r.top for r in rulings),
        max(r.x1 for r in rulings),
        max(r.bottom for r in rulings),
    )
    return RulingCluster(tuple(rulings), box)


def frames_rows(cluster: RulingCluster) -> bool:
    """True when a vertical rule of the cluster frames rows (not only a shaded band)."""
    return any(crosses_rule(v, cluster.horizontals) for v in cluster.verticals)


def holds_values(line: TextLine, left: float) -> bool:
    """A data line holding a value that is no year ("SAGSEMNE | 2018" beside a header's
    other lines is header text)."""
    return is_data_line(line, left) and any(counts_value(c) for c in value_chunks(line, left))
