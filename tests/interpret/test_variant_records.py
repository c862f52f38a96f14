"""Records from variant documents where a value's key depends on more than one table's
layout: a column of nil marks in a table of shares, a total ending its own group, a table
found only by its caption (fixed seeds; the documents are deterministic per seed and
index)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.writers.jsonl import record_dict
from samples.variants.generate import FORMATS, families, generate_one

pytestmark = pytest.mark.slow  # each test draws a variant document and reads it end to end


def _records(seed: str, index: int, out: Path, rulebook: Rulebook) -> list[dict[str, Any]]:
    doc = generate_one(seed, index, out, FORMATS, families())
    return [record_dict(r) for r in process_file(doc, rulebook).records]


def test_a_column_of_nil_marks_in_a_table_of_shares_is_shares(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A talportal sheet titled "Afgjorte sager efter lovområde – procent", its columns
    printing "6%", one printing "-" all down: the nil marks are shares too (no number there
    says otherwise), not counts of decided cases."""
    records = _records("46093", 221, tmp_path, rulebook)
    nil = [r for r in records if r["law_area"] == "foertidspension"]
    assert {(r["measure"], r["status"], r["value"]) for r in nil} == {("andel_procent", "nil", 0)}


def test_a_total_under_one_entitys_rows_is_that_entitys(rulebook: Rulebook, tmp_path: Path) -> None:
    """Minutes' table of "Struer" (its law rows, "Hovedtotal | 31%"), then "Hele landet i
    alt" (its law rows, no total): the total sums Struer's law areas, the only rows above
    it, not several entities (it was left out)."""
    records = _records("46093", 82, tmp_path, rulebook)
    totals = [r for r in records if r["row_label"] == "Hovedtotal"]
    assert [(r["municipality_code"], r["law_area"], r["value"]) for r in totals] == [
        (671, "alle", 31)
    ]


