"""The row axis: what each row of a table is, from the readings of its labels.

In: the table's rows with the reading of each label (``Reading``), the context's axis words and
the vocabulary's known provisions. Out: one ``RowPlan`` per row: a label-only row whose label
names something is a group header whose dimensions the rows under it carry ("Ishøj", "Jan
2022"); a value row is a member (its label resolved), a provision (a label the vocabulary does
not know, where provisions are expected: under a law row, in a table about bestemmelser or
sagsemner, or when most such labels are known provisions), a law row with provisions under it
(a group, a subtotal), a total, or unresolved. A total row is read as the total of what its
label lacks (``totals``): all law areas ("alle"), the law area itself over its provisions, or
the measure whose parts the other rows are ("I alt" under Stadfæstet, Ændret, Hjemvist =
realitetsbehandlede). A total over several entities, periods or groups has no key and is
skipped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from types import MappingProxyType

from extract.interpret.by_sums import (
    measure_from_total_groups,
    measure_from_totals,
    measure_of_unnamed_totals,
)
from extract.interpret.edges import provision_edges
from extract.interpret.law_groups import law_groups
from extract.interpret.nesting import settle_law_groups
from extract.interpret.plans import ALL_LAWS, AS_ABOVE, GROUP_DIMS, UNREAD, RowPlan
from extract.interpret.reading import Reading
from extract.interpret.sections import aspect_sections
from extract.interpret.total_headers import group_headers, header_values, siblings_of, total_header
from extract.interpret.totals import plan_totals
from extract.interpret.vocabulary import KnownProvision
from extract.interpret.words import WordBook
from extract.model import TableRow
from extract.normalise.identities import Identities
from extract.normalise.labels import label_key

# The order of the levels one group header naming several dimensions opens, outer first.
_LEVEL_ORDER = ("entity", "period", "law", "measure", "aspect", "skip")
# A token of a printed value: digits, separators, a percent sign, "." for suppressed.
_NUMBER_TOKEN = re.compile(r"[\d.,%−-]+")
# Marks, in a carried level, a dimension of the groups a total header stands beside.
SIBLING = "sibling:"


def plan_rows(
    rows: Sequence[TableRow],
    readings: Sequence[Reading],
    *,
    provisions_expected: bool,
    measure_has_law: bool,
    known: Mapping[str, KnownProvision],
    identities: Identities,
    words: WordBook,
    column_dims: Collection[str] = (),
    context_law: str | None = None,
) -> list[RowPlan]:
    """A plan for every row (see the module docstring). ``column_dims``: the dimensions the
    table's value columns name; ``context_law``: the law area the caption or title gives."""
    first = _first_pass(rows, readings, identities, words, column_dims)
    plans = measure_from_totals(settle_law_groups(aspect_sections(first), rows), rows)
    if not measure_has_law:  # values without a law area: a label naming a law is a benefit
        plans = [
            _benefit(p, rows[p.index].label, readings[p.index], words)
            if p.kind == "member" and "law" in p.dims
            else p
            for p in plans
        ]
    candidates = [p for p in plans if p.kind == "provision"]
    law_rows = [p for p in plans if p.kind in ("member", "total") and "law" in p.dims]
    carried_law = any("law" in p.carried for p in candidates)
    expected = (
        provisions_expected
        or not measure_has_law
        or bool(law_rows)
        or carried_law
        or _mostly_known(rows, candidates, known)
    )
    if candidates and not expected:
        plans = [
            replace(p, kind="unresolved", note=readings[p.index].problem)
            if p.kind == "provision"
            else p
            for p in plans
        ]
    elif candidates and law_rows:
        plans = law_groups(
            plans, rows, known, lambda i: readings[i].dims.get("law"), context_law=context_law
        )
    plans = plan_totals(plans, identities)
    plans = measure_of_unnamed_totals(plans, rows, identities)
    return measure_from_total_groups(plans, rows)


def _period_first(reading: Reading) -> bool:
    """True when the label begins with a period ("2022 A-dagpenge")."""
    first = reading.parts[0].meanings if reading.parts else ()
    return bool(first) and all(m.dim == "period" for m in first)


def _benefit(plan: RowPlan, label: str, reading: Reading, words: WordBook) -> RowPlan:
    """A row naming a law where values have none: a benefit named like it ("Sygedagpenge"),
    its name as printed without the names its label begins or ends with ("Rødovre
    Sygedagpenge": the entity's, "Sygedagpenge" the benefit)."""
    edges = provision_edges(label, reading, words, ("law",))
    if edges is None:
        return replace(plan, kind="provision", dims={})
    dims, printed = edges
    return replace(plan, kind="provision", dims=dims, provision_label=printed)


