"""A file's outcome: its status, tables, findings and records (held or spooled).

In: what the pipeline made of one input file. Out: the ``FileResult`` the runner, the writers,
the report and the watch store share; ``exit_code`` of a run's results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.codes import FailureKind, FileStatus
from extract.errors import ExitCode
from extract.model import Finding, Record


@dataclass(frozen=True, slots=True)
class TableSummary:
    """One table seen in a file, mapped by a rule or not."""

    table_id: str
    page: int | None
    caption: str | None
    rule_id: str | None
    values: int = 0
    pages: tuple[int, ...] = ()  # every page it is on (a table continued over pages)


@dataclass(frozen=True, slots=True)
class RecordSpool:
    """A file's records spooled to disk instead of held in memory (``extract.writers.spool``).

    ``path``: the spool file (pickled batches of ``Record``s, in record order); ``count``: the
    number of records; ``extra_flags``: flag codes to add to the records at these positions
    (document-wide checks that ended after the records were spooled).
    """

    path: str
    count: int
    extra_flags: tuple[tuple[int, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class FileResult:
    """The outcome of processing one input file.

    The records are either held (``records``) or spooled to a file (``spool``, records empty);
    ``record_count`` counts them either way. A failed file says why in ``error`` (one line) and
    ``failure``; an internal failure also keeps its ``traceback``. A file with the same bytes
    as another input of the run is not read again: ``copy_of`` names that input.
    """

    source_file: str
    path: str
    status: FileStatus
    error: str | None = None
    source_sha256: str | None = None
    document_type: str | None = None
    pages: int = 0
    pages_needing_ocr: tuple[int, ...] = ()
    tables: tuple[TableSummary, ...] = ()
    findings: tuple[Finding, ...] = ()
    records: tuple[Record, ...] = field(default=(), repr=False)
    seconds: float = 0.0
    spool: RecordSpool | None = None
    failure: FailureKind | None = None
    traceback: str | None = None
    copy_of: str | None = None  # the path of an input with the same bytes, read instead
    resumed: bool = False  # taken from an earlier run's saved results (``extract --resume``)

    @property
    def record_count(self) -> int:
        """The number of records, held or spooled."""
        return self.spool.count if self.spool is not None else len(self.records)


def exit_code(results: Sequence[FileResult]) -> ExitCode:
    """The run's exit code: its worst failure's (a bug, then a missing tool, then an input
    that cannot be read), or OK."""
    kinds = {r.failure or FailureKind.INPUT for r in results if r.status is FileStatus.FAILED}
    for kind, code in (
        (FailureKind.INTERNAL, ExitCode.INTERNAL),
        (FailureKind.CANNOT_RUN, ExitCode.CANNOT_RUN),
        (FailureKind.INPUT, ExitCode.SOME_FAILED),
    ):
        if kind in kinds:
            return code
    return ExitCode.OK
