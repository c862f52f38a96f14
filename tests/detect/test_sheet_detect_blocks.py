"""Sheet table detection: where one table ends and the next begins, and which columns and rows
are labels when the values look like something else (a count of 2010 like a year, a garbled
value like "9301 sager101"). Each test builds one small sheet and asserts the exact structure.
"""

from __future__ import annotations

from pathlib import Path

from tests.sheet_factory import column_labels, csv_tables, row_texts, xlsx_tables

# --- tables stacked on one sheet --------------------------------------------------------------


def test_a_narrower_table_under_a_long_table_is_a_table_of_its_own(tmp_path: Path) -> None:
    rows = [
        ["Ankestatistik"],
        [],
        [None, "Instans", "År", "Udfald", "Lov", "Værdi"],
        [None, "Hele landet", 2022, "Antal", "Serviceloven", 9272],
        [None, "Hele landet", 2022, "Antal", "Barnets lov", 2010],
        [None, "Hele landet", 2023, "Antal", "Serviceloven", 9301],
        [],
        [],
        ["Antal personer på ydelser"],
        [],
        ["Periode", "Ydelse", "Antal"],
        ["Jan. 2022", "A-dagpenge", 55],
        [None, "Kontanthjælp", 11],
    ]
    first, second = xlsx_tables(tmp_path / "long.xlsx", rows)
    assert first.stub_header == "Instans / År / Udfald / Lov"
    assert column_labels(first) == ["Værdi"]
    assert row_texts(first) == [
        ("Hele landet", None),
        ("2022", None),
        ("Antal", None),
        ("Serviceloven", ("9272",)),
        ("Barnets lov", ("2010",)),
        ("2023", None),
        ("Antal", None),
        ("Serviceloven", ("9301",)),
    ]
    assert (second.title, second.stub_header) == ("Antal personer på ydelser", "Periode / Ydelse")
    assert column_labels(second) == ["Antal"]
    assert row_texts(second) == [
        ("Jan. 2022", None),
        ("A-dagpenge", ("55",)),
        ("Kontanthjælp", ("11",)),
    ]


def test_a_header_row_with_one_text_cell_right_of_the_labels_starts_a_table(
    tmp_path: Path,
) -> None:
    rows = [
        ["År", "Ydelse", "Antal personer"],
        ["Feb 2023", "A-dagpenge", 58],
        [None, "Kontanthjælp", 7],
        [],
        ["Medholdsprocent fordelt på halvår"],
        ["Lov", "jan.-jun. 2023", "jul.-dec. 2023"],
        ["Alle lovområder", 0.78, 0.65],
    ]
    first, second = xlsx_tables(tmp_path / "stacked.xlsx", rows)
    assert row_texts(first)[-1] == ("Kontanthjælp", ("7",))
    assert first.notes == ()
    assert (second.title, second.stub_header) == ("Medholdsprocent fordelt på halvår", "Lov")
    assert column_labels(second) == ["jan.-jun. 2023", "jul.-dec. 2023"]
    assert row_texts(second) == [("Alle lovområder", ("0.78", "0.65"))]


def test_a_row_with_one_text_cell_right_under_a_data_row_stays_in_the_body(
    tmp_path: Path,
) -> None:
    text = "Lovområde;Antal\nServiceloven;5\nBarnets lov;x\nAktivloven;7\nAndre love;n/a\n"
    (table,) = csv_tables(tmp_path / "marker.csv", text)
    assert table.notes == ()
    assert row_texts(table) == [
        ("Serviceloven", ("5",)),
        ("Barnets lov", ("x",)),
        ("Aktivloven", ("7",)),
        ("Andre love", ("n/a",)),
    ]


def test_a_long_table_with_a_year_column_keeps_it_as_a_label_column(tmp_path: Path) -> None:
    rows = [
        ["Kommune", "År", "Lov", "Antal/pct."],
        ["Landstotal", 2018, "Serviceloven", 0.36],
        ["Landstotal", 2019, "Serviceloven", 0.409],
        [],
        [],
        ["Omgørelsespct. efter lovområder i året 2020"],
        ["Omgørelsespct.", "Aktivlov", "Serviceloven"],
        ["Landsplan", 0.29, 0.36],
    ]
    first, second = xlsx_tables(tmp_path / "years.xlsx", rows)
    assert (first.stub_header, column_labels(first)) == ("Kommune / År / Lov", ["Antal/pct."])
    assert row_texts(first)[:4] == [
        ("Landstotal", None),
        ("2018", None),
        ("Serviceloven", ("0.36",)),
        ("2019", None),
    ]
    assert column_labels(second) == ["Aktivlov", "Serviceloven"]
    assert row_texts(second) == [("Landsplan", ("0.29", "0.36"))]


# --- counts that look like years, garbled values ----------------------------------------------


def test_counts_that_look_like_years_stay_values_in_a_one_column_table(tmp_path: Path) -> None:
    text = "Lovområde;Antal\nBarnets lov;2010\nServiceloven;1785\nAktivloven;2045\n"
    (table,) = csv_tables(tmp_path / "years.csv", text)
    assert (table.stub_header, column_labels(table)) == ("Lovområde", ["Antal"])
    assert row_texts(table) == [
        ("Barnets lov", ("2010",)),
        ("Serviceloven", ("1785",)),
        ("Aktivloven", ("2045",)),
    ]


