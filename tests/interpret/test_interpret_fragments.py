"""A number printed with a space between its thousands ("2 045") that detection cut into two
columns gives no value at all: never the "2" alone (extract.interpret.fragments)."""

from __future__ import annotations

from dataclasses import replace

from extract.interpret.fragments import connectives_out_of_cells, split_numbers
from extract.interpret.rulebook import Rulebook
from extract.interpret.table import Interpreter
from extract.model import Cell, DocumentContext, TableCandidate, TableRow


def _candidate(
    table_id: str,
    page: int,
    headers: tuple[tuple[str, ...], ...],
    rows: tuple[TableRow, ...],
    *,
    caption: str | None = None,
    title: str | None = None,
    stub: str = "",
) -> TableCandidate:
    """A detected table on one page, as detection gives it to the interpreter."""
    return TableCandidate(
        table_id=table_id,
        detector="test",
        pages=(page,),
        bbox=None,
        caption=caption,
        title=title,
        notes=(),
        stub_header=stub,
        column_headers=headers,
        rows=rows,
    )


def _cell(text: str, x0: float, x1: float) -> Cell:
    return Cell(text, 2, bbox=(x0, 320.0, x1, 327.4))


def _table() -> TableCandidate:
    rows = (
        TableRow("2022", (_cell("2", 288.1, 292.3), _cell("045", 296.5, 309.1)), 2),
        TableRow("2023", (_cell("1", 288.1, 292.3), _cell("999", 330.0, 342.6)), 2),
    )
    return _candidate(
        "2.1",
        2,
        (("Ændret/ophævet",), ("Hjemvist",)),
        rows,
        caption="Tabel 2.1: Realitetsbehandlede sager, hele landet",
        stub="År",
    )


def test_pieces_closer_than_a_character_are_one_number() -> None:
    assert split_numbers(_table().rows) == {(0, 0), (0, 1)}  # 2023's cells stand apart


def test_a_split_number_is_not_emitted(rulebook: Rulebook) -> None:
    context = DocumentContext("aarsredegoerelse", "Ankestyrelsens årsredegørelse")
    result = Interpreter(rulebook).interpret(_table(), context)
    assert [(o.period, o.measure, o.value) for o in result.observations] == [
        ("2023", "aendret_ophaevet", 1.0),
        ("2023", "hjemvist", 999.0),
    ]
    assert any("a number split over two columns" in f.message for f in result.findings)


def _benefits(month_cell: Cell) -> TableCandidate:
    def row(label: str, x1: float, cell: Cell | None) -> TableRow:
        return TableRow(label, (cell,), 1, label_bbox=(61.5, 451.3, x1, 460.2))

    rows = (
        row("Juni", 109.4, month_cell),
        row("A-dagpenge", 110.0, Cell("39", 1, bbox=(300.0, 465.0, 309.0, 474.0))),
        row("Sygedagpenge", 118.0, Cell("72", 1, bbox=(300.0, 479.0, 309.0, 488.0))),
    )
    return _candidate("p1-t1", 1, (("Antal personer",),), rows, title="Fanø", stub="Ydelsestype")


def test_a_group_labels_year_set_in_the_value_column_is_part_of_the_label(
    rulebook: Rulebook,
) -> None:
    """ "Juni 2022" is one group label; detection put "2022", a word space after "Juni",
    in the value column. Read whole, it gives the benefit rows under it their month."""
    context = DocumentContext("referat", "Fanø Kommune")
    year = Cell("2022", 1, bbox=(84.4, 451.3, 109.4, 460.2))
    result = Interpreter(rulebook).interpret(_benefits(year), context)
    got = [(o.period, o.provision, o.value) for o in result.observations]
    assert got == [("2022-06", "A-dagpenge", 39.0), ("2022-06", "Sygedagpenge", 72.0)]
    far = Cell("2022", 1, bbox=(300.0, 451.3, 309.0, 460.2))  # in the column: a count
    result = Interpreter(rulebook).interpret(_benefits(far), context)
    assert [o.period for o in result.observations] == []  # June of no year: nothing


