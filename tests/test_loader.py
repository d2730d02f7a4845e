"""Finding journey files and loading them into models (problems as values)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.config import Config
from cjm.errors import UsageError
from cjm.loader import discover, load_journey, load_text

MINIMAL = "persona: {name: A}\nphases: [{id: orientation}]\n"


def test_discover_walks_folders_sorted_and_skips_hidden_and_config(in_tmp: Path) -> None:
    for name in [
        "j/b.yaml",
        "j/a.yml",
        "j/sub/c.yaml",
        "j/.hidden/d.yaml",
        "j/.e.yaml",
        "j/cjm.yaml",
        "j/notes.txt",
    ]:
        (in_tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (in_tmp / name).write_text(MINIMAL)
    found = discover([Path("j")], Config(root=in_tmp))
    assert [str(p) for p in found] == ["j/a.yml", "j/b.yaml", "j/sub/c.yaml"]


def test_discover_takes_named_files_as_they_are_and_once(in_tmp: Path) -> None:
    (in_tmp / "journey.txt").write_text(MINIMAL)
    found = discover([Path("journey.txt"), Path("./journey.txt")], Config(root=in_tmp))
    assert found == [Path("journey.txt")]


def test_discover_defaults_to_the_journeys_folder(in_tmp: Path) -> None:
    (in_tmp / "journeys").mkdir()
    (in_tmp / "journeys" / "a.yaml").write_text(MINIMAL)
    assert discover([], Config(root=in_tmp)) == [Path("journeys/a.yaml")]


@pytest.mark.parametrize("given", [[Path("missing.yaml")], []])
def test_discover_refuses_missing_paths(in_tmp: Path, given: list[Path]) -> None:
    with pytest.raises(UsageError):
        discover(given, Config(root=in_tmp))


def test_persona_id_defaults_to_the_file_stem() -> None:
    loaded = load_text(MINIMAL.encode(), "journeys/jonge-ouders.yaml", Config(root=Path()))
    assert loaded.journey is not None and loaded.persona_id == "jonge-ouders"


def test_a_stem_that_is_no_slug_needs_an_id() -> None:
    loaded = load_text(MINIMAL.encode(), "journeys/Jonge Ouders.yaml", Config(root=Path()))
    assert loaded.journey is None
    assert [(rule, f.path) for rule, f in loaded.findings] == [("schema", ("persona",))]


def test_extensions_and_shorthand_are_kept() -> None:
    text = (
        "x-workshop: sept\npersona: {name: 2025, x-bron: interviews}\n"
        "phases:\n  - id: orientation\n    touchpoints:\n"
        "      - {id: a, name: A, channel: search, cta: Bel ons}\n"
    )
    journey = load_text(text.encode(), "j.yaml", Config(root=Path())).journey
    assert journey is not None
    assert journey.extensions == {"x-workshop": "sept"}
    assert journey.persona.extensions == {"x-bron": "interviews"}
    assert journey.persona.name == "2025"  # a number where text is expected is text
    cta = journey.phases[0].touchpoints[0].cta
    assert cta is not None and (cta.text, cta.url) == ("Bel ons", None)


def test_journey_model_overrides_the_project_model() -> None:
    text = "journey: {model: four-stage}\n" + MINIMAL
    loaded = load_text(text.encode(), "j.yaml", Config(root=Path()))
    assert loaded.model is not None and loaded.model.name == "four-stage"


def test_unreadable_file_is_a_problem_not_a_crash(in_tmp: Path) -> None:
    (in_tmp / "dir.yaml").mkdir()
    loaded = load_journey(in_tmp / "dir.yaml", Config(root=in_tmp))
    assert loaded.journey is None
    assert loaded.findings[0][0] == "yaml-syntax"
    assert "this is a folder, not a file" in str(loaded.findings[0][1].message)


def test_a_loaded_document_keeps_positions_as_integers_not_parser_nodes() -> None:
    # Issue 17: kept libyaml nodes made every full garbage collection re-scan them.
    raw = b"version: 1\npersona:\n  id: x\n  name: X\nphases: []\n"
    document = load_text(raw, "x.yaml", Config(root=Path())).document
    assert document is not None and document.nodes == {}
    # Nor the parsed data: the journey is the model, and positions are found without it.
    assert document.data is None
    assert document.values[("persona", "name")] == (4, 9, 4, 10)
    assert document.keys[("persona", "name")] == (4, 3, 4, 7)
    # Six values (the root, version, persona, id, name, phases), nine integers each.
    assert document.spans.typecode == "i" and len(document.spans) == 9 * 6
