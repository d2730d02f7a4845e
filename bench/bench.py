"""How much cjm adds on top of its own stack, as ratios (run: ``make bench``).

A linter runs on every commit, so both start-up and throughput matter. Each
figure compares a cjm command with the floor it cannot go below:

1. ``cjm lint`` on a synthetic corpus vs parsing the same files with
   ``yaml.CSafeLoader`` in one Python process (target: within 1.5x, issue 17);
2. ``cjm --version`` vs ``python -c "import typer"`` (target: within 1.25x);
3. ``cjm lint`` on one small journey, output piped, vs
   ``python -c "import typer, yaml; from pydantic import BaseModel"`` (target: within 1.5x).

4. ``cjm lint`` on a 20,000-line journey with a suppression comment every ten
   lines vs the same file without them (target: within 2x: suppressions are
   looked up, never scanned, so they cost time linear in the file).

A last row is a reference, not a target: typer's own cost of parsing the
``cjm lint`` command line (the real command's signature with a body that does
nothing). Typer 0.2x builds a pydantic adapter for every option on every run, so
that part of row 3 belongs to the stack, not to cjm.

Then one row per command at two sizes, for linearity: ``cjm lint``, ``cjm render``
(html, markdown, mermaid), ``cjm diff`` (two folders, 5% of the journeys
changed) on N and 4N journeys, and ``cjm analytics`` on an export of R and 10R
rows. Each row prints the median CPU time at both sizes, the spread (fastest to
slowest run) and the time ratio against the size ratio (target: within 1.2x of
it, i.e. time per journey or row no worse than 1.2x at the larger size).

A last row is absolute, because its promise is: ``cjm serve`` re-rendering the
example project after one journey changed (read, lint, render every page, as in
a workshop), in this process, against a target of well under a second.

Commands run alternately, several times each; the median counts. What is timed
is the CPU time (user + system) of each child process, not the wall clock: on a
busy machine (CI, a laptop compiling something) wall time mostly measures the
neighbours, while CPU time stays what the command itself costs.
Exits 1 when a target is missed and ``--strict`` is given.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SERVE_TARGET_SECONDS = 0.5

PHASES = ("orientation", "consideration", "purchase", "use", "loyalty")
CHANNELS = ("search", "social", "email", "website", "store", "chat", "whatsapp", "phone")


def journey_text(index: int, touchpoints: int) -> str:
    """A complete, valid journey: every field a consultant fills in."""
    lines = [
        "version: 1",
        "persona:",
        f"  id: persona-{index:04d}",
        f"  name: Persona {index}",
        "  segment: b2c",
        "  description: Stel van begin dertig, eerste kind op komst, gaat verhuizen.",
        "  goals: [Een veilige kinderkamer binnen budget, Snel geleverd]",
        "  pain_points: [Weinig tijd, Te veel keuze]",
        "  life_events: [Gezinsuitbreiding, Verhuizing]",
        "journey:",
        "  title: Van verhuisplan tot vaste klant",
        "  cycle: relational",
        "  tone_of_voice: warm, informeel",
        "  reviewed: 2026-10-01",
        "phases:",
    ]
    for phase in PHASES:
        lines += [
            f"  - id: {phase}",
            "    goal: Gevonden worden bij de eerste zoekvraag",
            "    doing: Zoekt inspiratie",
            "    thinking: Waar begin ik?",
            "    feeling: Enthousiast maar overweldigd",
            "    kpis:",
            "      - {name: Organische sessies, target: 5000 per maand, actual: 4100}",
            "    touchpoints:",
        ]
        for t in range(touchpoints):
            lines += [
                f"      - id: {phase}-{t}",
                f"        name: Contactmoment {t} in {phase}",
                f"        channel: {CHANNELS[t % len(CHANNELS)]}",
                "        media: owned",
                "        senses: [see, hear]",
                '        description: Zoekt op "kinderkamer inrichten"',
                "        cta:",
                "          text: Download de checklist",
                "          url: https://example.nl/checklist",
                f"        emotion: {1 + (t % 5)}",
                "        pain_points: [Veel advertenties]",
                "        opportunities: [Eigen checklist hoger laten ranken]",
                "        owner: Marketing",
                "        analytics: {source: google, medium: organic}",
            ]
    return "\n".join(lines) + "\n"


def backlog_text(files: int, touchpoints: int, count: int) -> str:
    """``count`` opportunities, each linking five touchpoints or phases across the corpus."""
    lines = ["opportunities:"]
    for index in range(count):
        links = []
        for n in range(5):
            persona = f"persona-{(index * 7 + n * 13) % files:04d}"
            phase = PHASES[(index + n) % len(PHASES)]
            step = phase if n == 4 else f"{phase}-{(index + n) % touchpoints}"
            links.append(f"{persona}/{step}")
        lines.append(
            f"  - {{id: kans-{index}, title: Hoe kunnen we {index}?, links: [{', '.join(links)}], "
            f"impact: {1 + index % 5}, effort: {1 + (index * 3) % 5}, status: planned}}"
        )
    return "\n".join(lines) + "\n"


def suppressed_text(lines: int, suppress: bool) -> str:
    """A journey of about ``lines`` lines, one ten-line touchpoint after another.

    No touchpoint has an owner (``missing-owner``); with ``suppress`` each one says
    so in a comment on its first line, so every tenth line holds a suppression.
    """
    comment = "  # cjm: disable=missing-owner -- agency-run" if suppress else ""
    out = ["version: 1", "persona:", "  id: many", "  name: Many", "phases:"]
    per_phase = max(lines // 10 // len(PHASES), 1)
    for phase in PHASES:
        out += [f"  - id: {phase}", "    touchpoints:"]
        for t in range(per_phase):
            out += [
                f"      - id: {phase}-{t}{comment}",
                f"        name: Contactmoment {t}",
                f"        channel: {CHANNELS[t % len(CHANNELS)]}",
                "        media: owned",
                '        description: Zoekt op "kinderkamer inrichten"',
                "        cta:",
                "          text: Download de checklist",
                "          url: https://example.nl/checklist",
                f"        emotion: {1 + (t % 5)}",
                "        opportunities: [Eigen checklist hoger laten ranken]",
            ]
    return "\n".join(out) + "\n"


def export_text(rows: int) -> str:
    """A GA4 'Traffic acquisition' export: totals, the corpus's own source, then ``rows``."""
    header = (
        "Session source / medium,Sessions,Engaged sessions,Engagement rate,"
        "Average engagement time per session,Events per session,Event count,Key events,"
        "Session key event rate,Total revenue"
    )
    lines = ["# Start date: 20260901", "# End date: 20260930", header]
    lines.append(f",{rows * 10 + 500},{rows * 6},0.6,50.0,5.0,{rows * 50},{rows},0.02,{rows}.00")
    lines.append("google / organic,500,300,0.6,50.0,5.0,2500,10,0.02,100.00")
    lines += [
        f"site{i}.example / {('referral', 'cpc', 'email')[i % 3]},10,6,0.6,50.0,5.0,50,1,0.02,1.00"
        for i in range(rows)
    ]
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, files: int, touchpoints: int, changed_every: int = 0) -> None:
    """``files`` journeys; with ``changed_every``, every so many has one touchpoint renamed."""
    folder.mkdir(parents=True)
    for index in range(files):
        text = journey_text(index, touchpoints)
        if changed_every and index % changed_every == 0:
            text = text.replace("name: Contactmoment 1 in", "name: Gewijzigd moment 1 in", 1)
        (folder / f"persona-{index:04d}.yaml").write_text(text, encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_seconds(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    """Median CPU seconds per command, running the commands in turn to share any drift."""
    return {
        name: statistics.median(values) for name, values in run_times(commands, runs, cwd).items()
    }


def run_times(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, list[float]]:
    """CPU seconds of every run per command, the commands alternating run by run."""
    # An installed cjm runs from compiled bytecode; an editable install in a shell
    # with PYTHONDONTWRITEBYTECODE would recompile every module on every run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for command in commands.values():  # one warm-up each: file cache, .pyc files
        subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=env)
    for _ in range(runs):
        for name, command in commands.items():
            start = _children_cpu()
            subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=env)
            times[name].append(_children_cpu() - start)
    return times


