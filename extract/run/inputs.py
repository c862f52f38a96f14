"""What a run reads: files named and found in folders, the named paths that name nothing, and
one file of each set of identical ones (told by their bytes).

In: the paths named (files or folders) and the output folder. Out: ``Inputs``, whose
``results`` puts the results of the files read back in input order, with a result for each
copy (ok, no records, a ``duplicate_input`` finding naming the file read) and each missing
path (failed, its reason). ``ankestat extract`` and ``extract.read`` share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.codes import FailureKind, FileStatus, FindingCode, Severity
from extract.model import Finding
from extract.readers import accepted_suffixes
from extract.results import FileResult


@dataclass(frozen=True)
class Inputs:
    """``found``: every file to account for, in input order; ``unique``: those to read;
    ``copies``: each copy and the file it copies; ``missing``: named paths and why nothing;
    ``digests``: the sha256 of each file's bytes (none for a file that could not be read)."""

    found: list[Path]
    unique: list[Path]
    copies: dict[Path, Path]
    missing: dict[Path, str]
    digests: dict[Path, str] = field(default_factory=dict)

    def results(self, read: Sequence[FileResult]) -> list[FileResult]:
        """Every input's result in input order (``read``: those of ``unique``, in order),
        then the missing paths' failures."""
        by_path = dict(zip(self.unique, read, strict=True))
        return [
            *with_copies(self.found, by_path, self.copies),
            *(
                FileResult(p.name, str(p), FileStatus.FAILED, why, failure=FailureKind.INPUT)
                for p, why in self.missing.items()
            ),
        ]


def plan_inputs(paths: Sequence[Path], out: Path | None = None) -> Inputs:
    """The inputs of a run over ``paths`` (never a file inside the output folder ``out``)."""
    missing = {p: why for p in paths if (why := missing_reason(p)) is not None}
    found = collect_inputs([p for p in paths if p not in missing], out)
    digests = file_digests(found)
    unique, copies = distinct_inputs(found, digests)
    return Inputs(found, unique, copies, missing, digests)


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


def missing_reason(path: Path) -> str | None:
    """Why ``path`` names nothing to read (None when it does): missing, or a symbolic link
    that leads nowhere (to a missing target, or round in a loop)."""
    from extract.pipeline import unreadable_reason

    try:
        path.stat()
    except OSError as exc:
        return unreadable_reason(path, exc)
    return None


def file_digests(paths: Sequence[Path]) -> dict[Path, str]:
    """The sha256 of each file's bytes; a file that cannot be read has none."""
    from extract.pipeline import file_sha256

    digests: dict[Path, str] = {}
    for path in paths:
        try:
            digests[path] = file_sha256(path)[0]
        except OSError:
            continue
    return digests


def distinct_inputs(
    paths: Sequence[Path], digests: dict[Path, str]
) -> tuple[list[Path], dict[Path, Path]]:
    """The inputs to read (the first of each set of identical files, by their ``digests``)
    and each copy with the input it copies; a file without a digest is read (and fails)."""
    first: dict[str, Path] = {}
    unique: list[Path] = []
    copies: dict[Path, Path] = {}
    for path in paths:
        digest = digests.get(path)
        if digest is None:
            unique.append(path)
        elif digest in first:
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
                copy_of=original.path,
            )
        )
    return results
