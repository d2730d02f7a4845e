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

from cjm.loader import JourneyFile
from cjm.phase_models import PhaseModel
from cjm.render.context import JourneyPage, Measurements, build_index, build_journey
from cjm.render.environment import Templates
from cjm.render.formats import FORMATS, RenderFormat

__all__ = ["FORMATS", "INDEX_STEM", "RenderFormat", "Site", "render_outputs"]

INDEX_STEM = "index"
"""The index's file stem; a persona with this id would collide with it."""


class Site:
    """What a format renders from: the journeys, the language, templates, measurements.

    :meth:`outputs` gives another format's files (rendered once per run), so a
    format built on the HTML does not render it again.
    """

    def __init__(
        self,
        files: Sequence[JourneyFile],
        language: str,
        templates: Templates,
        measurements: Measurements | None = None,
    ) -> None:
        self.files = sorted(files, key=lambda file: file.persona_id)
        self.language, self.templates, self.measurements = language, templates, measurements
        self.models: dict[str, PhaseModel] = {}
        for file in self.files:
            assert file.model is not None, "render only journeys that loaded"
            self.models[file.persona_id] = file.model
        self._rendered: dict[str, dict[str, bytes]] = {}

    def outputs(self, name: str) -> dict[str, bytes]:
        """The files of format ``name``."""
        if name not in self._rendered:
            self._rendered[name] = dict(FORMATS.get(name)(self))
        return self._rendered[name]

    def from_templates(
        self, suffix: str, journey_template: str, index_template: str | None
    ) -> dict[str, bytes]:
        """A page per journey from ``journey_template``, and an index, as ``<id><suffix>``."""
        index_name = f"{INDEX_STEM}{suffix}"
        outputs: dict[str, bytes] = {}
        pages: list[JourneyPage] = []
        measured = self.measurements
        for file in self.files:
            metrics = measured.journeys.get(file.persona_id) if measured else None
            page = build_journey(file, self.language, index_name, metrics)
            pages.append(page)
            text = self.templates.render(journey_template, page.variables())
            outputs[f"{page.persona_id}{suffix}"] = text.encode()
        if index_template is not None and pages:
            index = build_index(pages, self.models, self.language, suffix, measured)
            outputs[index_name] = self.templates.render(index_template, index.variables()).encode()
        return outputs


def render_outputs(
    files: Sequence[JourneyFile],
    formats: Sequence[str],
    language: str,
    templates: Templates,
    measurements: Measurements | None = None,
) -> dict[str, bytes]:
    """Every output file for ``files`` (valid journeys) in ``formats``, sorted by name.

    With ``measurements`` the journeys' metrics (by persona id), their period and the
    unclaimed sources are shown; without, the output is as if they did not exist.
    """
    site = Site(files, language, templates, measurements)
    outputs: dict[str, bytes] = {}
    for name in sorted(dict.fromkeys(formats)):
        outputs.update(site.outputs(name))
    return dict(sorted(outputs.items()))
