"""Document types (extract.interpret.classify): from the first page's heading, or the running
heads of the pages after it when the first page names none."""

from __future__ import annotations

from extract.interpret.classify import context_for
from extract.interpret.rulebook import Rulebook

CHAPTER = "Kapitel 4: Klagesager på det sociale område\nAntallet af behandlede sager i 2024"
REPORT_HEAD = "Ankestyrelsen | Årsredegørelse 2024\nTabel 4.4 Realitetsbehandlede sager"


def test_the_first_pages_heading_names_the_type(rulebook: Rulebook) -> None:
    got = context_for(
        ["Ishøj Kommune\nReferat\nSocialudvalget"], rulebook, sheets=False, scanned=False
    )
    assert (got.document_type, got.heading) == ("referat", "Ishøj Kommune\nReferat\nSocialudvalget")


def test_an_excerpt_is_typed_by_the_running_head_of_its_next_page(rulebook: Rulebook) -> None:
    got = context_for([CHAPTER, REPORT_HEAD], rulebook, sheets=False, scanned=False)
    assert (got.document_type, got.heading) == ("aarsredegoerelse", CHAPTER)


def test_words_further_down_a_later_page_name_no_type(rulebook: Rulebook) -> None:
    later = "Side 2\nKilde: Ankestyrelsen\nSe også Ankestyrelsens årsredegørelse 2024"
    got = context_for([CHAPTER, later], rulebook, sheets=False, scanned=False)
    assert got.document_type == "ukendt"


def test_the_first_pages_type_wins_over_a_running_head(rulebook: Rulebook) -> None:
    got = context_for(["Fanø Kommune\nReferat", REPORT_HEAD], rulebook, sheets=False, scanned=False)
    assert got.document_type == "referat"


def test_no_heading_is_a_document_of_no_known_type(rulebook: Rulebook) -> None:
    assert context_for([], rulebook, sheets=False, scanned=False).document_type == "ukendt"
    assert context_for([], rulebook, sheets=False, scanned=True).document_type == "aktindsigt"
    assert context_for([], rulebook, sheets=True, scanned=False).document_type == "regneark"


def test_the_files_own_title_names_the_type_when_no_page_does(rulebook: Rulebook) -> None:
    got = context_for(
        [CHAPTER], rulebook, sheets=False, scanned=False, described="Årsredegørelse 2024"
    )
    assert (got.document_type, got.heading) == ("aarsredegoerelse", CHAPTER)


def test_a_page_naming_a_type_wins_over_the_files_title(rulebook: Rulebook) -> None:
    got = context_for(
        ["Fanø Kommune\nReferat"], rulebook, sheets=False, scanned=False, described="Årsredegørelse"
    )
    assert got.document_type == "referat"


def test_ocr_words_read_unsurely_are_no_part_of_a_heading() -> None:
    """A table of contents' dotted leader read by OCR as "LEE ÆRØ EEK" (confidence 0-33)
    beside "Kapitel 3: Ankestyrelsens afgørelser": the heading holds the sure words only,
    so it names no municipality (Ærø)."""
    from extract.interpret.classify import page_heading
    from extract.model import PageContent, Word

    sure = [("Kapitel", 51), ("3:", 90), ("Ankestyrelsens", 103), ("afgørelser", 187)]
    unsure = [("LEE", 383, 9.0), ("ÆRØ", 399, 33.0), ("EEK", 412, 0.0), ("18", 533, 96.0)]
    words = [Word(t, (x, 100, x + 30, 110), "ocr", 96.0) for t, x in sure]
    words += [Word(t, (x, 99, x + 10, 112), "ocr", c) for t, x, c in unsure]
    heading = page_heading(PageContent(1, 595.0, 842.0, tuple(words)))
    assert heading == "Kapitel 3: Ankestyrelsens afgørelser 18"
