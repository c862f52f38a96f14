"""Which source of a figure is preferred: ``rules/figures.yaml``, validated when loaded.

In: the rule folders (``RuleDirs``: the shipped rules first); the last folder holding a
``figures.yaml`` gives the ranking. Out: a ``Ranking`` that orders a figure's reported
sources: best-ranked document type first, then digital before OCR'd, then input order.
Problems raise ``RuleError`` naming the file and the key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from extract.codes import DocumentTypeCode, SourceKind
from extract.figures.sources import Source
from extract.interpret.rulebook import FIGURES_FILE, RuleError

_KEYS = frozenset({"rank_document_types"})
_OCR_KINDS = frozenset({SourceKind.PDF_OCR, SourceKind.IMAGE_OCR})


@dataclass(frozen=True, slots=True)
class Ranking:
    """Document types best first (``document_types``; a type not listed ranks after them all)
    and the file they came from (None: no ranking, input order decides)."""

    document_types: tuple[str, ...] = ()
    file: str | None = None

    def sort_key(self, source: Source) -> tuple[int, int, int]:
        """A source's place: its type's rank, OCR'd after digital, its input order."""
        types = self.document_types
        rank = types.index(source.document_type) if source.document_type in types else len(types)
        return (rank, int(source.source_kind in _OCR_KINDS), source.order)

    def preferred(self, sources: Sequence[Source]) -> Source | None:
        """The best-ranked reported source, or None when none is reported."""
        reported = [s for s in sources if s.reported]
        return min(reported, key=self.sort_key) if reported else None


def load_ranking(folders: Sequence[Path]) -> Ranking:
    """The ranking of the last of ``folders`` that holds a ``figures.yaml`` (none: input
    order); RuleError naming the file and the key when it is invalid."""
    found = [folder / FIGURES_FILE for folder in folders if (folder / FIGURES_FILE).is_file()]
    return read_ranking(found[-1]) if found else Ranking()


def read_ranking(path: Path) -> Ranking:
    """Read and validate one ``figures.yaml``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: (top): expected a mapping, got {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - _KEYS)
    if unknown:
        raise RuleError(f"{path}: {unknown[0]}: unknown key (allowed: {', '.join(sorted(_KEYS))})")
    types = data.get("rank_document_types")
    if not isinstance(types, list) or not types:
        raise RuleError(f"{path}: rank_document_types: expected a list of document types")
    known = frozenset(DocumentTypeCode)
    for i, code in enumerate(types):
        if not isinstance(code, str) or code not in known:
            raise RuleError(
                f"{path}: rank_document_types[{i}]: {code!r} is not a document type of the "
                f"record contract ({', '.join(DocumentTypeCode)})"
            )
        if code in types[:i]:
            raise RuleError(f"{path}: rank_document_types[{i}]: '{code}' is listed twice")
    return Ranking(tuple(types), str(path))
