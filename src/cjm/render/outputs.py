"""From loaded journeys to output files, in memory: ``{file name: bytes}``.

Rendering everything before writing anything means a broken template or a
reserved name stops the run before a single file in ``--out`` changes, and lets
``--check`` compare the very bytes a write would produce.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from cjm.loader import JourneyFile
from cjm.names import INDEX_STEM
from cjm.phase_models import PhaseModel
from cjm.render.context import BLUEPRINT, JourneyPage, Measurements, build_index, build_journey
from cjm.render.environment import Templates
from cjm.render.plan import link_states
from cjm.render.views import DEFAULT_VIEW
from cjm.states import Member

__all__ = ["FORMATS", "INDEX_STEM", "OutputFormat", "render_outputs"]


@dataclass(frozen=True)
class OutputFormat:
    name: str
    suffix: str
    journey_template: str
    index_template: str | None


FORMATS: dict[str, OutputFormat] = {
    item.name: item
    for item in (
        OutputFormat("html", ".html", "journey.html.j2", "index.html.j2"),
        OutputFormat("markdown", ".md", "journey.md.j2", "index.md.j2"),
        OutputFormat("mermaid", ".mmd", "journey.mmd.j2", None),
    )
}


def render_outputs(
    files: Sequence[JourneyFile],
    formats: Sequence[str],
    language: str,
    templates: Templates,
    measurements: Measurements | None = None,
    view: str = DEFAULT_VIEW,
) -> dict[str, bytes]:
    """Every output file for ``files`` (valid journeys) in ``formats``, sorted by name.

    With ``measurements`` the journeys' metrics (by journey key), their period and the
    unclaimed sources are shown; without, the output is as if they did not exist.
    ``view`` is one of :data:`~cjm.render.views.VIEWS`: ``blueprint`` draws the
    service-blueprint lanes under the map. Files are named by journey key
    (:mod:`cjm.states`); a future state's page shows the current journey beside it.
    """
    ordered = sorted(files, key=lambda file: file.key)
    models: dict[str, PhaseModel] = {}
    members: dict[str, Member] = {}
    for file in ordered:
        assert file.model is not None and file.journey is not None, "render only loaded journeys"
        models[file.key] = file.model
        members[file.key] = Member(file.path, file.journey)
    blueprint = BLUEPRINT if view == "blueprint" else ()
    outputs: dict[str, bytes] = {}
    for name in sorted(dict.fromkeys(formats)):
        output = FORMATS[name]
        index_name = f"{INDEX_STEM}{output.suffix}"
        pages: list[JourneyPage] = []
        for file in ordered:
            metrics = measurements.journeys.get(file.key) if measurements else None
            unclaimed = measurements.unclaimed if measurements else ()
            page = build_journey(file, language, index_name, metrics, unclaimed)
            pages.append(dataclasses.replace(page, blueprint=blueprint))
        pages = link_states(pages, members, output.suffix)
        for page in pages:
            text = templates.render(output.journey_template, page.variables())
            outputs[f"{page.key}{output.suffix}"] = text.encode()
        if output.index_template is not None and pages:
            index = build_index(pages, models, language, output.suffix, measurements)
            outputs[index_name] = templates.render(
                output.index_template, index.variables()
            ).encode()
    return dict(sorted(outputs.items()))
