"""Throughput and peak memory: ankestat against camelot and pdfplumber on the same PDFs.

In: a folder of PDFs (default samples/). Out: a printed table (seconds, pages/s, peak RSS MiB,
tables found, ankestat's pages/s as a multiple of each tool's) per file and for all files in one
process, plus an optional JSON dump. Every (tool, file set, repeat) runs in a fresh worker
process (this script with ``--worker``), so imports and peak RSS are per tool; only the work is
timed, and the best (minimum) time over ``--repeat`` runs is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

Runner = Callable[[Path], int]  # one PDF in, number of tables found out
Prepare = Callable[[], Runner]  # untimed set-up after the imports (e.g. loading the rulebook)


def _ankestat(detect_only: bool, pdf_backend: str = "pdfium") -> Prepare:
    """Import the engine; prepare() loads rules/ once and returns a per-file runner."""
    from importlib import import_module

    from extract.detect import detect_tables
    from extract.interpret.rulebook import load_rulebook
    from extract.pipeline import process_file, read_document
    from extract.readers import ReadOptions

    # The PDF reader imports its backend lazily; import it here so that is not timed as work.
    backend_module = {"pdfium": "pypdfium2.raw"}.get(pdf_backend, pdf_backend)
    for module in (
        "extract.readers.pdf.reader",
        "extract.readers.pdf.pdfium_layer",
        backend_module,
    ):
        import_module(module)
    options = ReadOptions(pdf_backend=pdf_backend)

    def prepare() -> Runner:
        if detect_only:
            return lambda path: len(detect_tables(read_document(path, options)))
        rulebook = load_rulebook(ROOT / "rules")

        def run(path: Path) -> int:
            result = process_file(path, rulebook, options)
            if result.error:
                raise RuntimeError(result.error)
            return len(result.tables)

        return run

    return prepare


def _camelot(flavor: str, options: dict[str, Any]) -> Prepare:
    """Import camelot; the runner reads all pages with one flavor and its options."""
    from camelot.io import read_pdf

    def run(path: Path) -> int:
        return int(read_pdf(str(path), pages="all", flavor=flavor, **options).n)

    return lambda: run


def _pdfplumber() -> Prepare:
    """Import pdfplumber; the runner calls page.extract_tables() (defaults) on every page."""
    import pdfplumber

    def run(path: Path) -> int:
        with pdfplumber.open(path) as pdf:
            return sum(len(page.extract_tables()) for page in pdf.pages)

    return lambda: run


@dataclass(frozen=True)
class Tool:
    key: str
    label: str
    load: Callable[[], Prepare]


PDFIUM = {"backend": "pdfium", "use_fallback": False}  # render in-process, no ghostscript
VECTOR = {"engine": "vector"}  # camelot's render-free line detection
TOOLS = (
    Tool("ankestat", "ankestat", partial(_ankestat, False)),
    Tool("ankestat-detect", "ankestat (detect only)", partial(_ankestat, True)),
    Tool("ankestat-pdfplumber", "ankestat (pdfplumber)", partial(_ankestat, False, "pdfplumber")),
    *(
        Tool(f"camelot-{name}", f"camelot {name.replace('-', ' ')}", partial(_camelot, *how))
        for name, how in (
            ("lattice", ("lattice", PDFIUM)),
            ("lattice-vector", ("lattice", VECTOR)),
            ("stream", ("stream", {})),
            ("network", ("network", {})),
            ("hybrid", ("hybrid", PDFIUM)),
            ("hybrid-vector", ("hybrid", VECTOR)),
            ("auto", ("auto", {})),
        )
    ),
    Tool("pdfplumber", "pdfplumber", _pdfplumber),
)
TOOL_BY_KEY = {tool.key: tool for tool in TOOLS}


SETUP_KEYS = ("import_seconds", "prepare_seconds", "rss_after_setup_mib", "peak_rss_mib")


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker(key: str, files: list[Path], out: Path) -> None:
    """Run one tool over files in this process; write timings and peak RSS to out as JSON."""
    warnings.simplefilter("ignore")  # camelot warns on every page without a table
    started = time.perf_counter()
    prepare = TOOL_BY_KEY[key].load()
    imported = time.perf_counter()
    run = prepare()
    prepared = time.perf_counter()
    rss_ready = _maxrss_mib()
    rows: list[dict[str, Any]] = []
    for path in files:
        begin = time.perf_counter()
        try:
            rows.append({"file": path.name, "tables": run(path), "error": None})
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            rows.append({"file": path.name, "tables": None, "error": error})
        rows[-1]["seconds"] = time.perf_counter() - begin
    setup = (imported - started, prepared - imported, rss_ready, _maxrss_mib())
    out.write_text(json.dumps(dict(zip(SETUP_KEYS, setup, strict=True)) | {"files": rows}))


@dataclass(frozen=True)
class Measurement:
    """Best of the repeats for one tool over one set of files."""

    tool: str
    files: tuple[str, ...]
    pages: int  # pages of the files that succeeded
    seconds: float | None  # best total over the files that succeeded; None if none did
    peak_rss_mib: float
    rss_after_setup_mib: float
    import_seconds: float
    prepare_seconds: float
    tables: dict[str, int | None]
    errors: dict[str, str] = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float | None:
        return self.pages / self.seconds if self.seconds else None


def measure(
    tool: Tool, files: list[Path], pages: dict[str, int], repeat: int, scratch: Path
) -> Measurement:
    """Run tool over files in `repeat` fresh workers; keep the minimum time and maximum RSS."""
    runs: list[dict[str, Any]] = []
    for index in range(repeat):
        out = scratch / f"{tool.key}-{len(files)}-{files[0].stem}-{index}.json"
        command = [sys.executable, str(Path(__file__).resolve()), "--worker", tool.key]
        command += ["--out", str(out), "--files", *map(str, files)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
        if done.returncode != 0 or not out.exists():  # crashed: report it as every file failing
            tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
            error = f"worker exit {done.returncode}: {tail}"
            failed = [{"file": f.name, "tables": None, "seconds": 0, "error": error} for f in files]
            runs = [dict.fromkeys(SETUP_KEYS, 0.0) | {"files": failed}]
            break
        runs.append(json.loads(out.read_text()))
    errors = {r["file"]: r["error"] for r in runs[0]["files"] if r["error"]}
    ok = [r["file"] for r in runs[0]["files"] if not r["error"]]
    totals = [sum(r["seconds"] for r in run["files"] if r["file"] in ok) for run in runs]
    return Measurement(
        tool=tool.label,
        files=tuple(f.name for f in files),
        pages=sum(pages[f] for f in ok),
        seconds=min(totals) if ok else None,
        peak_rss_mib=max(run["peak_rss_mib"] for run in runs),
        rss_after_setup_mib=max(run["rss_after_setup_mib"] for run in runs),
        import_seconds=min(run["import_seconds"] for run in runs),
        prepare_seconds=min(run["prepare_seconds"] for run in runs),
        tables={r["file"]: r["tables"] for r in runs[0]["files"]},
        errors=errors,
    )


def page_count(path: Path) -> int:
    """Number of pages in a PDF (pypdfium2; not measured); 0 if pdfium cannot open it."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        print(f"! {path.name}: pdfium cannot count its pages ({exc}); counted as 0 pages")
        return 0
    try:
        return len(document)
    finally:
        document.close()


