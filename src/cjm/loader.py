"""Load journey files: find them, read them, parse them, validate them.

Loading never raises for anything a file can contain: a file that cannot be
used comes back with its problems as values, so one bad file never stops the
others (check-jsonschema's pipeline: load, check, collect, report).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from pydantic import ValidationError
from yaml.nodes import ScalarNode

from cjm.backlog import BACKLOG_DIR, BACKLOG_NAMES
from cjm.collector import paused_collector
from cjm.config import CONFIG_NAMES, Config, resolve_model
from cjm.errors import UsageError
from cjm.fsutil import shown_path
from cjm.models import SLUG_MAX_LENGTH, Journey, is_slug
from cjm.phase_models import PhaseModel
from cjm.problems import Finding
from cjm.reading import ReadRefused, display, read_limited, utf8_name
from cjm.states import JOURNEY_SUFFIXES, journey_key
from cjm.text import Message, msg
from cjm.validation import schema_problems
from cjm.yaml_hints import Hint, comment_hint, cut_values
from cjm.yaml_source import (
    NULL_TAG,
    Span,
    YamlDocument,
    YamlProblem,
    decode,
    parse_yaml,
)

__all__ = [
    "JOURNEY_SUFFIXES",
    "JourneyFile",
    "Unlisted",
    "discover",
    "load_each",
    "load_journey",
    "load_paths",
    "load_text",
]


class JourneyFile:
    """One journey file after loading.

    ``journey`` is None when the file could not be used; ``findings`` then says
    why, as ``(rule id, finding)`` pairs for the lint engine to place and rate.
    """

    # A plain class, not a dataclass: see cjm.yaml_source.YamlDocument.
    path: str
    """The path as shown to the user (as given on the command line, or found below it)."""
    document: YamlDocument | None
    journey: Journey | None
    model: PhaseModel | None
    findings: list[tuple[str, Finding]]
    text: str | None
    """The decoded source: comments are not in the YAML tree, so suppressions are read here."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.document = None
        self.journey = None
        self.model = None
        self.findings = []
        self.text = None

    def forget_source(self) -> None:
        """Let go of the text and the positions, keeping the journey: for a command
        that needs only the models from here on (a render, once linted and keyed)."""
        self.document = None
        self.text = None

    @property
    def persona_id(self) -> str:
        """The persona id: declared, or the file name's stem."""
        if self.journey is not None and self.journey.persona.id is not None:
            return self.journey.persona.id
        return Path(self.path).stem

    @property
    def key(self) -> str:
        """The journey's identity and output stem: ``persona[.journey id][.future]``.

        See :mod:`cjm.states`; for a file that did not load, its persona id.
        """
        if self.journey is None:
            return self.persona_id
        return journey_key(self.persona_id, self.journey.journey)


class Unlisted(NamedTuple):
    """A place in a journeys folder that could not be searched, and why."""

    path: Path
    message: Message


def discover(paths: Sequence[Path], config: Config) -> list[Path]:
    """The journey files named by ``paths``; the project's journeys folder by default.

    Directories are searched recursively for ``*.yaml`` and ``*.yml``, skipping
    hidden entries and ``cjm.yaml``; files named outright are taken as they are.
    Raises :class:`UsageError` for a path that does not exist. Folders that
    cannot be searched are left out here; :func:`load_paths` reports them.
    """
    return [entry for entry in _entries(paths, config) if isinstance(entry, Path)]


def load_paths(paths: Sequence[Path], config: Config) -> list[JourneyFile]:
    """Every journey file under ``paths``, loaded, and a problem for each place that
    could not be searched (an unreadable folder, a symlink cycle): what commands that
    take PATHS use, so that each such place is reported and the others go on."""
    with paused_collector():  # what loads stays alive: see cjm.collector
        return list(load_each(paths, config))


