"""Scale: pages/s and peak memory of ``ankestat extract`` on long PDFs, for --jobs 1 and 2.

In: the samples (digital ``samples/*.pdf`` and scanned ``samples/scan-*.pdf``). Builds, in a
temporary folder, a long digital PDF (default 500 pages) and a short one (default 50 pages,
the first pages of the long one) by repeating the digital samples' pages, and a scanned PDF
(default 50 pages) and a short one (one round of the scans, 7 pages) from the scans. Out: a
printed table (pages, wall seconds, CPU seconds, pages/s, peak RSS of the process tree and of
its largest process) and whether peak memory stays flat (long within 1.5x of short); optionally
a JSON dump. Each run is a fresh ``ankestat extract`` process started by a small wrapper that
reports its children's ``ru_maxrss`` and CPU time; the tree's total RSS is sampled with psutil
every 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANKESTAT = Path(sys.executable).parent / "ankestat"
FLAT_LIMIT = 1.5  # acceptance: long-PDF peak RSS within 1.5x of the short PDF's
# The wrapper runs the command as its child, then prints the largest child's peak RSS (KiB)
# and the CPU seconds (user + system) of all its children.
WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(u.ru_maxrss, u.ru_utime + u.ru_stime); sys.exit(code)"
)


def build_pdf(sources: list[Path], pages: int, out: Path) -> Path:
    """A PDF of ``pages`` pages: the sources' pages in order, repeated until there are enough."""
    import pypdfium2

    target = pypdfium2.PdfDocument.new()
    opened = [pypdfium2.PdfDocument(str(path)) for path in sources]
    try:
        while len(target) < pages:
            for source in opened:
                missing = pages - len(target)
                if missing <= 0:
                    break
                target.import_pages(source, list(range(min(len(source), missing))))
        target.save(str(out))
    finally:
        for source in opened:
            source.close()
        target.close()
    return out


@dataclass(frozen=True)
class Run:
    name: str
    pages: int
    jobs: int
    ocr: bool
    seconds: float
    tree_peak_mib: float  # sampled sum of RSS over ankestat and its children
    largest_process_mib: float  # ru_maxrss of the largest process (exact, not sampled)
    exit_code: int
    cpu_seconds: float = 0.0  # user + system of the whole tree: steadier than wall time

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds


def measure(name: str, pdf: Path, pages: int, jobs: int, ocr: bool, out: Path) -> Run:
    """Run ``ankestat extract`` once on pdf in a fresh process tree; time it and sample RSS."""
    import psutil

    command = [str(ANKESTAT), "extract", str(pdf), "--out", str(out), "--jobs", str(jobs)]
    command += ["--quiet", "--no-progress", *(["--ocr"] if ocr else [])]
    started = time.perf_counter()
    wrapper = psutil.Popen(
        [sys.executable, "-c", WRAPPER, *command], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    peak = 0
    while wrapper.poll() is None:
        total = 0
        try:
            for child in wrapper.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:  # ended between listing and reading
                    continue
        except psutil.Error:
            pass
        peak = max(peak, total)
        time.sleep(0.02)  # sampling interval, not synchronisation
    seconds = time.perf_counter() - started
    stdout = wrapper.stdout.read() if wrapper.stdout else ""
    last = stdout.strip().splitlines()[-1].split() if stdout.strip() else ["0", "0"]
    largest_kib, cpu = int(last[0]), float(last[1])
    return Run(
        name, pages, jobs, ocr, seconds, peak / 2**20, largest_kib / 1024, wrapper.returncode, cpu
    )


def print_runs(runs: list[Run]) -> None:
    print(
        f"\n{'PDF':<16} {'pages':>5} {'jobs':>4} {'seconds':>8} {'cpu s':>7} {'pages/s':>8} "
        f"{'tree MiB':>9} {'largest MiB':>11} {'exit':>4}"
    )
    for run in runs:
        print(
            f"{run.name:<16} {run.pages:>5} {run.jobs:>4} {run.seconds:>8.2f} "
            f"{run.cpu_seconds:>7.2f} {run.pages_per_second:>8.2f} {run.tree_peak_mib:>9.1f} "
            f"{run.largest_process_mib:>11.1f} {run.exit_code:>4}"
        )


def flatness(runs: list[Run], long: str, short: str) -> list[str]:
    """One line per --jobs value: the long PDF's peak RSS as a multiple of the short one's."""
    lines = []
    for jobs in sorted({run.jobs for run in runs}):
        pair = {r.name: r for r in runs if r.jobs == jobs and r.name in (long, short)}
        if len(pair) < 2:
            continue
        ratio = pair[long].tree_peak_mib / pair[short].tree_peak_mib
        verdict = "flat" if ratio <= FLAT_LIMIT else f"NOT flat (limit {FLAT_LIMIT}x)"
        lines.append(
            f"--jobs {jobs}: {long} peak {pair[long].tree_peak_mib:.1f} MiB = {ratio:.2f}x "
            f"{short} ({pair[short].tree_peak_mib:.1f} MiB): {verdict}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=500, help="pages of the long digital PDF")
    parser.add_argument("--short", type=int, default=50, help="pages of the short digital PDF")
    parser.add_argument("--scan-pages", type=int, default=50, help="pages of the scanned PDF")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-scan", action="store_true", help="skip the OCR runs")
    parser.add_argument("--json", type=Path, help="write every figure here")
    args = parser.parse_args(argv)
    samples = sorted((ROOT / "samples").glob("*.pdf"))
    digital = [p for p in samples if not p.name.startswith("scan-")]
    scans = [p for p in samples if p.name.startswith("scan-")]
    machine = {"nproc": os.cpu_count(), "python": platform.python_version()}
    print(f"machine: nproc={machine['nproc']}, python={machine['python']}")
    print(f"digital pages from: {', '.join(p.name for p in digital)}")
    print(f"scanned pages from: {', '.join(p.name for p in scans)}")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="ankestat-scale-") as scratch:
        tmp = Path(scratch)
        sets = [
            (f"digital-{args.short}", build_pdf(digital, args.short, tmp / "short.pdf"), False),
            (f"digital-{args.pages}", build_pdf(digital, args.pages, tmp / "long.pdf"), False),
        ]
        if not args.no_scan:
            one_round = sum(_pages(p) for p in scans)
            sets += [
                (f"scan-{one_round}", build_pdf(scans, one_round, tmp / "scan-short.pdf"), True),
                (
                    f"scan-{args.scan_pages}",
                    build_pdf(scans, args.scan_pages, tmp / "scan-long.pdf"),
                    True,
                ),
            ]
        for name, pdf, ocr in sets:
            for jobs in args.jobs:
                print(f"  {name} --jobs {jobs}{' --ocr' if ocr else ''} ...", flush=True)
                out = tmp / f"out-{name}-{jobs}"
                runs.append(measure(name, pdf, _pages(pdf), jobs, ocr, out))
    print_runs(runs)
    print()
    lines = flatness(runs, f"digital-{args.pages}", f"digital-{args.short}")
    if not args.no_scan:
        scan_short = next(r.name for r in runs if r.ocr)
        lines += flatness(runs, f"scan-{args.scan_pages}", scan_short)
    for line in lines:
        print(line)
    if args.json:
        payload = {
            "machine": machine,
            "runs": [asdict(r) | {"pages_per_second": r.pages_per_second} for r in runs],
            "flatness": lines,
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n")
    return 0


def _pages(path: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


if __name__ == "__main__":
    sys.exit(main())
