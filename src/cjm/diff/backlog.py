"""The opportunities on the two sides of a diff: files, folders, the working tree, git.

The backlog lives next to ``cjm.yaml`` (``opportunities.yaml``, ``opportunities/``),
not among the journeys, so each way ``cjm diff`` finds journeys has its own way
to find it: two files named ``opportunities.yaml``, the backlog in two project
folders, or the backlog at a revision and in the working tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cjm.backlog import BACKLOG_DIR, BACKLOG_NAMES
from cjm.backlog.loader import BacklogFile, load_backlog, load_backlog_file, load_backlog_text
from cjm.backlog.models import Opportunity
from cjm.config import Config
from cjm.diff.changes import PersonaDiff
from cjm.diff.compare import compare_backlogs
from cjm.git import GitRepo
from cjm.text import Message, Text

__all__ = ["backlog_diff", "disk_backlog", "is_backlog_file", "revision_backlog"]


def is_backlog_file(path: Path) -> bool:
    """``opportunities.yaml``, or a YAML file in an ``opportunities/`` folder."""
    return path.name in BACKLOG_NAMES or (
        path.suffix in (".yaml", ".yml") and BACKLOG_DIR in path.parent.parts
    )


def disk_backlog(path: Path, config: Config) -> list[BacklogFile]:
    """The opportunities file ``path`` names, or the backlog in the folder ``path``."""
    if path.is_dir():
        return load_backlog(config, path).files
    return [load_backlog_file(path, config)]


def revision_backlog(repo: GitRepo, commit: str, config: Config) -> list[BacklogFile]:
    """The project's opportunities files as they were in ``commit``."""
    specs = [repo.relative(config.root / name) for name in (*BACKLOG_NAMES, BACKLOG_DIR)]
    names = [name for name in repo.files(commit, specs) if name.endswith((".yaml", ".yml"))]
    contents = repo.read(commit, names)
    return [load_backlog_text(contents[name], name) for name in names]


def backlog_diff(old: Sequence[BacklogFile], new: Sequence[BacklogFile]) -> PersonaDiff:
    return compare_backlogs(_opportunities(old), _opportunities(new))


def _opportunities(files: Sequence[BacklogFile]) -> list[Opportunity]:
    return [item for file in files for item in file.opportunities]


def backlog_problems(
    sides: Sequence[tuple[Message | str, Sequence[BacklogFile]]], text: Text
) -> list[str]:
    """Why opportunities files cannot be compared: ``file:line:col: rule: message (side)``."""
    lines = []
    for label, files in sides:
        for file in files:
            for rule, finding in file.findings:
                if rule not in ("yaml-syntax", "duplicate-key", "schema"):
                    continue
                span = finding.span
                if span is None and file.document is not None:
                    span = file.document.span(finding.path, key=finding.key)
                line, column = (span.line, span.column) if span is not None else (1, 1)
                message, side = text(finding.message), text(label)
                lines.append(f"{file.path}:{line}:{column}: {rule}: {message} ({side})")
    return lines
