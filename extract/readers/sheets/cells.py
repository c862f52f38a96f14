"""Shared pieces of the spreadsheet readers: A1 references, stored values to ``SheetValue``s,
number formats, and the zip-bomb guard for zip-based workbooks (xlsx, ods).

In: what a workbook library hands back for one cell (a Python value and its number format).
Out: ``SheetValue``s and ``PageContent`` pages carrying a ``SheetGrid``. No table logic here.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from extract.model import PageContent, SheetGrid, SheetValue
from extract.normalise.numbers import FORMULA_WITHOUT_VALUE
from extract.readers import UnreadableInput
from extract.readers.budgets import Budgets

# Zip-based workbooks: refuse archives that compress better than any real workbook does (a zip
# bomb), or of too many members, before a library opens them (their unpacked size has a budget).
MAX_RATIO = 200
MAX_MEMBERS = 10_000
# More decimals than a float holds are float noise, not printed decimals.
MAX_DECIMALS = 10

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_DECIMALS = re.compile(r"\.(0+)")


def column_letters(col: int) -> str:
    """0-based column index -> spreadsheet letters: 0 -> "A", 27 -> "AB"."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def cell_ref(row: int, col: int) -> str:
    """0-based (row, col) -> A1 reference: (6, 2) -> "C7"."""
    return f"{column_letters(col)}{row + 1}"


def parse_ref(ref: str) -> tuple[int, int]:
    """A1 reference -> 0-based (row, col): "C7" -> (6, 2); "$C$7" works too."""
    match = re.fullmatch(r"\$?([A-Z]{1,3})\$?([0-9]+)", ref.strip().upper())
    if match is None:
        raise ValueError(f"not an A1 cell reference: {ref!r}")
    col = 0
    for letter in match.group(1):
        col = col * 26 + ord(letter) - 64
    return int(match.group(2)) - 1, col - 1


def parse_range(ref: str) -> tuple[int, int, int, int]:
    """ "B2:D3" -> (1, 1, 2, 3) as (row0, col0, row1, col1); a single cell is a 1x1 range."""
    first, _, last = ref.partition(":")
    row0, col0 = parse_ref(first)
    row1, col1 = parse_ref(last) if last else (row0, col0)
    return min(row0, row1), min(col0, col1), max(row0, row1), max(col0, col1)


def format_shows_percent(number_format: str | None) -> bool:
    """True if a number format shows the value as a percentage ("0.0%", "0%")."""
    return bool(number_format) and "%" in _QUOTED.sub("", number_format or "")


def format_decimals(number_format: str | None) -> int | None:
    """Decimals a number format shows ("0.0%" -> 1, "#,##0" -> 0); None for General/text."""
    if not number_format or number_format.lower() in ("general", "@"):
        return None
    section = _QUOTED.sub("", number_format.split(";")[0])
    if "0" not in section and "#" not in section:
        return None
    found = _DECIMALS.search(section)
    return len(found.group(1)) if found else 0


def number_text(number: float | int) -> str:
    """A stored number as text, the way the file stores it: 1278 -> "1278", 0.379 -> "0.379"."""
    if isinstance(number, int) or (math.isfinite(number) and number == int(number)):
        return str(int(number))
    return repr(float(number))


def _repr_decimals(number: float) -> int:
    text = repr(number)
    if "e" in text or "." not in text:
        return 0
    return min(len(text.split(".")[1].rstrip("0")), MAX_DECIMALS)


def number_value(number: float | int, number_format: str | None) -> SheetValue:
    """A cell stored as a number: its stored text, the value in the unit shown, decimals shown.

    A percent format multiplies by 100 (0.379 shown as 37,9 % -> 37.9). Decimals come from the
    format, or from the stored value when the format is General.
    """
    value = float(number)
    shown = format_decimals(number_format)
    if format_shows_percent(number_format):
        scaled = value * 100
        # undo binary noise from the multiplication (0.379 * 100 = 37.900000000000006)
        value = round(scaled, MAX_DECIMALS) if math.isfinite(scaled) else scaled
    decimals = shown if shown is not None else _repr_decimals(value)
    return SheetValue(number_text(number), value, decimals)


def date_text(value: dt.date | dt.datetime | dt.time, number_format: str | None) -> str:
    """A date cell as text, cut to what its format shows: "2023-01" for a month ("mmm yyyy",
    "mmm-yy"), "2023" for a year ("yyyy"), else "2023-01-15"; the time of day only when the
    format shows it (or is unknown) and it is not midnight."""
    if isinstance(value, dt.time):
        return value.isoformat()
    fmt = _QUOTED.sub("", (number_format or "").lower())
    date_part = fmt.split("h")[0]  # "m" after the hours is minutes
    shows_time = not fmt or "h" in fmt or "s" in fmt
    if "d" not in date_part and "m" in date_part:
        return f"{value.year:04d}-{value.month:02d}"
    if "d" not in date_part and "y" in date_part:
        return f"{value.year:04d}"
    if (
        shows_time
        and isinstance(value, dt.datetime)
        and (value.hour or value.minute or value.second)
    ):
        return value.isoformat(sep=" ")
    return value.strftime("%Y-%m-%d")


