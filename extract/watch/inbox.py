"""The inbox folder: which files count, when a file is completely written, where it goes.

- ``is_candidate``: a regular file directly in the inbox whose name is not a temporary or
  hidden one (``~$x.xlsx``, ``x.part``, ``x.crdownload``, ``.x``, ...).
- ``Settling``: a file is ready once its size and mtime have stayed the same for ``settle``
  seconds (a copy still being written keeps changing them).
- ``move_into``: the atomic move to ``done/`` or ``failed/`` (``os.replace`` within the inbox,
  never overwriting: ``x.pdf``, ``x (2).pdf``, ...). The file's bytes are never touched.
- ``InboxLock``: one watcher per inbox (``fcntl.flock`` on ``INBOX/.ankestat-watch.lock``).
"""

from __future__ import annotations

import fcntl
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from extract import __version__

if TYPE_CHECKING:
    from extract.watch.store import KnownDocument

DONE = "done"
FAILED = "failed"
LOCK_NAME = ".ankestat-watch.lock"
ERROR_SUFFIX = ".error.txt"

# Names browsers, Office, rsync, WinSCP and editors use while a file is still being written.
IGNORED_PREFIXES = (".", "~$", "~")
IGNORED_SUFFIXES = (
    ".part",
    ".partial",
    ".crdownload",
    ".download",
    ".tmp",
    ".temp",
    ".filepart",
    ".swp",
    "~",
)
IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini"})


class WatchError(Exception):
    """The watcher cannot start (or go on); the message says why in one line."""


def is_candidate_name(name: str) -> bool:
    """Whether a file called ``name`` is a document to process (not temporary, not hidden)."""
    lower = name.lower()
    return not (
        lower.startswith(IGNORED_PREFIXES)
        or lower.endswith(IGNORED_SUFFIXES)
        or lower in IGNORED_NAMES
    )


def list_inbox(inbox: Path) -> list[Path]:
    """Candidate files directly in ``inbox`` (subfolders such as done/ are not entered), sorted."""
    with os.scandir(inbox) as entries:
        return sorted(
            Path(entry.path)
            for entry in entries
            if is_candidate_name(entry.name) and entry.is_file(follow_symlinks=False)
        )


def special_files(inbox: Path) -> list[tuple[Path, str]]:
    """Entries directly in ``inbox`` that are neither files nor folders (named pipes, devices,
    sockets: never read, they may never end), with what they are."""
    found = []
    with os.scandir(inbox) as entries:
        for entry in entries:
            if not is_candidate_name(entry.name):
                continue
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISFIFO(mode):
                found.append((Path(entry.path), "a named pipe (FIFO)"))
            elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
                found.append((Path(entry.path), "a device"))
            elif stat.S_ISSOCK(mode):
                found.append((Path(entry.path), "a socket"))
    return sorted(found)


@dataclass(slots=True)
class _Seen:
    size: int
    mtime_ns: int
    since: float


class Settling:
    """Files waiting to be completely written: ``add`` them, ``ready`` returns the settled ones."""

    def __init__(self, settle: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.settle = settle
        self._clock = clock
        self._seen: dict[Path, _Seen | None] = {}

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, path: object) -> bool:
        return path in self._seen

    def add(self, path: Path) -> None:
        """Start watching ``path`` (no-op if it is already watched)."""
        self._seen.setdefault(path, None)

    def discard(self, path: Path) -> None:
        """Stop watching ``path``."""
        self._seen.pop(path, None)

    def next_due(self) -> float | None:
        """The clock time at which ``ready`` may next return a file (None: nothing watched)."""
        if not self._seen:
            return None
        return min(
            (self._clock() if seen is None else seen.since + self.settle)
            for seen in self._seen.values()
        )

    def ready(self, limit: int) -> list[Path]:
        """Up to ``limit`` files unchanged for ``settle`` seconds, removed from the watch list.

        A file that has vanished (renamed, deleted) is dropped.
        """
        now = self._clock()
        out: list[Path] = []
        for path, seen in list(self._seen.items()):
            try:
                st = path.stat()
            except OSError:
                del self._seen[path]
                continue
            if seen is None or (st.st_size, st.st_mtime_ns) != (seen.size, seen.mtime_ns):
                self._seen[path] = _Seen(st.st_size, st.st_mtime_ns, now)
                if self.settle > 0:
                    continue
            elif now - seen.since < self.settle:
                continue
            if len(out) < limit:
                del self._seen[path]
                out.append(path)
        return out


