"""The free template: ``cjm init`` (a project) and ``cjm new`` (a journey skeleton).

The skeleton is written as text rather than dumped from data, because its
comments — in the project language — are half its value: they explain each
field to a consultant who opens the file for the first time.
"""

from __future__ import annotations

import re
import unicodedata
from importlib import resources
from pathlib import Path, PurePosixPath

from cjm.errors import UsageError
from cjm.models import SLUG_MAX_LENGTH
from cjm.names import RESERVED_STEMS
from cjm.output.escape import yaml_string
from cjm.phase_models import PhaseModel
from cjm.phase_models import phase_name as name_phase
from cjm.text import Message, Text, msg

__all__ = [
    "EXAMPLE_FILES",
    "EXAMPLE_NAME",
    "config_text",
    "example_file",
    "example_journey",
    "gitignore_text",
    "skeleton",
    "slugify",
]

EXAMPLE_NAME = "jonge-ouders.yaml"

_PLAIN = re.compile(r"[^\W\d_][\w .'()/-]*")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def slugify(name: str) -> str:
    """``"Jonge ouders (30+)"`` → ``"jonge-ouders-30"``: the persona id and file name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    shown = name if len(name) <= 40 else name[:37] + "..."
    if not slug:
        raise UsageError(
            msg(
                "cannot make a file name from {name}: use letters or digits in the persona name",
                name=repr(shown),
            )
        )
    if len(slug) > SLUG_MAX_LENGTH:
        raise UsageError(
            msg(
                "the persona name {name} makes an id of {length} characters, more than "
                "the {limit} an id may have (it becomes file names); use a shorter name",
                name=repr(shown),
                length=len(slug),
                limit=SLUG_MAX_LENGTH,
            )
        )
    if slug in RESERVED_STEMS:
        raise UsageError(
            msg(
                "the persona name {name} makes the id '{id}', which cjm keeps for itself "
                "({why}); use another name, such as '{example}'",
                name=repr(shown),
                id=slug,
                why=RESERVED_STEMS[slug],
                example=msg("{name} customer", name=name),
            )
        )
    return slug


def _scalar(text: str) -> str:
    """Text as a YAML scalar: plain when that is unambiguous, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return yaml_string(text)


_ROLES = (msg("Buyer"), msg("End user"))
"""Example roles in a buying unit (``decision_makers``)."""

_WORDS: dict[str, Message] = {
    "optional": msg("Optional fields are commented out: remove the '# ' to use one."),
    "segment": msg("b2c or b2b"),
    "description": msg("who this persona is, in a sentence or two"),
    "goals": msg("what does the persona want to achieve?"),
    "pain_points": msg("what gets in the persona's way?"),
    "priorities": msg("what weighs most in the choice (price, ease, certainty)?"),
    "behaviour": msg("how the persona orients and buys: media use, habits"),
    "life_events": msg("which event turns a latent need into a conscious one?"),
    "preferred_channels": msg("which channels reach this persona?"),
    "decision_makers": msg("B2B: the roles in the buying unit who must agree"),
    "title": msg("the journey in one sentence"),
    "product": msg("the product or service the journey is about"),
    "cycle": msg("transactional (a timeline that ends) or relational (a cycle)"),
    "journey_owner": msg("team or person responsible for the journey"),
    "tone_of_voice": msg("the tone of the communication, for example: warm, informal"),
    "storyline": msg("the story or proposition that ties the touchpoints together"),
    "reviewed": msg("date of the last review (YYYY-MM-DD)"),
    "model": msg("phase model of this journey"),
    "phases": msg("the phases, in journey order"),
    "phase_name": msg("a name of your own for the phase, instead of the model's"),
    "goal": msg("what does the business want to achieve in this phase?"),
    "doing": msg("what does the customer do?"),
    "thinking": msg("what does the customer think?"),
    "feeling": msg("what does the customer feel?"),
    "touchpoint": msg("New touchpoint"),
    "touchpoint_name": msg("name of the touchpoint"),
    "channel": msg("channel or medium: search, social, email, website, store, chat, ..."),
    "media": msg("paid (bought), owned (your own channel) or earned (others about you)"),
    "senses": msg("senses it appeals to: see, hear, smell, touch, taste"),
    "tp_description": msg("what happens here, from the customer's side?"),
    "content": msg("the content the customer meets: ad, blog, mail, conversation"),
    "tp_doing": msg("what does the customer do at this step?"),
    "tp_thinking": msg("what does the customer think here (questions, doubts)?"),
    "tp_feeling": msg("the feeling in a word; emotion is its score from 1 to 5"),
    "cta": msg("call to action: what should the customer do next?"),
    "cta_text": msg("What is the next step?"),
    "emotion": msg("emotion curve: 1 (very negative) to 5 (very positive)"),
    "tp_pain_points": msg("what goes wrong or annoys here?"),
    "opportunities": msg("improvements to make at this touchpoint"),
    "owner": msg("the department that owns it (not needed with media: earned)"),
    "tone": msg("tone of this touchpoint, when it differs from tone_of_voice"),
    "journey_id": msg("only when a persona has several journeys: a scenario"),
    "state": msg("current (as it goes today) or future (as it should go)"),
    "based_on": msg("with state: future: the current journey (file or id)"),
    "frontstage": msg("blueprint: what employees do that the customer sees"),
    "backstage": msg("blueprint: what employees do out of the customer's sight"),
    "support": msg("blueprint: processes and systems behind it (CRM, ERP, partner)"),
    "next": msg("ids of touchpoints the customer may go to next"),
    "analytics": msg("how this touchpoint shows up in web analytics (cjm analytics)"),
    "research": msg("the research behind the persona: interviews, surveys, data"),
    "evidence": msg("what this rests on: interview, survey, analytics, support, ..."),
    "confidence": msg("assumption, partial or validated"),
}
"""The skeleton's comments, in the project's language (rendered with its Text)."""