def test_a_count_like_a_year_under_a_group_label_is_the_first_body_row(tmp_path: Path) -> None:
    rows = [
        ["Kommune", "Paragraf", "2024"],
        ["Stadfæstede"],
        [None, "Barnets lov", 2010],
        [None, "Fleksjob", 54],
    ]
    (table,) = xlsx_tables(tmp_path / "group.xlsx", rows)
    assert column_labels(table) == ["2024"]
    assert row_texts(table) == [
        ("Stadfæstede", None),
        ("Barnets lov", ("2010",)),
        ("Fleksjob", ("54",)),
    ]


def test_a_column_of_counts_some_like_years_is_a_value_column(tmp_path: Path) -> None:
    text = "Periode;Ændrede sager;Hjemvist\n2022;2045;3506\n2023;2034;3659\n2024;1472;3935\n"
    (table,) = csv_tables(tmp_path / "counts.csv", text)
    assert (table.stub_header, column_labels(table)) == ("Periode", ["Ændrede sager", "Hjemvist"])
    assert row_texts(table)[0] == ("2022", ("2045", "3506"))


def test_a_garbled_value_does_not_make_its_column_a_label_column(tmp_path: Path) -> None:
    text = (
        "Lovområde;Realitetsbehandlede;Omgørelsesprocent\n"
        "Serviceloven;9301 sager101;41\n"
        "Aktivloven;66;36\n"
    )
    (table,) = csv_tables(tmp_path / "glitch.csv", text)
    assert table.stub_header == "Lovområde"
    assert column_labels(table) == ["Realitetsbehandlede", "Omgørelsesprocent"]
    assert row_texts(table) == [
        ("Serviceloven", ("9301 sager101", "41")),
        ("Aktivloven", ("66", "36")),
    ]


def test_a_garbled_first_value_under_a_group_label_is_a_body_row(tmp_path: Path) -> None:
    rows = [
        [None, "Landsplan"],
        ["2025K2"],
        ["Realitetsbehandlede sager", "9301 sager101"],
        ["Omgørelses-%", "40,9%"],
        ["2025K3"],
        ["Realitetsbehandlede sager", 10329],
    ]
    (table,) = xlsx_tables(tmp_path / "first.xlsx", rows)
    assert column_labels(table) == ["Landsplan"]
    assert row_texts(table) == [
        ("2025K2", None),
        ("Realitetsbehandlede sager", ("9301 sager101",)),
        ("Omgørelses-%", ("40,9%",)),
        ("2025K3", None),
        ("Realitetsbehandlede sager", ("10329",)),
    ]


def test_counts_like_years_under_a_header_of_years_are_values(tmp_path: Path) -> None:
    rows = [
        ["Ændret/ophævet efter år"],
        [],
        [None, "Sagsemne", 2022, 2023, 2024],
        [None, "Hele landet"],
        [None, "Sager i alt", 2045, 2034, 1472],
    ]
    (table,) = xlsx_tables(tmp_path / "dated.xlsx", rows)
    assert (table.stub_header, column_labels(table)) == ("Sagsemne", ["2022", "2023", "2024"])
    assert row_texts(table) == [("Hele landet", None), ("Sager i alt", ("2045", "2034", "1472"))]


def test_a_row_of_counts_like_years_under_a_data_row_stays_in_the_body(tmp_path: Path) -> None:
    rows = [
        [None, "Udfald", "Serviceloven", "Barnets lov"],
        [None, "Stadfæstet", 3712, 988],
        [None, "Ændret eller ophævet", 2045, 2034],
        [None, "Hjemvist", 1472, 301],
    ]
    (table,) = xlsx_tables(tmp_path / "counts.xlsx", rows)
    assert (table.stub_header, column_labels(table)) == ("Udfald", ["Serviceloven", "Barnets lov"])
    assert row_texts(table) == [
        ("Stadfæstet", ("3712", "988")),
        ("Ændret eller ophævet", ("2045", "2034")),
        ("Hjemvist", ("1472", "301")),
    ]


def test_a_header_of_consecutive_years_under_a_table_starts_the_next(tmp_path: Path) -> None:
    rows = [
        [None, "Udfald", "Antal"],
        [None, "Stadfæstet", 3712],
        [None, "Hjemvist", 1472],
        [None, "Lovområde", 2022, 2023],
        [None, "Serviceloven", 9272, 9301],
    ]
    first, second = xlsx_tables(tmp_path / "stacked.xlsx", rows)
    assert row_texts(first) == [("Stadfæstet", ("3712",)), ("Hjemvist", ("1472",))]
    assert (second.stub_header, column_labels(second)) == ("Lovområde", ["2022", "2023"])
    assert row_texts(second) == [("Serviceloven", ("9272", "9301"))]


def test_a_first_row_of_a_year_and_counts_like_years_is_a_body_row(tmp_path: Path) -> None:
    rows = [
        ["Realitetsbehandlede sager efter udfald"],
        ["Landsplan"],
        [],
        [None, "ÆNDRET/OPHÆVET"],
        ["2023", 2034],
        ["2024", 1472],
    ]
    (table,) = xlsx_tables(tmp_path / "years.xlsx", rows)
    assert column_labels(table) == ["ÆNDRET/OPHÆVET"]
    assert row_texts(table) == [("2023", ("2034",)), ("2024", ("1472",))]
