"""Where the rules come from: the shipped rules, then ``$ANKESTAT_RULES``, then ``--rules``.

In: the folders named on the command line or to the Python API. Out: the rule folders
(``RuleDirs``) to load, shipped ones first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from extract.interpret.rulebook import RuleDirs


def shipped_rules_dir() -> Path:
    """The rules shipped in the package, else the source tree's rules/."""
    packaged = Path(__file__).resolve().parents[1] / "_rules"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "rules"


def rule_dirs(added: Sequence[Path] | None) -> RuleDirs:
    """The shipped rules, then the folders of $ANKESTAT_RULES (separated by ':'), then
    ``added`` (--rules): their rules are added to the shipped ones."""
    env = [Path(p) for p in os.environ.get("ANKESTAT_RULES", "").split(os.pathsep) if p]
    return (shipped_rules_dir(), *env, *(added or ()))
