"""The shared vocabulary: small frozen types that every stage imports.

Data flows one way through these types:

    Document (pages of Words and Rulings)
      -> TableCandidate (caption, column header paths, rows of Cells)
      -> Observation (one mapped value with raw dimensions, before normalisation)
      -> Record (the published contract, see ``record-schema.md``)

plus ``Finding`` (anything worth reporting); a file's outcome is ``extract.results.FileResult``.
No stage mutates what it receives; each returns new values.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from extract.codes import FINDING_CODES, FindingCode, Flag, Severity, SourceKind, Status

SCHEMA_VERSION = "1"

# (x0, top, x1, bottom) in PDF points, origin top-left of the page.
BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Word:
    """One word on a page, from the text layer (source "text") or from OCR (source "ocr").

    ``read_as`` is what OCR read when the word was repaired against the vocabulary
    (``extract.interpret.ocr_lexicon``); None when ``text`` is what was read.
    """

    text: str
    bbox: BBox
    source: str = "text"
    confidence: float | None = None
    font_size: float = 0.0
    bold: bool = False
    read_as: str | None = None


@dataclass(frozen=True, slots=True)
class Ruling:
    """A ruling line segment (drawn line or thin rectangle edge) in page coordinates."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) <= (self.x1 - self.x0)


@dataclass(frozen=True, slots=True)
class SheetValue:
    """One non-empty spreadsheet cell as stored.

    ``text`` is the cell's content as text: a text cell as typed ("1.278", "."), a number as
    stored in the file ("0.379", "1278"), a formula without a cached value as its formula.
    ``number`` is set for cells stored as numbers, in the unit shown (a percent-formatted
    fraction 0.379 gives 37.9); ``decimals`` is the number of decimals shown. ``flags`` are
    reader remarks on the value (``formula_without_value``).
    """

    text: str
    number: float | None = None
    decimals: int = 0
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SheetGrid:
    """One sheet (or a whole csv) as read: rows of cells, merged ranges, hidden rows/columns.

    ``rows[r][c]`` is the cell at 0-based row ``r``, column ``c`` (None: empty); rows may be
    shorter than ``n_cols``. ``merges`` are (row0, col0, row1, col1), inclusive, 0-based.
    ``name`` is the sheet name (None for a csv, which has no sheets).
    """

    name: str | None
    n_cols: int
    rows: tuple[tuple[SheetValue | None, ...], ...]
    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden_rows: tuple[int, ...] = ()
    hidden_cols: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PageContent:
    """What a reader saw on one page: words with boxes and ruling lines.

    ``needs_ocr`` is set when the page has no usable text layer; such a page carries no words
    until an OCR reader fills them in. An OCR'd page sets ``source_kind`` ("pdf_ocr",
    "image_ocr"; None means the document's) and ``rotation``: the degrees (counter-clockwise)
    the page image was turned to straighten it. Word boxes are in the straightened page;
    records map them back. ``notes`` are reader remarks for the run report ("blank page").
    ``behind_image``: the page's text layer lies over a full-page image (a scanner's OCR, a
    "searchable PDF"): its text is judged before it is trusted (``scanner_text``).
    A spreadsheet reader gives one PageContent per sheet, with no words and ``sheet`` set.
    """

    number: int
    width: float
    height: float
    words: tuple[Word, ...]
    rulings: tuple[Ruling, ...] = ()
    needs_ocr: bool = False
    source_kind: SourceKind | None = None
    rotation: float = 0.0
    notes: tuple[str, ...] = ()
    sheet: SheetGrid | None = None
    behind_image: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """One input file as read: identity plus its pages.

    ``described``: what the file says of itself beside its pages (a PDF's metadata title and
    subject, one per line; empty when it says nothing).
    """

    path: Path
    sha256: str
    source_kind: SourceKind
    pages: tuple[PageContent, ...]
    described: str = ""

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its raw text and where it came from.

    Spreadsheet cells also carry ``number`` (a value stored as a number, in the unit shown),
    ``decimals`` (decimals shown) and ``flags`` (reader remarks), as in ``SheetValue``.
    """

    text: str
    page: int | None
    bbox: BBox | None = None
    ocr_confidence: float | None = None
    sheet: str | None = None
    cell_ref: str | None = None
    number: float | None = None
    decimals: int = 0
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TableRow:
    """One logical table row: a row label (wrapped lines joined) and one cell per value column.

    ``cells[i]`` is None where the row has nothing under value column ``i``. For an OCR'd
    row, ``label_confidence`` is the lowest confidence of the label's words,
    ``label_repairs`` lists the label's repaired words as "read -> repaired" and
    ``label_unknown`` the words of a label that is no known phrase and that the vocabulary
    does not know (they may be misread).
    """

    label: str
    cells: tuple[Cell | None, ...]
    page: int | None
    label_bbox: BBox | None = None
    label_confidence: float | None = None
    label_repairs: tuple[str, ...] = ()
    label_unknown: tuple[str, ...] = ()

    @property
    def has_values(self) -> bool:
        return any(c is not None and c.text.strip() for c in self.cells)

    @property
    def ocr_cells(self) -> bool:
        """Whether any of its cells was read with OCR."""
        return any(c is not None and c.ocr_confidence is not None for c in self.cells)


@dataclass(frozen=True, slots=True)
class TableCandidate:
    """A table found by detection, before any rule has looked at it.

    ``column_headers[i]`` is the header path of value column ``i``, top level first
    (e.g. ``("Stadfæstet", "Antal")``). ``stub_header`` is the header above the row labels.
    ``header_repairs[i]`` lists OCR'd header words of column ``i`` repaired from the
    vocabulary, as "read -> repaired" (empty for text-layer tables). ``title``: the text
    lines right above the table that are not its caption, one per line ("\n" between).
    """

    table_id: str
    detector: str
    pages: tuple[int, ...]
    bbox: BBox | None
    caption: str | None
    title: str | None
    notes: tuple[str, ...]
    stub_header: str
    column_headers: tuple[tuple[str, ...], ...]
    rows: tuple[TableRow, ...]
    sheet: str | None = None
    header_repairs: tuple[tuple[str, ...], ...] = ()

    @property
    def first_page(self) -> int | None:
        return self.pages[0] if self.pages else None

    def column_label(self, index: int) -> str:
        """Header path of value column ``index`` as printed, levels joined with " / "."""
        return " / ".join(level for level in self.column_headers[index] if level)


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Document-level text a rule may read dimensions from (title lines, detected type), how
    many tables of the document came before the one being read, the column and stub headers
    of the one right before it, and the entity and period that one's caption or title named
    (None: none)."""

    document_type: str
    heading: str
    tables_before: int = 0
    headers_before: tuple[tuple[str, ...], ...] = ()
    entity_before: str | None = None
    stub_before: str = ""
    period_before: str | None = None

    def after(
        self, table: TableCandidate, entity: str | None, period: str | None = None
    ) -> DocumentContext:
        """This context for the table that follows ``table``: its column and stub headers,
        and ``entity`` and ``period``, the ones its caption or title named."""
        return replace(
            self,
            headers_before=table.column_headers,
            stub_before=table.stub_header,
            entity_before=entity,
            period_before=period,
        )


