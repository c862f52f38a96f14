"""Repair of OCR'd words and labels against the vocabulary (extract/interpret/ocr_lexicon.py)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from extract.interpret.ocr_labels import repair_labels
from extract.interpret.ocr_lexicon import (
    DIGIT_EDIT_COST,
    Lexicon,
    VocabularyError,
    misread_cost,
    read_vocabulary,
)
from extract.interpret.ocr_periods import PeriodLetters, has_year, period_numbers
from extract.interpret.rulebook import Rulebook
from tests.interpret.test_interpret_table import table


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Bern", "Børn"),
        ("Born", "Børn"),
        ("Hjzelpemidier", "Hjælpemidler"),
        ("forzeidrebetaling", "forældrebetaling"),
        ("aktiviov", "aktivlov"),
        ("Omgerelses-", "Omgørelses-"),
        ("Omggrelsesprocent", "Omgørelsesprocent"),
        ("STADFAESTEDE", "STADFÆSTEDE"),
        ("Bamets", "Barnets"),
        ("Almenc", "Almene"),
        ("jandet", "landet"),  # "hele jandet": a national caption read as the minutes' own
        # runs of letters between marks are repaired each on its own
        ("/Ophavet.", "/Ophævet."),
        ("Omgerelses-%", "Omgørelses-%"),
        ("atviste/henviste", "afviste/henviste"),
        # a word cut short with a full stop is read as the beginning of a known word
        ("Stadt.", "Stadf."),
        ("Realitetsbch.", "Realitetsbeh."),
        ("Hjernv.", "Hjemv."),
    ],
)
def test_typical_misreadings_are_read_as_the_known_word(
    rulebook: Rulebook, read: str, printed: str
) -> None:
    assert rulebook.lexicon.repair(read) == printed


@pytest.mark.parametrize(
    "word",
    # "Stadf." and "Realitetsbeh." begin known words; "Stadt" without a stop is no short form
    ["Børn", "Serviceloven", "1O2", "§159", "og", "Bogstav", "Stadf.", "Realitetsbeh.", "Stadt"],
)
def test_known_words_numbers_short_and_far_words_are_left_alone(
    rulebook: Rulebook, word: str
) -> None:
    assert rulebook.lexicon.repair(word) is None


def test_a_word_near_two_known_words_is_left_alone() -> None:
    # "bon" is one misreading from both ("ø" and "e" are both read as "o")
    assert Lexicon(frozenset({"bøn", "ben"})).repair("bon") is None
    assert Lexicon(frozenset({"bøn"})).repair("bon") == "bøn"
    # "a" is not a typical misreading of "e": "bern" is "børn", not "barn"
    assert Lexicon(frozenset({"børn", "barn"})).repair("bern") == "børn"


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("halt", "I alt"),
        ("l alt", "I alt"),
        ("Børn - samvær - 71", "Børn - samvær - § 71"),
        ("Voksne - midlertidigt botilbud - § 107 i", "Voksne - midlertidigt botilbud - § 107"),
        # a misread word leaves no word in common: the phrase is found by its letter pairs
        ("Indskudslan - § 54-71", "Indskudslån - § 54-71"),
        ("Indskudslan - 8 54-71", "Indskudslån - § 54-71"),
        # a letter read as a look-alike digit is a misreading, not a number
        (
            "Børn - KSB - Forebyggende indsats - § 31 0g § 81",
            "Børn - KSB - Forebyggende indsats - § 31 og § 81",
        ),
    ],
)
def test_row_labels_are_read_as_the_known_label(
    rulebook: Rulebook, read: str, printed: str
) -> None:
    assert rulebook.lexicon.repair_label(read) == printed


@pytest.mark.parametrize(
    "label",
    [
        "Serviceloven 2021",
        "Ishøj Kommune",
        "I alt",
        "Indskudslån - § 54-72",
        "Børn - samvær - § 72",
    ],
)
def test_other_labels_are_left_alone(rulebook: Rulebook, label: str) -> None:
    assert rulebook.lexicon.repair_label(label) is None


def test_misreadings_cost_less_than_other_edits() -> None:
    assert misread_cost("børn", "bern") == 0.25
    assert misread_cost("hjælp", "hjzelp") == 0.25
    assert misread_cost("børn", "bxrn") == 1.0
    # a digit put in, taken out or changed costs far more than any repair may
    assert misread_cost("§ 31", "§ 32") == DIGIT_EDIT_COST
    assert misread_cost("§ 31", "§ 3") == DIGIT_EDIT_COST
    assert misread_cost("§ 31 og", "§ 31 0g") == 0.25


def test_a_bad_vocabulary_file_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "vocabulary.yaml"
    path.write_text("sagsemner: []\nlabels: []\nwords: []\nextra: []\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"vocabulary\.yaml: extra: unknown key"):
        read_vocabulary(path)
    path.write_text("sagsemner: []\nlabels: [1]\nwords: []\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"vocabulary\.yaml: labels: expected a list"):
        read_vocabulary(path)


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("KI 2019", "K1 2019"),
        ("2022 KA", "2022 K4"),
        ("Hl 2020", "H1 2020"),
        ("Qz 2021", "Q2 2021"),
        ("K| 2019", "K1 2019"),
        ("KI/K2 2019", "K1/K2 2019"),
    ],
)
def test_a_period_number_read_as_a_letter_beside_a_year_is_read_as_the_number(
    read: str, printed: str
) -> None:
    letters = PeriodLetters(frozenset({"k", "q"}), frozenset({"h"}))
    assert period_numbers(read, letters, has_year(read)) == printed


@pytest.mark.parametrize("text", ["KA", "HA 2020", "KIA 2019", "SKI 2019", "I alt 2019"])
def test_other_period_like_tokens_are_left_alone(text: str) -> None:
    """No year beside it, no quarter or half it could be (H4), or more than two letters."""
    letters = PeriodLetters(frozenset({"k", "q"}), frozenset({"h"}))
    assert period_numbers(text, letters, has_year(text)) is None


def test_ocr_period_headers_and_labels_are_repaired_and_say_so(rulebook: Rulebook) -> None:
    """An OCR'd "KI" under "2019" (a two-level header) and row label "KA 2022": read as their
    quarters, each repair named, so their values carry ocr_label_corrected."""
    printed = table(["2019 / KI", "2019 / K2"], [("KA 2022", ["12", "12"])])
    ocr_row = replace(printed.rows[0], label_confidence=90.0)  # an OCR'd row
    (repaired,) = repair_labels([replace(printed, rows=(ocr_row,))], rulebook.lexicon)
    assert repaired.column_headers == (("2019", "K1"), ("2019", "K2"))
    assert repaired.header_repairs == (("KI -> K1",), ())
    assert repaired.rows[0].label == "K4 2022"
    assert repaired.rows[0].label_repairs == ("KA 2022 -> K4 2022",)


@pytest.mark.parametrize(
    "read",
    [
        "Børn - Forhold under anbringelsen - § 69, stk. I",
        "Barn - Forhold under anbringelsen - § 69, stk. l",
    ],
)
def test_a_known_provisions_digit_read_as_a_letter_is_read_as_the_provision(
    rulebook: Rulebook, read: str
) -> None:
    assert rulebook.lexicon.repair_label(read) == "Børn - Forhold under anbringelsen - § 69, stk. 1"


def test_a_known_provision_with_another_digit_is_not_read_as_it(rulebook: Rulebook) -> None:
    """A digit is never changed into another: "stk. 2" is no misreading of "stk. 1"."""
    assert rulebook.lexicon.repair_label("Børn - Forhold under anbringelsen - § 69, stk. 2") is None


def test_an_ocr_caption_period_is_repaired_and_every_value_says_so(rulebook: Rulebook) -> None:
    """An OCR'd table's caption reading "2019 Hi" is read as "2019 H1"; the repair is named on
    every column, so every value of the table carries ocr_label_corrected."""
    printed = table(
        ["Stadfæstet", "Hjemvist"],
        [("Biler - § 114", ["4", "2"])],
        caption="Tabel 1. Afgørelser 2019 Hi",
    )
    ocr_row = replace(printed.rows[0], label_confidence=90.0)
    (repaired,) = repair_labels([replace(printed, rows=(ocr_row,))], rulebook.lexicon)
    assert repaired.caption == "Tabel 1. Afgørelser 2019 H1"
    note = "Tabel 1. Afgørelser 2019 Hi -> Tabel 1. Afgørelser 2019 H1"
    assert repaired.header_repairs == ((note,), (note,))


def test_an_ocr_label_cell_is_repaired_and_its_row_says_so(rulebook: Rulebook) -> None:
    """A label column's cell ("Børn - samvær & 71" beside the municipality), read with OCR,
    is read as the known provision; the repair goes with the row's. A value is not touched."""
    printed = table(["Sagsemne", "Stadfæstet"], [("Ishøj", ["Børn - samvær & 71", "12"])])
    cells = tuple(replace(c, ocr_confidence=91.0) for c in printed.rows[0].cells if c)
    (repaired,) = repair_labels(
        [replace(printed, rows=(replace(printed.rows[0], cells=cells),))], rulebook.lexicon
    )
    assert [c.text for c in repaired.rows[0].cells if c] == ["Børn - samvær - § 71", "12"]
    assert repaired.rows[0].label_repairs == ("Børn - samvær & 71 -> Børn - samvær - § 71",)


def test_an_ocr_header_broken_at_line_ends_is_repaired_as_joined(rulebook: Rulebook) -> None:
    """A narrow column's header broken over three lines and misread ("Omger- elsespr- ocent"):
    no piece is a word, the joined word misreads "Omgørelsesprocent"; the repair is named.
    A suspended compound ("Social- og sundhed") is no broken word and stays."""
    printed = table(
        ["Stadf- æste- ise", "Omger- elsespr- ocent", "Social- og sundhed"],
        [("Biler - § 114", ["4", "2", "1"])],
    )
    ocr_row = replace(printed.rows[0], label_confidence=90.0)
    (repaired,) = repair_labels([replace(printed, rows=(ocr_row,))], rulebook.lexicon)
    assert repaired.column_headers == (
        ("Stadfæstelse",),
        ("Omgørelsesprocent",),
        ("Social- og sundhed",),
    )
    assert repaired.header_repairs == (
        ("Stadf- æste- ise -> Stadfæstelse",),
        ("Omger- elsespr- ocent -> Omgørelsesprocent",),
        (),
    )


def test_dirt_read_as_a_short_word_or_a_mark_at_a_headers_end_is_dropped(
    rulebook: Rulebook,
) -> None:
    """ "Antal personer te" (a speck read as letters), "Landsplan!" (a footnote mark read as
    "!"): read as the known words before them, and the repair named; a label cut short at a
    word of its own ("Stadfæstede og", "Sager i") or at an abbreviation ("m. fl.") is left
    as printed, and so is an unknown last word of letters ("Hele landet før")."""
    headers = ["Antal personer te", "Landsplan!", "Stadfæstede og", "Sager i", "Hele landet før"]
    headers.append("Lov om højeste, mellemste førtidspension m. fl.")  # an abbreviation
    printed = table(headers, [("Biler - § 114", ["4", "2", "1", "3", "5", "6"])])
    ocr_row = replace(printed.rows[0], label_confidence=90.0)
    (repaired,) = repair_labels([replace(printed, rows=(ocr_row,))], rulebook.lexicon)
    assert repaired.column_headers == (
        ("Antal personer",),
        ("Landsplan",),
        ("Stadfæstede og",),
        ("Sager i",),
        ("Hele landet før",),
        ("Lov om højeste, mellemste førtidspension m. fl.",),
    )
    assert repaired.header_repairs[0] == ("Antal personer te -> Antal personer",)


