"""A planned table's cells as observations: each value cell keyed, duplicates left out.

In: the table, the plans of its columns and rows, its context and the reference data. Out: one
``Observation`` per value cell whose key is complete and which no other cell of the table
shares (dimensions already as codes), and the findings for the cells left out: how many lack
which dimension, and the cells that read as the same value.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from extract.interpret.cells import PART_OF_YEAR, YEARLESS_PART, Keyed, Missing, key_cell
from extract.interpret.columns import ColumnPlan
from extract.interpret.context import Context
from extract.interpret.fragments import split_numbers
from extract.interpret.hash_groups import same_hash_groups
from extract.interpret.header_rows import header_rows
from extract.interpret.label_cuts import runs_on, wrapped_tail
from extract.interpret.periods import period_type
from extract.interpret.plans import ALL_LAWS, RowPlan
from extract.interpret.reading import Reader
from extract.interpret.rulebook import CellOverride
from extract.interpret.vocabulary import KnownProvision, Vocabulary
from extract.interpret.words import BOTH_ASPECTS
from extract.model import Cell, Finding, Observation, Status, TableCandidate
from extract.normalise.labels import label_key
from extract.normalise.numbers import read_cell

_BLANK_BESIDE_UNREAD = (
    "its column's header is blank, another's was not understood (what sets them apart, a"
    " count or a share, a year, is not known)"
)
_SPLIT = "a number split over two columns ('2' and '045' of '2 045'): not read"
_OWN_YEAR = (
    "a cell printing its own period's year ('{year}'): a header's year left among the rows, "
    "no count"
)
_KEYED_ROWS = ("member", "provision", "law", "total")
_KEYED_COLUMNS = ("member", "total")
_UNDER_SECOND = (
    "the rows under a second header row ('{second}', its cells naming what they head): what "
    "their columns are is not known"
)
_TAIL_CHARS = 40
# Texts of illegible cells quoted in the report, at most.
_SHOWN_TEXTS = 3


# (entity scope, municipality code, period, law area, provision key, measure)
_Key = tuple[str | None, int | None, str | None, str | None, str, str]


@dataclass(frozen=True, slots=True)
class Keying:
    """What keying a table needs besides its plans: context, vocabulary, the rule id, and
    the status overrides of the rules that apply."""

    context: Context
    vocabulary: Vocabulary
    rule_id: str
    overrides: tuple[CellOverride, ...] = ()


@dataclass(frozen=True, slots=True)
class TableValues:
    """The observations of a table, the findings for the cells left out, and the
    dimensions cells lacked (for ``rules suggest``)."""

    observations: list[Observation]
    findings: list[Finding]
    lacking: tuple[str, ...]


def _measure_columns_and_rows(
    columns: Sequence[ColumnPlan], rows: Sequence[RowPlan]
) -> tuple[bool, bool]:
    """Whether half the keyed columns or more (two at least), and most keyed rows, name
    measures (their own or their groups'): then the measures run along that axis, and a
    member naming none is unknown ("Skive Realitetsbeh. i alt | Landsplan": the second
    column's measure is the first's, its group header read into one column only)."""
    keyed_columns = [c for c in columns if c.kind in _KEYED_COLUMNS]
    keyed_rows = [r for r in rows if r.kind in _KEYED_ROWS]
    by_columns = sum(1 for c in keyed_columns if "measure" in c.dims)
    by_rows = sum(1 for r in keyed_rows if "measure" in r.dims or "measure" in r.carried)
    along_columns = len(keyed_columns) >= 2 and 2 * by_columns >= len(keyed_columns)
    return along_columns, 2 * by_rows > len(keyed_rows)


def _named_by_columns(columns: Sequence[ColumnPlan]) -> frozenset[str]:
    """The law area, entity, whole period and aspect some value columns name (an aspect only
    where the column names no measure: "Antal H2 2023"): a cell whose column names none of
    them lost its header (see ``key_cell``)."""
    members = [c for c in columns if c.kind == "member"]
    # a column not read for other words still shows law areas or entities go by column
    named = {d for c in columns if c.kind != "label" for d in ("law", "entity") if d in c.dims}
    if any(not c.dims.get("period", "-").startswith("-") for c in columns if c.kind != "label"):
        named.add("period")  # a column naming only a half ("2. halvår") lost its year
    if any(period_type(p) not in ("year", "") for c in columns if (p := c.dims.get("period", ""))):
        named.add(PART_OF_YEAR)  # columns by quarter or month: a year from elsewhere is no one's
    if any(c.dims.get("period", "").startswith("-") for c in columns if c.kind != "label"):
        named.add(YEARLESS_PART)  # "okt.-dec." over one column, "2025" over the next
    if any("aspect" in c.dims and "measure" not in c.dims for c in members):
        named.add("aspect")
    if any(c.dims.get("aspect") == BOTH_ASPECTS for c in members):
        named.add(BOTH_ASPECTS)  # "Stadfæstede Antal Procent" in one column: headers run together
    return frozenset(named)


def _lost_law_heading(rows: Sequence[RowPlan]) -> set[int]:
    """Rows whose group headings name no law area where a row above had the same headings
    under one naming a law area ("Barnets lov" / "Antal" / "2022", then a law's heading not
    read as one and "Antal" / "2022" under it): their own law's heading was lost."""
    seen: set[frozenset[str]] = set()  # the other headings' dimensions over a law's rows
    lost: set[int] = set()
    for plan in rows:
        law = plan.carried.get("law")
        others = frozenset(d for d in plan.carried if d != "law")
        if law is not None and law != ALL_LAWS:
            seen.add(others)
        elif law is None and "law" not in plan.dims and others and others in seen:
            lost.add(plan.index)
    return lost


def table_observations(
    table: TableCandidate,
    columns: Sequence[ColumnPlan],
    rows: Sequence[RowPlan],
    keying: Keying,
) -> TableValues:
    """The observations of every keyed cell, and the findings for the cells left out."""
    known = _provision_list(table, rows, keying.vocabulary)
    reference = keying.vocabulary.reference
    missing: Counter[str] = Counter()
    lacking: dict[str, None] = {}
    keyed: list[Observation] = []
    hashes = array("q")  # each observation's key's hash, to find the duplicates by
    along_columns, along_rows = _measure_columns_and_rows(columns, rows)
    by_columns = _named_by_columns(columns)
    lost_law = _lost_law_heading(rows)
    measure_by_groups = any(p.kind == "header" and "measure" in p.dims for p in rows)
    percent_columns = _percent_columns(table, columns)
    # (a column of nil marks alone, "-" all down, prints no number to tell a count by)
    numberless = {c.index for c in columns if not _numbers_in(table, c.index)}
    blank = _blank_columns(table, columns, keying.vocabulary)
    # a blank header beside one not understood: what sets the two columns apart is not known
    unsure = blank if any(c.kind == "unresolved" for c in columns) else set()
    pieces = split_numbers(table.rows)
    second, repeated = header_rows(table, columns, keying.vocabulary)
    texts = _SharedTexts(table.caption or _short(table.title))
    kinds = {plan.index: plan.kind for plan in rows}
    for plan in rows:
        if plan.kind not in _KEYED_ROWS or plan.index in repeated:
            continue
        row = table.rows[plan.index]
        # the row under it, unless a group header ("mar 2023"): perhaps the rest of its label
        below = plan.index + 1
        under = table.rows[below] if below < len(table.rows) else None
        under = None if kinds.get(below) == "header" else under
        cut = wrapped_tail(plan, row, keying.vocabulary.provisions, under) or runs_on(row, columns)
        if second is not None and plan.index >= second:
            cut = _UNDER_SECOND.replace("{second}", table.rows[second].label[:_TAIL_CHARS])
        if cut:
            values = sum(1 for c in columns if c.kind in _KEYED_COLUMNS)
            if values:  # a table with no value column left loses nothing here
                missing[cut.replace("{label}", row.label[:_TAIL_CHARS].rstrip())] += values
                lacking["provision"] = None
            continue
        for column in columns:
            if column.kind not in _KEYED_COLUMNS:
                continue
            cell = row.cells[column.index]
            if column.index in unsure and cell is not None and cell.text.strip():
                missing[_BLANK_BESIDE_UNREAD] += 1
                lacking["aspect"] = None
                continue
            if (plan.index, column.index) in pieces:
                missing[_SPLIT] += 1
                lacking["value"] = None
                continue
            if cell is None:  # on an OCR'd row, an empty cell is OCR's doubt
                scanned = row.ocr_cells
                cell = Cell(text="", page=row.page, ocr_confidence=0.0 if scanned else None)
            found = key_cell(
                cell, column, plan, row.label, keying.context, reference, known,
                measure_from_context=not (along_columns or along_rows or column.index in blank),
                by_columns=by_columns,
                share_from_context=not percent_columns or column.index in percent_columns
                or column.index in numberless,
                percent_column=column.index in percent_columns, law_by_rows=plan.index in lost_law,
                measure_by_groups=measure_by_groups,
            )  # fmt: skip
            if isinstance(found, Missing):
                if cell.text.strip():  # a blank cell left out loses no value
                    missing[found.why] += 1
                    lacking[found.what] = None
                continue
            if _own_year(cell, found):
                missing[_OWN_YEAR.replace("{year}", cell.text.strip())] += 1
                lacking["value"] = None
                continue
            observation = _observation(table, plan, column, cell, found, keying.rule_id, texts)
            if keying.overrides:
                observation = _overridden(observation, keying.overrides)
            keyed.append(observation)
            hashes.append(hash(_key(observation, texts)))
    findings = [
        _finding(table, "missing_dimension", f"{count} values not emitted: {why}")
        for why, count in sorted(missing.items())
    ]
    kept, duplicates = _without_duplicates(table, keyed, hashes, texts)
    return TableValues(kept, findings + duplicates + _illegible(table, kept), tuple(lacking))


def _own_year(cell: Cell, key: Keyed) -> bool:
    """Whether a count's cell prints the year its own period is in, as a bare year ("2021"
    keyed to 2021 or 2021-H1): the period header's text, not a number of cases."""
    text = cell.text.strip()
    return key.unit == "count" and len(text) == 4 and text.isdigit() and key.period[:4] == text


def _illegible(table: TableCandidate, kept: Sequence[Observation]) -> list[Finding]:
    """One warning naming the table's cells whose text could not be read as a value (they
    are emitted with status illegible and no value), with the first few texts."""
    texts = [o.cell.text.strip() for o in kept if o.status is Status.ILLEGIBLE]
    if not texts:
        return []
    shown = ", ".join(repr(text) for text in texts[:_SHOWN_TEXTS])
    more = ", ..." if len(texts) > _SHOWN_TEXTS else ""
    message = f"{len(texts)} values could not be read (status illegible): {shown}{more}"
    return [_finding(table, "illegible_value", message, severity="warning")]


def _blank_columns(
    table: TableCandidate, columns: Sequence[ColumnPlan], vocabulary: Vocabulary
) -> set[int]:
    """Value columns without a header of their own beside columns with one: none, or only
    the group headers over other columns too ("Vesthimmerlands Kommune" over "Stadfæstelse"
    and a column whose own header was read into its neighbour's). Their header was lost, so
    the caption's measure is not theirs; nor is it, beside them, a column's whose header
    names only a total ("alt": "Realitetsbeh. i alt", its start lost). A last header level
    of noise words only ("MORSØ / SAGER", "HJEMVISTE" read into the neighbour's) adds
    nothing to its group header."""
    values = [c.index for c in columns if c.kind != "label"]
    paths = {i: tuple(h.strip() for h in table.column_headers[i] if h.strip()) for i in values}
    reader = Reader(vocabulary)
    # (a level of noise words alone under a group header, "MORSØ / SAGER", names nothing)
    own = {i: _without_empty_tail(paths[i], reader) for i in values}
    blank = {i for i in values if not own[i] or _group_only(own[i], paths.values())}
    if not blank or len(blank) == len(values):
        return set()
    # a header naming only a total ("alt") beside lost ones: the rest of it may be lost too
    return blank | {
        i
        for i in values
        if paths[i] and (reading := reader.read(" ".join(paths[i]))).total and not reading.dims
    }


def _without_empty_tail(path: tuple[str, ...], reader: Reader) -> tuple[str, ...]:
    """A header path without its last levels that read as nothing (noise words: "SAGER")."""
    while len(path) > 1 and reader.read(path[-1]).empty:
        path = path[:-1]
    return path


def _group_only(path: tuple[str, ...], paths: Iterable[tuple[str, ...]]) -> bool:
    """Whether a header path is the group header over two other columns or more, and no
    more ("SDP" over one "SDP / PL" is that column's header broken over lines)."""
    return sum(1 for p in paths if len(p) > len(path) and p[: len(path)] == path) >= 2


def _numbers_in(table: TableCandidate, index: int) -> bool:
    """Whether the value column ``index`` prints a digit in any row."""
    return any(
        (c := row.cells[index]) is not None and any(ch.isdigit() for ch in c.text)
        for row in table.rows
    )


def _percent_columns(table: TableCandidate, columns: Sequence[ColumnPlan]) -> set[int]:
    """The value columns most of whose numbers are printed with a percent sign (nil marks,
    "–", "-", print no sign either way and do not count)."""
    out = set()
    for column in columns:
        numbers = signed = 0
        for row in table.rows:
            cell = row.cells[column.index]
            if cell is None or not any(ch.isdigit() for ch in cell.text):
                continue
            read = read_cell(cell)
            if read.value is not None:
                numbers += 1
                signed += read.percent_sign
        if numbers and 2 * signed > numbers:
            out.add(column.index)
    return out


def _provision_list(
    table: TableCandidate, rows: Sequence[RowPlan], vocabulary: Vocabulary
) -> KnownProvision | None:
    """The known provision list at least half the provision rows come from, if they agree on
    one law area."""
    labels = [table.rows[p.index].label for p in rows if p.kind == "provision"]
    known = [
        found
        for label in labels
        if (found := vocabulary.provisions.get(label_key(label))) is not None
    ]
    laws = {(k.law, k.until) for k in known}
    if not labels or 2 * len(known) < len(labels) or len(laws) != 1:
        return None
    return known[0]


class _SharedTexts:
    """One string object per distinct text of a table's observations (a row's key, a column's
    label, a period, a measure...): the observations of a table of a million values then
    hold one copy of each text, not a million. ``title``: the table's title, worked out once."""

    __slots__ = ("codes", "one", "title")

    def __init__(self, title: str | None) -> None:
        self.title = title
        self.one: dict[str, str] = {}
        self.codes: dict[int, int] = {}

    def __call__(self, text: str | None) -> str | None:
        return None if text is None else self.one.setdefault(text, text)

    def text(self, text: str) -> str:
        return self.one.setdefault(text, text)

    def code(self, code: int | None) -> int | None:
        """One int object per municipality code (a code above 256 is made anew each time)."""
        return None if code is None else self.codes.setdefault(code, code)


def _observation(
    table: TableCandidate,
    plan: RowPlan,
    column: ColumnPlan,
    cell: Cell,
    key: Keyed,
    rule_id: str,
    texts: _SharedTexts,
) -> Observation:
    row = table.rows[plan.index]
    header_repairs = table.header_repairs[column.index] if table.header_repairs else ()
    one, text = texts, texts.text
    return Observation(
        table_id=table.table_id,
        table_title=texts.title,
        rule_id=rule_id,
        row_index=plan.index,
        row_key=text(" > ".join((*plan.carried_labels, row.label))),
        column_key=text(" / ".join(table.column_headers[column.index])),
        row_label=row.label,
        column_label=text(table.column_label(column.index)),
        cell=cell,
        entity=None,
        period=one(key.period),
        law_label=one(_law_label(plan, column, table)) if key.law_area else None,
        provision=one(key.provision),
        measure=text(key.measure),
        unit=text(key.unit),
        value=key.value,
        status=key.status,
        flags=key.parsed.flags,
        row_role=plan.role,
        column_role=column.role,
        group_row=plan.group_row,
        decimals=key.parsed.decimals,
        label_confidence=row.label_confidence,
        label_repairs=(*row.label_repairs, *header_repairs)
        if header_repairs
        else row.label_repairs,
        label_unknown=row.label_unknown,
        entity_scope=one(key.entity_scope),
        municipality_code=texts.code(key.municipality_code),
        municipality=one(key.municipality),
        period_type=one(key.period_type),
        law_area=one(key.law_area),
    )


def _overridden(obs: Observation, overrides: Sequence[CellOverride]) -> Observation:
    """The observation with the status of the first override whose cell text and dimension
    patterns it matches (a pattern matches a dimension's code or its printed label)."""
    printed = {
        "law": (obs.law_area, obs.law_label),
        "period": (obs.period,),
        "entity": (obs.entity_scope, obs.municipality, str(obs.municipality_code)),
        "measure": (obs.measure,),
        "provision": (obs.provision,),
        "aspect": (),
    }
    for override in overrides:
        if override.text is not None and not override.text.search(obs.cell.text.strip()):
            continue
        if all(
            any(v is not None and pattern.search(label_key(v)) for v in printed[dim])
            for dim, pattern in override.when
        ):
            status = override.status
            keep = status is Status.REPORTED
            value = 0.0 if status is Status.NIL else (obs.value if keep else None)
            return replace(obs, status=status, value=value)
    return obs


def _without_duplicates(
    table: TableCandidate, keyed: Sequence[Observation], hashes: array[int], texts: _SharedTexts
) -> tuple[list[Observation], list[Finding]]:
    """Observations whose key no other cell of the table has, and a finding per key that
    several cells share (none of them is emitted: which one is meant cannot be known).
    ``hashes``: each observation's key's hash; only observations whose hash repeats have
    their keys compared (a million keys are never held at once)."""
    repeated = sorted(i for group in same_hash_groups(hashes) for i in group)
    keys = {i: _key(keyed[i], texts) for i in repeated}
    counts = Counter(keys.values())
    shared: dict[_Key, list[Observation]] = {}
    for i, key in keys.items():
        if counts[key] > 1:
            shared.setdefault(key, []).append(keyed[i])
    findings = []
    for key, cells in shared.items():
        where = "; ".join(f"row '{o.row_label}', column '{o.column_label}'" for o in cells[:3])
        message = (
            f"{len(cells)} cells read as the same value ({_describe(key)}): {where}; none emitted"
        )
        findings.append(_finding(table, "ambiguous_key", message, cells[0].cell.page))
    kept = [o for i, o in enumerate(keyed) if i not in keys or counts[keys[i]] == 1]
    return kept, findings


def _finding(
    table: TableCandidate,
    code: str,
    message: str,
    page: int | None = None,
    severity: str = "error",
) -> Finding:
    return Finding(
        code,
        f"table {table.table_id}: {message}",
        severity,
        page if page is not None else table.first_page,
        table.table_id,
    )


def _key(obs: Observation, texts: _SharedTexts) -> _Key:
    """What an observation is a value of: its entity, period, law area, provision (as the
    vocabulary keys it) and measure."""
    provision = texts.text(label_key(obs.provision)) if obs.provision else ""
    return (
        obs.entity_scope,
        obs.municipality_code,
        obs.period,
        obs.law_area,
        provision,
        obs.measure,
    )


def _describe(key: _Key) -> str:
    scope, code, period, law, provision, measure = key
    where = "hele landet" if scope == "hele_landet" else f"kommune {code}"
    return " ".join(p for p in (where, period, law, provision, measure) if p)


def _law_label(plan: RowPlan, column: ColumnPlan, table: TableCandidate) -> str | None:
    """The printed label the law area came from: the column's, the row's (or its law row's or
    group header's), or none (the law area was not printed in the table)."""
    if "law" in column.dims:
        return table.column_label(column.index)
    if plan.kind == "total" and "law" in plan.dims and plan.law_label is None:
        return table.rows[plan.index].label  # "I alt" read as all law areas
    return plan.law_label


def _short(title: str | None) -> str | None:
    """A title of 80 characters or fewer, on one line; None for a longer one (prose)."""
    flat = " ".join(title.split()) if title else ""
    return flat if flat and len(flat) <= 80 else None
