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


def bind_documents(folder: Path, pages: int) -> None:
    """Bind the PDFs of ``folder`` into documents of ``pages`` documents each (in name
    order; the last may be shorter), replacing them: long minutes rather than one-page
    notes, so that the cost per document dwarfs the cost per task."""
    import pypdfium2 as pdfium

    singles = sorted(folder.glob("*.pdf"))
    for number, start in enumerate(range(0, len(singles), pages)):
        bound = pdfium.PdfDocument.new()
        for single in singles[start : start + pages]:
            source = pdfium.PdfDocument(single)
            bound.import_pages(source)
            source.close()
        bound.save(folder / f"bound-{number:04d}.pdf")
        bound.close()
    for single in singles:
        single.unlink()
