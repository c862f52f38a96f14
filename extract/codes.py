"""Every code ankestat writes, once: source kinds, units, statuses, severities, flags and finding
codes, each with its meaning.

The record's JSON Schema (``extract/schema/build.py``) and the docs are generated from here;
a code written anywhere else is an import of one of these members, and a ``Finding`` whose
code is not listed here cannot be made.
"""

from __future__ import annotations

from enum import StrEnum


class SourceKind(StrEnum):
    """How a record's value was read (the record's ``source_kind``)."""

    PDF_TEXT = "pdf_text"
    PDF_OCR = "pdf_ocr"
    IMAGE_OCR = "image_ocr"
    XLSX = "xlsx"
    XLS = "xls"
    ODS = "ods"
    CSV = "csv"
    HTML = "html"


class Unit(StrEnum):
    """The unit of a value (the record's ``unit``; each measure's is in ``measures.yaml``)."""

    COUNT = "count"
    PERCENT = "percent"
    WEEKS = "weeks"
    PERSONS = "persons"


class Status(StrEnum):
    """Status of one value, as in the record contract."""

    REPORTED = "reported"
    SUPPRESSED = "suppressed"
    NIL = "nil"
    NOT_APPLICABLE = "not_applicable"
    MISSING = "missing"
    ILLEGIBLE = "illegible"


# SDMX CL_OBS_STATUS code for each status.
OBS_STATUS: dict[Status, str] = {
    Status.REPORTED: "A",
    Status.NIL: "A",
    Status.SUPPRESSED: "Q",
    Status.NOT_APPLICABLE: "M",
    Status.MISSING: "O",
    Status.ILLEGIBLE: "O",
}


class DocumentTypeCode(StrEnum):
    """The kind of document a record comes from (the record's ``document_type``); each but
    ``ukendt`` is recognised by ``rules/document_types.yaml``."""

    AARSREDEGOERELSE = "aarsredegoerelse"
    REFERAT = "referat"
    AKTINDSIGT = "aktindsigt"
    TALPORTAL = "talportal"
    REGNEARK = "regneark"
    UKENDT = "ukendt"


class LawAreaCode(StrEnum):
    """A record's law area (``law_area``); each is described in
    ``rules/reference/law_areas.yaml``."""

    LAB = "lab"
    AKTIVLOVEN = "aktivloven"
    PENSIONSLOVEN = "pensionsloven"
    SERVICELOVEN = "serviceloven"
    BARNETS_LOV = "barnets_lov"
    SYGEDAGPENGELOVEN = "sygedagpengeloven"
    FOERTIDSPENSION = "foertidspension"
    ALMENBOLIGLOVEN = "almenboligloven"
    BOLIGSTOETTELOVEN = "boligstoetteloven"
    ANDRE_LOVE = "andre_love"
    OEVRIGE = "oevrige"
    ALLE = "alle"


class EntityScope(StrEnum):
    """Whose figure a record is (the record's ``entity_scope``)."""

    MUNICIPALITY = "kommune"
    NATIONAL = "hele_landet"


