"""How much cjm adds on top of its own stack, as ratios (run: ``make bench``).

A linter runs on every commit, so both start-up and throughput matter. Each row
compares a cjm command with the floor it cannot go below, on a generated corpus
of realistic journeys (:func:`realistic_journey`: 50 to 1,000 lines each, comments,
anchors, aliases and merge keys, ``x-`` keys, suppressions, known, unknown and
misspelt channels; deterministic for a seed):

* ``cjm lint`` on N and 5N journeys (default 200 and 1,000) vs parsing the same
  files with ``yaml.CSafeLoader`` in one Python process (target: within 1.5x);
* the peak memory of ``cjm lint`` on 5N journeys, and of ``cjm diff`` of two such
  folders, vs a process that parses the same files with ``yaml.CSafeLoader`` and
  keeps what it parsed (target: within 3x);
* ``cjm --version`` vs ``python -c "import typer"`` (target: within 1.1x);
* ``cjm lint`` on one small journey, output piped, vs
  ``python -c "import typer, yaml; from pydantic import BaseModel"`` (target: within 1.3x);
* ``cjm lint`` on a 20,000-line journey with a suppression comment every ten
  lines vs the same file without them (target: within 2x: suppressions are looked
  up, never scanned);
* ``cjm lint`` of N journeys with 1,000 opportunities vs without (target: 1.5x).

Two rows are references, not targets: typer parsing the ``cjm lint`` command line
with a body that does nothing, and the stack defining and using one pydantic model:
what the stack costs before cjm does anything.

Then, for linearity, ``cjm lint`` and ``cjm diff`` (5% of the journeys changed) at
N and 5N journeys: the time ratio against the size ratio (target: within 1.2x of
it). Rows for ``cjm render`` and ``cjm analytics`` at scale come from
``bench/scale.py`` when it is there (see :func:`extra_rows`). A last row is
absolute: ``cjm serve`` re-rendering the examples after one journey changed.

How it measures: every command runs once to warm up (and must exit 0 or 1), then
all of them take turns, run by run, in two rounds of several runs each; a row
shows the median of all runs with the fastest and slowest, and its ratio in each
round, which must agree within 10% (else the row says UNSTABLE: the machine was
too busy to trust it). What is timed is each child's CPU time (user + system),
not the wall clock, and its peak resident memory, both from ``wait4``: on a busy
machine wall time mostly measures the neighbours. The machine, its load average
before and after, and the corpus are printed with the figures.
Exits 1 when a target is missed and ``--strict`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parent.parent
SERVE_TARGET_SECONDS = 0.5
RERUN_TOLERANCE = 0.10
"""Two rounds of the same measurement may differ by this much (issue 17)."""
TURN_SECONDS = 3.0
"""At each turn a command runs as often as fits in about this much CPU time (at least
once, at most ``MAX_REPEAT`` times): a single run on a 2-core VM can be 20-40% off, so a
fast command needs many runs for its median to hold within the re-run tolerance, and
the rows at 200 journeys (about a second) several; the slow rows, one each."""
MAX_REPEAT = 10
LINEAR_TOLERANCE = 1.2
"""A command's time at N times the input stays within this many times N."""

PHASES = ("orientation", "consideration", "purchase", "use", "loyalty")
CHANNELS = ("search", "social", "email", "website", "store", "chat", "whatsapp", "phone")


# Realistic journeys (issue 17): what consultants write, at sizes from 50 to 1,000 lines.
KNOWN_CHANNELS = (
    "search",
    "social",
    "email",
    "website",
    "store",
    "chat",
    "whatsapp",
    "phone",
    "app",
    "display",
    "video",
    "post",
    "event",
    "sms",
)
# Channels nobody else uses, and typos of common ones: unknown-channel's whole job.
TYPOS = ("whatsap", "emial", "webiste", "chatt")
ODD_CHANNELS = ("podcast", "beurs", "kiosk", "tiktok-live", "whatsap", "emial", "webiste", "chatt")
SENSES = ("see", "hear", "touch")
EVIDENCE = ("interview", "survey", "analytics", "support", "observation")
WORDS = (
    "klant",
    "vergelijkt",
    "prijzen",
    "en",
    "leest",
    "reviews",
    "op",
    "de",
    "telefoon",
    "avonds",
    "na",
    "het",
    "werk",
    "twijfelt",
    "over",
    "de",
    "maat",
    "wil",
    "snel",
    "antwoord",
    "en",
    "verwacht",
    "dat",
    "de",
    "winkel",
    "haar",
    "kent",
)


