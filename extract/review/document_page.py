"""One document's review page: its pages with a box over every value read (or its sheets as
grids), a side panel for the value hovered or clicked, and the document's findings and
unmapped tables.

In: a ``Source`` (report entry and records), its ``PageView``s (and a note when the file
could not be shown), its sheets' grids as HTML, the figures by record id, and the link of
every document of the run. Out: the page's HTML text. Every text from a document is escaped;
the records go in as JSON the page's script reads (``assets.SCRIPT``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from html import escape
from typing import Any

from extract.codes import Status, code_meaning
from extract.review.assets import CSS, OUTCOMES, SCRIPT
from extract.review.data import JsonDict, Source
from extract.review.pages import PageView, blank_size

# A box is drawn this many points wider than the printed value on each side.
PAD = 1.0


def outcome(record: JsonDict, figures: dict[str, JsonDict]) -> str:
    """The box's classes: its outcome (``OUTCOMES``), and ``conflict`` for a figure in
    conflict."""
    status = record.get("status")
    if status == Status.ILLEGIBLE.value:
        kind = "illegible"
    elif record.get("flags"):
        kind = "flagged"
    elif status != Status.REPORTED.value:
        kind = "absent"
    else:
        kind = "clean"
    figure = figures.get(str(record.get("record_id")))
    if figure is not None and figure.get("agreement") == "conflict":
        kind += " conflict"
    return kind


def script_json(data: object) -> str:
    """``data`` as JSON safe inside a ``<script>`` element (no "<", ">" or "&" raw)."""
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_shell(title: str, header: str, main: str, aside: str, data: object) -> str:
    """A whole page: header, main part, side panel, and the data and script."""
    return (
        '<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>\n"
        f"<header>{header}</header>\n"
        f'<div class="layout"><main>{main}</main>\n<aside id="side">{aside}</aside></div>\n'
        f'<script type="application/json" id="review-data">{script_json(data)}</script>\n'
        f"<script>{SCRIPT}</script>\n</body></html>\n"
    )


def legend() -> str:
    spans = "".join(f'<span><i class="{cls}"></i>{escape(words)}</span>' for cls, words in OUTCOMES)
    return f'<div class="legend">{spans}</div>'


def document_html(
    source: Source,
    views: list[PageView],
    note: str | None,
    grids: str,
    figures: dict[str, JsonDict],
    figures_known: bool,
    links: dict[str, str],
) -> str:
    """The review page of ``source``: page images with boxes (``views``), sheet ``grids``,
    findings and unmapped tables aside; ``links`` maps a source file name to its page."""
    records = {str(r["record_id"]): _shown(r) for r in source.records}
    header = (
        '<a href="index.html">&larr; all documents</a>'
        f"<h1>{escape(source.name)}</h1>"
        f'<p class="status">{escape(source.status_words())}: '
        f"{len(records)} values, {source.flagged} to check</p>"
    )
    if note:
        header += f'<p class="note">{escape(note)}: boxes are shown on blank pages.</p>'
    header += legend()
    main = _pages_html(source.records, views, figures) + grids
    if not main:
        main = "<p>No values were read from this document.</p>"
    meanings = {c: code_meaning(c) for r in source.records for c in r.get("flags") or []}
    # only figures with other sources to show, each once, with what the panel shows of them
    mine = {
        rid: figures[rid]
        for rid in records
        if rid in figures and len(figures[rid].get("sources") or []) > 1
    }
    data = {
        "records": records,
        "meanings": meanings,
        "figures": {str(f.get("figure_id")): _panel_figure(f) for f in mine.values()},
        "figure_of": {rid: str(f.get("figure_id")) for rid, f in mine.items()},
        "figures_known": figures_known,
        "docs": links,
    }
    return page_shell(source.name, header, main, _aside(source), data)


# The record fields the side panel shows (the page carries only these, to stay light).
PANEL_FIELDS = (
    "record_id", "page", "sheet", "cell_ref", "table_id", "table_title", "row_label",
    "column_label", "cell_text", "ocr_confidence", "entity_scope", "municipality_code",
    "municipality", "period", "law_area", "law_label", "provision", "measure", "unit",
    "value", "status", "flags",
)  # fmt: skip


def _shown(record: JsonDict) -> JsonDict:
    return {name: record.get(name) for name in PANEL_FIELDS}


# What the panel shows of a figure and of each of its sources.
FIGURE_FIELDS = ("agreement", "spread", "preferred_record_id")
SOURCE_FIELDS = (
    "record_id", "source_file", "page", "sheet", "cell_ref", "value", "status", "cell_text",
    "conflicts_with",
)  # fmt: skip


def _panel_figure(figure: JsonDict) -> JsonDict:
    sources = [{n: s.get(n) for n in SOURCE_FIELDS} for s in figure.get("sources") or []]
    return {**{n: figure.get(n) for n in FIGURE_FIELDS}, "sources": sources}


def _aside(source: Source) -> str:
    parts = [
        '<div id="panel"><p>Hover over a value to see its record; click it to keep it '
        "here.</p></div>",
        "<h2>Findings</h2>",
    ]
    findings = source.entry.get("findings") or []
    if findings:
        parts.append('<ul class="findings">')
        for finding in findings:
            parts.append(_finding_item(finding))
        parts.append("</ul>")
    else:
        parts.append("<p>None.</p>")
    parts.append("<h2>Tables not mapped</h2>")
    unmapped = source.entry.get("tables_unmapped") or []
    if unmapped:
        parts.append('<ul class="unmapped-tables">')
        for table in unmapped:
            caption = f": {escape(str(table['caption']))}" if table.get("caption") else ""
            parts.append(
                f'<li class="unmapped">table {escape(str(table.get("table_id")))}'
                f"{caption} {_page_link(table.get('page'))}</li>"
            )
        parts.append("</ul>")
    else:
        parts.append("<p>None: every table seen was read.</p>")
    return "".join(parts)


def _page_link(page: object) -> str:
    if isinstance(page, int):
        return f'<a class="page-link" href="#p{page}">page {page}</a>'
    return ""


def _finding_item(finding: dict[str, Any]) -> str:
    code = str(finding.get("code"))
    meaning = code_meaning(code)
    values = "".join(
        f' <a class="value-link" href="#r-{escape(str(rid))}">value {n}</a>'
        for n, rid in enumerate(finding.get("record_ids") or [], start=1)
    )
    return (
        f'<li class="finding">{_page_link(finding.get("page"))} '
        f'<code title="{escape(meaning)}">{escape(code)}</code>: '
        f"{escape(str(finding.get('message') or ''))}{values}</li>"
    )


def _pages_html(
    records: list[JsonDict], views: list[PageView], figures: dict[str, JsonDict]
) -> str:
    on_page: dict[int, list[JsonDict]] = defaultdict(list)
    for record in records:
        if isinstance(record.get("page"), int):
            on_page[record["page"]].append(record)
    shown = {view.number: view for view in views}
    for number in sorted(set(on_page) - set(shown)):  # a page the file no longer has
        shown[number] = PageView(
            number, *blank_size([r["bbox"] for r in on_page[number] if r.get("bbox")])
        )
    parts = []
    for number in sorted(shown):
        view = shown[number]
        if view.image is None:
            boxes = [r["bbox"] for r in on_page[number] if r.get("bbox")]
            view = PageView(number, *blank_size(boxes))
        parts.append(_page_html(view, on_page[number], figures))
    return "".join(parts)


def _page_html(view: PageView, records: list[JsonDict], figures: dict[str, JsonDict]) -> str:
    if view.image is not None:
        picture = (
            f'<img src="{escape(view.image)}" loading="lazy" width="{view.width_px}" '
            f'height="{view.height_px}" alt="page {view.number}">'
        )
        style = ""
    else:
        picture = ""
        style = f' style="aspect-ratio: {view.width:.2f} / {view.height:.2f}"'
    boxes = []
    unboxed = []
    for record in records:
        rid = escape(str(record["record_id"]))
        kind = outcome(record, figures)
        bbox = record.get("bbox")
        if not bbox:
            unboxed.append(
                f'<li><a class="{kind}" id="r-{rid}" data-rid="{rid}" href="#r-{rid}">'
                f"{escape(str(record.get('cell_text')))}</a></li>"
            )
            continue
        x0, top, x1, bottom = (float(v) for v in bbox)
        left = (x0 - PAD) / view.width * 100
        width = (x1 - x0 + 2 * PAD) / view.width * 100
        up = (top - PAD) / view.height * 100
        height = (bottom - top + 2 * PAD) / view.height * 100
        boxes.append(
            f'<a class="box {kind}" id="r-{rid}" data-rid="{rid}" href="#r-{rid}" '
            f'style="left:{left:.3f}%;top:{up:.3f}%;width:{width:.3f}%;height:{height:.3f}%" '
            f'title="{escape(str(record.get("cell_text")))}"></a>'
        )
    extra = f'<ul class="unboxed">Values without a box: {"".join(unboxed)}</ul>' if unboxed else ""
    return (
        f'<section class="page" id="p{view.number}"><h2>Page {view.number}</h2>'
        f'<div class="sheet"{style}>{picture}{"".join(boxes)}</div>{extra}</section>\n'
    )
