"""The plan of a table's rows: what each row is, shared by the row planning modules.

``RowPlan`` is what ``extract.interpret.rows`` makes of each row and what the keying of cells
reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# The value of a dimension a group header names in words that were not all understood: the
# rows under it have no value for that dimension (the context does not fill it in).
UNREAD = "?"
# The entity (law area) of rows under a value row that names one, where no column of them
# says the name is meant for them as well: not known.
AS_ABOVE = "?above"
# The dimension a label column lists (its header an axis word: "Udfald") where a row's cell
# in it names none ("Antal"): not known, whatever the caption says.
UNNAMED = "?unnamed"
# The law area of a total over all law areas.
ALL_LAWS = "alle"
# The dimensions a group header row gives the rows under it.
GROUP_DIMS = ("entity", "period", "law", "measure", "aspect")


@dataclass(frozen=True, slots=True)
class RowPlan:
    """What one row is.

    ``kind``: header (label-only, carried), ignored (label-only, says nothing), member,
    provision, law (a law row with provisions: a subtotal), total, skip, unresolved.
    ``dims``: the row's own dimensions (a total's filled in). ``carried``: dimensions of the
    group headers above it, ``carried_labels`` their labels. ``group_row``: for a provision,
    the index of its law row. ``note``: why a row was skipped or not resolved. ``law_label``:
    the printed label its law area came from (its own, its law row's or its group header's).
    ``of_provisions``: a total of the provision rows of a table that names no law area.
    ``provision_label``: a provision row's name as printed without the names its label
    begins or ends with ("Revalidering" of "Slagelse Kommune, Revalidering").
    """

    index: int
    kind: str
    dims: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    carried: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    carried_labels: tuple[str, ...] = ()
    group_row: int | None = None
    note: str = ""
    law_label: str | None = None
    of_provisions: bool = False
    provision_label: str | None = None

    @property
    def role(self) -> str:
        """The row's role in the sum checks."""
        return {"law": "group", "total": "total"}.get(self.kind, "member")
