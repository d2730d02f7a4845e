"""Numbers as reports and maps show them, in one place for every output.

``18420`` is ``18,420`` in English and ``18.420`` in Dutch; fractions get two
decimals; a share is a percentage with one. A value that is not a finite number
is shown as ``-``, never as ``nan`` or ``inf``.
"""

from __future__ import annotations

import math

__all__ = ["MISSING", "decimal", "number", "percent"]

MISSING = "-"
"""How a number that is not there (or not finite) is shown."""

_DUTCH = str.maketrans(",.", ".,")


def _localised(text: str, language: str) -> str:
    return text.translate(_DUTCH) if language == "nl" else text


def number(value: float | None, language: str = "en", *, fraction: bool = False) -> str:
    """``18420`` as ``18,420`` (en) or ``18.420`` (nl).

    Fractions, or every value with ``fraction`` (money, averages), get two decimals.
    """
    if value is None or not math.isfinite(value):
        return MISSING
    whole = float(value).is_integer()  # sums of no rows are the int 0, which has no is_integer
    text = f"{value:,.2f}" if fraction or not whole else f"{int(value):,}"
    return _localised(text, language)


def percent(share: float | None, language: str = "en") -> str:
    """A fraction (0..1) as ``35.4%`` (en) or ``35,4%`` (nl)."""
    if share is None or not math.isfinite(share):
        return MISSING
    return _localised(f"{share * 100:.1f}%", language)


def decimal(value: object, language: str = "en") -> str:
    """A number as written (``3.4``), with the language's decimal mark: ``3,4`` in Dutch."""
    if isinstance(value, float) and not math.isfinite(value):
        return MISSING
    text = str(value)
    return text.replace(".", ",") if language == "nl" else text
