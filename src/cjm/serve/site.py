"""The served site: every page ``cjm render --format html`` would write, kept in memory.

:meth:`Site.build` loads, lints and renders as ``cjm render`` does (the same
configuration, template search path, ``--analytics`` matching and lint gate),
then puts a page of problems in place of each journey that does not lint. What
is unchanged since the last build is not done again: a journey file whose bytes
are the same is not parsed again, and the compiled templates are kept until a
template or ``cjm.yaml`` changes. Rendering itself goes through one function,
:func:`render_pages`.

A build that fails as a whole (``cjm.yaml``, a template, the export, a missing
journeys folder) leaves one page naming the problem under every name, and the
next build after the fix brings the maps back.
"""

from __future__ import annotations

import contextlib
import io
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from cjm.backlog.loader import covers_project, load_backlog
from cjm.commands.render import (
    backlog_input,
    chosen_export,
    chosen_language,
    chosen_view,
    lint_gate,
    measure,
    template_search_path,
)
from cjm.config import CONFIG_NAMES, Config, load_config
from cjm.errors import CjmError, UsageError
from cjm.fsutil import shown_path
from cjm.loader import JOURNEY_SUFFIXES, JourneyFile, discover, load_journey, load_text
from cjm.render.context import Measurements
from cjm.render.environment import TEMPLATE_SUFFIX, Templates
from cjm.render.outputs import INDEX_STEM, BacklogInput, render_outputs
from cjm.render.views import DEFAULT_VIEW
from cjm.serve import pages
from cjm.serve.pages import Blocked
from cjm.text import Text, choose_language, msg, nmsg, text_for

__all__ = ["INDEX", "Build", "Page", "Site", "WatchPlan", "describe", "render_pages"]

INDEX = f"{INDEX_STEM}.html"

OPPORTUNITIES = "opportunities"
"""Project-wide opportunities next to cjm.yaml (``opportunities.yaml`` or a folder of them):
watched where they exist, so the maps follow them once the render pipeline reads them."""


def render_pages(
    files: Sequence[JourneyFile],
    text: Text,
    templates: Templates,
    measurements: Measurements | None,
    view: str = DEFAULT_VIEW,
    backlog: BacklogInput | None = None,
) -> dict[str, bytes]:
    """The HTML pages ``cjm render`` writes for ``files``: the one call into the render pipeline."""
    return render_outputs(
        files, ["html"], text, templates, measurements, view=view, backlog=backlog
    )


@dataclass(frozen=True)
class Page:
    body: bytes
    digest: str

    @classmethod
    def of(cls, body: bytes) -> Page:
        return cls(body, pages.digest(body))


class Build(NamedTuple):
    """What one build did, for the line ``cjm serve`` prints."""

    rendered: int
    blocked: tuple[Blocked, ...]
    error: str | None
    seconds: float
    warnings: tuple[str, ...]
    """What building printed: the export's warnings, as ``cjm render --analytics`` prints them."""

    def summary(self, text: Text) -> str:
        """The build in a line, in ``text``'s language."""
        took = text.number(round(self.seconds * 1000))
        if self.error is not None:
            return text(msg("not rendered in {ms} ms: {error}", ms=took, error=self.error))
        said = nmsg(
            "{count} journey rendered in {ms} ms",
            "{count} journeys rendered in {ms} ms",
            self.rendered,
            ms=took,
        )
        if not self.blocked:
            return text(said)
        blocked = nmsg(
            "{count} journey not shown because of errors",
            "{count} journeys not shown because of errors",
            len(self.blocked),
        )
        return text(msg("{rendered}; {blocked}", rendered=said, blocked=blocked))


@dataclass(frozen=True)
class WatchPlan:
    """Which folders to watch (each without its subfolders), and which changes in them count."""

    folders: frozenset[Path]
    journey_folders: frozenset[Path] = frozenset()
    template_folders: frozenset[Path] = frozenset()
    files: frozenset[Path] = frozenset()

    def counts(self, path: Path) -> bool:
        """Whether a change to ``path`` can change a page."""
        # Resolved, as the plan is: macOS reports /private/var for /var, for one.
        path = path.resolve()
        if path in self.files:
            return True
        if path.name.startswith("."):  # editors' swap files, cjm's own temporary files
            return False
        parent = path.parent
        if parent in self.journey_folders:
            return path.suffix in JOURNEY_SUFFIXES or self._is_folder(path)
        if parent in self.template_folders:
            return path.name.endswith(TEMPLATE_SUFFIX) or self._is_folder(path)
        return False

    def _is_folder(self, path: Path) -> bool:
        """A folder that appeared, or one that was watched and went away (not an editor's
        temporary file, which is gone by the time it is looked at)."""
        return path in self.folders or path.is_dir()


