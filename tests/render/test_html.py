"""The HTML map's structure, read with the standard library's HTML parser.

Checks what a browser-free test can: one self-contained document, the phases as
table columns and the lanes as row headers, a card and a curve point per
touchpoint, the SVG's title and description, and nothing that loads from
elsewhere. The browser test (test_browser.py) checks how it actually renders.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cjm.loader import JourneyFile
from cjm.models import Touchpoint
from tests.render.helpers import EXAMPLES, example_key, load_example, render


class Outline(HTMLParser):
    """Tags with their attributes, in document order, and the text inside chosen elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.open: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self._capture: list[tuple[str, str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        self.tags.append((tag, attributes))
        if tag not in {"meta", "br", "col", "circle", "line", "rect", "path"}:
            self.open.append(tag)
        for name in attributes.get("class", "").split():
            if name in {"tp-name", "tp-number"}:
                self._capture.append((tag, name, []))
        if tag in {"h1", "title", "desc"}:
            self._capture.append((tag, tag, []))

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            self.open.pop()
        if self._capture and self._capture[-1][0] == tag:
            _, key, parts = self._capture.pop()
            self.texts.setdefault(key, []).append("".join(parts).strip())

    def handle_data(self, data: str) -> None:
        for _, _, parts in self._capture:
            parts.append(data)

    def having(self, tag: str, css_class: str | None = None) -> list[dict[str, str]]:
        return [
            attrs
            for name, attrs in self.tags
            if name == tag and (css_class is None or css_class in attrs.get("class", "").split())
        ]


def file_state(path: Path) -> str:
    journey = load_example(path).journey
    assert journey is not None
    return journey.journey.state


def numbers_and(touchpoints: list[Touchpoint]) -> list[tuple[int, Touchpoint]]:
    return list(enumerate(touchpoints, start=1))


def _outline(file: JourneyFile) -> Outline:
    page = render([file], formats=["html"])[f"{file.key}.html"]
    outline = Outline()
    outline.feed(page)
    outline.close()
    return outline


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_map_structure(path: Path) -> None:
    file = load_example(path)
    assert file.journey is not None
    journey = file.journey
    outline = _outline(file)
    touchpoints = [tp for _, _, tp in journey.touchpoints()]

    assert outline.open == [], "every element that was opened is closed"
    assert len(outline.having("h1")) == 1
    assert outline.having("html")[0]["lang"] == "nl"
    # Phases are columns: one column header per phase after the lane header.
    headers = outline.having("th", "phase")
    assert [h["id"] for h in headers] == [f"phase-{phase.id}" for phase in journey.phases]
    assert sum("lowest" in h["class"].split() for h in headers) == 1
    # Lanes are rows with row headers (the flow lane only when there is a `next`).
    flow = any(tp.next for tp in touchpoints)
    assert len([th for th in outline.having("th") if th.get("scope") == "row"]) == 9 + flow
    # A card per touchpoint, with its name; a curve point per touchpoint with an emotion,
    # numbered as its card.
    assert outline.texts["tp-name"] == [tp.name for tp in touchpoints]
    assert outline.texts["tp-number"] == [str(n) for n in range(1, len(touchpoints) + 1)]
    points = outline.having("g", "point")
    assert [p["data-touchpoint"] for p in points] == [tp.id for tp in touchpoints if tp.emotion]
    numbers = {tp.id: str(n) for n, tp in enumerate(touchpoints, start=1)}
    assert all(p["data-number"] == numbers[p["data-touchpoint"]] for p in points)
    low = [p["data-touchpoint"] for p in outline.having("g", "low")]
    assert low == [tp.id for tp in touchpoints if tp.emotion is not None and tp.emotion <= 2]
    peak = max(tp.emotion for tp in touchpoints if tp.emotion)
    high = [p["data-touchpoint"] for p in outline.having("g", "high")]
    assert high == [tp.id for tp in touchpoints if tp.emotion == peak]
    # The SVGs are described for screen readers.
    svg = outline.having("svg")
    assert [s["aria-labelledby"] for s in svg] == ["curve-title curve-desc"] + (
        ["flow-title flow-desc"] if flow else []
    )
    assert all(s["role"] == "img" for s in svg)
    assert outline.texts["desc"][0].endswith(
        "; ".join(
            f"{n}. {tp.name}: {tp.emotion}" for n, tp in numbers_and(touchpoints) if tp.emotion
        )
    )
    # A relational journey shows the way back.
    assert bool(outline.having("g", "loop")) == (journey.journey.cycle == "relational")


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.stem for path in EXAMPLES])
def test_map_is_self_contained(path: Path) -> None:
    outline = _outline(load_example(path))
    tags = Counter(name for name, _ in outline.tags)
    ids = {attrs["id"] for _, attrs in outline.tags if "id" in attrs}
    assert tags["script"] == 0 and tags["link"] == 0 and tags["img"] == 0 and tags["iframe"] == 0
    # One stylesheet; a future state's map adds the few rules of its parts (issue 15).
    assert tags["style"] == (2 if file_state(path) == "future" else 1)
    for name, attrs in outline.tags:
        assert "src" not in attrs, name
        assert not any(key.startswith("on") for key in attrs), (name, attrs)
        # The only links are the CTAs (followed by a person, never loaded), the index
        # and anchors to a card on the same page.
        if "href" in attrs and name == "a":
            href = attrs["href"]
            if href.startswith("#"):
                assert href[1:] in ids, attrs
            else:
                assert href == "index.html" or href.startswith("https://"), attrs
    page = render([load_example(path)], formats=["html"])[f"{example_key(path)}.html"]
    assert "@import" not in page and "url(http" not in page and "@font-face" not in page
    assert "@page { size: A3 landscape;" in page
