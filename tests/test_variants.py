"""The layout variant generator (samples/variants): deterministic, well-formed truth, every
truth box holds its printed text, every sheet cell holds it; and the scorer's categories."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from pathlib import Path

import pytest

from samples.variants import truth as tr
from samples.variants.generate import generate
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
