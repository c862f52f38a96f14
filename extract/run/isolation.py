"""Each document in a process of its own, with a memory ceiling and a time limit.

A document that exhausts memory, runs over its time or kills its process (the kernel's
out-of-memory killer, a crash in a C library) fails alone with the reason; the batch goes
on with a fresh process for the next document. Processes are forked from the caller, which
has the rulebook loaded, so a document starts at once.

In: documents (paths), a ``work`` function run in the child (path and a progress callback ->
FileResult) and the ``Limits``. Out: ``(index, FileResult)`` pairs as documents finish; on the
way, ``on_pages`` is told (index, pages done, pages) as the child reports OCR'd pages.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from multiprocessing.connection import Connection, wait
from pathlib import Path
from time import monotonic
from typing import Any

from extract.codes import FailureKind, FileStatus
from extract.results import FileResult

GIB = 1 << 30
DEFAULT_MEMORY = 4 * GIB
DEFAULT_SECONDS = 600.0
SECONDS_PER_MB = 30.0


@dataclass(frozen=True, slots=True)
class Limits:
    """Per document: ``memory`` bytes the process may allocate (0: no ceiling), and
    ``seconds`` plus ``seconds_per_mb`` for each MB of the file it may run (0: no limit)."""

    memory: int = DEFAULT_MEMORY
    seconds: float = DEFAULT_SECONDS
    seconds_per_mb: float = SECONDS_PER_MB

    def deadline(self, path: Path) -> float | None:
        """Seconds ``path`` may take, or None for no limit."""
        if self.seconds <= 0:
            return None
        try:
            size_mb = path.stat().st_size / 1e6
        except OSError:
            size_mb = 0.0
        return self.seconds + self.seconds_per_mb * size_mb


def failed(path: Path, reason: str) -> FileResult:
    """The result of a document that could not be read, with its one-line reason."""
    return FileResult(
        source_file=path.name,
        path=str(path),
        status=FileStatus.FAILED,
        error=reason,
        failure=FailureKind.INPUT,
    )


def over_memory(path: Path, memory: int) -> FileResult:
    """The result of a document that took more than ``memory`` bytes."""
    return failed(path, f"stopped at the {memory / GIB:g} GiB memory limit (--memory-limit)")


def over_time(path: Path, limits: Limits) -> FileResult:
    """The result of a document still being read at its deadline."""
    return failed(path, f"stopped after {limits.deadline(path) or 0.0:g} s (--timeout)")


# What a document's process reports: its pages done so far, and how many there are
PageReport = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class _Pages:
    """A progress message from a document's process (any other message is its result)."""

    done: int
    total: int


@dataclass(slots=True)
class _Running:
    index: int
    path: Path
    process: Any
    reader: Connection
    due: float | None


def run_isolated(
    paths: Sequence[Path],
    order: Sequence[int],
    work: Callable[[Path, PageReport], FileResult],
    jobs: int,
    limits: Limits,
    on_pages: Callable[[int, int, int], None] | None = None,
) -> Iterator[tuple[int, FileResult]]:
    """Run ``work`` on each of ``paths`` (in ``order``), ``jobs`` processes at a time;
    yield ``(index, result)`` as each finishes, a failed result for a process that died, ran
    out of memory or over its time; ``on_pages(index, done, total)`` as a process reports
    progress."""
    context = get_context("fork")
    waiting = list(order)
    running: dict[int, _Running] = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                index = waiting.pop(0)
                running[index] = _start(context, index, paths[index], work, limits)
            yield from _collect(running, limits, on_pages)
    finally:
        for task in running.values():  # stopped early (Ctrl-C, an error): no orphans
            task.process.kill()
            task.process.join()


def _start(
    context: Any,
    index: int,
    path: Path,
    work: Callable[[Path, PageReport], FileResult],
    limits: Limits,
) -> _Running:
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(writer, path, work, limits.memory))
    process.start()
    writer.close()
    budget = limits.deadline(path)
    return _Running(index, path, process, reader, None if budget is None else monotonic() + budget)


def _child(
    writer: Connection, path: Path, work: Callable[[Path, PageReport], FileResult], memory: int
) -> None:
    """In the document's process: the ceiling set, Ctrl-C left to the parent, the work done
    (its progress sent as it goes) and its result sent."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the batch (and kills us)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))

    def report(done: int, total: int) -> None:
        writer.send(_Pages(done, total))

    try:
        result = work(path, report)
    except MemoryError:
        result = over_memory(path, memory)
    try:
        writer.send(result)
    except MemoryError:
        writer.send(over_memory(path, memory))
    writer.close()
    os._exit(0)  # no atexit handlers, no flushing of the parent's inherited buffers


def _collect(
    running: dict[int, _Running],
    limits: Limits,
    on_pages: Callable[[int, int, int], None] | None,
) -> Iterator[tuple[int, FileResult]]:
    """Wait for a document to finish (or report progress) or a deadline to pass; yield what
    is done."""
    now = monotonic()
    dues = [t.due for t in running.values() if t.due is not None]
    timeout = max(0.0, min(dues) - now) if dues else None
    ready = wait([t.reader for t in running.values()], timeout=timeout)
    now = monotonic()
    for index, task in list(running.items()):
        result = None
        if task.reader in ready:
            try:
                message = task.reader.recv()
                if isinstance(message, _Pages):
                    if on_pages is not None:
                        on_pages(index, message.done, message.total)
                    continue
                result = message
            except (EOFError, OSError):  # died before sending
                task.process.join()
                result = failed(task.path, _death(task.process.exitcode))
        elif task.due is not None and now >= task.due:
            task.process.kill()
            result = over_time(task.path, limits)
        if result is not None:
            task.process.join()
            task.reader.close()
            del running[index]
            yield index, result


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        why = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the process reading it was killed by {name}{why}"
    return f"the process reading it ended without a result (exit code {exitcode})"
