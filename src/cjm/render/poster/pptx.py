"""``--format pptx``: one deck (``journeys.pptx``) for a client presentation.

A title slide; the index as an image (every journey's summary and the coverage
matrix); then one slide per journey with its poster image, and its summary in the
speaker notes, word for word as the map shows it. python-pptx is imported only
here, so every other command starts without it.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from cjm.browser.cdp import Browser
from cjm.render.poster import PosterOptions, best_layout
from cjm.render.poster.png import capture

__all__ = ["DECK", "render"]

DECK = "journeys.pptx"
INDEX = "index.html"
_WIDE = (13.333, 7.5)  # inches: a 16:9 slide
_READ = """JSON.stringify({
  title: document.title,
  heading: (document.querySelector('h1') || {}).textContent || '',
  summary: Array.from(document.querySelectorAll('ul.summary')).map(
    list => Array.from(list.children).map(item => item.innerText.replace(/\\s+/g, ' ').trim())
  ),
  names: Array.from(document.querySelectorAll('ul.summary')).map(list => {
    // The heading of the journey whose summary this is (a persona's journeys are
    // grouped under the persona's name, which has no summary of its own).
    const text = element => element.innerText.replace(/\\s+/g, ' ').trim();
    const item = list.closest('li');
    const heading = item && item.querySelector(':scope > h3');
    const group = item && item.parentElement.closest('li.persona-group');
    const persona = group ? text(group.querySelector(':scope > h3')) + ': ' : '';
    return heading ? persona + text(heading) : '';
  }),
})"""


def render(browser: Browser, pages: Mapping[str, str], options: PosterOptions) -> dict[str, bytes]:
    """The deck over ``pages`` (journey maps and ``index.html``)."""
    import json

    from pptx import Presentation
    from pptx.util import Inches

    shots: dict[str, tuple[bytes, dict[str, Any]]] = {}
    for name, html in pages.items():
        page = browser.open_html(html)
        try:
            facts = json.loads(page.evaluate(_READ))
            # Laid out at the width that fills a 16:9 slide best, not the screen's 1600.
            layout, _ = best_layout(page, _WIDE[0] * 96, _WIDE[1] * 96)
            # At least one image pixel per CSS pixel: a projector or a zoom shows the text.
            shots[name] = (capture(page, max(options.width, layout), layout_width=None), facts)
        finally:
            page.close()

    deck = Presentation()
    width, height = Inches(_WIDE[0]), Inches(_WIDE[1])
    deck.slide_width, deck.slide_height = width, height
    # Pinned: the deck's properties should not change with the clock or the machine.
    deck.core_properties.created = deck.core_properties.modified = datetime(2000, 1, 1)
    deck.core_properties.last_modified_by = deck.core_properties.author = "cjm"
    blank = deck.slide_layouts[6]

    journeys = [name for name in pages if name != INDEX]
    index = shots.get(INDEX)
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = index[1]["heading"] if index else shots[journeys[0]][1]["heading"]
    subtitle = title.placeholders[1]
    subtitle.text = " · ".join(shots[name][1]["heading"] for name in journeys)

    if index is not None:
        image, facts = index
        slide = deck.slides.add_slide(blank)
        _picture(slide, image, Inches, width, height)
        notes = []
        for heading, lines in zip(facts["names"], facts["summary"], strict=False):
            notes.append(heading)
            notes.extend(f"- {line}" for line in lines)
            notes.append("")
        slide.notes_slide.notes_text_frame.text = "\n".join(notes).strip()

    for name in journeys:
        image, facts = shots[name]
        slide = deck.slides.add_slide(blank)
        _picture(slide, image, Inches, width, height)
        lines = facts["summary"][0] if facts["summary"] else []
        slide.notes_slide.notes_text_frame.text = "\n".join(
            [facts["heading"], *(f"- {line}" for line in lines)]
        )
    buffer = io.BytesIO()
    deck.save(buffer)
    return {DECK: buffer.getvalue()}


def _picture(slide: Any, image: bytes, inches: Any, width: int, height: int) -> None:
    """``image`` as large as fits the slide with a small margin, centred."""
    from PIL import Image

    with Image.open(io.BytesIO(image)) as picture:
        pixels_wide, pixels_high = picture.size
    margin = inches(0.2)
    room_width, room_height = width - 2 * margin, height - 2 * margin
    scale = min(room_width / pixels_wide, room_height / pixels_high)
    shown_width, shown_height = int(pixels_wide * scale), int(pixels_high * scale)
    slide.shapes.add_picture(
        io.BytesIO(image),
        (width - shown_width) // 2,
        (height - shown_height) // 2,
        shown_width,
        shown_height,
    )
