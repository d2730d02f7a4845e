"""``cjm schema``: the JSON Schema of the journey format, or of the opportunities file."""

from __future__ import annotations

import sys
from pathlib import Path

from cjm.fsutil import atomic_write
from cjm.schema import schema_text

__all__ = ["run"]


def run(output: Path | None, kind: str = "journey") -> int:
    text = schema_text(kind)
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(output, text.encode("utf-8"))
    return 0
