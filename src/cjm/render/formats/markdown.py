"""``--format markdown``: a Markdown page per journey (with its Mermaid diagrams), and an index.

Values are escaped by :func:`cjm.output.escape.markdown` (and Mermaid blocks by
:func:`cjm.output.escape.mermaid`), see :mod:`cjm.render.environment`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.render.outputs import Site

__all__ = ["render"]


def render(site: Site) -> dict[str, bytes]:
    return site.from_templates(".md", "journey.md.j2", "index.md.j2")
