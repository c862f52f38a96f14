"""Where a file's records go while the file is processed: held in memory, or spooled to disk.

In: batches of ``Record``s (one batch per table, in record order). Out: the same records again,
in order, with late flags added (``with_flags``): from the list (``MemorySink``) or from a
temporary file of pickled batches (``SpoolSink``, read back by ``spooled_records``), so a long
document's records never need to be in memory all at once.
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO, Protocol

from extract.model import Record
from extract.results import FileResult, RecordSpool


class RecordSink(Protocol):
    """Receives a file's records as its tables finish."""

    def add(self, records: Sequence[Record]) -> None:
        """Take the next records (record order)."""
        ...


def with_flags(record: Record, flags: Iterable[str]) -> Record:
    """``record`` with more flag codes (sorted, unique, like every record's flags)."""
    return replace(record, flags=sorted({*record.flags, *flags}))


class MemorySink:
    """Records held in a list (``process_file``, the watcher)."""

    def __init__(self) -> None:
        self.records: list[Record] = []

    def add(self, records: Sequence[Record]) -> None:
        self.records.extend(records)

    def finish(self, extra_flags: Mapping[int, tuple[str, ...]]) -> tuple[Record, ...]:
        """Every record, late flags added."""
        out = self.records
        for i, flags in extra_flags.items():
            out[i] = with_flags(out[i], flags)
        return tuple(out)


class SpoolSink:
    """Records pickled batch by batch into a new temporary file in ``directory``."""

    def __init__(self, directory: Path | None) -> None:
        handle, name = tempfile.mkstemp(prefix="ankestat-", suffix=".records", dir=directory)
        self.path = name
        self.count = 0
        self._file = os.fdopen(handle, "wb")

    def add(self, records: Sequence[Record]) -> None:
        if records:
            pickle.dump(list(records), self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(records)

    def finish(self, extra_flags: Mapping[int, tuple[str, ...]]) -> RecordSpool:
        """Close the file; the spool that reads it back with the late flags."""
        self._file.close()
        return RecordSpool(self.path, self.count, tuple(sorted(extra_flags.items())))

    def discard(self) -> None:
        """Close and delete the file (the file failed; its records are not wanted)."""
        self._file.close()
        Path(self.path).unlink(missing_ok=True)


def _batches(path: str) -> Iterator[Record]:
    with open(path, "rb") as handle:
        while True:
            try:
                batch = _load(handle)
            except EOFError:
                return
            yield from batch


def _load(handle: BinaryIO) -> list[Record]:
    """The next batch, read with the cyclic garbage collector paused: a batch is thousands of
    new objects at once, none of them garbage, and the collections their allocation sets off
    (scanning every young object, again and again) took half the time of reading it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        batch: list[Record] = pickle.load(handle)  # our own temporary file
    finally:
        if enabled:
            gc.enable()
    return batch


def spooled_records(spool: RecordSpool) -> Iterator[Record]:
    """The spool's records in order, late flags added."""
    extra = dict(spool.extra_flags)
    for i, record in enumerate(_batches(spool.path)):
        flags = extra.get(i)
        yield record if flags is None else with_flags(record, flags)


def file_records(results: Iterable[FileResult]) -> Iterator[Record]:
    """Every record of the results, in order: held ones as they are, spooled ones read back."""
    for result in results:
        if result.spool is not None:
            yield from spooled_records(result.spool)
        else:
            yield from result.records
