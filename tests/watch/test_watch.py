"""``ankestat watch``: the inbox rules, duplicates, failures, the lock, env options, signals.

No sleeps: tests wait for the watcher's log lines (a logging handler with a condition), or
for a subprocess's stderr lines, always with a timeout.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import IO

import pytest

from extract.cli import main
from extract.interpret.rulebook import Rulebook
from extract.pipeline import file_sha256, process_file
from extract.readers import ReadOptions
from extract.run.isolation import GIB, Limits
from extract.run.read_with import read_with
from extract.watch.inbox import InboxLock, Settling, free_name, is_candidate_name, move_into
from extract.watch.options import WatchSettings
from extract.watch.store import Store
from extract.watch.watcher import Watcher
from tests.conftest import ROOT, RULES, SAMPLES
from tests.watch.conftest import TIMEOUT, LogWaiter

SUNDHED = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"  # 42 records
BYRAAD = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"  # 303 records


@contextmanager
def running(settings: WatchSettings) -> Iterator[Watcher]:
    """A watcher running in a thread; stopped (and its exit code checked) on leaving."""
    watcher = Watcher(settings)
    outcome: list[int | BaseException] = []

    def target() -> None:
        try:
            outcome.append(watcher.run())
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    try:
        yield watcher
    finally:
        watcher.stop()
        thread.join(TIMEOUT)
    assert not thread.is_alive()
    assert outcome == [0]


def _count(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def _once(inbox: Path, out: Path, *extra: str) -> int:
    return main(["watch", str(inbox), "--out", str(out), "--once", "--settle", "0", *extra])


# --- the inbox rules --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "taken"),
    [
        ("referat.pdf", True),
        ("Ankestatistik 2024.xlsx", True),
        ("scan.TIFF", True),
        ("~$budget.xlsx", False),  # Office lock file
        ("referat.pdf.part", False),  # Firefox
        ("referat.pdf.crdownload", False),  # Chrome
        ("referat.pdf.tmp", False),
        (".referat.pdf.Xb3kQ", False),  # rsync's temporary name
        (".DS_Store", False),
        ("Thumbs.db", False),
        ("referat.pdf~", False),
    ],
)
def test_which_names_are_documents(name: str, taken: bool) -> None:
    assert is_candidate_name(name) is taken


def test_a_file_is_ready_once_size_and_mtime_stay_unchanged(tmp_path: Path) -> None:
    now = [100.0]
    settling = Settling(1.0, clock=lambda: now[0])
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.7 first half")
    settling.add(path)
    assert settling.ready(5) == []  # first sight
    now[0] += 0.9
    assert settling.ready(5) == []
    with path.open("ab") as fh:  # still being written: the clock starts again
        fh.write(b" second half")
    now[0] += 0.2
    assert settling.ready(5) == []
    now[0] += 0.9
    assert settling.ready(5) == []
    now[0] += 0.2
    assert settling.ready(5) == [path]
    assert len(settling) == 0
    gone = tmp_path / "gone.pdf"
    settling.add(gone)  # never existed / deleted: dropped
    assert settling.ready(5) == [] and len(settling) == 0


def test_moves_never_overwrite_and_keep_the_bytes(tmp_path: Path) -> None:
    done = tmp_path / "done"
    done.mkdir()
    (done / "a.pdf").write_bytes(b"earlier")
    (done / "a (2).pdf").write_bytes(b"earlier too")
    source = tmp_path / "a.pdf"
    shutil.copyfile(SUNDHED, source)
    assert free_name(done, "a.pdf") == done / "a (3).pdf"
    target = move_into(source, done, error="a.pdf: reason\n")
    assert target == done / "a (3).pdf"
    assert not source.exists()
    assert file_sha256(target) == file_sha256(SUNDHED)
    assert (done / "a (3).pdf.error.txt").read_text(encoding="utf-8") == "a.pdf: reason\n"
    assert (done / "a.pdf").read_bytes() == b"earlier"


# --- once: duplicates, failures, temporary names -----------------------------------------


def test_once_duplicate_under_another_name_is_stored_once(
    inbox: Path, tmp_path: Path, log: LogWaiter
) -> None:
    out = tmp_path / "out"
    shutil.copyfile(SUNDHED, inbox / "a.pdf")
    shutil.copyfile(SUNDHED, inbox / "b.pdf")
    (inbox / "bad.pdf").write_bytes(b"Hello, this is not a PDF\n")
    (inbox / "c.pdf.crdownload").write_bytes(b"%PDF-1.7 half a download")
    (inbox / "~$budget.xlsx").write_bytes(b"lock")
    (inbox / "sub").mkdir()
    shutil.copyfile(SUNDHED, inbox / "sub" / "d.pdf")
    assert _once(inbox, out, "--jobs", "1") == 1  # 1: a document failed
    assert _files(inbox / "done") == ["a.pdf", "b.pdf"]
    assert _files(inbox / "failed") == ["bad.pdf", "bad.pdf.error.txt"]
    # temporary names and subfolders are left alone, untouched
    assert _files(inbox) == [
        ".ankestat-watch.lock",
        "c.pdf.crdownload",
        "done",
        "failed",
        "sub",
        "~$budget.xlsx",
    ]
    assert (inbox / "c.pdf.crdownload").read_bytes() == b"%PDF-1.7 half a download"
    db = out / "ankestat.sqlite"
    assert (_count(db, "records"), _count(db, "documents")) == (42, 2)
    duplicate = log.wait_for("duplicate b.pdf")
    assert "same bytes as 'a.pdf'" in duplicate and "not processed again -> done/b.pdf" in duplicate
    reason = (inbox / "failed" / "bad.pdf.error.txt").read_text(encoding="utf-8")
    assert reason.startswith("bad.pdf: not a supported document (expected one of: pdf, image")
    assert f"sha256: {file_sha256(inbox / 'failed' / 'bad.pdf')[0]}" in reason
    sha8 = file_sha256(SUNDHED)[0][:8]
    assert _files(out / "documents") == [
        f"a-{sha8}.csv",
        f"a-{sha8}.jsonl",
        f"a-{sha8}.report.json",
    ]
    assert len((out / "documents" / f"a-{sha8}.jsonl").read_text().splitlines()) == 42
    # the WAL files go when the store is closed
    assert _files(out) == [
        "ankestat.sqlite",
        "documents",
        "metadata.json",
        "report.json",
        "report.txt",
    ]


def test_restart_after_commit_only_moves_the_document(
    inbox: Path, tmp_path: Path, rulebook: Rulebook, log: LogWaiter
) -> None:
    """A kill between the commit and the move: the restart moves the file, nothing else."""
    out = tmp_path / "out"
    result = process_file(SUNDHED, rulebook)
    sha = file_sha256(SUNDHED)[0]
    with Store(out) as store:
        store.commit_document(result, sha, read_with((RULES,), ReadOptions()))
        before = store.known(sha)
    shutil.copyfile(SUNDHED, inbox / SUNDHED.name)
    assert _once(inbox, out) == 0
    assert _files(inbox / "done") == [SUNDHED.name]
    with Store(out) as store:
        assert store.known(sha) == before  # not processed again
    assert _count(out / "ankestat.sqlite", "records") == 42
    assert not (out / "documents").exists()
    log.wait_for(f"duplicate {SUNDHED.name}: same bytes as '{SUNDHED.name}'")


def test_a_known_failed_document_goes_back_to_failed_with_its_reason(
    inbox: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    (inbox / "x.pdf").write_bytes(b"")
    assert _once(inbox, out) == 1
    (inbox / "y.pdf").write_bytes(b"")  # the same (empty) bytes again
    assert _once(inbox, out) == 0  # nothing processed in this run
    assert _files(inbox / "failed") == ["x.pdf", "x.pdf.error.txt", "y.pdf", "y.pdf.error.txt"]
    reason = (inbox / "failed" / "y.pdf.error.txt").read_text(encoding="utf-8")
    assert reason.startswith("y.pdf: empty file (0 bytes)\n")
    assert "first seen as x.pdf on " in reason
    assert _count(out / "ankestat.sqlite", "documents") == 1


# --- live: watchdog events and polling ---------------------------------------------------


@pytest.mark.slow  # a live watcher
@pytest.mark.parametrize("polling", [False, True], ids=["watchdog", "polling"])
def test_corrupt_file_fails_and_the_next_good_file_is_processed(
    inbox: Path, tmp_path: Path, log: LogWaiter, polling: bool
) -> None:
    out = tmp_path / "out"
    settings = WatchSettings(inbox, out, (RULES,), polling=polling, poll_interval=0.1, settle=0.1)
    with running(settings):
        log.wait_for("watching")
        (inbox / "broken.pdf").write_bytes(SUNDHED.read_bytes()[:3000])  # truncated
        log.wait_for("failed  broken.pdf")
        # a browser download: written under a temporary name, then renamed
        part = inbox / "referat.pdf.crdownload"
        shutil.copyfile(BYRAAD, part)
        part.rename(inbox / "referat.pdf")
        log.wait_for("ok      referat.pdf: 303 records")
        shutil.copyfile(BYRAAD, inbox / "referat.pdf")  # the same again, same name
        log.wait_for("duplicate referat.pdf")
    assert _files(inbox / "failed") == ["broken.pdf", "broken.pdf.error.txt"]
    reason = (inbox / "failed" / "broken.pdf.error.txt").read_text(encoding="utf-8")
    assert reason.startswith("broken.pdf: damaged or truncated PDF")
    assert _files(inbox / "done") == ["referat (2).pdf", "referat.pdf"]
    assert _count(out / "ankestat.sqlite", "records") == 303
    log.wait_for("stopped; 2 document(s) processed in this run")


@pytest.mark.slow  # a live watcher
def test_a_name_of_255_bytes_and_a_fifo_do_not_stop_the_inbox(
    inbox: Path, tmp_path: Path, log: LogWaiter
) -> None:
    """A document whose name takes a file name's 255 bytes (in "ø", two bytes each) is read
    and moved under a shortened name; a named pipe dropped in is skipped with a log line; the
    next document is read."""
    out = tmp_path / "out"
    settings = WatchSettings(inbox, out, (RULES,), polling=True, poll_interval=0.1, settle=0.1)
    long_name = "ø" * 125 + ".pdf"
    assert len(long_name.encode("utf-8")) == 254
    with running(settings):
        log.wait_for("watching")
        os.mkfifo(inbox / "pipe.pdf")
        log.wait_for("pipe.pdf: skipped, not a regular file but a named pipe (FIFO)")
        shutil.copyfile(SUNDHED, inbox / long_name)
        log.wait_for("42 records")
        (inbox / "broken.pdf").write_bytes(SUNDHED.read_bytes()[:3000])
        log.wait_for("failed  broken.pdf")
        shutil.copyfile(BYRAAD, inbox / "referat.pdf")
        log.wait_for("ok      referat.pdf: 303 records")
    [referat, moved] = _files(inbox / "done")
    assert referat == "referat.pdf"
    assert moved.endswith("~.pdf") and len(moved.encode("utf-8")) <= 255
    assert _count(out / "ankestat.sqlite", "records") == 42 + 303


@pytest.mark.slow  # a live watcher, a worker stopped
def test_a_document_past_its_time_goes_to_failed_and_the_next_is_read(
    inbox: Path, tmp_path: Path, log: LogWaiter
) -> None:
    """A scan that takes longer than --timeout to OCR is stopped (its worker with it), moved
    to failed/ with the reason; the csv dropped in after it is read by a new worker."""
    out = tmp_path / "out"
    limits = Limits(seconds=0.5, seconds_per_mb=0.0)
    settings = WatchSettings(
        inbox, out, (RULES,), polling=True, poll_interval=0.1, settle=0.1, limits=limits
    )
    with running(settings):
        log.wait_for("watching")
        shutil.copyfile(SAMPLES / "scan-referat-ishoej-byraad-2022-10-31.pdf", inbox / "scan.pdf")
        log.wait_for("failed  scan.pdf: stopped after 0.5 s (--timeout)")
        csv = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
        shutil.copyfile(csv, inbox / "talportal.csv")
        log.wait_for("ok      talportal.csv: 36 records")
    reason = (inbox / "failed" / "scan.pdf.error.txt").read_text(encoding="utf-8")
    assert reason.startswith("scan.pdf: stopped after 0.5 s (--timeout)")


@pytest.mark.slow  # a live watcher, a worker stopped
def test_a_document_past_its_memory_goes_to_failed_and_the_next_is_read(
    inbox: Path, tmp_path: Path, log: LogWaiter
) -> None:
    """A poster-sized scanned page needs more than --memory-limit 0.4 GiB to render and OCR:
    it goes to failed/ with the reason (OpenCV's own "Insufficient memory" included), and the
    csv dropped in after it is read."""
    from tests.hostile import INPUTS

    out = tmp_path / "out"
    limits = Limits(memory=int(0.4 * GIB), seconds=0.0, seconds_per_mb=0.0)
    settings = WatchSettings(
        inbox, out, (RULES,), polling=True, poll_interval=0.1, settle=0.1, limits=limits
    )
    with running(settings):
        log.wait_for("watching")
        INPUTS["poster-page.pdf"][0](inbox / "poster.pdf")
        log.wait_for("failed  poster.pdf: stopped at the 0.4 GiB memory limit (--memory-limit)")
        csv = SAMPLES / "talportal-ishoej-serviceloven-2019-2021.csv"
        shutil.copyfile(csv, inbox / "talportal.csv")
        log.wait_for("ok      talportal.csv: 36 records")
    assert _files(inbox / "failed") == ["poster.pdf", "poster.pdf.error.txt"]


# --- refusing to start; options from the environment -------------------------------------


def test_output_inside_the_inbox_is_refused(
    inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _once(inbox, inbox / "out") == 2
    err = capsys.readouterr().err
    assert "the output folder may not be inside the inbox" in err
    assert not (inbox / "out").exists()
    assert main(["watch", str(inbox / "nope"), "--out", "x", "--once"]) == 2
    assert "the inbox is not a folder" in capsys.readouterr().err


def test_a_second_watcher_on_the_same_inbox_is_refused(
    inbox: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lock = InboxLock(inbox)
    lock.acquire()
    try:
        assert _once(inbox, tmp_path / "out") == 2
    finally:
        lock.release()
    err = capsys.readouterr().err
    assert f"another ankestat watch is running on this inbox (pid {os.getpid()}," in err
    assert _once(inbox, tmp_path / "out") == 0  # released: starts


def test_every_option_comes_from_the_environment(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(SUNDHED, inbox / "a.pdf")
    for name, value in {
        "ANKESTAT_INBOX": str(inbox),
        "ANKESTAT_OUT": str(tmp_path / "out"),
        "ANKESTAT_ONCE": "yes",
        "ANKESTAT_SETTLE": "0",
        "ANKESTAT_JOBS": "1",
        "ANKESTAT_EXCEL_CSV": "1",
    }.items():
        monkeypatch.setenv(name, value)
    assert main(["watch"]) == 0
    sha8 = file_sha256(SUNDHED)[0][:8]
    csv_text = (tmp_path / "out" / "documents" / f"a-{sha8}.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.startswith("schema_version;record_id;")
    monkeypatch.setenv("ANKESTAT_JOBS", "zero")
    assert main(["watch"]) == 2
    assert "ankestat: ANKESTAT_JOBS='zero': " in capsys.readouterr().err
    assert main(["watch", "--jobs", "1"]) == 0  # the command line wins
    monkeypatch.delenv("ANKESTAT_OUT")
    assert main(["watch", "--jobs", "1"]) == 2
    assert "give --out DIR (or set ANKESTAT_OUT)" in capsys.readouterr().err


def test_a_document_past_a_budget_goes_to_failed_naming_the_option(
    inbox: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ANKESTAT_MAX_FRAMES=2: a three-page TIFF goes to failed/, its reason naming the limit
    and the option that raises it."""
    from PIL import Image

    frames = [Image.new("L", (100, 100), 255) for _ in range(3)]
    frames[0].save(inbox / "three.tif", save_all=True, append_images=frames[1:])
    monkeypatch.setenv("ANKESTAT_MAX_FRAMES", "2")
    assert _once(inbox, tmp_path / "out") == 1  # a document failed
    reason = (inbox / "failed" / "three.tif.error.txt").read_text(encoding="utf-8")
    assert "past the limit of 2 frames (--max-frames raises it)" in reason


# --- a real process: signals ---------------------------------------------------------------


class LineReader:
    """Reads a stream's lines on a thread; ``wait_for`` blocks until one contains a text."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self._queue: queue.SimpleQueue[str] = queue.SimpleQueue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._queue.put(line)

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        while not any(text in line for line in self.lines):
            try:
                self.lines.append(self._queue.get(timeout=timeout))
            except queue.Empty:
                raise AssertionError(f"no line containing {text!r}: {self.lines}") from None
        return next(line for line in self.lines if text in line)


def watch_command(inbox: Path, out: Path, *extra: str) -> list[str]:
    """The ``ankestat watch`` command line, run as ``python -m extract.cli``."""
    return [sys.executable, "-m", "extract.cli", "watch", str(inbox), "--out", str(out), *extra]


@pytest.mark.slow  # a watcher process, signalled
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_a_signal_stops_the_watcher_cleanly(inbox: Path, tmp_path: Path, signum: int) -> None:
    out = tmp_path / "out"
    proc = subprocess.Popen(
        watch_command(inbox, out, "--settle", "0.1"),
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        lines = LineReader(proc.stderr)
        started = lines.wait_for("watching")
        assert started[:4].isdigit() and "(watchdog events)" in started  # timestamped
        second = subprocess.run(
            watch_command(inbox, tmp_path / "out2", "--once"),
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
        )
        assert second.returncode == 2
        assert "another ankestat watch is running on this inbox" in second.stderr
        shutil.copyfile(SUNDHED, inbox / "a.pdf")
        lines.wait_for("a.pdf: 42 records")
        proc.send_signal(signum)
        assert proc.wait(timeout=TIMEOUT) == 0
        lines.wait_for("stopped; 1 document(s) processed in this run")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lock = InboxLock(inbox)
    lock.acquire()  # released by the stopped watcher
    lock.release()
    assert _files(inbox / "done") == ["a.pdf"]
