"""Detection on variant documents where two tables meet, a heading stacks over a table, or
a group heading ends a page (fixed seeds; the documents are deterministic per seed and
index)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import body, labels, variant_tables

from extract.detect.header_nesting import nested

pytestmark = pytest.mark.slow  # each test draws a multi-page variant document and reads it


def test_a_shaded_header_band_under_another_tables_rows_starts_a_new_table(
    tmp_path: Path,
) -> None:
    """Minutes with a table under a shaded header band ("Andel i pct."), rows without rules,
    then a second table's shaded band ("Myndighed | Udfald | Bestemmelse | 2021") with no
    caption between: two tables, the second's year over its counts, not rows of the first
    (where "Rudersdal Kommune … | 4" stood under "Andel i pct." as a share)."""
    tables = variant_tables("27395", 279, tmp_path)
    first, second = [t for t in tables if 3 in t.pages]
    assert body(first)[-1] == ("Andre Love", "3 %")
    assert labels(second) == ["2021"]
    assert ("Biler - §§ 114 og 115", "4") in body(second)


def test_a_header_chunk_beside_another_gives_up_the_column_that_one_holds(
    tmp_path: Path,
) -> None:
    """A notat's table whose sub-headers "Antal | Procent" stand over narrow columns
    ("Procent" reaching left into "Antal"'s): each heads its own column, not "Procent"
    over both (which read the counts under "Antal" as shares), and the group header over
    them heads both, as "Hjemvist 2024*" heads its "Antal | Pct."."""
    (table, *_) = variant_tables("640187", 160, tmp_path)
    assert labels(table)[3:5] == ["Ændret/Ophævet 2024 / Antal", "Ændret/Ophævet 2024 / Procent"]


def test_a_heading_over_a_law_name_over_a_table_is_its_title(tmp_path: Path) -> None:
    """Minutes with "Realitetsbehandlede sager, … på landsplan" over "Lov om social
    service" over a table, the two headings set as far apart as the second from the table:
    both are the title, so the table is the whole country's, not the municipality's that
    the minutes are of."""
    (table, *_) = variant_tables("27395", 127, tmp_path)
    assert table.title is not None and table.title.startswith("Realitetsbehandlede sager")
    assert table.title.endswith("på landsplan Lov om social service")


def test_group_headings_in_two_stub_columns_at_a_page_end_head_the_next_pages_rows(
    tmp_path: Path,
) -> None:
    """An annual report's table whose page ends with a group heading in each stub column
    ("Ændret/ophævet i pct. | Boligstøtte"), its rows on the next page: the heading row
    stands over them, not the groups of the page's last row ("Hjemvist, pct." /
    "Sygedagpengeloven")."""
    (table, *_) = variant_tables("912846", 39, tmp_path)
    rows = body(table)
    k = rows.index(("Ændret/ophævet i pct. Boligstøtte", ""))
    assert rows[k + 1] == ("Indskudslån - § 54-71", "7")


def test_a_header_in_a_shaded_band_over_rows_without_rules_heads_them(tmp_path: Path) -> None:
    """A notat's table whose six header lines stand in a shaded band (a drawn box holding
    years and "Antal1)" but no count), its rows set under it without rules: one table, the
    band its header, not a table of the band alone and rows with no header."""
    tables = variant_tables("771420", 53, tmp_path)
    (table,) = [t for t in tables if t.table_id == "2"]
    assert labels(table)[:2] == ["Stadfæstet 2024 / Antal1)", "Stadfæstet 2024 / Proc ent *"]
    assert body(table)[0][:3] == ("Sager i alt", "11.898", "69 %")


def test_a_bold_group_heading_wrapped_over_two_lines_keeps_the_header_above_it(
    tmp_path: Path,
) -> None:
    """A table starting at a page's foot: "Bestemmelse | 2024", "Landstotal | Stadfæstede",
    then a law's name in bold wrapped over two lines over its first rows: the header is
    the table's (its rows keyed to 2024), not a title of a table without one."""
    tables = variant_tables("771420", 236, tmp_path)
    (table,) = [t for t in tables if t.pages[0] == 2 and 3 in t.pages]
    assert labels(table) == ["2024"]
    assert body(table)[0] == ("Landstotal Stadfæstede", "")


