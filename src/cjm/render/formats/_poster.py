"""What the poster formats share: print the run's HTML pages with its one browser."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.render.outputs import Site

__all__ = ["printed"]


def printed(site: Site, name: str) -> dict[str, bytes]:
    """The poster format ``name`` (:mod:`cjm.render.poster.<name>`) of every HTML page."""
    pages = site.html_pages()
    if not pages:  # nothing rendered: no browser to start
        return {}
    posters: dict[str, bytes] = import_module(f"cjm.render.poster.{name}").render(
        site.browser(), pages, site.poster
    )
    return posters
