"""Classification: what kind of document a file is, from its heading.

In: the first pages with words (or the first sheets with rows), and whether any page is a
sheet or an OCR reading. Out: a ``DocumentContext`` (the type from rules/document_types.yaml,
and the heading text rules may read dimensions from). The heading is the first such page's
first lines; when they name no type, the running heads of the next pages may ("Ankestyrelsen |
Årsredegørelse 2024" over the pages of an excerpt that starts on a chapter), and last what the
file says of itself (a PDF's metadata title, "Årsredegørelse 2024", when no page prints it).
The pipeline learns the type as pages stream past; ``document_context`` does the same for a
whole document.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.codes import DocumentTypeCode
from extract.detect.layout import group_lines
from extract.interpret.rulebook import Rulebook
from extract.model import Document, DocumentContext, PageContent
from extract.normalise.labels import label_key

HEADING_LINES = 15
# OCR'd words read with less confidence than this are no part of a heading.
HEADING_CONFIDENCE = 50.0
# How many pages with words are looked at for the document's type, and how many first lines
# of each page after the first (its running head) may say it.
TYPE_PAGES = 3
RUNNING_HEAD_LINES = 2


def document_context(document: Document, rulebook: Rulebook) -> DocumentContext:
    """The document's type (from rules/document_types.yaml) and its heading text."""
    headings = [h for page in document.pages if (h := page_heading(page)) is not None]
    sheets = any(page.sheet is not None for page in document.pages)
    scanned = any(page.source_kind for page in document.pages)
    return context_for(
        headings[:TYPE_PAGES],
        rulebook,
        sheets=sheets,
        scanned=scanned,
        described=document.described,
    )


def page_heading(page: PageContent) -> str | None:
    """The first lines of a page with words or of a sheet with rows (the document's heading
    is its first such page's); None for a page with neither. OCR'd words read with less
    than HEADING_CONFIDENCE are left out: a dotted leader read as "LEE L ÆRØ E EEK" names
    no municipality."""
    words = [w for w in page.words if w.confidence is None or w.confidence >= HEADING_CONFIDENCE]
    if words:
        return "\n".join(line.text for line in group_lines(words)[:HEADING_LINES])
    if page.sheet is not None and page.sheet.rows:
        return _sheet_heading(page)
    return None


def named_type(headings: Sequence[str], rulebook: Rulebook, described: str = "") -> str | None:
    """The type whose pattern the first heading matches, else the first running head (the
    first lines of a later page's heading) that matches one, else the one the file's own
    description (``Document.described``) matches; None when none does."""
    running = ("\n".join(h.splitlines()[:RUNNING_HEAD_LINES]) for h in headings[1:])
    for text in [*headings[:1], *running, described]:
        key = label_key(text.replace("\n", " "))
        for document_type in rulebook.document_types:
            if any(pattern.search(key) for pattern in document_type.patterns):
                return document_type.code
    return None


def context_for(
    headings: Sequence[str],
    rulebook: Rulebook,
    *,
    sheets: bool,
    scanned: bool,
    described: str = "",
) -> DocumentContext:
    """The type the headings or the file's description name (``named_type``); else a
    spreadsheet's, a scan's or none. The heading text is the first page's."""
    heading = headings[0] if headings else ""
    code = named_type(headings, rulebook, described)
    if code is not None:
        return DocumentContext(code, heading)
    if sheets:
        return DocumentContext(DocumentTypeCode.REGNEARK, heading)  # a spreadsheet of no known kind
    # pages that came back as scans are what an aktindsigt (FOI reply) looks like
    kind = DocumentTypeCode.AKTINDSIGT if scanned else DocumentTypeCode.UKENDT
    return DocumentContext(kind, heading)


def _sheet_heading(page: PageContent) -> str:
    """The first lines of a sheet: each non-empty row's cell texts joined with spaces."""
    assert page.sheet is not None
    lines: list[str] = []
    for row in page.sheet.rows:
        text = " ".join(v.text.strip() for v in row if v is not None and v.text.strip())
        if text:
            lines.append(text)
        if len(lines) == HEADING_LINES:
            break
    return "\n".join(lines)
