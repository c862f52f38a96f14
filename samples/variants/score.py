"""Score the engine's records against variant truth, cell by cell, by location.

A record belongs to a truth cell when it is in the same file and on the same page with the
centre of its box inside the truth box (PDF), or in the same sheet with the same cell
reference (xlsx, csv). Per truth cell that expects a record: ``exact`` (key, value and
status equal), ``wrong_flagged`` (differs, but flagged or illegible/missing),
``wrong_silent`` (differs, no flag), ``missing_reported`` / ``missing_unreported`` (no
record; does the run report name the page or sheet?). Records at no truth cell, at an
``expect: none`` cell, or a second record for one cell are extras (flagged or silent).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

Row = dict[str, Any]
CATEGORIES = ("exact", "wrong_flagged", "wrong_silent", "missing_reported", "missing_unreported")
KEY = ("entity_scope", "municipality_code", "period", "law_area", "provision", "measure", "unit")


@dataclass
class Counts:
    """Outcome counts over a set of truth cells and records."""

    exact: int = 0
    wrong_flagged: int = 0
    wrong_silent: int = 0
    missing_reported: int = 0
    missing_unreported: int = 0
    extra_flagged: int = 0
    extra_silent: int = 0
    none_ok: int = 0
    missing_listed_info: int = 0

    def add(self, other: Counts) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @property
    def cells(self) -> int:
        """Truth cells that expect a record."""
        return sum(getattr(self, c) for c in CATEGORIES)

    @property
    def missing(self) -> int:
        return self.missing_reported + self.missing_unreported

    @property
    def extra(self) -> int:
        return self.extra_flagged + self.extra_silent

    @property
    def exact_pct(self) -> float:
        return 100.0 * self.exact / self.cells if self.cells else 0.0

    def as_dict(self) -> dict[str, float | int]:
        out: dict[str, float | int] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["cells"] = self.cells
        out["exact_pct"] = round(self.exact_pct, 2)
        out["wrong_silent_total"] = self.wrong_silent + self.extra_silent
        return out


def norm(text: Any) -> Any:
    """Compare form of a label: NFKC, casefold, dashes as "-", whitespace collapsed, a hyphen
    at a line break joined ("forsør- gelse" = "forsørgelse")."""
    if not isinstance(text, str):
        return text
    t = unicodedata.normalize("NFKC", text).casefold()
    t = t.replace("–", "-").replace("—", "-").replace("\u00ad", "")
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"(?<=\w)-\s*(?=\w)", "", t)


def _value_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return bool(abs(float(a) - float(b)) < 1e-6)


def exact(truth: Row, rec: Row) -> bool:
    """Whether a record states exactly what the truth cell means."""
    if any(norm(truth[k]) != norm(rec.get(k)) for k in KEY):
        return False
    return truth["status"] == rec.get("status") and _value_eq(truth["value"], rec.get("value"))


def flagged(rec: Row) -> bool:
    """A record that admits doubt: any flag, or status illegible/missing."""
    return bool(rec.get("flags")) or rec.get("status") in ("illegible", "missing")


def _inside(rec: Row, t: Row) -> bool:
    b = rec.get("bbox")
    if not b or rec.get("page") != t["page"]:
        return False
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    x0, top, x1, bottom = t["bbox"]
    return bool(x0 <= cx <= x1 and top <= cy <= bottom)


def _distance(rec: Row, t: Row) -> float:
    """The distance between the centres of a record's box and a truth cell's box."""
    b, c = rec["bbox"], t["bbox"]
    return float(((b[0] + b[2] - c[0] - c[2]) ** 2 + (b[1] + b[3] - c[1] - c[3]) ** 2) ** 0.5 / 2)


@dataclass
class Scored:
    """One document's outcome: per truth line its category (or ``extra_*``/``none_ok``),
    and the records that matched no truth cell."""

    doc: str
    counts: Counts = field(default_factory=Counts)
    lines: list[tuple[Row, str, Row | None]] = field(default_factory=list)
    unlocated: list[Row] = field(default_factory=list)


def _reported(
    t: Row,
    findings: Sequence[Row],
    sheets: Sequence[str | None],
    levels: tuple[str, ...],
    first_page: int | None = None,
) -> bool:
    """Whether a finding of severity in ``levels`` names the truth cell's page (PDF; or the
    page its table starts on, where a continued table is reported; or a table the engine
    found on that page) or its sheet."""
    for f in findings:
        if f.get("severity") not in levels:
            continue
        if f.get("page") is None and f.get("table_id") is None:
            return True
        if t["format"] == "pdf" and f.get("page") in (t["page"], first_page):
            return True
        if t["format"] == "pdf" and t["page"] in f.get("table_pages", ()):
            return True  # a finding on a table names every page the table is on
        if t["format"] != "pdf" and t["sheet"] in sheets:
            number = sheets.index(t["sheet"]) + 1
            if str(f.get("table_id") or "").startswith(f"s{number}-"):
                return True
            if f.get("table_id") is None and f.get("page") == number:
                return True  # a finding on the sheet itself (numbers in no table)
    return False


def score_doc(
    doc: str,
    truth: Sequence[Row],
    records: Iterable[Row],
    findings: Sequence[Row] = (),
    sheets: Sequence[str | None] = (None,),
    failed: bool = False,
) -> Scored:
    """Score one document's records against its truth lines."""
    out = Scored(doc)
    by_ref: dict[tuple[Any, Any], int] = {}
    by_page: dict[int, list[int]] = defaultdict(list)
    for n, t in enumerate(truth):
        if t["format"] != "pdf":
            by_ref[(t["sheet"], t["cell_ref"])] = n
        else:
            by_page[t["page"]].append(n)
    starts: dict[int, int] = {}
    for t in truth:
        if t["format"] == "pdf":
            starts[t["table"]] = min(starts.get(t["table"], t["page"]), t["page"])
    at: dict[int, list[Row]] = defaultdict(list)
    for rec in records:
        hit = None
        if rec.get("cell_ref") is not None:
            hit = by_ref.get((rec.get("sheet"), rec.get("cell_ref")))
        else:
            page = by_page.get(rec.get("page") or 0, [])
            hits = [n for n in page if _inside(rec, truth[n])]
            # (the boxes of a page turned and skewed are the turned cells' bounding boxes,
            # and those of neighbouring cells overlap: the nearest one's)
            hit = min(hits, key=lambda n: _distance(rec, truth[n])) if hits else None
        if hit is None:
            out.unlocated.append(rec)
            _extra(out.counts, rec)
        else:
            at[hit].append(rec)
    for n, t in enumerate(truth):
        recs = at.get(n, [])
        if t["expect"] == "none":
            for rec in recs:
                out.lines.append((t, "extra_flagged" if flagged(rec) else "extra_silent", rec))
                _extra(out.counts, rec)
            if not recs:
                out.counts.none_ok += 1
                out.lines.append((t, "none_ok", None))
            continue
        if not recs:
            first = starts.get(t["table"])
            reported = failed or _reported(t, findings, sheets, ("error", "warning"), first)
            cat = "missing_reported" if reported else "missing_unreported"
            if not reported and _reported(t, findings, sheets, ("info",), first):
                out.counts.missing_listed_info += 1
        else:
            best = next((r for r in recs if exact(t, r)), recs[0])
            if exact(t, best):
                cat = "exact"
            else:
                cat = "wrong_flagged" if flagged(best) else "wrong_silent"
            for rec in recs:
                if rec is not best:
                    out.lines.append((t, "extra_flagged" if flagged(rec) else "extra_silent", rec))
                    _extra(out.counts, rec)
            recs = [best]
        setattr(out.counts, cat, getattr(out.counts, cat) + 1)
        out.lines.append((t, cat, recs[0] if recs else None))
    return out


