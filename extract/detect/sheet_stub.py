"""The label (stub) columns of a sheet table, and its body rows with label-only group rows.

In: a ``SheetView`` and a table's body rows (data rows and label-only rows, top to bottom).
Out: a ``Stub`` (where values begin, which columns hold labels) and the ``TableRow``s.

- Label columns are the leading columns where labels outnumber values in the data rows (a tie
  is values). A column of counts with a stray label-like cell stays a value column, and a
  label column with a few number-like labels ("2023", "§ 110", "0-17 år") stays a label
  column. Years count as labels, unless the column holds values too (a count of 2010) or
  stands under a year in the header (2045 under "2022").
- A first column of whole numbers left of a column of label text is a code column ("Nr.",
  "Kommunekode"): a label column too.
- The innermost label column labels the row. Each outer label column's value (merged down,
  repeated on every row, or written once with blanks meaning "as above") becomes a label-only
  row (all cells None) before the first row where that value begins, outer levels first.
- A label merged across the label columns, or typed in an outer column with the inner one
  blank, on a row with values ("I alt") is a row of its own and ends the groups.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from extract.detect.sheet_view import TEXT, VALUE, SheetView
from extract.model import Cell, SheetValue, TableRow
from extract.readers.sheets.cells import column_letters


@dataclass(frozen=True, slots=True)
class Stub:
    """``n_labels``: columns left of the first value column; ``columns``: those of them that
    hold labels, outer first (the last one labels the rows)."""

    n_labels: int
    columns: tuple[int, ...]


def find_stub(view: SheetView, rows: Sequence[int], dated: Collection[int] = ()) -> Stub:
    """The label columns of a table whose body is ``rows`` (one pass over their cells);
    ``dated``: columns under a period in the header, whose years are counts (2045)."""
    values: list[int] = []  # per column: values in data rows,
    texts: list[int] = []  # text in data rows,
    periods: list[int] = []  # periods (2023, "2023K1") in data rows,
    labels: list[int] = []  # anything but a value, in any body row,
    whole: list[int] = []  # values that are whole numbers (a code: "101", 1, 2, 3)
    leftmost: int | None = None
    data = 0
    for r in rows:
        row = view.grid.rows[r]
        first = view.first_value(r)
        if first is not None:
            data += 1
            leftmost = first if leftmost is None else min(leftmost, first)
        if len(values) < len(row):
            grow = [0] * (len(row) - len(values))
            for counts in (values, texts, periods, labels, whole):
                counts.extend(grow)
        for c, value in enumerate(row):
            if value is None or not value.text.strip():
                continue
            kind = view.kind(value)
            if kind == VALUE and (r, c) not in view.merge_at:
                values[c] += first is not None
                whole[c] += _whole(value)
                continue
            labels[c] += 1
            (texts if kind == TEXT else periods)[c] += first is not None
    for c, n in enumerate(periods):  # years among values, or under a year, are values (2010)
        (values if values[c] or c in dated else texts)[c] += n
    n_labels = next((c for c, n in enumerate(values) if _holds_values(n, texts[c])), leftmost or 0)
    if n_labels == 0 and len(values) > 1 and whole[0] == values[0] and 2 * texts[1] > data:
        # a code column ("Nr.", "Kommunekode") left of the label column is part of the stub
        n_labels = next(
            (c for c in range(1, len(values)) if _holds_values(values[c], texts[c])),
            leftmost or 0,
        )
    held = range(min(n_labels, len(labels)))
    return Stub(n_labels, tuple(c for c in held if labels[c] or values[c]))


def _holds_values(values: int, labels: int) -> bool:
    """True for a value column: at least one value, and no fewer than labels in the data
    rows (a tie in a two-row table with one garbled value, "9301 sager101", is values)."""
    return values > 0 and values >= labels


def _whole(value: SheetValue) -> bool:
    if value.number is not None:
        return value.number.is_integer()
    return value.text.strip().isdigit()


def body_rows(
    view: SheetView, rows: Sequence[int], stub: Stub, value_cols: Sequence[int]
) -> list[TableRow]:
    """The table's rows: one per body row with a label or a value, plus label-only group rows
    for the outer label columns."""
    out: list[TableRow] = []
    outer_cols = stub.columns[:-1]
    inner = stub.columns[-1] if stub.columns else None
    outer = [""] * len(outer_cols)
    empty: tuple[Cell | None, ...] = (None,) * len(value_cols)
    name = view.grid.name
    columns = [(c, column_letters(c)) for c in value_cols]
    for r in rows:
        row = view.grid.rows[r]
        cells = tuple(
            _cell(view, r, c, row[c] if c < len(row) else None, name, letters)
            for c, letters in columns
        )
        has_values = any(cells)
        label, spanning = _label(view, r, inner, outer_cols, has_values)
        left = "" if has_values else _left_of(view, r, stub)
        if left:  # a group label left of the label columns: the outermost, first
            out.append(TableRow(left, empty, None))
        if spanning:
            outer = [""] * len(outer)  # a label over the outer columns ends the groups
        else:
            out.extend(TableRow(text, empty, None) for text in _groups(view, r, outer_cols, outer))
        if label or has_values:
            out.append(TableRow(label, cells, None))
    return out


def _left_of(view: SheetView, r: int, stub: Stub) -> str:
    """The text of row ``r`` left of its label columns (a group label there), or ""."""
    first = stub.columns[0] if stub.columns else 0
    return next((t for c in range(first) if (t := view.shown(r, c))), "")


def _label(
    view: SheetView, r: int, inner: int | None, outer_cols: Sequence[int], has_values: bool
) -> tuple[str, bool]:
    """(row label, whether it stands over the outer label columns) of body row ``r``."""
    if inner is None:
        return "", False
    span = view.merge_at.get((r, inner))
    if span is not None and span[1] < inner:
        return view.shown(r, inner), True  # "I alt" merged across the label columns
    text = view.shown(r, inner)
    if text or not has_values:
        return text, False  # a label-only row in an outer column starts a group
    own_outer = [view.shown(r, c) for c in outer_cols if view.own(r, c) is not None]
    if own_outer:
        return own_outer[-1], True  # "I alt" typed in an outer column, the inner one blank
    return "", False


def _groups(view: SheetView, r: int, outer_cols: Sequence[int], outer: list[str]) -> list[str]:
    """Update ``outer`` (the outer label columns' values, filled down) for row ``r``; return
    the labels of the groups that start here, outer first."""
    started: list[str] = []
    changed = False
    for level, c in enumerate(outer_cols):
        span = view.merge_at.get((r, c))
        if span is not None and span[1] < c:
            outer[level] = ""  # covered by an outer label merged across: no group of its own
            continue
        text = view.shown(r, c)
        if text and (changed or text != outer[level]):
            changed = True
            outer[level] = text
            started.append(text)
            for deeper in range(level + 1, len(outer)):
                outer[deeper] = ""
    return started


def _cell(
    view: SheetView, r: int, c: int, value: SheetValue | None, name: str | None, letters: str
) -> Cell | None:
    """The table cell of stored cell ``value`` at (r, c); None if empty or inside a merge."""
    if value is None or not value.text.strip():
        return None
    span = view.merge_at.get((r, c)) if view.merge_at else None
    if span is not None and (span[0], span[1]) != (r, c):
        return None  # covered by a merge: its value sits in the merge's first cell
    return Cell(
        text=value.text,
        page=None,
        sheet=name,
        cell_ref=f"{letters}{r + 1}",
        number=value.number,
        decimals=value.decimals,
        flags=value.flags,
    )
