"""Decide a table's orientation: which axes are rows, columns or only context.

In: a ``Selection`` and the document's kind. Out: a ``Placement`` (rows and columns outer
first, where each one-member axis is named, how outer row axes print, whether outcomes pair
over "Antal | Procent" and whether sub-year periods sit under a year header).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from samples.variants.model import AXES, Member
from samples.variants.select import Selection

PRIORITY = {"entity": 0.0, "period": 1.0, "measure": 2.0, "item": 3.0}


@dataclass(frozen=True)
class Context:
    """What the document allows: its kind, whether the table is its only one (so the period
    may sit in the document heading) and how many value columns fit."""

    doc_kind: str
    single_table: bool
    max_cols: int
    sheet: bool


@dataclass
class Placement:
    """Where each axis goes. ``where`` names the place of every axis not on rows or columns:
    caption, title, stub, heading, implicit or fused (the period joined to the measure
    headers, "Hjemviste sager 2021")."""

    rows: list[str]
    cols: list[str]
    where: dict[str, str] = field(default_factory=dict)
    styles: dict[str, str] = field(default_factory=dict)
    repeat: bool = False
    pairs: bool = False
    split: bool = False
    long: bool = False


def _weighted(rng: random.Random, options: list[tuple[str, float]]) -> str:
    names = [n for n, w in options if w > 0]
    weights = [w for _, w in options if w > 0]
    return rng.choices(names, weights)[0]


def _col_share(axis: str, members: list[Member]) -> float:
    n = len(members)
    if axis == "item":
        short = all(m.role != "provision" for m in members) and n <= 7
        return 0.2 if short else 0.0
    if axis == "measure":
        return 0.65 if n <= 10 else 0.2
    if axis == "period":
        return 0.55 if n <= 12 else 0.0
    return 0.4


def _width(sel: Selection, cols: list[str]) -> int:
    return math.prod(len(sel.members[a]) for a in cols)


def _single_where(axis: str, m: Member, rng: random.Random, ctx: Context, cols: list[str]) -> str:
    """Where a one-member axis is named (or "rows"/"cols" to show it as a row or column)."""
    heading = ctx.doc_kind != "aarsredegoerelse"
    if axis == "entity":
        if m.scope == "hele_landet":
            implicit = 0.5 if ctx.doc_kind == "aarsredegoerelse" else 0.0
            return _weighted(
                rng,
                [
                    ("implicit", implicit),
                    ("caption", 0.3),
                    ("title", 0.12),
                    ("stub", 0.05),
                    ("rows", 0.15),
                    ("cols", 0.05),
                ],
            )
        return _weighted(
            rng,
            [
                ("heading", 0.35 if heading else 0.0),
                ("caption", 0.25),
                ("title", 0.15),
                ("stub", 0.08),
                ("rows", 0.15),
                ("cols", 0.05),
            ],
        )
    if axis == "period":
        fused = 0.12 if "measure" in cols else 0.0
        single = 0.1 if ctx.single_table and heading else 0.0
        return _weighted(
            rng,
            [
                ("caption", 0.45),
                ("title", 0.15),
                ("stub", 0.05),
                ("heading", single),
                ("cols", 0.15),
                ("fused", fused),
            ],
        )
    if axis == "item":
        if m.role == "total" and m.law == "alle":
            return _weighted(rng, [("implicit", 0.7), ("rows", 0.2), ("caption", 0.1)])
        if m.role == "provision":
            return "rows"
        return _weighted(rng, [("caption", 0.3), ("title", 0.2), ("rows", 0.4), ("stub", 0.1)])
    return _weighted(rng, [("caption", 0.4), ("title", 0.15), ("stub", 0.1), ("cols", 0.35)])


def _order_rows(rows: list[str], sel: Selection, rng: random.Random) -> list[str]:
    def key(a: str) -> float:
        if a == "item" and any(m.role == "provision" for m in sel.members["item"]):
            return 10.0
        return PRIORITY[a] + rng.uniform(-1.6, 1.6)

    return sorted(rows, key=key)


def place(sel: Selection, rng: random.Random, ctx: Context) -> Placement:
    """Draw a placement for ``sel`` that fits ``ctx.max_cols`` value columns."""
    m = sel.members
    active = [a for a in AXES if len(m[a]) > 1]
    long = ctx.sheet and len(active) >= 2 and rng.random() < 0.15
    rows: list[str] = []
    cols: list[str] = []
    for a in active:
        (rows if long or rng.random() >= _col_share(a, m[a]) else cols).append(a)
    while cols and _width(sel, cols) > ctx.max_cols:
        widest = max(cols, key=lambda a: len(m[a]))
        cols.remove(widest)
        rows.append(widest)
    if not rows and len(cols) > 1:
        rows.append(cols.pop(0))
    plc = Placement(rows, cols, long=long)
    singles = [a for a in AXES if a not in rows and a not in cols]
    for a in singles:
        where = _single_where(a, m[a][0], rng, ctx, cols)
        if long and where in ("rows", "cols"):
            where = "rows"
        if where == "rows":
            rows.append(a)
        elif where == "cols":
            cols.append(a)
        else:
            plc.where[a] = where
    if not rows:
        _force(plc, ("item", "entity", "period", "measure"), rows)
    if not rows and len(cols) > 1:
        rows.append(min(cols, key=lambda a: len(m[a])))
        cols.remove(rows[0])
    if not cols and not long:
        _force(plc, ("measure", "period", "entity"), cols)
    if not cols and not long:
        cols.append(rows.pop())
    if "fused" in plc.where.values() and "measure" not in cols:
        plc.where["period"] = "caption"
    plc.rows = _order_rows(rows, sel, rng)
    rng.shuffle(cols)
    for a in plc.rows[:-1]:
        options = [("group", 0.45), ("stubcol", 0.4)]
        if a == plc.rows[-2] and len(m[plc.rows[-1]]) <= 4:
            options.append(("combined", 0.15))
        plc.styles[a] = "stubcol" if long else _weighted(rng, options)
    if "stubcol" in plc.styles.values():
        # the top-left cell names the context only over a single stub column: over several
        # it would head the first one, which holds another axis
        plc.where = {a: "title" if w == "stub" else w for a, w in plc.where.items()}
    plc.repeat = long or rng.random() < 0.3
    groups = {mm.pair[0] for mm in m["measure"] if mm.pair and mm.pair[1] == "procent"}
    paired = any(mm.pair and mm.pair[1] == "antal" and mm.pair[0] in groups for mm in m["measure"])
    plc.pairs = "measure" in cols and paired and rng.random() < 0.6
    kind = (m["period"][0].period or "")[4:5]
    years = {(p.period or "")[:4] for p in m["period"]}
    usable = "period" in cols or plc.rows[-1:] == ["period"]
    plc.split = kind == "-" and usable and len(years) > 1 and rng.random() < 0.35
    return plc


def _force(plc: Placement, prefer: tuple[str, ...], side: list[str]) -> None:
    """Move a context axis (first in ``prefer``) onto ``side``."""
    for a in prefer:
        if a in plc.where:
            del plc.where[a]
            side.append(a)
            return


def axes_record(plc: Placement) -> dict[str, str]:
    """The placement as flat axis values for the truth file."""
    out = {f"orient.{a}": "rows" for a in plc.rows}
    out.update({f"orient.{a}": "cols" for a in plc.cols})
    out.update({f"orient.{a}": w for a, w in plc.where.items()})
    out["rows.order"] = ">".join(plc.rows)
    out["cols.order"] = ">".join(plc.cols) or "none"
    out["rows.outer"] = ",".join(plc.styles[a] for a in plc.rows[:-1]) or "none"
    out["rows.repeat"] = str(plc.repeat).lower()
    out["header.pairs"] = str(plc.pairs).lower()
    out["period.split"] = str(plc.split).lower()
    out["shape"] = "long" if plc.long else "wide"
    return out
