"""The matrix's geometry: every point in its cell, labels that never run into a neighbour."""

from __future__ import annotations

import pytest

from cjm.backlog.loader import BacklogFile, Entry
from cjm.backlog.models import Opportunity
from cjm.backlog.score import rank
from cjm.config import ScoreSettings
from cjm.render.backlog import Matrix, MatrixPoint, build_matrix, opportunity_views


def _matrix(items: list[tuple[str, int, int]]) -> tuple[dict[str, MatrixPoint], Matrix]:
    file = BacklogFile("opportunities.yaml")
    entries = [
        Entry(file, n, Opportunity(id=id_, title=id_, impact=impact, effort=effort))
        for n, (id_, impact, effort) in enumerate(items)
    ]
    views = opportunity_views(rank(entries, ScoreSettings()), {}, {}, ".html")
    matrix = build_matrix(views)
    assert matrix is not None
    return {point.opportunity.id: point for point in matrix.points}, matrix


def test_no_opportunities_no_matrix() -> None:
    assert build_matrix(()) is None


def test_a_three_sits_on_the_lines_between_the_quadrants() -> None:
    points, matrix = _matrix([("midden", 3, 3)])
    assert points["midden"].x == matrix.left + matrix.plot_width / 2
    assert points["midden"].y == matrix.top + matrix.plot_height / 2
    assert (points["midden"].share_x, points["midden"].share_y) == (0.5, 0.5)


def test_points_in_one_cell_are_stacked_around_its_middle() -> None:
    points, _ = _matrix([("a", 5, 2), ("b", 5, 2), ("c", 5, 2)])
    assert points["a"].x == points["b"].x == points["c"].x
    ys = sorted(point.y for point in points.values())
    assert ys[1] - ys[0] == ys[2] - ys[1] == 16


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        # Alone on its line: the whole id.
        ([("klantenservice-zonder-wachten", 4, 2)], {"klantenservice-zonder-wachten": "start"}),
        # A neighbour one cell to the right: the label reads to the left, where there is room.
        (
            [("klantenservice-zonder-wachten", 4, 2), ("buur", 4, 3)],
            {"klantenservice-zonder-wachten": "end", "buur": "start"},
        ),
        # Neighbours on both sides: the label ends before the next one, with an ellipsis.
        (
            [("links", 4, 1), ("klantenservice-zonder-wachten", 4, 2), ("buur", 4, 3)],
            {"links": "start", "klantenservice-zond…": "start", "buur": "start"},
        ),
        # At effort 5 a long label reads to the left.
        ([("mobiele-kamerplanner", 3, 5)], {"mobiele-kamerplanner": "end"}),
    ],
)
def test_labels(items: list[tuple[str, int, int]], expected: dict[str, str]) -> None:
    points, _ = _matrix(items)
    assert {point.label: point.anchor for point in points.values()} == expected
