"""Measures the numbers prove: rows given a measure because they add up to a row naming it.

In: the row plans and the table's rows. Out: the plans with a measure carried where sums
prove it: the rows above a total naming a measure ("Afgjorte sager i alt"), the law areas'
groups above a total group, a total naming none given the measure whose parts the measure
rows beside it are, and the law rows under a row naming a measure checked against it (the
measure they add up to instead, or none when they add up to nothing).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from extract.interpret.plans import ALL_LAWS, AS_ABOVE, RowPlan
from extract.model import TableRow
from extract.normalise.identities import Identities
from extract.normalise.numbers import read_cell

# Counts are exact; a sum off by this much or more is another measure's breakdown.
TOLERANCE = 0.5
# The total of a column of shares (percent).
_ALL_SHARES = 100.0


def measure_from_totals(plans: Sequence[RowPlan], rows: Sequence[TableRow]) -> list[RowPlan]:
    """The plans with rows that name no measure given the measure of the total row right
    under them ("Afgjorte sager i alt") when they add up to it in every column: the law areas
    listed are then parts of that measure. Rows that do not add up keep what they had."""
    out = list(plans)
    run: list[int] = []  # positions in ``out`` of the member rows since the last break
    for at, plan in enumerate(plans):
        if plan.kind == "member" and "measure" not in plan.dims and "measure" not in plan.carried:
            if run and dict(out[run[-1]].carried) != dict(plan.carried):
                run = []
            run.append(at)
            continue
        measure = plan.dims.get("measure")
        if plan.kind == "total" and measure is not None and len(run) >= 2:
            parts = [rows[out[k].index] for k in run]
            share = "share" in (plan.dims.get("aspect"), plan.carried.get("aspect"))
            if _adds_up(parts, rows[plan.index], rounded=share):
                for k in run:
                    carried = {**out[k].carried, "measure": measure}
                    out[k] = replace(out[k], carried=MappingProxyType(carried))
        run = []
    return out


def measure_from_total_groups(plans: Sequence[RowPlan], rows: Sequence[TableRow]) -> list[RowPlan]:
    """The plans with the law areas' rows that name no measure given the measure of a total
    group under them ("Afgjorte sager i alt" over its "Antal" and "Procent", each law area a
    group of the same rows above) when the rows of one aspect add up to its row of that
    aspect: the law areas are parts of that measure. Rows that do not add up keep what they
    had."""
    out = list(plans)
    for at, whole in enumerate(plans):
        measure = whole.carried.get("measure")
        if whole.kind != "member" or measure is None or whole.carried.get("law") != ALL_LAWS:
            continue
        aspect = whole.dims.get("aspect")
        parts: list[int] = []  # positions of the rows of that aspect above, bottom up
        for k in range(at - 1, -1, -1):
            plan = plans[k]  # as they came: not the rows of another aspect given it here
            if dict(plan.carried) == dict(whole.carried):
                continue  # the total group's other rows
            if plan.kind == "header" and plan.dims.get("measure") in (None, measure):
                continue  # the group headers: the law areas', the total's own
            if "measure" in plan.dims or "measure" in plan.carried:
                break
            if plan.kind == "member" and plan.dims.get("aspect") == aspect:
                parts.append(k)
        laws = [plans[k].carried.get("law") for k in parts]
        if len(parts) < 2 or None in laws or ALL_LAWS in laws or len(set(laws)) < len(laws):
            continue
        printed = [rows[plans[k].index] for k in parts]
        if _adds_up(printed, rows[whole.index], rounded=aspect == "share"):
            for k in parts:
                carried = MappingProxyType({**out[k].carried, "measure": measure})
                out[k] = replace(out[k], carried=carried)
    return out


def _adds_up(parts: Sequence[TableRow], total: TableRow, *, rounded: bool | None = None) -> bool:
    """Whether ``parts`` sum to ``total`` in every column both have numbers in (one at
    least): a part that is no number (".") leaves its column out. Counts add up exactly;
    ``rounded`` shares (6 %, 23 %, … of 100 %) within half a printed unit per part; with
    ``rounded`` None, a column whose total is 100 is taken for shares."""
    compared, agreed = _sums(parts, total, rounded)
    return compared > 0 and agreed == compared


def _contradicted(parts: Sequence[TableRow], total: TableRow) -> bool:
    """Whether ``parts`` and ``total`` have numbers in some column (one at least) and add up
    in none of them: the rows are no breakdown of it."""
    compared, agreed = _sums(parts, total, None)
    return compared > 0 and agreed == 0


def _sums(parts: Sequence[TableRow], total: TableRow, rounded: bool | None) -> tuple[int, int]:
    """(compared, agreed): how many columns have numbers in ``total`` and all ``parts``, and
    in how many of them the parts add up to it (as ``_adds_up``)."""
    compared = agreed = 0
    for c, printed in enumerate(total.cells):
        whole = read_cell(printed).value if printed is not None else None
        read = [read_cell(cell) if (cell := p.cells[c]) is not None else None for p in parts]
        values = [r.value if r is not None else None for r in read]
        if whole is None or any(v is None for v in values):
            continue
        slack = TOLERANCE
        if rounded or (rounded is None and whole == _ALL_SHARES):
            slack = sum(0.5 * 10.0**-r.decimals for r in read if r is not None)
        compared += 1
        agreed += abs(sum(v for v in values if v is not None) - whole) <= slack
    return compared, agreed


def measure_of_unnamed_totals(
    plans: Sequence[RowPlan], rows: Sequence[TableRow], identities: Identities
) -> list[RowPlan]:
    """The plans with a total row over all law areas that names no measure ("I alt", "Alle
    lovområder" above "Bortfald", "Realitetsbeh. sager" and the law areas) given the measure
    whose parts the measure rows beside it are, when they add up to it (afgjorte =
    bortfaldne + realitetsbehandlede); the law rows of its group then carry that measure
    too, when they add up to it as well. A total whose neighbours do not add up keeps what
    it had."""
    out = list(plans)
    for at, total in enumerate(plans):
        if total.kind == "total" and "measure" in total.dims and "measure" not in total.carried:
            _laws_of_named_total(out, total, plans, rows)
        all_laws = total.kind == "member" and total.dims.get("law") == ALL_LAWS
        if not (total.kind == "total" or all_laws) or "measure" in {*total.dims, *total.carried}:
            continue  # "I alt", or "Alle lovområder": a total over the law areas
        group = [p for p in plans if p.kind == "member" and p.carried == total.carried]
        parts = [p for p in group if "measure" in p.dims and "law" not in p.dims]
        laws = [
            p for p in group if "measure" not in p.dims and p.dims.get("law", ALL_LAWS) != ALL_LAWS
        ]
        whole = identities.whole_of({p.dims["measure"] for p in parts}) if parts else None
        if whole is None or len(parts) < 2:
            continue
        if not _adds_up([rows[p.index] for p in parts], rows[total.index]):
            continue
        out[at] = replace(total, dims=MappingProxyType({**total.dims, "measure": whole}))
        if len(laws) >= 2 and _adds_up([rows[p.index] for p in laws], rows[total.index]):
            for plan in laws:
                carried = MappingProxyType({**plan.carried, "measure": whole})
                out[plan.index] = replace(out[plan.index], carried=carried)
    return out


def _laws_of_named_total(
    out: list[RowPlan], total: RowPlan, plans: Sequence[RowPlan], rows: Sequence[TableRow]
) -> None:
    """Give the law rows of a total's group that name no measure the measure the total names
    ("Afgjorte sager i alt", then "Bortfaldne", "Realitetsbehandlede" and the law areas),
    when they add up to it."""
    if total.dims.get("law", ALL_LAWS) != ALL_LAWS or "law" in total.carried:
        return
    group = [p for p in plans if p.kind == "member" and p.carried == total.carried]
    laws = [p for p in group if "law" in p.dims and "measure" not in p.dims]
    if len(laws) < 2 or not _adds_up([rows[p.index] for p in laws], rows[total.index]):
        return
    for plan in laws:
        carried = MappingProxyType({**plan.carried, "measure": total.dims["measure"]})
        out[plan.index] = replace(out[plan.index], carried=carried)


def laws_by_sums(
    plans: Sequence[RowPlan], rows: Sequence[TableRow], named_by: Mapping[str, Sequence[int]]
) -> list[RowPlan]:
    """The plans with the law-area rows given a measure by the row naming it above them
    (``named_by``, from ``named_above``) checked by the numbers: law areas add up to the
    measure they break down. When the law rows of one aspect (counts) do not add up to the
    named row of that aspect but to exactly one other row naming a measure of the table
    over all law areas ("Afgjorte sager i alt, Antal" above "Bortfaldne", "Realitetsbehandlede
    sager", then the law areas of all afgjorte sager), they and the rest of their run carry
    that measure instead; when they add up to no such row and contradict the named one in
    every column (shares under a count whose "%" was lost), the measure is not known."""
    out = list(plans)
    wholes = [
        p
        for p in plans
        if p.kind in ("member", "total")
        and "measure" in p.dims
        and p.dims.get("law", ALL_LAWS) == ALL_LAWS
    ]
    for measure, run in named_by.items():
        laws = [k for k in run if "law" in plans[k].dims and plans[k].dims["law"] != ALL_LAWS]
        if len(laws) < 2:
            continue
        aspect = plans[laws[0]].dims.get("aspect")
        same = [k for k in laws if plans[k].dims.get("aspect") == aspect]
        parts = [rows[plans[k].index] for k in same]
        of_aspect = [w for w in wholes if w.dims.get("aspect") == aspect]
        named = [w for w in of_aspect if w.dims["measure"] == measure]
        if len(same) < 2 or any(_adds_up(parts, rows[w.index]) for w in named):
            continue
        other = [w for w in of_aspect if w.dims["measure"] != measure]
        fits = {w.dims["measure"] for w in other if _adds_up(parts, rows[w.index])}
        if len(fits) == 1:
            (whole,) = fits
        elif named and all(_contradicted(parts, rows[w.index]) for w in named):
            whole = AS_ABOVE  # no breakdown of the row naming it: the measure is not known
        else:
            continue
        for k in run:
            carried = MappingProxyType({**out[k].carried, "measure": whole})
            out[k] = replace(out[k], carried=carried)
    return out
