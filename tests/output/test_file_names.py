"""A journey file whose name is not UTF-8: every lint format shows it, none crashes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SHOWN = {
    "text": "j/\\xff.yaml:1:",
    "json": '"path": "j/\\\\xff.yaml"',
    "github": "::error file=j/\\xff.yaml,line=1",
    "sarif": '"uri": "j/%FF.yaml"',
    "csv": "j/\\xff.yaml,1,",
}


@pytest.mark.parametrize("output_format", SHOWN)
def test_an_undecodable_file_name_is_shown_escaped(tmp_path: Path, output_format: str) -> None:
    folder = tmp_path / "j"
    folder.mkdir()
    journey = b"persona: {name: A}\nphases:\n  - id: orientation\n    touchpoints: []\n"
    (Path(os.fsdecode(os.fsencode(folder) + b"/\xff.yaml"))).write_bytes(journey)
    (tmp_path / "cjm.yaml").write_text("language: en\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "cjm", "lint", "j", "--format", output_format],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr == b""
    assert SHOWN[output_format].encode() in result.stdout
    result.stdout.decode("utf-8")  # and the report is UTF-8