def test_durations_set_a_space_apart_are_read_one_per_column(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's last table, one row "Total | 14,5 uger 17,5 uger 26,3 uger" under
    "2022 | 2023 | 2024": three values, one per year (it was one text, and no table)."""
    records = _records("88214", 136, tmp_path, rulebook)
    weeks = [r for r in records if r["unit"] == "weeks"]
    assert sorted((r["period"], r["value"]) for r in weeks) == [
        ("2022", 14.5), ("2023", 17.5), ("2024", 26.3),
    ]  # fmt: skip


def test_a_nil_mark_among_shares_under_a_law_row_is_a_share(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's "Tabel 2.3: Afgjorte sager efter lovområde", one column of "6%"
    under year rows, "Barnets lov (BL) | -" among them: the nil mark is the law's share of
    the decided cases, like the values round it, not a count of them."""
    records = _records("715338", 263, tmp_path, rulebook)
    nil = [r for r in records if r["table_id"] == "2.3" and r["law_area"] == "barnets_lov"]
    assert {(r["measure"], r["status"]) for r in nil} == {("andel_procent", "not_applicable")}


def test_a_total_under_each_measure_with_a_share_named_by_aspect_is_read(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A sheet of measure groups ("Stadf.", "Andel stadfæstet", … "Hjemv.", "Andel
    hjemvist"), each with a "Total" row over its months: every month's value is read under
    its measure, "Andel stadfæstet" (a share by aspect) like "Andel hjemvist" (a share
    measure), none skipped as a total of several measures."""
    records = _records("715338", 135, tmp_path, rulebook)
    assert len(records) == 24
    share = [r for r in records if r["measure"] == "stadfaestelsesprocent"]
    assert sorted((r["period"], r["value"]) for r in share) == [
        ("2018-03", 70), ("2018-04", 70), ("2018-05", 69),
    ]  # fmt: skip


def test_a_suppressed_count_in_a_column_of_few_shares_stays_a_count(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """Minutes' table of group rows "Stadfæstet" / "2020" / "Servicelov | 51 | .", then
    "Omg.-pct." rows: the whole country's column prints numbers only as "36,2 %", but the
    suppressed "." under "Stadfæstet" is a count of upheld cases, not a share (its measure
    is its group row's, not the caption's)."""
    records = _records("264117", 135, tmp_path, rulebook)
    dots = [r for r in records if r["status"] == "suppressed"]
    assert {r["measure"] for r in dots} == {"stadfaestet", "hjemvist"}


def test_a_group_label_left_of_the_label_columns_is_the_outermost(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A sheet "Kommune | (blank) | Sagsemne | 2024" whose first row is "Landsplan |
    Ændret/Ophævet | Andre Love": "Landsplan" (left of the label columns) heads both
    outcome groups under it, not only the first (the second's rows were read as the
    municipality the sheet is about)."""
    records = _records("157733", 176, tmp_path, rulebook)
    counted = [r for r in records if r["table_id"] == "s1-t2"]
    assert {r["entity_scope"] for r in counted} == {"hele_landet"}
    assert {r["measure"] for r in counted} == {
        "aendret_ophaevet", "realitetsbehandlede", "omgoerelsesprocent",
    }  # fmt: skip


def test_rows_under_a_second_header_of_years_run_together_are_not_keyed(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A small ruled table under "2024", then (read into it) the next table's header
    "Område | 2019 | Fanø Kommune 2020 | 2021 | Hele 2019 | landet 2020 | 2021" and its rows:
    those rows stand under another header, so none is keyed to 2024 (the last column's
    "68,2 %" is Hele landet's 2021) — they are reported, not emitted."""
    records = _records("708463", 280, tmp_path, rulebook)
    assert [r["value"] for r in records] == [20, 13]


def test_a_group_heading_read_into_a_repeated_header_is_not_lost(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A report's table over two pages, its header "Lovområde | Landstotal" with the year
    group heading under it read into the header ("2022" on the first page, "2024" on the
    next): the page's rows are not the year before's (its heading was dropped as a
    repeated header); they are 2024's or not emitted."""
    records = _records("602847", 276, tmp_path, rulebook)
    late = [r for r in records if r["page"] == 3]
    assert all(r["period"] == "2024" for r in late)
    counts = {(r["period"], r["value"]) for r in records if r["measure"] == "realitetsbehandlede"}
    assert counts <= {
        ("2022", 18389),
        ("2023", 19197),
        ("2024", 17305),
    }


def test_a_repeated_header_joined_by_another_mark_goes_on(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A table of court cases over two pages, its stub header "år | afgørelsestype" read as
    "år afgørelsestype" on one page and "år / afgørelsestype" on the next: the same header
    repeated, so the second page's rows go on in the same table."""
    records = _records("602847", 55, tmp_path, rulebook)
    late = [(r["period"], r["value"]) for r in records if r["page"] == 2]
    assert late[:3] == [("2022-H1", 6), ("2022-H1", 54), ("2022-H2", 18)]
    assert len(late) == 10


def test_an_outcome_heading_over_a_law_heading_mid_table_goes_on(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A memo's long table of provisions, grouped by outcome ("Stadfæstede", "Hjemvist")
    and law, each row's label wrapped round its value: the "Hjemvist" and "Barnets lov (BL)"
    headings at the page's foot do not end the table; the rows under them, and the pages
    after, are read."""
    records = _records("726053", 107, tmp_path, rulebook)
    late = [(r["measure"], r["law_area"], r["value"]) for r in records if r["page"] == 3]
    assert late[-2:] == [("hjemvist", "barnets_lov", 3), ("hjemvist", "barnets_lov", 4)]
    assert len(records) == 406


def test_a_header_word_broken_right_before_its_full_stop_is_read(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A report's column header "Ændr./oph." printed "Ændr-" / "./oph." in a narrow column:
    the hyphen is the line break's, the column is ændret/ophævet."""
    records = _records("726053", 233, tmp_path, rulebook)
    changed = [(r["row_label"], r["value"]) for r in records if r["measure"] == "aendret_ophaevet"]
    assert changed[0] == ("Beskæftigelsesindsats (LAB)", 99)
    assert len(changed) == 67


def test_a_year_column_between_entity_and_measure_labels_is_a_stub_column(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """Minutes' table "Kommune | År | Afgørelsestype | Servicelov", the year printed once
    per group: the years are a period stub column, not values; each row has its year."""
    records = _records("726053", 278, tmp_path, rulebook)
    keys = [(r["municipality_code"], r["period"], r["measure"], r["value"]) for r in records]
    assert keys[3:6] == [
        (621, "2020", "realitetsbehandlede", 74),
        (621, "2020", "stadfaestelsesprocent", 68.9),
        (621, "2020", "omgoerelsesprocent", 31.1),
    ]
    assert len(keys) == 18


def test_a_group_heading_of_law_and_year_atop_a_continued_page_heads_its_rows(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A landscape table of quarterly rates grouped by law and year ("Barnets lov (BL) |
    2023" over "Q3 | …"), continued on a page that starts with the group heading
    "Sygedagpenge | 2023": that page's first rows are Sygedagpenge's 2023 quarters, not
    Barnets lov's 2024 ones (the heading was taken as the page's title)."""
    records = _records("893012", 209, tmp_path, rulebook)
    first = [(r["law_area"], r["period"], r["value"]) for r in records if r["page"] == 4][:3]
    assert first == [
        ("sygedagpengeloven", "2023-Q3", 23),
        ("sygedagpengeloven", "2023-Q4", 24),
        ("sygedagpengeloven", "2024-Q1", 22),
    ]


def test_an_outcome_and_law_heading_over_indented_rows_at_a_page_foot_goes_on(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A landscape report table of provisions, indented under law headings, grouped by
    outcome: "Hjemvisning | Barnets lov (BL)" (outcome and law, each in its stub column)
    over one indented row at a page's foot does not end the table, so the next pages go on
    under hjemvist (they were read as tables of their own, with no entity)."""
    records = _records("209384", 179, tmp_path, rulebook)
    late = [(r["measure"], r["law_area"], r["value"]) for r in records if r["page"] == 7]
    assert late[:2] == [("hjemvist", "barnets_lov", 12), ("hjemvist", "barnets_lov", 3)]
    assert len(records) == 292


def test_a_stub_column_filled_once_on_a_page_is_found_by_its_header(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A table "udfald | måned | sagsemne | landstotal" starting at a page's foot with one
    group ("Antal | November 2023 | Lov om en aktiv …"): "måned" over "November 2023" makes
    the month a stub column of its own, so the December rows under "Andel" are shares."""
    records = _records("209384", 5, tmp_path, rulebook)
    first = [(r["period"], r["measure"], r["value"]) for r in records if r["page"] == 1]
    assert ("2023-11", "afgjorte", 1278) in first
    shares = [
        (r["law_area"], r["value"])
        for r in records
        if r["period"] == "2023-12" and r["measure"] == "andel_procent"
    ]
    assert shares[:2] == [("lab", 6), ("aktivloven", 27)]


def test_a_title_under_a_striped_tables_last_row_starts_the_next_table(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A memo with a zebra-striped table of persons per month, then the title "Omg.-pct.
    fordelt på sagsemne og år" and the next table's shaded header band: the title, inside
    the last stripe gap, ends the first table, so the second table's rows (continued on the
    next page) are its rates, not persons in July 2023."""
    records = _records("394017", 41, tmp_path, rulebook)
    late = [
        (r["measure"], r["law_area"], r["period"], r["value"]) for r in records if r["page"] == 2
    ]
    assert late[:2] == [
        ("omgoerelsesprocent", "aktivloven", "2022", 27),
        ("omgoerelsesprocent", "aktivloven", "2023", 23),
    ]
    assert not [r for r in records if r["measure"] == "antal_personer" and r["page"] == 2]


def test_group_headings_outdented_over_two_stub_columns_keep_the_header(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A report's table whose header is broken into narrow staggered lines, then "Landsplan
    | SEL" set out left of the rows' two stub columns ("Landsplan | Almene tilbud …"): the
    heading line belongs to the table, so the header over it is read and every row is."""
    records = _records("851263", 140, tmp_path, rulebook)
    first = [(r["measure"], r["value"]) for r in records if r["page"] == 2][:3]
    assert first == [("stadfaestet", 2), ("hjemvist", 1), ("aendret_ophaevet", 0)]
    assert len(records) == 228


def test_a_row_wrapped_round_its_value_does_not_split_the_table(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A report's table "Paragraf | 2024" whose third row's label wraps round its value
    ("Bevillingstidspunkt og satser - §§ 22-26" / "96" / "(undtaget §§ 25 b-e)"): no new
    table starts there, so the rows under it keep the header's year."""
    records = _records("620758", 255, tmp_path, rulebook)
    rows = [(r["provision"], r["period"], r["value"]) for r in records if r["page"] == 2]
    assert rows[2:4] == [
        ("Bevillingstidspunkt og satser - §§ 22-26 (undtaget §§ 25 b-e)", "2024", 96),
        ("Diverse - Aktivloven", "2024", 9),
    ]


def test_a_sheets_outer_label_on_a_row_of_unreadable_values_is_kept(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A sheet "lovområde | udfald | 2019" whose first row ("SEL | Realitetsbehandlede
    sager i alt | 9301 sager101") holds no readable value: that row still opens the SEL
    group, so the rate under it is SEL's, not all law areas'."""
    records = _records("136894", 53, tmp_path, rulebook)
    rates = [(r["cell_ref"], r["law_area"], r["value"]) for r in records if r["value"] is not None]
    assert rates == [("C6", "serviceloven", 40.9)]


def test_a_law_heading_at_a_page_foot_over_a_row_starting_like_it_heads_that_row(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A zebra-striped report table of provisions under law headings: "Almene boliger" set
    out left at a page's foot, the next page starting with the row "Almene boliger - § 54-61"
    (a heading, not that row's start printed again), and a law heading alone in a stripe
    further down (a group row, not a new table's header): each row keeps its law."""
    records = _records("571839", 131, tmp_path, rulebook)
    almene = [
        (r["law_area"], r["measure"], r["value"])
        for r in records
        if r["provision"] == "Almene boliger - § 54-61"
    ]
    assert almene[:2] == [
        ("almenboligloven", "stadfaestet", 133),
        ("almenboligloven", "hjemvist", 70),
    ]
    assert len(records) == 1025


def test_a_grid_drawn_cell_by_cell_is_no_two_column_page(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A municipality's memo whose ruled table of national figures (its rules drawn cell by
    cell) has a wide gap between the outcome column and the provisions: the gap is no
    gutter between two text columns, so the caption under the table's last part ("… for
    hele landet") is the table's and its values are the whole country's, not the memo's
    municipality's."""
    records = _records("905836", 39, tmp_path, rulebook)
    assert {(r["entity_scope"], r["municipality_code"]) for r in records} == {("hele_landet", None)}
    assert len(records) == 74


def test_running_text_naming_another_year_than_the_heading_leaves_the_period_open(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """Minutes headed "Orientering om Ankestyrelsens afgørelser i 2021" whose paragraph
    over the table says "… afgjorte klagesager i 2020 …": which year the table holds is not
    known, so no value is keyed to either, and the report says why."""
    doc = generate_one("718540", 155, tmp_path, FORMATS, families())
    result = process_file(doc, rulebook)
    assert [record_dict(r) for r in result.records] == []
    assert any("name different periods" in f.message for f in result.findings)


def test_a_sheets_rows_of_another_table_are_not_the_next_tables_title(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A sheet with a small table ("Sagsemne | Realitetsbehandlede sager i alt" /
    "Servicelov | 9301 sager101", no value read) under the heading of a Serviceloven table,
    then "Landsplan" over monthly processing times: the rows of cells above are another
    table's, not the second table's title, so its times take no law area from them."""
    records = _records("450381", 50, tmp_path, rulebook)
    laws = {(r["measure"], r["law_area"]) for r in records}
    assert ("sagsbehandlingstid_uger", "alle") in laws
    assert not [r for r in records if r["law_area"] == "serviceloven"]


def test_a_footnote_mark_set_apart_in_a_header_line_is_no_note(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A report's table whose header "Hjemvist *" is broken so the mark stands on the next
    line beside other header words ("* | Ændret/Ophævet1) | i"): that line is header, not a
    note ending the lines above, so "Hjemvist" heads its column and 47 is hjemvist, not the
    caption's realitetsbehandlede."""
    records = _records("618254", 115, tmp_path, rulebook)
    first = [(r["measure"], r["value"]) for r in records if r["row_label"] == "Andre Love"]
    assert first == [
        ("hjemvist", 47),
        ("andel_hjemvist", 13),
        ("aendret_ophaevet", 39),
        ("omgoerelsesprocent", 23),
    ]
    assert len(records) == 146


def test_a_number_whose_digit_groups_stand_a_figure_space_apart_is_one_value(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's "Tabel 4.1", its last column "Realitetsbehandlet" printing "18 389
    sager" in a narrow cell, the groups a digit's width apart: one value, 18,389 (the layout
    cut "18" into a column without a header, and 389 was read)."""
    records = _records("372918", 120, tmp_path, rulebook)
    decided = [r for r in records if r["measure"] == "realitetsbehandlede"]
    assert sorted((r["period"], r["value"]) for r in decided) == [
        ("2022", 18389), ("2023", 19197), ("2024", 17305),
    ]  # fmt: skip


def test_a_group_heading_over_a_wrapped_row_at_a_page_foot_stays_in_the_table(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A memo's table over three pages, page 3 ending with the group heading "Afviste sager"
    over one row whose label wraps round its value ("Boligindretning - §" / "0 sager" /
    "116"): that row is the group's first, and the next page's first row keeps its own
    label (it took "Boligindretning - §" in front of it, and the row was lost)."""
    records = _records("746115", 138, tmp_path, rulebook)
    refused = [r for r in records if r["measure"] == "afvist"]
    assert [(r["provision"], r["value"]) for r in refused][:2] == [
        ("Boligindretning - § 116", 0),
        ("Børn - efterværn - §§ 68 og 76 (2013-2019)", 0),
    ]
    assert len(refused) == 6


def test_rows_under_a_law_heading_not_read_as_one_are_no_law_areas_all(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's table of law groups ("Barnets lov" / "Antal" / "2022 | –"), one
    heading wrapped so a word stands in the value column ("Førtidspension efter" / "gamle
    regler"): the rows under it name no law area while the others do, so their values are
    left out and said so, not keyed to all law areas ("alle")."""
    doc = generate_one("905836", 118, tmp_path, FORMATS, families())
    result = process_file(doc, rulebook)
    laws = {(r.law_area, r.value) for r in result.records if r.measure == "afgjorte"}
    assert ("alle", 67) not in laws and ("alle", 64) not in laws
    assert ("barnets_lov", None) in {(r.law_area, r.value) for r in result.records}
    assert any("rows above name their law area" in f.message for f in result.findings)


def test_a_header_whose_only_values_are_years_is_no_table_of_its_own(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's "Tabel 2", its header eleven staggered lines of 6-point bold with
    "2024" under each column ("stadfæs- / tede / 2024"), then "Barnets Lov" over its
    provisions: the header heads the rows (its lines were a block of their own, years their
    only values, and the table had no column names: 434 values left out)."""
    records = _records("306158", 188, tmp_path, rulebook)
    first = [r for r in records if r["provision"] == "Børn - KSB - Samvær - § 104"]
    assert sorted((r["measure"], r["value"]) for r in first)[:3] == [
        ("aendret_ophaevet", 40), ("andel_aendret", 10), ("andel_hjemvist", 19),
    ]  # fmt: skip
    assert len(records) == 467


def test_court_cases_in_a_municipalitys_memo_are_the_whole_countrys(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A Lyngby-Taarbæk memo quotes Ankestyrelsen's "Indbragt for domstolene |
    Medholdsprocent" by half-year, no caption: Ankestyrelsen's own cases before the courts
    are the whole country's, not the municipality's whose heading the memo carries."""
    records = _records("274951", 130, tmp_path, rulebook)
    court = [r for r in records if r["measure"] in ("indbragt_domstole", "medholdsprocent")]
    assert sorted((r["entity_scope"], r["period"], r["value"]) for r in court) == [
        ("hele_landet", "2018-H1", 18), ("hele_landet", "2018-H1", 78),
        ("hele_landet", "2018-H2", 20), ("hele_landet", "2018-H2", 65),
    ]  # fmt: skip


def test_a_month_over_three_columns_does_not_take_its_middle_columns_header_space(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An FOI reply's table by month, "marts 2020" centred over "realitetsbehandlet |
    ændret/ophævet | hjemviste sager", the middle column's values ".." narrow: "ændret/ophæ-
    vet" heads the middle column (it was read with "realitetsbehandlet" into the first, and
    74 realitetsbehandlede became ændret/ophævet)."""
    records = _records("618403", 285, tmp_path, rulebook)
    march = [r for r in records if r["period"] == "2020-03" and r["municipality_code"] == 210]
    assert sorted((r["measure"], r["value"]) for r in march) == [
        ("aendret_ophaevet", 6), ("hjemvist", 17), ("realitetsbehandlede", 74),
    ]  # fmt: skip


def test_digit_groups_after_a_footnote_mark_in_a_headerless_column_are_one_value(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's one-row table by quarter set stretched, every word apart ("Alle
    lovområder¹ * 12 838 13 504 11 898"): "12" stands with the mark in a column without a
    header, yet 12 838 is K1's value (838 was emitted)."""
    records = _records("195862", 88, tmp_path, rulebook)
    quarters = [r for r in records if r["measure"] == "stadfaestet" and "-Q" in r["period"]]
    assert sorted((r["period"], r["value"]) for r in quarters if r["law_area"] == "alle") == [
        ("2020-Q1", 12838), ("2020-Q2", 13504), ("2020-Q3", 11898),
    ]  # fmt: skip


def test_the_note_of_the_table_above_is_no_title_of_the_next(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's page: a table's notes ("Note: * "Andre Love" er en samlet
    kategori …") right over the next table ("HELE LANDET | 2022 | 2023 | 2024" /
    "Indbragt for domstolene"), which has no caption: the note is no title, so the court
    cases are not those of "Andre Love" but of all law areas."""
    records = _records("564209", 39, tmp_path, rulebook)
    court = [r for r in records if r["measure"] == "indbragt_domstole"]
    assert sorted((r["law_area"], r["period"], r["value"]) for r in court) == [
        ("alle", "2022", 13), ("alle", "2023", 18), ("alle", "2024", 20),
    ]  # fmt: skip


def test_bold_group_headings_under_a_ruled_headers_last_rule_are_no_header_lines(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's booktabs table, its header ruled off, then "Landstotal" /
    "Boligstøtteloven" in bold over one row wrapped round its values: those lines are not
    header lines (read as such, they were also left in the row's label, and the row's
    provision became "Boligstøtteloven Landstotal Indskudslån - § 54-71"). What the row
    names is not told apart now: its values are left out, and the report says why."""
    doc = generate_one("375021", 0, tmp_path, FORMATS, families())
    result = process_file(doc, rulebook)
    assert not [r for r in result.records if r.provision and "Landstotal" in r.provision]
    assert any("values not emitted" in f.message for f in result.findings)


def test_a_suppressed_count_under_a_group_row_naming_the_titles_measure_stays_a_count(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """A long csv ("År;Udfald;Bestemmelse;Tal"), its "Tal" mostly "0%" under
    "Hjemvisningsprocent", a ".." under the group row "Realitetsbehandlet" that names the
    title's measure too: the suppressed value is a count of realitetsbehandlede, not a
    share (the group row's measure was taken for the title's)."""
    doc = generate_one("451873", 148, tmp_path, FORMATS, families()).with_suffix(".csv")
    records = [record_dict(r) for r in process_file(doc, rulebook).records]
    law = "Lov om anvendelse af tvang i psykiatrien m.v."
    forced = [r for r in records if r["provision"] == law]
    assert ("realitetsbehandlede", "suppressed") in {(r["measure"], r["status"]) for r in forced}
    assert "andel_realitetsbehandlede" not in {r["measure"] for r in forced}


def test_a_repeated_header_with_a_marked_year_over_indented_rows_stays_header(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """Minutes' table over twelve pages, each headed "Nov" / "Område | Udfald | Paragraf |
    2024*" / "(1)", the pages' rows set in the third stub column (the outer two blank but
    at a group's start): the line with "2024*" is the header on every page, not a row, so
    the pages join into one table (they did not, and 358 values were left out)."""
    records = _records("683514", 268, tmp_path, rulebook)
    assert len(records) == 390
    assert len([r for r in records if r["period"] == "2024-11"]) == 384


def test_a_period_broken_inside_its_year_without_a_hyphen_is_header(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """Minutes' jobindsats table in narrow columns under "Dragør kommune", its periods
    broken inside the year with no hyphen ("Ydelse | 201 | 201 …" over "7K3 | 7K4 | 8K1
    …"): the two lines are the period header, not two rows, so each column is its quarter
    (the columns took the document heading's year 2020, and one column's values were keyed
    to it)."""
    records = _records("907342", 8, tmp_path, rulebook)
    page = [r for r in records if r["page"] == 2]
    assert sorted({r["period"] for r in page}) == [
        "2017-Q3", "2017-Q4", "2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4",
    ]  # fmt: skip
    sick = [(r["period"], r["value"]) for r in page if r["row_label"] == "Sygedagpenge"]
    assert sick == [
        ("2017-Q3", 63), ("2017-Q4", 52), ("2018-Q1", 48),
        ("2018-Q2", 70), ("2018-Q3", 68), ("2018-Q4", 66),
    ]  # fmt: skip


def test_a_year_broken_at_its_hyphen_over_a_stub_header_is_the_period_header(
    rulebook: Rulebook, tmp_path: Path
) -> None:
    """An annual report's table over nine pages in one narrow period column headed "202-"
    over "4*²", the stub header "Lovområde/bestemmelse" set half a line lower between them:
    "4*²" is the rest of the year, not a row's value, so the column is 2024 (it was read as
    "202-" alone, and its 305 values were left out)."""
    records = _records("240659", 180, tmp_path, rulebook)
    column = [r for r in records if r["column_label"] == "202- 4*²"]
    assert len(column) == 296 and {r["period"] for r in column} == {"2024"}
    aids = {r["measure"]: r["value"] for r in column if r["row_label"] == "Hjælpemidler - §112"}
    assert (aids["stadfaestet"], aids["realitetsbehandlede"], aids["omgoerelsesprocent"]) == (
        408, 909, 55,
    )  # fmt: skip
