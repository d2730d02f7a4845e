"""The JSON report: a list of changes, documented in docs/git.md and kept stable.

Each change is ``{persona, path, kind, old, new}``; ``path`` uses the format's
terms (``phases[orientation].touchpoints[google-search].cta.text``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from cjm.diff.changes import PersonaDiff

__all__ = ["render"]


def render(diffs: Sequence[PersonaDiff]) -> str:
    changes = [
        {
            "persona": diff.persona,
            "path": change.path,
            "kind": change.kind,
            "old": change.old,
            "new": change.new,
        }
        for diff in diffs
        for change in diff.changes
    ]
    return json.dumps(changes, indent=2, ensure_ascii=False) + "\n"
