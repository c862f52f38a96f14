"""Build the sample PDFs and their truth files from the transcribed data in sample_data.py.

Run: ``.venv/bin/python samples/make_samples.py [--out DIR]`` (default: this folder).
Each builder writes ``<stem>.pdf`` and ``<stem>.truth.jsonl`` (one JSON object per printed
value cell, sorted by page, table id, row, column) and returns the PDF path. ``overrides`` =
{(table_key, row_key, column_key): printed text} prints another text in one cell (the truth
file follows what is printed); table keys are "4.2".."4.8", "ankestatistik", "paragraffer",
"afgjorte-2020" and "omgoerelse-2020" (see README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ishoej_tables as it
import pdf_layout as pl
import sample_data as sd
import sample_tables as stb
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle

Overrides = dict[tuple[str, str, str], str]
Record = dict[str, Any]
REPORT = "aarsredegoerelse-2024"
BYRAAD = "referat-ishoej-byraad-2022-10-31"
SUNDHED = "referat-ishoej-sundhedsudvalg-2021-03-08"
SPLIT_TABLES = frozenset({"4.8", "paragraffer"})  # long tables that may continue on the next page


def place_flow(
    w: pl.PageWriter, st: pl.Styles, flow: Sequence[tuple[str, str]], tables: dict[str, Any]
) -> list[tuple[Any, ...]]:
    """Lay out a prose flow with its tables; return the truth items (sort key, record).

    ``tables[id] = (built, lead, tail)``: lead/tail are (flowable, gap) items kept with the
    table. Headings wait and go on the page of whatever follows them.
    """
    heading = {"h1": (st.h1, 14.0), "h2": (st.h2, 12.0), "h3": (st.h3, 9.0), "bold": (st.bold, 9.0)}
    pending: list[tuple[Any, float]] = []
    items: list[tuple[Any, ...]] = []
    for seq, (kind, text) in enumerate(flow):
        if kind == "newpage":
            w.new_page()
        elif kind in heading:
            style, gap = heading[kind]
            pending.append((pl.para(text, style), gap))
        elif kind in ("p", "box"):
            p: Any = pl.para(text, st.body)
            if seq + 1 < len(flow) and flow[seq + 1][0] == "table":
                pending.append((p, 6.0))  # the paragraph that introduces a table stays with it
                continue
            if kind == "box":
                shade = [
                    ("BACKGROUND", (0, 0), (0, 0), colors.HexColor("#e8eef4")),
                    ("LEFTPADDING", (0, 0), (0, 0), 8),
                    ("RIGHTPADDING", (0, 0), (0, 0), 8),
                    ("TOPPADDING", (0, 0), (0, 0), 6),
                    ("BOTTOMPADDING", (0, 0), (0, 0), 6),
                ]
                p = pl.grid_table([[p]], [w.width], "grid", 1, shade)
            w.block([*pending, (p, 6.0)])
            pending = []
        elif kind == "table":
            built, lead, tail = tables[text]
            if text in SPLIT_TABLES:
                pages = w.split_table(
                    [*pending, *lead], built.build, built.n_rows, built.header_rows, 4.0
                )
                if tail:
                    w.block(tail)
            else:
                table = built.build(range(built.n_rows))
                pages = [w.block([*pending, *lead, (table, 4.0), *tail])] * built.n_rows
            pending = []
            items.extend(stb.truth_lines(built, pages, seq))
        else:
            raise ValueError(f"unknown flow item kind {kind!r}")
    return items


def write_truth(path: Path, items: list[tuple[Any, ...]]) -> list[Record]:
    """Write the records sorted by (page, table_id, table order, row, column); return them."""
    records = [rec for _, rec in sorted(items, key=lambda kr: kr[0])]
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return records


def _footer_side(canvas: Any, page: int) -> None:
    if page > 1:
        pl.footer_text(canvas, f"Side {page}", A4[0] - 45, 28, "right")


def _footer_url(url: str) -> pl.Footer:
    def draw(canvas: Any, page: int) -> None:
        pl.footer_text(canvas, url, 30, 18)
        pl.footer_text(canvas, str(page), A4[0] - 30, 18, "right")

    return draw


def build_aarsredegoerelse(out_dir: Path, overrides: Overrides | None = None) -> Path:
    """Ankestyrelsen's Årsredegørelse 2024 (Kapitel 4 with tables 4.2-4.7, Bilag 1 table 4.8)."""
    pl.register_fonts()
    st, pr = pl.make_styles(), stb.Printer(overrides)
    path = out_dir / f"{REPORT}.pdf"
    setup = pl.PageSetup(
        45,
        45,
        50,
        50,
        "Årsredegørelse 2024",
        "Ankestyrelsen",
        "Ankestyrelsens redegørelse til Det Rådgivende Praksisudvalg",
    )
    w = pl.PageWriter(path, setup, _footer_side)
    title = ParagraphStyle("title", parent=st.h1, fontSize=30, leading=36)
    w.block(
        [
            (pl.para("Ankestyrelsen", st.h2), 0.0),
            (pl.para("Årsredegørelse 2024", title), 220.0),
            (pl.para(setup.subject, st.h2), 16.0),
        ]
    )
    w.new_page()
    items = place_flow(w, st, sd.REPORT_FLOW, stb.report_tables(st, pr, w.width))
    w.save()
    pr.check_used()
    write_truth(out_dir / f"{REPORT}.truth.jsonl", items)
    return path


