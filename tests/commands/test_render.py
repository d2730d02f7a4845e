"""``cjm render`` end to end: files written, --check, overrides, errors and exit codes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cjm.cli import app
from tests.conftest import REPO

EXAMPLE = REPO / "journeys" / "jonge-ouders.yaml"
EXPORT = REPO / "analytics" / "ga4-traffic-acquisition.csv"
BROKEN = """\
persona: {id: kapot, name: Kapot}
phases:
  - id: orientation
"""


def cjm(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A project with cjm.yaml and the example journey, as the working directory."""
    (in_tmp / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    (in_tmp / "journeys").mkdir()
    shutil.copy(EXAMPLE, in_tmp / "journeys" / EXAMPLE.name)
    return in_tmp


def test_renders_html_and_index_into_build_by_default(project: Path) -> None:
    result = cjm("render")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (project / "build").iterdir()) == [
        "index.html",
        "jonge-ouders.html",
    ]
    assert result.stdout.splitlines() == [
        "build/index.html geschreven",
        "build/jonge-ouders.html geschreven",
        "1 klantreis gerenderd naar build: 2 geschreven, 0 ongewijzigd",
        "open build/index.html",
    ]


def test_a_second_run_leaves_unchanged_files_alone(project: Path) -> None:
    cjm("render", "-f", "markdown", "-f", "mermaid")
    written = {p: p.stat().st_mtime_ns for p in (project / "build").iterdir()}
    result = cjm("render", "-f", "markdown", "-f", "mermaid")
    assert result.exit_code == 0
    assert "0 geschreven, 3 ongewijzigd" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in (project / "build").iterdir()} == written


def test_two_runs_are_byte_identical(project: Path) -> None:
    formats = ["-f", "html", "-f", "markdown", "-f", "mermaid"]
    assert cjm("render", *formats, "--out", "one").exit_code == 0
    assert cjm("render", *formats, "--out", "two").exit_code == 0
    one = {p.name: p.read_bytes() for p in (project / "one").iterdir()}
    two = {p.name: p.read_bytes() for p in (project / "two").iterdir()}
    assert one == two
    assert sorted(one) == [
        "index.html",
        "index.md",
        "jonge-ouders.html",
        "jonge-ouders.md",
        "jonge-ouders.mmd",
    ]
    for data in one.values():
        assert b"\r" not in data
        assert data.endswith(b"\n") and not data.endswith(b"\n\n")


def test_check_passes_when_up_to_date_and_writes_nothing(project: Path) -> None:
    assert cjm("render", "-f", "markdown").exit_code == 0
    before = {p: p.read_bytes() for p in (project / "build").iterdir()}
    result = cjm("render", "-f", "markdown", "--check")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 bestanden actueel in build\n"
    assert {p: p.read_bytes() for p in (project / "build").iterdir()} == before


def test_check_lists_stale_and_missing_files_and_writes_nothing(project: Path) -> None:
    assert cjm("render", "-f", "markdown").exit_code == 0
    (project / "build" / "jonge-ouders.md").write_text("edited by hand\n", encoding="utf-8")
    (project / "build" / "index.md").unlink()
    result = cjm("render", "-f", "markdown", "--check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "ontbreekt: build/index.md",
        "verouderd: build/jonge-ouders.md",
        "2 van 2 bestanden verouderd; voer cjm render uit om bij te werken",
    ]
    assert (project / "build" / "jonge-ouders.md").read_text(encoding="utf-8") == "edited by hand\n"
    assert not (project / "build" / "index.md").exists()


def test_check_on_an_empty_out_folder_fails_and_creates_nothing(project: Path) -> None:
    result = cjm("render", "--check", "--out", "nowhere")
    assert result.exit_code == 1
    assert "ontbreekt: nowhere/jonge-ouders.html" in result.stdout
    assert not (project / "nowhere").exists()


def test_a_journey_with_errors_is_not_rendered_and_the_others_are(project: Path) -> None:
    (project / "journeys" / "kapot.yaml").write_text(BROKEN, encoding="utf-8")
    result = cjm("render", "-f", "markdown")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "journeys/kapot.yaml:3:5: fout empty-phase: fase 'orientation' heeft geen touchpoints",
        "1 klantreis niet gerenderd wegens fouten",
    ]
    assert sorted(p.name for p in (project / "build").iterdir()) == [
        "index.md",
        "jonge-ouders.md",
    ]
    assert "kapot" not in (project / "build" / "index.md").read_text(encoding="utf-8")


