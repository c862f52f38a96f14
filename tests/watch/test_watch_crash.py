"""Crash test: ``ankestat watch --once`` killed with SIGKILL at random moments and restarted.

50 documents (copies of the digital samples made distinct by a PDF comment after %%EOF, plus
corrupt files). After the kills, a last run is let finish. Then every document must be in
done/ or failed/ exactly once, nothing left in the inbox, and the store must equal the store
of one clean run (records row for row; documents except the processing time).

Runs once by default; ``ANKESTAT_CRASH_RUNS=5`` runs it five times (seeds 0-4). Each run
prints its figures (see them with ``pytest -s``).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import time
from collections import Counter
from contextlib import closing, suppress
from pathlib import Path
from typing import Any

import pytest

from extract.pipeline import file_sha256
from tests.conftest import ROOT, SAMPLES
from tests.watch.test_watch import watch_command

pytestmark = pytest.mark.slow  # a watcher process killed and restarted over fifty documents

RUNS = int(os.environ.get("ANKESTAT_CRASH_RUNS", "1"))
MAX_KILLS = 10
KILL_AFTER = (0.3, 2.5)  # seconds after a start: a random moment in this range
LAST_RUN_TIMEOUT = 120.0

# (sample, copies, records per copy)
SAMPLE_COPIES = (
    ("aarsredegoerelse-2024.pdf", 3, 1336),
    ("referat-ishoej-byraad-2022-10-31.pdf", 10, 303),
    ("referat-ishoej-sundhedsudvalg-2021-03-08.pdf", 34, 42),
)


def make_documents(inbox: Path) -> dict[str, int | None]:
    """Write the 50 documents; return name -> expected records (None: must fail)."""
    expected: dict[str, int | None] = {}
    number = 0
    for sample, copies, records in SAMPLE_COPIES:
        data = (SAMPLES / sample).read_bytes()
        for _ in range(copies):
            number += 1
            name = f"doc-{number:02d}-{sample}"
            (inbox / name).write_bytes(data + f"\n% ankestat crash test copy {number}\n".encode())
            expected[name] = records
    sundhed = (SAMPLES / SAMPLE_COPIES[2][0]).read_bytes()
    (inbox / "bad-truncated.pdf").write_bytes(sundhed[:3000])
    (inbox / "bad-not-a-pdf.pdf").write_bytes(b"Hello, this is not a PDF\n")
    (inbox / "bad-empty.pdf").write_bytes(b"")
    expected.update({"bad-truncated.pdf": None, "bad-not-a-pdf.pdf": None, "bad-empty.pdf": None})
    assert len(expected) == 50
    return expected


def store_contents(out: Path) -> tuple[list[Any], list[Any]]:
    """All records rows, and all documents rows without the processing time, sorted."""
    with closing(sqlite3.connect(out / "ankestat.sqlite")) as conn:
        records = conn.execute("SELECT * FROM records ORDER BY record_id").fetchall()
        documents = conn.execute(
            "SELECT sha256, name, status, error, records, report, engine_version "
            "FROM documents ORDER BY sha256"
        ).fetchall()
    return records, documents


def _start(inbox: Path, out: Path, log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as sink:
        return subprocess.Popen(
            watch_command(inbox, out, "--once", "--jobs", "2", "--settle", "0"),
            cwd=ROOT,
            stderr=sink,
            start_new_session=True,
        )


def _clean_up(procs: list[subprocess.Popen[bytes]]) -> None:
    """Kill what is left of the sessions this test started (normally nothing)."""
    for proc in procs:
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.mark.parametrize("seed", range(RUNS))
def test_kills_at_random_moments_lose_nothing_and_store_nothing_twice(
    tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    clean_inbox, crash_inbox = tmp_path / "clean" / "inbox", tmp_path / "crash" / "inbox"
    clean_inbox.mkdir(parents=True)
    crash_inbox.mkdir(parents=True)
    expected = make_documents(clean_inbox)
    make_documents(crash_inbox)
    shas = {name: file_sha256(clean_inbox / name)[0] for name in expected}

    clean_out = tmp_path / "clean" / "out"
    clean = _start(clean_inbox, clean_out, tmp_path / "clean.log")
    assert clean.wait(timeout=LAST_RUN_TIMEOUT) == 1  # 1: some documents failed

    crash_out, log = tmp_path / "crash" / "out", tmp_path / "crash.log"
    procs: list[subprocess.Popen[bytes]] = []
    kills = 0
    started = time.perf_counter()
    try:
        while True:
            proc = _start(crash_inbox, crash_out, log)
            procs.append(proc)
            try:
                timeout = rng.uniform(*KILL_AFTER) if kills < MAX_KILLS else LAST_RUN_TIMEOUT
                code = proc.wait(timeout=timeout)
                break
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                kills += 1
    finally:
        _clean_up(procs)
    seconds = time.perf_counter() - started
    assert code in (0, 1)

    # every document in done/ or failed/ exactly once, nothing left behind
    left = [p.name for p in crash_inbox.iterdir() if p.name not in {"done", "failed"}]
    assert left == [".ankestat-watch.lock"]
    done = sorted(p.name for p in (crash_inbox / "done").iterdir())
    failed_dir = crash_inbox / "failed"
    failed = sorted(p.name for p in failed_dir.iterdir() if not p.name.endswith(".error.txt"))
    assert done == sorted(n for n, r in expected.items() if r is not None)
    assert failed == sorted(n for n, r in expected.items() if r is None)
    assert sorted(p.name for p in failed_dir.glob("*.error.txt")) == [
        f"{n}.error.txt" for n in failed
    ]
    moved = Counter(file_sha256(crash_inbox / "done" / n)[0] for n in done)
    moved.update(file_sha256(failed_dir / n)[0] for n in failed)
    assert moved == Counter(shas.values())  # the bytes were not changed either
    assert not list(tmp_path.rglob("*.partial"))

    # the store equals the clean run's, and the clean run has every sample's records
    clean_records, clean_documents = store_contents(clean_out)
    crash_records, crash_documents = store_contents(crash_out)
    assert crash_records == clean_records
    assert crash_documents == clean_documents
    per_document = {row[1]: row[4] for row in clean_documents}
    assert per_document == {n: r or 0 for n, r in expected.items()}
    assert len(clean_records) == sum(r or 0 for r in expected.values())

    text = log.read_text(encoding="utf-8")
    clean_text = (tmp_path / "clean.log").read_text(encoding="utf-8")
    assert clean_text.count("ok      ") == 47
    # no document is processed and stored twice (a kill may fall before its log line)
    stored = Counter(
        line.split("ok      ")[1].split(":")[0] for line in text.splitlines() if "ok      " in line
    )
    assert max(stored.values()) == 1
    print(
        f"\ncrash run seed {seed}: {len(expected)} documents, {kills} kills, "
        f"{len(procs)} starts, {seconds:.1f} s, {len(crash_records)} records; "
        f"{len(stored)} 'ok' log lines, {text.count('duplicate ')} moves finished after a restart"
    )
