"""Draw the part of a family a table shows, and relabel its municipality and periods.

A table may show a subset of a family (some rows, periods or measures) to vary its size.
Totals stay only when every part they total is shown, so a printed table always adds up.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from samples.variants import kommuner, periods
from samples.variants.model import Family, Member

OUTCOME_COUNTS = ("stadfaestet", "aendret_ophaevet", "hjemvist", "realitetsbehandlede")
# Laws that exist from a year on (domain brief: Barnets lov from 2024, "-" in earlier years).
LAW_SINCE = {"barnets_lov": 2024}


@dataclass
class Selection:
    """The members a table shows per axis (relabelled copies), in print order."""

    family: Family
    members: dict[str, list[Member]]
    grand_total: bool = False
    relabelled: str = "none"

    def facts(self) -> int:
        """How many facts the selection covers."""
        n = 0
        for e in self.members["entity"]:
            for p in self.members["period"]:
                for i in self.members["item"]:
                    for m in self.members["measure"]:
                        n += (e.key, p.key, i.key, m.key) in self.family.facts
        return n


def _window(items: list[Member], rng: random.Random, lo: int, hi: int) -> list[Member]:
    n = rng.randint(min(lo, len(items)), min(hi, len(items)))
    start = rng.randint(0, len(items) - n)
    return items[start : start + n]


def _periods(ps: list[Member], rng: random.Random, sheet: bool) -> list[Member]:
    if len(ps) <= 3:
        return ps if rng.random() < 0.6 else _window(ps, rng, 1, len(ps))
    if sheet and rng.random() < 0.3:
        return ps
    return _window(ps, rng, 3, 15 if sheet else 12)


def _flat_items(items: list[Member], rng: random.Random, big: bool) -> list[Member]:
    """Laws (or benefits, provisions) without a hierarchy: all, or some without the total."""
    if not big and rng.random() < 0.6:
        return items
    if big and rng.random() < 0.25:
        return items
    plain = [i for i in items if i.role in ("plain", "law", "provision")]
    k = rng.randint(min(2, len(plain)), min(len(plain), 20 if big else len(plain)))
    keep = set(rng.sample(range(len(plain)), k))
    return [m for n, m in enumerate(plain) if n in keep]


def _tree_items(items: list[Member], rng: random.Random, sheet: bool) -> list[Member]:
    """Law rows with their provisions (table 4.8): all, or whole law groups."""
    if rng.random() < (0.15 if sheet else 0.08):
        return items
    laws = [i for i in items if i.role == "law"]
    chosen = {m.key for m in rng.sample(laws, rng.choice([1, 1, 2, 2, 3]))}
    return [i for i in items if i.role != "total" and i.law in chosen]


def _measures(ms: list[Member], rng: random.Random) -> list[Member]:
    if len(ms) <= 2:
        return ms if rng.random() < 0.75 else [rng.choice(ms)]
    r = rng.random()
    if r < 0.55:
        return ms
    if r < 0.65:
        return [rng.choice([m for m in ms if m.role != "total"])]
    keys = [m.key for m in ms]
    if "omgoerelsesprocent" in keys and len(ms) == 8 and r < 0.8:
        want = OUTCOME_COUNTS if r < 0.72 else (*OUTCOME_COUNTS[3:], "omgoerelsesprocent")
        return [m for m in ms if m.key in want or (r >= 0.72 and m.pair and m.pair[1] == "procent")]
    plain = [m for m in ms if m.role != "total"]
    k = rng.randint(2, max(2, len(plain) - 1))
    keep = set(rng.sample(range(len(plain)), k))
    return [m for n, m in enumerate(plain) if n in keep]


def draw(family: Family, rng: random.Random, sheet: bool, limit: int) -> Selection:
    """A random subset of ``family`` with at most about ``limit`` facts."""
    ax = {a: list(ms) for a, ms in family.axes.items()}
    if family.grand_total is not None and sheet and rng.random() < 0.3:
        return Selection(family, ax, grand_total=True)
    for _ in range(20):
        members = dict(ax)
        if len(ax["entity"]) > 1 and rng.random() < 0.35:
            members["entity"] = [rng.choice(ax["entity"])]
        members["period"] = _periods(ax["period"], rng, sheet)
        items = ax["item"]
        if any(i.role == "law" for i in items) and any(i.role == "provision" for i in items):
            members["item"] = _tree_items(items, rng, sheet)
        elif len(items) > 1:
            members["item"] = _flat_items(items, rng, len(items) > 15)
        members["measure"] = _measures(ax["measure"], rng)
        sel = Selection(family, members)
        if 0 < sel.facts() <= limit:
            full = all(len(members[a]) == len(ax[a]) for a in ("period", "item"))
            sel.grand_total = family.grand_total is not None and full and rng.random() < 0.6
            return sel
    members = {a: ms[:1] if a != "measure" else ms for a, ms in ax.items()}
    return Selection(family, members)


def relabel(sel: Selection, code: int, rng: random.Random, kinds: tuple[str, ...]) -> None:
    """Give kommune members municipality ``code`` and maybe move the periods to another
    type (one of ``kinds``); the truth follows the new labels."""
    forms = kommuner.name_forms(code)
    sel.members["entity"] = [
        replace(m, code=code, labels=forms) if m.scope == "kommune" else m
        for m in sel.members["entity"]
    ]
    ps = [periods.parse(m.period or "") for m in sel.members["period"]]
    if rng.random() >= 0.4:
        return
    options = [k for k in kinds if k != ps[0].type]
    rng.shuffle(options)
    bounds = _law_bounds(sel)
    for kind in options:
        new = periods.relabel(ps, kind, rng, bounds)
        if new is not None:
            sel.members["period"] = [
                replace(m, period=p.canonical)
                for m, p in zip(sel.members["period"], new, strict=True)
            ]
            sel.relabelled = kind
            return


def _law_bounds(sel: Selection) -> list[periods.Bounds] | None:
    """Per shown period, the years a relabelled period may lie in so that a law's values stay
    where the law existed: "-" (not applicable) before it, its numbers from its first year.
    None when the selection shows no such law."""
    fam, m = sel.family, sel.members
    out: list[periods.Bounds] = []
    for p in m["period"]:
        lo, hi = periods.FIRST_YEAR, periods.LAST_YEAR
        for e in m["entity"]:
            for i in m["item"]:
                for ms in m["measure"]:
                    f = fam.facts.get((e.key, p.key, i.key, ms.key))
                    since = LAW_SINCE.get(f.law_area or "") if f else None
                    if f is None or since is None:
                        continue
                    if f.status == "not_applicable":
                        hi = min(hi, since - 1)
                    else:
                        lo = max(lo, since)
        out.append((lo, hi))
    constrained = any(b != (periods.FIRST_YEAR, periods.LAST_YEAR) for b in out)
    return out if constrained else None