def test_an_unknown_ocr_provision_labels_numbers_are_unverified(rulebook: Rulebook) -> None:
    """A provision label that is no known phrase has its numbers listed as unverified ("§159"
    read as "8159" holds no unknown word, but its number no phrase checks); a known phrase
    has none."""
    lexicon = rulebook.lexicon
    assert lexicon.unknown_words("Børn - forældrebetaling 8159") == ("8159",)
    assert lexicon.unknown_words("Biler 114 og 115") == ("114", "115")
    assert lexicon.unknown_words("Børn - samvær - § 71") == ()


def test_the_first_words_of_a_known_label_are_said_to_be_cut_short(rulebook: Rulebook) -> None:
    """ "Kompensationsloven - personlig assistance", its "-, kap. 3-4" lost to a line of its
    own: the start of a known label, flagged as not verified; the whole label, or a word of
    a label alone ("Hjælpemidler"), is not."""
    lexicon = rulebook.lexicon
    cut = "Kompensationsloven - personlig assistance"
    assert lexicon.cut_short(cut)
    assert "(cut short)" in lexicon.unknown_words(cut)
    assert not lexicon.cut_short(f"{cut} -, kap. 3-4")
    assert lexicon.unknown_words(f"{cut} -, kap. 3-4") == ()
    assert not lexicon.cut_short("Kompensationsloven - personlig assist")  # no whole word