def test_a_label_printed_around_its_values_is_read_whole(rulebook: Rulebook) -> None:
    """ "Lov om aktiv" above and "socialpolitik" below a row of values with no label (a
    wrapped label set in the middle of its row): the row is Lov om aktiv socialpolitik's."""
    rows = (
        TableRow("Serviceloven", (Cell("150", 4),), 4),
        TableRow("Lov om aktiv", (None,), 4),
        TableRow("", (Cell("476", 4),), 4),
        TableRow("socialpolitik", (None,), 4),
    )
    candidate = _candidate(
        "p3-t1", 4, (("2024",),), rows, caption="Ændret/ophævet 2024, hele landet"
    )
    context = DocumentContext("aarsredegoerelse", "Ankestyrelsens årsredegørelse")
    result = Interpreter(rulebook).interpret(candidate, context)
    assert [(o.law_area, o.value) for o in result.observations] == [
        ("serviceloven", 150.0),
        ("aktivloven", 476.0),
    ]


def test_a_label_around_its_values_whose_last_line_reads_alone(rulebook: Rulebook) -> None:
    """ "Lov om aktiv" / values / "beskæftigelsesindsats": the last line alone reads as the
    same law area, so the whole label agrees with it. A group header above a row with no
    label is no piece of its label."""
    rows = (
        TableRow("Lov om aktiv", (None,), 2),
        TableRow("", (Cell("27%", 2),), 2),
        TableRow("beskæftigelsesindsats", (None,), 2),
        TableRow("Aktivloven", (Cell("23%", 2),), 2),
    )
    candidate = _candidate(
        "4.1",
        2,
        (("jan.-jun. 2022",),),
        rows,
        caption="Tabel 4.1 Omgørelsesprocent (%) efter lovområde (hele landet)",
    )
    context = DocumentContext("referat", "Ishøj Kommune")
    result = Interpreter(rulebook).interpret(candidate, context)
    got = [(o.row_label, o.law_area, o.value) for o in result.observations]
    assert got == [
        ("Lov om aktiv beskæftigelsesindsats", "lab", 27.0),
        ("Aktivloven", "aktivloven", 23.0),
    ]
    header = (TableRow("Serviceloven", (None,), 2), TableRow("", (Cell("39%", 2),), 2))
    result = Interpreter(rulebook).interpret(replace(candidate, rows=header), context)
    assert [(o.row_label, o.law_area) for o in result.observations] == [("", "serviceloven")]


def test_a_small_word_alone_in_a_value_cell_is_no_value() -> None:
    """ "og" of a law's name set under the value column leaves the row label-only; a row with
    a number, or a longer word, keeps its cells."""
    rows = (
        TableRow("Lov om højeste, mellemste, forhøjet almindelig", (Cell("og", 1),), 1),
        TableRow("Serviceloven", (Cell("38", 1),), 1),
        TableRow("Forrevalidering", (Cell("ikke oplyst", 1),), 1),
    )
    out = connectives_out_of_cells(rows)
    assert [row.has_values for row in out] == [False, True, True]


def test_ocr_pieces_of_a_number_whose_thousands_dot_was_lost_are_pieces() -> None:
    """ "9.301" read by OCR as "9" and "301" a dot's width and its spaces apart (7.7 points,
    more than a digit's height): pieces of one number when OCR'd, as apart as two values
    of a digital table are not."""

    def scanned(text: str, x0: float, x1: float) -> Cell:
        return replace(_cell(text, x0, x1), ocr_confidence=93.0)

    ocr = TableRow("Servicelov", (scanned("9", 176.3, 180.4), scanned("301", 188.1, 204.2)), 2)
    digital = TableRow("Servicelov", (_cell("9", 176.3, 180.4), _cell("301", 188.1, 204.2)), 2)
    assert split_numbers([ocr]) == {(0, 0), (0, 1)}
    assert split_numbers([digital]) == set()
