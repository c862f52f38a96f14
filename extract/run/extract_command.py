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
from datetime import UTC, datetime
from pathlib import Path

from extract import __version__
from extract.codes import FileStatus
from extract.errors import CannotRun, ExitCode
from extract.figures.collect import Figures, collect_figures, flagged_values
from extract.figures.ranking import load_ranking
from extract.interpret.rulebook import Rulebook, RuleDirs, RuleError
from extract.model import Record
from extract.readers import ReadOptions
from extract.readers.budgets import Budgets, budget_options
from extract.results import FileResult, exit_code
from extract.run.inputs import plan_inputs
from extract.run.isolation import GIB, SECONDS_PER_MB, Limits
from extract.run.parts import Parts, resume_key
from extract.writers import LineWriter, WriteOptions, Writer, get_writer, missing_package
from extract.writers.spool import file_values


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


def listed_paths(listing: Path | None) -> list[Path]:
    """The paths listed in the file ``listing`` (one per line, blank lines skipped; "-":
    standard input); [] without one. OSError when it cannot be read."""
    if listing is None:
        return []
    text = sys.stdin.read() if str(listing) == "-" else listing.read_text(encoding="utf-8")
    return [Path(line) for line in text.splitlines() if line.strip()]


def run_extract(args: argparse.Namespace, rules: RuleDirs, rulebook: Rulebook) -> int:
    """``ankestat extract``: every input (``args.paths`` and those listed in
    ``args.files_from``) through the pipeline, the records in each ``args.format``, the
    figures (``figures.jsonl``, ``figures.csv``) and the run report in ``args.out``; returns
    the exit code (the worst failure's: ``exit_code``)."""
    from extract.figures.output import report_section, write_figures
    from extract.writers.report import printable, summary_lines, write_report

    try:
        writers = [get_writer(name.strip()) for name in args.format.split(",") if name.strip()]
    except ValueError as exc:
        print(f"ankestat: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    for writer in writers:  # found before any input is read
        if (needs := missing_package(writer)) is not None:
            raise CannotRun(needs)
    try:
        ranking = load_ranking(rules)
    except RuleError as exc:
        print(f"ankestat: invalid rules: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    problem = output_problem(args.out)
    if problem is not None:
        print(f"ankestat: {problem}", file=sys.stderr)
        return ExitCode.USAGE
    try:
        named = [*args.paths, *listed_paths(args.files_from)]
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        print(f"ankestat: --files-from {args.files_from}: {why or exc}", file=sys.stderr)
        return ExitCode.USAGE
    if not named:
        print("ankestat: give PATHs to read, or --files-from LIST", file=sys.stderr)
        return ExitCode.USAGE
    inputs = plan_inputs(named, args.out)
    if not inputs.found and not inputs.missing:
        print("ankestat: no supported files found", file=sys.stderr)
        return ExitCode.USAGE
    started = datetime.now(UTC).isoformat(timespec="seconds")
    clock = time.perf_counter()
    options = _read_options(args)
    parts = Parts(args.out, resume_key(rules, options))
    if not args.resume:
        parts.clear()
    finished = False
    try:
        done = parts.resumed(inputs.unique, inputs.digests) if args.resume else {}
        to_read = [path for path in inputs.unique if path not in done]
        fresh = _extract_files(args, to_read, rules, rulebook, options, parts)
        read = dict(zip(to_read, fresh, strict=True))
        results = inputs.results([done.get(path) or read[path] for path in inputs.unique])
        figures = write_figures(
            collect_figures(lambda: file_values(results), ranking), ranking, args.out
        )
        checked = _write_records(args, writers, results, rulebook, started, figures)
        seconds = time.perf_counter() - clock
        write_report(
            results,
            args.out,
            started,
            seconds,
            __version__,
            checked=checked,
            sections=[report_section(figures)],
        )
        if args.review:  # the records handed over: the run may have written no jsonl
            from extract.review import build_site
            from extract.writers.jsonl import record_dict

            values = flagged_values(file_values(results), figures.extra_flags)
            build_site(args.out, (record_dict(Record(*v)) for v in values))
        finished = True
    finally:
        parts.close(finished)
    for result in results:
        if result.status is FileStatus.FAILED:
            print(f"ankestat: {printable(result.path)}: {result.error}", file=sys.stderr)
    if not args.quiet:
        for line in summary_lines(results):
            print(line)
        print(f"records and report written to {args.out}/")
        if args.review:
            print(f"review site written to {args.out}/review/index.html")
    return exit_code(results)


def _read_options(args: argparse.Namespace) -> ReadOptions:
    """The reader options of the command line."""
    return ReadOptions(
        args.pdf_backend,
        ocr=args.ocr,
        budgets=Budgets(**{name: getattr(args, name) for name, *_ in budget_options()}),
    )


def _extract_files(
    args: argparse.Namespace,
    inputs: list[Path],
    rules: RuleDirs,
    rulebook: Rulebook,
    options: ReadOptions,
    parts: Parts,
) -> list[FileResult]:
    """Every input through the pipeline (``rulebook``: ``rules`` loaded), records spooled
    into ``parts``, each file's result saved there as it finishes."""
    from extract.run.batch import run_files

    show_progress = not (args.no_progress or args.quiet) and sys.stderr.isatty()
    return run_files(
        inputs,
        rules,
        max(1, args.jobs),
        show_progress,
        options,
        spool_dir=parts.spool_dir,
        rulebook=rulebook,
        limits=Limits(
            memory=int(max(args.memory_limit, 0) * GIB),
            seconds=max(args.timeout, 0.0),
            seconds_per_mb=SECONDS_PER_MB if args.timeout > 0 else 0.0,
        ),
        dask=args.dask,
        on_result=parts.save,
    )


def _write_records(
    args: argparse.Namespace,
    writers: list[Writer],
    results: list[FileResult],
    rulebook: Rulebook,
    started: str,
    figures: Figures,
) -> list[list[str]]:
    """Each format's file in ``--out``: every file's records in input order, read back from
    the spools one at a time (never all in memory), with the flags the ``figures`` add;
    beside ``records.csv`` its Frictionless ``datapackage.json``. The line formats
    (``LineWriter``: JSON Lines, CSV) are written together in one reading of the records,
    which also gathers each file's values to check (the report's, returned per file); every
    other format reads them again. Writers that describe the files too get ``results``, the
    SQLite writer the figure rows."""
    from extract.writers.datapackage import write_data_package
    from extract.writers.figure_rows import FIGURES_JSONL, read_figures_jsonl
    from extract.writers.report_details import CheckedValues

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    options = WriteOptions(
        excel_csv=args.excel_csv,
        results=tuple(results),
        reference=rulebook.reference,
        engine_version=__version__,
        started=started,
        figure_rows=lambda: read_figures_jsonl(out / FIGURES_JSONL),  # as written
    )
    extra = figures.extra_flags
    sinks = [w.open_lines(out / w.file_name, options) for w in writers if isinstance(w, LineWriter)]
    checked: list[list[str]] = []
    try:
        for result in results:
            check = CheckedValues()
            adds = [*(sink.add for sink in sinks), check.add]
            for values in flagged_values(file_values([result]), extra):
                for add in adds:
                    add(values)
            checked.append(check.lines)
    finally:
        for sink in sinks:
            sink.close()
    for writer in writers:
        target = out / writer.file_name
        if not isinstance(writer, LineWriter):
            flagged = flagged_values(file_values(results), extra)
            writer.write((Record(*values) for values in flagged), target, options)
        if writer.name == "csv":
            write_data_package(target, options.excel_csv)
    return checked
