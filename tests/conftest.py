"""Shared fixtures: the shipped rulebook, the samples folder, the --update-goldens flag, a
local dask cluster (``tests.dask_cluster``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from extract.interpret.rulebook import Rulebook, load_rulebook

if TYPE_CHECKING:
    from tests.dask_cluster import Cluster

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
RULES = ROOT / "rules"

# samples/make_samples.py builds variants of the samples (one number changed) for tests.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite samples/*.records.jsonl from the engine's current output",
    )


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def rulebook() -> Rulebook:
    return load_rulebook(RULES)


@pytest.fixture()
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    """A scheduler and two single-threaded workers, w1 and w2, on 127.0.0.1."""
    from tests.dask_cluster import Cluster

    running = Cluster(tmp_path)
    try:
        running.add_worker("w1")
        running.add_worker("w2")
        running.wait_for_workers(2)
        yield running
    finally:
        running.stop()
