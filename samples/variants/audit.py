"""Check that each truth line says what its document prints, as a reader would see it.

For every value cell, each member it sits at (entity, period, item, measure, and the law
of a provision or law total) must be named where a reader looks: the cell's row, the
labels above it (group rows, a stub column filled down), its column headers, the table's
caption, title, stub header or notes, the document heading, or be implied by the document
kind as the axes say (national data in the annual report, the "alle" law). The nearest
place that names any member of an axis decides it. Stub headers must name the column they
head, and truth lines must agree with the domain rules (units of measures, Barnets lov).

    python -m samples.variants.audit --seed 3001 --count 200 [--formats xlsx,csv]
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from samples.variants import periods, vocab
from samples.variants import truth as tr
from samples.variants.generate import FORMATS, Drawn, Printed, families, generate_one
from samples.variants.model import AXES, BodyRow, Grid, Member

Name = tuple[str, str]
DATE = re.compile(r"\d{1,2}\. (?:" + "|".join(periods.MONTHS) + r") \d{4}", re.IGNORECASE)
MARK = re.compile(r"(?:\s*[*¹²]|\s*\(1\)|\s+1\)|(?<=[^\d\s])1\))+$")
LAW_SINCE = {"barnets_lov": 2024}


def norm(text: str) -> str:
    """Case-folded, one space between words, footnote marks off."""
    text = " ".join(text.replace("\u00a0", " ").split()).casefold()
    return MARK.sub("", text).strip()


def parts(label: str) -> set[str]:
    """A stub label and its pieces (a combined label "Ishøj Kommune / Serviceloven")."""
    out = {label, *label.split("\n")}
    for sep in (", ", " – "):
        pieces = label.split(sep)
        for n in range(1, len(pieces)):
            out |= {sep.join(pieces[:n]), sep.join(pieces[n:])}
    return {norm(p) for p in out if p.strip()}


def wordings(axis: str, m: Member) -> set[str]:
    """Every printed form of member ``m`` of ``axis``."""
    words = set(m.labels)
    if axis == "period":
        p = periods.parse(m.period or "")
        words |= {periods.label(p, s) for s in range(24)}
        if p.type != "year":
            words |= {f"{p.year} {periods.short_label(p, s)}" for s in range(12)}
    elif axis == "measure" and m.pair:
        words |= {
            f"{g} {k}" for g in vocab.OUTCOME_GROUP[m.pair[0]] for k in vocab.KIND_LABELS[m.pair[1]]
        }
    elif axis == "entity" and m.scope == "hele_landet":
        words |= set(vocab.NATIONAL_LABELS)
    elif axis == "item" and m.role == "total" and m.law == "alle":
        words |= {"alle lovområder", "alle sager"}
    return {norm(w) for w in words}


def law_words(law: str, d: Drawn) -> set[str]:
    """Printed forms of a law: the wordings list and the family's own law rows."""
    own = {
        w for m in d.sel.family.axes["item"] if m.law == law and m.role == "law" for w in m.labels
    }
    return {norm(w) for w in (*vocab.LAW_LABELS.get(law, ()), *own)}


def contains(text: str, words: Iterable[str]) -> bool:
    t = norm(text)
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", t) for w in words if w)


