"""Rules are data, validated when loaded; errors name the file, the rule and the key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.rulebook import RuleError, load_rulebook
from tests.conftest import RULES

GOOD = """\
id: test-rule
document_types: [referat]
match:
  headers: ['^omgørelsesprocent$']
context:
  entity: {from: [heading], find: municipality}
  period: {from: [caption, title], pattern: '(\\d{4})'}
rows:
  - lookup: law
columns:
  - match: '^omgørelsesprocent$'
    set: {measure: omgoerelsesprocent}
"""


@pytest.fixture
def rules_dir(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def test_shipped_rules_load() -> None:
    book = load_rulebook(RULES)
    assert len(book.rules) == 15
    assert {r.id for r in book.rules} >= {"aarsredegoerelse-4.8", "referat-udfald-efter-lovomraade"}
    assert [t.code for t in book.document_types][:2] == ["aarsredegoerelse", "aktindsigt"]


def test_a_new_layout_is_a_new_file(rules_dir: Path) -> None:
    (rules_dir / "test-rule.yaml").write_text(GOOD, encoding="utf-8")
    book = load_rulebook(rules_dir)
    [rule] = [r for r in book.rules if r.id == "test-rule"]
    assert rule.file == "test-rule.yaml" and rule.document_types == ("referat",)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("omgoerelsesprocent}", "omgorelsesprocent}"),
            "test-rule.yaml: rule 'test-rule': columns[0].set.measure: unknown measure "
            "'omgorelsesprocent'",
        ),
        (
            ("lookup: law", "lookup: lov"),
            "test-rule.yaml: rule 'test-rule': rows[0].lookup: must be one of",
        ),
        (
            ("'^omgørelsesprocent$']", "'^omgørelses(procent$']"),
            "test-rule.yaml: rule 'test-rule': match.headers[0]: invalid regular expression",
        ),
        (
            ("document_types: [referat]", "document_types: [avis]"),
            "test-rule.yaml: rule 'test-rule': document_types[0]: unknown document type 'avis'",
        ),
        (("rows:\n", "rowz:\n"), "test-rule.yaml: rule 'test-rule': (top).rowz: unknown key"),
        (
            ("    set: {measure", "    role: subtotal\n    set: {measure"),
            "test-rule.yaml: rule 'test-rule': columns[0].role: must be one of",
        ),
        (
            ("pattern: '(\\d{4})'", "pattern: '\\d{4}'"),
            "test-rule.yaml: rule 'test-rule': context.period.pattern: needs one capturing group",
        ),
        (
            ("set: {measure: omgoerelsesprocent}", "set: {measure: '{nope}'}"),
            "test-rule.yaml: rule 'test-rule': columns[0].set.measure: unknown template field "
            "'nope'",
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
