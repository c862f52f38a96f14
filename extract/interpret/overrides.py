"""Rules applied to one table: which rules hold, their defaults, and labels they read.

In: a table, the rulebook's rules and the document context. Out: the rules that apply (most
specific first), their defaults as (dimension, code, rule id), and for a label the ``Reading``
a rule gives it instead of the vocabulary's (with the rule's role or skip reason).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from extract.interpret.reading import Part, Reader, Reading
from extract.interpret.rulebook import Matcher, Rule
from extract.interpret.vocabulary import Meaning
from extract.model import DocumentContext, TableCandidate
from extract.normalise.labels import find_municipality, label_key

# A rule's dimension values that are codes as written; the others are printed text, read.
_CODED = ("measure", "aspect")


@dataclass(frozen=True, slots=True)
class Override:
    """A label as a rule reads it: the reading, the rule, its role (None: as read) and the
    reason to skip the row (None: keep it)."""

    reading: Reading
    rule_id: str
    role: str | None
    skip: str | None
    provision: str | None


def applicable_rules(
    rules: Sequence[Rule], table: TableCandidate, document_type: str
) -> list[Rule]:
    """The rules that hold for ``table``, most specific (most match conditions) first."""
    scored = []
    for order, rule in enumerate(rules):
        score = _score(rule, table, document_type)
        if score is not None:
            scored.append((-score, order, rule))
    return [rule for _, _, rule in sorted(scored, key=lambda item: item[:2])]


def _score(rule: Rule, table: TableCandidate, document_type: str) -> int | None:
    if rule.document_types and document_type not in rule.document_types:
        return None
    score = 0
    for pattern, text in (
        (rule.caption, table.caption),
        (rule.title, table.title),
        (rule.notes, " ".join(table.notes)),
        (rule.stub, table.stub_header),
    ):
        if pattern is None:
            continue
        if text is None or not pattern.search(label_key(text)):
            return None
        score += 1
    paths = [label_key(table.column_label(i)) for i in range(len(table.column_headers))]
    labels = [label_key(row.label) for row in table.rows]
    for patterns, texts in ((rule.headers, paths), (rule.row_labels, labels)):
        for pattern in patterns:
            if not any(pattern.search(text) for text in texts):
                return None
            score += 1
    return score


def rule_defaults(
    rules: Sequence[Rule], table: TableCandidate, context: DocumentContext, reader: Reader
) -> list[tuple[str, str, str]]:
    """(dimension, code, rule id) from the rules' ``context``; the most specific rule wins,
    so its values come last."""
    texts = {
        "caption": table.caption or "",
        "title": table.title or "",
        "heading": context.heading,
        "notes": " ".join(table.notes),
    }
    out: list[tuple[str, str, str]] = []
    for rule in reversed(rules):
        for source in rule.context:
            printed = source.value
            for name in source.sources if printed is None else ():
                text = texts[name]
                if source.pattern is not None:
                    matches = list(source.pattern.finditer(text))
                    printed = matches[-1].group(1) if matches else None
                elif source.find == "municipality":
                    found = find_municipality(reader.vocabulary.reference, text)
                    printed = found.name if found is not None else None
                if printed:
                    break
            code = _code(source.dimension, printed, reader) if printed else None
            if code is not None:
                out.append((source.dimension, code, rule.id))
    return out


def override(rules: Sequence[Rule], label: str, *, rows: bool, reader: Reader) -> Override | None:
    """The first rule line (most specific rule first) that matches ``label``, as a reading."""
    key = label_key(label)
    for rule in rules:
        for matcher in rule.rows if rows else rule.columns:
            match = matcher.pattern.search(key)
            if match is not None:
                return _as_override(matcher, match.groupdict(), label, rule.id, reader)
    return None


def _as_override(
    matcher: Matcher, groups: dict[str, str | None], label: str, rule_id: str, reader: Reader
) -> Override:
    fields = {"label": label, "header": label, **{k: v or "" for k, v in groups.items()}}
    dims: dict[str, str] = {}
    provision = None
    unknown = []
    for dim, template in matcher.assign:
        printed = template.format_map(fields)
        if dim == "provision":
            provision = printed
            continue
        code = _code(dim, printed, reader)
        if code is None:
            unknown.append(printed)
        else:
            dims[dim] = code
    parts = tuple(Part(v, (Meaning(d, v),)) for d, v in dims.items())
    total = matcher.role == "total"
    reading = Reading(label, MappingProxyType(dims), total, frozenset(), tuple(unknown), (), parts)
    return Override(reading, rule_id, matcher.role, matcher.skip, provision)


def _code(dimension: str, printed: str, reader: Reader) -> str | None:
    """The code of a dimension value a rule gives: measure and aspect as written, period
    through the period grammar, entity and law area read as labels."""
    if dimension in _CODED:
        return printed
    if dimension == "period":
        parsed = reader.vocabulary.periods.parse(printed)
        return parsed[0] if parsed else None
    if dimension == "law" and printed in {a.code for a in reader.vocabulary.reference.law_areas}:
        return printed
    reading = reader.read(printed)
    if dimension == "law" and reading.total and "law" not in reading.dims:
        return "alle"
    return reading.dims.get(dimension) if reading.resolved else None
