"""Hostile and careless inputs, built small: what an attacker or a hurried sender drops in.

``build_all(folder)`` writes every input into ``folder`` and returns, per file name, what the
engine must do with it: ``Fails(reason)`` (failed, one line holding ``reason``) or
``Reads(records, finding)`` (read, at least ``records`` records, not failed, and a finding
of that code when one is named). Bombs are declared, not
materialised: a PNG header announcing a huge canvas, an ods repeating rows by the million,
a zip whose directory claims gigabytes. See ``tests/e2e/test_hostile.py``.
"""

from __future__ import annotations

import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.pdf_factory import text_pdf

SAMPLES = Path(__file__).resolve().parent.parent.parent / "samples"
SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"
TALPORTAL_XLSX = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.xlsx"
TALPORTAL_CSV = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
TIFF = SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff"


@dataclass(frozen=True, slots=True)
class Fails:
    """The file fails; its one-line reason holds ``reason``."""

    reason: str


@dataclass(frozen=True, slots=True)
class Reads:
    """The file is read (not failed) and gives at least ``records`` records, and a finding
    of code ``finding`` when it is named."""

    records: int = 0
    finding: str | None = None


Expectation = Fails | Reads
Builder = Callable[[Path], None]


def pdf_objects(*bodies: bytes) -> bytes:
    """A PDF of these objects (numbered from 1; object 1 the catalog) with a correct
    cross-reference table: damage is in the objects, not in finding them."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(bodies, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return out


_CONTENT = b"BT /F1 12 Tf 72 720 Td (Kommune 2021 2022) Tj ET"
_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    b"/Resources << /Font << /F1 5 0 R >> >> >>"
)
_STREAM = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(_CONTENT), _CONTENT)
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
# PDFs whose objects lead round in loops: name -> (catalog, page tree, page, object 6)
PDF_LOOPS = {
    "kids-refer-to-themselves.pdf": (b"<< /Type /Pages /Kids 6 0 R /Count 1 >>", _PAGE, b"6 0 R"),
    "count-refers-to-itself.pdf": (
        b"<< /Type /Pages /Kids [3 0 R] /Count 6 0 R >>",
        _PAGE,
        b"6 0 R",
    ),
    "contents-refer-to-themselves.pdf": (
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        _PAGE.replace(b"/Contents 4 0 R", b"/Contents 6 0 R"),
        b"6 0 R",
    ),
    "page-trees-in-a-circle.pdf": (
        b"<< /Type /Pages /Kids [6 0 R] /Count 1 >>",
        _PAGE,
        b"<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>",
    ),
}


def pdf_loop(name: str) -> Builder:
    """The builder of PDF_LOOPS[name]."""
    pages, page, sixth = PDF_LOOPS[name]
    return lambda p: p.write_bytes(pdf_objects(_CATALOG, pages, page, _STREAM, _FONT, sixth))


def _sundhed_kids(kids: bytes) -> Builder:
    """The sundhedsudvalg sample with its page tree's kids replaced (offsets unchanged)."""

    def build(target: Path) -> None:
        data = SUNDHED.read_bytes()
        assert data.count(b"/Kids [ 3 0 R 4 0 R ]") == 1
        target.write_bytes(data.replace(b"/Kids [ 3 0 R 4 0 R ]", kids))

    return build


def _sundhed_xref_shifted(target: Path) -> None:
    """The sundhedsudvalg sample with every cross-reference offset 7 bytes off (PDFium
    repairs it; pdfminer finds no pages)."""
    data = SUNDHED.read_bytes()
    at = data.rindex(b"\nxref")
    table = re.sub(
        rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), data[at:]
    )
    target.write_bytes(data[:at] + table)


def _png(width: int, height: int, pixels: bytes = b"\0") -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(pixels))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + idat + chunk(b"IEND", b"")


def rewrite_zip(source: Path, target: Path, member: str, change: Callable[[bytes], bytes]) -> None:
    """``source`` copied to ``target`` with ``member``'s bytes passed through ``change``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as crafted:
        for item in original.infolist():
            data = original.read(item)
            crafted.writestr(item, change(data) if item.filename == member else data)


def small_workbook(target: Path) -> None:
    """A workbook of two rows: "Kommune 2021", "Ishøj 5"."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Kommune", "2021"])
    sheet.append(["Ishøj", 5])
    book.save(target)


def _sheet(target: Path, change: Callable[[bytes], bytes]) -> None:
    rewrite_zip(TALPORTAL_XLSX, target, "xl/worksheets/sheet1.xml", change)


