"""Ruled tables: a cluster of ruling lines (``rulings``) and its text -> a Grid with spans.

A cluster with vertical rulings inside gives both rows and columns (a lattice). A stack of
horizontal rulings only (a report's "lines between rows" style, or booktabs rules) gives the
rows; its columns come from whitespace (``whitespace.column_bands``). Rows and columns the
rulings leave out (several text rows between two rules, two value columns inside one drawn
column) come from the text as virtual edges (``ruled_text``). Without drawn columns, a header
holding a group header is read line by line, as in an unruled table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.detect.grid import Grid, GridCell
from extract.detect.header_groups import header_groups
from extract.detect.header_lines import split_header
from extract.detect.header_wrap import join_wrapped_headers
from extract.detect.layout import TextLine
from extract.detect.ruled_groups import group_headers, slot_index
from extract.detect.ruled_text import (
    crossed_edges,
    is_bar_chart,
    is_chart_text,
    joined_across,
    spanning_labels,
    sub_columns,
    text_rows,
    whitespace_columns,
)
from extract.detect.rulings import SNAP, RulingCluster, col_edges, row_edges
from extract.detect.value_text import is_value_text
from extract.detect.whitespace_header import split_over_sub_headers
from extract.detect.whitespace_rows import at_left, is_data_line, stub_limit
from extract.model import BBox, Word

# A ruling separates two slots when it covers at least this share of the shared side.
COVER = 0.6


def _covered(segments: Sequence[tuple[float, float]], lo: float, hi: float) -> bool:
    need = COVER * (hi - lo)
    have = sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in segments)
    return have >= need


def ruled_grid(cluster: RulingCluster, lines: Sequence[TextLine], page: int) -> Grid | None:
    """Grid of the text lines inside a ruling cluster, or None when it has no value columns.

    Drawn columns (a lattice) are split where one holds several whitespace columns; without
    drawn columns, the columns come from whitespace. Bands between rules holding several
    text rows are split into them. A chart (its text mostly single letters, or bar labels
    standing in tall slots between gridlines) gives None.
    """
    if is_chart_text(lines):
        return None
    if cluster.is_lattice or cluster.has_inner_verticals:
        drawn = _with_outer(col_edges(cluster), cluster.bbox)
        virtual_xs = sub_columns(lines, drawn)
        virtual_ys = text_rows(row_edges(cluster), lines, drawn, virtual_xs)
        grid = lattice_grid(cluster, lines, page, virtual_xs=virtual_xs, virtual_ys=virtual_ys)
        return None if is_bar_chart(grid) else grid
    xs = _uncut(_headers_with_values(whitespace_columns(lines), lines), lines)
    if not xs:
        return None
    if xs[-2] < cluster.bbox[2] < xs[-1]:
        xs[-1] = cluster.bbox[2]  # the last column ends with the rules
    xs = _header_only_column(xs, lines, cluster.bbox)
    n_header = split_header(lines, stub_limit(lines))
    lines = [*split_over_sub_headers(lines[:n_header], xs), *lines[n_header:]]
    if not text_rows(row_edges(cluster), lines):
        # rules between all rows: each band is one row, header text wraps inside its band
        grid = lattice_grid(cluster, lines, page, xs=xs, join_crossed=False)
    else:
        virtual_ys = text_rows(row_edges(cluster), lines, xs, xs[1:-1])
        grid = lattice_grid(cluster, lines, page, xs=xs, virtual_ys=virtual_ys)
    return None if is_bar_chart(grid) else _header_by_lines(grid, lines)


def _header_only_column(xs: list[float], lines: Sequence[TextLine], box: BBox) -> list[float]:
    """Column edges ``xs`` with one more column for the text starting right of the last one,
    inside the rules (``box``), when no text of the columns before reaches it: a column's
    header over no values on this page ("andel i pct." over a frame whose rows go on on the
    next page)."""
    right = [c for line in lines for c in line.chunks if c.x0 > xs[-1]]
    if not right or any(c.x1 > box[2] for c in right):
        return xs
    start = min(c.x0 for c in right)
    end = max((c.x1 for line in lines for c in line.chunks if c.x0 <= xs[-1]), default=xs[-1])
    if end > start:
        return xs  # (text of the columns before reaching into it)
    return [*xs[:-1], max(xs[-1], (end + start) / 2), box[2]]


def _headers_with_values(xs: list[float], lines: Sequence[TextLine]) -> list[float]:
    """Column edges ``xs`` without those that cut a value column from its header set apart
    from its numbers (flush left over right-aligned numbers): a column left of the edge with
    header text but no text in the body, right of it values, and no line with text in both
    (a stub column of labels, "Alle lovområder" wrapped round its row's values, stays)."""
    if len(xs) < 4:
        return xs
    left = stub_limit(lines)
    data = [is_data_line(line, left) for line in lines]
    first = data.index(True) if True in data else len(lines)

    def has(line: TextLine, lo: float, hi: float, values: bool) -> bool:
        return any(lo <= (c.x0 + c.x1) / 2 < hi and c.is_value == values for c in line.chunks)

    def texts(line: TextLine, lo: float, hi: float) -> bool:
        return any(lo <= (c.x0 + c.x1) / 2 < hi for c in line.chunks)

    out = list(xs)
    i = 2  # never the edge right of the stub
    while i < len(out) - 1:
        a, b, c = out[i - 1], out[i], out[i + 1]
        body = [line for line, d in zip(lines, data, strict=True) if d]
        empty = not any(has(line, a, b, True) for line in body)
        filled = any(has(line, b, c, True) for line in body)
        shared = any(texts(line, a, b) and texts(line, b, c) for line in lines)
        headed = any(texts(line, a, b) for line in lines[:first])
        labelled = any(texts(line, a, b) for line in lines[first:])
        if empty and filled and headed and not labelled and not shared:
            del out[i]
        else:
            i += 1
    return out


def _uncut(xs: list[float], lines: Sequence[TextLine]) -> list[float]:
    """Column edges ``xs`` without those between value columns cutting through a value of
    a row (one chunk, its words a space apart: "9301 sager101", a number glued to a word,
    is one cell's text, not two columns)."""
    if len(xs) < 4:
        return xs
    left = stub_limit(lines)
    values = [
        c
        for line in lines
        if is_data_line(line, left)
        for c in line.chunks
        if c.is_value and any(ch.isalpha() for ch in c.text)  # (two numbers set tight are two)
    ]
    inner = [x for x in xs[2:-1] if not any(c.x0 + 1.0 < x < c.x1 - 1.0 for c in values)]
    return [xs[0], xs[1], *inner, xs[-1]]  # (the stub's edge stays)


def _header_by_lines(grid: Grid, lines: Sequence[TextLine]) -> Grid:
    """The grid with its header read line by line, as in an unruled table, when a header
    line holds a group header over several columns (no drawn column rule says which; see
    ``header_groups``): one row per header line, a group header over its group, other header
    text in the column its middle stands in, wrapped text joined. Unchanged without a
    group header, or when a cell reaches from the header into the body."""
    left = stub_limit(lines)
    n_header = split_header(lines, left)
    head = list(lines[:n_header])
    if n_header < 2:
        return grid
    edges = grid.col_edges
    extents = [(edges[i], edges[i + 1]) for i in range(1, len(edges) - 1)]
    body_top = lines[n_header].top if n_header < len(lines) else grid.row_edges[-1]
    k = sum(1 for y in grid.row_edges[1:] if y <= body_top + 1.0)
    if 0 < k < grid.n_rows and head[-1].top >= grid.row_edges[k]:
        # label lines under the rule that ends the header ("Landstotal" / "Boligstøtteloven"
        # in bold over a row): group headings of the body, not header lines
        head = [line for line in head if line.top < grid.row_edges[k]]
        n_header = len(head)
        if n_header < 2:
            return grid
    groups = header_groups(head, lines, extents, edges[_label_columns(grid, k)])
    if not any(any(line) for line in groups) or k == 0:
        return grid
    if any(cell.row0 < k <= cell.row1 for cell in grid.cells):
        return grid
    phrases = group_headers(lines, edges, edges[1:-1])  # group headers of several words
    placed: dict[tuple[int, int, int], list[Word]] = {}
    for r, (line, spans) in enumerate(zip(head, groups, strict=True)):
        # (a phrase one of whose chunks heads a group of its own is no one header:
        # "Ændret/ophævet  Hjemvisninger  Realitetsbehandlede" set a wide space apart)
        split = {
            phrases[id(c)] for c, g in zip(line.chunks, spans, strict=True)
            if g is not None and id(c) in phrases
        }  # fmt: skip
        for chunk, span in zip(line.chunks, spans, strict=True):
            if span is None and id(chunk) in phrases and phrases[id(chunk)] not in split:
                x0, x1 = phrases[id(chunk)]
                cols = [c for c in range(1, len(edges) - 1) if x0 < edges[c + 1] and x1 > edges[c]]
                span = (cols[0], cols[-1]) if cols else None
            if span is None:
                col = 0 if at_left(chunk, left) else slot_index(edges, (chunk.x0 + chunk.x1) / 2)
                span = (col or 0, col or 0)
            placed.setdefault((r, *span), []).extend(chunk.words)
    cells = [GridCell(r, r, c0, c1, tuple(words)) for (r, c0, c1), words in placed.items()]
    shift = n_header - k
    body = [
        GridCell(c.row0 + shift, c.row1 + shift, c.col0, c.col1, c.words)
        for c in grid.cells
        if c.row0 >= k
    ]
    row_edges = (*(line.top for line in head), *grid.row_edges[k:])
    header = join_wrapped_headers(cells, head)
    return replace(grid, row_edges=row_edges, cells=(*header, *body))


def _label_columns(grid: Grid, header_rows: int) -> int:
    """How many columns from the left hold row labels: column 0, and each next one whose
    body cells are all words, no values, with values right of it ("År | Lovområde" over
    "2022 | I alt | 12.838"): no group header stands over them."""
    texts: list[list[str]] = [[] for _ in range(grid.n_cols)]
    for cell in grid.cells:
        if cell.row0 >= header_rows and cell.col0 == cell.col1 and cell.words:
            texts[cell.col0].append(cell.text)
    n = 1
    while n < grid.n_cols - 1:
        column = [t for t in texts[n] if t.strip()]
        if not column or any(is_value_text(t) or not any(ch.isalpha() for ch in t) for t in column):
            break
        n += 1
    return n if any(is_value_text(t) for col in texts[n:] for t in col) else 1


def _header_chunk_middles(
    lines: Sequence[TextLine], soft_xs: Sequence[float], sides: tuple[float, float]
) -> dict[int, float]:
    """For the words of a header chunk reaching across a virtual column edge or a side of
    the frame (by word id), the chunk's middle: a header ("2. halvår 2024", "ÆNDRET, PCT."
    running past the last rule's end) goes whole to the column it stands over most, not word
    by word (a row label at the left edge is left alone)."""
    left = stub_limit(lines)
    out: dict[int, float] = {}
    for line in lines[: split_header(lines, left)]:
        for chunk in line.chunks:
            across = any(chunk.x0 < x < chunk.x1 for x in (*soft_xs, *sides))
            if at_left(chunk, left) or not across:
                continue
            out.update((id(w), (chunk.x0 + chunk.x1) / 2) for w in chunk.words)
    return out


def _with_outer(cols: Sequence[float], box: BBox) -> list[float]:
    """Drawn column edges with the cluster's sides added where no vertical rule stands."""
    out = list(cols)
    if not out or out[0] > box[0] + 3 * SNAP:
        out.insert(0, box[0])
    if out[-1] < box[2] - 3 * SNAP:
        out.append(box[2])
    return out


def lattice_grid(
    cluster: RulingCluster,
    lines: Sequence[TextLine],
    page: int,
    xs: Sequence[float] | None = None,
    virtual_xs: Sequence[float] = (),
    virtual_ys: Sequence[float] = (),
    join_crossed: bool = True,
) -> Grid:
    """Grid of a ruled table: slots between rulings, merged where a ruling is missing.

    ``xs`` overrides the column edges (columns from whitespace: every inner edge is
    virtual). ``virtual_xs``/``virtual_ys`` are extra edges found in the text; a virtual
    edge separates its two slots unless a text chunk (a word, across a row edge) crosses it
    (always, without ``join_crossed``).
    """
    ruled_ys = row_edges(cluster)
    ys = sorted({*ruled_ys, *(y for y in virtual_ys if ruled_ys[0] < y < ruled_ys[-1])})
    if xs is not None:
        cols = list(xs)
        drawn = cols  # the frame header spans are judged against
        soft_x = set(range(1, len(cols) - 1))
    else:
        drawn = _with_outer(col_edges(cluster), cluster.bbox)
        cols = sorted({*drawn, *(x for x in virtual_xs if drawn[0] < x < drawn[-1])})
        soft_x = {i for i, x in enumerate(cols) if x not in drawn}
    soft_y = {i for i, y in enumerate(ys) if y not in ruled_ys}
    n_rows, n_cols = len(ys) - 1, len(cols) - 1
    v_segments = {
        i: [(v.top, v.bottom) for v in cluster.verticals if abs((v.x0 + v.x1) / 2 - x) <= SNAP]
        for i, x in enumerate(cols)
    }
    h_segments = {
        i: [(h.x0, h.x1) for h in cluster.horizontals if abs((h.top + h.bottom) / 2 - y) <= SNAP]
        for i, y in enumerate(ys)
    }
    soft_xs = [cols[i] for i in sorted(soft_x)]
    crossed: set[tuple[tuple[int, int], str] | tuple[int, str]] = set(
        spanning_labels(lines, ys, cols)
    )
    if join_crossed:
        crossed = crossed_edges(lines, ys, cols, drawn, soft_xs, soft_y)
    parent = {(r, c): (r, c) for r in range(n_rows) for c in range(n_cols)}

    def find(slot: tuple[int, int]) -> tuple[int, int]:
        while parent[slot] != slot:
            slot = parent[slot]
        return slot

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and joined_across(
                c + 1 in soft_x,
                _covered(v_segments[c + 1], ys[r], ys[r + 1]),
                ((r, c + 1), "label") in crossed,
                ((r, c + 1), "value") in crossed,
                (r, "data") in crossed,
            ):
                parent[find((r, c + 1))] = find((r, c))
            if r + 1 < n_rows and (
                ((r + 1, c), "y") in crossed
                if r + 1 in soft_y
                else not _covered(h_segments[r + 1], cols[c], cols[c + 1])
            ):
                parent[find((r + 1, c))] = find((r, c))
    members: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for slot in parent:
        members.setdefault(find(slot), []).append(slot)
    slot_words: dict[tuple[int, int], list[Word]] = {}
    middles = _header_chunk_middles(lines, soft_xs, (cols[0], cols[-1]))
    for word in (w for line in lines for w in line.words):
        cx, cy = (word.bbox[0] + word.bbox[2]) / 2, (word.bbox[1] + word.bbox[3]) / 2
        cx = middles.get(id(word), cx)
        row_at = slot_index(ys, cy)
        col_at = slot_index(cols, cx)
        if row_at is not None and col_at is not None:
            slot_words.setdefault(find((row_at, col_at)), []).append(word)
    cells = []
    for root, slots in members.items():
        rows = [s[0] for s in slots]
        columns = [s[1] for s in slots]
        cells.append(
            GridCell(
                min(rows), max(rows), min(columns), max(columns), tuple(slot_words.get(root, ()))
            )
        )
    cells.sort(key=lambda cell: (cell.row0, cell.col0))
    return Grid(
        page=page, detector="ruled", row_edges=tuple(ys), col_edges=tuple(cols), cells=tuple(cells)
    )
