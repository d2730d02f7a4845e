"""Journey keys (the output file stems) and which current journey a plan changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cjm.models import Journey
from cjm.states import Member, based_on, journey_key


def _journey(persona: str, **info: str) -> Journey:
    return Journey.model_validate(
        {"persona": {"id": persona, "name": persona}, "journey": info, "phases": [{"id": "a"}]}
    )


@pytest.mark.parametrize(
    ("info", "key"),
    [
        ({}, "jonge-ouders"),
        ({"state": "current"}, "jonge-ouders"),
        ({"state": "future"}, "jonge-ouders.future"),
        ({"id": "winter"}, "jonge-ouders.winter"),
        ({"id": "winter", "state": "future"}, "jonge-ouders.winter.future"),
    ],
)
def test_the_key_is_persona_then_journey_id_then_future(info: dict[str, str], key: str) -> None:
    assert journey_key("jonge-ouders", _journey("jonge-ouders", **info).journey) == key


def test_a_persona_without_id_is_its_file_name() -> None:
    journey = Journey.model_validate({"persona": {"name": "X"}, "phases": [{"id": "a"}]})
    assert Member("journeys/senioren.yaml", journey).key == "senioren"


# (files as {path: (persona, journey info)}, the future file, expected target path or problem)
CASES = [
    pytest.param(
        {"a.yaml": ("p", {}), "b.yaml": ("p", {"state": "future"})},
        "b.yaml",
        "a.yaml",
        id="no based_on: the persona's only current journey",
    ),
    pytest.param(
        {
            "a.yaml": ("p", {}),
            "w.yaml": ("p", {"id": "winter"}),
            "b.yaml": ("p", {"id": "winter", "state": "future"}),
        },
        "b.yaml",
        "w.yaml",
        id="no based_on: the current journey of the same scenario",
    ),
    pytest.param(
        {
            "a.yaml": ("p", {}),
            "w.yaml": ("p", {"id": "winter"}),
            "b.yaml": ("p", {"state": "future"}),
        },
        "b.yaml",
        "a.yaml",
        id="no based_on: the persona's journey without an id",
    ),
    pytest.param(
        {"x/a.yaml": ("p", {}), "x/b.yaml": ("q", {"state": "future", "based_on": "a.yaml"})},
        "x/b.yaml",
        "x/a.yaml",
        id="a file, relative to the future state's file",
    ),
    pytest.param(
        {
            "a.yaml": ("p", {"id": "winter"}),
            "b.yaml": ("q", {"state": "future", "based_on": "p.winter"}),
        },
        "b.yaml",
        "a.yaml",
        id="a journey key",
    ),
    pytest.param(
        {"a.yaml": ("p", {}), "b.yaml": ("p", {"state": "future", "based_on": "q"})},
        "b.yaml",
        "based_on 'q' names no journey of this run (current journeys: p)",
        id="a key nobody has",
    ),
    pytest.param(
        {"b.yaml": ("p", {"state": "future", "based_on": "weg.yaml"})},
        "b.yaml",
        "based_on 'weg.yaml' names no file",
        id="a file that does not exist",
    ),
    pytest.param(
        {"b.yaml": ("p", {"state": "future", "based_on": "p.future"})},
        "b.yaml",
        "based_on 'p.future' names a future state",
        id="a future state, here itself",
    ),
]


@pytest.mark.parametrize(("files", "future", "expected"), CASES)
def test_based_on(
    files: dict[str, tuple[str, dict[str, str]]],
    future: str,
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    members = []
    for path, (persona, info) in files.items():
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(yaml.safe_dump({"persona": {"id": persona}}), encoding="utf-8")
        members.append(Member(path, _journey(persona, **info)))
    member = next(m for m in members if m.path == future)
    resolved = based_on(member, members)
    if expected.endswith(".yaml"):
        assert resolved.problem is None
        assert resolved.target is not None and resolved.target.path == expected
    else:
        assert resolved.target is None
        assert resolved.problem is not None and expected in str(resolved.problem)


def test_a_file_on_disk_outside_the_run_is_no_problem(tmp_path: Path) -> None:
    (tmp_path / "huidig.yaml").write_text("persona: {name: P}\n", encoding="utf-8")
    member = Member(
        str(tmp_path / "plan.yaml"), _journey("p", state="future", based_on="huidig.yaml")
    )
    assert based_on(member, [member]).problem is None