def ods_file(target: Path, rows: str) -> None:
    """An ods file whose only table holds the XML ``rows`` (table:table-row elements)."""
    spaces = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {spaces}>'
        f'<office:body><office:spreadsheet><table:table table:name="Ark1">{rows}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)


def _zip_bomb(target: Path) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(target.read_bytes())
    struct.pack_into("<I", data, data.index(b"PK\x01\x02") + 24, 0xFFFFFFF0)
    target.write_bytes(bytes(data))


def _tiff_frames(target: Path, frames: int) -> None:
    from PIL import Image

    pages = [Image.new("1", (8, 8), 1) for _ in range(frames)]
    pages[0].save(target, save_all=True, append_images=pages[1:], compression="group4")


def _poster(target: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = target.with_suffix(".png.tmp")
    Image.new("L", (300, 300), 255).save(image, format="PNG")
    side = 200 * 72
    drawing = canvas.Canvas(str(target), pagesize=(side, side))
    drawing.drawImage(str(image), 0, 0, side, side)
    drawing.save()
    image.unlink()


def _sundhed_part(fraction: float) -> Builder:
    return lambda p: p.write_bytes(SUNDHED.read_bytes()[: int(SUNDHED.stat().st_size * fraction)])


_REPEAT_CELL = (
    '<table:table-cell table:number-columns-repeated="10000" office:value-type="float" '
    'office:value="1"><text:p>1</text:p></table:table-cell>'
)
_ODS_TABLE = (
    "<table:table-row><table:table-cell><text:p>Kommune</text:p></table:table-cell>"
    "<table:table-cell><text:p>2021</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>Ishøj</text:p></table:table-cell>"
    '<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p>'
    "</table:table-cell></table:table-row>"
)
_DTD = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'


def _merge_whole_width(data: bytes) -> bytes:
    """A merged range over the sheet's whole width, 1,000 rows down, a value in its corner."""
    corner = b'<row r="1000"><c r="XFD1000" t="n"><v>1</v></c></row></sheetData>'
    data = data.replace(b"</sheetData>", corner)
    merge = b'<mergeCell ref="A20:XFD1000"/>'
    if b"<mergeCells" in data:
        return re.sub(rb"(<mergeCells[^>]*>)", lambda m: m.group(1) + merge, data, count=1)
    return data.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merge + b"</mergeCells>")


def _with_dtd(data: bytes) -> bytes:
    at = data.find(b"<worksheet")
    return data[:at] + _DTD + data[at:]


