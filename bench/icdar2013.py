"""ICDAR-2013 table competition: cell-structure F1, time and peak RSS, ankestat against its peers.

In: the ICDAR-2013 competition set (``index.json``, PDFs and ``*-str.xml`` ground truth).
Out: a table of adjacency-relation precision, recall and F1 (micro-averaged over all relations;
the mean per-document F1; F1 with all whitespace removed from cell texts), seconds and peak
RSS per tool; F1 per document with ``--verbose``; every figure with ``--json OUT``. Each tool
runs over all PDFs in one fresh worker process (``--worker``); only per-file work is timed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from bench import PDFIUM, ROOT, VECTOR, _maxrss_mib, engine_stamp, machine_facts, page_count

CORPUS = ROOT.parent / "shared" / "corpus" / "icdar2013"
CellT = tuple[int, int, int, int, str]  # row0, row1, col0, col1 (inclusive), text
Unit = dict[str, Any]  # one table region on one page: {"page": int, "cells": [CellT, ...]}
Runner = Callable[[Path], list[Unit]]


# --- the tools: each returns the table regions of one PDF as cells with spans -------------


def _ankestat() -> Runner:
    """Detection + structure: every page grid of every detected table (read with PDFium)."""
    from importlib import import_module

    from extract.detect import detect_table_grids
    from extract.pipeline import read_document

    for module in (
        "extract.readers.pdf.reader",
        "extract.readers.pdf.pdfium_layer",
        "pypdfium2.raw",
    ):
        import_module(module)  # imported lazily by the reader: keep it out of the timing

    def run(path: Path) -> list[Unit]:
        units: list[Unit] = []
        for table in detect_table_grids(read_document(path)):
            for grid in table.grids:
                cells = [(c.row0, c.row1, c.col0, c.col1, c.text) for c in grid.cells if c.words]
                units.append({"page": grid.page, "cells": cells})
        return units

    return run


def _rows_cells(rows: Iterable[Sequence[str | None]]) -> list[CellT]:
    """A table given as rows of strings (None or "" = empty) as 1x1 cells."""
    return [
        (r, r, c, c, text)
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        if text and text.strip()
    ]


def _camelot(flavor: str, options: dict[str, Any]) -> Runner:
    from camelot.io import read_pdf

    def run(path: Path) -> list[Unit]:
        tables = read_pdf(str(path), pages="all", flavor=flavor, **options)
        return [{"page": int(t.page), "cells": _rows_cells(t.df.values.tolist())} for t in tables]

    return run


def _pdfplumber() -> Runner:
    import pdfplumber

    def run(path: Path) -> list[Unit]:
        with pdfplumber.open(path) as pdf:
            return [
                {"page": page.page_number, "cells": _rows_cells(rows)}
                for page in pdf.pages
                for rows in page.extract_tables()
            ]

    return run


TOOLS: dict[str, tuple[str, Callable[[], Runner]]] = {
    "ankestat": ("ankestat (detect)", _ankestat),
    "camelot-lattice": ("camelot lattice", partial(_camelot, "lattice", PDFIUM)),
    "camelot-lattice-vector": ("camelot lattice vector", partial(_camelot, "lattice", VECTOR)),
    "camelot-stream": ("camelot stream", partial(_camelot, "stream", {})),
    "camelot-network": ("camelot network", partial(_camelot, "network", {})),
    "camelot-hybrid": ("camelot hybrid", partial(_camelot, "hybrid", PDFIUM)),
    "camelot-hybrid-vector": ("camelot hybrid vector", partial(_camelot, "hybrid", VECTOR)),
    "camelot-auto": ("camelot auto", partial(_camelot, "auto", {})),
    "pdfplumber": ("pdfplumber", _pdfplumber),
}


def worker(key: str, files: list[Path], out: Path) -> None:
    """Run one tool over files in this process; write its tables, times and peak RSS as JSON."""
    warnings.simplefilter("ignore")  # camelot warns on every page without a table
    started = time.perf_counter()
    run = TOOLS[key][1]()
    imported = time.perf_counter()
    results: dict[str, Any] = {}
    for path in files:
        begin = time.perf_counter()
        try:
            results[path.name] = {"units": run(path), "error": None}
        except Exception as exc:
            results[path.name] = {"units": [], "error": f"{type(exc).__name__}: {exc}"}
        results[path.name]["seconds"] = time.perf_counter() - begin
    payload = {"import_seconds": imported - started, "peak_rss_mib": _maxrss_mib()}
    out.write_text(json.dumps(payload | {"files": results}))


# --- ground truth and the adjacency-relation metric --------------------------------------


def norm(text: str, squash: bool = False) -> str:
    """Cell text for comparison: NFKC, whitespace collapsed to one space (squash: removed)."""
    return ("" if squash else " ").join(unicodedata.normalize("NFKC", text).split())


def relations(cells: Sequence[CellT], squash: bool = False) -> Counter[tuple[str, str, str]]:
    """Adjacency relations of one table region: each non-empty cell with its nearest non-empty
    neighbour to the right (in every row it spans) and below (in every column it spans)."""
    texts = [norm(cell[4], squash) for cell in cells]
    slots: dict[tuple[int, int], int] = {}
    for i, (r0, r1, c0, c1, _) in enumerate(cells):
        if texts[i]:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    slots.setdefault((r, c), i)
    if not slots:
        return Counter()
    last_row = max(r for r, _ in slots)
    last_col = max(c for _, c in slots)
    pairs: set[tuple[int, int, str]] = set()
    for i, (r0, r1, c0, c1, _) in enumerate(cells):
        if not texts[i]:
            continue
        for r in range(r0, r1 + 1):
            for c in range(c1 + 1, last_col + 1):
                j = slots.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "right"))
                    break
        for c in range(c0, c1 + 1):
            for r in range(r1 + 1, last_row + 1):
                j = slots.get((r, c))
                if j is not None and j != i:
                    pairs.add((i, j, "below"))
                    break
    return Counter((texts[i], texts[j], way) for i, j, way in pairs)


@dataclass(frozen=True)
class TruthTable:
    table_id: str
    pages: frozenset[int]
    relations: Counter[tuple[str, str, str]]


def read_truth(path: Path, squash: bool = False) -> list[TruthTable]:
    """The tables of one ``*-str.xml``: relations of all its regions (pages) together."""
    tables: list[TruthTable] = []
    for table in ET.parse(path).getroot().iter("table"):
        total: Counter[tuple[str, str, str]] = Counter()
        pages: set[int] = set()
        for region in table.iter("region"):
            pages.add(int(region.get("page", "0")))
            cells: list[CellT] = []
            for cell in region.iter("cell"):
                r0, c0 = int(cell.get("start-row", "0")), int(cell.get("start-col", "0"))
                r1, c1 = int(cell.get("end-row", r0)), int(cell.get("end-col", c0))
                cells.append((r0, r1, c0, c1, cell.findtext("content") or ""))
            total += relations(cells, squash)
        tables.append(TruthTable(table.get("id", "?"), frozenset(pages), total))
    return tables


@dataclass(frozen=True)
class Score:
    correct: int
    detected: int
    truth: int
    per_table: dict[str, tuple[int, int, int]]  # truth table id -> (correct, detected, truth)

    @property
    def precision(self) -> float:
        return self.correct / self.detected if self.detected else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.truth if self.truth else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(units: Sequence[Unit], truth: Sequence[TruthTable], squash: bool = False) -> Score:
    """Match each detected region to the truth table it shares most relations with (same page
    first on a tie); regions sharing none count only against precision."""
    found = [(unit["page"], relations(unit["cells"], squash)) for unit in units]
    assigned: dict[str, Counter[tuple[str, str, str]]] = {t.table_id: Counter() for t in truth}
    for page, rels in found:
        best = max(
            truth,
            key=lambda t: (sum((rels & t.relations).values()), page in t.pages),
            default=None,
        )
        if best is not None and rels & best.relations:
            assigned[best.table_id] += rels
    per_table = {
        t.table_id: (
            sum((assigned[t.table_id] & t.relations).values()),
            sum(assigned[t.table_id].values()),
            sum(t.relations.values()),
        )
        for t in truth
    }
    correct = sum(c for c, _, _ in per_table.values())
    detected = sum(sum(rels.values()) for _, rels in found)
    return Score(correct, detected, sum(t for _, _, t in per_table.values()), per_table)


Truths = dict[str, list[tuple[str, list[TruthTable]]]]


def documents(corpus: Path, squash: bool = False) -> Truths:
    """PDF path (relative) -> its alternative truths [(gt id, tables)], from index.json."""
    index = json.loads((corpus / "index.json").read_text())
    docs: dict[str, list[tuple[str, list[TruthTable]]]] = {}
    for entry in index["documents"]:
        tables = read_truth(corpus / entry["structure_gt"], squash)
        docs.setdefault(entry["pdf"], []).append((entry["gt_id"], tables))
    return docs


def best_score(
    units: Sequence[Unit], truths: Sequence[tuple[str, list[TruthTable]]], squash: bool = False
) -> tuple[str, Score]:
    """(gt id, Score) of the alternative truth that gives the highest F1 (the first on a tie)."""
    scored = [(gt_id, score(units, tables, squash)) for gt_id, tables in truths]
    return max(scored, key=lambda item: item[1].f1)


# --- running and printing ----------------------------------------------------------------


def run_tool(key: str, files: list[Path], scratch: Path) -> dict[str, Any]:
    """One fresh worker process for the tool over all files; its JSON result."""
    out = scratch / f"{key}.json"
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", key, "--out", str(out)]
    done = subprocess.run(
        [*command, "--files", *map(str, files)], capture_output=True, text=True, cwd=ROOT
    )
    if done.returncode != 0 or not out.exists():
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        error = f"worker exit {done.returncode}: {tail}"
        failed = {f.name: {"units": [], "error": error, "seconds": 0.0} for f in files}
        return {"import_seconds": 0.0, "peak_rss_mib": 0.0, "files": failed}
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def evaluate(key: str, raw: dict[str, Any], docs: Truths, squash: bool = False) -> dict[str, Any]:
    """Per-document and overall figures of one tool's raw worker output."""
    per_doc: dict[str, Any] = {}
    for pdf, truths in docs.items():
        result = raw["files"][Path(pdf).name]
        gt_id, best = best_score(result["units"], truths, squash)
        per_doc[Path(pdf).stem] = {
            "truth_used": gt_id,
            "precision": best.precision,
            "recall": best.recall,
            "f1": best.f1,
            "correct": best.correct,
            "detected": best.detected,
            "truth": best.truth,
            "tables_found": len(result["units"]),
            "tables_truth": len(best.per_table),
            "per_table": best.per_table,
            "seconds": result["seconds"],
            "error": result["error"],
        }
    total = Score(
        sum(d["correct"] for d in per_doc.values()),
        sum(d["detected"] for d in per_doc.values()),
        sum(d["truth"] for d in per_doc.values()),
        {},
    )
    return {
        "tool": TOOLS[key][0],
        "precision": total.precision,
        "recall": total.recall,
        "f1": total.f1,
        "mean_document_f1": sum(d["f1"] for d in per_doc.values()) / len(per_doc),
        "correct": total.correct,
        "detected": total.detected,
        "truth": total.truth,
        "seconds": sum(d["seconds"] for d in per_doc.values()),
        "import_seconds": raw["import_seconds"],
        "peak_rss_mib": raw["peak_rss_mib"],
        "failed_files": {name: d["error"] for name, d in per_doc.items() if d["error"]},
        "documents": per_doc,
    }


