"""A scanner's own text layer behind the page images ("searchable PDF") is judged before it is
trusted: a poor one is replaced by our OCR, a faithful one kept, and the report says which."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from extract.codes import FileStatus
from extract.interpret.rulebook import Rulebook
from extract.model import Word
from extract.pipeline import process_file
from extract.readers import ReadOptions
from extract.readers.pdf.scanner_text import SAMPLE_WORDS, _same, sample_words
from samples.make_searchable import build_searchable
from tests.conftest import SAMPLES

IMAGE_ONLY = SAMPLES / "scan-referat-ishoej-sundhedsudvalg-2021-03-08.pdf"
SEARCHABLE = SAMPLES / "scan-soegbar-referat-ishoej-sundhedsudvalg-2021-03-08.pdf"


def _key(record: Any) -> str:
    fields = ("period", "municipality_code", "law_area", "provision", "measure", "value")
    more = ("status", "row_label", "column_label", "flags", "bbox", "cell_text")
    return repr(tuple(getattr(record, k) for k in (*fields, *more)))


def _notes(result: Any) -> list[str]:
    return [f.message for f in result.findings if f.code == "page_note"]


@pytest.mark.slow  # OCR of two scans
def test_a_poor_scanner_layer_gives_the_records_of_the_image_only_scan(
    rulebook: Rulebook,
) -> None:
    """The committee scan with a scanner's layer behind its images (every other number
    misread: "5l", "B.", a lost comma): the layer is judged poor on both pages and the pages
    are read with OCR, giving exactly the image-only scan's records."""
    searchable = process_file(SEARCHABLE, rulebook)
    image_only = process_file(IMAGE_ONLY, rulebook)
    assert searchable.status is FileStatus.OK and len(searchable.records) == 42
    assert sorted(map(_key, searchable.records)) == sorted(map(_key, image_only.records))
    replaced = [n for n in _notes(searchable) if "text layer behind the page image, replaced" in n]
    assert [n.split(":")[0] for n in replaced] == ["page 1", "page 2"]
    assert {r.source_kind for r in searchable.records} == {"pdf_ocr"}


def test_with_ocr_off_a_scanner_layer_is_read_and_said_to_be_unchecked(
    rulebook: Rulebook,
) -> None:
    result = process_file(SEARCHABLE, rulebook, ReadOptions(ocr=False))
    assert _notes(result) == [
        "page 1: a scanner's text layer behind the page image, used unchecked (OCR is off)",
        "page 2: a scanner's text layer behind the page image, used unchecked (OCR is off)",
    ]


@pytest.mark.slow  # OCR of a page
def test_a_faithful_scanner_layer_is_kept(rulebook: Rulebook, tmp_path: Path) -> None:
    """The same scan with the digital original's words behind it: page 1's sample all agrees
    with OCR and its layer is kept (its records are the text layer's)."""
    path = build_searchable(tmp_path, poor=False)
    result = process_file(path, rulebook)
    assert "page 1: a scanner's text layer behind the page image, kept: 16 of 16 sampled " in (
        "\n".join(_notes(result))
    )
    assert {r.source_kind for r in result.records if r.page == 1} == {"pdf_text"}


def test_numbers_are_sampled_first_and_compared_character_by_character() -> None:
    words = [Word("ord" + "abcdefgh"[i % 8], (0.0, float(i), 10.0, i + 5.0)) for i in range(40)]
    words += [Word(str(i), (20.0, float(i), 30.0, i + 5.0)) for i in range(10)]
    picked = sample_words(words)
    assert len(picked) == SAMPLE_WORDS and [w.text for w in picked[:10]] == [
        str(i) for i in range(10)
    ]
    assert not _same("37,9", "379") and not _same("1.278", "1278") and _same("1 278", "1278")
    assert _same("mv.", "mv") and _same("Stadfæstet", "stadfæstet")
