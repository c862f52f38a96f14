"""Shared fixtures: the shipped rulebook, the samples folder, the --update-goldens flag."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.interpret.rulebook import Rulebook, load_rulebook

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