def build_referat_byraad(out_dir: Path, overrides: Overrides | None = None) -> Path:
    """Ishøj Byråd 31.10.2022, punkt 230, with its bilag per provision (2021)."""
    pl.register_fonts()
    st, pr = pl.make_styles(), stb.Printer(overrides)
    path = out_dir / f"{BYRAAD}.pdf"
    setup = pl.PageSetup(
        30,
        30,
        40,
        40,
        "Referat Ishøj Byråd 31. oktober 2022",
        "Ishøj Kommune",
        "Punkt 230 Omgørelsesprocenter på socialområdet 2021",
    )
    w = pl.PageWriter(path, setup, _footer_url(sd.BYRAAD_URL))
    items = place_flow(w, st, sd.BYRAAD_FLOW, it.byraad_tables(st, pr, w.width))
    w.save()
    pr.check_used()
    write_truth(out_dir / f"{BYRAAD}.truth.jsonl", items)
    return path


def build_referat_sundhed(out_dir: Path, overrides: Overrides | None = None) -> Path:
    """Ishøj Social- og Sundhedsudvalget 8.3.2021, punkt 29 (ankestatistik 2020)."""
    pl.register_fonts()
    st, pr = pl.make_styles(), stb.Printer(overrides)
    path = out_dir / f"{SUNDHED}.pdf"
    setup = pl.PageSetup(
        30,
        30,
        40,
        40,
        "Referat Social- og Sundhedsudvalget 8. marts 2021",
        "Ishøj Kommune",
        "29. Ankestatistik for Ishøj Kommune 2020",
    )
    w = pl.PageWriter(path, setup, _footer_url(sd.SUNDHED_URL))
    items = place_flow(w, st, sd.SUNDHED_FLOW, it.sundhed_tables(st, pr, w.width))
    w.save()
    pr.check_used()
    write_truth(out_dir / f"{SUNDHED}.truth.jsonl", items)
    return path


