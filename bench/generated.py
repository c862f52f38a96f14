"""Documents drawn by ``samples/variants`` for the benchmarks that need many inputs.

In: a folder, a seed, a count and the formats. Out: the folder filled with the documents alone
(the generator's truth and layout files removed), and the seed.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from samples.variants.generate import families, generate_one  # noqa: E402


def fresh_seed(seed: str | None) -> str:
    """``seed``, or a fresh random one when None."""
    return seed or str(random.SystemRandom().randrange(10**6))


def generate_documents(folder: Path, seed: str, count: int, formats: Sequence[str]) -> None:
    """Write documents 0..count-1 of ``seed`` in ``formats`` into ``folder`` (created)."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = families()
    for index in range(count):
        generate_one(seed, index, folder, list(formats), pool)
    for extra in folder.glob("*.json*"):
        extra.unlink()  # truth and layout files: not documents
