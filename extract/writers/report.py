"""The run report: ``report.json`` (everything, per file and in total) and ``report.txt``.

Nothing is dropped silently: every file appears with its status and error, every table the
engine saw appears as mapped (with its rule) or unmapped, every finding appears with its place.
``summary_lines`` gives the same short human summary the CLI prints.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.codes import FileStatus
from extract.model import Finding
from extract.results import FileResult, TableSummary
from extract.writers.report_details import detail_lines


@dataclass(frozen=True, slots=True)
class ReportSection:
    """A part of the report built beyond the files (the run's figures): what it adds to
    report.json's ``totals``, its own entry there (``name``: ``data``), and report.txt's
    ``lines`` after the files."""

    totals: Mapping[str, Any]
    name: str
    data: Any
    lines: Sequence[str]


REPORT_JSON = "report.json"
REPORT_TXT = "report.txt"
TOP_FINDINGS = 5


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _mapped(result: FileResult) -> list[TableSummary]:
    return [t for t in result.tables if t.rule_id is not None]


def _unmapped(result: FileResult) -> list[TableSummary]:
    return [t for t in result.tables if t.rule_id is None]


def finding_counts(results: Sequence[FileResult]) -> dict[str, int]:
    """Count findings by code over all files, most frequent first (ties by code)."""
    counts = Counter(f.code for r in results for f in r.findings)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def totals(results: Sequence[FileResult]) -> dict[str, Any]:
    """Return the run totals: files by status, records, tables mapped/unmapped, findings."""
    by_status = Counter(r.status for r in results)
    return {
        "files": len(results),
        "ok": by_status[FileStatus.OK],
        "partial": by_status[FileStatus.PARTIAL],
        "failed": by_status[FileStatus.FAILED],
        "records": sum(r.record_count for r in results),
        "tables_mapped": sum(len(_mapped(r)) for r in results),
        "tables_unmapped": sum(len(_unmapped(r)) for r in results),
        "findings_by_code": finding_counts(results),
        "resumed": sum(1 for r in results if r.resumed),
    }


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "message": finding.message,
        "page": finding.page,
        "table_id": finding.table_id,
        "record_ids": list(finding.record_ids),
    }


def file_json(result: FileResult) -> dict[str, Any]:
    """Return the report entry of one file (the records themselves go to the writers)."""
    return {
        "source_file": result.source_file,
        "path": result.path,
        "status": str(result.status),
        "error": result.error,
        "failure": None if result.failure is None else str(result.failure),
        "traceback": result.traceback,
        "source_sha256": result.source_sha256,
        "document_type": result.document_type,
        "pages": result.pages,
        "pages_needing_ocr": list(result.pages_needing_ocr),
        "tables_mapped": [
            {
                "table_id": t.table_id,
                "page": t.page,
                "pages": list(t.pages),
                "caption": t.caption,
                "rule_id": t.rule_id,
                "values": t.values,
            }
            for t in _mapped(result)
        ],
        "tables_unmapped": [
            {"table_id": t.table_id, "page": t.page, "pages": list(t.pages), "caption": t.caption}
            for t in _unmapped(result)
        ],
        "findings": [_finding_json(f) for f in result.findings],
        "records": result.record_count,
        "seconds": round(result.seconds, 3),
        "resumed": result.resumed,
    }


def report_json(
    results: Sequence[FileResult], started: str, seconds: float, engine_version: str
) -> dict[str, Any]:
    """Return the whole run report as a JSON-ready dict."""
    return {
        "engine_version": engine_version,
        "started": started,
        "seconds": round(seconds, 3),
        "totals": totals(results),
        "files": [file_json(r) for r in results],
    }


# Characters a terminal or a text report must not get raw from a file name: controls (a
# newline would start a false line, an escape would drive the terminal) and line separators.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` with control characters and line separators written as escapes ("\\n")."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def file_line(result: FileResult, name_width: int = 0) -> str:
    """One summary line: status, file name (``printable``), records, tables, findings, error
    reason."""
    line = (
        f"{result.status!s:<7} {printable(result.source_file):<{name_width}}  "
        f"{_plural(result.record_count, 'record')}, "
        f"tables {len(_mapped(result))} mapped / {len(_unmapped(result))} unmapped, "
        f"{_plural(len(result.findings), 'finding')}"
    )
    if result.error:
        line += f"; error: {result.error}"
    return line


def summary_lines(results: Sequence[FileResult]) -> list[str]:
    """The human summary: one line per file, then totals and the most frequent finding codes."""
    width = max((len(printable(r.source_file)) for r in results), default=0)
    lines = [file_line(r, width) for r in results]
    t = totals(results)
    n_findings = sum(t["findings_by_code"].values())
    lines.append(
        f"Total: {_plural(t['files'], 'file')} ({t['ok']} ok, {t['partial']} partial, "
        f"{t['failed']} failed), {_plural(t['records'], 'record')}, "
        f"tables {t['tables_mapped']} mapped / {t['tables_unmapped']} unmapped, "
        f"{_plural(n_findings, 'finding')}"
    )
    if t["resumed"]:
        lines.append(f"{_plural(t['resumed'], 'file')} taken from an earlier run (--resume)")
    if t["findings_by_code"]:
        top = list(t["findings_by_code"].items())[:TOP_FINDINGS]
        lines.append("Most frequent findings: " + ", ".join(f"{c} {n}" for c, n in top))
    return lines


def write_report(
    results: Sequence[FileResult],
    out_dir: Path,
    started: str,
    seconds: float,
    engine_version: str,
    checked: Sequence[Sequence[str]] | None = None,
    sections: Sequence[ReportSection] = (),
) -> tuple[Path, Path]:
    """Write ``report.json`` and ``report.txt`` into ``out_dir``; return their paths.
    With ``checked`` (per file of ``results``, the lines of its values to check:
    ``report_details.CheckedValues``), report.txt also lists per file its status in words,
    its flagged and illegible values and what was not read (``extract.writers.report_details``).
    Each of ``sections`` adds its totals, its entry in report.json and its lines at the end of
    report.txt."""
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / REPORT_JSON
    txt_path = out_dir / REPORT_TXT
    data = report_json(results, started, seconds, engine_version)
    for section in sections:
        data["totals"].update(section.totals)
        data[section.name] = section.data
    json_path.write_text(
        json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n", encoding="utf-8"
    )
    header = f"ankestat {engine_version}, run started {started}, {seconds:.1f} s"
    lines = [header, *summary_lines(results)]
    if checked is not None:
        for result, values in zip(results, checked, strict=True):
            lines += ["", *(printable(line) for line in detail_lines(result, values))]
    for section in sections:
        lines += ["", *(printable(line) for line in section.lines)]
    txt_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return json_path, txt_path
