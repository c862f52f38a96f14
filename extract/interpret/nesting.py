"""Law groups after a measure group with rows of its own: nested under it, or not.

In: the first-pass row plans (group headers carried down) and the table's rows. Out: the
plans with the measure of such law groups settled by the numbers.

A measure header with value rows of its own ("Realitetsbehandlede sager" / Antal / Procent)
followed by law headers ("Serviceloven" / Antal / Procent, …) reads two ways: the law groups
break that measure down, or they stand beside it and break down another measure (the 4.2
layout: "Afgjorte sager i alt", "Bortfaldne", "Realitetsbehandlede sager", then the law areas
of all afgjorte sager). The law groups' rows, summed label by label ("Antal" over every law
area), equal the rows of the measure they break down. When exactly one measure group's own
rows match, the law groups carry that measure; when none or several do, they carry none (the
caption's, if any, then applies, else the values are reported as lacking a measure).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from extract.identities import Identities
from extract.interpret.plans import ALL_LAWS, AS_ABOVE, RowPlan
from extract.model import TableRow
from extract.normalise import label_key
from extract.numbers import read_cell

# Counts are exact; a sum off by this much or more is another measure's breakdown.
_TOLERANCE = 0.5
# Dimensions a value row's label may name for the rows under it too.
_NAMED_ABOVE = ("entity", "law", "period")
# What a row names beside its law area that makes it two stub columns read as one.
_WITH_LAW = frozenset({"measure", "entity", "period"})
# The total of a column of shares (percent).
_ALL_SHARES = 100.0


@dataclass(slots=True)
class _MeasureGroup:
    """One measure header's rows: its own (before any law header) and its law groups'."""

    measure: str
    own: list[int] = field(default_factory=list)
    under_laws: list[int] = field(default_factory=list)


def settle_law_groups(plans: Sequence[RowPlan], rows: Sequence[TableRow]) -> list[RowPlan]:
    """The plans with the measure of law groups after a measure group with rows of its own
    settled by sums (see the module docstring)."""
    groups = _measure_groups(plans)
    ambiguous = [g for g in groups if g.own and g.under_laws]
    if not ambiguous:
        return list(plans)
    by_index = {p.index: p for p in plans}
    own_sums = {g.measure: _by_label(rows, by_index, g.own) for g in groups if g.own}
    out = {p.index: p for p in plans}
    for group in ambiguous:
        sums = _by_label(rows, by_index, group.under_laws, add=True)
        matches = [m for m, own in own_sums.items() if _equal(sums, own)]
        measure = matches[0] if len(matches) == 1 else None
        if measure == group.measure:
            continue
        for i in group.under_laws:
            carried = dict(out[i].carried)
            carried.pop("measure", None)
            if measure is not None:
                carried["measure"] = measure
            out[i] = replace(out[i], carried=MappingProxyType(carried))
    return [out[p.index] for p in plans]


def _measure_groups(plans: Sequence[RowPlan]) -> list[_MeasureGroup]:
    """The measure headers without a law area, in order, with their value rows: those before
    the first law header under them, and those under law headers after it."""
    groups: list[_MeasureGroup] = []
    current: _MeasureGroup | None = None
    in_laws = False
    for plan in plans:
        if plan.kind == "header":
            dims = plan.dims
            if "measure" in dims and "law" not in dims:
                current, in_laws = _MeasureGroup(dims["measure"]), False
                groups.append(current)
            elif "law" in dims and "measure" not in dims and current is not None:
                in_laws = True
            continue  # a period or entity header: the rows under it still carry the measure
        if current is None or plan.kind != "member":
            continue
        if plan.carried.get("measure") != current.measure or "measure" in plan.dims:
            continue
        if in_laws and "law" in plan.carried:
            current.under_laws.append(plan.index)
        elif not in_laws and "law" not in plan.carried and "law" not in plan.dims:
            current.own.append(plan.index)
    return groups


def _by_label(
    rows: Sequence[TableRow],
    plans: dict[int, RowPlan],
    indexes: Sequence[int],
    *,
    add: bool = False,
) -> dict[str, list[float | None]]:
    """The rows' numbers by label ("antal": one per cell), summed over rows of one label
    when ``add`` (a cell that is no number makes that sum None). Share rows are left out."""
    out: dict[str, list[float | None]] = {}
    for i in indexes:
        if plans[i].dims.get("aspect") == "share":
            continue
        key = label_key(rows[i].label)
        numbers = [read_cell(c).value if c is not None else None for c in rows[i].cells]
        if key not in out:
            out[key] = numbers
        elif add:
            out[key] = [a + b if a is not None and b is not None else None
                        for a, b in zip(out[key], numbers, strict=True)]  # fmt: skip
        else:
            out[key] = [None] * len(numbers)  # two own rows of one label: nothing to compare
    return out


def _equal(sums: dict[str, list[float | None]], own: dict[str, list[float | None]]) -> bool:
    """Every label both have agrees in every cell both have a number in, and at least one
    cell was compared."""
    compared = 0
    for key, summed in sums.items():
        for a, b in zip(summed, own.get(key, ()), strict=False):
            if a is None or b is None:
                continue
            if abs(a - b) >= _TOLERANCE:
                return False
            compared += 1
    return compared > 0


def _names_for_below(dim: str, plan: RowPlan) -> bool:
    """Whether a value row's label names ``dim`` for the rows under it too: an entity; a law
    area with a measure, entity or period ("2019 Serviceloven"); a period with an entity or
    law area ("2016M06 Herning kommune" over "Hele landet": two stub columns read as one)."""
    if dim == "entity":
        return True
    if dim == "law":
        return bool(_WITH_LAW & set(plan.dims))
    return bool({"entity", "law"} & set(plan.dims))


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
        slack = _TOLERANCE
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


def named_above(
    plans: Sequence[RowPlan], axes: Collection[str], parts: Collection[int] = ()
) -> tuple[list[RowPlan], dict[str, list[int]]]:
    """The plans with the value rows under a value row whose label names an entity ("Hele
    landet Realitetsbehandlede sager", then "Ændrede/ophævede sager", …), or a law area
    together with a measure, entity or period ("Serviceloven (SEL) Realitetsbehandlede
    sager", "2019 Serviceloven": two stub columns read as one), or a period together with an
    entity or law area ("2016M06 Herning kommune" over "Hele landet"), and naming none themselves
    given it when the table has a column of them (``axes``: its stub, caption or title names
    the axis; blanks under a name mean "as above") or the rows under it are its parts
    (``parts``: rows printed "Heraf" or under a "Heraf:" line, "of which"), else marked as
    not known: whether the name is meant for the rows under it cannot be told. A group
    header ends the run. Also returns, by measure, the positions of the rows given it by a
    row above that names it (for ``laws_by_sums``)."""
    out = list(plans)
    named: dict[str, str] = {}
    named_by: dict[str, list[int]] = {}  # measure -> positions of the rows given it above
    of_which = False  # the rows since "Heraf" are parts of the row above them
    outer = False  # a provision row above named a measure beside its name
    section: str | None = None  # the aspect section of the row naming the measure
    filled: set[str] = set()  # what ``named`` holds from a total (filled in, not printed)
    for at, plan in enumerate(plans):
        if plan.kind == "header":
            named, of_which, outer = {}, False, False
        of_which = of_which or plan.index in parts
        if plan.kind not in ("member", "total", "provision", "law"):
            continue
        for dim in _NAMED_ABOVE:
            if dim in plan.dims and _names_for_below(dim, plan):
                named[dim] = plan.dims[dim]
                filled = filled - {dim} if plan.kind != "total" else filled | {dim}
            elif dim in named and dim not in plan.dims and dim not in out[at].carried:
                if dim in filled and not of_which:
                    continue  # a total's law area ("all") is filled in, not printed
                value = named[dim] if dim in axes or of_which else AS_ABOVE
                carried = {**out[at].carried, dim: value}
                out[at] = replace(out[at], carried=MappingProxyType(carried))
            elif dim in plan.dims:
                named.pop(dim, None)
        if "measure" not in axes and plan.kind == "provision":
            # "Realitetsbeh. sager i alt Børn - …": two stub columns read as one, the outer
            # one naming the measure on its group's first row only; whether it is meant for
            # the provisions under it is not known
            if "measure" in plan.dims:
                outer = True
            elif outer and "measure" not in out[at].carried:
                carried = {**out[at].carried, "measure": AS_ABOVE}
                out[at] = replace(out[at], carried=MappingProxyType(carried))
        if "measure" in axes and plan.kind != "total":
            # the rows list outcomes ("Udfald"): a row naming one starts its group, the rows
            # under it naming none are in it ("Realitetsbehandlede I alt", "Biler - § 114")
            if "measure" in plan.dims:
                named["measure"] = plan.dims["measure"]
                section = plan.carried.get("aspect")
            elif section != plan.carried.get("aspect"):
                named.pop("measure", None)  # the next aspect section ("Procent …")
            elif "measure" in named and "measure" not in out[at].carried:
                named_by.setdefault(named["measure"], []).append(at)
                carried = {**out[at].carried, "measure": named["measure"]}
                out[at] = replace(out[at], carried=MappingProxyType(carried))
    return out, named_by


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
