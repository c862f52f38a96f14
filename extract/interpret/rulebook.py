"""Rules as data: load ``rules/*.yaml`` into small typed objects, validating as we go.

Tables are read from the vocabulary (``extract.interpret``); a rule holds only what the
vocabulary cannot know: a document type's defaults ("the annual report's figures are for the
whole country"), or labels of an exceptional layout read another way. One YAML file holds one
rule. Every problem raises ``RuleError`` naming the file, the rule and the key, e.g.
``rules/x.yaml: rule 'x': columns[2].set.measure: unknown measure 'foo'``. The format is
documented in docs/rules.md.
"""

from __future__ import annotations

import gc
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

import yaml

from extract.codes import DocumentTypeCode, Status
from extract.interpret.ocr_lexicon import Lexicon, VocabularyError, build_lexicon
from extract.interpret.periods import PeriodsError
from extract.interpret.vocabulary import Vocabulary, build_vocabulary
from extract.interpret.words import ASPECTS, WordsError
from extract.normalise.reference import Reference
from extract.normalise.reference_files import load_reference

DIMENSIONS = ("entity", "period", "law", "provision", "measure", "aspect")
ROLES = ("member", "total")
TEXT_SOURCES = ("caption", "title", "heading", "notes")
TEMPLATE_FIELDS = ("label", "header")

_RULE_KEYS = {"id", "description", "document_types", "match", "context", "rows", "columns", "cells"}
_MATCH_KEYS = {"caption", "title", "notes", "stub", "headers", "rows"}
_MATCHER_KEYS = {"match", "set", "role", "skip"}
_CONTEXT_KEYS = {"value", "from", "pattern", "find"}
_CELL_KEYS = {"when", "text", "status"}
# A rules folder's file that is no rule: which source of a figure is preferred
# (read by ``extract.figures.ranking``; a later folder's replaces an earlier one's).
FIGURES_FILE = "figures.yaml"


class RuleError(ValueError):
    """A rule file is invalid; the message names the file, the rule and the key."""


@dataclass(frozen=True, slots=True)
class Matcher:
    """Reads a row label or column header path another way than the vocabulary: the
    dimensions it sets (``assign``), a role (None: as the vocabulary reads it), or ``skip``
    (the reason the row is left out)."""

    pattern: re.Pattern[str]
    assign: tuple[tuple[str, str], ...]
    role: str | None = None
    skip: str | None = None


@dataclass(frozen=True, slots=True)
class ContextSource:
    """Where a table-wide dimension comes from: a constant, or text around the table."""

    dimension: str
    value: str | None
    sources: tuple[str, ...]
    pattern: re.Pattern[str] | None
    find: str | None


@dataclass(frozen=True, slots=True)
class CellOverride:
    """Per-cell status override, e.g. "-" means not applicable for Barnets lov before 2024."""

    when: tuple[tuple[str, re.Pattern[str]], ...]
    text: re.Pattern[str] | None
    status: Status


@dataclass(frozen=True, slots=True)
class Rule:
    """What the vocabulary cannot infer for some tables: which tables (document types, and
    patterns that must all hold; none: every table of those types), dimensions they default
    to (``context``), labels read another way (``rows``, ``columns``) and status overrides
    (``cells``)."""

    id: str
    file: str
    description: str
    document_types: tuple[str, ...]
    caption: re.Pattern[str] | None
    title: re.Pattern[str] | None
    notes: re.Pattern[str] | None
    stub: re.Pattern[str] | None
    headers: tuple[re.Pattern[str], ...]
    row_labels: tuple[re.Pattern[str], ...]
    context: tuple[ContextSource, ...]
    rows: tuple[Matcher, ...]
    columns: tuple[Matcher, ...]
    cells: tuple[CellOverride, ...]


