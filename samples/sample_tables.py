"""The sample tables: printed cells from sample_data.py plus the truth dimensions of each.

Each table is a ``Built``: a builder of reportlab tables (so a long table can be drawn in page
chunks) and the ``Value`` of every printed cell. ``Printer`` applies the overrides
{(table_key, row_key, column_key): printed text}; the truth follows what is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pdf_layout as pl
import sample_data as sd
from reportlab.lib.styles import ParagraphStyle

Overrides = dict[tuple[str, str, str], str]
TRUTH_KEYS = (
    "table_id",
    "page",
    "entity_scope",
    "municipality_code",
    "period",
    "law_area",
    "provision",
    "measure",
    "unit",
    "value",
    "status",
)
LAW_CODES = {
    "Lov om aktiv beskæftigelsesindsats": "lab",
    "Lov om aktiv socialpolitik": "aktivloven",
    "Lov om social pension": "pensionsloven",
    "Serviceloven": "serviceloven",
    "Barnets lov": "barnets_lov",
    "Sygedagpengeloven": "sygedagpengeloven",
    "Lov om højeste, mellemste førtidspension m.fl.": "foertidspension",
    "Lov om almene boliger": "almenboligloven",
    "Boligstøtteloven": "boligstoetteloven",
    "Andre Love": "andre_love",
    "Andre Love*": "andre_love",
    "aktivlov": "aktivloven",
    "Aktivlov": "aktivloven",
    "Pensions-love": "pensionsloven",
    "Sygedag-pengelov": "sygedagpengeloven",
    "Servicelov": "serviceloven",
    "øvrige": "oevrige",
    "I alt": "alle",
    "Sager i alt": "alle",
    "Afgjorte sager i alt": "alle",
    "Hovedtotal": "alle",
}
NUMBER = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?\s*(?:%|sager)?")


def parse_value(text: str) -> tuple[int | float | None, str]:
    """Printed cell text -> (value, status): "1.278" -> 1278, "68,9 %" -> 68.9, "-" -> n/a."""
    t = text.strip()
    if t == "-":
        return None, "not_applicable"
    m = NUMBER.fullmatch(t)
    if m is None:
        return None, "illegible"
    whole = m.group(1).replace(".", "")
    return (float(f"{whole}.{m.group(2)}") if m.group(2) else int(whole)), "reported"


@dataclass(frozen=True)
class Dims:
    """Dimensions of one value as the engine must emit them."""

    period: str
    law_area: str
    measure: str
    unit: str
    provision: str | None = None
    entity_scope: str = "hele_landet"
    municipality_code: int | None = None


@dataclass(frozen=True)
class Value:
    """One printed value cell: body row index, column index, printed text and dimensions."""

    row: int
    col: int
    text: str
    dims: Dims


@dataclass(frozen=True)
class Built:
    """A table ready to place: ``build(body_rows)`` makes header + those rows."""

    truth_id: str | None
    build: Callable[[Sequence[int]], Any]
    n_rows: int
    header_rows: int
    values: tuple[Value, ...]


class Printer:
    """Hands out the text to print per cell, applying overrides; remembers which were used."""

    def __init__(self, overrides: Overrides | None) -> None:
        self._overrides = dict(overrides or {})
        self._used: set[tuple[str, str, str]] = set()

    def text(self, table: str, row: str, col: str, printed: str) -> str:
        key = (table, row, col)
        if key in self._overrides:
            self._used.add(key)
            return self._overrides[key]
        return printed

    def check_used(self) -> None:
        unused = set(self._overrides) - self._used
        if unused:
            raise KeyError(f"override keys match no printed cell: {sorted(unused)}")


def simple_table(
    st: pl.Styles,
    pr: Printer,
    key: str,
    truth_id: str | None,
    head: list[list[Any]],
    rows: Sequence[tuple[str, Sequence[str] | None]],
    col_keys: Sequence[str],
    dims: Callable[[int, int], Dims],
    widths: Sequence[float],
    rules: str,
    extra: Sequence[tuple[Any, ...]] = (),
    bold: frozenset[int] = frozenset(),
    row_keys: Sequence[str] = (),
    valign: str = "MIDDLE",
) -> Built:
    """Table of (label, cells) rows; ``dims(row, col)`` gives each value's dimensions.

    Overrides are looked up as (key, row key, column key); the row key is the label unless
    ``row_keys`` gives one per row.
    """
    body: pl.Body = []
    values: list[Value] = []
    for r, (label, cells) in enumerate(rows):
        if cells is None:
            body.append((label, None))
            continue
        rkey = row_keys[r] if row_keys else label
        printed = [pr.text(key, rkey, col_keys[c], text) for c, text in enumerate(cells)]
        body.append((label, printed))
        values.extend(Value(r, c, text, dims(r, c)) for c, text in enumerate(printed))
    build = pl.make_table(st, head, body, widths, rules, extra, bold, valign)
    return Built(truth_id, build, len(body), len(head), tuple(values))


def truth_lines(built: Built, row_pages: Sequence[int], seq: int) -> list[tuple[Any, ...]]:
    """(sort key, record) pairs for every value of a placed table."""
    out: list[tuple[Any, ...]] = []
    for v in built.values:
        value, status = parse_value(v.text)
        d = v.dims
        fields = (built.truth_id, row_pages[v.row], d.entity_scope, d.municipality_code,
                  d.period, d.law_area, d.provision, d.measure, d.unit, value, status)  # fmt: skip
        rec = dict(zip(TRUTH_KEYS, fields, strict=True))
        out.append(((row_pages[v.row], built.truth_id or "", seq, v.row, v.col), rec))
    return out


def notes(st: pl.Styles, texts: Sequence[str]) -> list[Any]:
    return [(pl.para(t, st.note), 4.0 if i == 0 else 2.5) for i, t in enumerate(texts)]


def caption(st: pl.Styles, text: str) -> list[Any]:
    return [(pl.para(text, st.caption), 12.0)]


def spans(*cells: tuple[int, int, int, int]) -> list[tuple[Any, ...]]:
    return [("SPAN", (c0, r0), (c1, r1)) for c0, r0, c1, r1 in cells]


# fmt: off
OUTCOME_KEYS = ("Stadfæstet / Antal", "Stadfæstet / Procent", "Ændret/Ophævet / Antal",
                "Ændret/Ophævet / Procent", "Hjemvist / Antal", "Hjemvist / Procent",
                "Realitetsbehandlede sager", "Omgørelsesprocent")
OUTCOME_MEASURES = (("stadfaestet", "count"), ("stadfaestelsesprocent", "percent"),
                    ("aendret_ophaevet", "count"), ("andel_aendret", "percent"),
                    ("hjemvist", "count"), ("andel_hjemvist", "percent"),
                    ("realitetsbehandlede", "count"), ("omgoerelsesprocent", "percent"))
T48_KEYS = ("Stadfæstelse", "Hjemvisning", "Ændring/Ophævelse", "Realitetsbehandlet",
            "Andel hjemvist", "Andel ændret", "Omgørelsesprocent")
T48_MEASURES = (("stadfaestet", "count"), ("hjemvist", "count"), ("aendret_ophaevet", "count"),
                ("realitetsbehandlede", "count"), ("andel_hjemvist", "percent"),
                ("andel_aendret", "percent"), ("omgoerelsesprocent", "percent"))
# fmt: on


def outcome_head(st: pl.Styles, stub: str, real: Sequence[str], style: Any) -> list[list[Any]]:
    """The two header rows shared by tables 4.3 and 4.4 (spans set by the caller)."""
    top = pl.heads(
        style,
        stub,
        "Stadfæstet",
        "",
        "Ændret/Ophævet",
        "",
        "Hjemvist",
        "",
        real,
        ("Omgørelses-", "procent"),
    )
    return [top, pl.heads(style, "", *["Antal", "Procent"] * 3, "", "")]


def report_tables(st: pl.Styles, pr: Printer, width: float) -> dict[str, Any]:
    """Tables 4.2-4.8 of the annual report as {id: (built, lead, tail)}."""
    y = sd.YEARS
    grid_spans = spans(
        (0, 0, 0, 1), (1, 0, 2, 0), (3, 0, 4, 0), (5, 0, 6, 0), (7, 0, 7, 1), (8, 0, 8, 1)
    )
    out: dict[str, Any] = {}

    def t42(r: int, c: int) -> Dims:
        label, pct = sd.TABLE_4_2[r][0], c % 2 == 1
        special = {"Bortfaldne": "bortfaldne", "Realitetsbehandlede sager": "realitetsbehandlede"}
        if label in special:
            m = special[label]
            return Dims(
                y[c // 2], "alle", f"andel_{m}" if pct else m, "percent" if pct else "count"
            )
        measure, unit = ("andel_procent", "percent") if pct else ("afgjorte", "count")
        return Dims(y[c // 2], LAW_CODES[label], measure, unit)

    w42 = [215.0] + [(width - 215.0) / 6] * 6
    out["4.2"] = simple_table(
        st,
        pr,
        "4.2",
        "4.2",
        [
            pl.heads(st.head, "", y[0], "", y[1], "", y[2], ""),
            pl.heads(st.head, "", *["Antal", "Procent"] * 3),
        ],
        sd.TABLE_4_2,
        [f"{yr} / {m}" for yr in y for m in ("Antal", "Procent")],
        t42,
        w42,
        "none",
        spans((1, 0, 2, 0), (3, 0, 4, 0), (5, 0, 6, 0)),
        frozenset({10}),
    )

    def t43(r: int, c: int) -> Dims:
        return Dims(sd.TABLE_4_3[r][0], "alle", *OUTCOME_MEASURES[c])

    w43 = [50.0] + [46.0] * 6 + [100.0, width - 50.0 - 276.0 - 100.0]
    head43 = outcome_head(st, "År", ("Realitetsbehandlede", "sager"), st.head)
    out["4.3"] = simple_table(
        st, pr, "4.3", "4.3", head43, sd.TABLE_4_3, OUTCOME_KEYS, t43, w43, "grid", grid_spans
    )

    def t44(r: int, c: int) -> Dims:
        return Dims("2024", LAW_CODES[sd.TABLE_4_4[r][0]], *OUTCOME_MEASURES[c])

    h75 = ParagraphStyle("h75", parent=st.head, fontSize=7.5, leading=9)
    real44 = ("Realitets-", "behandlede", "sager")
    w_real = pl.fit(real44, h75)
    w44 = [148.0] + [40.0] * 6 + [w_real, width - 148.0 - 240.0 - w_real]
    head44 = outcome_head(st, "", real44, h75)
    out["4.4"] = simple_table(
        st,
        pr,
        "4.4",
        "4.4",
        head44,
        sd.TABLE_4_4,
        OUTCOME_KEYS,
        t44,
        w44,
        "grid",
        grid_spans,
        frozenset({10}),
    )

    def t45(r: int, c: int) -> Dims:
        return Dims(y[c], LAW_CODES[sd.TABLE_4_5[r][0]], "omgoerelsesprocent", "percent")

    out["4.5"] = simple_table(
        st,
        pr,
        "4.5",
        "4.5",
        [pl.heads(st.head, "", *y)],
        sd.TABLE_4_5,
        y,
        t45,
        [230.0, 60.0, 60.0, 60.0],
        "none",
        bold=frozenset({10}),
    )

    m46 = (
        ("sagsbehandlingstid_uger", "weeks"),
        ("liggetid_uger", "weeks"),
        ("realitetsbehandlede", "count"),
    )
    k46 = (
        "Gennemsnitlig sagsbehandlingstid i uger",
        "Gennemsnitlig liggetid i uger",
        "Realitetsbehandlede sager",
    )
    head46 = [
        [
            pl.para("År", st.head_left),
            *pl.heads(
                st.head,
                ("Gennemsnitlig", "sagsbehandlingstid i uger"),
                ("Gennemsnitlig", "liggetid i uger"),
                ("Realitetsbehandlede", "sager"),
            ),
        ]
    ]
    out["4.6"] = simple_table(
        st,
        pr,
        "4.6",
        "4.6",
        head46,
        sd.TABLE_4_6,
        k46,
        lambda r, c: Dims(sd.TABLE_4_6[r][0], "alle", *m46[c]),
        [60.0, 135.0, 135.0, 135.0],
        "none",
    )

    m47 = {
        "Sager indbragt for domstolene i alt": ("indbragt_domstole", "count"),
        "sager, hvor Ankestyrelsen fik medhold": ("medhold", "count"),
        "sager, hvor Ankestyrelsen ikke fik medhold": ("ikke_medhold", "count"),
        "Medholdsprocent": ("medholdsprocent", "percent"),
    }
    out["4.7"] = simple_table(
        st,
        pr,
        "4.7",
        "4.7",
        [pl.heads(st.head, "", *y)],
        sd.TABLE_4_7,
        y,
        lambda r, c: Dims(y[c], "alle", *m47[sd.TABLE_4_7[r][0]]),
        [230.0, 60.0, 60.0, 60.0],
        "none",
    )

    rows48 = [(label, tuple(vals.split())) for _, label, vals in sd.TABLE_4_8]
    laws: list[str] = []
    for kind, label, _ in sd.TABLE_4_8:
        laws.append(label if kind != "P" else laws[-1])

    def t48(r: int, c: int) -> Dims:
        provision = rows48[r][0] if sd.TABLE_4_8[r][0] == "P" else None
        return Dims("2024", LAW_CODES[laws[r]], *T48_MEASURES[c], provision=provision)

    head48 = [
        "",
        "Stadfæstelse",
        "Hjemvisning",
        ("Ændring/", "Ophævelse"),
        ("Realitets-", "behandlet"),
        ("Andel", "hjemvist"),
        ("Andel", "ændret"),
        ("Omgørelses-", "procent"),
    ]
    w48 = [pl.fit([h] if isinstance(h, str) else h, st.head_small) for h in head48[1:]]
    w48 = [width - sum(w48), *w48]
    bold48 = frozenset(i for i, (k, _, _) in enumerate(sd.TABLE_4_8) if k != "P")
    out["4.8"] = simple_table(
        st,
        pr,
        "4.8",
        "4.8",
        [pl.heads(st.head_small, *head48)],
        rows48,
        T48_KEYS,
        t48,
        w48,
        "hrules",
        bold=bold48,
    )
    for tid in out:
        out[tid] = (out[tid], caption(st, sd.CAPTIONS[tid]), notes(st, sd.NOTES[tid]))
    return out
