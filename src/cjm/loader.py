"""Load journey files: find them, read them, parse them, validate them.

Loading never raises for anything a file can contain: a file that cannot be
used comes back with its problems as values, so one bad file never stops the
others (check-jsonschema's pipeline: load, check, collect, report).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from yaml.nodes import ScalarNode

from cjm.backlog import BACKLOG_DIR, BACKLOG_NAMES
from cjm.config import CONFIG_NAMES, Config, resolve_model
from cjm.errors import UsageError
from cjm.fsutil import shown_path
from cjm.models import Journey
from cjm.phase_models import PhaseModel
from cjm.problems import Finding
from cjm.validation import schema_problems
from cjm.yaml_hints import Hint, comment_hint, cut_values
from cjm.yaml_source import (
    NULL_TAG,
    Span,
    YamlDocument,
    YamlProblem,
    decode,
    mark_position,
    parse_yaml,
)

__all__ = ["JOURNEY_SUFFIXES", "JourneyFile", "discover", "load_journey", "load_text"]

JOURNEY_SUFFIXES = (".yaml", ".yml")


@dataclass
class JourneyFile:
    """One journey file after loading.

    ``journey`` is None when the file could not be used; ``findings`` then says
    why, as ``(rule id, finding)`` pairs for the lint engine to place and rate.
    """

    path: str
    """The path as shown to the user (as given on the command line, or found below it)."""
    document: YamlDocument | None = None
    journey: Journey | None = None
    model: PhaseModel | None = None
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    text: str | None = None
    """The decoded source: comments are not in the YAML tree, so suppressions are read here."""

    @property
    def persona_id(self) -> str:
        """The persona id: declared, or the file name's stem."""
        if self.journey is not None and self.journey.persona.id is not None:
            return self.journey.persona.id
        return Path(self.path).stem


def discover(paths: Sequence[Path], config: Config) -> list[Path]:
    """The journey files named by ``paths``; the project's journeys folder by default.

    Directories are searched recursively for ``*.yaml`` and ``*.yml``, skipping
    hidden entries and ``cjm.yaml``; files named outright are taken as they are.
    Raises :class:`UsageError` for a path that does not exist.
    """
    if not paths:
        default = config.journeys_dir
        if not default.is_dir():
            raise UsageError(
                f"no journeys folder at '{default}': pass files or folders to check, "
                "or set 'journeys:' in cjm.yaml"
            )
        paths = [shown_path(default)]
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            candidates: Iterable[Path] = sorted(_walk(given))
        elif given.exists():
            candidates = [given]
        else:
            raise UsageError(f"'{given}' does not exist")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk(directory: Path) -> Iterable[Path]:
    for entry in directory.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            # The opportunities are not journeys, also when the journeys folder is the root.
            if entry.name != BACKLOG_DIR:
                yield from _walk(entry)
        elif entry.suffix in JOURNEY_SUFFIXES and entry.name not in (*CONFIG_NAMES, *BACKLOG_NAMES):
            yield entry


def load_journey(path: Path, config: Config) -> JourneyFile:
    """Read and validate one journey file."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result = JourneyFile(str(path))
        message = f"cannot read the file: {exc.strerror or exc}"
        result.findings.append(("yaml-syntax", Finding((), message, span=Span(1, 1, 1, 1))))
        return result
    return load_text(raw, str(path), config)


def load_text(raw: bytes, shown: str, config: Config) -> JourneyFile:
    """Validate journey source given as bytes; ``shown`` names it in messages."""
    result = JourneyFile(shown)
    try:
        result.text = decode(raw)
        document = parse_yaml(result.text)
    except YamlProblem as problem:
        span = Span(problem.line, problem.column, problem.line, problem.column)
        result.findings.append((problem.rule, Finding((), problem.message, span=span)))
        return result
    result.document = document
    _validate(result, document, config)
    # Values a '#' cut short load without an error: say so (comment-in-value). An
    # empty value the schema refuses already carries the same hint.
    refused = {finding.path for rule, finding in result.findings if rule == "schema"}
    for path, hint in cut_values(result.text, document.values):
        if path not in refused:
            finding = Finding(path, hint.message, span=_hint_span(hint))
            result.findings.append(("comment-in-value", finding))
    return result


def _validate(result: JourneyFile, document: YamlDocument, config: Config) -> None:
    """Set ``result.journey`` and ``result.model``, or add the schema findings."""
    data, shown = document.data, result.path
    try:
        journey = Journey.model_validate(data)
    except ValidationError as exc:
        for item in schema_problems(exc, data, Journey):
            finding = Finding(item.path, item.message, key=item.key)
            result.findings.append(("schema", _comment_hint(finding, document, result.text or "")))
        return
    if journey.persona.id is None and not _is_slug(Path(shown).stem):
        result.findings.append(
            (
                "schema",
                Finding(
                    ("persona",),
                    f"persona: no 'id', and the file name '{Path(shown).stem}' is not a slug "
                    "to default to; add an 'id' such as 'jonge-ouders'",
                ),
            )
        )
        return
    result.journey = journey
    spec = journey.journey.model
    result.model = resolve_model(spec, "inline") if spec is not None else config.model


def _hint_span(hint: Hint) -> Span:
    line, column = mark_position(hint.mark)
    return Span(line, column + hint.shift, line, column + hint.shift + 1)


def _comment_hint(finding: Finding, document: YamlDocument, text: str) -> Finding:
    """An empty value that a ``#`` emptied (``name: #1 keuze``) says so, at the ``#``."""
    node = None if finding.key else document.values.get(finding.path)
    if not (isinstance(node, ScalarNode) and node.tag == NULL_TAG and node.value == ""):
        return finding
    hint = comment_hint(text, node.start_mark)
    if hint is None:
        return finding
    return finding._replace(message=f"{finding.message}: {hint.message}", span=_hint_span(hint))


def _is_slug(text: str) -> bool:
    from cjm.models import _SLUG

    return bool(_SLUG.match(text))
