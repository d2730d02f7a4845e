"""Render formats as a registry: a format may build on another's files and give bytes."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from cjm.render import formats
from cjm.render.outputs import Site, render_outputs
from cjm.text import text_for
from tests.render.helpers import EXAMPLES, _templates, load_example


def test_a_bytes_format_built_on_the_html_renders_the_html_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rendered: list[str] = []
    real = formats.FORMATS.get

    def counting(name: str) -> formats.RenderFormat:
        rendered.append(name)
        return real(name)

    def poster(site: Site) -> Mapping[str, bytes]:
        # A binary format (a PDF or a PNG in real life) made from the HTML pages.
        html = site.outputs("html")
        return {"posters.bin": b"\x00\xff" + b"".join(sorted(html.values()))[:16]}

    monkeypatch.setattr(formats.FORMATS, "get", lambda n: poster if n == "poster" else counting(n))
    files = [load_example(path) for path in EXAMPLES]
    outputs = render_outputs(files, ["poster", "html"], text_for("nl"), _templates(()))
    assert rendered == ["html"]  # once, though both formats need it
    assert outputs["posters.bin"].startswith(b"\x00\xff<!")
    assert {f"{file.key}.html" for file in files} | {"index.html", "posters.bin"} == set(outputs)
    assert list(outputs) == sorted(outputs)
