"""Classification: what kind of document a file is, from its heading.

In: the first page with words (or the first sheet with rows), and whether any page is a sheet
or an OCR reading. Out: a ``DocumentContext`` (the type from rules/document_types.yaml, and
the heading text rules may read dimensions from). The pipeline learns the heading from the
first such page as pages stream past; ``document_context`` does the same for a whole document.
"""

from __future__ import annotations

from extract.detect.layout import group_lines
from extract.model import Document, DocumentContext, PageContent
from extract.normalise import label_key
from extract.rulebook import Rulebook

HEADING_LINES = 15


def document_context(document: Document, rulebook: Rulebook) -> DocumentContext:
    """The document's type (from rules/document_types.yaml) and its heading text."""
    heading = next((h for page in document.pages if (h := page_heading(page)) is not None), "")
    sheets = any(page.sheet is not None for page in document.pages)
    scanned = any(page.source_kind for page in document.pages)
    return context_for(heading, rulebook, sheets=sheets, scanned=scanned)


def page_heading(page: PageContent) -> str | None:
    """The first lines of a page with words or of a sheet with rows (the document's heading
    is its first such page's); None for a page with neither."""
    if page.words:
        return "\n".join(line.text for line in group_lines(page.words)[:HEADING_LINES])
    if page.sheet is not None and page.sheet.rows:
        return _sheet_heading(page)
    return None


def context_for(
    heading: str, rulebook: Rulebook, *, sheets: bool, scanned: bool
) -> DocumentContext:
    """The type whose pattern the heading matches; else a spreadsheet's, a scan's or none."""
    key = label_key(heading.replace("\n", " "))
    for document_type in rulebook.document_types:
        if any(pattern.search(key) for pattern in document_type.patterns):
            return DocumentContext(document_type.code, heading)
    if sheets:
        return DocumentContext("regneark", heading)  # a spreadsheet of no known kind
    # pages that came back as scans are what an aktindsigt (FOI reply) looks like
    return DocumentContext("aktindsigt" if scanned else "ukendt", heading)


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
