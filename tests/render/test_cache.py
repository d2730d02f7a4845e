"""A second ``cjm render`` with nothing changed takes the files from the record, and only then.

Each case changes one thing between two renders into the same folder and says
whether the second may skip the templates; whatever it says, the files and the
output must be those of a full render.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from cjm.cli import app
from cjm.render import cache
from tests.conftest import REPO

EXAMPLE = REPO / "journeys" / "jonge-ouders.yaml"
FORMATS = ("-f", "html", "-f", "markdown", "-f", "mermaid")


def cjm(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
    (in_tmp / "journeys").mkdir()
    shutil.copy(EXAMPLE, in_tmp / "journeys" / EXAMPLE.name)
    if not _xattrs(in_tmp):
        pytest.skip("this file system keeps no extended attributes: nothing is recorded")
    return in_tmp


def _xattrs(folder: Path) -> bool:
    try:
        os.setxattr(folder, "user.cjm.probe", b"1")
    except (OSError, AttributeError):
        return False
    return True


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def _nothing(project: Path) -> None:
    pass


def _journey(project: Path) -> None:
    path = project / "journeys" / EXAMPLE.name
    path.write_text(path.read_text(encoding="utf-8").replace("Jonge ouders", "Jonge ouders 2"))


def _output_edited(project: Path) -> None:
    (project / "build" / "jonge-ouders.md").write_text("edited by hand\n", encoding="utf-8")


def _output_removed(project: Path) -> None:
    (project / "build" / "jonge-ouders.mmd").unlink()


def _config(project: Path) -> None:
    (project / "cjm.yaml").write_text("language: en\n", encoding="utf-8")


def _template(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "templates" / "journey.md.j2").write_text("# {{ title }}\n", encoding="utf-8")


def _record_damaged(project: Path) -> None:
    os.setxattr(project / "build", cache.ATTRIBUTE, b"not a record")


@pytest.mark.parametrize(
    ("change", "skips"),
    [
        (_nothing, True),
        (_journey, False),
        (_output_edited, False),
        (_output_removed, False),
        (_config, False),
        (_template, False),
        (_record_damaged, False),
    ],
)
def test_second_render(
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: Callable[[Path], None],
    skips: bool,
) -> None:
    assert cjm("render", *FORMATS).exit_code == 0
    change(project)
    # What a full render gives for the changed project, in a folder without a record.
    full = cjm("render", *FORMATS, "--out", "full")
    assert full.exit_code == 0, full.output
    rendered: list[bool] = []
    real = cache.cached_outputs

    def spy(out_dir: Path, key: str) -> dict[str, bytes] | None:
        found = real(out_dir, key)
        rendered.append(found is None)
        return found

    monkeypatch.setattr("cjm.commands.render.cached_outputs", spy)
    second = cjm("render", *FORMATS)
    assert second.exit_code == 0, second.output
    assert rendered == [not skips]
    assert _files(project / "build") == _files(project / "full")
    # The second run wrote or confirmed every file and recorded them: --check reads them.
    check = cjm("render", *FORMATS, "--check")
    assert check.exit_code == 0, check.output
    # "files up to date" in the project's language (nl, or en after _config).
    assert re.search(r"\d+ (bestanden actueel|files up to date) in build", check.stdout)
    assert rendered == [not skips, False]


def test_check_after_a_hand_edit_is_stale(project: Path) -> None:
    assert cjm("render", "-f", "markdown").exit_code == 0
    (project / "build" / "jonge-ouders.md").write_text("edited\n", encoding="utf-8")
    result = cjm("render", "-f", "markdown", "--check")
    assert result.exit_code == 1
    assert "verouderd: build/jonge-ouders.md" in result.stdout


def test_without_extended_attributes_every_run_renders(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise OSError(95, "Operation not supported")

    monkeypatch.setattr(os, "setxattr", refuse)
    first = cjm("render", "-f", "markdown")
    second = cjm("render", "-f", "markdown")
    assert (first.exit_code, second.exit_code) == (0, 0)
    assert "0 geschreven, 2 ongewijzigd" in second.stdout


def test_the_key_has_the_libraries_versions_as_importlib_metadata_reads_them() -> None:
    from importlib import metadata

    for library, module in cache._LIBRARIES.items():
        assert cache._version(library, module) == metadata.version(library), library


@pytest.mark.parametrize(
    ("folders", "version"),
    [
        (["cjm_probe_lib-1.2.3.dist-info"], "1.2.3"),
        (["CJM.Probe-Lib-4.0.dist-info"], "4.0"),  # names compare normalised
        (["cjm_probe_lib_extra-2.0.dist-info"], "-"),  # another distribution
        # Not one dist-info folder: importlib.metadata decides.
        (["cjm_probe_lib-5.0.egg-info"], "5.0"),
        (["cjm_probe_lib-1.0.dist-info", "cjm_probe_lib-5.0.egg-info"], "1.0"),
        ([], "-"),
    ],
)
def test_a_library_version_comes_from_its_dist_info_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folders: list[str], version: str
) -> None:
    (tmp_path / "cjm_probe_lib").mkdir()
    (tmp_path / "cjm_probe_lib" / "__init__.py").write_text("", encoding="utf-8")
    for folder in folders:
        (tmp_path / folder).mkdir()
        if folder.endswith(".egg-info"):
            (tmp_path / folder / "PKG-INFO").write_text(
                "Metadata-Version: 2.1\nName: cjm-probe-lib\nVersion: 5.0\n", encoding="utf-8"
            )
    monkeypatch.syspath_prepend(str(tmp_path))
    cache._listing.cache_clear()
    assert cache._version("cjm-probe-lib", "cjm_probe_lib") == version