def _first_pass(
    rows: Sequence[TableRow],
    readings: Sequence[Reading],
    identities: Identities,
    words: WordBook,
    column_dims: Collection[str],
) -> list[RowPlan]:
    """Headers carried down; value rows as member, total, provision (candidate) or
    unresolved. A header that is a total ("I alt" over the rows after the measure groups) is
    the total of the groups beside it: all law areas, or the measure whose parts they are."""
    levels: list[tuple[Mapping[str, str], str]] = []  # carried group headers, outer first
    headers = group_headers(rows, readings)
    order = sorted(headers)
    plans: list[RowPlan] = []
    # one mapping and one tuple per distinct value: rows under the same group headers share
    # them (a table of a million rows would otherwise hold a million copies)
    mappings: dict[tuple[tuple[str, str], ...], Mapping[str, str]] = {}
    label_runs: dict[tuple[str, ...], tuple[str, ...]] = {}
    for i, (row, reading) in enumerate(zip(rows, readings, strict=True)):
        if not row.has_values:
            named = {d: v for d, v in reading.dims.items() if d in GROUP_DIMS}
            sibling_of: set[str] = set()  # what the groups it stands beside name
            inner: dict[str, str] = {}  # what it gives the rows under it besides its name
            if reading.total and reading.resolved:
                beside = siblings_of(i, rows, headers, order)
                if beside is not None and not named:
                    named = total_header(beside, header_values(headers, beside), identities)
                    sibling_of = set(beside)
                elif beside is not None and "law" in beside and "law" not in named:
                    inner["law"] = ALL_LAWS  # "Afgjorte sager i alt" after the law groups
            if named and not reading.resolved:  # "Hele Måned landet": what it names is unclear
                named = {d: UNREAD for d in named if d != "aspect"}
            elif not named and not reading.resolved and "law" in reading.axes:
                named = {"law": UNREAD}  # "Lov om højeste, mellemste": a law not understood
            if named:
                levels = _outer_to_next(levels, named, headers.get(i + 1))
                levels = _replace_levels(levels, named, inner, sibling_of, row.label)
                plans.append(RowPlan(i, "header", MappingProxyType(named | inner)))
            else:
                plans.append(RowPlan(i, "ignored", note=reading.describe()))
            continue
        carried: dict[str, str] = {}
        law_label = None
        for level, label in levels:
            own = {d: v for d, v in level.items() if not d.startswith(SIBLING)}
            carried.update(own)
            law_label = label if "law" in own else law_label
        if carried.get("skip"):
            plans.append(RowPlan(i, "skip", note=carried["skip"]))
            continue
        if reading.unknown and (_value_like(row.label) or _values_only(reading.unknown)):
            kind = "unresolved"  # a number as (or inside) a row label: values read as labels
        elif reading.unknown:
            kind = "provision"
        elif reading.conflicts:
            kind = "unresolved"
        elif reading.total:
            kind = "total"
        else:
            kind = "member"
        note = reading.problem if kind == "unresolved" else ""
        if kind == "unresolved" and _values_only(reading.unknown):
            note = "a value printed inside the label (a value column read as part of the labels)"
        printed = None
        dims: Mapping[str, str] = reading.dims
        if kind == "provision":  # "Stadfæstede sager, Diverse – serviceloven"
            # "Bortfald af …" under "Stadfæstet"; a name the group header above gave, printed
            # again ("Hele landet, Almene boliger - § 54-61"), is an edge all the same
            given = {*column_dims, *(d for d, v in carried.items() if reading.dims.get(d) != v)}
            if carried.get("period", "").startswith("-") or _period_first(reading):
                given.discard("period")  # "2023 A-dagpenge" under "mar" or "2021": its own
            edges = provision_edges(row.label, reading, words, given)
            if edges is None:
                kind, note = (
                    "unresolved",
                    "a provision's name not told apart from the names around it",
                )
            else:
                dims, printed = edges
        if "law" in dims:
            law_label = row.label
        if kind in ("member", "total"):
            levels = _contradicted_out(levels, dims)
        labels = tuple(label for _, label in levels)
        labels = label_runs.setdefault(labels, labels)
        dims = _shared(mappings, dims)
        plans.append(
            RowPlan(
                i, kind, dims, _shared(mappings, carried), labels, None, note, law_label,
                provision_label=printed,
            )
        )  # fmt: skip
    return plans


def _shared(
    mappings: dict[tuple[tuple[str, str], ...], Mapping[str, str]], items: Mapping[str, str]
) -> Mapping[str, str]:
    """A read-only mapping equal to ``items``, the one ``mappings`` holds for it if any."""
    key = tuple(items.items())
    found = mappings.get(key)
    if found is None:
        found = mappings[key] = MappingProxyType(dict(items))
    return found


def _contradicted_out(
    levels: list[tuple[Mapping[str, str], str]], dims: Mapping[str, str]
) -> list[tuple[Mapping[str, str], str]]:
    """The carried group headers without what a value row under them names otherwise
    ("Aktiv beskæftigelsesindsats" over rows naming other law areas heads no group of
    them): the rows after it do not take it ("Afgjorte sager i alt" is no part of it)."""
    out: list[tuple[Mapping[str, str], str]] = []
    for level, label in levels:
        wrong = [
            d
            for d, v in level.items()
            if not d.startswith(SIBLING)
            and d in dims
            and dims[d] != v
            and not dims[d].startswith("-")  # a part of the carried period ("-H1" of 2017)
        ]
        out.append((MappingProxyType({d: v for d, v in level.items() if d not in wrong}), label))
    return out


