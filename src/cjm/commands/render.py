"""``cjm render``: lint, render what is clean, then write the files or check them.

A journey with lint errors is not rendered (its errors are printed as ``cjm lint``
prints them); the others are. Exit 0 when everything was rendered (and, with
``--check``, everything in ``--out`` is up to date), 1 otherwise, 2 for usage,
configuration and template errors, and for an ``--analytics`` export that cannot be
read. With ``--analytics`` the export is matched as ``cjm analytics`` matches it
(against every journey, so the unclaimed sources are the same) and its numbers are
rendered; ``--check`` then compares with those numbers.

Posters (``pdf``, ``png``, ``pptx``) are printed from the HTML map by a headless
browser, found before anything is rendered: without one, exit 2 and nothing is
written. Their bytes change from run to run, so ``--check`` skips them and says so.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from cjm.backlog.links import linkable
from cjm.backlog.loader import Backlog, BacklogFile, covers_project, load_backlog
from cjm.collector import paused_collector
from cjm.config import Config, load_config
from cjm.errors import ConfigError, UsageError
from cjm.fsutil import shown_path
from cjm.lint.engine import UNUSED_SUPPRESSION, lint
from cjm.lint.report.text import format_problem
from cjm.lint.rules import ALL_RULES
from cjm.lint.settings import configure
from cjm.loader import JourneyFile, load_paths
from cjm.output.writer import display, write_file
from cjm.problems import Severity
from cjm.render.cache import Key, cached_outputs, forget, remember
from cjm.render.context import Measurements
from cjm.render.environment import Templates
from cjm.render.formats import FORMATS
from cjm.render.outputs import INDEX_STEM, BacklogInput, render_outputs
from cjm.render.poster import POSTER_FORMATS, PosterOptions
from cjm.render.views import DEFAULT_VIEW, VIEWS
from cjm.text import Text, msg, nmsg, text_for

__all__ = ["chosen_view", "lint_gate", "measure", "render_key", "run", "template_search_path"]


def template_search_path(config: Config, templates: Path | None) -> list[Path]:
    """Override folders, searched before the built-in set: ``--templates``, then the project's."""
    search: list[Path] = []
    if templates is not None:
        if not templates.is_dir():
            raise UsageError(msg("--templates: '{path}' is not a folder", path=display(templates)))
        search.append(templates)
    project = config.root / "templates"
    if config.path is not None and project.is_dir():
        search.append(shown_path(project))
    return search


