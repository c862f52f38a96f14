"""A planned table's cells as observations: each value cell keyed, duplicates left out.

In: the table, the plans of its columns and rows, its context and the reference data. Out: one
``Observation`` per value cell whose key is complete and which no other cell of the table
shares (dimensions already as codes), and the findings for the cells left out: how many lack
which dimension, and the cells that read as the same value.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from extract.codes import FindingCode, Unit
from extract.interpret.cell_keys import CellKeys
from extract.interpret.cell_observation import SharedTexts, cell_observation, overridden
from extract.interpret.cells import Keyed, Missing
from extract.interpret.columns import ColumnPlan
from extract.interpret.context import Context
from extract.interpret.fragments import split_numbers
from extract.interpret.header_rows import header_rows
from extract.interpret.keying_hints import (
    KEYED_COLUMNS,
    KEYED_ROWS,
    blank_columns,
    lost_law_heading,
    measure_columns_and_rows,
    named_by_columns,
    numbers_in,
    percent_sign_columns,
    provision_list,
)
from extract.interpret.label_cuts import runs_on, wrapped_tail
from extract.interpret.plans import RowPlan
from extract.interpret.rulebook import CellOverride
from extract.interpret.value_findings import (
    illegible,
    observation_key,
    table_finding,
    without_duplicates,
)
from extract.interpret.vocabulary import Vocabulary
from extract.model import Cell, Finding, Observation, TableCandidate

_BLANK_BESIDE_UNREAD = (
    "its column's header is blank, another's was not understood (what sets them apart, a"
    " count or a share, a year, is not known)"
)
_SPLIT = "a number split over two columns ('2' and '045' of '2 045'): not read"
_OWN_YEAR = (
    "a cell printing its own period's year ('{year}'): a header's year left among the rows, "
    "no count"
)
_UNDER_SECOND = (
    "the rows under a second header row ('{second}', its cells naming what they head): what "
    "their columns are is not known"
)
_TAIL_CHARS = 40


@dataclass(frozen=True, slots=True)
class Keying:
    """What keying a table needs besides its plans: context, vocabulary, the rule id, and
    the status overrides of the rules that apply."""

    context: Context
    vocabulary: Vocabulary
    rule_id: str
    overrides: tuple[CellOverride, ...] = ()


@dataclass(frozen=True, slots=True)
class TableValues:
    """The observations of a table, the findings for the cells left out, and the
    dimensions cells lacked (for ``rules suggest``)."""

    observations: list[Observation]
    findings: list[Finding]
    lacking: tuple[str, ...]


def table_observations(
    table: TableCandidate,
    columns: Sequence[ColumnPlan],
    rows: Sequence[RowPlan],
    keying: Keying,
) -> TableValues:
    """The observations of every keyed cell, and the findings for the cells left out."""
    known = provision_list(table, rows, keying.vocabulary)
    reference = keying.vocabulary.reference
    missing: Counter[str] = Counter()
    lacking: dict[str, None] = {}
    keyed: list[Observation] = []
    hashes = array("q")  # each observation's key's hash, to find the duplicates by
    along_columns, along_rows = measure_columns_and_rows(columns, rows)
    by_columns = named_by_columns(columns)
    lost_law = lost_law_heading(rows)
    measure_by_groups = any(p.kind == "header" and "measure" in p.dims for p in rows)
    percent_columns = percent_sign_columns(table, columns)
    # (a column of nil marks alone, "-" all down, prints no number to tell a count by)
    numberless = {c.index for c in columns if not numbers_in(table, c.index)}
    blank = blank_columns(table, columns, keying.vocabulary)
    # a blank header beside one not understood: what sets the two columns apart is not known
    unsure = blank if any(c.kind == "unresolved" for c in columns) else set()
    pieces = split_numbers(table.rows)
    second, repeated = header_rows(table, columns, keying.vocabulary)
    texts = SharedTexts(table.caption or _short(table.title))
    kinds = {plan.index: plan.kind for plan in rows}
    keys = CellKeys(
        keying.context, reference, known, by_columns=by_columns,
        measure_by_groups=measure_by_groups,
    )  # fmt: skip
    for plan in rows:
        if plan.kind not in KEYED_ROWS or plan.index in repeated:
            continue
        row = table.rows[plan.index]
        # the row under it, unless a group header ("mar 2023"): perhaps the rest of its label
        below = plan.index + 1
        under = table.rows[below] if below < len(table.rows) else None
        under = None if kinds.get(below) == "header" else under
        cut = wrapped_tail(plan, row, keying.vocabulary.provisions, under) or runs_on(row, columns)
        if second is not None and plan.index >= second:
            cut = _UNDER_SECOND.replace("{second}", table.rows[second].label[:_TAIL_CHARS])
        if cut:
            values = sum(1 for c in columns if c.kind in KEYED_COLUMNS)
            if values:  # a table with no value column left loses nothing here
                missing[cut.replace("{label}", row.label[:_TAIL_CHARS].rstrip())] += values
                lacking["provision"] = None
            continue
        keys.row(plan, row.label)
        for column in columns:
            if column.kind not in KEYED_COLUMNS:
                continue
            cell = row.cells[column.index]
            if column.index in unsure and cell is not None and cell.text.strip():
                missing[_BLANK_BESIDE_UNREAD] += 1
                lacking["aspect"] = None
                continue
            if (plan.index, column.index) in pieces:
                missing[_SPLIT] += 1
                lacking["value"] = None
                continue
            if cell is None:  # on an OCR'd row, an empty cell is OCR's doubt
                scanned = row.ocr_cells
                cell = Cell(text="", page=row.page, ocr_confidence=0.0 if scanned else None)
            found = keys.key(
                cell, column,
                measure_from_context=not (along_columns or along_rows or column.index in blank),
                share_from_context=not percent_columns or column.index in percent_columns
                or column.index in numberless,
                percent_column=column.index in percent_columns, law_by_rows=plan.index in lost_law,
            )  # fmt: skip
            if isinstance(found, Missing):
                if cell.text.strip():  # a blank cell left out loses no value
                    missing[found.why] += 1
                    lacking[found.what] = None
                continue
            if _own_year(cell, found):
                missing[_OWN_YEAR.replace("{year}", cell.text.strip())] += 1
                lacking["value"] = None
                continue
            observation = cell_observation(table, plan, column, cell, found, keying.rule_id, texts)
            if keying.overrides:
                observation = overridden(observation, keying.overrides)
            keyed.append(observation)
            hashes.append(hash(observation_key(observation, texts)))
    findings = [
        table_finding(table, FindingCode.MISSING_DIMENSION, f"{count} values not emitted: {why}")
        for why, count in sorted(missing.items())
    ]
    kept, duplicates = without_duplicates(table, keyed, hashes, texts)
    return TableValues(kept, findings + duplicates + illegible(table, kept), tuple(lacking))


def _own_year(cell: Cell, key: Keyed) -> bool:
    """Whether a count's cell prints the year its own period is in, as a bare year ("2021"
    keyed to 2021 or 2021-H1): the period header's text, not a number of cases."""
    text = cell.text.strip()
    return key.unit == Unit.COUNT and len(text) == 4 and text.isdigit() and key.period[:4] == text


def _short(title: str | None) -> str | None:
    """A title of 80 characters or fewer, on one line; None for a longer one (prose)."""
    flat = " ".join(title.split()) if title else ""
    return flat if flat and len(flat) <= 80 else None
