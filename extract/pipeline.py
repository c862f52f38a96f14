"""The pipeline: the only module that wires the stages together.

    read a page -> repair OCR words -> classify -> detect tables -> repair OCR labels
         -> interpret (vocabulary + rules: every cell keyed, dimensions as codes)
         -> validate -> records

In: one input path and a loaded ``Rulebook``. Out: a ``FileResult`` (status ok / partial /
failed, tables seen, findings, records). Unreadable input is a failed result with a one-line
reason, never an exception; the input file is only ever read.

The file streams through: pages are read one at a time and dropped once their tables are
found, each table is mapped, checked and turned into records as soon as it is complete (a
table continued on the next page waits for it), and the records go to a sink: a list
(``process_file``) or a temporary file (``process_file_spooled``, the CLI's path, so memory
stays flat however long the document). The one document-wide check (the same value in two
tables) keeps a compact index and adds its flags once every table has been seen.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from os import PathLike
from pathlib import Path

from extract import __version__
from extract.checks.ocr_corrections import correct_by_identities
from extract.checks.registry import (
    CORRECTIONS_ORDER,
    CROSS_TABLE_ORDER,
    CrossTable,
    CrossTableIndex,
    Order,
    checks_for,
    flags_by_index,
    table_check_results,
)
from extract.checks.stage_findings import (
    check_finding,
    lone_caption_finding,
    loose_finding,
    page_findings,
    unread_table,
)
from extract.codes import FailureKind, FileStatus
from extract.detect import LoneCaption, Loose, iter_tables
from extract.errors import CannotRun
from extract.interpret.classify import TYPE_PAGES, context_for, named_type, page_heading
from extract.interpret.ocr_labels import repair_labels
from extract.interpret.ocr_lexicon import repair_page
from extract.interpret.rulebook import Rulebook
from extract.interpret.table import Interpreter
from extract.model import Document, DocumentContext, Finding, PageContent, TableCandidate
from extract.normalise.records import RecordBuilder
from extract.readers import PageStream, Reader, ReadOptions, UnreadableInput, reader_for
from extract.results import FileResult, TableSummary
from extract.writers.spool import MemorySink, RecordSink, SpoolSink

# records made and handed to the sink at once: a table of a million values is never all
# records in memory
_RECORDS_AT_ONCE = 10_000


class NotRegularFile(OSError):
    """The path is a named pipe, a device, a socket or a folder: never read (a pipe or a
    device may never end)."""


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def file_sha256(path: Path) -> tuple[str, bytes]:
    """(sha256 hex of the file's bytes, its first 8 KiB). Opened without waiting (a named
    pipe would block) and read only when it is a regular file (a link is followed to its
    target): else NotRegularFile."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        for test, kind in _NOT_REGULAR:
            if test(mode):
                raise NotRegularFile(f"not a regular file but {kind}")
        os.set_blocking(fd, True)
        digest = hashlib.sha256()
        head = b""
        while chunk := handle.read(1 << 20):
            if not head:
                head = chunk[:8192]
            digest.update(chunk)
    return digest.hexdigest(), head


def unreadable_reason(path: Path, exc: OSError) -> str:
    """Why ``path`` could not be opened, in one line: a link that leads nowhere named so."""
    if exc.errno == errno.ELOOP:
        return "a symbolic link that leads round in a loop"
    if exc.errno == errno.ENOENT and path.is_symlink():
        return "a symbolic link to a missing file"
    if exc.errno == errno.ENOENT:
        return "no such file or folder"
    return f"cannot read file ({exc.strerror or exc})"


def read_document(path: str | PathLike[str], options: ReadOptions | None = None) -> Document:
    """Read any supported file; raises UnreadableInput with a one-line reason."""
    path = Path(path)
    reader, sha256 = _identify(path)
    return reader.read(path, sha256, options or ReadOptions())


def open_document(path: str | PathLike[str], options: ReadOptions | None = None) -> PageStream:
    """Open any supported file to read page by page; raises UnreadableInput with a one-line
    reason (a page that turns out unreadable later raises it from the iteration)."""
    path = Path(path)
    reader, sha256 = _identify(path)
    return reader.open(path, sha256, options or ReadOptions())


def _identify(path: Path) -> tuple[Reader, str]:
    """The file's reader (by its first bytes) and its sha256."""
    try:
        sha256, head = file_sha256(path)
    except NotRegularFile as exc:
        raise UnreadableInput(str(exc)) from exc
    except OSError as exc:
        raise UnreadableInput(unreadable_reason(path, exc)) from exc
    return reader_for(path, head), sha256


