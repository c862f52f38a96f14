"""Sheet table detection on small workbooks and csv files built here.

Each test builds one kind of sheet (openpyxl, odfpy or csv text), reads it with the ordinary
readers and asserts the exact ``TableCandidate`` structure detection hands on: header paths,
stub header, row labels, label-only group rows, title, caption and notes.
"""

from __future__ import annotations

import codecs
import datetime as dt
from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from extract.detect.sheet_view import PERIOD, TEXT, VALUE, cell_kind
from extract.interpret.rulebook import load_rulebook
from extract.model import SheetValue
from extract.normalise.numbers import parse_number
from extract.pipeline import process_file
from tests.conftest import RULES
from tests.sheet_factory import Row, column_labels, csv_tables, row_texts, xlsx_tables

NONE = None  # a label-only row's cells, written out in the expected rows


# --- several stub columns -------------------------------------------------------------------

STUB_HEADER = ["Køn", "Alder", "Område", "2021", "2022"]
# (køn, alder, område, 2021, 2022): every label written out
STUB_BODY = [
    ("Mænd", "0-17 år", "Hele landet", 111, 69),
    ("Mænd", "0-17 år", "Region Hovedstaden", 14, 16),
    ("Mænd", "18-24 år", "Hele landet", 365, 301),
    ("Mænd", "18-24 år", "Region Hovedstaden", 40, 38),
    ("Kvinder", "0-17 år", "Hele landet", 90, 72),
    ("Kvinder", "0-17 år", "Region Hovedstaden", 9, 11),
]
STUB_ROWS = [
    ("Mænd", None),
    ("0-17 år", None),
    ("Hele landet", ("111", "69")),
    ("Region Hovedstaden", ("14", "16")),
    ("18-24 år", None),
    ("Hele landet", ("365", "301")),
    ("Region Hovedstaden", ("40", "38")),
    ("Kvinder", None),
    ("0-17 år", None),
    ("Hele landet", ("90", "72")),
    ("Region Hovedstaden", ("9", "11")),
]


def _blanks_as_above(body: Sequence[Row]) -> list[list[Any]]:
    """Statistikbanken style: an outer label written only where it changes."""
    out: list[list[Any]] = []
    previous: list[Any] = [None, None]
    for row in body:
        labels = list(row[:2])
        for level in range(2):
            if labels[: level + 1] == previous[: level + 1]:
                labels[level] = None
        out.append([*labels, *row[2:]])
        previous = list(row[:2])
    return out


def _merged_down(body: Sequence[Row]) -> tuple[list[list[Any]], list[str]]:
    rows = _blanks_as_above(body)
    merges: list[str] = []
    for col, letter in ((0, "A"), (1, "B")):
        starts = [i for i, row in enumerate(rows) if row[col] is not None] + [len(rows)]
        for start, end in pairwise(starts):
            if end - start > 1:
                merges.append(f"{letter}{start + 2}:{letter}{end + 1}")
    return rows, merges


@pytest.mark.parametrize("style", ["blanks", "repeated", "merged"])
def test_several_stub_columns_give_label_only_grouprow_texts(tmp_path: Path, style: str) -> None:
    merges: list[str] = []
    if style == "blanks":
        body = _blanks_as_above(STUB_BODY)
    elif style == "merged":
        body, merges = _merged_down(STUB_BODY)
    else:
        body = [list(row) for row in STUB_BODY]
    (table,) = xlsx_tables(tmp_path / "stub.xlsx", [STUB_HEADER, *body], merges)
    assert table.stub_header == "Køn / Alder / Område"
    assert table.column_headers == (("2021",), ("2022",))
    assert row_texts(table) == STUB_ROWS


def test_statistikbanken_csv_with_number_like_labels_keeps_every_stub_column(
    tmp_path: Path,
) -> None:
    text = (
        "Køn;Alder;Transportmiddel;2022;2023\n"
        "Mænd;0-17 år;Cykel;1.278;5\n"
        ";;Bil;..;-\n"
        ";65 år og derover;Cykel;7;8\n"
    )
    (table,) = csv_tables(tmp_path / "dst.csv", text)
    assert table.stub_header == "Køn / Alder / Transportmiddel"
    assert table.column_headers == (("2022",), ("2023",))
    assert row_texts(table) == [
        ("Mænd", None),
        ("0-17 år", None),
        ("Cykel", ("1.278", "5")),
        ("Bil", ("..", "-")),
        ("65 år og derover", None),
        ("Cykel", ("7", "8")),
    ]


