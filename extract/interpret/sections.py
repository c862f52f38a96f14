"""Sections of rows under an aspect printed once, on their first row.

In: the first-pass row plans. Out: the plans with the rows of each such section carrying
its aspect.

An outer stub column naming an aspect ("Antal sager" over the law areas, then "Procent"
over the same list again) prints its label on the first row of its section only, so that
row reads "Procent Lov om aktiv beskæftigelsesindsats" and the rows under it name no
aspect. The aspect is meant for all of them: the rows from one naming an aspect beside a
law area or an entity up to the next such row (or a group header naming an aspect) carry
it. Without this the share rows read as the count rows printed again, and the names of
the rows above (a measure) run on into them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from extract.interpret.plans import RowPlan

# What a row names beside an aspect that makes the aspect an outer stub column's label.
_OUTER_OF = frozenset({"law", "entity"})
# Row plans that hold values keyed by the row.
_VALUE_ROWS = frozenset({"member", "total", "provision", "law", "unresolved"})


def aspect_sections(plans: Sequence[RowPlan]) -> list[RowPlan]:
    """The plans with the rows of each aspect section carrying its aspect (see the module
    docstring). A table with sections of one aspect only (a single row "Andel Serviceloven")
    is left as it is."""
    value_rows = [at for at, p in enumerate(plans) if p.kind in _VALUE_ROWS]
    starts = {
        at
        for at, after in itertools.pairwise(value_rows)
        if _starts_section(plans[at]) and "aspect" not in plans[after].dims
    }
    named = {p.dims["aspect"] for p in plans if p.kind == "header" and "aspect" in p.dims}
    if not starts or len(named | {plans[at].dims["aspect"] for at in starts}) < 2:
        return list(plans)
    out = list(plans)
    aspect: str | None = None
    for at, plan in enumerate(plans):
        if plan.kind == "header" and "aspect" in plan.dims:
            aspect = None  # a header names the aspect of the rows under it itself
        elif at in starts:
            aspect = plan.dims["aspect"]
        if aspect is None or plan.kind not in _VALUE_ROWS:
            continue
        if plan.dims.get("aspect", aspect) != aspect:
            continue
        out[at] = replace(plan, carried=MappingProxyType({**plan.carried, "aspect": aspect}))
    return out


def _starts_section(plan: RowPlan) -> bool:
    """Whether a value row names an aspect beside a law area or an entity (and no measure:
    "Stadfæstet procent" names a measure of its own). It starts a section when the value row
    after it names no aspect ("Serviceloven, Antal", "Serviceloven, Pct.", … name their
    own)."""
    dims = plan.dims
    return "aspect" in dims and "measure" not in dims and bool(_OUTER_OF & set(dims))
