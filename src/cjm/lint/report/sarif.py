"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning (and other SARIF viewers).

One run, with ``tool.driver`` naming cjm and describing every rule that ran
(id, short and full description, help), and one result per problem with a
repository-relative location and 1-based region. ``partialFingerprints`` hash
the rule, file, message and the text of the line -- not the line number -- so a
problem keeps its identity when lines are added above it, and code scanning does
not reopen it as new.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any, TextIO

from cjm import __version__
from cjm.lines import editor_lines
from cjm.lint.report import RunSummary
from cjm.lint.report._paths import repo_relative, repository_root
from cjm.lint.settings import ActiveRule
from cjm.output.escape import json_text, sarif_uri
from cjm.problems import Problem, Severity
from cjm.text import DEFAULT_LANGUAGE, text_for

__all__ = ["INFORMATION_URI", "SARIF_SCHEMA", "report"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/cjm/"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _descriptor(item: ActiveRule) -> dict[str, Any]:
    rule = item.rule
    paragraphs = [part.strip() for part in rule.doc.strip().split("\n\n") if part.strip()]
    why = " ".join(paragraphs[1].split()) if len(paragraphs) > 1 else rule.summary
    return {
        "id": rule.id,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": why},
        "help": {"text": rule.doc.strip() or rule.summary},
        "defaultConfiguration": {"level": _LEVELS[item.severity]},
    }


def _region(problem: Problem) -> dict[str, int]:
    region = {"startLine": max(problem.line, 1), "startColumn": max(problem.column, 1)}
    if (problem.end_line, problem.end_column) > (problem.line, problem.column):
        region["endLine"] = problem.end_line
        region["endColumn"] = problem.end_column
    return region


def report(summary: RunSummary, stream: TextIO, color: bool) -> None:
    base = repository_root(summary.root or Path())
    index = {item.rule.id: number for number, item in enumerate(summary.rules)}
    seen: Counter[str] = Counter()
    text = summary.text
    # The fingerprint hashes the English message: a problem keeps its identity when
    # the project (or one run's --lang) changes language.
    english = text_for(DEFAULT_LANGUAGE)
    results = []
    for problem in summary.problems:
        uri = repo_relative(problem.path, base)
        lines = editor_lines(summary.sources.get(problem.path, ""))
        line = lines[problem.line - 1].strip() if 0 < problem.line <= len(lines) else ""
        digest = hashlib.sha256(
            "\0".join((problem.rule, uri, english(problem.message), line)).encode(
                "utf-8", "surrogateescape"
            )
        ).hexdigest()[:32]
        seen[digest] += 1  # identical problems on identical lines stay distinct
        result: dict[str, Any] = {
            "ruleId": problem.rule,
            "level": _LEVELS[problem.severity],
            "message": {"text": text(problem.message)},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": sarif_uri(uri)},
                        "region": _region(problem),
                    }
                }
            ],
            "partialFingerprints": {"cjm/v1": f"{digest}:{seen[digest]}"},
        }
        if problem.rule in index:
            result["ruleIndex"] = index[problem.rule]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "cjm",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_descriptor(item) for item in summary.rules],
                    }
                },
                "results": results,
            }
        ],
    }
    stream.write(json_text(document))