def run(
    paths: Sequence[Path],
    formats: Sequence[str] | None,
    out: Path | None,
    language: str | None,
    templates: Path | None,
    check: bool,
    analytics: Path | None = None,
    poster: PosterOptions | None = None,
    view: str | None = None,
) -> int:
    """``None`` for an option means "not given": ``render:`` in cjm.yaml, then the default."""
    config = load_config()
    settings = config.settings.render
    search = template_search_path(config, templates)
    configured = _configured_formats(config)  # checked even when --format overrides it
    chosen = list(formats or configured or ["html"])
    posters = [name for name in chosen if name in POSTER_FORMATS]
    poster = poster or PosterOptions()
    if posters and not check:
        from cjm.browser.find import find_browser

        find_browser(poster.browser)  # no browser: exit 2 before anything is done
    if out is None:
        out = shown_path(config.root / (settings.out or "build"))
    out_dir = out
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(msg("--out: '{path}' exists and is not a folder", path=display(out_dir)))
    analytics = chosen_export(config, analytics)
    text = text_for(chosen_language(config, language))
    view = chosen_view(config, view)
    files = load_paths(paths, config)
    measured = measure(analytics, files, text) if analytics is not None else None
    backlog = load_backlog(config)
    loaded = list(backlog.files)
    clean, failed = _lint_gate(
        files, config, text, backlog if covers_project(paths, config) else None
    )
    ranked = backlog_input(config, files, backlog)
    # --check compares the formats whose bytes are stable: not the posters.
    rendered = [name for name in chosen if not (check and name in POSTER_FORMATS)]
    # Posters differ from run to run: a render with them is never taken from a record.
    key = None
    if not any(name in POSTER_FORMATS for name in rendered):
        key = render_key(
            paths, config, files, loaded, analytics, search, rendered, text.language, view
        )
    # The maps are made from the models alone: the source text and positions of every
    # journey (a tenth of a render's peak memory at 200 journeys) go before rendering.
    for file in files:
        file.forget_source()
    outputs = cached_outputs(out_dir, key) if key is not None else None
    if outputs is None:
        # The pages' views live as long as the render, as loaded journeys live as long
        # as the command: the collector's passes over them (and over the templates'
        # contexts, which hold them in reference cycles) freed nothing (issue 17).
        with paused_collector():
            outputs = render_outputs(
                clean, rendered, text, Templates(search), measured, poster, view, ranked
            )
    journeys_failed = failed - (len(loaded) - len(backlog.files))
    if journeys_failed:
        print(
            text(
                nmsg(
                    "{count} journey not rendered because of errors",
                    "{count} journeys not rendered because of errors",
                    journeys_failed,
                )
            ),
            file=sys.stderr,
        )
    if check:
        if posters:
            print(
                text(
                    msg(
                        "not checked: {formats} (their bytes change from run to run); "
                        "--check compares the text formats",
                        formats=", ".join(posters),
                    )
                ),
                file=sys.stderr,
            )
        return _check(outputs, out_dir, text) or (1 if failed else 0)
    if key is not None:
        forget(out_dir)
    _write(outputs, out_dir, len(clean), text)
    if key is not None:
        remember(out_dir, key, outputs)
    return 1 if failed else 0


def render_key(
    paths: Sequence[Path],
    config: Config,
    files: Sequence[JourneyFile],
    backlog_files: Sequence[BacklogFile],
    analytics: Path | None,
    search: Sequence[Path],
    formats: Sequence[str],
    language: str,
    view: str,
) -> str:
    """The key of every input of this render (:mod:`cjm.render.cache` says what and why)."""
    key = Key()
    key.add("paths", "\0".join(str(path) for path in paths))
    key.add("options", "\0".join([*formats, "lang", language, "view", view]))
    key.add_file("cjm.yaml", config.path)
    for file in files:
        key.add(f"journey {file.path}", file.text)
    for entry in backlog_files:
        key.add(f"opportunities {entry.path}", entry.text)
    key.add("export", str(analytics) if analytics is not None else None)
    key.add_file("export bytes", analytics)
    for folder in search:
        key.add_folder(f"templates {folder}", folder)
    return key.digest


def chosen_language(config: Config, language: str | None) -> str:
    """``--lang``, else ``render: lang:`` in cjm.yaml, else the project's language."""
    return language or config.settings.render.lang or config.language


def chosen_view(config: Config, view: str | None) -> str:
    """``--view`` (checked by the command line), else ``render: view:`` in cjm.yaml, else map."""
    if view is not None:
        return view
    configured = config.settings.render.view
    if configured is None:
        return DEFAULT_VIEW
    if configured not in VIEWS:
        raise ConfigError(
            msg(
                "render: unknown view '{view}' (views: {views})",
                view=configured,
                views=", ".join(VIEWS),
            ),
            config.location(("render", "view")),
        )
    return configured


def chosen_export(config: Config, analytics: Path | None) -> Path | None:
    """``--analytics``, else ``render: analytics:`` in cjm.yaml (relative to it), else none."""
    if analytics is None and config.settings.render.analytics:
        return shown_path(config.root / config.settings.render.analytics)
    return analytics


