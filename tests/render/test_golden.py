"""Golden files: the HTML, Markdown and Mermaid of one example journey, byte for byte,
and the index of all three with the example backlog (matrix and ranked list).

When a change to the templates or the context is intended, regenerate them with

    CJM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/render/test_golden.py

and review the diff of tests/render/golden/ like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.render.helpers import EXAMPLES, example_backlog, load_example, render

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def outputs() -> dict[str, str]:
    files = [load_example(path) for path in EXAMPLES]
    return render(files, backlog=example_backlog(files))


@pytest.mark.parametrize(
    "name",
    ["jonge-ouders.html", "jonge-ouders.md", "jonge-ouders.mmd", "index.html", "index.md"],
)
def test_example_matches_its_golden_file(name: str, outputs: dict[str, str]) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.write_bytes(outputs[name].encode())
    assert golden.is_file(), f"no {golden}: run with CJM_UPDATE_GOLDEN=1 to create it"
    assert outputs[name] == golden.read_text(encoding="utf-8"), (
        f"{name} differs from {golden}; if the change is intended, rerun with CJM_UPDATE_GOLDEN=1"
    )
