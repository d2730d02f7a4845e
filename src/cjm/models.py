"""The journey file format, version 1, as pydantic models.

The models are the contract: ``cjm lint`` validates against them and every other
command reads journeys through them. Three conventions hold throughout:

* unknown keys are errors (pydantic's ``extra_forbidden``), except keys starting
  with ``x-``, which belong to the user and are kept in :attr:`Node.extensions`;
* a number where text is expected is text (``name: 2025`` is the name "2025");
* validation messages are written for a consultant; the custom errors below
  carry them, and :mod:`cjm.validation` words pydantic's built-in ones.
"""

# No ``from __future__ import annotations`` here: pydantic would read every field's
# annotation back from a string (one ``eval`` each, 80 on every run that loads the
# models); written as objects they cost nothing extra (issue 17).
import re
from collections.abc import Callable
from datetime import date
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from cjm.lines import one_line
from cjm.phase_models import PRESETS
from cjm.text import Message, msg

__all__ = [
    "CONFIDENCE_LEVELS",
    "EVIDENCE_KINDS",
    "SLUG_MAX_LENGTH",
    "SLUG_PATTERN",
    "STATES",
    "Analytics",
    "Cta",
    "Evidence",
    "Journey",
    "JourneyInfo",
    "Kpi",
    "Node",
    "Persona",
    "PhaseDef",
    "PhaseEntry",
    "Touchpoint",
    "confidence_of",
    "defaults",
    "describe",
    "is_slug",
]

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SLUG_MAX_LENGTH = 64
"""Ids become file names (``<persona id>.html``, with a temporary name beside it while
it is written); file systems allow 255 bytes, and no one types a longer id."""
_SLUG = re.compile(SLUG_PATTERN)


def is_slug(text: str) -> bool:
    """Whether ``text`` may be an id: the slug pattern, at most :data:`SLUG_MAX_LENGTH` long."""
    return len(text) <= SLUG_MAX_LENGTH and bool(_SLUG.match(text))


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def custom_error(kind: str, message: Message) -> PydanticCustomError:
    """A validation error worded by cjm: :mod:`cjm.validation` shows ``message`` in the
    reader's language (pydantic's own text of it is the English)."""
    return PydanticCustomError(kind, "{message}", {"message": message})


def describe(value: object) -> Message | str:
    """How a value reads in a message: ``7``, ``'abc'``, ``a list``."""
    if value is None:
        return msg("nothing")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{one_line(shown)}'"
    if isinstance(value, list):
        return msg("a list")
    if isinstance(value, dict):
        return msg("a mapping")
    return type(value).__name__  # pragma: no cover - YAML yields only the types above


def _emotion(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise custom_error(
            "emotion",
            msg(
                "must be a whole number from 1 (very negative) to 5 (very positive), got {got}",
                got=describe(value),
            ),
        )
    return value


def _text_or_number(value: object) -> object:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise custom_error(
            "text_or_number", msg("must be text or a number, got {got}", got=describe(value))
        )
    return value


def _iso_date(value: object) -> object:
    if not isinstance(value, str) or not _ISO_DATE.match(value):
        raise custom_error(
            "iso_date",
            msg("must be a date written as YYYY-MM-DD, got {got}", got=describe(value)),
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise custom_error(
            "iso_date", msg("is not a real date: {got}", got=describe(value))
        ) from None


def _one_or_more_mappings(value: object) -> object:
    # `analytics: {source: x, medium: y}` is shorthand for a list of one mapping:
    # one "reviews" touchpoint may claim Trustpilot and Kiyoh.
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return value
    raise custom_error(
        "mappings",
        msg(
            "must be a mapping with source and medium, or a list of them, got {got}",
            got=describe(value),
        ),
    )


def _cta_shorthand(value: object) -> object:
    # `cta: Bel ons` is shorthand for `cta: {text: Bel ons}`.
    return {"text": value} if isinstance(value, str) else value


STATES = ("current", "future")
"""The states a journey maps (``journey.state``); the first is the default."""


def _text_or_texts(value: object) -> object:
    # A blueprint lane (`backstage: Orderpicking`) is one text or a list of them.
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [value]
    if isinstance(value, list):
        return value
    raise custom_error(
        "text_or_texts", msg("must be text or a list of texts, got {got}", got=describe(value))
    )


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH)]
Emotion = Annotated[int, BeforeValidator(_emotion), Field(ge=1, le=5)]
TextOrNumber = Annotated[str | int | float, BeforeValidator(_text_or_number)]
IsoDate = Annotated[date, BeforeValidator(_iso_date, json_schema_input_type=str)]
Texts = list[str]
Lane = Annotated[list[str], BeforeValidator(_text_or_texts, json_schema_input_type=str | list[str])]
"""A service-blueprint lane on a touchpoint: text, or a list of texts (always a list here)."""


