"""``ankestat watch`` on a dask.distributed cluster (``--dask``, ``ANKESTAT_DASK``): a scheduler
and two single-threaded workers on 127.0.0.1 (``tests.dask_cluster``) read the inbox and the
store holds exactly what a local watch stores; a bad file fails alone; a document past its
time is failed as locally while the others go on; an unreachable scheduler is one line and
exit 3 at the start, and a scheduler lost later leaves the documents in the inbox until it
is back. Without it, dask is never imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.run.isolation import Limits
from extract.watch.options import WatchSettings
from tests.conftest import ROOT, RULES, SAMPLES
from tests.dask_cluster import Cluster, free_port
from tests.watch.conftest import TIMEOUT, LogWaiter
from tests.watch.test_watch import SUNDHED, _files, _once, running
from tests.watch.test_watch_crash import store_contents

# The samples that need no OCR (PDFs with a text layer, spreadsheets, a csv): the scans are
# read on the cluster by tests/run/test_dask.py, and take minutes on two cores.
DIGITAL = sorted(
    p
    for p in SAMPLES.iterdir()
    if p.suffix in {".pdf", ".xlsx", ".csv"} and not p.name.startswith("scan-")
)
TALPORTAL = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
SCAN = SAMPLES / "scan-aarsredegoerelse-2024-side4.pdf"  # one page to OCR: seconds


def _inbox(folder: Path, documents: list[Path]) -> Path:
    folder.mkdir(parents=True)
    for document in documents:
        shutil.copyfile(document, folder / document.name)
    return folder


@pytest.fixture(scope="module")
def local_watch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of a local ``watch --once`` over the digital samples: inbox/ and out/."""
    folder = tmp_path_factory.mktemp("local")
    inbox = _inbox(folder / "inbox", DIGITAL)
    assert _once(inbox, folder / "out", "--jobs", "2") == 0
    return folder


@pytest.mark.slow  # a cluster
def test_a_watch_on_dask_stores_what_a_local_watch_stores(
    cluster: Cluster,
    local_watch: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    log: LogWaiter,
) -> None:
    assert len(DIGITAL) == 7
    inbox = _inbox(tmp_path / "inbox", DIGITAL)
    monkeypatch.setenv("ANKESTAT_DASK", cluster.address)
    assert _once(inbox, tmp_path / "out") == 0
    assert f"the Dask cluster at {cluster.address}" in log.wait_for("watching")
    assert _files(inbox / "done") == _files(local_watch / "inbox" / "done")
    assert not (inbox / "failed").exists()
    records, documents = store_contents(tmp_path / "out")
    assert (records, documents) == store_contents(local_watch / "out")
    assert len({row[0] for row in documents}) == len(DIGITAL)


@pytest.mark.slow  # a cluster
def test_a_bad_file_fails_alone_on_dask(cluster: Cluster, inbox: Path, tmp_path: Path) -> None:
    shutil.copyfile(SUNDHED, inbox / "a.pdf")
    (inbox / "bad.pdf").write_bytes(b"Hello, this is not a PDF\n")
    (inbox / "broken.pdf").write_bytes(SUNDHED.read_bytes()[:3000])
    assert _once(inbox, tmp_path / "out", "--dask", cluster.address) == 1  # 1: one failed
    assert _files(inbox / "done") == ["a.pdf"]
    assert _files(inbox / "failed") == [
        "bad.pdf",
        "bad.pdf.error.txt",
        "broken.pdf",
        "broken.pdf.error.txt",
    ]
    bad = (inbox / "failed" / "bad.pdf.error.txt").read_text(encoding="utf-8")
    assert bad.startswith("bad.pdf: not a supported document (expected one of: pdf, image")
    broken = (inbox / "failed" / "broken.pdf.error.txt").read_text(encoding="utf-8")
    assert broken.startswith("broken.pdf: damaged or truncated PDF")
    records, documents = store_contents(tmp_path / "out")
    assert len(records) == 42 and len(documents) == 3


