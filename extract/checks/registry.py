"""The check registry: every validation check, run in order over one file's observations.

Observations in (normalised, in one sequence), ``CheckResult``s out; ``flags_by_index`` turns
the results into the flag codes each observation carries. The sum checks live in ``sums``,
the rate checks in ``rates``, the cross-table check in ``cross_table``. The
identities the sum and rate checks verify are data (``Identities``, from measures.yaml), so
``checks_for`` builds the registry for one set of identities.

Every check but the cross-table one looks within one table, so a streamed file runs them table
by table (``table_check_results``) and feeds a ``CrossTableIndex`` that keeps a few dozen bytes
a value; its conflicts are known once every table has been seen.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol, runtime_checkable

from extract.checks.cross_table import (
    CONFLICT_OTHER_SOURCE,
    Conflict,
    Copy,
    CrossTable,
    CrossTableIndex,
)
from extract.checks.rates import RATE_MISMATCH, RateComplements, Rates
from extract.checks.sums import (
    SUM_MISMATCH,
    Check,
    CheckResult,
    RowTotals,
    SumIdentities,
    forget_groups,
)
from extract.checks.values import (
    LowOcrConfidence,
    OcrLabelCorrected,
    OcrLabelUnverified,
    OddOcrPeriod,
    Plausible,
    SharesAsCounts,
)
from extract.model import Observation
from extract.normalise.identities import Identities

# (registry position, phase): where a check's results go among all results of a file
Order = tuple[int, int]

__all__ = [
    "CONFLICT_OTHER_SOURCE",
    "CORRECTIONS_ORDER",
    "RATE_MISMATCH",
    "REGISTRY",
    "SUM_MISMATCH",
    "Check",
    "CheckResult",
    "Conflict",
    "Copy",
    "CrossTable",
    "CrossTableIndex",
    "checks_for",
    "flags_by_index",
    "table_check_results",
]


# The registry: every check class in the order their results are reported, and whether it
# is built with the identities of measures.yaml.
REGISTRY: tuple[tuple[type, bool], ...] = (
    (SumIdentities, True),
    (RowTotals, False),
    (Rates, True),
    (RateComplements, True),
    (CrossTable, False),
    (LowOcrConfidence, False),
    (OcrLabelCorrected, False),
    (OcrLabelUnverified, False),
    (OddOcrPeriod, False),
    (Plausible, False),
    (SharesAsCounts, False),
)


def checks_for(identities: Identities) -> tuple[Check, ...]:
    """Every check of the registry, built for these identities."""
    return tuple(kind(identities) if data else kind() for kind, data in REGISTRY)


@runtime_checkable
class PhasedCheck(Protocol):
    """A check whose results come in phases (each over all observations, one after another)."""

    def phases(self, observations: Sequence[Observation]) -> tuple[Iterator[CheckResult], ...]: ...


# Where the cross-table check's results go among all results of a file (see ``Order``).
CROSS_TABLE_ORDER: Order = (
    next(i for i, (kind, _) in enumerate(REGISTRY) if kind is CrossTable),
    0,
)

# Where the corrections of OCR'd values (``ocr_corrections``) go: after every check's results.
CORRECTIONS_ORDER: Order = (len(REGISTRY), 0)


def table_check_results(
    observations: Sequence[Observation], checks: Sequence[Check]
) -> list[tuple[Order, CheckResult]]:
    """Every check of ``checks`` (a registry from ``checks_for``) but the cross-table one
    (each looks within one table) over one table's observations, each result with its
    ``Order``: sorting the results of all tables of a file by it (stably) gives the registry's
    order over the whole file (every check over every table, check by check), the order the
    report lists them in."""
    found: list[tuple[Order, CheckResult]] = []
    for number, check in enumerate(checks):
        if isinstance(check, CrossTable):
            continue
        phases = (
            check.phases(observations)
            if isinstance(check, PhasedCheck)
            else (iter(check.run(observations)),)
        )
        for phase, results in enumerate(phases):
            found.extend(((number, phase), r) for r in results)
    forget_groups()
    return found


def flags_by_index(results: Sequence[CheckResult]) -> dict[int, tuple[str, ...]]:
    """Observation position -> sorted unique flag codes from the results involving it."""
    codes: dict[int, set[str]] = {}
    for found in results:
        for i in found.indices:
            codes.setdefault(i, set()).add(found.code)
    return {i: tuple(sorted(codes[i])) for i in sorted(codes)}
