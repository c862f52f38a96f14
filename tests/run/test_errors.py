"""The error model (extract.errors): a bug is an internal failure with its traceback and its own
exit code, never dressed as bad input; a missing Tesseract says what to install and exits as
"cannot run"; a failed file gets one line on stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from extract.cli import main
from extract.errors import ExitCode
from extract.run.parts import PARTS_DIR
from tests.conftest import ROOT, SAMPLES

SHEET = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
TIFF = SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.tiff"
IN_PROCESS = ["--jobs", "1", "--memory-limit", "0", "--timeout", "0", "--no-progress"]


def _report(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {entry["source_file"]: entry for entry in data["files"]}


def test_a_bug_is_an_internal_failure_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("a bug in the engine")

    monkeypatch.setattr("extract.run.batch.process_file_spooled", broken)
    out = tmp_path / "out"
    code = main(["extract", str(SHEET), "--out", str(out), *IN_PROCESS])
    assert code == ExitCode.INTERNAL == 4
    entry = _report(out)[SHEET.name]
    assert entry["status"] == "failed" and entry["failure"] == "internal"
    assert "RuntimeError: a bug in the engine" in entry["traceback"]
    assert entry["error"].startswith("internal error RuntimeError: a bug in the engine")
    assert capsys.readouterr().out.count("internal error RuntimeError") == 1


def test_a_missing_tesseract_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pytesseract

    monkeypatch.setenv("ANKESTAT_OCR_ENGINE", "command")
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "no-such-tesseract")
    out = tmp_path / "out"
    code = main(["extract", str(TIFF), str(SHEET), "--out", str(out), *IN_PROCESS])
    assert code == ExitCode.CANNOT_RUN == 3
    report = _report(out)
    assert report[TIFF.name]["failure"] == "cannot_run"
    assert "tesseract-ocr-dan" in report[TIFF.name]["error"]
    assert report[SHEET.name]["status"] == "ok"  # the rest of the batch goes on
    assert report[SHEET.name]["failure"] is None


def test_a_missing_file_gets_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["extract", str(tmp_path / "nope.pdf"), str(SHEET), "--out", str(tmp_path / "o")])
    said = capsys.readouterr()
    assert code == ExitCode.SOME_FAILED == 1
    assert said.err.count("nope.pdf") == 1  # one line on stderr (the summary lists it too)
    assert _report(tmp_path / "o")["nope.pdf"]["failure"] == "input"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "extract", *args]


@pytest.mark.slow
def test_a_closed_output_pipe_ends_quietly() -> None:
    """``ankestat tables FILE | head -1``: the reader goes, ankestat ends without a trace."""
    report = SAMPLES / "aarsredegoerelse-2024.pdf"
    with subprocess.Popen(
        _command("tables", str(report), "--text"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # as head does after its line
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert code == ExitCode.INTERRUPTED
    assert err == ""


@pytest.mark.slow
def test_ctrl_c_during_extract_says_one_line_and_leaves_no_spool(tmp_path: Path) -> None:
    env = {**os.environ, "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    out = tmp_path / "out"
    with subprocess.Popen(
        _command("extract", str(TIFF), "--out", str(out), "--jobs", "1", "--no-progress"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    ) as proc:
        spools = out / PARTS_DIR / "tmp"
        deadline = time.monotonic() + 60
        while not spools.is_dir() and time.monotonic() < deadline:
            time.sleep(0.1)  # until the run has started (its spool folder is there)
        time.sleep(1)  # reading the scan now (OCR takes some seconds a page)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == ExitCode.INTERRUPTED
    assert err.decode().splitlines() == ["ankestat: interrupted"]
    assert not spools.exists()  # the unfinished file's spool went with it
    assert list((out / PARTS_DIR).iterdir()) == []  # and nothing was saved for it
    assert list((tmp_path / "tmp").iterdir()) == []  # nothing left in the system's tmp