class Reader:
    """What one table names, row by row and column by column."""

    def __init__(self, p: Printed, d: Drawn, index: int) -> None:
        self.p, self.d, self.g, self.index = p, d, d.grid, index
        self.members = {(a, m.key): m for a in AXES for m in d.sel.members[a]}
        self.words = {k: wordings(k[0], m) for k, m in self.members.items()}
        self.lookup: dict[str, set[Name]] = {}
        for k, ws in self.words.items():
            for w in ws:
                self.lookup.setdefault(w, set()).add(k)
        g = self.g
        table = [g.caption or "", g.title or "", *g.notes]
        table += [h.text for h in g.head if h.stub]
        heading = [DATE.sub("", t) for t in p.heading]
        self.table_names = self._in_text(table)
        self.doc_names = self._in_text(heading)
        self.table_text, self.doc_text = table, heading

    def _in_text(self, texts: list[str]) -> set[Name]:
        return {k for k, ws in self.words.items() if any(contains(t, ws) for t in texts)}

    def names(self, candidates: Iterable[str], prefer: set[str]) -> set[Name]:
        """Members the labels name; a label naming members of several axes ("I alt": the
        total of laws, or all outcomes) names those of the axes in ``prefer`` (the axis of
        its stub column, the axes on its side of the table)."""
        out: set[Name] = set()
        for c in candidates:
            got = self.lookup.get(c, set())
            if len({n[0] for n in got}) > 1:
                got = {n for n in got if n[0] in prefer} or got
            out |= got
        return out

    def side(self, side: str) -> set[str]:
        return {a for a in AXES if self.g.axes.get(f"orient.{a}") == side}

    def row_names(self, row: BodyRow, cols: set[int] | None = None, year: str = "") -> set[Name]:
        """What the stub cells of ``row`` (those in ``cols``) name."""
        out: set[Name] = set()
        for k, s in enumerate(row.stub):
            if s and (cols is None or k in cols):
                axes = _stub_axes(self.g)
                prefer = self.side("rows") if row.kind == "group" else {axes[k]}
                cands = parts(s)
                cands |= {f"{year} {c}" for c in cands} if year else set()
                out |= self.names(cands, prefer)
        return out

    def column(self, col: int) -> set[Name]:
        texts = [
            h.text
            for h in sorted(self.g.head, key=lambda h: h.row)
            if not h.stub and h.col <= col < h.col + h.colspan
        ]
        cands: set[str] = set()
        cores: list[str] = []
        for t in (norm(t) for t in texts):
            cands.add(t)
            for k in self.d.sel.members["period"]:
                for w in self.words[("period", k.key)]:
                    if t.endswith(" " + w):
                        cands.add(w)
                        t = t[: -len(w) - 1]
            cores.append(t)
        cands |= set(cores) | {f"{a} {b}" for a, b in itertools.pairwise(cores)}
        return self.names(cands, self.side("cols"))

    def above(self, i: int) -> list[set[Name]]:
        """Names above row ``i``, nearest first: group rows and blank stub cells filled down."""
        g, row = self.g, self.g.body[i]
        open_cols = {k for k, s in enumerate(row.stub) if not s}
        year = ""
        out: list[set[Name]] = []
        for r in range(i - 1, -1, -1):
            above = g.body[r]
            cols = None if above.kind == "group" else set(open_cols)
            open_cols -= {k for k, s in enumerate(above.stub) if s}
            if above.kind == "group" and not year:
                year = next((s for s in above.stub if re.fullmatch(r"\d{4}", s.strip())), "")
            names = self.row_names(above, cols)
            if names:
                out.append(names)
        if year:
            out.insert(0, self.row_names(row, None, year))
        return out

    def law_above(self, i: int, law_names: set[str]) -> bool | None:
        """Whether the nearest law row above row ``i`` is this law (None: no law row)."""
        fam = self.d.sel.family
        laws = {norm(w): m.law for m in fam.axes["item"] if m.role == "law" for w in m.labels}
        for r in range(i - 1, -1, -1):
            for s in self.g.body[r].stub:
                for c in parts(s) if s else ():
                    if c in laws:
                        return c in law_names
        return None


def _decide(levels: list[tuple[str, set[Name]]], key: Name) -> str | None:
    """None when the nearest level naming the axis names ``key``; else what went wrong."""
    for where, names in levels:
        named = {n for n in names if n[0] == key[0]}
        if named:
            if key in named:
                return None
            return f"{where} names {sorted(n[1] for n in named)[:3]}"
    return "not printed"


def _implicit(p: Printed, axes: dict[str, Any], m: Member, axis: str) -> bool:
    if axes.get(f"orient.{axis}") != "implicit":
        return False
    if axis == "entity":
        return p.kind == "aarsredegoerelse" and m.scope == "hele_landet"
    return axis == "item" and m.law == "alle"


def table_problems(p: Printed, d: Drawn, index: int) -> list[str]:
    """Problems of one table: members not printed or contradicted, stub headers."""
    rd = Reader(p, d, index)
    g = d.grid
    out: list[str] = []
    cols = [rd.column(g.n_stub + j) for j in range(g.n_values)]
    for i, row in enumerate(g.body):
        if not any(row.values):
            continue
        own = rd.row_names(row)
        above = [("above", s) for s in rd.above(i)]
        for j, v in enumerate(row.values):
            if v is None or v.coords is None or v.truth.expect != "record":
                continue
            levels = [("row", own), *above, ("column", cols[j])]
            levels += [("table", rd.table_names), ("heading", rd.doc_names)]
            for axis, key in zip(AXES, v.coords, strict=True):
                m = rd.members[(axis, key)]
                why = _decide(levels, (axis, key))
                if why and not (why == "not printed" and _implicit(p, g.axes, m, axis)):
                    out.append(_say(p, index, v.text, axis, m, why, row.stub))
            item = rd.members[("item", v.coords[2])]
            if item.role in ("provision", "total") and item.law not in (None, "alle"):
                out += _law(rd, i, item, v.text, row.stub)
    return out + stub_header_problems(rd)


def _law(rd: Reader, i: int, item: Member, text: str, stub: list[str]) -> list[str]:
    words = law_words(item.law or "", rd.d)
    if any(contains(s, words) for s in stub):
        return []
    nearest = rd.law_above(i, words)
    if nearest is None and any(contains(t, words) for t in rd.table_text + rd.doc_text):
        return []
    if nearest:
        return []
    why = "law row above names another law" if nearest is False else "not printed"
    return [_say(rd.p, rd.index, text, "law", item, why, stub)]


def _say(p: Printed, index: int, text: str, axis: str, m: Member, why: str, stub: list[str]) -> str:
    label = m.period or (m.law if axis == "law" else m.key)
    row = " | ".join(s.replace("\n", " / ") for s in stub)
    kind = "not printed" if why == "not printed" else "contradicted"
    return f"[{axis} {kind}] {p.doc} t{index}: {why}: {label!r} at {text!r} (row: {row})"


