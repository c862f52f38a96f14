"""Throughput and peak memory on a large talportal-like export: ankestat against pandas.

In: nothing (``--rows`` N, default 50,000; ``--measures`` M, default 6; ``--years`` Y,
default 2). The script builds, in a temporary folder, one talportal-like export (Instans,
Sagsemne, then M measures x Y years under a two-row header, ";" and decimal commas,
Windows-1252) as csv and as xlsx (openpyxl, measures merged over their years). ``--rows
300000 --measures 4 --years 1`` is the export of 1.2 million values whose peak memory
issue 13 bounds. Out: a printed table of seconds, cells/s and peak RSS per tool and file, and
ankestat's speed as a fraction of a plain pandas read of the same file, plus an optional JSON
dump.

Tools, each run in a fresh process (this script with ``--worker``), best of ``--repeat``:
- ``ankestat-read``: the reader only (``read_document``: file -> sheet cells);
- ``ankestat-extract``: everything, as ``ankestat extract FILE --out DIR`` runs it (read,
  detect, rules, normalise, checks, records spooled, records.jsonl/csv and report written);
- ``pandas``: ``pd.read_csv(sep=";", decimal=",", encoding="cp1252", header=[0, 1])`` and
  ``pd.read_excel(engine="openpyxl", header=[0, 1])``;
- ``write-floor``: as many bytes as ``ankestat-extract`` wrote (records, figures, report),
  written from memory in 1 MiB pieces to a file in the temporary folder: the least time any
  tool writing those outputs needs on this machine, so its cells/s bounds extract's.
CPU seconds of the timed part (user + system, the process and its children) are printed
beside wall seconds.
Cells are the file's cells (rows x columns, header included), the same figure for every tool.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MEASURES = (
    "Realitetsbehandlede sager i alt",
    "Stadfæstede sager",
    "Ændrede/ophævede sager",
    "Hjemviste sager",
    "Afviste sager",
    "Omgørelsesprocent",
)
YEARS = (2023, 2024)
TOOLS = ("ankestat-read", "ankestat-extract", "pandas")
CHUNK = b"x" * (1 << 20)


def _rows(
    n_rows: int, n_measures: int = len(MEASURES), n_years: int = len(YEARS)
) -> list[list[Any]]:
    """Header rows and ``n_rows`` data rows; counts add up, percentages match them."""
    sys.path.insert(0, str(ROOT))
    from extract.normalise.reference_files import load_reference

    names = [m.name for m in load_reference(ROOT / "rules" / "reference").municipalities]
    instanser = [*names, "Hele landet"]
    per_instans = -(-n_rows // len(instanser))
    rng = random.Random(2024)
    measures, years = MEASURES[:n_measures], YEARS[:n_years]
    header1: list[Any] = ["Instans", "Sagsemne"]
    header2: list[Any] = [None, None]
    for measure in measures:
        header1 += [measure] + [None] * (len(years) - 1)
        header2 += list(years)
    # the title names the law area of the sagsemner (their provisions)
    rows: list[list[Any]] = [["Ankestyrelsens talportal – Serviceloven"], header1, header2]
    for i in range(n_rows):
        k = (
            i % per_instans + 1
        )  # (a paragraph number as long as the row number would read as a value)
        row: list[Any] = [instanser[i // per_instans], f"Sagsemne {k} - § {k}"]
        by_year = []
        for _ in years:
            kept, changed, sent_back = rng.randint(0, 60), rng.randint(0, 9), rng.randint(0, 20)
            total = kept + changed + sent_back
            rate = round(100 * (changed + sent_back) / total, 1) if total else None
            by_year.append((total, kept, changed, sent_back, rng.randint(0, 9), rate))
        for m in range(len(measures)):
            row += [year[m] if year[m] is not None else "." for year in by_year]
        rows.append(row)
    return rows


def build_csv(rows: list[list[Any]], path: Path) -> None:
    def text(value: Any) -> str:
        if value is None:
            return ""
        return f"{value:.1f}".replace(".", ",") if isinstance(value, float) else str(value)

    lines = (";".join(text(v) for v in row) for row in rows)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def build_xlsx(rows: list[list[Any]], path: Path, n_years: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("A2:A3")  # under the title row
    sheet.merge_cells("B2:B3")
    for first in range(3, len(rows[1]) + 1, n_years) if n_years > 1 else ():
        sheet.merge_cells(start_row=2, start_column=first, end_row=2, end_column=first + 1)
    workbook.save(path)


def worker(tool: str, path: Path) -> dict[str, Any]:
    """Run one tool on one file in this process; return seconds, peak RSS and a count."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from extract.cli import main as ankestat
    from extract.pipeline import read_document

    if path.suffix == ".xlsx":
        import openpyxl  # noqa: F401  (imported before timing, like the csv module)
    started, cpu_started = time.perf_counter(), _cpu()
    if tool == "write-floor":
        with tempfile.NamedTemporaryFile() as sink:
            for _ in range(int(path.name) // len(CHUNK)):
                sink.write(CHUNK)
            sink.flush()
        seconds = time.perf_counter() - started
        return {"seconds": seconds, "cpu": _cpu() - cpu_started, "peak_rss_mib": 0, "count": 0}
    written = 0
    if tool == "ankestat-read":
        document = read_document(path)
        count = sum(len(row) for page in document.pages if page.sheet for row in page.sheet.rows)
    elif tool == "ankestat-extract":
        with tempfile.TemporaryDirectory() as out:
            code = ankestat(["extract", str(path), "--out", out, "--quiet"])
            report = json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
            written = sum(f.stat().st_size for f in Path(out).iterdir() if f.is_file())
        (file,) = report["files"]
        assert code == 0 and file["status"] == "ok", (code, file["status"], file["error"])
        count = file["records"]
    elif path.suffix == ".csv":
        frame = pd.read_csv(
            path, sep=";", decimal=",", encoding="cp1252", header=[0, 1], skiprows=1
        )
        count = frame.size
    else:
        frame = pd.read_excel(path, engine="openpyxl", header=[0, 1], skiprows=1)
        count = frame.size
    seconds = time.perf_counter() - started
    # ``extract`` reads each file in a child process (its memory and time limits): the
    # peak is the larger of this process and its largest child
    peak = (
        max(
            resource.getrusage(who).ru_maxrss
            for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
        )
        / 1024
    )
    cpu = _cpu() - cpu_started
    return {"seconds": seconds, "cpu": cpu, "peak_rss_mib": peak, "count": count,
            "written": written}  # fmt: skip


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children so far."""
    usages = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(usage.ru_utime + usage.ru_stime for usage in usages)


def _run(tool: str, path: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", tool, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--measures", type=int, default=len(MEASURES), choices=range(1, 7))
    parser.add_argument("--years", type=int, default=len(YEARS), choices=(1, 2))
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--formats", nargs="+", default=["csv", "xlsx"])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], Path(args.worker[1]))))
        return 0
    if args.build:
        rows = _rows(args.rows, args.measures, args.years)
        if args.build.suffix == ".csv":
            build_csv(rows, args.build)
        else:
            build_xlsx(rows, args.build, args.years)
        return 0
    cells = (args.rows + 2) * (2 + args.measures * args.years)
    figures: list[dict[str, Any]] = []
    print(f"python {platform.python_version()}, {args.rows:,} data rows, {cells:,} cells per file")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in args.formats:
            path = Path(tmp) / f"talportal-bench.{fmt}"
            # built in a process of its own: a worker started from a process that held the
            # rows would inherit its peak memory (Linux keeps it across fork and exec)
            sizes = ["--rows", str(args.rows), "--measures", str(args.measures)]
            sizes += ["--years", str(args.years)]
            subprocess.run([sys.executable, __file__, "--build", str(path), *sizes], check=True)
            size = path.stat().st_size
            written = 0
            for tool in (*TOOLS, "write-floor"):
                target = Path(str(written)) if tool == "write-floor" else path
                runs = [_run(tool, target) for _ in range(args.repeat)]
                written = max(written, *(r.get("written", 0) for r in runs))
                best = min(r["seconds"] for r in runs)
                figures.append(
                    {
                        "format": fmt,
                        "bytes": size,
                        "tool": tool,
                        "seconds": best,
                        "cpu": min(r.get("cpu", 0.0) for r in runs),
                        "written": runs[0].get("written", 0),
                        "cells_per_s": cells / best,
                        "peak_rss_mib": max(r["peak_rss_mib"] for r in runs),
                        "count": runs[0]["count"],
                    }
                )
    print(f"{'file':6} {'tool':18} {'seconds':>8} {'cpu s':>7} {'cells/s':>11} {'peak MiB':>9} "
          f"{'vs pandas':>9} {'count':>9} {'MB out':>7}")  # fmt: skip
    for fig in figures:
        pandas = next(f for f in figures if f["format"] == fig["format"] and f["tool"] == "pandas")
        ratio = pandas["seconds"] / fig["seconds"]
        fig["speed_vs_pandas"] = ratio
        print(
            f"{fig['format']:6} {fig['tool']:18} {fig['seconds']:8.2f} {fig['cpu']:7.2f} "
            f"{fig['cells_per_s']:11,.0f} {fig['peak_rss_mib']:9.0f} {ratio:9.2f} "
            f"{fig['count']:9,} {fig['written'] / 1e6:7.0f}"
        )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
