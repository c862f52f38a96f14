"""The watcher's files beside the store: one set per document, and the run report.

``DIR/documents/<stem>-<sha8>.jsonl`` and ``.csv`` (the document's records) and
``.report.json`` (its run-report entry). Each file is written whole and renamed into place, so
a kill never leaves half a file; writing them again gives the same bytes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from extract.results import FileResult
from extract.watch.inbox import shortened, write_atomic
from extract.writers import WriteOptions, get_writer
from extract.writers.report import file_json

DOCUMENTS_DIR = "documents"
DOCUMENT_FORMATS = ("jsonl", "csv")


# A document's output names add "-c01810e0.report.json.partial" to its stem: the stem is cut
# to leave room for it within a file name's 255 bytes.
STEM_BYTES = 200


def document_stem(name: str, sha256: str) -> str:
    """``referat.pdf`` with sha256 ``c01810e0…`` -> ``referat-c01810e0`` (unique per bytes; a
    very long name's stem cut to STEM_BYTES)."""
    return f"{shortened(Path(name).stem, STEM_BYTES)}-{sha256[:8]}"


def write_document_files(
    out_dir: Path, result: FileResult, sha256: str, options: WriteOptions
) -> list[Path]:
    """Write the document's records (JSONL, CSV) and its report entry; return the paths."""
    folder = out_dir / DOCUMENTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stem = document_stem(result.source_file, sha256)
    written = []
    for name in DOCUMENT_FORMATS:
        writer = get_writer(name)
        target = folder / f"{stem}{writer.suffix}"
        partial = target.with_name(target.name + ".partial")
        writer.write(result.records, partial, options)
        os.replace(partial, target)
        written.append(target)
    entry = {k: v for k, v in file_json(result).items() if k != "seconds"}
    report = folder / f"{stem}.report.json"
    write_atomic(report, json.dumps(entry, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    written.append(report)
    return written
