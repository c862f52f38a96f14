"""The review site: a static HTML folder (``OUT/review/``) a person opens from disk to see
every value on the page it came from.

In: a run's output folder (``report.json``, ``records.jsonl`` or the records handed over,
``figures.jsonl`` when present). Out: ``review/index.html``, one page per document
(``doc-N.html``) and its page images (``img/``); returns the index's path.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from extract.review.data import JsonDict, Source, load_review_input
from extract.review.document_page import document_html
from extract.review.grid import sheet_grids
from extract.review.index_page import index_html
from extract.review.pages import PageView, render_pages

SITE = "review"
IMAGES = "img"


def build_site(out: Path, records: Iterable[JsonDict] | None = None) -> Path:
    """Write the review site of the run in ``out`` to ``out/review/`` (replacing an older
    one); ``records``: the run's records as JSON dicts, else read from records.jsonl.
    Raises ``ReviewInputMissing`` when report.json or records.jsonl is not there."""
    review = load_review_input(out, records)
    site = out / SITE
    if site.exists():
        shutil.rmtree(site)
    images = site / IMAGES
    images.mkdir(parents=True)
    links = [_link(n, s) for n, s in enumerate(review.sources, start=1)]
    by_name = {s.name: link for s, link in zip(review.sources, links, strict=True) if link}
    for number, (source, link) in enumerate(zip(review.sources, links, strict=True), start=1):
        if link is None:
            continue
        views: list[PageView] = []
        note: str | None = None
        if _has_pages(source):
            text_pages = frozenset(
                r["page"] for r in source.records if r.get("source_kind") == "pdf_text"
            )
            views, note = render_pages(
                source.path,
                int(source.entry.get("pages") or 0),
                images,
                f"doc-{number}",
                text_pages,
            )
        page = document_html(
            source,
            views,
            note,
            sheet_grids(source, review.figures),
            review.figures,
            review.figures_known,
            by_name,
        )
        (site / link).write_text(page, encoding="utf-8")
    index = site / "index.html"
    index.write_text(index_html(review, links), encoding="utf-8")
    return index


def _link(number: int, source: Source) -> str | None:
    """The document's page, or None for a copy of another input (its records are there)."""
    return None if source.copy_of is not None else f"doc-{number}.html"


def _has_pages(source: Source) -> bool:
    """True for a document of pages (a PDF or a scan), not of sheets."""
    if any(isinstance(r.get("page"), int) for r in source.records):
        return True
    return not any(r.get("cell_ref") for r in source.records) and not _sheet_suffix(source)


def _sheet_suffix(source: Source) -> bool:
    return Path(source.name).suffix.lower() in {".xlsx", ".xls", ".ods", ".csv", ".tsv"}
