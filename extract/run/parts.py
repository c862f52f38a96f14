"""Each file's results saved in the output folder as the file finishes, so a stopped run can go
on where it stopped (``ankestat extract --resume``).

``OUT/.ankestat-parts/`` holds, per finished file, its records (the spool file, moved in) and
its ``FileResult`` (pickled), both named by the sha256 of the file's bytes and a key of what it
was read with (engine, rules, reader options and budgets: ``extract.run.read_with``). Each is
written under a temporary name and renamed into place, the records first: a kill at any moment
leaves a file either saved whole or not at all. Spools of files still being read live in
``tmp/`` there (the same filesystem, so finishing one is a rename) and are cleared at the next
start. Once a run has written its outputs the folder goes: it serves a run that was stopped.
In: finished results. Out: the saved results of files already read with the same key.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from extract.codes import FileStatus
from extract.interpret.rulebook import RuleDirs
from extract.readers import ReadOptions
from extract.results import FileResult
from extract.run.read_with import read_with

PARTS_DIR = ".ankestat-parts"


def resume_key(rules: RuleDirs, options: ReadOptions) -> str:
    """A short hash of everything a file's results depend on besides its bytes."""
    settings = {**read_with(rules, options), "budgets": asdict(options.budgets)}
    text = json.dumps(settings, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class Parts:
    """The saved results in ``out``'s parts folder, for files read with ``key``."""

    def __init__(self, out: Path, key: str) -> None:
        self.folder = out / PARTS_DIR
        self.key = key
        self.spool_dir = self.folder / "tmp"
        shutil.rmtree(self.spool_dir, ignore_errors=True)  # an earlier run's unfinished files
        self.spool_dir.mkdir(parents=True, exist_ok=True)

    def clear(self) -> None:
        """Forget every saved result (a run without --resume starts afresh)."""
        for path in self.folder.glob("*.result"):
            path.unlink(missing_ok=True)
        for path in self.folder.glob("*.records"):
            path.unlink(missing_ok=True)

    def _stem(self, sha256: str) -> Path:
        return self.folder / f"{sha256}-{self.key}"

    def saved(self, sha256: str) -> FileResult | None:
        """The saved result of the file with these bytes read with this key, or None."""
        path = self._stem(sha256).with_suffix(".result")
        try:
            with path.open("rb") as handle:
                result: FileResult = pickle.load(handle)  # our own file, written by ``save``
        except (OSError, EOFError, pickle.UnpicklingError):
            return None
        if result.spool is not None and not Path(result.spool.path).is_file():
            return None
        return result

    def save(self, result: FileResult) -> FileResult:
        """Save a finished file's result (its spool moved in); return it as saved. A failed
        file, or one whose bytes could not be hashed, is not saved: it is read again."""
        if result.source_sha256 is None or result.status is FileStatus.FAILED:
            return result
        stem = self._stem(result.source_sha256)
        if result.spool is not None:
            records = stem.with_suffix(".records")
            os.replace(result.spool.path, records)
            result = replace(result, spool=replace(result.spool, path=str(records)))
        partial = stem.with_suffix(".result.partial")
        with partial.open("wb") as handle:
            pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, stem.with_suffix(".result"))
        return result

    def resumed(self, paths: Sequence[Path], digests: Mapping[Path, str]) -> dict[Path, FileResult]:
        """The saved results of ``paths`` (their sha256 in ``digests``) read before with this
        key under the same name, marked ``resumed``."""
        found: dict[Path, FileResult] = {}
        for path in paths:
            sha256 = digests.get(path)
            result = None if sha256 is None else self.saved(sha256)
            if result is not None and result.source_file == path.name:
                found[path] = replace(result, path=str(path), resumed=True)
        return found

    def close(self, finished: bool) -> None:
        """Remove the folder of unfinished spools; when the run ``finished`` (its outputs are
        written), the saved results too: they are in the outputs now."""
        shutil.rmtree(self.folder if finished else self.spool_dir, ignore_errors=True)