def _new_list() -> list[Any]:
    return []


def empty() -> Any:
    """An empty-list default, as ``= []`` would be, without its cost (issue 17).

    Pydantic deep-copies an unhashable default such as ``[]`` for every model it
    builds (``copy.deepcopy``, about a quarter of validating a journey); a factory
    makes a fresh list instead. The schema still says ``"default": []``, as editors
    show it: pydantic leaves the default of a factory out, so it is put back here.
    The factory is a Python function rather than ``list``: pydantic inspects each
    factory's signature, and the builtin's is parsed from text (0.1 ms a field).
    """
    return Field(default_factory=_new_list, json_schema_extra={"default": []})


M = TypeVar("M", bound=BaseModel)


def defaults(model: type[M]) -> Callable[[], M]:
    """A factory for ``model`` with every field at its default, as ``model()`` makes it.

    ``model()`` would compile the model's own validator (pydantic builds it on first
    use) only to check no input; a run that reads no ``cjm.yaml``, or none of a
    block, never needs it. The defaults are the same objects either way: validation
    leaves defaults unchecked, and no field has a validator of its own on them.
    """

    def make() -> M:
        return model.model_construct()

    return make


def _own_key(key: object) -> str:
    # An extra key is the user's own when it starts with `x-`; any other is refused as
    # pydantic refuses unknown keys (extra="forbid": the same error, at the same place).
    if isinstance(key, str) and key.startswith("x-"):
        return key
    raise PydanticCustomError("extra_forbidden", "Extra inputs are not permitted")


def _forbid_others(schema: dict[str, Any]) -> None:
    # The JSON Schema says what "forbid" said (cjm.schema then allows `x-` keys);
    # set in place, the key keeps its position in the output.
    schema["additionalProperties"] = False


class Node(BaseModel):
    """Base of every block in a journey file."""

    # defer_build: pydantic would otherwise compile a validator for every class at
    # import; deferred, only the validator actually used (Journey's, with the nested
    # models inlined) is built, on first use. That is start-up time on every lint.
    #
    # Extra keys are "allowed" only to be checked by _own_key, inside pydantic's own
    # validator: an `x-` key is kept where pydantic keeps extra keys, any other is an
    # error. That costs nothing for the keys a block knows, where a validator of the
    # whole mapping (a wrap validator per block, 18k calls in 200 journeys) cost two
    # fifths of validating a journey (issue 17).
    model_config = ConfigDict(
        extra="allow",
        coerce_numbers_to_str=True,
        frozen=True,
        defer_build=True,
        json_schema_extra=_forbid_others,
    )
    __pydantic_extra__: dict[Annotated[str, PlainValidator(_own_key)], Any] = Field(init=False)

    @property
    def extensions(self) -> dict[str, Any]:
        """The block's ``x-`` keys, as the user wrote them."""
        return self.__pydantic_extra__ or {}

    @model_validator(mode="before")
    @classmethod
    def _empty_is_default(cls, data: Any) -> Any:
        # `touchpoints:` with nothing after it means "none yet": the default. Looked
        # at only when the mapping has an empty value at all (few do).
        if not isinstance(data, dict) or None not in data.values():
            return data
        fields = cls.model_fields
        return {
            key: value
            for key, value in data.items()
            if not (value is None and key in fields and not fields[key].is_required())
        }


