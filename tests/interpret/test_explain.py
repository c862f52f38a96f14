"""``ankestat tables --explain`` and ``ankestat rules suggest`` on a real sample and on a table
with a label the vocabulary does not know: the draft rule, once saved, makes it read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.cli import main
from extract.interpret.explain import suggest_rule
from extract.interpret.rulebook import load_rulebook
from extract.interpret.table import Interpreter
from extract.model import DocumentContext
from tests.conftest import RULES, SAMPLES
from tests.interpret.test_rulebook import _table


def test_explain_shows_context_labels_and_values(capsys: pytest.CaptureFixture[str]) -> None:
    pdf = SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf"
    assert main(["tables", "--explain", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "entity = 183 Ishøj  (from the document heading: 'Ishøj referat" in out
    assert "     column 6 'I alt'             -> total  [total: law=alle]" in out
    assert "        row 5 'I alt'             -> total  [member: measure=afgjorte]" in out
    assert "  values: 30 emitted (rule: vocabulary)" in out


def test_a_suggested_rule_reads_what_did_not_resolve(tmp_path: Path) -> None:
    table = _table(["Stadfæstede sager", "Genoptagne sager"], [("SEL", ["10", "12"])], "2021")
    context = DocumentContext("referat", "Ishøj Kommune\nReferat")
    unread = Interpreter(load_rulebook(RULES)).interpret(table, context)
    draft = suggest_rule(table, unread, source="x.pdf", document_type="referat")
    assert draft is not None
    assert (
        "  - match: '^genoptagne sager$'\n    set: {measure: indkomne}   # or measure=afgjorte"
        in draft
    )
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "draft.yaml").write_text(draft, encoding="utf-8")
    read = Interpreter(load_rulebook(RULES, [mine])).interpret(table, context)
    assert [(o.measure, o.value) for o in read.observations] == [
        ("stadfaestet", 10.0),
        ("indkomne", 12.0),
    ]
    assert suggest_rule(table, read, source="x.pdf", document_type="referat") is None


def test_rules_suggest_on_a_file_that_reads_completely(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pdf = tmp_path / "minutes.pdf"
    shutil.copy(SAMPLES / "referat-ishoej-sundhedsudvalg-2021-03-08.pdf", pdf)
    assert main(["rules", "suggest", str(pdf)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "every table was read completely" in captured.err
