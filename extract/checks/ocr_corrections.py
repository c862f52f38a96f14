"""Values OCR misread in their separators or marks, corrected where the identities decide.

OCR loses a decimal comma ("21,4" read "214"), reads it as a point ("37,9" read "37.9", which
Danish text cannot tell from a thousands point) or picks up specks beside the digits ("“7",
"J 31,8%"). Such a value is flagged by the number reader or fails an identity. Here, each
doubtful OCR'd value of a table is read again from its digits as printed, in the order
printed: with the decimal comma in each place the unit allows, or none. A reading is taken
only when the table's identities (sums and rates, ``checks.sums``, ``checks.rates``) hold
with it and with no other reading, and constrain the value at all; the value then carries
``ocr_corrected`` and its record keeps the text as read. A value whose digits were misread
is never changed: only its separators and marks are read again.

In: one table's observations and its check registry. Out: the observations (corrected ones
replaced) and one ``CheckResult`` per correction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from extract.checks.rates import RATE_MISMATCH
from extract.checks.sums import (
    COUNT_UNITS,
    SUM_MISMATCH,
    Check,
    CheckResult,
    exact_number,
    fmt,
    forget_groups,
    place,
    result,
)
from extract.codes import Flag, Status
from extract.model import Observation

OCR_CORRECTED = Flag.OCR_CORRECTED
# The codes of the checks that verify a value against others (identities).
IDENTITY_CODES = frozenset({SUM_MISMATCH, RATE_MISMATCH})
# Decimals a value that is not a count may be read with.
MAX_DECIMALS = 2
# A table with more doubtful values than this is left as it is (its reading is too poor to
# decide one value by the others).
MAX_DOUBTFUL = 40
# A value no identity holds with: does any identity constrain a cell at all?
_PROBE = 987_654_321_987.0
# One run of digits with the separators and spaces OCR may put between them.
_DIGIT_RUN = re.compile(r"[0-9](?:[0-9., \u00a0]*[0-9])?")
# A comma or point touching the digits on one side only: a digit was lost there ("62,%",
# ",5", "31."), so the digits read are not all the digits printed.
_LOST_DIGIT = re.compile(r"[0-9][.,](?![0-9])|(?<![0-9])[.,][0-9]")


def readings(text: str, counted: bool) -> list[tuple[float, int]]:
    """The values ``text`` (one OCR'd cell) may have printed, as (value, decimals): its one
    run of digits with the decimal comma lost or misread, in each place a value of its kind
    takes it (a count: none; others: up to MAX_DECIMALS digits after it). None (an empty
    list) when the text holds no run of digits, more than one, or a separator a digit was
    lost beside."""
    runs = list(_DIGIT_RUN.finditer(text))
    if len(runs) != 1 or _LOST_DIGIT.search(text):
        return []
    digits = re.sub(r"[^0-9]", "", runs[0].group())
    if len(digits) > 15:
        return []
    out = []
    most = 0 if counted else min(MAX_DECIMALS, len(digits) - 1)
    for decimals in range(most + 1):
        whole = digits[: len(digits) - decimals]
        if len(whole) > 1 and whole.startswith("0"):
            continue  # "05" is no reading of a printed number
        out.append((float(f"{whole}.{digits[len(whole) :] or '0'}"), decimals))
    return out


def correct_by_identities(
    observations: Sequence[Observation], results: Sequence[CheckResult], checks: Sequence[Check]
) -> tuple[list[Observation], list[CheckResult]]:
    """``observations`` with each doubtful OCR'd value read again where the identities decide
    it, and a result per correction; (the observations, []) when none is. ``results``: the
    table's check results so far (which values fail an identity); ``checks``: the registry."""
    kept = list(observations)
    identity_checks = [c for c in checks if c.code in IDENTITY_CODES]
    doubtful = _doubtful(kept, results)
    if not identity_checks or not doubtful or len(doubtful) > MAX_DOUBTFUL:
        return kept, []
    done: list[CheckResult] = []
    while doubtful:
        found = {}
        for i in doubtful:
            decided = _decided(kept, i, identity_checks)
            if decided is not None:
                found[i] = decided
        if not found:
            break
        trial = list(kept)
        for i, new in found.items():
            trial[i] = new
        failing = _failing(trial, identity_checks)
        held = {i: new for i, new in found.items() if i not in failing}
        if not held:
            break  # corrections that contradict each other: none is taken
        for i, new in held.items():
            done.append(_correction(kept, i, new))
            kept[i] = new
        doubtful = [i for i in doubtful if i not in held]
    return kept, done


def _doubtful(observations: Sequence[Observation], results: Sequence[CheckResult]) -> list[int]:
    """Positions of OCR'd values unread (illegible) or failing an identity."""
    failing = {i for r in results if r.code in IDENTITY_CODES for i in r.indices}
    return [
        i
        for i, obs in enumerate(observations)
        if obs.cell.ocr_confidence is not None
        and (obs.status == Status.ILLEGIBLE or (i in failing and obs.status == Status.REPORTED))
    ]


def _decided(
    observations: list[Observation], i: int, checks: Sequence[Check]
) -> Observation | None:
    """The observation at ``i`` read as the one reading of its text the identities hold
    with, if they constrain it and exactly one differs from what was read; else None."""
    obs = observations[i]
    if not _constrained(observations, i, checks):
        return None
    held = []
    for value, decimals in readings(obs.cell.text, obs.unit in COUNT_UNITS):
        new = replace(obs, value=value, decimals=decimals, status=Status.REPORTED)
        if i not in _failing(_with(observations, i, new), checks):
            held.append(new)
    if len(held) != 1:
        return None
    new = held[0]
    if obs.status == Status.REPORTED and (new.value, new.decimals) == (obs.value, obs.decimals):
        return None
    return replace(new, flags=tuple(sorted({*obs.flags, OCR_CORRECTED})))


def _constrained(observations: list[Observation], i: int, checks: Sequence[Check]) -> bool:
    """Whether some identity takes the value at ``i`` in (a value no identity holds with
    fails one)."""
    probe = replace(observations[i], value=_PROBE, decimals=0, status=Status.REPORTED)
    return i in _failing(_with(observations, i, probe), checks)


def _with(observations: list[Observation], i: int, new: Observation) -> list[Observation]:
    trial = list(observations)
    trial[i] = new
    return trial


def _failing(observations: Sequence[Observation], checks: Sequence[Check]) -> set[int]:
    """Positions taking part in an identity that does not hold."""
    failing = {i for check in checks for r in check.run(observations) for i in r.indices}
    forget_groups()
    return failing


def _correction(observations: Sequence[Observation], i: int, new: Observation) -> CheckResult:
    obs = observations[i]
    assert new.value is not None
    message = (
        f"{place(obs)}: {obs.measure} read {obs.cell.text!r}, taken as {fmt_value(new)}: "
        "the one reading of its digits the table's sums and rates hold with"
    )
    return result(OCR_CORRECTED, message, observations, i, ())


def fmt_value(obs: Observation) -> str:
    """An observation's value as a report line prints it."""
    assert obs.value is not None
    exact = exact_number(obs.value)
    return fmt(exact) if exact is not None else str(obs.value)
