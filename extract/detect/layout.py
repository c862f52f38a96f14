"""Page geometry primitives: words -> text lines -> chunks (runs of words with no column gap).

Pure functions over ``Word``s; nothing here knows about tables or rules.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median

from extract.detect.value_text import is_value_text
from extract.detect.word_breaks import apart, unit_after
from extract.detect.word_rows import group_word_rows
from extract.model import BBox, Word

# Words closer than this many font sizes belong to the same chunk (one space is ~0.3 em).
CHUNK_GAP_EM = 0.5
# OCR word boxes hug the ink, so the gap between two words of a phrase looks wider (an OCR'd
# word's size is its line's, ``extract.readers.ocr.font``).
OCR_CHUNK_GAP_EM = 0.7
# ... and in a monospaced face (a typewriter's, a case system's print-out) a whole character
# and the glyphs' side bearings: ~0.8 em, against ~0.3 in a proportional one. The gap
# between two OCR'd words of letters, its median over the page (OCR_SPACE_SAMPLES gaps under
# OCR_SPACE_MAX_EM at least), times OCR_SPACE_SHARE, is the least column gap there.
OCR_SPACE_SHARE = 1.5
OCR_SPACE_SAMPLES = 8
OCR_SPACE_MAX_EM = 2.0
# In a monospaced font words a space apart (one character, exactly: the text layer's) are
# one chunk: the gap may be this many character widths (headers set tight in their cells
# stand a character and a quarter apart); widths of letters within this share of each other
# are one.
MONO_SPACE_SHARE = 1.15
MONO_TOLERANCE = 0.02
SHORT_TOLERANCE = 0.05
# ... and how exactly alike lone words' letters must be to tell one (``_lone_word_widths``).
MONO_EXACT_WIDTH = 0.002
# A monospaced font's characters are this share of its size wide.
MONO_EM = 0.6
# A line with no word of letters is known monospaced by all its words; its word space is
# then one character, within this share (wider gaps part columns set close).
MONO_EXACT_SHARE = 1.1
# A monospaced font found on this many lines of a page is known on its other lines.
MONO_LINES = 3
# A line's one word of letters shows a monospaced face only when this long (``_exactly_mono``).
MONO_LETTERS = 6

# A text-layer font size below this share of the word's box height is a scaled size-1 font.
SCALED_SIZE_SHARE = 0.4
# How far (in font sizes) a row label may start right of a region's left edge.
LEFT_JITTER_EM = 0.4


def union_bbox(boxes: Iterable[BBox]) -> BBox:
    """The smallest box holding all ``boxes`` (at least one)."""
    xs0, tops, xs1, bottoms = zip(*boxes, strict=True)
    return (min(xs0), min(tops), max(xs1), max(bottoms))


@dataclass(frozen=True, slots=True)
class Chunk:
    """Words on one line with no column gap between them; ``is_value`` when the text reads
    as a table value (see ``is_value_text``). ``x0``, ``x1`` and ``size`` (the largest word
    size) are worked out once."""

    words: tuple[Word, ...]
    text: str
    is_value: bool
    x0: float = field(init=False)
    x1: float = field(init=False)
    size: float = field(init=False)
    # How far right of a region's left edge the chunk may start and still be at it (a row
    # label): LEFT_JITTER_EM of its size, 2 points at least.
    reach: float = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        words = self.words
        object.__setattr__(self, "x0", words[0].bbox[0])
        if len(words) == 1:  # most chunks: no max() over one word
            x1, size = words[0].bbox[2], word_size(words[0])
        else:
            x1, size = max(w.bbox[2] for w in words), max(word_size(w) for w in words)
        object.__setattr__(self, "x1", x1)
        object.__setattr__(self, "size", size)
        reach = LEFT_JITTER_EM * (size or 9.0)
        object.__setattr__(self, "reach", reach if reach > 2.0 else 2.0)  # max(2.0, reach)

    @property
    def bbox(self) -> BBox:
        return union_bbox(w.bbox for w in self.words)


@dataclass(frozen=True, slots=True)
class TextLine:
    """Words sharing a baseline band, left to right, split into chunks. The box and the
    font size (the median word size) are worked out once."""

    words: tuple[Word, ...]
    chunks: tuple[Chunk, ...]
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    font_size: float = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "x0", self.words[0].bbox[0])
        object.__setattr__(self, "x1", max(w.bbox[2] for w in self.words))
        object.__setattr__(self, "top", min(w.bbox[1] for w in self.words))
        object.__setattr__(self, "bottom", max(w.bbox[3] for w in self.words))
        sizes = [size for w in self.words if (size := word_size(w)) > 0]
        object.__setattr__(self, "font_size", median(sizes) if sizes else 10.0)

    @property
    def bbox(self) -> BBox:
        return union_bbox(w.bbox for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


def word_size(word: Word) -> float:
    """The word's font size; from its box height when the text layer's size is implausibly
    small (text drawn at size 1 and scaled up by the text matrix)."""
    height = word.bbox[3] - word.bbox[1]
    if word.source != "ocr" and 0 < word.font_size < SCALED_SIZE_SHARE * height:
        return 0.8 * height
    return word.font_size


def group_lines(words: Sequence[Word]) -> list[TextLine]:
    """Group words into text lines, top to bottom; each line's words left to right. A
    monospaced font found on MONO_LINES lines of the page or more is known on its other
    lines too (one word of letters is enough there)."""
    rows = [tuple(sorted(row, key=_left)) for row in group_word_rows(words)]
    letters = [_letter_widths(row) for row in rows]
    widths = [_mono_of(row, found) for row, found in zip(rows, letters, strict=True)]
    found = [width for width in widths if width is not None]
    known = [w for w in found if sum(1 for v in found if _same_width(v, w)) >= MONO_LINES]
    known += _lone_word_widths(rows, letters)
    ocr_em = max(OCR_CHUNK_GAP_EM, OCR_SPACE_SHARE * _ocr_word_space(rows))
    lines = [
        TextLine(words=row, chunks=tuple(_chunks(row, known, width, widths_of, ocr_em)))
        for row, width, widths_of in zip(rows, widths, letters, strict=True)
    ]
    lines.sort(key=lambda line: (line.top, line.x0))
    return lines


def _ocr_word_space(rows: Sequence[Sequence[Word]]) -> float:
    """The median gap (in font sizes) between two OCR'd words of letters on a line of
    ``rows`` (each left to right), gaps of OCR_SPACE_MAX_EM or more aside (columns); 0.0
    with fewer than OCR_SPACE_SAMPLES such gaps or no OCR'd words."""
    gaps = []
    for row in rows:
        for left, right in itertools.pairwise(row):
            if left.source != "ocr" or right.source != "ocr":
                continue
            if not (_lettered(left.text) and _lettered(right.text)):
                continue
            gap = (right.bbox[0] - left.bbox[2]) / max(word_size(left), word_size(right), 4.0)
            if 0 <= gap < OCR_SPACE_MAX_EM:
                gaps.append(gap)
    return median(gaps) if len(gaps) >= OCR_SPACE_SAMPLES else 0.0