def test_a_first_row_whose_label_the_rows_under_it_repeat_is_data_not_a_header(
    tmp_path: Path,
) -> None:
    """A long table's first row "Stadfæstelse, Barnets lov, 2010" under the lone header
    "Værdi": its count looks like a year, but the rows under it repeat its outer label, and
    stub headers are not repeated in the body."""
    text = (
        "Realitetsbehandlede sager fordelt på lovområde og bestemmelse i 2024,,\n"
        ",,\n"
        ",,Værdi\n"
        "Stadfæstelse,Barnets lov,2010\n"
        "Stadfæstelse,Børn - Samvær - § 104,277\n"
        "Stadfæstelse,Børn - Diverse - Barnets lov,28\n"
    )
    (table,) = csv_tables(tmp_path / "long.csv", text)
    assert table.column_headers == (("Værdi",),)
    assert [cells for _, cells in row_texts(table) if cells] == [("2010",), ("277",), ("28",)]


def test_label_merged_across_the_stub_or_typed_in_an_outer_column_ends_the_groups(
    tmp_path: Path,
) -> None:
    rows = [
        ["Instans", "Sagsemne", 2023],
        ["Ishøj", "Serviceloven", 1],
        ["Ishøj", "Aktivloven", 2],
        ["I alt", None, 3],
        ["Hovedtotal", None, 4],
        ["Ishøj", "Serviceloven", 5],
    ]
    (table,) = xlsx_tables(tmp_path / "total.xlsx", rows, ["A4:B4"])
    assert row_texts(table) == [
        ("Ishøj", None),
        ("Serviceloven", ("1",)),
        ("Aktivloven", ("2",)),
        ("I alt", ("3",)),
        ("Hovedtotal", ("4",)),
        ("Ishøj", None),
        ("Serviceloven", ("5",)),
    ]


def test_group_rows_of_their_own_above_and_between_datarow_texts(tmp_path: Path) -> None:
    rows = [
        ["Instans", "Sagsemne", "2023", "2024"],
        ["Ishøj"],
        [None, "Serviceloven", 1, 2],
        [],
        ["Hele landet"],
        [None, "Serviceloven", 3, 4],
        [None, "Total", 3, 4],
    ]
    (table,) = xlsx_tables(tmp_path / "groups.xlsx", rows)
    assert table.stub_header == "Instans / Sagsemne"
    assert row_texts(table) == [
        ("Ishøj", None),
        ("Serviceloven", ("1", "2")),
        ("Hele landet", None),
        ("Serviceloven", ("3", "4")),
        ("Total", ("3", "4")),
    ]


# --- header rows ----------------------------------------------------------------------------

MEASURE_OVER_PERIOD = [
    "Realitetsbehandlede / 2023",
    "Realitetsbehandlede / 2024",
    "Omgørelsesprocent / 2023",
    "Omgørelsesprocent / 2024",
]


@pytest.mark.parametrize(
    ("rows", "merges"),
    [
        # measure merged over its periods, the stub header merged down
        (
            [
                ["Lovområde", "Realitetsbehandlede", None, "Omgørelsesprocent", None],
                [None, 2023, 2024, 2023, 2024],
            ],
            ["A1:A2", "B1:C1", "D1:E1"],
        ),
        # the measure repeated over its periods, the stub header on the lower row
        (
            [
                [None, *["Realitetsbehandlede"] * 2, *["Omgørelsesprocent"] * 2],
                ["Lovområde", "2023", "2024", "2023", "2024"],
            ],
            [],
        ),
        # the measure written once, blanks continuing it (csv-style, in an xlsx)
        (
            [
                ["Lovområde", "Realitetsbehandlede", None, "Omgørelsesprocent"],
                [None, 2023, 2024, 2023, 2024],
            ],
            [],
        ),
    ],
)
def test_two_row_header_spans_by_merge_repetition_or_blank(
    tmp_path: Path, rows: list[Row], merges: list[str]
) -> None:
    body = [["Serviceloven", 66, 74, 0.379, "37,9 %"]]
    (table,) = xlsx_tables(tmp_path / "head.xlsx", [*rows, *body], merges, {"D3": "0.0%"})
    assert table.stub_header == "Lovområde"
    assert column_labels(table) == MEASURE_OVER_PERIOD
    assert row_texts(table) == [("Serviceloven", ("66", "74", "0.379", "37,9 %"))]