def test_headers_of_narrow_columns_run_together_are_one_per_column(tmp_path: Path) -> None:
    """A notat's table in a monospaced font whose headers over three narrow columns stand a
    word space apart ("Stadfæstelse Ændr./oph.² Hjemvist"), read as one text: cut into
    one header per column, not one over the first and two columns without a header."""
    tables = variant_tables("771420", 225, tmp_path)
    assert labels(tables[1]) == [
        "Realitetsbeh. sager alt", "Stadfæstelse", "Ændr./oph.²", "Hjemvist", "Afviste sager",
    ]  # fmt: skip


def test_a_header_set_down_between_two_groups_heads_its_own_column_only(
    tmp_path: Path,
) -> None:
    """Minutes' table whose "ændret, pct." stands half-way down the header between
    "stadfæstelse" (over "antal | andel i pct.") and "hjemvist" (over "antal | %"): it heads
    its own column, not a group over all four (read as conflicting measures)."""
    tables = variant_tables("771420", 123, tmp_path)
    (table,) = [t for t in tables if t.caption and t.caption.startswith("Tabel 2.")]
    assert labels(table)[:4] == [
        "stadfæstelse / antal", "stadfæstelse / andel i pct.", "ændret, pct.", "hjemvist antal",
    ]  # fmt: skip


def test_a_header_set_half_a_line_lower_gives_up_its_neighbours_column(
    tmp_path: Path,
) -> None:
    """Minutes' table whose last header "Omgørelsesprocent" stands half a line lower than
    "Realitetsbehandlede" beside it, reaching into its column: each heads its own column,
    not both the second (read as two omgørelsesprocent values per row)."""
    (_, table) = variant_tables("668301", 55, tmp_path)
    assert labels(table)[4:] == [
        "Landsplan / Realitetsbehandlede sager",
        "Landsplan / Omgørelsesprocent",
    ]


def test_years_heading_rows_in_an_inner_label_column_keep_it_a_stub_column(
    tmp_path: Path,
) -> None:
    """Minutes' table "MYNDIGHED | LOVOMRÅDE | ANTAL | PCT." whose law column holds a year
    alone over each year's rows ("2022"): a column of labels (the stub's inner column),
    not a value column whose law names were read as values."""
    tables = variant_tables("668301", 117, tmp_path)
    assert labels(tables[2]) == ["ANTAL (1)", "PCT."]
    assert body(tables[2])[2] == ("Lov om aktiv beskæftigelsesindsats", "1.278", "6")


def test_a_year_over_half_years_heads_the_columns_of_both(tmp_path: Path) -> None:
    """A notat's table "Landstotal" / "2023 | 2024" / "H1 | H2 | H1" / "Antal | Andel" × 3,
    the years centred over their half-years' sub-headers (not over the values, set wider):
    2023 heads four columns, 2024 two."""
    (table,) = variant_tables("668301", 116, tmp_path)
    assert labels(table)[2:5] == [
        "Landstotal / 2023 / H2 / Antal", "Landstotal / 2023 / H2 / Andel",
        "Landstotal / 2024 H1 / Antal",
    ]  # fmt: skip


def test_a_group_straddled_by_one_under_it_is_dropped() -> None:
    """Groups over columns 1-3 and 4-6 above groups over 1-2, 3-4 and 5-6: the upper ones
    were misjudged (3-4 lies across them), so they head no group (their values then lack
    the year, which is reported) rather than give column 4 the wrong one."""
    groups: list[list[tuple[int, int] | None]] = [[(1, 3), (4, 6)], [(1, 2), (3, 4), (5, 6)]]
    assert nested(groups) == [[None, None], [(1, 2), (3, 4), (5, 6)]]


def test_a_blank_band_between_rows_and_a_header_parts_two_ruled_tables(tmp_path: Path) -> None:
    """Two tables ruled under every row, the second right under the first: the first's
    bottom rule and the second's top rule a blank band apart, the second's header under
    it. Two tables (the second's caption under it), not the second's header and rows read
    as rows of the first under its columns."""
    tables = variant_tables("980352", 131, tmp_path)
    first, second = [t for t in tables if t.pages == (3,)]
    assert body(first)[-1][0] == "Andre Love"
    assert labels(second) == [
        "gennemsnitlig sagsbehandlingstid i uger", "gennemsnitlig liggetid i uger",
        "antal realitetsbehandlede sager",
    ]  # fmt: skip