# -- Evidence and confidence (issue 14: from map to management) ---------------
# What a touchpoint, a phase or a persona rests on: interviews, surveys, data.
# Kept in one block so that other additions to the models merge cleanly.

EVIDENCE_KINDS = ("interview", "survey", "analytics", "support", "observation", "desk", "workshop")
"""The kinds of evidence, as ``kind:`` takes them (the order the docs list them)."""
CONFIDENCE_LEVELS = ("assumption", "partial", "validated")
"""How well a step is backed, weakest first: ``confidence:`` takes these."""

Confidence = Literal["assumption", "partial", "validated"]


class Evidence(Node):
    """One piece of research behind a touchpoint, a phase or a persona."""

    kind: Literal["interview", "survey", "analytics", "support", "observation", "desk", "workshop"]
    source: str | None = None
    """Who or what: ``Interview 4, moeder van twee``, ``NPS-enquête Q3``."""
    quote: str | None = None
    date: IsoDate | None = None
    url: str | None = None


def confidence_of(evidence: list[Evidence], confidence: str | None) -> str:
    """The confidence a step has: as written, else ``partial`` with evidence, else ``assumption``.

    A step with evidence but no verdict is more than an assumption, and only the
    team can say it is validated, so evidence alone counts as ``partial``.
    """
    if confidence is not None:
        return confidence
    return "partial" if evidence else "assumption"


# -- end of evidence and confidence --------------------------------------------


class Persona(Node):
    id: Slug | None = None
    name: str
    segment: Literal["b2c", "b2b"] = "b2c"
    description: str | None = None
    goals: Texts = empty()
    pain_points: Texts = empty()
    priorities: Texts = empty()
    behaviour: Texts = empty()
    life_events: Texts = empty()
    preferred_channels: Texts = empty()
    decision_makers: Texts = empty()
    # Issue 14: the interviews and studies the persona rests on.
    research: list[Evidence] = empty()


class PhaseDef(Node):
    """One phase of a phase model defined inline (in ``cjm.yaml`` or a journey)."""

    id: Slug
    name: str | None = None
    purchase: bool = False
    optional: bool = False


InlineModel = Annotated[list[PhaseDef], Field(min_length=1)]
"""A phase model written out as a list of phases: at least one."""


class JourneyInfo(Node):
    # --- current and future state (issue 15): which version of the persona's journey ---
    # `id` tells apart several journeys of one persona (scenarios); `state` says whether
    # the file maps today (current) or the plan (future); a future state names the
    # current journey it changes in `based_on` (a file, or a journey's id).
    id: Slug | None = None
    state: Literal["current", "future"] = "current"
    based_on: str | None = None
    # --- end issue 15 ---
    title: str | None = None
    product: str | None = None
    cycle: Literal["transactional", "relational"] = "transactional"
    owner: str | None = None
    tone_of_voice: str | None = None
    storyline: str | None = None
    reviewed: IsoDate | None = None
    model: str | InlineModel | None = None

    @field_validator("model")
    @classmethod
    def _known_preset(cls, value: str | list[PhaseDef] | None) -> str | list[PhaseDef] | None:
        if isinstance(value, str) and value not in PRESETS:
            raise _unknown_model(value)
        return value

    @field_validator("id")
    @classmethod
    def _not_a_state(cls, value: str | None) -> str | None:
        # The id and the state both go into the output's file name
        # (`persona.id.future.html`): an id spelled like a state would read as one.
        if value in STATES:
            raise custom_error(
                "state_as_id",
                msg(
                    "{got} is a state, not a journey id: write 'state: {state}' instead",
                    got=describe(value),
                    state=value,
                ),
            )
        return value


def _unknown_model(name: str) -> PydanticCustomError:
    import difflib

    close = difflib.get_close_matches(name, list(PRESETS), n=1)
    if close:
        return custom_error(
            "unknown_model",
            msg(
                "names an unknown phase model '{name}' — did you mean '{close}'? "
                "(presets: {presets})",
                name=name,
                close=close[0],
                presets=", ".join(PRESETS),
            ),
        )
    return custom_error(
        "unknown_model",
        msg(
            "names an unknown phase model '{name}' (presets: {presets})",
            name=name,
            presets=", ".join(PRESETS),
        ),
    )


