"""Hostile text in the opportunities, through every format of ``cjm opportunities`` and
the rendered index: each output read by a parser for its own grammar (as in
tests/output/test_hostile.py, whose corpus and checks this reuses)."""

from __future__ import annotations

import csv
import io
import re
import shutil

import pytest
import yaml

from cjm.backlog.report import FORMATS
from tests.conftest import REPO, run_cjm
from tests.output.test_hostile import (
    CORPUS,
    RAW_CONTROL,
    _parser,
    _strict_json,
    _table_rows_are_whole,
    _walk,
)

pytestmark = pytest.mark.slow

SAFE = ("http", "https", "mailto", "tel")


def _backlog(texts: list[str]) -> str:
    opportunities = [
        {
            "id": f"o{number}",
            "title": text,
            "problem": text,
            "links": ["jonge-ouders/levertijd-telefoon"],
            "impact": 1 + number % 5,
            "effort": 1 + (number * 2) % 5,
            "owner": text,
            "kpis": [text],
            "solutions": [{"title": text, "url": text}],
        }
        for number, text in enumerate(texts)
    ]
    return yaml.safe_dump({"opportunities": opportunities}, allow_unicode=True)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("hostile-backlog")
    (root / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    shutil.copytree(REPO / "journeys", root / "journeys")
    (root / "opportunities.yaml").write_text(_backlog(CORPUS), encoding="utf-8")
    found: dict[str, str] = {}
    for name in FORMATS.names():
        run = run_cjm("opportunities", "--format", name, "-o", root / f"backlog.{name}", cwd=root)
        assert run.returncode == 0, run.stderr
        found[name] = (root / f"backlog.{name}").read_bytes().decode("utf-8-sig")
    run = run_cjm("render", "--format", "html", "--format", "markdown", "--out", "out", cwd=root)
    assert run.returncode == 0, run.stderr
    for name in ("index.md", "index.html", "jonge-ouders.md"):
        found[name] = (root / "out" / name).read_text(encoding="utf-8")
    return found


def test_every_format_is_checked(outputs: dict[str, str]) -> None:
    assert set(FORMATS.names()) == {"text", "json", "csv", "markdown"}


def test_json_is_strict_and_keeps_every_title(outputs: dict[str, str]) -> None:
    document = _strict_json(outputs["json"])
    assert sorted(item["title"] for item in document["opportunities"]) == sorted(CORPUS)


def test_text_shows_control_characters_and_one_line_per_field(outputs: dict[str, str]) -> None:
    assert not RAW_CONTROL.findall(outputs["text"])
    heads = [line for line in outputs["text"].splitlines() if not line.startswith("   ")]
    assert len(heads) == len(CORPUS) + 1  # one title line each, and the summary


def test_csv_rows_are_whole_and_no_cell_is_a_formula(outputs: dict[str, str]) -> None:
    rows = list(csv.reader(io.StringIO(outputs["csv"], newline=""), delimiter=";"))
    assert len(rows) == len(CORPUS) + 1
    assert all(len(row) == len(rows[0]) for row in rows)
    for cell in (cell for row in rows for cell in row):
        if cell.startswith(("=", "+", "-", "@")):
            float(cell.replace(",", "."))  # only a number may start so


@pytest.mark.parametrize("name", ["markdown", "index.md", "jonge-ouders.md"])
def test_markdown_has_no_html_or_links_from_user_text(outputs: dict[str, str], name: str) -> None:
    text = outputs[name]
    for token in _walk(_parser().parse(text)):
        if token.type in ("html_block", "html_inline"):
            # Only the templates' own: a line break in a cell, an anchor for a row.
            assert token.content in ("<br>", "</a>") or token.content.startswith('<a id="opp-o'), (
                f"{name}: {token.content}"
            )
        href = token.attrs.get("href")
        if href is not None:  # a solution's url is a link: a safe one, or relative
            scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", str(href))
            assert scheme is None or scheme.group(1) in SAFE, f"{name}: {href}"
    _table_rows_are_whole(name, text)


def test_the_index_draws_every_opportunity_and_links_only_safe_urls(
    outputs: dict[str, str],
) -> None:
    html = outputs["index.html"]
    assert html.count('class="point ') == len(CORPUS)
    for href in re.findall(r'href="([^"]*)"', html):
        scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", href)
        assert scheme is None or scheme.group(1) in SAFE, href
