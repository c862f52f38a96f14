"""Documents as tasks on a ``dask.distributed`` cluster: ``ankestat extract --dask ADDRESS``.

In: the input paths (on a filesystem every worker sees, as on a university cluster's shared
home or a Kubernetes volume), the loaded rulebook (sent to every worker once, so the rules
need not be on the workers), the read options and the scheduler's address. Out: each file's
``FileResult`` as its task finishes, with its index; its records spooled on this machine when
a spool folder is given. A document whose task fails fails alone; a worker that dies has its
documents run again elsewhere by the scheduler (each result is taken once, so nothing is
lost or doubled); one that kills workers again and again fails with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from extract.codes import FailureKind, FileStatus
from extract.errors import CannotRun
from extract.interpret.rulebook import Rulebook
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.writers.spool import SpoolSink

CONNECT_SECONDS = 30
# How often a document may be on a worker that dies before it is failed (dask's own default
# is 3; a document that kills its worker should not take three more down with it).
ALLOWED_FAILURES = 2


def read_on_worker(path: str, rulebook: Rulebook, options: ReadOptions) -> FileResult:
    """The task: one document through the pipeline on a worker; records held in the result
    (sent back to the client); a bug is the document's failed result, never a raised error."""
    from extract.run.batch import safe_process

    return safe_process(Path(path), rulebook, options)


def _client(address: str) -> Any:
    """A client of the scheduler at ``address``; CannotRun naming it when it cannot be
    reached, or when dask.distributed is not installed."""
    try:
        import dask
        from distributed import Client
    except ImportError as exc:
        raise CannotRun(
            f'--dask needs the Python package distributed (pip install "ankestat[dask]"): {exc}'
        ) from exc
    dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES})
    try:
        return Client(address, timeout=CONNECT_SECONDS, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise CannotRun(f"--dask {address}: cannot reach the scheduler ({exc})") from exc


def _failed(path: Path, exc: BaseException) -> FileResult:
    """The result of a document whose task could not finish (its workers died, say)."""
    reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
    return FileResult(
        path.name,
        str(path),
        FileStatus.FAILED,
        f"its task failed on the cluster ({reason})",
        failure=FailureKind.INPUT,
    )


def run_on_dask(
    paths: Sequence[Path],
    order: Sequence[int],
    address: str,
    rulebook: Rulebook,
    options: ReadOptions,
    spool_dir: Path | None = None,
) -> Iterator[tuple[int, FileResult]]:
    """Run every document of ``paths`` (submitted in ``order``) on the cluster at
    ``address``; yield (index, result) as each finishes, records spooled to ``spool_dir``."""
    client = _client(address)
    with client.as_current():
        try:
            yield from _run(client, paths, order, rulebook, options, spool_dir)
        finally:
            client.close()


def _run(
    client: Any,
    paths: Sequence[Path],
    order: Sequence[int],
    rulebook: Rulebook,
    options: ReadOptions,
    spool_dir: Path | None,
) -> Iterator[tuple[int, FileResult]]:
    from distributed import as_completed

    book = client.scatter(rulebook, broadcast=True)
    futures = {
        client.submit(
            read_on_worker,
            str(paths[i].resolve()),
            book,
            options,
            key=f"ankestat-read-{i}-{paths[i].name}",
            pure=False,
        ): i
        for i in order
    }
    for future in as_completed(futures):  # type: ignore[no-untyped-call]
        index = futures[future]
        try:
            result: FileResult = future.result()
        except Exception as exc:  # the task itself failed: this document only
            result = _failed(paths[index], exc)
        yield index, _spooled(result, spool_dir)
        future.release()


def _spooled(result: FileResult, spool_dir: Path | None) -> FileResult:
    """``result`` with its records moved into a spool in ``spool_dir`` (None: kept)."""
    if spool_dir is None or not result.records:
        return result
    from dataclasses import replace

    sink = SpoolSink(spool_dir)
    sink.add(result.records)
    return replace(result, records=(), spool=sink.finish({}))
