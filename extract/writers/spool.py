"""Where a file's records go while the file is processed: held in memory, or spooled to disk.

In: batches of ``Record``s (one batch per table, in record order). Out: the same records again,
in order, with late flags added (``with_flags``): from the list (``MemorySink``) or from a
temporary file of pickled batches (``SpoolSink``), so a long document's records never need to
be in memory all at once. A spool keeps each record's values (``RecordValues``): read back as
values (``file_values``, what the run's writers take: unpickled without making a ``Record``,
several times faster) or as records (``file_records``).
"""

from __future__ import annotations

import gc
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import BinaryIO, Protocol

from extract.model import Record
from extract.results import FileResult, RecordSpool
from extract.writers.jsonl import FLAGS, RecordValues, field_values


class RecordSink(Protocol):
    """Receives a file's records as its tables finish."""

    def add(self, records: Sequence[Record]) -> None:
        """Take the next records (record order)."""
        ...


def merged_flags(flags: Iterable[str], more: Iterable[str]) -> list[str]:
    """A record's flag codes with ``more``: sorted, each once, like every record's flags."""
    return sorted({*flags, *more})


def with_flags(record: Record, flags: Iterable[str]) -> Record:
    """``record`` with more flag codes (``merged_flags``)."""
    return replace(record, flags=merged_flags(record.flags, flags))


def values_with_flags(values: RecordValues, flags: Iterable[str]) -> RecordValues:
    """A record's values with more flag codes (``merged_flags``)."""
    return (*values[:FLAGS], merged_flags(values[FLAGS], flags), *values[FLAGS + 1 :])


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
    """Records pickled batch by batch into a new temporary file in ``directory``, as lists
    of their values."""

    def __init__(self, directory: Path | None) -> None:
        handle, name = tempfile.mkstemp(prefix="ankestat-", suffix=".records", dir=directory)
        self.path = name
        self.count = 0
        self._file = os.fdopen(handle, "wb")

    def add(self, records: Sequence[Record]) -> None:
        if records:
            batch = [field_values(record) for record in records]
            pickle.dump(batch, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self.count += len(records)

    def finish(self, extra_flags: Mapping[int, tuple[str, ...]]) -> RecordSpool:
        """Close the file; the spool that reads it back with the late flags."""
        self._file.close()
        return RecordSpool(self.path, self.count, tuple(sorted(extra_flags.items())))

    def discard(self) -> None:
        """Close and delete the file (the file failed; its records are not wanted)."""
        self._file.close()
        Path(self.path).unlink(missing_ok=True)


def _batches(path: str) -> Iterator[list[RecordValues]]:
    with open(path, "rb") as handle:
        while True:
            try:
                batch = _load(handle)
            except EOFError:
                return
            if batch and isinstance(batch[0], Record):  # spooled by an earlier version
                batch = [field_values(record) for record in batch]
            yield batch


def _load(handle: BinaryIO) -> list[RecordValues]:
    """The next batch, read with the cyclic garbage collector paused: a batch is thousands of
    new objects at once, none of them garbage, and the collections their allocation sets off
    (scanning every young object, again and again) took half the time of reading it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        batch: list[RecordValues] = pickle.load(handle)  # our own temporary file
    finally:
        if enabled:
            gc.enable()
    return batch


def spooled_values(spool: RecordSpool) -> Iterator[RecordValues]:
    """The values of the spool's records in order, late flags added."""
    values = chain.from_iterable(_batches(spool.path))  # (record by record without Python)
    extra = dict(spool.extra_flags)
    if not extra:
        return values
    return (
        v if (flags := extra.get(i)) is None else values_with_flags(v, flags)
        for i, v in enumerate(values)
    )


def _values(result: FileResult) -> Iterator[RecordValues]:
    if result.spool is not None:
        return spooled_values(result.spool)
    return map(field_values, result.records)


def file_values(results: Iterable[FileResult]) -> Iterator[RecordValues]:
    """The values of every record of the results, in order: of held ones and spooled ones."""
    return chain.from_iterable(map(_values, results))


def file_records(results: Iterable[FileResult]) -> Iterator[Record]:
    """Every record of the results, in order: held ones as they are, spooled ones read back."""
    for result in results:
        if result.spool is not None:
            yield from (Record(*values) for values in spooled_values(result.spool))
        else:
            yield from result.records
