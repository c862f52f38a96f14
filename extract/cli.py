"""The ``ankestat`` command line.

ankestat extract PATH... --out DIR   documents -> records + run report
ankestat rules check                 validate every rule file
ankestat rules list                  one line per rule
ankestat schema                      print the record JSON Schema
ankestat tables FILE...              what table detection sees, without rules
ankestat watch INBOX --out DIR       watched folder -> SQLite store (crash-safe, exactly once)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from extract import __version__
from extract.model import ExitCode, FileResult, FileStatus
from extract.readers import ReadOptions, accepted_suffixes
from extract.readers.pdf import PDF_BACKENDS
from extract.rulebook import RuleError, load_rulebook
from extract.watch.options import add_watch_parser
from extract.writers import (
    DEFAULT_FORMATS,
    WriteOptions,
    Writer,
    get_writer,
    writer_names,
    writers_help,
)


def default_rules_dir() -> Path:
    """$ANKESTAT_RULES, else the rules shipped in the package, else the source tree's rules/."""
    env = os.environ.get("ANKESTAT_RULES")
    if env:
        return Path(env)
    packaged = Path(__file__).parent / "_rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parent.parent / "rules"


def collect_inputs(paths: Sequence[Path]) -> list[Path]:
    """Files named directly, plus supported files found recursively in folders (sorted)."""
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
    unique: dict[str, Path] = {}
    for path in found:
        unique.setdefault(str(path.resolve()), path)
    return list(unique.values())


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
        "to --out. Exit code 0 when every file was read, 1 when any failed "
        "(the other files are still processed).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="output formats:\n" + writers_help(),
    )
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="files or folders")
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
        help="files processed in parallel, and with --ocr pages of one file OCR'd at once "
        "(default: number of cores)",
    )
    ex.add_argument(
        "--rules",
        type=Path,
        default=None,
        help="rules folder (default: $ANKESTAT_RULES or the shipped rules)",
    )
    ex.add_argument(
        "--pdf-backend",
        choices=list(PDF_BACKENDS),
        default="pdfium",
        help="text-layer parser: pdfium (fast, default) or pdfplumber (pdfminer)",
    )
    ex.add_argument(
        "--ocr",
        action="store_true",
        help="read scanned pages and images (PNG, JPEG, TIFF) with Tesseract (Danish), about "
        "5 s a page; without it they are reported as needing OCR",
    )
    ex.add_argument("--no-progress", action="store_true", help="no progress bar")
    ex.add_argument("--quiet", action="store_true", help="print nothing but errors")

    rules = sub.add_parser("rules", help="check or list the table rules")
    rules.add_argument("action", choices=["check", "list"])
    rules.add_argument("--rules", type=Path, default=None, help="rules folder")

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
    tables.add_argument("--ocr", action="store_true", help="OCR scanned pages")
    add_watch_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``ankestat`` command; returns the exit code."""
    args = _parser().parse_args(argv)
    if args.command == "schema":
        from extract.schema import schema_text

        sys.stdout.write(schema_text())
        return ExitCode.OK
    if args.command == "tables":
        from extract.tables_view import View, show_tables

        view: View = "text" if args.text else "csv" if args.csv else "json"
        return show_tables(args.files, view, grid=args.grid, options=ReadOptions(ocr=args.ocr))
    rules_dir = args.rules or default_rules_dir()
    try:
        rulebook = load_rulebook(rules_dir)
    except (RuleError, ValueError) as exc:
        print(f"ankestat: invalid rules: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    if args.command == "rules":
        if args.action == "list":
            for rule in rulebook.rules:
                print(f"{rule.id:32} {rule.file:36} {rule.description}")
        else:
            print(f"{len(rulebook.rules)} rules OK in {rules_dir}")
        return ExitCode.OK
    if args.command == "watch":
        return _watch(args, rules_dir)
    return _extract(args, rules_dir)


def _watch(args: argparse.Namespace, rules_dir: Path) -> int:
    """``ankestat watch``: logging set up here (timestamps, stderr), then the watch loop."""
    import logging

    from extract.watch.inbox import WatchError
    from extract.watch.options import watch_settings
    from extract.watch.watcher import watch

    try:
        settings, level = watch_settings(args, rules_dir)
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


def _extract(args: argparse.Namespace, rules_dir: Path) -> int:
    from extract.report import summary_lines, write_report

    try:
        writers = [get_writer(name.strip()) for name in args.format.split(",") if name.strip()]
    except ValueError as exc:
        print(f"ankestat: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    missing = [p for p in args.paths if not p.exists()]
    for path in missing:
        print(f"ankestat: {path}: no such file or folder", file=sys.stderr)
    inputs = collect_inputs([p for p in args.paths if p.exists()])
    if not inputs and not missing:
        print("ankestat: no supported files found", file=sys.stderr)
        return ExitCode.USAGE
    started = datetime.now(UTC).isoformat(timespec="seconds")
    clock = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ankestat-spool-") as spool_dir:  # then deleted
        results = _extract_files(args, inputs, rules_dir, Path(spool_dir))
        _write_records(args, writers, results)
    results.extend(
        FileResult(
            source_file=p.name,
            path=str(p),
            status=FileStatus.FAILED,
            error="no such file or folder",
        )
        for p in missing
    )
    write_report(results, args.out, started, time.perf_counter() - clock, __version__)
    for result in results:
        if result.status is FileStatus.FAILED:
            print(f"ankestat: {result.path}: {result.error}", file=sys.stderr)
    if not args.quiet:
        for line in summary_lines(results):
            print(line)
        print(f"records and report written to {args.out}/")
    failed = any(r.status is FileStatus.FAILED for r in results)
    return ExitCode.SOME_FAILED if failed else ExitCode.OK


def _extract_files(
    args: argparse.Namespace, inputs: list[Path], rules_dir: Path, spool_dir: Path
) -> list[FileResult]:
    """Every input through the pipeline, records spooled to ``spool_dir``."""
    from extract.runner import run_files

    show_progress = not (args.no_progress or args.quiet) and sys.stderr.isatty()
    return run_files(
        inputs,
        rules_dir,
        max(1, args.jobs),
        show_progress,
        ReadOptions(args.pdf_backend, ocr=args.ocr),
        spool_dir=spool_dir,
    )


def _write_records(
    args: argparse.Namespace, writers: list[Writer], results: list[FileResult]
) -> None:
    """Each format's file in ``--out``: every file's records in input order, read back from
    the spools one at a time (never all in memory)."""
    from extract.spool import file_records

    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    options = WriteOptions(excel_csv=args.excel_csv)
    for writer in writers:
        writer.write(file_records(results), out / f"records{writer.suffix}", options)


if __name__ == "__main__":
    raise SystemExit(main())
