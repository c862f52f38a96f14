"""Table context: the dimensions a table's own labels leave out, from the text around it.

In: a table's caption and title, the document heading and the defaults of the rules that apply.
Out: ``Context``: for each dimension the value that text gives, and where it came from. Running
text is read for what it names: a dimension named with exactly one value counts ("Tabel 3:
Omgørelsesprocent 2020 for Ishøj Kommune" gives measure, period and entity); one named with two
values gives nothing. Years that are part of a date or a range are never a period. The document
heading gives an entity and a period (each from its first line that names one).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from extract.interpret.reading import Reader
from extract.interpret.titles import (
    SENTENCE,
    SENTENCE_BREAK,
    TITLE_WORDS,
    after_running_text,
    ends_in_values,
    points_elsewhere,
    row_of_values,
    title_said,
)
from extract.interpret.vocabulary import NATIONAL, Meaning
from extract.interpret.words import WordBook, tokens
from extract.normalise.labels import find_municipality

# Dimensions the text around a table may give, and from which text (later wins).
SOURCES = ("rule", "heading", "title", "caption", "stub")
# A number printed with a percent sign or word ("28,6 %", "31%", "på 78 procent", "12 pct.").
# (a number is matched from its first digit on only, possessively: linear in the text)
_PRINTED_PERCENT = re.compile(r"(?<![\d.,])\d[\d.,]*+\s?(?:%|(?:procent|pct)\b\.?)", re.IGNORECASE)
# Words of numbers, years and ranges of years ("2019-2021").
_NUMBERS = re.compile(r"[\d.,/-]+")
# Marks that begin the items of a list.
_BULLETS = frozenset("•·▪‣◦*-–—")
# The end of a caption's main clause: a dash set off by spaces.
_MAIN_CLAUSE = re.compile(r"\s[-–—]\s")


@dataclass(frozen=True, slots=True)
class Given:
    """One dimension's value from the context, and the text it came from."""

    value: str
    source: str
    text: str


@dataclass(frozen=True)
class Context:
    """The context dimensions of a table, the axis words of its caption, title and stub
    header, and whether the caption or title names a measure at all."""

    dims: Mapping[str, Given] = field(default_factory=dict)
    axes: frozenset[str] = frozenset()
    # dimensions the caption or title names without giving the table one value for them (a
    # law area in a remark: "… 1) Andre love omfatter dagtilbudsloven …"), or the entity of a
    # table that starts inside a group whose header it lacks: no default for them
    unclear: frozenset[str] = frozenset()
    # how fine the caption or title says the table's periods are ("fordelt på halvår": half)
    grain: str | None = None
    # dimensions two texts name differently (the title and the caption, or running text
    # over the table and the document heading): left open
    disputed: frozenset[str] = frozenset()

    def value(self, dim: str) -> str | None:
        given = self.dims.get(dim)
        return given.value if given else None

    def named(self, dim: str) -> str | None:
        """The value of ``dim`` (entity, period) the table's caption or title gives, else
        None."""
        given = self.dims.get(dim)
        return given.value if given is not None and given.source in ("caption", "title") else None

    def leaving_open(self, dims: Collection[str], *, unclear: bool = True) -> Context:
        """The context without ``dims``; with ``unclear``, they are also given no default
        (no "all law areas", no heading's value): what named them was not found."""
        kept = {d: g for d, g in self.dims.items() if d not in dims}
        opened = self.unclear | frozenset(dims) if unclear else self.unclear
        return Context(kept, self.axes, opened, self.grain, self.disputed)


