"""The registry of record writers: one entry per output format.

CLI choices, help text and error messages are derived from ``WRITERS``. Adding a format is
one module with a class that satisfies ``Writer`` plus one line in ``_ALL`` below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from extract.model import Record
from extract.normalise.reference import Reference
from extract.results import FileResult
from extract.writers.csv import CsvWriter
from extract.writers.jsonl import JsonlWriter
from extract.writers.parquet import ParquetWriter
from extract.writers.sqlite import SqliteWriter
from extract.writers.xlsx import XlsxWriter

if TYPE_CHECKING:
    from extract.writers.record_lines import LineSink


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """Options every writer receives; a writer ignores the ones that do not concern it.

    ``excel_csv``: CSV for a Danish Excel (";" delimiter, decimal comma, BOM, CRLF).
    ``results``: the outcome of every file the records came from, in input order (the SQLite
    ``documents`` and ``findings`` tables, the XLSX ``findings`` and ``report`` sheets);
    ``reference``: the rules' reference data (the SQLite reference tables); ``engine_version``
    and ``started``: what read them, and when (ISO 8601). ``figure_rows``: the run's figure
    rows (``extract.writers.figure_rows``), asked for by the writers that hold them (the SQLite
    ``figures`` table).
    """

    excel_csv: bool = False
    results: tuple[FileResult, ...] = ()
    reference: Reference | None = None
    engine_version: str = ""
    started: str = ""
    figure_rows: Callable[[], Iterable[Mapping[str, Any]]] | None = None


class Writer(Protocol):
    """One output format: a name for the CLI, a file suffix, a one-line description, and the
    Python packages it needs beyond the core ones (``requires``: the extra named like it)."""

    @property
    def name(self) -> str: ...

    @property
    def suffix(self) -> str: ...

    @property
    def file_name(self) -> str:
        """The file's name in an ``extract`` output folder (``records.jsonl``, ...)."""
        ...

    @property
    def description(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    def write(self, records: Iterable[Record], path: Path, options: WriteOptions) -> None:
        """Write ``records`` (in the given order) to the file ``path``, replacing it. Records
        are taken one at a time as written: an iterator of any length is fine."""
        ...


@runtime_checkable
class LineWriter(Protocol):
    """A writer of one line per record that also takes the records' values one at a time
    (``open_lines``: the sink's ``add``, then ``close``), so that a run feeds several such
    files from one reading of its records."""

    def open_lines(self, path: Path, options: WriteOptions) -> LineSink: ...


_ALL: tuple[Writer, ...] = (
    JsonlWriter(),
    CsvWriter(),
    SqliteWriter(),
    ParquetWriter(),
    XlsxWriter(),
)

WRITERS: Mapping[str, Writer] = MappingProxyType({w.name: w for w in _ALL})

# What ``ankestat extract`` writes without --format; the SQLite database is asked for by name.
DEFAULT_FORMATS: tuple[str, ...] = ("jsonl", "csv")


def writer_names() -> tuple[str, ...]:
    """Names of the registered writers, default (JSON Lines) first: the CLI's choices."""
    return tuple(WRITERS)


def writers_help() -> str:
    """One help line per writer: its name, the file it writes, what it is, e.g.
    ``"jsonl (records.jsonl): JSON Lines, one record per line"``."""
    return "\n".join(f"{w.name} ({w.file_name}): {w.description}" for w in WRITERS.values())


def missing_package(writer: Writer) -> str | None:
    """Why ``writer`` cannot run here (a package it needs is not installed), or None."""
    from importlib.util import find_spec

    for module in writer.requires:
        if find_spec(module) is None:
            return (
                f"--format {writer.name} needs the Python package {module} "
                f'(pip install "ankestat[{writer.name}]")'
            )
    return None


def get_writer(name: str) -> Writer:
    """Return the writer registered as ``name``; ValueError naming the known formats if none."""
    try:
        return WRITERS[name]
    except KeyError:
        known = ", ".join(writer_names())
        raise ValueError(f"unknown output format {name!r}; known formats: {known}") from None
