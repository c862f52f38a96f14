"""Write where a table's context lives: its caption, the bold title line above it, and the
parts the document heading must name (the municipality, the period).

In: a grid ``Builder`` (its placement, labels and draws) and the grid. Out: ``grid.caption``,
``grid.title``, ``grid.heading`` and the matching axis values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from samples.variants import captions, periods
from samples.variants.layout import Context
from samples.variants.model import Grid

if TYPE_CHECKING:
    from samples.variants.grid import Builder

CAPTION_SHARE = {"aarsredegoerelse": 0.92, "referat": 0.45, "notat": 0.6, "sheet": 0.7, "csv": 0.5}


def _dims(b: Builder) -> list[tuple[str, str]]:
    """(axis, dimension word key) of the axes the table shows as rows or columns."""
    out = []
    for a in [*b.plc.rows, *b.plc.cols]:
        if len(b.order[a]) < 2:
            continue
        if a == "item":
            out.append((a, captions.item_kind(b.order["item"])))
        elif a == "period":
            kind = periods.parse(b.order["period"][0].period or "").type
            out.append((a, captions.period_dim(kind)))
        else:
            out.append((a, a))
    return out


def _unnamed_law(b: Builder) -> str | None:
    """The law of the provisions (or of a law's total) shown when no row names it: the
    caption must (the bilag of serviceloven's provisions)."""
    items = b.order["item"]
    named = {m.law for m in items if m.role in ("law", "plain")}
    laws = sorted(
        m.law
        for m in items
        if m.role in ("provision", "total") and m.law and m.law not in ("alle", *named)
    )
    return laws[0] if laws else None


def describe(b: Builder, grid: Grid, ctx: Context) -> None:
    """Fill in the caption, title line and heading parts of ``grid``."""
    where = b.plc.where
    rng = b.rng
    subjects = captions.period_worded(b.fam.subjects, b.sel.relabelled)
    measure = None
    if "measure" in where and where["measure"] != "implicit":
        m = b.context["measure"]
        label = b.label[("measure", m.key)]
        if m.key in ("antal", "procent"):
            measure = f"{rng.choice(subjects)} – {label.lower()}"
        else:
            measure = label[:1].upper() + label[1:]
    law = _unnamed_law(b)
    # "Antal" / "Procent" count the family's subject ("Afgjorte sager ..."), which only a
    # caption names: without one no reader could tell what the numbers count
    relative = any(m.key in ("antal", "procent") for m in b.sel.members["measure"])
    need = "caption" in where.values() or law is not None or relative
    if need or (measure is not None and where.get("measure") == "caption"):
        drawn = True
    else:
        drawn = rng.random() < CAPTION_SHARE[ctx.doc_kind]
    if drawn:
        subject = captions.subject(subjects, measure, _dims(b), rng)
        if measure is not None and measure.startswith(subjects):
            subject = measure
        phrases = [
            captions.phrase(a, b.context[a], b.label[(a, b.context[a].key)], rng, b.pstyle)
            for a, w in where.items()
            if w == "caption" and a != "measure"
        ]
        if any(a == "period" for a in b.plc.rows + b.plc.cols) and rng.random() < 0.4:
            extra = periods.range_phrase(
                [periods.parse(p.period or "") for p in b.order["period"]], rng.randrange(2)
            )
            phrases += [extra] if extra else []
        if law is not None and not captions.names_law(" ".join([subject, *phrases]), law):
            phrases.append(captions.law_phrase(law, rng))
        upper = ctx.doc_kind == "aarsredegoerelse" and rng.random() < 0.5
        grid.caption = captions.caption_text(subject, phrases, upper)
    titles = [b.label[(a, b.context[a].key)] for a, w in where.items() if w == "title"]
    if titles:
        grid.title = captions.title_text(titles, rng)
    for a, w in where.items():
        if w == "heading":
            m = b.context[a]
            grid.heading[a] = (
                periods.phrase(periods.parse(m.period or ""), b.pstyle)
                if a == "period"
                else b.label[(a, m.key)]
            )
    grid.axes["caption"] = "yes" if drawn else "no"
    grid.axes["title"] = "yes" if titles else "no"
