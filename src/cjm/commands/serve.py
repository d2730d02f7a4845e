"""``cjm serve``: the maps, live, for a workshop.

Renders what ``cjm render`` would (HTML, in memory: nothing is written), serves
it on 127.0.0.1, and re-renders when a journey, ``cjm.yaml``, a template,
opportunities or the ``--analytics`` export changes; every open tab then reloads
itself. A journey that does not lint shows its problems in place of its map.
Runs until Ctrl-C or SIGTERM, then exits 0. Exit 2 when the port is taken or the
project cannot be rendered at the start.
"""

from __future__ import annotations

import ipaddress
import signal
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from cjm.serve.server import EventHub, Server, bind
from cjm.serve.site import Build, Site, describe
from cjm.serve.watch import Watcher
from cjm.text import msg

__all__ = ["run"]

WATCH_START_SECONDS = 10.0
"""Wait this long at most for watching to start before saying the maps are served."""


def run(
    paths: Sequence[Path],
    host: str,
    port: int,
    open_browser: bool,
    language: str | None,
    templates: Path | None,
    analytics: Path | None,
) -> int:
    with _stop_on_signals():
        site = Site(list(paths), language, templates, analytics)
        hub = EventHub({})
        server = bind(host, port, site, hub)  # first: a port in use fails before any work
        try:
            first = site.build(strict=True)
            hub.publish(_digests(site))
            _serve(server, site, hub, first, host, open_browser)
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: the way to stop
            pass
        finally:
            server.server_close()
    print(site.text(msg("stopped")), flush=True)
    return 0


def _serve(
    server: Server, site: Site, hub: EventHub, first: Build, host: str, open_browser: bool
) -> None:
    url = f"http://{_url_host(host)}:{server.port}/"
    reported = _report_problems(first, ())
    text = site.text
    print(text(msg("cjm serve: {summary}", summary=first.summary(text))), flush=True)
    if not _is_loopback(host):
        warning = msg(
            "cjm: warning: --host {host}: the maps are visible to everyone on the network "
            "who can reach this machine on port {port}",
            host=host,
            port=server.port,
        )
        print(text(warning), file=sys.stderr, flush=True)

    def rebuild(changed: set[Path]) -> None:
        nonlocal reported
        before = _digests(site)
        build = site.build(changed, fresh=not changed)
        after = _digests(site)
        if not changed and after == before:
            return  # watching (re)started and nothing had changed meanwhile
        hub.publish(after)
        text = site.text  # this build's language: cjm.yaml may have changed it
        if changed:
            said = msg(
                "{files} changed: {summary}",
                files=describe(changed, text),
                summary=build.summary(text),
            )
        else:
            said = msg("files changed: {summary}", summary=build.summary(text))
        print(text(said), flush=True)
        reported = _report_problems(build, reported)

    watcher = Watcher(site, rebuild)
    try:
        watcher.start()
        if not watcher.ready.wait(timeout=WATCH_START_SECONDS):
            warning = msg(
                "cjm: warning: cannot watch the files ({error}); "
                "the pages are served but do not follow changes",
                error=watcher.error or site.text(msg("no answer")),
            )
            print(site.text(warning), file=sys.stderr, flush=True)
        print(site.text(msg("serving {url} (Ctrl-C to stop)", url=url)), flush=True)
        if open_browser:
            said = site.text(msg("cjm: could not open a browser; open {url} yourself", url=url))
            threading.Thread(target=_open, args=(url, said), daemon=True).start()
        server.serve_forever(poll_interval=0.2)
    finally:
        _ignore_signals()  # a second Ctrl-C must not interrupt the cleanup
        hub.close()
        watcher.stop()


def _digests(site: Site) -> dict[str, str]:
    return {name: page.digest for name, page in site.pages.items()}


def _report_problems(build: Build, reported: tuple[str, ...]) -> tuple[str, ...]:
    """The build's problems on stderr, unless they are the ones already shown."""
    lines = tuple(line for item in build.blocked for line in item.lines) + build.warnings
    if lines != reported:
        for line in lines:
            print(line, file=sys.stderr, flush=True)
    return lines


def _open(url: str, failed: str) -> None:
    """Open ``url``; print ``failed`` when no browser opens."""
    import webbrowser

    if not webbrowser.open(url):
        print(failed, file=sys.stderr, flush=True)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    """The host to put in the printed URL: every interface is reachable as the local one."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


@contextmanager
def _stop_on_signals() -> Iterator[None]:
    """SIGTERM stops like Ctrl-C; once stopping, a second signal does not interrupt cleanup."""
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _ignore_signals() -> None:
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_IGN)