def table_context(
    reader: Reader,
    *,
    caption: str | None,
    title: str | None,
    heading: str,
    stub: str = "",
    defaults: Iterable[tuple[str, str, str]] = (),
    sheet: bool = False,
) -> Context:
    """The context of one table. ``defaults`` are (dimension, value, rule id) from the rules
    that apply, already resolved to codes; ``stub`` is the header over the row labels, whose
    dimensions hold for the whole table ("Hele landet" in the top left corner); ``sheet``
    says the heading is a sheet's first rows."""
    dims: dict[str, Given] = {}
    for dim, value, rule_id in defaults:
        dims[dim] = Given(value, "rule", rule_id)
    headed = dict(_heading_dims(reader, heading, sheet=sheet))
    for dim, (value, line) in headed.items():
        dims[dim] = Given(value, "heading", line)
    axes: set[str] = set()
    unclear: set[str] = set()
    grains: set[str] = set()
    disputed: set[str] = set()  # named differently by the title and the caption
    for source, text in (("title", title), ("caption", caption)):
        if not text:
            continue
        if source == "title":
            words = reader.vocabulary.words
            said = title_said(text, words)
            if said is not None and points_elsewhere(said, caption):
                said = None  # "… jf. Tabel 4.7." above Tabel 4.2: about another table
            if said is not None and row_of_values(said):
                said = None  # "2024 Lov om aktiv 985 5% …": the table's first row, not a title
            if said is None:
                entity = dims.get("entity")
                if (
                    entity is not None
                    and _speaks_of_other(_entities(reader, text), entity.value)
                    and not _of_cooperation(words, text)
                ):
                    dims.pop("entity")  # the paragraph speaks of another entity: leave it open
                continue
            text = said
        found, text_axes = named(reader, text)
        axes |= text_axes
        grains |= _grains(reader, text) | _yearless_span(reader, text)
        if "law" not in found and any(m.dim == "law" for m in _meanings(reader, text)):
            unclear.add("law")
        for dim, value in found.items():
            if (
                source == "title"
                and dim == "period"
                and _is_prose(text)
                and headed.get(dim, (value,))[0] != value
            ):
                # running text over the table ("… afgjorte klagesager i 2020 …") naming
                # another year than the document's heading ("… afgørelser i 2021"): neither
                # is sure
                dims.pop(dim, None)
                disputed.add(dim)
                continue
            earlier = dims.get(dim)
            if (
                earlier is not None
                and earlier.source == "title"
                and earlier.value != value
                and earlier.value != headed.get(dim, (None,))[0]
            ):
                # the title and the caption disagree: neither is sure (unless the title only
                # repeats the heading's, "Bilag: Ankestatistik Fredericia": the caption's is
                # the table's own, as it is over the heading's)
                dims.pop(dim)
                disputed.add(dim)
                continue
            dims[dim] = Given(value, source, text)
        for dim in _named_twice(reader, text) - set(found):
            dims.pop(dim, None)  # a title naming two entities leaves it open: no default
    stub = after_running_text(reader.vocabulary.words, stub)
    if stub:
        reading = reader.read(stub)
        axes |= reading.axes
        # the headers of several stub columns ("Myndighed / Måned / Afgørelse / Ydelse") name
        # what each column lists: a measure among them is the column of outcomes, not one;
        # nor is one beside "Udfald", which says the rows list the outcomes
        listed = (" / " in stub and bool(reading.axes)) or "measure" in reading.axes
        if reading.resolved:
            for dim, value in reading.dims.items():
                if not (listed and dim == "measure"):
                    dims[dim] = Given(value, "stub", stub)
        elif (entity := dims.get("entity")) and reading.dims.get("entity", entity.value) != (
            entity.value
        ):
            dims.pop("entity")  # "Landstotal Lov om aktiv": another entity, not the heading's
    unclear = (unclear | (disputed & {"law"})) - set(dims)  # no "all law areas" by default
    grain = grains.pop() if len(grains) == 1 else None
    return Context(dims, frozenset(axes), frozenset(unclear), grain, frozenset(disputed))


