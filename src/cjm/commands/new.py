"""``cjm new``: a journey skeleton for a persona, in the project's journeys folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cjm.config import load_config
from cjm.errors import UsageError
from cjm.fsutil import create_new, shown_path
from cjm.output.writer import display
from cjm.phase_models import PRESETS
from cjm.scaffold import skeleton, slugify
from cjm.schema import SCHEMA_FILE

__all__ = ["run"]


def run(name: str, model_name: str | None, segment: str) -> int:
    config = load_config()
    if model_name is not None and model_name not in PRESETS:
        raise UsageError(f"unknown phase model '{model_name}' (presets: {', '.join(PRESETS)})")
    model = PRESETS[model_name] if model_name is not None else config.model
    path = config.journeys_dir / f"{slugify(name)}.yaml"
    schema_path = config.root / SCHEMA_FILE
    text = skeleton(
        name,
        model,
        config.language,
        segment=segment,
        write_model=model_name is not None,
        # Relative to the new file, as yaml-language-server resolves it, so it works in any clone.
        schema=Path(os.path.relpath(schema_path, path.parent)).as_posix(),
    )
    create_new({path: text.encode()})
    print(f"created {display(shown_path(path))}")
    if not schema_path.exists():
        print(
            f"note: {shown_path(schema_path)} does not exist yet; write it with "
            f"'cjm schema --output {shown_path(schema_path)}' for completion in your editor",
            file=sys.stderr,
        )
    return 0
