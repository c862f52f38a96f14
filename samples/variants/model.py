"""Shared types of the variant generator: families of facts, and the tables drawn from them.

A *family* is one real table of the sources seen as a cube with four axes (entity, period,
item, measure). Each axis has *members*; a *fact* is one real value at one member of each
axis. A document draws a subset of a family, relabels it (another municipality, other
period types) and lays it out as a ``Grid``: header cells, body rows and value cells, each
value cell carrying the truth of what it means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AXES = ("entity", "period", "item", "measure")
Coords = tuple[str, str, str, str]
Number = int | float


@dataclass(frozen=True)
class Member:
    """One member of an axis.

    ``labels`` are wording choices (the source's wording first); ``role`` is ``plain``,
    ``total`` (a total row or column), ``law`` (a law row over its provisions), ``provision``
    or ``part`` (a "heraf" part of the member before it). Entity members carry ``scope`` and
    ``code``, period members ``period`` (canonical), item members ``law`` (their law code,
    for grouping), measure members ``pair`` ((outcome, "antal"|"procent") for the two-level
    header "Stadfæstet / Antal").
    """

    key: str
    labels: tuple[str, ...]
    role: str = "plain"
    scope: str | None = None
    code: int | None = None
    period: str | None = None
    law: str | None = None
    pair: tuple[str, str] | None = None


@dataclass(frozen=True)
class Fact:
    """One real value: where it sits in the family (member keys) and what it means.

    ``text`` is the cell as printed in the source, ``decimals`` the decimals printed there
    (the generator never prints more). ``expect`` is ``none`` for a value the schema cannot
    express (a grand total over months and benefits).
    """

    coords: Coords
    law_area: str | None
    provision: str | None
    measure: str
    unit: str
    text: str
    value: Number | None
    status: str
    decimals: int = 0
    expect: str = "record"


@dataclass(frozen=True)
class Family:
    """A real table as a cube: four axes of members and the facts at their crossings."""

    name: str
    subjects: tuple[str, ...]
    axes: dict[str, tuple[Member, ...]]
    facts: dict[Coords, Fact]
    national: bool = False
    grand_total: tuple[str, Fact] | None = None

    def member(self, axis: str, key: str) -> Member:
        """The member ``key`` of ``axis``."""
        for m in self.axes[axis]:
            if m.key == key:
                return m
        raise KeyError(f"{self.name}: no member {key!r} on axis {axis}")


@dataclass(frozen=True)
class Truth:
    """What one printed value cell means (the record the engine must emit there)."""

    entity_scope: str
    municipality_code: int | None
    period: str | None
    period_type: str | None
    law_area: str | None
    provision: str | None
    measure: str
    unit: str
    value: Number | None
    status: str
    expect: str = "record"


@dataclass(frozen=True)
class ValueCell:
    """A printed value cell: its text, its truth and the family members it sits at."""

    text: str
    truth: Truth
    decimals: int = 0
    coords: Coords | None = None


@dataclass(frozen=True)
class HeadCell:
    """A header cell of the grid (columns counted over stub and value columns)."""

    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    stub: bool = False


@dataclass
class BodyRow:
    """One body row: ``data`` (stub labels + values), ``group`` (a label only) or ``spacer``."""

    kind: str
    stub: list[str]
    values: list[ValueCell | None]
    bold: bool = False
    indent: int = 0


@dataclass
class Grid:
    """A laid-out table, format-agnostic: what both the PDF and the sheet writers draw."""

    family: str
    n_stub: int
    n_values: int
    head_rows: int
    head: list[HeadCell]
    body: list[BodyRow]
    caption: str | None = None
    title: str | None = None
    notes: list[str] = field(default_factory=list)
    axes: dict[str, str] = field(default_factory=dict)
    heading: dict[str, str] = field(default_factory=dict)

    @property
    def n_cols(self) -> int:
        """Stub columns plus value columns."""
        return self.n_stub + self.n_values

    def values(self) -> list[ValueCell]:
        """Every value cell, row by row."""
        return [v for row in self.body for v in row.values if v is not None]
