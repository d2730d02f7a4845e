"""Hostile strings in every text field, through every output of every command.

Each string of hostile.yaml (and a very long one) becomes one journey with that
string in every text field — names, descriptions, goals, KPIs, calls to action,
owners, analytics mappings — and rows of an analytics export. A benign twin of
each journey ("Tekst" in every field) shows what the output's structure should
be. Then every format of lint, diff, analytics and render is run as a user runs
it, and each output is read by a parser for its own grammar:

- JSON and SARIF: parsed strictly (NaN and Infinity refused);
- Markdown: parsed with markdown-it-py (CommonMark + tables): no raw HTML, no
  unsafe link, every table row as wide as its header, and (for the maps and
  the analytics report) the same structure of blocks and inline markup as the
  benign twin;
- text and GitHub annotations: no raw control character, and exactly one line
  per problem;
- CSV: every record as wide as the header, no text cell a spreadsheet would run;
- HTML: the same tags as the benign twin, no ``javascript:`` attribute;
- Mermaid: every ``.mmd`` file and every Mermaid block in the Markdown parsed by
  Mermaid itself, with the title, sections, tasks and nodes the benign twin has.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from cjm.analytics.report import FORMATS as ANALYTICS
from cjm.diff.report import FORMATS as DIFF
from cjm.lint.report import FORMATS as LINT
from cjm.output import escape
from tests.conftest import REPO, run_cjm
from tests.output.mermaid import Mermaid, start_mermaid

pytestmark = pytest.mark.slow

CORPUS: list[str] = [
    *yaml.safe_load((Path(__file__).parent / "hostile.yaml").read_text(encoding="utf-8")),
    "Lang " * 2000,
]
BENIGN = "Tekst"
# Keys whose values are not free text: ids, enums, dates, references, links.
NOT_TEXT = {
    "id",
    "segment",
    "cycle",
    "better",
    "reviewed",
    "model",
    "media",
    "senses",
    "next",
    "url",
    # Evidence (issue 14): its kind and the confidence are enums, its date a date.
    "kind",
    "confidence",
    "date",
}
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")
# Every report format, as registered: a new one is run here too, and
# test_every_output_was_checked asks for a check of its grammar.
LINT_FORMATS = LINT.names()
DIFF_FORMATS = DIFF.names()
ANALYTICS_FORMATS = ANALYTICS.names()
# The render formats made from text templates; one made from their files (a PDF
# of the HTML) shows what they hold.
RENDER_FORMATS = ("html", "markdown", "mermaid")


# -- the project ---------------------------------------------------------------


def _fill(node: Any, text: str, key: str = "") -> Any:
    """``node`` with every text field set to ``text``."""
    if isinstance(node, dict):
        return {k: _fill(v, text, k) for k, v in node.items() if not str(k).startswith("x-")}
    if isinstance(node, list):
        return [_fill(item, text, key) for item in node]
    if isinstance(node, str) and key not in NOT_TEXT:
        return text
    return node


def _journey(example: dict[str, Any], number: int, text: str) -> dict[str, Any]:
    journey: dict[str, Any] = _fill(example, text)
    journey["persona"]["id"] = f"p{number}"
    first = journey["phases"][0]
    # Numbers where a number may appear: not finite ones (YAML's .nan and .inf).
    first["kpis"] = [{"name": text, "target": float("nan"), "actual": float("inf")}]
    first["touchpoints"][0]["cta"] = {"text": text, "url": "javascript:alert(1)"}
    first["touchpoints"][1]["channel"] = text  # unknown-channel quotes it in lint's message
    return journey


def _export(texts: list[str]) -> str:
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow(["source", "medium", "sessions"])
    for number, cell in enumerate(texts):
        # A line break inside a cell is the export reader's business (input side):
        # here every other hostile character goes into the cells.
        text = " ".join(cell.splitlines())
        writer.writerow([text, text, 100 + number])  # claimed by the touchpoints' mapping
        writer.writerow([f"{text} gap {number}", "referral", 10 + number])  # by none
    return stream.getvalue()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    # A channel vocabulary: every hostile channel gets a message that quotes it.
    settings = "language: nl\nrules:\n  unknown-channel:\n    channels: [web]\n"
    (root / "cjm.yaml").write_text(settings, encoding="utf-8")
    example = yaml.safe_load((REPO / "journeys" / "jonge-ouders.yaml").read_text("utf-8"))
    for side, texts in (("hostile", CORPUS), ("benign", [BENIGN] * len(CORPUS))):
        folder = root / side
        folder.mkdir()
        for number, text in enumerate(texts):
            document = yaml.safe_dump(_journey(example, number, text), allow_unicode=True)
            (folder / f"p{number}.yaml").write_text(document, encoding="utf-8")
        (root / f"{side}.csv").write_text(_export(texts), encoding="utf-8")
    return root


def _run(project: Path, *args: str | Path, ok: tuple[int, ...] = (0, 1)) -> None:
    result = run_cjm(*args, cwd=project)
    assert result.returncode in ok, result.stderr
    assert "Traceback" not in result.stderr


@pytest.fixture(scope="module")
def outputs(project: Path) -> dict[str, dict[str, bytes]]:
    """``{side: {output name: bytes}}`` for every format of every command."""
    found: dict[str, dict[str, bytes]] = {}
    for side in ("hostile", "benign"):
        out = project / "out" / side
        for name in LINT_FORMATS:
            _run(project, "lint", side, "--format", name, "-o", out / f"lint.{name}")
        for name in DIFF_FORMATS:
            _run(project, "diff", "benign", side, "--format", name, "-o", out / f"diff.{name}")
        for name in ANALYTICS_FORMATS:
            target = out / f"analytics.{name}"
            _run(project, "analytics", f"{side}.csv", side, "--format", name, "-o", target)
        formats = [option for name in RENDER_FORMATS for option in ("--format", name)]
        _run(project, "render", side, *formats, "--out", out / "render", ok=(0,))
        found[side] = {
            path.relative_to(out).as_posix(): path.read_bytes()
            for path in sorted(out.rglob("*"))
            if path.is_file()
        }
    assert found["hostile"].keys() == found["benign"].keys()
    return found


def _texts(outputs: dict[str, dict[str, bytes]], suffix: str) -> Iterator[tuple[str, str, str]]:
    """``(name, hostile text, benign text)`` of each output whose name ends in ``suffix``."""
    for name, data in outputs["hostile"].items():
        if name.endswith(suffix):
            yield name, data.decode("utf-8"), outputs["benign"][name].decode("utf-8")


# -- the checks ---------------------------------------------------------------


def _strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_json_is_strict(outputs: dict[str, dict[str, bytes]]) -> None:
    names = [name for name, _, _ in _texts(outputs, ".json")] + ["lint.sarif"]
    assert len(names) == 4
    for name in names:
        document = _strict_json(outputs["hostile"][name].decode("utf-8"))
        assert document, name
    # .nan and .inf in a KPI are read as the text typed (docs/limits.md), so the
    # JSON carries that text, where Python's json would write NaN and Infinity.
    diff = outputs["hostile"]["diff.json"].decode("utf-8")
    assert '"target": ".nan"' in diff
    assert "NaN" not in diff
    assert "Infinity" not in diff
    assert '"actual": ".inf"' in diff


def test_text_reports_show_control_characters_and_keep_one_line_per_problem(
    outputs: dict[str, dict[str, bytes]],
) -> None:
    for name, text, _ in _texts(outputs, ".text"):
        assert not RAW_CONTROL.findall(text), name
    problems = _strict_json(outputs["hostile"]["lint.json"].decode("utf-8"))
    # Messages are made one line where they are made (issue 10): ESC shows as "\x1b".
    assert any("\\x1b" in problem["message"] for problem in problems)
    lines = outputs["hostile"]["lint.text"].decode("utf-8").splitlines()
    assert len(lines) == len(problems) + 1  # and the summary
    severity = r"(fout|waarschuwing|melding)"  # the project is Dutch
    assert all(re.match(rf"^hostile/p\d+\.yaml:\d+:\d+: {severity} ", x) for x in lines[:-1])
    github = outputs["hostile"]["lint.github"].decode("utf-8")
    assert not RAW_CONTROL.findall(github)
    assert len(github.splitlines()) == len(problems)
    assert all(
        line.startswith(("::error ", "::warning ", "::notice ")) for line in github.splitlines()
    )


def test_csv_rows_are_whole_and_no_cell_is_a_formula(outputs: dict[str, dict[str, bytes]]) -> None:
    for name in ("lint.csv", "analytics.csv"):
        text = outputs["hostile"][name].decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert len(rows) > 2, name
        assert all(len(row) == len(rows[0]) for row in rows), name
        for cell in (cell for row in rows for cell in row):
            if cell.startswith(("=", "+", "-", "@")):
                float(cell.replace(",", "."))  # only a number may start so


# Markdown


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _shape(tokens: list[Token]) -> list[str]:
    """Block structure and inline markup, without the text."""
    shape = []
    for token in tokens:
        if token.type == "inline":
            shape.append(" ".join(c.type for c in token.children or [] if c.type != "text"))
        elif token.type == "fence":
            shape.append(f"fence {token.info}")
        else:
            shape.append(token.type)
    return shape


def _walk(tokens: list[Token]) -> Iterator[Token]:
    for token in tokens:
        yield token
        yield from _walk(token.children or [])


def _table_rows_are_whole(name: str, text: str) -> None:
    width = None
    for line in text.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        width = width or cells
        assert cells == width, f"{name}: a row with {cells - 1} cells, not {width - 1}: {line}"


def test_markdown_keeps_its_structure(outputs: dict[str, dict[str, bytes]]) -> None:
    checked = 0
    for name, text, benign in _texts(outputs, ".md"):
        tokens = _parser().parse(text)
        for token in _walk(tokens):
            assert token.type not in ("html_block", "html_inline"), f"{name}: {token.content}"
            href = str(token.attrs.get("href", token.attrs.get("src", "")))
            assert escape.link_url(href) == href, f"{name}: an unsafe link {href}"
        _table_rows_are_whole(name, text)
        number = re.sub(r"\D", "", name)
        if not number or CORPUS[int(number)].strip():  # a blank value leaves no paragraph
            assert _shape(tokens) == _shape(_parser().parse(benign)), name
        checked += 1
    assert checked == len(CORPUS) + 1  # a map per journey, and the index


# HTML


_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.unsafe: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.unsafe += [
            f"{key}={value}"
            for key, value in attrs
            if key in _URL_ATTRIBUTES and escape.link_url(value or "") != (value or "").strip()
        ]


def _tags(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    return parser


def test_html_has_the_benign_tags(outputs: dict[str, dict[str, bytes]]) -> None:
    for name, text, benign in _texts(outputs, ".html"):
        hostile = _tags(text)
        assert hostile.unsafe == [], name
        assert hostile.tags == _tags(benign).tags, name


# Mermaid


@pytest.fixture(scope="module")
def mermaid() -> Iterator[Mermaid]:
    browser, parser = start_mermaid()
    try:
        yield parser
    finally:
        browser.close()


def _diagrams(outputs: dict[str, bytes], name: str) -> list[str]:
    text = outputs[name].decode("utf-8")
    if name.endswith(".mmd"):
        return [text]
    return [token.content for token in _parser().parse(text) if token.info == "mermaid"]


def test_mermaid_parses_every_diagram_as_the_benign_one(
    outputs: dict[str, dict[str, bytes]], mermaid: Mermaid
) -> None:
    names = [
        n for n in outputs["hostile"] if n.startswith("render/") and n.endswith((".mmd", ".md"))
    ]
    count = 0
    for name in names:
        pairs = zip(
            _diagrams(outputs["hostile"], name), _diagrams(outputs["benign"], name), strict=True
        )
        for hostile, benign in pairs:
            assert mermaid.parse(hostile) is None, f"{name}: {mermaid.parse(hostile)}\n{hostile}"
            read, expected = mermaid.model(hostile), mermaid.model(benign)
            if "tasks" in read:
                number = int(re.sub(r"\D", "", name.split("/")[-1]))
                assert read["title"].strip() == escape.mermaid(CORPUS[number]), name
                assert len(read["sections"]) == len(expected["sections"]), name
                assert len(read["tasks"]) == len(expected["tasks"]), name
                assert all(task.strip() for task in read["tasks"]), name
            else:
                assert len(read["nodes"]) == len(expected["nodes"]), name
                assert len(read["subgraphs"]) == len(expected["subgraphs"]), name
            count += 1
    assert count >= 3 * len(CORPUS)  # .mmd, and two blocks in each journey's Markdown


def test_every_output_was_checked(outputs: dict[str, dict[str, bytes]]) -> None:
    checked = (".json", ".sarif", ".text", ".github", ".csv", ".md", ".markdown", ".html", ".mmd")
    assert all(name.endswith(checked) for name in outputs["hostile"])


def test_diff_and_analytics_markdown_are_checked_too(outputs: dict[str, dict[str, bytes]]) -> None:
    # Their files are named after the format (.markdown); a diff shows long text
    # word by word, so only the analytics report has the benign one's structure.
    for name in ("diff.markdown", "analytics.markdown"):
        text = outputs["hostile"][name].decode("utf-8")
        for token in _walk(_parser().parse(text)):
            assert token.type not in ("html_block", "html_inline"), f"{name}: {token.content}"
            assert "href" not in token.attrs, f"{name}: a link from user text"
        _table_rows_are_whole(name, text)
    # A name cannot start a heading in the diff: one per persona, one per part of it.
    tokens = _parser().parse(outputs["hostile"]["diff.markdown"].decode("utf-8"))
    headings = [token.tag for token in tokens if token.type == "heading_open"]
    persona = ["h2", "h3", "h3", "h3", "h3", "h3", "h3"]  # the journey, then its five phases
    assert headings == ["h1", *persona * len(CORPUS)]
    # Which hostile rows and mappings count differs (a blank source matches nothing,
    # a row starting with '#' is a comment in an export): compare the skeleton.
    skeleton = ("heading_open", "table_open", "th_open", "hr", "blockquote_open", "html_block")
    shapes = [
        [t.type for t in _parser().parse(outputs[side][name].decode("utf-8")) if t.type in skeleton]
        for side in ("hostile", "benign")
        for name in ("analytics.markdown",)
    ]
    assert shapes[0] == shapes[1]
