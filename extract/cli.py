"""The ``ankestat`` command line.

ankestat extract PATH... --out DIR   documents -> records + run report
ankestat rules check                 validate every rule file
ankestat rules list                  one line per rule
ankestat rules suggest FILE...       draft rules for tables that did not resolve
ankestat schema                      print the record JSON Schema
ankestat tables FILE...              what table detection sees, without rules
ankestat tables --explain FILE...    ... and what each header and label was read as
ankestat watch INBOX --out DIR       watched folder -> SQLite store (crash-safe, exactly once)
ankestat review OUT                  a run's folder -> OUT/review/, every value on its page (HTML)
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from extract import __version__
from extract.errors import EXIT_MEANINGS, CannotRun, ExitCode
from extract.figures.ranking import load_ranking
from extract.interpret.rulebook import RuleDirs, RuleError, load_rulebook
from extract.normalise.reference import Reference
from extract.readers import ReadOptions, accepted_suffixes
from extract.readers.budgets import budget_options, option_flag, positive_budget
from extract.readers.pdf.reader import PDF_BACKENDS
from extract.run.extract_command import run_extract
from extract.run.isolation import DEFAULT_MEMORY, DEFAULT_SECONDS, GIB, SECONDS_PER_MB
from extract.run.rule_folders import rule_dirs
from extract.watch.options import add_watch_parser, argument_type
from extract.writers import (
    DEFAULT_FORMATS,
    writer_names,
    writers_help,
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ankestat",
        description="Extract Danish appeals statistics (ankestatistik) from PDFs into records "
        "with one stable schema; every value traceable to its page and cell.",
    )
    parser.add_argument("--version", action="version", version=f"ankestat {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser(
        "extract",
        help="extract records from files and folders",
        description="Read documents (folders are searched recursively for "
        f"{', '.join(accepted_suffixes())} files), write records and a run report "
        "to --out. A file that fails is named in the report; the other files are "
        "still processed.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="output formats:\n"
        + writers_help()
        + "\n\nexit codes (the worst that applies):\n"
        + "\n".join(f"  {code.value:<4} {meaning}" for code, meaning in EXIT_MEANINGS.items()),
    )
    ex.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders")
    ex.add_argument(
        "--files-from",
        type=Path,
        metavar="LIST",
        help="also read the paths listed in the file LIST, one per line (blank lines "
        "skipped; - reads the list from standard input): for inputs too many for a command "
        "line",
    )
    ex.add_argument("--out", type=Path, required=True, help="output folder (created)")
    ex.add_argument(
        "--format",
        default=",".join(DEFAULT_FORMATS),
        help=f"comma-separated output formats, of {', '.join(writer_names())} "
        f"(default: {','.join(DEFAULT_FORMATS)})",
    )
    ex.add_argument(
        "--excel-csv",
        action="store_true",
        help='CSV for Excel: ";" separator, decimal comma, UTF-8 with BOM, and a leading "\'" on '
        "text Excel would run as a formula",
    )
    ex.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="files processed in parallel, and pages of one scanned file OCR'd at once "
        "(default: number of cores)",
    )
    ex.add_argument(
        "--rules",
        type=Path,
        action="append",
        default=None,
        metavar="DIR",
        help="a folder of rules added to the shipped ones (repeatable; also $ANKESTAT_RULES, "
        "folders separated by ':')",
    )
    ex.add_argument(
        "--pdf-backend",
        choices=list(PDF_BACKENDS),
        default="pdfium",
        help="text-layer parser: pdfium (fast, default) or pdfplumber (pdfminer)",
    )
    ex.add_argument(
        "--ocr",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="read scanned pages and images (PNG, JPEG, TIFF) with Tesseract (Danish), a few "
        "seconds a page (default: on); with --no-ocr they are reported as needing OCR and "
        "give no records",
    )
    ex.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help=f"stop reading a file after this many seconds, plus {SECONDS_PER_MB:g} "
        f"for each MB of it; it fails with the reason and the batch goes on (default: "
        f"{DEFAULT_SECONDS:g}; 0: no limit)",
    )
    ex.add_argument(
        "--memory-limit",
        type=float,
        default=DEFAULT_MEMORY / GIB,
        metavar="GIB",
        help="memory one file may take while it is read; past it the file fails with the "
        f"reason and the batch goes on (default: {DEFAULT_MEMORY / GIB:g}; 0: no limit)",
    )
    for name, _unit, default, text in budget_options():
        ex.add_argument(
            option_flag(name),
            dest=name,
            type=argument_type(positive_budget),
            default=default,
            metavar="N",
            help=f"{text}; a file past it fails with the reason (default: {default:g})",
        )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="go on where an earlier run into the same --out was stopped (killed, Ctrl-C, "
        "the machine lost): the files it finished (same bytes, same name, read with the same "
        "engine, rules and options) are not read again. Every run saves each file's results "
        "in OUT/.ankestat-parts as the file finishes, and removes them once it has written "
        "its outputs",
    )
    ex.add_argument(
        "--dask",
        metavar="ADDRESS",
        default=os.environ.get("ANKESTAT_DASK") or None,
        help="read the documents as tasks on a dask.distributed cluster whose scheduler is "
        "at ADDRESS (tcp://host:8786; also $ANKESTAT_DASK); the inputs must be on a filesystem "
        "the workers see; --jobs, --timeout and --memory-limit are then the workers' own "
        "(needs the dask extra; docs/cluster.md)",
    )
    ex.add_argument(
        "--review",
        action="store_true",
        help="also write the review site to OUT/review/ (see 'ankestat review --help')",
    )
    ex.add_argument("--no-progress", action="store_true", help="no progress bar")
    ex.add_argument("--quiet", action="store_true", help="print nothing but errors")

    rules = sub.add_parser(
        "rules",
        help="check or list the rules, or draft one for a table that did not resolve",
        description="check: validate every rule file (errors name the file, rule and key); "
        "list: one line per rule; suggest FILE...: for each table of the files whose headers "
        "or labels did not resolve, or which lacks a dimension, print a draft rule (YAML) "
        "reading them as their nearest vocabulary entries, to check and save in a rules folder.",
    )
    rules.add_argument("action", choices=["check", "list", "suggest"])
    rules.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files (suggest)")
    rules.add_argument(
        "--rules", type=Path, action="append", default=None, metavar="DIR",
        help="a folder of rules added to the shipped ones (repeatable)",
    )  # fmt: skip
    rules.add_argument(
        "--ocr", action=argparse.BooleanOptionalAction, default=True,
        help="OCR scanned pages (suggest; default: on)",
    )  # fmt: skip

    sub.add_parser("schema", help="print the record JSON Schema")

    tables = sub.add_parser(
        "tables",
        help="show every table the detection stage finds (no rules needed)",
        description="Dump each detected table: id, pages, detector, caption, title, column "
        "header paths and rows (label + cell texts), as JSON (one object per line) or as text; "
        "with --grid also its cell grid per page (row, col, row_span, col_span, text, bbox).",
    )
    tables.add_argument("files", nargs="+", type=Path, metavar="FILE")
    view = tables.add_mutually_exclusive_group()
    view.add_argument("--text", action="store_true", help="human-readable text, not JSON")
    view.add_argument(
        "--csv", action="store_true", help="CSV, one row per grid cell (with its table id)"
    )
    tables.add_argument(
        "--grid", action="store_true", help="add each table's cell grid per page (JSON or text)"
    )
    tables.add_argument(
        "--ocr", action=argparse.BooleanOptionalAction, default=True,
        help="OCR scanned pages (default: on)",
    )  # fmt: skip
    view.add_argument(
        "--explain",
        action="store_true",
        help="text, with what each header and label was read as (context, dimensions, role) "
        "and the values emitted; unresolved labels with the nearest vocabulary entries",
    )
    tables.add_argument(
        "--rules", type=Path, action="append", default=None, metavar="DIR",
        help="a folder of rules added to the shipped ones, for --explain (repeatable)",
    )  # fmt: skip
    review = sub.add_parser(
        "review",
        help="write a static HTML site showing every value on the page it came from",
        description="Build OUT/review/ from the run in OUT (written by 'ankestat extract ... "
        "--out OUT'): index.html lists every document with its status, and a page per "
        "document shows its page images (or its sheets' cells) with a box over every value "
        "read, coloured by outcome (clean, flagged, suppressed/nil/missing/not applicable, "
        "illegible; figures in conflict marked). Hovering or clicking a box shows its record, "
        "its flags with their meanings and, when OUT/figures.jsonl is there, the other "
        "sources of the same figure. Reads OUT/report.json and OUT/records.jsonl (and the "
        "source documents where the run found them); needs no server and no network: open "
        "OUT/review/index.html in a browser.",
    )
    review.add_argument("out", type=Path, metavar="OUT", help="the output folder of a run")
    add_watch_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ankestat`` command; returns the exit code. Ctrl-C stops it at
    once (temporary files removed, documents' processes killed) with one line, not a
    traceback; a closed output pipe (``ankestat tables ... | head``) ends it quietly."""
    signal.signal(signal.SIGTERM, _terminated)  # stopped like Ctrl-C: temporary files removed
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("ankestat: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except CannotRun as exc:
        print(f"ankestat: cannot run: {exc}", file=sys.stderr)
        return ExitCode.CANNOT_RUN
    except BrokenPipeError:
        # the reader of our output has gone: nothing more to say, and nothing to flush
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ExitCode.INTERRUPTED


def _terminated(_signal: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from extract.schema import schema_text

        sys.stdout.write(schema_text())
        return ExitCode.OK
    if args.command == "review":
        return _review(args.out)
    if args.command == "tables" and not args.explain:
        from extract.run.tables_view import View, show_tables

        view: View = "text" if args.text else "csv" if args.csv else "json"
        return show_tables(args.files, view, grid=args.grid, options=ReadOptions(ocr=args.ocr))
    rules = rule_dirs(args.rules)
    try:
        rulebook = load_rulebook(rules[0], rules[1:])
        load_ranking(rules)  # rules/figures.yaml, checked with the rules
    except (RuleError, ValueError) as exc:
        print(f"ankestat: invalid rules: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if args.command == "tables":
        from extract.run.tables_view import show_tables

        options = ReadOptions(ocr=args.ocr)
        return show_tables(args.files, "text", options=options, explain=rulebook)
    if args.command == "rules":
        if args.action == "suggest":
            from extract.run.tables_view import suggest_rules

            if not args.files:
                print("ankestat: rules suggest needs FILE arguments", file=sys.stderr)
                return ExitCode.USAGE
            return suggest_rules(args.files, rulebook, ReadOptions(ocr=args.ocr))
        if args.action == "list":
            for rule in rulebook.rules:
                print(f"{rule.id:32} {rule.file:36} {rule.description}")
        else:
            print(f"{len(rulebook.rules)} rules OK in {', '.join(map(str, rules))}")
        return ExitCode.OK
    if args.command == "watch":
        return _watch(args, rules, rulebook.reference)
    return run_extract(args, rules, rulebook)


def _review(out: Path) -> int:
    """``ankestat review OUT``: the review site of the run in OUT."""
    from extract.review import ReviewInputMissing, build_site

    try:
        index = build_site(out)
    except ReviewInputMissing as exc:
        print(f"ankestat: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"review site written to {index}")
    return ExitCode.OK


def _watch(args: argparse.Namespace, rules: RuleDirs, reference: Reference) -> int:
    """``ankestat watch``: logging set up here (timestamps, stderr), then the watch loop."""
    import logging

    from extract.watch.inbox import WatchError
    from extract.watch.options import watch_settings
    from extract.watch.watcher import watch

    try:
        settings, level = watch_settings(args, rules, reference=reference)
    except ValueError as exc:
        print(f"ankestat: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)-7s %(message)s", stream=sys.stderr
    )
    try:
        return watch(settings)
    except WatchError as exc:
        print(f"ankestat: {exc}", file=sys.stderr)
        return ExitCode.USAGE


if __name__ == "__main__":
    raise SystemExit(main())