def test_warnings_do_not_block_rendering(project: Path) -> None:
    (project / "journeys" / "w.yaml").write_text(
        "persona: {id: w, name: W}\nphases:\n"
        "  - id: orientation\n    touchpoints: [{id: a, name: A, channel: web}]\n",
        encoding="utf-8",
    )
    result = cjm("render", "-f", "mermaid", "journeys/w.yaml")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert (project / "build" / "w.mmd").is_file()


def test_a_persona_called_index_would_overwrite_the_index(project: Path) -> None:
    (project / "journeys" / "index.yaml").write_text(
        "persona: {name: Index}\nphases:\n"
        "  - id: orientation\n    touchpoints: [{id: a, name: A, channel: web, cta: Go}]\n",
        encoding="utf-8",
    )
    result = cjm("render", "-f", "markdown")
    assert result.exit_code == 1
    assert (
        "journeys/index.yaml: fout: persona-id 'index' zou het overzicht overschrijven"
        in result.stderr
    )
    assert "Jonge ouders" in (project / "build" / "index.md").read_text(encoding="utf-8")


def test_lang_overrides_the_project_language(project: Path) -> None:
    assert cjm("render", "-f", "markdown", "--lang", "en").exit_code == 0
    text = (project / "build" / "jonge-ouders.md").read_text(encoding="utf-8")
    assert "## 1. Orientation" in text and "### Pain points" in text


def _override(folder: Path, text: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "journey.md.j2").write_text(text, encoding="utf-8")


def test_templates_next_to_cjm_yaml_override_the_built_in_ones(project: Path) -> None:
    _override(project / "templates", "project: {{ persona.name }}\n")
    assert cjm("render", "-f", "markdown").exit_code == 0
    assert (project / "build" / "jonge-ouders.md").read_text(encoding="utf-8") == (
        "project: Jonge ouders\n"
    )
    # Templates not overridden are still the built-in ones.
    assert "# Overzicht klantreizen" in (project / "build" / "index.md").read_text(encoding="utf-8")


def test_the_templates_option_comes_before_the_project_folder(project: Path) -> None:
    _override(project / "templates", "project\n")
    _override(project / "mine", "option: {{ persona.name }}\n")
    assert cjm("render", "-f", "markdown", "--templates", "mine").exit_code == 0
    assert (project / "build" / "jonge-ouders.md").read_text(encoding="utf-8") == (
        "option: Jonge ouders\n"
    )


def test_a_broken_template_is_a_clear_error_and_nothing_is_written(project: Path) -> None:
    _override(project / "mine", "# {{ persona.name }}\n\n{{ persona.nmae }}\n")
    result = cjm("render", "-f", "markdown", "--templates", "mine")
    assert result.exit_code == 2
    assert result.stderr.startswith("cjm: fout: mine/journey.md.j2:3:1: template error: ")
    assert "nmae" in result.stderr
    assert not (project / "build").exists()


@pytest.fixture
def export(project: Path) -> str:
    """The example export, copied into the project."""
    shutil.copy(EXPORT, project / EXPORT.name)
    return EXPORT.name


def test_analytics_puts_the_numbers_on_the_map_and_the_gaps_in_the_index(
    project: Path, export: str
) -> None:
    plain = cjm("render", "-f", "html", "-f", "markdown", "--out", "plain")
    assert plain.exit_code == 0, plain.output
    result = cjm("render", "-f", "html", "-f", "markdown", "--analytics", export)
    assert result.exit_code == 0, result.output
    built, before = project / "build", project / "plain"
    page = (built / "jonge-ouders.html").read_text(encoding="utf-8")
    card = "<dt>Sessies</dt><dd>18.420</dd>\n<dt>Belangrijke gebeurtenissen</dt><dd>512</dd>"
    assert card in page
    assert "<dt>Sessies</dt>" not in (before / "jonge-ouders.html").read_text(encoding="utf-8")
    # Only this journey is in the project, so the other examples' sources are unclaimed.
    index = (built / "index.md").read_text(encoding="utf-8")
    assert "| linkedin / paid\\_social | 1.204 | 27 | 2,3% |" in index
    assert index.startswith((before / "index.md").read_text(encoding="utf-8"))
    # The map's summary names the largest of them (the index lists them all).
    largest = (
        "- **Grootste bron zonder touchpoint:** facebook / paid\\_social (3,8% van het verkeer)\n"
    )
    assert largest in (built / "jonge-ouders.md").read_text(encoding="utf-8")
    assert "Grootste bron" not in index
    assert "warning" not in result.stderr  # no journey claims a row twice


