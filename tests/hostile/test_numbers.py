"""Numbers at the edges (issue 10, class 1): a message at their position, or text.

Each number is put where a journey has a number (emotion), text (a name, a KPI
target) and the user's own data (an ``x-`` key), and run through lint and every
diff format, including git's diff driver.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import invoke, strict_json

NUMBERS = [
    "9" * 5000,  # beyond Python's 4,300-digit conversion limit
    "-" + "9" * 101,
    "0x" + "f" * 5000,  # hexadecimal has no conversion limit, printing it does
    "1e999",
    "-1e999",
    ".inf",
    "-.inf",
    ".nan",
    "0o" + "7" * 400,
]

JOURNEY = """\
persona: {{id: ouders, name: {name}}}
x-score: {extension}
phases:
  - id: use
    kpis:
      - {{name: NPS, target: {target}}}
    touchpoints:
      - {{id: levering, name: Levering, channel: delivery, emotion: {emotion}}}
"""


def journey(
    name: str = "Ouders", extension: str = "1", target: str = "40", emotion: str = "3"
) -> str:
    return JOURNEY.format(name=name, extension=extension, target=target, emotion=emotion)


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: n[:8])
def test_a_number_where_a_number_belongs_is_a_message_at_its_position(
    tmp_path: Path, number: str
) -> None:
    (tmp_path / "a.yaml").write_text(journey(emotion=number), encoding="utf-8")
    done = invoke("lint", "a.yaml", cwd=tmp_path)
    assert done.code == 1
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("a.yaml:")]
    column = journey(emotion=number).splitlines()[7].index(number) + 1
    assert line.startswith(f"a.yaml:8:{column}: error schema: phases[0].touchpoints[0]: 'emotion'")
    assert "whole number from 1" in line and len(line) < 300


@pytest.mark.parametrize("number", NUMBERS, ids=lambda n: n[:8])
@pytest.mark.parametrize("where", ["name", "extension", "target"])
def test_a_number_where_text_may_stand_is_carried_as_text(
    tmp_path: Path, number: str, where: str
) -> None:
    (tmp_path / "old.yaml").write_text(journey(), encoding="utf-8")
    (tmp_path / "new.yaml").write_text(journey(**{where: number}), encoding="utf-8")
    assert invoke("lint", "new.yaml", cwd=tmp_path).code == 0
    for output_format in ("text", "markdown", "json"):
        done = invoke("diff", "old.yaml", "new.yaml", "--format", output_format, cwd=tmp_path)
        assert done.code == 0, done.stderr
        if output_format == "json":
            strict_json(done.stdout)
        if where != "extension":
            assert number in done.stdout
    # git's external diff driver: path old-file old-hex old-mode new-file new-hex new-mode
    done = invoke(
        "diff",
        "j.yaml",
        "old.yaml",
        "a" * 40,
        "100644",
        "new.yaml",
        "b" * 40,
        "100644",
        cwd=tmp_path,
    )
    assert done.code == 0 and "cannot compare" not in done.stdout


def test_a_number_in_cjm_yaml_is_a_message_at_its_position(tmp_path: Path) -> None:
    (tmp_path / "cjm.yaml").write_text(
        f"rules:\n  stale-review:\n    max_age_days: {'9' * 5000}\n", encoding="utf-8"
    )
    done = invoke("lint", cwd=tmp_path)
    assert done.code == 2
    assert "cjm.yaml:3:19: rules.stale-review: 'max_age_days' must be a whole number" in done.stderr
