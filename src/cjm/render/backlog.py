"""The backlog as templates see it: ranked opportunities, their links, the matrix.

Built once per output format (links point at ``persona.html`` or ``persona.md``)
from the ranked backlog (:func:`cjm.backlog.score.rank`). A view *holds* its
opportunity as ``source`` (as the journey views do), so ``opp.title`` is the
file's title and a field added to the format reaches the templates unchanged.

The matrix is geometry worked out here, not in a template: every opportunity a
numbered point at (effort, impact), points that share a cell stacked in it, and
the four named quadrants split at the middle of both scales.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cjm.backlog.links import Steps
from cjm.backlog.models import Opportunity
from cjm.backlog.score import Ranked
from cjm.models import Journey
from cjm.render.context import _Holds

__all__ = [
    "LinkView",
    "Matrix",
    "MatrixPoint",
    "OpportunityView",
    "Quadrant",
    "build_matrix",
    "opportunity_views",
]

# Matrix geometry, in SVG user units: a plot of 5 × 5 cells with room for the axes.
_LEFT, _TOP, _CELL_W, _CELL_H = 64, 16, 150, 88
_WIDTH = _LEFT + 5 * _CELL_W + 12
_HEIGHT = _TOP + 5 * _CELL_H + 48
_STACK = 16  # between points that share a cell
_RADIUS = 7
_CHAR_WIDTH = 6.4  # an 11px sans-serif character, on average: labels are cut to fit


@dataclass(frozen=True)
class LinkView:
    """One link of an opportunity, worded: ``Jonge ouders › Bellen over de levertijd``."""

    link: str
    persona_id: str
    persona: str
    """The persona's name (its id when the journey is not in this run)."""
    step: str | None
    """The touchpoint's or phase's name; None for a link to the whole journey."""
    step_id: str | None
    href: str | None
    """``jonge-ouders.html#tp-levering``; None when that map is not rendered."""


@dataclass(frozen=True, eq=False)  # one view per opportunity: compared (and hashed) by identity
class OpportunityView(_Holds):
    source: Opportunity
    rank: int
    score: float
    links: tuple[LinkView, ...]

    def personas(self) -> set[str]:
        return {link.persona_id for link in self.links}


@dataclass(frozen=True)
class MatrixPoint:
    opportunity: OpportunityView
    x: float
    y: float
    label: str
    """The id, cut to end before the next point on its line; the title is the tooltip."""
    share_x: float
    """``x`` as a share of the plot's width, 0..1 (Mermaid's quadrantChart takes these)."""
    share_y: float
    """``y`` as a share of the plot's height from the bottom, 0..1."""
    anchor: str = "start"
    """``start``: the label reads from ``label_x`` to the right; ``end``: it ends there."""
    label_x: float = 0


@dataclass(frozen=True)
class Quadrant:
    key: str
    """``quick_wins``, ``big_bets``, ``fill_ins`` or ``money_pits`` (``labels.quadrant_<key>``)."""
    x: float
    y: float
    width: float
    height: float
    label_y: float
    """Where its name goes: along the outer edge, away from the points on the middle lines."""


@dataclass(frozen=True)
class Matrix:
    width: int
    height: int
    left: int
    top: int
    plot_width: int
    plot_height: int
    quadrants: tuple[Quadrant, ...]
    points: tuple[MatrixPoint, ...]
    ticks: tuple[tuple[int, float, float], ...]
    """(value, x, y) for 1..5: x along the effort axis, y along the impact axis."""


def opportunity_views(
    ranked: Sequence[Ranked],
    journeys: Mapping[str, Journey],
    rendered: Mapping[str, str],
    suffix: str,
) -> tuple[OpportunityView, ...]:
    """Views of ``ranked``; ``rendered`` maps persona id to name for the maps in this run."""
    steps = Steps(journeys)
    views = []
    for item in ranked:
        links = tuple(_link(link, steps, rendered, suffix) for link in item.opportunity.links)
        views.append(OpportunityView(item.opportunity, item.rank, item.score, links))
    return tuple(views)