def test_analytics_warns_on_stderr_when_a_journey_claims_a_row_twice(
    project: Path, export: str
) -> None:
    path = project / "journeys" / EXAMPLE.name
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "        # No analytics mapping: this traffic ({source: google, medium: organic})",
            "        analytics: {source: google, medium: organic}\n        #",
            1,
        ),
        encoding="utf-8",
    )
    result = cjm("render", "-f", "markdown", "--analytics", export)
    assert result.exit_code == 0, result.output
    assert (
        f"cjm: waarschuwing: {export}:11: 'google / organic' hoort bij 2 touchpoints van één "
        "klantreis: jonge-ouders/google-zoeken, jonge-ouders/blog-inspiratie; elk touchpoint "
        "toont het volledig, de fasetotalen tellen het één keer, in 'orientation'\n"
    ) in result.stderr


def test_check_compares_with_the_numbers_of_the_same_export(project: Path, export: str) -> None:
    assert cjm("render", "-f", "markdown", "--analytics", export).exit_code == 0
    same = cjm("render", "-f", "markdown", "--analytics", export, "--check")
    assert (same.exit_code, same.stdout) == (0, "2 bestanden actueel in build\n")
    without = cjm("render", "-f", "markdown", "--check")
    assert without.exit_code == 1
    assert without.stdout.splitlines() == [
        "verouderd: build/index.md",
        "verouderd: build/jonge-ouders.md",
        "2 van 2 bestanden verouderd; voer cjm render uit om bij te werken",
        "elk bestand verschilt: de opties (--format, --lang, --analytics, --templates) "
        "verschillen waarschijnlijk van de run die ze schreef; zet ze in cjm.yaml onder "
        "'render:' zodat beide runs dezelfde gebruiken",
    ]


RENDER_SETTINGS = """\
language: nl
render:
  out: site
  formats: [markdown, mermaid]
  analytics: data/export.csv
  lang: en
"""


def test_render_settings_in_cjm_yaml_make_render_and_check_agree(project: Path) -> None:
    (project / "data").mkdir()
    shutil.copy(EXPORT, project / "data" / "export.csv")
    (project / "cjm.yaml").write_text(RENDER_SETTINGS, encoding="utf-8")
    (project / "journeys" / "sub").mkdir()
    os.chdir(project / "journeys" / "sub")  # paths in render: are relative to cjm.yaml
    written = cjm("render")
    assert written.exit_code == 0, written.output
    site = project / "site"
    assert sorted(p.name for p in site.iterdir()) == [
        "index.md",
        "jonge-ouders.md",
        "jonge-ouders.mmd",
    ]
    page = (site / "jonge-ouders.md").read_text(encoding="utf-8")
    assert "Measured period: September 1, 2026 – September 30, 2026" in page  # in English
    checked = cjm("render", "--check")
    assert (checked.exit_code, checked.stdout) == (0, f"3 files up to date in {site}\n")


def test_the_view_in_cjm_yaml_or_its_flag_draws_the_blueprint(project: Path) -> None:
    assert cjm("render").exit_code == 0
    page = (project / "build" / "jonge-ouders.html").read_text(encoding="utf-8")
    assert "Service blueprint" not in page
    (project / "cjm.yaml").write_text("language: nl\nrender: {view: blueprint}\n")
    stale = cjm("render", "--check")
    assert (stale.exit_code, stale.stdout.splitlines()[0]) == (
        1,
        f"verouderd: {Path('build')}/jonge-ouders.html",
    )
    assert cjm("render").exit_code == 0
    page = (project / "build" / "jonge-ouders.html").read_text(encoding="utf-8")
    assert '<h2 id="blueprint-title">Service blueprint: Jonge ouders</h2>' in page
    assert cjm("render", "--check").exit_code == 0
    assert cjm("render", "--check", "--view", "map").exit_code == 1