def _extra(c: Counts, rec: Row) -> None:
    if flagged(rec):
        c.extra_flagged += 1
    else:
        c.extra_silent += 1


def breakdown(scored: Sequence[Scored]) -> dict[str, dict[str, Counts]]:
    """Counts per format, per family and per axis value (axis -> value -> counts)."""
    out: dict[str, dict[str, Counts]] = defaultdict(lambda: defaultdict(Counts))
    for s in scored:
        for t, cat, _ in s.lines:
            one = Counts()
            setattr(one, cat, 1)
            out["format"][t["format"]].add(one)
            out["family"][t["family"]].add(one)
            for axis, value in t["axes"].items():
                if axis not in ("format", "family"):
                    out[axis][str(value)].add(one)
        for rec in s.unlocated:
            one = Counts(extra_flagged=int(flagged(rec)), extra_silent=int(not flagged(rec)))
            fmt = (
                "pdf"
                if rec.get("page") is not None
                else ("csv" if str(rec.get("source_file", "")).endswith(".csv") else "xlsx")
            )
            out["format"][fmt].add(one)
    return out


def engine_rows(path: Any, rulebook: Any, options: Any = None) -> tuple[list[Row], list[Row], bool]:
    """Run the engine on one file (``options``: ``ReadOptions``, the default when None):
    (records, findings, failed), all as plain dicts."""
    from dataclasses import asdict

    from extract.pipeline import process_file

    result = process_file(path, rulebook, options)
    pages = {t.table_id: list(t.pages) for t in result.tables}
    findings = [
        {
            "code": f.code,
            "severity": f.severity,
            "page": f.page,
            "table_id": f.table_id,
            "table_pages": pages.get(f.table_id or "", []),
            "message": f.message,
        }
        for f in result.findings
    ]
    failed = str(result.status) == "failed" or result.error is not None
    if failed:
        findings.append(
            {
                "code": "failed",
                "severity": "error",
                "page": None,
                "table_id": None,
                "message": result.error or "failed",
            }
        )
    return [asdict(r) for r in result.records], findings, failed


def score_seed(
    seed: str,
    count: int,
    out_dir: Any,
    formats: Sequence[str] = ("pdf", "xlsx", "csv"),
    rules: Any = "rules",
) -> Counts:
    """Generate ``count`` documents of ``seed`` into ``out_dir``, run the engine in this
    process, and return the summed counts (for tests with accuracy thresholds)."""
    import json
    from pathlib import Path

    from extract.interpret.rulebook import load_rulebook
    from samples.variants import truth as tr
    from samples.variants.generate import generate

    rulebook = load_rulebook(Path(rules))
    total = Counts()
    for path in generate(seed, count, Path(out_dir), formats):
        stem = path.name.rsplit(".", 1)[0]
        layout = json.loads((path.parent / f"{stem}.layout.json").read_text(encoding="utf-8"))
        records, findings, failed = engine_rows(path, rulebook)
        lines = tr.read(path.parent / f"{stem}.truth.jsonl")
        sheets = layout.get("sheets") or [None]
        total.add(score_doc(path.name, lines, records, findings, sheets, failed).counts)
    return total
