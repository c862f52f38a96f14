"""The review site's inputs: a run's report, its records and, when present, its figures.

In: the run's output folder (``report.json``, ``records.jsonl`` or the records handed over,
``figures.jsonl`` if another step wrote it). Out: a ``ReviewInput``: one ``Source`` per
document of the report (its report entry, its records as JSON dicts, where its file is now),
and the figures by record id. A missing ``report.json`` or ``records.jsonl`` raises
``ReviewInputMissing`` naming the file and how to make it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.codes import FileStatus, FindingCode, Flag, Severity, Status
from extract.model import Finding
from extract.results import FileResult, TableSummary
from extract.writers.report_details import status_words

REPORT = "report.json"
RECORDS = "records.jsonl"
FIGURES = "figures.jsonl"

JsonDict = dict[str, Any]


class ReviewInputMissing(Exception):
    """A file the review site is built from is not in the output folder (the message says
    which, and how to make it)."""


@dataclass(frozen=True)
class Source:
    """One document of the run: its ``report.json`` entry, its records, its file if found."""

    entry: JsonDict
    records: list[JsonDict]
    path: Path | None  # None: the document has moved or is gone
    copy_of: str | None = None  # a copy of another input (its records are there)

    @property
    def name(self) -> str:
        return str(self.entry.get("source_file") or "")

    @property
    def flagged(self) -> int:
        """Values a person must check: flagged, or printed illegibly (as report.txt counts)."""
        return sum(1 for r in self.records if needs_check(r))

    def status_words(self) -> str:
        """The file's status in words, as report.txt says it (``status_words``)."""
        return status_words(_file_result(self.entry, self.copy_of), self.flagged)


@dataclass(frozen=True)
class ReviewInput:
    """Everything the site shows: documents in report order and the figures by record id
    (``figures_known``: a figures.jsonl was there)."""

    out: Path
    sources: list[Source]
    figures: dict[str, JsonDict]
    figures_known: bool

    def conflicts(self) -> list[JsonDict]:
        """Every figure in conflict, once, in file order."""
        seen: dict[str, JsonDict] = {}
        for figure in self.figures.values():
            if figure.get("agreement") == "conflict":
                seen.setdefault(str(figure.get("figure_id")), figure)
        return list(seen.values())


def needs_check(record: JsonDict) -> bool:
    """True for a record (JSON dict) with a flag or printed illegibly."""
    return bool(record.get("flags")) or record.get("status") == Status.ILLEGIBLE.value


def load_review_input(out: Path, records: Iterable[JsonDict] | None = None) -> ReviewInput:
    """The run in ``out``: its report, its records (``records`` when given, else
    ``records.jsonl``) grouped by document, and ``figures.jsonl`` when present."""
    report_path = out / REPORT
    if not report_path.is_file():
        raise ReviewInputMissing(
            f"{report_path} not found: run 'ankestat extract ... --out {out}' first"
        )
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if records is None:
        records_path = out / RECORDS
        if not records_path.is_file():
            raise ReviewInputMissing(
                f"{records_path} not found: the review site reads the records from it; run "
                f"'ankestat extract ... --out {out}' with jsonl among --format (the default), "
                "or add --review to that extract"
            )
        records = _read_jsonl(records_path)
    by_file: dict[tuple[str, str], list[JsonDict]] = defaultdict(list)
    for record in records:
        by_file[(record.get("source_file") or "", record.get("source_sha256") or "")].append(record)
    entries = list(report.get("files", []))
    sources = [
        Source(
            entry,
            by_file.get((entry.get("source_file") or "", entry.get("source_sha256") or ""), []),
            _find(entry.get("path"), out),
            copy_of,
        )
        for entry, copy_of in zip(entries, _copies(entries), strict=True)
    ]
    figures_path = out / FIGURES
    figures: dict[str, JsonDict] = {}
    if figures_path.is_file():
        for figure in _read_jsonl(figures_path):
            for source in figure.get("sources") or []:
                if isinstance(source, dict) and source.get("record_id"):
                    figures[str(source["record_id"])] = figure
    return ReviewInput(out, sources, figures, figures_path.is_file())


def _read_jsonl(path: Path) -> Iterator[JsonDict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _find(path: object, out: Path) -> Path | None:
    """The document at ``path`` as the report gives it: as is (absolute, or from where the
    run was started: the working folder), else beside the output folder; None if gone."""
    if not isinstance(path, str) or not path:
        return None
    given = Path(path)
    for candidate in (given, out.parent / given, out / given):
        if candidate.is_file():
            return candidate
    return None


def _copies(entries: list[JsonDict]) -> list[str | None]:
    """Per entry, the path it is a copy of (it has a ``duplicate_input`` finding: the entry
    with the same bytes that is not itself a copy), or None."""
    dup = FindingCode.DUPLICATE_INPUT.value
    copies = [any(f.get("code") == dup for f in e.get("findings") or []) for e in entries]
    read = {
        e.get("source_sha256"): e.get("path") for e, c in zip(entries, copies, strict=True) if not c
    }
    return [
        str(read.get(e.get("source_sha256")) or "another input") if c else None
        for e, c in zip(entries, copies, strict=True)
    ]


def _finding(data: JsonDict) -> Finding | None:
    code = str(data.get("code"))
    kind: FindingCode | Flag
    if code in FindingCode.__members__.values():
        kind = FindingCode(code)
    elif code in Flag.__members__.values():
        kind = Flag(code)
    else:
        return None  # a code of another engine version: left out of the status words
    severity = data.get("severity")
    return Finding(
        kind,
        str(data.get("message") or ""),
        Severity(str(severity)) if severity in Severity.__members__.values() else Severity.WARNING,
        data.get("page"),
        data.get("table_id"),
    )


def _file_result(entry: JsonDict, copy_of: str | None) -> FileResult:
    """The report entry as the ``FileResult`` ``status_words`` reads (status, error, tables,
    findings, copy)."""
    tables = [
        TableSummary(str(t.get("table_id")), t.get("page"), t.get("caption"), t.get("rule_id"))
        for t in entry.get("tables_mapped") or []
    ] + [
        TableSummary(str(t.get("table_id")), t.get("page"), t.get("caption"), None)
        for t in entry.get("tables_unmapped") or []
    ]
    status = str(entry.get("status"))
    known = status in FileStatus.__members__.values()
    return FileResult(
        source_file=str(entry.get("source_file") or ""),
        path=str(entry.get("path") or ""),
        status=FileStatus(status) if known else FileStatus.OK,
        error=entry.get("error"),
        tables=tuple(tables),
        findings=tuple(f for f in map(_finding, entry.get("findings") or []) if f is not None),
        copy_of=copy_of,
    )
