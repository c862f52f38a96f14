"""CLI: ``python -m samples.variants --seed N --count K --out DIR [--formats ...]``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from samples.variants.generate import FORMATS, generate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m samples.variants", description=__doc__)
    parser.add_argument(
        "--seed", required=True, help="any text; the same seed gives the same files"
    )
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--start", type=int, default=0, help="index of the first document")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument(
        "--formats", default=",".join(FORMATS), help="comma-separated: pdf,xlsx,csv"
    )
    parser.add_argument("--families", default="", help="comma-separated family names (default all)")
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    unknown = set(formats) - set(FORMATS)
    if unknown:
        parser.error(f"unknown formats {sorted(unknown)} (choose from {', '.join(FORMATS)})")
    names = [f for f in args.families.split(",") if f] or None
    started = time.perf_counter()
    paths = generate(args.seed, args.count, args.out, formats, names, args.start)
    took = time.perf_counter() - started
    print(f"{len(paths)} documents in {args.out} ({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
