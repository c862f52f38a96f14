"""Batch runner: process many files, in a process pool when ``jobs`` > 1, with progress.

In: input paths, the rules folders, the number of jobs. Out: one ``FileResult`` per input, in
input order. A crash inside one file's processing becomes that file's failed result; the
other files go on. With ``limits`` (the command line's way) each file is read in a process of
its own under a memory ceiling and a time limit (``extract.run.isolation``): one that runs out of
either, or whose process dies, fails alone. With a ``spool_dir`` each file's records are
spooled there as its tables finish (``FileResult.spool``) instead of being held and sent back
from the worker.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path

from extract.codes import FailureKind, FileStatus
from extract.interpret.rulebook import Rulebook, RuleDirs, load_rulebook
from extract.pipeline import process_file, process_file_spooled
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.run.isolation import Limits, PageReport, run_isolated


class _Worker:
    """Per-process state: the rulebook, loaded once when the worker starts."""

    rulebook: Rulebook | None = None
    options: ReadOptions = ReadOptions()
    spool_dir: Path | None = None


def init_worker(rules: RuleDirs, options: ReadOptions, spool_dir: str | None = None) -> None:
    """Pool initializer: load the rulebook once in this worker process (for ``work_in_pool``);
    with ``spool_dir``, records are spooled there."""
    _Worker.rulebook = load_rulebook(rules[0], rules[1:])
    _Worker.options = options
    _Worker.spool_dir = None if spool_dir is None else Path(spool_dir)


def safe_process(
    path: Path, rulebook: Rulebook, options: ReadOptions, spool_dir: Path | None = None
) -> FileResult:
    """One file through the pipeline; a bug in the engine is the file's failed result (with
    its traceback), never an error raised into the batch."""
    try:
        if spool_dir is not None:
            return process_file_spooled(path, rulebook, options, spool_dir)
        return process_file(path, rulebook, options)
    except MemoryError:
        raise  # (the isolated process reports its memory limit)
    except Exception as exc:  # a bug must not stop the batch: report it on this file
        if _out_of_memory(exc):
            raise MemoryError(str(exc)) from exc
        where = traceback.extract_tb(exc.__traceback__)[-1]
        first = (str(exc).strip().splitlines() or [""])[0]
        return FileResult(
            source_file=path.name,
            path=str(path),
            status=FileStatus.FAILED,
            error=f"internal error {type(exc).__name__}: {first} "
            f"(at {Path(where.filename).name}:{where.lineno}); please report it",
            failure=FailureKind.INTERNAL,
            traceback=traceback.format_exc(),
        )


def _out_of_memory(exc: Exception) -> bool:
    """An allocation refused inside a C library that reports it its own way (OpenCV's
    ``cv2.error`` "Insufficient memory"): the memory limit, not a bug."""
    return type(exc).__name__ == "error" and "Insufficient memory" in str(exc)


def work_in_pool(path: Path) -> FileResult:
    """Process one file in a pool worker set up by ``init_worker``; never raises."""
    assert _Worker.rulebook is not None
    return safe_process(path, _Worker.rulebook, _Worker.options, _Worker.spool_dir)


class _PageProgress:
    """What the progress bar says of a file being OCR'd: its pages, the page done last and
    about how long the rest will take at the pace so far."""

    def __init__(self) -> None:
        self.first: dict[int, tuple[float, int]] = {}  # file -> (when, pages done) first told

    def describe(self, index: int, name: str, done: int, total: int) -> str:
        """The bar's text for file ``index`` (named ``name``) with ``done`` of ``total``."""
        now = time.monotonic()
        since, at = self.first.setdefault(index, (now, done))
        if done == 0:
            return f"{name[:40]}: OCR of {total} pages"
        text = f"{name[:40]}: OCR page {done} of {total}"
        if at < done < total:
            left = (now - since) / (done - at) * (total - done)
            text += f", about {_duration(left)} left"
        return text


