"""The words around the data: lane names, headings, legends, in the chosen language.

Templates read them as ``labels.<key>``; a custom template can use them too, so a
label change reaches every output at once. Each label is a catalog message
(:mod:`cjm.text`): its English text is the message id, its Dutch (and any other
language) lives in ``cjm/locale/<lang>/LC_MESSAGES/cjm.po``. :func:`labels_for` renders
them all with the command's :class:`~cjm.text.Text`.

Words that depend on a number (``1 touchpoint``, ``6 fasen``) cannot be a plain
label: templates ask :class:`Words` for them (``words.count("touchpoints", n)``), and
for numbers, percentages and dates in the language's format.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any, Self
from weakref import WeakKeyDictionary

from cjm.text import Message, Text, format_number, msg, nmsg

__all__ = ["COUNTS", "LABELS", "Labels", "Words", "labels_for"]

LABELS: dict[str, Message] = {
    "journey_map": msg("Customer journey"),
    "persona": msg("Persona"),
    "segment": msg("Segment"),
    "description": msg("Description"),
    "goals": msg("Goals"),
    "pain_points": msg("Pain points"),
    "life_events": msg("Life events"),
    "priorities": msg("Priorities"),
    "preferred_channels": msg("Preferred channels"),
    "decision_makers": msg("Buying unit (DMU)"),
    "product": msg("Product"),
    "owner": msg("Owner"),
    "cycle": msg("Cycle"),
    "transactional": msg("transactional"),
    "relational": msg("relational"),
    "storyline": msg("Storyline"),
    "tone_of_voice": msg("Tone of voice"),
    "reviewed": msg("Last reviewed"),
    "phase": msg("Phase"),
    "phases": msg("Phases"),
    "lane": msg("Lane"),
    "goal": msg("Goal"),
    "doing": msg("Doing"),
    "thinking": msg("Thinking"),
    "feeling": msg("Feeling"),
    "touchpoints": msg("Touchpoints"),
    "touchpoint": msg("Touchpoint"),
    "channel": msg("Channel"),
    "media": msg("Media"),
    "paid": msg("paid"),
    "owned": msg("owned"),
    "earned": msg("earned"),
    "cta": msg("Call to action"),
    "emotion": msg("Emotion"),
    "emotion_curve": msg("Emotion curve"),
    "emotion_curve_desc": msg(
        "Emotion per touchpoint on a scale from 1 (very negative) to 5 (very positive), "
        "in journey order."
    ),
    "low_point": msg("low point"),
    "lowest_phase": msg("Lowest average emotion"),
    "average_emotion": msg("Average emotion"),
    "leads_back": msg("Leads back to"),
    "opportunities": msg("Opportunities"),
    "kpis": msg("KPIs"),
    "kpi": msg("KPI"),
    "target": msg("Target"),
    "actual": msg("Actual"),
    "flow": msg("Flow between touchpoints"),
    "none": msg("—"),
    "index": msg("Customer journeys"),
    "journeys": msg("Journeys"),
    "coverage": msg("Coverage by persona and phase"),
    "coverage_legend": msg(
        "Each cell: touchpoints, the share with a call to action and the average emotion."
        " Highlighted: empty phases and thin phases (one touchpoint)."
    ),
    "model": msg("Phase model"),
    "with_cta": msg("with CTA"),
    "empty": msg("empty"),
    "thin": msg("thin"),
    "back_to_index": msg("Back to the overview"),
    "metrics": msg("Metrics"),
    "metrics_period": msg("Measured period"),
    "sessions": msg("Sessions"),
    "key_events": msg("Key events"),
    "unclaimed": msg("Sources without a touchpoint"),
    "unclaimed_legend": msg(
        "Traffic in the analytics export that no touchpoint claims, largest first: "
        "touchpoints the map may have overlooked."
    ),
    "no_unclaimed": msg("Every source in the export belongs to a touchpoint."),
    "source_medium": msg("Source / medium"),
    "share": msg("Share"),
    "behaviour": msg("Behaviour"),
    "content": msg("Content"),
    "tone": msg("Tone"),
    "senses": msg("Senses"),
    "sense_see": msg("see"),
    "sense_hear": msg("hear"),
    "sense_smell": msg("smell"),
    "sense_touch": msg("touch"),
    "sense_taste": msg("taste"),
    "high_point": msg("high point"),
    "next": msg("Leads to"),
    "analytics": msg("Analytics"),
    "campaign": msg("campaign"),
    "better_higher": msg("higher is better"),
    "better_lower": msg("lower is better"),
    "on-track": msg("on track"),
    "behind": msg("behind"),
    "no-data": msg("no data"),
    "status": msg("Status"),
    "summary": msg("Summary"),
    "lowest_moment": msg("Lowest moment"),
    "highest_moment": msg("Highest moment"),
    "kpis_behind": msg("KPIs behind target"),
    "out_of": msg("of"),
    "no_kpis_behind": msg("none: every KPI with a measurement is on track"),
    "gaps": msg("Empty or thin phases"),
    "no_gaps": msg("none: every phase has two or more touchpoints"),
    "largest_unclaimed": msg("Largest source without a touchpoint"),
    "of_sessions": msg("of traffic"),
    "no_emotions": msg("no emotions filled in yet"),
    "state": msg("State"),
    "state_current": msg("Current state"),
    "state_future": msg("Future state"),
    "scenario": msg("Scenario"),
    "based_on": msg("Based on"),
    "current_map": msg("Current state"),
    "future_maps": msg("Future state"),
    "curve_planned": msg("Planned"),
    "curve_now": msg("Now"),
    "emotion_change": msg("Now → planned"),
    "planned_change": msg("Planned change per phase"),
    "planned_change_legend": msg("Average emotion per phase: now → planned."),
    "change_better": msg("better"),
    "change_worse": msg("worse"),
    "change_same": msg("same"),
    "change_new": msg("new"),
    "blueprint": msg("Service blueprint"),
    "customer_actions": msg("Customer and touchpoints"),
    "frontstage": msg("Frontstage"),
    "backstage": msg("Backstage"),
    "support": msg("Support"),
    "line_of_interaction": msg("Line of interaction"),
    "line_of_visibility": msg("Line of visibility"),
    "line_of_internal_interaction": msg("Line of internal interaction"),
    "research": msg("Research"),
    "evidence": msg("Evidence"),
    "confidence": msg("Confidence"),
    "confidence_assumption": msg("assumption"),
    "confidence_partial": msg("partly backed"),
    "confidence_validated": msg("validated"),
    "evidence_interview": msg("Interview"),
    "evidence_survey": msg("Survey"),
    "evidence_analytics": msg("Analytics"),
    "evidence_support": msg("Customer service"),
    "evidence_observation": msg("Observation"),
    "evidence_desk": msg("Desk research"),
    "evidence_workshop": msg("Workshop"),
    "backlog": msg("Backlog"),
    "backlog_intro": msg("Opportunities across all journeys, ranked by score"),
    "journey_backlog": msg("Opportunities in the backlog"),
    "linked_opportunities": msg("Opportunities from the backlog"),
    "rank": msg("No."),
    "opportunity": msg("Opportunity"),
    "problem": msg("Problem"),
    "links": msg("Linked to"),
    "impact": msg("Impact"),
    "effort": msg("Effort"),
    "score": msg("Score"),
    "solutions": msg("Solutions"),
    "status_idea": msg("idea"),
    "status_planned": msg("planned"),
    "status_in-progress": msg("in progress"),
    "status_done": msg("done"),
    "status_dropped": msg("dropped"),
    "matrix": msg("Impact × effort"),
    "matrix_desc": msg(
        "Every opportunity as a numbered point: impact from 1 (low) to 5 (high) upwards, "
        "effort from 1 (low) to 5 (high) to the right."
    ),
    "quadrant_quick_wins": msg("Quick wins"),
    "quadrant_big_bets": msg("Big bets"),
    "quadrant_fill_ins": msg("Fill-ins"),
    "quadrant_money_pits": msg("Money pits"),
    "low_effort": msg("Low effort"),
    "high_effort": msg("High effort"),
    "low_impact": msg("Low impact"),
    "high_impact": msg("High impact"),
    "score_formula": msg("Score"),
    "made_with": msg("Made with cjm"),
}
"""Every label by the key templates read it by."""

COUNTS: dict[str, Callable[[int], Message]] = {
    "phases": lambda n: nmsg("{count} phase", "{count} phases", n),
    "touchpoints": lambda n: nmsg("{count} touchpoint", "{count} touchpoints", n),
    "journeys": lambda n: nmsg("{count} journey", "{count} journeys", n),
    "opportunities": lambda n: nmsg("{count} opportunity", "{count} opportunities", n),
}
"""Counted words a template may ask for: ``words.count("touchpoints", 2)`` -> ``2 touchpoints``."""


class Labels(dict[str, str]):
    """The labels by key, readable as attributes too: ``labels.summary``.

    A page reads labels so often (105,000 times for 200 journeys in three formats,
    issue 17) that how an attribute is found shows: each label is also an
    attribute of the instance, which Python finds without calling any code.
    A name a dict has itself (``items``, ``get``) is still the dict's, exactly as
    for a plain dict, and a missing key is still an AttributeError (then
    undefined in a template). A caller may change its copy: any change drops
    the attributes, and labels are then read from the dict by :meth:`__getattr__`.
    """

    def __init__(self, labels: dict[str, str]) -> None:
        super().__init__(labels)
        self.__dict__.update((key, value) for key, value in labels.items() if key not in _DICT)

    def __getattr__(self, name: str) -> str:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def _changed(self) -> None:
        self.__dict__.clear()

    def __setitem__(self, key: str, value: str) -> None:
        self._changed()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._changed()
        super().__delitem__(key)

    # typeshed types dict.__ior__ by overloads shared with __or__; the behaviour is dict's.
    def __ior__(self, other: dict[str, str]) -> Self:  # type: ignore[override,misc]
        self._changed()
        return super().__ior__(other)

    def update(self, *args: Any, **kwargs: str) -> None:
        self._changed()
        super().update(*args, **kwargs)

    def setdefault(self, key: str, default: str = "") -> str:
        self._changed()
        return super().setdefault(key, default)

    def pop(self, key: str, *default: Any) -> Any:
        self._changed()
        return super().pop(key, *default)

    def popitem(self) -> tuple[str, str]:
        self._changed()
        return super().popitem()

    def clear(self) -> None:
        self._changed()
        super().clear()


_DICT = frozenset(dir(dict))
"""Names a label never shadows as an attribute."""


_RENDERED: WeakKeyDictionary[Text, dict[str, str]] = WeakKeyDictionary()


def labels_for(text: Text) -> Labels:
    """Every label in ``text``'s language, by key: what templates read as ``labels``.

    Translated once per ``text`` (a render asks for every page, issue 17); each caller
    gets its own dict."""
    rendered = _RENDERED.get(text)
    if rendered is None:
        rendered = _RENDERED[text] = {key: text(message) for key, message in LABELS.items()}
    return Labels(rendered)


_DATES: WeakKeyDictionary[Text, dict[tuple[type, date], str]] = WeakKeyDictionary()
"""Each language's worded dates, by date: every page of a render shares them."""


