"""The part of ``report.txt`` a person checks before using a figure: per file, its status in
words, every flagged or illegible value, every table not read and every label not understood.

In: a file's result and its records' values (held or read back from the spool), one at a time
(``CheckedValues``). Out: text lines.
A value line says where the value is (page or sheet and cell, table, row, column), what was
printed, its status and each flag with its meaning (``extract.codes.code_meaning``).
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.codes import FileStatus, FindingCode, Severity, Status, code_meaning
from extract.model import Record
from extract.results import FileResult
from extract.writers.jsonl import FIELD_NAMES, FLAGS, RecordValues

# Findings listed under a file besides its values: what was not read, and why.
_LISTED = frozenset(
    {
        FindingCode.UNMAPPED_TABLE,
        FindingCode.UNRESOLVED_LABEL,
        FindingCode.MISSING_DIMENSION,
        FindingCode.AMBIGUOUS_KEY,
        FindingCode.NEEDS_OCR,
        FindingCode.NO_TEXT,
        FindingCode.PAGES_LOST,
        FindingCode.OCR_TEXT_LOST,
        FindingCode.VALUES_OUTSIDE_TABLES,
        FindingCode.CAPTION_WITHOUT_TABLE,
    }
)


def _where(record: Record) -> str:
    if record.page is not None:
        place = f"page {record.page}"
    elif record.sheet is not None:
        place = f"sheet '{record.sheet}'"
    else:  # a csv file: no pages, no sheets
        place = "the file"
    if record.cell_ref:
        place += f" cell {record.cell_ref}"
    return (
        f"{place}, table {record.table_id}, row '{record.row_label}', "
        f"column '{record.column_label}'"
    )


def _flag(code: str) -> str:
    meaning = code_meaning(code)
    return f"{code} ({meaning})" if meaning else code


def value_line(record: Record) -> str:
    """One flagged or illegible value: where, what was printed, status, flags with meanings."""
    flags = "; ".join(_flag(code) for code in record.flags) or "no flag"
    return f"  {_where(record)}: printed '{record.cell_text}', {record.status}: {flags}"


def needs_check(record: Record) -> bool:
    """True for a value a person must check before use: flagged, or printed illegibly."""
    return _needs_check(record.flags, record.status)


def _needs_check(flags: Sequence[str], status: str) -> bool:
    return bool(flags) or status == Status.ILLEGIBLE.value


_STATUS = FIELD_NAMES.index("status")


class CheckedValues:
    """A file's values a person must check (``needs_check``), as ``value_line``s, gathered
    from the records' values one at a time (``add``)."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, values: RecordValues) -> None:
        if _needs_check(values[FLAGS], values[_STATUS]):
            self.lines.append(value_line(Record(*values)))


def status_words(result: FileResult, flagged: int) -> str:
    """The file's status as a person reads it: "ok", "ok, 3 values flagged", "partial: why",
    "failed: why", "ok, no statistics tables" for a file with none, or "ok, a copy of X"."""
    if result.copy_of is not None:
        return f"ok, the same bytes as {result.copy_of} (read once, records there)"
    if result.status is FileStatus.FAILED:
        return f"failed: {result.error}"
    if result.status is FileStatus.PARTIAL:
        errors = [f.message for f in result.findings if f.severity == Severity.ERROR]
        return "partial: " + (errors[0] if errors else "some pages or tables were not read")
    if not result.tables or not any(t.rule_id for t in result.tables):
        return "ok, no statistics tables"
    return f"ok, {flagged} value{'s' if flagged != 1 else ''} flagged" if flagged else "ok"


def detail_lines(result: FileResult, values: Sequence[str]) -> list[str]:
    """The file's heading with its status, then its flagged or illegible values (``values``:
    their ``value_line``s, ``CheckedValues``) and the findings that say what was not read."""
    lines = [f"== {result.source_file}: {status_words(result, len(values))}"]
    lines += values
    lines += [f"  {f.code}: {f.message}" for f in result.findings if f.code in _LISTED]
    return lines
