"""The watch loop: settled inbox files -> worker pool -> store -> done/ or failed/.

Per document, in this order (a kill between any two steps is safe):
1. sha256 of the bytes; if the store knows it, the file is a duplicate: move it (step 5),
   unless it was read with less than the watcher reads with now (``rereads``).
2. a pool worker runs the pipeline on it;
3. its per-document files are written (whole files, renamed into place);
4. its records and its ``documents`` row are committed in one SQLite transaction;
5. it is moved atomically to ``done/`` (``failed/`` with ``<name>.error.txt`` if it failed).
Steps 3-5 are ``filing``'s; the settings come from ``options``; ``--dask``: step 2 on ``cluster``.
A kill before 4 leaves the document in the inbox, to be processed again; after 4 it is in the
store and a restart only moves it (step 1). So each document ends up stored exactly once.
At the start, stored documents read with less (an older engine, other rules, OCR off where it
had pages that need it; every one with ``--reprocess``) are read again from ``done/``.

Everything that wakes the loop (watchdog events, finished documents, signals) arrives through
one ``SimpleQueue``, which is safe to put to from a signal handler.
"""

from __future__ import annotations

import logging
import os
import queue
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.errors import ExitCode
from extract.figures.ranking import load_ranking
from extract.pipeline import file_sha256
from extract.results import FileResult, exit_code
from extract.run.batch import work_in_pool
from extract.run.isolation import failed as failed_result
from extract.run.isolation import over_memory, over_time
from extract.run.read_with import read_with
from extract.watch.cluster import CHECK_SECONDS, WatchCluster
from extract.watch.filing import Filing
from extract.watch.inbox import (
    DONE,
    InboxLock,
    Settling,
    check_folders,
    is_candidate_name,
    list_inbox,
    special_files,
)
from extract.watch.options import WatchSettings
from extract.watch.pool import start_pool, stop_workers
from extract.watch.rereads import files_by_sha256, stored_to_read_again, why_read_again
from extract.watch.sources import observe_or_poll, stop_on_signals
from extract.watch.store import Store, StoreError

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

log = logging.getLogger("ankestat.watch")

SAFETY_RESCAN = 60.0  # watchdog mode: list the inbox now and then in case an event was lost
MIN_WAIT = 0.01  # seconds; the shortest wait for a file to settle
WORKER_DEATHS = 2  # a document in flight when a worker died this often is failed
# After a stop request the documents being read may finish for this long; then they are
# abandoned (left in the inbox, read again next time): a stop never waits on a long scan.
STOP_GRACE = 5.0
_STOP = "stop"
_WAKE = "wake"


@dataclass(frozen=True, slots=True)
class _Task:
    path: Path
    sha256: str
    pool: ProcessPoolExecutor | None  # None: a task on the cluster
    budget: float | None = None  # seconds it may run (None: no limit)
    submitted: float = 0.0  # (monotonic) when it was handed to the pool