def serve_rebuild_seconds(runs: int) -> float:
    """Median CPU seconds of cjm serve's re-render after one example journey changed."""
    from cjm.serve.site import Site

    with tempfile.TemporaryDirectory(prefix="cjm-bench-serve-") as temporary:
        root = Path(temporary)
        shutil.copytree(REPO / "journeys", root / "journeys")
        (root / "cjm.yaml").write_text("language: nl\n", encoding="utf-8")
        journey = root / "journeys" / "jonge-ouders.yaml"
        original = journey.read_text(encoding="utf-8")
        before = Path.cwd()
        os.chdir(root)  # the site finds cjm.yaml from the working directory, as cjm does
        try:
            site = Site([])
            site.build(strict=True)
            times = []
            for run in range(runs):
                changed = original.replace("name: Jonge ouders", f"name: Jonge ouders {run}", 1)
                journey.write_text(changed, encoding="utf-8")
                start = time.process_time()
                build = site.build({journey})
                times.append(time.process_time() - start)
                # Every example renders, the changed one included: a blocked journey
                # would make the row measure less work than it claims.
                examples = len(list((root / "journeys").glob("*.yaml")))
                assert build.rendered == examples and build.error is None, build
        finally:
            os.chdir(before)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--touchpoints", type=int, default=8, help="per phase")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--suppression-lines", type=int, default=20_000)
    parser.add_argument("--opportunities", type=int, default=1_000)
    parser.add_argument("--scale-files", type=int, default=50, help="N for the linearity rows")
    parser.add_argument("--export-rows", type=int, default=1_000, help="R for analytics")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    python = sys.executable
    cjm = str(Path(python).parent / "cjm")
    with tempfile.TemporaryDirectory(prefix="cjm-bench-") as temporary:
        root = Path(temporary)
        corpus = root / "corpus"
        corpus.mkdir()
        for index in range(args.files):
            (corpus / f"persona-{index:04d}.yaml").write_text(
                journey_text(index, args.touchpoints), encoding="utf-8"
            )
        for name, suppress in (("suppressed", True), ("plain", False)):
            (root / f"{name}.yaml").write_text(
                suppressed_text(args.suppression_lines, suppress), encoding="utf-8"
            )
        # The same corpus twice: once as the project's journeys (cjm.yaml points at it),
        # so its opportunities.yaml is checked against every journey, once not.
        shutil.copytree(corpus, root / "project" / "journeys")
        shutil.copytree(corpus, root / "other" / "journeys")
        (root / "cjm.yaml").write_text("journeys: project/journeys\n", encoding="utf-8")
        (root / "opportunities.yaml").write_text(
            backlog_text(args.files, args.touchpoints, args.opportunities), encoding="utf-8"
        )
        (root / "small").mkdir()
        (root / "small" / "journey.yaml").write_text(journey_text(0, 2), encoding="utf-8")

        typer_only = (
            "import copy, functools\n"
            "from cjm import cli\n"
            "app = cli.app_for(['lint'])\n"
            "info = copy.copy(app.registered_commands[0])\n"
            "info.callback = functools.wraps(info.callback)(lambda *a, **k: None)\n"
            "app.registered_commands = [info]\n"
            "app()\n"
        )
        floor = (
            "import pathlib, yaml\n"
            "for p in sorted(pathlib.Path('corpus').glob('*.yaml')):\n"
            "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
        )
        check = subprocess.run([cjm, "lint", "corpus"], cwd=root, capture_output=True, text=True)
        if check.returncode != 0:
            print(check.stdout[-2000:], check.stderr[-2000:], file=sys.stderr)
            print("bench: the synthetic corpus does not lint clean", file=sys.stderr)
            return 2
        times = median_seconds(
            {
                "lint-corpus": [cjm, "lint", "corpus"],
                "parse-floor": [python, "-c", floor],
                "version": [cjm, "--version"],
                "import-typer": [python, "-c", "import typer"],
                "lint-small": [cjm, "lint", "small/journey.yaml"],
                "typer-lint": [python, "-c", typer_only, "lint", "small/journey.yaml"],
                "lint-suppressed": [cjm, "lint", "suppressed.yaml"],
                "lint-backlog": [cjm, "lint", "project/journeys"],
                "lint-no-backlog": [cjm, "lint", "other/journeys"],
                "lint-unsuppressed": [cjm, "lint", "plain.yaml"],
                "import-stack": [
                    python,
                    "-c",
                    "import typer, yaml; from pydantic import BaseModel",
                ],
            },
            args.runs,
            root,
        )

    rows = [
        (
            f"cjm lint, {args.files} files x {len(PHASES)} phases x {args.touchpoints} touchpoints",
            "lint-corpus",
            "parse-floor",
            1.5,
        ),
        ("cjm --version vs import typer", "version", "import-typer", 1.25),
        (
            "cjm lint one small journey vs import typer+yaml+pydantic",
            "lint-small",
            "import-stack",
            1.5,
        ),
        (
            f"cjm lint {args.suppression_lines:,} lines, a suppression every 10 vs none",
            "lint-suppressed",
            "lint-unsuppressed",
            2.0,
        ),
        (
            f"cjm lint {args.files} files with {args.opportunities:,} opportunities vs none",
            "lint-backlog",
            "lint-no-backlog",
            1.5,
        ),
    ]
    missed = 0
    print(f"{'measure':<64} {'cjm':>8} {'floor':>8} {'ratio':>6} {'target':>7}")
    for label, mine, base, target in rows:
        ratio = times[mine] / times[base]
        verdict = "ok" if ratio <= target else "MISSED"
        missed += verdict != "ok"
        print(
            f"{label:<64} {times[mine] * 1000:>6.0f}ms {times[base] * 1000:>6.0f}ms "
            f"{ratio:>5.2f}x {target:>5.2f}x  {verdict}"
        )
    typer_ratio = times["typer-lint"] / times["import-stack"]
    print(
        f"{'  reference: typer parsing the lint command line, doing nothing':<64} "
        f"{times['typer-lint'] * 1000:>6.0f}ms {times['import-stack'] * 1000:>6.0f}ms "
        f"{typer_ratio:>5.2f}x     -   (cjm's own share of row 3: "
        f"{(times['lint-small'] - times['typer-lint']) / times['import-stack']:.2f}x)"
    )
    rebuild = serve_rebuild_seconds(args.runs)
    verdict = "ok" if rebuild <= SERVE_TARGET_SECONDS else "MISSED"
    missed += verdict != "ok"
    print(
        f"{'cjm serve: re-render the examples after one journey changed':<64} "
        f"{rebuild * 1000:>6.0f}ms {'':>8} {'':>6} {SERVE_TARGET_SECONDS * 1000:>5.0f}ms  {verdict}"
    )
    missed += linearity(cjm, args)
    from scale import report  # bench/scale.py: issue 17's analytics and render scale rows

    missed += report(args)
    return 1 if missed and args.strict else 0


