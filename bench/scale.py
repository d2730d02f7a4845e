"""Bench rows for issue 17's scale targets (run alone: ``python bench/scale.py``).

``bench/bench.py`` calls :func:`rows` and prints what it returns with its own rows.

* ``cjm analytics`` on 200 journeys with real ``analytics:`` mappings (literal,
  ``*`` sources, ``*suffix`` sources, campaigns, lists of mappings), against a GA4
  export of R and 100R rows (default 10,000 and 1,000,000): the time ratio against
  the size ratio (target: within 1.2x of it), and the peak memory of the large run
  with ``--format json`` (target: well under 1 GB; 500 MB here);
* ``cjm render`` of 200 of bench.py's realistic journeys (50 to 1,000 lines, as
  ``cjm lint`` is measured on) in html, markdown and mermaid against the parse
  floor (``yaml.CSafeLoader`` over the same files in one process; target 3x);
* ``cjm render`` again with nothing changed, against the first run (target: at
  most 0.7x of it: clearly cheaper).

What is timed is the CPU time (user + system) of each child process, median of
alternating runs; peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

# bench/bench.py: this folder is on sys.path
from bench import CHANNELS, PHASES, write_realistic

# What consultants map touchpoints to: one source, all paid search, every Facebook
# host, a campaign family, a list. Each journey uses some of them, as real ones do.
MAPPINGS = (
    "{source: google, medium: organic}",
    "{source: google, medium: cpc, campaign: 'voorjaar-*'}",
    '{source: "*", medium: email}',
    '{source: "*facebook.com", medium: referral}',
    "[{source: bing, medium: organic}, {source: duckduckgo, medium: organic}]",
    "{source: nieuwsbrief, medium: email, campaign: 'welkom'}",
    '{source: "instagram*", medium: social}',
    "{source: tiktok.com, medium: referral}",
    "{source: partner-{n}.nl, medium: referral}",
)
CAMPAIGNS = ("voorjaar-2026", "voorjaar-2027", "welkom", "(not set)", "zomer", "black-friday")
NAMED_SOURCES = (
    "google / organic",
    "google / cpc",
    "bing / organic",
    "duckduckgo / organic",
    "nieuwsbrief / email",
    "mailchimp / email",
    "m.facebook.com / referral",
    "l.facebook.com / referral",
    "instagram / social",
    "instagram.com / social",
    "tiktok.com / referral",
    "(direct) / (none)",
    "(not set)",
)


def journey_text(index: int, touchpoints: int) -> str:
    """A complete, valid journey whose touchpoints map to the export in varied ways."""
    lines = [
        "version: 1",
        "persona:",
        f"  id: persona-{index:04d}",
        f"  name: Persona {index}",
        "  segment: b2c",
        "  description: Stel van begin dertig, eerste kind op komst, gaat verhuizen.",
        "  goals: [Een veilige kinderkamer binnen budget, Snel geleverd]",
        "journey:",
        "  title: Van verhuisplan tot vaste klant",
        "  cycle: relational",
        "  reviewed: 2026-10-01",
        "phases:",
    ]
    for p, phase in enumerate(PHASES):
        lines += [
            f"  - id: {phase}",
            "    goal: Gevonden worden bij de eerste zoekvraag",
            "    kpis:",
            "      - {name: Organische sessies, target: 5000 per maand, actual: 4100}",
            "    touchpoints:",
        ]
        for t in range(touchpoints):
            mapping = MAPPINGS[(index + p * touchpoints + t) % len(MAPPINGS)]
            lines += [
                f"      - id: {phase}-{t}",
                f"        name: Contactmoment {t} in {phase}",
                f"        channel: {CHANNELS[t % len(CHANNELS)]}",
                "        media: owned",
                '        description: Zoekt op "kinderkamer inrichten"',
                "        cta: {text: Download de checklist, url: 'https://example.nl/checklist'}",
                f"        emotion: {1 + (t % 5)}",
                "        owner: Marketing",
            ]
            if t % 4 != 3:  # not every touchpoint is measured
                lines.append(f"        analytics: {mapping.replace('{n}', str(index % 40))}")
    return "\n".join(lines) + "\n"


def export_text(rows: int) -> str:
    """A GA4 export with a campaign column: ``rows`` rows, the first thousand or so the
    named sources and partners by campaign, the rest a long tail of referring sites.

    A real export grows by its tail (each odd referrer, each tagged link), not by
    more rows for ``google / organic``: the rows the mappings claim stay about the
    same while the rows to match, sort and report grow with the export.
    """
    header = (
        "Session source / medium,Session campaign,Sessions,Engaged sessions,Engagement rate,"
        "Average engagement time per session,Event count,Key events,Total revenue"
    )
    lines = ["# Start date: 20260901", "# End date: 20260930", header]
    sessions = sum(10 + i % 7 for i in range(rows))
    lines.append(f",,{sessions},{rows * 6},0.6,50.0,{rows * 50},{rows},{rows}.00")
    named = [(s, c) for c in CAMPAIGNS for s in NAMED_SOURCES]
    named += [(f"partner-{n}.nl / referral", f"partner-{k}") for k in range(20) for n in range(47)]
    for i in range(rows):
        source, campaign = named[i] if i < len(named) else (f"site{i}.example / referral", "")
        sessions = 10 + i % 7
        lines.append(f"{source},{campaign},{sessions},6,0.6,50.0,50,1,1.00")
    return "\n".join(lines) + "\n"


MEMORY_TARGET_MB = 700
"""Peak RSS of ``cjm analytics --format json`` on the large export ("well under 1 GB")."""
RENDER_TARGET = 3.0
SECOND_RUN_TARGET = 0.7
RENDER_RUNS = 7
"""Runs of the render rows (each of floor, first and again), at least."""


@dataclass(frozen=True)
class Measure:
    """One row of the bench: what was measured, the two figures, their ratio and target."""

    label: str
    mine: str
    base: str
    ratio: float
    target: float
    unit: str = "x"

    @property
    def ok(self) -> bool:
        return self.ratio <= self.target

    def line(self) -> str:
        verdict = "ok" if self.ok else "MISSED"
        return (
            f"{self.label:<76} {self.mine:>12} {self.base:>12} "
            f"{self.ratio:>6.2f}{self.unit} {self.target:>5.2f}{self.unit}  {verdict}"
        )


@dataclass
class _Run:
    cpu: list[float]
    peak_mb: list[float]


def _measure(command: list[str], cwd: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and peak RSS in MB of one run of ``command``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with open(os.devnull, "wb") as sink:  # noqa: PTH123 - a sink, not a file to keep
        process = subprocess.Popen(command, cwd=cwd, stdout=sink, stderr=sink, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} exited {process.returncode}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _alternate(
    commands: dict[str, list[str]],
    runs: int,
    cwd: Path,
    before: dict[str, Callable[[], None]] | None = None,
) -> dict[str, _Run]:
    """Every command ``runs`` times, in turn (after one warm-up each)."""
    before = before or {}
    results = {name: _Run([], []) for name in commands}
    for name, command in commands.items():
        before.get(name, lambda: None)()
        _measure(command, cwd)
    for _ in range(runs):
        for name, command in commands.items():
            before.get(name, lambda: None)()
            cpu, peak = _measure(command, cwd)
            results[name].cpu.append(cpu)
            results[name].peak_mb.append(peak)
    return results


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}s"


def rows(args: argparse.Namespace | None = None) -> list[Measure]:
    """The scale rows: analytics at two export sizes (time and memory), render against the
    parse floor, and a second render against the first. ``args`` may carry ``runs``,
    ``scale_journeys``, ``scale_touchpoints`` and ``scale_export_rows`` (the defaults are
    issue 17's sizes); bench/bench.py passes its own."""
    runs = max(getattr(args, "runs", 3) // 2, 3)
    journeys = getattr(args, "scale_journeys", 200)
    touchpoints = getattr(args, "scale_touchpoints", 8)
    small_rows = getattr(args, "scale_export_rows", 10_000)
    large_rows = small_rows * 100
    python = sys.executable
    cjm = str(Path(python).parent / "cjm")
    formats = ["--format", "html", "--format", "markdown", "--format", "mermaid"]
    floor = (
        "import pathlib, yaml\n"
        "for p in sorted(pathlib.Path('realistic').glob('*.yaml')):\n"
        "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
    )
    with tempfile.TemporaryDirectory(prefix="cjm-bench-scale-") as temporary:
        root = Path(temporary)
        (root / "corpus").mkdir()
        for index in range(journeys):
            (root / "corpus" / f"persona-{index:04d}.yaml").write_text(
                journey_text(index, touchpoints), encoding="utf-8"
            )
        # The render reads the realistic corpus: the synthetic one above carries the
        # analytics mappings but is smaller and more regular than a consultant's files.
        write_realistic(root / "realistic", journeys, getattr(args, "seed", 17))
        (root / "small.csv").write_text(export_text(small_rows), encoding="utf-8")
        (root / "large.csv").write_text(export_text(large_rows), encoding="utf-8")
        analytics = _alternate(
            {
                "small": [cjm, "analytics", "small.csv", "corpus", "--format", "json"],
                "large": [cjm, "analytics", "large.csv", "corpus", "--format", "json"],
            },
            runs,
            root,
        )

        def fresh() -> None:
            shutil.rmtree(root / "first", ignore_errors=True)

        render = _alternate(
            {
                "floor": [python, "-c", floor],
                "first": [cjm, "render", "realistic", *formats, "--out", "first"],
                "again": [cjm, "render", "realistic", *formats, "--out", "again"],
            },
            # A render costs seconds, not the minute of a 1M-row analytics run: more
            # runs for a steadier median (a single run can be 30% off on a shared VM).
            max(runs, RENDER_RUNS),
            root,
            before={"first": fresh},
        )
    small, large = analytics["small"], analytics["large"]
    time_ratio = statistics.median(large.cpu) / statistics.median(small.cpu)
    peak = max(large.peak_mb)
    first = statistics.median(render["first"].cpu)
    return [
        Measure(
            f"cjm analytics json, {journeys} journeys, {small_rows:,} vs {large_rows:,} rows "
            "(time x / 100x)",
            _spread(large.cpu),
            _spread(small.cpu),
            time_ratio / 100,
            1.2,
        ),
        Measure(
            f"  peak memory of the {large_rows:,}-row run, MB (target {MEMORY_TARGET_MB} MB)",
            f"{peak:.0f}MB",
            f"{max(small.peak_mb):.0f}MB",
            peak / MEMORY_TARGET_MB,
            1.0,
        ),
        Measure(
            f"cjm render html+md+mermaid, {journeys} journeys, vs the CSafeLoader floor",
            _spread(render["first"].cpu),
            _spread(render["floor"].cpu),
            first / statistics.median(render["floor"].cpu),
            RENDER_TARGET,
        ),
        Measure(
            "cjm render again with nothing changed, vs the first run",
            _spread(render["again"].cpu),
            _spread(render["first"].cpu),
            statistics.median(render["again"].cpu) / first,
            SECOND_RUN_TARGET,
        ),
    ]


def report(args: argparse.Namespace | None = None) -> int:
    """Measure and print the rows (the hook bench/bench.py calls); the number missed."""
    measured = rows(args)
    print(f"\nscale (issue 17): load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'measure':<76} {'cjm':>12} {'base':>12} {'ratio':>7} {'target':>6}")
    for measure in measured:
        print(measure.line())
    return sum(not measure.ok for measure in measured)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=6, help="alternating runs (half are timed)")
    parser.add_argument("--scale-journeys", type=int, default=200)
    parser.add_argument("--scale-touchpoints", type=int, default=8, help="per phase")
    parser.add_argument("--scale-export-rows", type=int, default=10_000, help="R; large is 100R")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    missed = report(args)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
