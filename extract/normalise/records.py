"""Records: normalised, validated observations -> the published ``Record`` contract.

In: the document's identity and type, the observations (a whole document's, or one table's at
a time through ``RecordBuilder``) and the validation flags per observation. Out: ``Record``s
with deterministic ids (same input, same ids).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from typing import Any

from extract.codes import OBS_STATUS, SourceKind, Status
from extract.model import SCHEMA_VERSION, BBox, Observation, PageContent, Record
from extract.normalise.labels import cooperation
from extract.normalise.reference import Reference


def record_id(source_sha256: str, table_id: str, row_key: str, column_key: str) -> str:
    """Deterministic id: sha256 over the source hash, table, row key and column key."""
    text = "\x1f".join((source_sha256, table_id, row_key, column_key))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class RecordBuilder:
    """Builds one file's records table by table, with the file's identity and type.

    A value from an OCR'd page gets that page's source kind, and its box is turned back from
    the straightened page image to the page as scanned.
    """

    def __init__(
        self,
        *,
        source_file: str,
        source_sha256: str,
        source_kind: SourceKind,
        document_type: str,
        reference: Reference,
        engine_version: str,
    ) -> None:
        self.source_file = source_file
        self.source_sha256 = source_sha256
        self.source_kind = source_kind
        self.document_type = document_type
        self.reference = reference
        self.engine_version = engine_version
        self._cooperations: dict[tuple[int, str], list[dict[str, Any]]] = {}  # code, period

    def build(
        self,
        observations: Sequence[Observation],
        flags: Mapping[int, tuple[str, ...]],
        pages: Mapping[int | None, PageContent],
        first: int = 0,
        ids: Sequence[str] | None = None,
    ) -> list[Record]:
        """One Record per observation (normalised); ``flags`` by position, ``observations[0]``
        being at position ``first``; ``pages`` by number (only size, rotation and source kind
        are read); ``ids``: the records' ids when already worked out (``record_id``)."""
        return [
            self._record(
                obs,
                flags.get(first + i, ()),
                pages,
                ids[i] if ids is not None else self.record_id(obs),
            )
            for i, obs in enumerate(observations)
        ]

    def record_id(self, obs: Observation) -> str:
        """The id of the record an observation becomes."""
        return record_id(self.source_sha256, obs.table_id, obs.row_key, obs.column_key)

    def _record(
        self,
        obs: Observation,
        flags: tuple[str, ...],
        pages: Mapping[int | None, PageContent],
        record_id: str,
    ) -> Record:
        assert obs.entity_scope is not None and obs.period is not None
        code = obs.municipality_code
        page = _page(pages, obs)
        return Record(
            schema_version=SCHEMA_VERSION,
            record_id=record_id,
            source_file=self.source_file,
            source_sha256=self.source_sha256,
            source_kind=page.source_kind or self.source_kind,
            document_type=self.document_type,
            page=obs.cell.page,
            sheet=obs.cell.sheet,
            cell_ref=obs.cell.cell_ref,
            table_id=obs.table_id,
            table_title=obs.table_title,
            row_label=obs.row_label,
            column_label=obs.column_label,
            cell_text=obs.cell.text,
            bbox=_page_box(page, obs.cell.bbox),
            ocr_confidence=obs.cell.ocr_confidence,
            entity_scope=obs.entity_scope,
            municipality_code=code,
            municipality=obs.municipality,
            cooperation=[]
            if code is None
            else _cooperation(self._cooperations, self.reference, code, obs.period),
            period=obs.period,
            period_type=obs.period_type or "year",
            law_area=obs.law_area,
            law_label=obs.law_label,
            provision=obs.provision,
            measure=obs.measure,
            unit=obs.unit,
            value=obs.value if obs.status in (Status.REPORTED, Status.NIL) else None,
            status=obs.status.value,
            obs_status=OBS_STATUS[obs.status],
            flags=sorted(set(obs.flags) | set(flags)),
            rule_id=obs.rule_id,
            engine_version=self.engine_version,
        )


def _cooperation(
    seen: dict[tuple[int, str], list[dict[str, Any]]], reference: Reference, code: int, period: str
) -> list[dict[str, Any]]:
    """``cooperation()`` once per (municipality, period); each record gets its own copy."""
    if (code, period) not in seen:
        seen[(code, period)] = cooperation(reference, code, period)
    return [dict(entry) for entry in seen[(code, period)]]


def _page(pages: Mapping[int | None, PageContent], obs: Observation) -> PageContent:
    page = pages.get(obs.cell.page)
    return page if page is not None else PageContent(0, 0.0, 0.0, ())


def _page_box(page: PageContent, box: BBox | None) -> list[float] | None:
    """A cell box in page coordinates: undo the page's straightening rotation, if any (a page
    read turned a quarter, or three, was printed with its width and height the other way)."""
    if box is None:
        return None
    if not page.rotation or not page.width:
        return [round(v, 2) for v in box]
    # the image was turned counter-clockwise by ``rotation`` (y down) about its centre: turn
    # the corners back about the centre of the page as printed
    angle = math.radians(-page.rotation)
    cx, cy = page.width / 2, page.height / 2
    quarter = round(page.rotation / 90) % 2 == 1
    px, py = (cy, cx) if quarter else (cx, cy)
    cos, sin = math.cos(angle), math.sin(angle)
    xs, ys = [], []
    for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        dx, dy = x - cx, y - cy
        xs.append(px + dx * cos + dy * sin)
        ys.append(py - dx * sin + dy * cos)
    return [round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2)]