@pytest.mark.slow  # a cluster, a task given up
def test_a_document_past_its_time_on_dask_fails_and_the_others_go_on(
    cluster: Cluster, inbox: Path, tmp_path: Path, log: LogWaiter
) -> None:
    """The scan needs seconds of OCR, more than its 1 s: it goes to failed/ with the reason
    a local watch gives; the csv read beside it on the other worker is stored."""
    limits = Limits(seconds=1.0, seconds_per_mb=0.0)
    settings = WatchSettings(
        inbox,
        tmp_path / "out",
        (RULES,),
        polling=True,
        poll_interval=0.1,
        settle=0.1,
        limits=limits,
        dask=cluster.address,
    )
    with running(settings):
        log.wait_for("watching")
        shutil.copyfile(SCAN, inbox / "scan.pdf")
        shutil.copyfile(TALPORTAL, inbox / "talportal.csv")
        log.wait_for("failed  scan.pdf: stopped after 1 s (--timeout)")
        log.wait_for("ok      talportal.csv: 36 records")
    reason = (inbox / "failed" / "scan.pdf.error.txt").read_text(encoding="utf-8")
    assert reason.startswith("scan.pdf: stopped after 1 s (--timeout)")
    assert _files(inbox / "done") == ["talportal.csv"]


def test_an_unreachable_scheduler_is_one_line_and_exit_3_and_the_inbox_is_kept(
    inbox: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("extract.run.dask_executor.CONNECT_SECONDS", 2)
    address = f"tcp://127.0.0.1:{free_port()}"
    shutil.copyfile(TALPORTAL, inbox / "talportal.csv")
    monkeypatch.setenv("ANKESTAT_DASK", address)
    assert _once(inbox, tmp_path / "out") == 3
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"ankestat: cannot run: --dask {address}: cannot reach the scheduler")
    assert _files(inbox) == [".ankestat-watch.lock", "talportal.csv"]


def _wait_until_processing(cluster: Cluster) -> None:
    """Wait until a worker has a task."""
    client = cluster.client()
    try:
        deadline = time.monotonic() + TIMEOUT
        while not any(client.processing().values()):
            assert time.monotonic() < deadline, "no task ever ran"
            time.sleep(0.1)
    finally:
        client.close()


@pytest.mark.slow  # a cluster stopped and started again
def test_a_lost_scheduler_leaves_the_documents_in_the_inbox_until_it_is_back(
    cluster: Cluster,
    inbox: Path,
    tmp_path: Path,
    log: LogWaiter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The scheduler (and its workers) killed while the scan is read: one warning line, the
    scan stays in the inbox; back, the csv dropped meanwhile is read. The scan is read again:
    by the stop it is either done and stored, or still being read (abandoned: still in the
    inbox, stored nowhere), whichever came first; never lost, failed or stored twice."""
    monkeypatch.setattr("extract.watch.cluster.RETRY_SECONDS", 0.5)
    settings = WatchSettings(
        inbox,
        tmp_path / "out",
        (RULES,),
        polling=True,
        poll_interval=0.1,
        settle=0.1,
        dask=cluster.address,
    )
    with running(settings):
        log.wait_for("watching")
        shutil.copyfile(SCAN, inbox / "scan.pdf")
        _wait_until_processing(cluster)
        cluster.stop()
        line = log.wait_for("cannot be reached")
        assert line == (
            f"the Dask scheduler at {cluster.address} cannot be reached: documents stay in the "
            "inbox until it can (tried again every 0.5 s)"
        )
        shutil.copyfile(TALPORTAL, inbox / "talportal.csv")
        assert _files(inbox) == [".ankestat-watch.lock", "scan.pdf", "talportal.csv"]
        cluster.start_scheduler()
        cluster.add_worker("w3")
        cluster.add_worker("w4")
        log.wait_for("is reachable again")
        log.wait_for("ok      talportal.csv: 36 records")
    done = _files(inbox / "done")
    scan_done = "scan.pdf" in done
    assert "talportal.csv" in done and not (inbox / "failed").exists()
    assert scan_done != ("scan.pdf" in _files(inbox))  # in one place, never lost
    records, documents = store_contents(tmp_path / "out")
    assert sorted(d[1] for d in documents) == (["scan.pdf", "talportal.csv"] if scan_done
                                                else ["talportal.csv"])  # fmt: skip
    assert sum(1 for r in records if "talportal.csv" in r) == 36


def test_without_dask_a_watch_never_imports_it(inbox: Path, tmp_path: Path) -> None:
    shutil.copyfile(TALPORTAL, inbox / "talportal.csv")
    code = (
        "import sys\n"
        "from extract.cli import main\n"
        f"code = main(['watch', {str(inbox)!r}, '--out', {str(tmp_path / 'out')!r}, "
        "'--once', '--settle', '0'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, "ANKESTAT_DASK": ""},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert _files(inbox / "done") == ["talportal.csv"]