def _duration(seconds: float) -> str:
    """ "40 s", "3 min", "1 h 5 min"."""
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes = round(seconds / 60)
    return f"{minutes} min" if minutes < 60 else f"{minutes // 60} h {minutes % 60} min"


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def run_files(
    paths: Sequence[Path],
    rules: RuleDirs,
    jobs: int,
    progress: bool,
    options: ReadOptions | None = None,
    spool_dir: Path | None = None,
    rulebook: Rulebook | None = None,
    limits: Limits | None = None,
    dask: str | None = None,
    on_result: Callable[[FileResult], FileResult] | None = None,
) -> list[FileResult]:
    """Process ``paths``; results in the same order (records spooled to ``spool_dir`` if
    given: read them with ``extract.writers.spool.file_records``). ``rulebook``: ``rules`` already
    loaded, used when the files are read in this process (worker processes load their own).
    ``limits``: each file in a process of its own under them (``extract.run.isolation``).
    ``dask``: a scheduler's address; the files are read as tasks on its cluster instead
    (``extract.run.dask_executor``; ``jobs`` and ``limits`` are then the workers').
    ``on_result``: applied to each file's result as it finishes, in this process (saving it:
    ``extract.run.parts``); the results returned are what it returns."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    bar = (
        Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=True,
        )
        if progress
        else None
    )
    read_options = options or ReadOptions()
    if jobs > 1:
        # Each file OCRs up to ``jobs`` pages at once. While several files are read, that is
        # more Tesseract processes than cores; once the short files are done, the long one
        # still keeps every core busy, instead of one core idling until it ends.
        read_options = replace(read_options, ocr_threads=jobs)
    results: dict[int, FileResult] = {}

    def finish(result: FileResult) -> FileResult:
        return result if on_result is None else on_result(result)

    with bar if bar is not None else nullcontext():
        task = bar.add_task("extracting", total=len(paths)) if bar is not None else None
        if dask is not None:
            from extract.run.dask_executor import run_on_dask

            book = rulebook or load_rulebook(rules[0], rules[1:])
            order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
            for index, result in run_on_dask(
                paths, order, dask, book, options or ReadOptions(), spool_dir
            ):
                results[index] = finish(replace(result, path=str(paths[index])))
                if bar is not None and task is not None:
                    bar.update(task, advance=1, description=paths[index].name[:40])
        elif limits is not None:
            if rulebook is None:
                rulebook = load_rulebook(rules[0], rules[1:])
            loaded = rulebook

            def work(path: Path, report: PageReport) -> FileResult:
                return safe_process(path, loaded, replace(read_options, on_page=report), spool_dir)

            pages = _PageProgress()

            def on_pages(index: int, done: int, total: int) -> None:
                if bar is not None and task is not None:
                    bar.update(
                        task, description=pages.describe(index, paths[index].name, done, total)
                    )

            order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
            for index, result in run_isolated(paths, order, work, max(1, jobs), limits, on_pages):
                results[index] = finish(result)
                if bar is not None and task is not None:
                    bar.update(task, advance=1, description=paths[index].name[:40])
        elif jobs <= 1 or len(paths) <= 1:
            if rulebook is None:
                rulebook = load_rulebook(rules[0], rules[1:])
            for index, path in enumerate(paths):
                results[index] = finish(safe_process(path, rulebook, read_options, spool_dir))
                if bar is not None and task is not None:
                    bar.update(task, advance=1, description=path.name[:40])
        else:
            with ProcessPoolExecutor(
                max_workers=min(jobs, len(paths)),
                initializer=init_worker,
                initargs=(
                    rules,
                    read_options,
                    None if spool_dir is None else str(spool_dir),
                ),
            ) as pool:
                # largest files first, so a long one does not start last
                order = sorted(range(len(paths)), key=lambda i: -_size(paths[i]))
                futures = {pool.submit(work_in_pool, paths[i]): i for i in order}
                for future in as_completed(futures):
                    index = futures[future]
                    results[index] = finish(future.result())
                    if bar is not None and task is not None:
                        bar.update(task, advance=1, description=paths[index].name[:40])
    return [results[i] for i in range(len(paths))]