# name -> (builder, expectation)
INPUTS: dict[str, tuple[Builder, Expectation]] = {
    # --- PDF ---------------------------------------------------------------------------
    "empty.pdf": (lambda p: p.write_bytes(b""), Fails("empty file (0 bytes)")),
    "text-named.pdf": (lambda p: p.write_text("ikke en pdf"), Fails("not a supported document")),
    "header-only.pdf": (lambda p: p.write_bytes(b"%PDF-1.7\n"), Fails("PDF")),
    "random-after-header.pdf": (
        lambda p: p.write_bytes(b"%PDF-1.4\n" + os.urandom(4096)),
        Fails("PDF"),
    ),
    "truncated-third.pdf": (_sundhed_part(1 / 3), Fails("PDF")),
    "truncated-most.pdf": (_sundhed_part(0.9), Fails("")),
    "encrypted.pdf": (
        lambda p: text_pdf(p, [[(50, 50, "hemmelig")]], encrypt="hemmelig") and None,
        Fails("encrypted PDF"),
    ),
    "junk-before-header.pdf": (
        lambda p: p.write_bytes(b"\0\0 junk \n" + SUNDHED.read_bytes()),
        Reads(42),
    ),
    "poster-page.pdf": (_poster, Reads(0)),
    "page-object-missing.pdf": (_sundhed_kids(b"/Kids [ 3 0 R 99 0 R ]"), Reads(42, "pages_lost")),
    "page-tree-loop.pdf": (_sundhed_kids(b"/Kids [ 15 0 R 4 0 R ]"), Reads(0, "pages_lost")),
    "xref-offsets-wrong.pdf": (_sundhed_xref_shifted, Reads(42)),
    **{name: (pdf_loop(name), Reads()) for name in PDF_LOOPS},
    "nul-bytes.pdf": (lambda p: p.write_bytes(bytes(5000)), Fails("not a supported document")),
    # --- images ------------------------------------------------------------------------
    "canvas-bomb.png": (
        lambda p: p.write_bytes(_png(20_000, 19_000)),
        Fails("(a decompression bomb?): past the limit of 60 million pixels (--max-pixels"),
    ),
    "wide-bomb.png": (
        lambda p: p.write_bytes(_png(1_000_000, 100)),
        Fails("(a decompression bomb?): past the limit of 60 million pixels (--max-pixels"),
    ),
    "truncated.png": (lambda p: p.write_bytes(_png(100, 100)[:40]), Fails("image")),
    "header-only.jpg": (lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + bytes(20)), Fails("image")),
    "frames-2001.tiff": (
        lambda p: _tiff_frames(p, 2001),
        Fails("limit of 2,000 frames (--max-frames raises it)"),
    ),
    "blank.png": (lambda p: p.write_bytes(_png(10, 10, bytes([0]) + bytes([255]) * 10)), Reads()),
    "tiff-named.png": (lambda p: p.write_bytes(TIFF.read_bytes()), Reads(40)),
    # --- csv ---------------------------------------------------------------------------
    "stars.csv": (
        lambda p: p.write_text("Kommune;2021\nIshøj;" + "*" * 130_000 + "\n", "utf-8"),
        Reads(),
    ),
    "long-field.csv": (
        lambda p: p.write_text("Kommune;2021\nIshøj;" + "x" * 300_000 + "\n", "utf-8"),
        Reads(),
    ),
    "mixed-delimiters.csv": (
        lambda p: p.write_text("Kommune;2019;2020\nIshøj,36,38\nAlbertslund,40,41\n", "utf-8"),
        Fails("delimited by ';' but its rows by ','"),
    ),
    "only-blank-lines.csv": (lambda p: p.write_text("\n\n  \n"), Fails("")),
    "no-delimiter.csv": (lambda p: p.write_text("bare tekst\nuden skilletegn\n"), Fails("")),
    "nul-bytes.csv": (lambda p: p.write_bytes(b"Kommune;2021\n\0\0\0;5\n"), Fails("")),
    "unclosed-quote.csv": (
        lambda p: p.write_text('Kommune;2021\n"Ishøj;5\n'),
        Fails("malformed csv at line 2"),
    ),
    "formulas.csv": (
        lambda p: p.write_text(
            "Kommune;2021\n=cmd|' /C calc'!A0;5\n-2+3+cmd|' /C calc'!A0;6\n@SUM(A1);7\n", "utf-8"
        ),
        Reads(),
    ),
    "pdf-in-title.csv": (
        lambda p: p.write_text("Eksport af %PDF-1.4\nKommune;2019\nIshøj;36\n", "utf-8"),
        Reads(),
    ),
    "utf16-no-bom.csv": (lambda p: p.write_bytes("Kommune;2021\n".encode("utf-16-le")), Fails("")),
    "talportal-named.txt.csv": (lambda p: p.write_bytes(TALPORTAL_CSV.read_bytes()), Reads(36)),
    # --- xlsx --------------------------------------------------------------------------
    "merge-whole-width.xlsx": (lambda p: _sheet(p, _merge_whole_width), Reads()),
    "dimension-lie.xlsx": (
        lambda p: _sheet(
            p, lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', d)
        ),
        Reads(36),
    ),
    "formula-scan.xlsx": (
        lambda p: _sheet(
            p,
            lambda d: d.replace(
                b"</sheetData>", b"</sheetData>" + b'<c r="A9"' + b' r="B2"' * 50_000
            ),
        ),
        Fails("corrupt xlsx workbook"),
    ),
    "entities.xlsx": (lambda p: _sheet(p, _with_dtd), Fails("declares a DTD or entities")),
    "zip-bomb.xlsx": (_zip_bomb, Fails("zip bomb")),
    "not-a-workbook.xlsx": (
        lambda p: zipfile.ZipFile(p, "w").writestr("word/document.xml", "<w/>"),
        Fails("not an xlsx workbook"),
    ),
    "truncated.xlsx": (
        lambda p: p.write_bytes(TALPORTAL_XLSX.read_bytes()[:900]),
        Fails("corrupt workbook"),
    ),
    "encrypted.xlsx": (
        lambda p: p.write_bytes(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + bytes(504)
            + "EncryptedPackage".encode("utf-16-le")
            + bytes(1000)
        ),
        Fails("encrypted"),
    ),
    "workbook-named.pdf": (lambda p: p.write_bytes(TALPORTAL_XLSX.read_bytes()), Reads(36)),
    "broken-ole.xls": (
        lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
        Fails("xls"),
    ),
    "malformed-sheet.xlsx": (
        lambda p: _sheet(p, lambda d: d.replace(b"</sheetData>", b"<row r=></sheetData>")),
        Fails("corrupt xlsx workbook"),
    ),
    # --- ods ---------------------------------------------------------------------------
    "repeated-rows.ods": (
        lambda p: ods_file(
            p,
            f'<table:table-row table:number-rows-repeated="10000">{_REPEAT_CELL}'
            "</table:table-row>" * 3,
        ),
        Fails("limit of 5 million cells (--max-cells raises it)"),
    ),
    "count-abc.ods": (
        lambda p: ods_file(
            p,
            '<table:table-row><table:table-cell table:number-columns-repeated="abc">'
            "<text:p>x</text:p></table:table-cell></table:table-row>",
        ),
        Fails("is not a count"),
    ),
    "count-negative.ods": (
        lambda p: ods_file(
            p,
            '<table:table-row table:number-rows-repeated="-5"><table:table-cell>'
            "<text:p>x</text:p></table:table-cell></table:table-row>",
        ),
        Fails("is not a count"),
    ),
    "plain.ods": (lambda p: ods_file(p, _ODS_TABLE), Reads()),
    "no-content.ods": (
        lambda p: zipfile.ZipFile(p, "w").writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet"
        ),
        Fails("ods"),
    ),
    "entities.ods": (
        lambda p: ods_file(p, "&lt;&amp;" + _ODS_TABLE),
        Reads(),
    ),
    "huge-span.ods": (
        lambda p: ods_file(
            p,
            _ODS_TABLE.replace(
                "<table:table-cell>", '<table:table-cell table:number-columns-spanned="1000000">', 1
            ),
        ),
        Reads(),
    ),
    # --- more csv and unsupported kinds ---------------------------------------------------
    "bom-only.csv": (lambda p: p.write_bytes(b"\xef\xbb\xbf"), Fails("")),
    "windows-1252.csv": (
        lambda p: p.write_bytes("Kommune;2021\nIshøj;5\nTårnby;7\n".encode("cp1252")),
        Reads(),
    ),
    "sep-line.csv": (
        lambda p: p.write_text("sep=;\nKommune;2021\nIshøj;5\n", "utf-8"),
        Reads(),
    ),
    "long-digits.csv": (
        lambda p: p.write_text("Kommune;2021\nIshøj;" + "1" * 5000 + "\n", "utf-8"),
        Reads(),
    ),
    "deep-brackets.csv": (
        lambda p: p.write_text("Kommune;2021\nIshøj;" + "(" * 50_000 + "1" + ")" * 50_000 + "\n"),
        Reads(),
    ),
    "picture.gif": (lambda p: p.write_bytes(b"GIF89a" + bytes(100)), Fails("not a supported")),
    "program.pdf": (lambda p: p.write_bytes(b"MZ" + bytes(2000)), Fails("not a supported")),
    "html-table.xls": (  # a web page's table saved as .xls: read as HTML (no measure: unmapped)
        lambda p: p.write_text("<html><table><tr><td>Ishøj</td><td>5</td></tr></table></html>"),
        Reads(0, "unmapped_table"),
    ),
}


