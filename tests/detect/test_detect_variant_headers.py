"""Headers read on documents the variant generator draws (fixed seeds; the documents are
deterministic per seed and index): which columns a header's text heads."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import variant_tables

pytestmark = pytest.mark.slow  # each test draws a multi-page variant document and reads it


def test_a_lone_word_over_half_years_heads_them_all_though_centred_on_one(
    tmp_path: Path,
) -> None:
    """Minutes with "Antal¹" alone on the header's first line, centred over nine half-year
    columns ("H2" / "2017" …), so over the middle one too, a line's spacing above it: it
    heads all nine, not the middle one's header wrapped over three lines."""
    (table, *_) = variant_tables("805447", 273, tmp_path)
    assert table.column_headers[:2] == (("Antal¹", "H2 2017"), ("Antal¹", "H1 2018"))
    assert table.column_headers[4] == ("Antal¹", "H2 2019")
    assert len(table.column_headers) == 9


def test_a_law_group_row_under_a_header_of_years_is_the_first_row_not_prose(
    tmp_path: Path,
) -> None:
    """An annual report's unruled table: a header of four lines ("Hjemvist | Ændringer"
    over "Antal | Procent" pairs, "Stadf." a line higher left of them, years with footnote
    marks last), then a law's group row in bold whose name runs into the value columns
    ("Lov om højeste, mellemste førtidspension m.fl."), then provisions: the header and its
    caption are the table's, the group row its first row (no running text, no header
    line), and "Hjemvist" heads its pair only."""
    (table, *_) = variant_tables("860492", 216, tmp_path)
    assert table.caption is not None and table.caption.startswith("Tabel 4.1:")
    assert table.column_headers[:3] == (
        ("Stadf. 2024",),
        ("Hjemvist", "Antal 2024 (1)"),
        ("Hjemvist", "Procent 2024"),
    )
    assert table.rows[0].label == "Lov om højeste, mellemste førtidspension m.fl."
    assert table.rows[1].label == "Bistands- og plejetillæg §§ 16 stk. 1 og 2"


def test_a_header_of_three_levels_wrapped_in_small_type_is_taken_whole(tmp_path: Path) -> None:
    """An annual report's table in small type: outcomes over "2025" over "Antal | Procent",
    beside two columns whose headers wrap over six lines each, set at staggered heights (13
    text lines in all): the header's first line ("Stadfæstet 2. halvår | Ændringer …") is
    the table's too, so each pair has its outcome."""
    (table,) = [t for t in variant_tables("860492", 65, tmp_path) if t.table_id == "2.1"]
    assert table.column_headers[0] == ("Stadfæstet 2. halvår 2025", "Antal")
    assert table.column_headers[5] == ("Hjemvist 2. halvår 2025", "Pct.")


def test_an_outer_stub_column_beside_wrapped_labels_is_no_page_column(tmp_path: Path) -> None:
    """An annual report's long table with a measure in an outer stub column on every row
    ("Realitetsbeh. sager", then "Andel hjemviste"), provisions wrapped over lines beside
    it (lines of words like running text): the stub column is the table's, not a column of
    the page beside it, so the rows under "Andel hjemviste" are read under it."""
    tables = variant_tables("352881", 240, tmp_path)
    (table,) = [t for t in tables if 8 in t.pages]
    labels = [row.label for row in table.rows if row.page == 8]
    assert "Andel hjemviste" in labels
    assert labels.index("Andel hjemviste") < labels.index("Fleksjob - § 116-141")


def test_a_booktabs_header_of_ten_staggered_lines_is_thevariant_tables(tmp_path: Path) -> None:
    """A memo's booktabs table in 6.5 pt type: between its top rule and the rule under the
    header, "Hele landet" / "2024" over six headers broken inside words at staggered
    heights (ten text lines): the top rule heads the table and the lines are its header,
    no title."""
    (table, *_) = variant_tables("936537", 94, tmp_path)
    assert table.column_headers[0] == ("Hele landet 2024", "Hjemvis- ninger")
    assert table.column_headers[5] == ("Hele landet 2024", "Omgør- elses-%")


def test_a_year_over_one_month_beside_a_year_over_two_bounds_no_group_above(
    tmp_path: Path,
) -> None:
    """An annual report's header of three levels: "Antal" and "Procent", each over "2023"
    (over "nov | dec") and "2024" (over "jan"): "2024" heads its one column, so it bounds
    no group of the level above; "Procent" heads its three columns as "Antal" does."""
    tables = variant_tables("936537", 41, tmp_path)
    (table,) = [t for t in tables if t.table_id == "3.2"]
    assert table.column_headers[3:] == (
        ("Procent", "2023", "nov"),
        ("Procent", "2023", "dec"),
        ("Procent", "2024 jan"),
    )


