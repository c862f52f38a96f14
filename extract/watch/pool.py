"""The watcher's worker pool: ``extract.run.batch``'s workers, made fit for a long-running daemon.

- Workers are started by a fork server, so they inherit none of the watcher's open files
  (above all not the inbox lock: a stray worker must never keep a restarted watcher out).
- Workers ignore SIGINT and SIGTERM: stopping is the watcher's decision (Ctrl-C on a terminal
  and systemd signal the whole process group).
- A worker exits as soon as the watcher process is gone, even when it was killed with SIGKILL.
- A worker may take ``memory`` bytes (``--memory-limit``); a document past it fails alone.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import wait

from extract.interpret.rulebook import RuleDirs
from extract.readers import ReadOptions
from extract.run.batch import init_worker

_PRELOAD = ["extract.run.batch"]


def _exit_with_parent(sentinel: int) -> None:
    wait([sentinel])
    os._exit(0)


def _init_watch_worker(rules: RuleDirs, options: ReadOptions, memory: int) -> None:
    import resource

    if memory > 0:  # a document past it raises MemoryError: it fails, the worker goes on
        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()
    init_worker(rules, options)


def start_pool(
    rules: RuleDirs, jobs: int, options: ReadOptions, memory: int = 0
) -> ProcessPoolExecutor:
    """A pool of ``jobs`` started workers, each loading the rulebook and allowed ``memory``
    bytes (0: no ceiling); submit ``work_in_pool``."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_watch_worker,
        initargs=(rules, options, memory),
    )
    for _ in range(jobs):  # start the workers now, not when the first document arrives
        pool.submit(int)
    return pool


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the pool's worker processes at once (one runs over its time) and let it go."""
    for process in list(getattr(pool, "_processes", {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
