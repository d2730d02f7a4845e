"""``--format pdf``: every map (and the index) on one page of the chosen paper.

The whole page is scaled to fit: it is laid out for print at a few widths, the
width that allows the largest scale wins, and Chromium prints it at that scale
(a little under, so rounding never spills onto a second page).
"""

from __future__ import annotations

from collections.abc import Mapping

from cjm.browser.cdp import Browser, Page
from cjm.render.poster import CSS_PX_PER_MM, MARGIN_MM, PosterOptions, best_layout

__all__ = ["fit", "render"]

_PAGE_RULE = (
    "document.head.insertAdjacentHTML('beforeend', "
    "'<style>@page {{ size: {width}mm {height}mm; margin: {margin}mm; }}</style>')"
)
SAFETY = 0.97
"""Scale a little under the exact fit: print layout rounds differently from screen."""


def render(browser: Browser, pages: Mapping[str, str], options: PosterOptions) -> dict[str, bytes]:
    """``<stem>.pdf`` for every ``<stem>.html`` in ``pages``: one page each."""
    paper_width, paper_height = options.paper_mm()
    outputs: dict[str, bytes] = {}
    for name, html in pages.items():
        page = browser.open_html(html)
        try:
            # The map's stylesheet asks for A3 landscape (for a browser's own Print);
            # a later @page rule sets the paper chosen here, which Chromium then uses.
            page.evaluate(
                _PAGE_RULE.format(width=paper_width, height=paper_height, margin=MARGIN_MM)
            )
            scale = fit(page, paper_width, paper_height)
            outputs[f"{name.removesuffix('.html')}.pdf"] = page.pdf(
                preferCSSPageSize=True, printBackground=True, scale=scale
            )
        finally:
            page.close()
    return outputs


def fit(page: Page, paper_width: float, paper_height: float) -> float:
    """The print scale at which ``page`` fills one page of this size (mm), and no more."""
    printable_width = (paper_width - 2 * MARGIN_MM) * CSS_PX_PER_MM
    printable_height = (paper_height - 2 * MARGIN_MM) * CSS_PX_PER_MM
    _, scale = best_layout(page, printable_width, printable_height)
    page.reset_viewport()
    # CDP accepts scales from 0.1 to 2; below 0.1 the map would be unreadable anyway.
    return round(min(max(scale * SAFETY, 0.1), 2.0), 4)
