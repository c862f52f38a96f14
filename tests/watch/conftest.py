"""Fixtures of the watch tests: ``log`` (waits for the watcher's log lines) and ``inbox``."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

TIMEOUT = 60.0


class LogWaiter(logging.Handler):
    """Collects the watcher's log messages; ``wait_for`` blocks until one contains a text."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []
        self._cond = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        with self._cond:
            self.lines.append(record.getMessage())
            self._cond.notify_all()

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> str:
        with self._cond:
            found = self._cond.wait_for(lambda: self._match(text), timeout)
        assert found, f"no log line containing {text!r} within {timeout} s: {self.lines}"
        return found

    def _match(self, text: str) -> str | None:
        return next((line for line in self.lines if text in line), None)


@pytest.fixture
def log() -> Iterator[LogWaiter]:
    logger = logging.getLogger("ankestat.watch")
    waiter, level = LogWaiter(), logger.level
    logger.addHandler(waiter)
    logger.setLevel(logging.INFO)
    yield waiter
    logger.removeHandler(waiter)
    logger.setLevel(level)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder
