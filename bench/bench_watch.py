"""Watch latency: from a file's last write in the inbox to its records in the SQLite store.

Starts ``ankestat watch`` (a real process, ``--jobs 1``), waits until it is watching, then drops
a one-page PDF (page 1 of the Ishøj committee minutes, 42 records; a PDF comment after %%EOF
makes each drop new bytes) and polls ``ankestat.sqlite`` every 5 ms until the document's
records are there. Latency = that moment minus the end of the write (the file is written in
one go and closed). Drops are ``--gap`` seconds apart. Modes: watchdog events and
``--polling``, each with the given settle times. Prints min / median / max seconds over
``--repeat`` drops.

    .venv/bin/python bench/bench_watch.py [--repeat 5] [--settle 1.0,0.25] [--poll-interval 2]
                                          [--gap 1]
"""

from __future__ import annotations

import argparse
import io
import queue
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "samples" / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"
TIMEOUT = 60.0
POLL = 0.005  # seconds between looks into the store (latency resolution)


def one_page_pdf() -> bytes:
    """Page 1 of the committee minutes as a PDF of its own."""
    import pypdfium2

    source = pypdfium2.PdfDocument(str(SOURCE))
    single = pypdfium2.PdfDocument.new()
    single.import_pages(source, [0])
    buffer = io.BytesIO()
    single.save(buffer)
    return buffer.getvalue()


def _pump(stream: IO[str], lines: queue.SimpleQueue[str]) -> None:
    for line in stream:
        lines.put(line)


def _wait_line(lines: queue.SimpleQueue[str], text: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while True:
        line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
        if text in line:
            return


def _stored(db: Path, name: str) -> bool:
    if not db.exists():
        return False
    try:
        with closing(sqlite3.connect(db, timeout=1)) as conn:
            row = conn.execute(
                "SELECT count(*) FROM records WHERE source_file = ?", (name,)
            ).fetchone()
    except sqlite3.OperationalError:  # the watcher is creating the tables
        return False
    return bool(row[0])


def measure(
    mode: str, settle: float, poll_interval: float, repeat: int, gap: float, pdf: bytes
) -> list[float]:
    """Latencies (seconds) of ``repeat`` drops into a fresh watcher in ``mode``."""
    work = Path(tempfile.mkdtemp(prefix="bench-watch-"))
    inbox, out = work / "inbox", work / "out"
    inbox.mkdir()
    command = [
        *(sys.executable, "-m", "extract.cli", "watch", str(inbox), "--out", str(out)),
        *("--jobs", "1", "--settle", str(settle), "--poll-interval", str(poll_interval)),
        *(["--polling"] if mode == "polling" else []),
    ]
    proc = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    lines: queue.SimpleQueue[str] = queue.SimpleQueue()
    threading.Thread(target=_pump, args=(proc.stderr, lines), daemon=True).start()
    latencies = []
    try:
        _wait_line(lines, "watching")
        for index in range(repeat):
            name = f"page-{index}.pdf"
            data = pdf + f"\n% bench drop {index}\n".encode()
            with (inbox / name).open("wb") as fh:
                fh.write(data)
            written = time.perf_counter()
            while not _stored(out / "ankestat.sqlite", name):
                if time.perf_counter() - written > TIMEOUT:
                    raise TimeoutError(f"{name} not stored after {TIMEOUT} s")
                time.sleep(POLL)  # the benchmark's own polling of the store
            latencies.append(time.perf_counter() - written)
            while not (inbox / "done" / name).exists():
                time.sleep(POLL)
            time.sleep(gap)  # documents arrive apart, as they do in use
    finally:
        proc.terminate()
        proc.wait(timeout=TIMEOUT)
        shutil.rmtree(work, ignore_errors=True)
    return latencies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="drops per mode (default 5)")
    parser.add_argument(
        "--settle", default="1.0,0.25", help="comma-separated settle times (default 1.0,0.25)"
    )
    parser.add_argument("--poll-interval", type=float, default=2.0, help="polling mode listing")
    parser.add_argument(
        "--gap",
        type=float,
        default=1.0,
        help="seconds between a document reaching done/ and the next drop (default 1; with 0, "
        "watchdog holds the next event up to 0.5 s while it waits to pair the previous move)",
    )
    args = parser.parse_args(argv)
    pdf = one_page_pdf()
    print(
        f"one-page PDF, {len(pdf)} bytes, {args.repeat} drops per mode {args.gap:g} s apart, "
        "--jobs 1"
    )
    print(f"{'mode':<10} {'settle':>6} {'poll':>5}  {'min':>6} {'median':>6} {'max':>6}  (seconds)")
    for settle in (float(s) for s in args.settle.split(",")):
        for mode in ("watchdog", "polling"):
            times = measure(mode, settle, args.poll_interval, args.repeat, args.gap, pdf)
            poll = f"{args.poll_interval:g}" if mode == "polling" else "-"
            print(
                f"{mode:<10} {settle:>6g} {poll:>5}  {min(times):>6.3f} "
                f"{statistics.median(times):>6.3f} {max(times):>6.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
