"""Checks on single values: OCR confidence and plausible ranges.

Observations in, ``CheckResult``s out, like every check in the registry
(``extract.checks.registry``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from extract.checks.sums import COUNT_UNITS, CheckResult, place, result
from extract.codes import Flag, Status, Unit
from extract.interpret.ocr_lexicon import CUT_SHORT, TWO_LABELS
from extract.model import Observation

LOW_OCR_CONFIDENCE = Flag.LOW_OCR_CONFIDENCE
OCR_LABEL_CORRECTED = Flag.OCR_LABEL_CORRECTED
OCR_LABEL_UNVERIFIED = Flag.OCR_LABEL_UNVERIFIED
OCR_PERIOD_ODD = Flag.OCR_PERIOD_ODD
IMPLAUSIBLE_VALUE = Flag.IMPLAUSIBLE_VALUE
SHARES_AS_COUNTS = Flag.SHARES_AS_COUNTS
# An OCR'd cell read with less confidence than this (0-100) is flagged.
OCR_CONFIDENCE_THRESHOLD = 80.0


class LowOcrConfidence:
    """A value, or its row label, read by OCR with low confidence: it may be misread."""

    name = "low_ocr_confidence"
    code = LOW_OCR_CONFIDENCE
    description = (
        f"OCR'd values and row labels were read with confidence >= {OCR_CONFIDENCE_THRESHOLD:g}"
    )

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for phase in self.phases(observations):
            yield from phase

    def phases(self, observations: Sequence[Observation]) -> tuple[Iterator[CheckResult], ...]:
        """The results on values, then on row labels (the order ``run`` gives)."""
        return self._values(observations), self._labels(observations)

    def _values(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for i, obs in enumerate(observations):
            conf = obs.cell.ocr_confidence
            if conf is not None and conf < OCR_CONFIDENCE_THRESHOLD:
                read = f"'{obs.cell.text}'" if obs.cell.text.strip() else "nothing"
                message = f"{place(obs)} {obs.measure}: {read} read with OCR confidence {conf:.0f}"
                yield result(self.code, message, observations, i, ())

    def _labels(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for first, *others in _rows(observations, _low_label_confidence):
            obs = observations[first]
            message = (
                f"row label '{obs.row_label}' read with OCR confidence "
                f"{obs.label_confidence:.0f}; its {1 + len(others)} values may be misplaced"
            )
            yield result(self.code, message, observations, first, others)


class OcrLabelCorrected:
    """A row label with OCR'd words repaired against the vocabulary
    (``extract.interpret.ocr_lexicon``)."""

    name = "ocr_label_corrected"
    code = OCR_LABEL_CORRECTED
    description = "OCR'd row labels were read as printed, without repair from the vocabulary"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for first, *others in _rows(observations, lambda obs: bool(obs.label_repairs)):
            obs = observations[first]
            message = f"row label '{obs.row_label}' read as {'; '.join(obs.label_repairs)}"
            yield result(self.code, message, observations, first, others)


class OcrLabelUnverified:
    """A provision named by an OCR'd row label that is no known label, with words the
    vocabulary does not know or numbers: the name is kept as read, and may be misread
    ("Hjzlpemidler - 112", "Børn - forældrebetaling 8159" for "§159")."""

    name = "ocr_label_unverified"
    code = OCR_LABEL_UNVERIFIED
    description = (
        "OCR'd row labels naming a provision were known labels, or known words without numbers"
    )

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for first, *others in _rows(observations, _unverified_provision):
            obs = observations[first]
            marks = (CUT_SHORT, TWO_LABELS)
            words = ", ".join(f"'{w}'" for w in obs.label_unknown if w not in marks)
            message = (
                f"row label '{obs.row_label}' read by OCR names a provision with words or "
                f"numbers no known label holds ({words}): it may be misread"
            )
            if not words and TWO_LABELS in obs.label_unknown:
                message = (
                    f"row label '{obs.row_label}' read by OCR is two known labels in one: "
                    "two rows may have been read as one"
                )
            elif not words:
                message = (
                    f"row label '{obs.row_label}' read by OCR is the start of a known label, "
                    "not the whole: its end may be lost"
                )
            yield result(self.code, message, observations, first, others)


def _unverified_provision(obs: Observation) -> bool:
    return obs.provision is not None and bool(obs.label_unknown)


def _low_label_confidence(obs: Observation) -> bool:
    return obs.label_confidence is not None and obs.label_confidence < OCR_CONFIDENCE_THRESHOLD


def _rows(
    observations: Sequence[Observation], wanted: Callable[[Observation], bool]
) -> list[list[int]]:
    """Indices of the ``wanted`` observations, one list per table row, in order."""
    rows: dict[tuple[str, int], list[int]] = {}
    for i, obs in enumerate(observations):
        if wanted(obs):
            rows.setdefault((obs.table_id, obs.row_index), []).append(i)
    return list(rows.values())


# A column's period is odd one out when at least this many other columns share another.
ODD_PERIOD_OTHERS = 3


class OddOcrPeriod:
    """One column of an OCR'd table whose period is one character off the period every
    other column (ODD_PERIOD_OTHERS or more) shares: a misread digit in its header ("4. kvt.
    2025" over one of seven columns of "1. kvt. 2025"); or a bare year between two columns
    of months or quarters ("2023" between "dec 2022" and "feb 2023": the month's name lost).
    Its values are flagged, not dropped: a table may print one column of another period."""

    name = "ocr_period_odd"
    code = OCR_PERIOD_ODD
    description = (
        "no column of an OCR'd table had a period one character off the one all others "
        "share, or a bare year between columns of months or quarters"
    )

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        tables: dict[str, dict[str, _Column]] = {}
        for i, obs in enumerate(observations):
            if obs.cell.ocr_confidence is not None:
                columns = tables.setdefault(obs.table_id, {})
                column = columns.setdefault(obs.column_key, _Column())
                column.periods.add(obs.period)
                column.rows.append(i)
                if obs.cell.bbox is not None:
                    column.places.append((obs.cell.page or 0, obs.cell.bbox[0]))
        for columns in tables.values():
            odd = _odd_period({key: column.periods for key, column in columns.items()})
            among_finer = _years_among_finer(list(columns.values()))
            for column in columns.values():
                why = ""
                if odd is not None and odd in column.periods:
                    why = "every other column has another one character apart"
                elif column in among_finer:
                    why = "the columns beside it have months or quarters"
                if why:
                    obs = observations[column.rows[0]]
                    message = (
                        f"column '{obs.column_label}': period {obs.period} where {why}; "
                        "its header may be misread"
                    )
                    yield result(self.code, message, observations, column.rows[0], column.rows)


@dataclass(eq=False)
class _Column:
    """One column of a table: its periods, its observations and where its cells stand."""

    periods: set[str | None] = field(default_factory=set)
    rows: list[int] = field(default_factory=list)
    places: list[tuple[int, float]] = field(default_factory=list)


def _years_among_finer(columns: list[_Column]) -> list[_Column]:
    """The columns of one bare year (no month, quarter or half) whose neighbours left and
    right (by where their cells stand) each have one period finer than a year."""
    placed = sorted((c for c in columns if c.places), key=lambda c: min(c.places))
    periods = [next(iter(c.periods)) if len(c.periods) == 1 else None for c in placed]
    return [
        column
        for k, column in enumerate(placed[1:-1], start=1)
        if _bare_year(periods[k]) and _finer(periods[k - 1]) and _finer(periods[k + 1])
    ]


def _bare_year(period: str | None) -> bool:
    return period is not None and len(period) == 4 and period.isdigit()


def _finer(period: str | None) -> bool:
    return period is not None and len(period) > 4 and period[:4].isdigit()


def _odd_period(columns: dict[str, set[str | None]]) -> str | None:
    """The period of the one column whose period is one character off the one all the other
    columns (ODD_PERIOD_OTHERS or more, each of one period) share; None if there is none."""
    if any(len(periods) != 1 for periods in columns.values()):
        return None
    counts = Counter(next(iter(periods)) for periods in columns.values())
    if len(counts) != 2:
        return None
    (common, many), (odd, once) = counts.most_common()
    if once != 1 or many < ODD_PERIOD_OTHERS or common is None or odd is None:
        return None
    apart = len(common) == len(odd) and sum(a != b for a, b in zip(common, odd, strict=True)) == 1
    return odd if apart else None


class Plausible:
    """A value outside what its unit allows: a share above 100 %, a negative or fractional
    count, negative weeks. Typical of a lost decimal comma in OCR ("635%" for "63,5 %")."""

    name = "plausible"
    code = IMPLAUSIBLE_VALUE
    description = "percentages within 0-100, counts whole and not negative, weeks not negative"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        for i, obs in enumerate(observations):
            if obs.status is not Status.REPORTED or obs.value is None:
                continue
            value = obs.value
            wrong = (
                (obs.unit == Unit.PERCENT and not 0 <= value <= 100)
                or (obs.unit in COUNT_UNITS and (value < 0 or not float(value).is_integer()))
                or (obs.unit == Unit.WEEKS and value < 0)
            )
            if wrong:
                message = f"{place(obs)} {obs.measure}: {value:g} is not a possible {obs.unit}"
                yield result(self.code, message, observations, i, ())


# Counts whose total row prints exactly this, and whose rows add up to it within
# HUNDRED_SLACK (shares rounded to whole per cents), are shares read as counts.
HUNDRED = 100.0
HUNDRED_SLACK = 2.0


class SharesAsCounts:
    """A column of counts whose total row is 100 and whose rows add up to 100: the per cents
    of a share column whose header naming the share was lost ("Andel i pct." set over three
    quarters, read over one), keyed as counts of the caption's measure."""

    name = "shares_as_counts"
    code = SHARES_AS_COUNTS
    description = "no column of counts has a total of 100 that its rows add up to (shares)"

    def run(self, observations: Sequence[Observation]) -> Iterator[CheckResult]:
        columns: dict[tuple[object, ...], list[int]] = {}
        for i, obs in enumerate(observations):
            if obs.unit in COUNT_UNITS and obs.status is Status.REPORTED:
                key = (obs.table_id, obs.column_key, obs.measure, obs.period, obs.entity)
                columns.setdefault(key, []).append(i)
        for cells in columns.values():
            totals = [i for i in cells if observations[i].row_role == "total"]
            members = [i for i in cells if observations[i].row_role == "member"]
            if len(members) < 2 or not any(observations[i].value == HUNDRED for i in totals):
                continue
            summed = sum(observations[i].value or 0.0 for i in members)
            if abs(summed - HUNDRED) <= HUNDRED_SLACK:
                first = totals[0]
                obs = observations[first]
                message = (
                    f"{place(obs)} column '{obs.column_label}': its rows add up to "
                    f"{summed:g} and its total is 100: per cents read as counts of {obs.measure}?"
                )
                yield result(self.code, message, observations, first, members + totals[1:])