def test_a_group_header_alone_on_its_line_heads_only_the_columns_under_it(
    tmp_path: Path,
) -> None:
    """A notat's table whose "hjemvist" stands alone on the header's first line over
    "antal sager | %", with "stadfæstelse" and "ændring/ophævelse" set a line lower on
    either side (nothing of them on the sub-headers' line): "hjemvist" heads its two
    columns, not all four (read as conflicting measures)."""
    (table, *_) = variant_tables("487390", 117, tmp_path)
    assert labels(table) == [
        "stadfæstelse", "hjemvist / antal sager", "hjemvist / %", "ændring/ophævelse",
    ]  # fmt: skip


def test_a_year_over_a_whole_header_with_wrapped_headers_heads_every_column(
    tmp_path: Path,
) -> None:
    """An annual report's "2024" centred over a header whose last two columns' headers are
    wrapped round the line of the others ("Andel" / "hjemviste" beside "Realitetsbehandlet"):
    the year heads all seven columns, not the four whose text stands on that line."""
    tables = variant_tables("693307", 124, tmp_path)
    (table,) = [t for t in tables if t.table_id == "2.2"]
    assert all(label.startswith("2024 / ") for label in labels(table))
    assert len(labels(table)) == 7


def test_headers_a_wide_space_apart_each_over_its_own_group_are_not_one_phrase(
    tmp_path: Path,
) -> None:
    """A ruled table's first header line "Stadfæstet * | Ændret/ophævet | Hjemvisninger |
    Realitetsbehandlede" set a wide word space apart: the first three head their pairs of
    columns, so the last is no part of one phrase over them all (it heads its own column)."""
    (table,) = variant_tables("693307", 15, tmp_path)
    assert labels(table)[4:7] == [
        "Hjemvisninger / Antal", "Hjemvisninger / Pct.", "Realitetsbehandlede sager i alt",
    ]  # fmt: skip


def test_group_headings_in_two_stub_columns_at_a_page_top_head_its_rows(tmp_path: Path) -> None:
    """A bilag's striped table going on at the top of the next page with "Ændring/Ophævelse
    | Andre Love" (a heading in each stub column) over its rows: they are the rows of that
    outcome, not of the page before's last ("Hjemvisning")."""
    (*_, table) = variant_tables("421596", 95, tmp_path)
    rows = body(table)
    k = rows.index(("Ændring/Ophævelse Andre Love", ""))
    assert rows[k + 3] == ("Diverse - dagtilbudsloven", "12")


def test_a_bold_group_heading_under_a_one_column_header_is_the_first_group_row(
    tmp_path: Path,
) -> None:
    """Minutes' table "SAGSEMNE | 2021" over "Antal realitetsbehandlede sager" (bold, at
    the labels' edge, running a little into the value column), then its rows and
    "Stadfæstede sager" (the same style) further down: the first line is a group row like
    the later one, not header text, so the next page's "Tabel 2 (fortsat)" under "SAGSEMNE |
    2021" goes on from it, its rows under "Stadfæstede sager"."""
    tables = variant_tables("119884", 71, tmp_path)
    (table,) = [t for t in tables if t.table_id == "2"]
    assert labels(table) == ["2021"]
    assert table.pages == (1, 2)
    assert body(table)[0] == ("Antal realitetsbehandlede sager", "")


def test_a_header_running_past_the_rules_end_is_read_whole(tmp_path: Path) -> None:
    """An annual report's ruled table whose value column's header "ÆNDRET, PCT." runs a
    little past the end of its rules: the header is read whole, not "ÆNDRET," (a count) with
    the word that makes it a share cut off."""
    tables = variant_tables("547063", 3, tmp_path)
    (table,) = [t for t in tables if t.table_id == "2.1"]
    assert labels(table) == ["ÆNDRET, PCT."]


def test_a_header_over_its_own_next_line_is_not_cut_at_the_sub_headers(
    tmp_path: Path,
) -> None:
    """An annual report's header "HJEMVIST JAN.-JUN." over "2025" (centred under it, across
    the space between the two words), over "ANTAL SAGER | PROC- ENT": one group header over
    both columns, not "HJEMVIST" over the first (read as the whole year's) and "JAN.-JUN."
    over the second."""
    (table,) = variant_tables("267143", 53, tmp_path)
    assert labels(table)[1:3] == [
        "HJEMVIST JAN.-JUN. 2025 / ANTAL SAGER", "HJEMVIST JAN.-JUN. 2025 / PROC- ENT",
    ]  # fmt: skip
