"""Specs for extract.normalise.numbers: Danish cell text in, value + status + flags out."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.codes import Status
from extract.normalise.numbers import ParsedNumber, format_number, parse_number

R, S, N, M, X = (
    Status.REPORTED,
    Status.SUPPRESSED,
    Status.NIL,
    Status.MISSING,
    Status.ILLEGIBLE,
)
FN = ("footnote_mark",)

# (text, value, status, flags, decimals, percent_sign)
CASES: list[tuple[str, float | None, Status, tuple[str, ...], int, bool]] = [
    # blank
    ("", None, M, (), 0, False),
    ("   ", None, M, (), 0, False),
    ("\u00a0\u202f\u2009\t", None, M, (), 0, False),
    # suppressed: never 0
    (".", None, S, (), 0, False),
    ("..", None, S, (), 0, False),
    ("…", None, S, (), 0, False),
    (". .", None, S, (), 0, False),
    (" .\u00a0", None, S, (), 0, False),
    # nil
    ("-", 0.0, N, (), 0, False),
    ("–", 0.0, N, (), 0, False),
    ("—", 0.0, N, (), 0, False),
    ("−", 0.0, N, (), 0, False),
    (" - ", 0.0, N, (), 0, False),
    # plain digits; a printed 0 is a reported zero
    ("9301", 9301.0, R, (), 0, False),
    ("0", 0.0, R, (), 0, False),
    ("  42  ", 42.0, R, (), 0, False),
    # thousands separators
    ("1.278", 1278.0, R, (), 0, False),
    ("20.148", 20148.0, R, (), 0, False),
    ("1.278.000", 1278000.0, R, (), 0, False),
    ("1 278", 1278.0, R, (), 0, False),
    ("1\u00a0278", 1278.0, R, (), 0, False),
    ("1\u202f278", 1278.0, R, (), 0, False),
    ("1\u2009278", 1278.0, R, (), 0, False),
    ("1  278", 1278.0, R, (), 0, False),
    ("123 456 789", 123456789.0, R, (), 0, False),
    # decimal comma
    ("37,9", 37.9, R, (), 1, False),
    ("26,3", 26.3, R, (), 1, False),
    ("1.278,5", 1278.5, R, (), 1, False),
    ("1 278,5", 1278.5, R, (), 1, False),
    ("0,5", 0.5, R, (), 1, False),
    ("0,05", 0.05, R, (), 2, False),
    ("3,0", 3.0, R, (), 1, False),
    # percent
    ("37,9 %", 37.9, R, (), 1, True),
    ("37,9%", 37.9, R, (), 1, True),
    ("37,9\u00a0%", 37.9, R, (), 1, True),
    ("54%", 54.0, R, (), 0, True),
    ("37,9 pct.", 37.9, R, (), 1, True),
    ("37,9 pct", 37.9, R, (), 1, True),
    ("37,9 procent", 37.9, R, (), 1, True),
    ("12 PCT.", 12.0, R, (), 0, True),
    # negative
    ("-12", -12.0, R, (), 0, False),
    ("−12", -12.0, R, (), 0, False),
    ("– 12", -12.0, R, (), 0, False),
    ("-3,2 %", -3.2, R, (), 1, True),
    ("-1.278", -1278.0, R, (), 0, False),
    ("+12", 12.0, R, (), 0, False),
    ("-0", 0.0, R, (), 0, False),
    # footnote marks stay out of the value
    ("3*", 3.0, R, FN, 0, False),
    ("3**", 3.0, R, FN, 0, False),
    ("3¹", 3.0, R, FN, 0, False),
    ("3²", 3.0, R, FN, 0, False),
    ("3³", 3.0, R, FN, 0, False),
    ("12 (3)", 12.0, R, FN, 0, False),
    ("(3)", 3.0, R, FN, 0, False),
    ("1.278*", 1278.0, R, FN, 0, False),
    ("37,9¹ %", 37.9, R, FN, 1, True),
    ("37,9 %¹", 37.9, R, FN, 1, True),
    ("-*", 0.0, N, FN, 0, False),
    # a trailing letter is no footnote
    ("3a)", None, X, ("garbled_number",), 0, False),
    ("3 a)", None, X, ("garbled_number",), 0, False),
    # unit words are dropped
    ("10329 sager", 10329.0, R, (), 0, False),
    ("8280 sager", 8280.0, R, (), 0, False),
    ("21,4 uger", 21.4, R, (), 1, False),
    ("1 sag", 1.0, R, (), 0, False),
    ("12 personer", 12.0, R, (), 0, False),
    ("12 pers.", 12.0, R, (), 0, False),
    ("1.500 kr.", 1500.0, R, (), 0, False),
    ("1.500 kr", 1500.0, R, (), 0, False),
    ("7 Sager", 7.0, R, (), 0, False),
    ("1 278 sager", 1278.0, R, (), 0, False),
    # glitch: truncated decimal
    ("62, %", None, X, ("truncated_number",), 0, True),
    ("59,%", None, X, ("truncated_number",), 0, True),
    ("62,", None, X, ("truncated_number",), 0, False),
    (",5", None, X, ("truncated_number",), 0, False),
    ("1.278,", None, X, ("truncated_number",), 0, False),
    # glitch: junk inside the number
    ("31/8 %", None, X, ("garbled_number",), 0, True),
    ("3l,5", None, X, ("garbled_number",), 0, False),
    ("1O2", None, X, ("garbled_number",), 0, False),
    ("1lO2", None, X, ("garbled_number",), 0, False),
    ("12-", None, X, ("garbled_number",), 0, False),
    ("--12", None, X, ("garbled_number",), 0, False),
    ("１２", None, X, ("not_a_number",), 0, False),
    ("1234567890123456", None, X, ("garbled_number",), 0, False),
    # glitch: merged cells or text glued to digits
    ("9301 sager101", None, X, ("merged_text",), 0, False),
    ("sager101", None, X, ("merged_text",), 0, False),
    ("101sager", None, X, ("merged_text",), 0, False),
    ("12 14", None, X, ("merged_text",), 0, False),
    ("1234 567", None, X, ("merged_text",), 0, False),
    ("0 500", None, X, ("merged_text",), 0, False),
    ("I alt 12", None, X, ("merged_text",), 0, False),
    # glitch: a dot that may be an English decimal point
    ("1.5", None, X, ("ambiguous_number",), 0, False),
    ("37.9", None, X, ("ambiguous_number",), 0, False),
    ("12.34", None, X, ("ambiguous_number",), 0, False),
    ("1.2345", None, X, ("ambiguous_number",), 0, False),
    ("0.500", None, X, ("ambiguous_number",), 0, False),
    ("1,278.5", None, X, ("ambiguous_number",), 0, False),
    ("1,234,567", None, X, ("ambiguous_number",), 0, False),
    ("12.", None, X, ("ambiguous_number",), 0, False),
    ("37.9 %", None, X, ("ambiguous_number",), 0, True),
    # not a number at all
    ("Ikke oplyst", None, X, ("not_a_number",), 0, False),
    ("x", None, X, ("not_a_number",), 0, False),
    ("abc", None, X, ("not_a_number",), 0, False),
    ("%", None, X, ("not_a_number",), 0, True),
    ("*", None, X, ("footnote_mark", "not_a_number"), 0, False),
    ("sager", None, X, ("not_a_number",), 0, False),
    ("O", None, X, ("not_a_number",), 0, False),
    # footnote plus a glitch keeps both reasons
    ("62,*", None, X, ("footnote_mark", "truncated_number"), 0, False),
    # invisible characters are ignored
    ("1\u200b278", 1278.0, R, (), 0, False),
]


@pytest.mark.parametrize(("text", "value", "status", "flags", "decimals", "percent"), CASES)
def test_parse_number(
    text: str,
    value: float | None,
    status: Status,
    flags: tuple[str, ...],
    decimals: int,
    percent: bool,
) -> None:
    assert parse_number(text) == ParsedNumber(value, status, flags, decimals, percent)


def test_negative_zero_is_plain_zero() -> None:
    value = parse_number("-0").value
    assert value is not None
    assert str(value) == "0.0"


@pytest.mark.parametrize(
    ("value", "decimals", "thousands", "percent", "text"),
    [
        (1278, 0, ".", False, "1.278"),
        (37.9, 1, ".", True, "37,9 %"),
        (1278000, 0, " ", False, "1 278 000"),
        (1278.5, 1, "\u00a0", False, "1\u00a0278,5"),
        (999, 0, ".", False, "999"),
        (0, 0, ".", False, "0"),
        (-12, 0, ".", False, "-12"),
        (-0.04, 1, ".", False, "0,0"),
        (1278, 0, "", False, "1278"),
        (2.25, 2, ".", True, "2,25 %"),
    ],
)
def test_format_number(
    value: float, decimals: int, thousands: str, percent: bool, text: str
) -> None:
    assert format_number(value, decimals, thousands, percent) == text


@pytest.mark.parametrize(
    ("value", "decimals", "thousands"),
    [(1.0, 0, ","), (1.0, -1, "."), (float("nan"), 0, "."), (float("inf"), 0, ".")],
)
def test_format_number_rejects_bad_arguments(value: float, decimals: int, thousands: str) -> None:
    with pytest.raises(ValueError):
        format_number(value, decimals, thousands)


@given(st.text())
def test_parse_never_raises_and_keeps_its_invariants(text: str) -> None:
    parsed = parse_number(text)
    assert isinstance(parsed.status, Status)
    assert parsed.flags == tuple(sorted(set(parsed.flags)))
    if parsed.status in (Status.REPORTED, Status.NIL):
        assert parsed.value is not None
    else:
        assert parsed.value is None
        assert parsed.decimals == 0
    if parsed.status is Status.NIL:
        assert parsed.value == 0.0
    if parsed.status is Status.ILLEGIBLE:
        assert set(parsed.flags) - {"footnote_mark"}
    if parsed.status is Status.MISSING:
        assert parsed.flags == ()


@given(st.text(alphabet="0123456789.,%- \u00a0*¹()lOsager"))
def test_parse_never_raises_on_number_like_text(text: str) -> None:
    parsed = parse_number(text)
    assert (parsed.value is None) == (parsed.status not in (Status.REPORTED, Status.NIL))


THOUSANDS = st.sampled_from([".", " ", "\u00a0"])


@given(st.integers(-(10**9), 10**9), THOUSANDS, st.booleans())
def test_round_trip_integers(number: int, thousands: str, percent: bool) -> None:
    parsed = parse_number(format_number(number, 0, thousands, percent))
    assert parsed == ParsedNumber(float(number), Status.REPORTED, (), 0, percent)


@given(st.integers(-(10**10), 10**10), THOUSANDS, st.booleans())
def test_round_trip_one_decimal(tenths: int, thousands: str, percent: bool) -> None:
    value = tenths / 10
    parsed = parse_number(format_number(value, 1, thousands, percent))
    assert parsed.value is not None
    assert round(parsed.value, 1) == round(value, 1)
    assert (parsed.status, parsed.flags, parsed.decimals, parsed.percent_sign) == (
        Status.REPORTED,
        (),
        1,
        percent,
    )


SPACES = st.text(alphabet=" \u00a0\u202f\u2009\t", max_size=3)


@given(SPACES, st.sampled_from([".", "..", "…", ". .", "..."]), SPACES, st.booleans())
def test_suppressed_never_gives_a_value(before: str, mark: str, after: str, star: bool) -> None:
    parsed = parse_number(before + mark + ("*" if star else "") + after)
    assert parsed.status is Status.SUPPRESSED
    assert parsed.value is None