@pytest.mark.parametrize(
    ("flags", "changed"),
    [
        (["--lang", "nl"], "verouderd"),  # stale, in the language --lang asks for
        (["-f", "html"], "missing"),
        (["--out", "elsewhere"], "missing"),
    ],
)
def test_a_flag_overrides_its_render_setting(project: Path, flags: list[str], changed: str) -> None:
    (project / "data").mkdir()
    shutil.copy(EXPORT, project / "data" / "export.csv")
    (project / "cjm.yaml").write_text(RENDER_SETTINGS, encoding="utf-8")
    assert cjm("render").exit_code == 0
    result = cjm("render", "--check", *flags)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{changed}: ")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "formats: [markdown, docx]",
            "cjm.yaml:2:41: render: onbekend formaat 'docx' in 'formats'",
        ),
        ("formats: []", "cjm.yaml:2:30: render: 'formats' is leeg"),
        (
            "view: plattegrond",
            "cjm.yaml:2:27: render: onbekende weergave 'plattegrond' (weergaven: map, ",
        ),
    ],
)
def test_render_formats_in_cjm_yaml_are_checked_at_their_line(
    project: Path, setting: str, message: str
) -> None:
    (project / "cjm.yaml").write_text(f"language: nl\nrender: {{out: site, {setting}}}\n")
    for extra in ([], ["--check"], ["--format", "markdown"]):
        result = cjm("render", *extra)
        assert result.exit_code == 2
        assert result.stderr.startswith(f"cjm: fout: {project / message}")
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("csv", "message"),
    [
        (
            "Page path,Views\n/home,12\n",
            "bad.csv:1:1: verwacht een kopregel met een kolom 'Session source / medium' "
            "(een GA4-export) of de kolommen 'source' en 'medium' (een gewone CSV); "
            "gevonden: 'Page path', 'Views'",
        ),
        (
            "source,medium,sessions\ngoogle,organic,many\n",
            # file:line:col as before; the words in the project's language (nl)
            "bad.csv:2:16: verwacht een getal in kolom 'sessions' (zoals 1,234.5), "
            "gevonden: 'many'",
        ),
        (None, "bad.csv: kan het bestand niet lezen: No such file or directory"),  # nl project
    ],
)
def test_an_export_that_cannot_be_read_exits_2_and_writes_nothing(
    project: Path, csv: str | None, message: str
) -> None:
    if csv is not None:
        (project / "bad.csv").write_text(csv, encoding="utf-8")
    for extra in ([], ["--check"]):
        result = cjm("render", "--analytics", "bad.csv", *extra)
        assert (result.exit_code, result.stderr) == (2, f"cjm: fout: {message}\n")
    assert not (project / "build").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--templates", "missing"], "--templates: 'missing' is geen map"),
        (["--out", "cjm.yaml"], "--out: 'cjm.yaml' bestaat al en is geen map"),
        (["journeys/nope.yaml"], "'journeys/nope.yaml' bestaat niet"),  # nl project
    ],
)
def test_usage_errors_exit_2(project: Path, args: list[str], message: str) -> None:
    result = cjm("render", *args)
    assert result.exit_code == 2
    assert result.stderr == f"cjm: fout: {message}\n"


@pytest.mark.parametrize(
    ("option", "value"), [("--format", "docx"), ("--lang", "de"), ("--view", "plattegrond")]
)
def test_unknown_choices_exit_2(project: Path, option: str, value: str) -> None:
    result = cjm("render", option, value)
    assert result.exit_code == 2
    assert f"'{value}'" in result.output and option in result.output


@pytest.mark.parametrize("formats", [["pdf"], ["png"], ["pptx"], ["html", "pdf"]])
def test_posters_without_a_browser_exit_2_and_write_nothing(
    project: Path, monkeypatch: pytest.MonkeyPatch, formats: list[str]
) -> None:
    from cjm.browser import find

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(find, "install_locations", lambda: iter(()))
    result = cjm("render", *(arg for name in formats for arg in ("-f", name)))
    assert result.exit_code == 2
    assert "none was found" in result.stderr and "apt-get install chromium" in result.stderr
    assert "--browser PATH" in result.stderr
    assert not (project / "build").exists()


def test_a_browser_that_is_not_there_exits_2(project: Path) -> None:
    result = cjm("render", "-f", "pdf", "--browser", str(project / "no-chrome"))
    assert result.exit_code == 2
    assert f"--browser: '{project / 'no-chrome'}' is not an executable file" in result.stderr
    assert not (project / "build").exists()


def test_check_skips_posters_and_says_so(project: Path) -> None:
    assert cjm("render", "-f", "markdown").exit_code == 0
    result = cjm("render", "-f", "markdown", "-f", "pdf", "-f", "pptx", "--check")
    assert result.exit_code == 0, result.output
    assert "niet gecontroleerd: pdf, pptx (hun bytes verschillen per run)" in result.stderr
    assert "2 bestanden actueel in build" in result.stdout


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--paper", "A5", "must be one of A4, A3, A2, A1, got 'A5'"),
        ("--orientation", "sideways", "must be one of landscape, portrait, got 'sideways'"),
        ("--width", "20", "must be from 100 to 16384, got 20"),
    ],
)
def test_poster_options_are_checked(project: Path, option: str, value: str, message: str) -> None:
    result = cjm("render", "-f", "pdf", option, value)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())
