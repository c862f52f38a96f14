"""The options of ``ankestat watch``: each one a command-line option and an environment variable.

``OPTIONS`` is the one table: option name -> (environment variable, parser, default, help). The
argparse sub-command and the resolution (command line, else environment, else default) are
both built from it. A bad environment value is an error naming the variable and the value.
``watch_settings`` resolves them into ``WatchSettings``, everything the watcher is told.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract import __version__
from extract.interpret.rulebook import RuleDirs
from extract.normalise.reference import Reference
from extract.readers import ReadOptions
from extract.readers.budgets import Budgets, budget_options, positive_budget
from extract.readers.pdf.reader import PDF_BACKENDS
from extract.run.isolation import DEFAULT_MEMORY, DEFAULT_SECONDS, GIB, SECONDS_PER_MB, Limits
from extract.writers import WriteOptions

LOG_LEVELS = ("debug", "info", "warning", "error")


def parse_flag(text: str) -> bool:
    """``1/true/yes/on`` -> True, ``0/false/no/off`` or empty -> False, else ValueError."""
    low = text.strip().lower()
    if low in {"1", "true", "yes", "on"}:
        return True
    if low in {"", "0", "false", "no", "off"}:
        return False
    raise ValueError("expected 1/0, true/false, yes/no or on/off")


def _seconds(text: str) -> float:
    value = float(text)
    if not value >= 0:
        raise ValueError("expected a number of seconds >= 0")
    return value


def _jobs(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError("expected a whole number >= 1")
    return value


def _address(text: str) -> str | None:
    """A scheduler's address (``tcp://host:8786``); empty: None (no cluster)."""
    return text.strip() or None


def _choice(choices: tuple[str, ...]) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError(f"expected one of {', '.join(choices)}")
        return text

    return parse


@dataclass(frozen=True, slots=True)
class Option:
    """One watch option: its environment variable, how text becomes a value, its default."""

    env: str
    parse: Callable[[str], Any]
    default: Any
    help: str
    flag: bool = False
    metavar: str | None = None


OPTIONS: dict[str, Option] = {
    "out": Option(
        "ANKESTAT_OUT",
        Path,
        None,
        "output folder (not inside the inbox): store, per-document files, run report",
        metavar="DIR",
    ),
    "once": Option(
        "ANKESTAT_ONCE", parse_flag, False, "process what is in the inbox, then exit", True
    ),
    "polling": Option(
        "ANKESTAT_POLLING",
        parse_flag,
        False,
        "list the inbox every --poll-interval instead of waiting for file events "
        "(network shares, where events do not arrive)",
        True,
    ),
    "poll_interval": Option(
        "ANKESTAT_POLL_INTERVAL", _seconds, 2.0, "seconds between listings", metavar="SECONDS"
    ),
    "settle": Option(
        "ANKESTAT_SETTLE",
        _seconds,
        1.0,
        "a file is read once its size and mtime have not changed for this many seconds",
        metavar="SECONDS",
    ),
    "jobs": Option("ANKESTAT_JOBS", _jobs, 1, "documents read in parallel", metavar="N"),
    "dask": Option(
        "ANKESTAT_DASK",
        _address,
        None,
        "read the documents as tasks on the dask.distributed cluster whose scheduler is at "
        "ADDRESS (tcp://host:8786) instead of in local worker processes, as many at once as "
        "it has worker threads; the inbox must be on a filesystem the workers see at the same "
        "path; --jobs and --memory-limit are then the workers' own; a lost scheduler leaves "
        "the documents in the inbox until it is back (needs the dask extra; docs/cluster.md)",
        metavar="ADDRESS",
    ),
    "timeout": Option(
        "ANKESTAT_TIMEOUT",
        _seconds,
        DEFAULT_SECONDS,
        f"stop reading a document after this many seconds plus {SECONDS_PER_MB:g} for each "
        "MB of it: it goes to failed/ with the reason (0: no limit)",
        metavar="SECONDS",
    ),
    "memory_limit": Option(
        "ANKESTAT_MEMORY_LIMIT",
        _seconds,
        DEFAULT_MEMORY / GIB,
        "memory in GiB one document may take while it is read: past it, it goes to failed/ "
        "with the reason (0: no limit)",
        metavar="GIB",
    ),
    "pdf_backend": Option(
        "ANKESTAT_PDF_BACKEND",
        _choice(tuple(PDF_BACKENDS)),
        "pdfium",
        "text-layer parser",
        metavar="{" + ",".join(PDF_BACKENDS) + "}",
    ),
    "ocr": Option(
        "ANKESTAT_OCR",
        parse_flag,
        True,
        "OCR scanned pages and images (default: on; --no-ocr or ANKESTAT_OCR=0: off)",
        True,
    ),
    "reprocess": Option(
        "ANKESTAT_REPROCESS",
        parse_flag,
        False,
        "read every stored document in INBOX/done/ again at the start (documents read with "
        "less than now, an older engine, other rules or OCR off, are read again anyway)",
        True,
    ),
    "excel_csv": Option(
        "ANKESTAT_EXCEL_CSV", parse_flag, False, "per-document CSV for Danish Excel", True
    ),
    **{
        name: Option(
            "ANKESTAT_" + name.upper(),
            positive_budget,
            default,
            f"{text}; a document past it goes to failed/ with the reason",
            metavar="N",
        )
        for name, _unit, default, text in budget_options()
    },
    "log_level": Option(
        "ANKESTAT_LOG_LEVEL",
        _choice(LOG_LEVELS),
        "info",
        "log detail",
        metavar="{" + ",".join(LOG_LEVELS) + "}",
    ),
}


