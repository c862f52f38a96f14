"""The layout variant generator (samples/variants): deterministic, well-formed truth, every
truth box holds its printed text, every sheet cell holds it; and the scorer's categories."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest

from samples.variants import captions, grid, kommuner, layout, printing, select
from samples.variants import truth as tr
from samples.variants.audit import audit, norm, table_problems, truth_problems
from samples.variants.captions import names_law
from samples.variants.generate import PERIOD_KINDS, Drawn, Printed, families, generate
from samples.variants.model import Grid
from samples.variants.score import Counts, score_doc, score_seed
from samples.variants.sheets import display

SEED, COUNT = "t1", 24


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("variants")
    generate(SEED, COUNT, out)
    return out


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_same_seed_same_bytes(generated: Path, tmp_path: Path) -> None:
    generate(SEED, COUNT, tmp_path)
    assert _digest(tmp_path) == _digest(generated)


def test_documents_are_independent_of_each_other(generated: Path, tmp_path: Path) -> None:
    generate(SEED, 3, tmp_path, start=5)
    again = _digest(tmp_path)
    assert again and all(_digest(generated)[name] == digest for name, digest in again.items())


def test_every_format_and_some_truth(generated: Path) -> None:
    docs = [p for p in generated.iterdir() if p.suffix in (".pdf", ".xlsx", ".csv")]
    assert len(docs) == COUNT
    assert {p.suffix for p in docs} == {".pdf", ".xlsx", ".csv"}
    for doc in docs:
        stem = doc.name.rsplit(".", 1)[0]
        assert tr.read(generated / f"{stem}.truth.jsonl"), doc.name
        assert (generated / f"{stem}.layout.json").exists()


def test_truth_lines_are_well_formed(generated: Path) -> None:
    for path in generated.glob("*.truth.jsonl"):
        for n, line in enumerate(tr.read(path)):
            assert tr.problems(line) == [], f"{path.name}:{n + 1}: {line}"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u00a0", " "))


def test_pdf_boxes_hold_their_printed_text(generated: Path) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    for pdf_path in sorted(generated.glob("*.pdf")):
        lines = tr.read(pdf_path.with_name(pdf_path.stem + ".truth.jsonl"))
        with pdfplumber.open(pdf_path) as pdf:
            words = {
                n: (page.width, page.height, page.extract_words(keep_blank_chars=False))
                for n, page in enumerate(pdf.pages, start=1)
            }
        for t in lines:
            width, height, page_words = words[t["page"]]
            x0, top, x1, bottom = t["bbox"]
            assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height, t
            inside = [
                w
                for w in page_words
                if x0 <= w["x0"] and w["x1"] <= x1 and top <= w["top"] and w["bottom"] <= bottom
            ]
            got = "".join(w["text"] for w in sorted(inside, key=lambda w: (w["top"], w["x0"])))
            assert _squash(got) == _squash(t["cell_text"]), (pdf_path.name, t["cell_text"], got)


def _csv_rows(path: Path) -> list[list[str]]:
    layout = json.loads(path.with_name(path.stem + ".layout.json").read_text(encoding="utf-8"))
    delimiter = {"semicolon": ";", "comma": ",", "tab": "\t"}[layout["csv"]["csv.delimiter"]]
    raw = path.read_bytes()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = raw.decode("utf-16")
    elif raw[:3] == b"\xef\xbb\xbf":
        text = raw[3:].decode("utf-8")
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _ref(ref: str) -> tuple[int, int]:
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert m, ref
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def test_sheet_cells_hold_their_printed_text(generated: Path) -> None:
    from openpyxl import load_workbook

    for path in sorted(generated.glob("*.xlsx")):
        wb = load_workbook(path)
        for t in tr.read(path.with_name(path.stem + ".truth.jsonl")):
            cell = wb[t["sheet"]][t["cell_ref"]]
            assert display(cell.value, cell.number_format) == t["cell_text"], (path.name, t)
    for path in sorted(generated.glob("*.csv")):
        rows = _csv_rows(path)
        for t in tr.read(path.with_name(path.stem + ".truth.jsonl")):
            r, c = _ref(t["cell_ref"])
            assert t["sheet"] is None
            assert rows[r][c] == t["cell_text"], (path.name, t)


def _truth(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "doc": "d.pdf",
        "format": "pdf",
        "family": "f",
        "table": 0,
        "page": 1,
        "bbox": [10.0, 10.0, 50.0, 20.0],
        "sheet": None,
        "cell_ref": None,
        "cell_text": "12",
        "entity_scope": "hele_landet",
        "municipality_code": None,
        "period": "2024",
        "period_type": "year",
        "law_area": "alle",
        "provision": None,
        "measure": "afvist",
        "unit": "count",
        "value": 12,
        "status": "reported",
        "expect": "record",
        "axes": {"a": "x"},
    }
    base.update(kw)
    return base


def _record(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "page": 1,
        "bbox": [30.0, 12.0, 40.0, 18.0],
        "sheet": None,
        "cell_ref": None,
        "entity_scope": "hele_landet",
        "municipality_code": None,
        "period": "2024",
        "law_area": "alle",
        "provision": None,
        "measure": "afvist",
        "unit": "count",
        "value": 12,
        "status": "reported",
        "flags": [],
    }
    base.update(kw)
    return base


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (_record(), Counts(exact=1)),
        (_record(value=13), Counts(wrong_silent=1)),
        (_record(value=13, flags=["sum_mismatch"]), Counts(wrong_flagged=1)),
        (_record(period="2023"), Counts(wrong_silent=1)),
        (_record(bbox=[60.0, 12.0, 70.0, 18.0]), Counts(missing_unreported=1, extra_silent=1)),
        (_record(page=2), Counts(missing_unreported=1, extra_silent=1)),
    ],
)
def test_score_categories(record: dict[str, object], expected: Counts) -> None:
    assert score_doc("d.pdf", [_truth()], [record]).counts == expected


def test_score_missing_reported_extra_and_none() -> None:
    finding = {"severity": "error", "page": 1, "table_id": "p1-t1"}
    got = score_doc("d.pdf", [_truth()], [], [finding]).counts
    assert got == Counts(missing_reported=1)
    info = {"severity": "info", "page": 1, "table_id": "p1-t1"}
    listed = Counts(missing_unreported=1, missing_listed_info=1)
    assert score_doc("d.pdf", [_truth()], [], [info]).counts == listed
    two = score_doc("d.pdf", [_truth()], [_record(), _record(value=1)]).counts
    assert two == Counts(exact=1, extra_silent=1)
    none = _truth(expect="none")
    assert score_doc("d.pdf", [none], []).counts == Counts(none_ok=1)
    assert score_doc("d.pdf", [none], [_record()]).counts == Counts(extra_silent=1)


def test_a_record_in_two_overlapping_truth_boxes_goes_to_the_nearest() -> None:
    """Cells of a page turned and skewed: their truth boxes are the turned cells' bounding
    boxes, and neighbours overlap (table 3.2 of a 180° page straightened by 1.45°: "352" at
    190.3-219.7 over "230" at 212.0-241.4). A value in the overlap is the nearer cell's."""
    upper = _truth(bbox=[64.45, 190.25, 368.36, 219.66], value=352)
    lower = _truth(bbox=[65.0, 211.99, 368.91, 241.4], value=230)
    first = _record(bbox=[70.43, 209.71, 83.78, 216.28], value=352)
    second = _record(bbox=[70.74, 231.31, 84.09, 237.88], value=230)
    assert score_doc("d.pdf", [lower, upper], [first, second]).counts == Counts(exact=2)


