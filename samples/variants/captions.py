"""Captions, title lines and stub-header texts that carry a table's context.

An axis with one member (the municipality, the year, the law, the measure) is often not a
row or column at all but named in the caption ("... for Ishøj Kommune i 2021"), in a bold
line above the table, or in the top-left header cell. These helpers write those texts.
"""

from __future__ import annotations

import random
import re

from samples.variants import periods, vocab
from samples.variants.model import Member

DIM_WORDS = {
    "item": ("lovområde", "lovområder", "sagsemne"),
    "provision": ("bestemmelse", "paragraf", "sagsemne"),
    "benefit": ("ydelse", "ydelsestype"),
    "entity": ("kommune", "instans", "område"),
    "measure": ("udfald", "afgørelse"),
}
PERIOD_WORDS = {"year": "år", "half": "halvår", "quarter": "kvartal", "month": "måned"}


def item_kind(items: list[Member]) -> str:
    """``provision`` (provision rows), ``benefit`` (benefits without a law) or ``item``."""
    if any(i.role == "provision" for i in items):
        return "benefit" if all(i.law is None for i in items) else "provision"
    return "item"


def label_of(axis: str, m: Member, rng: random.Random, period_style: int) -> str:
    """A member's printed label (a period by the table's period style)."""
    if axis == "period":
        return periods.label(periods.parse(m.period or ""), period_style)
    return vocab.pick(rng, m.labels)


def phrase(axis: str, m: Member, label: str, rng: random.Random, period_style: int) -> str:
    """The member inside a caption: "for Ishøj Kommune", "i 2024", "– serviceloven"."""
    if axis == "entity":
        if m.scope == "hele_landet":
            return rng.choice(("for hele landet", "– hele landet", "på landsplan", "(hele landet)"))
        return rng.choice((f"for {label}", f"– {label}", f"i {label}", f"for {label}"))
    if axis == "period":
        return periods.phrase(periods.parse(m.period or ""), period_style)
    if axis == "item":
        if m.law == "alle":
            return rng.choice(("– alle lovområder", "(alle sager)", "– alle sager"))
        low = label if label.isupper() else label.lower()
        return rng.choice((f"– {label}", f"vedr. {low}", f"({label})", f"efter {low}"))
    return f"– {label.lower()}"


def law_phrase(law: str, rng: random.Random) -> str:
    """A law inside a caption: "i serviceloven", "efter SEL", "– Lov om social service"."""
    label = vocab.pick(rng, vocab.LAW_LABELS[law])
    low = label if label.isupper() else label.lower()
    return rng.choice((f"i {low}", f"efter {low}", f"– {label}", f"({label})"))


def names_law(text: str, law: str) -> bool:
    """Whether ``text`` already names ``law`` in one of its wordings."""
    words = re.findall(r"\w+", text.casefold())
    return any(
        re.findall(r"\w+", w.casefold()) == words[i : i + len(re.findall(r"\w+", w))]
        for w in vocab.LAW_LABELS[law]
        for i in range(len(words))
    )


def subject(
    family_subjects: tuple[str, ...],
    measure: str | None,
    axes_on_table: list[tuple[str, str]],
    rng: random.Random,
) -> str:
    """The caption's subject: the family's, or "<measure> efter <dimensions>" when the table
    shows one measure named only in the caption."""
    if measure is None:
        return rng.choice(family_subjects)
    dims = [rng.choice(DIM_WORDS[k]) if k in DIM_WORDS else k for _, k in axes_on_table]
    if not dims:
        return measure
    joined = dims[0] if len(dims) == 1 else ", ".join(dims[:-1]) + " og " + dims[-1]
    return f"{measure} {rng.choice(('efter', 'fordelt på'))} {joined}"


def period_worded(subjects: tuple[str, ...], kind: str) -> tuple[str, ...]:
    """The family's subjects with their period word ("… fordelt på ydelse og måned") made the
    word of the period type the table's periods were relabelled to ("none": as they are)."""
    if kind not in PERIOD_WORDS:
        return subjects
    words = "|".join(PERIOD_WORDS.values())
    return tuple(re.sub(rf"\b(?:{words})\b", PERIOD_WORDS[kind], s) for s in subjects)


def caption_text(subject_text: str, phrases: list[str], upper: bool) -> str:
    """Subject plus context phrases, in the caption's case."""
    text = " ".join([subject_text, *phrases])
    return text.upper() if upper else text


def title_text(labels: list[str], rng: random.Random) -> str:
    """A bold line above the table naming its context: "Ishøj Kommune – 2021"."""
    return rng.choice((" – ", ", ", " ", " - ")).join(labels)


def period_dim(kind: str) -> str:
    """The word for a period axis in a caption ("år", "kvartal")."""
    return PERIOD_WORDS[kind]
