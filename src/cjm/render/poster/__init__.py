"""Posters: the rendered HTML map printed by a headless browser as PDF, PNG or PowerPoint.

The formats ``pdf``, ``png`` and ``pptx`` are entries of the render registry
(``cjm/render/formats/pdf.py`` ...) like the text formats; the printing is here,
one module per format with one function, ``render(browser, pages, options)``,
taking the already-rendered HTML pages (``{"jonge-ouders.html": html, ...}``, the
index included) and returning ``{file name: bytes}``. The run's
:class:`cjm.render.outputs.Site` starts the browser once for all of them.

The bytes are not stable across runs: the PDF carries its creation time, the
PNG depends on the browser's version and fonts, the deck is a zip with
timestamps. ``cjm render --check`` therefore compares only the text formats and
says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cjm.browser.cdp import Page

__all__ = [
    "ORIENTATIONS",
    "PAPERS",
    "POSTER_FORMATS",
    "PosterOptions",
    "best_layout",
]

POSTER_FORMATS = ("pdf", "png", "pptx")
"""Formats printed by a browser; not compared by ``--check``."""

PAPERS: dict[str, tuple[float, float]] = {
    "A4": (297, 210),
    "A3": (420, 297),
    "A2": (594, 420),
    "A1": (841, 594),
}
"""Paper sizes in millimetres, landscape (width, height)."""
ORIENTATIONS = ("landscape", "portrait")
MARGIN_MM = 8
CSS_PX_PER_MM = 96 / 25.4
LAYOUT_WIDTHS = tuple(range(1200, 3201, 100))
"""CSS widths a poster is tried at: narrow suits portrait paper, wide suits landscape.
The page's height falls as its width grows; the best fit is where the two meet."""


@dataclass(frozen=True)
class PosterOptions:
    paper: str = "A3"
    orientation: str = "landscape"
    width: int = 1600
    """Width of a PNG (and of the images in the deck), in pixels."""
    browser: Path | None = None
    """``--browser``; None looks in the usual places."""

    def paper_mm(self) -> tuple[float, float]:
        """(width, height) of the page in millimetres."""
        width, height = PAPERS[self.paper]
        return (width, height) if self.orientation == "landscape" else (height, width)


def best_layout(page: Page, room_width: float, room_height: float) -> tuple[int, float]:
    """The layout width (of LAYOUT_WIDTHS) at which ``page`` fits the room largest, and the scale.

    ``room_*`` are CSS pixels; ``page`` is left laid out at that width, in print style.
    """
    best_scale, best_width = 0.0, LAYOUT_WIDTHS[0]
    for width in LAYOUT_WIDTHS:
        page.emulate(width, "print")
        content_width, content_height = page.content_size()
        scale = min(room_width / max(content_width, width), room_height / content_height)
        if scale > best_scale:
            best_scale, best_width = scale, width
    page.emulate(best_width, "print")
    return best_width, best_scale