def process_file(
    path: str | PathLike[str], rulebook: Rulebook, options: ReadOptions | None = None
) -> FileResult:
    """Run every stage on one file (a ``str`` or path-like); the result holds the records."""
    sink = MemorySink()
    result, late_flags = _run(Path(path), rulebook, options, sink)
    if result.status is FileStatus.FAILED:
        return result
    return replace(result, records=sink.finish(late_flags))


def process_file_spooled(
    path: str | PathLike[str],
    rulebook: Rulebook,
    options: ReadOptions | None = None,
    spool_dir: Path | None = None,
) -> FileResult:
    """Run every stage on one file, spooling the records to a temporary file in ``spool_dir``
    as its tables finish: ``result.spool`` names it, ``result.records`` is empty. Read them
    with ``extract.writers.spool.file_records``; the caller deletes the file (or ``spool_dir``)."""
    sink = SpoolSink(spool_dir)
    try:
        result, late_flags = _run(Path(path), rulebook, options, sink)
    except BaseException:
        sink.discard()
        raise
    if result.status is FileStatus.FAILED:
        sink.discard()
        return result
    return replace(result, spool=sink.finish(late_flags))


def _run(
    path: Path, rulebook: Rulebook, options: ReadOptions | None, sink: RecordSink
) -> tuple[FileResult, dict[int, tuple[str, ...]]]:
    """The file's result without records (they went to ``sink``), and the flags to add to
    the records at these positions."""
    started = time.perf_counter()
    try:
        stream = open_document(path, options)
        run = _FileRun(stream, rulebook, sink)
        try:
            run.read()
        finally:
            stream.pages.close()
    except (UnreadableInput, CannotRun) as exc:
        failed = FileResult(
            source_file=path.name,
            path=str(path),
            status=FileStatus.FAILED,
            error=str(exc),
            seconds=time.perf_counter() - started,
            failure=FailureKind.CANNOT_RUN if isinstance(exc, CannotRun) else FailureKind.INPUT,
        )
        return failed, {}
    late_flags = run.finish()
    assert run.context is not None
    findings = run.findings()
    result = FileResult(
        source_file=path.name,
        path=str(path),
        status=_status(findings, run.summaries),
        source_sha256=stream.sha256,
        document_type=run.context.document_type,
        pages=run.page_count,
        pages_needing_ocr=tuple(run.needing_ocr),
        tables=tuple(run.summaries),
        findings=tuple(findings),
        seconds=time.perf_counter() - started,
    )
    return result, late_flags


