"""A copy of a sample with one number changed: the records involved get flagged.

The variants are built by the sample generator (``samples/make_samples.py``) with one printed
cell overridden, then run through the whole engine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.interpret.rulebook import Rulebook
from extract.pipeline import process_file
from extract.writers.jsonl import record_dict
from samples.make_samples import build_aarsredegoerelse, build_referat_byraad


def _flagged(path: Path, rulebook: Rulebook) -> dict[tuple[Any, ...], list[str]]:
    result = process_file(path, rulebook)
    out = {}
    for record in result.records:
        r = record_dict(record)
        if r["flags"]:
            key = (r["table_id"], r["law_area"], r["provision"], r["measure"], r["period"])
            out[key] = r["flags"]
    return out


def test_unchanged_sample_has_no_sum_or_rate_flags(rulebook: Rulebook, tmp_path: Path) -> None:
    path = build_aarsredegoerelse(tmp_path)
    assert _flagged(path, rulebook) == {}


def test_changed_count_gives_sum_mismatch(rulebook: Rulebook, tmp_path: Path) -> None:
    path = build_aarsredegoerelse(
        tmp_path, {("4.4", "Serviceloven", "Stadfæstet / Antal"): "1.786"}
    )
    flagged = _flagged(path, rulebook)
    assert flagged[("4.4", "serviceloven", None, "stadfaestet", "2024")] == [
        "conflict_other_source",
        "sum_mismatch",
    ]
    # the row no longer adds up to its realitetsbehandlede, the column no longer to its total
    assert "sum_mismatch" in flagged[("4.4", "serviceloven", None, "realitetsbehandlede", "2024")]
    assert "sum_mismatch" in flagged[("4.4", "alle", None, "stadfaestet", "2024")]
    # Bilag 1 still says 1.785 for Serviceloven: the two tables disagree
    assert flagged[("4.8", "serviceloven", None, "stadfaestet", "2024")] == [
        "conflict_other_source"
    ]
    assert all("rate_mismatch" not in flags for flags in flagged.values())


def test_changed_rate_gives_rate_mismatch(rulebook: Rulebook, tmp_path: Path) -> None:
    path = build_aarsredegoerelse(
        tmp_path, {("4.8", "Hjemmehjælp § 83", "Omgørelsesprocent"): "58"}
    )
    flagged = _flagged(path, rulebook)
    rate = ("4.8", "serviceloven", "Hjemmehjælp § 83", "omgoerelsesprocent", "2024")
    assert "rate_mismatch" in flagged[rate]
    for inputs in ("hjemvist", "aendret_ophaevet", "realitetsbehandlede"):
        assert "rate_mismatch" in flagged[(*rate[:3], inputs, "2024")]
    assert all("sum_mismatch" not in flags for flags in flagged.values())


def test_changed_provision_count_breaks_its_total(rulebook: Rulebook, tmp_path: Path) -> None:
    path = build_referat_byraad(
        tmp_path, {("paragraffer", "Hjælpemidler - 112", "Afviste sager 2021"): "2"}
    )
    flagged = _flagged(path, rulebook)
    assert flagged[("p3-t1", "serviceloven", "Hjælpemidler - 112", "afvist", "2021")] == [
        "sum_mismatch"
    ]
    assert flagged[("p3-t1", "serviceloven", None, "afvist", "2021")] == ["sum_mismatch"]
