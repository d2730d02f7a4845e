"""Find and load the project's opportunities, as the journey loader loads journeys.

The same YAML reader (positions for every node, YAML 1.2 scalars, repeated keys
refused) and the same validation messages; problems come back as values, each
in the file it is in, so ``cjm lint`` reports ``opportunities.yaml:12:9``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from cjm.backlog import BACKLOG_DIR, BACKLOG_NAMES
from cjm.backlog.models import OpportunitiesFile, Opportunity
from cjm.config import Config
from cjm.fsutil import shown_path
from cjm.loader import JOURNEY_SUFFIXES
from cjm.loader import _comment_hint as comment_hint_finding  # one wording of the hint
from cjm.loader import _hint_span as hint_span
from cjm.problems import Finding
from cjm.validation import schema_problems
from cjm.yaml_hints import cut_values
from cjm.yaml_source import Span, YamlDocument, YamlProblem, decode, parse_yaml

__all__ = [
    "BACKLOG_DIR",
    "BACKLOG_NAMES",
    "Backlog",
    "BacklogFile",
    "Entry",
    "backlog_paths",
    "covers_project",
    "load_backlog",
    "load_backlog_text",
]


@dataclass
class BacklogFile:
    """One opportunities file after loading: the same shape as a journey file's.

    ``opportunities`` is empty when the file could not be used; ``findings`` then says why.
    """

    path: str
    document: YamlDocument | None = None
    opportunities: tuple[Opportunity, ...] = ()
    findings: list[tuple[str, Finding]] = field(default_factory=list)
    text: str | None = None


@dataclass(frozen=True)
class Entry:
    """An opportunity with where it is written (for positions and messages)."""

    file: BacklogFile
    index: int
    opportunity: Opportunity

    @property
    def path(self) -> tuple[str, int]:
        """Its path in the file's YAML: ``("opportunities", 3)``."""
        return ("opportunities", self.index)


@dataclass
class Backlog:
    """Every opportunities file of the project, read as one backlog."""

    files: list[BacklogFile] = field(default_factory=list)

    def entries(self) -> Iterator[Entry]:
        """Every opportunity that loaded, in file order."""
        for file in self.files:
            for index, opportunity in enumerate(file.opportunities):
                yield Entry(file, index, opportunity)


def backlog_paths(root: Path) -> list[Path]:
    """The opportunities files of the project at ``root``: the file, then the folder's, sorted."""
    found = [root / name for name in BACKLOG_NAMES if (root / name).is_file()]
    folder = root / BACKLOG_DIR
    if folder.is_dir():
        found.extend(sorted(_walk(folder)))
    return found


def _walk(directory: Path) -> Iterator[Path]:
    for entry in directory.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.suffix in JOURNEY_SUFFIXES and entry.is_file():
            yield entry


def covers_project(paths: Sequence[Path], config: Config) -> bool:
    """Whether a run over ``paths`` sees every journey, so links can be judged.

    True without paths (the journeys folder) or when a path is that folder or holds
    it. A run over a few files would report every link to another journey.
    """
    if not paths:
        return True
    journeys = config.journeys_dir.resolve()
    return any(journeys.is_relative_to(path.resolve()) for path in paths if path.is_dir())


def load_backlog(config: Config, paths: Sequence[Path] | None = None) -> Backlog:
    """The project's backlog (empty when it has no opportunities files)."""
    chosen = backlog_paths(config.root) if paths is None else paths
    files = []
    for path in chosen:
        shown = str(shown_path(path))
        try:
            raw = path.read_bytes()
        except OSError as exc:
            file = BacklogFile(shown)
            message = f"cannot read the file: {exc.strerror or exc}"
            file.findings.append(("yaml-syntax", Finding((), message, span=Span(1, 1, 1, 1))))
            files.append(file)
            continue
        files.append(load_backlog_text(raw, shown))
    return Backlog(files)


def load_backlog_text(raw: bytes, shown: str) -> BacklogFile:
    """Validate an opportunities file given as bytes; ``shown`` names it in messages."""
    result = BacklogFile(shown)
    try:
        result.text = decode(raw)
        document = parse_yaml(result.text)
    except YamlProblem as problem:
        span = Span(problem.line, problem.column, problem.line, problem.column)
        result.findings.append((problem.rule, Finding((), problem.message, span=span)))
        return result
    result.document = document
    data = {} if document.data is None else document.data
    try:
        parsed = OpportunitiesFile.model_validate(data)
    except ValidationError as exc:
        for item in schema_problems(exc, data, OpportunitiesFile):
            finding = Finding(item.path, item.message, key=item.key)
            result.findings.append(("schema", comment_hint_finding(finding, document, result.text)))
        return result
    result.opportunities = tuple(parsed.opportunities)
    refused = {finding.path for rule, finding in result.findings if rule == "schema"}
    for path, hint in cut_values(result.text, document.values):
        if path not in refused:
            result.findings.append(
                ("comment-in-value", Finding(path, hint.message, span=hint_span(hint)))
            )
    return result
