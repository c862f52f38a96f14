"""A run's figures, from two passes over its records, memory kept small.

In: a way to read the records' values again in input order (from the spools, one at a time)
and the ``Ranking``. Out: ``collect_figures`` yields each figure once its last record has been
seen: the first pass keeps only a hash of each record's key (8 bytes a record) to count the
records per key; the second keeps a ``Source`` only for a figure whose records are still
arriving. A figure of one record comes at once as a ``Single`` (its row is a function of that
record alone: ``extract.figures.single``). ``Figures`` sums up what was written: counts by
agreement, the conflicting figures, and the small map record id -> the flags figures add
(``conflict_other_document``) for the records' writing (``flagged_values``).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from extract.codes import Agreement, Flag
from extract.figures.key import FigureKey, values_key
from extract.figures.ranking import Ranking
from extract.figures.reconcile import Figure, reconcile
from extract.figures.sources import Source, source_of
from extract.writers.jsonl import FIELD_NAMES, RECORD_ID, RecordValues
from extract.writers.spool import values_with_flags

CONFLICT_OTHER_DOCUMENT = Flag.CONFLICT_OTHER_DOCUMENT


@dataclass(slots=True)
class Figures:
    """What a run's figures came to: how many by agreement, the conflicting ones (in the order
    written), and the flags they add to records (record id -> flags)."""

    by_agreement: Counter[str] = field(default_factory=Counter)
    conflicts: list[Figure] = field(default_factory=list)
    extra_flags: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add_single(self) -> None:
        """Count a figure of one record (``Single``)."""
        self.by_agreement[Agreement.SINGLE] += 1

    def add(self, figure: Figure) -> None:
        """Count ``figure``; keep it, and its records' flags, when it is a conflict."""
        self.by_agreement[figure.agreement] += 1
        if figure.agreement is Agreement.CONFLICT:
            self.conflicts.append(figure)
            self.extra_flags.update(extra_flags([figure]))

    def counts(self) -> dict[str, int]:
        """Figures by agreement, every agreement named (0 when none)."""
        return {str(a): self.by_agreement[a] for a in Agreement}


def extra_flags(figures: Iterable[Figure]) -> dict[str, tuple[str, ...]]:
    """Record id -> the flags its figure adds: ``conflict_other_document`` for a record that
    disagrees with a record of another document."""
    return {
        record_id: (CONFLICT_OTHER_DOCUMENT,)
        for figure in figures
        if figure.agreement is Agreement.CONFLICT
        for record_id in figure.other_document_conflicts()
    }


_POSITIONS = {name: i for i, name in enumerate(FIELD_NAMES)}


def _getter(values: RecordValues) -> Callable[[str], Any]:
    """A record's fields by name, from its values."""
    return lambda name: values[_POSITIONS[name]]


class Single(NamedTuple):
    """A figure that one record alone gives: its key, the record's values and its place in the
    input (``order``), not reconciled (``figure`` does it)."""

    key: FigureKey
    values: RecordValues
    order: int

    def figure(self, ranking: Ranking) -> Figure:
        """The figure, reconciled like any other (``reconcile``)."""
        return reconcile(self.key, [source_of(_getter(self.values), self.order, {})], ranking)


def _records_per_key(records: Iterable[RecordValues]) -> array[int]:
    """For each record in order, how many records share the hash of its key (two keys of one
    hash only make a figure wait until the end)."""
    import numpy as np

    hashes = array("q", (hash(values_key(values)) for values in records))
    if not hashes:
        return array("q")
    _unique, inverse, counts = np.unique(
        np.frombuffer(hashes, dtype=np.int64), return_inverse=True, return_counts=True
    )
    return array("q", counts[inverse].astype(np.int64).tobytes())


def collect_figures(
    read: Callable[[], Iterable[RecordValues]], ranking: Ranking
) -> Iterator[Figure | Single]:
    """Every figure of the records whose values ``read()`` gives (called twice: both times
    the same records in the same order), each as soon as its last record is seen (a figure of
    one record as a ``Single``); figures still open at the end (keys sharing a hash) last."""
    expected = _records_per_key(read())
    open_figures: dict[FigureKey, list[Source]] = {}
    texts: dict[str, str] = {}
    for order, values in enumerate(read()):
        key = values_key(values)
        if expected[order] == 1:
            yield Single(key, values, order)
            continue
        sources = open_figures.setdefault(key, [])
        sources.append(source_of(_getter(values), order, texts))
        if len(sources) == expected[order]:
            del open_figures[key]
            yield reconcile(key, sources, ranking)
    for key, sources in open_figures.items():
        yield reconcile(key, sources, ranking)


def flagged_values(
    records: Iterable[RecordValues], extra: Mapping[str, tuple[str, ...]]
) -> Iterator[RecordValues]:
    """The values of ``records`` with the flags ``extra`` adds to them (by record id)."""
    if not extra:
        return iter(records)
    return (
        values
        if (flags := extra.get(values[RECORD_ID])) is None
        else values_with_flags(values, flags)
        for values in records
    )
