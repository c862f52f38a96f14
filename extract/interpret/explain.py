"""``ankestat tables --explain`` and ``ankestat rules suggest``: the interpreter's reading of a
table, as text, and a draft rule for what did not resolve.

In: a table and its ``Interpretation`` (and, for a draft, the file name and document type).
Out: lines of text; or the text of a rule file (YAML) that reads the unresolved headers and
labels as their nearest vocabulary entries and names the dimensions the context lacked, for
the user to check and save in a rules folder.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extract.interpret.table import Interpretation
from extract.interpret.views import LabelView, did_you_mean
from extract.model import TableCandidate
from extract.normalise.labels import label_key
from extract.normalise.reference import Reference

_SOURCE = {
    "rule": "rule",
    "heading": "document heading",
    "title": "title",
    "caption": "caption",
    "stub": "stub header",
    "rows": "row labels",
}
_SHOWN = 70  # characters of a long text shown


def explain_lines(read: Interpretation, reference: Reference | None = None) -> list[str]:
    """What each header and label of one table was read as, the context, and the outcome
    (municipality codes named from ``reference``)."""
    if not read.statistics:
        return ["  not read as ankestatistik: no header, label, caption or title names a measure"]
    lines = ["  context:"]
    for dim, given in read.context.dims.items():
        source = f"from the {_SOURCE[given.source]}: {_cut(given.text)!r}"
        value = given.value
        if dim == "entity" and value.isdigit() and reference is not None:
            value += f" {reference.municipality_by_code[int(value)].name}"
        lines.append(f"    {dim} = {value}  ({source})")
    if not read.context.dims:
        lines.append("    (nothing)")
    lines.append("  labels:")
    width = max((len(_cut(v.text, 40)) for v in read.labels), default=10) + 2
    for view in read.labels:
        lines.append(_view_line(view, width))
    lines.append(f"  values: {len(read.observations)} emitted (rule: {read.rule_id})")
    lines.extend(f"  finding: {finding.message}" for finding in read.findings)
    return lines


def _view_line(view: LabelView, width: int) -> str:
    text = repr(_cut(view.text, 40)).ljust(width)
    line = f"    {view.where:>9} {text} -> {view.reading}  [{view.role}"
    if view.planned and not view.reading.startswith(view.planned):
        line += f": {view.planned}"
    line += "]"
    if view.note and view.role in ("unresolved", "skip"):
        line += f"  {view.note}"
    return line + did_you_mean(view.nearest)


def suggest_rule(
    table: TableCandidate, read: Interpretation, *, source: str, document_type: str
) -> str | None:
    """A draft rule for a table with unresolved headers or labels or a lacking dimension;
    None when the table was read completely (or is not ankestatistik)."""
    unresolved = [v for v in read.labels if v.role == "unresolved"]
    if not read.statistics or not (unresolved or read.lacking):
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", label_key(f"{source.rsplit('.', 1)[0]} {read.table_id}"))
    lines = [
        f"# Drafted by `ankestat rules suggest` from {source}, table {read.table_id}"
        f" (page {table.first_page}).",
        "# Check every line, save it in a rules folder and run `ankestat rules check`.",
        f"id: {slug.strip('-')}",
        f"description: {_quoted('Udkast: ' + (table.caption or table.title or read.table_id))}",
        f"document_types: [{document_type}]",
        "match:",
        *_match_lines(table, unresolved),
    ]
    lines += _context_lines(read.lacking)
    for section, prefix in (("columns", "column"), ("rows", "row")):
        views = [v for v in unresolved if v.where.startswith(prefix)]
        if views:
            lines.append(f"{section}:")
            lines.extend(line for view in views for line in _matcher_lines(view))
    return "\n".join(lines) + "\n"


def _match_lines(table: TableCandidate, unresolved: Sequence[LabelView]) -> list[str]:
    """Conditions that pick this table: its caption (or title), else its first unresolved
    header or label."""
    for key, text in (("caption", table.caption), ("title", table.title)):
        if text:
            return [f"  {key}: {_quoted('^' + _escape(label_key(text)[:60]))}"]
    view = unresolved[0] if unresolved else None
    if view is None:
        return ["  headers: [" + _quoted("^" + _escape(label_key(table.column_label(0)))) + "]"]
    key = "headers" if view.where.startswith("column") else "rows"
    return [f"  {key}: [{_quoted('^' + _escape(label_key(view.text)) + '$')}]"]


def _context_lines(lacking: Sequence[str]) -> list[str]:
    hints = {
        "entity": "entity: Hele landet        # or the municipality, e.g. Ishøj Kommune",
        "period": "period: '2024'             # or 2024-Q3, 2024-H1, 2024-01",
        "measure": "measure: realitetsbehandlede   # a code of rules/reference/measures.yaml",
        "law": "law: Serviceloven         # the law area of the provision rows",
    }
    wanted = [hints[dim] for dim in lacking if dim in hints]
    if not wanted:
        return []
    return ["context:   # values no label, caption, title or heading gave"] + [
        f"  {line}" for line in wanted
    ]


def _matcher_lines(view: LabelView) -> list[str]:
    pattern = _quoted("^" + _escape(label_key(view.text)) + "$")
    near = (meaning for _, meaning in view.nearest if meaning.dim != "entity")
    dims = list(dict.fromkeys((meaning.dim, meaning.value) for meaning in near))
    if not dims:
        return [
            f"  # - match: {pattern}   # {view.note}",
            "  #   set: {measure: ?}",
        ]
    dim, value = dims[0]
    others = ", ".join(f"{d}={v}" for d, v in dims[1:])
    note = f"   # or {others}" if others else ""
    return [f"  - match: {pattern}", f"    set: {{{dim}: {value}}}{note}"]


def _escape(text: str) -> str:
    """A regular expression matching ``text`` (spaces left as they are, for reading)."""
    return re.escape(text).replace("\\ ", " ")


def _quoted(text: str) -> str:
    """``text`` on one line as a single-quoted YAML scalar."""
    return "'" + " ".join(text.split()).replace("'", "''") + "'"


def _cut(text: str, limit: int = _SHOWN) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