def named(reader: Reader, text: str) -> tuple[dict[str, str], frozenset[str]]:
    """What running text names with exactly one value per dimension, and its axis words.

    Measures and law areas count in the main clause, before a dash set off by spaces, and in
    a later segment that is nothing but names ("Talportal H2 2017 – Serviceloven"), not in a
    remark ("Omgørelsesprocent 2020 – beskæftigelsesområdet indgår under øvrige" names no law
    area); an aspect only when it is a share ("Udfald i procent")."""
    values: dict[str, set[str]] = {}
    axes: set[str] = set()
    text = _PRINTED_PERCENT.sub(" ", text)  # "28,6 %" in a sentence is a value, not an aspect
    main, *more = _MAIN_CLAUSE.split(text)
    for meaning in _meanings(reader, text):
        if meaning.dim == "axis":
            axes.add(meaning.value)
        elif meaning.dim == "aspect":
            values.setdefault(meaning.dim, set()).add(meaning.value)
    for meaning in _meanings(reader, main):
        if meaning.dim in ("measure", "law"):
            values.setdefault(meaning.dim, set()).add(meaning.value)
    for segment in more:  # "... – Serviceloven i 2021": a segment of names (and years) counts
        reading = reader.read(segment)
        if not reading.conflicts and all(_NUMBERS.fullmatch(w) for w in reading.unknown):
            for dim in ("measure", "law"):
                if dim in reading.dims:
                    values.setdefault(dim, set()).add(reading.dims[dim])
    if values.get("aspect") != {"share"}:
        values.pop("aspect", None)
    entities = _entities(reader, text)
    for line in reversed(text.splitlines()):  # the line nearest the table names it
        named_here = _entities(reader, line)
        if named_here:
            entities = named_here
            break
    if entities:
        values["entity"] = entities
    periods = {p for p, _ in reader.vocabulary.periods.find(text)}
    if periods and all(len(p) == 4 for p in periods) and _loose_part(reader, text):
        periods.add("?")  # "… 2024 Afgørelsestype Lovområde K3": which quarter of it is not sure
    if periods:
        values["period"] = periods
    return {dim: found.pop() for dim, found in values.items() if len(found) == 1}, frozenset(axes)


def _loose_part(reader: Reader, text: str) -> bool:
    """Whether a text names a part of a year on its own ("K3", "2. halvår", "marts"), apart
    from the year it names: a header run into the caption, the year's grain unknown."""
    grammar = reader.vocabulary.periods
    return any(
        grammar.parse_part(token) is not None and not token.isdigit()
        for token in text.split()
        if grammar.may_start(token.casefold())
    )


def _named_twice(reader: Reader, text: str) -> set[str]:
    """The dimensions running text names with two or more values (entity, period); the
    entity of a text of several lines is its last line's that names one."""
    last = next(
        (e for line in reversed(text.splitlines()) if (e := _entities(reader, line))), set()
    )
    twice = {"entity"} if len(last) > 1 else set()
    if len(reader.vocabulary.periods.find(text)) > 1:
        twice.add("period")
    return twice


def _grains(reader: Reader, text: str) -> set[str]:
    """The grains of the period axis words in ``text`` ("… fordelt på sagsemne og halvår":
    half), not of words inside a period ("1. halvår 2025")."""
    grains = reader.vocabulary.words.grains
    return {
        grains[part.text]
        for part in reader.read(text).parts
        if part.text in grains and any(m.dim == "axis" for m in part.meanings)
    }


def _yearless_span(reader: Reader, text: str) -> set[str]:
    """The grain of a span of months ending the text without its year ("… BESTEMMELSE
    jul.-dec.", the year printed elsewhere): half or quarter; the year alone is not the
    period."""
    months = reader.vocabulary.periods.months
    tail = text.casefold().replace("–", "-").rstrip(" .:").rsplit(" ", 1)[-1]
    parts = [p.strip(".") for p in tail.split("-")]
    if len(parts) != 2 or not all(p in months for p in parts):
        return set()
    first, last = months[parts[0]], months[parts[1]]
    return {"half"} if last - first == 5 else {"quarter"} if last - first == 2 else set()


def _meanings(reader: Reader, text: str) -> list[Meaning]:
    """Every meaning of the phrases read in ``text`` (periods and entities apart)."""
    reading = reader.read(text)
    return [m for part in reading.parts for m in part.meanings if m.dim not in ("period", "entity")]


def _speaks_of_other(named_entities: set[str], entity: str) -> bool:
    """Whether running text naming ``named_entities`` speaks of another entity than the
    table's ``entity``: one other than it, unless it names ``entity`` too and the other is
    the whole country ("… for Lejre Kommune på 31 % er lidt højere end for landet som
    helhed": a comparison, still about Lejre)."""
    others = named_entities - {entity}
    return bool(others) and not (entity in named_entities and others == {NATIONAL})


