"""Find and load the project's opportunities, as the journey loader loads journeys.

The same YAML reader (positions for every node, YAML 1.2 scalars, repeated keys
refused) and the same validation messages; problems come back as values, each
in the file it is in, so ``cjm lint`` reports ``opportunities.yaml:12:9``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from cjm.backlog import BACKLOG_DIR, BACKLOG_NAMES, covers_project
from cjm.config import Config
from cjm.fsutil import shown_path
from cjm.loader import (
    Unlisted,
    _entries,  # the journeys folder's search: hidden, cycles, unreadable
    comments_in_values,
    parse_source,
    schema_comment_hint,
)
from cjm.problems import Finding
from cjm.reading import ReadRefused, display, read_limited, utf8_name
from cjm.text import Message, msg
from cjm.validation import schema_problems
from cjm.yaml_source import Span, YamlDocument

if TYPE_CHECKING:
    from cjm.backlog.models import Opportunity

__all__ = [
    "BACKLOG_DIR",
    "BACKLOG_NAMES",
    "Backlog",
    "BacklogFile",
    "Entry",
    "backlog_entries",
    "backlog_paths",
    "covers_project",
    "load_backlog",
    "load_backlog_file",
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

    @property
    def broken(self) -> bool:
        """The file did not load: not YAML, or not an opportunities file (its findings say why)."""
        return self.document is None or any(rule == "schema" for rule, _ in self.findings)


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
    _linked: dict[str, set[str]] | None = None

    def linked_steps(self) -> dict[str, set[str]]:
        """Per persona id, the ids of the steps some opportunity links (worked out once)."""
        if self._linked is None:
            self._linked = {}
            for entry in self.entries():
                for link in entry.opportunity.links:
                    persona, _, step = link.partition("/")
                    if step:
                        self._linked.setdefault(persona, set()).add(step)
        return self._linked

    def entries(self) -> Iterator[Entry]:
        """Every opportunity that loaded, in file order."""
        for file in self.files:
            for index, opportunity in enumerate(file.opportunities):
                yield Entry(file, index, opportunity)


def backlog_entries(root: Path, config: Config) -> list[Path | Unlisted]:
    """The opportunities files of the project at ``root``: the file, then the folder's,
    sorted; a place in the folder that cannot be searched (a symlink cycle) as such.

    The folder is searched the way a journeys folder is (hidden entries skipped,
    cycles and unreadable folders reported), and what is found is read the same way.
    """
    found: list[Path | Unlisted] = [
        root / name
        for name in BACKLOG_NAMES
        if (root / name).exists() or (root / name).is_symlink()
    ]
    folder = root / BACKLOG_DIR
    if folder.is_dir():
        found.extend(_entries([folder], config))
    return found


def backlog_paths(root: Path, config: Config) -> list[Path]:
    """The opportunities files of the project at ``root`` (see :func:`backlog_entries`)."""
    return [entry for entry in backlog_entries(root, config) if isinstance(entry, Path)]


def load_backlog(config: Config, root: Path | None = None) -> Backlog:
    """The backlog next to ``cjm.yaml`` (or in ``root``); empty without opportunities files."""
    files = []
    for entry in backlog_entries(config.root if root is None else root, config):
        if isinstance(entry, Path):
            files.append(load_backlog_file(entry, config))
        else:
            files.append(_refused(entry.path, entry.message))
    return Backlog(files)


def load_backlog_file(path: Path, config: Config) -> BacklogFile:
    """Read one opportunities file as a journey file is read: a regular file within
    ``max_journey_bytes``, with a name that can be shown; anything else is a problem."""
    if not utf8_name(path):
        return _refused(
            path, msg("the name is not valid UTF-8 or holds a control character; rename it")
        )
    try:
        raw = read_limited(path, config.settings.max_journey_bytes, "max_journey_bytes")
    except ReadRefused as refused:
        return _refused(path, refused.message)
    return load_backlog_text(raw, str(shown_path(path)))


def _refused(path: Path, message: Message) -> BacklogFile:
    file = BacklogFile(display(shown_path(path)))
    file.findings.append(("yaml-syntax", Finding((), message, span=Span(1, 1, 1, 1))))
    return file


def load_backlog_text(raw: bytes, shown: str) -> BacklogFile:
    """Validate an opportunities file given as bytes; ``shown`` names it in messages."""
    result = BacklogFile(shown)
    text, document = parse_source(raw, result.findings)
    result.text = text
    if text is None or document is None:
        return result
    result.document = document
    data = {} if document.data is None else document.data
    # Here, not at the top: a lint of journeys alone never defines these models.
    from cjm.backlog.models import OpportunitiesFile

    try:
        parsed = OpportunitiesFile.model_validate(data)
    except ValidationError as exc:
        for item in schema_problems(exc, data, OpportunitiesFile):
            finding = Finding(item.path, item.message, key=item.key)
            hinted = schema_comment_hint(finding, document, text)
            result.findings.append(("schema", hinted))
    else:
        result.opportunities = tuple(parsed.opportunities)
    comments_in_values(text, document, result.findings)
    return result
