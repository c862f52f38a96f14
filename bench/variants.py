"""Score the engine on layout variants nobody tuned for: exact / wrong / missing per cell.

Generates N documents with ``samples/variants`` (PDF, xlsx, csv; layouts drawn at random
along many axes, exact truth per printed value cell), runs the engine on each
(``extract.pipeline.process_file`` in worker processes), and scores every truth cell by
location (see ``samples/variants/score.py``). Prints totals and breakdowns per format, family
and axis value, and the worst documents; keeps the failing documents with their truth, the
engine's records and its report. Exit code 0 always: this is a measurement.

``--scan``: fresh PDF variants only, each scanned as an office scanner, phone or fax would
(``samples/variants/scan.py``: 200/300 dpi, image-only JPEG PDF or 1-bit fax TIFF, skew,
grain, blur, paper, light, stamps and pen marks, now and then a page upside down or on its
side), read by the engine with OCR (one OCR thread per worker), and scored against the truth
moved with the page. Formats read "scan-pdf"/"scan-tiff", axes ``scan.*``. OCR costs about
3-5 s a page: 100 documents (the default count with ``--scan``) take some 10-20 minutes on
2 cores.

    .venv/bin/python bench/variants.py [--seed S] [--count 300] [--formats pdf,xlsx,csv]
                                       [--scan] [--jobs J] [--keep DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import engine_stamp, machine_facts  # noqa: E402
from extract.readers import ReadOptions  # noqa: E402
from samples.variants import score as sc  # noqa: E402
from samples.variants import truth as tr  # noqa: E402
from samples.variants.generate import FORMATS, families, generate_one  # noqa: E402
from samples.variants.scan import scan_document  # noqa: E402

Row = dict[str, Any]
_STATE: dict[str, Any] = {}


def _init(
    out: str, seed: str, formats: list[str], names: list[str] | None, scan: bool = False
) -> None:
    """Worker set-up: the rulebook and the family pool, once per process."""
    from extract.interpret.rulebook import load_rulebook

    _STATE.update(
        rulebook=load_rulebook(ROOT / "rules"),
        pool=families(names),
        out=Path(out),
        seed=seed,
        formats=formats,
        scan=scan,
    )


def _work(index: int) -> Row:
    """Generate document ``index`` (with ``--scan``: and scan it) and run the engine on it (an
    engine crash is a failed file, not a crashed bench)."""
    out: Path = _STATE["out"]
    t0 = time.perf_counter()
    source, scan_s = None, 0.0
    try:
        path = generate_one(_STATE["seed"], index, out, _STATE["formats"], _STATE["pool"])
        if _STATE["scan"]:
            source, stem = path, path.name.rsplit(".", 1)[0]
            t_scan = time.perf_counter()
            truth, layout = out / f"{stem}.truth.jsonl", out / f"{stem}.layout.json"
            path = scan_document(path, truth, layout, out, _STATE["seed"])
            scan_s = time.perf_counter() - t_scan
    except Exception as exc:  # a generator bug must not hide the other documents
        return {"index": index, "error": f"{type(exc).__name__}: {exc}"}
    t1 = time.perf_counter()
    try:
        # scans: OCR asked for explicitly, one OCR thread (the workers run side by side)
        options = ReadOptions(ocr=True, ocr_threads=1) if _STATE["scan"] else None
        records, findings, failed = sc.engine_rows(path, _STATE["rulebook"], options)
    except Exception as exc:  # a measurement goes on
        message = f"engine raised {type(exc).__name__}: {exc}"
        records, findings, failed = (
            [],
            [
                {
                    "code": "crash",
                    "severity": "error",
                    "page": None,
                    "table_id": None,
                    "message": message,
                }
            ],
            True,
        )
    t2 = time.perf_counter()
    stem = path.name.rsplit(".", 1)[0]
    layout = json.loads((out / f"{stem}.layout.json").read_text(encoding="utf-8"))
    return {
        "index": index,
        "path": str(path),
        "source": None if source is None else str(source),
        "stem": stem,
        "layout": layout,
        "records": records,
        "findings": findings,
        "failed": failed,
        "gen_s": t1 - t0 - scan_s,
        "scan_s": scan_s,
        "engine_s": t2 - t1,
    }


def _line(name: str, c: sc.Counts, width: int) -> str:
    return (
        f"{name:<{width}} {c.cells:>7} {c.exact:>7} {c.wrong_flagged:>8} {c.wrong_silent:>8} "
        f"{c.missing_reported:>8} {c.missing_unreported:>9} {c.extra_flagged:>7} "
        f"{c.extra_silent:>7} {c.exact_pct:>7.1f}"
    )


def _table(title: str, rows: dict[str, sc.Counts]) -> None:
    width = max([len(k) for k in rows] + [len(title), 12])
    print(
        f"\n{title:<{width}} {'cells':>7} {'exact':>7} {'wrong-fl':>8} {'wrong-si':>8} "
        f"{'miss-rep':>8} {'miss-unre':>9} {'xtra-fl':>7} {'xtra-si':>7} {'exact%':>7}"
    )
    for name in sorted(rows, key=lambda k: (-rows[k].cells, k)):
        print(_line(name, rows[name], width))


def _keep(keep: Path, run: Row, scored: sc.Scored, truth_path: Path) -> None:
    """Copy a failing document with its truth, layout, the engine's records and report."""
    keep.mkdir(parents=True, exist_ok=True)
    path = Path(run["path"])
    source = [Path(run["source"])] if run.get("source") else []  # the PDF that was scanned
    for src in (path, truth_path, path.parent / f"{run['stem']}.layout.json", *source):
        shutil.copy2(src, keep / src.name)
    with (keep / f"{run['stem']}.records.jsonl").open("w", encoding="utf-8") as fh:
        for rec in run["records"]:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    outcome = [
        {
            "cell_ref": t["cell_ref"],
            "page": t["page"],
            "bbox": t["bbox"],
            "cell_text": t["cell_text"],
            "outcome": cat,
            "record": None
            if rec is None
            else {k: rec.get(k) for k in (*sc.KEY, "value", "status", "flags")},
        }
        for t, cat, rec in scored.lines
        if cat != "exact"
    ]
    report = {
        "failed": run["failed"],
        "findings": run["findings"],
        "counts": scored.counts.as_dict(),
        "not_exact": outcome,
        "unlocated_records": len(scored.unlocated),
    }
    (keep / f"{run['stem']}.report.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def _parts(scored: Sequence[tuple[Row, sc.Scored, Path]]) -> dict[str, dict[str, sc.Counts]]:
    """``score.breakdown`` with the format row named by each document's layout ("scan-pdf",
    "scan-tiff"; the truth lines of a scan say "pdf": they are found by page and box)."""
    out: dict[str, dict[str, sc.Counts]] = defaultdict(lambda: defaultdict(sc.Counts))
    for run, s, _ in scored:
        for axis, values in sc.breakdown([s]).items():
            for value, c in values.items():
                name = run["layout"]["format"] if axis == "format" and value == "pdf" else value
                out[axis][name].add(c)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seed", help="default: a fresh random seed (printed)")
    parser.add_argument("--count", type=int, help="default 300; 100 with --scan")
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--scan", action="store_true", help="scanned PDF variants, read by OCR")
    parser.add_argument("--families", default="", help="comma-separated family names")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--keep", type=Path, help="default bench/out/variants/<seed>/ (scan-<seed>/ with --scan)"
    )
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args(argv)
    seed = args.seed or str(random.SystemRandom().randrange(1, 10**6))
    formats = ["pdf"] if args.scan else [f for f in args.formats.split(",") if f]
    names = [f for f in args.families.split(",") if f] or None
    args.count = args.count or (100 if args.scan else 300)
    keep = args.keep or ROOT / "bench" / "out" / "variants" / (
        f"scan-{seed}" if args.scan else seed
    )
    scanned = ", scanned, read with OCR" if args.scan else ""
    print(
        f"seed {seed}: {args.count} documents, formats {','.join(formats)}{scanned}, "
        f"{args.jobs} jobs"
    )
    stamp = engine_stamp()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix=f"variants-{seed}-"))
    try:
        ctx = get_context("fork")
        with ctx.Pool(args.jobs, _init, (str(work), seed, formats, names, args.scan)) as pool:
            results = list(pool.imap(_work, range(args.count), chunksize=1))
        errors = [r for r in results if "error" in r]
        runs = [r for r in results if "error" not in r]
        wall = time.perf_counter() - started
        t0 = time.perf_counter()
        scored: list[tuple[Row, sc.Scored, Path]] = []
        total = sc.Counts()
        n_none = 0
        for run in runs:
            truth_path = Path(run["path"]).parent / f"{run['stem']}.truth.jsonl"
            lines = tr.read(truth_path)
            n_none += sum(1 for t in lines if t["expect"] == "none")
            sheets = run["layout"].get("sheets") or [None]
            s = sc.score_doc(
                Path(run["path"]).name,
                lines,
                run["records"],
                run["findings"],
                sheets,
                run["failed"],
            )
            total.add(s.counts)
            scored.append((run, s, truth_path))
        parts = _parts(scored)
        score_s = time.perf_counter() - t0
        kept = 0
        if keep.exists():
            shutil.rmtree(keep)
        for run, s, truth_path in scored:
            c = s.counts
            if c.exact < c.cells or c.extra:
                _keep(keep, run, s, truth_path)
                kept += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    gen_s = sum(r["gen_s"] for r in runs)
    scan_s = sum(r["scan_s"] for r in runs)
    eng_s = sum(r["engine_s"] for r in runs)
    by_fmt: dict[str, int] = {}
    for r in runs:
        by_fmt[r["layout"]["format"]] = by_fmt.get(r["layout"]["format"], 0) + 1
    print(
        f"documents: {', '.join(f'{k} {v}' for k, v in sorted(by_fmt.items()))}; "
        f"truth cells expecting a record: {total.cells}, expecting none: "
        f"{n_none}"
    )
    n_runs = max(1, len(runs))
    scanning = f"scanning {scan_s:.1f} s ({scan_s / n_runs:.2f} s/doc), " if args.scan else ""
    print(
        f"time: generation {gen_s:.1f} s ({gen_s / max(1, len(runs)):.3f} s/doc), {scanning}"
        f"engine {eng_s:.1f} s ({eng_s / max(1, len(runs)):.3f} s/doc), scoring {score_s:.1f} s, "
        f"wall {wall + score_s:.1f} s with {args.jobs} jobs"
    )
    for e in errors:
        print(f"GENERATOR ERROR at index {e['index']}: {e['error']}")
    if engine_stamp() != stamp:
        print("WARNING: files under extract/ or rules/ changed during the run")
    print("\n== totals ==")
    print(f"exact           {total.exact:>7}  ({total.exact_pct:.1f} % of {total.cells})")
    print(f"wrong, flagged  {total.wrong_flagged:>7}")
    print(
        f"wrong, silent   {total.wrong_silent:>7}  (+ {total.extra_silent} silent extras = "
        f"{total.wrong_silent + total.extra_silent})"
    )
    print(
        f"missing         {total.missing:>7}  (reported {total.missing_reported}, unreported "
        f"{total.missing_unreported}; {total.missing_listed_info} of these on a page or sheet "
        "the report names only at severity info, e.g. unmapped_table)"
    )
    print(
        f"extra           {total.extra:>7}  (flagged {total.extra_flagged}, silent "
        f"{total.extra_silent})"
    )
    print("\n(extras at no truth cell count in the format rows only)")
    _table("format", parts.pop("format"))
    _table("family", parts.pop("family"))
    print("\n== per axis value ==")
    for axis in sorted(parts):
        _table(axis, parts[axis])
    worst = sorted(
        scored, key=lambda x: (x[1].counts.exact_pct, -x[1].counts.extra, -x[1].counts.cells)
    )[: args.worst]
    print(f"\n== worst {len(worst)} documents (kept in {keep}, {kept} failing kept) ==")
    for run, s, _ in worst:
        c = s.counts
        fams = ",".join(t["family"] for t in run["layout"]["tables"])
        print(
            f"{run['stem']:<15} {run['layout']['format']:<9} {fams:<28} exact {c.exact}/{c.cells}"
            f" wrong {c.wrong_flagged + c.wrong_silent} missing {c.missing} extra {c.extra}"
            f"  (seed {seed}, index {run['index']})"
        )
    if args.json:
        figures = {
            "seed": seed,
            "count": args.count,
            "formats": formats,
            "scan": args.scan,
            "jobs": args.jobs,
            "machine": machine_facts(
                "reportlab", "openpyxl", *(("Pillow", "pypdfium2") if args.scan else ())
            ),
            "seconds": {
                "generation": gen_s,
                "scanning": scan_s,
                "engine": eng_s,
                "scoring": score_s,
                "wall": wall + score_s,
            },
            "totals": total.as_dict(),
            "breakdown": {
                a: {v: c.as_dict() for v, c in vals.items()} for a, vals in _parts(scored).items()
            },
            "documents": [
                {"stem": r["stem"], "index": r["index"], **s.counts.as_dict()} for r, s, _ in scored
            ],
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