def _sentence(rng: random.Random, low: int = 4, high: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def journey_lines(index: int, seed: int) -> int:
    """The size of journey ``index``: 50 to 1,000 lines, most of them mid-sized."""
    rng = random.Random(f"{seed}-size-{index}")
    return int(50 + 950 * rng.random() ** 1.3)


def realistic_journey(index: int, seed: int = 17, lines: int | None = None) -> str:
    """A journey as consultants keep them, about ``lines`` lines long (deterministic).

    Comments (whole-line and trailing), an ``x-`` block of anchors the touchpoints
    alias and merge (``<<: *base``), ``x-`` keys on touchpoints, flow and block
    style, varied and unknown channel names (typos included, some suppressed with
    ``# cjm: disable=``), evidence, KPIs, lanes and ``next`` links. It lints
    without errors; warnings are part of the work a real run does.
    """
    rng = random.Random(f"{seed}-journey-{index}")
    target = journey_lines(index, seed) if lines is None else lines
    slug = f"persona-{index:04d}"
    relational = rng.random() < 0.5
    out = [
        f"# Klantreis {index}: {_sentence(rng, 3, 8)}",
        "# Bronnen: interviews en de chatlogs van het afgelopen kwartaal.",
        "version: 1",
        "",
        "x-shared:  # anchors, not journey content",
        "  base: &base",
        "    media: owned",
        "    senses: [see, hear]",
        f"    owner: Team {rng.choice(('e-commerce', 'service', 'marketing', 'retail'))}",
        "  checklist: &checklist",
        "    text: Download de checklist",
        "    url: https://example.nl/checklist",
        "",
        "persona:",
        f"  id: {slug}",
        f"  name: Persona {index}",
        f"  segment: {rng.choice(('b2c', 'b2c', 'b2b'))}",
        "  description: >-",
        f"    {_sentence(rng, 10, 20)}",
        f"    {_sentence(rng, 10, 20)}",
        "  goals:",
        *(f"    - {_sentence(rng)}" for _ in range(rng.randint(1, 4))),
        f"  pain_points: [{_sentence(rng, 2, 4)}, {_sentence(rng, 2, 4)}]",
        "  preferred_channels: [whatsapp, chat, email]",
        "  research:",
        f"    - {{kind: interview, source: {_sentence(rng, 2, 5)}, date: 2026-08-12}}",
        "journey:",
        f"  title: {_sentence(rng, 3, 7)}",
        f"  cycle: {'relational' if relational else 'transactional'}",
        "  tone_of_voice: warm, informeel",
        "  reviewed: 2026-10-01",
        f"  x-bron: {_sentence(rng, 3, 6)}",
        "phases:",
    ]
    phases = PHASES[: max(1, min(len(PHASES), target // 100))]
    per_phase = max((target - len(out)) // len(phases) - 11, 0)
    ids: list[str] = []
    for phase in phases:
        out += [
            f"  - id: {phase}  # {_sentence(rng, 2, 5).lower()}",
            f"    goal: {_sentence(rng)}",
            f"    doing: {_sentence(rng)}",
            f"    thinking: {_sentence(rng)}",
            f"    feeling: {_sentence(rng, 2, 5)}",
            "    kpis:",
            f"      - name: {_sentence(rng, 2, 4)}",
            f"        target: {rng.randint(10, 99) * 100} per maand",
            f"        actual: {rng.randint(10, 99) * 100}",
            "    touchpoints:",
        ]
        written, t = 0, 0
        while not written or written + 12 <= per_phase:
            block = _touchpoint(rng, phase, t)
            ids.append(f"{phase}-{t}")
            out += block
            written += len(block)
            t += 1
        out.append(f"    # einde van {phase}")
    # One path through the journey (and back to the start when it is a cycle), as
    # unreachable-touchpoint and open-loop ask.
    following = dict(itertools.pairwise(ids))
    if relational:
        following[ids[-1]] = ids[0]
    text = "\n".join(out) + "\n"
    for step in ids:
        after = following.get(step)
        text = text.replace(
            f"        next: [NEXT-{step}]\n", f"        next: [{after}]\n" if after else "", 1
        )
    return text


def _touchpoint(rng: random.Random, phase: str, t: int) -> list[str]:
    odd = rng.random() < 0.06
    channel = rng.choice(ODD_CHANNELS) if odd else rng.choice(KNOWN_CHANNELS)
    suppressed = channel in TYPOS and rng.random() < 0.5
    emotion = rng.randint(1, 5)
    lines = [
        f"      - id: {phase}-{t}"
        + ("  # cjm: disable=unknown-channel -- pilot" if suppressed else ""),
        f"        name: {_sentence(rng, 2, 6)}",
        f"        channel: {channel}",
    ]
    style = rng.random()
    if style < 0.5:
        lines.append("        <<: *base")
    elif style < 0.8:
        lines += ["        media: owned", "        senses: [see]"]
        if rng.random() < 0.6:
            lines.append(f"        owner: {_sentence(rng, 1, 2)}")
        else:
            lines[0] += "" if suppressed else "  # cjm: disable=missing-owner -- bureau"
    else:
        lines += [
            "        media: paid",
            f"        senses: [{', '.join(rng.sample(SENSES, 2))}]",
            f"        owner: {_sentence(rng, 1, 2)}",
        ]
    lines.append(f"        description: {_sentence(rng)}")
    if rng.random() < 0.5:
        lines.append("        cta: *checklist")
    else:
        lines += [
            "        cta:",
            f"          text: {_sentence(rng, 2, 4)}",
            f"          url: https://example.nl/{phase}/{t}",
        ]
    lines.append(f"        emotion: {emotion}")
    if emotion <= 2:
        lines += [
            "        evidence:",
            f"          - kind: {rng.choice(EVIDENCE)}",
            f"            source: {_sentence(rng, 2, 5)}",
            "            date: 2026-09-01",
            f"        pain_points: [{_sentence(rng, 2, 5)}]",
            f"        opportunities: [{_sentence(rng, 2, 5)}]",
        ]
    if rng.random() < 0.3:
        lines += [f"        backstage: [{_sentence(rng, 1, 3)}]", "        support: [CRM]"]
    if rng.random() < 0.2:
        lines.append(f"        x-campagne: {rng.choice(('voorjaar', 'najaar', 'black-friday'))}")
    if rng.random() < 0.3:
        lines.append(
            f"        analytics: {{source: google, medium: {rng.choice(('organic', 'cpc'))}}}"
        )
    lines.append(f"        next: [NEXT-{phase}-{t}]")
    return lines


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


# --- measuring ------------------------------------------------------------------


class Sample(NamedTuple):
    """One run of one command: CPU seconds (user + system) and peak memory (MB)."""

    cpu: float
    rss: float


def measure(command: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """Run ``command`` once; its own CPU time and peak resident memory (``wait4``)."""
    with subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    ) as child:
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    return Sample(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def bench_env() -> dict[str, str]:
    # An installed cjm runs from compiled bytecode; an editable install in a shell
    # with PYTHONDONTWRITEBYTECODE would recompile every module on every run.
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def check_commands(commands: dict[str, list[str]], cwd: Path) -> dict[str, int]:
    """Run each command once (the warm-up: file cache, .pyc files); one that fails
    would time nothing real, so the bench stops there. Returns how many times each
    runs at a turn (see :data:`TURN_SECONDS`)."""
    repeats = {}
    for name, command in commands.items():
        before = os.times()
        done = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, check=False, env=bench_env()
        )
        after = os.times()
        if done.returncode not in (0, 1):
            print(done.stdout[-2000:], done.stderr[-2000:], file=sys.stderr)
            raise SystemExit(f"bench: '{name}' exited {done.returncode}")
        cpu = (after.children_user - before.children_user) + (
            after.children_system - before.children_system
        )
        repeats[name] = max(1, min(MAX_REPEAT, round(TURN_SECONDS / max(cpu, 1e-3))))
    return repeats


def run_rounds(
    commands: dict[str, list[str]],
    runs: int,
    rounds: int,
    cwd: Path,
    repeats: dict[str, int] | None = None,
) -> list[dict[str, list[Sample]]]:
    """``rounds`` times, ``runs`` runs of every command, the commands taking turns run
    by run so that any drift of the machine touches them all alike; at each turn a
    command runs ``repeats[name]`` times (once by default), and those runs take turns
    too (a command and its floor alternate run by run, not ten of one then ten of the
    other: a burst of load on a shared VM then hits both, not one)."""
    env = bench_env()
    repeats = repeats or {}
    most = max(repeats.values(), default=1)
    result = []
    for _ in range(rounds):
        samples: dict[str, list[Sample]] = {name: [] for name in commands}
        for _ in range(runs):
            for repeat in range(most):
                for name, command in commands.items():
                    if repeat < repeats.get(name, 1):
                        samples[name].append(measure(command, cwd, env))
        result.append(samples)
    return result


def run_times(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, list[float]]:
    """CPU seconds of every run per command, alternating (for bench/scale.py and others)."""
    (samples,) = run_rounds(commands, runs, 1, cwd)
    return {name: [s.cpu for s in values] for name, values in samples.items()}


def median_seconds(commands: dict[str, list[str]], runs: int, cwd: Path) -> dict[str, float]:
    """Median CPU seconds per command, the commands alternating."""
    return {
        name: statistics.median(values) for name, values in run_times(commands, runs, cwd).items()
    }


class Row(NamedTuple):
    """A figure against its floor: ``mine`` over ``base`` must stay within ``target``."""

    label: str
    mine: str
    base: str
    target: float
    memory: bool = False  # peak memory (MB) instead of CPU seconds


def report(rows: list[Row], rounds: list[dict[str, list[Sample]]]) -> int:
    """Print each row: medians with their spread, the ratio per round; targets missed."""

    def values(name: str, row: Row, samples: dict[str, list[Sample]]) -> list[float]:
        return [s.rss if row.memory else s.cpu for s in samples[name]]

    def shown(row: Row, numbers: list[float]) -> str:
        median, low, high = statistics.median(numbers), min(numbers), max(numbers)
        if row.memory:
            return f"{median:.0f}MB ({low:.0f}-{high:.0f})"
        unit, scale, digits = ("s", 1, 2) if median >= 1 else ("ms", 1000, 0)
        low_high = f"{low * scale:.{digits}f}-{high * scale:.{digits}f}"
        return f"{median * scale:.{digits}f}{unit} ({low_high})"

    print(
        f"{'measure':<58} {'cjm: median (range)':>24} {'floor: median (range)':>24} "
        f"{'ratio':>6} {'target':>6}  {'per round':<13} verdict"
    )
    missed = 0
    for row in rows:
        mine = [v for samples in rounds for v in values(row.mine, row, samples)]
        base = [v for samples in rounds for v in values(row.base, row, samples)]
        ratio = statistics.median(mine) / statistics.median(base)
        per_round = [
            statistics.median(values(row.mine, row, samples))
            / statistics.median(values(row.base, row, samples))
            for samples in rounds
        ]
        drift = max(per_round) / min(per_round) - 1
        verdict = "ok" if ratio <= row.target else "MISSED"
        if verdict == "ok" and drift > RERUN_TOLERANCE:
            verdict = f"UNSTABLE (rounds {drift:.0%} apart)"
        if not row.target:
            verdict = "-"  # a reference: shown, not judged
        missed += verdict not in ("ok", "-")
        rounds_text = "/".join(f"{r:.2f}" for r in per_round)
        target = f"{row.target:.2f}x" if row.target else "-"
        print(
            f"{row.label:<58} {shown(row, mine):>24} {shown(row, base):>24} "
            f"{ratio:>5.2f}x {target:>6}  {rounds_text:<13} {verdict}"
        )
    return missed


def linearity_report(
    pairs: list[tuple[str, str, str, float]], rounds: list[dict[str, list[Sample]]]
) -> int:
    """Rows of one command at two sizes: time ratio against size ratio (target 1.2x of it)."""
    print(f"\n{'command at two sizes':<58} {'small':>24} {'large':>24} {'time x':>6} {'size x':>6}")
    missed = 0
    for label, first, second, factor in pairs:
        a = [s.cpu for samples in rounds for s in samples[first]]
        b = [s.cpu for samples in rounds for s in samples[second]]
        ratio = statistics.median(b) / statistics.median(a)
        verdict = "ok" if ratio <= factor * LINEAR_TOLERANCE else "MISSED"
        missed += verdict != "ok"
        sizes = f"{_spread(a):>24} {_spread(b):>24}"
        print(f"{label:<58} {sizes} {ratio:>5.2f}x {factor:>5.0f}x  {verdict}")
    return missed


def _spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f}s ({min(values):.2f}-{max(values):.2f})"


def machine() -> str:
    """What the figures were measured on, as the README quotes it."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{platform.machine()} {platform.system()} {platform.release()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; load average {load} (1, 5, 15 min)"
    )


# --- the bench ------------------------------------------------------------------

FLOOR = (
    "import pathlib, sys, yaml\n"
    "for d in sys.argv[1:]:\n"
    "    for p in sorted(pathlib.Path(d).glob('*.yaml')):\n"
    "        yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
)
"""The parse floor: every file loaded with libyaml, in one process, nothing kept."""

FLOOR_KEPT = (
    "import gc, pathlib, sys, yaml\n"
    "gc.disable()  # memory only: the collector would cost time, not bytes\n"
    "kept = [\n"
    "    yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader)\n"
    "    for d in sys.argv[1:] for p in sorted(pathlib.Path(d).glob('*.yaml'))\n"
    "]\n"
)
"""The memory floor: the same, every file's parsed data kept (what a command holds)."""

TYPER_ONLY = (
    "import copy, functools\n"
    "from cjm import cli\n"
    "app = cli.app_for(['lint'])\n"
    "info = copy.copy(app.registered_commands[0])\n"
    "info.callback = functools.wraps(info.callback)(lambda *a, **k: None)\n"
    "app.registered_commands = [info]\n"
    "app()\n"
)
"""Typer parsing the real ``cjm lint`` command line, with a body that does nothing."""

ONE_MODEL = (
    "import os\n"
    "os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'\n"
    "from cjm.startup import skip_plugin_scan\n"
    "skip_plugin_scan()  # as cjm does: the reference is pydantic's own cost\n"
    "import typer, yaml\n"
    "from pydantic import BaseModel, Field\n"
    "class Step(BaseModel):\n"
    "    name: str = Field(min_length=1)\n"
    "Step(name='x')\n"
)
"""The stack import plus one pydantic model defined and used: what any validation costs."""

STACK = "import typer, yaml; from pydantic import BaseModel"


def write_realistic(folder: Path, count: int, seed: int, changed_every: int = 0) -> None:
    """``count`` realistic journeys; with ``changed_every``, every so many edited as a
    consultant would between two versions (a goal reworded, an emotion re-scored)."""
    folder.mkdir(parents=True)
    for index in range(count):
        text = realistic_journey(index, seed)
        if changed_every and index % changed_every == 0:
            text = text.replace("    goal: ", "    goal: Herzien ", 1)
            text = text.replace("        emotion: ", "        emotion: 3\n        x-was: ", 1)
        (folder / f"persona-{index:04d}.yaml").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200, help="N realistic journeys")
    parser.add_argument("--large", type=int, default=1_000, help="the larger corpus")
    parser.add_argument("--seed", type=int, default=17, help="of the generated corpus")
    parser.add_argument("--runs", type=int, default=2, help="per command per round")
    parser.add_argument("--rounds", type=int, default=2, help="measured one after the other")
    parser.add_argument("--suppression-lines", type=int, default=20_000)
    parser.add_argument("--opportunities", type=int, default=1_000)
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()

    python = sys.executable
    cjm = str(Path(python).parent / "cjm")
    small, large = args.files, args.large
    print(f"cjm bench on {machine()}")
    print(
        f"{args.rounds} rounds x {args.runs} runs of every command, alternating "
        f"(each as often as fits in about {TURN_SECONDS:g} s CPU at a turn, at most "
        f"{MAX_REPEAT}); corpus seed {args.seed}\n"
    )
    with tempfile.TemporaryDirectory(prefix="cjm-bench-") as temporary:
        root = Path(temporary)
        write_realistic(root / f"old{large}", large, args.seed)
        write_realistic(root / f"new{large}", large, args.seed, changed_every=20)
        for name in ("old", "new"):  # the small corpus: the first N of the large one
            (root / f"{name}{small}").mkdir()
            for index in range(small):
                file = f"persona-{index:04d}.yaml"
                shutil.copy(root / f"{name}{large}" / file, root / f"{name}{small}" / file)
        lines = sum(len(p.read_text().splitlines()) for p in (root / f"old{large}").iterdir())
        print(
            f"corpus: {large:,} realistic journeys of 50 to 1,000 lines "
            f"({lines:,} lines, {lines // large} on average); the first {small:,} as the small one"
        )
        for name, suppress in (("suppressed", True), ("plain", False)):
            (root / f"{name}.yaml").write_text(
                suppressed_text(args.suppression_lines, suppress), encoding="utf-8"
            )
        # The same synthetic corpus twice: once as the project's journeys (cjm.yaml
        # points at it), so its opportunities.yaml is checked against every journey.
        write_corpus(root / "project" / "journeys", small, 8)
        shutil.copytree(root / "project" / "journeys", root / "other" / "journeys")
        (root / "cjm.yaml").write_text("journeys: project/journeys\n", encoding="utf-8")
        (root / "opportunities.yaml").write_text(
            backlog_text(small, 8, args.opportunities), encoding="utf-8"
        )
        (root / "small").mkdir()
        (root / "small" / "journey.yaml").write_text(
            realistic_journey(0, args.seed, lines=60), encoding="utf-8"
        )
        commands = {
            f"lint{small}": [cjm, "lint", f"old{small}"],
            f"floor{small}": [python, "-c", FLOOR, f"old{small}"],
            f"lint{large}": [cjm, "lint", f"old{large}"],
            f"floor{large}": [python, "-c", FLOOR, f"old{large}"],
            f"diff{small}": [cjm, "diff", f"old{small}", f"new{small}"],
            f"diff{large}": [cjm, "diff", f"old{large}", f"new{large}"],
            f"kept{large}": [python, "-c", FLOOR_KEPT, f"old{large}"],
            f"kept2x{large}": [python, "-c", FLOOR_KEPT, f"old{large}", f"new{large}"],
            "version": [cjm, "--version"],
            "import-typer": [python, "-c", "import typer"],
            "lint-small": [cjm, "lint", "small/journey.yaml"],
            "import-stack": [python, "-c", STACK],
            "typer-lint": [python, "-c", TYPER_ONLY, "lint", "small/journey.yaml"],
            "one-model": [python, "-c", ONE_MODEL],
            "lint-suppressed": [cjm, "lint", "suppressed.yaml"],
            "lint-unsuppressed": [cjm, "lint", "plain.yaml"],
            "lint-backlog": [cjm, "lint", "project/journeys"],
            "lint-no-backlog": [cjm, "lint", "other/journeys"],
        }
        repeats = check_commands(commands, root)
        started = time.monotonic()
        rounds = run_rounds(commands, args.runs, args.rounds, root, repeats)
        took = time.monotonic() - started
    print(f"measured in {took:.0f} s; load average now {os.getloadavg()[0]:.2f}\n")

    rows = [
        Row(
            f"cjm lint, {small:,} journeys vs the CSafeLoader floor",
            f"lint{small}",
            f"floor{small}",
            1.5,
        ),
        Row(
            f"cjm lint, {large:,} journeys vs the CSafeLoader floor",
            f"lint{large}",
            f"floor{large}",
            1.5,
        ),
        Row(
            f"peak memory: cjm lint, {large:,} journeys vs their data",
            f"lint{large}",
            f"kept{large}",
            3.0,
            memory=True,
        ),
        Row(
            f"peak memory: cjm diff, 2 x {large:,} vs their data",
            f"diff{large}",
            f"kept2x{large}",
            3.0,
            memory=True,
        ),
        Row("cjm --version vs import typer", "version", "import-typer", 1.1),
        Row(
            "cjm lint one small journey vs import typer+yaml+pydantic",
            "lint-small",
            "import-stack",
            1.3,
        ),
        Row(
            f"cjm lint {args.suppression_lines:,} lines, a suppression every 10 vs none",
            "lint-suppressed",
            "lint-unsuppressed",
            2.0,
        ),
        Row(
            f"cjm lint {small} files with {args.opportunities:,} opportunities vs none",
            "lint-backlog",
            "lint-no-backlog",
            1.5,
        ),
        Row(
            "  reference: typer parsing the lint command line, no body",
            "typer-lint",
            "import-stack",
            0,
        ),
        Row("  reference: the stack plus one pydantic model, used", "one-model", "import-stack", 0),
    ]
    missed = report(rows, rounds)
    factor = large / small
    missed += linearity_report(
        [
            (f"cjm lint, {small:,} vs {large:,} journeys", f"lint{small}", f"lint{large}", factor),
            (
                f"cjm diff (5% changed), {small:,} vs {large:,}",
                f"diff{small}",
                f"diff{large}",
                factor,
            ),
        ],
        rounds,
    )
    missed += extra_rows(args)
    rebuild = serve_rebuild_seconds(max(args.runs, 3))
    verdict = "ok" if rebuild <= SERVE_TARGET_SECONDS else "MISSED"
    missed += verdict != "ok"
    print(
        f"\n{'cjm serve: re-render the examples after one journey changed':<58} "
        f"{rebuild * 1000:>6.0f}ms (target {SERVE_TARGET_SECONDS * 1000:.0f}ms)  {verdict}"
    )
    print(f"\n{missed} target(s) missed; load average at the end {os.getloadavg()[0]:.2f}")
    return 1 if missed and args.strict else 0


def extra_rows(args: argparse.Namespace) -> int:
    """Rows other modules add; the number of targets they missed.

    ``bench/scale.py`` (issue 17's scale targets: ``cjm analytics`` and ``cjm render``
    at size) prints its rows with ``report(args)`` and returns how many it missed.
    Without it, the render and analytics rows below stand in.
    """
    try:  # bench/ is this script's folder, on sys.path when run as a script
        scale = importlib.import_module("scale")
    except ModuleNotFoundError:
        return linearity(str(Path(sys.executable).parent / "cjm"), args)
    return int(scale.report(args))


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


def linearity(cjm: str, args: argparse.Namespace) -> int:
    """Render and analytics at two sizes, while bench/scale.py is not there to give its
    own rows for them; the number of targets missed."""
    small, large = 50, 200
    rows_small, rows_large = 1_000, 10_000
    formats = ["--format", "html", "--format", "markdown", "--format", "mermaid"]
    with tempfile.TemporaryDirectory(prefix="cjm-bench-scale-") as temporary:
        root = Path(temporary)
        for size in (small, large):
            write_corpus(root / f"old{size}", size, 8)
        (root / "small.csv").write_text(export_text(rows_small), encoding="utf-8")
        (root / "large.csv").write_text(export_text(rows_large), encoding="utf-8")
        commands: dict[str, list[str]] = {}
        for size in (small, large):
            commands[f"render{size}"] = [cjm, "render", f"old{size}", *formats, "--out", "out"]
        commands["analytics-small"] = [cjm, "analytics", "small.csv", f"old{small}"]
        commands["analytics-large"] = [cjm, "analytics", "large.csv", f"old{small}"]
        for name, command in commands.items():  # a command that fails times nothing real
            done = subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)
            if done.returncode not in (0, 1):
                print(done.stderr[-2000:], file=sys.stderr)
                raise SystemExit(f"bench: '{name}' exited {done.returncode}")
        times = run_times(commands, max(args.runs, 3), root)
    print(
        f"\nlinearity: CPU seconds, median (fastest-slowest) of alternating runs; "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    print(f"{'command':<40} {'small':>20} {'large':>20} {'time x':>7} {'size x':>7}")
    missed = 0
    pairs = [
        (f"cjm render html+md+mmd, {small} vs {large}", f"render{small}", f"render{large}", 4),
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


if __name__ == "__main__":
    sys.exit(main())
