"""``--format png``: every map (and the index) as a PNG image.

A poster, printed from the HTML maps by the run's headless browser; the printing
is :mod:`cjm.render.poster.png`. Its bytes change from run to run (``--check``
skips it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cjm.render.formats._poster import printed

if TYPE_CHECKING:
    from cjm.render.outputs import Site

__all__ = ["render"]


def render(site: Site) -> dict[str, bytes]:
    return printed(site, "png")
