"""Where the watcher hears about new files (watchdog events, inotify on Linux) and stops.

In: the inbox and a callback. Out: a started observer that calls the callback with the path of
every file created, written, closed or moved into the inbox itself (not its subfolders). The
callback runs on watchdog's thread, so it must only hand the path over (a queue put).
The polling fallback needs no source: the watch loop lists the inbox itself
(``observe_or_poll`` tells which it is). Stop requests come as SIGTERM and SIGINT
(``stop_on_signals``).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

log = logging.getLogger("ankestat.watch")

_EVENTS = frozenset({"created", "modified", "moved", "closed"})


def start_observer(inbox: Path, notify: Callable[[Path], None]) -> BaseObserver:
    """Start a watchdog observer on ``inbox`` (not recursive); raises OSError if it cannot."""
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    class _Handler(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.is_directory or event.event_type not in _EVENTS:
                return
            raw = event.dest_path if event.event_type == "moved" else event.src_path
            path = Path(os.fsdecode(raw))
            if path.parent == inbox:
                notify(path)

    observer = Observer()
    observer.schedule(_Handler(), str(inbox), recursive=False)
    observer.start()
    return observer


def observe_or_poll(
    inbox: Path, notify: Callable[[Path], None], once: bool, polling: bool, interval: float
) -> tuple[BaseObserver | None, str]:
    """A started observer on ``inbox`` and "watchdog events"; or, with ``once`` or
    ``polling``, or when events cannot be had (a warning logged), None and how the inbox is
    listed instead ("once", "polling every ``interval`` s")."""
    mode = "once" if once else f"polling every {interval:g} s"
    observer = None
    if not (once or polling):
        try:
            observer = start_observer(inbox, notify)
            mode = "watchdog events"
        except OSError as exc:
            log.warning("cannot watch for events (%s); polling instead", exc)
    return observer, mode


class _StopRace(logging.Filter):
    """Drops watchdog's error about an event read while its thread stops (harmless)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "called when the thread is inactive" not in record.getMessage()


def stop_observer(observer: BaseObserver) -> None:
    """Stop the observer and wait for its thread."""
    logger = logging.getLogger("watchdog.observers.inotify")
    quiet = _StopRace()
    logger.addFilter(quiet)
    try:
        observer.stop()
        observer.join()
    finally:
        logger.removeFilter(quiet)


def stop_on_signals(stop: Callable[[], None]) -> Callable[[], None]:
    """Call ``stop`` on SIGTERM and SIGINT (only in the main thread: elsewhere nothing is
    set); returns what puts the handlers before back."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: FrameType | None) -> None:
        stop()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}

    def restore() -> None:
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore
