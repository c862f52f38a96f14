"""Line breaking by font metrics: prose and labels at spaces, headers also inside words.

Header modes: ``natural`` (greedy at spaces), ``stacked`` (one word per line, as narrow
spreadsheet-to-PDF columns print), ``hyphen`` (a word too long for the column is broken
with a hyphen) and ``cut`` (broken where it overflows, no hyphen).
"""

from __future__ import annotations

from samples.variants.fonts import width

MIN_PART = 3


def wrap(text: str, font: str, size: float, avail: float) -> list[str]:
    """Greedy wrap at spaces; a word wider than ``avail`` stays whole on its own line."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line} {word}" if line else word
        if line and width(trial, font, size) > avail:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def _split_word(word: str, font: str, size: float, avail: float, hyphen: bool) -> list[str]:
    """Break one word into parts that fit ``avail`` (with "-" after each part if ``hyphen``)."""
    parts: list[str] = []
    rest = word
    mark = "-" if hyphen else ""
    while width(rest, font, size) > avail:
        cut = 0
        for i in range(MIN_PART, len(rest) - MIN_PART + 1):
            if width(rest[:i] + mark, font, size) <= avail:
                cut = i
        if cut == 0:
            return [word]
        head = rest[:cut]
        if hyphen and head.endswith("-"):
            parts.append(head)
        else:
            parts.append(head + mark)
        rest = rest[cut:]
    parts.append(rest)
    return parts


def break_header(text: str, font: str, size: float, avail: float, mode: str) -> list[str] | None:
    """Header text broken into lines that fit ``avail``; None if a line cannot fit."""
    if mode == "stacked":
        lines = text.split() or [""]
    else:
        lines = []
        for word_line in wrap(text, font, size, avail) or [""]:
            if width(word_line, font, size) <= avail or mode == "natural":
                lines.append(word_line)
                continue
            for word in word_line.split():
                lines.extend(_split_word(word, font, size, avail, mode == "hyphen"))
        lines = _rejoin(lines, font, size, avail)
    if any(width(line, font, size) > avail + 0.01 for line in lines):
        return None
    return lines


def _rejoin(lines: list[str], font: str, size: float, avail: float) -> list[str]:
    """Put short lines back together where they fit (after words were split)."""
    out: list[str] = []
    for line in lines:
        if out and not out[-1].endswith("-") and width(f"{out[-1]} {line}", font, size) <= avail:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out