class Watcher:
    """One watcher on one inbox; ``run`` until ``--once`` is through or a stop is asked for."""

    def __init__(self, settings: WatchSettings) -> None:
        self.settings = settings
        self.inbox = settings.inbox.resolve()
        self.out = settings.out.resolve()
        self.settling = Settling(settings.settle)
        self._wake: queue.SimpleQueue[Path | str] = queue.SimpleQueue()
        self._in_flight: dict[Any, _Task] = {}  # local or dask futures
        self._deaths: Counter[str] = Counter()
        self._stopping = False
        self._abandon = False
        self._filing = Filing(self.inbox, self.out, settings.write_options)
        self.results = self._filing.results
        self._observing = False
        self.read_with = read_with(settings.rules, settings.read_options)
        self._again: dict[str, str] = {}  # sha256 -> why it is read again in this run
        self._skipped: set[Path] = set()  # named pipes, devices, sockets: logged once
        self._stop_asked = 0.0  # (monotonic) when a stop was asked for
        self._cluster: WatchCluster | None = None
        self._pool: ProcessPoolExecutor | None = None  # the local pool (none on a cluster)

    @property
    def abandoned(self) -> bool:
        """Whether a second stop request abandoned documents being read."""
        return self._abandon

    def stop(self) -> None:
        """Ask the loop to stop: finish the documents being read, start no new one.

        A second call abandons them (they stay in the inbox). Safe from a signal handler.
        """
        self._wake.put(_STOP)

    def run(self) -> int:
        """Watch until stopped (or, with ``once``, until the inbox is empty); the exit code.

        Raises WatchError or StoreError when the watcher cannot start.
        """
        check_folders(self.inbox, self.out)
        lock = InboxLock(self.inbox)
        lock.acquire()
        try:
            ranking = load_ranking(self.settings.rules)
            with Store(self.out, self.settings.write_options.reference, ranking) as store:
                self._store = store
                s = self.settings
                if s.dask is not None:  # CannotRun when it cannot be reached
                    wake = partial(self._wake.put, _WAKE)
                    self._cluster = WatchCluster(s.dask, s.rules, s.read_options, wake, s.once)
                restore = stop_on_signals(self.stop)
                if self._cluster is None:
                    self._pool = self._new_pool()
                observer = self._start_observer()
                try:
                    return self._loop()
                finally:
                    if observer is not None:
                        from extract.watch.sources import stop_observer

                        stop_observer(observer)
                    if self._pool is not None:
                        self._pool.shutdown(wait=not self._abandon, cancel_futures=True)
                    if self._cluster is not None:
                        self._cluster.close()
                    restore()
        finally:
            lock.release()

    # --- set-up -------------------------------------------------------------------------

    def _new_pool(self) -> ProcessPoolExecutor:
        s = self.settings
        return start_pool(s.rules, max(1, s.jobs), s.read_options, s.limits.memory)

    def _start_observer(self) -> BaseObserver | None:
        s = self.settings
        observer, mode = observe_or_poll(
            self.inbox, self._wake.put, s.once, s.polling, s.poll_interval
        )
        self._observing = observer is not None
        log.info(
            "watching %s (%s), store %s, %s, settle %g s",
            self.inbox,
            mode,
            self._store.path,
            f"{s.jobs} job(s)" if s.dask is None else f"the Dask cluster at {s.dask}",
            s.settle,
        )
        return observer

    # --- the loop -----------------------------------------------------------------------

    def _loop(self) -> int:
        s = self.settings
        interval = SAFETY_RESCAN if self._observing else s.poll_interval
        self._queue_rereads()
        self._scan()
        next_scan = time.monotonic() + interval
        while True:
            self._collect()
            self._stop_overdue()
            capacity = max(1, s.jobs) if self._cluster is None else self._cluster.capacity()
            if self._stopping:
                if not self._abandon and time.monotonic() - self._stop_asked > STOP_GRACE:
                    self._abandon = True
                if self._abandon or not self._in_flight:
                    break
            else:
                free = capacity - len(self._in_flight)
                if free > 0:
                    for path in self.settling.ready(free):
                        self._start(path)
                if s.once and not self.settling and not self._in_flight:
                    break
                if not s.once and time.monotonic() >= next_scan:
                    self._scan()
                    next_scan = time.monotonic() + interval
            timeout = max(0.0, next_scan - time.monotonic())
            due = self.settling.next_due()
            if due is not None and len(self._in_flight) < capacity:
                timeout = min(timeout, max(due - time.monotonic(), MIN_WAIT))
            if self._stopping:
                timeout = min(timeout, STOP_GRACE)
            if self._cluster is not None:  # workers come and go, a lost scheduler comes back
                timeout = min(timeout, CHECK_SECONDS)
            dues = [d for f, t in self._in_flight.items() if (d := self._due(f, t)) is not None]
            if dues:
                timeout = min(timeout, max(min(dues) - time.monotonic(), MIN_WAIT))
            self._wait(timeout)
        if self._abandon and self._in_flight:
            names = ", ".join(t.path.name for t in self._in_flight.values())
            log.warning("abandoned (left in the inbox, read again next time): %s", names)
        log.info("stopped; %d document(s) processed in this run", len(self.results))
        return exit_code(self.results) if s.once else ExitCode.OK

    def _due(self, future: Any, task: _Task) -> float | None:
        """(monotonic) when ``task`` has run over its time; None: no limit, or not started."""
        if task.budget is None:
            return None
        start = task.submitted if self._cluster is None else self._cluster.started(future)
        return None if start is None else start + task.budget

    def _wait(self, timeout: float) -> None:
        try:
            self._handle(self._wake.get(timeout=timeout))
        except queue.Empty:
            return
        while True:
            try:
                self._handle(self._wake.get_nowait())
            except queue.Empty:
                return

    def _handle(self, item: Path | str) -> None:
        if item == _STOP:
            if self._stopping:
                self._abandon = True
                log.info("second stop request: abandoning the documents being read")
            else:
                self._stopping = True
                self._stop_asked = time.monotonic()
                log.info(
                    "stop requested: finishing %d document(s) being read (for %g s at most)",
                    len(self._in_flight),
                    STOP_GRACE,
                )
        elif (
            isinstance(item, Path)
            and not self._stopping
            and is_candidate_name(item.name)
            and not any(t.path == item for t in self._in_flight.values())
        ):
            self.settling.add(item)

    def _queue_rereads(self) -> None:
        """Queue the stored documents in ``done/`` that are read again (``rereads``)."""
        documents, reprocess = self._store.documents(), self.settings.reprocess
        self._again.update(stored_to_read_again(documents, self.read_with, reprocess))
        for sha256, path in files_by_sha256(self.inbox / DONE, self._again).items():
            log.info("reading %s again: %s", path.relative_to(self.inbox), self._again[sha256])
            self.settling.add(path)

    def _scan(self) -> None:
        busy = {t.path for t in self._in_flight.values()}
        for path in list_inbox(self.inbox):
            if path not in busy:
                self.settling.add(path)
        for path, kind in special_files(self.inbox):
            if path not in self._skipped:
                self._skipped.add(path)
                log.warning("%s: skipped, not a regular file but %s", path.name, kind)

    # --- one document -------------------------------------------------------------------

    def _start(self, path: Path) -> None:
        try:
            sha256, _ = file_sha256(path)
        except OSError as exc:
            log.warning("%s: cannot read (%s); skipped", path.name, exc.strerror or exc)
            return
        known = self._store.known(sha256)
        again = self._again.pop(sha256, None) or (
            None if known is None else why_read_again(known.read_with, known.report, self.read_with)
        )
        if known is not None and again is None:
            self._filing.duplicate(path, known)
            return
        if any(t.sha256 == sha256 for t in self._in_flight.values()):
            self.settling.add(path)  # the same bytes are being read: a duplicate once stored
            return
        if self._cluster is not None:
            future = self._cluster.submit(path)
            if future is None:  # the scheduler is lost: it waits in the inbox
                self.settling.add(path)
                return
        else:
            try:
                assert self._pool is not None  # (the local pool)
                future = self._pool.submit(work_in_pool, path)
            except BrokenProcessPool:
                self._pool = self._new_pool()
                future = self._pool.submit(work_in_pool, path)
        budget = self.settings.limits.deadline(path)
        self._in_flight[future] = _Task(path, sha256, self._pool, budget, time.monotonic())
        future.add_done_callback(lambda _: self._wake.put(_WAKE))

    def _collect(self) -> None:
        for future in [f for f in self._in_flight if f.done()]:
            task = self._in_flight.pop(future)
            if self._cluster is not None:
                result = self._cluster.outcome(future, task.path)
                if result is None:  # lost with the scheduler: read again once it is back
                    self.settling.add(task.path)
                else:
                    self._settle(task, result)
                continue
            if future.cancelled():
                continue
            error = future.exception()
            if isinstance(error, BrokenProcessPool):
                self._worker_died(task)
            elif isinstance(error, MemoryError):
                self._settle(task, over_memory(task.path, self.settings.limits.memory))
            elif error is not None:  # work_in_pool never raises; a bug must not stop the watch
                log.error("%s: %s: %s", task.path.name, type(error).__name__, error)
            else:
                self._settle(task, future.result())

    def _stop_overdue(self) -> None:
        """Fail each document past its time; its worker is stopped by starting new workers
        (the others being read are read again, not counted as deaths). On a cluster its task
        is cancelled instead and the others go on (``WatchCluster.cancel``)."""
        now = time.monotonic()
        overdue = [
            f for f, t in self._in_flight.items() if (d := self._due(f, t)) is not None and now >= d
        ]
        if not overdue:
            return
        for future in overdue:
            task = self._in_flight.pop(future)
            if self._cluster is not None:
                self._cluster.cancel(future)
            self._settle(task, over_time(task.path, self.settings.limits))
        if self._cluster is not None:
            return
        for future, task in list(self._in_flight.items()):  # their worker is stopped too
            del self._in_flight[future]
            self.settling.add(task.path)
        assert self._pool is not None  # (the local pool)
        stop_workers(self._pool)
        self._pool = self._new_pool()

    def _worker_died(self, task: _Task) -> None:
        if task.pool is self._pool and self._pool is not None:
            log.error("a worker process died; starting new workers")
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new_pool()
        if self._stopping:
            return
        self._deaths[task.sha256] += 1
        if self._deaths[task.sha256] < WORKER_DEATHS:
            self.settling.add(task.path)
            return
        self._settle(
            task,
            failed_result(task.path, "the engine's worker process died while reading this file"),
        )

    def _settle(self, task: _Task, result: FileResult) -> None:
        """Steps 3-5 for a processed document."""
        if result.source_sha256 is not None and result.source_sha256 != task.sha256:
            log.info("%s changed while being read; reading it again", task.path.name)
            self.settling.add(task.path)
            return
        self._filing.file(task.path, task.sha256, result, self._store, self.read_with)


def watch(settings: WatchSettings) -> int:
    """Run a watcher in this (main) process; the exit code. WatchError if it cannot start.

    When the store or the output folder cannot be written, the watcher stops with exit code 1
    (the document at hand stays in the inbox). After an abandoning second stop request the
    process exits at once; its workers follow it (see ``pool``).
    """
    watcher = Watcher(settings)
    try:
        code = watcher.run()
    except (StoreError, OSError) as exc:
        log.error("stopping: %s", exc)
        return ExitCode.SOME_FAILED
    if watcher.abandoned:
        logging.shutdown()
        os._exit(code)
    return code
