"""``cjm schema``: the JSON Schema of the journey format, or of the opportunities file."""

from __future__ import annotations

from pathlib import Path

from cjm.output.writer import write_report
from cjm.schema import schema_text

__all__ = ["run"]


def run(output: Path | None, kind: str = "journey") -> int:
    text = schema_text(kind)
    write_report(output, lambda stream, color: print(text, end="", file=stream))
    return 0
