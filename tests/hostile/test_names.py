"""Names that cannot become files (issue 10, class 5): refused before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from cjm.commands.render import _preflight
from cjm.errors import UsageError
from cjm.text import text_for
from tests.hostile.helpers import invoke, journey

NEW_REFUSED = [
    ("CJM", "makes the id 'cjm', which cjm keeps for itself (cjm.yaml or cjm.yml is"),
    ("c.j.m", "makes the id 'c-j-m'"),  # not reserved: shows the check is on the slug
    ("Index", "makes the id 'index', which cjm keeps for itself (cjm render writes"),
    ("INDEX!", "makes the id 'index'"),
    ("a" * 1000, "makes an id of 1000 characters, more than the 64 an id may have"),
    ("Ä" * 65, "makes an id of 65 characters"),
    ("!!!", "cannot make a file name from '!!!'"),
    ("日本語", "cannot make a file name from '日本語'"),
]


@pytest.mark.parametrize(("name", "message"), NEW_REFUSED, ids=lambda v: str(v)[:12])
def test_new_refuses_names_that_cannot_be_a_journey_file(
    tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "journeys").mkdir()
    done = invoke("new", name, cwd=tmp_path)
    if name == "c.j.m":
        assert done.code == 0 and (tmp_path / "journeys" / "c-j-m.yaml").is_file()
        return
    assert done.code == 2 and message in done.stderr, done.stderr
    assert list((tmp_path / "journeys").iterdir()) == []
    assert len(done.stderr) < 400  # a 1,000-character name is not echoed whole


def test_new_takes_the_longest_id_allowed(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    assert invoke("new", "a" * 64, cwd=tmp_path).code == 0
    assert invoke("lint", cwd=tmp_path).code == 0


def test_render_checks_every_output_before_writing_any(tmp_path: Path) -> None:
    (tmp_path / "journeys").mkdir()
    for persona in ("aaa", "zzz"):
        (tmp_path / "journeys" / f"{persona}.yaml").write_text(journey(persona))
    (tmp_path / "build" / "zzz.md").mkdir(parents=True)  # in the way of the last page
    done = invoke("render", "--format", "markdown", cwd=tmp_path)
    assert done.code == 2
    assert "nothing was written" in done.stderr and "zzz.md: a folder is in the way" in done.stderr
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == ["zzz.md"]


def test_render_refuses_a_name_too_long_for_the_file_system(tmp_path: Path) -> None:
    outputs = {"index.html": b"", "p" * 250 + ".html": b""}
    with pytest.raises(UsageError) as caught:
        _preflight(outputs, tmp_path / "build", text_for("en"))
    assert "the name is too long for the file system" in str(caught.value)
    assert not (tmp_path / "build").exists()