class PeriodType(StrEnum):
    """The length of a record's period (the record's ``period_type``)."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"


class FileStatus(StrEnum):
    """Outcome of one input file."""

    OK = "ok"
    PARTIAL = "partial"
    FAILED = "failed"


class FailureKind(StrEnum):
    """Why a file failed: its bytes (``input``), something not installed (``cannot_run``), or
    a bug in ankestat (``internal``, with a traceback in the report)."""

    INPUT = "input"
    CANNOT_RUN = "cannot_run"
    INTERNAL = "internal"


class Severity(StrEnum):
    """How much a finding matters: the file or a table could not be processed (``error``), a
    value is doubtful (``warning``), or worth knowing (``info``)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Flag(StrEnum):
    """A flag on a record: why its value deserves a second look. Flags set by a check are also
    the code of the finding that check reports."""

    # the cell's text (extract.normalise.numbers, the readers)
    FOOTNOTE_MARK = "footnote_mark"
    AMBIGUOUS_NUMBER = "ambiguous_number"
    GARBLED_NUMBER = "garbled_number"
    MERGED_TEXT = "merged_text"
    NOT_A_NUMBER = "not_a_number"
    TRUNCATED_NUMBER = "truncated_number"
    FORMULA_WITHOUT_VALUE = "formula_without_value"
    # the checks (extract.checks)
    SUM_MISMATCH = "sum_mismatch"
    RATE_MISMATCH = "rate_mismatch"
    CONFLICT_OTHER_SOURCE = "conflict_other_source"
    CONFLICT_OTHER_DOCUMENT = "conflict_other_document"  # set at write time (extract.figures)
    IMPLAUSIBLE_VALUE = "implausible_value"
    SHARES_AS_COUNTS = "shares_as_counts"
    LOW_OCR_CONFIDENCE = "low_ocr_confidence"
    OCR_LABEL_CORRECTED = "ocr_label_corrected"
    OCR_LABEL_UNVERIFIED = "ocr_label_unverified"
    OCR_PERIOD_ODD = "ocr_period_odd"
    OCR_CORRECTED = "ocr_corrected"


FLAG_MEANINGS: dict[Flag, str] = {
    Flag.TRUNCATED_NUMBER: 'a decimal comma with no digit after it ("62, %")',
    Flag.GARBLED_NUMBER: 'junk inside a number ("31/8 %", "1O2")',
    Flag.MERGED_TEXT: 'two cells run together ("9301 sager101")',
    Flag.AMBIGUOUS_NUMBER: 'a "." that could be a decimal point ("37.9")',
    Flag.NOT_A_NUMBER: "text where a value belongs",
    Flag.FOOTNOTE_MARK: 'a footnote mark was stripped ("24¹", "3*", "(3)")',
    Flag.FORMULA_WITHOUT_VALUE: (
        "a spreadsheet formula with no value stored for it: the value is missing"
    ),
    Flag.LOW_OCR_CONFIDENCE: "OCR read the cell, or the row label, with confidence below 80",
    Flag.OCR_LABEL_CORRECTED: (
        "an OCR'd row label or column header was repaired from the vocabulary "
        '("Bern" -> "Børn"); the report names what was read'
    ),
    Flag.OCR_LABEL_UNVERIFIED: (
        "an OCR'd row label naming a provision is no known label and holds words the "
        'vocabulary does not know, or numbers ("Hjzlpemidler - 112", "Børn - '
        'forældrebetaling 8159" for "§159"), or is only the first words of a known label (its '
        "end lost to a line of its own), or two known labels run together (two rows read as "
        "one): its name is kept as read and may be misread"
    ),
    Flag.OCR_PERIOD_ODD: (
        "one column of an OCR'd table has a period one character off the period all the other "
        'columns (three or more) share ("4. kvt. 2025" over one of seven columns of "1. kvt. '
        '2025"), or a bare year between two columns of months or quarters ("2023" between '
        '"dec 2022" and "feb 2023"): its header may be misread'
    ),
    Flag.OCR_CORRECTED: (
        "an OCR'd number's separators or specks were misread, and the table's sums and rates "
        'decide one reading of its digits ("3,970" in a count column -> 3970); cell_text keeps '
        "what was read"
    ),
    Flag.IMPLAUSIBLE_VALUE: (
        "impossible for its unit: a percentage outside 0-100, a negative or fractional count "
        '(typical of a decimal comma lost in OCR: "635%")'
    ),
    Flag.SHARES_AS_COUNTS: (
        "a column of counts whose total row is 100 and whose rows add up to 100: per cents, "
        "most likely, whose header naming the share was lost"
    ),
    Flag.SUM_MISMATCH: (
        "an identity of sums fails (outcomes vs. realitetsbehandlede, afgjorte, a total row or "
        "column, a law row vs. its provisions)"
    ),
    Flag.RATE_MISMATCH: (
        "a percentage does not match its counts to the printed rounding, or two percentages "
        "that must add up do not"
    ),
    Flag.CONFLICT_OTHER_SOURCE: (
        "another table of the same document gives a different value for the same key"
    ),
    Flag.CONFLICT_OTHER_DOCUMENT: (
        "another document gives the same figure (entity, municipality, period, law area, "
        "provision, measure) a value that disagrees beyond both printed roundings "
        "(figures.jsonl lists every source)"
    ),
}


