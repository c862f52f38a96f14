"""Positions sharing a hash, found in a flat array: the duplicate keys of a table, the copies
of a value across tables, for millions of values without a dict entry each.

In: one 64-bit hash per position (``array("q")``). Out: the positions of each hash held by two
positions or more, each group in position order, groups in the order of their first position.
Equal hashes are candidates only: the caller compares the keys themselves.
"""

from __future__ import annotations

from array import array


def same_hash_groups(hashes: array[int]) -> list[list[int]]:
    """The groups of positions whose hashes are equal, two positions or more each."""
    if len(hashes) < 2:
        return []
    import numpy as np

    values = np.frombuffer(hashes, dtype=np.int64)
    order = np.argsort(values, kind="stable")  # a group's positions stay in order
    ordered = values[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = np.r_[starts[1:], len(ordered)]
    shared = ends - starts > 1
    return sorted(order[s:e].tolist() for s, e in zip(starts[shared], ends[shared], strict=True))
