"""What a figure keeps of each record that gives it: a ``Source``.

In: a record's fields (a getter by field name: a ``Record``'s attributes, or a SQLite row's
columns with list fields as JSON text). Out: a small frozen ``Source`` with the provenance a
figure row lists, the value, its status and the decimals it was printed with
(``printed_decimals``), so the record itself need not be kept.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from extract.codes import Status
from extract.normalise.numbers import parse_number
from extract.readers.sheets.cells import MAX_DECIMALS

# a number as a spreadsheet stores it ("0.363", "36", "-1.5", "1e-05")
_STORED = re.compile(r"-?[0-9]+(?:\.([0-9]+))?")
# how far a stored number's point moves to give the value: as stored, a fraction as percent
_SHIFTS = (0, 2)


@dataclass(frozen=True, slots=True)
class Source:
    """One record of a figure: where it was read, what was printed, its value and status,
    ``decimals`` printed, ``order`` (its place in the input) and ``cooperation`` (JSON
    text of the record's list)."""

    record_id: str
    source_file: str
    source_sha256: str
    document_type: str
    source_kind: str
    page: int | None
    sheet: str | None
    cell_ref: str | None
    table_id: str
    bbox: tuple[float, ...] | None
    value: float | None
    status: str
    cell_text: str
    decimals: int
    order: int
    municipality: str | None
    period_type: str
    unit: str
    cooperation: str

    @property
    def reported(self) -> bool:
        """Whether the source has a value that takes part in agreement."""
        return self.status == Status.REPORTED and self.value is not None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def printed_decimals(cell_text: str, value: float | None) -> int:
    """The decimals ``value`` was printed with: from ``cell_text`` read as printed ("36,2 %"
    -> 1, "36" -> 0), else read as a spreadsheet's stored number scaled to the value ("0.363"
    for 36.3 -> 1); 0 without a value."""
    if value is None or not math.isfinite(value):
        return 0
    parsed = parse_number(cell_text)
    read = parsed.value
    if parsed.status == Status.REPORTED and read is not None and _close(read, value):
        return parsed.decimals
    stored = _STORED.fullmatch(cell_text.strip())
    if stored is not None:
        digits = len(stored.group(1) or "")
        for shift in _SHIFTS:
            if _close(float(stored.group()) * 10**shift, value):
                return max(digits - shift, 0)
    text = repr(float(value))  # printed otherwise: as many decimals as the value has
    if "e" in text or text.endswith(".0"):
        return 0
    return min(len(text.split(".")[1]), MAX_DECIMALS)


def _listed(value: Any) -> Any:
    """A list field as a list: SQLite rows hold it as JSON text."""
    return json.loads(value) if isinstance(value, str) else value


def cooperation_text(cooperation: Any) -> str:
    """A record's cooperation (its list, or JSON text of it) as a ``Source`` keeps it: JSON
    text, keys sorted."""
    return json.dumps(_listed(cooperation) or [], ensure_ascii=False, sort_keys=True)


def merged_cooperation(texts: Iterable[str]) -> list[Any]:
    """The union of the cooperation entries of sources (their ``cooperation`` texts), each
    once, in order of appearance."""
    seen: dict[str, Any] = {}
    for text in texts:
        for entry in json.loads(text):
            seen.setdefault(json.dumps(entry, sort_keys=True, ensure_ascii=False), entry)
    return list(seen.values())


def source_of(get: Callable[[str], Any], order: int, texts: dict[str, str]) -> Source:
    """The source of the record whose fields ``get`` reads by name, ``order``-th in the input;
    repeated texts (file names, codes) are kept once through ``texts``."""

    def kept(text: Any) -> Any:
        return text if not isinstance(text, str) else texts.setdefault(text, text)

    value = get("value")
    value = None if value is None else float(value)
    bbox = _listed(get("bbox"))
    cell_text = str(get("cell_text"))
    return Source(
        record_id=str(get("record_id")),
        source_file=kept(get("source_file")),
        source_sha256=kept(get("source_sha256")),
        document_type=kept(str(get("document_type"))),
        source_kind=kept(str(get("source_kind"))),
        page=get("page"),
        sheet=kept(get("sheet")),
        cell_ref=get("cell_ref"),
        table_id=kept(get("table_id")),
        bbox=None if bbox is None else tuple(float(x) for x in bbox),
        value=value,
        status=kept(str(get("status"))),
        cell_text=kept(cell_text),
        decimals=printed_decimals(cell_text, value),
        order=order,
        municipality=kept(get("municipality")),
        period_type=kept(str(get("period_type"))),
        unit=kept(str(get("unit"))),
        cooperation=kept(cooperation_text(get("cooperation"))),
    )
