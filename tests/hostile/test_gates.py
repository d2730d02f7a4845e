"""cjm.yaml, --select, the git driver and ids (issue 10, classes 5, 6, 7 and 9).

Each case is a snippet and the exact outcome: exit code and the message at its
line and column.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import invoke, journey

JOURNEY = journey()

# Class 6: each of these cjm.yaml files is an error at its line, exit 2.
CONFIGS = [
    ("- model: b2c\n", "cjm.yaml:1:1: cjm.yaml must be a mapping of settings", "a list"),
    ("7\n", "cjm.yaml:1:1: cjm.yaml must be a mapping of settings", "got 7"),
    ("model: []\n", "cjm.yaml:1:8: 'model' must hold at least 1 item, got none", ""),
    (
        "model:\n  - id: a\n  - id: b\n  - {id: a, name: A}\n",
        "cjm.yaml:4:10: model[2]: phase id 'a' is used twice (first as model[0])",
        "",
    ),
    (
        "rules:\n  stale-review:\n    max_age_days: true\n",
        "cjm.yaml:3:19: rules.stale-review: 'max_age_days' must be a whole number, got true",
        "",
    ),
    (
        "rules:\n  stale-review:\n    max_age_days: '30'\n",
        "cjm.yaml:3:19: rules.stale-review: 'max_age_days' must be a whole number, got '30'",
        "",
    ),
    (
        "rules:\n  unknown-channel:\n    channels: [web, 7]\n",
        "cjm.yaml:3:21: rules.unknown-channel: 'channels[1]' must be text, got 7",
        "",
    ),
]


@pytest.mark.parametrize(("config", "where", "also"), CONFIGS)
def test_cjm_yaml_errors(tmp_path: Path, config: str, where: str, also: str) -> None:
    (tmp_path / "cjm.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "journeys").mkdir()
    (tmp_path / "journeys" / "ouders.yaml").write_text(JOURNEY, encoding="utf-8")
    done = invoke("lint", cwd=tmp_path)
    assert done.code == 2
    assert where in done.stderr and also in done.stderr and done.stdout == ""


# Class 7: a file that does not load is reported whatever the flags say.
BROKEN = {
    "syntax.yaml": ("x: [\n", "syntax.yaml:2:1: error yaml-syntax:"),
    "schema.yaml": ("persona: {name: A}\n", "schema.yaml:1:1: error schema:"),
    "twice.yaml": ("a: 1\na: 2\n", "twice.yaml:2:1: error duplicate-key:"),
}


@pytest.mark.parametrize(
    "flags",
    [
        ["--select", "missing-cta"],
        ["--ignore", "yaml-syntax,schema,duplicate-key"],
        ["--select", "yaml-syntax", "--ignore", "yaml-syntax"],
    ],
)
@pytest.mark.parametrize("name", BROKEN)
def test_a_file_that_does_not_load_is_always_reported(
    tmp_path: Path, flags: list[str], name: str
) -> None:
    text, expected = BROKEN[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "cjm.yaml").write_text(
        "rules: {yaml-syntax: off, schema: off, duplicate-key: off}\n", encoding="utf-8"
    )
    done = invoke("lint", name, *flags, cwd=tmp_path)
    assert done.code == 1
    assert done.stdout.startswith(expected), done.stdout
    assert done.stdout.endswith("1 error in 1 file\n")


@pytest.mark.parametrize("value", ["", ",", " , "])
def test_an_empty_selection_is_a_usage_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "a.yaml").write_text(JOURNEY, encoding="utf-8")
    done = invoke("lint", "--select", value, "a.yaml", cwd=tmp_path)
    assert done.code == 2
    assert "--select: name at least one rule" in done.stderr


# Class 9: git's diff driver with /dev/null on both sides.
def test_git_driver_with_dev_null_on_both_sides(tmp_path: Path) -> None:
    for output_format in ("text", "markdown", "json"):
        done = invoke(
            "diff",
            "j/x.yaml",
            "/dev/null",
            ".",
            ".",
            "/dev/null",
            ".",
            ".",
            "--format",
            output_format,
            cwd=tmp_path,
        )
        assert done == (0, "cjm diff j/x.yaml: nothing to compare (no file on either side)\n", "")


# Class 5 (schema): an id that could not become a file name.
@pytest.mark.parametrize(
    ("journey", "message"),
    [
        (
            JOURNEY.replace("id: ouders", "id: " + "o" * 65),
            "1:15: error schema: persona: 'id' must be at most 64 characters long",
        ),
        (
            JOURNEY.replace("id: levering", "id: " + "l" * 300),
            "5:14: error schema: phases[0].touchpoints[0]: 'id' must be at most 64 characters",
        ),
    ],
)
def test_ids_are_bounded(tmp_path: Path, journey: str, message: str) -> None:
    (tmp_path / "a.yaml").write_text(journey, encoding="utf-8")
    done = invoke("lint", "a.yaml", cwd=tmp_path)
    assert done.code == 1 and f"a.yaml:{message}" in done.stdout


def test_a_file_name_too_long_to_be_an_id(tmp_path: Path) -> None:
    name = "o" * 65 + ".yaml"
    (tmp_path / name).write_text(JOURNEY.replace("id: ouders, ", ""), encoding="utf-8")
    done = invoke("lint", name, cwd=tmp_path)
    assert done.code == 1
    assert "is not a slug (of at most 64 characters)" in done.stdout
