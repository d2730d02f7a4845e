"""``cjm lint`` end to end: flags, exit codes and what reaches stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app

JOURNEY_WARNING = """\
persona: {name: A, goals: [x], pain_points: [y]}
phases:
  - id: orientation
    touchpoints:
      - {id: ad, name: Ad, channel: social, owner: M}
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / "journeys").mkdir()
    (in_tmp / "journeys" / "a.yaml").write_text(JOURNEY_WARNING, encoding="utf-8")
    (in_tmp / "journeys" / "b.yaml").write_text(
        JOURNEY_WARNING.replace("{name: A", "{name: B"), encoding="utf-8"
    )
    return in_tmp


def cjm(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("flags", "code"),
    [
        ([], 0),
        (["--fail-on", "warning"], 1),
        (["--fail-on", "info"], 1),
        (["--fail-on", "warning", "--ignore", "missing-cta,missing-phase,no-follow-up"], 0),
        (["--fail-on", "info", "--select", "missing-owner"], 0),
        (["--fail-on", "info", "--select", "missing-owner", "--select", "missing-kpi"], 1),
        (["--fail-on", "loud"], 2),
        (["--select", "missing-kat"], 2),
        (["--format", "xml"], 2),
        (["--format", "json", "--statistics"], 2),
    ],
)
def test_exit_codes(project: Path, flags: list[str], code: int) -> None:
    assert cjm("lint", *flags)[0] == code


def test_select_limits_the_report(project: Path) -> None:
    code, out, _ = cjm("lint", "--select", "missing-cta", "--quiet")
    assert code == 0
    assert out.splitlines() == [
        "journeys/a.yaml:5:9: warning missing-cta: touchpoint 'ad' has no call to action (cta)",
        "journeys/b.yaml:5:9: warning missing-cta: touchpoint 'ad' has no call to action (cta)",
    ]


@pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
def test_machine_formats_write_nothing_else(project: Path, fmt: str) -> None:
    code, out, err = cjm("lint", "--format", fmt)
    assert code == 0 and err == ""
    if fmt == "github":
        assert all(line.startswith("::") for line in out.splitlines())
    else:
        json.loads(out)


def test_output_writes_the_file_and_not_stdout(project: Path) -> None:
    code, out, _ = cjm("lint", "--format", "sarif", "--output", "reports/cjm.sarif")
    assert code == 0 and out == ""
    document = json.loads((project / "reports" / "cjm.sarif").read_text(encoding="utf-8"))
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in document["runs"][0]["results"]
    }
    assert uris == {"journeys/a.yaml", "journeys/b.yaml"}


def test_the_same_input_gives_the_same_bytes(project: Path) -> None:
    assert cjm("lint", "--format", "sarif")[1] == cjm("lint", "--format", "sarif")[1]


def test_a_wrong_option_in_cjm_yaml_is_exit_2_at_its_line(project: Path) -> None:
    (project / "cjm.yaml").write_text(
        "language: en\nrules:\n  stale-review:\n    max_age_days: -3\n", encoding="utf-8"
    )
    code, out, err = cjm("lint", "--format", "json")
    assert code == 2
    assert out == ""
    assert err.startswith(f"cjm: error: {project / 'cjm.yaml'}:4:19: rules.stale-review: ")
    assert err.endswith("'max_age_days' must be 1 or more, got -3\n")


def test_configuration_turns_a_rule_off_and_raises_another(project: Path) -> None:
    (project / "cjm.yaml").write_text(
        "rules:\n  missing-cta: error\n  missing-phase: off\n  no-follow-up: off\n",
        encoding="utf-8",
    )
    code, out, _ = cjm("lint", "--quiet")
    assert code == 1
    rules = {line.split()[2].rstrip(":"): line.split()[1] for line in out.splitlines()}
    assert rules == {"missing-cta": "error", "missing-kpi": "info", "missing-customer-view": "info"}


def test_statistics(project: Path) -> None:
    code, out, _ = cjm("lint", "--statistics", "--select", "missing-cta,missing-kpi")
    assert code == 0
    assert out.splitlines() == [
        "2  missing-cta  warning",
        "2  missing-kpi  info",
        "2 warnings, 2 infos in 2 files",
    ]


@pytest.mark.parametrize(
    ("config", "flags", "expected"),
    [
        ("", [], "journeys/a.yaml:5:9: warning missing-cta: touchpoint 'ad' has no call to action"),
        (
            "language: nl\n",
            [],
            "journeys/a.yaml:5:9: waarschuwing missing-cta: touchpoint 'ad' heeft geen call to",
        ),
        (
            "language: nl\n",
            ["--lang", "en"],
            "journeys/a.yaml:5:9: warning missing-cta: touchpoint",
        ),
        ("", ["--lang", "nl"], "journeys/a.yaml:5:9: waarschuwing missing-cta: touchpoint 'ad'"),
    ],
)
def test_the_report_speaks_lang_else_the_project_language(
    project: Path, config: str, flags: list[str], expected: str
) -> None:
    (project / "cjm.yaml").write_text(config, encoding="utf-8")
    code, out, _ = cjm("lint", "--select", "missing-cta", *flags)
    assert code == 0
    assert out.splitlines()[0].startswith(expected)
    assert out.splitlines()[-1] in ("2 warnings in 2 files", "2 waarschuwingen in 2 bestanden")


def test_an_unknown_lang_is_a_usage_error(project: Path) -> None:
    code, _, err = cjm("lint", "--lang", "xx")
    assert code == 2
    assert "must be one of en, nl, got 'xx'" in err


def test_json_keeps_neutral_ids_and_translates_the_message(project: Path) -> None:
    (project / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    _, out, _ = cjm("lint", "--select", "missing-cta", "--format", "json")
    first = json.loads(out)[0]
    assert (first["rule"], first["severity"]) == ("missing-cta", "warning")
    assert first["message"] == "touchpoint 'ad' heeft geen call to action (cta)"