def load_each(paths: Sequence[Path], config: Config) -> Iterator[JourneyFile]:
    """The files of :func:`load_paths`, one at a time, for a command that needs one
    file at a time (``cjm lint``): each can be let go before the next is read.

    The paths are searched first, so a path that does not exist raises
    :class:`UsageError` before any file is read.
    """
    entries = _entries(paths, config)
    return (
        load_journey(entry, config) if isinstance(entry, Path) else _refused(*entry)
        for entry in entries
    )


def _entries(paths: Sequence[Path], config: Config) -> list[Path | Unlisted]:
    if not paths:
        default = config.journeys_dir
        if not default.is_dir():
            raise UsageError(
                msg(
                    "no journeys folder at '{path}': pass files or folders to check, "
                    "or set 'journeys:' in cjm.yaml",
                    path=display(default),
                )
            )
        paths = [shown_path(default)]
    found: list[Path | Unlisted] = []
    seen: set[str] = set()
    for given in paths:
        if given.is_dir():
            start = given.stat()
            candidates: Iterable[Path | Unlisted] = sorted(
                _walk(given, frozenset({(start.st_dev, start.st_ino)})), key=_order
            )
        elif given.exists() or given.is_symlink():
            candidates = [given]  # a FIFO, a device or a broken link: load_journey says which
        else:
            raise UsageError(msg("'{path}' does not exist", path=display(given)))
        for candidate in candidates:
            # realpath, not resolve(): it never raises, also not on a symlink cycle.
            key = os.path.realpath(candidate if isinstance(candidate, Path) else candidate.path)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _order(entry: Path | Unlisted) -> Path:
    return entry if isinstance(entry, Path) else entry.path


_MAX_FOLDER_DEPTH = 64
"""Deeper folders are not searched: no project nests so deep, and each level is a frame."""


