"""cjm.yaml: found upward, defaults without it, errors at their line (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.config import find_config, load_config
from cjm.errors import ConfigError


def test_defaults_without_a_config(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.path is None
    assert (config.model.name, config.language, config.journeys_dir) == (
        "five-phase",
        "en",
        tmp_path / "journeys",
    )


def test_found_by_walking_up_and_paths_relative_to_it(tmp_path: Path) -> None:
    (tmp_path / "cjm.yaml").write_text("model: four-stage\nlanguage: en\njourneys: maps\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "cjm.yaml"
    config = load_config(deep)
    assert (config.model.name, config.language) == ("four-stage", "en")
    assert config.journeys_dir == tmp_path / "maps"


def test_inline_model(tmp_path: Path) -> None:
    (tmp_path / "cjm.yaml").write_text(
        "model:\n  - {id: kennismaken, name: Kennismaken}\n  - {id: kopen, purchase: true}\n"
        "  - {id: nazorg, optional: true}\n"
    )
    model = load_config(tmp_path).model
    assert (model.preset, model.ids, model.purchase_index) == (
        False,
        ("kennismaken", "kopen", "nazorg"),
        1,
    )
    assert model.phases[0].name("en") == "Kennismaken" and model.phases[2].optional


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        ("model: fivephase\n", "cjm.yaml:1:8", "did you mean 'five-phase'?"),
        ("language: de\n", "cjm.yaml:1:11", "'language' must be one of en, nl, got 'de'"),
        ("modle: five-phase\n", "cjm.yaml:1:1", "unknown key 'modle' — did you mean 'model'?"),
        ("model: [\n", "cjm.yaml:2:1", ""),
        ("a: 1\na: 2\n", "cjm.yaml:2:1", "appears twice"),
        ("render:\n  lang: de\n", "cjm.yaml:2:9", "render: 'lang' must be one of en, nl, got 'de'"),
        ("render:\n  outt: site\n", "cjm.yaml:2:3", "unknown key 'outt' — did you mean 'out'?"),
        ("render: html\n", "cjm.yaml:1:9", "'render' must be a mapping"),
        ("render:\n  formats: html\n", "cjm.yaml:2:12", "render: 'formats' must be a list"),
    ],
)
def test_invalid_config_names_the_line(
    tmp_path: Path, text: str, where: str, fragment: str
) -> None:
    (tmp_path / "cjm.yaml").write_text(text)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path}/{where}: ")
    assert fragment in str(caught.value)
    assert caught.value.exit_code == 2
