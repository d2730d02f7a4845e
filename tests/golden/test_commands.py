"""Every command on the example project, in English and Dutch, byte for byte; and the
same commands in a pseudo-language to prove that no word comes from outside the catalogs.

The project is the repository's examples plus ``extra/proefreis.yaml`` (a journey with
problems), with ``language:`` set in its cjm.yaml. A golden file holds the command, its
exit code, its output and any file it wrote. When a change is intended, regenerate with

    CJM_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden

and review the diff of tests/golden/en/ and tests/golden/nl/ like any other change.

The pseudo-language ``qps`` is English with every catalog text wrapped in ⟦ ⟧. A word
outside the brackets must be data from the project's own files, or an id on the
:data:`NEUTRAL` list: any other word was written by code, not by the catalogs.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from cjm.lint.rules import ALL_RULES
from cjm.text import catalog as catalog_module
from cjm.text import text_for
from tests.conftest import TODAY
from tests.golden.project import (
    PSEUDO,
    copy_project,
    data_words,
    iter_messages,
    outside_catalog,
    pseudo_catalogs,
    visible_text,
)

GOLDEN = Path(__file__).parent
UPDATE = os.environ.get("CJM_UPDATE_GOLDEN") == "1"
EXPORT = "analytics/ga4-traffic-acquisition.csv"
PLAN = ("journeys/jonge-ouders.yaml", "journeys/jonge-ouders-gepland.yaml")


@dataclass(frozen=True)
class Case:
    """One command line: its golden file is ``<language>/<name>.txt``."""

    name: str
    args: tuple[str, ...]
    files: tuple[str, ...] = ()
    """Files the command writes, shown after its output."""
    kind: str = "text"
    """How the pseudo check reads the output: text, json (its message fields), html."""
    pending: bool = False
    """Still writes words of its own: the pseudo check is expected to fail (strict)."""
    golden: bool = True
    neutral: frozenset[str] = field(default_factory=frozenset)
    """Words this output may show outside the catalogs, each a language-neutral id."""


LINT_RULES = frozenset(word for rule in ALL_RULES for word in re.findall(r"[^\W\d_]{3,}", rule.id))
GITHUB = frozenset({"error", "warning", "notice", "file", "line", "col", "title"})
SEVERITIES = frozenset({"error", "warning", "info"})
CSV_COLUMNS = frozenset({"path", "line", "column", "end", "rule", "severity", "message"})

FORMAT_VALUES = frozenset({"assumption", "partial", "validated", "current", "future"})
"""The format's own values (confidence levels, a journey's state), which a diff shows as
written in the YAML, like the field names (``cta.text``) it shows."""

ANALYTICS_CSV_KEYS = frozenset({"section", "funnel", "gap", "not", "set", "warning", "share"})
"""The CSV's column names and ``section`` values: keys a filter or a pivot table uses,
the same in every language (docs of analytics/report/csv.py)."""

MERMAID = frozenset({"flowchart", "subgraph", "quadrantchart", "quadrant", "axis"})
"""Mermaid's own keywords in the Markdown's diagrams: grammar, not words for a reader."""
SKELETON = frozenset({"assumption", "current", "winter", "json", "github", "blob", "main"})
"""What `cjm new` writes that is YAML, not prose: example values of the format
(``confidence: assumption``, ``state: current``, ``id: winter``), the schema's file name
and the docs URL (github.com/.../blob/main/docs/format.md)."""
LINT_GATE = frozenset({"unknown"})
"""What render prints of lint's findings for the journey it leaves out: the rule id
``unknown-phase``."""

CASES = [
    # Rule ids are language-neutral names (like a compiler's error codes).
    Case("lint", ("lint",), neutral=LINT_RULES),
    Case("lint-statistics", ("lint", "--statistics"), neutral=LINT_RULES),
    Case(
        "lint-show-source", ("lint", "journeys/proefreis.yaml", "--show-source"), neutral=LINT_RULES
    ),
    Case("lint-json", ("lint", "--format", "json"), kind="json"),
    # The SARIF's tool.driver.rules describe the rules in their documentation's words
    # (English, like --help: see docs/languages.md); only results' messages are translated.
    Case("lint-sarif", ("lint", "--format", "sarif"), kind="sarif"),
    # GitHub's workflow commands (::warning file=...,title=cjm RULE::) are its syntax.
    Case("lint-github", ("lint", "--format", "github"), neutral=LINT_RULES | GITHUB),
    # The CSV's header row holds the column keys, the same as --format json's, and its
    # severity column the neutral ids (error, warning, info) a spreadsheet filters on.
    Case("lint-csv", ("lint", "--format", "csv"), neutral=LINT_RULES | CSV_COLUMNS | SEVERITIES),
    # The path given on the command line, named in the error.
    Case("lint-missing-file", ("lint", "nowhere.yaml"), neutral=frozenset({"nowhere"})),
    Case("diff", ("diff", *PLAN), neutral=FORMAT_VALUES),
    Case(
        "diff-markdown",
        ("diff", *PLAN, "--format", "markdown"),
        neutral=FORMAT_VALUES,
    ),
    Case("diff-json", ("diff", *PLAN, "--format", "json"), kind="json"),
    Case("diff-plan", ("diff", *PLAN, "--plan")),
    Case(
        "diff-plan-markdown",
        ("diff", *PLAN, "--plan", "--format", "markdown"),
    ),
    Case("analytics", ("analytics", EXPORT, "journeys/")),
    Case(
        "analytics-markdown",
        ("analytics", EXPORT, "journeys/", "-f", "markdown"),
    ),
    Case("analytics-json", ("analytics", EXPORT, "journeys/", "-f", "json"), kind="json"),
    Case(
        "analytics-csv",
        ("analytics", EXPORT, "journeys/", "-f", "csv"),
        neutral=ANALYTICS_CSV_KEYS,
    ),
    # The path given on the command line, named in the error, and the operating system's
    # own words for why it cannot be read (strerror: in the system's locale, not cjm's).
    Case(
        "analytics-missing-export",
        ("analytics", "nowhere.csv", "journeys/"),
        neutral=frozenset({"nowhere", "csv", "such", "file", "directory"}),
    ),
    Case("opportunities", ("opportunities",)),
    Case("opportunities-markdown", ("opportunities", "-f", "markdown")),
    Case("opportunities-json", ("opportunities", "-f", "json"), kind="json"),
    # The CSV's column names are keys, the same in every language (like its ids).
    Case("opportunities-csv", ("opportunities", "-f", "csv"), neutral=frozenset({"rank"})),
    Case(
        "new",
        ("new", "Nieuwe klant"),
        files=("journeys/nieuwe-klant.yaml",),
        neutral=SKELETON | {"server"},  # yaml-language-server, an editor's name
    ),
    Case(
        "render-markdown",
        ("render", "journeys/", "-f", "markdown", "--out", "out", "--analytics", EXPORT),
        files=("out/index.md", "out/jonge-ouders.md", "out/jonge-ouders.future.md"),
        neutral=MERMAID | LINT_GATE,
    ),
    Case(
        "render-html",
        ("render", "journeys/", "-f", "html", "--out", "out", "--analytics", EXPORT),
        files=("out/index.html", "out/jonge-ouders.html"),
        kind="html",
        neutral=LINT_GATE,
        golden=False,  # tests/render/golden holds the HTML bytes; here only the words count
    ),
    Case(
        "render-blueprint",
        ("render", "journeys/", "--view", "blueprint", "-f", "html", "--out", "out"),
        files=("out/jonge-ouders.future.html",),
        kind="html",
        neutral=LINT_GATE,
        golden=False,
    ),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The example project in ``tmp_path/project``, the pseudo-language installed, and
    "today" fixed so that age rules (stale-review) give the same words every day."""
    locale = tmp_path / "locale"
    pseudo_catalogs(locale)
    monkeypatch.setattr(catalog_module, "LOCALE_DIR", locale)
    catalog_module.available.cache_clear()
    text_for.cache_clear()
    monkeypatch.setattr("cjm.lint.engine.date", _Today)
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    yield root
    catalog_module.available.cache_clear()
    text_for.cache_clear()


