"""``--format html``: a self-contained HTML map per journey, and an index.

Values are escaped by Jinja's HTML autoescape (:mod:`cjm.render.environment`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.render.outputs import Site

__all__ = ["render"]


def render(site: Site) -> dict[str, bytes]:
    return site.from_templates(".html", "journey.html.j2", "index.html.j2")
