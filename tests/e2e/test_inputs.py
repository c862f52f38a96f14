"""Bad and unusual input: clear reasons, nothing lost, nothing changed, the batch goes on."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from extract.cli import main
from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.readers.budgets import Budgets
from tests.conftest import SAMPLES
from tests.pdf_factory import image_only_pdf, table_items, text_pdf

REPORT_HEADING = (50, 40, "Årsredegørelse 2024")


def _suppressed_table(path: Path) -> Path:
    caption = (50, 80, "TABEL 4.5 OMGØRELSESPROCENT EFTER LOVOMRÅDE I PERIODEN 2022-2024")
    rows = [
        ("Lov om aktiv beskæftigelsesindsats", "25", ".", "22"),
        ("Lov om aktiv socialpolitik", "..", "23", "22"),
        ("Barnets lov", "-", "-", "44"),
        ("Boligstøtteloven", "29 %", "24¹", "−3"),
    ]
    items = [
        REPORT_HEADING,
        caption,
        *table_items(110, ["2022", "2023", "2024"], rows),
        (50, 200, "Kilde: Ankestyrelsens sagsbehandlingssystem."),
    ]
    return text_pdf(path, [items])


def test_suppressed_value_is_never_zero(rulebook: Rulebook, tmp_path: Path) -> None:
    result = process_file(_suppressed_table(tmp_path / "suppressed.pdf"), rulebook)
    got = {
        (r.law_area, r.period): (r.cell_text, r.value, r.status, r.obs_status, r.flags)
        for r in result.records
    }
    assert got[("lab", "2023")] == (".", None, "suppressed", "Q", [])
    assert got[("aktivloven", "2022")] == ("..", None, "suppressed", "Q", [])
    assert got[("barnets_lov", "2022")] == ("-", None, "not_applicable", "M", [])
    assert got[("barnets_lov", "2024")] == ("44", 44, "reported", "A", [])
    assert got[("boligstoetteloven", "2022")] == ("29 %", 29, "reported", "A", [])
    assert got[("boligstoetteloven", "2023")] == ("24¹", 24, "reported", "A", ["footnote_mark"])
    # a negative percentage cannot be: read as printed (Unicode minus), and flagged
    assert got[("boligstoetteloven", "2024")] == ("−3", -3, "reported", "A", ["implausible_value"])


def test_suppressed_stays_empty_in_csv_and_null_in_jsonl(tmp_path: Path) -> None:
    pdf = (
        _suppressed_table(tmp_path / "in" / "suppressed.pdf")
        if (tmp_path / "in").mkdir() is None
        else None
    )
    assert pdf is not None
    assert (
        main(["extract", str(pdf), "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"]) == 0
    )
    rows = [json.loads(line) for line in (tmp_path / "out" / "records.jsonl").open()]
    suppressed = [r for r in rows if r["status"] == "suppressed"]
    assert len(suppressed) == 2 and all(r["value"] is None for r in suppressed)
    csv_lines = (tmp_path / "out" / "records.csv").read_text(encoding="utf-8").splitlines()
    header = csv_lines[0].split(",")
    value_at, status_at = header.index("value"), header.index("status")
    import csv

    parsed = list(csv.reader(csv_lines[1:]))
    assert {(r[value_at], r[status_at]) for r in parsed if r[status_at] == "suppressed"} == {
        ("", "suppressed")
    }


def test_image_only_pdf_read_without_ocr_is_reported_as_needing_it(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    scan = image_only_pdf(
        SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf", tmp_path / "scan.pdf"
    )
    result = process_file(scan, rulebook, ReadOptions(ocr=False))
    assert result.status is FileStatus.PARTIAL
    assert result.pages_needing_ocr == (1,)
    assert [f.code for f in result.findings] == ["needs_ocr"]
    assert result.records == ()


def test_table_no_rule_matches_is_listed(rulebook: Rulebook, tmp_path: Path) -> None:
    items = [
        REPORT_HEADING,
        (50, 80, "TABEL 9.1 KLAGER OVER PARKERING EFTER BYDEL"),
        *table_items(110, ["2023", "2024"], [("Nord", "12", "14"), ("Syd", "7", "9")]),
    ]
    path = text_pdf(tmp_path / "other.pdf", [items])
    result = process_file(path, rulebook)
    assert [(t.table_id, t.page, t.caption, t.rule_id) for t in result.tables] == [
        ("9.1", 1, "TABEL 9.1 KLAGER OVER PARKERING EFTER BYDEL", None)
    ]
    assert result.status is FileStatus.PARTIAL
    assert result.records == ()
    out = tmp_path / "out"
    assert main(["extract", str(path), "--out", str(out), "--quiet", "--jobs", "1"]) == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    [entry] = report["files"]
    assert entry["tables_unmapped"] == [
        {
            "table_id": "9.1",
            "page": 1,
            "pages": [1],
            "caption": "TABEL 9.1 KLAGER OVER PARKERING EFTER BYDEL",
        }
    ]


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Bad files in ``folder``; name -> the reason the engine must give."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.pdf").write_text("dette er ikke en pdf", encoding="utf-8")
    good = (SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(good[: len(good) // 3])
    text_pdf(folder / "locked.pdf", [[(50, 50, "hemmelig")]], encrypt="hemmelig")
    return {
        "empty.pdf": "empty file (0 bytes)",
        "notes.pdf": "not a supported document",
        "truncated.pdf": "PDF",
        "locked.pdf": "encrypted PDF",
    }


@pytest.mark.parametrize("name", ["empty.pdf", "notes.pdf", "truncated.pdf", "locked.pdf"])
def test_bad_input_fails_with_a_reason(name: str, rulebook: Rulebook, tmp_path: Path) -> None:
    reasons = _bad_inputs(tmp_path)
    result = process_file(tmp_path / name, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error is not None and reasons[name] in result.error
    assert "\n" not in result.error


def test_batch_goes_on_and_inputs_are_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inbox = tmp_path / "inbox"
    reasons = _bad_inputs(inbox / "bad")
    good = inbox / "good.pdf"
    good.write_bytes((SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf").read_bytes())
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.rglob("*.pdf")}
    code = main(
        ["extract", str(inbox), "--out", str(tmp_path / "out"), "--jobs", "2", "--no-progress"]
    )
    assert code == 1
    err = capsys.readouterr().err
    for name, reason in reasons.items():
        [line] = [x for x in err.splitlines() if name in x]
        assert reason in line
    records = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == 42
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.rglob("*.pdf")}
    assert before == after
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["totals"]["failed"] == 4 and report["totals"]["ok"] == 1


def test_only_regular_files_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A named pipe, a link to a device (which would never end), a link loop and a broken
    link each fail alone with their own one-line reason, at once; the good file is read."""
    import os

    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    (tmp_path / "loop.pdf").symlink_to(tmp_path / "loop.pdf")
    (tmp_path / "gone.pdf").symlink_to(tmp_path / "deleted.pdf")
    good = tmp_path / "good.pdf"
    good.write_bytes((SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf").read_bytes())
    names = ["pipe.csv", "zero.csv", "loop.pdf", "gone.pdf", "good.pdf"]
    args = [str(tmp_path / n) for n in names]
    assert main(["extract", *args, "--out", str(tmp_path / "out"), "--jobs", "1", "--quiet"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"ankestat: {tmp_path}/pipe.csv: not a regular file but a named pipe (FIFO)",
        f"ankestat: {tmp_path}/zero.csv: not a regular file but a character device",
        f"ankestat: {tmp_path}/loop.pdf: a symbolic link that leads round in a loop",
        f"ankestat: {tmp_path}/gone.pdf: a symbolic link to a missing file",
    ]
    records = (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(records) == 42


def test_a_file_name_with_control_characters_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "to\nlinjer\x1b[31m.pdf"
    odd.write_bytes(b"")
    assert main(["extract", str(odd), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    captured = capsys.readouterr()
    assert "to\\nlinjer\\x1b[31m.pdf" in captured.err and "\x1b" not in captured.err
    assert "to\\nlinjer\\x1b[31m.pdf" in captured.out and "\x1b" not in captured.out
    report = (tmp_path / "out" / "report.txt").read_text(encoding="utf-8")
    assert "\x1b" not in report and "to\\nlinjer" in report


def test_a_csv_whose_header_and_rows_are_delimited_differently_is_not_silent(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("Kommune;2019;2020\nIshøj,36,5,38\nAlbertslund,40,41\n", encoding="utf-8")
    result = process_file(mixed, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error == (
        "its header line is delimited by ';' but its rows by ',': "
        "no column can be matched to its header"
    )
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("Kommune;2019;2020\nIshøj;36,5;38;9\nAlbertslund;40;41\n", encoding="utf-8")
    notes = [f.message for f in process_file(ragged, rulebook).findings]
    assert (
        "csv: 1 rows do not split into the 3 fields of the others (first: row 2); "
        "their values may stand under the wrong headers"
    ) in notes


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a ``width`` x ``height`` canvas (grey) and holds no real image."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


def test_an_image_declaring_a_huge_canvas_is_refused_before_decoding(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(_png_header(20_000, 19_000))
    result = process_file(bomb, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error == (
        "refused: image frame 1 is 20000 x 19000 pixels, 380 million (a decompression bomb?): "
        "past the limit of 60 million pixels (--max-pixels raises it)"
    )


def test_a_budget_is_an_option_and_its_refusal_names_it(tmp_path: Path) -> None:
    """Three frames (pages) in one TIFF: read with the default budget; refused with
    --max-frames 2, the message naming the limit and the option that raises it."""
    from PIL import Image

    tiff = tmp_path / "three.tif"
    frames = [Image.new("L", (200, 200), 255) for _ in range(3)]
    frames[0].save(tiff, save_all=True, append_images=frames[1:])
    out = tmp_path / "out"
    base = ["extract", str(tiff), "--out", str(out), "--no-progress", "--no-ocr"]
    assert main(base) == 0
    assert main([*base, "--max-frames", "2"]) == 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["files"][0]["error"] == (
        "refused: the image has more frames (pages): past the limit of 2 frames "
        "(--max-frames raises it)"
    )


def test_a_photo_stored_sideways_has_the_page_size_its_exif_orientation_shows(
    tmp_path: Path,
) -> None:
    """A phone photo stored 2000 x 1000 with EXIF orientation 6 (shown turned a quarter
    clockwise) is a page 1000 x 2000 pixels, upright, as the phone showed it."""
    from PIL import Image

    from extract.readers.ocr.image_files import _frame, _frame_sizes

    photo = tmp_path / "photo.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("L", (2000, 1000), 255).save(photo, exif=exif, dpi=(200, 200))
    [(number, width, height, _cost)] = _frame_sizes(photo, Budgets())
    assert (number, width, height) == (1, 360.0, 720.0)
    assert _frame(photo, 1).size == (1000, 2000)


@pytest.mark.slow  # a 60-megapixel page rendered
def test_a_poster_sized_scanned_page_is_read_at_a_lower_resolution(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A 200 x 200 inch image-only page would be 60,000 pixels square at 300 dpi: it is
    rendered within the pixel budget, and the report says at what resolution."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    from extract.readers.ocr.pages import page_dpi

    most = 60e6

    side = 200 * 72
    dpi = page_dpi(side, side, 300, most)
    assert (side / 72 * dpi) ** 2 <= most * 1.0001 and dpi < 300
    assert page_dpi(595, 842, 300, most) == 300  # A4 as asked
    image = tmp_path / "scan.png"
    Image.new("L", (400, 400), 255).save(image)
    poster = tmp_path / "poster.pdf"
    drawing = canvas.Canvas(str(poster), pagesize=(side, side))
    drawing.drawImage(str(image), 0, 0, side, side)
    drawing.save()
    result = process_file(poster, rulebook)
    assert result.status is not FileStatus.FAILED
    assert (
        f"page 1: read at {dpi:.0f} dpi, not 300: the page is 200 x 200 inches "
        "(--max-pixels raises the limit)"
    ) in [f.message for f in result.findings]


def test_formats_are_judged_by_content_the_name_only_a_hint(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A real workbook named .pdf is read as the workbook it is; a csv whose title line
    mentions "%PDF-1.4" is a csv, not a damaged PDF; a field longer than Python's csv limit
    is read."""
    workbook = tmp_path / "eksport.pdf"
    workbook.write_bytes((SAMPLES / "talportal-ishoej-serviceloven-2019-2021.xlsx").read_bytes())
    assert len(process_file(workbook, rulebook).records) == 36
    mentions = tmp_path / "titel.csv"
    mentions.write_text("Eksport af %PDF-1.4 filer\nKommune;2019;2020\nIshøj;36;38\n", "utf-8")
    assert process_file(mentions, rulebook).status is not FileStatus.FAILED
    long_field = tmp_path / "langt.csv"
    long_field.write_text("Kommune;2021\nIshøj;" + "x" * 300_000 + "\nAlbertslund;5\n", "utf-8")
    assert process_file(long_field, rulebook).status is not FileStatus.FAILED


def test_a_workbook_declaring_entities_is_refused_in_one_line(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    import zipfile

    source = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.xlsx"
    laughs = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(laughs, "w") as crafted:
        for item in original.infolist():
            data = original.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                at = data.find(b"<worksheet")
                dtd = b'<!DOCTYPE x [<!ENTITY a "a"><!ENTITY b "&a;&a;&a;&a;">]>'
                data = data[:at] + dtd + data[at:]
            crafted.writestr(item, data)
    result = process_file(laughs, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error == (
        "refused: its XML declares a DTD or entities (an XML attack, or a broken file)"
    )
