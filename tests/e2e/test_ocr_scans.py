"""The scanned samples (``samples/scan-*``), read with OCR: goldens, and accuracy against the
digital originals' truth.

Each scan is an image-only copy of a digital sample (200 dpi JPEG in a PDF, or a 1-bit TIFF),
tilted, blurred, noisy and specked. Its golden (``<name>.records.jsonl``; the TIFF's is
``<name>.tiff.records.jsonl``) holds the engine's exact records; its truth file is the digital
original's truth for the pages scanned. The acceptance: at least 98 % of the printed values
come out equal (key, value, status), and every value that does not is flagged.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extract.codes import FileStatus
from extract.interpret.rulebook import load_rulebook
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.results import FileResult
from tests.conftest import RULES, SAMPLES
from tests.goldens import check_golden, read_jsonl, records_as_rows

pytestmark = pytest.mark.slow  # OCR of every scanned sample

SCANS = sorted(p for p in SAMPLES.glob("scan-*") if p.suffix in {".pdf", ".tiff"})
KEY = ("page", "entity_scope", "municipality_code", "period", "law_area", "provision", "measure")
MIN_EQUAL_SHARE = 0.98


@cache
def _result(path: Path) -> FileResult:
    return process_file(path, load_rulebook(RULES), ReadOptions(ocr=True, ocr_threads=2))


def _records(path: Path) -> list[dict[str, Any]]:
    return records_as_rows(_result(path))


def _golden(scan: Path) -> Path:
    name = scan.stem if scan.suffix == ".pdf" else scan.name
    return scan.with_name(f"{name}.records.jsonl")


def _truth(scan: Path) -> list[dict[str, Any]]:
    return read_jsonl(scan.with_name(f"{scan.stem}.truth.jsonl"))


def test_there_are_scans() -> None:
    assert [p.name for p in SCANS] == [
        "scan-aarsredegoerelse-2024-side4.pdf",
        "scan-referat-ishoej-byraad-2022-10-31.pdf",
        "scan-referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
        "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff",
        "scan-soegbar-referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
    ]


@pytest.mark.parametrize("scan", SCANS, ids=lambda p: p.name)
def test_scan_records_equal_golden(scan: Path, update_goldens: bool) -> None:
    check_golden(_records(scan), _golden(scan), update_goldens)


@pytest.mark.parametrize("scan", SCANS, ids=lambda p: p.name)
def test_every_record_is_marked_as_ocr(scan: Path) -> None:
    result = _result(scan)
    assert result.status is not FileStatus.FAILED and result.records
    kind = "pdf_ocr" if scan.suffix == ".pdf" else "image_ocr"
    assert {r.source_kind for r in result.records} == {kind}
    assert all(r.ocr_confidence is not None for r in result.records)
    assert any(f.code == "page_note" and "straightened by" in f.message for f in result.findings)


def _score(scan: Path) -> dict[str, int]:
    """Printed values equal / differing but flagged / differing unflagged / missing, and
    records for values not printed (flagged or not)."""
    got: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for record in _records(scan):
        got[tuple(record[k] for k in KEY)].append(record)
    truth = {tuple(row[k] for k in KEY): row for row in _truth(scan)}
    score = dict.fromkeys(("printed", "equal", "flagged", "unflagged", "missing"), 0)
    for key, row in truth.items():
        score["printed"] += 1
        found = got.get(key)
        if not found:
            score["missing"] += 1
        elif all((r["value"], r["status"]) == (row["value"], row["status"]) for r in found):
            score["equal"] += 1  # (a value printed in two tables comes out twice, both equal)
        elif all(
            r["flags"] for r in found if (r["value"], r["status"]) != (row["value"], row["status"])
        ):
            score["flagged"] += 1
        else:
            score["unflagged"] += 1
    extra = [r for key, rs in got.items() if key not in truth for r in rs]
    score["extra_flagged"] = sum(1 for r in extra if r["flags"])
    score["extra_unflagged"] = len(extra) - score["extra_flagged"]
    return score


def test_scans_give_the_digital_values_and_flag_every_other() -> None:
    scores = {scan.name: _score(scan) for scan in SCANS}
    total = {k: sum(s[k] for s in scores.values()) for k in next(iter(scores.values()))}
    report = json.dumps(scores, indent=1)
    assert total["equal"] >= MIN_EQUAL_SHARE * total["printed"], report
    assert total["unflagged"] == 0 and total["extra_unflagged"] == 0, report
    assert total["missing"] == 0, report
    # measured when written: 482 of 491 equal, the 9 others flagged, nothing missing or extra;
    # then the searchable copy of the committee scan (42 values, read as the image-only one);
    # then 529 equal: five values of the byråd minutes corrected by the sums (ocr_corrected)
    assert total["printed"] == 533


def test_every_value_corrected_by_the_identities_is_the_printed_one() -> None:
    """Values read again from their digits where the sums decided them ("' 1", ". 0" in the
    Ishøj minutes' provision table) equal the digital original; a truncated "62,%" is not
    among them."""
    corrected = []
    for scan in SCANS:
        truth = {tuple(row[k] for k in KEY): row for row in _truth(scan)}
        for record in _records(scan):
            if "ocr_corrected" in record["flags"]:
                printed = truth[tuple(record[k] for k in KEY)]
                assert (record["value"], record["status"]) == (printed["value"], "reported")
                corrected.append(record["cell_text"])
    assert "62,%" not in corrected
    assert len(corrected) >= 5, corrected