def print_summary(rows: Sequence[dict[str, Any]], pages: int) -> None:
    print(
        f"\n{'tool':<24} {'F1':>6} {'prec':>6} {'recall':>6} {'doc F1':>6} {'F1 nosp':>7} "
        f"{'seconds':>8} {'pages/s':>8} {'peak MiB':>9} {'failed':>6}"
    )
    for row in rows:
        speed = pages / row["seconds"] if row["seconds"] else 0.0
        print(
            f"{row['tool']:<24} {row['f1']:>6.3f} {row['precision']:>6.3f} {row['recall']:>6.3f} "
            f"{row['mean_document_f1']:>6.3f} {row['no_space']['f1']:>7.3f} "
            f"{row['seconds']:>8.2f} {speed:>8.2f} "
            f"{row['peak_rss_mib']:>9.1f} {len(row['failed_files']):>6}"
        )
        for name, error in row["failed_files"].items():
            print(f"    ! {row['tool']} failed on {name}: {error[:160]}")


def print_documents(rows: Sequence[dict[str, Any]]) -> None:
    """Per document: truth relations, tables in truth, then each tool's F1 (tables found)."""
    names = list(rows[0]["documents"])
    print("\nF1 per document (tables found); columns: ", end="")
    print(", ".join(f"[{i}] {row['tool']}" for i, row in enumerate(rows, start=1)))
    heads = " ".join(f"{f'[{i}]':>14}" for i in range(1, len(rows) + 1))
    print(f"{'document':<9} {'rels':>5} {'tabs':>4} {heads}")
    for name in names:
        first = rows[0]["documents"][name]
        cells = " ".join(
            f"{row['documents'][name]['f1']:>8.3f} ({row['documents'][name]['tables_found']:>3})"
            for row in rows
        )
        print(f"{name:<9} {first['truth']:>5} {first['tables_truth']:>4} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--tools", nargs="+", choices=list(TOOLS), default=list(TOOLS))
    parser.add_argument("--verbose", action="store_true", help="F1 per document and tool")
    parser.add_argument("--json", type=Path, help="write every figure here")
    parser.add_argument("--worker", choices=list(TOOLS), help=argparse.SUPPRESS)
    parser.add_argument("--files", nargs="+", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.files, args.out)
        return 0
    if not (args.corpus / "index.json").is_file():
        parser.error(f"--corpus {args.corpus}: no index.json there")
    docs, docs_squashed = documents(args.corpus), documents(args.corpus, squash=True)
    files = [args.corpus / pdf for pdf in docs]
    pages = sum(page_count(f) for f in files)
    n_truth = sum(len(truths[0][1]) for truths in docs.values())
    machine = machine_facts("camelot-py", "pdfplumber", "pypdfium2")
    print("machine: " + ", ".join(f"{k}={v}" for k, v in machine.items()))
    print(f"{len(files)} PDFs, {pages} pages, {n_truth} truth tables; one fresh process per tool")
    print("F1/prec/recall: micro-averaged over all adjacency relations; doc F1: mean per PDF;")
    print("F1 nosp: the same with all whitespace removed from cell texts (not just collapsed)")
    stamp = engine_stamp()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="ankestat-icdar-") as scratch:
        for key in args.tools:
            print(f"  running {TOOLS[key][0]} ...", flush=True)
            raw = run_tool(key, files, Path(scratch))
            row = evaluate(key, raw, docs)
            squashed = evaluate(key, raw, docs_squashed, squash=True)
            row["no_space"] = {k: squashed[k] for k in ("precision", "recall", "f1")}
            rows.append(row)
    engine_changed = engine_stamp() != stamp
    print_summary(rows, pages)
    if args.verbose:
        print_documents(rows)
    if engine_changed:
        print("\n! extract/ or rules/ changed during this run: ankestat figures may mix versions")
    if args.json:
        payload = {"machine": machine, "pages": pages, "engine_changed_during_run": engine_changed}
        args.json.write_text(json.dumps(payload | {"tools": rows}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
