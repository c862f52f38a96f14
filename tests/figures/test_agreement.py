"""Agreement of a figure's sources on small constructed records: counts exact, values to
their printed rounding, a shared end point a conflict, suppressed values listed but not
compared, the decimals each source printed, and the cross-document flag."""

from __future__ import annotations

from typing import Any

import pytest

from extract.codes import Agreement, Flag
from extract.figures.collect import extra_flags
from extract.figures.key import figure_id
from extract.figures.ranking import Ranking
from extract.figures.reconcile import Figure, reconcile
from extract.figures.sources import Source, printed_decimals, source_of

KEY = ("hele_landet", None, "2020", "serviceloven", None, "omgoerelsesprocent")


def _source(
    record_id: str,
    cell_text: str,
    value: float | None,
    *,
    status: str = "reported",
    unit: str = "percent",
    sha: str = "a",
    document_type: str = "referat",
    source_kind: str = "pdf_text",
    order: int = 0,
) -> Source:
    fields: dict[str, Any] = {
        "record_id": record_id,
        "source_file": f"{sha}.pdf",
        "source_sha256": sha,
        "document_type": document_type,
        "source_kind": source_kind,
        "page": 1,
        "sheet": None,
        "cell_ref": None,
        "table_id": "p1-t1",
        "bbox": None,
        "value": value,
        "status": status,
        "cell_text": cell_text,
        "municipality": None,
        "period_type": "year",
        "unit": unit,
        "cooperation": [],
    }
    return source_of(fields.__getitem__, order, {})


def _figure(*sources: Source) -> Figure:
    return reconcile(KEY, sources, Ranking())


@pytest.mark.parametrize(
    ("text", "value", "decimals"),
    [
        ("36,2 %", 36.2, 1),
        ("36", 36.0, 0),
        ("0.363", 36.3, 1),  # a fraction stored in a spreadsheet, shown as a percent
        ("0.362", 36.2, 1),
        ("36,25", 36.25, 2),
        ("1.278", 1278.0, 0),
        ("36.3", 36.3, 1),  # stored as the percent itself
        (".", None, 0),
    ],
)
def test_printed_decimals(text: str, value: float | None, decimals: int) -> None:
    assert printed_decimals(text, value) == decimals


def test_one_source_is_single_without_spread() -> None:
    figure = _figure(_source("r1", "36,2 %", 36.2))
    assert (figure.agreement, figure.spread, figure.conflicts_with) == (
        Agreement.SINGLE,
        None,
        ((),),
    )
    assert figure.preferred is not None and figure.preferred.record_id == "r1"
    assert figure.figure_id == figure_id(KEY) and len(figure.figure_id) == 24


def test_values_agree_within_their_printed_rounding() -> None:
    # 36 stands for [35.5, 36.5]: it holds 36.2 and 36.3
    figure = _figure(_source("r1", "36", 36.0), _source("r2", "36,2 %", 36.2, sha="b"))
    assert figure.agreement is Agreement.AGREE
    assert figure.spread == pytest.approx(0.2)
    assert figure.conflicts_with == ((), ())


def test_values_beyond_their_rounding_conflict_and_the_36_agrees_with_both() -> None:
    figure = _figure(
        _source("r1", "36,2 %", 36.2, sha="a"),
        _source("r2", "0.363", 36.3, sha="b", source_kind="xlsx"),
        _source("r3", "36", 36.0, sha="c"),
    )
    assert figure.agreement is Agreement.CONFLICT
    assert figure.conflicts_with == (("r2",), ("r1",), ())
    assert figure.spread == pytest.approx(0.3)
    assert extra_flags([figure]) == {
        "r1": (Flag.CONFLICT_OTHER_DOCUMENT,),
        "r2": (Flag.CONFLICT_OTHER_DOCUMENT,),
    }


def test_a_shared_end_point_is_a_conflict() -> None:
    # 36,2 is [36.15, 36.25], 36,3 is [36.25, 36.35]: one point in common, a tie rounded
    # two ways; 36,25 is [36.245, 36.255], inside both
    tie = _figure(_source("r1", "36,2", 36.2), _source("r2", "36,3", 36.3, sha="b"))
    assert tie.agreement is Agreement.CONFLICT
    inside = _figure(_source("r1", "36,2", 36.2), _source("r2", "36,25", 36.25, sha="b"))
    assert inside.agreement is Agreement.AGREE


def test_counts_must_be_equal_exactly() -> None:
    equal = _figure(
        _source("r1", "52", 52.0, unit="count"), _source("r2", "52", 52.0, unit="count", sha="b")
    )
    assert equal.agreement is Agreement.AGREE
    apart = _figure(
        _source("r1", "52", 52.0, unit="count"), _source("r2", "53", 53.0, unit="count", sha="b")
    )
    assert apart.agreement is Agreement.CONFLICT
    assert apart.spread == 1.0


def test_suppressed_and_illegible_sources_are_listed_but_take_no_part() -> None:
    figure = _figure(
        _source("r1", "36,2 %", 36.2),
        _source("r2", ".", None, status="suppressed", sha="b"),
        _source("r3", "62, %", None, status="illegible", sha="c"),
    )
    assert figure.agreement is Agreement.AGREE
    assert [s.record_id for s in figure.sources] == ["r1", "r2", "r3"]
    assert figure.spread is None
    assert figure.preferred is not None and figure.preferred.record_id == "r1"
    alone = _figure(_source("r2", ".", None, status="suppressed"))
    assert (alone.agreement, alone.preferred) == (Agreement.SINGLE, None)


def test_a_conflict_inside_one_document_is_no_cross_document_flag() -> None:
    figure = _figure(
        _source("r1", "52", 52.0, unit="count", sha="a"),
        _source("r2", "50", 50.0, unit="count", sha="a"),
        _source("r3", "52", 52.0, unit="count", sha="b"),
    )
    assert figure.agreement is Agreement.CONFLICT
    assert figure.conflicts_with == (("r2",), ("r1", "r3"), ("r2",))
    # r1 disagrees only with r2 of its own document; r2 and r3 across documents
    assert sorted(extra_flags([figure])) == ["r2", "r3"]
