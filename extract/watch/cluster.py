"""Inbox documents as tasks on a dask.distributed cluster (``--dask``, ``ANKESTAT_DASK``).

In: the scheduler's address, the rule folders and read options, and ``wake`` (called when a
task starts on a worker). Out: futures for the watcher to wait on, and each one's result,
through ``extract.run.dask_executor.DaskReader`` (shared with ``extract --dask``; records
come back with the result, as from the local pool). dask is imported only once a
``WatchCluster`` is made.

- The watcher hands the cluster as many documents as it has worker threads (asked again
  every ``CHECK_SECONDS``): the others wait in the inbox, where a restart finds them.
- A document's time budget counts from when its task starts on a worker (each start is an
  event from the worker), not from when it waits on the scheduler.
- The scheduler must be reachable at the start (else CannotRun: one line, exit 3). Lost
  later, the documents in flight stay in the inbox and are read again once it is back: one
  warning line, a new client tried every ``RETRY_SECONDS``, one line when it is back. With
  ``--once`` a lost scheduler stops the watcher instead (ClusterLost, a CannotRun: exit 3).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path
from typing import Any

from extract.errors import CannotRun
from extract.interpret.rulebook import RuleDirs, load_rulebook
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.run.dask_executor import ClusterLost, DaskReader

log = logging.getLogger("ankestat.watch")

CHECK_SECONDS = 2.0  # how often the worker threads are counted (workers come and go)
RETRY_SECONDS = 30.0  # how often a lost scheduler is tried again
RECONNECT_SECONDS = 5.0  # how long one such try may take (the loop waits for it)


class WatchCluster:
    """The cluster at ``address`` as the watcher's workers (``once``: a lost scheduler ends
    the run). CannotRun if it cannot be reached now."""

    def __init__(
        self,
        address: str,
        rules: RuleDirs,
        options: ReadOptions,
        wake: Callable[[], None],
        once: bool = False,
    ) -> None:
        self.address = address
        self._once = once
        self._rulebook = load_rulebook(rules[0], rules[1:])
        self._options = options
        self._wake = wake
        self._started: dict[str, float] = {}  # task key -> (monotonic) when it started
        self._reader: DaskReader | None = self._connect(None)
        self._threads, self._counted = -1, float("-inf")  # (counted before it is used)
        self._retry = 0.0

    def _connect(self, timeout: float | None) -> DaskReader:
        return DaskReader(
            self.address, self._rulebook, self._options, timeout=timeout, on_start=self._on_start
        )

    def _on_start(self, key: str) -> None:
        """(On the client's event loop thread) a task started on a worker."""
        self._started[key] = time.monotonic()
        self._wake()

    def capacity(self) -> int:
        """How many documents the cluster may have at once: its worker threads (0 while the
        scheduler is lost; then tried again every ``RETRY_SECONDS``). ClusterLost when it is
        lost with ``once``."""
        if self._reader is not None and not self._reader.connected:
            self.lost()
        now = time.monotonic()
        if self._reader is None and self._once:
            raise ClusterLost(f"--dask {self.address}: lost the connection to the scheduler")
        if self._reader is None:
            if now < self._retry:
                return 0
            self._retry = now + RETRY_SECONDS
            try:
                self._reader = self._connect(RECONNECT_SECONDS)
            except CannotRun:
                return 0
            log.info("the Dask scheduler at %s is reachable again", self.address)
            self._counted = float("-inf")
        if now - self._counted >= CHECK_SECONDS:
            try:
                threads = self._reader.threads()
            except (OSError, TimeoutError):
                self.lost()
                return 0
            if threads == 0 and self._threads != 0:
                log.warning("the Dask cluster has no workers: documents wait in the inbox")
            self._threads, self._counted = threads, now
        return self._threads

    def submit(self, path: Path) -> Any:
        """Start reading ``path`` on the cluster: its future (None: the scheduler is lost)."""
        if self._reader is None:
            return None
        try:
            return self._reader.submit(path)
        except (OSError, TimeoutError, ClusterLost):
            self.lost()
            return None

    def started(self, future: Any) -> float | None:
        """(monotonic) when ``future``'s task started on a worker; None: not yet."""
        return self._started.get(future.key)

    def outcome(self, future: Any, path: Path) -> FileResult | None:
        """The result of ``path``'s finished ``future`` (its ``path`` as given): the
        document's, failed if its task failed; None when it was lost with the scheduler (to
        be read again)."""
        self._started.pop(future.key, None)
        if self._reader is None:
            return None
        try:
            return replace(self._reader.result(future, path), path=str(path))
        except ClusterLost:
            self.lost()
            return None

    def cancel(self, future: Any) -> None:
        """Give up ``future`` (its document ran over its time). A worker's thread cannot be
        stopped from here: the task runs on there until the document ends, and the worker
        takes its next task after it."""
        self._started.pop(future.key, None)
        future.cancel()

    def lost(self) -> None:
        """The scheduler cannot be reached: the client closed, one warning line."""
        if self._reader is None:
            return
        self.close()
        self._retry = time.monotonic() + RETRY_SECONDS
        self._started.clear()
        log.warning(
            "the Dask scheduler at %s cannot be reached: documents stay in the inbox until it "
            "can (tried again every %g s)",
            self.address,
            RETRY_SECONDS,
        )

    def close(self) -> None:
        """Close the client; tasks still on the cluster are given up."""
        if self._reader is not None:
            # quiet: distributed logs a traceback when a lost client's reconnection is cut short
            with _quiet("distributed.client"), suppress(OSError, TimeoutError):
                self._reader.close()
            self._reader = None


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """The logger ``name`` silenced for the block."""
    logger = logging.getLogger(name)
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled
