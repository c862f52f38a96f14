"""One Tesseract call: a grey image array in, Tesseract's word table out.

The same Tesseract runs one of two ways, with the same words and confidences:

- **in process** (tesserocr), when tesserocr is installed and linked against the same Tesseract
  version as the ``tesseract`` command. Each language's models are loaded once per process
  and reused, which saves a process start and a model load (about 0.2 s) on every call; a page
  with a table makes four or five calls.
- **the ``tesseract`` command** (pytesseract) otherwise, or when ``ANKESTAT_OCR_ENGINE=command``.
  The image is handed over as an uncompressed PPM file: PNG (pytesseract's default) costs a
  tenth of a second in zlib per page, and Tesseract reads both equally fast.

In: 8-bit grey pixels (NumPy array), Tesseract languages ("dan+eng") and command-line style
settings ("--psm 6 -c name=value"). Out: pytesseract's ``image_to_data`` dict of columns
(level, page_num, block_num, par_num, line_num, word_num, left, top, width, height, conf,
text), confidences as whole numbers as the command prints them.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

# pytesseract writes the image in this format (PIL's name; P5 for a grey image).
HANDOVER_FORMAT = "PPM"
ENGINE_VARIABLE = "ANKESTAT_OCR_ENGINE"  # "command" forces the tesseract command


def pytesseract_module() -> Any:
    """pytesseract, imported without pandas: pytesseract imports pandas whenever it is
    installed (for an output we never ask for), which costs every OCR worker half a second
    and tens of MiB, enough to break a tight --memory-limit."""
    import sys

    if "pytesseract" in sys.modules or "pandas" in sys.modules:
        import pytesseract

        return pytesseract
    sys.modules["pandas"] = None  # type: ignore[assignment]  # (import pandas: ImportError)
    try:
        import pytesseract
    finally:
        del sys.modules["pandas"]
    return pytesseract


COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)

_idle_engines: dict[str, list[Any]] = {}
_idle_lock = threading.Lock()


def read_data(pixels: Any, lang: str, config: str) -> dict[str, list[Any]]:
    """Tesseract's words of the grey ``pixels`` as a dict of columns (see the module doc)."""
    if engine_name() == "tesserocr":
        return _read_in_process(pixels, lang, config)
    return _read_by_command(pixels, lang, config)


# Tesseract refuses an image taller or wider than 32,767 pixels ("No image set?"): crops
# stacked on one sheet are read in several sheets of at most this height.
MAX_SHEET_PIXELS = 30_000
# Tesseract's orientation and script detection needs this many confidence points to be taken.
MIN_ORIENTATION_CONFIDENCE = 2.0


def orientation(pixels: Any) -> tuple[int | None, int | None]:
    """Degrees (0, 90, 180, 270) Tesseract's orientation detection (its ``osd`` data, at the
    page's full resolution) says the page's text is turned, counter-clockwise: (said surely,
    said at all). None when it cannot tell (surely), or its data is not installed."""
    try:
        if engine_name() == "tesserocr":
            found = _orientation_in_process(pixels)
        else:
            found = _orientation_by_command(pixels)
    except Exception:  # no osd data, too little text: Tesseract cannot tell
        return None, None
    if found is None:
        return None, None
    if found[1] < MIN_ORIENTATION_CONFIDENCE:
        return None, found[0]
    return found[0], found[0]


def _orientation_in_process(pixels: Any) -> tuple[int, float] | None:
    import numpy as np
    import tesserocr

    image = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = image.shape
    with _engine("osd") as api:
        api.SetPageSegMode(tesserocr.PSM.OSD_ONLY)
        try:
            api.SetImageBytes(image.tobytes(), width, height, 1, width)
            found = api.DetectOrientationScript()
        finally:
            api.Clear()
    return None if not found else (int(found["orient_deg"]), float(found["orient_conf"]))


def _orientation_by_command(pixels: Any) -> tuple[int, float] | None:
    from PIL import Image

    pytesseract = pytesseract_module()

    image = Image.fromarray(pixels)
    image.format = HANDOVER_FORMAT
    found = pytesseract.image_to_osd(image, output_type=pytesseract.Output.DICT)
    return int(found["orientation"]), float(found["orientation_conf"])


def engine_name() -> str:
    """ "tesserocr" when the in-process engine is usable (the same Tesseract as the command)
    and ``ANKESTAT_OCR_ENGINE`` is not "command", else "command"."""
    # Tesseract's OpenMP reads this when the library loads: one thread per page is several
    # times faster on small machines than its default; pages run in parallel threads instead.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if os.environ.get(ENGINE_VARIABLE, "") == "command":
        return "command"
    return "tesserocr" if _in_process_usable() else "command"


@cache
def _in_process_usable() -> bool:
    try:
        import tesserocr
    except ImportError:
        return False
    pytesseract = pytesseract_module()
    library = tesserocr.tesseract_version().split()[1]
    return bool(library == str(pytesseract.get_tesseract_version()))


def _read_by_command(pixels: Any, lang: str, config: str) -> dict[str, list[Any]]:
    from PIL import Image

    pytesseract = pytesseract_module()

    image = Image.fromarray(pixels)
    image.format = HANDOVER_FORMAT
    data: dict[str, list[Any]] = pytesseract.image_to_data(
        image, lang=lang, config=config, output_type=pytesseract.Output.DICT
    )
    return data


def _read_in_process(pixels: Any, lang: str, config: str) -> dict[str, list[Any]]:
    import numpy as np

    psm, variables = _settings(config)
    image = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = image.shape
    with _engine(lang) as api:
        api.SetPageSegMode(psm)
        for name, value in variables.items():
            api.SetVariable(name, value)
        try:
            api.SetImageBytes(image.tobytes(), width, height, 1, width)
            api.Recognize()
            tsv = api.GetTSVText(0)
        finally:
            for name in variables:
                api.SetVariable(name, "")
            api.Clear()
    return _columns(tsv)


@contextmanager
def _engine(lang: str) -> Iterator[Any]:
    """A Tesseract engine for ``lang`` no other thread is using: an idle one, or a new one."""
    import tesserocr  # (after engine_name, which set OMP_THREAD_LIMIT)

    with _idle_lock:
        idle = _idle_engines.setdefault(lang, [])
        api = idle.pop() if idle else None
    if api is None:
        api = tesserocr.PyTessBaseAPI(lang=lang)
    try:
        yield api
    finally:
        with _idle_lock:
            _idle_engines[lang].append(api)


def _settings(config: str) -> tuple[int, dict[str, str]]:
    """Page segmentation mode and ``-c`` variables of a command-line style ``config``."""
    parts = config.split()
    psm = int(parts[parts.index("--psm") + 1]) if "--psm" in parts else 3
    variables = dict(
        parts[i + 1].split("=", 1) for i, part in enumerate(parts[:-1]) if part == "-c"
    )
    return psm, variables


def _columns(tsv: str) -> dict[str, list[Any]]:
    """Tesseract's TSV rows (no header) as pytesseract's dict; confidences truncated to whole
    numbers as the command prints them."""
    data: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for line in tsv.splitlines():
        cells = line.split("\t")
        cells += [""] * (len(COLUMNS) - len(cells))
        for name, cell in zip(COLUMNS, cells, strict=False):
            if name == "text":
                data[name].append(cell)
            elif name == "conf":
                data[name].append(int(float(cell)))
            else:
                data[name].append(int(cell))
    return data
