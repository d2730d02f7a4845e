"""Project configuration: ``cjm.yaml``, found by walking up like git finds ``.git``."""

# No ``from __future__ import annotations``: see cjm.models (pydantic would eval each one).
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, StrictInt, ValidationError, field_validator

from cjm.errors import ConfigError, Location
from cjm.models import (
    InlineModel,
    Node,
    PhaseDef,
    _unknown_model,
    custom_error,
    defaults,
    describe,
)
from cjm.phase_models import DEFAULT_MODEL, PRESETS, Phase, PhaseModel
from cjm.reading import ReadRefused, read_limited
from cjm.text import DEFAULT_LANGUAGE, languages, msg
from cjm.validation import schema_problems
from cjm.yaml_source import NodePath, YamlDocument, YamlProblem, decode, parse_yaml

__all__ = [
    "CONFIG_NAMES",
    "MAX_JOURNEY_BYTES",
    "Config",
    "OpportunitySettings",
    "ProjectSettings",
    "RenderSettings",
    "ScoreSettings",
    "find_config",
    "load_config",
    "resolve_model",
]

CONFIG_NAMES = ("cjm.yaml", "cjm.yml")

MAX_JOURNEY_BYTES = 10_000_000
"""The default limit on a journey file's size: about 300,000 lines, thirty times the
largest real journey; it keeps a mistaken file (a log, a dump) from filling memory."""

MAX_CONFIG_BYTES = 1_000_000
"""``cjm.yaml`` is a few lines; anything this large is not one."""


class RenderSettings(Node):
    """``render:`` in ``cjm.yaml``: the options ``cjm render`` and ``cjm render --check`` share.

    A flag overrides its key. Paths are relative to ``cjm.yaml``. Format names are
    checked by the render command against its registry (this module stays light).
    """

    out: str | None = None
    formats: list[str] | None = None
    analytics: str | None = None
    lang: str | None = None
    view: str | None = None
    """``map`` or ``blueprint`` (issue 15); checked against the view registry by render."""

    @field_validator("lang")
    @classmethod
    def _spoken(cls, value: str | None) -> str | None:
        return None if value is None else known_language(value)


class ScoreSettings(Node):
    """``opportunities: score:`` in ``cjm.yaml``: how the backlog is ranked (docs/format.md).

    ``ratio`` ranks by impact ÷ effort (quick wins first); ``weighted`` by
    ``impact_weight × impact − effort_weight × effort``, for a team that values
    impact more than it fears effort (or the other way round).
    """

    method: Literal["ratio", "weighted"] = "ratio"
    impact_weight: float = Field(default=1.0, ge=0, le=100)
    effort_weight: float = Field(default=1.0, ge=0, le=100)


class OpportunitySettings(Node):
    """``opportunities:`` in ``cjm.yaml`` (issue 14)."""

    score: ScoreSettings = Field(default_factory=defaults(ScoreSettings))


class ProjectSettings(Node):
    """The keys of ``cjm.yaml``."""

    model: str | InlineModel = DEFAULT_MODEL
    language: str = DEFAULT_LANGUAGE
    """The language of every output (cjm.text); ``--lang`` overrides it."""
    journeys: str = "journeys"
    max_journey_bytes: StrictInt = Field(default=MAX_JOURNEY_BYTES, ge=1)
    """A journey file larger than this is refused unread (see docs/limits.md)."""
    rules: dict[str, Any] = Field(default_factory=dict)
    """Per-rule severity and options, as written; :mod:`cjm.lint.settings` validates them
    (the rules' option models live with the rules, which this module must not import)."""
    render: RenderSettings = Field(default_factory=defaults(RenderSettings))
    opportunities: OpportunitySettings = Field(default_factory=defaults(OpportunitySettings))

    @field_validator("language")
    @classmethod
    def _spoken(cls, value: str) -> str:
        return known_language(value)

    @field_validator("model")
    @classmethod
    def _known_preset(cls, value: str | list[PhaseDef]) -> str | list[PhaseDef]:
        if isinstance(value, str) and value not in PRESETS:
            raise _unknown_model(value)
        return value