@dataclass(frozen=True, slots=True)
class DocumentType:
    """A document type and the heading patterns that identify it."""

    code: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Rulebook:
    """Every rule plus the reference data and document types they rely on."""

    directory: Path
    rules: tuple[Rule, ...]
    document_types: tuple[DocumentType, ...]
    reference: Reference
    vocabulary: Vocabulary
    lexicon: Lexicon = field(default_factory=lambda: Lexicon(frozenset()))


class _Where:
    """Error context: file, rule and key path."""

    def __init__(self, file: str, rule: str) -> None:
        self.file, self.rule = file, rule

    def fail(self, key: str, problem: str) -> RuleError:
        return RuleError(f"{self.file}: rule '{self.rule}': {key}: {problem}")

    def regex(self, key: str, value: object) -> re.Pattern[str]:
        if not isinstance(value, str) or not value:
            raise self.fail(key, f"expected a regular expression, got {value!r}")
        try:
            return re.compile(value, re.IGNORECASE)
        except re.error as exc:
            raise self.fail(key, f"invalid regular expression {value!r}: {exc}") from exc

    def mapping(self, key: str, value: object, allowed: set[str]) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a mapping, got {type(value).__name__}")
        unknown = sorted(set(map(str, value)) - allowed)
        if unknown:
            raise self.fail(
                f"{key}.{unknown[0]}", f"unknown key (allowed: {', '.join(sorted(allowed))})"
            )
        return {str(k): v for k, v in value.items()}

    def listing(self, key: str, value: object) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list, got {type(value).__name__}")
        return value


# The shipped rules folder first, then folders whose rules are added to it.
RuleDirs = tuple[Path, ...]


def load_rulebook(
    directory: str | PathLike[str], extra: Sequence[str | PathLike[str]] = ()
) -> Rulebook:
    """Load and validate every rule file in ``directory`` (plus its reference/ and document
    types), then the rule files of the ``extra`` folders, which add to them (their rules only:
    reference data and document types come from ``directory``). The rulebook lives as long as
    the run, so its objects (and the modules imported by then) are moved out of the garbage
    collector's reach (``gc.freeze``): the collections a run makes do not walk them again."""
    root, folders = Path(directory), [Path(folder) for folder in extra]
    reference = load_reference(root / "reference")
    document_types = _load_document_types(root / "document_types.yaml")
    known_types = {t.code for t in document_types} | {DocumentTypeCode.UKENDT}
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    not_rules = {"document_types.yaml", FIGURES_FILE}
    files = sorted(p for p in root.glob("*.yaml") if p.name not in not_rules)
    for folder in folders:
        if not folder.is_dir():
            raise RuleError(f"{folder}: not a folder of rules")
        for unread in ("reference", "document_types.yaml"):
            if (folder / unread).exists():
                raise RuleError(
                    f"{folder / unread}: only rule files are added from {folder}; reference "
                    "data and document types are read from the shipped rules (a rule can read "
                    "any label another way: see docs/rules.md)"
                )
        files += sorted(p for p in folder.glob("*.yaml") if p.name != FIGURES_FILE)
    for path in files:
        rule = load_rule(path, reference, known_types)
        shown = path.name if path.parent == root else str(path)
        if rule.id in seen:
            raise RuleError(f"{shown}: rule '{rule.id}': id: already used in {seen[rule.id]}")
        seen[rule.id] = shown
        rules.append(rule)
    try:
        vocabulary = build_vocabulary(root / "reference", reference)
        texts = [text for rule in rules for text in rule_texts(rule)]
        texts += [p.pattern for kind in document_types for p in kind.patterns]
        texts += list(vocabulary.words.heads)
        lexicon = build_lexicon(root, reference, texts, vocabulary.periods)
    except (VocabularyError, WordsError, PeriodsError) as exc:
        raise RuleError(f"reference/{exc}") from exc
    rulebook = Rulebook(root, tuple(rules), document_types, reference, vocabulary, lexicon)
    gc.freeze()
    return rulebook


