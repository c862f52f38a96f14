"""What a table's labels were read as, for the report and for ``ankestat tables --explain``.

In: a table, the readings of its headers and labels, and the plans the interpreter made of
them. Out: one ``LabelView`` per column and row (where, text, reading, role, note) and the
findings that name what did not resolve, with the nearest vocabulary entries ("did you mean").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from extract.codes import FindingCode, Severity
from extract.interpret.columns import ColumnPlan
from extract.interpret.plans import RowPlan
from extract.interpret.reading import Reading
from extract.interpret.vocabulary import Meaning, Vocabulary
from extract.interpret.words import tokens
from extract.model import Finding, TableCandidate, TableRow


@dataclass(frozen=True, slots=True)
class LabelView:
    """One header or label as read: where ("column 3", "row 7"), its text, its reading, the
    role the table gave it (member, total, provision, law, header, skip, unresolved ...), a
    note (why it was skipped or not resolved), the nearest vocabulary entries when it was
    not resolved, and ``planned``: the dimensions the table gives it (a total's filled in, a
    provision's law area, the group headers' carried down)."""

    where: str
    text: str
    reading: str
    role: str
    note: str = ""
    nearest: tuple[tuple[str, Meaning], ...] = ()
    planned: str = ""


def label_views(
    table: TableCandidate,
    columns: Sequence[tuple[ColumnPlan, Reading]],
    rows: Sequence[tuple[RowPlan, Reading]],
    vocabulary: Vocabulary,
    *,
    keep_views: bool = True,
) -> tuple[list[LabelView], list[Finding]]:
    """The views of every column and row (none unless ``keep_views``), and the findings for
    those not resolved or skipped."""
    views: list[LabelView] = []
    findings: list[Finding] = []
    for plan, reading in columns:
        label = table.column_label(plan.index)
        unread = plan.kind == "unresolved" and not reading.resolved
        near = vocabulary.nearest(label) if unread else ()  # not for a header read in full
        views.append(
            LabelView(
                f"column {plan.index + 1}",
                label,
                reading.describe(),
                plan.kind,
                plan.note,
                near,
                _dims(plan.dims),
            )
        )
        values = _column_values(table, plan.index)
        what = f"column '{label}' ({values} values)"
        finding = _finding(table, plan.kind, what, plan.note, near, table.first_page, values > 0)
        if finding is not None:
            findings.append(finding)
    for row_plan, reading in rows:
        row = table.rows[row_plan.index]
        kind, note = row_plan.kind, row_plan.note
        near = vocabulary.nearest(row.label) if kind == "unresolved" else ()
        where = f"row {row_plan.index + 1}"
        if keep_views:
            planned = _dims({**row_plan.carried, **row_plan.dims})
            views.append(LabelView(where, row.label, reading.describe(), kind, note, near, planned))
        what = f"row '{row.label}' ({_row_values(row)})"
        finding = _finding(table, kind, what, note, near, row.page, bool(_row_values(row)))
        if finding is None:
            finding = _numbers_in_label(table, row, reading)
        if finding is not None:
            findings.append(finding)
    return views, findings


# a count or a rate among a label's unread words ("Sager i alt 14 Medhold", "78%"), not a
# paragraph's number ("§ 71", "§§ 112 og 113, stk. 2")
_VALUE_WORD = re.compile(r"\d[\d.]*(?:,\d+)?\s?%?")
_IN_PARAGRAPH = re.compile(r"\d+[a-zæøå]?|og|samt|stk\.?|nr\.?|jf\.?|-|–")


def _numbers_in_label(table: TableCandidate, row: TableRow, reading: Reading) -> Finding | None:
    """A warning for a row that shows no value but whose label holds numbers the vocabulary
    did not read (a row of values the detector ran into its label): they are on the page and
    in no record."""
    if _row_values(row) or not reading.unknown:
        return None
    printed = tokens(row.label)
    numbers = [
        w
        for w in reading.unknown
        if _VALUE_WORD.fullmatch(w) and not (w in printed and _in_paragraph(printed, w))
    ]
    if not numbers:
        return None
    message = (
        f"table {table.table_id}: row '{row.label}' shows no value, but its label holds "
        f"{', '.join(repr(w) for w in numbers)}, not read as a value"
    )
    return Finding(
        FindingCode.NUMBERS_IN_LABEL, message, Severity.WARNING, row.page, table.table_id
    )


def _in_paragraph(printed: Sequence[str], word: str) -> bool:
    """Whether ``word`` follows a paragraph sign over numbers and joining words only."""
    for before in reversed(printed[: printed.index(word)]):
        if before.startswith("§"):
            return True
        if not _IN_PARAGRAPH.fullmatch(before):
            return False
    return False


def _dims(dims: Mapping[str, str]) -> str:
    return " ".join(f"{dim}={value}" for dim, value in dims.items())


def did_you_mean(near: Sequence[tuple[str, Meaning]]) -> str:
    """'; did you mean 'Stadfæstet' (measure=stadfaestet)?' or ''."""
    if not near:
        return ""
    return "; did you mean " + ", ".join(f"'{label}' ({meaning})" for label, meaning in near) + "?"


def _finding(
    table: TableCandidate,
    kind: str,
    what: str,
    note: str,
    near: Sequence[tuple[str, Meaning]],
    page: int | None,
    valued: bool = True,
) -> Finding | None:
    if kind == "unresolved":
        code, message, severity = (
            FindingCode.UNRESOLVED_LABEL,
            f"{what} not read: {note}",
            Severity.ERROR,
        )
        message += did_you_mean(near)
    elif kind == "skip":
        # (values left out are a warning; a row of none, a group's label, is said in passing)
        severity = Severity.WARNING if valued else Severity.INFO
        code, message = FindingCode.SKIPPED_ROW, f"{what} not emitted: {note}"
    else:
        return None
    return Finding(code, f"table {table.table_id}: {message}", severity, page, table.table_id)


def _column_values(table: TableCandidate, index: int) -> int:
    return sum(1 for row in table.rows if (cell := row.cells[index]) and cell.text.strip())


def _row_values(row: TableRow) -> str:
    """The row's printed values, each with its cell reference in a sheet ("C477=8501")."""
    return ", ".join(
        f"{c.cell_ref}={c.text.strip()}" if c.cell_ref else c.text.strip()
        for c in row.cells
        if c is not None and c.text.strip()
    )
