"""The review site's first page: every document of the run with its status in words and its
counts, and the figures whose sources disagree across documents.

In: the ``ReviewInput`` and each document's page link. Out: the HTML text of index.html.
"""

from __future__ import annotations

from html import escape

from extract.review.data import JsonDict, ReviewInput
from extract.review.document_page import legend, page_shell


def index_html(review: ReviewInput, links: list[str | None]) -> str:
    """index.html: a row per document (``links``: its page, in report order) and the
    figures in conflict."""
    rows = []
    for source, link in zip(review.sources, links, strict=True):
        name = escape(source.name)
        cell = f'<a href="{escape(link)}">{name}</a>' if link else name
        rows.append(
            f'<tr class="doc"><td>{cell}</td><td>{escape(source.status_words())}</td>'
            f'<td class="num">{len(source.records)}</td><td class="num">{source.flagged}</td>'
            f'<td class="num">{len(source.entry.get("findings") or [])}</td></tr>'
        )
    table = (
        '<table class="docs"><tr><th>Document</th><th>Status</th><th>Values</th>'
        f"<th>Flagged</th><th>Findings</th></tr>{''.join(rows)}</table>"
    )
    docs = {s.name: link for s, link in zip(review.sources, links, strict=True) if link}
    main = "<h2>Documents</h2>" + table + _conflicts(review, docs)
    documents, values = len(review.sources), sum(len(s.records) for s in review.sources)
    header = (
        f"<h1>Review: {documents} document{'s' if documents != 1 else ''}, "
        f"{values} value{'s' if values != 1 else ''}</h1>"
        "<p>Open a document to see every value on the page it came from.</p>" + legend()
    )
    aside = (
        '<div id="panel"><p>Each document\'s page shows its values as boxes on its pages '
        "(or cells of its sheets), coloured by outcome.</p></div>"
    )
    data = {"records": {}, "meanings": {}, "figures": {}, "figures_known": False, "docs": {}}
    return page_shell("ankestat review", header, main, aside, data)


def _conflicts(review: ReviewInput, docs: dict[str, str]) -> str:
    if not review.figures_known:
        return (
            "<h2>Figures in conflict</h2><p>Not known: this run's folder has no figures.jsonl.</p>"
        )
    conflicts = review.conflicts()
    if not conflicts:
        return "<h2>Figures in conflict</h2><p>None: no two sources disagree.</p>"
    items = "".join(_conflict_item(figure, docs) for figure in conflicts)
    return f'<h2>Figures in conflict ({len(conflicts)})</h2><ul class="conflicts">{items}</ul>'


def _conflict_item(figure: JsonDict, docs: dict[str, str]) -> str:
    sources = []
    for source in figure.get("sources") or []:
        name = str(source.get("source_file"))
        where = (
            f"page {source['page']}"
            if source.get("page") is not None
            else f"cell {source.get('cell_ref')}"
        )
        label = escape(f"{name}, {where}: '{source.get('cell_text')}'")
        link = docs.get(name)
        rid = escape(str(source.get("record_id")))
        sources.append(f'<a href="{escape(link)}#r-{rid}">{label}</a>' if link else label)
    return f"<li>{escape(figure_label(figure))}: {' vs '.join(sources)}</li>"


def figure_label(figure: JsonDict) -> str:
    """What a figure is, in words: "Hele landet, 2020, serviceloven, omgoerelsesprocent"
    (the municipality by name, the provision when there is one); its id if it has no key."""
    who = (
        "Hele landet"
        if figure.get("entity_scope") == "hele_landet"
        else figure.get("municipality") or figure.get("municipality_code")
    )
    parts = [who, figure.get("period"), figure.get("law_area"), figure.get("provision")]
    words = [str(p) for p in (*parts, figure.get("measure")) if p not in (None, "")]
    return ", ".join(words) if len(words) > 1 else str(figure.get("figure_id"))
