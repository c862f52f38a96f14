"""The watcher's worker pool: ``extract.runner``'s workers, made fit for a long-running daemon.

- Workers are started by a fork server, so they inherit none of the watcher's open files
  (above all not the inbox lock: a stray worker must never keep a restarted watcher out).
- Workers ignore SIGINT and SIGTERM: stopping is the watcher's decision (Ctrl-C on a terminal
  and systemd signal the whole process group).
- A worker exits as soon as the watcher process is gone, even when it was killed with SIGKILL.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import wait

from extract.readers import ReadOptions
from extract.rulebook import RuleDirs
from extract.runner import init_worker

_PRELOAD = ["extract.runner"]


def _exit_with_parent(sentinel: int) -> None:
    wait([sentinel])
    os._exit(0)


def _init_watch_worker(rules: RuleDirs, options: ReadOptions) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()
    init_worker(rules, options)


def start_pool(rules: RuleDirs, jobs: int, options: ReadOptions) -> ProcessPoolExecutor:
    """A pool of ``jobs`` started workers, each loading the rulebook; submit ``work_in_pool``."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_watch_worker,
        initargs=(rules, options),
    )
    for _ in range(jobs):  # start the workers now, not when the first document arrives
        pool.submit(int)
    return pool