def linearity(cjm: str, args: argparse.Namespace) -> int:
    """The rows per command at two sizes; the number of targets missed."""
    small, large = args.scale_files, args.scale_files * 4
    rows_small, rows_large = args.export_rows, args.export_rows * 10
    formats = ["--format", "html", "--format", "markdown", "--format", "mermaid"]
    with tempfile.TemporaryDirectory(prefix="cjm-bench-scale-") as temporary:
        root = Path(temporary)
        for size in (small, large):
            write_corpus(root / f"old{size}", size, args.touchpoints)
            write_corpus(root / f"new{size}", size, args.touchpoints, changed_every=20)
        (root / "small.csv").write_text(export_text(rows_small), encoding="utf-8")
        (root / "large.csv").write_text(export_text(rows_large), encoding="utf-8")
        commands: dict[str, list[str]] = {}
        for size in (small, large):
            commands[f"lint{size}"] = [cjm, "lint", f"old{size}"]
            commands[f"render{size}"] = [cjm, "render", f"old{size}", *formats, "--out", "out"]
            commands[f"diff{size}"] = [cjm, "diff", f"old{size}", f"new{size}"]
        commands["analytics-small"] = [cjm, "analytics", "small.csv", f"old{small}"]
        commands["analytics-large"] = [cjm, "analytics", "large.csv", f"old{small}"]
        for name, command in commands.items():  # a command that fails times nothing real
            done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
            if done.returncode not in (0, 1):
                print(done.stderr[-2000:], file=sys.stderr)
                raise SystemExit(f"bench: '{name}' exited {done.returncode}")
        times = run_times(commands, max(args.runs // 2, 3), root)
    print(
        f"\nlinearity: CPU seconds, median (fastest-slowest) of alternating runs; "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    print(f"{'command':<40} {'small':>20} {'large':>20} {'time x':>7} {'size x':>7}")
    missed = 0
    pairs = [
        (f"cjm lint, {small} vs {large} journeys", f"lint{small}", f"lint{large}", 4),
        (f"cjm render html+md+mmd, {small} vs {large}", f"render{small}", f"render{large}", 4),
        (f"cjm diff (5% changed), {small} vs {large}", f"diff{small}", f"diff{large}", 4),
        (
            f"cjm analytics, {rows_small:,} vs {rows_large:,} rows",
            "analytics-small",
            "analytics-large",
            10,
        ),
    ]
    for label, first, second, factor in pairs:
        a, b = times[first], times[second]
        ratio = statistics.median(b) / statistics.median(a)
        verdict = "ok" if ratio <= factor * 1.2 else "MISSED"
        missed += verdict != "ok"
        print(
            f"{label:<40} {_spread(a):>20} {_spread(b):>20} {ratio:>6.2f}x {factor:>6}x  {verdict}"
        )
    return missed


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


if __name__ == "__main__":
    sys.exit(main())
