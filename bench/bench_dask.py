"""Throughput of ``ankestat extract --dask`` on a local cluster: one worker against two, and
the local process pool on the same documents.

Generates N PDF documents (``samples/variants``, a fresh seed unless given), starts a
scheduler and single-threaded workers on 127.0.0.1 (no nanny), and times the same
``ankestat extract`` over them: ``--dask`` with 1 worker, with 2 workers, and the local pool
with ``--jobs 1`` and ``--jobs 2``; each also over one of the documents alone, the run's fixed
cost (start-up, connecting, writing), so that throughput is also given past it. Prints
documents per second and the ratios; checks that every run wrote the same records. Exit code
0 always: this is a measurement. ``--pages K`` binds K generated one-page documents into each
document (K x N drawn): long minutes, whose cost per document dwarfs the cost per task.

    .venv/bin/python bench/bench_dask.py [--count 200] [--seed S] [--formats pdf] [--pages K]
"""

from __future__ import annotations

import argparse
import hashlib
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generated import bind_documents, fresh_seed, generate_documents  # noqa: E402

DASK = Path(sys.executable).with_name("dask")
QUIET = ("--no-dashboard", "--memory-limit", "0")


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _extract(inputs: Path, out: Path, extra: Sequence[str]) -> float:
    """Seconds for one ``ankestat extract`` over ``inputs`` (records in ``out``)."""
    command = [sys.executable, "-m", "extract", "extract", str(inputs), "--out", str(out)]
    clock = time.perf_counter()
    subprocess.run([*command, "--quiet", "--no-progress", *extra], check=True, cwd=ROOT)
    return time.perf_counter() - clock


def _on_cluster(inputs: Path, out: Path, workers: int, logs: Path) -> float:
    """Seconds for an ``extract --dask`` run on a fresh local cluster of ``workers``."""
    from distributed import Client

    address = f"tcp://127.0.0.1:{_port()}"
    host, port = address.removeprefix("tcp://").split(":")
    log = (logs / f"cluster-{workers}.log").open("wb")
    started = [
        subprocess.Popen(
            [str(DASK), "scheduler", "--host", host, "--port", port, "--no-dashboard"],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    ]
    try:
        for _ in range(workers):
            started.append(
                subprocess.Popen(
                    [str(DASK), "worker", address, "--nthreads", "1", "--no-nanny", *QUIET],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        client = Client(address, timeout=60)  # type: ignore[no-untyped-call]
        client.wait_for_workers(workers, timeout=120)
        client.close()  # type: ignore[no-untyped-call]
        return _extract(inputs, out, ["--dask", address])
    finally:
        for process in started:
            process.kill()
            process.wait()


def _digest(out: Path) -> str:
    return hashlib.sha256((out / "records.jsonl").read_bytes()).hexdigest()[:16]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", help="default: a fresh random seed (printed)")
    parser.add_argument("--formats", default="pdf")
    parser.add_argument("--pages", type=int, default=1, help="documents bound into one")
    args = parser.parse_args(argv)
    seed = fresh_seed(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        work = Path(tmp)
        inputs = work / "inputs"
        generate_documents(inputs, seed, args.count * args.pages, args.formats.split(","))
        if args.pages > 1:
            bind_documents(inputs, args.pages)
        print(f"seed {seed}: {args.count} documents ({args.formats}, {args.pages} bound in each)")
        single = work / "single"
        single.mkdir()
        first = sorted(inputs.iterdir())[0]
        (single / first.name).write_bytes(first.read_bytes())
        runs = {
            "local --jobs 1": lambda folder, out: _extract(folder, out, ["--jobs", "1"]),
            "local --jobs 2": lambda folder, out: _extract(folder, out, ["--jobs", "2"]),
            "dask, 1 worker": lambda folder, out: _on_cluster(folder, out, 1, work),
            "dask, 2 workers": lambda folder, out: _on_cluster(folder, out, 2, work),
        }
        seconds: dict[str, float] = {}
        fixed: dict[str, float] = {}
        digests = set()
        for name, run in runs.items():
            out = work / name.replace(" ", "_").replace(",", "")
            seconds[name] = run(inputs, out)
            digests.add(_digest(out))
            fixed[name] = run(single, work / f"{out.name}-single")
            rate = (args.count - 1) / (seconds[name] - fixed[name])
            print(
                f"{name:16} {seconds[name]:7.1f} s end to end ({args.count / seconds[name]:6.2f}"
                f" documents/s); one document {fixed[name]:5.1f} s; {rate:6.2f} documents/s "
                "past the start"
            )
        print(f"same records in every run: {len(digests) == 1}")

        def ratio(a: str, b: str) -> str:
            whole = seconds[a] / seconds[b]
            past = (seconds[a] - fixed[a]) / (seconds[b] - fixed[b])
            return f"{whole:.2f}x end to end, {past:.2f}x past the start"

        print(f"dask 2 workers / 1 worker: {ratio('dask, 1 worker', 'dask, 2 workers')}")
        print(f"dask 2 workers / local --jobs 2: {ratio('local --jobs 2', 'dask, 2 workers')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