def machine_facts(*packages: str) -> dict[str, Any]:
    """Cores, Python version, platform and the installed versions of ``packages``."""
    return {
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        **{name: version(name) for name in packages},
    }


def engine_stamp() -> float:
    """Newest modification time under extract/ and rules/ (to notice edits during a run)."""
    paths = [*(ROOT / "extract").rglob("*.py"), *(ROOT / "rules").rglob("*")]
    return max(path.stat().st_mtime for path in paths)


def _fmt(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_block(title: str, rows: list[Measurement]) -> None:
    """One table: a row per tool, the ratio column relative to the first row (ankestat)."""
    print(f"\n== {title} ==")
    print(
        f"{'tool':<24} {'seconds':>8} {'pages/s':>8} {'peak MiB':>9} {'import s':>8} "
        f"{'tables':>7} {'ankestat ×':>11}"
    )
    reference = rows[0].pages_per_second if rows[0].tool == "ankestat" else None
    for row in rows:
        speed = row.pages_per_second
        ratio = f"{reference / speed:.2f}×" if reference and speed else "-"
        tables = [t for t in row.tables.values() if t is not None]
        count = str(sum(tables)) if tables else "-"
        print(
            f"{row.tool:<24} {_fmt(row.seconds, 3):>8} {_fmt(speed, 2):>8} "
            f"{row.peak_rss_mib:>9.1f} {row.import_seconds:>8.2f} {count:>7} {ratio:>11}"
        )
        for name, error in row.errors.items():
            print(f"    ! {row.tool} failed on {name}: {error[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=ROOT / "samples")
    parser.add_argument("--exclude", default="scan-*", help="skip PDFs matching this glob")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    parser.add_argument("--tools", nargs="+", choices=list(TOOL_BY_KEY), default=list(TOOL_BY_KEY))
    parser.add_argument("--worker", choices=list(TOOL_BY_KEY), help=argparse.SUPPRESS)
    parser.add_argument("--files", nargs="+", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.files, args.out)
        return 0
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    found = sorted(args.samples.resolve().glob("*.pdf"))
    files = [f for f in found if not (args.exclude and f.match(args.exclude))]
    if not files:
        parser.error(f"--samples {args.samples}: no *.pdf files there")
    tools = [TOOL_BY_KEY[key] for key in args.tools]
    pages = {f.name: page_count(f) for f in files}
    machine = machine_facts("camelot-py", "pdfplumber", "pypdfium2")
    print("machine: " + ", ".join(f"{k}={v}" for k, v in machine.items()))
    print(f"repeat={args.repeat} (best time, highest peak RSS); one fresh process per run")
    sets = [[f] for f in files] + ([files] if len(files) > 1 else [])
    blocks: list[tuple[str, list[Measurement]]] = []
    stamp = engine_stamp()
    with tempfile.TemporaryDirectory(prefix="ankestat-bench-") as scratch:
        for file_set in sets:
            total = sum(pages[f.name] for f in file_set)
            title = (
                f"{file_set[0].name} ({total} pages)"
                if len(file_set) == 1
                else f"all {len(file_set)} files in one process per tool ({total} pages)"
            )
            rows = [measure(tool, file_set, pages, args.repeat, Path(scratch)) for tool in tools]
            print_block(title, rows)
            blocks.append((title, rows))
    engine_changed = engine_stamp() != stamp
    if engine_changed:
        print("\n! extract/ or rules/ changed during this run: ankestat figures may mix versions")
    summary_rows = blocks[-1][1]
    anke = summary_rows[0].pages_per_second if summary_rows[0].tool == "ankestat" else None
    print()
    for row in summary_rows[1:]:
        speed = row.pages_per_second
        if anke and speed and not row.tool.startswith("ankestat"):
            print(f"ankestat is {anke / speed:.1f}× {row.tool}")
    if args.json:
        payload = {
            "machine": machine,
            "repeat": args.repeat,
            "engine_changed_during_run": engine_changed,
            "pages": pages,
            "blocks": [
                {
                    "title": title,
                    "rows": [{**asdict(r), "pages_per_second": r.pages_per_second} for r in rows],
                }
                for title, rows in blocks
            ],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