def _configured_formats(config: Config) -> list[str]:
    """``render: formats:`` from cjm.yaml, each checked against the format registry."""
    names = config.settings.render.formats
    if names is None:
        return []
    if not names:
        raise ConfigError(
            msg(
                "render: 'formats' is empty; name at least one of {formats}",
                formats=", ".join(FORMATS.names()),
            ),
            config.location(("render", "formats")),
        )
    known = FORMATS.names()
    for index, name in enumerate(names):
        if name not in known:
            raise ConfigError(
                msg(
                    "render: unknown format '{format}' in 'formats' (formats: {formats})",
                    format=name,
                    formats=", ".join(known),
                ),
                config.location(("render", "formats", index)),
            )
    return list(names)


def measure(export_path: Path, files: Sequence[JourneyFile], text: Text) -> Measurements:
    """The export matched to ``files``, worded for the map; its warnings go to stderr."""
    # Imported here: rendering without --analytics never loads the analytics package.
    from cjm.analytics.export import read_export
    from cjm.analytics.matching import analyse
    from cjm.analytics.report import warnings
    from cjm.render.analytics import measurements

    result = analyse(read_export(export_path), files)
    for warning in warnings(result, text):
        said = text(msg("cjm: warning: {warning}", warning=display(warning)))
        print(said, file=sys.stderr)
    return measurements(result, text)


def _lint_gate(
    files: Sequence[JourneyFile], config: Config, text: Text, backlog: Backlog | None = None
) -> tuple[list[JourneyFile], int]:
    """The journeys without lint errors; the others' errors go to stderr.

    An opportunities file with errors counts as a file not rendered: ``backlog``
    loses it (its opportunities are left out of every map and the index).
    """
    clean, blocked = lint_gate(files, config, backlog, text)
    for lines in blocked.values():
        for line in lines:
            print(line, file=sys.stderr)
    left_out = 0
    if backlog is not None:
        kept = [file for file in backlog.files if file.path not in blocked]
        left_out = len(backlog.files) - len(kept)
        backlog.files = kept
    if left_out:
        said = nmsg(
            "{count} opportunities file left out because of errors",
            "{count} opportunities files left out because of errors",
            left_out,
        )
        print(text(said), file=sys.stderr)
    # An opportunities file left out fails the run as a journey not rendered does.
    return clean, len(blocked)


def backlog_input(
    config: Config, files: Sequence[JourneyFile], backlog: Backlog
) -> BacklogInput | None:
    """The opportunities to show, ranked by the score of cjm.yaml; None without any."""
    from cjm.backlog.score import describe_score, rank

    settings = config.settings.opportunities.score
    ranked = rank(backlog.entries(), settings)
    if not ranked:
        return None
    journeys = linkable((file.persona_id, file.journey) for file in files if file.journey)
    return BacklogInput(tuple(ranked), describe_score(settings), journeys)


def lint_gate(
    files: Sequence[JourneyFile],
    config: Config,
    backlog: Backlog | None = None,
    text: Text | None = None,
) -> tuple[list[JourneyFile], dict[str, list[str]]]:
    """The journeys that may be rendered, and for each that may not, why (lines to show).

    Shared with ``cjm serve``, which shows the lines in the page instead of the map.
    With ``backlog``, its files' errors are among the reasons too (by their path).
    ``text`` is the language of cjm's own lines (English without it).
    """
    text = text or text_for("en")
    problems = lint(files, config, ALL_RULES, backlog=backlog, select=_stopping(config))
    blocked: dict[str, list[str]] = {}
    for problem in problems:
        if problem.severity is Severity.ERROR:
            blocked.setdefault(problem.path, []).append(format_problem(problem, text))
    clean = []
    for file in files:
        if file.path in blocked or file.journey is None:
            continue
        if file.key == INDEX_STEM:
            said = msg(
                "{path}: error: persona id '{id}' would overwrite the index; "
                "give the persona another 'id'",
                path=display(file.path),
                id=INDEX_STEM,
            )
            blocked[file.path] = [text(said)]
            continue
        clean.append(file)
    return clean, blocked


