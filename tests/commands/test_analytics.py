"""``cjm analytics`` end to end: exit codes, streams, flags, and the shipped example."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import REPO, run_cjm

EXAMPLE = REPO / "analytics" / "ga4-traffic-acquisition.csv"
JOURNEYS = REPO / "journeys"


cjm = run_cjm  # every test here runs cjm in a real process


def test_example_export_against_example_journeys(in_tmp: Path) -> None:
    run = cjm("analytics", EXAMPLE, JOURNEYS, cwd=in_tmp)
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[1].startswith("period: September 1, 2026 to September 30, 2026; GA4")
    gaps = lines[
        lines.index("gaps: traffic no touchpoint claims, largest first (share of sessions)") :
    ]
    assert [line.split()[0] for line in gaps[2:5]] == ["bing", "chatgpt.com", "l.facebook.com"]
    assert (
        "  no traffic: contractverlenging (renewal / email): no row of the export matches" in lines
    )
    # The examples share sources across personas, but no journey counts a row twice.
    assert run.stderr == ""


def test_fail_on_gaps_respects_min_share(in_tmp: Path) -> None:
    assert cjm("analytics", EXAMPLE, JOURNEYS, "--fail-on-gaps", cwd=in_tmp).returncode == 1
    # The largest gap, bing / cpc, is 2.7% of sessions.
    relaxed = cjm(
        "analytics", EXAMPLE, JOURNEYS, "--fail-on-gaps", "--min-share", "0.03", cwd=in_tmp
    )
    assert relaxed.returncode == 0, relaxed.stderr
    assert "gaps: none at or above --min-share 0.03\n" in relaxed.stdout
    assert "(6 smaller gaps below --min-share 0.03 not shown)" in relaxed.stdout


def test_output_file_json(in_tmp: Path) -> None:
    run = cjm("analytics", EXAMPLE, JOURNEYS, "-f", "json", "-o", "out/report.json", cwd=in_tmp)
    assert (run.returncode, run.stdout) == (0, "")
    written = (in_tmp / "out" / "report.json").read_bytes()
    assert written.startswith(b'{\n  "export": {') and written.endswith(b"}\n")
    assert b"\r" not in written


def test_bad_export_is_exit_2_with_file_line_column(in_tmp: Path) -> None:
    (in_tmp / "pages.csv").write_text("Page path,Views\n/home,12\n", encoding="utf-8")
    run = cjm("analytics", "pages.csv", JOURNEYS, cwd=in_tmp)
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.startswith(
        "cjm: error: pages.csv:1:1: expected a header with a 'Session source / medium' column"
    )
    assert "Traceback" not in run.stderr


def test_usage_errors_are_exit_2(in_tmp: Path) -> None:
    assert cjm("analytics", "missing.csv", JOURNEYS, cwd=in_tmp).returncode == 2
    assert cjm("analytics", EXAMPLE, "nowhere/", cwd=in_tmp).returncode == 2
    assert cjm("analytics", EXAMPLE, JOURNEYS, "--min-share", "1.5", cwd=in_tmp).returncode == 2
    wrong = cjm("analytics", EXAMPLE, JOURNEYS, "--format", "xml", cwd=in_tmp)
    assert wrong.returncode == 2
    assert "must be one of text, csv, json, markdown" in wrong.stderr


def test_a_double_claim_is_in_the_report_not_on_stderr(in_tmp: Path) -> None:
    (in_tmp / "j.yaml").write_text(
        "persona: {id: j, name: J}\nphases:\n"
        "  - id: orientation\n    touchpoints:\n"
        "      - {id: a, name: A, channel: search, analytics: {source: google, medium: organic}}\n"
        "  - id: consideration\n    touchpoints:\n"
        "      - {id: b, name: B, channel: web, analytics: [{source: google, medium: organic}]}\n",
        encoding="utf-8",
    )
    for fmt, line in [
        ("text", "  {path}:{row}: 'google / organic' is claimed by 2 touchpoints of one journey"),
        ("markdown", "- {path}:{row}: 'google / organic' is claimed by 2 touchpoints of one"),
        ("json", "    \"{path}:{row}: 'google / organic' is claimed by 2 touchpoints of one"),
    ]:
        run = cjm("analytics", EXAMPLE, "j.yaml", "-f", fmt, cwd=in_tmp)
        assert (run.returncode, run.stderr) == (0, "")
        row = next(
            n
            for n, text in enumerate(EXAMPLE.read_text(encoding="utf-8-sig").splitlines(), 1)
            if text.startswith("google / organic,")
        )
        assert line.format(path=EXAMPLE, row=row) in run.stdout
