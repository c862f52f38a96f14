"""ankestat: rule-driven extraction of Danish appeals statistics into one record schema.

``extract.read(paths)`` is the Python API (``extract.api``).
"""

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("ankestat")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``extract.read``, imported when first asked for (the package imports nothing else)."""
    if name == "read":
        from extract.api import read

        return read
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
