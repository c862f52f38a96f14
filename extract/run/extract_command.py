"""The ``ankestat extract`` command: inputs found, read in the batch runner, records and the run
report written to the output folder.

In: the parsed command line (``argparse.Namespace``), the rule folders and their rulebook.
Out: files in ``--out`` and the exit code.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from extract import __version__
from extract.codes import FailureKind, FileStatus, FindingCode, Severity
from extract.errors import CannotRun, ExitCode
from extract.interpret.rulebook import Rulebook, RuleDirs
from extract.model import Finding
from extract.readers import ReadOptions, accepted_suffixes
from extract.readers.budgets import Budgets, budget_options
from extract.results import FileResult, exit_code
from extract.run.isolation import GIB, SECONDS_PER_MB, Limits
from extract.writers import WriteOptions, Writer, get_writer, missing_package
from extract.writers.spool import file_records


def collect_inputs(paths: Sequence[Path], out: Path | None = None) -> list[Path]:
    """Files named directly, plus supported files found recursively in folders (sorted),
    but none found inside the output folder ``out`` (an earlier run's records)."""
    suffixes = accepted_suffixes()
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in suffixes
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        else:
            found.append(path)
    outputs = None if out is None else out.resolve()
    unique: dict[str, Path] = {}
    for path in found:
        resolved = path.resolve()
        if outputs is not None and path not in paths and resolved.is_relative_to(outputs):
            continue
        unique.setdefault(str(resolved), path)
    return list(unique.values())


def distinct_inputs(paths: Sequence[Path]) -> tuple[list[Path], dict[Path, Path]]:
    """The inputs to read (the first of each set of identical files, by their bytes) and each
    copy with the input it copies; a file that cannot be hashed is read (and fails there)."""
    from extract.pipeline import file_sha256

    first: dict[str, Path] = {}
    unique: list[Path] = []
    copies: dict[Path, Path] = {}
    for path in paths:
        try:
            digest, _ = file_sha256(path)
        except OSError:
            unique.append(path)
            continue
        if digest in first:
            copies[path] = first[digest]
        else:
            first[digest] = path
            unique.append(path)
    return unique, copies


def with_copies(
    inputs: Sequence[Path], read: dict[Path, FileResult], copies: dict[Path, Path]
) -> list[FileResult]:
    """Every input's result in input order: a copy's is ``ok`` with no records of its own and
    an info finding naming the file read instead (its records are that file's)."""
    results = []
    for path in inputs:
        if path not in copies:
            results.append(read[path])
            continue
        original = read[copies[path]]
        note = Finding(
            FindingCode.DUPLICATE_INPUT,
            f"{path.name}: the same bytes as {original.path}, read once; its records are there",
            Severity.INFO,
        )
        results.append(
            FileResult(
                path.name,
                str(path),
                FileStatus.OK,
                source_sha256=original.source_sha256,
                document_type=original.document_type,
                findings=(note,),
            )
        )
    return results


def missing_reason(path: Path) -> str | None:
    """Why ``path`` names nothing to read (None when it does): missing, or a symbolic link
    that leads nowhere (to a missing target, or round in a loop)."""
    from extract.pipeline import unreadable_reason

    try:
        path.stat()
    except OSError as exc:
        return unreadable_reason(path, exc)
    return None


def output_problem(out: Path) -> str | None:
    """Why records cannot be written to the folder ``out`` (created here when missing), or
    None when they can: found before any input is read."""
    if str(out) == "-":
        return "--out -: records are written to a folder, not to standard output"
    if out.exists() and not out.is_dir():
        return f"--out {out}: is a file, not a folder"
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as exc:
        return f"--out {out}: cannot write there ({exc.strerror or exc})"
    return None


def run_extract(args: argparse.Namespace, rules: RuleDirs, rulebook: Rulebook) -> int:
    """``ankestat extract``: every input (``args.paths``) through the pipeline, the records in
    each ``args.format`` and the run report in ``args.out``; returns the exit code (the worst
    failure's: ``exit_code``)."""
    from extract.writers.report import printable, summary_lines, write_report

    try:
        writers = [get_writer(name.strip()) for name in args.format.split(",") if name.strip()]
    except ValueError as exc:
        print(f"ankestat: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    for writer in writers:  # found before any input is read
        if (needs := missing_package(writer)) is not None:
            raise CannotRun(needs)
    problem = output_problem(args.out)
    if problem is not None:
        print(f"ankestat: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    missing = {p: why for p in args.paths if (why := missing_reason(p)) is not None}
    inputs = collect_inputs([p for p in args.paths if p not in missing], args.out)
    if not inputs and not missing:
        print("ankestat: no supported files found", file=sys.stderr)
        return ExitCode.USAGE
    started = datetime.now(UTC).isoformat(timespec="seconds")
    clock = time.perf_counter()
    unique, copies = distinct_inputs(inputs)
    with tempfile.TemporaryDirectory(prefix="ankestat-spool-") as spool_dir:  # then deleted
        read = _extract_files(args, unique, rules, rulebook, Path(spool_dir))
        _write_records(args, writers, read)
        results = with_copies(inputs, dict(zip(unique, read, strict=True)), copies)
        results.extend(
            FileResult(
                source_file=p.name,
                path=str(p),
                status=FileStatus.FAILED,
                error=why,
                failure=FailureKind.INPUT,
            )
            for p, why in missing.items()
        )
        seconds = time.perf_counter() - clock
        write_report(results, args.out, started, seconds, __version__, records_of=file_records)
    for result in results:
        if result.status is FileStatus.FAILED:
            print(f"ankestat: {printable(result.path)}: {result.error}", file=sys.stderr)
    if not args.quiet:
        for line in summary_lines(results):
            print(line)
        print(f"records and report written to {args.out}/")
    return exit_code(results)


def _extract_files(
    args: argparse.Namespace,
    inputs: list[Path],
    rules: RuleDirs,
    rulebook: Rulebook,
    spool_dir: Path,
) -> list[FileResult]:
    """Every input through the pipeline (``rulebook``: ``rules`` loaded), records spooled to
    ``spool_dir``."""
    from extract.run.batch import run_files

    show_progress = not (args.no_progress or args.quiet) and sys.stderr.isatty()
    return run_files(
        inputs,
        rules,
        max(1, args.jobs),
        show_progress,
        ReadOptions(
            args.pdf_backend,
            ocr=args.ocr,
            budgets=Budgets(**{name: getattr(args, name) for name, *_ in budget_options()}),
        ),
        spool_dir=spool_dir,
        rulebook=rulebook,
        limits=Limits(
            memory=int(max(args.memory_limit, 0) * GIB),
            seconds=max(args.timeout, 0.0),
            seconds_per_mb=SECONDS_PER_MB if args.timeout > 0 else 0.0,
        ),
    )


def _write_records(
    args: argparse.Namespace, writers: list[Writer], results: list[FileResult]
) -> None:
    """Each format's file in ``--out``: every file's records in input order, read back from
    the spools one at a time (never all in memory); beside ``records.csv`` its Frictionless
    ``datapackage.json``."""
    from extract.writers.datapackage import write_data_package

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    options = WriteOptions(excel_csv=args.excel_csv)
    for writer in writers:
        target = out / f"records{writer.suffix}"
        writer.write(file_records(results), target, options)
        if writer.name == "csv":
            write_data_package(target, options.excel_csv)
