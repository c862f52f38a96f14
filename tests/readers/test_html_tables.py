"""Files told by their bytes, not their name: an ".xls" that is a web page's HTML table, and
one that is tab-separated text, give records, and the report says what they were."""

from __future__ import annotations

from pathlib import Path

from extract.codes import SourceKind
from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.readers.sheets.html_tables import is_html

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ankestatistik</title></head>
<body><p>Eksport fra talportalen</p>
<table border="1">
<tr><th>Kommune</th><th colspan="2">Omgørelsesprocent</th></tr>
<tr><th></th><th>2020</th><th>2021</th></tr>
<tr><td>Ishøj</td><td>31,1</td><td>36,5</td></tr>
<tr><td>Hele landet</td><td>36,2</td><td>31,8</td></tr>
</table></body></html>
"""


def test_an_html_table_named_xls_gives_records(tmp_path: Path, rulebook: Rulebook) -> None:
    path = tmp_path / "eksport.xls"
    path.write_text(PAGE, encoding="utf-8")
    result = process_file(path, rulebook)
    got = {
        (r.municipality, r.period, r.value)
        for r in result.records
        if r.measure == "omgoerelsesprocent"
    }
    assert got == {
        ("Ishøj", "2020", 31.1),
        ("Ishøj", "2021", 36.5),
        (None, "2020", 36.2),
        (None, "2021", 31.8),
    }
    assert {r.source_kind for r in result.records} == {SourceKind.HTML}
    assert any("an HTML table" in f.message for f in result.findings)


def test_tab_separated_text_named_xls_gives_records(tmp_path: Path, rulebook: Rulebook) -> None:
    path = tmp_path / "udtraek.xls"
    path.write_text(
        "Kommune\tStadfæstet 2021\tÆndret 2021\nIshøj\t12\t5\nFanø\t7\t2\n", encoding="utf-8"
    )
    result = process_file(path, rulebook)
    assert len(result.records) == 4, result.findings
    assert {r.source_kind for r in result.records} == {SourceKind.CSV}
    assert any("text named .xls (not a workbook)" in f.message for f in result.findings)


def test_html_is_told_by_its_bytes() -> None:
    assert is_html(b"\xef\xbb\xbf  <!DOCTYPE html><html><table><tr><td>1</td></tr></table>")
    assert is_html("<table><tr><td>Ishøj</td></tr></table>".encode())
    assert not is_html(b"<html><body>no table here</body></html>")
    assert not is_html("Kommune;2021\nIshøj;5\n".encode())
