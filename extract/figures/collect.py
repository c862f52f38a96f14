"""A run's figures, from one pass over its records.

In: records in input order (read back from the spools one at a time) and the ``Ranking``.
Out: ``Figures``: every figure (in the order of its first record), and the map record id ->
the flags the figures add to it (``conflict_other_document``), small, for the writers'
second pass (``flagged``). Per record only its ``Source`` is kept, its texts shared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial

from extract.codes import Agreement, Flag
from extract.figures.key import FigureKey, figure_key
from extract.figures.ranking import Ranking
from extract.figures.reconcile import Figure, reconcile
from extract.figures.sources import Source, source_of
from extract.model import Record
from extract.writers.spool import with_flags

CONFLICT_OTHER_DOCUMENT = Flag.CONFLICT_OTHER_DOCUMENT


@dataclass(frozen=True, slots=True)
class Figures:
    """A run's figures and the flags they add to records (record id -> flags)."""

    figures: tuple[Figure, ...] = ()
    extra_flags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        """Figures by agreement, every agreement named (0 when none)."""
        counted = Counter(f.agreement for f in self.figures)
        return {str(a): counted[a] for a in Agreement}

    def conflicts(self) -> list[Figure]:
        """The conflicting figures, in order."""
        return [f for f in self.figures if f.agreement is Agreement.CONFLICT]


def extra_flags(figures: Iterable[Figure]) -> dict[str, tuple[str, ...]]:
    """Record id -> the flags its figure adds: ``conflict_other_document`` for a record that
    disagrees with a record of another document."""
    return {
        record_id: (CONFLICT_OTHER_DOCUMENT,)
        for figure in figures
        if figure.agreement is Agreement.CONFLICT
        for record_id in figure.other_document_conflicts()
    }


def collect(records: Iterable[Record], ranking: Ranking) -> Figures:
    """Every figure of ``records`` (one per key with a record) and the flags they add."""
    groups: dict[FigureKey, list[Source]] = {}
    texts: dict[str, str] = {}
    for order, record in enumerate(records):
        get = partial(getattr, record)
        groups.setdefault(figure_key(get), []).append(source_of(get, order, texts))
    figures = tuple(reconcile(key, sources, ranking) for key, sources in groups.items())
    return Figures(figures, extra_flags(figures))


def flagged(records: Iterable[Record], extra: Mapping[str, tuple[str, ...]]) -> Iterator[Record]:
    """``records`` with the flags ``extra`` adds to them (by record id)."""
    for record in records:
        flags = extra.get(record.record_id)
        yield record if flags is None else with_flags(record, flags)
