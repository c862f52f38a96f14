"""Each document in a process of its own: memory ceiling, time limit, a process that dies."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from extract.codes import FileStatus
from extract.results import FileResult
from extract.run.isolation import GIB, Limits, PageReport, failed, run_isolated


def _work(path: Path, report: PageReport) -> FileResult:
    """Stand-in for reading a document, misbehaving as its name says."""
    if path.name == "scan.pdf":  # three pages OCR'd, each told
        for done in (1, 2, 3):
            report(done, 3)
    if path.name == "greedy.pdf":
        hoard = [bytearray(64 << 20) for _ in range(64)]  # 4 GiB, 64 MiB at a time
        del hoard
    elif path.name == "slow.pdf":
        time.sleep(30)
    elif path.name == "killed.pdf":
        os.kill(os.getpid(), signal.SIGKILL)
    return FileResult(source_file=path.name, path=str(path), status=FileStatus.OK)


def _run(names: list[str], jobs: int, limits: Limits) -> dict[str, FileResult]:
    paths = [Path(name) for name in names]
    done = dict(run_isolated(paths, range(len(paths)), _work, jobs, limits))
    return {paths[i].name: result for i, result in done.items()}


@pytest.mark.slow  # worker processes hoarding memory, timing out, killed
def test_a_document_past_its_limits_or_killed_fails_alone_and_the_rest_go_on() -> None:
    limits = Limits(memory=GIB // 2, seconds=1.0, seconds_per_mb=0.0)
    for jobs in (1, 2):
        started = time.monotonic()
        results = _run(
            ["a.pdf", "greedy.pdf", "b.pdf", "slow.pdf", "killed.pdf", "c.pdf"], jobs, limits
        )
        assert time.monotonic() - started < 15
        assert {name: r.status for name, r in results.items()} == {
            "a.pdf": FileStatus.OK,
            "greedy.pdf": FileStatus.FAILED,
            "b.pdf": FileStatus.OK,
            "slow.pdf": FileStatus.FAILED,
            "killed.pdf": FileStatus.FAILED,
            "c.pdf": FileStatus.OK,
        }
        assert results["greedy.pdf"].error == "stopped at the 0.5 GiB memory limit (--memory-limit)"
        assert results["slow.pdf"].error == "stopped after 1 s (--timeout)"
        assert results["killed.pdf"].error == (
            "the process reading it was killed by SIGKILL (out of memory?)"
        )


def test_a_failed_result_names_the_file_and_the_reason() -> None:
    result = failed(Path("/inbox/x.pdf"), "why")
    assert (result.source_file, result.path, result.status, result.error) == (
        "x.pdf",
        "/inbox/x.pdf",
        FileStatus.FAILED,
        "why",
    )


def test_a_documents_page_progress_reaches_the_batch_before_its_result() -> None:
    paths = [Path("a.pdf"), Path("scan.pdf")]
    told: list[tuple[int, int, int]] = []

    def on_pages(index: int, done: int, total: int) -> None:
        told.append((index, done, total))

    results = list(run_isolated(paths, [1, 0], _work, 1, Limits(), on_pages))
    assert told == [(1, 1, 3), (1, 2, 3), (1, 3, 3)]
    assert [(i, r.status) for i, r in results] == [(1, FileStatus.OK), (0, FileStatus.OK)]
