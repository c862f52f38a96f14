"""OCR of page images with Tesseract: straighten, find rulings, read words, look twice at numbers.

In: a grey page image and the page size in points. Out: a ``PageContent`` whose words are
``Word(source="ocr", confidence=0-100)`` with boxes in points of the straightened page (its
``rotation`` says by how much it was turned), and whose rulings are the table lines found in
the image. From there the normal detection -> rules -> records path runs unchanged.

Tesseract runs in process or as the command (``ocr_tesseract``), with ``OMP_THREAD_LIMIT=1``,
which is several times faster per page on small machines than its default threading; pages
run in parallel threads instead.
"""

from __future__ import annotations

import functools
import itertools
import shutil
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from extract.codes import SourceKind
from extract.errors import CannotRun
from extract.model import PageContent, Ruling, Word
from extract.readers.ocr.page_words import page_words, started
from extract.readers.ocr.scaled import surer_per_box
from extract.readers.ocr.tesseract import pytesseract_module, read_data

INSTALL_HINT = "install the Debian packages tesseract-ocr and tesseract-ocr-dan"


@dataclass(frozen=True, slots=True)
class OcrSettings:
    """How pages are read.

    ``lang``: Tesseract languages ("dan+eng": Danish words, and the English model's better
    digits). ``psm`` 4 reads the page as one column of lines of varying size: table rows stay
    whole and multi-line header cells are read line by line. Numbers read with less than
    ``second_look_below`` confidence are read again from their own crop, digits only. Pages
    with less than ``blank_ink`` dark pixels, and no few lines of text, are blank. A page is
    rendered (or scaled up) to at most ``max_pixels``: a poster-sized page is read at a lower
    resolution than ``dpi`` (with a note) rather than filling memory (``page_dpi``).
    """

    dpi: int = 300
    lang: str = "dan+eng"
    psm: int = 4
    second_look_below: float = 92.0
    blank_ink: float = 0.002
    threads: int = 1
    max_pixels: float = 60e6


# The start of the note on a page whose OCR lost text (``_text_lost``): a warning.
TEXT_LOST = "text lost"


class OcrUnavailable(CannotRun):
    """Tesseract (or its Danish data) is not installed; the message says what to install."""


def check_tesseract(settings: OcrSettings) -> None:
    """Raise OcrUnavailable unless the tesseract command and the languages are there."""
    pytesseract = pytesseract_module()

    command = pytesseract.pytesseract.tesseract_cmd
    if shutil.which(command) is None:
        raise OcrUnavailable(f"Tesseract OCR is not installed ({INSTALL_HINT})")
    missing = set(settings.lang.split("+")) - _languages(command)
    if missing:
        _languages.cache_clear()  # (asked again next time: the data may be installed by then)
        raise OcrUnavailable(
            f"Tesseract has no data for {', '.join(sorted(missing))} ({INSTALL_HINT})"
        )


@functools.cache
def _languages(command: str) -> frozenset[str]:
    """The languages the Tesseract ``command`` has data for (asked once per process: each
    ask starts Tesseract, about 0.1 s)."""
    pytesseract = pytesseract_module()

    return frozenset(pytesseract.get_languages(config=""))


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page to OCR: its number, its size in points and how to get its image.

    ``load`` is called once, when the page's turn comes, so that a long scan is never held in
    memory as images all at once. ``cost`` is a guess of how long the page takes (its ink):
    when pages are read in parallel the costliest go first, so no long page starts last.
    """

    number: int
    width: float
    height: float
    load: Callable[[], Any]
    cost: float = 0.0


def ocr_pages(
    pages: Sequence[PageImage],
    settings: OcrSettings,
    source_kind: SourceKind,
    on_page: Callable[[int, int], None] | None = None,
) -> list[PageContent]:
    """OCR the pages, ``settings.threads`` at a time; results in page order. ``on_page`` is
    told (pages done, pages): (0, pages) as OCR starts, then as each page is done.

    With fewer pages than threads, a page's cell read and word re-read run beside its main
    pass; with as many pages as threads or more, the threads are busy with pages already (two
    Tesseracts per core only cost switching and more engines in memory).
    """
    check_tesseract(settings)
    page_settings = settings if len(pages) < settings.threads else replace(settings, threads=1)

    done = itertools.count(1)
    lock = threading.Lock()
    if on_page is not None:
        on_page(0, len(pages))

    def one(page: PageImage) -> PageContent:
        content = ocr_page(page.load(), page.number, page.width, page.height, page_settings)
        if on_page is not None:
            with lock:
                on_page(next(done), len(pages))
        return replace(content, source_kind=source_kind)

    if settings.threads <= 1 or len(pages) <= 1:
        return [one(page) for page in pages]
    with ThreadPoolExecutor(max_workers=settings.threads) as pool:
        order = sorted(range(len(pages)), key=lambda i: -pages[i].cost)
        futures = {i: pool.submit(one, pages[i]) for i in order}
        return [futures[i].result() for i in range(len(pages))]


def ocr_page(
    image: Any, number: int, width: float, height: float, settings: OcrSettings
) -> PageContent:
    """Read one page image (any PIL mode) of ``width`` x ``height`` points, in whichever of
    the four orientations reads: first the one ``_first_turns`` gives; when that reading is
    poor (``_poor``), the other turns in turn, keeping the surest. The PageContent's width
    and height are the page's as read; ``rotation`` says how it was turned (records map boxes
    back)."""
    import numpy as np

    from extract.readers.ocr.image import has_text_marks, ink_share

    grey = _full_resolution(np.asarray(image.convert("L")), width, height, settings)
    if ink_share(grey) < settings.blank_ink and not has_text_marks(grey, grey.shape[1] / width):
        return PageContent(number, width, height, (), notes=("blank page",))
    first, hunch = _first_turns(grey)
    guessed = () if hunch is None else (hunch,)
    order = list(
        dict.fromkeys((first, *guessed, (first + 2) % 4, (first + 1) % 4, (first + 3) % 4))
    )
    best: _Reading | None = None
    for at, turns in enumerate(order):
        reading = _read_turned(grey, turns, (width, height), settings)
        if best is None or _mean_confidence(reading.words) > _mean_confidence(best.words) + 10:
            best = reading
        # (a doubtful reading first is tried the way orientation detection, unsure, said)
        if not _poor(best.words) and not (at == 0 and hunch is not None and _doubtful(best.words)):
            break
    assert best is not None
    notes = [_TURN_NOTES[best.turns]] if best.turns else []
    if abs(best.skew) >= 0.05:
        notes.append(f"straightened by {best.skew:+.2f}°")
    lost = _text_lost(grey, best.words, grey.shape[1] / width)
    if lost:
        notes.append(lost)
    return PageContent(
        number,
        *best.size,
        tuple(best.words),
        best.rulings,
        rotation=best.skew - 90.0 * best.turns,
        notes=tuple(notes),
    )


# An image scanned coarser than this share of the OCR resolution (a 200 dpi scan or fax) is
# scaled up to it first: Tesseract reads small type far better at 300 dpi.
UPSCALE_BELOW = 0.9


def page_dpi(width: float, height: float, dpi: float, max_pixels: float) -> float:
    """The resolution to read a ``width`` x ``height`` points page at: ``dpi``, or less when
    that would make more than ``max_pixels``."""
    inches = max(width / 72 * height / 72, 1e-6)
    return min(float(dpi), float((max_pixels / inches) ** 0.5))


def _full_resolution(grey: Any, width: float, height: float, settings: OcrSettings) -> Any:
    """``grey`` (a page ``width`` x ``height`` points) scaled up to ``page_dpi`` when it is
    coarser than UPSCALE_BELOW of it; else as it is."""
    import cv2

    wanted = width / 72 * page_dpi(width, height, settings.dpi, settings.max_pixels)
    if grey.shape[1] >= UPSCALE_BELOW * wanted:
        return grey
    factor = wanted / grey.shape[1]
    return cv2.resize(grey, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)


def _first_turns(grey: Any) -> tuple[int, int | None]:
    """Quarter turns clockwise to read the page with first, as Tesseract's orientation
    detection says: when the page's text lines clearly run across it, none or (said surely)
    a half turn; else its answer, or, when it cannot tell, a quarter when the lines run down.
    Second, the turns it said unsurely, when another (else None). ``ocr_page`` tries the
    other turns when the first reading is poor, that one first when it is doubtful."""
    from extract.readers.ocr.image import ACROSS_SHARPER, SIDEWAYS_SHARPER, profile_sharpness
    from extract.readers.ocr.tesseract import orientation

    across, down = profile_sharpness(grey)
    turned, said = orientation(grey)
    if across > ACROSS_SHARPER * down:
        first = 2 if turned == 180 else 0
        hunch = 2 if said == 180 else None
    elif turned is not None:
        first, hunch = (4 - turned // 90) % 4, None  # text turned 270° ccw: a quarter back
    else:
        first = 1 if down > SIDEWAYS_SHARPER * across else 0
        hunch = None if said is None else (4 - said // 90) % 4
    return first, None if hunch == first else hunch


# A page whose OCR gave fewer letters than this share of the letter-sized marks its image
# shows (and MANY_MARKS marks or more) lost text: said, not left silent.
READ_SHARE = 0.3
MANY_MARKS = 150


def _text_lost(grey: Any, words: Sequence[Word], scale: float) -> str | None:
    """A note when OCR read far fewer letters than the page shows (a shaded band or dirt that
    made its lines unreadable), else None."""
    from extract.readers.ocr.image import text_marks

    marks = text_marks(grey, scale)
    letters = sum(sum(ch.isalnum() for ch in w.text) for w in words)
    if marks >= MANY_MARKS and letters < READ_SHARE * marks:
        return f"{TEXT_LOST}: OCR read {letters} letters of about {marks} the page shows"
    return None


_TURN_NOTES = {
    1: "page lay on its side; read turned a quarter clockwise",
    2: "page was upside down; read turned 180°",
    3: "page lay on its side; read turned a quarter counter-clockwise",
}


@dataclass(frozen=True, slots=True)
class _Reading:
    """One orientation's reading: quarter turns clockwise, the skew then straightened, the
    page size as turned (points), its words and rulings."""

    turns: int
    skew: float
    size: tuple[float, float]
    words: list[Word]
    rulings: tuple[Ruling, ...]


def _read_turned(
    grey: Any, turns: int, size: tuple[float, float], settings: OcrSettings
) -> _Reading:
    """The page image read turned ``turns`` quarters clockwise, then straightened."""
    import numpy as np

    from extract.readers.ocr.image import find_skew, rotate

    width, height = size
    if turns:
        grey = np.ascontiguousarray(np.rot90(grey, k=-turns))
    if turns % 2:
        width, height = height, width
    skew = find_skew(grey)
    straight = rotate(grey, skew) if abs(skew) >= 0.05 else grey
    words, rulings = _read_page(straight, grey.shape[1] / width, settings)
    return _Reading(turns, skew, (width, height), words, rulings)


def _read_page(
    straight: Any, scale: float, settings: OcrSettings
) -> tuple[list[Word], tuple[Ruling, ...]]:
    """Words and rulings of a straightened page image.

    Ruled tables are read cell by cell (``ocr_cells``), tall bands between rules across
    stack by stack (``ocr_bands``), the rest of the page line by line.
    """
    from extract.readers.ocr.bands import centred_in, meets_any, stacked_bands
    from extract.readers.ocr.cells import (
        blank_out,
        read_cells,
        table_cells,
        table_regions,
        text_boxes,
    )
    from extract.readers.ocr.image import binarise, unread_ink
    from extract.readers.ocr.image_rulings import remove_lines, ruling_boxes
    from extract.readers.ocr.shading import dark_bands_turned
    from extract.readers.ocr.words import on_a_ruling

    straight, dark = dark_bands_turned(straight)
    lines = ruling_boxes(straight, scale)
    unruled = remove_lines(straight, lines)
    clean = binarise(unruled, lines)
    regions = table_regions(lines, scale)
    cells = [cell for region in regions for cell in table_cells(region, lines, scale)]
    # a tall band between rules across (a header broken over lines): read stack by stack
    stacks = [s for s in stacked_bands(clean, lines, scale) if not meets_any(s, regions)]
    cells += stacks
    cell_boxes = started(
        lambda: read_cells(clean, cells, settings.lang, scale), settings.threads > 1
    )
    data = read_data(blank_out(clean, regions), settings.lang, f"--psm {settings.psm}")
    # (the stacks are not blanked for the page reading: its layout of the rest stays as it
    # was, and what it read inside them gives way to their own reading)
    boxes = [b for b in text_boxes(data) if not centred_in(b, stacks)] + cell_boxes()
    # letters of a dark band turned lose their blurred strokes to the threshold ("2824" for
    # "2024"): its cells are read again from the grey image, scaled up, and the surer kept
    in_dark = [cell for cell in cells if any(_middle_in(cell, band) for band in dark)]
    if in_dark:
        boxes = surer_per_box(boxes, unruled, in_dark, settings.lang, same_kept=True)
    # ink the first reading left out, read again region by region (from the grey image
    # scaled up too: small type the binarising ran together)
    covered = [(b.left, b.top, b.width, b.height) for b in boxes]
    unread = unread_ink(clean, covered, scale)
    boxes += surer_per_box(read_cells(clean, unread, settings.lang), unruled, unread, settings.lang)
    boxes = [b for b in boxes if not on_a_ruling(b, lines)]
    words = page_words(
        clean,
        unruled,
        boxes,
        scale,
        settings.lang,
        settings.second_look_below,
        settings.threads > 1,
    )
    rulings = tuple(
        Ruling(x0 / scale, top / scale, x1 / scale, bottom / scale) for x0, top, x1, bottom in lines
    )
    return words, rulings


def _middle_in(box: tuple[int, int, int, int], band: tuple[int, int, int, int]) -> bool:
    """Whether the middle of ``box`` lies in ``band`` (both x0, top, x1, bottom)."""
    x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return band[0] <= x <= band[2] and band[1] <= y <= band[3]


def _mean_confidence(words: Sequence[Word]) -> float:
    values = [w.confidence for w in words if w.confidence is not None]
    return sum(values) / len(values) if values else 0.0


# A reading this unsure (mean confidence) is doubtful: the way orientation detection said
# unsurely is tried too.
DOUBTFUL_BELOW = 70.0


def _doubtful(words: Sequence[Word]) -> bool:
    """A reading unsure enough to try the page the way orientation detection guessed."""
    return _mean_confidence(words) < DOUBTFUL_BELOW


def _poor(words: Sequence[Word]) -> bool:
    """A reading too poor to be the page's right way up: few words, or unsure ones."""
    return len(words) < 5 or _mean_confidence(words) < 55