class _FileRun:
    """One file going through the stages page by page and table by table; it keeps only what
    the result reports (findings, table summaries) and the cross-table index."""

    def __init__(self, stream: PageStream, rulebook: Rulebook, sink: RecordSink) -> None:
        self.stream = stream
        self.rulebook = rulebook
        self.interpreter = Interpreter(rulebook)
        self.checks = checks_for(rulebook.reference.identities)
        self.sink = sink
        self.pages: dict[int | None, PageContent] = {}  # number -> page without its words
        self.page_count = 0
        self.needing_ocr: list[int] = []
        self.page_findings: list[Finding] = []
        self.table_findings: list[Finding] = []
        self.check_findings: list[tuple[Order, Finding]] = []
        self.summaries: list[TableSummary] = []
        # the last table read (its headers), and the entity and period its caption or title named
        self.last: tuple[TableCandidate, str | None, str | None] | None = None
        self.context: DocumentContext | None = None
        self.builder: RecordBuilder | None = None
        self.waiting: list[TableCandidate] = []  # complete, but the type is not known yet
        self.headings: list[str] = []  # of the first pages, until the type is known
        self.sheet_headings: dict[str, str] = {}  # a sheet's own first lines, by sheet name
        self.index = CrossTableIndex()
        self.count = 0  # records given to the sink so far

    def read(self) -> None:
        """Every page and table of the file."""
        for table in iter_tables(self._pages(), self._loose):
            self.waiting.append(table)
            if self.context is not None:
                self._flush()
        if self.context is None:
            self._set_context()
        self._flush()

    def _pages(self) -> Iterator[PageContent]:
        """The stream's pages, OCR'd words repaired; notes what the result says of pages."""
        stream = self.stream
        for page in stream.pages:
            page = repair_page(page, self.rulebook.lexicon)
            self.page_count += 1
            if page.needs_ocr:
                self.needing_ocr.append(page.number)
            self.pages[page.number] = replace(page, words=(), rulings=(), sheet=None)
            if page.sheet is not None and page.sheet.name is not None:
                self.sheet_headings[page.sheet.name] = page_heading(page) or ""
            self.page_findings.extend(page_findings(page))
            if self.context is None and (heading := page_heading(page)) is not None:
                self.headings.append(heading)
                if (
                    len(self.headings) == TYPE_PAGES
                    or named_type(self.headings, self.rulebook) is not None
                ):
                    self._set_context()
            handed = [page]
            del page  # nothing here holds the page while its tables are read (a large grid)
            yield handed.pop()

    def _loose(self, loose: Loose | LoneCaption) -> None:
        """A page's numbers outside every table found, or a caption no table found carries:
        a warning naming the page."""
        if isinstance(loose, LoneCaption):
            self.page_findings.append(lone_caption_finding(loose))
        else:
            self.page_findings.append(loose_finding(loose))

    def _set_context(self) -> None:
        stream = self.stream
        self.context = context_for(
            self.headings,
            self.rulebook,
            sheets=stream.sheets,
            scanned=stream.scanned,
            described=stream.described,
        )
        self.builder = RecordBuilder(
            source_file=stream.path.name,
            source_sha256=stream.sha256,
            source_kind=stream.source_kind,
            document_type=self.context.document_type,
            reference=self.rulebook.reference,
            engine_version=__version__,
        )

    def _flush(self) -> None:
        waiting, self.waiting = self.waiting, []
        for table in waiting:
            self._table(table)

    def _table(self, table: TableCandidate) -> None:
        """Map, normalise and check one complete table; its records go to the sink."""
        assert self.context is not None and self.builder is not None
        rulebook, findings = self.rulebook, self.table_findings
        (table,) = repair_labels([table], rulebook.lexicon)
        context = self.context
        if table.sheet is not None and table.sheet in self.sheet_headings:
            # a sheet's tables are headed by the sheet's own first lines, not the first sheet's
            context = replace(context, heading=self.sheet_headings[table.sheet])
        context = replace(context, tables_before=len(self.summaries))
        if self.last is not None:
            context = context.after(*self.last)
        read = self.interpreter.interpret(table, context, keep_labels=False)
        # what the next table's context needs of this one: its headers, not its rows
        named = read.context.named("entity"), read.context.named("period")
        self.last = (replace(table, rows=()), *named)
        findings.extend(read.findings)
        if not read.statistics:
            self.summaries.append(
                TableSummary(
                    table.table_id, table.first_page, table.caption, None, pages=table.pages
                )
            )
            findings.append(unread_table(table, read.named))
            return
        kept = list(read.observations)
        self.summaries.append(
            TableSummary(
                table.table_id,
                table.first_page,
                table.caption,
                read.rule_id,
                values=len(kept),
                pages=table.pages,
            )
        )
        results = table_check_results(kept, self.checks)
        # OCR'd values whose separators or marks the identities decide
        kept, corrected = correct_by_identities(kept, [r for _, r in results], self.checks)
        if corrected:
            results = table_check_results(kept, self.checks)
            results += [(CORRECTIONS_ORDER, r) for r in corrected]
        record_id = self.builder.record_id
        ids = {i: record_id(kept[i]) for _, r in results for i in r.indices}
        self.check_findings.extend((order, check_finding(r, ids)) for order, r in results)
        flags = flags_by_index([r for _, r in results])
        for start in range(0, len(kept), _RECORDS_AT_ONCE):  # a huge table's in parts
            part = kept[start : start + _RECORDS_AT_ONCE]
            # (a sha256 each, worked out once a part: a million ids are never all held)
            part_ids = [ids.get(start + k) or record_id(obs) for k, obs in enumerate(part)]
            self.index.add(part, self.count + start, part_ids)
            self.sink.add(self.builder.build(part, flags, self.pages, start, part_ids))
        self.count += len(kept)

    def finish(self) -> dict[int, tuple[str, ...]]:
        """The cross-table check over everything seen; its flags by record position."""
        late: dict[int, tuple[str, ...]] = {}
        for conflict in self.index.conflicts():
            found = CrossTable().describe(conflict)
            ids = dict(zip(conflict.positions, conflict.record_ids, strict=True))
            self.check_findings.append((CROSS_TABLE_ORDER, check_finding(found, ids)))
            for i in conflict.positions:
                late[i] = (*late.get(i, ()), found.code)
        return late

    def findings(self) -> list[Finding]:
        """Page findings, table findings, then the checks' in registry order."""
        checks = sorted(self.check_findings, key=lambda item: item[0])  # stable
        return [*self.page_findings, *self.table_findings, *(f for _, f in checks)]


def _status(findings: Sequence[Finding], tables: Sequence[TableSummary]) -> FileStatus:
    if any(f.severity == "error" for f in findings):
        return FileStatus.PARTIAL
    if tables and not any(t.rule_id for t in tables):
        return FileStatus.PARTIAL
    return FileStatus.OK
