"""Findings the pipeline builds from what the stages hand it.

In: a page as read, a table no measure names, a page's loose numbers, a caption no table
carries, a check's result. Out: a ``Finding`` (code, one-line message, severity, page/table)
for the file's report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from extract.checks.registry import CheckResult
from extract.codes import FindingCode, Severity, Status
from extract.detect import LoneCaption, Loose
from extract.model import Finding, PageContent, TableCandidate
from extract.normalise.numbers import parse_number
from extract.readers import PAGES_LOST
from extract.readers.ocr.pages import TEXT_LOST
from extract.readers.sheets.cells import column_letters

# A table not read that holds this many values is worth a warning.
MANY_VALUES = 4
# What counts as a value: a number, a nil mark, a suppressed one.
_VALUES = frozenset({Status.REPORTED, Status.NIL, Status.SUPPRESSED})


def unread_table(table: TableCandidate, named: Sequence[str]) -> Finding:
    """A table not read as ankestatistik: a warning when it holds values (four or more:
    numbers, nil marks "-", suppressed "."), or its labels name periods, law areas or
    entities; an info line for a table of text."""
    what = f"its labels name {', '.join(named)}, but " if named else ""
    values = sum(
        1
        for row in table.rows
        for cell in row.cells
        if cell is not None and parse_number(cell.text).status in _VALUES
    )
    return Finding(
        FindingCode.UNMAPPED_TABLE,
        f"table {table.table_id} ({len(table.rows)} rows, {values} values) not read: {what}"
        "no header, label, caption or title names a measure",
        Severity.WARNING if named or values >= MANY_VALUES else Severity.INFO,
        page=table.first_page,
        table_id=table.table_id,
    )


def loose_finding(loose: Loose) -> Finding:
    """Data lines no table holds (``extract.detect.loose``): their numbers are not read."""
    first = loose.lines[0] if len(loose.lines[0]) <= 80 else loose.lines[0][:77] + "..."
    numbers = "number" if loose.numbers == 1 else "numbers"
    lines = "line" if len(loose.lines) == 1 else "lines"
    where = f"sheet '{loose.sheet}'" if loose.sheet is not None else f"page {loose.page}"
    return Finding(
        FindingCode.VALUES_OUTSIDE_TABLES,
        f"{where}: {loose.numbers} {numbers} on {len(loose.lines)} {lines} stand in "
        f"no table found and were not read (first: '{first}')",
        Severity.WARNING,
        page=loose.page,
    )


def lone_caption_finding(lone: LoneCaption) -> Finding:
    """A numbered caption no table found carries: the table under it was not read."""
    caption = lone.caption if len(lone.caption) <= 80 else lone.caption[:77] + "..."
    return Finding(
        FindingCode.CAPTION_WITHOUT_TABLE,
        f"page {lone.page}: no table was found for caption '{caption}'; "
        "its values, if any, were not read",
        Severity.WARNING,
        page=lone.page,
        table_id=lone.number,
    )


def check_finding(found: CheckResult, record_ids: Mapping[int, str]) -> Finding:
    """A check result as a warning naming its records (their ids by position)."""
    return Finding(
        found.code,
        found.message,
        Severity.WARNING,
        found.page,
        found.table_id,
        tuple(record_ids[i] for i in found.indices),
    )


# Reader notes that are findings of their own: (prefix, code, severity, the message's text);
# every other note is an info "page_note".
_NOTE_FINDINGS: tuple[tuple[str, FindingCode, Severity, Callable[[str], str]], ...] = (
    (
        PAGES_LOST,
        FindingCode.PAGES_LOST,
        Severity.ERROR,
        lambda note: note.removeprefix(PAGES_LOST),
    ),
    (
        TEXT_LOST,
        FindingCode.OCR_TEXT_LOST,
        Severity.WARNING,
        lambda note: f"{note}; its tables may be missing values",
    ),
)


def page_findings(page: PageContent) -> list[Finding]:
    """Findings about a page: not read (no text layer, no OCR), and the reader's notes."""
    if page.sheet is not None:
        return sheet_findings(page)
    if page.needs_ocr:
        why = "; ".join(page.notes) or "OCR was turned off (--no-ocr); run without it to read it"
        return [
            Finding(
                FindingCode.NEEDS_OCR,
                f"page {page.number} has no usable text layer "
                f"and was not OCR'd ({why}); its tables were not read",
                Severity.ERROR,
                page=page.number,
            )
        ]
    findings = []
    for note in page.notes:
        code, severity, text = next(
            (
                (c, sev, told(note))
                for prefix, c, sev, told in _NOTE_FINDINGS
                if note.startswith(prefix)
            ),
            (FindingCode.PAGE_NOTE, Severity.INFO, note),
        )
        findings.append(Finding(code, f"page {page.number}: {text}", severity, page=page.number))
    if page.source_kind and not page.words:
        # a blank page (no ink) has no text to lose; a page with ink whose OCR gave none did
        blank = "blank page" in page.notes
        why = "" if blank else " though it has ink; its tables were not read"
        findings.append(
            Finding(
                FindingCode.NO_TEXT,
                f"page {page.number}: OCR found no text{why}",
                Severity.INFO if blank else Severity.ERROR,
                page=page.number,
            )
        )
    return findings


def sheet_findings(page: PageContent) -> list[Finding]:
    """A sheet's reader notes, and its hidden rows and columns (their values are read)."""
    assert page.sheet is not None
    where = f"sheet '{page.sheet.name}'" if page.sheet.name is not None else "csv"
    findings = [
        Finding(FindingCode.PAGE_NOTE, f"{where}: {note}", Severity.INFO) for note in page.notes
    ]
    hidden = []
    if page.sheet.hidden_rows:
        hidden.append("rows " + ", ".join(str(r + 1) for r in page.sheet.hidden_rows))
    if page.sheet.hidden_cols:
        hidden.append("columns " + ", ".join(column_letters(c) for c in page.sheet.hidden_cols))
    if hidden:
        findings.append(
            Finding(
                FindingCode.HIDDEN_CELLS,
                f"{where}: hidden {' and '.join(hidden)}; their values are read like the others",
                Severity.WARNING,
            )
        )
    return findings
