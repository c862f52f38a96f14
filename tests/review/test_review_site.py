"""The review site's files: one lazy image per page, the CLI, a moved document, escaping,
and scans' page sizes (no browser)."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from extract.cli import main
from extract.review import build_site
from extract.review.pages import render_pages
from tests.conftest import SAMPLES
from tests.review.conftest import ANNUAL, BYRAAD, WORKBOOK, page_of, records_of


def _copy_run(out: Path, target: Path) -> Path:
    """The run's report and records (not its site) copied to ``target``."""
    target.mkdir()
    for name in ("report.json", "records.jsonl"):
        shutil.copy(out / name, target / name)
    return target


def _size(folder: Path, pattern: str = "*") -> int:
    return sum(p.stat().st_size for p in folder.rglob(pattern) if p.is_file())


def test_the_annual_report_has_one_lazy_image_per_page(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(ANNUAL), "--out", str(out), "--quiet"]) == 0
    clock = time.perf_counter()
    build_site(out)
    seconds = time.perf_counter() - clock
    pages = json.loads((out / "report.json").read_text(encoding="utf-8"))["files"][0]["pages"]
    assert pages == 11
    html = page_of(out, ANNUAL).read_text(encoding="utf-8")
    assert html.count("<img ") == pages
    assert html.count('loading="lazy"') == pages
    images = sorted((out / "review" / "img").glob("*.jpg"))
    assert len(images) == pages
    boxes = html.count('class="box ')
    assert boxes == len(records_of(out)) == 1336  # every value read has its box
    print(
        f"\nreview site of {ANNUAL.name}: {pages} pages, {boxes} boxes, "
        f"{_size(out / 'review') / 1e6:.2f} MB ({_size(out / 'review', '*.jpg') / 1e6:.2f} MB "
        f"images, {len(html.encode()) / 1e6:.2f} MB page), built in {seconds:.2f} s"
    )


