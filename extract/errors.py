"""The one error model: what cannot run raises ``CannotRun``; everything about the data is a
finding or a file's failure (``extract.results.FileResult.failure``); the command's exit codes.

In: nothing. Out: ``CannotRun`` and ``ExitCode``, shared by every stage and the command.
"""

from __future__ import annotations

from enum import IntEnum


class CannotRun(Exception):
    """Something a run needs is not installed or not reachable; the message says what to
    install or fix (one line). Never raised for a bad input file."""


class ExitCode(IntEnum):
    """Exit codes of the ``ankestat`` command, worst first when several apply."""

    OK = 0
    SOME_FAILED = 1
    USAGE = 2
    CANNOT_RUN = 3
    INTERNAL = 4
    INTERRUPTED = 130


EXIT_MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "every file read (ok or partial: the report says what was not read)",
    ExitCode.SOME_FAILED: "a file could not be read (corrupt, encrypted, empty, not supported)",
    ExitCode.USAGE: "bad arguments, rules or output folder: nothing was read",
    ExitCode.CANNOT_RUN: "a file needed something not installed (Tesseract for a scan)",
    ExitCode.INTERNAL: "a file failed on a bug in ankestat (report.json holds its traceback)",
    ExitCode.INTERRUPTED: "Ctrl-C or SIGTERM (128 + SIGINT), or the output pipe closed",
}
