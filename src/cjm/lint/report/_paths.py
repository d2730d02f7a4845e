"""Paths as CI systems want them: relative to the repository, with forward slashes.

GitHub matches annotations and code-scanning results to files by their path
from the repository root, whatever directory cjm ran in.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["repo_relative", "repository_root"]


def repository_root(start: Path) -> Path:
    """The nearest directory at or above ``start`` holding ``.git``; ``start`` without one."""
    start = start.resolve()
    for directory in (start, *start.parents):
        if (directory / ".git").exists():
            return directory
    return start


def repo_relative(shown: str, base: Path) -> str:
    """``shown`` (as cjm printed it) relative to ``base``, POSIX style; absolute if outside."""
    path = Path(shown).resolve()
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
