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

Also: what a value row's label names for the rows under it (``named_above``: "Hele landet
Realitetsbehandlede sager", then rows naming no entity; "2016M06 Herning kommune", then
"Hele landet"). Measures other sums prove are in ``by_sums``.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from extract.interpret.by_sums import TOLERANCE
from extract.interpret.plans import AS_ABOVE, RowPlan
from extract.model import TableRow
from extract.normalise.labels import label_key
from extract.normalise.numbers import read_cell

# Dimensions a value row's label may name for the rows under it too.
_NAMED_ABOVE = ("entity", "law", "period")
# What a row names beside its law area that makes it two stub columns read as one.
_WITH_LAW = frozenset({"measure", "entity", "period"})


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
            if abs(a - b) >= TOLERANCE:
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


def _periods_head_groups(plans: Sequence[RowPlan]) -> bool:
    """Whether the value rows naming a period beside another name ("2016M06 Herning
    kommune") each head rows naming none ("Hele landet"): no two of them stand one under
    the other ("Holbæk 2019", "Holbæk 2020": the period is the inner name, printed on every
    row, and a row without one lost it rather than shares the one above)."""
    rows = [p for p in plans if p.kind in ("member", "total", "provision", "law")]
    naming = [("period" in p.dims and _names_for_below("period", p)) for p in rows]
    return not any(a and b for a, b in itertools.pairwise(naming))


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
    dims = _NAMED_ABOVE if _periods_head_groups(plans) else _NAMED_ABOVE[:-1]
    for at, plan in enumerate(plans):
        if plan.kind == "header":
            named, of_which, outer = {}, False, False
        of_which = of_which or plan.index in parts
        if plan.kind not in ("member", "total", "provision", "law"):
            continue
        for dim in dims:
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