@dataclass
class Site:
    """The pages ``cjm render PATHS --lang --templates --analytics`` would write."""

    paths: Sequence[Path]
    language: str | None = None
    templates: Path | None = None
    analytics: Path | None = None
    pages: dict[str, Page] = field(default_factory=dict)
    """Served name → page; replaced as a whole by each build, so readers need no lock."""
    plan: WatchPlan = field(default_factory=lambda: WatchPlan(frozenset()))
    _config_key: object = None
    _search: list[Path] = field(default_factory=list)
    _compiled: Templates | None = None
    _loaded: dict[str, tuple[bytes, JourneyFile]] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)
    text: Text = field(default_factory=lambda: text_for(choose_language(None, None)))
    """The language of the pages and messages, decided by each build from --lang and
    cjm.yaml (English until the first build has read it)."""

    @property
    def lang(self) -> str:
        return self.text.language

    def build(
        self, changed: Collection[Path] = (), *, strict: bool = False, fresh: bool = False
    ) -> Build:
        """Render the site again after ``changed`` (absolute paths) changed.

        ``fresh``: what changed is not known, so compile the templates again too (a
        journey file is read again anyway). A problem with the project as a whole
        becomes the page of every name; with ``strict`` (the first build, before
        serving) it is raised instead.
        """
        start = time.perf_counter()
        if fresh:
            self._compiled = None
        try:
            rendered, blocked, printed = self._build(changed)
            error = None
        except (CjmError, OSError) as problem:
            if strict:
                if isinstance(problem, CjmError):
                    raise
                raise UsageError(_os_message(problem)) from None
            rendered, blocked, printed = 0, (), ()
            error = (
                problem.text(self.text) if isinstance(problem, CjmError) else _os_message(problem)
            )
            page = Page.of(pages.site_error_page(error, self.text))
            self.pages = dict.fromkeys([INDEX, *self.pages], page)
        return Build(rendered, blocked, error, time.perf_counter() - start, printed)

    def _build(self, changed: Collection[Path]) -> tuple[int, tuple[Blocked, ...], tuple[str, ...]]:
        config = load_config()
        self.text = text_for(chosen_language(config, self.language))
        export = chosen_export(config, self.analytics)
        key = (config.root, config.path, config.settings)
        if key != self._config_key:
            # Another model or rule setting: every journey loads and lints differently.
            self._config_key, self._loaded, self._compiled = key, {}, None
        search = template_search_path(config, self.templates)
        if search != self._search or any(_is_template(path, search) for path in changed):
            self._search, self._compiled = search, None
        if self._compiled is None:
            self._compiled = Templates(search)
        # Planned before discovery, which fails while the journeys folder is missing:
        # then its coming back is what to watch for.
        self.plan = _plan(self.paths, config, search, export)
        files = [self._load(path, config) for path in discover(self.paths, config)]
        printed: tuple[str, ...] = ()
        measured = None
        if export is not None:
            # measure() prints the export's warnings to stderr, as cjm render does; they
            # are kept with the build so that cjm serve prints them only when they change.
            captured = io.StringIO()
            with contextlib.redirect_stderr(captured):
                measured = measure(export, files, self.text)
            printed = tuple(captured.getvalue().splitlines())
        # The opportunities, as cjm render shows them: an opportunities file with
        # errors is left out, and its problems are listed on the index.
        backlog = load_backlog(config)
        covered = covers_project(self.paths, config)
        clean, blocked_lines = lint_gate(files, config, backlog if covered else None, self.text)
        backlog.files = [file for file in backlog.files if file.path not in blocked_lines]
        ranked = backlog_input(config, files, backlog)
        view = chosen_view(config, None)  # render: view: in cjm.yaml, as cjm render reads it
        rendered = render_pages(clean, self.text, self._compiled, measured, view, ranked)
        for file in clean:
            self._names[file.path] = f"{file.key}.html"
        by_path = {file.path: file for file in files}
        blocked = tuple(
            Blocked(
                path,
                self._page_name(by_path[path], rendered) if path in by_path else None,
                tuple(lines),
            )
            for path, lines in blocked_lines.items()
        )
        self.pages = self._assemble(rendered, blocked)
        return len(clean), blocked, printed

    def _load(self, path: Path, config: Config) -> JourneyFile:
        shown = str(path)
        try:
            raw = path.read_bytes()
        except OSError:
            self._loaded.pop(shown, None)
            return load_journey(path, config)  # which words the read error as a finding
        cached = self._loaded.get(shown)
        if cached is not None and cached[0] == raw:
            return cached[1]
        file = load_text(raw, shown, config)
        self._loaded[shown] = (raw, file)
        return file

    def _page_name(self, file: JourneyFile, rendered: dict[str, bytes]) -> str | None:
        """Where a journey that is not rendered shows its problems: where its map was."""
        if file.journey is not None:
            name = f"{file.key}.html"
        else:  # halfway through typing: keep the page the room is looking at
            name = self._names.get(file.path, f"{Path(file.path).stem}.html")
        self._names[file.path] = name
        if name == INDEX or name in rendered or not pages.PAGE_NAME.match(name):
            # A clean journey's map wins, and a file name that cannot be a page has
            # none: the index lists the problems of both.
            return None
        return name

    def _assemble(self, rendered: dict[str, bytes], blocked: Sequence[Blocked]) -> dict[str, Page]:
        served = {name: Page.of(body) for name, body in rendered.items() if name != INDEX}
        by_name: dict[str, list[Blocked]] = {}
        for item in blocked:
            if item.name is not None:
                by_name.setdefault(item.name, []).append(item)
        for name, items in by_name.items():
            title = name.removesuffix(".html")
            served[name] = Page.of(pages.problems_page(title, items, self.text))
        index = rendered.get(INDEX)
        if index is None:
            served[INDEX] = Page.of(pages.empty_index(blocked, self.text))
        else:
            served[INDEX] = Page.of(pages.with_notice(index, blocked, self.text))
        return dict(sorted(served.items()))


