"""A provision label that begins or ends with other names: "Slagelse Kommune, Revalidering",
"Stadfæstede sager, Diverse – serviceloven", "Revalidering (2023)".

In: the label as printed and its ``Reading``. Out: the entity, measure, period or aspect read
in the words it begins or ends with (the row's own dimensions), and the provision as printed
without those words and the separators next to them. A law area stays in the provision's
name ("Diverse – serviceloven"); names in the middle of the label are part of the provision.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from types import MappingProxyType

from extract.interpret.reading import Part, Reading
from extract.interpret.words import WordBook, tokens

# Dimensions the words at a provision label's edges may give its row.
EDGE_DIMS = frozenset({"entity", "measure", "period", "aspect"})
# What may stand between those words and the provision's name.
_SEPARATORS = " \t,;:/–—-|"


def provision_edges(
    label: str, reading: Reading, words: WordBook, columns: Collection[str]
) -> tuple[MappingProxyType[str, str], str] | None:
    """(dimensions, provision as printed) of one provision row label (see the module
    docstring): no dimensions and the label itself when its edges name nothing; None when
    they do but the provision's words cannot be told apart in the printed label. A dimension
    in ``columns`` (the table's columns or the row's group headers name it) is not looked
    for: "Bortfald af retten til sygedagpenge" under "Stadfæstet" is a provision's name."""
    allowed = EDGE_DIMS - set(columns)
    parts = list(reading.parts)
    if _unread_beyond(label, parts):
        return None  # read with a label column's words not in the label: a name elsewhere
    head = _edge_count(parts, words, allowed, leading=True)
    if head and _linked(label, parts[:head], words):
        head = 0  # "Bortfald af retten …": the measure word begins the provision's name
    tail = _edge_count(parts[head:][::-1], words, allowed)
    if head == 0 and tail == 0:
        return MappingProxyType({}), label
    dims: dict[str, str] = {}
    for part in (*parts[:head], *parts[len(parts) - tail :]):
        for meaning in part.meanings:
            if meaning.dim != "total":
                dims.setdefault(meaning.dim, meaning.value)
    core = parts[head : len(parts) - tail]
    printed = _cut(label, core) if core else None
    return None if printed is None else (MappingProxyType(dims), printed)


def _unread_beyond(label: str, parts: Sequence[Part]) -> bool:
    """Whether the reading (of the label with its label columns' cells) leaves words unread
    past the printed label: the provision's name, or part of it, is not the label's text
    ("Hele Stadfæstelser landet" beside "Børn - KSB - Diverse")."""
    printed = tokens(label)
    cursor = 0
    for k, part in enumerate(parts):
        for word in part.text.split():
            if word not in printed[cursor:]:  # this part and those after stand past the label
                return any(not p.meanings for p in parts[k:])
            cursor = printed.index(word, cursor) + 1
    return False


def _linked(label: str, head: Sequence[Part], words: WordBook) -> bool:
    """Whether the printed word right after the head's words is a linking word ("af")."""
    printed = tokens(label)
    used = sum(len(part.text.split()) for part in head)
    return used < len(printed) and printed[used] in words.linking


def _edge_count(
    parts: Sequence[Part], words: WordBook, allowed: Collection[str], *, leading: bool = False
) -> int:
    """How many parts from the start name only edge dimensions (one value each), in words
    printed whole or as listed abbreviations (a cut word, "afg.." at the end of a wrapped
    provision, is no name); ``leading`` (the start of the label, where no line was cut):
    also in abbreviations with a full stop and compounds of known words ("Ændr./oph.",
    "Hjemvisningsprocent")."""
    count = 0
    for part in parts:
        dims = {m.dim for m in part.meanings}
        if count and dims == {"total"}:
            count += 1  # "Realitetsbeh. sager i alt, Børn - …": the measure's total
            continue
        if not dims or not dims <= set(allowed) or len(part.meanings) != len(dims):
            break
        printed_whole = all(
            words.head(w) or w in words.abbreviations or (leading and words.read(w))
            for w in part.text.split()
        )
        if dims != {"period"} and not printed_whole:  # a period is numbers: "2024-03"
            break
        count += 1
    return count


def _cut(label: str, core: Sequence[Part]) -> str | None:
    """The printed span of ``label`` whose tokens begin with the first word of ``core`` and
    end with its last, edge separators stripped (at the label's end it runs to the end as
    printed: "... v/strafferetlig afg.. -"); None when it cannot be found."""
    first = core[0].text.split()[0]
    last = core[-1].text.split()[-1]
    starts = [0, *(m.end() for m in re.finditer(r"[\s,;:/|()–—-]+", label))]
    for start in starts:
        rest = tokens(label[start:])
        if not rest or rest[0] != first:
            continue
        for end in [m.start() for m in re.finditer(r"[\s,;:/|()–—-]+", label)] + [len(label)]:
            if end <= start:
                continue
            span = tokens(label[start:end])
            if span and span[-1] == last and tokens(label[end:]) == _after(rest, span):
                if not tokens(label[end:]):  # the label's end, as printed ("… afg.. -")
                    return label[start:].lstrip(_SEPARATORS).rstrip() or None
                return label[start:end].strip(_SEPARATORS) or None
        return None
    return None


def _after(rest: list[str], span: list[str]) -> list[str]:
    """The tokens of ``rest`` after its first ``len(span)``."""
    return rest[len(span) :]
