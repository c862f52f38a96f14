"""Accuracy on layouts drawn by the variant generator (samples/variants) from fixed seeds: the
engine reads them end to end and is scored cell by cell against their truth.

The seeds are fixed so the suite repeats; figures on layouts nobody has looked at come from
fresh seeds (`bench/variants.py`, a new seed per run). A wrong value without a flag, or a
missing value the report does not name, fails the suite outright; the share of exact values
must stay above its floor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from samples.variants.score import Counts, score_seed

pytestmark = pytest.mark.slow  # two hundred generated documents read and scored

# (seed, documents, formats, lowest exact share in percent)
SEEDS = [
    ("acc-s1", 100, ("xlsx", "csv"), 97.0),
    ("acc-s2", 100, ("xlsx", "csv"), 97.0),
]


@pytest.mark.parametrize(("seed", "count", "formats", "floor"), SEEDS, ids=[s[0] for s in SEEDS])
def test_variant_documents_are_read_exactly_or_not_at_all(
    seed: str, count: int, formats: tuple[str, ...], floor: float, tmp_path: Path
) -> None:
    counts: Counts = score_seed(seed, count, tmp_path, formats)
    assert counts.cells > 1000
    assert counts.wrong_silent + counts.extra_silent == 0, counts.as_dict()
    assert counts.missing_unreported - counts.missing_listed_info == 0, counts.as_dict()
    assert counts.exact_pct >= floor, counts.as_dict()
