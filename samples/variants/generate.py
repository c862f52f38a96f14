"""Generate variant documents with their truth: ``generate(seed, count, out)``.

Document ``i`` of seed ``s`` is drawn from ``random.Random(f"{s}:{i}")`` alone, so it is the
same bytes whatever else is generated. Each document gets ``<stem>.<ext>``,
``<stem>.truth.jsonl`` (one line per printed value cell) and ``<stem>.layout.json`` (the
document-level draw).
"""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.codes import PeriodType
from samples.variants import docs_pdf, fonts, grid, kommuner, layout, pdf_doc, printing, select
from samples.variants import sheets as sh
from samples.variants import truth as tr
from samples.variants.families import report_families
from samples.variants.families_local import local_families
from samples.variants.model import Family, Grid
from samples.variants.pdf_table import draw_look

FORMATS = ("pdf", "xlsx", "csv")
PERIOD_KINDS = tuple(PeriodType)


def families(names: Sequence[str] | None = None) -> list[Family]:
    """Every family, or those named (e.g. "4.4", "byraad", "fanoe")."""
    pool = report_families() + local_families()
    if names:
        pool = [f for f in pool if f.name in names]
        if not pool:
            raise ValueError(f"no family among {list(names)}")
    return pool


@dataclass
class Drawn:
    """A table drawn from a family, with the selection it shows."""

    grid: Grid
    sel: select.Selection


@dataclass
class Printed:
    """A document's tables and the heading texts printed around them (letterhead, titles,
    running header, a sheet's heading row), for checks such as ``samples.variants.audit``."""

    doc: str
    kind: str
    tables: list[Drawn]
    heading: list[str]


def draw_table(
    fam: Family, rng: random.Random, ctx: layout.Context, code: int, limit: int
) -> Drawn:
    """Subset, relabel, place and build one table."""
    sel = select.draw(fam, rng, ctx.sheet, limit)
    select.relabel(sel, code, rng, PERIOD_KINDS)
    plc = layout.place(sel, rng, ctx)
    g = grid.build(sel, plc, rng, ctx, printing.draw_style(rng, sheet=ctx.sheet))
    g.axes["family"] = fam.name
    g.axes["period.relabelled"] = sel.relabelled
    g.axes["period.type"] = (g.values()[0].truth.period_type or "none") if g.values() else "none"
    n = len(g.values())
    g.axes["size"] = "1-10" if n <= 10 else "11-50" if n <= 50 else "51-200" if n <= 200 else ">200"
    return Drawn(g, sel)


def _years(drawn: list[Drawn]) -> int:
    ys = [int((v.truth.period or "0")[:4]) for d in drawn for v in d.grid.values()]
    return max([y for y in ys if y] or [2024])


def _pick_families(rng: random.Random, pool: list[Family], kind: str, n: int) -> list[Family]:
    national = [f for f in pool if f.national]
    local = [f for f in pool if not f.national]
    if kind == "aarsredegoerelse":
        first = national
    elif kind == "referat":
        first = local or national
    else:
        first = pool
    chosen = [rng.choice(first)]
    rest = [f for f in (national if kind == "aarsredegoerelse" else pool) if f not in chosen]
    chosen += rng.sample(rest, min(n - 1, len(rest)))
    return chosen


def _pdf_heading(doc: pdf_doc.PdfDoc) -> list[str]:
    """The document's heading texts: headings, letterhead lines, the running header."""
    out = [b.text for b in doc.blocks if isinstance(b, pdf_doc.Heading)]
    out += [b.text for b in doc.blocks if isinstance(b, pdf_doc.Para) and b.small]
    return [*out, doc.furniture.header or ""]


