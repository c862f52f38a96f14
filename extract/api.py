"""The Python API: ``extract.read(paths)`` -> ``Results`` with records, findings, the run
report, and the records as a pandas DataFrame or an Arrow table.

In: files or folders (``str`` or path-like), the options of ``ankestat extract``. Out: what
``ankestat extract`` would write, held in memory.

    import extract
    frame = extract.read("samples").to_pandas()
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from os import PathLike
from pathlib import Path
from typing import Any

from extract import __version__
from extract.model import Finding, Record
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.run.batch import run_files
from extract.run.inputs import plan_inputs
from extract.run.rule_folders import rule_dirs
from extract.writers.jsonl import record_dict
from extract.writers.report import report_json

# Columns a DataFrame holds as categoricals: the dimensions and the codes (values repeat).
CATEGORIES = (
    "source_file",
    "table_id",
    "municipality",
    "period",
    "law_label",
    "provision",
    "measure",
)


@dataclass(frozen=True)
class Results:
    """What a read gave: one ``FileResult`` per input file, in input order."""

    files: tuple[FileResult, ...]
    started: str
    seconds: float

    @property
    def records(self) -> list[Record]:
        """Every file's records, in file order."""
        return [record for result in self.files for record in result.records]

    @property
    def findings(self) -> list[Finding]:
        """Every file's findings, in file order (``report`` says which file each is about)."""
        return [finding for result in self.files for finding in result.findings]

    @property
    def report(self) -> dict[str, Any]:
        """The run report, as ``report.json`` would hold it."""
        return report_json(self.files, self.started, self.seconds, __version__)

    def to_arrow(self) -> Any:
        """The records as a ``pyarrow.Table``, typed as in the Parquet output."""
        import pyarrow as pa

        from extract.writers.parquet import arrow_schema

        schema = arrow_schema()
        return pa.Table.from_pylist([record_dict(r) for r in self.records], schema=schema)

    def to_pandas(self) -> Any:
        """The records as a ``pandas.DataFrame``: ``value`` a float, NaN where nothing is
        reported (suppressed, missing, illegible, not applicable; ``status`` says which),
        codes and dimensions as categoricals, lists as lists."""
        frame = self.to_arrow().to_pandas()
        for name in CATEGORIES:
            frame[name] = frame[name].astype("category")
        return frame


def read(
    paths: str | PathLike[str] | Sequence[str | PathLike[str]],
    *,
    ocr: bool = True,
    jobs: int | None = None,
    rules: Sequence[str | PathLike[str]] | None = None,
) -> Results:
    """Read files and folders (searched like ``ankestat extract`` does) with the shipped rules
    plus ``rules`` folders; ``jobs`` files at once (default: the number of cores). A file that
    cannot be read is a failed ``FileResult`` with its reason, as in the report."""
    named = [paths] if isinstance(paths, str | PathLike) else list(paths)
    inputs = [Path(p) for p in named]
    folders = rule_dirs([Path(r) for r in rules or ()])
    started = datetime.now(UTC).isoformat(timespec="seconds")
    clock = time.perf_counter()
    planned = plan_inputs(inputs)
    workers = max(1, jobs if jobs is not None else os.cpu_count() or 1)
    read_once = run_files(planned.unique, folders, workers, False, ReadOptions(ocr=ocr))
    return Results(tuple(planned.results(read_once)), started, time.perf_counter() - clock)
