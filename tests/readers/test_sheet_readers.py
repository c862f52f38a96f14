"""Spreadsheet readers and the sheet detector on small workbooks built here, and bad input.

Each workbook is built with openpyxl (xlsx), odfpy (ods) or as bytes (csv); the tests assert
the exact values, statuses, flags and cell references that come out of the full pipeline.
"""

from __future__ import annotations

import codecs
import datetime as dt
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file, read_document
from extract.readers import UnreadableInput, accepted_suffixes
from extract.readers.sheets.cells import (
    cell_ref,
    date_text,
    format_decimals,
    number_value,
    parse_range,
    parse_ref,
)
from extract.results import FileResult
from extract.run.inputs import collect_inputs

TALPORTAL_CSV = (
    "Instans;Sagsemne;Realitetsbehandlede sager i alt;;Omgørelsesprocent;\n"
    ";;2023;2024;2023;2024\n"
    "Ishøj;Serviceloven;1.278;52;37,9;.\n"
)
# (cell_ref, measure, period, value, status) expected from TALPORTAL_CSV
TALPORTAL_VALUES = [
    ("C3", "realitetsbehandlede", "2023", 1278.0, "reported"),
    ("D3", "realitetsbehandlede", "2024", 52.0, "reported"),
    ("E3", "omgoerelsesprocent", "2023", 37.9, "reported"),
    ("F3", "omgoerelsesprocent", "2024", None, "suppressed"),
]


def _values(result: FileResult) -> list[tuple[Any, ...]]:
    return [(r.cell_ref, r.measure, r.period, r.value, r.status) for r in result.records]


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom", "note"),
    [
        ("utf-8", ";", b"", "csv read as UTF-8, delimiter ';'"),
        ("utf-8", ";", codecs.BOM_UTF8, "csv read as UTF-8 (with BOM), delimiter ';'"),
        ("cp1252", ";", b"", "csv read as Windows-1252, delimiter ';'"),
        ("utf-8", "\t", b"", "csv read as UTF-8, delimiter tab"),
        ("utf-16", ";", b"", "csv read as UTF-16, delimiter ';'"),
    ],
)
def test_csv_encodings_and_delimiters(
    tmp_path: Path, rulebook: Rulebook, encoding: str, delimiter: str, bom: bytes, note: str
) -> None:
    text = TALPORTAL_CSV.replace(";", delimiter)
    path = tmp_path / "export.csv"
    path.write_bytes(bom + text.encode(encoding))
    result = process_file(path, rulebook)
    assert result.status is FileStatus.OK
    assert result.document_type == "talportal"
    assert _values(result) == TALPORTAL_VALUES
    assert {r.municipality for r in result.records} == {"Ishøj"}
    assert [f.message for f in result.findings if f.code == "page_note"] == [f"csv: {note}"]