def test_three_row_header_period_over_measure_under_an_entity(tmp_path: Path) -> None:
    rows = [
        [None, "Hele landet", None, None, None, "Ishøj", None, None, None],
        [None, 2023, None, 2024, None, 2023, None, 2024, None],
        [None, "Antal", "Pct.", "Antal", "Pct.", "Antal", "Pct.", "Antal", "Pct."],
        ["Serviceloven", 9301, "40,9", 8280, ".", 66, "..", 52, "-"],
    ]
    merges = ["B1:E1", "F1:I1", "B2:C2", "D2:E2", "F2:G2", "H2:I2"]
    (table,) = xlsx_tables(tmp_path / "three.xlsx", rows, merges)
    assert table.stub_header == ""
    assert table.column_headers == tuple(
        (entity, year, measure)
        for entity in ("Hele landet", "Ishøj")
        for year in ("2023", "2024")
        for measure in ("Antal", "Pct.")
    )


def test_csv_three_row_header_continues_blanks_to_the_right(tmp_path: Path) -> None:
    text = (
        ";Realitetsbehandlede;;;;Omgørelsesprocent;;;\n"
        ";2023;;2024;;2023;;2024;\n"
        "Lovområde;Antal;Andel;Antal;Andel;Antal;Andel;Antal;Andel\n"
        "Serviceloven;1;2;3;4;5;6;7;8\n"
    )
    (table,) = csv_tables(tmp_path / "three.csv", text)
    assert table.stub_header == "Lovområde"
    assert column_labels(table)[:3] == [
        "Realitetsbehandlede / 2023 / Antal",
        "Realitetsbehandlede / 2023 / Andel",
        "Realitetsbehandlede / 2024 / Antal",
    ]
    assert column_labels(table)[-1] == "Omgørelsesprocent / 2024 / Andel"


def test_header_at_an_offset_under_title_blank_and_noterow_texts(tmp_path: Path) -> None:
    rows = [
        ["Ankestatistik for Ishøj Kommune"],
        ["Udtrukket fra talportalen"],
        [],
        ["Note: tallene for 2024 er foreløbige"],
        [],
        ["Lovområde", "Antal\nsager", "Antal\nsager", "I alt"],
        [None, "2023", "2024", None],
        [],
        ["Serviceloven", "1.278", "52", "1.330"],
    ]
    (table,) = xlsx_tables(tmp_path / "offset.xlsx", rows, ["D6:D7"])
    assert (table.caption, table.title) == (
        None,
        "Ankestatistik for Ishøj Kommune\nUdtrukket fra talportalen",
    )
    assert table.notes == ("Note: tallene for 2024 er foreløbige",)
    assert table.stub_header == "Lovområde"
    assert column_labels(table) == ["Antal sager / 2023", "Antal sager / 2024", "I alt"]
    assert row_texts(table) == [("Serviceloven", ("1.278", "52", "1.330"))]


def test_header_of_dates_and_numbers_is_text_not_a_timestamp(tmp_path: Path) -> None:
    rows = [
        ["Ydelse", dt.datetime(2023, 1, 1), dt.datetime(2023, 2, 1), dt.date(2023, 3, 15), 2024],
        ["A-dagpenge", 55, 56, 57, 58],
    ]
    formats = {"B1": "mmm yyyy", "C1": "mmm-yy", "D1": "dd-mm-yyyy"}
    (table,) = xlsx_tables(tmp_path / "dates.xlsx", rows, formats=formats)
    assert table.column_headers == (("2023-01",), ("2023-02",), ("2023-03-15",), ("2024",))
    assert row_texts(table) == [("A-dagpenge", ("55", "56", "57", "58"))]


