"""OCR speed: ankestat's OCR path against plain Tesseract on the same page images, and --jobs.

In: the scanned samples (samples/scan-*.pdf). Out: printed seconds per page for plain Tesseract
(two settings), ankestat's ``ocr_page`` and the full ``process_file``, their ratios, and wall
seconds for one against two jobs / OCR threads (on the 4-page scan, and on a 20-page scan
made of it five times over); optionally a JSON dump. Times are wall-clock
(``time.perf_counter``), best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from importlib import import_module
from pathlib import Path

from bench import engine_stamp, machine_facts

ROOT = Path(__file__).resolve().parent.parent
SHORT = {  # the scanned samples, with a short column label; the first has the most pages
    "scan-referat-ishoej-byraad-2022-10-31.pdf": "byraad",
    "scan-referat-ishoej-sundhedsudvalg-2021-03-08.pdf": "sundhed",
    "scan-aarsredegoerelse-2024-side4.pdf": "aarsred",
}
SCANS = tuple(SHORT)
PLAIN_DAN = ("-l", "dan")  # what a user would run for word boxes
PLAIN_ENGINE = ("-l", "dan+eng", "--psm", "4")  # the engine's Tesseract settings
DPI = 300


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: its scan, page number, size in points and PNG file."""

    scan: str
    number: int
    width: float
    height: float
    png: Path


@dataclass(frozen=True, slots=True)
class Row:
    """Best seconds per scan for one method, and what it found (words or tables)."""

    method: str
    seconds: dict[str, float]
    found: int
    other: float  # the most other-process load (busy cores) during a best call


@dataclass(frozen=True, slots=True)
class Timing:
    """Best wall seconds, what the run found, and other processes' load during that call."""

    seconds: float
    found: int
    other: float


@dataclass(frozen=True, slots=True)
class JobRow:
    """Best runs with N=1 and N=2 (CLI jobs or OCR threads) on one set of files."""

    what: str
    how: str
    one: Timing
    two: Timing

    @property
    def speed_up(self) -> float:
        return self.one.seconds / self.two.seconds


def render(scans: Sequence[Path], folder: Path) -> list[PageImage]:
    """Render every page at 300 dpi grey, as the engine does, to PNGs in ``folder``."""
    import pypdfium2

    pages: list[PageImage] = []
    for scan in scans:
        pdf = pypdfium2.PdfDocument(str(scan))
        try:
            for index in range(len(pdf)):
                page = pdf[index]
                png = folder / f"{scan.stem}-p{index + 1}.png"
                page.render(scale=DPI / 72, grayscale=True).to_pil().save(png)
                width, height = page.get_size()
                pages.append(PageImage(scan.name, index + 1, width, height, png))
        finally:
            pdf.close()
    return pages