def _is_template(path: Path, search: Sequence[Path]) -> bool:
    return path.name.endswith(TEMPLATE_SUFFIX) or any(
        path.resolve().parent == folder.resolve() for folder in search
    )


def _os_message(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


def _tree(folder: Path) -> list[Path]:
    """``folder`` and every folder below it that discovery would enter (not hidden)."""
    found = [folder]
    with contextlib.suppress(OSError):
        for entry in sorted(folder.iterdir()):
            if entry.is_dir() and not entry.name.startswith("."):
                found += _tree(entry)
    return found


def _plan(
    paths: Sequence[Path], config: Config, search: Sequence[Path], analytics: Path | None
) -> WatchPlan:
    """What to watch: the journeys, cjm.yaml, the templates, opportunities, the export."""
    folders: set[Path] = set()
    journey_folders: set[Path] = set()
    template_folders: set[Path] = set()
    files: set[Path] = set()

    def watch_file(path: Path) -> None:
        path = path.resolve()
        files.add(path)
        if path.parent.is_dir():
            folders.add(path.parent)

    for given in paths or [config.journeys_dir]:
        watch_file(given)  # a file, or a folder that may go away and come back
        if given.is_dir():
            tree = [item.resolve() for item in _tree(given)]
            journey_folders.update(tree)
            folders.update(tree)
    for name in CONFIG_NAMES:  # cjm.yaml, also when it is only about to be created
        watch_file(config.root / name)
    watch_file(config.root / f"{OPPORTUNITIES}.yaml")
    opportunities = config.root / OPPORTUNITIES
    if opportunities.is_dir():
        tree = [item.resolve() for item in _tree(opportunities)]
        journey_folders.update(tree)
        folders.update(tree)
    for folder in search:
        tree = [item.resolve() for item in _tree(folder)]
        template_folders.update(tree)
        folders.update(tree)
    # The project's templates/ folder counts from the moment it is created.
    watch_file(config.root / "templates")
    if analytics is not None:
        watch_file(analytics)
    return WatchPlan(
        frozenset(folders),
        frozenset(journey_folders),
        frozenset(template_folders - journey_folders),
        frozenset(files),
    )


def describe(changed: Collection[Path], text: Text) -> str:
    """The changed files as the user would name them: ``journeys/a.yaml and 2 more``."""
    names = sorted(str(shown_path(path)) for path in changed)
    if len(names) <= 3:
        return ", ".join(names)
    more = len(names) - 2
    return text(
        nmsg(
            "{files} and {count} more", "{files} and {count} more", more, files=", ".join(names[:2])
        )
    )
