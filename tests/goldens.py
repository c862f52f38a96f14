"""Golden files beside the samples: the engine's records as JSON rows, compared or rewritten.

``records_as_rows`` drops what changes with every release (``engine_version``);
``check_golden`` compares rows with a golden file, rewriting it only when asked
(``pytest --update-goldens``). A missing golden fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extract.model import Record
from extract.results import FileResult
from extract.writers.jsonl import record_dict

# engine_version changes with every release; everything else must stay identical.
VOLATILE = ("engine_version",)


def records_as_rows(result: FileResult) -> list[dict[str, Any]]:
    """The result's records as JSON rows, without the VOLATILE fields."""
    rows = []
    for record in result.records:
        row = record_dict(record)
        for key in VOLATILE:
            row.pop(key)
        rows.append(row)
    return rows


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def check_golden(rows: list[dict[str, Any]], golden: Path, update: bool) -> None:
    """Assert ``rows`` equal the golden file, row by row (rewrite it first if ``update``)."""
    if update:
        golden.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
    assert golden.exists(), f"missing golden {golden.name}: review output, then --update-goldens"
    expected = read_jsonl(golden)
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected, strict=True):
        assert got == want


def golden_records(golden: Path) -> list[Record]:
    """The records of a golden file (its ``engine_version`` set to "0.test")."""
    return [Record(**{**row, "engine_version": "0.test"}) for row in read_jsonl(golden)]
