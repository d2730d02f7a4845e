"""``cjm new``: a journey skeleton for a persona, in the project's journeys folder."""

from __future__ import annotations

from cjm.config import load_config
from cjm.errors import UsageError
from cjm.fsutil import create_new
from cjm.phase_models import PRESETS
from cjm.scaffold import skeleton, slugify

__all__ = ["run"]


def run(name: str, model_name: str | None, segment: str) -> int:
    config = load_config()
    if model_name is not None and model_name not in PRESETS:
        raise UsageError(f"unknown phase model '{model_name}' (presets: {', '.join(PRESETS)})")
    model = PRESETS[model_name] if model_name is not None else config.model
    path = config.journeys_dir / f"{slugify(name)}.yaml"
    text = skeleton(
        name, model, config.language, segment=segment, write_model=model_name is not None
    )
    create_new({path: text.encode()})
    print(f"created {path}")
    return 0
