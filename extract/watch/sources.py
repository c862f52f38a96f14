"""Where the watcher hears about new files: watchdog events (inotify on Linux).

In: the inbox and a callback. Out: a started observer that calls the callback with the path of
every file created, written, closed or moved into the inbox itself (not its subfolders). The
callback runs on watchdog's thread, so it must only hand the path over (a queue put).
The polling fallback needs no source: the watch loop lists the inbox itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

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