def rule_texts(rule: Rule) -> list[str]:
    """The words a rule knows: its description, its patterns and the values it sets."""
    patterns = [rule.caption, rule.title, rule.notes, rule.stub, *rule.headers, *rule.row_labels]
    patterns += [m.pattern for m in (*rule.rows, *rule.columns)]
    patterns += [c.pattern for c in rule.context]
    texts = [rule.description, *(p.pattern for p in patterns if p is not None)]
    texts += [value for m in (*rule.rows, *rule.columns) for _key, value in m.assign]
    texts += [c.value for c in rule.context if c.value]
    return texts


def _load_document_types(path: Path) -> tuple[DocumentType, ...]:
    where = _Where(path.name, "document_types")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path.name}: cannot read: {exc}") from exc
    body = where.mapping("(top)", data, {"document_types"}).get("document_types")
    if not isinstance(body, dict) or not body:
        raise where.fail("document_types", "expected a mapping of type -> patterns")
    for code in body:
        if str(code) not in frozenset(DocumentTypeCode):
            contract = ", ".join(DocumentTypeCode)
            raise where.fail(
                f"document_types.{code}", f"not a document type of the record contract ({contract})"
            )
    return tuple(
        DocumentType(
            str(code),
            tuple(
                where.regex(f"document_types.{code}[{i}]", p)
                for i, p in enumerate(where.listing(str(code), patterns))
            ),
        )
        for code, patterns in body.items()
    )


def load_rule(path: Path, reference: Reference, document_types: set[str]) -> Rule:
    """Load one rule file; raises RuleError naming the file, the rule and the key."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path.name}: cannot read: {exc}") from exc
    rule_id = str(data.get("id", "?")) if isinstance(data, dict) else "?"
    where = _Where(path.name, rule_id)
    body = where.mapping("(top)", data, _RULE_KEYS)
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", rule_id):
        raise where.fail("id", "required; lowercase letters, digits, '.', '_' or '-'")
    types = tuple(str(t) for t in where.listing("document_types", body.get("document_types")))
    for i, code in enumerate(types):
        if code not in document_types:
            raise where.fail(f"document_types[{i}]", f"unknown document type '{code}'")
    match = where.mapping("match", body.get("match") or {}, _MATCH_KEYS)
    if not match and not types:
        raise where.fail("match", "a rule needs document_types, match, or both")

    def optional(key: str) -> re.Pattern[str] | None:
        return where.regex(f"match.{key}", match[key]) if key in match else None

    return Rule(
        id=rule_id,
        file=path.name,
        description=str(body.get("description", "")),
        document_types=types,
        caption=optional("caption"),
        title=optional("title"),
        notes=optional("notes"),
        stub=optional("stub"),
        headers=tuple(
            where.regex(f"match.headers[{i}]", p)
            for i, p in enumerate(where.listing("match.headers", match.get("headers")))
        ),
        row_labels=tuple(
            where.regex(f"match.rows[{i}]", p)
            for i, p in enumerate(where.listing("match.rows", match.get("rows")))
        ),
        context=_context(where, body.get("context"), reference),
        rows=_matchers(where, "rows", body.get("rows"), reference),
        columns=_matchers(where, "columns", body.get("columns"), reference),
        cells=_cells(where, body.get("cells")),
    )


def _check_value(
    where: _Where, key: str, dimension: str, value: str, reference: Reference, fields: set[str]
) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(value) if name}
    except ValueError as exc:
        raise where.fail(key, f"bad template {value!r}: {exc}") from exc
    unknown = names - fields
    if unknown:
        raise where.fail(
            key,
            f"unknown template field '{sorted(unknown)[0]}' (known: {', '.join(sorted(fields))})",
        )
    if names:
        return
    if dimension == "measure" and not reference.is_measure(value):
        raise where.fail(key, f"unknown measure '{value}'")
    if dimension == "aspect" and value not in ASPECTS:
        raise where.fail(key, f"aspect must be one of {', '.join(ASPECTS)}, got '{value}'")


def _matchers(
    where: _Where, section: str, value: object, reference: Reference
) -> tuple[Matcher, ...]:
    out: list[Matcher] = []
    for i, item in enumerate(where.listing(section, value)):
        key = f"{section}[{i}]"
        spec = where.mapping(key, item, _MATCHER_KEYS)
        if "match" not in spec:
            raise where.fail(key, "needs 'match' (a regular expression over the label)")
        pattern = where.regex(f"{key}.match", spec["match"])
        fields = set(TEMPLATE_FIELDS) | set(pattern.groupindex)
        assign = where.mapping(f"{key}.set", spec.get("set", {}), set(DIMENSIONS))
        for dim, dim_value in assign.items():
            _check_value(where, f"{key}.set.{dim}", dim, str(dim_value), reference, fields)
        role = spec.get("role")
        if role is not None and role not in ROLES:
            raise where.fail(f"{key}.role", f"must be one of {', '.join(ROLES)}, got '{role}'")
        skip = spec.get("skip")
        if skip is not None and (section != "rows" or not isinstance(skip, str) or not skip):
            raise where.fail(f"{key}.skip", "only in rows, and must be the reason (text)")
        if not assign and role is None and skip is None:
            raise where.fail(key, "needs 'set', 'role' or 'skip'")
        out.append(
            Matcher(
                pattern,
                tuple((k, str(v)) for k, v in assign.items()),
                None if role is None else str(role),
                skip,
            )
        )
    return tuple(out)


def _context(where: _Where, value: object, reference: Reference) -> tuple[ContextSource, ...]:
    if value is None:
        return ()
    body = where.mapping("context", value, set(DIMENSIONS))
    out: list[ContextSource] = []
    for dim, spec_value in body.items():
        key = f"context.{dim}"
        if not isinstance(spec_value, dict):
            spec_value = {"value": spec_value}
        spec = where.mapping(key, spec_value, _CONTEXT_KEYS)
        sources = tuple(str(s) for s in where.listing(f"{key}.from", spec.get("from")))
        for i, source in enumerate(sources):
            if source not in TEXT_SOURCES:
                raise where.fail(f"{key}.from[{i}]", f"must be one of {', '.join(TEXT_SOURCES)}")
        constant = spec.get("value")
        pattern = where.regex(f"{key}.pattern", spec["pattern"]) if "pattern" in spec else None
        find = spec.get("find")
        if find is not None and find != "municipality":
            raise where.fail(f"{key}.find", "only 'municipality' is supported")
        if constant is None and not (sources and (pattern or find)):
            raise where.fail(key, "needs 'value', or 'from' with 'pattern' or 'find'")
        if pattern is not None and pattern.groups < 1:
            raise where.fail(f"{key}.pattern", "needs one capturing group (the value)")
        if constant is not None:
            _check_value(where, f"{key}.value", dim, str(constant), reference, set())
        out.append(
            ContextSource(dim, None if constant is None else str(constant), sources, pattern, find)
        )
    return tuple(out)


def _cells(where: _Where, value: object) -> tuple[CellOverride, ...]:
    out: list[CellOverride] = []
    statuses = {s.value for s in Status}
    for i, item in enumerate(where.listing("cells", value)):
        key = f"cells[{i}]"
        spec = where.mapping(key, item, _CELL_KEYS)
        when = where.mapping(f"{key}.when", spec.get("when", {}), set(DIMENSIONS))
        status = str(spec.get("status", ""))
        if status not in statuses:
            raise where.fail(f"{key}.status", f"must be one of {', '.join(sorted(statuses))}")
        text = where.regex(f"{key}.text", spec["text"]) if "text" in spec else None
        out.append(
            CellOverride(
                tuple((dim, where.regex(f"{key}.when.{dim}", p)) for dim, p in when.items()),
                text,
                Status(status),
            )
        )
    return tuple(out)
