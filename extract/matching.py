"""Rule matching: pick the rule for a table, then map its cells to observations.

In: a ``TableCandidate``, the ``Rulebook`` and the document's ``DocumentContext``.
Out: ``Observation``s with printed dimensions (normalisation comes next) and ``Finding``s for
whatever the rule could not map (rows or columns with values no rule line covers).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from extract.model import (
    Cell,
    DocumentContext,
    Finding,
    Observation,
    Status,
    TableCandidate,
    TableRow,
)
from extract.normalise import entity, find_municipality, label_key, law_area, measure_for_label
from extract.normalise import period as parse_period
from extract.numbers import read_cell
from extract.reference import Reference
from extract.rulebook import Matcher, Rule, Rulebook


@dataclass(frozen=True, slots=True)
class Mapped:
    """What one rule made of one table."""

    observations: tuple[Observation, ...]
    findings: tuple[Finding, ...]


def rule_score(rule: Rule, table: TableCandidate, document_type: str) -> int | None:
    """How specifically ``rule`` matches ``table`` (None: it does not)."""
    if rule.document_types and document_type not in rule.document_types:
        return None
    score = 0
    for pattern, text, weight in (
        (rule.caption, table.caption, 3),
        (rule.title, table.title, 2),
        (rule.stub, table.stub_header, 1),
    ):
        if pattern is None:
            continue
        if text is None or not pattern.search(label_key(text)):
            return None
        score += weight
    paths = [label_key(" / ".join(path)) for path in table.column_headers]
    for pattern in rule.headers:
        if not any(pattern.search(p) for p in paths):
            return None
        score += 1
    labels = [label_key(row.label) for row in table.rows]
    for pattern in rule.row_labels:
        if not any(pattern.search(label) for label in labels):
            return None
        score += 1
    return score


def choose_rule(
    table: TableCandidate, rulebook: Rulebook, document_type: str
) -> tuple[Rule | None, tuple[str, ...]]:
    """The best-scoring rule and the ids of rules tied with it (empty when unambiguous)."""
    scored = [
        (score, rule)
        for rule in rulebook.rules
        if (score := rule_score(rule, table, document_type)) is not None
    ]
    if not scored:
        return None, ()
    best = max(score for score, _ in scored)
    winners = [rule for score, rule in scored if score == best]
    tied = tuple(rule.id for rule in winners[1:])
    return winners[0], tied


def _context_values(
    rule: Rule, table: TableCandidate, context: DocumentContext, reference: Reference
) -> dict[str, str]:
    texts = {
        "caption": table.caption or "",
        "title": table.title or "",
        "heading": context.heading,
        "notes": " ".join(table.notes),
    }
    values: dict[str, str] = {}
    for source in rule.context:
        if source.value is not None:
            values[source.dimension] = source.value
            continue
        for name in source.sources:
            text = texts[name]
            if source.pattern is not None:
                # the match nearest the table: the last one in text printed above it
                matches = list(source.pattern.finditer(text))
                if matches:
                    values[source.dimension] = matches[-1].group(1)
                    break
            elif source.find == "municipality":
                found = find_municipality(reference, text)
                if found is not None and found.name:
                    values[source.dimension] = found.name
                    break
    return values


def _apply(matcher: Matcher, label: str, reference: Reference) -> dict[str, str] | None:
    key = label_key(label)
    groups: dict[str, str] = {}
    if matcher.pattern is not None:
        match = matcher.pattern.search(key)
        if match is None:
            return None
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
    found: dict[str, str] = {}
    if matcher.lookup == "law":
        if law_area(reference, label) is None:
            return None
        found["law"] = label
    elif matcher.lookup == "entity":
        if entity(reference, label) is None:
            return None
        found["entity"] = label
    elif matcher.lookup == "measure":
        code = measure_for_label(reference, label)
        if code is None:
            return None
        found["measure"] = code
    elif matcher.lookup == "period":
        if parse_period(label) is None:
            return None
        found["period"] = label
    fields = {"label": label, "header": label, **groups}
    for dim, template in matcher.assign:
        found[dim] = template.format_map(fields)
    return found


def _first(
    matchers: Sequence[Matcher], label: str, reference: Reference
) -> tuple[Matcher, dict[str, str]] | None:
    for matcher in matchers:
        dims = _apply(matcher, label, reference)
        if dims is not None:
            return matcher, dims
    return None


def _status_override(rule: Rule, dims: Mapping[str, str], text: str) -> Status | None:
    for override in rule.cells:
        if override.text is not None and not override.text.search(text.strip()):
            continue
        if all(pattern.search(label_key(dims.get(dim, ""))) for dim, pattern in override.when):
            return override.status
    return None


def map_table(
    table: TableCandidate, rule: Rule, context: DocumentContext, reference: Reference
) -> Mapped:
    """Every value cell of ``table`` as an Observation, per ``rule``."""
    findings: list[Finding] = []
    base = _context_values(rule, table, context, reference)
    columns: list[tuple[Matcher, dict[str, str]] | None] = []
    for index, _path in enumerate(table.column_headers):
        label = table.column_label(index)
        columns.append(
            _first(rule.columns, label, reference)
            if rule.columns
            else (Matcher(None, None, (), "member", False), {})
        )
    out: list[Observation] = []
    carried: dict[str, str] = {}
    carried_labels: list[str] = []
    group_row: int | None = None
    seen_keys: dict[str, int] = {}
    for r, row in enumerate(table.rows):
        hit = _first(rule.rows, row.label, reference) if rule.rows else None
        if not row.has_values:
            if hit is not None and hit[0].carry:
                carried.update(hit[1])
                carried_labels = [row.label]
            continue
        if hit is None and rule.rows:
            findings.append(
                _unmapped(
                    "unmapped_row",
                    table,
                    row.page,
                    f"row '{row.label}' has values but no row rule matched; not emitted",
                )
            )
            continue
        matcher, row_dims = (
            hit if hit is not None else (Matcher(None, None, (), "member", False), {})
        )
        if matcher.skip is not None:
            findings.append(_skipped(table, row, matcher.skip))
            continue
        if matcher.carry:
            carried.update(row_dims)
            carried_labels = []
        if matcher.role == "group":
            group_row = r
        elif matcher.role == "total":
            group_row = None
        row_key = " > ".join([*carried_labels, row.label])
        seen_keys[row_key] = seen_keys.get(row_key, 0) + 1
        if seen_keys[row_key] > 1:
            row_key = f"{row_key} #{seen_keys[row_key]}"
        for c, cell in enumerate(row.cells):
            column = columns[c]
            if column is None:
                continue
            col_matcher, col_dims = column
            dims = {**base, **{k: v for k, v in carried.items()}, **col_dims, **row_dims}
            if cell is None:
                # nothing read where a value belongs; on an OCR'd row that is OCR's doubt
                scanned = any(c is not None and c.ocr_confidence is not None for c in row.cells)
                cell = Cell(text="", page=row.page, ocr_confidence=0.0 if scanned else None)
            observation = _observation(
                table,
                rule,
                r,
                row_key,
                row.label,
                c,
                cell,
                dims,
                matcher.role,
                col_matcher.role,
                group_row if matcher.role == "member" else None,
                reference,
            )
            if isinstance(observation, Finding):
                findings.append(observation)
                continue
            header_repairs = table.header_repairs[c] if table.header_repairs else ()
            repairs = (*row.label_repairs, *header_repairs)
            if row.label_confidence is not None or repairs:  # OCR'd labels (else: no copy)
                observation = replace(
                    observation, label_confidence=row.label_confidence, label_repairs=repairs
                )
            out.append(observation)
    findings.extend(_unmapped_columns(table, columns))
    return Mapped(tuple(out), tuple(_dedupe(findings)))


def _unmapped_columns(
    table: TableCandidate, columns: Sequence[tuple[Matcher, dict[str, str]] | None]
) -> list[Finding]:
    """One finding per value column that holds values but matched no column rule."""
    out = []
    for c, column in enumerate(columns):
        filled = sum(1 for row in table.rows if (cell := row.cells[c]) and cell.text.strip())
        if column is None and filled:
            message = (
                f"column '{table.column_label(c)}' has {filled} values but no column "
                "rule matched; they were not emitted"
            )
            out.append(_unmapped("unmapped_column", table, table.first_page, message))
    return out


def _observation(
    table: TableCandidate,
    rule: Rule,
    row_index: int,
    row_key: str,
    label: str,
    column: int,
    cell: Cell,
    dims: dict[str, str],
    row_role: str,
    column_role: str,
    group_row: int | None,
    reference: Reference,
) -> Observation | Finding:
    measure = dims.get("measure")
    if not measure:
        return _unmapped(
            "missing_dimension",
            table,
            cell.page,
            f"no measure for row '{label}', column '{table.column_label(column)}'",
        )
    if dims.get("aspect") == "share":
        share = reference.share_of(measure)
        if share is None:
            return _unmapped(
                "missing_dimension",
                table,
                cell.page,
                f"measure '{measure}' has no share measure (row '{label}')",
            )
        measure = share
    parsed = read_cell(cell)
    status, value, flags = parsed.status, parsed.value, parsed.flags
    override = _status_override(rule, dims, cell.text)
    if override is not None:
        status = override
        value = 0.0 if override is Status.NIL else (value if override is Status.REPORTED else None)
    return Observation(
        table_id=table.table_id,
        table_title=table.caption or _short(table.title),
        rule_id=rule.id,
        row_index=row_index,
        row_key=row_key,
        column_key=" / ".join(table.column_headers[column]),
        row_label=label,
        column_label=table.column_label(column),
        cell=cell,
        entity=dims.get("entity"),
        period=dims.get("period"),
        law_label=dims.get("law"),
        provision=dims.get("provision") or None,
        measure=measure,
        unit=reference.measure_unit(measure),
        value=value,
        status=status,
        flags=flags,
        row_role=row_role,
        column_role=column_role,
        group_row=group_row,
        decimals=parsed.decimals,
    )


def _short(title: str | None) -> str | None:
    return title if title and len(title) <= 80 else None


def _skipped(table: TableCandidate, row: TableRow, reason: str) -> Finding:
    """An info finding for a row the rule leaves out on purpose, with its values."""
    values = ", ".join(
        f"{c.cell_ref or index + 1}={c.text.strip()}"
        for index, c in enumerate(row.cells)
        if c is not None and c.text.strip()
    )
    return Finding(
        "skipped_row",
        f"table {table.table_id}: row '{row.label}' ({values}) not emitted: {reason}",
        "info",
        row.page,
        table.table_id,
    )


def _unmapped(code: str, table: TableCandidate, page: int | None, message: str) -> Finding:
    return Finding(
        code=code,
        message=f"table {table.table_id}: {message}",
        severity="error",
        page=page,
        table_id=table.table_id,
    )


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for finding in findings:
        if (finding.code, finding.message) not in seen:
            seen.add((finding.code, finding.message))
            out.append(finding)
    return out
