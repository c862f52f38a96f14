"""The review site: every value read shown on the page (or sheet cell) it came from, as a
static HTML folder with no server and no network.

In: a run's output folder. Out: ``OUT/review/`` (``build_site``).
"""

from __future__ import annotations

from extract.review.data import ReviewInputMissing
from extract.review.site import build_site

__all__ = ["ReviewInputMissing", "build_site"]
