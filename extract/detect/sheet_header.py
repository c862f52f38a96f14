"""The rows above a sheet table's first data row: title, notes, header rows, group rows.

In: a ``SheetView``, the non-blank rows above a table's first data row (each with whether a
blank row precedes it) and the number of label columns. Out: a ``Head``, and the header path of
each value column.

- Header rows are the run of adjacent rows (no blank row between them) that ends with the last
  row holding text right of the label columns. Single-cell rows in the label columns at the
  top of that run, and every row above it, are title lines; "Kilde:"/"Note:" lines are notes.
- Rows between the header rows and the first data row with text only in the label columns are
  group labels of the body ("Ishøj" above its Sagsemne rows). So is a row with a label and only
  number-like cells (a count like a year, 2010) under a group label, or under a header row
  with a different text in its label column, or with a label the first data row repeats.
- A header cell spans the columns of its merge. In an upper header row, an unmerged blank cell
  continues the text to its left (a csv cannot merge); text repeated over adjacent columns
  spans them just the same. A path never repeats a level (a header merged down two rows).
- A first data row without a label whose cells are whole numbers rising left to right (months
  1–12, quarters, ages) is the lowest header row, as a row of years is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from extract.detect.sheet_stub import Stub
from extract.detect.sheet_view import PERIOD, SheetView, is_caption, is_note

HeadRow = tuple[int, bool]  # (row, whether a blank row precedes it)


@dataclass(frozen=True, slots=True)
class Head:
    """What the rows above a table hold: title lines and notes (text, top first), header rows
    (top first) and label-only rows that belong to the body."""

    title: tuple[str, ...]
    notes: tuple[str, ...]
    header_rows: tuple[int, ...]
    label_rows: tuple[int, ...]


def split_head(
    view: SheetView, head: Sequence[HeadRow], n_labels: int, first_body: int | None = None
) -> Head:
    """Sort the rows above a table into title, notes, header rows and body label rows;
    ``first_body`` is the table's first data row."""
    edge = max(n_labels, 1)
    wide = [
        i
        for i, (r, _) in enumerate(head)
        if any(c >= edge for c in view.filled(r)) and not _note_or_caption(view, r)
    ]
    if not wide:
        title, notes = _title_and_notes(view, [r for r, _ in head])
        return Head(title, notes, (), ())
    last = wide[-1]
    first = last
    while first > 0 and not head[first][1]:
        first -= 1
    last = _last_header(view, head, first, last, edge, first_body)
    while first < last and _title_line(view, head[first][0], edge):
        first += 1
    title, notes = _title_and_notes(view, _after_other_rows(view, [r for r, _ in head[:first]]))
    header = tuple(r for r, _ in head[first : last + 1])
    below = [r for r, _ in head[last + 1 :]]
    notes += tuple(view.text(r) for r in below if is_note(view.text(r)))
    labels = tuple(r for r in below if not is_note(view.text(r)))
    return Head(title, notes, header, labels)


def _last_header(
    view: SheetView,
    head: Sequence[HeadRow],
    first: int,
    last: int,
    edge: int,
    first_body: int | None = None,
) -> int:
    """The last header row of the run ``first``..``last``: the row before the first body row
    in it, if any. A body row there has a label and only number-like cells right of it (a
    count that looks like a year, 2010; a glitch, "9301 sager101"), below a header row, and
    either under a group label ("Ishøj" alone in the label columns) or with its own label under
    a different header text in that label column (stub headers are not stacked; body labels
    are), or with a period for a label where the first data row has one too, under no header
    text ("2023 | 2034" over "2024 | 1472": counts like years), or with a label the first data
    row repeats in its column ("Stadfæstelse | Barnets lov | 2010" over "Stadfæstelse | Børn -
    … | 54": the outer label of a long table). One pass over the run."""
    stub_texts: dict[int, str] = {}  # label column -> the first header text in it
    header = -1
    grouped = False
    for i in range(first, last + 1):
        r = head[i][0]
        cols = view.filled(r)
        right = [c for c in cols if c >= edge]
        if not right or _note_or_caption(view, r):
            grouped = grouped or (header >= 0 and bool(cols))
            continue
        numbers = len(right) < len(cols) and all(view.number_like(r, c) for c in right)
        if header >= 0 and numbers:
            labels = [(c, view.shown(r, c)) for c in cols if c < edge]
            if grouped or any(stub_texts.get(c, text) != text for c, text in labels):
                return header
            if labels and _period_labels(view, r, first_body, [c for c, _ in labels], stub_texts):
                return header
            if first_body is not None and any(
                text and text == view.shown(first_body, c) for c, text in labels
            ):
                return header  # "Stadfæstelse | Barnets lov | 2010" over "Stadfæstelse | …"
        header = i
        for c in cols:
            if c < edge:
                stub_texts.setdefault(c, view.shown(r, c))
    return last


