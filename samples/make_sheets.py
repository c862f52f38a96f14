"""Build the sample spreadsheets (xlsx, csv) and their truth files from the real numbers.

Run: ``.venv/bin/python samples/make_sheets.py [--out DIR]`` (default: this folder).
Each builder writes its workbook (or csv) and ``<stem>.truth.jsonl``: one JSON object per value
cell the generator wrote, with the sheet and A1 reference it wrote it to, the dimensions it
means and the value it holds; written here, independently of the engine. The output is the
same bytes on every run (fixed document dates, fixed zip timestamps).

Sources (../shared/domain/source-texts/):
- ``fanoe-antal-personer-2022-2025.txt``: persons per benefit and month, "." suppressed, and
  the grand total "I alt 8.501" over all months.
- ``ishoej-referater-2020-2022.txt``: Ishøj's serviceloven figures 2019-2021 (byråd
  31.10.2022, social- og sundhedsudvalg 8.3.2021 and the 2021 bilag) and the omgørelsesprocent
  tables of 8.3.2021.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FANOE = "regneark-fanoe-antal-personer-2022-2025"
TALPORTAL = "talportal-ishoej-serviceloven-2019-2021"
OMGOERELSE = "regneark-ishoej-omgoerelsesprocent-2018-2020"
FIXED_TIME = datetime(2025, 1, 1, 12, 0, 0)
ZIP_TIME = (2025, 1, 1, 12, 0, 0)
FANOE_CODE, ISHOEJ_CODE = 563, 183
Truth = dict[str, Any]

BENEFITS = (
    "A-dagpenge",
    "Kontanthjælp",
    "Uddannelseshjælp",
    "Selvforsørgelses- og hjemrejseydelse mv.",
    "Sygedagpenge",
    "Jobafklaringsforløb",
    "Forrevalidering",
    "Revalidering",
    "Ressourceforløb",
    "Ledighedsydelse",
    "Fleksjob",
)
# Fanø, "Antal personer": month, then one value per benefit in BENEFITS order ("." suppressed).
FANOE_MONTHS = (
    "Jan 2022: 55 11 5 9 185 3 . . 4 8 43",
    "Feb 2022: 56 10 5 8 243 3 . . 4 10 43",
    "Mar 2022: 53 9 8 5 97 3 . . 4 8 43",
    "Apr 2022: 47 10 6 3 79 3 . . 4 8 44",
    "Maj 2022: 40 11 5 7 67 3 . . 4 11 42",
    "Jun 2022: 39 12 5 13 72 3 . . 4 10 43",
    "Jul 2022: 40 11 7 11 79 3 . . 4 8 44",
    "Aug 2022: 42 12 7 8 80 3 . . 4 7 44",
    "Sep 2022: 41 9 6 8 89 3 . . 4 6 45",
    "Okt 2022: 38 10 5 6 82 4 . . 3 7 44",
    "Nov 2022: 46 9 5 9 85 4 . . 3 6 44",
    "Dec 2022: 47 9 5 8 90 4 . . 3 6 44",
    "Jan 2023: 51 9 5 7 91 4 . . 4 6 44",
    "Feb 2023: 58 7 5 7 90 5 . . 4 9 43",
    "Mar 2023: 58 7 5 6 87 7 . . 4 8 45",
    "Apr 2023: 47 7 3 5 75 7 . . 4 9 45",
    "Maj 2023: 43 6 3 6 67 8 . . 4 9 46",
    "Jun 2023: 42 7 3 4 76 8 . . 4 7 48",
    "Jul 2023: 44 6 3 4 68 8 . . 4 7 49",
    "Aug 2023: 37 6 4 3 81 10 . . 4 6 50",
    "Sep 2023: 30 7 3 3 76 10 . . 4 7 49",
    "Okt 2023: 33 6 . 4 71 8 . . 4 7 48",
    "Nov 2023: 31 8 3 5 77 8 . . 4 9 47",
    "Dec 2023: 34 6 4 6 68 7 . . 4 8 49",
    "Jan 2024: 42 7 5 4 75 6 . . 4 9 49",
    "Feb 2024: 44 5 5 6 80 5 . . 4 8 50",
    "Mar 2024: 34 6 5 7 72 6 . . 4 8 51",
    "Apr 2024: 27 5 6 7 67 7 . . 4 9 50",
    "Maj 2024: 29 6 6 8 60 8 . . 4 9 50",
    "Jun 2024: 29 4 6 7 63 9 . . 4 8 50",
    "Jul 2024: 31 6 5 7 52 8 . . 3 6 48",
    "Aug 2024: 32 7 5 8 48 8 . . 3 6 48",
    "Sep 2024: 32 7 6 4 70 8 . . 3 6 49",
    "Okt 2024: 35 6 6 4 68 9 . 3 3 5 49",
    "Nov 2024: 37 4 5 3 66 9 . 3 3 6 49",
    "Dec 2024: 36 5 3 3 69 7 . 3 3 6 48",
    "Jan 2025: 48 6 3 3 79 7 . 3 . 9 46",
    "Feb 2025: 46 6 . 4 72 8 . 3 . 9 45",
    "Mar 2025: 48 5 . 4 72 9 . 3 . 9 45",
    "Apr 2025: 38 5 . 4 64 10 . 3 . 9 44",
    "Maj 2025: 34 5 . 4 59 11 . 3 . 8 45",
    "Jun 2025: 31 . . 4 54 10 . 3 3 8 43",
    "Jul 2025: . . . . . . . . . . .",
)
FANOE_TOTAL = 8501  # "I alt 8.501": every month and benefit, suppressed cells not counted
MONTH_NUMBERS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Maj": 5, "Jun": 6,
    "Jul": 7, "Aug": 8, "Sep": 9, "Okt": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip

TALPORTAL_TITLE = "Ankestyrelsens talportal: afgørelser efter instans og sagsemne, 2019-2021"
TALPORTAL_MEASURES = (
    ("Realitetsbehandlede sager i alt", "realitetsbehandlede", "count"),
    ("Stadfæstede sager", "stadfaestet", "count"),
    ("Ændrede/ophævede sager", "aendret_ophaevet", "count"),
    ("Hjemviste sager", "hjemvist", "count"),
    ("Afviste sager", "afvist", "count"),
    ("Omgørelsesprocent", "omgoerelsesprocent", "percent"),
)
YEARS = ("2019", "2020", "2021")
# (Instans, Sagsemne, law area, {measure code: (2019, 2020, 2021)}); None = not in the sources,
# written as "." (suppressed). Ishøj 2020: the 8.3.2021 minutes (Servicelov: 51 stadfæstelser,
# 6 ændringer, 17 hjemvisninger, 11 afvisninger; 74 realitetsbehandlede, 31,1 %). Ishøj 2021:
# 52 realitetsbehandlede and 36,5 % (byråd 31.10.2022), 4 ændrede, 15 hjemviste and 7 afviste
# (its bilag), so 52 - 4 - 15 = 33 stadfæstede (63,5 % of 52, as printed). 2019 and Hele landet:
# only the realitetsbehandlede and the omgørelsesprocent are printed.
TALPORTAL_ROWS: tuple[tuple[str, str, str, dict[str, tuple[float | None, ...]]], ...] = (
    (
        "Ishøj",
        "Serviceloven",
        "serviceloven",
        {
            "realitetsbehandlede": (66, 74, 52),
            "stadfaestet": (None, 51, 33),
            "aendret_ophaevet": (None, 6, 4),
            "hjemvist": (None, 17, 15),
            "afvist": (None, 11, 7),
            "omgoerelsesprocent": (37.9, 31.1, 36.5),
        },
    ),
    (
        "Hele landet",
        "Serviceloven",
        "serviceloven",
        {
            "realitetsbehandlede": (9301, 10329, 8280),
            "stadfaestet": (None, None, None),
            "aendret_ophaevet": (None, None, None),
            "hjemvist": (None, None, None),
            "afvist": (None, None, None),
            "omgoerelsesprocent": (40.9, 36.2, 31.8),
        },
    ),
)

# Social- og sundhedsudvalget 8.3.2021: omgørelsesprocent per law and entity, 2018-2020.
OMG_YEARS = ("2018", "2019", "2020")
OMG_BY_YEAR = (
    ("Serviceloven", "serviceloven",
     {"Hele landet": (36.0, 40.9, 36.3), "Ishøj Kommune": (33.8, 37.9, 31.1)}),
    ("Aktivloven", "aktivloven",
     {"Hele landet": (34.9, 32.2, 28.9), "Ishøj Kommune": (48.4, 42.9, 31.8)}),
)  # fmt: skip
OMG_2020_TITLE = (
    "Tabel: Omgørelsesprocent 2020 fordelt efter lovgivning - "
    "beskæftigelsesområdet indgår under øvrige"
)
OMG_2020_LAWS = (
    ("Aktivlov", "aktivloven"),
    ("Pensions-love", "pensionsloven"),
    ("Sygedag-pengelov", "sygedagpengeloven"),
    ("Servicelov", "serviceloven"),
    ("øvrige", "oevrige"),
    ("I alt", "alle"),
)
OMG_2020_ROWS = (
    ("Ishøj Kommune", "kommune", ISHOEJ_CODE, (32, 12, 20, 31, 100, 31)),
    ("Landstotal", "hele_landet", None, (29, 17, 18, 36, 32, 29)),
)
ENTITIES = {"Hele landet": ("hele_landet", None), "Ishøj Kommune": ("kommune", ISHOEJ_CODE)}


def truth(
    sheet: str | None, ref: str, scope: str, code: int | None, period: str, law: str | None,
    provision: str | None, measure: str, unit: str, value: float | None,
) -> Truth:  # fmt: skip
    """One truth line; value None means the cell holds "." (suppressed)."""
    return {
        "sheet": sheet,
        "cell_ref": ref,
        "entity_scope": scope,
        "municipality_code": code,
        "period": period,
        "law_area": law,
        "provision": provision,
        "measure": measure,
        "unit": unit,
        "value": value,
        "status": "reported" if value is not None else "suppressed",
    }


def _title(ws: Worksheet, ref: str, text: str) -> None:
    ws[ref] = text
    ws[ref].font = Font(bold=True)


def fanoe_sheet(ws: Worksheet) -> list[Truth]:
    """Title "Fanø", header "Antal personer" over the values, months merged down."""
    ws.title = "Fanø"
    _title(ws, "A1", "Fanø")
    ws["C3"] = "Antal personer"
    ws.column_dimensions["B"].width = 40
    out: list[Truth] = []
    row = 4
    for line in FANOE_MONTHS:
        month, _, values = line.partition(": ")
        name, year = month.split()
        period = f"{year}-{MONTH_NUMBERS[name]:02d}"
        ws.cell(row, 1, month)
        ws.merge_cells(start_row=row, start_column=1, end_row=row + len(BENEFITS) - 1, end_column=1)
        for offset, (benefit, text) in enumerate(zip(BENEFITS, values.split(), strict=True)):
            ws.cell(row + offset, 2, benefit)
            value = None if text == "." else int(text)
            ws.cell(row + offset, 3, text if value is None else value)
            ref = f"C{row + offset}"
            out.append(
                truth("Fanø", ref, "kommune", FANOE_CODE, period, None, benefit,
                      "antal_personer", "persons", value)
            )  # fmt: skip
        row += len(BENEFITS)
    ws.cell(row, 1, "I alt")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    ws.cell(row, 3, FANOE_TOTAL).number_format = "#,##0"
    return out


def talportal_cells() -> list[list[str | float | None]]:
    """The talportal table as rows of cells (title, two header rows, one row per Sagsemne)."""
    header1: list[str | float | None] = ["Instans", "Sagsemne"]
    header2: list[str | float | None] = [None, None]
    for label, _, _ in TALPORTAL_MEASURES:
        header1 += [label, None, None]
        header2 += [int(y) for y in YEARS]
    rows: list[list[str | float | None]] = [[TALPORTAL_TITLE], header1, header2]
    for instans, sagsemne, _, values in TALPORTAL_ROWS:
        row: list[str | float | None] = [instans, sagsemne]
        for _, code, _ in TALPORTAL_MEASURES:
            row += ["." if v is None else v for v in values[code]]
        rows.append(row)
    return rows


def talportal_truth(sheet: str | None) -> list[Truth]:
    out: list[Truth] = []
    for r, (instans, _, law, values) in enumerate(TALPORTAL_ROWS):
        scope, code = (
            ("hele_landet", None) if instans == "Hele landet" else ("kommune", ISHOEJ_CODE)
        )
        for m, (_, measure, unit) in enumerate(TALPORTAL_MEASURES):
            for y, year in enumerate(YEARS):
                ref = f"{get_column_letter(3 + 3 * m + y)}{4 + r}"
                out.append(
                    truth(sheet, ref, scope, code, year, law, None, measure, unit,
                          values[measure][y])
                )  # fmt: skip
    return out


def talportal_sheet(ws: Worksheet) -> list[Truth]:
    """The talportal export as xlsx: measures merged over their years, percent as fractions."""
    ws.title = "Talportal"
    for r, row in enumerate(talportal_cells(), start=1):
        for c, value in enumerate(row, start=1):
            if value is None:
                continue
            cell = ws.cell(r, c, value)
            if r > 3 and c > 2 + 3 * 5 and isinstance(value, float):
                cell.value = round(value / 100, 6)  # stored as a fraction, shown as 37,9 %
                cell.number_format = "0.0%"
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    for m in range(len(TALPORTAL_MEASURES)):
        ws.merge_cells(start_row=2, start_column=3 + 3 * m, end_row=2, end_column=5 + 3 * m)
    return talportal_truth("Talportal")


def talportal_csv(path: Path) -> list[Truth]:
    """The talportal export as csv: ";" and decimal comma, Windows-1252, CRLF, no merges."""
    lines = []
    for row in talportal_cells():
        fields = []
        for value in row:
            if value is None:
                fields.append("")
            elif isinstance(value, float):
                fields.append(f"{value:.1f}".replace(".", ","))
            else:
                fields.append(str(value))
        lines.append(";".join(fields))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return talportal_truth(None)


def omgoerelse_sheet(ws: Worksheet) -> list[Truth]:
    """Two tables on one sheet: law x (entity over years), then entity x law for 2020."""
    ws.title = "Omgørelsesprocent"
    _title(ws, "A1", "Omgørelsesprocent efter lovområde og år - alle sager")
    ws["A2"] = "Lovområde"
    ws.merge_cells("A2:A3")
    entities = list(OMG_BY_YEAR[0][2])
    for e, name in enumerate(entities):
        ws.cell(2, 2 + 3 * e, name)
        ws.merge_cells(start_row=2, start_column=2 + 3 * e, end_row=2, end_column=4 + 3 * e)
        for y, year in enumerate(OMG_YEARS):
            ws.cell(3, 2 + 3 * e + y, int(year))
    out: list[Truth] = []
    for r, (label, law, by_entity) in enumerate(OMG_BY_YEAR, start=4):
        ws.cell(r, 1, label)
        for e, name in enumerate(entities):
            scope, code = ENTITIES[name]
            for y, year in enumerate(OMG_YEARS):
                col = 2 + 3 * e + y
                cell = ws.cell(r, col, round(by_entity[name][y] / 100, 6))
                cell.number_format = "0.0%"
                out.append(
                    truth(ws.title, f"{get_column_letter(col)}{r}", scope, code, year, law,
                          None, "omgoerelsesprocent", "percent", by_entity[name][y])
                )  # fmt: skip
    _title(ws, "A7", OMG_2020_TITLE)
    for c, (label, _) in enumerate(OMG_2020_LAWS, start=2):
        ws.cell(8, c, label)
    for r, (name, scope, code, values) in enumerate(OMG_2020_ROWS, start=9):
        ws.cell(r, 1, name)
        for c, ((_, law), value) in enumerate(zip(OMG_2020_LAWS, values, strict=True), start=2):
            ws.cell(r, c, value)
            out.append(
                truth(ws.title, f"{get_column_letter(c)}{r}", scope, code, "2020", law, None,
                      "omgoerelsesprocent", "percent", value)
            )  # fmt: skip
    ws["A12"] = "Kilde: Ankestyrelsen, ankestatistik for Ishøj Kommune 2020"
    return out


def save_workbook(workbook: Workbook, path: Path) -> None:
    """Save with fixed document dates and zip timestamps, so the bytes never change."""
    workbook.properties.creator = "ankestat samples/make_sheets.py"
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    data,
                )
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    path.write_bytes(out.getvalue())


def write_truth(path: Path, rows: Sequence[Truth]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )


def _one_sheet(out_dir: Path, stem: str, build: Any) -> Path:
    workbook = Workbook()
    rows = build(workbook.active)
    path = out_dir / f"{stem}.xlsx"
    save_workbook(workbook, path)
    write_truth(out_dir / f"{stem}.truth.jsonl", rows)
    return path


def build_all(out_dir: Path) -> list[Path]:
    """Write every sample spreadsheet and its truth file into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [
        _one_sheet(out_dir, FANOE, fanoe_sheet),
        _one_sheet(out_dir, TALPORTAL, talportal_sheet),
        _one_sheet(out_dir, OMGOERELSE, omgoerelse_sheet),
    ]
    csv_path = out_dir / f"{TALPORTAL}.csv"
    write_truth(out_dir / f"{TALPORTAL}.csv.truth.jsonl", talportal_csv(csv_path))
    paths.append(csv_path)
    self_check(out_dir)
    return paths


def self_check(out_dir: Path) -> None:
    """Assert that the written numbers add up as the sources say."""
    fanoe = [
        json.loads(line)
        for line in (out_dir / f"{FANOE}.truth.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(fanoe) == 43 * len(BENEFITS)
    assert sum(r["value"] for r in fanoe if r["value"] is not None) == FANOE_TOTAL
    for _, _, _, values in TALPORTAL_ROWS:
        for y in range(len(YEARS)):
            parts = [values[m][y] for m in ("stadfaestet", "aendret_ophaevet", "hjemvist")]
            if None not in parts:
                assert sum(p for p in parts if p is not None) == values["realitetsbehandlede"][y]
                changed = (parts[1] or 0) + (parts[2] or 0)
                rate = round(100 * changed / values["realitetsbehandlede"][y], 1)
                assert rate == values["omgoerelsesprocent"][y], (rate, y)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    args = parser.parse_args(argv)
    for path in build_all(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
