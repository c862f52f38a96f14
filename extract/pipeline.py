"""The pipeline: the only module that wires the stages together.

    read -> repair OCR words -> classify -> detect tables -> repair OCR labels
         -> choose rule + map cells
         -> normalise -> validate -> records

In: one input path and a loaded ``Rulebook``. Out: a ``FileResult`` (status ok / partial /
failed, tables seen, findings, records). Unreadable input is a failed result with a one-line
reason, never an exception; the input file is only ever read.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from pathlib import Path

from extract import __version__
from extract.checks import flags_by_index, run_checks
from extract.detect import detect_tables
from extract.detect.layout import group_lines
from extract.lexicon import repair_document, repair_labels
from extract.matching import choose_rule, map_table
from extract.model import (
    Document,
    DocumentContext,
    FileResult,
    FileStatus,
    Finding,
    Observation,
    PageContent,
    TableSummary,
)
from extract.normalise import label_key, normalise_observation
from extract.readers import ReadOptions, UnreadableInput, reader_for
from extract.readers.sheet_cells import column_letters
from extract.records import build_records
from extract.rulebook import Rulebook

HEADING_LINES = 15


def file_sha256(path: Path) -> tuple[str, bytes]:
    """(sha256 hex of the file's bytes, its first 8 KiB)."""
    digest = hashlib.sha256()
    head = b""
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            if not head:
                head = chunk[:8192]
            digest.update(chunk)
    return digest.hexdigest(), head


def read_document(path: Path, options: ReadOptions | None = None) -> Document:
    """Read any supported file; raises UnreadableInput with a one-line reason."""
    try:
        sha256, head = file_sha256(path)
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror or exc})") from exc
    return reader_for(path, head).read(path, sha256, options or ReadOptions())


def document_context(document: Document, rulebook: Rulebook) -> DocumentContext:
    """The document's type (from rules/document_types.yaml) and its heading text."""
    heading = ""
    for page in document.pages:
        if page.words:
            lines = group_lines(page.words)[:HEADING_LINES]
            heading = "\n".join(line.text for line in lines)
            break
        if page.sheet is not None and page.sheet.rows:
            heading = _sheet_heading(page)
            break
    key = label_key(heading.replace("\n", " "))
    for document_type in rulebook.document_types:
        if any(pattern.search(key) for pattern in document_type.patterns):
            return DocumentContext(document_type.code, heading)
    if any(page.sheet is not None for page in document.pages):
        return DocumentContext("regneark", heading)  # a spreadsheet of no known kind
    scanned = any(page.source_kind for page in document.pages)
    # pages that came back as scans are what an aktindsigt (FOI reply) looks like
    return DocumentContext("aktindsigt" if scanned else "ukendt", heading)


def _sheet_heading(page: PageContent) -> str:
    """The first lines of a sheet: each non-empty row's cell texts joined with spaces."""
    assert page.sheet is not None
    lines: list[str] = []
    for row in page.sheet.rows:
        text = " ".join(v.text.strip() for v in row if v is not None and v.text.strip())
        if text:
            lines.append(text)
        if len(lines) == HEADING_LINES:
            break
    return "\n".join(lines)