def cpu_seconds() -> tuple[float, float]:
    """Busy CPU seconds so far: the whole machine (Linux /proc/stat), and this process with
    its waited-for children."""
    user, nice, system, _idle, _iowait, irq, softirq = map(
        int, Path("/proc/stat").read_text().split(maxsplit=8)[1:8]
    )
    machine = (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return machine, sum(u.ru_utime + u.ru_stime for u in usage)


def best(repeat: int, runs: Sequence[Callable[[], int]]) -> list[Timing]:
    """The best of ``repeat`` calls of each run. Each round calls every run once, in turn,
    so load from elsewhere hits them alike."""
    timings: list[list[Timing]] = [[] for _ in runs]
    for _ in range(repeat):
        for i, run in enumerate(runs):
            machine, own = cpu_seconds()
            started = time.perf_counter()
            found = run()
            took = time.perf_counter() - started
            machine_after, own_after = cpu_seconds()
            other = max(0.0, (machine_after - machine) - (own_after - own)) / took
            timings[i].append(Timing(took, found, other))
    return [min(t, key=lambda timing: timing.seconds) for t in timings]


def measure(
    methods: dict[str, Callable[[str], int]], scans: Sequence[str], repeat: int
) -> list[Row]:
    """Time each method on each scan (methods alternating), best of ``repeat``."""
    seconds: dict[str, dict[str, float]] = {m: {} for m in methods}
    found = dict.fromkeys(methods, 0)
    other = dict.fromkeys(methods, 0.0)
    for scan in scans:
        results = best(repeat, [partial(run, scan) for run in methods.values()])
        for method, timing in zip(methods, results, strict=True):
            seconds[method][scan] = timing.seconds
            found[method] += timing.found
            other[method] = max(other[method], timing.other)
        print(f"  {scan}: " + ", ".join(f"{t.seconds:.1f} s" for t in results), file=sys.stderr)
    return [Row(m, seconds[m], found[m], other[m]) for m in methods]


def plain_tesseract(pages: Sequence[PageImage], options: Sequence[str], out: Path) -> int:
    """Run the tesseract command (tsv output, one thread) on each PNG; words found."""
    words = 0
    one_thread = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    for page in pages:
        base = out / page.png.stem
        command = ["tesseract", str(page.png), str(base), *options, "tsv"]
        subprocess.run(command, env=one_thread, check=True, capture_output=True)
        lines = base.with_suffix(".tsv").read_text(encoding="utf-8").splitlines()[1:]
        words += sum(1 for line in lines if line.startswith("5\t") and line.split("\t")[-1].strip())
    return words


def run_all(run: Callable[[str], int], scans: Sequence[str]) -> int:
    """``run`` on each scan in turn; the sum of what it found."""
    return sum(run(scan) for scan in scans)


# The long scan of the one-against-two comparison: the 4-page scan this many times over.
LONG_COPIES = 5


def long_scan(path: Path, copies: int, target: Path) -> Path:
    """A scan of ``copies`` times ``path``'s pages, one after another, written to ``target``."""
    import pypdfium2

    source = pypdfium2.PdfDocument(str(path))
    long = pypdfium2.PdfDocument.new()
    try:
        for _ in range(copies):
            long.import_pages(source)
        long.save(str(target))
    finally:
        long.close()
        source.close()
    return target


def cli(files: Sequence[Path], jobs: int, out: Path) -> int:
    """Run ``ankestat extract FILES --ocr --jobs N`` into a fresh folder; records written."""
    shutil.rmtree(out, ignore_errors=True)
    command = [str(Path(sys.executable).parent / "ankestat"), "extract", *map(str, files)]
    command += ["--out", str(out), "--ocr", "--jobs", str(jobs), "--no-progress", "--quiet"]
    done = subprocess.run(command, check=False, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: some file partial or failed, still a full run
        raise RuntimeError(f"ankestat extract exited {done.returncode}: {done.stderr.strip()}")
    totals = json.loads((out / "report.json").read_text(encoding="utf-8"))["totals"]
    if totals["findings_by_code"].get("needs_ocr"):
        raise RuntimeError("ankestat extract left pages needs_ocr: it did not OCR them")
    return int(totals["records"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="runs per figure (best is kept)")
    parser.add_argument("--json", type=Path, default=None, help="write every figure here")
    args = parser.parse_args(argv)
    repeat = max(1, args.repeat)

    from PIL import Image

    from extract.interpret.rulebook import load_rulebook
    from extract.pipeline import process_file
    from extract.readers import ReadOptions
    from extract.readers.ocr.pages import OcrSettings, ocr_page
    from extract.readers.ocr.tesseract import ENGINE_VARIABLE, engine_name

    for module in (
        "numpy",
        "pytesseract",
        "extract.readers.ocr.image",
        "extract.readers.ocr.image_rulings",
        "extract.readers.pdf.reader",
    ):
        import_module(module)  # up front, so that no import is timed as work
    os.environ["OMP_THREAD_LIMIT"] = "1"  # what extract.readers.ocr.tesseract sets for Tesseract
    stamp = engine_stamp()
    tesseract = subprocess.run(["tesseract", "--version"], capture_output=True, text=True)
    facts = {
        **machine_facts("pypdfium2"),
        "tesseract": (tesseract.stdout or tesseract.stderr).splitlines()[0],
        "ocr_engine": engine_name(),
        "loadavg_at_start": round(os.getloadavg()[0], 2),
    }
    print("machine: " + ", ".join(f"{k}={v}" for k, v in facts.items()))
    paths = [ROOT / "samples" / name for name in SCANS]
    rulebook = load_rulebook(ROOT / "rules")
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp_name:
        tmp = Path(tmp_name)
        pages = render(paths, tmp)
        by_scan = {name: [p for p in pages if p.scan == name] for name in SCANS}
        counts = {name: len(by_scan[name]) for name in SCANS}
        images = {p.png: Image.open(p.png) for p in pages}
        for image in images.values():
            image.load()  # decode once, untimed
        print(f"pages: {len(pages)} rendered at {DPI} dpi grey; repeat={repeat} (best time)\n")

        def plain(scan: str, options: Sequence[str]) -> int:
            return plain_tesseract(by_scan[scan], options, tmp)

        def engine_ocr(scan: str) -> int:
            return sum(
                len(ocr_page(images[p.png], p.number, p.width, p.height, OcrSettings()).words)
                for p in by_scan[scan]
            )

        def pipeline(threads: int) -> Callable[[str], int]:
            def run(scan: str) -> int:
                """``scan``: a sample's name, or the path of a scan made here."""
                options = ReadOptions(pdf_backend="pdfium", ocr=True, ocr_threads=threads)
                path = Path(scan) if Path(scan).is_absolute() else ROOT / "samples" / scan
                result = process_file(path, rulebook, options)
                if result.error:
                    raise RuntimeError(f"{scan}: {result.error}")
                return len(result.tables)

            return run

        methods: dict[str, Callable[[str], int]] = {
            f"tesseract {' '.join(o)} (tsv)": partial(plain, options=o)
            for o in (PLAIN_DAN, PLAIN_ENGINE)
        }
        methods[f"ankestat ocr_page ({engine_name()})"] = engine_ocr
        if engine_name() != "command":

            def command_ocr(scan: str) -> int:
                os.environ[ENGINE_VARIABLE] = "command"
                try:
                    return engine_ocr(scan)
                finally:
                    del os.environ[ENGINE_VARIABLE]

            methods["ankestat ocr_page (command)"] = command_ocr
        methods["ankestat process_file (1 thread)"] = pipeline(1)
        rows = measure(methods, SCANS, repeat)
        total_pages = sum(counts.values())
        per_page = {r.method: sum(r.seconds.values()) / total_pages for r in rows}
        base_dan, base_engine = per_page[rows[0].method], per_page[rows[1].method]
        head = "".join(f"{SHORT[n] + f' ({counts[n]}p)':>14}" for n in SCANS)
        print("== seconds per page, same page images ==")
        print(f"{'method':<36}{head}{'all':>8}{'/ dan':>8}{'/ psm4':>8}{'found':>7}{'other':>7}")
        for r in rows:
            cells = "".join(f"{r.seconds[n] / counts[n]:>14.2f}" for n in SCANS)
            mine = per_page[r.method]
            ratios = f"{mine / base_dan:>7.2f}x{mine / base_engine:>7.2f}x"
            print(f"{r.method:<36}{cells}{mine:>8.2f}{ratios}{r.found:>7}{r.other:>7.2f}")
        print("(found: words for tesseract and ocr_page, tables for process_file;")
        print(" other: most CPU cores busy with other processes during a best call)")

        out = tmp / "out"
        long = long_scan(paths[0], LONG_COPIES, tmp / f"long-{paths[0].name}")
        sets = (
            (f"{SHORT[SCANS[0]]} ({counts[SCANS[0]]}p)", paths[:1]),
            (f"{SHORT[SCANS[0]]} x{LONG_COPIES} ({counts[SCANS[0]] * LONG_COPIES}p)", [long]),
        )
        jobs: list[JobRow] = []
        for what, files in sets:
            names = [f.name if f.parent == ROOT / "samples" else str(f) for f in files]
            one, two = best(repeat, [partial(cli, files, n, out) for n in (1, 2)])
            jobs.append(JobRow(what, "ankestat extract --ocr --jobs N", one, two))
            one, two = best(repeat, [partial(run_all, pipeline(n), names) for n in (1, 2)])
            jobs.append(JobRow(what, "process_file ocr_threads=N", one, two))
            print(f"  one vs two: {what} done", file=sys.stderr)
    print("\n== one vs two: wall seconds ==")
    print(f"{'files':<18}{'how':<33}{'N=1':>8}{'N=2':>8}{'speed-up':>10}{'other':>12}")
    for j in jobs:
        times = f"{j.one.seconds:>8.2f}{j.two.seconds:>8.2f}{j.speed_up:>9.2f}x"
        print(f"{j.what:<18}{j.how:<33}{times}{j.one.other:>7.2f} /{j.two.other:>4.2f}")
    print("(other: CPU cores busy with other processes during the best N=1 / N=2 run)")
    facts["loadavg_at_end"] = round(os.getloadavg()[0], 2)
    print(f"\nloadavg_at_end={facts['loadavg_at_end']}")
    engine_changed = engine_stamp() != stamp
    if engine_changed:
        print("\n! extract/ or rules/ changed during this run: figures may mix engine versions")
    if args.json is not None:
        dump = {
            "machine": facts,
            "repeat": repeat,
            "pages": counts,
            "rows": [{**asdict(r), "seconds_per_page": per_page[r.method]} for r in rows],
            "jobs": [{**asdict(j), "speed_up": j.speed_up} for j in jobs],
            "engine_changed_during_run": engine_changed,
        }
        args.json.write_text(json.dumps(dump, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