def test_score_by_cell_ref_and_label_normal_form() -> None:
    t = _truth(
        format="xlsx",
        page=None,
        bbox=None,
        sheet="Ark1",
        cell_ref="C7",
        provision="Tilbagebetaling af løbende hjælp til forsør- gelse - § 91",
    )
    rec = _record(
        page=None,
        bbox=None,
        sheet="Ark1",
        cell_ref="C7",
        provision="tilbagebetaling af løbende hjælp til forsørgelse – § 91",
    )
    assert score_doc("d.xlsx", [t], [rec], sheets=["Ark1"]).counts == Counts(exact=1)
    other = _record(page=None, bbox=None, sheet="Ark2", cell_ref="C7")
    assert score_doc("d.xlsx", [t], [other], sheets=["Ark1"]).counts.extra_silent == 1


def test_score_seed_runs_the_engine(tmp_path: Path) -> None:
    """The hook for accuracy thresholds on fixed seeds: generate, run, count."""
    counts = score_seed("t2", 3, tmp_path)
    assert counts.cells > 0
    assert counts.missing_listed_info <= counts.missing_unreported


# -- truth says what the document prints ------------------------------------------------


def _select(name: str, keep: dict[str, set[str]] | None = None) -> select.Selection:
    """Family ``name`` with only the member keys in ``keep`` (per axis) shown."""
    fam = families([name])[0]
    keep = keep or {}
    members = {
        a: [m for m in ms if a not in keep or m.key in keep[a] or m.law in keep[a]]
        for a, ms in fam.axes.items()
    }
    forms = kommuner.name_forms(183)
    members["entity"] = [
        replace(m, labels=forms) if m.scope == "kommune" else m for m in members["entity"]
    ]
    return select.Selection(fam, members)


