"""Figures out: the row of one figure, the files of a run, and the run report's section.

In: ``Figure``s (and ``Single``s, figures of one record). Out: ``figure_row`` (the JSON-ready
row of ``figures.jsonl``, the contract the review site reads), ``write_figures``
(``figures.jsonl`` and ``figures.csv`` in the output folder; a ``Single`` straight to its
lines by ``extract.figures.single``), ``report_section`` (report.json's count of figures by
agreement and its conflicting figures, report.txt's lines naming each conflicting figure's
sources).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from extract.figures.collect import Figures, Single
from extract.figures.ranking import Ranking
from extract.figures.reconcile import Figure
from extract.figures.single import SingleLines
from extract.figures.sources import Source, merged_cooperation
from extract.writers.figure_rows import FigureFiles
from extract.writers.jsonl import clean_number
from extract.writers.report import ReportSection

_SOURCE_FIELDS = (
    "record_id",
    "source_file",
    "source_sha256",
    "document_type",
    "source_kind",
    "page",
    "sheet",
    "cell_ref",
    "table_id",
    "bbox",
    "value",
    "status",
    "cell_text",
    "decimals",
)


def source_row(source: Source, conflicts_with: Sequence[str]) -> dict[str, Any]:
    """One entry of a figure row's ``sources``."""
    row: dict[str, Any] = {name: getattr(source, name) for name in _SOURCE_FIELDS}
    row["bbox"] = None if source.bbox is None else list(source.bbox)
    row["value"] = clean_number(source.value)
    row["conflicts_with"] = list(conflicts_with)
    return row


def figure_row(figure: Figure) -> dict[str, Any]:
    """The row of ``figure`` (``extract.writers.figure_rows.FIGURE_FIELDS``)."""
    scope, code, period, law, provision, measure = figure.key
    first = figure.sources[0]
    preferred = figure.preferred
    return {
        "figure_id": figure.figure_id,
        "entity_scope": scope,
        "municipality_code": code,
        "municipality": next((s.municipality for s in figure.sources if s.municipality), None),
        "period": period,
        "period_type": first.period_type,
        "law_area": law,
        "provision": provision,
        "measure": measure,
        "unit": first.unit,
        "agreement": str(figure.agreement),
        "spread": None if figure.spread is None else round(figure.spread, 10),
        "preferred_record_id": None if preferred is None else preferred.record_id,
        "preferred_value": None if preferred is None else clean_number(preferred.value),
        "cooperation": merged_cooperation(s.cooperation for s in figure.sources),
        "sources": [
            source_row(s, others)
            for s, others in zip(figure.sources, figure.conflicts_with, strict=True)
        ],
    }


def write_figures(figures: Iterable[Figure | Single], ranking: Ranking, out: Path) -> Figures:
    """``figures.jsonl`` and ``figures.csv`` in ``out``, one row per figure as it comes (a
    ``Single`` the short way when it can, else reconciled with ``ranking``); what they came
    to (counts, conflicts, the flags they add to records)."""
    summary = Figures()
    single = SingleLines()
    with FigureFiles(out) as files:
        for figure in figures:
            if isinstance(figure, Single):
                lines = single.lines(figure.values, figure.key)
                if lines is not None:
                    files.write_lines(*lines)
                    summary.add_single()
                    continue
                figure = figure.figure(ranking)
            files.write(figure_row(figure))
            summary.add(figure)
    return summary


def _where(source: Source) -> str:
    if source.page is not None:
        return f"page {source.page}"
    place = "csv" if source.sheet is None else f"sheet '{source.sheet}'"
    return f"{place} cell {source.cell_ref}" if source.cell_ref else place


def _name(figure: Figure) -> str:
    scope, _code, period, law, provision, measure = figure.key
    who = figure_row(figure)["municipality"] if scope != "hele_landet" else "Hele landet"
    return ", ".join(str(p) for p in (who, law, provision, measure, period) if p is not None)


def conflict_lines(figure: Figure) -> list[str]:
    """A conflicting figure's lines: what it is, then each source (file, place, printed text,
    value or status, and the sources it disagrees with)."""
    spread = "" if figure.spread is None else f", spread {figure.spread:g}"
    lines = [f"{_name(figure)} (figure {figure.figure_id}{spread}):"]
    for source, others in zip(figure.sources, figure.conflicts_with, strict=True):
        value = f"{source.value:g}" if source.reported and source.value is not None else "-"
        line = (
            f"  {source.source_file}, {_where(source)}: printed '{source.cell_text}', "
            f"value {value} ({source.status})"
        )
        if others:
            line += f", disagrees with {len(others)} source{'s' if len(others) != 1 else ''}"
        lines.append(line)
    return lines


def report_section(figures: Figures) -> ReportSection:
    """The run report's section on figures: counts by agreement (report.json ``totals``),
    the conflicting figures (report.json ``figure_conflicts``), and report.txt's lines."""
    conflicts = figures.conflicts
    lines = [f"== Figures: {', '.join(f'{n} {a}' for a, n in figures.counts().items())}"]
    if conflicts:
        lines.append("Figures whose sources disagree beyond their printed rounding:")
        for figure in conflicts:
            lines += conflict_lines(figure)
    return ReportSection(
        totals={"figures_by_agreement": figures.counts()},
        name="figure_conflicts",
        data=[figure_row(f) for f in conflicts],
        lines=tuple(lines),
    )
