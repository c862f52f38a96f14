"""Documents as tasks on a ``dask.distributed`` cluster: ``ankestat extract --dask ADDRESS``.

In: the input paths (on a filesystem every worker sees, as on a university cluster's shared
home or a Kubernetes volume), the loaded rulebook (sent to every worker once, so the rules
need not be on the workers), the read options and the scheduler's address. Out: each file's
``FileResult`` as its task finishes, with its index; with a spool folder, its records spooled
there: by the worker itself when it sees that folder (a shared filesystem, told by a token
file in it), else sent back and spooled by the client. A document whose task fails fails
alone; a worker that dies has its documents run again elsewhere by the scheduler (each result
is taken once, so nothing is lost or doubled); one that kills workers again and again fails
with the reason.
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
# A file in the client's spool folder whose token tells a worker it sees that very folder.
SHARED_MARK = ".ankestat-shared"


def read_on_worker(
    path: str,
    rulebook: Rulebook,
    options: ReadOptions,
    spool_dir: str | None = None,
    token: str | None = None,
) -> FileResult:
    """The task: one document through the pipeline on a worker. Its records are spooled
    into ``spool_dir`` when this worker sees the client's folder there (the mark in it holds
    ``token``: a shared filesystem), else held in the result and sent back. A bug is the
    document's failed result, never a raised error."""
    from extract.run.batch import safe_process

    folder = None if spool_dir is None else Path(spool_dir)
    shared = folder is not None and token is not None and _marked(folder, token)
    return safe_process(Path(path), rulebook, options, folder if shared else None)


def _marked(folder: Path, token: str) -> bool:
    try:
        return (folder / SHARED_MARK).read_text(encoding="ascii") == token
    except (OSError, UnicodeDecodeError):
        return False


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
    folder, token = None, None
    if spool_dir is not None:
        import secrets

        folder, token = str(spool_dir.resolve()), secrets.token_hex(16)
        (spool_dir / SHARED_MARK).write_text(token, encoding="ascii")
    futures = {
        client.submit(
            read_on_worker,
            str(paths[i].resolve()),
            book,
            options,
            folder,
            token,
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
        if result.spool is not None and not Path(result.spool.path).is_file():
            result = _failed(paths[index], OSError("its records were spooled out of reach"))
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
