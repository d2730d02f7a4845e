"""Every field of the format is on the map: in the HTML and in the Markdown.

The test walks every field of every model class in cjm.models over a journey
that sets each to a value found nowhere else (every-field.yaml), and checks that
both outputs show it. A field the format gains fails here until the fixture sets
it and the templates show it, or it is added to NOT_SHOWN with the reason.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from cjm import models
from cjm.models import Journey
from cjm.render.labels import labels_for
from cjm.text import text_for
from tests.render.helpers import load_clean, render

FIXTURE = Path(__file__).parent / "every-field.yaml"
LABELS = labels_for(text_for("nl"))

# Fields the map deliberately does not show, and why. Keep it short: a consultant
# wrote every other field for a reader.
NOT_SHOWN: dict[tuple[str, str], str] = {
    # The file format's version is for tools, not for a client.
    ("Journey", "version"): "format version",
    # Ids are references (for `next`, lint, diff and file names); the map shows
    # the names and numbers, and uses touchpoint ids only as link anchors.
    ("Persona", "id"): "reference",
    ("PhaseEntry", "id"): "reference",
    ("PhaseDef", "id"): "reference",
    ("Touchpoint", "id"): "reference",
    # An inline model's purchase and optional flags steer lint rules and the
    # coverage matrix (an absent optional phase is not "empty"); they are not content.
    ("PhaseDef", "purchase"): "lint",
    ("PhaseDef", "optional"): "lint",
    # A future state's reference to its current journey: the map shows it as a link
    # with the current journey's title (tests/render/test_states.py), as written only
    # when that journey is not rendered with it.
    ("JourneyInfo", "based_on"): "reference",
}

Expect = Callable[[Any, Journey], dict[str, list[str]]]


def _both(*fragments: str) -> dict[str, list[str]]:
    return {"html": list(fragments), "md": list(fragments)}


def _next(ids: list[str], journey: Journey) -> dict[str, list[str]]:
    numbers = {tp.id: (n, tp.name) for n, (_, _, tp) in enumerate(journey.touchpoints(), 1)}
    return {
        "html": [
            f'href="#tp-{id_}" title="{numbers[id_][1]}">→ {numbers[id_][0]}</a>' for id_ in ids
        ],
        "md": [f"→ {numbers[id_][0]}. {numbers[id_][1]}" for id_ in ids],
    }


# How a value that is not plain text shows; plain text (and lists of it) shows as written.
SHOWN_AS: dict[tuple[str, str], Expect] = {
    ("Persona", "segment"): lambda v, _: _both(v.upper()),
    ("JourneyInfo", "cycle"): lambda v, _: _both(LABELS[v]),
    ("JourneyInfo", "state"): lambda v, _: _both(LABELS[f"state_{v}"]),
    ("Touchpoint", "media"): lambda v, _: {
        "html": [f'<span class="badge {v}">{LABELS[v]}</span>'],
        "md": [f"({LABELS[v]})"],
    },
    ("Touchpoint", "senses"): lambda v, _: _both(
        f"{LABELS['senses']}:", *(LABELS[f"sense_{s}"] for s in v)
    ),
    ("Touchpoint", "emotion"): lambda v, _: {"html": [f"{v}/5"], "md": [f" | {v} | "]},
    ("Touchpoint", "next"): _next,
    ("Kpi", "better"): lambda v, _: _both("≤ 10 Qdoel" if v == "lower" else "≥ 10 Qdoel"),
    # Evidence and confidence (issue 14) show in the map's words, with a symbol.
    ("Evidence", "kind"): lambda v, _: _both(LABELS[f"evidence_{v}"]),
    ("Touchpoint", "confidence"): lambda v, _: {
        "html": [f'<span class="confidence {v}">', LABELS[f"confidence_{v}"]],
        "md": [f"● {LABELS[f'confidence_{v}']}"],
    },
    ("PhaseEntry", "confidence"): lambda v, _: {
        "html": [f'<span class="confidence {v}">', LABELS[f"confidence_{v}"]],
        "md": [f"◐ {LABELS[f'confidence_{v}']}"],
    },
}


def _model_classes() -> list[type[BaseModel]]:
    return [
        cls
        for _, cls in inspect.getmembers(models, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == models.__name__
    ]


def _blocks(node: Any) -> Iterator[BaseModel]:
    """``node`` and every model block inside it."""
    if isinstance(node, BaseModel):
        yield node
        for name in type(node).model_fields:
            yield from _blocks(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _blocks(item)


def _is_block(value: Any) -> bool:
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, BaseModel) for item in value)
    return isinstance(value, BaseModel)


def _expected(cls: str, name: str, value: Any, journey: Journey) -> dict[str, list[str]]:
    if (cls, name) in SHOWN_AS:
        return SHOWN_AS[cls, name](value, journey)
    if isinstance(value, date):  # as people write a date in the map's language (nl)
        return _both(text_for("nl").date(value))
    if isinstance(value, list):
        return _both(*map(str, value))
    return _both(str(value))


@pytest.fixture(scope="module")
def journey_and_outputs() -> tuple[Journey, dict[str, str]]:
    file = load_clean(FIXTURE.read_text(encoding="utf-8"), "alle-velden.yaml")
    assert file.journey is not None
    # The blueprint view: the map with every lane (the default view leaves the
    # blueprint lanes out, as the map was before them; the Markdown always has them).
    outputs = render([file], formats=("html", "markdown"), view="blueprint")
    key = file.key  # alle-velden.<journey id>: the fixture sets one
    return file.journey, {"html": outputs[f"{key}.html"], "md": outputs[f"{key}.md"]}


@pytest.mark.parametrize(
    ("cls", "name"),
    [
        (cls.__name__, name)
        for cls in _model_classes()
        for name in cls.model_fields
        if (cls.__name__, name) not in NOT_SHOWN
    ],
)
def test_every_field_is_shown_in_html_and_markdown(
    journey_and_outputs: tuple[Journey, dict[str, str]], cls: str, name: str
) -> None:
    journey, outputs = journey_and_outputs
    setters = [
        block
        for block in _blocks(journey)
        if type(block).__name__ == cls and name in block.model_fields_set
    ]
    assert setters, f"{FIXTURE.name} does not set {cls}.{name}: give it a distinctive value"
    for block in setters:
        value = getattr(block, name)
        if _is_block(value):
            continue  # shown through its own fields, each checked by this test
        for output, fragments in _expected(cls, name, value, journey).items():
            for fragment in fragments:
                assert fragment in outputs[output], (
                    f"{cls}.{name}: {fragment!r} not in the {output}"
                )


def test_the_list_of_fields_not_shown_names_real_fields() -> None:
    fields = {(cls.__name__, name) for cls in _model_classes() for name in cls.model_fields}
    assert set(NOT_SHOWN) <= fields
