"""From loaded journeys to output files, in memory: ``{file name: bytes}``.

Rendering everything before writing anything means a broken template or a
reserved name stops the run before a single file in ``--out`` changes, and lets
``--check`` compare the very bytes a write would produce.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from cjm.backlog.score import Ranked
from cjm.loader import JourneyFile
from cjm.models import Journey
from cjm.names import INDEX_STEM
from cjm.phase_models import PhaseModel
from cjm.render.backlog import OpportunityView, opportunity_views
from cjm.render.context import JourneyPage, Measurements, build_index, build_journey
from cjm.render.environment import Templates

__all__ = ["FORMATS", "INDEX_STEM", "BacklogInput", "OutputFormat", "render_outputs"]


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


@dataclass(frozen=True)
class BacklogInput:
    """The project's opportunities for a render: ranked, with the formula that ranked them."""

    ranked: Sequence[Ranked] = ()
    formula: str | None = None
    journeys: dict[str, Journey] = field(default_factory=dict)
    """Every journey that loaded, by persona id: links resolve against all, not only the
    rendered ones."""


def render_outputs(
    files: Sequence[JourneyFile],
    formats: Sequence[str],
    language: str,
    templates: Templates,
    measurements: Measurements | None = None,
    backlog: BacklogInput | None = None,
) -> dict[str, bytes]:
    """Every output file for ``files`` (valid journeys) in ``formats``, sorted by name.

    With ``measurements`` the journeys' metrics (by persona id), their period and the
    unclaimed sources are shown; without, the output is as if they did not exist.
    With ``backlog`` the opportunities show on the maps and, with the matrix, in the index.
    """

    ordered = sorted(files, key=lambda file: file.persona_id)
    models: dict[str, PhaseModel] = {}
    for file in ordered:
        assert file.model is not None, "render only journeys that loaded"
        models[file.persona_id] = file.model
    outputs: dict[str, bytes] = {}
    for name in sorted(dict.fromkeys(formats)):
        output = FORMATS[name]
        index_name = f"{INDEX_STEM}{output.suffix}"
        pages: list[JourneyPage] = []
        views: tuple[OpportunityView, ...] = ()
        if backlog is not None and backlog.ranked:
            rendered = {
                file.persona_id: file.journey.persona.name
                for file in ordered
                if file.journey is not None
            }
            views = opportunity_views(backlog.ranked, backlog.journeys, rendered, output.suffix)
        for file in ordered:
            metrics = measurements.journeys.get(file.persona_id) if measurements else None
            unclaimed = measurements.unclaimed if measurements else ()
            page = build_journey(file, language, index_name, metrics, unclaimed, views)
            pages.append(page)
            text = templates.render(output.journey_template, page.variables())
            outputs[f"{page.persona_id}{output.suffix}"] = text.encode()
        if output.index_template is not None and pages:
            formula = backlog.formula if backlog is not None else None
            index = build_index(
                pages, models, language, output.suffix, measurements, views, formula
            )
            outputs[index_name] = templates.render(
                output.index_template, index.variables()
            ).encode()
    return dict(sorted(outputs.items()))
