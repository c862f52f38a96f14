"""Where tables start and end, and which caption is theirs, on documents the variant
generator draws (fixed seeds; the documents are deterministic per seed and index)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import variant_tables

pytestmark = pytest.mark.slow  # each test draws a multi-page variant document and reads it


def test_a_caption_pushed_to_the_next_page_over_a_note_and_prose_is_the_tables_caption(
    tmp_path: Path,
) -> None:
    """A memo whose table of provisions runs over two pages, its caption printed under it
    at the top of the third page, then its footnote, a paragraph, and a small table of
    rates with a caption of its own: the caption is the two-page table's, though rows of
    values follow a few lines down (they come after the prose: another table's)."""
    (table, *_) = variant_tables("860492", 13, tmp_path)
    assert table.pages == (1, 2)
    assert table.caption == (
        "Tabel: Realitetsbehandlede sager fordelt på lovområde og bestemmelse (hele landet) "
        "i året 2024"
    )


def test_a_source_line_between_two_striped_tables_ends_the_first(tmp_path: Path) -> None:
    """A memo with two zebra-striped tables stacked close, the first's source ("Kilde:
    Ankestyrelsen") and the second's title between their stripes: two tables, the
    second's first rows its own, no row label swallowing the source and title."""
    (first, second, *_) = variant_tables("285155", 146, tmp_path)
    assert first.rows[-1].label == "Omgørelsespct."
    assert second.title == "Antal personer fordelt på ydelse og kvartal for Fredensborg"
    assert [row.label for row in second.rows[:2]] == ["4. kvt. 2019", "A-dagpenge"]


def test_two_tables_with_rules_over_their_headers_only_and_blank_space_between_stay_apart(
    tmp_path: Path,
) -> None:
    """Minutes whose page ends one table's rows (a rule over its header only) and, half a
    page lower, starts the next under its title ("Landsplan", a rule over and under its
    header), going on over the next page to its caption there: two tables, the second
    with its title and its pages, its caption from the next page."""
    tables = variant_tables("352881", 145, tmp_path)
    (table,) = [t for t in tables if t.pages == (3, 4)]
    assert table.title == "Landsplan"
    assert table.caption == "Tabel 2. Afgjorte sager efter lovområde"
    assert [row.label for row in table.rows[:2]] == ["LAB", "Antal"]


def test_a_page_whose_period_column_was_one_with_the_labels_before_still_joins(
    tmp_path: Path,
) -> None:
    """An annual report's table with three stub columns (outcome or share, year, law area),
    the year printed once per group: on one page the year and the law areas read as one
    column, on the next as two (a year on two rows), its outcome column blank all down:
    the next page still goes on the table, its year and law area rows under it."""
    (table, *_) = variant_tables("936537", 298, tmp_path)
    assert table.pages == (2, 3, 4)
    rows = [(row.label, [c.text if c else None for c in row.cells]) for row in table.rows]
    on_four = [r for r, row in zip(rows, table.rows, strict=True) if row.page == 4]
    assert on_four[:4] == [
        ("Boligstøtte", ["0"]),
        ("Andre love i øvrigt", ["2"]),
        ("2023", [None]),
        ("Alle lovområder", ["100"]),
    ]


def test_a_law_group_label_after_an_outer_stub_label_running_into_the_values_stays_whole(
    tmp_path: Path,
) -> None:
    """An annual report's long table with an outcome in an outer stub column on every row
    ("Hjemvisninger") and a law's group row whose name runs on over the value column
    ("Lov om højeste, mellemste førtidspension m.fl."): the name is the row's label whole,
    no value "m.fl." beside a name cut short (the provisions under it would be read under
    the law group before)."""
    tables = variant_tables("255335", 23, tmp_path)
    (table,) = [t for t in tables if 5 in t.pages]
    rows = [row for row in table.rows if row.page == 5 and "højeste" in row.label]
    assert rows
    assert all(row.label.endswith("førtidspension m.fl.") for row in rows)
    assert all(not any(c and c.text.strip() for c in row.cells) for row in rows)


def test_a_paragraph_between_a_caption_and_the_next_table_is_no_part_of_the_caption(
    tmp_path: Path,
) -> None:
    """An annual report's page: the last row of table 2.1, its caption under it in 8 pt
    ("TABEL 2.1 Afgjorte sager efter lovområde – procent"), a paragraph in 10 pt ending "…
    ved udgangen af 2024.", then the next table: the paragraph is in no caption (its year
    would be taken for the table's period)."""
    tables = variant_tables("436396", 189, tmp_path)
    captions = [t.caption or "" for t in tables]
    assert any(c.startswith("TABEL 2.1 Afgjorte sager efter lovområde") for c in captions)
    assert not any("Liggetiden" in c for c in captions)


def test_a_bold_law_heading_over_the_one_row_of_a_ruled_band_is_a_row_of_its_own(
    tmp_path: Path,
) -> None:
    """A memo's table ruled round its header only, one law heading in bold ("Boligstøtte")
    over its one provision row in regular type: the heading is a row of its own, not the
    first line of the provision's label wrapped."""
    (table,) = variant_tables("318845", 62, tmp_path)
    assert [row.label for row in table.rows] == ["Boligstøtte", "Indskudslån - § 54-71"]


def test_a_row_over_the_first_stripe_its_value_amid_its_wrapped_label_is_the_tables(
    tmp_path: Path,
) -> None:
    """An annual report's striped table going on over a page: the page starts with an
    unshaded row, indented under its law, its label wrapped over two lines and its value
    set between them, over the first stripe: the row is the table's, label and value."""
    tables = variant_tables("318845", 237, tmp_path)
    rows = [row for table in tables for row in table.rows if row.page == 6]
    first = "Tilbagebetaling af løbende månedlig hjælp til forsørgelse - §§ 90 - 97, 69i"
    (row,) = [row for row in rows if row.label == first]
    assert [cell.text for cell in row.cells if cell is not None] == ["2"]


def test_a_long_law_heading_in_bold_out_at_the_margin_goes_on_in_the_table(
    tmp_path: Path,
) -> None:
    """An annual report's table continued on a page without its header ("Tabel 3.2
    (fortsat)"), law headings in bold out at the margin over indented provisions: the
    six-word "Lov om højeste, mellemste førtidspension m.fl." is a group row like
    "Almenboligloven", not the title of a new table."""
    tables = variant_tables("462901", 224, tmp_path)
    (table,) = [t for t in tables if 4 in t.pages and t.pages[0] < 4]
    labels = [row.label for row in table.rows if row.page == 4]
    assert "Lov om højeste, mellemste førtidspension m.fl." in labels
    assert "Serviceloven (SEL)" in labels


def test_a_shaded_header_touching_a_shaded_first_row_wrapped_round_its_value_joins(
    tmp_path: Path,
) -> None:
    """Minutes' striped table going on over seven pages, its header ("Sagsemne | 2024")
    repeated in a shaded band touching the page's first row, shaded too; the unshaded row
    under them has its label wrapped round its value ("33" alone on its line): the bands
    are one table, so every page's rows go on under the outcome and law above them."""
    tables = variant_tables("462901", 58, tmp_path)
    (table,) = [t for t in tables if 2 in t.pages]
    assert table.pages == (1, 2, 3, 4, 5, 6, 7)
    labels = [row.label for row in table.rows if row.page == 2]
    assert labels[1] == "Børn - KSB - Hjemgivelse og hjemgivelsesperiode - § 100 og § 102"


def test_a_row_of_values_after_a_footnote_mark_is_no_note(tmp_path: Path) -> None:
    """An annual report's one-row table: "Sager i alt" on its own line, then its values
    after a footnote mark ("* | 12.838 | 70 % | …"), the note "* Data er trukket …" under
    it: the marked line is the table's row, not a note ending it before it began."""
    (table, *_) = variant_tables("731508", 168, tmp_path)
    assert table.caption is not None and table.caption.startswith("Tabel 3.1")
    cells = [cell.text for row in table.rows for cell in row.cells if cell is not None]
    assert cells[:3] == ["12.838", "70 %", "2.045"]


def test_the_last_row_under_the_stripes_keeps_the_quarter_under_its_values(
    tmp_path: Path,
) -> None:
    """An annual report's striped table whose rows name periods over two lines, the values
    between ("2020" / "26,3 | 17.305" / "K3"), the last one unshaded under the last stripe:
    the row keeps its "K3", so its period is the quarter, not the year."""
    tables = variant_tables("907152", 114, tmp_path)
    (table,) = [t for t in tables if t.caption is not None and "Tabel 4.3" in t.caption]
    assert [row.label for row in table.rows] == ["2020 K1", "2020 K2", "2020 K3"]


def test_a_wider_value_amid_a_wrapped_label_anchors_its_row(tmp_path: Path) -> None:
    """An annual report's unruled table, labels wrapped over three lines round values set
    between them: "100%", wider than the column's other values and so starting left of
    them, still anchors its row, so "Social - Hastigt progredierende lidelser" / "SEL §
    117 a" is one label, not a label-only row over a provision "SEL § 117 a"."""
    tables = variant_tables("907152", 107, tmp_path)
    rows = [row for table in tables for row in table.rows if row.page == 8]
    (row,) = [row for row in rows if "117 a" in row.label]
    assert row.label == "Social - Hastigt progredierende lidelser SEL § 117 a"
    assert [cell.text for cell in row.cells if cell is not None] == ["100%"]


def test_a_value_in_the_bottom_margin_amid_its_wrapped_label_is_no_page_number(
    tmp_path: Path,
) -> None:
    """An annual report's table ruled between rows, its last row on a page reaching into
    the bottom margin, its value "50" alone on its line between its label's lines ("…
    lidelser SEL § 117" / "50" / "a"): a number set amid text is no page number, so the row
    is the table's, with its value."""
    tables = variant_tables("650271", 250, tmp_path)
    rows = [row for table in tables for row in table.rows if row.page == 12]
    (row,) = [row for row in rows if "117" in row.label]
    assert row.label == "Social - Hastigt progredierende lidelser SEL § 117 a"
    assert [cell.text for cell in row.cells if cell is not None] == ["50"]


def test_a_header_line_of_years_and_half_year_pieces_starts_no_table(tmp_path: Path) -> None:
    """An annual report's table going on over a page in 6 pt type, its header repeated
    with staggered lines, the last "2021 | 2021 | 2021 | 2021* | 1. halvår | halvår" (the
    last columns' periods broken over lines): no data line, so the table's first row keeps
    its label's last line ("- §§ 30-34 og 42") and the rows under it stay in the table."""
    tables = variant_tables("818620", 5, tmp_path)
    rows = [row for table in tables for row in table.rows if row.page == 2]
    labels = [row.label for row in rows]
    assert "Beskæftigelseskrav - selvstændig / lønmodt - §§ 30-34 og 42" in labels
    (table,) = [t for t in tables if 2 in t.pages and t.pages[0] < 2]
    assert len([row for row in table.rows if row.page == 2]) > 2


def test_a_header_over_no_values_and_a_third_page_keep_their_column(tmp_path: Path) -> None:
    """An annual report's boxed table whose first page holds its header and one group row
    only ("andel i pct." over no values there, right of "instans | lov"), going on over two
    more pages in one value column: the header keeps its column, and the third page's
    values go under it as the second page's do (each page mapped onto the table's columns,
    not onto the page before's)."""
    tables = variant_tables("617340", 126, tmp_path)
    (table,) = [t for t in tables if t.table_id == "5.2"]
    assert table.pages == (3, 4, 5)
    assert table.column_headers == (("lov",), ("andel i pct.",))
    last = [row for row in table.rows if row.page == 5 and row.label == "Alle lovområder"]
    assert [[c.text if c else None for c in row.cells] for row in last] == [[None, "100"]]


def test_a_bulleted_item_under_a_table_is_no_caption(tmp_path: Path) -> None:
    """A memo's table titled "… udfald i året 2024" above it, a bulleted decision right
    under it ("• at omgørelsesprocenten på socialområdet i 2021 tages til efterretning"):
    the list item is no caption of the table (its year would stand for the table's)."""
    (table, *_) = variant_tables("205519", 17, tmp_path)
    assert table.title == "Realitetsbehandlede sager efter lovområde og udfald i året 2024"
    assert table.caption is None


def test_a_page_going_on_under_a_bold_group_row_joins_the_table(tmp_path: Path) -> None:
    """Minutes' table of outcomes by law going on over a page without its header, the page
    starting with the next outcome's bold group row ("Afgjorte sager i alt", its label
    running a point into the value column): the row is a group row, not the page's header,
    so the page joins the table (and its rows keep the header's month)."""
    tables = variant_tables("162847", 179, tmp_path)
    (table,) = [t for t in tables if 2 in t.pages]
    assert table.pages == (1, 2)
    assert [row.label for row in table.rows if row.page == 2][:2] == [
        "Afgjorte sager i alt", "Aktivloven (LAS)",
    ]  # fmt: skip


def test_a_first_row_over_the_first_stripe_with_its_value_on_its_first_line_is_a_row(
    tmp_path: Path,
) -> None:
    """An annual report's zebra-striped table continued on the next page, whose first row is
    unshaded, over the first stripe, its label wrapped over two lines with the value on the
    first ("Lov om højeste, mellemste, forhøjet almindelig og | 64" / "almindelig
    førtidspension"): the whole row is the table's, not its first line a title over it."""
    (table, *_) = variant_tables("233444", 141, tmp_path)
    on_3 = [row for row in table.rows if row.page == 3]
    assert (
        on_3[0].label
        == "Lov om højeste, mellemste, forhøjet almindelig og almindelig førtidspension"
    )
    assert [c.text for c in on_3[0].cells if c] == ["64"]


def test_a_bottom_rule_a_blank_band_over_the_next_tables_header_ends_the_table(
    tmp_path: Path,
) -> None:
    """Minutes with a booktabs table continued on the next page (its header repeated between
    two rules, its rows unruled, a bottom rule), then a blank band and the next table's
    shaded header, its rows and its bottom rule: two tables, the first joined over the
    page break, the second's rows its own (its first rule no row of the first's above it)."""
    tables = variant_tables("448927", 121, tmp_path)
    (first,) = [t for t in tables if t.caption and t.caption.endswith("for hele landet")]
    assert first.pages == (1, 2)
    assert first.rows[-1].label == "Indskudslån - § 54-71"
    (second,) = [
        t for t in tables if t.caption == "Tabel: Afgørelser efter bestemmelse i serviceloven"
    ]
    assert second.pages == (2,)
    assert second.rows[0].label == "Børn - Efterværn og oprethold anbringelse - §§ 76 og 76a"


def test_a_year_left_at_a_page_end_in_a_column_of_labels_heads_the_next_pages_rows(
    tmp_path: Path,
) -> None:
    """An annual report's table of quarters grouped by year in a column of labels
    ("Kvartal": "2024", "Q4", "2025", "Q1", "Q2") under outcome groups in the stub: the page
    ends on "Hjemvisning | 2024 / Q4 | 3 506 / 2025", the quarters of 2025 on the next page
    under the repeated header. The year left under the table heads them: they are 2025's."""
    (table, *_) = variant_tables("181298", 118, tmp_path)
    at = next(i for i, row in enumerate(table.rows) if row.label == "Hjemvisning")
    rows = [(row.page, row.label, *(c.text if c else "" for c in row.cells)) for row in table.rows]
    assert rows[at : at + 5] == [  # (years and quarters: the stub's inner column)
        (1, "Hjemvisning", ""),
        (1, "2024", ""),
        (1, "Q4", "3 506"),
        (1, "2025", ""),  # the year left at the page's end, a label row
        (2, "Q1", "3 659"),
    ]


def test_a_title_between_one_tables_bottom_rule_and_the_next_tables_top_rule_is_the_nexts(
    tmp_path: Path,
) -> None:
    """Minutes with two ruled tables on one page: the first's rules (top, under its header,
    bottom), then the next one's title in bold ("Ankestyrelsens talportal" / "Hele landet"),
    then its top rule over its header. The rules stand close enough to cluster as one; the
    title cuts them: the first table ends at its bottom rule, the title is the second's."""
    (first, second, *_) = variant_tables("951903", 45, tmp_path)
    assert [row.label for row in first.rows] == ["aktivlov", "Sygedagpengelov"]
    assert second.title == "Ankestyrelsens talportal Hele landet"


def test_notes_and_a_source_under_a_bottom_rule_end_the_table_over_the_next_tables_bands(
    tmp_path: Path,
) -> None:
    """A memo's booktabs table (top rule, rule under the header, bottom rule under its last
    row "Andre love i øvrigt | 13"), its footnotes and source under it, then the next table's
    shaded header and zebra stripes: the source cuts the stack of rules, so the last row is
    the first table's and the second table's header heads its own rows."""
    tables = variant_tables("143246", 96, tmp_path)
    (first,) = [t for t in tables if t.rows and t.rows[-1].label == "Andre love i øvrigt"]
    assert first.pages == (3,)
    (second,) = [t for t in tables if t.caption and "bestemmelse" in t.caption]
    assert second.rows[0].label == "Landsplan"
    assert second.column_headers[0] == ("Stadfæste- lse 2024",)
