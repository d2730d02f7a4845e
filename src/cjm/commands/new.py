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
from cjm.text import choose_language, msg, text_for

__all__ = ["run"]


def run(name: str, model_name: str | None, segment: str, language: str | None = None) -> int:
    """``language`` is ``--lang``: the skeleton's comments and what ``new`` says."""
    config = load_config()
    text = text_for(choose_language(language, config.language))
    if model_name is not None and model_name not in PRESETS:
        raise UsageError(
            msg(
                "unknown phase model '{model}' (presets: {presets})",
                model=model_name,
                presets=", ".join(PRESETS),
            )
        )
    model = PRESETS[model_name] if model_name is not None else config.model
    path = config.journeys_dir / f"{slugify(name)}.yaml"
    schema_path = config.root / SCHEMA_FILE
    journey = skeleton(
        name,
        model,
        text,
        segment=segment,
        write_model=model_name is not None,
        # Relative to the new file, as yaml-language-server resolves it, so it works in any clone.
        schema=Path(os.path.relpath(schema_path, path.parent)).as_posix(),
    )
    create_new({path: journey.encode()})
    print(text(msg("created {path}", path=display(shown_path(path)))))
    if not schema_path.exists():
        note = msg(
            "note: {schema} does not exist yet; write it with "
            "'cjm schema --output {schema}' for completion in your editor",
            schema=str(shown_path(schema_path)),
        )
        print(text(note), file=sys.stderr)
    return 0