class Agreement(StrEnum):
    """How a figure's sources agree (a figure row's ``agreement``): ``single``: one source;
    ``agree``: every pair of reported values compatible to their printed rounding;
    ``conflict``: some pair is not."""

    SINGLE = "single"
    AGREE = "agree"
    CONFLICT = "conflict"


class FindingCode(StrEnum):
    """What a finding in the report is about, besides the checks' flags (``Flag``)."""

    # pages (extract.checks.stage_findings)
    NEEDS_OCR = "needs_ocr"
    NO_TEXT = "no_text"
    PAGES_LOST = "pages_lost"
    OCR_TEXT_LOST = "ocr_text_lost"
    PAGE_NOTE = "page_note"
    HIDDEN_CELLS = "hidden_cells"
    # tables (extract.checks.stage_findings, extract.interpret)
    UNMAPPED_TABLE = "unmapped_table"
    VALUES_OUTSIDE_TABLES = "values_outside_tables"
    CAPTION_WITHOUT_TABLE = "caption_without_table"
    UNRESOLVED_LABEL = "unresolved_label"
    SKIPPED_ROW = "skipped_row"
    MISSING_DIMENSION = "missing_dimension"
    AMBIGUOUS_KEY = "ambiguous_key"
    ILLEGIBLE_VALUE = "illegible_value"
    NUMBERS_IN_LABEL = "numbers_in_label"
    # inputs (extract.run.extract_command)
    DUPLICATE_INPUT = "duplicate_input"


FINDING_MEANINGS: dict[FindingCode, str] = {
    FindingCode.NEEDS_OCR: "a page without a usable text layer was not OCR'd (--no-ocr)",
    FindingCode.NO_TEXT: "OCR found no text on a page",
    FindingCode.PAGES_LOST: "pages of the file could not be read (a damaged page tree)",
    FindingCode.OCR_TEXT_LOST: "part of a page's text was lost in OCR; its tables may lack values",
    FindingCode.PAGE_NOTE: "what the reader did with a page (straightened, turned, blank)",
    FindingCode.HIDDEN_CELLS: "a sheet has hidden rows or columns holding values",
    FindingCode.UNMAPPED_TABLE: "a table no rule and no vocabulary reading could map",
    FindingCode.VALUES_OUTSIDE_TABLES: "numbers on a page outside every table found",
    FindingCode.CAPTION_WITHOUT_TABLE: "a table caption with no table under it",
    FindingCode.UNRESOLVED_LABEL: "a column or row label the vocabulary does not know",
    FindingCode.SKIPPED_ROW: "a row left out on purpose (a group heading, a wrapped label)",
    FindingCode.MISSING_DIMENSION: (
        "values not emitted: a key (entity, period, law area, measure) not read"
    ),
    FindingCode.AMBIGUOUS_KEY: "values not emitted: two values of a table share one key",
    FindingCode.ILLEGIBLE_VALUE: "a value cell that could not be read as a number",
    FindingCode.NUMBERS_IN_LABEL: "a row label that holds numbers (values read into the label)",
    FindingCode.DUPLICATE_INPUT: (
        "the same bytes as another input of the run: read once, its records are the other's"
    ),
}

# Every code a finding may carry: the finding codes and the flags the checks report.
FINDING_CODES: frozenset[str] = frozenset(FindingCode) | frozenset(Flag)


def code_meaning(code: str) -> str:
    """The meaning of a flag or finding code ("" for a code outside the catalogue)."""
    if code in Flag.__members__.values():
        return FLAG_MEANINGS[Flag(code)]
    if code in FindingCode.__members__.values():
        return FINDING_MEANINGS[FindingCode(code)]
    return ""