def _special(folder: Path) -> dict[str, Expectation]:
    """Files that are not regular files, and awkward names."""
    os.mkfifo(folder / "pipe.csv")
    (folder / "zero.csv").symlink_to("/dev/zero")
    (folder / "random.pdf").symlink_to("/dev/urandom")
    (folder / "loop.pdf").symlink_to(folder / "loop.pdf")
    (folder / "gone.pdf").symlink_to(folder / "deleted.pdf")
    odd = "to\nlinjer.csv"
    (folder / odd).write_bytes(TALPORTAL_CSV.read_bytes())
    long_name = "ø" * 123 + ".csv"
    (folder / long_name).write_bytes(TALPORTAL_CSV.read_bytes())
    (folder / "=HYPERLINK(1).csv").write_bytes(TALPORTAL_CSV.read_bytes())
    return {
        "pipe.csv": Fails("not a regular file but a named pipe (FIFO)"),
        "zero.csv": Fails("not a regular file but a character device"),
        "random.pdf": Fails("not a regular file but a character device"),
        "loop.pdf": Fails("a symbolic link that leads round in a loop"),
        "gone.pdf": Fails("a symbolic link to a missing file"),
        odd: Reads(36),
        long_name: Reads(36),
        "=HYPERLINK(1).csv": Reads(36),
    }


def build_all(folder: Path) -> dict[str, Expectation]:
    """Write every hostile input into ``folder``; name -> what the engine must do with it."""
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, Expectation] = {}
    for name, (build, expectation) in INPUTS.items():
        build(folder / name)
        expected[name] = expectation
    expected.update(_special(folder))
    return expected
