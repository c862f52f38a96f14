"""Ranking a figure's sources (``rules/figures.yaml``): the preferred value names the
best-ranked document type's reported source, the others stay; the file is validated when
loaded, errors naming the file and the key; a rules folder's own file replaces it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.cli import main
from extract.figures.ranking import Ranking, load_ranking
from extract.figures.reconcile import reconcile
from extract.interpret.rulebook import RuleError, load_rulebook
from tests.conftest import RULES
from tests.figures.test_agreement import KEY, _source


def test_the_shipped_ranking() -> None:
    ranking = load_ranking([RULES])
    assert ranking.document_types == (
        "talportal",
        "aarsredegoerelse",
        "regneark",
        "referat",
        "aktindsigt",
        "ukendt",
    )
    assert ranking.file == str(RULES / "figures.yaml")


def test_the_preferred_source_is_the_best_ranked_reported_one() -> None:
    ranking = load_ranking([RULES])
    sources = [
        _source("minutes", "36", 36.0, document_type="referat", order=0),
        _source("sheet", "0.363", 36.3, document_type="regneark", source_kind="xlsx", order=1),
        _source("portal", ".", None, status="suppressed", document_type="talportal", order=2),
    ]
    figure = reconcile(KEY, sources, ranking)
    assert figure.preferred is not None and figure.preferred.record_id == "sheet"
    assert len(figure.sources) == 3  # nothing hidden
    # without a ranking the first in input order
    unranked = reconcile(KEY, sources, Ranking())
    assert unranked.preferred is not None and unranked.preferred.record_id == "minutes"


def test_ties_go_to_a_digital_reading_then_to_input_order() -> None:
    ranking = load_ranking([RULES])
    scan = _source("scan", "36,2 %", 36.2, source_kind="pdf_ocr", order=0)
    text = _source("text", "36,2 %", 36.2, order=1)
    later = _source("later", "36,2 %", 36.2, order=2)
    assert ranking.preferred([scan, text, later]) == text
    assert ranking.preferred([scan]) == scan


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("rank_document_types: [talportal, nyhedsbrev]\n", r"rank_document_types\[1\]: 'nyh"),
        ("rank_document_types: [referat, referat]\n", r"rank_document_types\[1\]: 'referat'"),
        ("rank_document_types: referat\n", r"rank_document_types: expected a list"),
        ("rank_documents: [referat]\n", r"rank_documents: unknown key"),
        ("- referat\n", r"\(top\): expected a mapping"),
        ("rank_document_types: [\n", r"cannot read"),
    ],
)
def test_an_invalid_ranking_names_the_file_and_the_key(
    tmp_path: Path, text: str, error: str
) -> None:
    (tmp_path / "figures.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=rf"figures\.yaml: {error}"):
        load_ranking([RULES, tmp_path])


def test_a_rules_folder_replaces_the_ranking_and_is_checked_with_the_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "figures.yaml").write_text("rank_document_types: [referat]\n", "utf-8")
    assert load_ranking([RULES, tmp_path]).document_types == ("referat",)
    load_rulebook(RULES, [tmp_path])  # figures.yaml is no rule
    assert main(["rules", "check", "--rules", str(tmp_path)]) == 0
    (tmp_path / "figures.yaml").write_text("rank_document_types: [avis]\n", "utf-8")
    assert main(["rules", "check", "--rules", str(tmp_path)]) == 2
    assert "figures.yaml: rank_document_types[0]: 'avis'" in capsys.readouterr().err


def test_a_shipped_rules_folder_without_the_file_ranks_by_input_order(tmp_path: Path) -> None:
    shutil.copytree(RULES, tmp_path / "rules")
    (tmp_path / "rules" / "figures.yaml").unlink()
    assert load_ranking([tmp_path / "rules"]) == Ranking()
