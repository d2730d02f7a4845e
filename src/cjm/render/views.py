"""The views ``cjm render`` draws a journey in: the registry ``--view`` and
``render: view:`` in cjm.yaml read their choices from.

Light on purpose (no Jinja): the command line imports it to list the choices.
"""

from __future__ import annotations

__all__ = ["DEFAULT_VIEW", "VIEWS"]

VIEWS: dict[str, str] = {
    "map": "the journey map: customer lanes, emotion curve, KPIs",
    "blueprint": "the map with the service blueprint below it: frontstage, backstage and "
    "support lanes, with the lines of interaction, visibility and internal interaction",
}
"""Each view's name and what it draws."""

DEFAULT_VIEW = "map"
