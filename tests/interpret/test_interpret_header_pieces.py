"""Headers of neighbouring columns run together (extract.interpret.header_pieces): each column
takes its own piece when the text cuts in exactly one way; otherwise nothing is guessed.
The numbers are Frederikshavn's (minutes 2022) and Ishøj's (minutes 2021)."""

from __future__ import annotations

from extract.interpret.rulebook import Rulebook
from tests.interpret.test_interpret_table import keys, read, table

FREDERIKSHAVN = [
    ("Antal realitetsbehandlede sager", ["66", "74", "52"]),
    ("Omgørelsesprocent", ["37,9", "31,1", "36,5"]),
]
TITLE = "Frederikshavn Kommune, Serviceloven"


def test_years_run_together_are_read_one_per_column(rulebook: Rulebook) -> None:
    result = read(rulebook, table(["2019 2020 2021"] * 3, FREDERIKSHAVN, title=TITLE))
    got = keys(result)
    assert [(k[1], k[4], k[5]) for k in got] == [
        ("2019", "realitetsbehandlede", 66.0),
        ("2020", "realitetsbehandlede", 74.0),
        ("2021", "realitetsbehandlede", 52.0),
        ("2019", "omgoerelsesprocent", 37.9),
        ("2020", "omgoerelsesprocent", 31.1),
        ("2021", "omgoerelsesprocent", 36.5),
    ]


def test_measures_run_together_over_their_own_second_lines(rulebook: Rulebook) -> None:
    top = "REALITETSBEH. STADFÆSTEDE HJEMVISTE AFVISTE"
    headers = [f"{top} / I ALT", f"{top} / SAGER", f"{top} / SAGER", f"{top} / SAGER"]
    rows = [("Aktivloven", ["22", "15", "5", "3"]), ("Serviceloven", ["74", "51", "17", "11"])]
    got = keys(read(rulebook, table(headers, rows, title="Ishøj Kommune 2020")))
    assert [(k[2], k[4], k[5]) for k in got] == [
        ("aktivloven", "realitetsbehandlede", 22.0),
        ("aktivloven", "stadfaestet", 15.0),
        ("aktivloven", "hjemvist", 5.0),
        ("aktivloven", "afvist", 3.0),
        ("serviceloven", "realitetsbehandlede", 74.0),
        ("serviceloven", "stadfaestet", 51.0),
        ("serviceloven", "hjemvist", 17.0),
        ("serviceloven", "afvist", 11.0),
    ]


def test_text_cut_more_than_one_way_is_left_unread(rulebook: Rulebook) -> None:
    # three years over two columns: "2019 | 2020 2021" and "2019 2020 | 2021" each leave a
    # piece naming two years; nothing is guessed
    rows = [(label, cells[:2]) for label, cells in FREDERIKSHAVN]
    result = read(rulebook, table(["2019 2020 2021"] * 2, rows, title=TITLE))
    assert keys(result) == []
    assert any("conflicting: period" in f.message for f in result.findings)


def test_a_header_joining_two_outcomes_is_not_cut(rulebook: Rulebook) -> None:
    # "og" joins the two outcomes into one header over the count and the share: no column
    # is stadfæstet alone nor hjemvist alone
    header = "Stadfæstede og hjemviste sager"
    rows = [("Aktivloven", ["20", "91 %"]), ("Serviceloven", ["68", "92 %"])]
    result = read(
        rulebook, table([f"{header} / Antal", f"{header} / Andel"], rows, title="Ishøj 2020")
    )
    assert not any(k[4] in {"stadfaestet", "hjemvist"} for k in keys(result))