def test_quarter_numbers_under_a_year_are_a_header_row(tmp_path: Path) -> None:
    rows = [
        ["Kommune", "Lovområde", 2023, None, None, None],
        [None, None, 1, 2, 3, 4],
        ["Ishøj", "Serviceloven", 10, 20, 30, 40],
        ["Ishøj", "Aktivloven", 1, 2, 3, 4],
    ]
    (table,) = xlsx_tables(tmp_path / "quarters.xlsx", rows, ["C1:F1"])
    assert column_labels(table) == ["2023 / 1", "2023 / 2", "2023 / 3", "2023 / 4"]
    assert row_texts(table) == [
        ("Ishøj", None),
        ("Serviceloven", ("10", "20", "30", "40")),
        ("Aktivloven", ("1", "2", "3", "4")),
    ]


# --- labels and values ----------------------------------------------------------------------


def test_number_like_labels_stay_labels_and_values_as_text_stay_values(tmp_path: Path) -> None:
    text = (
        "Periode;Antal;Omgørelsesprocent\n"
        "2023;1.278;37,9 %\n"
        "1. halvår 2025;.;..\n"
        "§ 110;-;12,5\n"
        "2022-01;7;2.5\n"
    )
    (table,) = csv_tables(tmp_path / "labels.csv", text)
    assert table.stub_header == "Periode"
    assert table.column_headers == (("Antal",), ("Omgørelsesprocent",))
    assert row_texts(table) == [
        ("2023", ("1.278", "37,9 %")),
        ("1. halvår 2025", (".", "..")),
        ("§ 110", ("-", "12,5")),
        ("2022-01", ("7", "2.5")),
    ]
    # "2.5" typed as text is a value cell, but never read as 25
    assert parse_number("2.5").value is None


def test_code_column_left_of_the_labels_is_a_stub_column(tmp_path: Path) -> None:
    text = (
        "Kommunenr.;Kommune;Omgørelsesprocent;Antal\n"
        "101;København;37,9;1.278\n"
        "147;Frederiksberg;31,1;52\n"
    )
    (table,) = csv_tables(tmp_path / "codes.csv", text)
    assert table.stub_header == "Kommunenr. / Kommune"
    assert table.column_headers == (("Omgørelsesprocent",), ("Antal",))
    assert row_texts(table) == [
        ("101", None),
        ("København", ("37,9", "1.278")),
        ("147", None),
        ("Frederiksberg", ("31,1", "52")),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [("1.278", VALUE), ("37,9 %", VALUE), (".", VALUE), ("..", VALUE), ("-", VALUE),
     ("2.5", VALUE), ("#DIV/0!", VALUE), ("2023", PERIOD), ("2023*", PERIOD),
     ("2022-01", PERIOD), ("15.01.2023", PERIOD), ("01.2023", PERIOD), ("2019K1", PERIOD),
     ("2022M01", PERIOD), ("2021 ² ¹", PERIOD), ("2021 1)", PERIOD), ("0-17 år", TEXT),
     ("1. halvår 2025", TEXT), ("§ 110", TEXT), ("I alt", TEXT), ("12.500", VALUE)],
)  # fmt: skip
def test_cell_kinds(text: str, kind: int) -> None:
    assert cell_kind(SheetValue(text)) == kind


# --- blocks, titles and notes ---------------------------------------------------------------


