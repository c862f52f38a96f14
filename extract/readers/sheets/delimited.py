"""csv reader: delimited text (";", "," or tab) -> one page with a ``SheetGrid``.

In: a path to a csv/tsv file. Out: a ``Document`` (source kind ``csv``) with one page whose
sheet has no name; every field is a text cell kept exactly as written ("37,9", "."), so the
Danish number module reads it like printed text. A file delimited by "," that writes decimals
with a point ("31.1", as English-language exports do) has those values read as numbers, and
its values that would read as Danish thousands ("1.278") flagged ambiguous.

The encoding is decided from the bytes: a BOM (UTF-8 or UTF-16), else strict UTF-8, else
Windows-1252 (the superset of Latin-1 that Danish Excel and the talportal write). Anything
else (NUL bytes without a BOM, bytes Windows-1252 does not define) is refused with the reason.
The delimiter is the candidate that splits the most lines into the same number of fields,
unless the first line names it the way Excel writes it ("sep=;"); that line is not a row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from extract.codes import SourceKind
from extract.model import Document, SheetValue
from extract.normalise.numbers import AMBIGUOUS
from extract.readers import ReadOptions, UnreadableInput
from extract.readers.sheets.cells import read_bounded, sheet_page, text_value

DELIMITERS = (";", "\t", ",")
_DELIMITER_NAMES = {";": "';'", "\t": "tab", ",": "','"}
_SNIFF_LINES = 200
# A value written with a decimal point, one or two decimals (a "%" or a unit word after it:
# "10.7 uger"): never Danish thousands.
_DOT_DECIMAL = re.compile(
    r"^\s*(?P<sign>-)?(?P<int>\d+)\.(?P<frac>\d{1,2})(?:\s?%|\s+[^\W\d_]+)?\s*$"
)
_DOT_THOUSANDS = re.compile(r"^\s*-?\d{1,3}(?:\.\d{3})+\s?%?\s*$")
_SEP_LINE = re.compile(r"\Asep=([;,\t|:])[ \t]*(?:\r\n|\r|\n|\Z)", re.IGNORECASE)


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a csv file's bytes; raises UnreadableInput if neither fits."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", "UTF-8 (with BOM)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "UTF-16")
    if b"\x00" in data:
        raise UnreadableInput(
            "unexpected encoding: the csv holds NUL bytes and no BOM "
            "(UTF-16 without a byte-order mark, or not text at all)"
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise UnreadableInput(
            f"unexpected encoding: neither UTF-8 nor Windows-1252/Latin-1 "
            f"(byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise UnreadableInput(f"invalid {name} text at byte offset {exc.start}") from exc


def sniff_delimiter(text: str) -> str:
    """The delimiter that gives the most lines with one common field count (ties: ";" first)."""
    lines = [line for line in text.splitlines()[:_SNIFF_LINES] if line.strip()]
    best, best_score = "", (0, 0)
    for delimiter in DELIMITERS:
        counts = Counter(
            len(row) - 1 for row in csv.reader(lines, delimiter=delimiter) if len(row) > 1
        )
        if not counts:
            continue
        fields, lines_with = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (lines_with, fields)
        if score > best_score:
            best, best_score = delimiter, score
    if not best:
        raise UnreadableInput("not a delimited table: no line holds a ';', ',' or tab")
    return best


def _with_decimal_points(
    rows: list[tuple[SheetValue | None, ...]],
) -> list[tuple[SheetValue | None, ...]]:
    """The rows of a csv delimited by "," that writes decimals with a point ("31.1"): such
    a value as its number (the text kept as written), and a value that reads as Danish
    thousands ("1.278": 1278 or 1.278?) flagged ambiguous."""
    out = []
    for row in rows:
        cells = []
        for cell in row:
            found = _DOT_DECIMAL.match(cell.text) if cell is not None else None
            if cell is not None and found is not None:
                number = float(f"{found['sign'] or ''}{found['int']}.{found['frac']}")
                cell = replace(cell, number=number, decimals=len(found["frac"]))
            elif cell is not None and _DOT_THOUSANDS.match(cell.text):
                cell = replace(cell, flags=(*cell.flags, AMBIGUOUS))
            cells.append(cell)
        out.append(tuple(cells))
    return out


def read_csv(path: Path, sha256: str, options: ReadOptions) -> Document:
    """Read a csv/tsv file as one sheet of text cells; raises UnreadableInput with the reason."""
    data = read_bounded(path, "csv", options.budgets)
    text, encoding = decode(data)
    csv.field_size_limit(max(csv.field_size_limit(), len(data)))  # one field may be the file
    named = _SEP_LINE.match(text)
    if named is not None:
        delimiter, text = named.group(1), text[named.end() :]
    else:
        delimiter = sniff_delimiter(text)
    rows: list[tuple[SheetValue | None, ...]] = []
    # equal fields share one immutable SheetValue: exports repeat the same few texts a lot
    values: dict[str, SheetValue | None] = {}
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            cells = []
            for field in row:
                if field not in values:
                    values[field] = text_value(field)
                cells.append(values[field])
            rows.append(tuple(cells))
    except csv.Error as exc:
        raise UnreadableInput(f"malformed csv at line {len(rows) + 1} ({exc})") from exc
    unlike = _rows_unlike_header(rows, text, delimiter)
    if delimiter == "," and any(_DOT_DECIMAL.match(field) for field in values):
        rows = _with_decimal_points(rows)
    page = sheet_page(1, None, rows)
    if page.sheet is None or not page.sheet.rows:
        raise UnreadableInput("no cells: the csv holds only empty lines")
    name = _DELIMITER_NAMES.get(delimiter, f"'{delimiter}'")
    kind = "text named .xls (not a workbook)" if path.suffix.lower() == ".xls" else "csv"
    notes = (*page.notes, f"{kind} read as {encoding}, delimiter {name}", *unlike)
    return Document(path, sha256, SourceKind.CSV, (replace(page, notes=notes),))


def _rows_unlike_header(
    rows: list[tuple[SheetValue | None, ...]], text: str, delimiter: str
) -> tuple[str, ...]:
    """A note on the rows of two fields or more that do not split into as many fields as
    most (a field with an unquoted delimiter in it); UnreadableInput when the first line is
    delimited by another mark than the rows (a header with ";", rows with ","): no column
    could be matched to its header. One-field lines (titles, notes) are left alone."""
    widths = Counter(len(row) for row in rows if len(row) >= 2)
    if not widths:
        return ()
    width = widths.most_common(1)[0][0]
    first = next((line for line in text.splitlines() if line.strip()), "")
    if len(next(csv.reader([first], delimiter=delimiter), [])) == 1:
        for other in DELIMITERS:
            fields = next(csv.reader([first], delimiter=other), []) if other != delimiter else []
            if len(fields) >= 2 and abs(len(fields) - width) <= 1:
                raise UnreadableInput(
                    f"its header line is delimited by {_DELIMITER_NAMES[other]} but its rows by "
                    f"{_DELIMITER_NAMES[delimiter]}: no column can be matched to its header"
                )
    unlike = [n for n, row in enumerate(rows, 1) if len(row) >= 2 and len(row) != width]
    if not unlike:
        return ()
    return (
        f"{len(unlike)} rows do not split into the {width} fields of the others (first: row "
        f"{unlike[0]}); their values may stand under the wrong headers",
    )
