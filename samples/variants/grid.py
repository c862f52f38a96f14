"""Build a table's ``Grid`` from a selection and its placement.

Header cells (levels with spans, Antal/Procent pairs, years over quarters), body rows (group
rows, separate stub columns or two-line combined labels, law rows over provisions, totals at
the top or bottom, "heraf" parts), value cells with their truth, captions and footnotes.
"""

from __future__ import annotations

import itertools
import random

from samples.variants import captions, periods, vocab
from samples.variants.context import describe
from samples.variants.layout import Context, Placement, axes_record
from samples.variants.model import AXES, BodyRow, Grid, HeadCell, Member, Truth, ValueCell
from samples.variants.printing import NumberStyle, render
from samples.variants.select import Selection

Fixed = dict[str, Member]


class Builder:
    """Builds one grid; holds the table's draws (labels, case, period style)."""

    def __init__(self, sel: Selection, plc: Placement, rng: random.Random, style: NumberStyle):
        self.sel, self.plc, self.rng, self.style = sel, plc, rng, style
        self.fam = sel.family
        self.case = rng.choices(["as_is", "upper", "lower"], [0.7, 0.15, 0.15])[0]
        self.pstyle, self.sstyle = rng.randrange(24), rng.randrange(12)
        self.order = {a: list(sel.members[a]) for a in AXES}
        self.axes: dict[str, str] = {}
        self.label = {
            (a, m.key): captions.label_of(a, m, rng, self.pstyle)
            for a in AXES
            for m in self.order[a]
        }
        self._reorder()
        self.context = {a: sel.members[a][0] for a in plc.where}
        self.present = [
            c
            for c in itertools.product(*(self.order[a] for a in AXES))
            if (c[0].key, c[1].key, c[2].key, c[3].key) in self.fam.facts
        ]
        stub_axes = [a for a in plc.rows[:-1] if plc.styles.get(a) == "stubcol"]
        self.stub_axes = [*stub_axes, *plc.rows[-1:]]
        self.provision_rows: set[int] = set()

    def _reorder(self) -> None:
        """Totals to the top or bottom (their "heraf" parts right after them); Antal/Procent
        pairs next to each other."""
        pos = self.rng.choice(["top", "bottom", "bottom", "source"])
        self.axes["item.total_pos"] = pos
        if pos != "source":
            items = self.order["item"]
            totals = [m for m in items if m.role in ("total", "part")]
            rest = [m for m in items if m.role not in ("total", "part")]
            self.order["item"] = totals + rest if pos == "top" else rest + totals
        if self.plc.pairs:
            ms = self.order["measure"]
            first: dict[str, int] = {}
            for n, m in enumerate(ms):
                first.setdefault(m.pair[0] if m.pair else m.key, n)
            self.order["measure"] = sorted(ms, key=lambda m: first[m.pair[0] if m.pair else m.key])

    def has(self, fixed: Fixed) -> bool:
        """Whether any fact of the selection lies under the fixed members."""
        idx = [(AXES.index(a), m.key) for a, m in fixed.items()]
        return any(all(c[i].key == k for i, k in idx) for c in self.present)

    def cased(self, text: str) -> str:
        return vocab.apply_case(text, self.case)

    # -- columns -------------------------------------------------------------------------
    def col_leaves(self) -> list[Fixed]:
        cols = self.plc.cols
        leaves = [
            dict(zip(cols, combo, strict=True))
            for combo in itertools.product(*(self.order[a] for a in cols))
        ]
        return [leaf for leaf in leaves if self.has({**self.context, **leaf})]

    def levels(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for a in self.plc.cols:
            if a == "measure" and self.plc.pairs:
                out += [(a, "group"), (a, "kind")]
            elif a == "period" and self.plc.split:
                out += [(a, "year"), (a, "short")]
            else:
                out.append((a, "full"))
        return out

    def _paired(self, m: Member) -> bool:
        if m.pair is None:
            return False
        return sum(1 for o in self.order["measure"] if o.pair and o.pair[0] == m.pair[0]) > 1

    def head_text(self, a: str, sub: str, m: Member) -> str:
        if sub == "group":
            if self._paired(m) and m.pair:
                return self._fused(a, vocab.pick(self.rng, vocab.OUTCOME_GROUP[m.pair[0]]))
            sub = "full"
        if sub == "kind" and m.pair:
            return vocab.pick(self.rng, vocab.KIND_LABELS[m.pair[1]])
        p = periods.parse(m.period or "") if a == "period" else None
        if sub == "year" and p:
            return str(p.year)
        if sub == "short" and p:
            return periods.short_label(p, self.sstyle)
        return self._fused(a, self.label[(a, m.key)])

    def _fused(self, a: str, text: str) -> str:
        """A measure header with the table's one period joined to it ("Hjemviste sager
        2021"), when the period sits there."""
        if a == "measure" and self.plc.where.get("period") == "fused":
            text += " " + self.label[("period", self.sel.members["period"][0].key)]
        return text

    def run_key(self, a: str, sub: str, m: Member) -> str:
        if sub == "group":
            return m.pair[0] if m.pair and self._paired(m) else m.key
        if sub == "year":
            return (m.period or "")[:4]
        return m.key

    def header(self, leaves: list[Fixed], n_stub: int) -> tuple[list[HeadCell], int]:
        levels = self.levels()
        cells: list[HeadCell] = []
        if not levels:
            text = self.rng.choice(("Værdi", "Tal", "Værdi", "Antal/pct."))
            return [HeadCell(0, n_stub, 1, 1, self.cased(text))], 1
        for row, (a, sub) in enumerate(levels):
            before = self.plc.cols[: self.plc.cols.index(a)]
            j = 0
            while j < len(leaves):
                m = leaves[j][a]
                if sub == "kind" and not self._paired(m):
                    j += 1
                    continue
                key = (tuple(leaves[j][b].key for b in before), self.run_key(a, sub, m))
                k = j + 1
                while (
                    k < len(leaves)
                    and (
                        tuple(leaves[k][b].key for b in before),
                        self.run_key(a, sub, leaves[k][a]),
                    )
                    == key
                ):
                    k += 1
                rowspan = 2 if sub == "group" and not self._paired(m) else 1
                text = self.cased(self.head_text(a, sub, m))
                cells.append(HeadCell(row, n_stub + j, rowspan, k - j, text))
                j = k
        return cells, len(levels)

    # -- rows ----------------------------------------------------------------------------
    def rows(self, leaves: list[Fixed]) -> list[BodyRow]:
        out: list[BodyRow] = []
        self.heraf = self.rng.choice(["group", "indent", "none"])
        self.indent = self.rng.random() < 0.5
        self.law_rows = self.rng.choices(["values", "group"], [0.75, 0.25])[0]
        self._rows(0, {}, {}, "", out, leaves)
        self.axes["item.heraf"] = self.heraf
        self.axes["item.indent"] = str(self.indent).lower()
        self.axes["item.law_rows"] = self.law_rows
        return out

    def _rows(
        self,
        level: int,
        fixed: Fixed,
        carry: dict[int, str],
        prefix: str,
        out: list[BodyRow],
        leaves: list[Fixed],
    ) -> None:
        a = self.plc.rows[level]
        members = [m for m in self.order[a] if self.has({**self.context, **fixed, a: m})]
        if level == len(self.plc.rows) - 1:
            self._leaf_rows(a, members, fixed, carry, prefix, out, leaves)
            return
        style = self.plc.styles[a]
        for m in members:
            label = self.label[(a, m.key)]
            sub_carry, sub_prefix = dict(carry), prefix
            if style == "group":
                col = sum(1 for b in self.plc.rows[:level] if self.plc.styles[b] == "stubcol")
                out.append(self._row("group", {**carry, col: label}, [], bold=True))
            elif style == "stubcol":
                sub_carry[self.stub_axes.index(a)] = label
            else:
                sep = self.rng.choice(("\n", "\n", ", ", " – "))
                sub_prefix = prefix + label + sep
            before = len(out)
            self._rows(level + 1, {**fixed, a: m}, sub_carry, sub_prefix, out, leaves)
            if style == "stubcol" and not self.plc.repeat:
                col = self.stub_axes.index(a)
                for row in out[before + 1 :]:
                    row.stub[col] = ""

    def _row(
        self,
        kind: str,
        labels: dict[int, str],
        values: list[ValueCell | None],
        bold: bool = False,
        indent: int = 0,
    ) -> BodyRow:
        stub = [labels.get(i, "") for i in range(len(self.stub_axes))]
        return BodyRow(kind, stub, values, bold, indent)

    def _leaf_rows(
        self,
        a: str,
        members: list[Member],
        fixed: Fixed,
        carry: dict[int, str],
        prefix: str,
        out: list[BodyRow],
        leaves: list[Fixed],
    ) -> None:
        last = len(self.stub_axes) - 1
        roles = {m.role for m in members}
        tree = a == "item" and "provision" in roles and "law" in roles
        year = ""
        parts_seen = False
        for m in members:
            label = self.label[(a, m.key)]
            if a == "period" and self.plc.split:
                p = periods.parse(m.period or "")
                if str(p.year) != year:
                    year = str(p.year)
                    out.append(self._row("group", {**carry, last: year}, [], bold=True))
                    carry = {k: v for k, v in carry.items() if self.plc.repeat}
                label = periods.short_label(p, self.sstyle)
            if m.role == "part" and not parts_seen:
                parts_seen = True
                if self.heraf == "group":
                    out.append(self._row("group", {last: vocab.pick(self.rng, vocab.HERAF)}, []))
            values = [self.value({**self.context, **fixed, a: m, **leaf}) for leaf in leaves]
            bold = m.role in ("total", "law") and (tree or m.role == "total")
            indent = int(
                (m.role == "provision" and tree and self.indent)
                or (m.role == "part" and self.heraf != "none")
            )
            if tree and m.role == "law" and (self.law_rows == "group" or not any(values)):
                out.append(self._row("group", {**carry, last: prefix + label}, [], bold=True))
                continue
            if m.role == "provision":
                self.provision_rows.add(len(out))
            out.append(self._row("data", {**carry, last: prefix + label}, values, bold, indent))
            carry = {k: v for k, v in carry.items() if self.plc.repeat}

    def value(self, at: Fixed) -> ValueCell | None:
        coords = (at["entity"].key, at["period"].key, at["item"].key, at["measure"].key)
        fact = self.fam.facts.get(coords)
        if fact is None:
            return None
        text, value, status, decimals = render(fact, self.style)
        e, p = at["entity"], at["period"].period or ""
        truth = Truth(
            e.scope or "",
            e.code,
            p,
            periods.parse(p).type,
            fact.law_area,
            fact.provision,
            fact.measure,
            fact.unit,
            value,
            status,
            fact.expect,
        )
        return ValueCell(text, truth, decimals, coords)


def build(
    sel: Selection, plc: Placement, rng: random.Random, ctx: Context, style: NumberStyle
) -> Grid:
    """The grid of ``sel`` laid out by ``plc``, numbers printed in ``style``."""
    b = Builder(sel, plc, rng, style)
    leaves = b.col_leaves()
    n_stub = len(b.stub_axes)
    head, head_rows = b.header(leaves, n_stub)
    body = b.rows(leaves)
    if sel.grand_total and sel.family.grand_total and len(leaves) == 1:
        label, fact = sel.family.grand_total
        e = sel.members["entity"][0]
        truth = Truth(
            e.scope or "",
            e.code,
            None,
            None,
            None,
            None,
            fact.measure,
            fact.unit,
            fact.value,
            fact.status,
            "none",
        )
        text = render(fact, style)[0]
        body.append(b._row("data", {0: label}, [ValueCell(text, truth)], bold=True))
    grid = Grid(sel.family.name, n_stub, len(leaves), head_rows, head, body)
    _stub_heads(b, grid)
    _footnotes(b, grid)
    describe(b, grid, ctx)
    grid.axes.update(axes_record(plc))
    grid.axes.update(b.axes)
    grid.axes.update(style.axes())
    grid.axes["header.case"] = b.case
    grid.axes["header.levels"] = str(head_rows)
    return grid


def _stub_heads(b: Builder, grid: Grid) -> None:
    """Stub header cells: "Lovområde", "Kommune", blank, or a context label ("Ishøj")."""
    stub_context = [b.label[(a, b.context[a].key)] for a, w in b.plc.where.items() if w == "stub"]
    for col, a in enumerate(b.stub_axes):
        kind = captions.item_kind(b.order["item"]) if a == "item" else a
        text = vocab.pick(b.rng, vocab.STUB_HEADERS[kind])
        if a == "period" and b.rng.random() < 0.5:
            text = vocab.PERIOD_STUB[periods.parse(b.order["period"][0].period or "").type]
        if col == 0 and stub_context:
            text = " ".join(stub_context)
        grid.head.append(HeadCell(0, col, grid.head_rows, 1, b.cased(text), stub=True))
    grid.axes["stub.header"] = "context" if stub_context else "label"


def _footnotes(b: Builder, grid: Grid) -> None:
    """Footnote marks on up to two headers or law/total labels, with their notes."""
    if b.rng.random() >= 0.2:
        grid.axes["footnotes"] = "0"
        return
    heads = [n for n, h in enumerate(grid.head) if not h.stub and h.text]
    rows = [
        r
        for n, r in enumerate(grid.body)
        if r.kind == "data" and r.bold and n not in b.provision_rows and r.stub[-1]
    ]
    count = b.rng.randint(1, 2)
    marks = list(vocab.FOOTNOTE_MARKS)
    b.rng.shuffle(marks)
    marks = [m for n, m in enumerate(marks) if m.strip() not in {x.strip() for x in marks[:n]}]
    for mark in marks[:count]:
        if rows and b.rng.random() < 0.4:
            row = b.rng.choice(rows)
            row.stub[-1] = vocab.with_mark(row.stub[-1], mark)
        elif heads:
            n = b.rng.choice(heads)
            h = grid.head[n]
            grid.head[n] = HeadCell(
                h.row, h.col, h.rowspan, h.colspan, vocab.with_mark(h.text, mark)
            )
        grid.notes.append(vocab.note_for(mark, b.rng))
    grid.axes["footnotes"] = str(count)
