"""Findings on a table's keyed values: keys several cells share, values that are illegible.

In: a table and its observations. Out: the observations whose key no other cell shares and a
finding per key that several share (``without_duplicates``; ``observation_key`` is what an
observation is a value of), a warning naming the illegible values (``illegible``), and a
finding on the table (``table_finding``).
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Sequence

from extract.codes import EntityScope, FindingCode, Severity, Status
from extract.interpret.cell_observation import SharedTexts
from extract.interpret.hash_groups import same_hash_groups
from extract.model import Finding, Observation, TableCandidate
from extract.normalise.labels import label_key

# Texts of illegible cells quoted in the report, at most.
_SHOWN_TEXTS = 3


# (entity scope, municipality code, period, law area, provision key, measure)
_Key = tuple[str | None, int | None, str | None, str | None, str, str]


def illegible(table: TableCandidate, kept: Sequence[Observation]) -> list[Finding]:
    """One warning naming the table's cells whose text could not be read as a value (they
    are emitted with status illegible and no value), with the first few texts."""
    texts = [o.cell.text.strip() for o in kept if o.status is Status.ILLEGIBLE]
    if not texts:
        return []
    shown = ", ".join(repr(text) for text in texts[:_SHOWN_TEXTS])
    more = ", ..." if len(texts) > _SHOWN_TEXTS else ""
    message = f"{len(texts)} values could not be read (status illegible): {shown}{more}"
    return [table_finding(table, FindingCode.ILLEGIBLE_VALUE, message, severity=Severity.WARNING)]


def without_duplicates(
    table: TableCandidate, keyed: Sequence[Observation], hashes: array[int], texts: SharedTexts
) -> tuple[list[Observation], list[Finding]]:
    """Observations whose key no other cell of the table has, and a finding per key that
    several cells share (none of them is emitted: which one is meant cannot be known).
    ``hashes``: each observation's key's hash; only observations whose hash repeats have
    their keys compared (a million keys are never held at once)."""
    repeated = sorted(i for group in same_hash_groups(hashes) for i in group)
    keys = {i: observation_key(keyed[i], texts) for i in repeated}
    counts = Counter(keys.values())
    shared: dict[_Key, list[Observation]] = {}
    for i, key in keys.items():
        if counts[key] > 1:
            shared.setdefault(key, []).append(keyed[i])
    findings = []
    for key, cells in shared.items():
        where = "; ".join(f"row '{o.row_label}', column '{o.column_label}'" for o in cells[:3])
        message = (
            f"{len(cells)} cells read as the same value ({_describe(key)}): {where}; none emitted"
        )
        findings.append(
            table_finding(table, FindingCode.AMBIGUOUS_KEY, message, cells[0].cell.page)
        )
    kept = [o for i, o in enumerate(keyed) if i not in keys or counts[keys[i]] == 1]
    return kept, findings


def table_finding(
    table: TableCandidate,
    code: FindingCode,
    message: str,
    page: int | None = None,
    severity: Severity = Severity.ERROR,
) -> Finding:
    """A finding on ``table`` (its id before the message), on ``page`` or its first page."""
    return Finding(
        code,
        f"table {table.table_id}: {message}",
        severity,
        page if page is not None else table.first_page,
        table.table_id,
    )


def observation_key(obs: Observation, texts: SharedTexts) -> _Key:
    """What an observation is a value of: its entity, period, law area, provision (as the
    vocabulary keys it) and measure."""
    provision = texts.text(label_key(obs.provision)) if obs.provision else ""
    return (
        obs.entity_scope,
        obs.municipality_code,
        obs.period,
        obs.law_area,
        provision,
        obs.measure,
    )


def _describe(key: _Key) -> str:
    scope, code, period, law, provision, measure = key
    where = "hele landet" if scope == EntityScope.NATIONAL else f"kommune {code}"
    return " ".join(p for p in (where, period, law, provision, measure) if p)
