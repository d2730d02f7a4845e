"""Small pieces of English the reports share."""

from __future__ import annotations

__all__ = ["plural"]


def plural(count: int, word: str) -> str:
    """``plural(1, "file")`` → ``1 file``; ``plural(3, "file")`` → ``3 files``."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
