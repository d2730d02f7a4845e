"""Which journey an opportunity's link names when a persona has several."""

from __future__ import annotations

import pytest

from cjm.backlog.links import linkable
from cjm.models import Journey


def _journey(name: str, **info: str) -> Journey:
    return Journey.model_validate(
        {
            "persona": {"id": "p", "name": "P"},
            "journey": info,
            "phases": [
                {"id": "orientation", "touchpoints": [{"id": "t", "name": name, "channel": "web"}]}
            ],
        }
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        # The plan first in the files: the link still names what customers meet today.
        ([("plan", {"state": "future"}), ("today", {})], "today"),
        ([("today", {}), ("plan", {"state": "future"})], "today"),
        # A scenario with its own journey id gives way to the persona's main journey.
        ([("scenario", {"id": "zakelijk"}), ("main", {})], "main"),
        # Only a plan: it is what there is to link.
        ([("plan", {"state": "future"})], "plan"),
        # Equals: the first given, so the result does not depend on a dict's whims.
        ([("first", {}), ("second", {})], "first"),
    ],
)
def test_a_link_names_the_current_main_journey(
    given: list[tuple[str, dict[str, str]]], expected: str
) -> None:
    chosen = linkable(("p", _journey(name, **info)) for name, info in given)
    assert chosen["p"].phases[0].touchpoints[0].name == expected