def test_a_word_of_two_letters_no_known_label_prints_is_unknown(rulebook: Rulebook) -> None:
    """ "Lov om aktiv ak socialpolitik": "ak" is no word of any known label (OCR dirt read
    into the label), so the label is not verified; "og", "om" and "KH" are."""
    lexicon = rulebook.lexicon
    assert lexicon.unknown_words("Lov om aktiv ak socialpolitik") == ("ak",)
    assert "og" in lexicon.short_words and "kh" in lexicon.short_words
    assert lexicon.unknown_words("Forbrugsgoder og boligindretning") == ()


def test_two_known_labels_run_together_are_said_to_be_two(rulebook: Rulebook) -> None:
    """ "A-dagpenge Kontanthjælp": two rows of benefits read by OCR as one label; each alone
    is known, together they are flagged as not verified."""
    lexicon = rulebook.lexicon
    assert lexicon.two_labels("A-dagpenge Kontanthjælp")
    assert "(two labels)" in lexicon.unknown_words("A-dagpenge Kontanthjælp")
    assert not lexicon.two_labels("A-dagpenge")
    assert lexicon.unknown_words("Kontanthjælp") == ()


def test_an_ocr_label_cells_unknown_words_go_with_its_row(rulebook: Rulebook) -> None:
    """A label column's cell read "Børn - samvær - 571" ("§ 71" misread), no known label and
    not one misreading away: its number goes with the row's unknown words (its values are
    then flagged ``ocr_label_unverified``), as do a stray quote ("Fleksjob '") and a cell
    that is a known label after repair (none)."""
    printed = table(
        ["Sagsemne", "Stadfæstet"],
        [
            ("Ishøj", ["Børn - samvær - 571", "12"]),
            ("Ishøj", ["Fleksjob '", "3"]),
            ("Ishøj", ["Børn - samvær & 71", "4"]),
        ],
    )
    rows = tuple(
        replace(row, cells=tuple(replace(c, ocr_confidence=91.0) for c in row.cells if c))
        for row in printed.rows
    )
    (repaired,) = repair_labels([replace(printed, rows=rows)], rulebook.lexicon)
    assert [row.label_unknown for row in repaired.rows] == [("571",), ("'",), ()]