def _period_labels(
    view: SheetView, r: int, body: int | None, columns: Sequence[int], above: Mapping[int, str]
) -> bool:
    """Whether row ``r``'s labels in ``columns`` are periods, under no header text, where the
    data row ``body`` has periods too."""
    if body is None:
        return False
    return all(
        c not in above and view.kind_at(r, c) == PERIOD and view.kind_at(body, c) == PERIOD
        for c in columns
    )


def _note_or_caption(view: SheetView, r: int) -> bool:
    text = view.text(r)
    return is_note(text) or is_caption(text)


def _title_line(view: SheetView, r: int, edge: int) -> bool:
    """True for a title line at the top of the header run: a caption, a note, or one cell in
    the label columns, unless it is a stub header merged down over the header rows
    ("Lovområde" over two rows; a title merged over rows and columns is a title)."""
    if _note_or_caption(view, r):
        return True
    cols = view.filled(r)
    if len(cols) != 1 or cols[0] >= edge:
        return False
    span = view.merge_at.get((r, cols[0]))
    return span is None or span[2] == span[0] or span[3] >= edge


def _after_other_rows(view: SheetView, rows: Sequence[int]) -> list[int]:
    """The rows above a header after the last one of several filled cells (a caption or
    note aside): a row of cells there is another table's (its header or a row no value of
    which was read), and it and the lines above it are not this table's title."""
    cells = [
        k for k, r in enumerate(rows) if len(view.filled(r)) > 1 and not _note_or_caption(view, r)
    ]
    return list(rows[cells[-1] + 1 :]) if cells else list(rows)


def _title_and_notes(
    view: SheetView, rows: Sequence[int]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    title: list[str] = []
    notes: list[str] = []
    for r in rows:
        text = view.text(r)
        (notes if is_note(text) else title).append(text)
    return tuple(title), tuple(notes)


def numeric_header(view: SheetView, rows: Sequence[int], stub: Stub) -> bool:
    """True when the first of ``rows`` is a header row of whole numbers (see module doc)."""
    if not stub.columns or len(rows) < 2 or view.first_value(rows[0]) is None:
        return False
    r = rows[0]
    if any(view.shown(r, c) for c in stub.columns):
        return False
    numbers: list[float] = []
    for c in view.filled(r):
        value = view.own(r, c)
        if value is None or value.number is None or not value.number.is_integer():
            return False
        numbers.append(value.number)
    rising = all(a < b for a, b in pairwise(numbers))
    labelled = any(view.shown(later, stub.columns[-1]) for later in rows[1:3])
    return len(numbers) >= 2 and rising and labelled


def dated_columns(view: SheetView, header_rows: Sequence[int]) -> set[int]:
    """Columns under a period in the header rows (a merged period over all it spans): a column
    of years under "2022" holds counts (2045), not labels."""
    dated: set[int] = set()
    for r in header_rows:
        for c in view.filled(r):
            if view.kind_at(r, c) == PERIOD:
                span = view.merge_at.get((r, c))
                dated.update(range(c, span[3] + 1) if span else (c,))
    return dated


def column_paths(
    view: SheetView, header_rows: Sequence[int], value_cols: Sequence[int], n_labels: int
) -> list[tuple[str, ...]]:
    """The header path of each value column, top level first."""
    if not value_cols:
        return []
    levels: list[list[str]] = []
    for i, r in enumerate(header_rows):
        upper = i < len(header_rows) - 1
        parent = levels[-1] if levels else None
        levels.append(_level(view, r, value_cols[-1] + 1, n_labels, upper, parent))
    paths: list[tuple[str, ...]] = []
    for c in value_cols:
        path: list[str] = []
        for texts in levels:
            text = texts[c - n_labels]
            if text and (not path or path[-1] != text):
                path.append(text)
        paths.append(tuple(path))
    return paths


def _level(
    view: SheetView, r: int, end: int, n_labels: int, upper: bool, parent: list[str] | None
) -> list[str]:
    """Header texts of row ``r`` for columns n_labels..end-1; in an upper row, a blank
    unmerged cell continues the text to its left until a merge ends the run, and (below the
    top row) only under the same text of the row above (a blank under a new upper header
    starts nothing: "Realitetsbehandlet" over a blank is not continued from "Procent")."""
    texts: list[str] = []
    carry = ""
    for c in range(n_labels, end):
        text = view.shown(r, c)
        k = c - n_labels
        same_parent = parent is None or (k > 0 and parent[k] == parent[k - 1] != "")
        if (r, c) in view.merge_at:
            carry = ""
        elif text:
            carry = text
        elif upper and same_parent:
            text = carry
        texts.append(text)
    return texts


def stub_header(view: SheetView, header_rows: Sequence[int], n_labels: int) -> str:
    """The label columns' header texts, top to bottom and left to right, joined by " / "."""
    parts: list[str] = []
    for c in range(n_labels):
        for r in header_rows:
            text = view.shown(r, c)
            if text and text not in parts:
                parts.append(text)
    return " / ".join(parts)