def _lettered(text: str) -> bool:
    """True for a word of two letters or more."""
    return sum(ch.isalpha() for ch in text) >= 2


def _lone_word_widths(
    rows: Sequence[Sequence[Word]], letters: Sequence[list[float]]
) -> list[float]:
    """Character widths a monospaced font shows only over lines of few words (a table's row
    labels, "Stadfæstede", "Ændringsprocent"): the words of letters of MONO_LINES lines or
    more, of three lengths at least, all exactly (MONO_EXACT_WIDTH) as wide per letter and
    that MONO_EM of their size, as monospaced fonts are (Courier, Liberation/DejaVu Mono)."""
    lone = [
        (found[0], {len(w.text) for w in row if len(w.text) >= 2 and w.text.isalpha()})
        for row, found in zip(rows, letters, strict=True)
        if found
        and max(found) <= (1 + MONO_EXACT_WIDTH) * min(found)
        and abs(found[0] - MONO_EM * word_size(row[0])) <= MONO_TOLERANCE * found[0]
    ]
    out: list[float] = []
    for width, _ in lone:
        same = [lengths for w, lengths in lone if abs(w - width) <= MONO_EXACT_WIDTH * width]
        if len(same) >= MONO_LINES and len(set().union(*same)) >= 3:
            out.append(width)
    return out


def _left(word: Word) -> float:
    return word.bbox[0]


def make_line(words: Sequence[Word], mono: Sequence[float] = ()) -> TextLine:
    """A TextLine from words of one line (any order); ``mono``: character widths of the
    page's monospaced fonts."""
    ordered = tuple(sorted(words, key=_left))
    return TextLine(words=ordered, chunks=tuple(split_chunks(ordered, mono)))


def split_chunks(words: Sequence[Word], mono: Sequence[float] = ()) -> list[Chunk]:
    """Split left-to-right words of one line wherever the gap exceeds CHUNK_GAP_EM (in a
    monospaced font, whose word space is a whole character wide, MONO_SPACE_SHARE of a
    character), and between two numbers of the text layer (values set tight, "3,068,550
    3,103,540"). ``mono``: character widths of the page's monospaced fonts."""
    letters = _letter_widths(words)
    return _chunks(words, mono, _mono_of(words, letters), letters)


def _chunks(
    words: Sequence[Word],
    mono: Sequence[float],
    width: float | None,
    letters: list[float],
    ocr_em: float = OCR_CHUNK_GAP_EM,
) -> list[Chunk]:
    """``split_chunks`` given the line's monospaced width (``_mono_of``), its
    ``_letter_widths`` and the least column gap between OCR'd words (in font sizes)."""
    width = width or _known_of(letters, mono)
    space = MONO_SPACE_SHARE * (width or 0.0)
    if width is None and not letters:
        # no word of letters to know the font by ("- § 80"): all its words in a page's
        # monospaced width, a word space of one character only
        space = MONO_EXACT_SHARE * (_known_width(words, mono, letters=False) or 0.0)
    chunks: list[list[Word]] = []
    prev: Word | None = None
    prev_size = 0.0
    for word in words:
        word_at = word_size(word)
        if prev is not None:
            size = max(prev_size, word_at, 4.0)
            em = ocr_em if word.source == "ocr" else CHUNK_GAP_EM
            gap = max(em * size, space)
            close = word.bbox[0] - prev.bbox[2] <= gap or unit_after(prev, word, size)
            if close and not apart(chunks[-1], word):
                chunks[-1].append(word)
                prev, prev_size = word, word_at
                continue
        chunks.append([word])
        prev, prev_size = word, word_at
    return [make_chunk(c) for c in chunks]