def _build(
    sel: select.Selection,
    rows: list[str],
    cols: list[str],
    where: dict[str, str],
    seed: str,
    **kw: object,
) -> Grid:
    plc = layout.Placement(rows, cols, where=where, **kw)  # type: ignore[arg-type]
    ctx = layout.Context("referat", True, 30, False)
    return grid.build(sel, plc, random.Random(seed), ctx, printing.NumberStyle())


@pytest.mark.parametrize("name", ["4.2", "4.5", "4.4", "4.8"])
def test_relabelled_periods_keep_barnets_lov_in_its_years(name: str) -> None:
    """Barnets lov took effect 1 January 2024: its "-" stays before 2024, its numbers
    from 2024 on, whatever period type the periods are relabelled to."""
    fam = families([name])[0]
    relabelled = 0
    for n in range(200):
        sel = select.Selection(fam, {a: list(ms) for a, ms in fam.axes.items()})
        select.relabel(sel, 183, random.Random(f"bl:{n}"), PERIOD_KINDS)
        relabelled += sel.relabelled != "none"
        for old, new in zip(fam.axes["period"], sel.members["period"], strict=True):
            year = int((new.period or "")[:4])
            for f in fam.facts.values():
                if f.coords[1] == old.key and f.law_area == "barnets_lov":
                    assert (year < 2024) == (f.status == "not_applicable"), (n, new.period, f)
    assert relabelled > 40


@pytest.mark.parametrize("repeat", [False, True])
def test_entity_stub_column_holds_the_entity_beside_group_rows(repeat: bool) -> None:
    """rows.outer "stubcol,group": the entity column holds the entity, the measure group
    labels sit in the label column (not under the entity column's header)."""
    keep = {"measure": {"stadfaestet", "hjemvist"}, "item": {"lab"}}
    sel = _select("4.8", keep)
    styles = {"entity": "stubcol", "measure": "group"}
    g = _build(
        sel, ["entity", "measure", "item"], ["period"], {}, "e", styles=styles, repeat=repeat
    )
    entity = {norm(w) for w in sel.members["entity"][0].labels}
    measures = {norm(w) for m in sel.members["measure"] for w in m.labels}
    col0 = [norm(r.stub[0]) for r in g.body if r.stub[0]]
    assert col0 and set(col0) <= entity, col0
    groups = [norm(r.stub[1]) for r in g.body if r.kind == "group"]
    assert len([x for x in groups if x in measures]) == 2, groups
    assert table_problems(Printed("d.xlsx", "sheet", [Drawn(g, sel)], []), Drawn(g, sel), 0) == []