def _values_only(unread: Sequence[str]) -> bool:
    """Whether the words of a label nothing reads are printed values ("66", "9 301", "37,9
    %"): a value column read as part of the labels, not a provision's name."""
    return all(_NUMBER_TOKEN.fullmatch(t) for t in unread) and any(
        ch.isdigit() for t in unread for ch in t
    )


def _value_like(label: str) -> bool:
    """Whether a label is a printed value ("66", "62, %", "9301 sager101": more digits than
    letters), not a label ("225 timers reglen - § 13 f", "Hjælpemidler - 112")."""
    letters = sum(1 for ch in label if ch.isalpha())
    digits = sum(1 for ch in label if ch.isdigit())
    return letters == 0 or digits > letters


def _replace_levels(
    levels: Sequence[tuple[Mapping[str, str], str]],
    named: Mapping[str, str],
    inner: Mapping[str, str],
    sibling_of: set[str],
    label: str,
) -> list[tuple[Mapping[str, str], str]]:
    """The carried levels with a new group header: it replaces the level naming what it names
    (and all below it), and adds one level per dimension it names, outer dimensions first
    ("2022 Sagsbehandlingstid": the next measure header keeps the year), then ``inner`` (a
    total header's "all law areas", which the next law header replaces). A header naming only
    what the levels already carry ("Ishøj" under "Ishøj Serviceloven") leaves them as they
    are."""
    carried = {d: v for level, _ in levels for d, v in level.items()}
    if named and not inner and all(carried.get(d) == v for d, v in named.items()):
        return list(levels)  # "Ishøj" under "Ishøj Serviceloven": the same group again
    replaced = {*named, *inner}
    at = next((k for k, (d, _) in enumerate(levels) if _level_of(d) & replaced), None)
    out = list(levels[:at] if at is not None else levels)
    marks = {f"{SIBLING}{d}": "" for d in sibling_of}
    for dim in sorted(named, key=_LEVEL_ORDER.index):
        out.append((MappingProxyType({dim: named[dim], **marks}), label))
    for dim, value in inner.items():
        out.append((MappingProxyType({dim: value}), label))
    if (
        at is not None
        and "period" in named
        and "law" not in replaced
        and _law_beside(levels[at:], levels[at][1])
    ):
        out.append((MappingProxyType({"law": AS_ABOVE}), label))
    return out


def _law_beside(dropped: Sequence[tuple[Mapping[str, str], str]], label: str) -> bool:
    """True when a law level a new period header drops came from the header it replaces,
    which named the law beside its period ("SEL 2. halvår 2023" before "1. halvår 2024":
    the law printed once in an outer stub column, or that row's alone; a total's "all law
    areas" aside): whether it holds for the new period is not known, so its rows take no
    law, not all law areas."""
    return any(
        level.get("law") not in (None, ALL_LAWS) and level_label == label
        for level, level_label in dropped
    )


def _outer_to_next(
    levels: Sequence[tuple[Mapping[str, str], str]],
    named: Mapping[str, str],
    following: Mapping[str, str] | None,
) -> list[tuple[Mapping[str, str], str]]:
    """The carried levels before a group header naming something new, right above a header
    naming what a carried level names: the new header is the outer of the two ("Andel i
    pct." over "2023Q3" after the "2024Q1" rows), so that level, and those below it, end."""
    new = set(named) - {d for level, _ in levels for d in _level_of(level)}
    if not new or following is None:
        return list(levels)
    ending = set(following) - set(named)
    at = next((k for k, (d, _) in enumerate(levels) if _level_of(d) & ending), None)
    if at is not None and at > 0 and not _level_of(levels[at - 1][0]) & set(named):
        # the level over it ends too: the groups it headed ("Andre Love" over "Antal" /
        # "2023") are repeated under the new header ("Afgjorte sager i alt" over "Antal" /
        # "2023"), its sibling; a group nested in it would have started with one like it
        at -= 1
    return list(levels[:at] if at is not None else levels)


def _level_of(level: Mapping[str, str]) -> set[str]:
    """The dimensions a group level stands for: those it names, and for a skipped total
    header those of the groups beside it (the next such group replaces it)."""
    return {d.removeprefix(SIBLING) for d in level}


def _mostly_known(
    rows: Sequence[TableRow], candidates: Sequence[RowPlan], known: Mapping[str, KnownProvision]
) -> bool:
    """At least half the candidate labels are known provisions or cite a paragraph (§)."""
    hits = sum(
        1
        for p in candidates
        if label_key(rows[p.index].label) in known or "§" in rows[p.index].label
    )
    return bool(candidates) and 2 * hits >= len(candidates)
