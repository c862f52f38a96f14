"""Danish documents: hand-checked values found under their row and header, and false tables.

In: ``../shared/corpus/danish/`` (its PDFs and ``truth/*.jsonl``). Out: printed figures, per
PDF backend:

- for each truth file, how many of its values are a cell of a detected table on their page
  ("found"), and how many sit under their printed row label and printed header path
  ("under row+header": the truth's ``row`` and ``col``, the table's ``column_label``, both
  compared through a normal form: casefolded, whitespace collapsed, line-break hyphens
  joined); ``--misses`` lists the values not under their row and header;
- every table detected in every PDF of the corpus with its pages, detector, size and first
  row, judged against the tables seen on the rendered pages (``REAL``: the tables printed
  there, the first row label they start with, the pages they cover and their number of body
  rows; ``FALSE``: pages where a table was once reported on a letterhead, a table of
  contents or other non-table text). A real table is flagged when its first row is another
  (prose glued on top, a header read as a row), its pages differ (a continuation missed or
  a table glued to the next), its number of rows differs (a wrapped row split) or it has
  empty padding columns. A table on a page of neither list is "unreviewed". Real tables
  that were not found are listed as missed.

Detection runs in process through ``extract.detect`` (what ``ankestat tables FILE`` prints).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.model import TableCandidate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "danish"
BACKENDS = ("pdfium", "pdfplumber")


@dataclass(frozen=True, slots=True)
class Printed:
    """A table as printed: its body's first row label (None for a table of text alone, which
    detection need not find), the pages it covers and its number of body rows."""

    first: str | None
    pages: tuple[int, ...]
    rows: int


# The tables printed in the corpus, seen on the rendered pages, by (file, first page).
REAL: dict[tuple[str, int], Printed] = {
    ("lyngby-taarbaek-stoejhandlingsplan-2024-hoering.pdf", 3): Printed("Boliger", (3,), 2),
    ("lyngby-taarbaek-stoejhandlingsplan-2024-hoering.pdf", 4): Printed("2017", (4,), 3),
    ("lyngby-taarbaek-stoejhandlingsplan-2024-hoering.pdf", 5): Printed(
        "Kongevejen (Virumvej – kommunegrænsen) Vejens østside ud for Birkevang Nord", (5,), 6
    ),
    ("aarhus-ramboell-notat-stoejtiltag-2023.pdf", 2): Printed(None, (2, 3), 4),  # text only
    ("aarhus-ramboell-notat-stoejtiltag-2023.pdf", 4): Printed("Støjvolde", (4,), 7),
    ("aarhus-vvm-tilladelse-bering-beder-2018.pdf", 3): Printed("Oddervej – Tandervej", (3,), 4),
    ("aarhus-vvm-tilladelse-bering-beder-2018.pdf", 5): Printed("Oddervej–Tandervej", (5,), 9),
    ("ballerup-sfu-referat-2012-12-04.pdf", 11): Printed(
        "Forløbsprogrammer (patientuddannelse, træning samt koordination i forhold til KOL, "
        "diabetes, hjerte-kar-sygdomme, lænde-ryglidelser samt kræft)",
        (11, 12),
        8,
    ),
    ("dagsbil_sager_paa_vej_sundhed_og_omsorg_2025.pdf", 1): Printed(None, (1, 2, 3, 4), 87),
}
# Pages where no table is printed but one was reported, and what is there.
FALSE: dict[tuple[str, int], str] = {
    ("aarhus-vvm-tilladelse-bering-beder-2018.pdf", 1): "letterhead: address, phone numbers",
    ("aarhus-ramboell-notat-stoejtiltag-2023.pdf", 1): "cover: document facts, contents",
    ("ballerup-sfu-referat-2012-12-04.pdf", 2): "table of contents",
}

_BROKEN = re.compile(r"(?<=\w)-\s+(?=\w)")


def norm(text: str) -> str:
    """The compared form: casefolded, whitespace collapsed, line-break hyphens joined."""
    return _BROKEN.sub("", " ".join(text.casefold().split()))


@dataclass(frozen=True, slots=True)
class Value:
    """One cell of a detected table: page, row label, header path and text, normalised."""

    page: int | None
    row: str
    col: str
    text: str


def _values(tables: Sequence[TableCandidate]) -> list[Value]:
    out: list[Value] = []
    for table in tables:
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                if cell is not None:
                    col = norm(table.column_label(index))
                    out.append(Value(cell.page, norm(row.label), col, norm(cell.text)))
    return out


def _score(truth: Path, values: Sequence[Value], misses: bool) -> tuple[int, int, int]:
    """(truth values, found on their page, found under their row and header)."""
    found = under = total = 0
    for line in truth.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        total += 1
        text, page = norm(str(item["text"])), int(item["page"])
        here = [v for v in values if v.page == page and v.text == text]
        found += bool(here)
        hit = any(v.row == norm(item["row"]) and v.col == norm(item["col"]) for v in here)
        under += hit
        if misses and not hit:
            seen = "; ".join(f"{v.row!r} / {v.col!r}" for v in here) or "not found"
            print(f"    miss p{page} {item['row']!r} / {item['col']!r} = {item['text']!r}: {seen}")
    return total, found, under


def _verdict(table: TableCandidate, name: str, seen: set[tuple[str, int]]) -> str:
    """How a detected table compares with the tables seen on the pages."""
    page = table.pages[0] if table.pages else 0
    key = (name, page)
    if key in FALSE:
        return f"FALSE ({FALSE[key]})"
    if key not in REAL:
        return "unreviewed"
    if key in seen:
        return "FALSE (a second table on this page)"
    seen.add(key)
    printed = REAL[key]
    first = table.rows[0].label if table.rows else ""
    faults = []
    if printed.first is not None and norm(first) != norm(printed.first):
        faults.append(f"first row is not {printed.first[:30]!r}")
    if table.pages != printed.pages:
        faults.append(f"pages {list(table.pages)}, printed over {list(printed.pages)}")
    if len(table.rows) != printed.rows:
        faults.append(f"{len(table.rows)} rows, {printed.rows} printed")
    empty = sum(
        1
        for i, path in enumerate(table.column_headers)
        if not any(path) and all(row.cells[i] is None for row in table.rows)
    )
    if empty:
        faults.append(f"{empty} empty columns")
    return "real" + (f", but {'; '.join(faults)}" if faults else "")


def run(backend: str, misses: bool) -> dict[str, int]:
    """Print the figures for one backend; return its counts."""
    from extract.detect import detect_tables
    from extract.pipeline import read_document
    from extract.readers import ReadOptions

    options = ReadOptions(pdf_backend=backend)
    counts = dict.fromkeys(
        ("values", "found", "under", "false", "missed", "faults", "unreviewed"), 0
    )
    print(f"== backend {backend} ==")
    detected = {
        path.name: detect_tables(read_document(path, options))
        for path in sorted(CORPUS.rglob("*.pdf"))
    }
    print("truth values (found on their page / under their row label and header path)")
    for truth in sorted((CORPUS / "truth").glob("*.jsonl")):
        name = f"{truth.stem}.pdf"
        total, found, under = _score(truth, _values(detected.get(name, [])), misses)
        counts["values"] += total
        counts["found"] += found
        counts["under"] += under
        print(f"  {name:55s} {total:3d} values  found {found:3d}  under row+header {under:3d}")
    print(
        f"  {'all':55s} {counts['values']:3d} values  found {counts['found']:3d}"
        f"  under row+header {counts['under']:3d}"
    )
    print("tables found (pages, detector, rows x value columns, first row)")
    for name, tables in detected.items():
        seen: set[tuple[str, int]] = set()
        print(f"  {name}")
        for table in tables:
            verdict = _verdict(table, name, seen)
            counts["false"] += verdict.startswith("FALSE")
            counts["unreviewed"] += verdict == "unreviewed"
            counts["faults"] += ", but " in verdict
            pages = "-".join(str(p) for p in sorted({table.pages[0], table.pages[-1]}))
            size = f"{len(table.rows)}x{len(table.column_headers)}"
            first = table.rows[0].label if table.rows else ""
            print(f"    p{pages:5s} {table.detector:10s} {size:6s} {first[:44]!r:47s} {verdict}")
        for (file, page), printed in REAL.items():
            if file == name and (file, page) not in seen:
                counts["missed"] += printed.first is not None
                kind = "MISSED" if printed.first is not None else "missed (text-only table)"
                print(f"    p{page:<5d} {kind}")
    print(
        f"false tables {counts['false']}, real tables with values missed {counts['missed']}, "
        f"real tables read with faults {counts['faults']}, unreviewed {counts['unreviewed']}"
    )
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=[*BACKENDS, "both"], default="both")
    parser.add_argument("--misses", action="store_true", help="list values not under row+header")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    backends = BACKENDS if args.backend == "both" else (args.backend,)
    for backend in backends:
        run(backend, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