def test_a_law_group_row_under_a_staggered_header_is_the_first_row(tmp_path: Path) -> None:
    """An annual report's table in 6 pt type: seven headers broken inside words at staggered
    heights (eleven lines, the last holding one "2023"), then a law's group row in bold
    whose name runs on over two value columns: it is the first row, not a header level
    over those two columns."""
    (table,) = [t for t in variant_tables("926418", 9, tmp_path) if t.table_id == "5.2"]
    assert table.rows[0].label == "Lov om højeste, mellemste førtidspension m.fl."
    assert all("førtidspension" not in " ".join(h) for h in table.column_headers)


def test_an_entity_group_row_spaced_as_the_rows_under_a_header_is_a_row(tmp_path: Path) -> None:
    """An annual report's small unruled table: two headers wrapped at staggered heights
    beside the stub header "Lov", then "Hele landet" alone at the labels' edge, spaced from
    the header as the rows are from each other, over "Total | 21,4 | 17305": "Hele landet"
    is a group row, not a header level over the first column."""
    (table, *_) = variant_tables("540217", 203, tmp_path)
    assert table.column_headers == (
        ("Gennemsnitlig liggetid i uger",),
        ("Realitetsbehandlede sager i alt",),
    )
    assert [row.label for row in table.rows] == ["Hele landet", "Total"]


def test_a_header_with_outer_stub_headers_at_row_spacing_heads_the_table(tmp_path: Path) -> None:
    """Minutes' unruled table in two stub columns: "Kommune | Bestemmelse | 2022K3" (the
    period centred in a wide cell, short of values set flush right), at row spacing over
    "Ringkøbing-Skjern | Stadfæstet" and the provisions: the line is the table's header,
    so every value has its period."""
    (table,) = [t for t in variant_tables("318845", 2, tmp_path) if t.table_id == "p1-t2"]
    assert table.column_headers == (("2022K3",),)
    assert table.stub_header == "Kommune Bestemmelse"


def test_a_stub_header_among_staggered_header_lines_keeps_the_header_whole(
    tmp_path: Path,
) -> None:
    """An appendix's unruled table in 6.5 pt: six headers at staggered heights ("Andel" /
    "Stadfæstelser" / "stadfæstet"), the stub header "Hele landet" touching the lowest of
    them, then "2024" over each column a line's space lower: the header is all five lines
    (the measures with their year), not "2024" alone under a title."""
    (table,) = [t for t in variant_tables("318845", 114, tmp_path) if t.pages == (3,)]
    assert table.column_headers[:2] == (("Stadfæstelser 2024",), ("Andel stadfæstet 2024",))
    assert table.column_headers[5] == ("Omgørelsesprocent (%) 2024",)
    assert table.stub_header == "Hele landet"


def test_a_header_set_a_line_higher_than_its_year_stays_over_its_own_column(
    tmp_path: Path,
) -> None:
    """An annual report's table in a frame with no column rules: one-line headers set
    between the lines of two-line ones ("Hjemviste" / "sager" beside "Ændring/Ophævelse"),
    "2024" under each, values set flush right: "Ændring/Ophævelse", wider than its year,
    heads its own column, not the one left of it with "Hjemviste"."""
    (table,) = [t for t in variant_tables("462901", 248, tmp_path) if t.table_id == "3.2"]
    assert table.column_headers[1:3] == (("Hjemviste sager 2024",), ("Ændring/Ophævelse 2024",))
    assert table.column_headers[5:] == (("Andel ændret 2024",), ("Omgørelsesprocent 2024",))


def test_two_headers_a_space_apart_each_over_its_own_sub_header_are_two(
    tmp_path: Path,
) -> None:
    """Minutes' table in Courier, narrow columns: "Realitetsbehandlede" and "Stadfæstet" set
    one space apart on the header's first line, each centred over its own column's second
    line ("sager"; "i pct.", itself two chunks): two headers, so the counts are
    "Realitetsbehandlede sager", not headed by "Stadfæstet" too."""
    (table,) = [t for t in variant_tables("146279", 71, tmp_path) if t.table_id == "1"]
    assert table.column_headers == (
        ("Realitetsbehandlede sager",),
        ("Stadfæstet i pct.",),
        ("Omgørelsesprocent",),
    )


def test_a_title_at_the_labels_edge_in_another_size_heads_no_column(tmp_path: Path) -> None:
    """Minutes' unruled table: "Omgørelsesprocenter fordelt på paragraffer (Servicelov)"
    in bold a point larger than the header, from the labels' edge into the first value
    column, over the header ("Ikast-Brande" over headers broken inside words): it is the
    table's title, not a header level over the one column it reaches (whose counts it
    would name as rates)."""
    (table, *_) = variant_tables("907152", 113, tmp_path)
    assert table.title == "Omgørelsesprocenter fordelt på paragraffer (Servicelov)"
    assert not [h for h in table.column_headers if "Omgørelsesprocenter" in " ".join(h)]


def test_a_header_centred_in_a_wide_cell_over_year_rows_heads_its_column(
    tmp_path: Path,
) -> None:
    """An annual report's small unruled table: "år | sager, hvor ankestyrelsen fik medhold"
    (the value header centred in a wide cell, far short of values set flush right) over
    rows labelled by years alone ("2022 | 7"): the line is the header, so the column says
    what it counts (not the caption's "Sager indbragt for domstolene")."""
    (table,) = [t for t in variant_tables("284613", 161, tmp_path) if t.table_id == "2.1"]
    assert table.stub_header == "år"
    assert table.column_headers == (("sager, hvor ankestyrelsen fik medhold",),)


