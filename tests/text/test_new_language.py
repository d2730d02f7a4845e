"""Adding a language is one .po file and a line of configuration (docs/languages.md)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cjm.cli import app
from cjm.text import catalog as catalog_module
from cjm.text import text_for
from cjm.text.maintain import extract, update, write
from tests.conftest import REPO


@pytest.fixture
def locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "locale"
    shutil.copytree(catalog_module.LOCALE_DIR, folder, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(catalog_module, "LOCALE_DIR", folder)
    catalog_module.available.cache_clear()
    text_for.cache_clear()
    yield folder
    catalog_module.available.cache_clear()
    text_for.cache_clear()


def test_a_new_po_file_and_language_in_cjm_yaml_give_a_new_language(
    locale: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What `make catalogs NEW_LANG=de` does: every message, untranslated.
    catalog = update(extract(), "de", new=True)
    # A translator's work: the summary's counts, in German.
    for message in catalog:
        if message.id == ("{count} error", "{count} errors"):
            message.string = ("{count} Fehler", "{count} Fehler")
        elif message.id == ("{count} file", "{count} files"):
            message.string = ("{count} Datei", "{count} Dateien")
    write("de", catalog)
    catalog_module.available.cache_clear()

    project = tmp_path / "project"
    (project / "journeys").mkdir(parents=True)
    shutil.copy(REPO / "tests" / "golden" / "extra" / "proefreis.yaml", project / "journeys")
    (project / "cjm.yaml").write_text("language: de\n", encoding="utf-8")  # the line of config
    monkeypatch.chdir(project)
    result = CliRunner().invoke(app, ["lint", "--select", "empty-phase,unknown-phase"])
    assert result.exit_code == 1
    # Translated messages in German; the rest falls back to English until translated.
    assert result.stdout.splitlines()[-1] == "3 Fehler in 1 Datei"
    assert "phase 'consideration' has no touchpoints" in result.stdout


def test_an_unknown_language_names_the_ones_there_are(
    locale: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cjm.yaml").write_text("language: de\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["lint"])
    assert result.exit_code == 2
    assert "cjm.yaml:1:11: 'language' must be one of en, nl, got 'de'" in result.stderr