STUB_KINDS = {
    "item": "item",
    "provision": "item",
    "benefit": "item",
    "entity": "entity",
    "period": "period",
    "measure": "measure",
}


def stub_header_problems(rd: Reader) -> list[str]:
    """A stub header must name the axis of its column; the column must hold that axis."""
    g, p, index = rd.g, rd.p, rd.index
    axes = _stub_axes(g)
    out = []
    for h in (h for h in g.head if h.stub):
        if h.col >= len(axes) or (len(axes) == 1 and g.axes.get("stub.header") == "context"):
            continue
        axis = axes[h.col]
        said = {
            STUB_KINDS[k]
            for k, ws in vocab.STUB_HEADERS.items()
            for w in ws
            if w and norm(w) == norm(h.text)
        }
        said |= {"period" for w in vocab.PERIOD_STUB.values() if norm(w) == norm(h.text)}
        if norm(h.text) and axis not in said:
            out.append(f"[stub header] {p.doc} t{index}: {h.text!r} over the {axis} column")
        split = axis == "period" and g.axes.get("period.split") == "true"
        for row in g.body:
            record = any(v is not None and v.truth.expect == "record" for v in row.values)
            label = row.stub[h.col] if row.kind == "data" and record and not split else ""
            if label and not {n for n in rd.names(parts(label), {axis}) if n[0] == axis}:
                out.append(f"[stub column] {p.doc} t{index}: {label!r} in the {axis} column")
                break
    return out


def _stub_axes(g: Grid) -> list[str]:
    rows = g.axes.get("rows.order", "").split(">")
    styles = g.axes.get("rows.outer", "none").split(",")
    outer = [a for a, s in zip(rows[:-1], styles, strict=False) if s == "stubcol"]
    return [*outer, *rows[-1:]]


def unit_of(measure: str) -> str:
    """The unit a measure is in, from the domain brief's measure table."""
    if measure.endswith("procent") or measure.startswith("andel_"):
        return "percent"
    if measure.endswith("_uger"):
        return "weeks"
    return "persons" if measure == "antal_personer" else "count"


def truth_problems(x: dict[str, Any]) -> list[str]:
    """Domain rules a truth line must keep: units, Barnets lov's years, printed signs."""
    if x["expect"] != "record":
        return []
    out = []
    where = f"{x['doc']} {x['cell_ref'] or 'page ' + str(x['page'])} {x['cell_text']!r}"
    if x["unit"] != unit_of(x["measure"]):
        out.append(f"[unit] {where}: unit {x['unit']} for {x['measure']}")
    text = x["cell_text"]
    if ("%" in text and x["unit"] != "percent") or ("uger" in text and x["unit"] != "weeks"):
        out.append(f"[sign] {where}: printed {text!r} as {x['unit']}")
    since = LAW_SINCE.get(x["law_area"] or "")
    year = int((x["period"] or "0")[:4])
    if x["status"] == "not_applicable" and (since is None or year >= since):
        out.append(f"[law years] {where}: not_applicable for {x['law_area']} in {x['period']}")
    if since is not None and x["status"] != "not_applicable" and year < since:
        out.append(f"[law years] {where}: {x['law_area']} {x['status']} in {x['period']}")
    if x["status"] == "nil" and text.strip() not in ("-", "–", "0"):
        out.append(f"[nil] {where}: nil printed as {text!r}")
    return out


def audit(
    seed: str,
    count: int,
    out: Path,
    formats: Sequence[str] = FORMATS,
    names: Sequence[str] | None = None,
    start: int = 0,
) -> list[str]:
    """Generate documents ``start`` .. ``start + count - 1`` of ``seed`` into ``out`` and
    return every problem found."""
    out.mkdir(parents=True, exist_ok=True)
    pool = families(names)
    problems: list[str] = []
    for i in range(start, start + count):
        sink: list[Printed] = []
        path = generate_one(seed, i, out, formats, pool, sink)
        for p in sink:
            for n, d in enumerate(p.tables):
                problems += table_problems(p, d, n)
        stem = path.name.rsplit(".", 1)[0]
        for x in tr.read(out / f"{stem}.truth.jsonl"):
            problems += truth_problems(x)
    return problems


def _kind(problem: str) -> str:
    return problem[1 : problem.index("]")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.variants.audit", description=__doc__)
    parser.add_argument("--seed", required=True)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--families", default="")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    names = [f for f in args.families.split(",") if f] or None
    with tempfile.TemporaryDirectory() as tmp:
        found = audit(args.seed, args.count, Path(tmp), formats, names, args.start)
    kinds = Counter(_kind(x) for x in found)
    shown: Counter[str] = Counter()
    for x in found:
        k = _kind(x)
        if shown[k] < args.examples:
            print(x)
        shown[k] += 1
    print(f"{len(found)} problems in {args.count} documents of seed {args.seed}")
    for k, n in kinds.most_common():
        print(f"{n:6d}  {k}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
