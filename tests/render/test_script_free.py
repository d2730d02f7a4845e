"""What ``cjm render`` writes has no script: the reload script exists only in ``cjm serve``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import REPO, run_cjm


def test_rendered_files_have_no_script(tmp_path: Path) -> None:
    shutil.copytree(REPO / "journeys", tmp_path / "journeys")
    done = run_cjm(
        "render",
        "journeys",
        *("-f", "html", "-f", "markdown", "-f", "mermaid"),
        *("--out", "out", "--analytics", REPO / "analytics" / "ga4-traffic-acquisition.csv"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    written = sorted((tmp_path / "out").iterdir())
    assert len(written) == 4 * 3 + 2
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script|javascript:|<[^>]*\son[a-z]+\s*=", text, re.I), path