class _Today(date):
    @classmethod
    def today(cls) -> _Today:
        return cls(TODAY.year, TODAY.month, TODAY.day)


def run(case: Case, project: Path, language: str) -> tuple[int, str, str, dict[str, str]]:
    copy_project(project, language)
    result = CliRunner().invoke(_app(), list(case.args), catch_exceptions=False)
    files = {
        name: (project / name).read_text(encoding="utf-8")
        for name in case.files
        if (project / name).is_file()
    }
    return result.exit_code, result.stdout, result.stderr, files


def _app() -> typer.Typer:
    from cjm.cli import app

    return app


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("case", [c for c in CASES if c.golden], ids=lambda c: c.name)
def test_command_matches_its_golden_output(case: Case, language: str, project: Path) -> None:
    code, stdout, stderr, files = run(case, project, language)
    shown = [f"$ cjm {' '.join(case.args)}", f"exit {code}", "--- stdout", stdout]
    if stderr:
        shown += ["--- stderr", stderr]
    for name, content in files.items():
        shown += [f"--- {name}", content]
    actual = "\n".join(shown)
    golden = GOLDEN / language / f"{case.name}.txt"
    if UPDATE:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no {golden}: run with CJM_UPDATE_GOLDEN=1 to create it"
    assert actual == golden.read_text(encoding="utf-8"), (
        f"cjm {' '.join(case.args)} in {language} differs from {golden}; "
        "if the change is intended, rerun with CJM_UPDATE_GOLDEN=1"
    )


NEUTRAL = frozenset({"cjm"})
"""Words any output may show that no catalog holds: the program's name."""


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="not on the catalogs yet"))
        if c.pending
        else c
        for c in CASES
    ],
    ids=lambda c: c.name,
)
def test_every_word_comes_from_a_catalog_or_the_data(case: Case, project: Path) -> None:
    _code, stdout, stderr, files = run(case, project, PSEUDO)
    outputs = [stdout, stderr, *files.values()]
    if case.kind == "json":
        outputs = [text for out in outputs if out.strip() for text in _json_messages(out)]
    elif case.kind == "sarif":
        outputs = [
            result["message"]["text"]
            for out in outputs
            if out.strip()
            for run in json.loads(out)["runs"]
            for result in run["results"]
        ]
    elif case.kind == "html":
        outputs = [stdout, stderr, *(visible_text(page) for page in files.values())]
    allowed = data_words(project, case.files) | NEUTRAL | case.neutral
    stray = sorted({word for out in outputs for word in outside_catalog(out)} - allowed)
    assert stray == [], f"cjm {' '.join(case.args)} writes words outside the catalogs: {stray}"


def _json_messages(text: str) -> Iterator[str]:
    try:
        parsed = json.loads(text)
    except ValueError:
        yield text  # not JSON (an error message): every word counts
        return
    yield from iter_messages(parsed)
