"""What ``ankestat extract --resume`` saves after a kill: the time of an uninterrupted run
against a run killed half-way plus its resumed rerun, on the same generated documents.

Generates N documents (``samples/variants``, PDF, xlsx and csv; a fresh seed unless given),
runs ``ankestat extract`` over them once whole, then once killed (SIGKILL) when half the files
are saved in ``OUT/.ankestat-parts``, then again with ``--resume``. Prints the seconds of each,
the files the resumed run took from the killed one, and whether the records equal the
uninterrupted run's. Exit code 0 always: this is a measurement.

    .venv/bin/python bench/bench_resume.py [--count 100] [--seed S] [--jobs 2]
"""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generated import fresh_seed, generate_documents  # noqa: E402

from extract.run.parts import PARTS_DIR  # noqa: E402
from samples.variants.generate import FORMATS  # noqa: E402


def _command(inputs: Path, out: Path, jobs: int) -> list[str]:
    command = [sys.executable, "-m", "extract", "extract", str(inputs), "--out", str(out)]
    return [*command, "--jobs", str(jobs), "--quiet", "--no-progress"]


def _killed(inputs: Path, out: Path, jobs: int, files: int) -> float:
    """Seconds until a run into ``out`` is killed with half of ``files`` saved."""
    clock = time.perf_counter()
    run = subprocess.Popen(_command(inputs, out, jobs), cwd=ROOT)
    while len(list((out / PARTS_DIR).glob("*.result"))) < files // 2 and run.poll() is None:
        time.sleep(0.02)
    run.send_signal(signal.SIGKILL)
    run.wait()
    return time.perf_counter() - clock


def _timed(command: list[str]) -> float:
    clock = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.perf_counter() - clock


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", help="default: a fresh random seed (printed)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    seed = fresh_seed(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-resume-") as tmp:
        work = Path(tmp)
        inputs = work / "inputs"
        generate_documents(inputs, seed, args.count, FORMATS)
        files = len(list(inputs.iterdir()))
        print(f"seed {seed}: {files} documents, --jobs {args.jobs}")
        whole = _timed(_command(inputs, work / "whole", args.jobs))
        killed = _killed(inputs, work / "out", args.jobs, files)
        saved = len(list((work / "out" / PARTS_DIR).glob("*.result")))
        resumed = _timed([*_command(inputs, work / "out", args.jobs), "--resume"])
        report = json.loads((work / "out" / "report.json").read_text("utf-8"))
        same = (work / "out" / "records.jsonl").read_bytes() == (
            work / "whole" / "records.jsonl"
        ).read_bytes()
        print(f"uninterrupted run        {whole:7.1f} s")
        print(f"killed after {saved:4d} files {killed:7.1f} s")
        print(f"resumed (--resume)       {resumed:7.1f} s  ({report['totals']['resumed']} taken)")
        print(f"killed + resumed / whole: {(killed + resumed) / whole:.2f}")
        print(f"records equal the uninterrupted run's: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