@dataclass(frozen=True)
class Config:
    """The settings in force, and where they came from."""

    root: Path
    """The directory holding ``cjm.yaml``; the working directory without one."""
    path: Path | None = None
    settings: ProjectSettings = field(default_factory=defaults(ProjectSettings))
    document: YamlDocument | None = None
    """The parsed ``cjm.yaml``, kept so later checks (rule options) can name its lines."""

    @property
    def journeys_dir(self) -> Path:
        return self.root / self.settings.journeys

    def location(self, path: NodePath, *, key: bool = False) -> Location:
        """Where ``path`` (``("render", "formats", 1)``) is written in ``cjm.yaml``: for
        checks of keys whose meaning lives outside this module (rule options, formats)."""
        shown = str(self.path) if self.path is not None else "cjm.yaml"
        if self.document is None:
            return Location(shown)
        span = self.document.span(path, key=key)
        return Location(shown, span.line, span.column)

    @property
    def language(self) -> str:
        return self.settings.language

    @property
    def model(self) -> PhaseModel:
        return resolve_model(self.settings.model, "project")


def known_language(value: str) -> str:
    """``value`` when cjm has a catalog for it; otherwise an error naming the ones it has."""
    spoken = languages()
    if value not in spoken:
        raise custom_error(
            "unknown_language",
            msg(
                "must be one of {spoken}, got '{value}': a new language is one .po file "
                "(docs/languages.md)",
                spoken=", ".join(spoken),
                value=value,
            ),
        )
    return value


def resolve_model(spec: str | list[PhaseDef], name: str) -> PhaseModel:
    """A preset by name, or an inline list of phases as a model called ``name``."""
    if isinstance(spec, str):
        return PRESETS[spec]
    phases = tuple(
        Phase(
            item.id,
            {"nl": item.name or item.id, "en": item.name or item.id},
            item.purchase,
            item.optional,
        )
        for item in spec
    )
    return PhaseModel(name, phases, preset=False)


def find_config(start: Path) -> Path | None:
    """The nearest ``cjm.yaml`` in ``start`` or a directory above it."""
    for directory in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
    return None


def load_config(start: Path | None = None, explicit: Path | None = None) -> Config:
    """Read the project's configuration; defaults when there is no ``cjm.yaml``.

    Raises :class:`ConfigError` (exit 2) with the line and column of the problem.
    """
    cwd = Path.cwd() if start is None else start
    path = explicit if explicit is not None else find_config(cwd.absolute())
    if path is None:
        return Config(root=cwd)
    shown = str(path)
    try:
        raw = read_limited(path, MAX_CONFIG_BYTES)
    except ReadRefused as refused:
        raise ConfigError(refused.message, Location(shown)) from None
    try:
        document = parse_yaml(decode(raw))
    except YamlProblem as problem:
        raise ConfigError(problem.message, Location(shown, problem.line, problem.column)) from None
    data = {} if document.data is None else document.data
    if not isinstance(data, dict):
        raise ConfigError(
            msg(
                "cjm.yaml must be a mapping of settings such as 'model: b2c' and "
                "'language: nl', got {got}",
                got=describe(data),
            ),
            Location(shown, 1, 1),
        )
    try:
        settings = ProjectSettings.model_validate(data)
    except ValidationError as exc:
        first = next(schema_problems(exc, data, ProjectSettings))
        span = document.span(first.path, key=first.key)
        raise ConfigError(first.message, Location(shown, span.line, span.column)) from None
    _unique_phases(settings, document, shown)
    return Config(root=path.parent, path=path, settings=settings, document=document)


def _unique_phases(settings: ProjectSettings, document: YamlDocument, shown: str) -> None:
    """An inline model names each phase once: a journey could not say which one it means."""
    if isinstance(settings.model, str):
        return
    first: dict[str, int] = {}
    for index, phase in enumerate(settings.model):
        if phase.id in first:
            span = document.span(("model", index, "id"))
            raise ConfigError(
                msg(
                    "{where}: phase id '{id}' is used twice (first as {first}); "
                    "give each phase its own id",
                    where=f"model[{index}]",
                    id=phase.id,
                    first=f"model[{first[phase.id]}]",
                ),
                Location(shown, span.line, span.column),
            )
        first[phase.id] = index