# A file name may be 255 bytes; a moved document's name leaves room for what is added to it
# (" (12)", ".error.txt", ".partial").
NAME_BYTES = 255
MOVED_NAME_BYTES = NAME_BYTES - len(" (9999)") - len(".error.txt") - len(".partial")


def shortened(name: str, most_bytes: int) -> str:
    """``name`` cut to at most ``most_bytes`` bytes (UTF-8) in its stem, its suffix kept and a
    "~" where it was cut; unchanged when it fits."""
    if len(name.encode("utf-8")) <= most_bytes:
        return name
    suffix = Path(name).suffix if len(Path(name).suffix) <= 16 else ""
    stem = name[: len(name) - len(suffix)]
    room = most_bytes - len(suffix.encode("utf-8")) - 1
    cut = stem.encode("utf-8")[: max(room, 1)].decode("utf-8", "ignore")
    return f"{cut}~{suffix}"


def free_name(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/stem (2).suffix``, ``(3)``, ... whichever does not exist
    (a name too long to take what is added to it is ``shortened`` first)."""
    name = shortened(name, MOVED_NAME_BYTES)
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists() or target.is_symlink():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename is durable once both folders are flushed)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and ``os.replace`` (never half a file)."""
    partial = path.with_name(path.name + ".partial")
    with partial.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)


def move_into(path: Path, folder: Path, error: str | None = None) -> Path:
    """Move ``path`` into ``folder`` atomically under a free name; return the new path.

    With ``error``, ``<new name>.error.txt`` holding it is written first, so a kill between the
    two leaves the document in the inbox (to be moved again), never in ``failed/`` unexplained.
    """
    folder.mkdir(exist_ok=True)
    target = free_name(folder, path.name)
    if error is not None:
        write_atomic(target.with_name(target.name + ERROR_SUFFIX), error)
    os.replace(path, target)
    fsync_dir(folder)
    fsync_dir(path.parent)
    return target


def check_folders(inbox: Path, out: Path) -> None:
    """Refuse (WatchError) an inbox that is not a folder or an output folder inside the inbox."""
    if not inbox.is_dir():
        raise WatchError(f"{inbox}: the inbox is not a folder")
    inbox_real, out_real = inbox.resolve(), out.resolve()
    if out_real == inbox_real or out_real.is_relative_to(inbox_real):
        raise WatchError(
            f"{out}: the output folder may not be inside the inbox {inbox} "
            "(its files would be picked up as new documents)"
        )


class InboxLock:
    """An exclusive ``flock`` on ``INBOX/.ankestat-watch.lock``, held while the watcher runs."""

    def __init__(self, inbox: Path) -> None:
        self.path = inbox / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock; WatchError naming the holder's pid if another watcher has it."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise WatchError(f"{self.path}: cannot create the lock file ({exc.strerror})") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise WatchError(
                f"{self.path.parent}: another ankestat watch is running on this inbox "
                f"(pid {holder}, lock {self.path})"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd

    def release(self) -> None:
        """Release the lock (the file stays; deleting it would race with a starting watcher)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def error_text(
    name: str, sha256: str, reason: str | None, known: KnownDocument | None = None
) -> str:
    """The text of ``<name>.error.txt`` beside a failed document: the reason, its sha256,
    where it was first seen (for a known one), the engine and the time."""
    lines = [f"{name}: {reason or 'unknown error'}", f"sha256: {sha256}"]
    if known is not None:
        lines.append(f"first seen as {known.name} on {known.processed_at}")
    lines.append(f"ankestat {__version__}, {datetime.now(UTC).isoformat(timespec='seconds')}")
    return "\n".join(lines) + "\n"
