"""The check registry: every validation check, run in order over one file's observations.

Observations in (normalised, in one sequence), ``CheckResult``s out; ``flags_by_index`` turns
the results into the flag codes each observation carries. The sum checks live in
``checks_sums``, the rate checks in ``checks_rates``; the cross-table check is here.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from extract.checks_rates import RATE_MISMATCH, RateComplements, Rates
from extract.checks_sums import (
    COUNT_UNITS,
    SUM_MISMATCH,
    Check,
    CheckResult,
    DecidedSum,
    OutcomeSum,
    RowTotals,
    exact_value,
    fmt,
    half_unit,
    place,
)
from extract.checks_values import LowOcrConfidence, OcrLabelCorrected, Plausible
from extract.model import Observation

CONFLICT_OTHER_SOURCE = "conflict_other_source"

__all__ = [
    "CHECKS",
    "CONFLICT_OTHER_SOURCE",
    "RATE_MISMATCH",
    "SUM_MISMATCH",
    "Check",
    "CheckResult",
    "CrossTable",
    "flags_by_index",
    "run_checks",
]


def _disagree(a: Observation, va: Fraction, b: Observation, vb: Fraction) -> bool:
    """Whether two values of the same thing conflict: counts exactly, others beyond rounding."""
    if a.unit in COUNT_UNITS and b.unit in COUNT_UNITS:
        return va != vb
    return abs(va - vb) > half_unit(a.decimals) + half_unit(b.decimals)


class CrossTable:
    """The same value (entity, period, law area, provision, measure) printed differently in
    two tables of one file."""

    name = "cross_table"
    code = CONFLICT_OTHER_SOURCE
    description = "the same value printed in different tables agrees"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        keyed: dict[tuple[object, ...], list[tuple[int, Fraction]]] = {}
        for i, obs in enumerate(observations):
            value = exact_value(obs)
            if value is None or obs.entity_scope is None or obs.period is None:
                continue
            key = (
                obs.entity_scope,
                obs.municipality_code,
                obs.period,
                obs.law_area,
                obs.provision,
                obs.measure,
            )
            keyed.setdefault(key, []).append((i, value))
        for entries in keyed.values():
            if not any(
                observations[i].table_id != observations[j].table_id
                and _disagree(observations[i], vi, observations[j], vj)
                for i, vi in entries
                for j, vj in entries
            ):
                continue
            first = observations[entries[0][0]]
            seen = dict.fromkeys(
                f"{fmt(v)} in table {observations[i].table_id}" for i, v in entries
            )
            yield CheckResult(
                self.code,
                f"{place(first)}: {first.measure} {' vs '.join(seen)}",
                tuple(i for i, _ in entries),
                first.table_id,
                first.cell.page,
            )


CHECKS: tuple[Check, ...] = (
    OutcomeSum(),
    DecidedSum(),
    RowTotals(),
    Rates(),
    RateComplements(),
    CrossTable(),
    LowOcrConfidence(),
    OcrLabelCorrected(),
    Plausible(),
)


def run_checks(observations: Sequence[Observation]) -> list[CheckResult]:
    """Every registered check over the observations, results in registry order."""
    return [found for check in CHECKS for found in check.run(observations)]


def flags_by_index(results: Sequence[CheckResult]) -> dict[int, tuple[str, ...]]:
    """Observation position -> sorted unique flag codes from the results involving it."""
    codes: dict[int, set[str]] = {}
    for found in results:
        for i in found.indices:
            codes.setdefault(i, set()).add(found.code)
    return {i: tuple(sorted(codes[i])) for i in sorted(codes)}
