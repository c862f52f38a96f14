"""A column's header path read as one label, its levels weighed against each other.

In: a ``Reader`` and a column's header levels (top to bottom). Out: the ``Reading`` of the
levels joined with " / ", with the aspect the lowest level naming one gives, or a conflict
where the levels cannot all hold (a count over a share, a word broken over lines whose end
is missing).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from types import MappingProxyType

from extract.interpret.reading import Reader, Reading
from extract.interpret.words import BOTH_ASPECTS, WordBook, tokens


def read_path(reader: Reader, levels: Sequence[str]) -> Reading:
    """The reading of a column's header path (its levels top to bottom, joined with " / ").
    Where the path names both a count and a share ("Hjemvist / Antal og andel / Andel"),
    the lowest level naming either says which the column holds; a level naming both with
    none below it ("Antal/pct.", or "Procent Antal": headers of two columns run together)
    gives the aspect ``BOTH_ASPECTS``: each row must say which. One level naming only a
    count and another only a share ("Ændret 2025 Antal sager / Procent") conflict: the
    headers of two columns were set over one. A level ending in a word
    broken with a hyphen whose end the next level does not hold ("Realitetsbeha- /
    Procent": the end, "ndlet", went under the next column) is a conflict."""
    printed = [level for level in levels if level]
    reading = reader.read(" / ".join(printed))
    if (lost := _lost_word_end(reader.vocabulary.words, printed)) is not None:
        return replace(reading, conflicts=(*reading.conflicts, lost))
    if len(_aspects(reading)) < 2:
        return reading
    singles = {
        frozenset(named) for level in printed if len(named := _aspects(reader.read(level))) == 1
    }
    if len(singles) > 1:  # "… Antal sager" over "Procent": two columns' headers run together
        conflict = "aspect count or share"
        return replace(reading, conflicts=(*reading.conflicts, conflict))
    for level in reversed(levels):
        named = _aspects(reader.read(level)) if level else set()
        if named:
            aspect = named.pop() if len(named) == 1 else BOTH_ASPECTS
            return replace(reading, dims=MappingProxyType({**reading.dims, "aspect": aspect}))
    return reading


def _lost_word_end(words: WordBook, levels: Sequence[str]) -> str | None:
    """What is wrong where a header level ends in a word broken with a hyphen ("Realitetsbeha-")
    and the next level's first word does not complete it; None when every break joins."""
    for upper, lower in itertools.pairwise(levels):
        ends, starts = tokens(upper), tokens(lower)
        last = ends[-1] if ends else ""
        if len(last) < 2 or not last.endswith("-") or not last[-2].isalpha() or not starts:
            continue
        if words.join((last, starts[0])) is None and words.read(last):
            return f"header word '{last}' broken over lines, its end not under it"
    return None


def _aspects(reading: Reading) -> set[str]:
    """The aspects (count, share) a reading's words name."""
    return {m.value for part in reading.parts for m in part.meanings if m.dim == "aspect"}
