"""Total rows: what each one totals, from the rows around it.

In: the row plans (``rows.plan_rows``) and the identities. Out: the plans with each total
row's missing dimension filled in (all law areas, the law over its provisions, the measure
whose parts the rows are) or the row skipped, with the reason (a total over several
entities or periods has no one key).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from extract.interpret.plans import ALL_LAWS, GROUP_DIMS, RowPlan
from extract.normalise.identities import Identities


def plan_totals(plans: list[RowPlan], identities: Identities) -> list[RowPlan]:
    """Each total row's missing dimension filled in, or the row skipped."""
    members = [p for p in plans if p.kind in ("member", "law", "provision")]
    axis = {d for p in members for d in (*p.dims, *p.carried) if d in GROUP_DIMS}
    has_provisions = any(p.kind == "provision" for p in plans)
    measures = {p.dims["measure"] for p in members if "measure" in p.dims}
    spread = _spread(plans)
    out = []
    for at, plan in enumerate(plans):
        if plan.kind != "total":
            out.append(plan)
            continue
        ends = _ends_group(plans, at, spread)
        out.append(_total(plan, spread - ends, axis, has_provisions, measures, identities))
    return out


def _ends_group(plans: Sequence[RowPlan], at: int, spread: set[str]) -> set[str]:
    """The spread dimensions (see ``_spread``) in whose group the total row at ``at`` stands
    with another group after it, and another group with a total of its own: the total of
    its own group ("I alt" under "2023 H1", then "2023 H2"), not of the groups above (the
    last group's total may be on the next page), or with only its own group's rows above it
    ("Hovedtotal" under Struer's law areas, "Hele landet" after it). A total after groups
    none of which has one ("Hovedtotal" under the law areas of one outcome, the next
    outcome's after it) is theirs."""
    total = plans[at]
    out = set()
    for dim, name in _SPREAD:
        if name not in spread or dim not in total.carried:
            continue
        own = total.carried[dim]
        after = any(p.carried.get(dim, own) != own for p in plans[at:])
        others = any(
            p.kind == "total" and p.carried.get(dim, own) != own
            for k, p in enumerate(plans)
            if k != at
        )
        # (only its own group's rows above it: it sums no groups before its own)
        alone = all(
            p.carried.get(dim, own) == own
            for p in plans[:at]
            if p.kind in ("member", "law", "provision")
        )
        if after and (others or alone):
            out.add(name)
    return out


def _total(
    plan: RowPlan,
    spread_dims: set[str],
    axis: set[str],
    has_provisions: bool,
    measures: set[str],
    identities: Identities,
) -> RowPlan:
    dims = dict(plan.dims)
    own = set(dims) & set(GROUP_DIMS)
    if own and not axis - own - set(plan.carried):
        # "Realitetsbehandlede sager i alt" among measure rows: a row like the others
        return replace(plan, kind="law" if "law" in own and has_provisions else "member")
    if "law" in own and has_provisions:
        return replace(plan, kind="law")  # "I alt, serviceloven": the law's subtotal
    spread = _spread_groups(spread_dims, plan)
    if spread == "law areas":  # after several law groups, not each with its own total
        return replace(plan, dims=MappingProxyType(dims | {"law": ALL_LAWS}))
    if spread:
        return replace(plan, kind="skip", note=f"a total over several {spread} has no one key")
    if "law" in axis and "law" not in dims and "law" not in plan.carried:
        dims["law"] = ALL_LAWS
    elif has_provisions and "law" not in axis:
        # the law-level total of the provisions listed: their law area
        return replace(plan, dims=MappingProxyType(dims), of_provisions=True)
    elif "measure" in axis and "measure" not in {*dims, *plan.carried} and measures:
        whole = identities.whole_of(measures)
        if whole is None:
            note = f"a total of {', '.join(sorted(measures))}: no measure is their sum"
            return replace(plan, kind="skip", note=note)
        return replace(plan, kind="member", dims=MappingProxyType(dims | {"measure": whole}))
    elif axis & {"entity", "period"} - {*dims, *plan.carried}:
        what = "entities" if "entity" in axis - {*dims, *plan.carried} else "periods"
        return replace(plan, kind="skip", note=f"a total over several {what} has no one key")
    return replace(plan, dims=MappingProxyType(dims))


_SPREAD = (("period", "periods"), ("entity", "entities"), ("law", "law areas"))


def _spread(plans: Sequence[RowPlan]) -> set[str]:
    """The dimensions ("periods", "entities", "law areas") whose group headers split the
    value rows into several groups, not every one with a total row of its own: a total row
    under such groups sums over them. One pass over the rows."""
    groups: dict[str, dict[str, bool]] = {dim: {} for dim, _ in _SPREAD}
    for plan in plans:
        if plan.kind not in ("member", "law", "provision", "total"):
            continue
        for dim, _ in _SPREAD:
            if dim in plan.carried:
                value = plan.carried[dim]
                seen = groups[dim]
                seen[value] = seen.get(value, False) or plan.kind == "total"
    return {name for dim, name in _SPREAD if len(groups[dim]) > 1 and not all(groups[dim].values())}


def _spread_groups(spread: set[str], total: RowPlan) -> str | None:
    """The first spread dimension (see ``_spread``) this total row lies in a group of."""
    return next((name for dim, name in _SPREAD if name in spread and dim in total.carried), None)
