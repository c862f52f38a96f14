"""The caption-less Ishøj tables (byråd 2022, its bilag per provision, sundhedsudvalg 2020).

Override table keys: "ankestatistik", "paragraffer", "afgjorte-2020", "omgoerelse-2020".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pdf_layout as pl
import sample_data as sd
from reportlab.lib.styles import ParagraphStyle
from sample_tables import LAW_CODES, Dims, Printer, simple_table, spans


def kommune(period: str, law: str, measure: str, unit: str, provision: str | None = None) -> Dims:
    return Dims(period, law, measure, unit, provision, "kommune", sd.ISHOEJ_CODE)


def joined(lines: Sequence[str]) -> str:
    """Header lines joined as read: "Pensions-" + "love" -> "Pensions-love", else a space."""
    out = lines[0]
    for line in lines[1:]:
        out += line if out.endswith("-") else " " + line
    return out


def byraad_tables(st: pl.Styles, pr: Printer, width: float) -> dict[str, Any]:
    """The Ishøj byråd table and the per-provision bilag table (caption-less)."""
    yrs = sd.BYRAAD_YEARS
    rows = [(label, cells) for _, label, cells in sd.BYRAAD_TABLE]
    keys = [f"{g} / {label}" if cells else label for g, label, cells in sd.BYRAAD_TABLE]
    col_keys = [f"{g} / {yr}" for g in sd.BYRAAD_GROUPS for yr in yrs]
    measures = (
        ("realitetsbehandlede", "count"),
        ("stadfaestelsesprocent", "percent"),
        ("omgoerelsesprocent", "percent"),
    )

    def dims(r: int, c: int) -> Dims:
        if sd.BYRAAD_TABLE[r][0] == "Ishøj":
            return kommune(yrs[c % 3], "serviceloven", *measures[c // 3])
        return Dims(yrs[c % 3], "serviceloven", *measures[c // 3])

    w_real = pl.fit(["9301 sager101"], st.num)
    stub = 78.0
    w_pct = (width - stub - 3 * w_real) / 6
    head = [
        pl.heads(
            st.head,
            "",
            sd.BYRAAD_GROUPS[0],
            "",
            "",
            sd.BYRAAD_GROUPS[1],
            "",
            "",
            sd.BYRAAD_GROUPS[2],
            "",
            "",
        ),
        pl.heads(st.head, "", *yrs * 3),
    ]
    sp = spans((0, 0, 0, 1), (1, 0, 3, 0), (4, 0, 6, 0), (7, 0, 9, 0))
    main = simple_table(
        st,
        pr,
        "ankestatistik",
        None,
        head,
        rows,
        col_keys,
        dims,
        [stub, *[w_real] * 3, *[w_pct] * 6],
        "grid",
        sp,
        row_keys=keys,
    )
    tail = [(pl.para(sd.BYRAAD_KILDE, st.note), 4.0)]

    st8 = pl.make_styles(8.0)
    h7 = ParagraphStyle("h7", parent=st.head_small, fontSize=7, leading=8.5)
    bil_rows = [(label, tuple(vals.split())) for label, vals in sd.BILAG_TABLE]
    bil_keys = [joined(h) for h in sd.BILAG_HEADERS]
    bil_measures = (
        ("realitetsbehandlede", "count"),
        ("stadfaestet", "count"),
        ("aendret_ophaevet", "count"),
        ("hjemvist", "count"),
        ("afvist", "count"),
    )

    def bil_dims(r: int, c: int) -> Dims:
        label = bil_rows[r][0]
        return kommune(
            "2021", "serviceloven", *bil_measures[c], None if label == "I alt" else label
        )

    w_vals = [pl.fit(h, h7) for h in sd.BILAG_HEADERS]
    bil_head = [[pl.para("Ishøj", st.head_left), *pl.heads(h7, *sd.BILAG_HEADERS)]]
    bilag = simple_table(
        st8,
        pr,
        "paragraffer",
        None,
        bil_head,
        bil_rows,
        bil_keys,
        bil_dims,
        [width - sum(w_vals), *w_vals],
        "none",
        valign="TOP",
    )
    bil_tail = [(pl.para(sd.BILAG_KILDE, st.note), 6.0)]
    return {"ankestatistik": (main, [], tail), "paragraffer": (bilag, [], bil_tail)}


def sundhed_tables(st: pl.Styles, pr: Printer, width: float) -> dict[str, Any]:
    """The two Ishøj 2020 tables: decided cases by outcome and law, and omgørelsesprocent."""
    keys1 = [joined(h) for h in sd.SUNDHED_AFGJORTE_HEADERS]
    measures = {
        "Stadfæstelser": "stadfaestet",
        "Ændringer": "aendret_ophaevet",
        "Hjemvisninger": "hjemvist",
        "Afvisninger": "afvist",
        "I alt": "afgjorte",
    }

    def dims1(r: int, c: int) -> Dims:
        return kommune("2020", LAW_CODES[keys1[c]], measures[sd.SUNDHED_AFGJORTE[r][0]], "count")

    w_cols = [max(pl.fit(h, st.head), 58.0) for h in sd.SUNDHED_AFGJORTE_HEADERS]
    head1 = [pl.heads(st.head, "", *sd.SUNDHED_AFGJORTE_HEADERS)]
    t1 = simple_table(
        st,
        pr,
        "afgjorte-2020",
        None,
        head1,
        sd.SUNDHED_AFGJORTE,
        keys1,
        dims1,
        [100.0, *w_cols],
        "grid",
    )

    keys2 = [joined(h) for h in sd.SUNDHED_OMG_HEADERS]

    def dims2(r: int, c: int) -> Dims:
        law = LAW_CODES[keys2[c]]
        if sd.SUNDHED_OMG[r][0] == "Ishøj Kommune":
            return kommune("2020", law, "omgoerelsesprocent", "percent")
        return Dims("2020", law, "omgoerelsesprocent", "percent")

    head2 = [
        [
            pl.lines_para(("Omgørelses-", "procent"), st.head_left),
            *pl.heads(st.head, *sd.SUNDHED_OMG_HEADERS),
        ]
    ]
    t2 = simple_table(
        st,
        pr,
        "omgoerelse-2020",
        None,
        head2,
        sd.SUNDHED_OMG,
        keys2,
        dims2,
        [100.0, *w_cols],
        "grid",
    )
    return {"afgjorte-2020": (t1, [], []), "omgoerelse-2020": (t2, [], [])}