# A touchpoint's optional fields, commented out in the skeleton: (field, example value,
# the word that explains it), before and after its cta and emotion.
_TOUCHPOINT_BEFORE = (
    ("media", "owned", "media"),
    ("senses", "[see]", "senses"),
    ("description", '""', "tp_description"),
    ("content", '""', "content"),
    ("doing", '""', "tp_doing"),
    ("thinking", '""', "tp_thinking"),
    ("feeling", '""', "tp_feeling"),
)
_TOUCHPOINT_AFTER = (
    ("pain_points", "[]", "tp_pain_points"),
    ("opportunities", "[]", "opportunities"),
    ("owner", '""', "owner"),
    ("frontstage", '""', "frontstage"),
    ("backstage", '""', "backstage"),
    ("support", "[]", "support"),
    ("tone", '""', "tone"),
    ("next", "[]", "next"),
    ("analytics", "{source: google, medium: organic}", "analytics"),
    ("evidence", "[{kind: interview, source: ''}]", "evidence"),
    ("confidence", "assumption", "confidence"),
)


def _commented(
    fields: tuple[tuple[str, str, str], ...], words: dict[str, str]
) -> list[tuple[str, str, str]]:
    return [(field, value, words[word]) for field, value, word in fields]


def skeleton(
    name: str,
    model: PhaseModel,
    text: Text,
    *,
    segment: str = "b2c",
    write_model: bool = False,
    schema: str | None = None,
) -> str:
    """A journey with every phase of ``model`` and a placeholder touchpoint in each.

    Every optional field of the format is in it: the ones a consultant should fill
    in as empty values (lint then says what is still missing), the others commented
    out with a line on what they are for. The first phase and its touchpoint carry
    the commented fields; repeating them in every phase would bury the journey.
    ``schema`` is the path or URL of the journey JSON Schema, for the
    ``yaml-language-server`` comment that gives editors completion and checks.
    """
    from cjm.links import docs_url

    words = {key: text(message) for key, message in _WORDS.items()}
    # The example is YAML (braces and all); only its metric's name is a word to translate.
    example = "{name: " + text(msg("Sessions")) + ", target: 5000}"
    words["kpis"] = text(msg("measures, for example {example}", example=example))

    def line(text: str, comment: str, width: int = 34) -> str:
        return f"{text.ljust(width)} # {comment}" if comment else text

    def optional(indent: str, field: str, value: str, comment: str) -> str:
        return line(f"{indent}# {field}: {value}", comment)

    persona_id = slugify(name)
    out = [f"# yaml-language-server: $schema={schema}"] if schema else []
    out += [
        "# "
        + text(
            msg(
                "Customer journey for persona {name}. "
                'Fill in the fields and check with "cjm lint".',
                name=yaml_string(name),
            )
        ),
        "# " + text(msg("Every field and what it means: {url}", url=docs_url("format.md"))),
        f"# {words['optional']}",
        "version: 1",
        "persona:",
        f"  id: {persona_id}",
        f"  name: {_scalar(name)}",
        line(f"  segment: {segment}", words["segment"]),
        line('  description: ""', words["description"]),
        line("  goals: []", words["goals"]),
        line("  pain_points: []", words["pain_points"]),
        line("  priorities: []", words["priorities"]),
        optional("  ", "behaviour", "[]", words["behaviour"]),
        line("  life_events: []", words["life_events"]),
        line("  preferred_channels: []", words["preferred_channels"]),
        optional("  ", "research", "[{kind: interview, source: ''}]", words["research"]),
    ]
    example = ", ".join(_scalar(text(role)) for role in _ROLES)
    if segment == "b2b":
        out.append(line(f"  decision_makers: [{example}]", words["decision_makers"]))
    else:
        out.append(optional("  ", "decision_makers", f"[{example}]", words["decision_makers"]))
    out += [
        "journey:",
        optional("  ", "id", "winter", words["journey_id"]),
        optional("  ", "state", "current", words["state"]),
        optional("  ", "based_on", f"{persona_id}.yaml", words["based_on"]),
        line('  title: ""', words["title"]),
        optional("  ", "product", '""', words["product"]),
        line("  cycle: transactional", words["cycle"]),
        optional("  ", "owner", '""', words["journey_owner"]),
        optional("  ", "tone_of_voice", '""', words["tone_of_voice"]),
        optional("  ", "storyline", '""', words["storyline"]),
        optional("  ", "reviewed", "2026-01-31", words["reviewed"]),
        line(f"  model: {model.name}", words["model"])
        if write_model
        else optional("  ", "model", model.name, words["model"]),
        line("phases:", words["phases"]),
    ]
    for number, phase in enumerate(model.phases):
        first = number == 0
        phase_name = name_phase(phase.id, None, model, text)
        placeholder = _scalar(f"{words['touchpoint']} ({phase_name})")
        out.append(line(f"  - id: {phase.id}", phase_name))
        if first:
            out.append(optional("    ", "name", _scalar(phase_name), words["phase_name"]))
        out += [
            line('    goal: ""', words["goal"]),
            line('    doing: ""', words["doing"]),
            line('    thinking: ""', words["thinking"]),
            line('    feeling: ""', words["feeling"]),
            line("    kpis: []", words["kpis"]),
        ]
        if first:
            out += [
                optional("    ", "evidence", "[{kind: workshop, source: ''}]", words["evidence"]),
                optional("    ", "confidence", "assumption", words["confidence"]),
            ]
        out += [
            "    touchpoints:",
            f"      - id: {phase.id}-touchpoint",
            line(f"        name: {placeholder}", words["touchpoint_name"]),
            line("        channel: website", words["channel"]),
        ]
        tp = "        "
        if first:
            out += [optional(tp, *field) for field in _commented(_TOUCHPOINT_BEFORE, words)]
        out += [
            line(f"{tp}cta: {_scalar(words['cta_text'])}", words["cta"]),
            line(f"{tp}emotion: 3", words["emotion"]),
        ]
        if first:
            out += [optional(tp, *field) for field in _commented(_TOUCHPOINT_AFTER, words)]
    return "\n".join(out) + "\n"


