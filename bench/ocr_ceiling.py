"""How many printed numbers OCR reads at all: the ceiling OCR sets on exact values of scans.

Draws the same scanned documents as ``bench/variants.py --scan`` (a seed, a count), reads each
only as far as the page words (the engine's reader with OCR: orientation, deskew, re-reads),
and counts, for every truth cell that prints a number, whether that number appears among the
OCR words of its page: a word, or two neighbouring words on one line ("1 278", "37,9 %").
Each OCR'd number answers at most one cell, but the match is by text only, not by place, so
the figure is an **upper bound**: a value cannot come out exact if OCR never read its digits
(unless an identity recomputes it). Printed per scan axis (kind, dpi, blur, marks, ...).
Exit code 0 always: this is a measurement.

    .venv/bin/python bench/ocr_ceiling.py [--seed S] [--count 100] [--jobs J] [--json OUT]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from multiprocessing import get_context
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.model import Word  # noqa: E402
from extract.readers import ReadOptions, reader_for  # noqa: E402
from samples.variants import truth as tr  # noqa: E402
from samples.variants.generate import families, generate_one  # noqa: E402
from samples.variants.scan import scan_document  # noqa: E402

# The digits of a printed number with its separators; a cell or word holding more than one
# such run is no single number.
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# Two words closer than this (points) in their tops are on one line.
_SAME_LINE = 4.0


def number_in(text: str) -> str | None:
    """The one number printed in ``text`` with spaces dropped ("1 278" -> "1278"), or None."""
    found = _NUMBER.findall(text.replace(" ", "").replace("\u00a0", ""))
    return found[0] if len(found) == 1 else None


def numbers_read(words: list[Word]) -> Counter[str]:
    """The numbers in a page's OCR words: each word's, and each pair of neighbours' on a line."""
    found: Counter[str] = Counter()
    for i, word in enumerate(words):
        alone = number_in(word.text)
        if alone:
            found[alone] += 1
        if i + 1 < len(words) and abs(words[i + 1].bbox[1] - word.bbox[1]) < _SAME_LINE:
            joined = number_in(word.text + words[i + 1].text)
            if joined and joined != alone:
                found[joined] += 1
    return found


def _measure(job: tuple[str, int, str]) -> dict[str, Any]:
    """Generate, scan and OCR document ``index``; per truth cell printing a number: read or not."""
    seed, index, out_dir = job
    out = Path(out_dir)
    try:
        source = generate_one(seed, index, out, ["pdf"], families(None))
        stem = source.name.rsplit(".", 1)[0]
        path = scan_document(
            source, out / f"{stem}.truth.jsonl", out / f"{stem}.layout.json", out, seed
        )
        data = path.read_bytes()
        reader = reader_for(path, data[:4096])
        document = reader.read(
            path, hashlib.sha256(data).hexdigest(), ReadOptions(ocr=True, ocr_threads=1)
        )
    except Exception as exc:  # a measurement goes on
        return {"index": index, "error": f"{type(exc).__name__}: {exc}"}
    read = {page.number: numbers_read(list(page.words)) for page in document.pages}
    cells = []
    for line in tr.read(out / f"scan-{stem}.truth.jsonl"):
        number = number_in(str(line["cell_text"])) if line["status"] == "reported" else None
        if number is None or line["expect"] == "none":
            continue
        on_page = read.get(int(line["page"]), Counter())
        hit = on_page[number] > 0
        if hit:
            on_page[number] -= 1
        cells.append({"read": hit, "axes": {k: v for k, v in line["axes"].items() if "." in k}})
    return {"index": index, "doc": path.name, "cells": cells}


def _print(results: list[dict[str, Any]]) -> dict[str, dict[str, list[int]]]:
    """Print the share read, in total and per scan axis value; return the counts."""
    table: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for result in results:
        for cell in result.get("cells", []):
            keys = [("total", "all")] + [
                (k, str(v)) for k, v in cell["axes"].items() if k.startswith("scan.")
            ]
            for axis, value in keys:
                table[axis][value][0] += int(cell["read"])
                table[axis][value][1] += 1
    for axis in sorted(table, key=lambda a: (a != "total", a)):
        print(f"\n{axis:<22} {'cells':>7} {'read':>7} {'read%':>7}")
        for value, (hit, cells) in sorted(table[axis].items(), key=lambda kv: -kv[1][1]):
            print(f"{value:<22} {cells:>7} {hit:>7} {100 * hit / cells:>7.1f}")
    return {axis: dict(values) for axis, values in table.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", help="default: a fresh random seed (printed)")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", type=Path, help="write the counts to this file")
    args = parser.parse_args(argv)
    seed = args.seed or str(random.SystemRandom().randrange(1, 10**6))
    print(f"seed {seed}: {args.count} scanned documents, numbers read by OCR, {args.jobs} jobs")
    with tempfile.TemporaryDirectory(prefix="ankestat-ceiling-") as tmp:
        jobs = [(seed, index, tmp) for index in range(args.count)]
        with get_context("spawn").Pool(args.jobs) as pool:
            results = pool.map(_measure, jobs, chunksize=1)
    for result in results:
        if "error" in result:
            print(f"document {result['index']}: {result['error']}")
    counts = _print(results)
    if args.json:
        args.json.write_text(json.dumps({"seed": seed, "counts": counts}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