def process_file(path: Path, rulebook: Rulebook, options: ReadOptions | None = None) -> FileResult:
    """Run every stage on one file."""
    started = time.perf_counter()
    try:
        document = read_document(path, options)
    except UnreadableInput as exc:
        return FileResult(
            source_file=path.name,
            path=str(path),
            status=FileStatus.FAILED,
            error=str(exc),
            seconds=time.perf_counter() - started,
        )
    document = repair_document(document, rulebook.lexicon)
    context = document_context(document, rulebook)
    findings = _page_findings(document)
    summaries: list[TableSummary] = []
    observations: list[Observation] = []
    for table in repair_labels(detect_tables(document), rulebook.lexicon):
        rule, tied = choose_rule(table, rulebook, context.document_type)
        if rule is None:
            summaries.append(TableSummary(table.table_id, table.first_page, table.caption, None))
            findings.append(
                Finding(
                    "unmapped_table",
                    f"table {table.table_id} ({len(table.rows)} rows) matched no rule",
                    "info",
                    page=table.first_page,
                    table_id=table.table_id,
                )
            )
            continue
        if tied:
            findings.append(
                Finding(
                    "ambiguous_rule",
                    f"table {table.table_id}: rules "
                    f"{', '.join((rule.id, *tied))} match equally; used "
                    f"{rule.id}",
                    "warning",
                    table.first_page,
                    table.table_id,
                )
            )
        mapped = map_table(table, rule, context, rulebook.reference)
        findings.extend(mapped.findings)
        kept = _normalise(mapped.observations, rulebook, findings)
        observations.extend(kept)
        summaries.append(
            TableSummary(table.table_id, table.first_page, table.caption, rule.id, values=len(kept))
        )
    results = run_checks(observations)
    records = build_records(
        source_file=path.name,
        source_sha256=document.sha256,
        document=document,
        document_type=context.document_type,
        observations=observations,
        flags=flags_by_index(results),
        reference=rulebook.reference,
        engine_version=__version__,
    )
    findings.extend(
        Finding(
            r.code,
            r.message,
            "warning",
            r.page,
            r.table_id,
            tuple(records[i].record_id for i in r.indices),
        )
        for r in results
    )
    return FileResult(
        source_file=path.name,
        path=str(path),
        status=_status(findings, summaries),
        source_sha256=document.sha256,
        document_type=context.document_type,
        pages=len(document.pages),
        pages_needing_ocr=tuple(p.number for p in document.pages if p.needs_ocr),
        tables=tuple(summaries),
        findings=tuple(findings),
        records=tuple(records),
        seconds=time.perf_counter() - started,
    )


def _page_findings(document: Document) -> list[Finding]:
    """Findings about pages: not read (no text layer, no OCR), and the readers' notes."""
    findings = []
    for page in document.pages:
        if page.sheet is not None:
            findings.extend(_sheet_findings(page))
            continue
        if page.needs_ocr:
            why = "; ".join(page.notes) or "run with --ocr to read it"
            findings.append(
                Finding(
                    "needs_ocr",
                    f"page {page.number} has no usable text layer "
                    f"and was not OCR'd ({why}); its tables were not read",
                    "error",
                    page=page.number,
                )
            )
            continue
        findings.extend(
            Finding("page_note", f"page {page.number}: {note}", "info", page=page.number)
            for note in page.notes
        )
        if page.source_kind and not page.words:
            findings.append(
                Finding(
                    "no_text", f"page {page.number}: OCR found no text", "info", page=page.number
                )
            )
    return findings


def _sheet_findings(page: PageContent) -> list[Finding]:
    """A sheet's reader notes, and its hidden rows and columns (their values are read)."""
    assert page.sheet is not None
    where = f"sheet '{page.sheet.name}'" if page.sheet.name is not None else "csv"
    findings = [Finding("page_note", f"{where}: {note}", "info") for note in page.notes]
    hidden = []
    if page.sheet.hidden_rows:
        hidden.append("rows " + ", ".join(str(r + 1) for r in page.sheet.hidden_rows))
    if page.sheet.hidden_cols:
        hidden.append("columns " + ", ".join(column_letters(c) for c in page.sheet.hidden_cols))
    if hidden:
        findings.append(
            Finding(
                "hidden_cells",
                f"{where}: hidden {' and '.join(hidden)}; their values are read like the others",
                "warning",
            )
        )
    return findings


def _normalise(
    observations: Sequence[Observation], rulebook: Rulebook, findings: list[Finding]
) -> list[Observation]:
    kept: list[Observation] = []
    for obs in observations:
        result = normalise_observation(rulebook.reference, obs)
        if isinstance(result, str):
            findings.append(
                Finding(
                    "missing_dimension",
                    f"table {obs.table_id}: {result}",
                    "error",
                    obs.cell.page,
                    obs.table_id,
                )
            )
        else:
            kept.append(result)
    return kept


def _status(findings: Sequence[Finding], tables: Sequence[TableSummary]) -> FileStatus:
    if any(f.severity == "error" for f in findings):
        return FileStatus.PARTIAL
    if tables and not any(t.rule_id for t in tables):
        return FileStatus.PARTIAL
    return FileStatus.OK