def argument_type(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """``parse`` as an argparse ``type``: its ValueError becomes a usage error naming the
    text given."""

    def checked(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"{text!r}: {exc}") from None

    return checked


def add_watch_parser(sub: Any) -> None:
    """Add the ``watch`` sub-command to argparse sub-parsers ``sub``."""
    parser = sub.add_parser(
        "watch",
        help="watch a folder: every document dropped in it becomes records in a SQLite store",
        description="Process the documents in INBOX, then every new one once it is completely "
        "written. Records go to OUT/ankestat.sqlite (table 'records', plus 'documents' by "
        "sha256) and OUT/documents/; a processed document moves to INBOX/done/, a failed one "
        "to INBOX/failed/ with <name>.error.txt. The same bytes are never stored twice. "
        "Every option can also be set by the environment variable shown.",
    )
    parser.add_argument(
        "inbox",
        nargs="?",
        type=Path,
        default=None,
        metavar="INBOX",
        help="the folder to watch [env ANKESTAT_INBOX]",
    )
    parser.add_argument(
        "--rules",
        type=Path,
        action="append",
        default=None,
        metavar="DIR",
        help="a folder of rules added to the shipped ones (repeatable) [env ANKESTAT_RULES, "
        "folders separated by ':']",
    )
    for name, option in OPTIONS.items():
        flag = "--" + name.replace("_", "-")
        if option.flag:
            text = f"{option.help} [env {option.env}]"
            # a flag on by default is turned off by its --no- form
            action = argparse.BooleanOptionalAction if option.default else "store_true"
            parser.add_argument(flag, dest=name, action=action, default=None, help=text)
            continue
        default = (
            ""
            if option.default is None
            else f"; default {option.default:g}"
            if isinstance(option.default, float)
            else f"; default {option.default}"
        )
        parser.add_argument(
            flag,
            dest=name,
            type=argument_type(option.parse),
            default=None,
            metavar=option.metavar,
            help=f"{option.help} [env {option.env}{default}]",
        )


def resolve(args: argparse.Namespace, name: str, environ: dict[str, str]) -> Any:
    """The value of option ``name``: command line, else environment, else default."""
    given = getattr(args, name)
    if given is not None:
        return given
    option = OPTIONS[name]
    raw = environ.get(option.env)
    if raw is None:
        return option.default
    try:
        return option.parse(raw)
    except ValueError as exc:
        raise ValueError(f"{option.env}={raw!r}: {exc}") from None


@dataclass(frozen=True, slots=True)
class WatchSettings:
    """Everything ``ankestat watch`` is told (see its --help)."""

    inbox: Path
    out: Path
    rules: RuleDirs
    jobs: int = 1
    once: bool = False
    polling: bool = False
    poll_interval: float = 2.0
    settle: float = 1.0
    read_options: ReadOptions = field(default_factory=ReadOptions)
    write_options: WriteOptions = field(default_factory=WriteOptions)
    reprocess: bool = False
    limits: Limits = field(default_factory=Limits)
    dask: str | None = None  # a scheduler's address: documents read on its cluster


def watch_settings(
    args: argparse.Namespace,
    rules: RuleDirs,
    environ: dict[str, str] | None = None,
    reference: Reference | None = None,
) -> tuple[WatchSettings, str]:
    """The watcher's settings and log level (``reference``: the rules' reference data, for
    the store's reference tables); ValueError naming what is missing or bad."""
    env = dict(os.environ) if environ is None else environ
    inbox = args.inbox or (Path(env["ANKESTAT_INBOX"]) if env.get("ANKESTAT_INBOX") else None)
    if inbox is None:
        raise ValueError("watch: give the INBOX folder (or set ANKESTAT_INBOX)")
    out = resolve(args, "out", env)
    if out is None:
        raise ValueError("watch: give --out DIR (or set ANKESTAT_OUT)")
    value = {name: resolve(args, name, env) for name in OPTIONS}
    settings = WatchSettings(
        inbox=inbox,
        out=out,
        rules=rules,
        jobs=value["jobs"],
        once=value["once"],
        polling=value["polling"],
        poll_interval=value["poll_interval"],
        settle=value["settle"],
        read_options=ReadOptions(
            value["pdf_backend"],
            ocr=value["ocr"],
            budgets=Budgets(**{name: value[name] for name, *_ in budget_options()}),
        ),
        write_options=WriteOptions(
            excel_csv=value["excel_csv"], reference=reference, engine_version=__version__
        ),
        reprocess=value["reprocess"],
        dask=value["dask"],
        limits=Limits(
            memory=int(value["memory_limit"] * GIB),
            seconds=value["timeout"],
            seconds_per_mb=SECONDS_PER_MB if value["timeout"] > 0 else 0.0,
        ),
    )
    return settings, str(value["log_level"])
