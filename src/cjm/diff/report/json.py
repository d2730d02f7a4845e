"""``--format json``: a list of changes, documented in docs/git.md and kept stable.

Each change is ``{persona, path, kind, old, new}``; ``path`` uses the format's
terms (``phases[orientation].touchpoints[google-search].cta.text``). Strict
JSON: a value that is not a finite number (``.nan`` in the YAML) is ``null``.
"""

from __future__ import annotations

from typing import TextIO

from cjm.diff.report import DiffReport
from cjm.output.escape import json_text

__all__ = ["report"]


def report(summary: DiffReport, stream: TextIO, color: bool) -> None:
    changes = [
        {
            "persona": diff.persona,
            "path": change.path,
            "kind": change.kind,
            "old": change.old,
            "new": change.new,
        }
        for diff in summary.diffs
        for change in diff.changes
    ]
    stream.write(json_text(changes))
