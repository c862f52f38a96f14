"""Rules are data, validated when loaded; errors name the file, the rule and the key. A rule
holds only what the vocabulary cannot infer, and folders given with --rules add to the shipped
rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.interpret.rulebook import RuleError, load_rulebook
from extract.interpret.table import Interpreter
from extract.model import Cell, DocumentContext, TableCandidate, TableRow
from tests.conftest import RULES

GOOD = """\
id: test-rule
document_types: [referat]
match:
  headers: ['^genoptagne sager$']
context:
  entity: {from: [heading], find: municipality}
  period: {from: [caption, title], pattern: '(\\d{4})'}
rows:
  - match: '^ialt$'
    role: total
columns:
  - match: '^genoptagne sager$'
    set: {measure: indkomne}
"""


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _table(headers: list[str], rows: list[tuple[str, list[str]]], title: str) -> TableCandidate:
    return TableCandidate(
        table_id="p1-t1",
        detector="test",
        pages=(1,),
        bbox=None,
        caption=None,
        title=title,
        notes=(),
        stub_header="",
        column_headers=tuple((h,) for h in headers),
        rows=tuple(
            TableRow(label, tuple(Cell(text, 1) for text in cells), 1) for label, cells in rows
        ),
    )


def test_shipped_rules_load() -> None:
    book = load_rulebook(RULES)
    assert sorted(r.id for r in book.rules) == ["aarsredegoerelse", "ankestyrelsens-egne-tal"]
    assert [t.code for t in book.document_types][:2] == ["aarsredegoerelse", "aktindsigt"]


def test_a_rule_reads_a_label_the_vocabulary_does_not_know(rules_dir: Path) -> None:
    table = _table(
        ["Stadfæstede sager", "Genoptagne sager"],
        [("Serviceloven", ["10", "12"]), ("Ialt", ["10", "12"])],
        "Ankestatistik 2021",
    )
    context = DocumentContext("referat", "Ishøj Kommune\nReferat")
    unread = Interpreter(load_rulebook(rules_dir)).interpret(table, context)
    assert [(o.law_area, o.measure) for o in unread.observations] == [
        ("serviceloven", "stadfaestet"),
        ("alle", "stadfaestet"),
    ]
    assert [f.message for f in unread.findings] == [
        "table p1-t1: column 'Genoptagne sager' (2 values) not read: not understood: genoptagne; "
        "did you mean 'Modtagne sager' (measure=indkomne), 'Indkomne sager' (measure=indkomne), "
        "'Afgjorte sager' (measure=afgjorte)?"
    ]
    (rules_dir / "test-rule.yaml").write_text(GOOD, encoding="utf-8")
    read = Interpreter(load_rulebook(rules_dir)).interpret(table, context)
    got = [(o.municipality_code, o.period, o.law_area, o.measure) for o in read.observations]
    assert got == [
        (183, "2021", "serviceloven", "stadfaestet"),
        (183, "2021", "serviceloven", "indkomne"),
        (183, "2021", "alle", "stadfaestet"),
        (183, "2021", "alle", "indkomne"),
    ]
    assert read.findings == ()
    assert {o.rule_id for o in read.observations} == {"test-rule"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("indkomne}", "indkomme}"),
            "test-rule.yaml: rule 'test-rule': columns[0].set.measure: unknown measure 'indkomme'",
        ),
        (
            ("    role: total", "    lookup: law"),
            "test-rule.yaml: rule 'test-rule': rows[0].lookup: unknown key",
        ),
        (
            ("'^genoptagne sager$']", "'^genoptagne (sager$']"),
            "test-rule.yaml: rule 'test-rule': match.headers[0]: invalid regular expression",
        ),
        (
            ("document_types: [referat]", "document_types: [avis]"),
            "test-rule.yaml: rule 'test-rule': document_types[0]: unknown document type 'avis'",
        ),
        (("rows:\n", "rowz:\n"), "test-rule.yaml: rule 'test-rule': (top).rowz: unknown key"),
        (
            ("    role: total", "    role: subtotal"),
            "test-rule.yaml: rule 'test-rule': rows[0].role: must be one of",
        ),
        (
            ("pattern: '(\\d{4})'", "pattern: '\\d{4}'"),
            "test-rule.yaml: rule 'test-rule': context.period.pattern: needs one capturing group",
        ),
        (
            ("set: {measure: indkomne}", "set: {measure: '{nope}'}"),
            "test-rule.yaml: rule 'test-rule': columns[0].set.measure: unknown template field "
            "'nope'",
        ),
        (
            ("    set: {measure: indkomne}\n", ""),
            "test-rule.yaml: rule 'test-rule': columns[0]: needs 'set', 'role' or 'skip'",
        ),
        (
            ("document_types: [referat]\nmatch:\n  headers: ['^genoptagne sager$']\n", ""),
            "test-rule.yaml: rule 'test-rule': match: a rule needs document_types, match, or both",
        ),
    ],
)
def test_errors_name_file_rule_and_key(
    rules_dir: Path, change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD
    (rules_dir / "test-rule.yaml").write_text(GOOD.replace(old, new), encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rulebook(rules_dir)
    assert str(error.value).startswith(message)


def test_duplicate_ids_are_refused(rules_dir: Path) -> None:
    (rules_dir / "a.yaml").write_text(GOOD, encoding="utf-8")
    (rules_dir / "b.yaml").write_text(GOOD, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rulebook(rules_dir)
    assert str(error.value) == "b.yaml: rule 'test-rule': id: already used in a.yaml"


def test_broken_yaml_names_the_file(rules_dir: Path) -> None:
    (rules_dir / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_rulebook(rules_dir)
    assert str(error.value).startswith("broken.yaml: cannot read")


def test_added_folders_add_rules_and_keep_the_shipped_ones(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "test-rule.yaml").write_text(GOOD, encoding="utf-8")
    book = load_rulebook(RULES, [mine])
    assert {r.id for r in book.rules} == {
        "aarsredegoerelse",
        "ankestyrelsens-egne-tal",
        "test-rule",
    }
    assert book.reference.measure_unit("omgoerelsesprocent") == "percent"  # shipped data kept
    (mine / "clash.yaml").write_text(GOOD.replace("test-rule", "aarsredegoerelse"), "utf-8")
    with pytest.raises(RuleError, match=r"clash\.yaml: rule 'aarsredegoerelse': id: already used"):
        load_rulebook(RULES, [mine])


def test_an_added_folder_with_reference_data_is_refused(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    (mine / "reference").mkdir(parents=True)
    with pytest.raises(RuleError, match=r"mine/reference: only rule files are added"):
        load_rulebook(RULES, [mine])
    with pytest.raises(RuleError, match=r"nowhere: not a folder of rules"):
        load_rulebook(RULES, [tmp_path / "nowhere"])


def test_a_cell_override_changes_the_status(rules_dir: Path) -> None:
    (rules_dir / "dash.yaml").write_text(
        "id: dash\ndocument_types: [referat]\ncells:\n"
        "  - when: {law: '^serviceloven$'}\n    text: '^-$'\n    status: not_applicable\n",
        encoding="utf-8",
    )
    table = _table(["Stadfæstede sager"], [("Serviceloven", ["-"]), ("LAS", ["-"])], "2021")
    context = DocumentContext("referat", "Ishøj Kommune\nReferat")
    read = Interpreter(load_rulebook(rules_dir)).interpret(table, context)
    assert [(o.law_area, o.status.value, o.value) for o in read.observations] == [
        ("serviceloven", "not_applicable", None),
        ("aktivloven", "nil", 0.0),
    ]
