"""Metric columns and how rows add up.

Counts (sessions, key events, revenue) are summed. Rates and averages
(engagement rate, events per session, average engagement time) cannot be summed:
they are recomputed as averages weighted by sessions, which is exactly how GA4
computes them for a total, and are left empty when the export has no sessions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Kind",
    "MetricColumn",
    "Metrics",
    "Role",
    "classify",
    "combine",
    "combine_columns",
    "tidy",
]


class Kind(StrEnum):
    SUM = "sum"
    AVERAGE = "average"


class Role(StrEnum):
    """The metrics cjm shows by name; other columns are carried along."""

    SESSIONS = "sessions"
    KEY_EVENTS = "key_events"
    REVENUE = "revenue"


# Column names as GA4 (English and Dutch interface), Matomo and Plausible write them.
_ROLES = {
    Role.SESSIONS: {"sessions", "sessies", "visits", "bezoeken"},
    Role.KEY_EVENTS: {
        "key events",
        "conversions",
        "belangrijke gebeurtenissen",
        "conversies",
        "goal conversions",
    },
    Role.REVENUE: {"total revenue", "revenue", "totale opbrengst", "opbrengst", "omzet"},
}
# Dutch compounds ("betrokkenheidspercentage") hide the word inside another.
_AVERAGE = re.compile(r"\b(rate|ratio|per|average|avg|gemiddelde|duration)\b|percentage|%")


@dataclass(frozen=True)
class MetricColumn:
    name: str
    """As the export's header spells it, e.g. ``Key events``."""
    kind: Kind = Kind.SUM
    role: Role | None = None


def classify(name: str, percent: bool = False) -> MetricColumn:
    """A column by its header; ``percent`` when its cells were written with ``%``."""
    normal = " ".join(name.lower().split())
    role = next((role for role, names in _ROLES.items() if normal in names), None)
    average = percent or (role is None and bool(_AVERAGE.search(normal)))
    return MetricColumn(name, Kind.AVERAGE if average else Kind.SUM, role)


@dataclass(frozen=True)
class Metrics:
    """Values of the export's metric columns for one row or a group of rows."""

    columns: tuple[MetricColumn, ...]
    values: tuple[float | None, ...]
    rows: int = 0
    """How many export rows were combined; 0 means no traffic matched."""

    def get(self, name: str) -> float | None:
        """A metric by its column name (as in the export), or None if there is no such column."""
        for column, value in zip(self.columns, self.values, strict=True):
            if column.name == name:
                return value
        return None

    def _role(self, role: Role) -> float | None:
        for column, value in zip(self.columns, self.values, strict=True):
            if column.role is role:
                return value
        return None

    @property
    def sessions(self) -> float | None:
        return self._role(Role.SESSIONS)

    @property
    def key_events(self) -> float | None:
        """``Key events``, or ``Conversions`` in older exports."""
        return self._role(Role.KEY_EVENTS)

    @property
    def revenue(self) -> float | None:
        return self._role(Role.REVENUE)

    def as_dict(self) -> dict[str, float | None]:
        return {c.name: v for c, v in zip(self.columns, self.values, strict=True)}


def combine(columns: tuple[MetricColumn, ...], rows: Sequence[Sequence[float | None]]) -> Metrics:
    """The metrics of several rows taken together (counts summed, rates weighted)."""
    cells = [[row[index] for row in rows] for index in range(len(columns))]
    return combine_columns(columns, cells, len(rows))


def combine_columns(
    columns: tuple[MetricColumn, ...], cells: Sequence[Sequence[float | None]], count: int
) -> Metrics:
    """:func:`combine` of ``count`` rows given column by column (``cells[column][row]``):
    the same arithmetic in the same order, without a tuple per row."""
    weight_at = next((i for i, c in enumerate(columns) if c.role is Role.SESSIONS), None)
    weights = [cell or 0.0 for cell in cells[weight_at]] if weight_at is not None else []
    total_weight = sum(weights)
    values: list[float | None] = []
    for index, column in enumerate(columns):
        column_cells = cells[index]
        if column.kind is Kind.SUM:
            values.append(tidy(sum(cell or 0.0 for cell in column_cells)))
        elif count == 1:
            values.append(column_cells[0])
        elif weight_at is None or total_weight == 0:
            values.append(None)
        else:
            weighted = sum((cell or 0.0) * w for cell, w in zip(column_cells, weights, strict=True))
            values.append(tidy(weighted / total_weight))
    return Metrics(columns, tuple(values), count)


def tidy(value: float) -> float:
    """A sum as every cjm total is kept: rounded to six decimals, never ``-0.0``."""
    # Binary floats drift when cents are added up (0.1 + 0.2); no export has more
    # than six decimals, so rounding there keeps sums exact and output stable.
    return round(value, 6) + 0.0
