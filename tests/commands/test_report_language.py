"""``cjm diff``, ``cjm analytics`` and ``cjm opportunities`` speak one language, chosen
once: ``--lang``, then ``cjm.yaml``'s ``language``, then English; errors too."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cjm

PLAN = ("journeys/jonge-ouders.yaml", "journeys/jonge-ouders-gepland.yaml")
EXPORT = "analytics/ga4-traffic-acquisition.csv"

COMMANDS = {
    "diff": (("diff", *PLAN, "--plan"), "gemiddelde emotie: 3,0 → 4,0 (beter)"),
    "analytics": (("analytics", EXPORT, "journeys/"), "27 rijen, 52.061 sessions"),
    "opportunities": (("opportunities",), "8 kansen, gerangschikt op impact ÷ inspanning"),
}
ENGLISH = {
    "diff": "average emotion: 3.0 → 4.0 (better)",
    "analytics": "27 rows, 52,061 sessions",
    "opportunities": "8 opportunities, ranked by impact ÷ effort",
}


def _project(root: Path, configured: str | None) -> Path:
    shutil.copytree(REPO / "journeys", root / "journeys")
    shutil.copytree(REPO / "analytics", root / "analytics")
    shutil.copy(REPO / "opportunities.yaml", root / "opportunities.yaml")
    (root / "bad.csv").write_text("Page path,Views\n/home,12\n", encoding="utf-8")
    (root / "cjm.yaml").write_text(
        f"language: {configured}\n" if configured else "journeys: journeys\n", encoding="utf-8"
    )
    return root


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("configured", "flag", "dutch"),
    [
        ("nl", None, True),
        ("nl", "en", False),
        ("en", "nl", True),
        (None, None, False),  # no language in cjm.yaml: English
    ],
    ids=["cjm.yaml nl", "--lang en over nl", "--lang nl over en", "none: English"],
)
def test_the_language_is_the_flag_then_cjm_yaml_then_english(
    tmp_path: Path, command: str, configured: str | None, flag: str | None, dutch: bool
) -> None:
    args, dutch_line = COMMANDS[command]
    extra = ("--lang", flag) if flag else ()
    done = run_cjm(*args, *extra, cwd=_project(tmp_path, configured))
    assert done.returncode == 0, done.stderr
    assert (dutch_line if dutch else ENGLISH[command]) in done.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_language_is_a_usage_error(tmp_path: Path, command: str) -> None:
    args, _ = COMMANDS[command]
    done = run_cjm(*args, "--lang", "de", cwd=_project(tmp_path, "nl"))
    assert done.returncode == 2
    assert "--lang" in done.stderr and "must be one of en, nl, got 'de'" in done.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("diff", "journeys/jonge-ouders.yaml", "nowhere.yaml"),
            "cjm: fout: 'nowhere.yaml' bestaat niet\n",
        ),
        (
            ("opportunities", "--status", "klaar"),
            "cjm: fout: --status: onbekende status 'klaar' "
            "(statussen: idea, planned, in-progress, done, dropped)\n",
        ),
        (
            ("analytics", "bad.csv", "journeys/"),
            "cjm: fout: bad.csv:1:1: verwacht een kopregel met een kolom "
            "'Session source / medium' (een GA4-export) of de kolommen 'source' en 'medium' "
            "(een gewone CSV); gevonden: 'Page path', 'Views'\n",
        ),
    ],
    ids=["diff", "opportunities", "analytics"],
)
def test_errors_speak_the_language_with_their_place_kept(
    tmp_path: Path, args: tuple[str, ...], expected: str
) -> None:
    done = run_cjm(*args, cwd=_project(tmp_path, "nl"))
    assert done.returncode == 2
    assert done.stderr == expected
    english = run_cjm(*args, "--lang", "en", cwd=tmp_path)
    assert english.stderr.startswith("cjm: error: ")