def _stopping(config: Config) -> list[str] | None:
    """The rules that can stop a render: those configured as errors, and the loader's
    (whose findings on a file that did not load keep their own severity); None: all.

    Render shows errors only, so the warning and info rules need not run. Unless
    unused-suppression is an error: it judges the suppressions of every rule that ran.
    """
    active = configure(ALL_RULES, config)
    severity = {item.rule.id: item.severity for item in active}
    if severity.get(UNUSED_SUPPRESSION) is Severity.ERROR:
        return None
    needed = [
        item.rule.id
        for item in active
        if item.severity is Severity.ERROR or item.rule.reported_by_loader
    ]
    return needed or None


def _check(outputs: dict[str, bytes], out_dir: Path, text: Text) -> int:
    stale = 0
    for name, data in outputs.items():
        path = out_dir / name
        if not path.is_file():
            print(text(msg("missing: {path}", path=display(path))))
            stale += 1
        elif _read(path) != data:
            print(text(msg("stale: {path}", path=display(path))))
            stale += 1
    if stale:
        said = nmsg(
            "{stale} of {count} file out of date; run cjm render to update",
            "{stale} of {count} files out of date; run cjm render to update",
            len(outputs),
            stale=text.number(stale),
        )
        print(text(said))
        if stale == len(outputs) and all((out_dir / name).is_file() for name in outputs):
            # Nothing matches: more likely other options than other journeys.
            print(
                text(
                    msg(
                        "every file differs: the options (--format, --lang, --analytics, "
                        "--templates) probably differ from the run that wrote them; keep them "
                        "in cjm.yaml under 'render:' so both runs use the same"
                    )
                )
            )
        return 1
    said = nmsg(
        "{count} file up to date in {folder}",
        "{count} files up to date in {folder}",
        len(outputs),
        folder=display(out_dir),
    )
    print(text(said))
    return 0


# What atomic_write adds around a name for its temporary file: ".NAME.XXXXXXXX.tmp".
_TEMPORARY_AFFIXES = len("..12345678.tmp")


def _preflight(outputs: dict[str, bytes], out_dir: Path, text: Text) -> None:
    """Refuse, before anything is written, every output that could not be written.

    Ids are bounded by the schema, so a name too long for the file system or a
    folder where a page belongs is a rare mistake; found halfway through the
    writes it would leave --out half old and half new.
    """
    existing = next((p for p in (out_dir, *out_dir.parents) if p.is_dir()), Path())
    try:
        name_max = os.pathconf(existing, "PC_NAME_MAX")
    except (OSError, ValueError):
        name_max = 255
    problems = []
    for name in outputs:
        path = out_dir / name
        if len(os.fsencode(name)) + _TEMPORARY_AFFIXES > name_max:
            problems.append(msg("  {path}: the name is too long for the file system", path=path))
        elif path.is_dir():
            problems.append(msg("  {path}: a folder is in the way of this page", path=path))
    if problems:
        raise UsageError(
            msg(
                "cannot write these files; nothing was written:\n{files}",
                files="\n".join(text(problem) for problem in problems),
            )
        )


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # unreadable is not up to date


def _write(outputs: dict[str, bytes], out_dir: Path, journeys: int, text: Text) -> None:
    _preflight(outputs, out_dir, text)
    written = 0
    for name, data in outputs.items():
        path = out_dir / name
        # An unchanged file is left alone: its timestamp stays, so make and
        # editors do not see a change that is not there.
        if not write_file(path, data, skip_unchanged=True):
            continue
        print(text(msg("wrote {path}", path=display(path))))
        written += 1
    said = nmsg(
        "rendered {count} journey into {folder}: {written} written, {unchanged} unchanged",
        "rendered {count} journeys into {folder}: {written} written, {unchanged} unchanged",
        journeys,
        folder=display(out_dir),
        written=text.number(written),
        unchanged=text.number(len(outputs) - written),
    )
    print(text(said))
    for index in (f"{INDEX_STEM}.html", f"{INDEX_STEM}.md"):
        if index in outputs:
            print(text(msg("open {path}", path=display(out_dir / index))))
            break