def _mono_of(words: Sequence[Word], widths: list[float]) -> float | None:
    """The character width of a monospaced font, when the line's words of letters (two
    letters or more, of two lengths at least) all have it (``widths``: the line's
    ``_letter_widths``), else None (one word repeated, "SAGER I PCT. SAGER", or words of one
    length, "ANTAL ANDEL", are as wide per letter in any font): all alike within MONO_TOLERANCE,
    or (three different words or more) each within it of their median, a short word's
    (three letters at most: a glyph a little wider weighs more) within SHORT_TOLERANCE."""
    if not widths or min(widths) <= 0:
        return None
    lengths = {len(w.text) for w in words if len(w.text) >= 2 and w.text.isalpha()}
    if len(widths) < 2 or len(lengths) < 2:
        return widths[0] if _exactly_mono(words) else None
    if max(widths) <= (1 + MONO_TOLERANCE) * min(widths):
        return widths[0] if _others_alike(words, widths[0]) else None
    if max(widths) > (1 + SHORT_TOLERANCE) ** 2 * min(widths):
        return None  # (most lines: a proportional face's letters differ more than that)
    lettered = [w for w in words if len(w.text) >= 2 and w.text.isalpha() and w.source != "ocr"]
    if len({w.text.casefold() for w in lettered}) < 3:
        return None  # ("serviceloven aktivloven" repeated: two words alike by chance)
    middle = median(widths)
    sized = [len(w.text) for w in lettered]
    alike = all(
        abs(width - middle) <= (MONO_TOLERANCE if n > 3 else SHORT_TOLERANCE) * middle
        for n, width in zip(sized, widths, strict=True)
    )
    return middle if alike and _others_alike(words, middle) else None


def _exactly_mono(words: Sequence[Word]) -> bool:
    """True for a line of text-layer words, two or more, one of MONO_LETTERS letters at
    least, each character of each exactly (MONO_EXACT_WIDTH) MONO_EM of its size, as a
    monospaced face sets them ("Almenboligloven - § 105" in Courier: one word of letters
    tells nothing by itself, every word set so does)."""
    if len(words) < 2 or not any(len(w.text) >= MONO_LETTERS and w.text.isalpha() for w in words):
        return False
    return all(
        w.source != "ocr"
        and abs((w.bbox[2] - w.bbox[0]) / len(w.text) - MONO_EM * word_size(w))
        <= MONO_EXACT_WIDTH * MONO_EM * word_size(w)
        for w in words
        if w.text
    )


def _others_alike(words: Sequence[Word], width: float) -> bool:
    """True when the line's text-layer words of other characters than letters (three or
    more: "Ændrede/ophævede", "m.fl.") are ``width`` a character too, within
    SHORT_TOLERANCE: in a monospaced face every character is ("Stadfæstelser" and
    "Hjemvist" alike by chance beside a wider "Ændrede/ophævede" are no such face)."""
    return all(
        abs((w.bbox[2] - w.bbox[0]) / len(w.text) - width) <= SHORT_TOLERANCE * width
        for w in words
        if len(w.text) >= 3 and not w.text.isalpha() and w.source != "ocr"
    )


def _known_width(
    words: Sequence[Word], mono: Sequence[float], letters: bool = True
) -> float | None:
    """The one of the page's monospaced character widths ``mono`` that all the line's words
    of letters (one at least) have, or (not ``letters``) all its text-layer words; else
    None."""
    widths = (
        _letter_widths(words)
        if letters
        else [(w.bbox[2] - w.bbox[0]) / len(w.text) for w in words if w.text and w.source != "ocr"]
    )
    return _known_of(widths, mono)


def _known_of(widths: list[float], mono: Sequence[float]) -> float | None:
    for width in mono if widths else ():
        if all(_same_width(w, width) for w in widths):
            return width
    return None


def _letter_widths(words: Sequence[Word]) -> list[float]:
    """Character widths of the text-layer words of letters (two letters or more)."""
    return [
        (w.bbox[2] - w.bbox[0]) / len(w.text)
        for w in words
        if len(w.text) >= 2 and w.text.isalpha() and w.source != "ocr"
    ]


def _same_width(a: float, b: float) -> bool:
    return max(a, b) <= (1 + MONO_TOLERANCE) * min(a, b)


def make_chunk(words: Sequence[Word]) -> Chunk:
    """A Chunk of words (left to right), its text and whether it reads as a value."""
    text = " ".join([w.text for w in words])
    return Chunk(tuple(words), text, is_value_text(text))