def _link(link: str, steps: Steps, rendered: Mapping[str, str], suffix: str) -> LinkView:
    persona_id, _, step_id = link.partition("/")
    target = steps.resolve(link)
    name = rendered.get(persona_id, persona_id)
    if target is None or persona_id not in rendered:
        return LinkView(link, persona_id, name, step_id or None, step_id or None, None)
    page = f"{persona_id}{suffix}"
    if target.touchpoint is not None:
        step, anchor = target.touchpoint.name, f"#tp-{target.touchpoint.id}"
    elif target.phase is not None:
        step, anchor = target.phase.name or target.phase.id, f"#phase-{target.phase.id}"
    else:
        step, anchor = None, ""
    return LinkView(link, persona_id, name, step, step_id or None, page + anchor)


def _shorten(text: str, chars: int) -> str:
    """``text``, or its start and an ellipsis when it has more than ``chars`` characters."""
    chars = max(chars, 4)
    return text if len(text) <= chars else text[: chars - 1] + "…"


def build_matrix(views: Sequence[OpportunityView]) -> Matrix | None:
    """The impact × effort matrix of ``views``; None without opportunities."""
    if not views:
        return None
    cells: dict[tuple[int, int], list[OpportunityView]] = {}
    for view in views:
        cells.setdefault((view.source.effort, view.source.impact), []).append(view)
    # Every point at the middle of its cell (so a 3 sits on the line between the
    # quadrants, on both axes); points that share a cell stacked around the middle.
    placed: list[tuple[OpportunityView, float, float]] = []
    for (effort, impact), members in sorted(cells.items()):
        x = _LEFT + (effort - 0.5) * _CELL_W
        top = _TOP + (5 - impact + 0.5) * _CELL_H - (len(members) - 1) * _STACK / 2
        placed.extend((view, x, top + n * _STACK) for n, view in enumerate(members))
    points = []
    right = _LEFT + 5 * _CELL_W
    for view, x, y in placed:
        # The label runs right, up to the next point on its line or the plot's edge;
        # to the left instead when only that side has room for it (effort 5).
        line = [x2 for _, x2, y2 in placed if abs(y2 - y) < _STACK]
        ahead = [x2 - _RADIUS - 4 for x2 in line if x2 > x] or [right - 4]
        behind = [x2 + _RADIUS + 4 for x2 in line if x2 < x] or [_LEFT + 4]
        room_right = min(ahead) - (x + _RADIUS + 4)
        room_left = (x - _RADIUS - 4) - max(behind)
        needed = len(view.source.id) * _CHAR_WIDTH
        anchor = "end" if room_right < needed and room_left > room_right else "start"
        room = room_left if anchor == "end" else room_right
        points.append(
            MatrixPoint(
                view,
                x,
                y,
                _shorten(view.source.id, int(room / _CHAR_WIDTH)),
                round((x - _LEFT) / (5 * _CELL_W), 3),
                round(1 - (y - _TOP) / (5 * _CELL_H), 3),
                anchor,
                x - _RADIUS - 4 if anchor == "end" else x + _RADIUS + 4,
            )
        )
    half_w, half_h = 5 * _CELL_W / 2, 5 * _CELL_H / 2
    top_label, bottom_label = _TOP + 16, _TOP + 2 * half_h - 8
    quadrants = (
        Quadrant("quick_wins", _LEFT, _TOP, half_w, half_h, top_label),
        Quadrant("big_bets", _LEFT + half_w, _TOP, half_w, half_h, top_label),
        Quadrant("fill_ins", _LEFT, _TOP + half_h, half_w, half_h, bottom_label),
        Quadrant("money_pits", _LEFT + half_w, _TOP + half_h, half_w, half_h, bottom_label),
    )
    ticks = tuple(
        (value, _LEFT + (value - 0.5) * _CELL_W, _TOP + (5 - value + 0.5) * _CELL_H)
        for value in range(1, 6)
    )
    return Matrix(
        _WIDTH,
        _HEIGHT,
        _LEFT,
        _TOP,
        5 * _CELL_W,
        5 * _CELL_H,
        quadrants,
        tuple(sorted(points, key=lambda point: point.opportunity.rank)),
        ticks,
    )
