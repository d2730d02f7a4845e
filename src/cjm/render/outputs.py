"""From loaded journeys to output files, in memory: ``{file name: bytes}``.

Rendering everything before writing anything means a broken template or a
reserved name stops the run before a single file in ``--out`` changes, and lets
``--check`` compare the very bytes a write would produce.

The formats are the modules of :mod:`cjm.render.formats` (its ``FORMATS``):
each has ``render(site) -> {file name: bytes}``, from templates (html, markdown,
mermaid) or from another format's files (a PDF printed from the HTML), so a
format may produce text or bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from cjm.loader import JourneyFile
from cjm.names import INDEX_STEM
from cjm.phase_models import PhaseModel
from cjm.render.context import JourneyPage, Measurements, build_index, build_journey
from cjm.render.environment import Templates
from cjm.render.formats import FORMATS, RenderFormat
from cjm.render.poster import PosterOptions

if TYPE_CHECKING:
    from cjm.browser.cdp import Browser

__all__ = ["FORMATS", "INDEX_STEM", "RenderFormat", "Site", "render_outputs"]


class Site:
    """What a format renders from: the journeys, the language, templates, measurements.

    :meth:`outputs` gives another format's files (rendered once per run), so a
    format built on the HTML does not render it again; :meth:`browser` is the one
    headless browser the posters print with, started when first asked for and
    closed by :meth:`close`.
    """

    def __init__(
        self,
        files: Sequence[JourneyFile],
        language: str,
        templates: Templates,
        measurements: Measurements | None = None,
        poster: PosterOptions | None = None,
    ) -> None:
        self.files = sorted(files, key=lambda file: file.persona_id)
        self.language, self.templates, self.measurements = language, templates, measurements
        self.poster = poster or PosterOptions()
        self._browser: Browser | None = None
        self.models: dict[str, PhaseModel] = {}
        for file in self.files:
            assert file.model is not None, "render only journeys that loaded"
            self.models[file.persona_id] = file.model
        self._rendered: dict[str, dict[str, bytes]] = {}
        self._pages: list[JourneyPage] | None = None

    def pages(self) -> list[JourneyPage]:
        """Each journey's page, built once for every format (issue 17: building it
        per format cost about three times as much). The pages name ``index.html``
        as their index; a format sets its own index file per render."""
        if self._pages is None:
            measured = self.measurements
            unclaimed = measured.unclaimed if measured else ()
            self._pages = [
                build_journey(
                    file,
                    self.language,
                    f"{INDEX_STEM}.html",
                    measured.journeys.get(file.persona_id) if measured else None,
                    unclaimed,
                )
                for file in self.files
            ]
        return self._pages

    def outputs(self, name: str) -> dict[str, bytes]:
        """The files of format ``name``."""
        if name not in self._rendered:
            self._rendered[name] = dict(FORMATS.get(name)(self))
        return self._rendered[name]

    def html_pages(self) -> dict[str, str]:
        """The HTML maps and index as text, by file name: what a poster prints."""
        return {name: data.decode() for name, data in self.outputs("html").items()}

    def browser(self) -> Browser:
        """The headless browser (``--browser``, else the usual places), started once."""
        if self._browser is None:
            from cjm.browser.cdp import Browser
            from cjm.browser.find import find_browser

            self._browser = Browser(find_browser(self.poster.browser))
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None

    def from_templates(
        self, suffix: str, journey_template: str, index_template: str | None
    ) -> dict[str, bytes]:
        """A page per journey from ``journey_template``, and an index, as ``<id><suffix>``."""
        index_name = f"{INDEX_STEM}{suffix}"
        outputs: dict[str, bytes] = {}
        pages = self.pages()
        for page in pages:
            variables = page.variables()
            variables["index"] = index_name  # the one field that differs per format
            text = self.templates.render(journey_template, variables)
            outputs[f"{page.persona_id}{suffix}"] = text.encode()
        if index_template is not None and pages:
            index = build_index(pages, self.models, self.language, suffix, self.measurements)
            outputs[index_name] = self.templates.render(index_template, index.variables()).encode()
        return outputs


def render_outputs(
    files: Sequence[JourneyFile],
    formats: Sequence[str],
    language: str,
    templates: Templates,
    measurements: Measurements | None = None,
    poster: PosterOptions | None = None,
) -> dict[str, bytes]:
    """Every output file for ``files`` (valid journeys) in ``formats``, sorted by name.

    With ``measurements`` the journeys' metrics (by persona id), their period and the
    unclaimed sources are shown; without, the output is as if they did not exist.
    ``poster`` sets the paper, size and browser of the posters (pdf, png, pptx).
    """
    site = Site(files, language, templates, measurements, poster)
    outputs: dict[str, bytes] = {}
    try:
        for name in sorted(dict.fromkeys(formats)):
            outputs.update(site.outputs(name))
    finally:
        site.close()
    return dict(sorted(outputs.items()))
