"""Law rows and the provision rows under them.

In: the row plans of a table with law rows (rows whose label is a law area) and provision
candidates (labels the vocabulary does not know), the rows' cells and the known provisions.
Out: the plans with each provision joined to its law row: the law row above it, or below it
when the table starts with provisions (law rows then close their groups as subtotals, which
their sums must prove: the table may go on from a page whose law row it lacks).

A law row with values is the subtotal of the rows under it as far as the numbers say so: the
nearest rows whose sum equals it in some column are its provisions, and a row after them is
not. When no run of rows adds up to it, a row under it is its provision if the table shows so
elsewhere (the same row under the same law, proven by its numbers), if it looks like a
provision (it cites a paragraph, "§", is a known provision, or names that law: "Diverse -
Aktivloven"), or, in a table of provisions (many rows cite paragraphs), if it is no law's name.
Any other row is a law area or a category the vocabulary does not know, not a provision of the
law row above it ("Højeste/mellemste førtidspension" printed under "Sygedagpengeloven" in a
table of law areas), and is left unresolved; after a row that reads like a law's name
("Repatrieringsloven") or names another law area, the rows under it are that law's, so they
are left unresolved too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from fractions import Fraction

from extract.codes import Status
from extract.interpret.plans import RowPlan
from extract.interpret.vocabulary import KnownProvision
from extract.model import Cell, TableRow
from extract.normalise.labels import label_key
from extract.normalise.numbers import read_cell

# The name of a law: "Lov om ...", or one word ending in -lov, -loven, -love.
_LAW_NAME = re.compile(r"^(?:lov(?:en)? om\b|[^\W\d_]+lov(?:en|e|ene)?$)")


def law_groups(
    plans: list[RowPlan],
    rows: Sequence[TableRow],
    known: Mapping[str, KnownProvision],
    named_law: Callable[[int], str | None],
    *,
    context_law: str | None = None,
) -> list[RowPlan]:
    """The plans with provisions joined to their law rows (see the module docstring).
    ``named_law(i)`` is the law area row ``i``'s own label names, if any ("Diverse -
    pensionsloven"). A table that repeats its law rows and provisions (once per measure, say)
    joins a provision everywhere it is joined once by the numbers. A law row closing the
    provisions above it is theirs without its sums when it is the law the caption or title
    gives the whole table (``context_law``: "… paragraffer i servicelov" over "Serviceloven i
    alt", its provisions' counts suppressed)."""
    out = {p.index: p for p in plans}
    groups, closing = _members(plans)
    joined = {law: _joined(law, indices, rows, known, named_law) for law, indices in groups.items()}
    proven = {
        (out[law].dims["law"], label_key(rows[i].label))
        for law, indices in groups.items()
        if joined[law]
        for i in indices[: joined[law]]
    }
    candidates = [i for indices in groups.values() for i in indices]
    cited = sum(1 for i in candidates if _cites(rows[i].label, known))
    provisions_table = 3 * cited >= len(candidates)  # rows citing paragraphs abound
    for law_index, indices in groups.items():
        law = out[law_index]
        code = law.dims["law"]
        if joined[law_index]:
            out[law_index] = replace(law, kind="law")
        broken = ""
        for n, i in enumerate(indices):
            plan = out[i]
            label = rows[i].label
            if joined[law_index]:
                member = n < joined[law_index]
            elif closing:
                # a law row under its provisions closes them only as its sums (here or
                # elsewhere in the table) prove
                member = (code, label_key(label)) in proven or code == context_law
            else:
                member = (
                    (code, label_key(label)) in proven
                    or _cites(label, known)
                    or named_law(i) == code
                    or (provisions_table and not _lawish(label) and named_law(i) is None)
                )
            elsewhere = known.get(label_key(label))
            if member and elsewhere is not None and code not in elsewhere.listed_under:
                member = False  # a known provision of another law area: a law row was lost
                broken = broken or f"'{label}' is a provision of {elsewhere.law}"
            if member and not broken:
                out[i] = replace(
                    plan,
                    # what else the law row names is its provisions' too ("Stadfæstelse
                    # Barnets Lov" over the provisions it adds up)
                    dims={**law.dims, **plan.dims, "law": code},
                    group_row=law_index,
                    law_label=rows[law_index].label,
                )
                continue
            why = broken or (
                f"after the rows that add up to '{rows[law_index].label}'"
                if joined[law_index]
                else f"the rows above '{rows[law_index].label}' do not add up to it"
                if closing
                else f"no paragraph, and the rows under '{rows[law_index].label}' do not add "
                "up to it"
            )
            out[i] = replace(plan, kind="unresolved", note=f"not understood: {why}")
            if _lawish(label) or named_law(i) is not None or joined[law_index]:
                # an unknown law, or another law area half read ("om aktiv
                # beskæftigelsesindsats" under "Lov"): the rows after it are its own
                broken = broken or f"follows '{label}', which was not understood"
    return [out[p.index] for p in plans]


def _joined(
    law: int,
    indices: Sequence[int],
    rows: Sequence[TableRow],
    known: Mapping[str, KnownProvision],
    named_law: Callable[[int], str | None],
) -> int:
    """How many of the rows under law row ``law`` its numbers prove to be its provisions."""
    code = named_law(law)

    def cites(i: int) -> bool:
        return _cites(rows[i].label, known) or (code is not None and named_law(i) == code)

    members = [rows[i] for i in indices]
    joined = _adding_up(rows[law], members)
    while 0 < joined < len(indices) and cites(indices[joined]) and _zero(members[joined]):
        joined += 1  # rows of zeros after the sum still add up to it
    if joined and any(cites(i) for i in indices[joined:]):
        return 0  # a paragraph after the rows that "add up": the sum was a coincidence
    return joined


def _members(plans: Sequence[RowPlan]) -> tuple[dict[int, list[int]], bool]:
    """Law row index -> the provision candidates joined to it; and whether law rows close
    their groups (the table starts with provisions and ends with a law row: the law row of
    each group is below it)."""
    value_rows = [p for p in plans if p.kind in ("member", "total", "provision")]
    named = [p for p in value_rows if p.kind != "total" or "law" in p.dims]
    # provisions first and a law row last: law rows close their groups; provisions first and
    # last: the table goes on from a page with the law row of its first rows
    closes = bool(named) and named[0].kind == "provision" and named[-1].kind != "provision"
    members: dict[int, list[int]] = {}
    current: RowPlan | None = None
    for plan in reversed(plans) if closes else plans:
        if plan.kind in ("member", "total"):
            current = plan if "law" in plan.dims else None
        elif plan.kind == "header" and "law" in plan.dims:
            current = None  # provisions under a law header carry its law
        elif plan.kind == "provision" and current is not None:
            members.setdefault(current.index, []).append(plan.index)
    return members, closes


def _adding_up(law: TableRow, members: Sequence[TableRow]) -> int:
    """How many of the members (nearest first) add up to the law row: the number whose sums
    equal its values in the most columns (the count columns all match there; a percent column
    printed without "%" rarely does), the fewest on a tie; 0 if none matches anywhere."""
    columns = [
        (column, total)
        for column, cell in enumerate(law.cells)
        if (total := _number(cell)) is not None and total > 0
    ]
    sums: dict[int, Fraction | int] = {column: 0 for column, _ in columns}
    unusable: set[int] = set()  # columns where a member printed no count
    best, best_matches = 0, 0
    for n, row in enumerate(members, start=1):
        matches = 0
        for column, total in columns:
            part = _number(row.cells[column]) if column < len(row.cells) else None
            if part is None:
                unusable.add(column)
            if column in unusable or part is None:
                continue
            sums[column] += part
            matches += sums[column] == total
        if matches > best_matches:
            best, best_matches = n, matches
    return best


def _zero(row: TableRow) -> bool:
    """Whether a row prints 0 (or "-") wherever it prints a count."""
    return all(_number(cell) in (None, 0) for cell in row.cells)


def _number(cell: Cell | None) -> Fraction | int | None:
    """A cell's count (a number without a percent sign; "-" is 0), or None: exact (a whole
    number as an int, most of them, else a Fraction)."""
    if cell is None:
        return None
    parsed = read_cell(cell)
    if parsed.status is Status.NIL:
        return 0
    value = parsed.value
    if parsed.status is not Status.REPORTED or value is None or parsed.percent_sign:
        return None
    return int(value) if value % 1 == 0 else Fraction(repr(value))


def _lawish(label: str) -> bool:
    """Whether a label reads like the name of a law ("Repatrieringsloven", "Lov om ...")."""
    return bool(_LAW_NAME.match(label_key(label)))


def _cites(label: str, known: Mapping[str, KnownProvision]) -> bool:
    """Whether a label looks like a provision: it cites a paragraph or is a known one."""
    return "§" in label or label_key(label) in known