def _walk(directory: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | Unlisted]:
    """Journey files below ``directory``; ``ancestors`` (device, inode) finds cycles."""
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except OSError as exc:
        yield Unlisted(directory, _unsearchable(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = directory / entry.name
        try:
            is_dir = entry.is_dir()  # follows a symlink; False for a broken one or a cycle
        except OSError:
            is_dir = False
        if is_dir:
            # The opportunities are not journeys, also when the journeys folder is the root.
            if entry.name == BACKLOG_DIR:
                continue
            try:
                found = entry.stat()
            except OSError as exc:
                yield Unlisted(path, _unsearchable(exc))
                continue
            key = (found.st_dev, found.st_ino)
            if len(ancestors) >= _MAX_FOLDER_DEPTH:
                yield Unlisted(
                    path,
                    msg(
                        "folders nest deeper than {depth} levels here; not searched",
                        depth=_MAX_FOLDER_DEPTH,
                    ),
                )
            elif key in ancestors:
                yield Unlisted(
                    path,
                    msg(
                        "a symlink cycle: this folder is one it lies in; remove the link "
                        "or point it elsewhere"
                    ),
                )
            else:
                yield from _walk(path, ancestors | {key})
        elif path.suffix in JOURNEY_SUFFIXES and entry.name not in (*CONFIG_NAMES, *BACKLOG_NAMES):
            yield path


def _unsearchable(exc: OSError) -> Message:
    # The OS's own words (strerror), in the user's locale already.
    return msg("cannot search the folder: {reason}", reason=exc.strerror or str(exc))


def _refused(path: Path, message: Message) -> JourneyFile:
    # The path as it is (undecodable bytes and all): each report escapes it for its
    # own grammar, so SARIF can name the very file (%FF) where text shows \xff.
    result = JourneyFile(str(path))
    result.findings.append(("yaml-syntax", Finding((), message, span=Span(1, 1, 1, 1))))
    return result


def load_journey(path: Path, config: Config) -> JourneyFile:
    """Read and validate one journey file.

    Anything but a regular file within ``max_journey_bytes`` (cjm.yaml) comes back
    as a problem at its path, unread: see :mod:`cjm.reading`.
    """
    if not utf8_name(path):
        return _refused(
            path,
            msg(
                "the name is not valid UTF-8 or holds a control character, so it cannot be "
                "shown, rendered or linked; rename the file"
            ),
        )
    try:
        raw = read_limited(path, config.settings.max_journey_bytes, "max_journey_bytes")
    except ReadRefused as refused:
        return _refused(path, refused.message)
    return load_text(raw, str(path), config)


def load_text(raw: bytes, shown: str, config: Config) -> JourneyFile:
    """Validate journey source given as bytes; ``shown`` names it in messages."""
    result = JourneyFile(shown)
    text, document = parse_source(raw, result.findings)
    result.text = text
    if text is None or document is None:
        return result
    _validate(result, document, config)
    comments_in_values(text, document, result.findings)
    # Once validated, the journey is the model; the data it was read from is needed
    # by nothing after loading (positions are found without it), so it is not kept:
    # a command holding many files (render, diff) would hold both (issue 17).
    result.document = document.positions_only()
    return result


def parse_source(
    raw: bytes, findings: list[tuple[str, Finding]]
) -> tuple[str | None, YamlDocument | None]:
    """Decode and parse a YAML file's bytes (journeys and opportunities alike).

    The text is returned whenever it decodes, so reports can quote its lines; a
    file that is not YAML cjm accepts adds its finding at its position instead of
    a document.
    """
    text = None
    try:
        text = decode(raw)
        return text, parse_yaml(text)
    except YamlProblem as problem:
        span = Span(problem.line, problem.column, problem.line, problem.column)
        findings.append((problem.rule, Finding((), problem.message, span=span)))
        return text, None


def comments_in_values(
    text: str, document: YamlDocument, findings: list[tuple[str, Finding]]
) -> None:
    """Add a finding for each value a '#' cut short (comment-in-value), then drop the
    parser's nodes. Such values load without an error; an empty value the schema
    refused already carries the same hint, so it gets none here."""
    refused = {finding.path for rule, finding in findings if rule == "schema"}
    for path, hint in cut_values(text, document.nodes):
        if path not in refused:
            finding = Finding(path, hint.message, span=_hint_span(hint, document))
            findings.append(("comment-in-value", finding))
    # The hints were the last to need the parser's nodes; kept for the whole run,
    # they made the garbage collector's full passes grow with every file.
    document.forget_nodes()


def _validate(result: JourneyFile, document: YamlDocument, config: Config) -> None:
    """Set ``result.journey`` and ``result.model``, or add the schema findings."""
    data, shown = document.data, result.path
    try:
        journey = Journey.model_validate(data)
    except ValidationError as exc:
        for item in schema_problems(exc, data, Journey):
            finding = Finding(item.path, item.message, key=item.key)
            result.findings.append(
                ("schema", schema_comment_hint(finding, document, result.text or ""))
            )
        return
    if journey.persona.id is None and not is_slug(Path(shown).stem):
        result.findings.append(
            (
                "schema",
                Finding(
                    ("persona",),
                    msg(
                        "persona: no 'id', and the file name '{stem}' is not a slug "
                        "(of at most {length} characters) to default to; add an 'id' "
                        "such as 'jonge-ouders'",
                        stem=Path(shown).stem,
                        length=SLUG_MAX_LENGTH,
                    ),
                ),
            )
        )
        return
    result.journey = journey
    spec = journey.journey.model
    result.model = resolve_model(spec, "inline") if spec is not None else config.model


def _hint_span(hint: Hint, document: YamlDocument) -> Span:
    line, column = document.positions.mark(hint.mark)
    return Span(line, column + hint.shift, line, column + hint.shift + 1)


def schema_comment_hint(finding: Finding, document: YamlDocument, text: str) -> Finding:
    """An empty value that a ``#`` emptied (``name: #1 keuze``) says so, at the ``#``."""
    node = None if finding.key else document.nodes.get(finding.path)
    if not (isinstance(node, ScalarNode) and node.tag == NULL_TAG and node.value == ""):
        return finding
    hint = comment_hint(text, node.start_mark)
    if hint is None:
        return finding
    return finding._replace(
        message=msg("{problem}: {hint}", problem=finding.message, hint=hint.message),
        span=_hint_span(hint, document),
    )