def _pdf(
    rng: random.Random,
    stem: str,
    out: Path,
    pool: list[Family],
    code: int,
    sink: list[Printed] | None = None,
) -> dict[str, Any]:
    has_national = any(f.national for f in pool)
    has_local = any(not f.national for f in pool)
    kinds = [
        ("aarsredegoerelse", 0.35 if has_national else 0.0),
        ("referat", 0.45 if has_local else 0.0),
        ("notat", 0.2),
    ]
    kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
    fams = _pick_families(rng, pool, kind, rng.choices([1, 2, 3], [0.5, 0.35, 0.15])[0])
    landscape = rng.random() < 0.15
    kommune = kommuner.name_forms(code)[rng.choice([1, 1, 2, 0])]
    for _ in range(3):
        spec = docs_pdf.page_spec(rng, landscape)
        avail = spec.width - spec.left - spec.right
        fitted: list[docs_pdf.Fitted] = []
        drawn: list[Drawn] = []
        for fam in fams:
            for max_cols in (18 if landscape else 12, 10, 8, 6, 4, 3, 2):
                ctx = layout.Context(kind, len(fams) == 1, max_cols, False)
                d = draw_table(fam, rng, ctx, code, 700 if rng.random() < 0.7 else 1100)
                got = docs_pdf.fit(d.grid, draw_look(rng), avail)
                if got is not None:
                    fitted.append(docs_pdf.Fitted(d.grid, *got))
                    drawn.append(d)
                    break
        if len(fitted) == len(fams):
            break
        landscape = True
    else:
        raise RuntimeError(f"{stem}: a table does not fit the page")
    year = _years(drawn)
    heading = drawn[0].grid.heading if len(drawn) == 1 else {}
    years = {(v.truth.period or "")[:4] for d in drawn for v in d.grid.values()} - {""}
    if "period" not in heading and len(years) == 1:
        heading = {**heading, "year": years.pop()}
    if kind == "aarsredegoerelse":
        doc = docs_pdf.report(rng, spec, fitted, year)
    elif kind == "referat":
        doc = docs_pdf.minutes(rng, spec, fitted, code, kommune, year, heading)
    else:
        doc = docs_pdf.notat(rng, spec, fitted, code, kommune, year, heading)
    path = out / f"{stem}.pdf"
    pages, placed = pdf_doc.render(path, doc)
    if sink is not None:
        sink.append(Printed(path.name, kind, drawn, _pdf_heading(doc)))
    by_table: dict[int, set[int]] = {}
    for index, p in placed:
        by_table.setdefault(index, set()).add(p.page)
    per_page: dict[int, int] = {}
    for pg in {min(ps) for ps in by_table.values()}:
        per_page[pg] = sum(1 for ps in by_table.values() if min(ps) == pg)
    lines = []
    for index, p in placed:
        f = fitted[index]
        ps = by_table[index]
        axes = {
            **f.grid.axes,
            **f.look.axes(),
            "doc.kind": kind,
            "format": "pdf",
            "pdf.orientation": "landscape" if landscape else "portrait",
            "pdf.split": "none"
            if len(ps) == 1
            else ("repeat-header" if f.look.repeat_header else "no-header"),
            "pdf.shared_page": str(per_page.get(min(ps), 1) > 1).lower(),
        }
        bbox = [round(v, 2) for v in p.bbox]
        where = {"page": p.page, "bbox": bbox}
        lines.append(
            tr.line(path.name, "pdf", f.grid.family, index, where, p.cell.text, p.cell.truth, axes)
        )
    tr.write(out / f"{stem}.truth.jsonl", lines)
    distractors = sum(
        1 for b in doc.blocks if isinstance(b, pdf_doc.TableBlock) and b.index is None
    )
    return {
        "doc": path.name,
        "format": "pdf",
        "kind": kind,
        "pages": pages,
        "page_size": [spec.width, spec.height],
        "margins": [spec.left, spec.top],
        "distractor_tables": distractors,
        "municipality_code": code,
        "tables": [{"family": f.grid.family, "caption": f.grid.caption} for f in fitted],
    }


def _sheet_cells(
    rng: random.Random,
    drawn: list[Drawn],
    kommune: str,
    is_csv: bool,
    cells: sh.Cells,
    first: bool,
    heading: list[str],
) -> list[tuple[int, sh.SheetCell, dict[str, str]]]:
    out = []
    parts = {a: t for d in drawn for a, t in d.grid.heading.items()}
    if parts or (first and rng.random() < 0.3):
        entity = parts.get("entity", kommune if rng.random() < 0.5 else "")
        period = parts.get("period", "")
        heading.append(" ".join(x for x in ("Ankestatistik", entity, period) if x))
        cells.text_row(heading[-1], True)
    for n, d in enumerate(drawn):
        g = d.grid
        if g.caption:
            cells.text_row(g.caption, True)
        if g.title:
            cells.text_row(g.title, True)
        look = sh.draw_look(rng, is_csv)
        cells.row += look.title_gap if (g.caption or g.title or cells.row) else 0
        for c in sh.put_grid(cells, g, look):
            out.append((n, c, {**g.axes, **look.axes()}))
        if rng.random() < 0.4:
            cells.text_row(
                rng.choice(
                    (
                        "Kilde: Ankestyrelsen",
                        "Kilde: Ankestyrelsens talportal",
                        "Note: . = diskretioneret",
                    )
                )
            )
        cells.row += rng.choice([1, 2, 3])
    return out


