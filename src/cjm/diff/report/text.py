"""``--format text``: a tree per persona, coloured on a terminal, plain otherwise.

Plain text marks changed words the way ``git diff --word-diff=plain`` does
(``[-old-]{+new+}``), so the output reads the same in a log, a pipe or CI.
Text from the journeys goes through :func:`cjm.output.escape.terminal`: one
line stays one line, and an ESC is shown, not obeyed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from cjm.diff.changes import PersonaDiff
from cjm.diff.report import DiffReport
from cjm.diff.wording import Segment, Style, outline
from cjm.diff.wording import summary as counts
from cjm.output.escape import terminal
from cjm.text import Text, msg

__all__ = ["report", "to_lines"]

_PLAIN_MARKS: dict[Style, tuple[str, str]] = {"del": ("[-", "-]"), "ins": ("{+", "+}")}
_COLOURS: dict[Style, str] = {
    "subject": "bold",
    "id": "dim",
    "field": "cyan",
    "old": "red",
    "new": "green",
    "del": "red strike",
    "ins": "green underline",
    "better": "green",
    "worse": "red",
}

Line = tuple[int, list[Segment]]
"""An indentation depth and the segments of one line."""


def to_lines(diffs: Sequence[PersonaDiff], text: Text) -> list[Line]:
    """The whole report as indented lines, in ``text``'s language."""
    lines: list[Line] = []
    for diff in diffs:
        lines.append((0, [(diff.persona, "subject"), (f": {counts(diff, text)}", "")]))
        if diff.status != "changed":
            continue
        for section in outline(diff, text):
            depth = 1
            if section.phase is not None:
                lines.append((1, section.header))
                depth = 2
            for entry in section.entries:
                if entry.subject is None:
                    lines.extend((depth, line) for line in entry.lines)
                elif len(entry.lines) == 1:
                    lines.append((depth, [*entry.subject, (": ", ""), *entry.lines[0]]))
                else:
                    lines.append((depth, entry.subject))
                    lines.extend((depth + 1, line) for line in entry.lines)
    return lines


def report(summary: DiffReport, stream: TextIO, color: bool) -> None:
    diffs, text = summary.diffs, summary.text
    for heading in summary.header:
        stream.write(f"{terminal(text(heading))}\n")
    if not diffs:
        stream.write(text(msg("no differences")) + "\n")
        return
    lines = to_lines(diffs, text)
    if not color:
        for depth, segments in lines:
            stream.write("  " * depth + "".join(_plain(text, style) for text, style in segments))
            stream.write("\n")
        return

    from rich.console import Console
    from rich.text import Text as Styled

    # The caller decided on colour (a terminal, no NO_COLOR); rich need not guess again.
    console = Console(file=stream, highlight=False, soft_wrap=True, force_terminal=True)
    for depth, segments in lines:
        line = Styled("  " * depth)
        for words, style in segments:
            line.append(terminal(words), style=_COLOURS.get(style, ""))
        console.print(line)


def _plain(text: str, style: Style) -> str:
    start, end = _PLAIN_MARKS.get(style, ("", ""))
    return f"{start}{terminal(text)}{end}"