def test_two_headers_run_together_under_their_own_words_are_two(tmp_path: Path) -> None:
    """An annual report's boxed table in Courier: "Andel | Andel" over "hjemvist ændret",
    the second line's two words a space apart, each centred under its own "Andel": two
    headers, "Andel hjemvist" and "Andel ændret", not "Andel hjemvist ændret" beside a bare
    "Andel"."""
    (table,) = [t for t in variant_tables("893546", 61, tmp_path) if t.table_id == "4.1"]
    assert table.column_headers == (("Andel hjemvist",), ("Andel ændret",))


def test_an_inner_stub_header_beside_a_period_heads_rows_with_outer_labels(
    tmp_path: Path,
) -> None:
    """Minutes' unruled table: "Bestemmelse | oktober 2020" (the inner stub column's header,
    the outer one blank, the period centred in a wide cell short of the values) over rows
    "Realitetsbeh. sager alt | Biler - §§ 114 og 115 | 4": the line is the header, so the
    values are October's, not the meeting year's."""
    (table, *_) = variant_tables("650271", 54, tmp_path)
    assert table.column_headers == (("oktober 2020",),)
    assert table.stub_header == "Bestemmelse"


def test_a_month_and_its_year_a_wide_space_apart_stay_one_header(tmp_path: Path) -> None:
    """Minutes' ruled table: "NOV 2023 | DEC 2023 | JAN 2024" in small capitals, each month
    a little over half a font size before its year, over "OMGJORT, PCT." pairs: each month
    stays with its year over its column, so the values are November's, not 2023's."""
    (table,) = [t for t in variant_tables("275093", 264, tmp_path) if t.table_id == "p1-t2"]
    assert [h[0].split(" OMGJORT")[0] for h in table.column_headers] == [
        "NOV 2023", "DEC 2023", "JAN 2024",
    ]  # fmt: skip


def test_years_with_their_unit_over_counts_are_a_header(tmp_path: Path) -> None:
    """Minutes' ruled table: "2016 … 2025" over "Personer" in each column, read as one
    header cell each ("2016 Personer", a year with its unit word), over counts of persons
    by benefit: the row is the header, not a row of counts of 2016 persons."""
    (table,) = variant_tables("818620", 280, tmp_path)[:1]
    assert table.column_headers[0] == ("2016 Personer",)
    assert table.rows[0].label == "A-dagpenge"


def test_a_tall_header_over_a_lone_rule_ahead_of_a_page_footer_is_the_tables(
    tmp_path: Path,
) -> None:
    """Minutes with a one-column table: its top rule, a header of seven lines cut inside
    words ("LAND" / "STO" / "TAL" over "OMGJ" / "ORT," / "PCT.", "SAGSEMNE" beside), the
    rule under it, six rows, the bottom rule, then text and the page's footer (a link, the
    page number far right): the header is the table's (the footer is no row of it), not a
    title left over it, and "LANDSTOTAL" names the column's entity."""
    (table, *_) = variant_tables("8569", 288, tmp_path)
    assert table.column_headers == (("LAND STO TAL OMGJ ORT, PCT.",),)
    assert table.caption == "Tabel: Omgørelsesprocent fordelt efter lovgivning 2020"
    assert [row.label for row in table.rows][-1] == "I alt"


def test_a_footnote_mark_under_a_year_over_indented_rows_is_header_text(
    tmp_path: Path,
) -> None:
    """Minutes' unruled table over twelve pages, its header repeated on each: "jan.-jun." /
    "Afgørelsestype | Lovområde/bestemmelse | 2017" / "1)" (the year's footnote mark under
    it), the rows under it indented in the inner stub column (on the pages after the first,
    the outer one blank): the year and its mark are header text on every page, so the pages
    join as one table and the mark heads no row."""
    (table, *_) = variant_tables("454539", 38, tmp_path)
    assert table.pages == tuple(range(1, 13))
    assert table.column_headers == (("jan.-jun. 2017 1)",),)
    assert all(row.label for row in table.rows)


def test_a_year_in_an_outer_stub_column_over_a_group_label_is_a_group_row(
    tmp_path: Path,
) -> None:
    """An annual report's unruled table: "År | Lovområde" beside "Hele / landet / i / alt*¹"
    set over four lines, then "2022 | Antal sager" in bold (a year out in the outer stub
    column, a group's label in the inner one), then the rows: the year line is a group row
    under the header, so the header heads the table, not a title over rows left without it."""
    (table, *_) = variant_tables("454539", 26, tmp_path)
    assert table.caption is not None and table.caption.startswith("TABEL 4.1")
    assert table.column_headers == (("Hele landet i alt*¹",),)
    assert table.pages == (2, 3, 4)
    assert [row.label for row in table.rows[:2]] == ["2022 Antal sager", "Afgjorte sager i alt"]