def test_review_command_builds_the_site_of_a_run(
    review_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _copy_run(review_out, tmp_path / "run")
    assert main(["review", str(run)]) == 0
    assert "review site written to" in capsys.readouterr().out
    index = (run / "review" / "index.html").read_text(encoding="utf-8")
    assert f">{BYRAAD.name}</a>" in index
    # report.txt's words: three illegible values, the 52 and 50 in conflict with each other
    # (the appendix), and the 50, 31 and 36,2 % with the talportal export and the workbook
    assert "<td>ok, 7 values flagged</td>" in index
    assert "no figures.jsonl" in index


def test_review_says_which_file_it_needs(
    review_out: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run = _copy_run(review_out, tmp_path / "run")
    (run / "records.jsonl").unlink()
    assert main(["review", str(run)]) == 2
    err = capsys.readouterr().err
    assert "records.jsonl not found" in err and "--review" in err
    assert main(["review", str(tmp_path / "nothing")]) == 2
    assert "report.json not found" in capsys.readouterr().err


def test_a_moved_document_shows_its_boxes_on_blank_pages(review_out: Path, tmp_path: Path) -> None:
    run = _copy_run(review_out, tmp_path / "run")
    report = json.loads((run / "report.json").read_text(encoding="utf-8"))
    for entry in report["files"]:
        entry["path"] = str(tmp_path / "gone" / entry["source_file"])
    (run / "report.json").write_text(json.dumps(report), encoding="utf-8")
    build_site(run)
    html = page_of(run, BYRAAD).read_text(encoding="utf-8")
    assert "the document was not found where the run read it" in html
    assert "<img " not in html and "aspect-ratio: 595.28 / 841.89" in html
    assert html.count('class="box ') == 303
    assert not list((run / "review" / "img").iterdir())


def test_text_from_documents_is_escaped(tmp_path: Path) -> None:
    name = '<img src=x onerror="alert(1)">.pdf'
    hostile = "</script><script>alert(2)</script>"
    report = {
        "files": [
            {
                "source_file": name,
                "path": str(tmp_path / "missing.pdf"),
                "status": "ok",
                "source_sha256": "ab",
                "pages": 1,
                "tables_mapped": [{"table_id": "t", "page": 1, "rule_id": "r", "caption": None}],
                "tables_unmapped": [{"table_id": hostile, "page": 1, "caption": hostile}],
                "findings": [{"code": "sum_mismatch", "message": hostile, "page": 1}],
            }
        ]
    }
    record = json.loads((SAMPLES / f"{BYRAAD.stem}.records.jsonl").read_text().splitlines()[0])
    record.update(source_file=name, source_sha256="ab", cell_text=hostile, row_label=hostile)
    (tmp_path / "report.json").write_text(json.dumps(report), encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    build_site(tmp_path)
    for page in (tmp_path / "review").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html
        assert html.count("</script>") == 2  # the page's own data and script only
    html = (tmp_path / "review" / "doc-1.html").read_text(encoding="utf-8")
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html  # shown, as text


def test_a_scans_pages_are_as_large_in_points_as_its_reader_says(tmp_path: Path) -> None:
    """An image file's boxes are in points of the image at its resolution: the review page
    has the same size, so percentages of it land on the scan."""
    tiff = SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff"
    views, note = render_pages(tiff, 2, tmp_path / "img", "scan")
    assert note is None and [v.number for v in views] == [1, 2]
    golden = SAMPLES / f"{tiff.name}.records.jsonl"
    boxes = [json.loads(line)["bbox"] for line in golden.read_text().splitlines()]
    for view in views:
        assert view.width == pytest.approx(595, abs=2)  # A4 at the scan's dpi
        assert view.width_px == 900 and view.width / view.height == pytest.approx(
            view.width_px / view.height_px, rel=0.01
        )
    assert max(b[2] for b in boxes) < views[0].width and max(b[3] for b in boxes) < views[0].height


def test_extract_review_needs_no_jsonl(tmp_path: Path) -> None:
    """``extract --review`` hands the records over: a run writing only CSV has its site."""
    out = tmp_path / "out"
    args = ["extract", str(WORKBOOK), "--out", str(out), "--format", "csv", "--review"]
    assert main([*args, "--quiet"]) == 0
    assert not (out / "records.jsonl").exists()
    html = page_of(out, WORKBOOK).read_text(encoding="utf-8")
    assert html.count("data-rid=") == 24
    assert "Omgørelsesprocent" in html  # the sheet's own labels, read again


def test_a_text_page_with_rotate_is_shown_as_its_boxes_are_measured(tmp_path: Path) -> None:
    """PDFium gives a text layer's words on the page as stored, its /Rotate not applied; an
    OCR'd page's boxes are on the page as shown."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(BYRAAD)
    pdf[0].set_rotation(90)
    turned = tmp_path / "turned.pdf"
    pdf.save(turned)
    pdf.close()
    as_stored, _ = render_pages(turned, 4, tmp_path / "a", "a", frozenset({1}))
    as_shown, _ = render_pages(turned, 4, tmp_path / "b", "b")
    assert as_stored[0].width < as_stored[0].height
    assert as_stored[0].height_px > as_stored[0].width_px
    assert as_shown[0].width > as_shown[0].height and as_shown[0].width_px > as_shown[0].height_px


def test_a_copy_of_another_input_is_named_not_shown_twice(tmp_path: Path) -> None:
    shutil.copy(WORKBOOK, tmp_path / "a.xlsx")
    shutil.copy(WORKBOOK, tmp_path / "b.xlsx")
    out = tmp_path / "out"
    assert (
        main(
            [
                "extract",
                str(tmp_path / "a.xlsx"),
                str(tmp_path / "b.xlsx"),
                "--out",
                str(out),
                "--review",
                "--quiet",
            ]
        )
        == 0
    )
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    assert '<a href="doc-1.html">a.xlsx</a>' in index and "doc-2.html" not in index
    assert (
        f"<td>ok, the same bytes as {tmp_path / 'a.xlsx'} (read once, records there)</td>" in index
    )
    assert sorted(p.name for p in (out / "review").glob("doc-*.html")) == ["doc-1.html"]


def test_the_index_names_each_figure_in_conflict_by_its_key(review_out: Path) -> None:
    """The run's figures in conflict, each named by what it is and linked to its sources."""
    index = (review_out / "review" / "index.html").read_text(encoding="utf-8")
    section = index.split('<ul class="conflicts">')[1].split("</ul>")[0]
    items = section.split("<li>")[1:]
    named = sorted(item.split(":")[0] for item in items)
    assert "Hele landet, 2020, serviceloven, omgoerelsesprocent" in named
    assert "Ishøj, 2021, serviceloven, realitetsbehandlede" in named
    national = next(i for i in items if i.startswith("Hele landet, 2020"))
    assert "&#x27;0.363&#x27;" in national and "&#x27;36,2 %&#x27;" in national


def test_a_page_carries_each_figure_with_other_sources_once(review_out: Path) -> None:
    """The page's data holds only figures with two sources or more, each once under its id
    with the fields the panel shows; every record of such a figure points to it."""
    html = page_of(review_out, BYRAAD).read_text(encoding="utf-8")
    text = html.split('id="review-data">')[1].split("</script>")[0]
    data = json.loads(text.replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&"))
    figures, figure_of = data["figures"], data["figure_of"]
    assert figures and all(len(f["sources"]) > 1 for f in figures.values())
    assert set(figure_of.values()) == set(figures)
    assert all(rid in data["records"] for rid in figure_of)
    source = next(iter(figures.values()))["sources"][0]
    assert set(source) == {
        "record_id", "source_file", "page", "sheet", "cell_ref", "value", "status",
        "cell_text", "conflicts_with",
    }  # fmt: skip
    # the byråd 52 (p1-t1): its figure, with the appendix's 50 and the talportal's 52
    ids = {r["record_id"] for r in records_of(review_out) if r["source_file"] == BYRAAD.name}
    in_conflict = [f for f in figures.values() if f["agreement"] == "conflict"]
    assert in_conflict and all(
        any(s["record_id"] in ids for s in f["sources"]) for f in in_conflict
    )
