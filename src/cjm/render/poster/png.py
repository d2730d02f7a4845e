"""``--format png``: the poster as one image, ``--width`` pixels wide (for a slide or a wiki).

The map is laid out at 1600 CSS pixels (the width it is designed for) in print
style, and captured at ``width / 1600`` image pixels per CSS pixel, so a wider
image is sharper rather than a differently wrapped map.
"""

from __future__ import annotations

from collections.abc import Mapping

from cjm.browser.cdp import Browser, Page
from cjm.render.poster import PosterOptions

__all__ = ["LAYOUT_WIDTH", "capture", "render"]

LAYOUT_WIDTH = 1600
# The print style leaves the margin to the paper; an image needs its own.
_PADDING = "document.body.style.padding = '24px'"


def render(browser: Browser, pages: Mapping[str, str], options: PosterOptions) -> dict[str, bytes]:
    """``<stem>.png`` for every ``<stem>.html`` in ``pages``."""
    outputs: dict[str, bytes] = {}
    for name, html in pages.items():
        page = browser.open_html(html)
        try:
            outputs[f"{name.removesuffix('.html')}.png"] = capture(page, options.width)
        finally:
            page.close()
    return outputs


def capture(page: Page, width: int, layout_width: int | None = LAYOUT_WIDTH) -> bytes:
    """The whole page as PNG, exactly ``width`` pixels wide.

    Laid out ``layout_width`` CSS pixels wide; None keeps the page's current layout.
    """
    if layout_width is not None:
        page.emulate(layout_width, "print")
    page.evaluate(_PADDING)
    content_width, _ = page.content_size()
    return page.screenshot(scale=width / content_width)
