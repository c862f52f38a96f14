"""Detection on variant documents where two tables meet, a heading stacks over a table, or
a group heading ends a page (fixed seeds; the documents are deterministic per seed and
index)."""

from __future__ import annotations

from pathlib import Path

from pdf_factory import body, labels, variant_tables


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
    over both (which read the counts under "Antal" as shares)."""
    (table, *_) = variant_tables("640187", 160, tmp_path)
    assert labels(table)[3:5] == ["Ændret/Ophævet 2024 Antal", "Procent"]


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
