"""``--format markdown``: for a pull-request comment or a change log for a client.

Written in the project's language (``language:`` in cjm.yaml): per persona a
heading and a summary line, then the changes grouped by phase. User text goes
through :func:`cjm.output.escape.markdown`: a ``*``, ``|``, ``<script>`` or a
newline in a touchpoint name shows as written and cannot start a heading.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cjm.diff.changes import PersonaDiff
from cjm.diff.report import DiffReport
from cjm.diff.wording import Section, Segment, outline
from cjm.diff.wording import summary as counts
from cjm.output.escape import markdown as escape
from cjm.output.escape import markdown_code as _code
from cjm.text import Text, msg

__all__ = ["report"]


def _inline(segments: Sequence[Segment]) -> str:
    parts = []
    for text, style in segments:
        if not text:
            continue
        if style in ("field", "id"):
            parts.append(_code(text))
        elif style == "subject":
            parts.append(f"**{escape(text)}**")
        elif style in ("del", "ins") and text.strip():
            mark = "~~" if style == "del" else "**"
            parts.append(_spaced(text, f"{mark}{escape(text)}{mark}"))
        else:
            parts.append(_spaced(text, escape(text)))
    return "".join(parts)


def _spaced(text: str, escaped: str) -> str:
    """``escaped`` (which has no space at its ends: emphasis must not) with one space
    where ``text`` starts or ends with whitespace, as the segments join."""
    if not text.strip():
        return " "
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{escaped}{trail}"


def _heading(section: Section) -> str:
    # A heading needs no bold and no "phase" label: the name, and the id of a phase.
    name = escape("".join(text for text, style in section.header if style == "name"))
    return name if section.phase is None else f"{name} ({_code(section.phase)})"


def report(summary: DiffReport, stream: TextIO, color: bool) -> None:
    text = _render(summary.diffs, summary.text)
    if summary.header:  # under the report's title
        title, rest = text.split("\n\n", 1)
        lines = "".join(f"**{escape(summary.text(line))}**\n\n" for line in summary.header)
        text = f"{title}\n\n{lines}{rest}"
    stream.write(text)


def _render(diffs: Sequence[PersonaDiff], text: Text) -> str:
    title = text(msg("Changes to the customer journeys"))
    out = [f"# {escape(title)}", ""]
    if not diffs:
        out += [escape(text(msg("No changes to the customer journeys."))), ""]
    for diff in diffs:
        out += [f"## {escape(diff.name)} ({_code(diff.persona)})", ""]
        out += [escape(counts(diff, text)), ""]
        if diff.status != "changed":
            continue
        for section in outline(diff, text):
            out += [f"### {_heading(section)}", ""]
            for entry in section.entries:
                if entry.subject is None:
                    out += [f"- {_inline(line)}" for line in entry.lines]
                elif len(entry.lines) == 1:
                    out.append(f"- {_inline(entry.subject)}: {_inline(entry.lines[0])}")
                else:
                    out.append(f"- {_inline(entry.subject)}")
                    out += [f"  - {_inline(line)}" for line in entry.lines]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