def test_csv_with_comma_delimiter_and_quoted_decimal_commas(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    lines = [line.split(";") for line in TALPORTAL_CSV.splitlines()]
    text = "\n".join(",".join(f'"{f}"' if "," in f else f for f in line) for line in lines)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    assert _values(process_file(path, rulebook)) == TALPORTAL_VALUES


def test_csv_with_comma_delimiter_and_decimal_points(tmp_path: Path, rulebook: Rulebook) -> None:
    """An English-language export: "," between fields, "." before decimals. "37.9" is read
    as 37.9 (kept as written), "52.0 %" keeps its percent sign, and "1.278" (1278, or 1.278
    with three decimals?) is flagged ambiguous, not silently read as Danish thousands."""
    text = TALPORTAL_CSV.replace(";", ",").replace("37,9", "37.9").replace(",52,", ",52.0 %,")
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    result = process_file(path, rulebook)
    got = {r.cell_ref: (r.cell_text, r.measure, r.value, r.flags) for r in result.records}
    assert got["E3"] == ("37.9", "omgoerelsesprocent", 37.9, [])
    assert got["D3"] == ("52.0 %", "andel_realitetsbehandlede", 52.0, [])
    assert got["C3"][2:] == (1278.0, ["ambiguous_number"])


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            "Instans;Sagsemne\n".encode("utf-16-le"),
            "unexpected encoding: the csv holds NUL bytes and no BOM "
            "(UTF-16 without a byte-order mark, or not text at all)",
        ),
        (
            b"Instans;Sagsemne\nIsh\x81j;3\n",
            "unexpected encoding: neither UTF-8 nor Windows-1252/Latin-1 (byte 0x81 at offset 20)",
        ),
        (b"just one line of words\n", "not a delimited table: no line holds a ';', ',' or tab"),
        (b"\n\n \n", "not a delimited table: no line holds a ';', ',' or tab"),
    ],
)
def test_bad_csv_fails_with_reason(
    tmp_path: Path, rulebook: Rulebook, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    result = process_file(path, rulebook)
    assert (result.status, result.error, result.records) == (FileStatus.FAILED, reason, ())


def _talportal_xlsx(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    ws.append(["Instans", "Sagsemne", "Realitetsbehandlede sager i alt", None, "Omgørelsesprocent"])
    ws.append([None, None, 2023, 2024, 2023, 2024])
    ws.append(["Ishøj", "Serviceloven", "1.278", 52, 0.379, "."])
    ws.append(["Ishøj", "Hjemmehjælp - § 83", 4, "=SUM(C4:C4)", "37,9 %", 0.75])
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:B2")
    ws.merge_cells("C1:D1")
    ws.merge_cells("E1:F1")
    ws["E3"].number_format = "0.0%"
    ws["F4"].number_format = "0%"
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["D"].hidden = True
    ws.column_dimensions["H"].hidden = True  # beyond the cells: not reported
    wb.save(path)


def test_xlsx_values_formats_formulas_merges_hidden(tmp_path: Path, rulebook: Rulebook) -> None:
    path = tmp_path / "export.xlsx"
    _talportal_xlsx(path)
    result = process_file(path, rulebook)
    assert result.status is FileStatus.OK
    got = [
        (r.sheet, r.cell_ref, r.provision, r.measure, r.period, r.cell_text, r.value, r.status,
         r.flags)
        for r in result.records
    ]  # fmt: skip
    assert got == [
        ("Data", "C3", None, "realitetsbehandlede", "2023", "1.278", 1278.0, "reported", []),
        ("Data", "D3", None, "realitetsbehandlede", "2024", "52", 52.0, "reported", []),
        ("Data", "E3", None, "omgoerelsesprocent", "2023", "0.379", 37.9, "reported", []),
        ("Data", "F3", None, "omgoerelsesprocent", "2024", ".", None, "suppressed", []),
        ("Data", "C4", "Hjemmehjælp - § 83", "realitetsbehandlede", "2023", "4", 4.0,
         "reported", []),
        ("Data", "D4", "Hjemmehjælp - § 83", "realitetsbehandlede", "2024", "=SUM(C4:C4)",
         None, "missing", ["formula_without_value"]),
        ("Data", "E4", "Hjemmehjælp - § 83", "omgoerelsesprocent", "2023", "37,9 %", 37.9,
         "reported", []),
        ("Data", "F4", "Hjemmehjælp - § 83", "omgoerelsesprocent", "2024", "0.75", 75.0,
         "reported", []),
    ]  # fmt: skip
    hidden = [(f.code, f.severity, f.message) for f in result.findings if f.code == "hidden_cells"]
    assert hidden == [
        (
            "hidden_cells",
            "warning",
            "sheet 'Data': hidden rows 4 and columns D; their values are read like the others",
        )
    ]


def test_empty_sheet_is_noted_and_all_empty_workbook_fails(
    tmp_path: Path, rulebook: Rulebook
) -> None:
    path = tmp_path / "two.xlsx"
    _talportal_xlsx(path)
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb.create_sheet("Tom")
    wb.save(path)
    result = process_file(path, rulebook)
    assert result.status is FileStatus.OK and len(result.records) == 8
    assert [f.message for f in result.findings if f.code == "page_note"] == [
        "sheet 'Tom': empty sheet"
    ]
    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    failed = process_file(empty, rulebook)
    assert (failed.status, failed.error) == (
        FileStatus.FAILED,
        "no cells: the workbook's 1 sheet is empty",
    )


def _zip_bomb(path: Path) -> None:
    """A small zip whose central directory declares a 4 GB member (sizes are checked first)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, entry + 24, 0xFFFFFFF0)
    path.write_bytes(bytes(data))


def _encrypted_xlsx(path: Path) -> None:
    """What Excel writes for a password-protected xlsx: an OLE2 file with an EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + bytes(1000))


@pytest.mark.parametrize(
    ("name", "build", "reason"),
    [
        (
            "bomb.xlsx",
            _zip_bomb,
            "refused: the zip archive declares 4,294,967,291 bytes unpacked from 23 (2 members)",
        ),
        ("secret.xlsx", _encrypted_xlsx, "password-protected (encrypted) workbook"),
        (
            "broken.xls",
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
            "corrupt or unsupported xls workbook",
        ),
        (
            "truncated.xlsx",
            lambda p: (_talportal_xlsx(p), p.write_bytes(p.read_bytes()[:900])),
            "corrupt workbook (not a readable zip archive",
        ),
        (
            "other.xlsx",
            lambda p: zipfile.ZipFile(p, "w").writestr("word/document.xml", "<w/>"),
            "a zip archive, but not an xlsx workbook (no xl/workbook.xml)",
        ),
    ],
)
def test_bad_workbooks_fail_with_reason(
    tmp_path: Path, rulebook: Rulebook, name: str, build: Any, reason: str
) -> None:
    path = tmp_path / name
    build(path)
    before = path.read_bytes()
    result = process_file(path, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error is not None and result.error.startswith(reason), result.error
    assert "\n" not in result.error
    assert path.read_bytes() == before  # input is only read


def test_ods_values_spans_and_repeats(tmp_path: Path, rulebook: Rulebook) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    def cell(text: str, **attrs: Any) -> TableCell:
        element = TableCell(**attrs)
        element.addElement(P(text=text))
        return element

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Ark1")
    rows = [
        [cell("Instans", numberrowsspanned=2), cell("Sagsemne", numberrowsspanned=2),
         cell("Realitetsbehandlede sager i alt", numbercolumnsspanned=2), None,
         cell("Omgørelsesprocent", numbercolumnsspanned=2), None],
        [None, None, cell("2023", valuetype="float", value="2023"),
         cell("2024", valuetype="float", value="2024"),
         cell("2023", valuetype="float", value="2023"),
         cell("2024", valuetype="float", value="2024")],
        [cell("Ishøj"), cell("Serviceloven"), cell("1.278", valuetype="float", value="1278"),
         cell("52", valuetype="float", value="52"),
         cell("37,9 %", valuetype="percentage", value="0.379"), cell(".")],
    ]  # fmt: skip
    for values in rows:
        row = TableRow()
        for value in values:
            row.addElement(value if value is not None else CoveredTableCell())
        table.addElement(row)
    table.addElement(TableRow(numberrowsrepeated="1048000"))
    doc.spreadsheet.addElement(table)
    path = tmp_path / "export.ods"
    doc.save(str(path))
    result = process_file(path, rulebook)
    assert result.status is FileStatus.OK, result.error
    assert _values(result) == TALPORTAL_VALUES
    assert {(r.source_kind, r.sheet) for r in result.records} == {("ods", "Ark1")}
    document = read_document(path)
    assert document.pages[0].sheet is not None and len(document.pages[0].sheet.rows) == 3


def test_folder_search_picks_up_sheet_suffixes(tmp_path: Path) -> None:
    for suffix in (".xlsx", ".xlsm", ".xls", ".ods", ".csv", ".tsv"):
        assert suffix in accepted_suffixes()
        (tmp_path / f"a{suffix}").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("x")
    found = [p.name for p in collect_inputs([tmp_path])]
    assert found == ["a.csv", "a.ods", "a.tsv", "a.xls", "a.xlsm", "a.xlsx"]


def test_a_text_file_without_a_csv_suffix_is_not_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("a;b\n1;2\n")
    with pytest.raises(UnreadableInput, match="not a supported document"):
        read_document(path)


def test_cell_references_and_number_formats() -> None:
    assert [cell_ref(0, 0), cell_ref(6, 2), cell_ref(0, 25), cell_ref(9, 27)] == [
        "A1", "C7", "Z1", "AB10",
    ]  # fmt: skip
    assert [parse_ref("C7"), parse_ref("$AB$10")] == [(6, 2), (9, 27)]
    assert parse_range("B2:D3") == (1, 1, 2, 3)
    assert [format_decimals(f) for f in ("0.0%", "#,##0", "0.00", "General", '"kr" 0.0')] == [
        1, 0, 2, None, 1,
    ]  # fmt: skip
    assert number_value(0.379, "0.0%") == number_value(0.379, "0.0%")
    shown = number_value(0.379, "0.0%")
    assert (shown.text, shown.number, shown.decimals) == ("0.379", 37.9, 1)
    general = number_value(12.25, "General")
    assert (general.text, general.number, general.decimals) == ("12.25", 12.25, 2)
    count = number_value(1278, "#,##0")
    assert (count.text, count.number, count.decimals) == ("1278", 1278.0, 0)


@pytest.mark.parametrize(
    ("section", "skip", "problem"),
    [
        ("columns", "'why'", "columns[0].skip: only in rows, and must be the reason (text)"),
        ("rows", "true", "rows[0].skip: only in rows, and must be the reason (text)"),
    ],
)
def test_skip_is_a_reason_and_only_for_rows(
    tmp_path: Path, section: str, skip: str, problem: str
) -> None:
    import shutil

    from extract.interpret.rulebook import RuleError, load_rulebook
    from tests.conftest import RULES

    rules = tmp_path / "rules"
    shutil.copytree(RULES / "reference", rules / "reference")
    shutil.copy(RULES / "document_types.yaml", rules)
    (rules / "x.yaml").write_text(
        f"id: x\nmatch: {{headers: ['^a$']}}\n{section}:\n  - match: '^i alt$'\n    skip: {skip}\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as error:
        load_rulebook(rules)
    assert str(error.value) == f"x.yaml: rule 'x': {problem}"


def test_date_text_cuts_to_what_the_format_shows() -> None:
    when = dt.datetime(2023, 1, 1)
    assert [date_text(when, f) for f in ("mmm yyyy", "mmm-yy", "[$-406]mmmm yyyy;@")] == [
        "2023-01",
        "2023-01",
        "2023-01",
    ]
    assert date_text(when, "yyyy") == "2023"
    assert date_text(when, "yyyy-mm-dd h:mm:ss") == "2023-01-01"
    assert date_text(dt.datetime(2023, 1, 1, 12, 30), "dd-mm-yyyy") == "2023-01-01"
    assert date_text(dt.datetime(2023, 1, 1, 12, 30), "dd-mm-yyyy hh:mm") == "2023-01-01 12:30:00"


def test_ods_date_cell_follows_its_date_style(tmp_path: Path) -> None:
    from odf.number import DateStyle, Month, Year
    from odf.number import Text as NumberText
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    month = DateStyle(name="N1")
    month.addElement(Month(style="short", textual="true"))
    month.addElement(NumberText(text=" "))
    month.addElement(Year(style="long"))
    doc.automaticstyles.addElement(month)
    doc.automaticstyles.addElement(Style(name="ce1", family="table-cell", datastylename="N1"))

    def cell(text: str, **attrs: Any) -> TableCell:
        element = TableCell(**attrs)
        element.addElement(P(text=text))
        return element

    table = Table(name="Ark1")
    for cells in (
        [cell("Ydelse"),
         cell("jan 2023", valuetype="date", datevalue="2023-01-01", stylename="ce1"),
         cell("feb 2023", valuetype="date", datevalue="2023-02-01T00:00:00", stylename="ce1"),
         cell("15-03-2023", valuetype="date", datevalue="2023-03-15T00:00:00")],
        [cell("A-dagpenge")] + [cell(str(n), valuetype="float", value=str(n)) for n in (1, 2, 3)],
    ):  # fmt: skip
        row = TableRow()
        for element in cells:
            row.addElement(element)
        table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "dates.ods"
    doc.save(str(path))
    grid = read_document(path).pages[0].sheet
    assert grid is not None
    assert [v.text if v else None for v in grid.rows[0]] == [
        "Ydelse", "2023-01", "2023-02", "2023-03-15",
    ]  # fmt: skip
