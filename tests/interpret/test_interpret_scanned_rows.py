"""Rows of OCR'd tables (extract.interpret.label_cuts): a pen stroke or stamp read as letters
in a value cell, or the label's abbreviation set apart, is no label running on; words a label
runs on with still are. The numbers are the annual report 2024's (table 4.4)."""

from __future__ import annotations

from dataclasses import replace

from extract.interpret.rulebook import Rulebook
from extract.model import TableCandidate
from tests.interpret.test_interpret_table import read, table

HEADERS = ["Stadfæstet", "Ændret/ophævet", "Hjemvist"]


def _scanned(candidate: TableCandidate) -> TableCandidate:
    """The table as OCR reads it: every cell with a confidence."""
    rows = tuple(
        replace(
            row,
            cells=tuple(None if c is None else replace(c, ocr_confidence=88.0) for c in row.cells),
            label_confidence=90.0,
        )
        for row in candidate.rows
    )
    return replace(candidate, rows=rows)


def _rows(first: str, second: str, middle: str) -> list[tuple[str, list[str]]]:
    return [
        ("Sygedagpengeloven", [first, middle, "356"]),
        ("Serviceloven", [second, "150", "1352"]),
    ]


def test_letters_of_a_smudge_beside_a_value_leave_only_that_cell_unread(
    rulebook: Rulebook,
) -> None:
    candidate = _scanned(table(HEADERS, _rows("2526", "(SEL)", "ll"), title="Hele landet 2024"))
    got = [
        (o.law_area, o.measure, o.value, o.status.value)
        for o in read(rulebook, candidate).observations
    ]
    assert ("sygedagpengeloven", "stadfaestet", 2526.0, "reported") in got
    assert ("sygedagpengeloven", "hjemvist", 356.0, "reported") in got
    assert ("serviceloven", "hjemvist", 1352.0, "reported") in got
    # "ll" is read as no number, "(SEL)" as the label's own: those two cells are illegible
    assert ("sygedagpengeloven", "aendret_ophaevet", None, "illegible") in got
    assert ("serviceloven", "stadfaestet", None, "illegible") in got
    assert len([g for g in got if g[3] == "reported"]) == 4


def test_words_a_label_runs_on_with_still_stop_the_row(rulebook: Rulebook) -> None:
    candidate = _scanned(table(HEADERS, _rows("om", "1785", "345"), title="Hele landet 2024"))
    result = read(rulebook, candidate)
    assert {o.law_area for o in result.observations} == {"serviceloven"}
    assert "row 'Sygedagpengeloven' runs on into its cells ('om')" in " ".join(
        f.message for f in result.findings
    )


def test_in_a_digital_table_any_word_in_a_value_cell_stops_the_row(rulebook: Rulebook) -> None:
    result = read(rulebook, table(HEADERS, _rows("2526", "1785", "ll"), title="Hele landet 2024"))
    assert {o.law_area for o in result.observations} == {"serviceloven"}


PROVISIONS = [
    ("Serviceloven", []),
    ("Biler - §§ 114 og 115", ["68", "324"]),
    ("Voksne - borgerstyret personlig", ["74", "158"]),
    ("assistance - § 96", []),
    ("Hjemmehjælp § 83", ["178", "435"]),
    ("", ["8", "9"]),
    ("- Diverse - Barnets lov", ["28", "40"]),
]


def test_a_provision_cut_short_and_a_row_without_its_label_are_not_emitted(
    rulebook: Rulebook,
) -> None:
    """A provision's name wrapped onto a row of its own ("Voksne - borgerstyret personlig" |
    "assistance - § 96"), a value row whose label OCR did not read, and a row whose label
    starts with a dash (the end of one wrapped over lines, its start lost): none gives
    records (the first would name the provision cut short, the second the law area's total,
    the third a provision's tail); the other rows do."""
    candidate = _scanned(table(["Hjemvist", "Realitetsbehandlet"], PROVISIONS, title="2024"))
    result = read(rulebook, candidate)
    got = {(o.provision, o.measure, o.value) for o in result.observations}
    assert got == {
        ("Biler - §§ 114 og 115", "hjemvist", 68.0),
        ("Biler - §§ 114 og 115", "realitetsbehandlede", 324.0),
        ("Hjemmehjælp § 83", "hjemvist", 178.0),
        ("Hjemmehjælp § 83", "realitetsbehandlede", 435.0),
    }
    said = " ".join(f.message for f in result.findings)
    assert "Voksne - borgerstyret personlig" in said
    assert "its row label was not read" in said
    assert "'- Diverse - Barnets lov' starts in lower case or with a paragraph's" in said
