"""Read journeys from git objects, without touching the work tree or the index.

git runs as a subprocess with an explicit argument list (never a shell) and
``-C <repository>``; ``--literal-pathspecs`` keeps a path with ``*`` or ``:``
in it a path. Every failure a user can cause — git missing, not a repository,
an unknown revision — is a :class:`~cjm.errors.UsageError` (exit 2).
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

from cjm.errors import UsageError
from cjm.text import msg

__all__ = ["GitRepo", "find_repo", "in_repository"]


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "--literal-pathspecs", "-C", str(cwd), *args],
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError(msg("git is not installed or not on PATH; --rev needs git")) from None


def find_repo(start: Path) -> GitRepo:
    """The repository holding ``start`` (a file or folder, which need not exist)."""
    anchor = start.absolute()
    while not anchor.is_dir() and anchor != anchor.parent:
        anchor = anchor.parent
    done = _git(anchor, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise UsageError(
            msg(
                "not a git repository: '{path}' is not inside one, and --rev reads journeys "
                "from git history; run 'git init' (and commit) to start one, or compare two "
                "files or folders with 'cjm diff OLD NEW'",
                path=str(start),
            )
        )
    return GitRepo(Path(done.stdout.decode().strip()))


def in_repository(directory: Path) -> bool:
    """True when ``directory`` lies in a git work tree; False too when git is missing."""
    try:
        done = subprocess.run(
            ["git", "-C", str(directory), "rev-parse", "--is-inside-work-tree"],
            capture_output=True,
            check=False,
        )
    except OSError:
        return False
    return done.returncode == 0 and done.stdout.strip() == b"true"


class GitRepo:
    """One repository, addressed by its top-level directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def relative(self, path: Path) -> str:
        """``path`` as git names it in a tree (relative to the top, ``/``-separated)."""
        absolute = path.absolute().resolve()
        try:
            inside = absolute.relative_to(self.root.resolve())
        except ValueError:
            raise UsageError(
                msg(
                    "'{path}' is outside the git repository at '{root}'",
                    path=str(path),
                    root=str(self.root),
                )
            ) from None
        return inside.as_posix() if inside.parts else "."

    def commit(self, revision: str) -> str:
        """The commit a revision names; a clear error for one git does not know."""
        if revision.startswith("-"):
            raise UsageError(msg("'{revision}' is not a revision", revision=revision))
        done = _git(self.root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
        if done.returncode != 0:
            raise UsageError(
                msg(
                    "unknown revision '{revision}' in '{root}'",
                    revision=revision,
                    root=str(self.root),
                )
            )
        return done.stdout.decode().strip()

    def merge_base(self, first: str, second: str) -> str:
        done = _git(self.root, "merge-base", first, second)
        if done.returncode != 0:
            raise UsageError(
                msg(
                    "revisions '{first}' and '{second}' have no common ancestor",
                    first=first,
                    second=second,
                )
            )
        return done.stdout.decode().strip()

    def files(self, commit: str, pathspecs: Sequence[str]) -> list[str]:
        """The blobs under ``pathspecs`` in ``commit``, as repository paths."""
        done = _git(
            self.root, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit, "--", *pathspecs
        )
        if done.returncode != 0:
            # git's own words after cjm's.
            raise UsageError(
                msg(
                    "cannot list '{commit}': {reason}",
                    commit=commit,
                    reason=done.stderr.decode().strip(),
                )
            )
        return sorted(name for name in done.stdout.decode().split("\0") if name)

    def read(self, commit: str, paths: Sequence[str]) -> dict[str, bytes]:
        """The content of ``paths`` in ``commit``, in one ``git cat-file --batch``."""
        if not paths:
            return {}
        request = "".join(f"{commit}:{path}\n" for path in paths).encode()
        done = _git(self.root, "cat-file", "--batch", stdin=request)
        if done.returncode != 0:
            raise UsageError(
                msg(
                    "cannot read '{commit}': {reason}",
                    commit=commit,
                    reason=done.stderr.decode().strip(),
                )
            )
        out, contents, at = done.stdout, {}, 0
        for path in paths:
            end = out.index(b"\n", at)
            header = out[at:end].split()
            if len(header) != 3 or header[1] != b"blob":
                raise UsageError(
                    msg("'{path}' is not a file at {commit}", path=path, commit=commit[:12])
                )
            size = int(header[2])
            contents[path] = out[end + 1 : end + 1 + size]
            at = end + 1 + size + 1  # the content is followed by a newline
        return contents
