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
            f"cannot make a file name from {shown!r}: use letters or digits in the persona name"
        )
    if len(slug) > SLUG_MAX_LENGTH:
        raise UsageError(
            f"the persona name {shown!r} makes an id of {len(slug)} characters, more than "
            f"the {SLUG_MAX_LENGTH} an id may have (it becomes file names); use a shorter name"
        )
    if slug in RESERVED_STEMS:
        raise UsageError(
            f"the persona name {shown!r} makes the id '{slug}', which cjm keeps for itself "
            f"({RESERVED_STEMS[slug]}); use another name, such as '{name} klant'"
        )
    return slug


def _scalar(text: str) -> str:
    """Text as a YAML scalar: plain when that is unambiguous, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return yaml_string(text)


_ROLES = {"nl": ("Inkoper", "Eindgebruiker"), "en": ("Buyer", "End user")}

_WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "header": 'Klantreis voor persona {name}. Vul de velden in en controleer met "cjm lint".',
        "format": "Alle velden en hun betekenis: {url}",
        "optional": "Optionele velden staan als commentaar: haal '# ' weg om ze te gebruiken.",
        "segment": "b2c of b2b",
        "description": "wie is deze persona, in een of twee zinnen",
        "goals": "wat wil de persona bereiken?",
        "pain_points": "waar loopt de persona tegenaan?",
        "priorities": "wat weegt zwaar bij de keuze (prijs, gemak, zekerheid)?",
        "behaviour": "hoe oriënteert en koopt de persona: mediagebruik, gewoonten",
        "life_events": "welke gebeurtenis maakt een latente behoefte bewust?",
        "preferred_channels": "via welke kanalen is de persona te bereiken?",
        "decision_makers": "B2B: de rollen in de buying unit die moeten instemmen",
        "title": "de klantreis in een zin",
        "product": "het product of de dienst waar de klantreis over gaat",
        "cycle": "transactional (tijdlijn die eindigt) of relational (cyclus)",
        "journey_owner": "team of persoon die verantwoordelijk is voor de klantreis",
        "tone_of_voice": "toon van de communicatie, bijvoorbeeld: warm, informeel",
        "storyline": "het verhaal of de propositie die de contactmomenten verbindt",
        "reviewed": "datum van de laatste review (JJJJ-MM-DD)",
        "model": "fasemodel van deze klantreis",
        "phases": "de fasen, in de volgorde van de klantreis",
        "phase_name": "eigen naam voor de fase, in plaats van die van het model",
        "goal": "wat wil het bedrijf in deze fase bereiken?",
        "doing": "wat doet de klant?",
        "thinking": "wat denkt de klant?",
        "feeling": "wat voelt de klant?",
        "kpis": "meetpunten, bijvoorbeeld {name: Sessies, target: 5000}",
        "touchpoint": "Nieuw contactmoment",
        "touchpoint_name": "naam van het contactmoment",
        "channel": "kanaal of medium: search, social, email, website, store, chat, ...",
        "media": "paid (betaald), owned (eigen kanaal) of earned (anderen over jou)",
        "senses": "zintuigen die het aanspreekt: see, hear, smell, touch, taste",
        "tp_description": "wat gebeurt hier, gezien vanuit de klant?",
        "content": "de inhoud die de klant ziet: advertentie, blog, mail, gesprek",
        "tp_doing": "wat doet de klant bij deze stap?",
        "tp_thinking": "wat denkt de klant hier (vragen, twijfels)?",
        "tp_feeling": "het gevoel in een woord; emotion is de score van 1 tot 5",
        "cta": "call to action: wat moet de klant hierna doen?",
        "cta_text": "Wat is de volgende stap?",
        "emotion": "emotiecurve: 1 (zeer negatief) tot 5 (zeer positief)",
        "tp_pain_points": "wat gaat hier mis of ergert?",
        "opportunities": "verbeteringen voor dit contactmoment",
        "owner": "afdeling die eigenaar is (niet nodig bij media: earned)",
        "tone": "toon van dit contactmoment, als die afwijkt van tone_of_voice",
        "journey_id": "alleen bij meer klantreizen van een persona: een scenario",
        "state": "current (huidige situatie) of future (gewenste situatie)",
        "based_on": "bij state: future: de huidige klantreis (bestand of id)",
        "frontstage": "blueprint: wat medewerkers doen dat de klant ziet",
        "backstage": "blueprint: wat medewerkers doen buiten zicht van de klant",
        "support": "blueprint: processen en systemen erachter (CRM, ERP, partner)",
        "next": "ids van contactmomenten waar de klant hierna heen kan",
        "analytics": "hoe dit contactmoment in webanalytics staat (cjm analytics)",
        "research": "het onderzoek achter de persona: interviews, enquêtes, data",
        "evidence": "waar dit op rust: interview, survey, analytics, support, ...",
        "confidence": "assumption (aanname), partial of validated (bewezen)",
    },
    "en": {
        "header": "Customer journey for persona {name}. "
        'Fill in the fields and check with "cjm lint".',
        "format": "Every field and what it means: {url}",
        "optional": "Optional fields are commented out: remove the '# ' to use one.",
        "segment": "b2c or b2b",
        "description": "who this persona is, in a sentence or two",
        "goals": "what does the persona want to achieve?",
        "pain_points": "what gets in the persona's way?",
        "priorities": "what weighs most in the choice (price, ease, certainty)?",
        "behaviour": "how the persona orients and buys: media use, habits",
        "life_events": "which event turns a latent need into a conscious one?",
        "preferred_channels": "which channels reach this persona?",
        "decision_makers": "B2B: the roles in the buying unit who must agree",
        "title": "the journey in one sentence",
        "product": "the product or service the journey is about",
        "cycle": "transactional (a timeline that ends) or relational (a cycle)",
        "journey_owner": "team or person responsible for the journey",
        "tone_of_voice": "the tone of the communication, for example: warm, informal",
        "storyline": "the story or proposition that ties the touchpoints together",
        "reviewed": "date of the last review (YYYY-MM-DD)",
        "model": "phase model of this journey",
        "phases": "the phases, in journey order",
        "phase_name": "a name of your own for the phase, instead of the model's",
        "goal": "what does the business want to achieve in this phase?",
        "doing": "what does the customer do?",
        "thinking": "what does the customer think?",
        "feeling": "what does the customer feel?",
        "kpis": "measures, for example {name: Sessions, target: 5000}",
        "touchpoint": "New touchpoint",
        "touchpoint_name": "name of the contact moment",
        "channel": "channel or medium: search, social, email, website, store, chat, ...",
        "media": "paid (bought), owned (your own channel) or earned (others about you)",
        "senses": "senses it appeals to: see, hear, smell, touch, taste",
        "tp_description": "what happens here, from the customer's side?",
        "content": "the content the customer meets: ad, blog, mail, conversation",
        "tp_doing": "what does the customer do at this step?",
        "tp_thinking": "what does the customer think here (questions, doubts)?",
        "tp_feeling": "the feeling in a word; emotion is its score from 1 to 5",
        "cta": "call to action: what should the customer do next?",
        "cta_text": "What is the next step?",
        "emotion": "emotion curve: 1 (very negative) to 5 (very positive)",
        "tp_pain_points": "what goes wrong or annoys here?",
        "opportunities": "improvements to make at this touchpoint",
        "owner": "the department that owns it (not needed with media: earned)",
        "tone": "tone of this touchpoint, when it differs from tone_of_voice",
        "journey_id": "only when a persona has several journeys: a scenario",
        "state": "current (as it goes today) or future (as it should go)",
        "based_on": "with state: future: the current journey (file or id)",
        "frontstage": "blueprint: what employees do that the customer sees",
        "backstage": "blueprint: what employees do out of the customer's sight",
        "support": "blueprint: processes and systems behind it (CRM, ERP, partner)",
        "next": "ids of touchpoints the customer may go to next",
        "analytics": "how this touchpoint shows up in web analytics (cjm analytics)",
        "research": "the research behind the persona: interviews, surveys, data",
        "evidence": "what this rests on: interview, survey, analytics, support, ...",
        "confidence": "assumption, partial or validated",
    },
}


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
    language: str,
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

    words = _WORDS[language]

    def line(text: str, comment: str, width: int = 34) -> str:
        return f"{text.ljust(width)} # {comment}" if comment else text

    def optional(indent: str, field: str, value: str, comment: str) -> str:
        return line(f"{indent}# {field}: {value}", comment)

    persona_id = slugify(name)
    out = [f"# yaml-language-server: $schema={schema}"] if schema else []
    out += [
        f"# {words['header'].format(name=yaml_string(name))}",
        f"# {words['format'].format(url=docs_url('format.md'))}",
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
    example = ", ".join(_scalar(role) for role in _ROLES[language])
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
        phase_name = phase.name(language)
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


def config_text(language: str) -> str:
    return (
        "# cjm project configuration. cjm finds this file by walking up from where it runs.\n"
        "model: five-phase   # phase model: five-phase, awareness, seven-phase, four-stage,\n"
        "                    # decision-process, or a list of your own phases\n"
        f"language: {language}        # nl | en: labels and default phase names in output\n"
        "journeys: journeys  # where cjm lint and cjm render look when given no paths\n"
    )


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