def _sheet(
    rng: random.Random,
    stem: str,
    out: Path,
    pool: list[Family],
    code: int,
    is_csv: bool,
    sink: list[Printed] | None = None,
) -> dict[str, Any]:
    n = 1 if is_csv else rng.choices([1, 2], [0.7, 0.3])[0]
    kind = "csv" if is_csv else "sheet"
    fams = rng.sample(pool, min(n, len(pool)))
    kommune = kommuner.name_forms(code)[rng.choice([0, 1, 1, 2])]
    drawn = [draw_table(f, rng, layout.Context(kind, n == 1, 30, True), code, 2500) for f in fams]
    ext = "csv" if is_csv else "xlsx"
    path = out / f"{stem}.{ext}"
    two_sheets = n > 1 and rng.random() < 0.5
    groups = [[d] for d in drawn] if two_sheets else [drawn]
    names = rng.sample(["Ark1", "Tabel", "Data", "Ankestatistik", "Omgørelsesprocent", "Ark2"], 2)
    written: list[tuple[str | None, int, sh.SheetCell, dict[str, str]]] = []
    sheets: list[tuple[str, sh.Cells]] = []
    base = 0
    heading: list[str] = []
    for s, group in enumerate(groups):
        cells = sh.Cells(row=rng.choice([0, 0, 1, 2]))
        for index, cell, axes in _sheet_cells(rng, group, kommune, is_csv, cells, s == 0, heading):
            written.append((None if is_csv else names[s], base + index, cell, axes))
        base += len(group)
        sheets.append((names[s], cells))
    dialect = sh.draw_dialect(rng)
    if is_csv:
        sh.write_csv(path, sheets[0][1], dialect)
    else:
        sh.write_xlsx(path, sheets)
    lines = []
    for sheet, index, cell, axes in written:
        extra = dialect.axes() if is_csv else {}
        axes = {**axes, **extra, "doc.kind": kind, "format": ext}
        where = {"sheet": sheet, "cell_ref": cell.ref}
        lines.append(
            tr.line(
                path.name, ext, drawn[index].grid.family, index, where, cell.text, cell.truth, axes
            )
        )
    tr.write(out / f"{stem}.truth.jsonl", lines)
    if sink is not None:
        sink.append(Printed(path.name, kind, drawn, heading))
    return {
        "doc": path.name,
        "format": ext,
        "kind": kind,
        "municipality_code": code,
        "sheets": [None] if is_csv else [name for name, _ in sheets],
        "csv": dialect.axes() if is_csv else None,
        "tables": [{"family": d.grid.family, "caption": d.grid.caption} for d in drawn],
    }


def generate_one(
    seed: str,
    index: int,
    out: Path,
    formats: Sequence[str],
    pool: list[Family],
    sink: list[Printed] | None = None,
) -> Path:
    """Write document ``index`` of ``seed`` (document, truth, layout) into ``out``; append
    what it printed to ``sink`` when given."""
    fonts.register()
    rng = random.Random(f"{seed}:{index}")
    weights = {"pdf": 0.45, "xlsx": 0.3, "csv": 0.25}
    fmt = rng.choices(list(formats), [weights[f] for f in formats])[0]
    stem = f"v{seed}-{index:04d}"
    code = kommuner.draw(rng, rng.choice([183, 563]))
    if fmt == "pdf":
        info = _pdf(rng, stem, out, pool, code, sink)
    else:
        info = _sheet(rng, stem, out, pool, code, fmt == "csv", sink)
    info = {"seed": seed, "index": index, **info}
    (out / f"{stem}.layout.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return out / str(info["doc"])


def generate(
    seed: str,
    count: int,
    out: Path,
    formats: Sequence[str] = FORMATS,
    names: Sequence[str] | None = None,
    start: int = 0,
) -> list[Path]:
    """Write ``count`` documents of ``seed`` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    pool = families(names)
    return [generate_one(seed, i, out, formats, pool) for i in range(start, start + count)]
