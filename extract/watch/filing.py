"""Steps 3-5 of the watch loop, for a document the watcher is through with.

In: the inbox, the output folder and the write options; per document its path, sha256 and
result (with the store and what the watcher reads with), or what the store knows of the same
bytes. Out: its per-document files written (``outputs``), its records and ``documents`` row
committed, the document moved to ``done/`` (``failed/`` with ``<name>.error.txt`` if it
failed), and the run report written again with this run's ``results``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from extract import __version__
from extract.codes import FileStatus
from extract.results import FileResult
from extract.watch.inbox import DONE, FAILED, error_text, move_into
from extract.watch.outputs import write_document_files
from extract.watch.store import KnownDocument, Store
from extract.writers import WriteOptions
from extract.writers.report import write_report

log = logging.getLogger("ankestat.watch")


class Filing:
    """Files the documents one watcher is through with; ``results``: this run's results."""

    def __init__(self, inbox: Path, out: Path, options: WriteOptions) -> None:
        self.inbox = inbox
        self.out = out
        self.options = options
        self.results: list[FileResult] = []
        self._started = datetime.now(UTC).isoformat(timespec="seconds")
        self._clock = time.perf_counter()

    def file(
        self,
        path: Path,
        sha256: str,
        result: FileResult,
        store: Store,
        read_with: Mapping[str, Any],
    ) -> None:
        """Steps 3-5 for a processed document: files, one transaction, the move, the report."""
        failed = result.status is FileStatus.FAILED
        if not failed:
            write_document_files(self.out, result, sha256, self.options)
        store.commit_document(result, sha256, read_with)
        self.results.append(result)
        error = error_text(path.name, sha256, result.error) if failed else None
        target = self.move(path, FAILED if failed else DONE, error)
        if failed:
            log.warning("failed  %s: %s -> %s", path.name, result.error, target)
        else:
            log.info(
                "%-7s %s: %d records, %d findings (%.2f s) -> %s",
                result.status,
                path.name,
                len(result.records),
                len(result.findings),
                result.seconds,
                target,
            )
        write_report(self.results, self.out, self._started, self._elapsed(), __version__)

    def duplicate(self, path: Path, known: KnownDocument) -> None:
        """Step 5 for a document whose bytes the store knows: moved as that one ended."""
        failed = known.status == str(FileStatus.FAILED)
        error = error_text(path.name, known.sha256, known.error, known) if failed else None
        target = self.move(path, FAILED if failed else DONE, error)
        log.info(
            "duplicate %s: same bytes as %r, stored %s (%s); not processed again -> %s",
            path.name,
            known.name,
            known.processed_at,
            known.status,
            target,
        )

    def move(self, path: Path, folder: str, error: str | None) -> str:
        """Move ``path`` into the inbox's ``folder``; where it went, relative to the inbox
        ("(gone)" or "(not moved)" when it could not be moved)."""
        if path.parent == self.inbox / folder:  # read again where it lies (done/)
            return str(path.relative_to(self.inbox))
        try:
            target = move_into(path, self.inbox / folder, error)
        except FileNotFoundError:
            log.warning("%s: left the inbox before it could be moved to %s/", path.name, folder)
            return "(gone)"
        except OSError as exc:
            log.error("%s: cannot move it to %s/ (%s)", path.name, folder, exc.strerror or exc)
            return "(not moved)"
        return str(target.relative_to(self.inbox))

    def _elapsed(self) -> float:
        return time.perf_counter() - self._clock