class Words:
    """What a template asks for words that depend on a value, in the page's language.

    The page's ``words``: ``words.count("touchpoints", n)``, ``words.number(18420)``,
    ``words.decimal(3.4)``, ``words.percent(0.354)``, ``words.date(journey.reviewed)``.
    """

    def __init__(self, text: Text) -> None:
        self._text = text
        dates = _DATES.get(text)
        if dates is None:
            dates = _DATES[text] = {}
        self._dates = dates

    @property
    def language(self) -> str:
        return self._text.language

    def count(self, key: str, count: int) -> str:
        """``count`` of a thing in :data:`COUNTS`, singular or plural: ``1 touchpoint``."""
        return self._text(COUNTS[key](count))

    def number(self, value: float | None, fraction: bool = False) -> str:
        return self._text.number(value, fraction=fraction)

    def decimal(self, value: float | None) -> str:
        """A number as written, with the language's decimal mark: an average of ``3.0``
        stays ``3,0`` beside ``3,6`` (Text.decimal would write ``3``)."""
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            return format_number(value, "#,##0.0", self._text.locale)
        return self._text.decimal(value)

    def percent(self, share: float | None) -> str:
        return self._text.percent(share)

    def date(self, day: date | str) -> str:
        """A date in the language's long format (``3 maart 2026``); text that is not a
        date (a value read as written) passes unchanged."""
        if not isinstance(day, date):
            return day
        # Babel words each date anew (the locale's patterns looked up every time), and a
        # render words the same few dates on every page and in every format (issue 17).
        # A datetime is a date too, but never equal to one: the key holds the type.
        key = (type(day), day)
        worded = self._dates.get(key)
        if worded is None:
            worded = self._dates[key] = self._text.date(day)
        return worded