def test_year_rows_of_split_periods_sit_in_the_period_column() -> None:
    """Years over quarters as group rows go in the period column, not the entity column."""
    sel = _select("byraad")
    quarters = ("2023-Q4", "2024-Q1", "2024-Q2")
    sel.members["period"] = [
        replace(m, period=q) for m, q in zip(sel.members["period"], quarters, strict=True)
    ]
    styles = {"entity": "stubcol"}
    where = {"item": "caption"}
    g = _build(sel, ["entity", "period"], ["measure"], where, "y", styles=styles, split=True)
    assert not any(r.stub[0] in ("2023", "2024") for r in g.body)
    assert {r.stub[1] for r in g.body if r.kind == "group"} == {"2023", "2024"}
    printed = Printed("d.xlsx", "sheet", [Drawn(g, sel)], [])
    assert table_problems(printed, Drawn(g, sel), 0) == []


def test_fused_period_is_on_every_measure_header_also_over_antal_procent() -> None:
    sel = _select("4.4")
    where = {"period": "fused", "entity": "caption"}
    for n in range(10):
        g = _build(sel, ["item"], ["measure"], where, f"f{n}", pairs=True)
        tops = [h.text for h in g.head if not h.stub and h.row == 0]
        assert tops and all(norm(t).endswith("2024") for t in tops), tops


def test_provisions_without_their_law_row_name_the_law_in_the_caption() -> None:
    """The bilag lists serviceloven's provisions: the caption says which law they are of."""
    sel = _select("bilag")
    for n in range(20):
        g = _build(sel, ["item"], ["measure"], {"entity": "title", "period": "title"}, f"b{n}")
        assert g.caption and names_law(g.caption, "serviceloven"), g.caption


def test_counts_of_a_subject_only_a_caption_names_always_get_the_caption() -> None:
    """Table 4.2 heads its columns "Antal" / "Procent": what they count ("Afgjorte sager")
    only its caption says, so a caption is drawn every time."""
    sel = _select("4.2")
    for n in range(20):
        g = _build(sel, ["item"], ["measure", "period"], {"entity": "title"}, f"a{n}")
        assert g.caption and "afgjorte" in g.caption.casefold(), g.caption


@pytest.mark.slow  # 54 variant documents drawn and audited
def test_reader_finds_every_key_printed(tmp_path: Path) -> None:
    """The audit's reader finds every truth key where the document prints it, and no
    truth line breaks a domain rule (units, Barnets lov's years)."""
    assert audit(SEED, COUNT, tmp_path / "a") == []
    assert audit("t5", 30, tmp_path / "b", names=["4.2", "4.8", "bilag", "byraad"]) == []


def test_audit_sees_a_dimension_that_is_not_printed() -> None:
    sel = _select("byraad")
    styles = {"entity": "stubcol"}
    g = _build(sel, ["entity", "period"], ["measure"], {"item": "caption"}, "x", styles=styles)
    for row in g.body:
        row.stub[0] = ""
    found = table_problems(Printed("d.xlsx", "sheet", [Drawn(g, sel)], []), Drawn(g, sel), 0)
    assert found and all(x.startswith("[entity not printed]") for x in found)
    bad = _truth(law_area="barnets_lov", status="not_applicable", value=None, cell_text="-")
    assert any(x.startswith("[law years]") for x in truth_problems(bad))
    assert any(x.startswith("[unit]") for x in truth_problems(_truth(measure="andel_hjemvist")))


def test_caption_of_a_law_total_does_not_say_all_laws() -> None:
    """The bilag's "I alt" is serviceloven's total, not all laws."""
    total = next(m for m in families(["bilag"])[0].axes["item"] if m.role == "total")
    for n in range(20):
        text = captions.phrase("item", total, "I alt", random.Random(n), 0)
        assert "alle" not in text, text


def test_context_in_the_top_left_cell_only_over_a_single_stub_column() -> None:
    """A stub header names its column: with several stub columns the context (the period,
    the municipality) goes to the title line instead of heading the first column."""
    sel = _select("4.4")
    ctx = layout.Context("sheet", True, 30, True)
    seen = 0
    for n in range(400):
        plc = layout.place(sel, random.Random(f"s{n}"), ctx)
        if "stubcol" in plc.styles.values():
            seen += 1
            assert "stub" not in plc.where.values(), plc
    assert seen > 20
