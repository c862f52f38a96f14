"""Rate checks: printed percentages against the counts they come from, or against each other.

A printed rate passes when the exact rate lies within half a unit of its last printed digit
(``Observation.decimals``), so 12.5 printed as "12" or "13" both pass and "37,9" needs
37.85..37.95.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction

from extract.checks_sums import (
    OUTCOMES,
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
from extract.model import Observation

RATE_MISMATCH = "rate_mismatch"


@dataclass(frozen=True, slots=True)
class RateDefinition:
    """rate = 100 × sum(numerator) / sum(denominator); the first denominator form whose
    measures are all present is used."""

    measure: str
    numerator: tuple[str, ...]
    denominators: tuple[tuple[str, ...], ...]


_REALITETSBEHANDLEDE: tuple[tuple[str, ...], ...] = (("realitetsbehandlede",), OUTCOMES)
RATES: tuple[RateDefinition, ...] = (
    RateDefinition("omgoerelsesprocent", ("aendret_ophaevet", "hjemvist"), _REALITETSBEHANDLEDE),
    RateDefinition("stadfaestelsesprocent", ("stadfaestet",), _REALITETSBEHANDLEDE),
    RateDefinition("andel_hjemvist", ("hjemvist",), _REALITETSBEHANDLEDE),
    RateDefinition("andel_aendret", ("aendret_ophaevet",), _REALITETSBEHANDLEDE),
    RateDefinition(
        "medholdsprocent", ("medhold",), (("indbragt_domstole",), ("medhold", "ikke_medhold"))
    ),
)
_BY_MEASURE = {rate.measure: rate for rate in RATES}


@dataclass(frozen=True, slots=True)
class Recomputed:
    """A rate computed from counts, with the counts it came from."""

    value: Fraction
    numerator: Fraction
    denominator: Fraction
    operands: tuple[Operand, ...]


def recompute(group: CellGroup, rate: RateDefinition) -> Recomputed | None:
    """The rate from the group's counts; None if a count is absent or unusable, or the
    denominator is 0."""
    numerator = group.take(rate.numerator)
    form = next((form for form in rate.denominators if group.has_all(form)), None)
    denominator = group.take(form) if form is not None else None
    if numerator is None or denominator is None or total(denominator) == 0:
        return None
    n, d = total(numerator), total(denominator)
    return Recomputed(100 * n / d, n, d, (*numerator, *denominator))


class Rates:
    """Printed rates recomputed from the counts of their cell group, to the printed rounding."""

    name = "rates"
    code = RATE_MISMATCH
    description = "printed percentages equal 100 × count / count to the printed rounding"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for group in cell_groups(observations):
            for rate in RATES:
                printed = group.get(rate.measure)
                computed = recompute(group, rate) if printed is not None else None
                if printed is None or computed is None:
                    continue
                if abs(computed.value - printed.value) <= half_unit(printed.decimals):
                    continue
                message = (
                    f"{place(group.first)}: {rate.measure} printed {fmt(printed.value)}, "
                    f"computed {fmt(computed.value)} = 100 × {fmt(computed.numerator)}"
                    f"/{fmt(computed.denominator)}"
                )
                involved = indices_of(computed.operands)
                yield result(self.code, message, observations, printed.indices[0], involved)


class RateComplements:
    """Where the counts are not available: stadfæstelsesprocent + omgørelsesprocent = 100 and
    andel hjemvist + andel ændret = omgørelsesprocent, within the printed roundings.

    Rounding half up or half to even can push both rates of 100 up together, never both down,
    so their sum lies in (100 - t, 100 + t] for t the sum of both half units; the
    three-term difference lies strictly within the three half units.
    """

    name = "rate_complements"
    code = RATE_MISMATCH
    description = "rates that must add up (to 100, or to omgørelsesprocent) do so"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for group in cell_groups(observations):
            pair = self._verifiable(group, ("stadfaestelsesprocent", "omgoerelsesprocent"))
            if pair is not None:
                upheld, reversed_ = pair
                diff = upheld.value + reversed_.value - 100
                tolerance = half_unit(upheld.decimals) + half_unit(reversed_.decimals)
                if not -tolerance < diff <= tolerance:
                    message = (
                        f"{place(group.first)}: stadfaestelsesprocent {fmt(upheld.value)} + "
                        f"omgoerelsesprocent {fmt(reversed_.value)} = "
                        f"{fmt(upheld.value + reversed_.value)}, not 100"
                    )
                    yield self._result(observations, pair, message)
            triple = self._verifiable(
                group, ("andel_hjemvist", "andel_aendret", "omgoerelsesprocent")
            )
            if triple is not None:
                remitted, changed, reversed_ = triple
                diff = remitted.value + changed.value - reversed_.value
                if abs(diff) >= sum(half_unit(op.decimals) for op in triple):
                    message = (
                        f"{place(group.first)}: andel_hjemvist {fmt(remitted.value)} + "
                        f"andel_aendret {fmt(changed.value)} = "
                        f"{fmt(remitted.value + changed.value)}, omgoerelsesprocent "
                        f"{fmt(reversed_.value)}"
                    )
                    yield self._result(observations, triple, message)

    @staticmethod
    def _verifiable(group: CellGroup, measures: tuple[str, ...]) -> list[Operand] | None:
        """The rates, when all are usable and not every one can be recomputed from counts."""
        operands = group.take(measures)
        if operands is None:
            return None
        if all(recompute(group, _BY_MEASURE[m]) is not None for m in measures):
            return None
        return operands

    def _result(
        self, observations: Sequence[Observation], operands: list[Operand], message: str
    ) -> CheckResult:
        return result(
            self.code, message, observations, operands[-1].indices[0], indices_of(operands)
        )
