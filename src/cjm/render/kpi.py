"""Is a KPI on track? ``actual`` against ``target``, in the direction ``better`` says.

KPI values are free text as a consultant writes them (``5000 per maand``, ``2,5%``,
``8,5 of hoger``), in Dutch or English. The first number in each is compared;
a value without a number, a missing ``actual``, or a percentage against a plain
number is *no data*: the map says it cannot judge rather than guessing.
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["KpiStatus", "kpi_status", "leading_number"]

KpiStatus = Literal["on-track", "behind", "no-data"]

_NUMBER = re.compile(r"[-+]?\d[\d.,]*")
_THOUSANDS = re.compile(r"^\d{1,3}([.,])\d{3}(\1\d{3})*$")


def leading_number(value: object) -> float | None:
    """The first number in ``value``: ``5000 per maand`` → 5000, ``2,5%`` → 2.5.

    ``.`` and ``,`` are read as a decimal mark, except a separator followed by
    groups of exactly three digits (``1.204``, ``250,000``), which groups thousands.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    match = _NUMBER.search(str(value))
    if match is None:
        return None
    text = match.group().rstrip(".,")
    sign = -1.0 if text.startswith("-") else 1.0
    digits = text.lstrip("+-")
    if _THOUSANDS.match(digits):
        return sign * float(re.sub(r"[.,]", "", digits))
    if "," in digits and "." in digits:
        # Both marks: the last one is the decimal mark (1.234,5 or 1,234.5).
        decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        group = "." if decimal == "," else ","
        digits = digits.replace(group, "").replace(decimal, ".")
    else:
        digits = digits.replace(",", ".")
    if digits.count(".") > 1:
        return None
    return sign * float(digits)


def kpi_status(target: object, actual: object | None, better: str = "higher") -> KpiStatus:
    """``on-track``, ``behind`` or ``no-data`` for one KPI."""
    if actual is None:
        return "no-data"
    goal, measured = leading_number(target), leading_number(actual)
    if goal is None or measured is None:
        return "no-data"
    if ("%" in str(target)) != ("%" in str(actual)):
        return "no-data"  # 30% against 24 compares different things
    good = measured >= goal if better == "higher" else measured <= goal
    return "on-track" if good else "behind"
