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

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from cjm.backlog.score import Ranked
from cjm.loader import JourneyFile
from cjm.models import Journey
from cjm.names import INDEX_STEM
from cjm.phase_models import PhaseModel
from cjm.render.backlog import OpportunityView, opportunity_views
from cjm.render.context import BLUEPRINT, JourneyPage, Measurements, build_index, build_journey
from cjm.render.environment import Templates
from cjm.render.formats import FORMATS, RenderFormat
from cjm.render.plan import link_states
from cjm.render.poster import PosterOptions
from cjm.render.views import DEFAULT_VIEW
from cjm.states import Member
from cjm.text import Text

if TYPE_CHECKING:
    from cjm.browser.cdp import Browser

__all__ = ["FORMATS", "INDEX_STEM", "BacklogInput", "RenderFormat", "Site", "render_outputs"]


@dataclass(frozen=True)
class BacklogInput:
    """The project's opportunities for a render: ranked, with the formula that ranked them."""

    ranked: Sequence[Ranked] = ()
    formula: str | None = None
    journeys: dict[str, Journey] = field(default_factory=dict)
    """Every journey that loaded, by persona id: links resolve against all, not only the
    rendered ones."""


class Site:
    """What a format renders from: the journeys, the language (a Text), templates, measurements.

    :meth:`outputs` gives another format's files (rendered once per run), so a
    format built on the HTML does not render it again; :meth:`browser` is the one
    headless browser the posters print with, started when first asked for and
    closed by :meth:`close`. Journeys are known by their key (:mod:`cjm.states`):
    it names their files, and a future state's page shows the current journey
    beside it. ``view`` is one of :data:`~cjm.render.views.VIEWS`.
    """

    def __init__(
        self,
        files: Sequence[JourneyFile],
        text: Text,
        templates: Templates,
        measurements: Measurements | None = None,
        poster: PosterOptions | None = None,
        view: str = DEFAULT_VIEW,
        backlog: BacklogInput | None = None,
    ) -> None:
        self.files = sorted(files, key=lambda file: file.key)
        self.backlog = backlog
        self.text, self.templates, self.measurements = text, templates, measurements
        self.language = text.language
        self.poster = poster or PosterOptions()
        self.view = view
        self._browser: Browser | None = None
        self.models: dict[str, PhaseModel] = {}
        self.members: dict[str, Member] = {}
        for file in self.files:
            assert file.model is not None and file.journey is not None, "render only loaded ones"
            self.models[file.key] = file.model
            self.members[file.key] = Member(file.path, file.journey)
        self._rendered: dict[str, dict[str, bytes]] = {}
        self._pages: dict[tuple[str, tuple[int, ...]], JourneyPage] = {}

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
        """A page per journey from ``journey_template``, and an index, as ``<key><suffix>``."""
        index_name = f"{INDEX_STEM}{suffix}"
        outputs: dict[str, bytes] = {}
        pages: list[JourneyPage] = []
        measured = self.measurements
        blueprint = BLUEPRINT if self.view == "blueprint" else ()
        views = self._backlog_views(suffix)
        for file in self.files:
            pages.append(
                dataclasses.replace(self._page(file, views), index=index_name, blueprint=blueprint)
            )
        pages = link_states(pages, self.members, suffix)
        for page in pages:
            text = self.templates.render(journey_template, page.variables())
            outputs[f"{page.key}{suffix}"] = text.encode()
        if index_template is not None and pages:
            formula = self.backlog.formula if self.backlog is not None else None
            index = build_index(pages, self.models, self.text, suffix, measured, views, formula)
            outputs[index_name] = self.templates.render(index_template, index.variables()).encode()
        return outputs

    def _page(self, file: JourneyFile, views: tuple[OpportunityView, ...]) -> JourneyPage:
        """The journey's page, built once for every format that shows the same opportunities.

        Only two things on a page depend on the format: the index's file name
        (replaced by the caller) and the links of the opportunities that link
        this journey (their views carry the format's suffix), so those views are
        part of the key: without a backlog, html, markdown and mermaid share one page.
        """
        mine = tuple(view for view in views if file.persona_id in view.personas())
        key = (file.key, tuple(map(id, mine)))  # views live as long as the pages that hold them
        page = self._pages.get(key)
        if page is None:
            measured = self.measurements
            metrics = measured.journeys.get(file.key) if measured else None
            unclaimed = measured.unclaimed if measured else ()
            # build_journey keeps the views that link this journey: ``mine`` are all of them.
            page = build_journey(file, self.text, "", metrics, unclaimed, mine)
            self._pages[key] = page
        return page

    def _backlog_views(self, suffix: str) -> tuple[OpportunityView, ...]:
        """The ranked opportunities, their links pointing at ``<persona><suffix>`` pages."""
        if self.backlog is None or not self.backlog.ranked:
            return ()
        rendered = {
            file.persona_id: file.journey.persona.name
            for file in self.files
            if file.journey is not None
        }
        return opportunity_views(self.backlog.ranked, self.backlog.journeys, rendered, suffix)


def render_outputs(
    files: Sequence[JourneyFile],
    formats: Sequence[str],
    text: Text,
    templates: Templates,
    measurements: Measurements | None = None,
    poster: PosterOptions | None = None,
    view: str = DEFAULT_VIEW,
    backlog: BacklogInput | None = None,
) -> dict[str, bytes]:
    """Every output file for ``files`` (valid journeys) in ``formats``, sorted by name.

    With ``measurements`` the journeys' metrics (by journey key), their period and the
    unclaimed sources are shown; without, the output is as if they did not exist.
    ``poster`` sets the paper, size and browser of the posters (pdf, png, pptx);
    ``view`` ``blueprint`` draws the service-blueprint lanes under the map.
    With ``backlog`` the opportunities show on the maps and, with the matrix, in the index.
    """
    site = Site(files, text, templates, measurements, poster, view, backlog)
    outputs: dict[str, bytes] = {}
    try:
        for name in sorted(dict.fromkeys(formats)):
            outputs.update(site.outputs(name))
    finally:
        site.close()
    return dict(sorted(outputs.items()))
