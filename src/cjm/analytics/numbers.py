"""Numbers as analytics tools write them: ``1,234``, ``1.234``, ``1.234,5``, ``62.5%``, ``€ 12``.

GA4 formats numbers in the language of its interface: ``12,345.67`` in English,
``12.345,67`` in Dutch. A cell such as ``1,234`` alone cannot say which it is, so
the notation is decided once per file (:func:`detect_notation`) from the cells
that do tell — ``0.62``, ``1,5``, ``1.234,56``, ``1,234,567`` — and a file that
uses both is refused rather than read half wrong. A separator followed by exactly
three digits in a file that never says otherwise is a thousands separator:
sessions, key events and revenue are counted in units, and ``1.234`` sessions
would be nonsense.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Notation", "NotationClash", "detect_notation", "parse_number"]

# Spaces (also no-break and narrow no-break, used as thousands separators in some
# locales), currency signs and a trailing percent sign are not part of the number.
_NOISE = re.compile(r"[\s\u00a0\u202f€$£]")
_SHAPE = re.compile(r"^[+-]?(\d[\d.,]*)?\d$|^[+-]?\d+[.,]?$|^[+-]?[.,]\d+$")


class Notation(StrEnum):
    """Which character separates the decimals."""

    POINT = "."  # English: 12,345.67
    COMMA = ","  # Dutch, German: 12.345,67


@dataclass(frozen=True)
class NotationClash(Exception):
    """Raised by :func:`detect_notation`: ``index`` is the first cell contradicting ``first``."""

    index: int
    first: int
    notation: Notation


def _clean(text: str) -> tuple[str, bool]:
    text = _NOISE.sub("", text)
    percent = text.endswith("%")
    return (text[:-1] if percent else text), percent


def _evidence(text: str) -> Notation | None:
    """The notation a cell proves, or None when it fits both (``1,234``, ``12``)."""
    digits, _ = _clean(text)
    commas, points = digits.count(","), digits.count(".")
    if commas and points:
        return Notation.COMMA if digits.rfind(",") > digits.rfind(".") else Notation.POINT
    if commas > 1:
        return Notation.POINT
    if points > 1:
        return Notation.COMMA
    if commas == 1 and len(digits) - digits.index(",") - 1 != 3:
        return Notation.COMMA
    if points == 1 and len(digits) - digits.index(".") - 1 != 3:
        return Notation.POINT
    return None


_MEMO = 4096
"""Distinct cells a pass over a file remembers: enough for what repeats, little memory."""


def _group_char(text: str) -> str | None:
    """For an ambiguous cell: the character it uses as a thousands separator, if any."""
    digits, _ = _clean(text)
    return "," if "," in digits else "." if "." in digits else None


def detect_notation(cells: Iterable[str]) -> Notation:
    """The notation of a file's numeric cells; :class:`NotationClash` if they disagree.

    ``cells`` is gone through once, or twice when no cell tells the notation: an
    iterable that can be iterated again (not a generator).

    Without a telling cell, the thousands separator the ambiguous cells use
    decides (``1.234`` means Dutch notation), and English notation is the default.
    """
    found: Notation | None = None
    first = -1
    # Cells repeat (0, 1, 0.6, ...): each distinct one is weighed once, the memo bounded.
    memo: dict[str, Notation | None] = {}
    for index, cell in enumerate(cells):
        if cell in memo:
            notation = memo[cell]
        else:
            notation = _evidence(cell)
            if len(memo) >= _MEMO:
                memo.clear()
            memo[cell] = notation
        if notation is None:
            continue
        if found is None:
            found, first = notation, index
        elif notation is not found:
            raise NotationClash(index, first, found)
    if found is not None:
        return found
    for index, cell in enumerate(cells):
        char = _group_char(cell)
        if char is None:
            continue
        # An ambiguous cell's separator is a thousands separator: ',' groups in English.
        notation = Notation.POINT if char == "," else Notation.COMMA
        if found is None:
            found, first = notation, index
        elif notation is not found:
            raise NotationClash(index, first, found)
    return found or Notation.POINT


def parse_number(text: str, notation: Notation) -> float | None:
    """The value of a cell in ``notation``; None if it is not a number.

    ``62.5%`` is 0.625, so percentages and GA4's fractions (``0.625``) agree.
    """
    digits, percent = _clean(text)
    if not digits or not _SHAPE.match(digits):
        return None
    group = "," if notation is Notation.POINT else "."
    if digits.count(notation.value) > 1:
        return None
    whole, _, decimals = digits.partition(notation.value)
    if group in whole:
        sign = whole[0] if whole[0] in "+-" else ""
        groups = whole.lstrip("+-").split(group)
        if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
            return None  # '12,34' is no grouping anyone writes
        whole = sign + "".join(groups)
    if group in decimals:
        return None
    value = float(f"{whole or '0'}.{decimals or '0'}")
    return value / 100 if percent else value
