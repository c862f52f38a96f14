"""Budgets: the limits a document is checked against before memory is allocated for it.

In: the sizes a file declares (an image frame's pixels, its frame count, the cells an .ods
sheet lays out, the bytes a workbook unpacks to). Out: a one-line refusal naming the limit and
the option that raises it (``Budgets.refusal``). The fields of ``Budgets`` are the one list of
budgets: the ``extract`` and ``watch`` commands make an option (and an environment variable)
of each, with the help written here.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def _budget(default: float, unit: str, help_text: str) -> Any:
    return field(default=default, metadata={"unit": unit, "help": help_text})


@dataclass(frozen=True, slots=True)
class Budgets:
    """Per-document limits; each field is an option of the same name (``--max-pixels``)."""

    max_pixels: float = _budget(
        60.0,
        "million pixels",
        "the most pixels, in millions, of one image frame (a larger one is refused) or of a "
        "scanned page rendered for OCR (a larger page is read at a lower resolution)",
    )
    max_frames: float = _budget(2000, "frames", "the most frames (pages) of one image file")
    max_cells: float = _budget(
        5.0,
        "million cells",
        "the most cells, in millions, that one .ods sheet lays out with its repeated rows and "
        "columns",
    )
    max_unpacked: float = _budget(
        1024,
        "MB",
        "the most MB a workbook (xlsx, ods) unpacks to, or a csv or .xls file holds",
    )

    def refusal(self, name: str, what: str) -> str:
        """'refused: <what>: past the limit of <value> <unit> (--max-... raises it)'."""
        meta = next(f.metadata for f in fields(self) if f.name == name)
        return (
            f"refused: {what}: past the limit of {getattr(self, name):,g} {meta['unit']} "
            f"({option_flag(name)} raises it)"
        )

    @property
    def pixels(self) -> float:
        return self.max_pixels * 1e6

    @property
    def cells(self) -> int:
        return int(self.max_cells * 1e6)

    @property
    def unpacked_bytes(self) -> int:
        return int(self.max_unpacked * (1 << 20))


def option_flag(name: str) -> str:
    """A budget's command-line option: "max_pixels" -> "--max-pixels"."""
    return "--" + name.replace("_", "-")


def budget_options() -> list[tuple[str, str, float, str]]:
    """(field name, unit, default, help) of every budget, in order."""
    defaults = Budgets()
    return [
        (f.name, f.metadata["unit"], float(getattr(defaults, f.name)), f.metadata["help"])
        for f in fields(Budgets)
    ]


def positive_budget(text: str) -> float:
    """A budget option's value: a positive number; ValueError otherwise."""
    value = float(text)
    if not value > 0 or value == float("inf"):
        raise ValueError("must be a positive number")
    return value
