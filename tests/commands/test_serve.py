"""``cjm serve`` as a real process: the URL, the pages, the port, the signals, the browser."""

from __future__ import annotations

import os
import re
import signal
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cjm
from tests.serve.helpers import add_touchpoint, get, make_project, poll, serving

pytestmark = pytest.mark.slow

EXAMPLE_NAMES = [
    "it-manager-mkb.html",
    "jonge-ouders.html",
    "jonge-ouders.future.html",
    "online-shopper.html",
]


def _port(url: str) -> int:
    return int(url.rstrip("/").rsplit(":", 1)[1])


def _port_is_free(port: int) -> bool:
    # As a restarted cjm serve binds it: with SO_REUSEADDR, which a closed
    # connection's TIME_WAIT does not block but a listening socket does.
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def test_serves_the_index_and_the_maps_and_nothing_else(tmp_path: Path) -> None:
    make_project(tmp_path)
    with serving(cwd=tmp_path) as served:
        assert served.url.startswith("http://127.0.0.1:")
        assert re.fullmatch(r"cjm serve: 4 klantreizen gerenderd in \d+ ms", served.stdout[0])
        status, index, headers = get(served.url)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        for name in EXAMPLE_NAMES:
            assert f'href="{name}"' in index
            status, page, _ = get(served.url + name)
            assert status == 200 and 'class="tp-name"' in page
        assert get(served.url + "index.html")[1] == index
        # Only rendered names: no file of the project, however the path is spelt.
        for path in (
            "journeys/jonge-ouders.yaml",
            "cjm.yaml",
            "../cjm.yaml",
            "%2e%2e/cjm.yaml",
            "..%2fcjm.yaml",
            "jonge-ouders.md",
            "JONGE-OUDERS.html",
            "index.html/",
            "_cjm/",
        ):
            status, body, _ = get(served.url + path)
            assert status == 404, path
            assert "cjm.yaml" not in body and "language" not in body


def test_a_change_re_renders_and_says_what_and_how_long(tmp_path: Path) -> None:
    journeys = make_project(tmp_path)
    with serving(cwd=tmp_path) as served:
        add_touchpoint(journeys / "jonge-ouders.yaml")
        line = served.wait_for_line(
            r"^journeys/jonge-ouders\.yaml gewijzigd: 4 klantreizen gerenderd in (\d+) ms$", 10
        )
        assert int(line.group(1)) < 1000
        page = served.url + "jonge-ouders.html"
        assert poll(lambda: "Post-it uit de workshop" in get(page)[1], 3)
        assert served.stop() == 0


def test_a_journey_in_a_new_folder_and_a_new_template_are_served(tmp_path: Path) -> None:
    journeys = make_project(tmp_path)
    with serving(cwd=tmp_path) as served:
        text = (journeys / "jonge-ouders.yaml").read_text(encoding="utf-8")
        (journeys / "team").mkdir()
        (journeys / "team" / "nieuw.yaml").write_text(
            text.replace("id: jonge-ouders", "id: nieuwe-ouders", 1), encoding="utf-8"
        )
        assert poll(lambda: 'href="nieuwe-ouders.html"' in get(served.url)[1], 5), served.stdout
        assert get(served.url + "nieuwe-ouders.html")[0] == 200
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "journey.html.j2").write_text(
            "<p>{{ persona.name }} in de workshop</p>\n", encoding="utf-8"
        )
        page = served.url + "online-shopper.html"
        assert poll(lambda: get(page)[1].startswith("<p>Online shopper in de workshop</p>"), 5)
        assert served.stop() == 0


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_stops_cleanly_and_frees_the_port(tmp_path: Path, how: signal.Signals) -> None:
    make_project(tmp_path)
    with serving(cwd=tmp_path) as served:
        port = _port(served.url)
        assert not _port_is_free(port)
        # An open event stream (a tab) must not keep the server alive.
        with socket.create_connection(("127.0.0.1", port), timeout=5) as tab:
            tab.sendall(b"GET /_cjm/events HTTP/1.0\r\n\r\n")
            assert b"200 OK" in tab.recv(1024)
            assert served.stop(how) == 0
        assert served.stdout[-1] == "gestopt"
        assert "Traceback" not in "\n".join(served.stderr)
        assert served.stderr == []
        assert _port_is_free(port)


def test_a_port_in_use_is_exit_2_naming_the_port(tmp_path: Path) -> None:
    make_project(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cjm("serve", "--port", str(port), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"cjm: fout: poort {port} is al in gebruik op 127.0.0.1: stop wat hem gebruikt, "
        "of kies een andere poort met --port (--port 0 kiest een vrije)\n"
    )
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere"], "cjm: fout: 'nowhere' bestaat niet\n"),
        (["--templates", "missing"], "cjm: fout: --templates: 'missing' is geen map\n"),
        (["--port", "70000"], "less than or equal to"),
        (["--lang", "de"], "must be one of en, nl, got 'de'"),
    ],
)
def test_what_cannot_start_is_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    make_project(tmp_path)
    done = run_cjm("serve", "--port", "0", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_every_interface_is_a_warning(tmp_path: Path) -> None:
    make_project(tmp_path)
    with serving("--host", "0.0.0.0", cwd=tmp_path) as served:
        assert served.url.startswith("http://127.0.0.1:")
        assert poll(lambda: served.stderr, 5)
        assert served.stderr[0] == (
            "cjm: waarschuwing: --host 0.0.0.0: de kaarten zijn zichtbaar voor iedereen op het "
            f"netwerk die deze computer op poort {_port(served.url)} kan bereiken"
        )
        assert get(served.url)[0] == 200
        assert served.stop() == 0


def test_open_starts_the_default_browser_on_the_url(tmp_path: Path) -> None:
    make_project(tmp_path)
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\necho "$1" > {opened}\n', encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    env = {**os.environ, "BROWSER": str(browser)}
    with serving("--open", cwd=tmp_path, env=env) as served:
        assert poll(lambda: opened.is_file() and opened.read_text().strip(), 10)
        assert opened.read_text(encoding="utf-8") == served.url + "\n"
        assert served.stop() == 0


def test_cjm_lint_does_not_load_the_server() -> None:
    # `cjm lint` runs on every commit: cjm serve's modules and watchfiles stay out of it.
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "cjm", "lint", "journeys/jonge-ouders.yaml"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "cjm.cli" in imported and "cjm.lint.engine" in imported
    assert not {name for name in imported if name.startswith(("watchfiles", "cjm.serve"))}
    assert "http.server" not in imported