def text_value(text: str) -> SheetValue | None:
    """A text cell; None when it holds only whitespace."""
    return SheetValue(text) if text.strip() else None


def formula_value(formula: str) -> SheetValue:
    """A formula cell whose file holds no computed value: kept as its formula, flagged."""
    text = formula if formula.startswith("=") else f"={formula}"
    return SheetValue(text, None, 0, (FORMULA_WITHOUT_VALUE,))


def sheet_page(
    number: int,
    name: str | None,
    rows: Sequence[Sequence[SheetValue | None]],
    merges: Iterable[tuple[int, int, int, int]] = (),
    hidden_rows: Iterable[int] = (),
    hidden_cols: Iterable[int] = (),
) -> PageContent:
    """One sheet as a page: trailing empty cells and rows dropped, hidden rows/cols noted."""
    trimmed = [_trim(row) for row in rows]
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    n_cols = max((len(row) for row in trimmed), default=0)
    grid = SheetGrid(
        name=name,
        n_cols=n_cols,
        rows=tuple(trimmed),
        merges=tuple(sorted(set(merges))),
        hidden_rows=tuple(sorted(r for r in set(hidden_rows) if r < len(trimmed))),
        hidden_cols=tuple(sorted(c for c in set(hidden_cols) if c < n_cols)),
    )
    notes = () if trimmed else ("empty sheet",)
    return PageContent(number, 0.0, 0.0, (), notes=notes, sheet=grid)


def _trim(row: Sequence[SheetValue | None]) -> tuple[SheetValue | None, ...]:
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return tuple(row[:end])


def require_cells(path: Path, pages: Sequence[PageContent]) -> None:
    """Raise UnreadableInput when no sheet of the workbook holds any cell."""
    if not any(page.sheet is not None and page.sheet.rows for page in pages):
        count = len(pages)
        raise UnreadableInput(
            f"no cells: the workbook's {count} sheet{'s' if count != 1 else ''} "
            f"{'are' if count != 1 else 'is'} empty"
        )


def workbook_error(exc: BaseException, kind: str) -> str:
    """One line on why a workbook library failed: an XML attack named as such (a DTD or
    entity declarations, refused by defusedxml), else the error's first line."""
    chain: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    if any(
        type(e).__name__ in ("DTDForbidden", "EntitiesForbidden", "ExternalReferenceForbidden")
        for e in chain
    ):
        return "refused: its XML declares a DTD or entities (an XML attack, or a broken file)"
    first = (str(exc).strip().splitlines() or [""])[0]
    return f"corrupt {kind} workbook ({type(exc).__name__}: {first})"


def read_bounded(path: Path, kind: str, budgets: Budgets) -> bytes:
    """The bytes of ``path``; UnreadableInput if it cannot be read or is larger than
    ``budgets.max_unpacked`` (``kind`` names the file in the message: "csv", "workbook")."""
    try:
        size = path.stat().st_size
        if size > budgets.unpacked_bytes:
            raise UnreadableInput(
                budgets.refusal("max_unpacked", f"a {kind} of {size / (1 << 20):,.0f} MB")
            )
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror or exc})") from exc


def check_zip(path: Path, budgets: Budgets) -> zipfile.ZipFile:
    """Open a zip-based workbook after checking the members' declared sizes (zip bombs)
    against ``budgets.max_unpacked`` and MAX_RATIO."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise UnreadableInput(f"corrupt workbook (not a readable zip archive: {exc})") from exc
    except OSError as exc:
        raise UnreadableInput(f"cannot read file ({exc.strerror or exc})") from exc
    members = archive.infolist()
    unpacked = sum(info.file_size for info in members)
    packed = sum(info.compress_size for info in members) or 1
    bomb = len(members) > MAX_MEMBERS or unpacked > MAX_RATIO * max(packed, 1 << 20)
    if unpacked > budgets.unpacked_bytes and not bomb:
        archive.close()
        raise UnreadableInput(
            budgets.refusal(
                "max_unpacked", f"a workbook of {unpacked / (1 << 20):,.0f} MB unpacked"
            )
        )
    if bomb:
        archive.close()
        raise UnreadableInput(
            f"refused: the zip archive declares {unpacked:,} bytes unpacked from {packed:,} "
            f"({len(members)} members), too large to be a workbook (zip bomb?)"
        )
    return archive
