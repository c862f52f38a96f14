"""One figure's sources compared: agreement, spread, conflicts and the preferred source.

In: a figure's key and its ``Source``s (input order), and the ``Ranking``. Out: a ``Figure``.
Only reported sources take part. A value printed with d decimals stands for the interval
value ± half a unit of its last decimal (``half_unit``); two values agree when their
intervals overlap in more than one point (a shared end point is a conflict: it needs a tie
rounded two ways); counts must be equal exactly. Sources are compared by their distinct
(value, decimals), so many copies of one value cost nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from extract.checks.sums import COUNT_UNITS, exact_number, half_unit
from extract.codes import Agreement
from extract.figures.key import FigureKey, figure_id
from extract.figures.ranking import Ranking
from extract.figures.sources import Source

# (exact value, decimals printed): all that decides whether two sources disagree
Printed = tuple[Fraction, int]


def disagree(a: Printed, b: Printed, counted: bool) -> bool:
    """Whether two printed values of one figure are incompatible: counts (``counted``) unless
    equal, others unless their rounding intervals overlap in more than one point."""
    if counted:
        return a[0] != b[0]
    return abs(a[0] - b[0]) >= half_unit(a[1]) + half_unit(b[1])


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure: its key, every source in input order, how they agree, the spread of the
    reported values (None under two), the preferred source (None: none reported) and, per
    source, the record ids of the sources it disagrees with."""

    key: FigureKey
    sources: tuple[Source, ...]
    agreement: Agreement
    spread: float | None
    preferred: Source | None
    conflicts_with: tuple[tuple[str, ...], ...]

    @property
    def figure_id(self) -> str:
        return figure_id(self.key)

    def other_document_conflicts(self) -> list[str]:
        """Record ids of the sources that disagree with a source of another document."""
        sha = {s.record_id: s.source_sha256 for s in self.sources}
        return [
            s.record_id
            for s, others in zip(self.sources, self.conflicts_with, strict=True)
            if any(sha[other] != s.source_sha256 for other in others)
        ]


def _printed(source: Source) -> Printed:
    assert source.value is not None
    value = exact_number(source.value)
    assert value is not None, "a reported value is finite"
    return (value, source.decimals)


def reconcile(key: FigureKey, sources: Sequence[Source], ranking: Ranking) -> Figure:
    """The figure of ``key`` given by ``sources`` (input order)."""
    reported = [s for s in sources if s.reported and exact_number(s.value or 0.0) is not None]
    reported_at = {id(s) for s in reported}
    counted = bool(sources) and sources[0].unit in COUNT_UNITS
    distinct = list(dict.fromkeys(_printed(s) for s in reported))
    clashing = {
        (a, b) for i, a in enumerate(distinct) for b in distinct[i + 1 :] if disagree(a, b, counted)
    }
    clashing |= {(b, a) for a, b in clashing}
    by_printed: dict[Printed, list[str]] = {}
    for source in reported:
        by_printed.setdefault(_printed(source), []).append(source.record_id)
    conflicts_with = tuple(
        tuple(
            rid
            for other in distinct
            if (_printed(s), other) in clashing
            for rid in by_printed[other]
        )
        if id(s) in reported_at
        else ()
        for s in sources
    )
    values = [p[0] for p in distinct]
    if len(sources) == 1:
        agreement = Agreement.SINGLE
    else:
        agreement = Agreement.CONFLICT if clashing else Agreement.AGREE
    return Figure(
        key=key,
        sources=tuple(sources),
        agreement=agreement,
        spread=float(max(values) - min(values)) if len(reported) >= 2 else None,
        preferred=ranking.preferred(reported),
        conflicts_with=conflicts_with,
    )
