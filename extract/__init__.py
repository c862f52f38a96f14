"""ankestat: rule-driven extraction of Danish appeals statistics into one record schema."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ankestat")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.1.0"
