"""Documents as tasks on a ``dask.distributed`` cluster: ``extract --dask`` and ``watch --dask``.

In: the input paths (on a filesystem every worker sees, as on a university cluster's shared
home or a Kubernetes volume), the loaded rulebook (sent to every worker once, so the rules
need not be on the workers), the read options and the scheduler's address. Out: each file's
``FileResult`` as its task finishes; with a spool folder, its records spooled there: by the
worker itself when it sees that folder (a shared filesystem, told by a token file in it),
else sent back and spooled by the client. A document whose task fails fails alone; a worker
that dies has its documents run again elsewhere by the scheduler (each result is taken once,
so nothing is lost or doubled); one that kills workers again and again fails with the
reason. ``DaskReader`` submits documents one at a time (the watcher); ``run_on_dask`` runs a
batch with it (``extract``). A lost scheduler is ``ClusterLost``, never a document's failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from extract.codes import FailureKind, FileStatus
from extract.errors import CannotRun
from extract.interpret.rulebook import Rulebook
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.writers.spool import SpoolSink

CONNECT_SECONDS = 30
# A file in the client's spool folder whose token tells a worker it sees that very folder.
SHARED_MARK = ".ankestat-shared"


def read_on_worker(
    path: str,
    rulebook: Rulebook,
    options: ReadOptions,
    spool_dir: str | None = None,
    token: str | None = None,
    started: str | None = None,
) -> FileResult:
    """The task: one document through the pipeline on a worker. Its records are spooled
    into ``spool_dir`` when this worker sees the client's folder there (the mark in it holds
    ``token``: a shared filesystem), else held in the result and sent back. With ``started``,
    the task's key is logged under that event topic as it starts (the watcher's clock). A
    bug is the document's failed result, never a raised error."""
    from extract.run.batch import safe_process

    if started is not None:
        from distributed import get_worker

        worker = get_worker()
        worker.log_event(started, worker.get_current_task())
    folder = None if spool_dir is None else Path(spool_dir)
    shared = folder is not None and token is not None and _marked(folder, token)
    return safe_process(Path(path), rulebook, options, folder if shared else None)


def _marked(folder: Path, token: str) -> bool:
    try:
        return (folder / SHARED_MARK).read_text(encoding="ascii") == token
    except (OSError, UnicodeDecodeError):
        return False


def _client(address: str, timeout: float) -> Any:
    """A client of the scheduler at ``address``; CannotRun naming it when it cannot be
    reached within ``timeout`` seconds, or when dask.distributed is not installed."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise CannotRun(
            f'--dask needs the Python package distributed (pip install "ankestat[dask]"): {exc}'
        ) from exc
    try:
        return Client(address, timeout=timeout, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise CannotRun(f"--dask {address}: cannot reach the scheduler ({exc})") from exc


class ClusterLost(CannotRun):
    """The connection to the scheduler was lost: the documents in flight have no result."""


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


class DaskReader:
    """A client of the cluster at ``address`` that reads documents there, each one task.

    In: the rulebook (scattered to every worker once, at the first ``submit``, and again when
    the cluster lost it), the read options, a spool folder (records spooled there: by the
    worker on a shared filesystem, else here) and ``on_start`` (told each task's key as it
    starts on a worker). ``submit`` a path: its future; ``result`` of a finished one: its
    ``FileResult``. CannotRun when the scheduler cannot be reached within ``timeout`` s.
    """

    def __init__(
        self,
        address: str,
        rulebook: Rulebook,
        options: ReadOptions,
        spool_dir: Path | None = None,
        timeout: float | None = None,
        on_start: Callable[[str], None] | None = None,
    ) -> None:
        import secrets

        self.address = address
        self.client = _client(address, CONNECT_SECONDS if timeout is None else timeout)
        self._rulebook, self._options, self._spool_dir = rulebook, options, spool_dir
        self._book: Any = None
        self._run = secrets.token_hex(4)  # keys of this client's tasks are its own
        self._submitted = 0
        self._folder, self._token = None, None
        if spool_dir is not None:
            self._folder, self._token = str(spool_dir.resolve()), secrets.token_hex(16)
            (spool_dir / SHARED_MARK).write_text(self._token, encoding="ascii")
        self._topic = None
        if on_start is not None:
            self._topic = f"ankestat-started-{self._run}"
            self.client.subscribe_topic(self._topic, lambda event: on_start(event[1]))

    @property
    def connected(self) -> bool:
        """Whether the client is connected to the scheduler."""
        return bool(self.client.status == "running")

    def threads(self) -> int:
        """The worker threads on the cluster now (asks the scheduler)."""
        info = self.client.scheduler_info(n_workers=0)
        return int(info.get("total_threads", 0))

    def submit(self, path: Path) -> Any:
        """Start reading ``path`` (on a filesystem the workers see) on the cluster; its future."""
        if self._book is None or self._book.status != "finished":
            self._book = self.client.scatter(self._rulebook, broadcast=True)
        self._submitted += 1
        return self.client.submit(
            read_on_worker,
            str(path.resolve()),
            self._book,
            self._options,
            self._folder,
            self._token,
            self._topic,
            key=f"ankestat-read-{self._run}-{self._submitted}-{path.name}",
            pure=False,
        )

    def result(self, future: Any, path: Path) -> FileResult:
        """The result of ``path``'s finished ``future`` (records spooled when a spool folder
        was given); a failed task is the document's failed result. ClusterLost when the
        connection to the scheduler was lost before the result came back."""
        try:
            result: FileResult = future.result()
        except Exception as exc:
            if future.cancelled() or not self.connected:  # not the task's error
                why = "lost the connection to the scheduler"
                raise ClusterLost(f"--dask {self.address}: {why}") from exc
            result = _failed(path, exc)
        finally:
            future.release()
        if result.spool is not None and not Path(result.spool.path).is_file():
            result = _failed(path, OSError("its records were spooled out of reach"))
        return _spooled(result, self._spool_dir)

    def close(self) -> None:
        """Close the client (the tasks still on the cluster are given up)."""
        self.client.close()


def run_on_dask(
    paths: Sequence[Path],
    order: Sequence[int],
    address: str,
    rulebook: Rulebook,
    options: ReadOptions,
    spool_dir: Path | None = None,
) -> Iterator[tuple[int, FileResult]]:
    """Run every document of ``paths`` (submitted in ``order``) on the cluster at
    ``address``; yield (index, result) as each finishes, records spooled to ``spool_dir``.
    ClusterLost (a CannotRun) when the connection to the scheduler is lost."""
    from distributed import as_completed

    reader = DaskReader(address, rulebook, options, spool_dir)
    with reader.client.as_current():
        try:
            futures = {reader.submit(paths[i]): i for i in order}
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                index = futures[future]
                yield index, reader.result(future, paths[index])
        finally:
            reader.close()


def _spooled(result: FileResult, spool_dir: Path | None) -> FileResult:
    """``result`` with its records moved into a spool in ``spool_dir`` (None: kept)."""
    if spool_dir is None or not result.records:
        return result
    from dataclasses import replace

    sink = SpoolSink(spool_dir)
    sink.add(result.records)
    return replace(result, records=(), spool=sink.finish({}))
