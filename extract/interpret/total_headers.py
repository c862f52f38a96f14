"""Total headers among a table's group rows: what a label-only total row ("Sager i alt",
"I alt") stands beside, and so what it totals.

In: the table's rows, their readings and the group header rows found. Out: the group
headers by row (``group_headers``), the headers a total header is a sibling of
(``siblings_of``), the values they name (``header_values``) and the total header's own
dimensions (``total_header``: all law areas, the whole of the measures, or a reason to skip
its rows).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from extract.interpret.plans import ALL_LAWS, GROUP_DIMS
from extract.interpret.reading import Reading
from extract.model import TableRow
from extract.normalise.identities import Identities


def group_headers(
    rows: Sequence[TableRow], readings: Sequence[Reading]
) -> dict[int, Mapping[str, str]]:
    """Label-only rows that name something (group headers), by index: their dimensions."""
    out: dict[int, Mapping[str, str]] = {}
    for i, (row, reading) in enumerate(zip(rows, readings, strict=True)):
        named = {d: v for d, v in reading.dims.items() if d in GROUP_DIMS}
        if not row.has_values and named and reading.resolved:
            out[i] = named
    return out


def siblings_of(
    i: int,
    rows: Sequence[TableRow],
    headers: Mapping[int, Mapping[str, str]],
    order: Sequence[int],
) -> Mapping[str, str] | None:
    """The group headers a total header at ``i`` is a sibling of: the next one when it
    comes first in its group (right under its parent header: "Hele landet", "Sager i alt",
    then the law areas), else the one before it (after its group's rows), or when it heads a
    group of its own like the one before it, the outer group header before that."""
    at = bisect.bisect_left(order, i)
    before = order[at - 1] if at > 0 else None
    after = order[at + 1] if at + 1 < len(order) and order[at] == i else None
    if after is None and at < len(order) and order[at] != i:
        after = order[at]
    first_child = before is None or not any(rows[k].has_values for k in range(before + 1, i))
    if first_child and after is not None:
        if _kind(headers[after]) in _parents(i, rows, headers, order[:at]):
            # the next group is a sibling of its parent's, or of theirs ("2022", "Sager i
            # alt", … "2023"; "2022", "Hele landet", "Sager i alt", … "2023")
            return None
        return headers[after]
    if first_child and before is not None:
        return None  # right under its parent, with no group after it
    if before is not None and after is not None and set(headers[after]) == set(headers[before]):
        # "I alt" over its own "2020", as "Afvist" before it over its "2020": a sibling of
        # the outer groups, the nearest header before it naming another dimension
        kind = set(headers[before])
        return next((headers[k] for k in reversed(order[:at]) if set(headers[k]) != kind), None)
    return headers[before] if before is not None else None


def _parents(
    i: int,
    rows: Sequence[TableRow],
    headers: Mapping[int, Mapping[str, str]],
    above: Sequence[int],
) -> list[set[str]]:
    """What the group headers right over row ``i`` name, nearest first (those of ``above``
    with no row of values between them and it)."""
    out = []
    for k in reversed(above):
        if any(rows[j].has_values for j in range(k + 1, i)):
            break
        out.append(_kind(headers[k]))
    return out


def _kind(dims: Mapping[str, str]) -> set[str]:
    """The dimensions a group header names, its aspect aside: "Andel stadfæstet" (a share
    of a measure) heads the same kind of group as "Andel hjemvist" (a share measure)."""
    return set(dims) - {"aspect"}


def header_values(
    headers: Mapping[int, Mapping[str, str]], beside: Mapping[str, str]
) -> dict[str, set[str]]:
    """The values the group headers give the dimensions of ``beside``."""
    out: dict[str, set[str]] = {}
    for dims in headers.values():
        for dim in beside:
            if dim in dims:
                out.setdefault(dim, set()).add(dims[dim])
    return out


def total_header(
    beside: Mapping[str, str], seen: Mapping[str, set[str]], identities: Identities
) -> dict[str, str]:
    """The dimensions of a total header over groups like ``beside``: law area "alle", the
    whole of the measures the groups named, or a reason to skip its rows."""
    if "law" in beside:
        return {"law": ALL_LAWS}
    if "measure" in beside:
        whole = identities.whole_of(seen.get("measure", set()))
        if whole is not None:
            return {"measure": whole}
        return {"skip": "a total of measures that are no one measure's parts"}
    what = "entities" if "entity" in beside else "periods"
    return {"skip": f"a total over several {what} has no one key"}
