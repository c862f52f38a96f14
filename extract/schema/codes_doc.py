"""``docs/codes.md``: every code of ``extract.codes`` with its meaning, as Markdown.

``codes_markdown()`` returns the page; a test checks the shipped page is the one built from the
codes. After changing a code, write it again with ``python -m extract.schema.codes_doc``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from pathlib import Path

from extract.codes import (
    FINDING_MEANINGS,
    FLAG_MEANINGS,
    Agreement,
    DocumentTypeCode,
    FileStatus,
    FindingCode,
    Flag,
    LawAreaCode,
    Severity,
    SourceKind,
    Status,
    Unit,
)
from extract.errors import EXIT_MEANINGS

_HEAD = """# Codes

Every code ankestat writes, generated from `extract/codes.py` (do not edit by hand: run
`python -m extract.schema.codes_doc`). The record's JSON Schema (`ankestat schema`) is built from
the same codes.
"""


def _table(
    title: str, meanings: Mapping[Flag, str] | Mapping[FindingCode, str], column: str
) -> str:
    rows = "".join(f"| `{code}` | {meaning} |\n" for code, meaning in meanings.items())
    return f"\n## {title}\n\n| {column} | meaning |\n|---|---|\n{rows}"


def _listing(title: str, where: str, codes: Iterable[StrEnum]) -> str:
    return f"\n## {title}\n\n{where}: " + ", ".join(f"`{code}`" for code in codes) + ".\n"


def codes_markdown() -> str:
    """The text of ``docs/codes.md``."""
    return "".join(
        [
            _HEAD,
            _table("Flags on values (`flags`)", FLAG_MEANINGS, "flag"),
            "\nA flag set by a check is also the code of the warning that check reports.\n",
            _table("Findings in the report (`code`)", FINDING_MEANINGS, "code"),
            _listing("Severities of findings", "`severity`", Severity),
            _listing("Statuses of values", "`status`", Status),
            _listing("Statuses of files", "a file's `status` in the report", FileStatus),
            _listing("How values were read", "`source_kind`", SourceKind),
            _listing("Kinds of document", "`document_type`", DocumentTypeCode),
            _listing("Law areas", "`law_area`", LawAreaCode),
            _listing("Agreement of a figure's sources", "`agreement` in figures.jsonl", Agreement),
            _listing("Units", "`unit`", Unit),
            "\n## Exit codes of `ankestat extract`\n\n| code | meaning |\n|---|---|\n",
            "".join(f"| {code.value} | {meaning} |\n" for code, meaning in EXIT_MEANINGS.items()),
        ]
    )


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "docs" / "codes.md"
    target.write_text(codes_markdown(), encoding="utf-8")
    print(f"wrote {target}")