def test_spacer_rows_inside_a_table_and_blank_rows_between_two_tables(tmp_path: Path) -> None:
    rows = [
        ["Afgørelser efter instans"],
        ["Instans", "Sagsemne", 2023, 2024],
        ["Ishøj", "Serviceloven", 1, 2],
        [],
        ["Hele landet", "Serviceloven", 3, 4],
        [],
        ["I alt", None, 4, 6],
        ["Kilde: Ankestyrelsen"],
        ["og egne beregninger"],
        [],
        ["Anm.: 2024 er foreløbig"],
        [],
        ["Tabel 2: Omgørelsesprocent"],
        [],
        ["Lovområde", "2023", "2024"],
        ["Serviceloven", "37,9", "31,1"],
        [],
        ["*) Tal under 5 vises ikke"],
        ["Fodnote 2"],
    ]
    first, second = xlsx_tables(tmp_path / "two.xlsx", rows)
    assert (first.table_id, first.title, first.caption) == (
        "s1-t1",
        "Afgørelser efter instans",
        None,
    )
    assert row_texts(first) == [
        ("Ishøj", None),
        ("Serviceloven", ("1", "2")),
        ("Hele landet", None),
        ("Serviceloven", ("3", "4")),
        ("I alt", ("4", "6")),
    ]
    assert first.notes == (
        "Kilde: Ankestyrelsen",
        "og egne beregninger",
        "Anm.: 2024 er foreløbig",
    )
    assert (second.table_id, second.caption, second.title) == (
        "s1-t2",
        "Tabel 2: Omgørelsesprocent",
        None,
    )
    assert second.stub_header == "Lovområde"
    assert second.column_headers == (("2023",), ("2024",))
    assert second.notes == ("*) Tal under 5 vises ikke", "Fodnote 2")


def test_a_header_row_after_a_table_starts_the_next_one_without_a_blank_row(
    tmp_path: Path,
) -> None:
    rows = [
        ["Lovområde", 2023],
        ["Serviceloven", 1],
        ["Lovområde", "Antal", "Procent"],
        ["Aktivloven", 2, "37,9"],
    ]
    first, second = xlsx_tables(tmp_path / "glued.xlsx", rows)
    assert (first.column_headers, row_texts(first)) == ((("2023",),), [("Serviceloven", ("1",))])
    assert second.column_headers == (("Antal",), ("Procent",))
    assert row_texts(second) == [("Aktivloven", ("2", "37,9"))]


# --- csv --------------------------------------------------------------------------------------

CSV_TEXT = "Instans;Sagsemne;2023;2024\nIshøj;Serviceloven;1.278;37,9\n"


@pytest.mark.parametrize(
    ("text", "encoding", "bom"),
    [
        ("sep=;\n" + CSV_TEXT, "utf-8", b""),
        ("sep=;\r\n" + CSV_TEXT.replace("\n", "\r\n"), "utf-8", codecs.BOM_UTF8),
        (CSV_TEXT.replace(";", "\t"), "utf-16-le", codecs.BOM_UTF16_LE),
        (CSV_TEXT.replace(";", ",").replace("37,9", '"37,9"'), "utf-8", b""),
        (CSV_TEXT, "cp1252", b""),
    ],
)
def test_csv_dialects_give_the_same_table(
    tmp_path: Path, text: str, encoding: str, bom: bytes
) -> None:
    (table,) = csv_tables(tmp_path / "export.csv", text, encoding, bom)
    assert (table.title, table.stub_header, table.column_headers) == (
        None,
        "Instans / Sagsemne",
        (("2023",), ("2024",)),
    )
    assert row_texts(table) == [("Ishøj", None), ("Serviceloven", ("1.278", "37,9"))]


def test_a_sheet_with_numbers_in_no_table_is_reported_by_its_name(tmp_path: Path) -> None:
    """A sheet of one row of counts like years under a header of years ("Lov | 2022 |
    2023" over "I alt | 2045 | 2034"), read as no table: the report names the sheet and
    its numbers, they are not lost without a word."""
    rows = [
        ("Ændret/ophævet fordelt på år", None, None, None),
        ("Hele landet", None, None, None),
        (None, None, None, None),
        (None, "Lov", "2022", "2023"),
        (None, "I alt", 2045, 2034),
        ("Kilde: Ankestyrelsens talportal", None, None, None),
    ]
    path = tmp_path / "tabel.xlsx"
    xlsx_tables(path, rows)
    result = process_file(path, load_rulebook(RULES))
    (outside,) = [f for f in result.findings if f.code == "values_outside_tables"]
    assert outside.message.startswith("sheet 'Ark1': 4 numbers on 2 lines")
