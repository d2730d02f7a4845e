from __future__ import annotations

import json
from typing import Any

from cjm import __version__
from cjm.lint.report import RunSummary
from tests.conftest import lint_sources
from tests.lint.report.conftest import render


def _sarif(summary: RunSummary) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(render("sarif", summary))
    return document


def test_the_fields_github_code_scanning_requires(summary: RunSummary) -> None:
    document = _sarif(summary)
    assert document["version"] == "2.1.0"
    assert document["$schema"].endswith("sarif-2.1.0.json")
    (run,) = document["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "cjm"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    ids = [rule["id"] for rule in driver["rules"]]
    assert len(ids) == len(set(ids)) == len(summary.rules)
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"]
        assert "Passing::" in rule["help"]["text"] or rule["id"] in {"yaml-syntax"}
    results = run["results"]
    assert len(results) == len(summary.problems)
    for result, problem in zip(results, summary.problems, strict=True):
        assert result["ruleId"] == problem.rule
        assert ids[result["ruleIndex"]] == problem.rule
        assert (
            result["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[problem.severity.value]
        )
        assert result["message"]["text"] == str(problem.message)
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == problem.path  # relative, forward slashes
        assert physical["region"]["startLine"] == problem.line >= 1
        assert physical["region"]["startColumn"] == problem.column >= 1
        assert result["partialFingerprints"]["cjm/v1"]


def test_fingerprints_are_stable_and_do_not_depend_on_line_numbers(summary: RunSummary) -> None:
    first = _sarif(summary)
    assert _sarif(summary) == first
    # Not the file with a syntax error: its message names a position itself.
    shifted = {
        path: "# a comment added on top\n" + text
        for path, text in summary.sources.items()
        if path != "journeys/c.yaml"
    }
    moved = RunSummary(
        lint_sources(shifted, config=None), summary.files, shifted, summary.rules, summary.root
    )
    fingerprints = [
        r["partialFingerprints"]
        for r in first["runs"][0]["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] in shifted
    ]
    moved_results = _sarif(moved)["runs"][0]["results"]
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved_results]
    assert min(lines) > 1
    assert sorted(map(str, fingerprints)) == sorted(
        str(r["partialFingerprints"]) for r in moved_results
    )
