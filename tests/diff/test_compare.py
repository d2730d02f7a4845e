"""Every semantic rule of ``cjm diff`` on a pair of journeys: cases/compare.yaml.

Each case holds ``old`` and ``new`` journey text and the changes expected, one
string per change: ``kind path: old -> new`` with the values as JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cjm.config import Config
from cjm.diff.changes import Change
from cjm.diff.compare import compare
from cjm.loader import load_text
from cjm.yaml_source import decode, parse_yaml
from tests.conftest import REPO

CASES = Path(__file__).parent / "cases" / "compare.yaml"
EXAMPLES = sorted((REPO / "journeys").glob("*.yaml"))


def changes(old: str, new: str) -> list[Change]:
    config = Config(root=Path())
    a = load_text(old.encode(), "old.yaml", config)
    b = load_text(new.encode(), "new.yaml", config)
    assert a.journey is not None, a.findings
    assert b.journey is not None, b.findings
    assert b.model is not None
    return list(compare("p", a.journey, b.journey, b.model).changes)


def shown(change: Change) -> str:
    old, new = (
        json.dumps(change.old, ensure_ascii=False),
        json.dumps(change.new, ensure_ascii=False),
    )
    return f"{change.kind} {change.path}: {old} -> {new}"


def _cases() -> list[Any]:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in cases]


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    assert [shown(change) for change in changes(case["old"], case["new"])] == case["expect"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_a_journey_against_itself_has_no_changes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert changes(text, text) == []


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.name)
def test_rewriting_every_example_as_json_changes_nothing(path: Path) -> None:
    # JSON is YAML: sorted keys, every string quoted, flow style, no comments, no
    # anchors (merge keys expanded) — everything about the text differs but its meaning.
    text = path.read_text(encoding="utf-8")
    data = parse_yaml(decode(text.encode())).data
    assert changes(text, json.dumps(data, sort_keys=True, indent=3, ensure_ascii=False)) == []


def test_the_cases_cover_every_kind() -> None:
    cases = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    kinds = {line.split(" ")[0] for case in cases for line in case["expect"]}
    assert kinds == {"added", "removed", "changed", "moved", "reordered"}
