"""PDFs damaged in their structure, read with both text-layer backends: objects that refer to
themselves or lead round in a circle end (each in its own process, under 30 s), a page that
cannot be loaded is reported as lost, and a cross-reference table one backend cannot follow
is read with the other, noted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.hostile import INPUTS, PDF_LOOPS, pdf_loop

pytestmark = pytest.mark.slow  # damaged PDFs, each in a process of its own

SECONDS = 30
_CHILD = """
import json, sys
from pathlib import Path
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.interpret.rulebook import load_rulebook
r = process_file(Path(sys.argv[1]), load_rulebook(Path("rules")), ReadOptions(sys.argv[2]))
print(json.dumps({"status": str(r.status), "error": r.error, "records": len(r.records),
                  "findings": [[f.code, f.message] for f in r.findings]}))
"""
BACKENDS = ("pdfium", "pdfplumber")


def _read(path: Path, backend: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), backend],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=SECONDS,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-500:]
    found: dict[str, object] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sorted(PDF_LOOPS))
def test_objects_leading_round_in_a_loop_end_with_either_backend(
    tmp_path: Path, name: str, backend: str
) -> None:
    path = tmp_path / name
    pdf_loop(name)(path)
    found = _read(path, backend)
    error = found["error"]
    assert found["status"] != "failed" or (isinstance(error, str) and "\n" not in error)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_page_object_missing_is_reported_lost_and_the_other_page_read(
    tmp_path: Path, backend: str
) -> None:
    path = tmp_path / "page-object-missing.pdf"
    INPUTS[path.name][0](path)
    found = _read(path, backend)
    assert (found["status"], found["records"]) == ("partial", 42)
    lost = [message for code, message in found["findings"] if code == "pages_lost"]  # type: ignore[attr-defined]
    assert lost == [
        "page 2: this page could not be read (PDFium: Failed to load page.); its tables were "
        "not read"
        if backend == "pdfium"
        else "page 1: the file declares 2 pages, 1 could be read (a damaged page tree?); the "
        "others' tables were not read"
    ]


def test_a_cross_reference_table_pdfminer_cannot_follow_is_read_with_pdfium(
    tmp_path: Path,
) -> None:
    path = tmp_path / "xref-offsets-wrong.pdf"
    INPUTS[path.name][0](path)
    found = _read(path, "pdfplumber")
    assert (found["status"], found["records"]) == ("ok", 42)
    assert ["page_note", "page 1: read with pdfium: pdfplumber could not (PDF has no pages)"] in (
        found["findings"]  # type: ignore[operator]
    )
