"""Watching the files a site is built from, with ``watchfiles``.

``watchfiles`` (Rust's ``notify``) does the platform-specific part: inotify,
FSEvents or Windows' API, polling where they do not work (WSL, some network
drives), and grouping a burst of events (an editor's save is often three) into
one change. Folders are watched one by one, without their subfolders: a
project's root holds cjm.yaml but also ``.venv`` and ``.git``, whose thousands of
folders must not be watched. When a build changes what is to be watched (a new
subfolder of journeys, a templates folder that appeared), watching restarts
with the new plan.

What changes between a build and the moment watching starts would be missed,
so each time watching starts the watcher first reports an empty set of changes:
"look again". ``ready`` is set once the first watch is in place.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from cjm.serve.site import Site, WatchPlan

__all__ = ["Watcher"]

STEP_MS = 50
"""Changes are handed over once the files have been quiet this long..."""
DEBOUNCE_MS = 400
"""...or after this long at most, while an editor keeps writing."""
TIMEOUT_MS = 250
"""How long watchfiles waits before reporting "nothing": its first report says it is watching."""


class Watcher:
    """Calls ``on_change(paths)`` in its own thread for every group of relevant changes,
    and ``on_change(set())`` each time watching (re)starts."""

    def __init__(self, site: Site, on_change: Callable[[set[Path]], None]) -> None:
        self._site = site
        self._on_change = on_change
        self._stop = threading.Event()
        self.ready = threading.Event()
        self.error: str | None = None
        """Why watching failed last (a folder gone, the system's limit on watches)."""
        self._thread = threading.Thread(target=self._run, name="cjm-serve-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        import watchfiles

        while not self._stop.is_set():
            plan = self._site.plan
            folders = sorted(folder for folder in plan.folders if folder.is_dir())
            if not folders:  # everything watched went away: look again shortly
                self._stop.wait(0.5)
                continue
            watching = False
            try:
                for changes in watchfiles.watch(
                    *folders,
                    watch_filter=_relevant(plan),
                    debounce=DEBOUNCE_MS,
                    step=STEP_MS,
                    stop_event=self._stop,
                    raise_interrupt=False,
                    recursive=False,
                    ignore_permission_denied=True,
                    rust_timeout=TIMEOUT_MS,
                    yield_on_timeout=True,
                ):
                    if not watching:  # now watching: look at what changed meanwhile
                        watching = True
                        self._on_change(set())
                        self.ready.set()
                    if not changes:
                        continue
                    self._on_change({Path(path) for _, path in changes})
                    if self._site.plan != plan:
                        break  # watch what the new build reads
            except OSError as error:
                # A folder went away between planning and watching: plan again.
                self.error = str(error)
                self._stop.wait(0.2)


def _relevant(plan: WatchPlan) -> Callable[[object, str], bool]:
    def relevant(_change: object, path: str) -> bool:
        return plan.counts(Path(path))

    return relevant