@dataclass(frozen=True, slots=True)
class Observation:
    """One value mapped by a rule.

    Rule mapping fills the printed dimensions (``entity``, ``period``, ``law_label``,
    ``provision``); normalisation returns a copy with ``entity_scope``, ``municipality_code``,
    ``municipality``, ``period`` (canonical), ``period_type`` and ``law_area`` filled in.

    ``row_role`` is ``member`` (an ordinary row), ``group`` (a subtotal row whose members follow
    it; members point to it with ``group_row``), ``total`` (sum of the groups, or of the members
    when there are no groups) or ``extra`` (outside any sum). ``column_role`` is ``member`` or
    ``total`` in the same sense for columns. ``decimals`` is the number of decimals printed.
    ``label_confidence``, ``label_repairs`` and ``label_unknown`` come from the row (OCR'd
    rows only).
    """

    table_id: str
    table_title: str | None
    rule_id: str
    row_index: int
    row_key: str
    column_key: str
    row_label: str
    column_label: str
    cell: Cell
    entity: str | None
    period: str | None
    law_label: str | None
    provision: str | None
    measure: str
    unit: str
    value: float | None
    status: Status
    flags: tuple[str, ...] = ()
    row_role: str = "member"
    column_role: str = "member"
    group_row: int | None = None
    decimals: int = 0
    label_confidence: float | None = None
    label_repairs: tuple[str, ...] = ()
    label_unknown: tuple[str, ...] = ()
    entity_scope: str | None = None
    municipality_code: int | None = None
    municipality: str | None = None
    period_type: str | None = None
    law_area: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """One published value, exactly the fields of record-schema.md, in that order."""

    schema_version: str
    record_id: str
    source_file: str
    source_sha256: str
    source_kind: SourceKind
    document_type: str
    page: int | None
    sheet: str | None
    cell_ref: str | None
    table_id: str
    table_title: str | None
    row_label: str
    column_label: str
    cell_text: str
    bbox: list[float] | None
    ocr_confidence: float | None
    entity_scope: str
    municipality_code: int | None
    municipality: str | None
    cooperation: list[dict[str, Any]]
    period: str
    period_type: str
    law_area: str | None
    law_label: str | None
    provision: str | None
    measure: str
    unit: str
    value: float | None
    status: str
    obs_status: str
    flags: list[str]
    rule_id: str
    engine_version: str

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        """Pickled as its field values in contract order (the record spool writes and reads
        millions; the slotted dataclass default walks ``fields()`` for every record)."""
        return (Record, _record_values(self))


_record_values = attrgetter(*Record.__dataclass_fields__)


@dataclass(frozen=True, slots=True)
class Finding:
    """Something worth reporting about a file: a validation result or a processing note.

    ``severity`` is ``error`` (the file or a table could not be processed), ``warning``
    (a value is doubtful) or ``info``.
    """

    code: FindingCode | Flag
    message: str
    severity: Severity = Severity.WARNING
    page: int | None = None
    table_id: str | None = None
    record_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.code not in FINDING_CODES:
            raise ValueError(f"finding code {self.code!r} is not in extract.codes")
        Severity(self.severity)  # ValueError if it is none
