"""The format registries: a format is a module in its command's folder, nothing more."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from cjm.analytics.report import FORMATS as ANALYTICS
from cjm.diff.report import FORMATS as DIFF
from cjm.lint.report import FORMATS as LINT
from cjm.output.registry import Registry
from cjm.render.formats import FORMATS as RENDER
from tests.conftest import REPO, run_cjm

REGISTRIES: dict[str, tuple[Registry[object], tuple[str, ...]]] = {
    "lint": (LINT, ("summary", "stream", "color")),
    "diff": (DIFF, ("summary", "stream", "color")),
    "analytics": (ANALYTICS, ("summary", "stream", "color")),
    "render": (RENDER, ("site",)),
}


@pytest.mark.parametrize("command", REGISTRIES)
def test_the_formats_are_the_modules_of_the_folder(command: str) -> None:
    registry, _ = REGISTRIES[command]
    folder = REPO / "src" / Path(*registry.package.split("."))
    modules = {p.stem for p in folder.glob("*.py") if not p.name.startswith("_")}
    assert set(registry.names()) == modules
    assert registry.names()[0] == registry.default


@pytest.mark.parametrize("command", REGISTRIES)
def test_every_format_has_the_one_signature(command: str) -> None:
    registry, parameters = REGISTRIES[command]
    for name in registry.names():
        entry = registry.get(name)
        assert callable(entry)
        assert tuple(inspect.signature(entry).parameters) == parameters, f"{command} {name}"


def test_an_unknown_format_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        LINT.get("xml")


@pytest.mark.parametrize("command", REGISTRIES)
def test_the_cli_offers_exactly_the_registered_formats(command: str, tmp_path: Path) -> None:
    registry, _ = REGISTRIES[command]
    result = run_cjm(command, "--format", "xml", "a", "b", cwd=tmp_path)
    assert result.returncode == 2
    shown = " ".join(result.stderr.replace("│", " ").split())  # rich's box, unwrapped
    assert f"must be one of {', '.join(registry.names())}, got 'xml'" in shown
