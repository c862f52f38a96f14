"""Rows whose label was cut or ran on, so what they name is not known.

In: a row's plan, the row as printed and the table's column plans. Out: why its values are
not emitted ("" when the label is whole): a provision's label that is the tail of a label
wrapped over lines (``wrapped_tail``), or a label that ran on into the value cells
(``runs_on``).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from extract.codes import Status
from extract.interpret.columns import ColumnPlan
from extract.interpret.plans import RowPlan
from extract.model import TableRow
from extract.normalise.labels import label_key
from extract.normalise.numbers import read_cell

_TAIL = (
    "row '{label}' starts in lower case or with a paragraph's number (or, scanned, a dash),"
    " the rest of a label wrapped over lines: not read"
)
_RUNS_ON = "row '{label}' runs on into its cells ('{cell}'): what it names is not known"
_ENDS_CUT = "row '{label}' ends where a provision's name cannot end: its end was lost"
# A provision's name does not end in a paragraph sign, "og", "stk." or a comma; nor, unless
# it is a known one (a sagsemne printed so: "… v/strafferetlig afg.. -"), in a dash set
# apart, the separator before its paragraph ("Hjælp til visse persongrupper -").
_CUT_END = re.compile(r"(?:\s§{1,2}|\sog|\sstk\.|,)$", re.IGNORECASE)
_DASH_END = re.compile(r"\s[-–—]$")
# The end of a provision's name wrapped over lines: a paragraph's number and what follows
# it ("205 (4 ugers frist)", "104, stk. 4", "90 - 97, 69i"); not a name starting with a
# number and a word ("225 timers reglen - § 13").
_NUMBER_TAIL = re.compile(r"^\d+[a-z]?\s*(?:[,(\-–]|og\b|$)")


def wrapped_tail(
    plan: RowPlan, row: TableRow, known: Container[str] = (), under: TableRow | None = None
) -> str:
    """Why a provision row's printed label (on a page, not in a sheet's cell) names no known
    provision: it starts in lower case, the end of a label wrapped over lines ("anbragte i
    boform ... § 137g-j") whose first line was not found, or ends where no name ends ("… §§
    16 stk. 1 og", "… - §", a dash ending no provision of ``known``: label keys), its end
    gone elsewhere, or, with no paragraph in it, the row ``under`` it is the rest: no values,
    in lower case ("Voksne - borgerstyret personlig" over "assistance - § 96"); else ""."""
    if plan.kind != "provision" or any(c is not None and c.cell_ref for c in row.cells):
        return ""
    label = (plan.provision_label or row.label).strip()
    if _CUT_END.search(label) or (_DASH_END.search(label) and label_key(label) not in known):
        return _ENDS_CUT  # "… §§ 16 stk. 1 og", "… - §": the rest went elsewhere
    if under is not None and _rest_of(label, under):
        return _ENDS_CUT
    if row.ocr_cells and label[:1] in "-–—":
        return _TAIL  # "- Diverse - Barnets lov" under "Børn - KSB": the rest of a label
    return _TAIL if label[:1].islower() or _NUMBER_TAIL.match(label) else ""


def _rest_of(label: str, under: TableRow) -> bool:
    """Whether ``under`` is the rest of a provision's ``label`` wrapped onto a row of its
    own: no values, its label starting in lower case ("selvstændig erhvervsdrivende -"
    under "Støtte i form af tilskud til"), and ``label`` no paragraph sign yet."""
    rest = under.label.strip()
    return (
        all(c is None or not c.text.strip() for c in under.cells)
        and rest[:1].islower()
        and "§" not in label
    )


def runs_on(row: TableRow, columns: Sequence[ColumnPlan]) -> str:
    """Why a row whose value cells hold words ("om", "voksenansvar § 9", "m.m. tilbagebet.":
    its label ran on past its column; "Børn - Hjemgivelse … § 68": a second column of labels
    not read as one) is not fully named by its label; else ""."""
    for column in columns:
        cell = row.cells[column.index]
        if column.kind == "label" or cell is None or read_cell(cell).status is not Status.ILLEGIBLE:
            continue  # a value, "52 sager" too
        words = cell.text.split()
        scanned = cell.ocr_confidence is not None
        if any((_word(w) and not (scanned and _smudge(w))) or w.startswith("§") for w in words):
            return _RUNS_ON.replace("{cell}", cell.text.strip())
    return ""


# An OCR'd cell's word of this many letters at most, none of the short words a label runs on
# with ("om", "og", "til"), is a pen stroke or stamp read as letters ("Ve" beside "34", "ll",
# "VA 25%"), or the label's own abbreviation set apart ("(SEL)"): no part of a label that
# ran on. The cell itself stays unread (illegible).
SMUDGE_LETTERS = 3
_RUNNING_ON = frozenset({"om", "og", "af", "i", "til", "for", "på", "med", "mv", "m.v", "stk"})


def _smudge(token: str) -> bool:
    letters = sum(ch.isalpha() for ch in token)
    return letters <= SMUDGE_LETTERS and token.casefold().strip(".,()") not in _RUNNING_ON


def _word(token: str) -> bool:
    """Whether a token of a cell is a word of a label: two letters or more and no digit
    ("m.m.", "tilbagebet.", not "sager101" or "%")."""
    return sum(ch.isalpha() for ch in token) > 1 and not any(ch.isdigit() for ch in token)
