"""The column axis: what each value column is, from the reading of its header path.

In: the reading of each column's header path (all levels read as one label, so a word broken
between two header lines is rejoined). Out: one ``ColumnPlan`` per column: a member, a total
("I alt" over law areas is law area "alle"; over outcome measures it is the measure whose parts
they are), skipped (a total over entities or periods has no key) or unresolved (a header the
vocabulary does not understand: its values are not emitted).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from extract.interpret.periods import PeriodGrammar
from extract.interpret.plans import ALL_LAWS
from extract.interpret.reading import Reading
from extract.model import TableRow
from extract.normalise.identities import Identities
from extract.normalise.numbers import read_cell

AXIS_DIMS = ("measure", "law", "entity", "period")
# An ordinal as printed in a period ("1." of "1. halvår").
_ORDINAL = re.compile(r"[1-4]\.")
# Rows at a table's top read for the rest of its header at most.
_HEAD_ROWS = 3
# Columns of one kind whose periods are checked for order, at least.
_ORDERED = 3


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """What one value column is: ``kind`` member, total, skip or unresolved; ``dims`` its
    dimensions (a total's filled in); ``note`` why it was skipped or not resolved."""

    index: int
    kind: str
    dims: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    note: str = ""

    @property
    def role(self) -> str:
        return "total" if self.kind == "total" else "member"


def plan_columns(readings: Sequence[Reading], identities: Identities) -> list[ColumnPlan]:
    """A plan for every value column."""
    plans = []
    members = [r for r in readings if r.resolved and not r.total]
    axis = {d for r in members for d in r.dims if d in AXIS_DIMS}
    measures = {r.dims["measure"] for r in members if "measure" in r.dims}
    laws = {r.dims["law"] for r in members if "law" in r.dims}
    for i, reading in enumerate(readings):
        if not reading.resolved:
            plans.append(ColumnPlan(i, "unresolved", reading.dims, reading.problem))
        elif reading.total and axis - set(reading.dims):
            plans.append(_total(i, reading, axis, measures, laws, identities))
        else:
            plans.append(ColumnPlan(i, "member", reading.dims))
    return plans


def _total(
    index: int,
    reading: Reading,
    axis: set[str],
    measures: set[str],
    laws: set[str],
    identities: Identities,
) -> ColumnPlan:
    """The plan of a total column lacking some of the ``axis`` dimensions its sibling columns
    name (their ``measures`` and ``laws``). Over two law areas or more it is law
    area "alle"; beside columns of one law area only it has none (that law area's total or
    all law areas': the header does not say)."""
    lacking = axis - set(reading.dims)
    dims = dict(reading.dims)
    if "law" in lacking and len(laws) < 2:
        note = f"a total beside columns of one law area ({', '.join(laws)}): no law area"
        return ColumnPlan(index, "skip", reading.dims, note)
    if "law" in lacking:
        return ColumnPlan(index, "total", MappingProxyType(dims | {"law": ALL_LAWS}))
    if "measure" in lacking:
        whole = identities.whole_of(measures)
        if whole is None:
            note = f"a total of {', '.join(sorted(measures))}: no measure is their sum"
            return ColumnPlan(index, "skip", reading.dims, note)
        return ColumnPlan(index, "member", MappingProxyType(dims | {"measure": whole}))
    what = "entities" if "entity" in lacking else "periods"
    return ColumnPlan(index, "skip", reading.dims, f"a total over several {what} has no one key")


def out_of_order(plans: Sequence[ColumnPlan]) -> list[ColumnPlan]:
    """The plans with a member column whose period breaks the order of its siblings' (the
    columns naming the same other dimensions) left unresolved: "maj … november 2024,
    december 2025, januar 2025" is a year header set over the wrong months. Each column
    whose removal alone leaves the periods (three or more) in order may be the one."""
    out = list(plans)
    siblings: dict[tuple[tuple[str, str], ...], list[ColumnPlan]] = {}
    for plan in plans:
        period = plan.dims.get("period", "")
        if plan.kind == "member" and period and not period.startswith("-"):
            others = tuple(sorted((d, v) for d, v in plan.dims.items() if d != "period"))
            siblings.setdefault(others, []).append(plan)
    for group in siblings.values():
        periods = [p.dims["period"] for p in group]
        if len(periods) < _ORDERED or _ordered(periods):
            continue
        odd = [k for k in range(len(periods)) if _ordered(periods[:k] + periods[k + 1 :])]
        shown = ", ".join(periods)
        for k in odd:
            note = f"period {periods[k]} out of the order of its neighbours' ({shown})"
            out[group[k].index] = ColumnPlan(group[k].index, "unresolved", group[k].dims, note)
    return out


def _ordered(periods: Sequence[str]) -> bool:
    """Whether canonical periods run one way (equal neighbours allowed)."""
    pairs = list(itertools.pairwise(periods))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def misplaced_shares(plans: Sequence[ColumnPlan]) -> list[ColumnPlan]:
    """The plans with a share column of one measure left unresolved when it stands right of
    a count column of another measure that has no share column of its own, and left of its
    own measure's count ("Hjemvist Antal" | "Realitetsbehandlede / Andel" | "Realitetsbe-
    handlede / sager i alt": "Hjemvist" was set over "Antal" only, "Realitetsbehandlede"
    over "Andel" too): which measure it is a share of is not sure."""
    shared = {p.dims.get("measure") for p in plans if p.dims.get("aspect") == "share"}
    out = list(plans)
    for left, plan, right in zip(plans, plans[1:], plans[2:], strict=False):
        measure = plan.dims.get("measure")
        other = left.dims.get("measure")
        if (
            plan.kind == "member"
            and plan.dims.get("aspect") == "share"
            and left.kind == "member"
            and left.dims.get("aspect") == "count"
            and other not in (None, measure)
            and other not in shared
            and right.dims.get("measure") == measure
        ):
            note = f"a share between {other}'s count and {measure}'s: whose is not sure"
            out[plan.index] = replace(plan, kind="unresolved", note=note)
    return out


def paired_shares(plans: Sequence[ColumnPlan]) -> list[ColumnPlan]:
    """The plans with a column that names only a share ("%", "Andel") right of a count column
    of one measure ("Hjemvisning / Antal" | "%": the measure spanning the pair was set over its
    first column only) given that measure, when their other dimensions agree."""
    out = list(plans)
    for left, plan in itertools.pairwise(plans):
        dims = plan.dims
        if plan.kind != "member" or dims.get("aspect") != "share" or "measure" in dims:
            continue
        if left.kind != "member" or left.dims.get("aspect") != "count":
            continue
        measure = left.dims.get("measure")
        others = {d: v for d, v in left.dims.items() if d not in ("measure", "aspect")}
        if measure is None or any(dims.get(d, v) != v for d, v in others.items()):
            continue
        out[plan.index] = replace(plan, dims=MappingProxyType({**dims, "measure": measure}))
    return out


def lone_shares(plans: Sequence[ColumnPlan], measures_disputed: bool = False) -> list[ColumnPlan]:
    """The plans with a column that names only a share ("%", "Andel") left unresolved when
    other columns name their measures (or, ``measures_disputed``, a header names two: "Andel
    hjemvist ændret" beside "Andel", the words of two headers run together) and no count
    column of one stands right before it (``paired_shares``): the measure spanning it was
    lost, and the caption's ("Udfald af realitetsbehandlede sager") is the whole the
    columns' outcomes are shares of, not its."""
    if not measures_disputed and not any(p.kind == "member" and "measure" in p.dims for p in plans):
        return list(plans)
    note = "a share column naming no measure beside columns naming theirs: whose is not sure"
    return [
        replace(p, kind="unresolved", note=note)
        if p.kind == "member" and p.dims.get("aspect") == "share" and "measure" not in p.dims
        else p
        for p in plans
    ]


def finer_in_rows(
    plans: Sequence[ColumnPlan], rows: Sequence[TableRow], grammar: PeriodGrammar
) -> list[ColumnPlan]:
    """The plans with the member columns naming a year (or no period) left unresolved when
    the rows above the table's first value row go on with the header in a finer grain: their
    cells hold a half, quarter or month word ("1." over "halvår": a header row read as body
    rows; the year alone would be wrong)."""
    words: set[str] = set()
    for row in rows[:_HEAD_ROWS]:
        values = [c for c in row.cells if c is not None and c.text.strip()]
        if any(read_cell(c).value is not None and not _period_piece(c.text) for c in values):
            break  # the first value row
        words |= {w.strip(".,:;()").casefold() for c in values for w in c.text.split()}
    finer = [w for w in words if len(w) > 2 and (w in grammar.months or w in grammar.period_words)]
    if not finer:
        return list(plans)
    note = f"the rows under its header name '{finer[0]}': its period is finer than it says"
    return [
        replace(p, kind="unresolved", note=note)
        if p.kind == "member" and len(p.dims.get("period", "year")) == 4
        else p
        for p in plans
    ]


def _period_piece(text: str) -> bool:
    """Whether a cell's text is a number that may be a piece of a period ("1.", "2.")."""
    return bool(_ORDINAL.fullmatch(text.strip()))


def headers_beside_values(
    plans: Sequence[ColumnPlan], rows: Sequence[TableRow], headers: Sequence[str]
) -> list[ColumnPlan]:
    """The plans with a member column left unresolved when its header stands over no value
    while a column right beside it holds values under no header: the header was set over the
    wrong column ("2022 Omgørelsesprocent" blank, "25%" … beside it under nothing), so its
    blank cells are no missing values."""

    def filled(index: int) -> bool:
        return any((c := row.cells[index]) is not None and c.text.strip() for row in rows)

    out = list(plans)
    for plan in plans:
        if plan.kind != "member" or not headers[plan.index].strip() or filled(plan.index):
            continue
        beside = [i for i in (plan.index - 1, plan.index + 1) if 0 <= i < len(headers)]
        if any(not headers[i].strip() and filled(i) for i in beside):
            note = "its header stands over no value, beside values under no header"
            out[plan.index] = replace(plan, kind="unresolved", note=note)
    return out
