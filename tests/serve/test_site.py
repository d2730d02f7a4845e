"""The served site in memory: the bytes cjm render writes, problems in place of a map, recovery."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cjm.errors import ConfigError, UsageError
from cjm.serve.site import INDEX, Site, WatchPlan
from cjm.text import text_for
from tests.conftest import run_cjm
from tests.serve.helpers import add_touchpoint, make_project

NAMES = [
    "index.html",
    "it-manager-mkb.html",
    "jonge-ouders.future.html",
    "jonge-ouders.html",
    "online-shopper.html",
]


@pytest.fixture
def journeys(in_tmp: Path) -> Path:
    return make_project(in_tmp)


def _text(site: Site, name: str) -> str:
    return site.pages[name].body.decode()


def _digests(site: Site) -> dict[str, str]:
    return {name: page.digest for name, page in site.pages.items()}


def test_the_pages_are_the_bytes_cjm_render_writes(journeys: Path, in_tmp: Path) -> None:
    site = Site([])
    build = site.build(strict=True)
    assert (build.rendered, build.blocked, build.error) == (4, (), None)
    assert list(site.pages) == NAMES
    assert run_cjm("render", "--out", "out", cwd=in_tmp).returncode == 0
    for name, page in site.pages.items():
        assert page.body == (in_tmp / "out" / name).read_bytes(), name
        assert b"<script" not in page.body  # the reload script is added when served


def test_a_broken_journey_shows_its_problem_and_comes_back_when_fixed(journeys: Path) -> None:
    site = Site([])
    site.build()
    before = _digests(site)
    path = journeys / "jonge-ouders.yaml"
    good = path.read_text(encoding="utf-8")
    lines = good.splitlines(keepends=True)
    broken_line = lines.index("persona:\n") + 2
    lines.insert(broken_line - 1, "  name: [Jonge ouders\n")
    path.write_text("".join(lines), encoding="utf-8")

    build = site.build({path.absolute()})
    # The plan based on it is still shown, without today's curve beside it.
    assert build.rendered == 3 and [item.path for item in build.blocked] == [
        "journeys/jonge-ouders.yaml"
    ]
    page = _text(site, "jonge-ouders.html")
    assert re.search(rf"journeys/jonge-ouders\.yaml:{broken_line + 1}:\d+: fout yaml-syntax", page)
    assert 'class="tp-name"' not in page
    # The other maps are untouched; the index names the journey not shown.
    assert _digests(site)["online-shopper.html"] == before["online-shopper.html"]
    assert _digests(site)["it-manager-mkb.html"] == before["it-manager-mkb.html"]
    index = _text(site, INDEX)
    assert '<a href="jonge-ouders.html">journeys/jonge-ouders.yaml</a>' in index
    assert 'href="online-shopper.html"' in index

    path.write_text(good, encoding="utf-8")
    site.build({path.absolute()})
    assert _digests(site) == before


def test_a_new_touchpoint_is_on_the_map(journeys: Path) -> None:
    site = Site([])
    site.build()
    assert "Post-it uit de workshop" not in _text(site, "jonge-ouders.html")
    add_touchpoint(journeys / "jonge-ouders.yaml")
    build = site.build({(journeys / "jonge-ouders.yaml").absolute()})
    assert build.blocked == ()
    assert "Post-it uit de workshop" in _text(site, "jonge-ouders.html")


def test_a_journey_that_breaks_before_its_id_keeps_its_page(journeys: Path) -> None:
    # The file's stem is not its persona id: the problems go where the map was.
    (journeys / "jonge-ouders.yaml").rename(journeys / "ouders.yaml")
    site = Site([])
    site.build()
    assert "jonge-ouders.html" in site.pages
    (journeys / "ouders.yaml").write_text("persona: [\n", encoding="utf-8")
    site.build({(journeys / "ouders.yaml").absolute()})
    assert "journeys/ouders.yaml:2:1: fout yaml-syntax" in _text(site, "jonge-ouders.html")
    assert "ouders.html" not in site.pages


def test_no_journey_to_show_is_an_index_of_problems(journeys: Path) -> None:
    for path in journeys.iterdir():
        path.write_text("persona: {name: Kapot}\n<script>: 1\n", encoding="utf-8")
    site = Site([])
    build = site.build()
    assert build.rendered == 0 and len(build.blocked) == 4
    index = _text(site, INDEX)
    assert "Nog geen klantreis om te tonen" in index
    problem = (
        "journeys/jonge-ouders.yaml:2:1: fout schema: onbekende sleutel &#39;&lt;script&gt;&#39;"
    )
    assert problem in index
    assert "<script" not in index


@pytest.mark.parametrize(
    ("cjm_yaml", "expected"),
    [
        ("language: de\n", r"cjm\.yaml:1:11: "),
        ("model: [\n", r"cjm\.yaml:2:1: "),
    ],
)
def test_a_broken_project_is_every_page_until_fixed(
    journeys: Path, in_tmp: Path, cjm_yaml: str, expected: str
) -> None:
    site = Site([])
    site.build()
    before = _digests(site)
    config = in_tmp / "cjm.yaml"
    good = config.read_text(encoding="utf-8")
    config.write_text(cjm_yaml, encoding="utf-8")
    build = site.build({config.absolute()})
    assert build.error is not None and re.search(expected, build.error)
    assert list(site.pages) == NAMES
    assert len({page.digest for page in site.pages.values()}) == 1
    assert re.search(expected, _text(site, "jonge-ouders.html"))
    assert build.summary(text_for("en")).startswith("not rendered in ")
    config.write_text(good, encoding="utf-8")
    site.build({config.absolute()})
    assert _digests(site) == before


def test_at_the_start_a_broken_project_is_an_error(journeys: Path, in_tmp: Path) -> None:
    (in_tmp / "cjm.yaml").write_text("language: de\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'language' must be one of en, nl"):
        Site([]).build(strict=True)
    (in_tmp / "cjm.yaml").unlink()
    with pytest.raises(UsageError, match="'nowhere' does not exist"):
        Site([Path("nowhere")]).build(strict=True)


def test_a_template_change_is_rendered(journeys: Path, in_tmp: Path) -> None:
    templates = in_tmp / "templates"
    templates.mkdir()
    site = Site([])
    site.build()
    (templates / "journey.html.j2").write_text("<p>{{ persona.name }}</p>\n", encoding="utf-8")
    site.build({(templates / "journey.html.j2").absolute()})
    assert _text(site, "jonge-ouders.html") == "<p>Jonge ouders</p>\n"
    (templates / "journey.html.j2").write_text("{{ nope }}\n", encoding="utf-8")
    build = site.build({(templates / "journey.html.j2").absolute()})
    assert build.error is not None and "journey.html.j2:1:1: template error" in build.error
    (templates / "journey.html.j2").unlink()
    site.build({(templates / "journey.html.j2").absolute()})
    assert 'class="tp-name"' in _text(site, "jonge-ouders.html")


def test_the_export_numbers_and_their_changes(journeys: Path, in_tmp: Path) -> None:
    export = Path("export.csv")
    export.write_text(
        "Session source / medium,Sessions,Key events\ngoogle / organic,1234,5\n", encoding="utf-8"
    )
    site = Site([], analytics=export)
    site.build(strict=True)
    assert ">1.234<" in _text(site, "jonge-ouders.html")
    export.write_text("nothing useful\n", encoding="utf-8")
    build = site.build({export.absolute()})
    assert build.error is not None and build.error.startswith(
        "export.csv:1:1: verwacht een kopregel"
    )


def test_what_the_watcher_is_told_to_watch(journeys: Path, in_tmp: Path) -> None:
    (journeys / "sub").mkdir()
    (in_tmp / ".venv").mkdir()
    site = Site([])
    site.build()
    plan = site.plan
    root = in_tmp.resolve()
    assert plan.folders == {root, root / "journeys", root / "journeys" / "sub"}
    cases = {
        "journeys/jonge-ouders.yaml": True,
        "journeys/sub/new.yml": True,
        "journeys/.jonge-ouders.yaml.swp": False,
        "journeys/.jonge-ouders.yaml.1234.tmp": False,
        "journeys/notes.txt": False,
        "journeys/sedAbC12": False,  # an editor's temporary file, gone already
        "journeys/sub": True,  # a folder (that is there, or was watched)
        "journeys": True,  # it may go away and come back
        "cjm.yaml": True,
        "cjm.yml": True,
        "opportunities.yaml": True,
        "templates": True,
        "README.md": False,
        "build/index.html": False,
    }
    assert {name: plan.counts(root / name) for name in cases} == cases


def test_a_journeys_folder_that_goes_away_and_comes_back(journeys: Path, in_tmp: Path) -> None:
    site = Site([])
    site.build()
    before = _digests(site)
    journeys.rename(in_tmp / "elsewhere")
    build = site.build({journeys.resolve()})
    assert build.error is not None and "geen map met klantreizen op" in build.error
    assert site.plan.counts(journeys.resolve())
    (in_tmp / "elsewhere").rename(journeys)
    site.build({journeys.resolve()})
    assert _digests(site) == before


def test_an_empty_plan_counts_nothing() -> None:
    assert not WatchPlan(frozenset()).counts(Path("/x/journey.yaml").absolute())


def test_the_view_in_cjm_yaml_is_served_as_cjm_render_draws_it(
    journeys: Path, in_tmp: Path
) -> None:
    (in_tmp / "cjm.yaml").write_text("language: nl\nrender: {view: blueprint}\n")
    site = Site([])
    site.build(strict=True)
    assert '<h2 id="blueprint-title">' in _text(site, "jonge-ouders.future.html")
    assert run_cjm("render", "--out", "out", cwd=in_tmp).returncode == 0
    for name, page in site.pages.items():
        assert page.body == (in_tmp / "out" / name).read_bytes(), name
