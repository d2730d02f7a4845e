"""The words around the data: labels from the catalogs, and the words that depend on a value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from cjm.render.labels import COUNTS, LABELS, Labels, Words, labels_for
from cjm.text import text_for
from tests.render.helpers import load_example, render

EXAMPLE = Path(__file__).resolve().parents[2] / "journeys" / "jonge-ouders.yaml"


@pytest.mark.parametrize(
    ("key", "nl", "en"),
    [
        ("lane", "Swimlane", "Lane"),
        ("key_events", "Belangrijke gebeurtenissen", "Key events"),
        ("target", "Streefwaarde", "Target"),
        ("actual", "Realisatie", "Actual"),
        ("pain_points", "Pijnpunten", "Pain points"),
        ("state_future", "Gewenste situatie", "Future state"),
    ],
)
def test_a_label_is_its_catalog_text_in_the_chosen_language(key: str, nl: str, en: str) -> None:
    assert (labels_for(text_for("nl"))[key], labels_for(text_for("en"))[key]) == (nl, en)


def test_every_label_has_a_text_in_every_language() -> None:
    for language in ("nl", "en"):
        labels = labels_for(text_for(language))
        assert set(labels) == set(LABELS)
        assert all(labels.values()), language


@pytest.mark.parametrize(
    ("call", "nl", "en"),
    [
        (lambda w: w.count("touchpoints", 1), "1 touchpoint", "1 touchpoint"),
        (lambda w: w.count("touchpoints", 21), "21 touchpoints", "21 touchpoints"),
        (lambda w: w.count("phases", 1), "1 fase", "1 phase"),
        (lambda w: w.count("phases", 6), "6 fasen", "6 phases"),
        (lambda w: w.count("journeys", 2), "2 klantreizen", "2 journeys"),
        (lambda w: w.count("opportunities", 1), "1 kans", "1 opportunity"),
        (lambda w: w.count("touchpoints", 1234), "1.234 touchpoints", "1,234 touchpoints"),
        (lambda w: w.number(18420), "18.420", "18,420"),
        (lambda w: w.number(1234.5), "1.234,50", "1,234.50"),
        (lambda w: w.decimal(3.4), "3,4", "3.4"),
        (lambda w: w.decimal(3.0), "3,0", "3.0"),  # an average beside 3,6 keeps its decimal
        (lambda w: w.decimal(None), "-", "-"),
        (lambda w: w.percent(0.354), "35,4%", "35.4%"),
        (lambda w: w.date(date(2026, 3, 3)), "3 maart 2026", "March 3, 2026"),
        (lambda w: w.date("later"), "later", "later"),  # not a date: as written
    ],
)
def test_words_follow_the_language(call: object, nl: str, en: str) -> None:
    assert callable(call)
    assert (call(Words(text_for("nl"))), call(Words(text_for("en")))) == (nl, en)


def test_a_date_is_worded_per_language_on_every_page() -> None:
    # Worded dates are remembered per language (issue 17): pages and languages
    # taking turns each get their own language's words, a datetime its date's.
    day, moment = date(2026, 3, 3), datetime(2026, 3, 3, 14, 30)
    for _ in range(2):
        for language, worded in (("nl", "3 maart 2026"), ("en", "March 3, 2026")):
            words = Words(text_for(language))
            assert (words.date(day), words.date(moment)) == (worded, worded)


def test_every_count_key_has_a_singular_and_a_plural() -> None:
    for key, counted in COUNTS.items():
        message = counted(2)
        assert message.plural is not None, key


def test_a_user_template_reads_labels_and_words(tmp_path: Path) -> None:
    (tmp_path / "journey.md.j2").write_text(
        "{{ labels.touchpoints }}: {{ words.count('touchpoints', touchpoints|length) }}; "
        "{{ labels.reviewed }} {{ words.date(journey.reviewed) }}\n",
        encoding="utf-8",
    )
    file = load_example(EXAMPLE)
    nl = render([file], ("markdown",), "nl", search=[tmp_path])["jonge-ouders.md"]
    en = render([file], ("markdown",), "en", search=[tmp_path])["jonge-ouders.md"]
    assert nl == "Touchpoints: 21 touchpoints; Laatst herzien 14 oktober 2026\n"
    assert en == "Touchpoints: 21 touchpoints; Last reviewed October 14, 2026\n"


def test_labels_read_as_attributes_as_keys_and_stay_a_dict() -> None:
    labels = labels_for(text_for("nl"))
    assert labels.summary == labels["summary"] == "Samenvatting"
    assert labels.items == labels.items  # a dict's own name is still the dict's
    assert callable(labels.get)
    with pytest.raises(AttributeError):
        _ = labels.no_such_label
    labels["summary"] = "changed"  # each caller gets its own copy
    assert labels_for(text_for("nl"))["summary"] == "Samenvatting"


@pytest.mark.parametrize("sandboxed", [True, False])
def test_a_template_reads_labels_as_before(tmp_path: Path, sandboxed: bool) -> None:
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    kind = ImmutableSandboxedEnvironment if sandboxed else jinja2.Environment
    environment = kind(undefined=jinja2.StrictUndefined)
    labels = labels_for(text_for("en"))
    page = environment.from_string(
        "{{ labels.summary }}|{{ labels['persona'] }}|{{ labels.get('x', '-') }}"
    )
    assert page.render(labels=labels) == "Summary|Persona|-"
    with pytest.raises(jinja2.UndefinedError):
        environment.from_string("{{ labels.no_such_label }}").render(labels=labels)
    if sandboxed:
        with pytest.raises(jinja2.exceptions.SecurityError):
            environment.from_string("{{ labels.clear() }}").render(labels=labels)


# Labels are attributes of the instance too (issue 17); whatever a caller changes
# in its copy, an attribute reads what the dict holds.
@pytest.mark.parametrize(
    ("change", "summary"),
    [
        (lambda labels: labels.__setitem__("summary", "x"), "x"),
        (lambda labels: labels.update(summary="x"), "x"),
        (lambda labels: labels.update({"summary": "x"}), "x"),
        (lambda labels: labels.__ior__({"summary": "x"}), "x"),
        (lambda labels: labels.setdefault("summary", "x"), "Summary"),
        (lambda labels: labels.__delitem__("summary"), None),
        (lambda labels: labels.pop("summary"), None),
        (lambda labels: labels.clear(), None),
        (lambda labels: labels.popitem(), "Summary"),
    ],
)
def test_a_changed_copy_reads_as_its_dict(
    change: Callable[[Labels], object], summary: str | None
) -> None:
    labels = labels_for(text_for("en"))
    last = next(reversed(labels))
    change(labels)
    assert labels.get("summary") == summary
    for key in ("summary", last):
        if key in labels:
            assert getattr(labels, key) == labels[key]
        else:
            with pytest.raises(AttributeError):
                getattr(labels, key)
    assert labels_for(text_for("en")).summary == "Summary"