class Kpi(Node):
    name: str
    target: TextOrNumber
    actual: TextOrNumber | None = None
    # Which way is good: most KPIs are "more is better" (sessions, conversion),
    # some are not (cost per lead, delivery time); the map judges actual against target.
    better: Literal["higher", "lower"] = "higher"


class Cta(Node):
    text: str
    url: str | None = None


class Analytics(Node):
    """How a touchpoint shows up in web analytics (session source / medium)."""

    source: str
    medium: str
    campaign: str | None = None


class Touchpoint(Node):
    id: Slug
    name: str
    channel: str
    media: Literal["paid", "owned", "earned"] | None = None
    senses: list[Literal["see", "hear", "smell", "touch", "taste"]] = empty()
    description: str | None = None
    content: str | None = None
    # What the customer does, thinks and feels at this step, as on a phase (a map
    # may describe the customer per phase, per touchpoint, or both). `feeling` is
    # the word for the emotion ("onzeker"); `emotion` is its 1-5 score on the curve.
    doing: str | None = None
    thinking: str | None = None
    feeling: str | None = None
    cta: Annotated[
        Cta | None, BeforeValidator(_cta_shorthand, json_schema_input_type=str | Cta)
    ] = None
    emotion: Emotion | None = None
    pain_points: Texts = empty()
    opportunities: Texts = empty()
    owner: str | None = None
    tone: str | None = None
    next: list[Slug] = empty()
    analytics: Annotated[
        list[Analytics],
        BeforeValidator(_one_or_more_mappings, json_schema_input_type=Analytics | list[Analytics]),
    ] = empty()
    # --- service-blueprint lanes (issue 15), next to `owner` ---
    frontstage: Lane = empty()
    """What employees do that the customer sees (above the line of visibility)."""
    backstage: Lane = empty()
    """What employees do out of the customer's sight."""
    support: Lane = empty()
    """The processes and systems (CRM, ERP, a partner) that support them."""
    # --- end issue 15 ---
    # Issue 14: what the step rests on (see confidence_of for the default).
    evidence: list[Evidence] = empty()
    confidence: Confidence | None = None

    @property
    def level(self) -> str:
        """The confidence in force: written, or derived from the evidence."""
        return confidence_of(self.evidence, self.confidence)


class PhaseEntry(Node):
    """A phase as a journey lists it (the model's :class:`~cjm.phase_models.Phase` is its type)."""

    id: Slug
    name: str | None = None
    goal: str | None = None
    doing: str | None = None
    thinking: str | None = None
    feeling: str | None = None
    kpis: list[Kpi] = empty()
    touchpoints: list[Touchpoint] = empty()
    # Issue 14: what the phase as a whole rests on.
    evidence: list[Evidence] = empty()
    confidence: Confidence | None = None

    @property
    def level(self) -> str:
        """The confidence in force: written, or derived from the evidence."""
        return confidence_of(self.evidence, self.confidence)


class Journey(Node):
    """A whole journey file."""

    version: Literal[1] = 1
    persona: Persona
    journey: JourneyInfo = Field(default_factory=defaults(JourneyInfo))
    phases: Annotated[list[PhaseEntry], Field(min_length=1)]

    def touchpoints(self) -> tuple[tuple[int, int, Touchpoint], ...]:
        """Every touchpoint in journey order, with its phase and position indices."""
        return self._touchpoints

    # Worked out once per journey: a lint asks for it a dozen times per file (issue 17).
    # A frozen model never changes, and pydantic leaves a cached_property out of
    # comparisons, model_dump and the schema; a tuple, so no caller can change it.
    @cached_property
    def _touchpoints(self) -> tuple[tuple[int, int, Touchpoint], ...]:
        return tuple(
            (p, t, touchpoint)
            for p, phase in enumerate(self.phases)
            for t, touchpoint in enumerate(phase.touchpoints)
        )
