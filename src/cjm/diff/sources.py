"""The two sides of a diff: files, folders, the working tree, or git revisions.

A side is a set of loaded journey files plus a label that says where it came
from (``old``, ``new``, ``working tree`` or a revision), so a problem in a side
can be reported with the side it belongs to.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cjm.collector import paused_collector
from cjm.config import CONFIG_NAMES, Config
from cjm.errors import UsageError
from cjm.git import GitRepo
from cjm.lines import one_line
from cjm.loader import JOURNEY_SUFFIXES, JourneyFile, load_paths, load_text
from cjm.text import Message, Text, msg

__all__ = [
    "Pair",
    "Side",
    "folder_side",
    "pair_by_persona",
    "problems",
    "revision_side",
    "worktree_side",
]


@dataclass
class Side:
    """Journey files from one place; ``revision`` is set for a side read from git."""

    label: Message | str
    """``old``, ``new``, ``working tree`` (words, in the report's language) or a revision."""
    files: list[JourneyFile] = field(default_factory=list)
    revision: str | None = None


Pair = tuple[str, JourneyFile | None, JourneyFile | None]
"""A persona id with its file on the old and the new side (None: absent there)."""


def folder_side(path: Path, label: Message | str, config: Config) -> Side:
    return Side(label, load_paths([path], config))


def worktree_side(paths: Sequence[Path], config: Config, label: Message | str) -> Side:
    """The journeys under ``paths`` on disk; a path that no longer exists has none."""
    existing = [path for path in paths if path.exists()]
    return Side(label, load_paths(existing, config) if existing else [])


def revision_side(
    repo: GitRepo, revision: str, commit: str, pathspecs: Sequence[str], config: Config
) -> Side:
    """The journeys under ``pathspecs`` as they were in ``commit``, read from git objects."""
    names = [name for name in repo.files(commit, pathspecs) if _is_journey(name)]
    contents = repo.read(commit, names)
    with paused_collector():  # what loads stays alive: see cjm.collector
        files = [load_text(contents[name], name, config) for name in names]
    return Side(revision, files, revision)


def _is_journey(name: str) -> bool:
    # The same choice `discover` makes on disk: journey suffixes, no cjm.yaml, no hidden entries.
    path = PurePosixPath(name)
    return (
        path.suffix in JOURNEY_SUFFIXES
        and path.name not in CONFIG_NAMES
        and not any(part.startswith(".") for part in path.parts)
    )


def pair_by_persona(old: Side, new: Side) -> list[Pair]:
    """Match the journeys of two sides by persona id, sorted by id."""
    before, after = _by_persona(old), _by_persona(new)
    return [(key, before.get(key), after.get(key)) for key in sorted(before.keys() | after.keys())]


def _by_persona(side: Side) -> dict[str, JourneyFile]:
    found: dict[str, JourneyFile] = {}
    for file in side.files:
        other = found.setdefault(file.key, file)
        if other is not file:
            raise UsageError(
                msg(
                    "journey '{journey}' is in two files on the {side} side: '{first}' and "
                    "'{second}'; give each persona its own id, or each journey its own "
                    "'journey: id:' or 'state:'",
                    journey=file.key,
                    side=side.label,
                    first=other.path,
                    second=file.path,
                )
            )
    return found


def problems(sides: Sequence[Side], text: Text) -> list[str]:
    """Why files cannot be compared, one line each: ``file:line:col: rule: message (side)``."""
    lines = []
    for side in sides:
        for file in side.files:
            if file.journey is not None:
                continue
            where = one_line(f"{side.revision}:{file.path}" if side.revision else file.path)
            for rule, finding in file.findings:
                span = finding.span
                if span is None and file.document is not None:
                    span = file.document.span(finding.path, key=finding.key)
                line, column = (span.line, span.column) if span is not None else (1, 1)
                message = one_line(text(finding.message))
                lines.append(f"{where}:{line}:{column}: {rule}: {message} ({text(side.label)})")
    return lines
