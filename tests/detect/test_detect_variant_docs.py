"""Detection on documents the variant generator draws, where a synthetic page could not
show the layout's whole interplay (fixed seeds; the documents are deterministic per seed
and index)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import body, labels, variant_tables

from extract.detect.regions import read_page
from extract.readers import ReadOptions
from extract.readers.pdf.reader import read_pdf
from samples.variants.generate import FORMATS, families, generate_one
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow  # each test draws a multi-page variant document and reads it


def test_a_number_glued_to_a_word_stays_one_cell(tmp_path: Path) -> None:
    """Council minutes whose table prints the source's glitched cell "9301 sager101" (a
    number glued to a word) under a header centred left of values set flush right, rules
    between the rows: the cell stays whole in its column (read as illegible later), not a
    column of its own beside a value "9301"."""
    (table, *_) = variant_tables("227517", 89, tmp_path)
    assert labels(table)[:3] == ["Antal realitetsbehandlede sager", "Stadf.-pct.", "Omgørelses-%"]
    assert ("Lov om social service", "9301 sager101", "59,%", "40,9 %") in body(table)


def test_a_repeated_header_read_with_fewer_stub_columns_still_joins(tmp_path: Path) -> None:
    """An annual report's striped table over three pages, its header repeated on each
    ("År | Afgørelse | Lovområde | Hele landet"), the year and outcome columns blank down
    most of the next pages (read there as value columns): the pages join into one table
    under "Hele landet"."""
    tables = variant_tables("77429", 64, tmp_path)
    (table,) = [t for t in tables if t.table_id == "2.2"]
    assert table.pages[:3] == (1, 2, 3)
    assert labels(table) == ["Hele landet"]


def test_a_note_between_two_ruled_tables_keeps_them_apart(tmp_path: Path) -> None:
    """Minutes with a striped table, its source note ("Kilde: …"), a heading and the next
    table's caption under it, then a framed budget table: the note and the heading are in
    no row of the first table, whose last row is its own ("Fleksjob")."""
    (first, *_) = variant_tables("104485", 92, tmp_path)
    assert body(first)[-1][0] == "Fleksjob"


def test_a_repeated_header_grouped_otherwise_on_the_next_page_still_joins(
    tmp_path: Path,
) -> None:
    """An annual report's table of provisions under law rows, continued on the next page
    under its header repeated; there "hjemvist" over "antal sager | andel" is read into the
    first column's header only. The same words over the same columns: one table, the
    provision rows of the second page still under their law row."""
    tables = variant_tables("51873", 23, tmp_path)
    (table,) = [t for t in tables if t.table_id == "3.1"]
    assert table.pages == (2, 3)
    assert labels(table)[1:3] == ["hjemvist / antal sager 2024", "hjemvist / andel 2024"]
    assert ("Sanktioner § 40a", "15", "0", "0", "6", "29", "21", "29") in body(table)


def test_a_header_wrapped_over_three_lines_heads_no_group_of_its_own_lines(
    tmp_path: Path,
) -> None:
    """Minutes with a striped table, "måned" over the months and a blank header over the
    benefits beside "antal" / "borg-" / "ere" set over the count column: the wrapped header
    is the count column's alone, not a group over the benefit column too, and the header is
    read as the header."""
    (table, *_) = variant_tables("51873", 260, tmp_path)
    assert table.stub_header == "måned"
    assert len(table.column_headers) == 1
    assert body(table)[:2] == [("2022-08", ""), ("A-dagpenge", "42")]


def test_year_group_rows_in_an_inner_stub_column_leave_the_values_their_column(
    tmp_path: Path,
) -> None:
    """A striped table "Område | Ydelse | Personer", the municipality only on the first row,
    the years as group rows in the benefit column: the count column is found (the years
    beside the municipality are no values setting where the value columns start)."""
    (table, *_) = variant_tables("51873", 31, tmp_path)
    assert labels(table) == ["Personer"]
    assert ("A-dagpenge", "47") in body(table)


def test_a_heading_and_a_title_between_two_ruled_tables_keep_them_apart(tmp_path: Path) -> None:
    """Minutes with a table ruled between its rows, then a heading ("Økonomi") and a title
    ("Budgetopfølgning 2022 (mio. kr.)") over a budget table with rules over and under its
    header, its rules stacked close under the first one's: two tables, the budget rows in
    no row of the first."""
    (first, second, *_) = variant_tables("51873", 117, tmp_path)
    assert body(first)[-1][0].startswith("Voksne - personlig hjælp")
    assert len(first.column_headers) == 3
    assert body(second)[0] == ("Familieafdelingen", "76,0", "81,3", "5,3")


def test_a_tall_header_over_a_first_row_wrapped_over_its_values_is_taken_whole(
    tmp_path: Path,
) -> None:
    """An annual report's table continued on the next page under its repeated header,
    centred in its cells over eleven lines ("Hjemviste" highest, over "sager" over "Antal |
    Procent"), the first row's label wrapped above its values: the header is taken whole,
    so the pages join into one table and "Hjemviste sager" heads its two columns."""
    (table, *_) = variant_tables("747267", 44, tmp_path)
    assert table.pages == (3, 4)
    assert labels(table)[1:3] == [
        "Hjemviste sager / Antal 1. halvår 2025",
        "Hjemviste sager / Procent 1. halvår 2025",
    ]


def test_striped_rows_wrapped_round_their_values_join_a_table_across_pages(
    tmp_path: Path,
) -> None:
    """A memo's striped table over eleven pages, header repeated; rows wrapped round their
    values ("Tilbagebetaling af løbende månedlig hjælp til" / "1" / "forsørgelse - § 96")
    stand unshaded between the header's band and the next stripe, and last on a page under
    the last stripe: they are rows of the table, which is one over all its pages."""
    tables = variant_tables("747267", 276, tmp_path)
    (table,) = [t for t in tables if t.stub_header == "BESTEMMELSE"]
    assert table.pages == tuple(range(1, 13))
    assert ("Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 95", "6") in body(table)
    assert ("Tilbagebetaling af løbende månedlig hjælp til forsørgelse - § 93", "30 %") in body(
        table
    )


def test_a_group_label_with_a_year_running_into_the_value_columns_stays_whole(
    tmp_path: Path,
) -> None:
    """A letter's table with a narrow stub column, group rows "1. halvår 2023" running on
    past it into the first value column: the whole phrase is the row's label; its year is
    no value."""
    (table, *_) = variant_tables("747267", 66, tmp_path)
    assert body(table)[:3] == [
        ("1. halvår 2023", "", "", ""),
        ("Landsplan", "", "", ""),
        ("SEL", "9.301", ".", "40,9%"),
    ]


def test_a_header_beside_text_centred_down_two_rows_keeps_its_groups(tmp_path: Path) -> None:
    """A letter's table "ÅR | LOVOMRÅDE | STADFÆSTELSE … | REALITETSBEHANDLEDE SAGER", its
    group headers over "ANTAL | ANDEL I PCT.", the stub headers and the last headers
    centred down both header rows (so on a text line just touching the group headers'):
    each group heads its two columns, none the column of law areas."""
    tables = variant_tables("23356", 40, tmp_path)
    (table,) = [t for t in tables if t.stub_header == "ÅR"]
    assert labels(table)[:5] == [
        "LOVOMRÅDE",
        "STADFÆSTELSE / ANTAL",
        "STADFÆSTELSE / ANDEL I PCT.",
        "ÆNDRET/OPHÆVET / ANTAL",
        "ÆNDRET/OPHÆVET / PCT.",
    ]


def test_a_row_label_in_an_inner_stub_column_past_its_header_stays_whole(
    tmp_path: Path,
) -> None:
    """Minutes with a table continued on a second page, "Myndighed" blank down its column,
    the first row's label wrapped round its values and longer than the inner stub header
    over it: the label is the row's, whole, not cut at the stub header's end."""
    tables = variant_tables("23356", 14, tmp_path)
    (table,) = [t for t in tables if 2 in t.pages]
    assert (
        "Pasningstilbud, hjemmetræning m.m. §§32, 32a, 36, 39-40 + tilbagebet.",
        "0",
        "0",
        "0",
        "0",
        "1",
    ) in body(table)


def test_a_year_header_over_indented_rows_stays_header_on_every_page(tmp_path: Path) -> None:
    """A memo's table over seventeen pages, "Udfald | Bestemmelse | 2024 (1)" on a shaded
    band repeated on each, the rows in the inner stub column, an outer label further down
    one page: the year stays header there too, and the table is one."""
    tables = variant_tables("23356", 79, tmp_path)
    (table,) = [t for t in tables if 8 in t.pages]
    assert table.pages[0] == 1 and table.pages[-1] >= 8


def test_a_heading_over_a_table_set_larger_than_its_header_is_no_header(tmp_path: Path) -> None:
    """Minutes with a narrow table under a paragraph and the heading "Sagsfremstilling" (set
    larger than the table's header, as large as its rows): neither is header text."""
    (table, *_) = variant_tables("23356", 173, tmp_path)
    assert labels(table)[0] == "Stadfæstelses-% / Solrød"


def test_a_header_centred_over_values_set_far_right_heads_a_group_row(tmp_path: Path) -> None:
    """A reply with a table "kommune | lov | 2025 k4", the period centred in a wide column
    whose values stand flush right, over a group row ("Landsplan | Antal stadfæstede"):
    the header and the group row belong to the table."""
    (table, *_) = variant_tables("23356", 99, tmp_path)
    assert table.stub_header == "kommune lov"
    assert labels(table) == ["2025 k4"]
    assert body(table)[0][0] == "Landsplan Antal stadfæstede"


def test_years_over_the_word_for_share_are_a_header(tmp_path: Path) -> None:
    """An annual report's table "Lov | 2022 / Procent | 2023 / Procent *": the years over
    "Procent" are its header, not shares of 2022 per cent."""
    tables = variant_tables("23356", 283, tmp_path)
    (table,) = [t for t in tables if t.table_id == "4.3"]
    assert labels(table) == ["2022 Procent", "2023 Procent *", "2024 Procent"]


def test_a_first_row_wrapped_round_its_value_beside_its_year_is_a_row(tmp_path: Path) -> None:
    """An annual report's table "ÅR | OMRÅDE | OMGØRELSESPCT.", rules round its header only,
    each year's first row wrapped round its value beside the year ("2022 |
    Beskæftigelsesindsats" / "25" / "(LAB)"): the rows are one table, the first row whole."""
    tables = variant_tables("747267", 185, tmp_path)
    (table,) = [t for t in tables if t.pages[0] == 3]
    assert table.pages == (3, 4)
    assert ("Beskæftigelsesindsats (LAB)", "25") in body(table)


def test_rows_indented_under_a_stub_header_with_counts_and_their_word_keep_their_lines(
    tmp_path: Path,
) -> None:
    """Minutes with a narrow table continued on a page, its rows indented under the stub
    header "Hele landet", each value a count with its word ("1 sager"), labels wrapped over
    two or three lines: each row's label is whole."""
    tables = variant_tables("103472", 34, tmp_path)
    (table,) = [t for t in tables if 2 in t.pages]
    assert (
        "Magtanvendelse, voksne - øvrige - §§ 124, 125, 128-128f og §§ 136a-137j",
        "1 sager",
    ) in body(table)


def test_a_group_row_with_its_year_in_the_inner_stub_column_heads_the_rows(
    tmp_path: Path,
) -> None:
    """A reply whose table starts low on its page: "Kommune | Lovområde | Procent", the
    share header centred in a wide column, then "Hele landet | 2022" over rows starting
    where the year starts: the year is no value, and header, group row and rows are one
    table."""
    (table, *_) = variant_tables("103472", 145, tmp_path)
    assert labels(table) == ["Procent"]
    assert body(table)[:2] == [
        ("Hele landet 2022", ""),
        ("Lov om en aktiv beskæftigelsesindsats", "6"),
    ]


def test_a_page_starting_with_a_year_group_row_goes_on_under_it(tmp_path: Path) -> None:
    """An annual report's striped table of law rows, year group rows ("Barnets lov | 2023")
    and quarter rows; the next page starts with the year alone ("2024") on an unshaded band
    over the first stripe ("K1 | 3908 | 20 %"): the year is a row of the table, not a line
    of its caption nor its header, and the pages are one table."""
    tables = variant_tables("243055", 185, tmp_path)
    (table,) = [t for t in tables if t.table_id == "2.2"]
    assert table.pages == (3, 4)
    rows = body(table)
    at = rows.index(("K1", "3908", "20 %"))  # (years and quarters: the stub's inner column)
    assert rows[at - 1] == ("2024", "", "")


def test_outer_stub_columns_filled_once_are_stub_columns(tmp_path: Path) -> None:
    """Minutes with a table over seven pages: a blank-headed entity column and "udfald",
    each filled on the first row only ("Ishøj Kommune | Realitetsbehandlede"), beside the
    provisions: all three are stub columns, so the pages after (blank in both) join it."""
    tables = variant_tables("243055", 181, tmp_path)
    (table,) = [t for t in tables if t.table_id == "1"]
    assert table.pages == (1, 2, 3, 4, 5, 6, 7)
    assert table.stub_header == "udfald / bestemmelse"
    assert labels(table) == ["2021"]


def test_a_shaded_box_of_text_over_a_table_is_no_part_of_its_header(tmp_path: Path) -> None:
    """An annual report's page with a shaded box of running text ("Infoboks: …") set close
    over a booktabs table: the box's text is no header text of the table."""
    (table, *_) = variant_tables("409243", 147, tmp_path)
    assert labels(table)[:2] == ["Stadfæstet 2025 K1 / Antal", "Stadfæstet 2025 K1 / Andel i pct."]


def test_a_wrapped_label_line_longer_than_every_data_line_label_stays_in_the_stub(
    tmp_path: Path,
) -> None:
    """Minutes with a table "Område | Lovområde | …", its law label wrapped ("Lov om social"
    / "service | 66 | …"), the first line the longer: no column edge cuts it, the last word
    is no part of the first value ("social 66")."""
    (table, *_) = variant_tables("409243", 89, tmp_path)
    assert body(table)[0][:3] == ("Roskilde", "Lov om social service", "66")


def test_an_outer_group_label_after_rows_wrapped_round_their_values_goes_on_the_table(
    tmp_path: Path,
) -> None:
    """A reply's unruled table over nine pages, measures as groups in an outer stub column
    ("Stadfæstede sager | I alt | 31"), the row above a label wrapped round its value: the
    next group's row goes on the same table, so the table is one over all its pages."""
    (table, *_) = variant_tables("399403", 254, tmp_path)
    assert table.pages == tuple(range(1, 10))
    rows = body(table)
    at = rows.index(("Stadfæstede sager", ""))
    assert rows[at - 1 : at + 2] == [
        ("Voksne - ulovligt skolefravær, standsning af børne- og ungeydelse - § 155c", "3"),
        ("Stadfæstede sager", ""),
        ("I alt", "31"),
    ]


def test_a_caption_under_the_table_naming_its_law_by_an_acronym_is_its_caption(
    tmp_path: Path,
) -> None:
    """Minutes with a table whose caption stands under it, before its source: "Afgørelser
    efter instans og sagsemne vedr. SEL" (an abbreviation before an acronym, no sentence
    break) is its caption, so the law it names is the table's."""
    (table, *_) = variant_tables("510414", 20, tmp_path)
    assert table.caption == "Afgørelser efter instans og sagsemne vedr. SEL"


def test_a_caption_under_the_table_ends_at_a_footnote_numbered_without_brackets(
    tmp_path: Path,
) -> None:
    """Minutes with a table whose caption stands under it ("Ankestyrelsens talportal efter
    lov om social service"), a footnote after it ("1) Tallene kan ændre sig …"): the caption
    is the first line alone, not prose run into the footnote."""
    (table, *_) = variant_tables("281220", 133, tmp_path)
    assert table.caption == "Ankestyrelsens talportal efter lov om social service"


def test_dashes_and_numbers_of_wrapped_labels_set_with_wide_word_spaces_stay_label_text(
    tmp_path: Path,
) -> None:
    """Minutes whose table continues at the foot of a page in a face with wide word spaces:
    labels wrapped under their first line ("Hjælpemidler" / "- 112", "Husvilde - §" /
    "80"): the dashes and paragraph numbers are label text, no nil value or number of a
    column of their own."""
    (table, *_) = variant_tables("677437", 252, tmp_path)
    assert body(table) == [
        ("Hjælpemidler - 112", "7", "6", "0", "1", "1"),
        ("Husvilde - § 80", "0", "0", "0", "0", "0"),
    ]


def test_an_outer_entity_label_beside_a_first_row_wrapped_over_its_values_is_a_column(
    tmp_path: Path,
) -> None:
    """Minutes with a table "Lovområde | Stadfæstede | …", "Landstotal" in an outer stub
    column on the first row only, beside "Beskæftigelsesindsats" / "(LAB) | 686 | …": the
    outer label is a stub column of its own (blank = as above), not part of one label."""
    tables = variant_tables("228237", 160, tmp_path)
    (table,) = [t for t in tables if t.table_id == "3"]
    assert [row[:2] for row in body(table)[:2]] == [
        ("Landstotal", ""),
        ("Beskæftigelsesindsats (LAB)", "686"),
    ]


def test_a_last_page_of_one_year_row_under_its_repeated_header_is_the_table_s(
    tmp_path: Path,
) -> None:
    """A memo's table of years going on to a second page, its header repeated on a shaded
    band, one row ("2024 | 26,3 | 21,4 | 17 305", the values flush right under headers
    centred in wide cells), the caption under it naming the whole country: the row is a
    table, joined to the first page's, so the caption is the whole table's."""
    tables = variant_tables("830076", 203, tmp_path)
    (table,) = [t for t in tables if 2 in t.pages]
    assert table.pages == (1, 2)
    assert table.caption is not None and "hele landet" in table.caption


def test_an_outer_entity_label_over_a_law_row_and_indented_provisions_is_a_column(
    tmp_path: Path,
) -> None:
    """An annual report's table starting at a page's foot with two rows: "Hele landet i alt
    | Almenboligloven | 138 …" and a provision indented under the law: the entity stands in
    an outer stub column of its own (as above for the rows after), not in the law's label."""
    tables = variant_tables("604098", 280, tmp_path)
    (table,) = [t for t in tables if t.caption and t.caption.startswith("Tabel 4.2")]
    assert [row[:2] for row in body(table)[:3]] == [
        ("Hele landet i alt", ""),
        ("Almenboligloven", "138"),
        ("Almene boliger - § 54-61", "133"),
    ]


def test_a_repeated_header_without_its_footnote_mark_still_joins(tmp_path: Path) -> None:
    """A reply's table over twelve pages, "Udfald | Bestemmelse | 1. kvartal 2016 ²" repeated
    on each, a page without an outer label reading the mark apart from its period: the pages
    are one table, so the caption under its last page is the whole table's."""
    (table, *_) = variant_tables("755764", 256, tmp_path)
    assert table.pages == tuple(range(1, 13))


def test_a_year_with_a_comma_before_its_label_is_label_text(tmp_path: Path) -> None:
    """A memo's striped table whose row labels begin with their year and a comma ("2021,"
    / "Omgørelsesprocent", wrapped under the last stripe): the year is label text, not a
    value, so the last row keeps its whole label and the caption under the table ("…
    (Serviceloven) 2019-2021") is its caption."""
    (table, *_) = variant_tables("138885", 242, tmp_path)
    assert body(table)[8][0] == "2021, Omgørelsesprocent"
    assert table.caption is not None and "(Serviceloven)" in table.caption


def test_a_page_under_a_continued_marker_joins_its_table_and_gives_it_its_caption(
    tmp_path: Path,
) -> None:
    """A letter's table over six pages, the last under "Tabel (fortsat)" with its header
    repeated, the caption printed under it: the pages are one table, captioned by that
    line (no marker kept: nothing is left to go on from)."""
    tables = variant_tables("497453", 71, tmp_path)
    (table,) = [t for t in tables if 6 in t.pages]
    assert table.pages == (1, 2, 3, 4, 5, 6)
    assert table.caption == "Tabel: Realitetsbehandlede sager fordelt på lovområde og bestemmelse"


def test_rows_wrapped_round_their_values_at_a_page_end_keep_label_and_value_together(
    tmp_path: Path,
) -> None:
    """A memo whose table's header and first rows stand at a page's foot, each label
    wrapped round its value ("Stadfæstelser –" / "15" / "aktivlov"), the table going on
    on the next page: the value is the row's whose label wraps round it, not a row of no
    label."""
    tables = variant_tables("381507", 273, tmp_path)
    (table,) = [t for t in tables if t.pages == (2, 3)]
    assert body(table)[:2] == [("Stadfæstelser –", ""), ("aktivlov", "15")]


def test_a_paragraph_s_last_line_over_a_table_is_no_header_line(tmp_path: Path) -> None:
    """A memo whose paragraph ends right over a table ("…påklaget 2 sager på" /
    "beskæftigelsesområdet i 2020."), its last line reaching over the value columns: the
    line is the paragraph's, not header text of the first column."""
    (table, *_) = variant_tables("943200", 79, tmp_path)
    assert table.title is not None and table.title.endswith("beskæftigelsesområdet i 2020.")
    assert not any("beskæftigelsesområdet" in label for label in labels(table))


def test_a_row_in_the_bottom_margin_under_a_table_is_reported_when_left_out(
    tmp_path: Path,
) -> None:
    """An annual report whose table runs into the page's bottom margin, its last row there
    ("Anmeldelse - §§ 35-39 og 41 og 43 | 205") left out of the table: the row is a loose
    line the report names, not a running footer passed over."""
    doc = generate_one("705743", 122, tmp_path, FORMATS, families())
    page = read_pdf(doc, "x", ReadOptions()).pages[0]
    loose = [line.text for line in read_page(page).loose]
    assert "Anmeldelse - §§ 35-39 og 41 og 43 205" in loose


def test_a_running_footer_with_an_address_under_a_table_is_no_loose_row() -> None:
    """The Ishøj minutes' running footer ("https://ishoj.dk/… 1/5") under a table in the
    bottom margin: an address and a page number, not a row the table left out."""
    sample = SAMPLES / "referat-ishoej-byraad-2022-10-31.pdf"
    for page in read_pdf(sample, "x", ReadOptions()).pages:
        assert not [line.text for line in read_page(page).loose if "ishoej" in line.text]


def test_a_total_row_alone_in_the_next_page_top_margin_is_loose_not_a_running_header(
    tmp_path: Path,
) -> None:
    """An annual report's table whose last row ("I alt | 30%") falls alone at the top of the
    next page, in the margin where running headers stand, a running header over it: a share
    is no page number, so the line is a loose line (named in the report), not dropped."""
    doc = generate_one("926418", 299, tmp_path, FORMATS, families())
    (page,) = [p for p in read_pdf(doc, "x", ReadOptions()).pages if p.number == 2]
    assert [line.text for line in read_page(page).loose] == ["I alt 30%"]


def test_a_total_row_of_three_two_digit_shares_at_a_page_top_is_no_phone_number(
    tmp_path: Path,
) -> None:
    """An annual report's table whose last row ("I alt | 30 | 30 | 31") falls alone at the
    top of the next page, its three two-digit values a column apart: three pairs of digits
    are no Danish phone number (eight digits), so the line is loose (named in the report)."""
    doc = generate_one("146279", 45, tmp_path, FORMATS, families())
    (page,) = [p for p in read_pdf(doc, "x", ReadOptions()).pages if p.number == 3]
    assert [line.text for line in read_page(page).loose] == ["I alt 30 30 31"]


def test_a_letterhead_phone_number_with_its_first_pair_in_the_label_is_no_loose_line(
    tmp_path: Path,
) -> None:
    """Minutes' letterhead "Tlf. 34 | 54 | 31 | 51": four pairs of digits, the first in the
    label's chunk, are a phone number, no data line of a table left unread."""
    doc = generate_one("907152", 113, tmp_path, FORMATS, families())
    (page,) = [p for p in read_pdf(doc, "x", ReadOptions()).pages if p.number == 1]
    assert [line.text for line in read_page(page).loose] == []
