"""Spreadsheets built small to be huge once laid out: a merged range over a whole sheet's
width, an ods whose rows and cells repeat by the million, counts that are no numbers. Each
ends in seconds with the right result or a one-line reason, well under 1 GiB (measured in a
child process, whose peak is its own)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from tests.conftest import ROOT
from tests.hostile import ods_file, rewrite_zip, small_workbook

pytestmark = pytest.mark.slow  # sheets built to blow up, peaks measured in child processes

GIB_KB = 1 << 20


def _peak(path: Path) -> dict[str, object]:
    """Run the engine on ``path`` in a child process: its status, error and peak memory (KB)."""
    script = (
        "import json, resource, sys\n"
        "from pathlib import Path\n"
        "from extract.pipeline import process_file\n"
        "from extract.interpret.rulebook import load_rulebook\n"
        "r = process_file(Path(sys.argv[1]), load_rulebook(Path('rules')))\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(json.dumps({'status': str(r.status), 'error': r.error, 'records': "
        "len(r.records), 'peak_kb': peak}))\n"
    )
    root = ROOT
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_merge_across_the_whole_sheet_width_is_not_laid_out_cell_by_cell(
    tmp_path: Path,
) -> None:
    """A1:XFD1000 merged with a value in its far corner: 16 million covered cells, held as
    one range per row (it took 2.2 GB when every covered cell was indexed)."""
    plain, crafted = tmp_path / "plain.xlsx", tmp_path / "merged.xlsx"
    small_workbook(plain)

    def merged(data: bytes) -> bytes:
        corner = b'<row r="1000"><c r="XFD1000" t="n"><v>1</v></c></row>'
        merge = b'<mergeCells count="1"><mergeCell ref="A1:XFD1000"/></mergeCells>'
        return data.replace(b"</sheetData>", corner + b"</sheetData>" + merge)

    rewrite_zip(plain, crafted, "xl/worksheets/sheet1.xml", merged)
    found = _peak(crafted)
    assert found["status"] != "failed", found
    assert isinstance(found["peak_kb"], int) and found["peak_kb"] < GIB_KB


def test_an_ods_repeating_rows_and_cells_by_the_million_is_refused(tmp_path: Path) -> None:
    cell = (
        '<table:table-cell table:number-columns-repeated="10000" office:value-type="float" '
        'office:value="1"><text:p>1</text:p></table:table-cell>'
    )
    row = f'<table:table-row table:number-rows-repeated="10000">{cell}</table:table-row>'
    path = tmp_path / "repeated.ods"
    ods_file(path, row * 3)
    assert path.stat().st_size < 4096
    found = _peak(path)
    assert found["status"] == "failed"
    assert found["error"] == (
        "refused: a sheet that lays out more cells (rows and columns repeated): past the limit "
        "of 5 million cells (--max-cells raises it)"
    )
    assert isinstance(found["peak_kb"], int) and found["peak_kb"] < GIB_KB


@pytest.mark.parametrize("count", ["abc", "-3", "0"])
def test_an_ods_count_that_is_no_number_names_itself(
    tmp_path: Path, rulebook: Rulebook, count: str
) -> None:
    row = (
        f'<table:table-row><table:table-cell table:number-columns-repeated="{count}">'
        "<text:p>Ishøj</text:p></table:table-cell></table:table-row>"
    )
    path = tmp_path / "counts.ods"
    ods_file(path, row)
    result = process_file(path, rulebook)
    assert result.status is FileStatus.FAILED
    assert result.error == f"corrupt ods: table:number-columns-repeated='{count}' is not a count"