def build_all(out_dir: Path) -> list[Path]:
    """Build the three samples into ``out_dir``, run the self-check, return the PDF paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [
        build_aarsredegoerelse(out_dir),
        build_referat_byraad(out_dir),
        build_referat_sundhed(out_dir),
    ]
    self_check(out_dir)
    return paths


def read_truth(path: Path) -> list[Record]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _pick(records: Sequence[Record], **where: Any) -> list[Record]:
    return [r for r in records if all(r[k] == v for k, v in where.items())]


def _one(records: Sequence[Record], **where: Any) -> Any:
    found = _pick(records, **where)
    assert len(found) == 1, (where, len(found))
    return found[0]["value"]


def _check_sums(recs: Sequence[Record], tid: Any, measures: Sequence[str], **where: Any) -> None:
    """Members (law_area != alle, provision null) sum to the 'alle' row, per measure and period."""
    for m in measures:
        for period in sorted({r["period"] for r in _pick(recs, table_id=tid, measure=m)}):
            sel = _pick(recs, table_id=tid, measure=m, period=period, provision=None, **where)
            total = _one(sel, law_area="alle")
            parts = sum(r["value"] or 0 for r in sel if r["law_area"] != "alle")
            assert parts == total, (tid, m, period, parts, total)


def self_check(out_dir: Path) -> dict[str, Counter[Any]]:
    """Assert that the truth files add up and the layout wraps as specified; print counts."""
    rep = read_truth(out_dir / f"{REPORT}.truth.jsonl")
    counts = ("stadfaestet", "aendret_ophaevet", "hjemvist", "realitetsbehandlede")
    _check_sums(rep, "4.4", counts)
    _check_sums(rep, "4.8", counts)
    _check_sums(rep, "4.2", ("afgjorte",))
    for tid in ("4.3", "4.4", "4.8"):
        for row in {(r["period"], r["law_area"], r["provision"]) for r in _pick(rep, table_id=tid)}:
            sel = _pick(rep, table_id=tid, period=row[0], law_area=row[1], provision=row[2])
            assert sum(_one(sel, measure=m) for m in counts[:3]) == _one(sel, measure=counts[3])
    for law in {r["law_area"] for r in _pick(rep, table_id="4.8")} - {"alle"}:
        sel = _pick(rep, table_id="4.8", law_area=law, measure="realitetsbehandlede")
        law_total = _one(sel, provision=None)
        assert sum(r["value"] for r in sel if r["provision"]) == law_total, law
    for y in sd.YEARS:
        sel = _pick(rep, table_id="4.2", period=y, law_area="alle")
        assert _one(sel, measure="bortfaldne") + _one(sel, measure="realitetsbehandlede") == _one(
            sel, measure="afgjorte"
        )
        sel7 = _pick(rep, table_id="4.7", period=y)
        assert _one(sel7, measure="medhold") + _one(sel7, measure="ikke_medhold") == _one(
            sel7, measure="indbragt_domstole"
        )
    for tid in ("4.3", "4.4", "4.6", "4.8"):
        assert (
            _one(
                rep,
                table_id=tid,
                period="2024",
                law_area="alle",
                provision=None,
                measure="realitetsbehandlede",
            )
            == 17305
        )
    byr = read_truth(out_dir / f"{BYRAAD}.truth.jsonl")
    bilag_pages = {r["page"] for r in byr if r["provision"]}  # the bilag starts on a new page
    for m in ("realitetsbehandlede", "stadfaestet", "aendret_ophaevet", "hjemvist", "afvist"):
        sel = [r for r in _pick(byr, measure=m) if r["page"] in bilag_pages]
        assert sum(r["value"] for r in sel if r["provision"]) == _one(sel, provision=None), m
    sun = read_truth(out_dir / f"{SUNDHED}.truth.jsonl")
    _check_sums(
        sun,
        None,
        ("stadfaestet", "aendret_ophaevet", "hjemvist", "afvist", "afgjorte"),
        entity_scope="kommune",
    )
    for law in {r["law_area"] for r in sun}:
        sel = _pick(sun, law_area=law, unit="count")
        assert sum(r["value"] for r in sel if r["measure"] != "afgjorte") == _one(
            sel, measure="afgjorte"
        )
    statuses = Counter(r["status"] for r in rep + byr + sun)
    assert statuses["illegible"] == 3 and statuses["not_applicable"] == 6, statuses
    _check_wraps()
    result = {
        name: Counter(str(r["table_id"]) for r in recs)
        for name, recs in ((REPORT, rep), (BYRAAD, byr), (SUNDHED, sun))
    }
    for name, counter in result.items():
        pages = {r["page"] for r in read_truth(out_dir / f"{name}.truth.jsonl")}
        print(f"{name}: {sum(counter.values())} values on pages {sorted(pages)}; {dict(counter)}")
    print(f"status counts: {dict(statuses)}")
    return result


def _check_wraps() -> None:
    """The labels the brief says must wrap do wrap (and the bilag's others do not)."""
    pl.register_fonts()
    st, st8 = pl.make_styles(), pl.make_styles(8.0)
    width = A4[0] - 90
    w48 = stb.report_tables(st, stb.Printer(None), width)["4.8"][0].build([0])._colWidths[0]
    long = "Børn - KSB - Ikke frist - Ungestøtte - § 114, stk. 1, nr. 2-4, § 114, stk. 2, § 115, "
    assert pl.wrapped_lines(long + "§ 116, § 117", st.cell, w48) == 3
    for label in (
        "Lov om aktiv beskæftigelsesindsats",
        "Lov om højeste, mellemste førtidspension m.fl.",
    ):
        assert pl.wrapped_lines(label, st.cell, 148.0) == 2, label
    bil = it.byraad_tables(st, stb.Printer(None), A4[0] - 60)["paragraffer"][0]
    wb = bil.build([0])._colWidths[0]
    two = [lab for lab, _ in sd.BILAG_TABLE if pl.wrapped_lines(lab, st8.cell, wb) == 2]
    assert len(two) == 4 and all(
        pl.wrapped_lines(lab, st8.cell, wb) <= 2 for lab, _ in sd.BILAG_TABLE
    ), two


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
