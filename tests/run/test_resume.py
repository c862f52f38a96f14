"""``ankestat extract --resume``: each file's results are saved in the output folder as it
finishes; a run killed mid-way and run again with --resume gives exactly the records of an
uninterrupted run, and the files finished before the kill are not read again."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.cli import main
from extract.run.parts import PARTS_DIR
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
PDFS = [
    SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf",
    SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf",
]


def _inputs(folder: Path, count: int = 30) -> Path:
    """``count`` distinct documents: the digital samples, each copy with a comment of its own
    after the end of the PDF (other bytes, the same content)."""
    folder.mkdir()
    for i in range(count):
        source = PDFS[i % len(PDFS)]
        data = source.read_bytes() + f"\n% copy {i}\n".encode()
        (folder / f"{i:02d}-{source.name}").write_bytes(data)
    return folder


def _records(out: Path) -> list[str]:
    return (out / "records.jsonl").read_text("utf-8").splitlines()


def test_a_killed_run_resumed_gives_the_records_of_an_uninterrupted_one(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    whole = tmp_path / "whole"
    assert main(["extract", str(inputs), "--out", str(whole), "--jobs", "1", "--quiet"]) == 0
    out = tmp_path / "out"
    command = [sys.executable, "-m", "extract", "extract", str(inputs), "--out", str(out)]
    run = subprocess.Popen([*command, "--jobs", "1", "--quiet"], cwd=ROOT)
    parts = out / PARTS_DIR
    deadline = time.monotonic() + 300
    while len(list(parts.glob("*.result"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    saved = {p.name: p.stat().st_mtime_ns for p in parts.glob("*.result")}
    assert 8 <= len(saved) < 30, "the kill came too late to leave work to resume"
    assert not (out / "records.jsonl").exists()  # nothing written at the end: it never came
    assert (
        main(["extract", str(inputs), "--out", str(out), "--jobs", "1", "--quiet", "--resume"]) == 0
    )
    assert _records(out) == _records(whole)
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["totals"]["resumed"] == len(saved)
    assert sum(f["resumed"] for f in report["files"]) == len(saved)
    assert not parts.exists()  # the outputs are written: the saved results have served


def test_saved_results_serve_a_stopped_run_only_with_the_same_options(tmp_path: Path) -> None:
    """A finished run leaves no saved results; a stopped one's serve --resume only when read
    with the same options, and a run without --resume reads everything again."""
    inputs = _inputs(tmp_path / "in", count=3)
    out = tmp_path / "out"
    args = ["extract", str(inputs), "--out", str(out), "--jobs", "1", "--quiet"]
    assert main(args) == 0
    assert not (out / PARTS_DIR).exists()
    stopped = _stopped_run(inputs, out)
    assert stopped == 3
    assert main([*args, "--no-ocr", "--resume"]) == 0  # read with other options: not taken
    assert json.loads((out / "report.json").read_text("utf-8"))["totals"]["resumed"] == 0
    _stopped_run(inputs, out)
    assert main(args) == 0  # without --resume: every file read again
    assert json.loads((out / "report.json").read_text("utf-8"))["totals"]["resumed"] == 0


def _stopped_run(inputs: Path, out: Path) -> int:
    """An extract run into ``out`` killed once every file's result is saved; their count."""
    command = [sys.executable, "-m", "extract", "extract", str(inputs), "--out", str(out)]
    run = subprocess.Popen([*command, "--jobs", "1", "--quiet"], cwd=ROOT)
    files = len(list(inputs.iterdir()))
    deadline = time.monotonic() + 300
    while len(list((out / PARTS_DIR).glob("*.result"))) < files and time.monotonic() < deadline:
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    return len(list((out / PARTS_DIR).glob("*.result")))
