"""Writing files: kept for code that imports it; the writer is :mod:`cjm.output.writer`."""

from __future__ import annotations

from pathlib import Path

from cjm.output.writer import create_new, shown_path, write_file

__all__ = ["atomic_write", "create_new", "shown_path"]


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` as :func:`cjm.output.writer.write_file` does."""
    write_file(path, data)
