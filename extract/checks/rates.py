"""Rate checks: printed percentages against the counts they come from, or against each other.

A printed rate passes when the exact rate lies within half a unit of its last printed digit
(``Observation.decimals``), so 12.5 printed as "12" or "13" both pass and "37,9" needs
37.85..37.95.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from extract.checks.sums import (
    CellGroup,
    CheckResult,
    Operand,
    cell_groups,
    fmt,
    half_unit,
    indices_of,
    place,
    result,
    total,
)
from extract.codes import Flag
from extract.model import Observation
from extract.normalise.identities import Identities, RateForm

RATE_MISMATCH = Flag.RATE_MISMATCH


@dataclass(frozen=True, slots=True)
class Recomputed:
    """A rate computed from counts, with the counts it came from."""

    value: Fraction
    numerator: Fraction
    denominator: Fraction
    operands: tuple[Operand, ...]


def recompute(group: CellGroup, rate: RateForm) -> Recomputed | None:
    """The rate from the group's counts; None if a count is absent or unusable, or the
    denominator is 0."""
    counts = _counts(group, rate)
    if counts is None:
        return None
    numerator, denominator = counts
    n, d = total(numerator), total(denominator)
    return Recomputed(100 * n / d, n, d, (*numerator, *denominator))


def _counts(group: CellGroup, rate: RateForm) -> tuple[list[Operand], list[Operand]] | None:
    """The numerator and denominator counts of a rate; None as for ``recompute``."""
    numerator = group.take(rate.numerator)
    form = next((form for form in rate.bases if group.has_all(form)), None)
    denominator = group.take(form) if form is not None else None
    if numerator is None or denominator is None or total(denominator) == 0:
        return None
    return numerator, denominator


class Rates:
    """Printed rates recomputed from the counts of their cell group, to the printed rounding."""

    name = "rates"
    code = RATE_MISMATCH
    description = "printed percentages equal 100 × count / count to the printed rounding"

    def __init__(self, identities: Identities) -> None:
        self.rates = identities.rates

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for group in cell_groups(observations):
            for rate in self.rates:
                printed = group.get(rate.rate)
                computed = recompute(group, rate) if printed is not None else None
                if printed is None or computed is None:
                    continue
                if abs(computed.value - printed.value) <= half_unit(printed.decimals):
                    continue
                message = (
                    f"{place(group.first)}: {rate.rate} printed {fmt(printed.value)}, "
                    f"computed {fmt(computed.value)} = 100 × {fmt(computed.numerator)}"
                    f"/{fmt(computed.denominator)}"
                )
                involved = indices_of(computed.operands)
                yield result(self.code, message, observations, printed.indices[0], involved)


class RateComplements:
    """Where the counts are not available: rates that must add up to 100 (stadfæstelsesprocent
    + omgørelsesprocent) or to another rate (andel hjemvist + andel ændret =
    omgørelsesprocent), within the printed roundings (the complements of measures.yaml).

    Rounding half up or half to even can push both rates of 100 up together, never both down,
    so their sum lies in (100 - t, 100 + t] for t the sum of both half units; a sum that must
    equal another rate lies strictly within the three half units.
    """

    name = "rate_complements"
    code = RATE_MISMATCH
    description = "rates that must add up (to 100, or to omgørelsesprocent) do so"

    def __init__(self, identities: Identities) -> None:
        self.identities = identities

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for group in cell_groups(observations):
            for complement in self.identities.complements:
                measures = (*complement.rates, *filter(None, (complement.target,)))
                operands = self._verifiable(group, measures)
                if operands is None:
                    continue
                parts = operands[: len(complement.rates)]
                summed = sum((op.value for op in parts), Fraction(0))
                terms = " + ".join(f"{op.measure} {fmt(op.value)}" for op in parts)
                if complement.target is None:
                    tolerance = sum((half_unit(op.decimals) for op in parts), Fraction(0))
                    if -tolerance < summed - 100 <= tolerance:
                        continue
                    message = f"{place(group.first)}: {terms} = {fmt(summed)}, not 100"
                else:
                    target = operands[-1]
                    if abs(summed - target.value) < sum(half_unit(op.decimals) for op in operands):
                        continue
                    message = (
                        f"{place(group.first)}: {terms} = {fmt(summed)}, "
                        f"{target.measure} {fmt(target.value)}"
                    )
                yield result(
                    self.code, message, observations, operands[-1].indices[0], indices_of(operands)
                )

    def _verifiable(self, group: CellGroup, measures: tuple[str, ...]) -> list[Operand] | None:
        """The rates, when all are usable and not every one can be recomputed from counts."""
        operands = group.take(measures)
        if operands is None:
            return None
        forms = [self.identities.rate(m) for m in measures]
        if all(f is not None and _counts(group, f) is not None for f in forms):
            return None
        return operands
