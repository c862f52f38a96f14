"""The house rules the code keeps: small modules, each saying what it is for."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

MODULES = sorted((ROOT / "extract").rglob("*.py"))
MAX_LINES = 400


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_module_is_small_and_says_what_it_is_for(module: Path) -> None:
    text = module.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES, "split it: one module, one job"
    assert ast.get_docstring(ast.parse(text)), "a module docstring: what goes in, what comes out"