def _of_cooperation(words: WordBook, text: str) -> bool:
    """Whether running text speaks of a binding cooperation ("… det forpligtende samarbejde
    med Vallensbæk Kommune …"): the municipality it names is the partner whose cases the
    document's municipality decides, and its figures hold them."""
    return any(token in words.cooperation for token in tokens(text))


def _entities(reader: Reader, text: str) -> set[str]:
    """Entities named in running text: municipalities as printed (capitalised, so "greve" in
    a sentence is no municipality) and the national labels."""
    found: set[str] = set()
    municipality = find_municipality(reader.vocabulary.reference, text)
    if municipality is not None and municipality.code is not None:
        found.add(str(municipality.code))
        # a second municipality named later in the text makes the entity unclear
        rest = text.replace(municipality.name or "", " ")
        other = find_municipality(reader.vocabulary.reference, rest)
        if other is not None and other.code != municipality.code:
            found.add(str(other.code))
    reading = reader.read(text)
    for part in reading.parts:
        for meaning in part.meanings:
            if meaning.dim == "entity" and meaning.value == NATIONAL:
                found.add(NATIONAL)
    return found


@lru_cache(maxsize=64)  # every table of a document has the same heading
def _heading_dims(reader: Reader, heading: str, *, sheet: bool) -> dict[str, tuple[str, str]]:
    """The entity of the heading's first line that names one (its title, mostly; prose
    further down names other municipalities in passing), and the period of its first line
    that speaks of appeals statistics and names a period ("Punkt 68 Ankestyrelsens statistik i
    2021", "Notat om Ankestyrelsens afgørelser i 2024") above the heading's running text, not
    a table's caption ("Tabel 2: …") or a row of values. Dates are no period ("Dato: 19. februar
    2021"); a line naming two periods gives none; a sheet's heading (its own first rows, the
    titles and headers of its tables) gives no period."""
    dims: dict[str, tuple[str, str]] = {}
    lines = heading.splitlines()
    for line in lines:
        entities = _entities(reader, line)
        if entities:
            if len(entities) == 1:
                dims["entity"] = (entities.pop(), line.strip())
            break
    topics = reader.vocabulary.words.topics
    flats = [] if sheet else [" ".join(line.split()) for line in lines]
    for k, flat in enumerate(flats):
        if _is_prose(flat):
            break  # the title lines are above the running text
        if not any(t in topics for t in tokens(flat)) or _is_aside(reader, flat):
            continue
        periods = reader.vocabulary.periods.find(flat)
        after = flats[k + 1] if k + 1 < len(flats) else ""
        if not periods and after and not _is_prose(after) and not _is_aside(reader, after):
            # a title wrapped over two lines ("… omgørelsesprocenter i 2. kvartal" / "2016 -
            # Favrskov")
            flat = f"{flat} {after}"
            periods = reader.vocabulary.periods.find(flat)
        if periods:
            if len(periods) == 1:
                dims["period"] = (periods[0][0], flat)
            break
    return dims


def _is_prose(line: str) -> bool:
    """Whether a line of a heading is running text: a sentence, a line with a sentence break
    in it, or a long line (a paragraph's lines wrap mid-sentence)."""
    return bool(
        SENTENCE.match(line) or SENTENCE_BREAK.search(line) or len(line.split()) > TITLE_WORDS
    )


def _is_aside(reader: Reader, line: str) -> bool:
    """Whether a heading line is no title: a table's caption ("Tabel 2: …"), a row of
    values, an item of a list ("• at omgørelsesprocenten i 2021 tages til efterretning") or
    a line that starts in lower case (a sentence going on)."""
    first = tokens(line)[:1]
    word = next((w for w in line.split() if any(ch.isalpha() for ch in w)), "")
    return bool(
        (first and first[0] in reader.vocabulary.words.pointers)
        or ends_in_values(line)
        or line[:1] in _BULLETS
        or not word.lstrip("(\"'„“").lstrip("0123456789.")[:1].isupper()
    )
