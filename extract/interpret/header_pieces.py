"""Headers of neighbouring columns run together into one, read apart again.

Narrow columns set tight ("2019 2020 2021", "REALITETSBEH. STADFÆSTEDE HJEMVISTE AFVISTE")
may reach detection as one header over all of them: every column then carries the whole
text, which names two values of one dimension, and none is read. When the text cuts, in
order, into one piece per column, each piece naming one value of the same dimensions (and
the column's whole path then reading without conflict), and in exactly one way, each column
takes its own piece.

In: a table's column header paths and the ``Reader``. Out: the paths, with such levels cut.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extract.interpret.paths import read_path
from extract.interpret.reading import Reader

# A piece may not begin or end with a word that joins it to its neighbour: the header names
# one thing ("Stadfæstede og hjemviste sager", "Omgørelse i pct.").
_JOINING = frozenset({"og", "eller", "samt", "i", "af", "pr.", "per", "/", "-", "–", "&", "+"})
# Texts of more words than this are not cut (the ways to cut grow fast; headers are short).
MAX_WORDS = 12

Paths = tuple[tuple[str, ...], ...]


def cut_shared_levels(paths: Paths, reader: Reader) -> Paths:
    """``paths`` with each level shared by a run of neighbouring columns, and naming two
    values of one dimension, cut into one piece per column where it cuts in exactly one way
    (see the module)."""
    out = [list(path) for path in paths]
    depth = max((len(path) for path in paths), default=0)
    for level in range(depth):
        for run in _shared_runs(paths, level):
            text = paths[run[0]][level]
            if not reader.read(text).conflicts:
                continue
            pieces = _only_cut(text, len(run), [paths[c] for c in run], level, reader)
            for column, piece in zip(run, pieces or (), strict=False):
                out[column][level] = piece
    return tuple(tuple(path) for path in out)


def _shared_runs(paths: Paths, level: int) -> list[list[int]]:
    """Runs of two neighbouring columns or more whose paths are the same down to ``level``,
    printed there."""
    runs: list[list[int]] = []
    for column, path in enumerate(paths):
        if len(path) <= level or not path[level].strip():
            continue
        if (
            runs
            and runs[-1][-1] == column - 1
            and paths[column - 1][: level + 1] == path[: level + 1]
        ):
            runs[-1].append(column)
        else:
            runs.append([column])
    return [run for run in runs if len(run) >= 2]


def _only_cut(
    text: str, count: int, paths: Sequence[tuple[str, ...]], level: int, reader: Reader
) -> list[str] | None:
    """The one way to cut ``text`` into ``count`` pieces that read apart (``_reads_apart``),
    or None when there is none or more than one."""
    words = text.split()
    if not count <= len(words) <= MAX_WORDS:
        return None
    found: list[list[str]] = []
    for cuts in itertools.combinations(range(1, len(words)), count - 1):
        bounds = (0, *cuts, len(words))
        pieces = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
        if _reads_apart(pieces, paths, level, reader):
            found.append(pieces)
            if len(found) > 1:
                return None
    return found[0] if found else None


def _reads_apart(
    pieces: Sequence[str], paths: Sequence[tuple[str, ...]], level: int, reader: Reader
) -> bool:
    """Whether each piece reads fully, none begins or ends with a joining word, all name the
    same dimensions with a different value each, and each column's path with its piece
    reads without conflict."""
    readings = [reader.read(piece) for piece in pieces]
    if any(not r.resolved or not r.dims for r in readings):
        return False
    if any(
        p.split()[0].casefold() in _JOINING or p.split()[-1].casefold() in _JOINING for p in pieces
    ):
        return False
    named = {frozenset(r.dims) for r in readings}
    if len(named) != 1:
        return False
    for dim in next(iter(named)):
        if len({r.dims[dim] for r in readings}) != len(readings):
            return False
    for piece, path in zip(pieces, paths, strict=True):
        levels = (*path[:level], piece, *path[level + 1 :])
        if read_path(reader, levels).conflicts:
            return False
    return True
