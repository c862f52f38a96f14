"""A number printed with a space between its thousands ("2 045") that detection cut into two
columns gives no value at all: never the "2" alone (extract.interpret.fragments)."""

from __future__ import annotations

from extract.interpret.fragments import split_numbers
from extract.interpret.table import Interpreter
from extract.model import Cell, DocumentContext, TableCandidate, TableRow
from extract.rulebook import Rulebook


def _cell(text: str, x0: float, x1: float) -> Cell:
    return Cell(text, 2, bbox=(x0, 320.0, x1, 327.4))


def _table() -> TableCandidate:
    rows = (
        TableRow("2022", (_cell("2", 288.1, 292.3), _cell("045", 296.5, 309.1)), 2),
        TableRow("2023", (_cell("1", 288.1, 292.3), _cell("999", 330.0, 342.6)), 2),
    )
    return TableCandidate(
        table_id="2.1",
        detector="test",
        pages=(2,),
        bbox=None,
        caption="Tabel 2.1: Realitetsbehandlede sager, hele landet",
        title=None,
        notes=(),
        stub_header="År",
        column_headers=(("Ændret/ophævet",), ("Hjemvist",)),
        rows=rows,
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
