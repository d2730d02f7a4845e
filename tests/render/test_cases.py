"""Data-driven render cases (cases.yaml): a journey and fragments its outputs must show."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.render.helpers import load_clean, render

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_render_case(case: dict[str, Any]) -> None:
    outputs = render([load_clean(case["journey"], "p.yaml")], language=case.get("language", "nl"))
    for name, fragments in case.get("contains", {}).items():
        for fragment in fragments:
            assert fragment in outputs[name], f"{name} lacks {fragment!r}"
    for name, fragments in case.get("absent", {}).items():
        for fragment in fragments:
            assert fragment not in outputs[name], f"{name} has {fragment!r}"