def config_text(text: Text) -> str:
    """``cjm.yaml`` for a new project in ``text``'s language, its comments in that language."""
    import textwrap

    title = msg("cjm project configuration. cjm finds this file by walking up from where it runs.")
    settings = (
        (
            "model: five-phase",
            msg(
                "phase model: five-phase, awareness, seven-phase, four-stage, "
                "decision-process, or a list of your own phases"
            ),
        ),
        (
            f"language: {text.language}",
            msg("language of the output: labels, messages, phase names"),
        ),
        ("journeys: journeys", msg("where cjm lint and cjm render look when given no paths")),
    )
    lines = [f"# {text(title)}"]
    for setting, comment in settings:
        # A long comment goes on under the first, aligned: the file stays narrow.
        for number, part in enumerate(textwrap.wrap(text(comment), 60)):
            lines.append(f"{(setting if number == 0 else '').ljust(19)} # {part}")
    return "\n".join(lines) + "\n"


def gitignore_text() -> str:
    return "# cjm render writes here by default\nbuild/\n"


def example_journey() -> bytes:
    """The complete example journey that ``cjm init`` writes.

    An installed wheel carries it in ``cjm/data/``; an editable install reads it
    from the repository's ``journeys/`` folder, its single source.
    """
    return example_file(f"journeys/{EXAMPLE_NAME}")


EXAMPLE_FILES = (
    "journeys/it-manager-mkb.yaml",
    "journeys/jonge-ouders.yaml",
    "journeys/online-shopper.yaml",
    "opportunities.yaml",
)
"""The example project ``cjm init`` writes, as paths in the repository (and in the project):
three personas and the opportunities that link them (issue 14)."""


def example_file(name: str) -> bytes:
    """One file of the example project: ``cjm/data/<file name>`` in a wheel, else the
    repository's own copy, its single source."""
    shipped = resources.files("cjm").joinpath("data", PurePosixPath(name).name)
    if shipped.is_file():
        return shipped.read_bytes()
    return (Path(__file__).resolve().parents[2] / name).read_bytes()
