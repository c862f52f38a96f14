"""Reading a stored document again: what it was read with, against what the watcher reads with.

A document is stored with ``read_with`` (``extract.run.read_with``): the engine version, a
fingerprint of the rules, and the reader options (OCR on or off, the PDF backend). When the
watcher starts with more than a stored document was read with (a newer engine, changed rules,
OCR on where that document had pages it could not read without it), or with ``--reprocess``,
the document is read again from ``INBOX/done/``. In: what the watcher reads with, stored
documents. Out: the reason to read a document again (or None), the stored documents read again
at the start, and the files to read again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from extract.codes import FileStatus
from extract.pipeline import file_sha256
from extract.watch.store import KnownDocument

log = logging.getLogger("ankestat.watch")


def why_read_again(stored: str | None, report: str, now: Mapping[str, Any]) -> str | None:
    """Why a document stored with ``stored`` (its ``read_with`` as JSON, None when it was
    stored by an engine that did not keep it) and ``report`` (its run report entry as JSON)
    is read again by a watcher reading with ``now``; None when it is not: it was read with
    as much as the watcher has."""
    if stored is None:
        return "stored without the settings it was read with"
    before = json.loads(stored)
    if before.get("engine") != now["engine"]:
        return f"read by ankestat {before.get('engine')}, this is {now['engine']}"
    if before.get("rules") != now["rules"]:
        return "the rules changed since it was read"
    if now["ocr"] and not before.get("ocr") and json.loads(report).get("pages_needing_ocr"):
        return "read with OCR off, and it has pages that need it"
    return None


def stored_to_read_again(
    documents: Iterable[KnownDocument], now: Mapping[str, Any], reprocess: bool
) -> dict[str, str]:
    """sha256 -> why, for the stored documents read again at the start: every one with
    ``reprocess``, else each read with less than ``now`` (``why_read_again``); no failed one."""
    forced = "asked for (--reprocess)" if reprocess else None
    again: dict[str, str] = {}
    for known in documents:
        why = forced or why_read_again(known.read_with, known.report, now)
        if why is not None and known.status != str(FileStatus.FAILED):
            again[known.sha256] = why
    return again


def files_by_sha256(folder: Path, wanted: Iterable[str]) -> dict[str, Path]:
    """The files directly in ``folder`` whose bytes have one of the ``wanted`` sha256s (the
    first by name of each); a file that cannot be read is skipped with a warning."""
    wanted = set(wanted)
    found: dict[str, Path] = {}
    if not wanted or not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith("."):
            continue
        try:
            sha256, _ = file_sha256(path)
        except OSError as exc:
            log.warning("%s: cannot read (%s); not read again", path, exc.strerror or exc)
            continue
        if sha256 in wanted and sha256 not in found:
            found[sha256] = path
    return found
