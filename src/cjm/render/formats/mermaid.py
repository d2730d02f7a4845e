"""``--format mermaid``: the emotion curve of each journey as a Mermaid ``journey`` diagram.

Values are escaped by :func:`cjm.output.escape.mermaid`, see :mod:`cjm.render.environment`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.render.outputs import Site

__all__ = ["render"]


def render(site: Site) -> dict[str, bytes]:
    return site.from_templates(".mmd", "journey.mmd.j2", None)
