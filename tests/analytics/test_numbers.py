"""Number notation: decided once per file, then every cell read in it."""

from __future__ import annotations

import pytest

from cjm.analytics.numbers import Notation, NotationClash, detect_notation, parse_number

POINT, COMMA = Notation.POINT, Notation.COMMA


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["12", "300"], POINT),  # nothing tells: English is the default
        (["1,234", "12"], POINT),  # ',' before three digits groups thousands in English
        (["1.234", "12"], COMMA),  # '.' before three digits groups thousands in Dutch
        (["1,234", "0.5"], POINT),
        (["1.234", "0,5"], COMMA),
        (["1.234.567"], COMMA),
        (["1,234,567"], POINT),
        (["12.345,67"], COMMA),
        (["12,345.67"], POINT),
        (["62,5%"], COMMA),
        (["€ 1.234,50"], COMMA),
    ],
)
def test_detect_notation(cells: list[str], expected: Notation) -> None:
    assert detect_notation(cells) is expected


@pytest.mark.parametrize(
    ("cells", "index", "first"),
    [
        (["0.5", "0,5"], 1, 0),
        (["12", "1,234.5", "1.234,5"], 2, 1),
        (["1,234", "1.234"], 1, 0),  # two ambiguous cells that group differently
    ],
)
def test_detect_notation_refuses_a_mix(cells: list[str], index: int, first: int) -> None:
    with pytest.raises(NotationClash) as raised:
        detect_notation(cells)
    assert (raised.value.index, raised.value.first) == (index, first)


@pytest.mark.parametrize(
    ("text", "notation", "value"),
    [
        ("12", POINT, 12.0),
        ("1,234", POINT, 1234.0),
        ("1,234,567.89", POINT, 1234567.89),
        ("1.234", COMMA, 1234.0),
        ("1.234,5", COMMA, 1234.5),
        ("0,6235", COMMA, 0.6235),
        ("0.6235", POINT, 0.6235),
        ("62.5%", POINT, 0.625),
        ("€ 1.234,50", COMMA, 1234.5),
        ("$1,234.50", POINT, 1234.5),
        ("1\u00a0234", POINT, 1234.0),  # a no-break space groups thousands in some locales
        ("-12.5", POINT, -12.5),
        (".5", POINT, 0.5),
        ("abc", POINT, None),
        ("12,34", POINT, None),  # not a grouping anyone writes
        ("1.2.3", POINT, None),
        ("1,5", POINT, None),
        ("", POINT, None),
        ("12-3", POINT, None),
    ],
)
def test_parse_number(text: str, notation: Notation, value: float | None) -> None:
    assert parse_number(text, notation) == value
