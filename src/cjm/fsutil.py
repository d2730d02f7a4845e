"""Writing files safely: atomically, and never over a file cjm was not asked to replace."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cjm.errors import UsageError

__all__ = ["atomic_write", "create_new", "shown_path"]


def shown_path(path: Path) -> Path:
    """``path`` relative to the working directory when it lies below it: how it is shown."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step: readers see the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def create_new(files: dict[Path, bytes]) -> None:
    """Create every file in ``files``, or none: refuse (exit 2) if any exists already.

    Each file appears complete or not at all (written aside, then linked into
    place); linking fails rather than replace a file that appeared meanwhile.
    """
    existing = sorted(str(path) for path in files if path.exists() or path.is_symlink())
    if existing:
        listed = "\n".join(f"  {name}" for name in existing)
        raise UsageError(f"refusing to overwrite existing files; nothing was written:\n{listed}")
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.link(temporary, path)
        except FileExistsError:
            raise UsageError(f"refusing to overwrite '{path}', which appeared meanwhile") from None
        finally:
            Path(temporary).unlink(missing_ok=True)
