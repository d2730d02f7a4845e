"""``cjm diff``: compare journeys by meaning — two files, two folders, git revisions,
or as git's external diff driver."""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from cjm.backlog.loader import BacklogFile, covers_project, load_backlog, load_backlog_text
from cjm.config import Config, load_config
from cjm.diff.backlog import (
    backlog_diff,
    backlog_problems,
    disk_backlog,
    is_backlog_file,
    revision_backlog,
)
from cjm.diff.changes import PersonaDiff
from cjm.diff.compare import compare, persona_only
from cjm.diff.report import FORMATS, DiffReport
from cjm.diff.sources import (
    Pair,
    Side,
    folder_side,
    pair_by_persona,
    problems,
    revision_side,
    worktree_side,
)
from cjm.errors import CjmError, UsageError
from cjm.fsutil import shown_path
from cjm.git import find_repo
from cjm.loader import JourneyFile, load_journey, load_text
from cjm.output.escape import terminal
from cjm.output.writer import write_report, write_stdout
from cjm.reading import ReadRefused, display, read_limited
from cjm.text import Message, Text, choose_language, msg, text_for

__all__ = ["InvalidJourney", "run"]

# git's external diff arguments: path old-file old-hex old-mode new-file new-hex new-mode,
# and for a rename also new-path and a message (gitglossary, "GIT_EXTERNAL_DIFF").
_HEX = re.compile(r"^(?:[0-9a-f]{40}|[0-9a-f]{64}|\.)$")
_MODE = re.compile(r"^(?:[0-7]{6}|\.)$")
_NULL = "/dev/null"
# The two sides of a diff, as problems and messages name them.
_OLD, _NEW = msg("old"), msg("new")


class InvalidJourney(CjmError):
    """A side of the diff is not valid YAML or not a valid journey (exit 2)."""


def run(
    args: Sequence[str],
    revision: str | None = None,
    output_format: str = "text",
    exit_code: bool = False,
    output: Path | None = None,
    plan: bool = False,
    lang: str | None = None,
) -> int:
    """``plan``: read the difference as a plan (see :mod:`cjm.diff.plan`); ``lang``: the
    language of the output (``--lang``), else cjm.yaml's, else English."""
    config = load_config()
    text = text_for(choose_language(lang, config.language))
    backlogs: tuple[list[BacklogFile], list[BacklogFile]] = ([], [])
    if revision is not None:
        old, new, backlogs = _revisions(revision, [Path(arg) for arg in args], config)
        pairs = pair_by_persona(old, new)
    elif _is_git_driver(args):
        return _git_driver(args, output_format, config, text)
    elif len(args) == 2 and all(is_backlog_file(Path(arg)) for arg in args):
        # Two opportunities files: the backlogs, not journeys, are compared.
        old, new, pairs = Side(_OLD), Side(_NEW), []
        backlogs = (disk_backlog(Path(args[0]), config), disk_backlog(Path(args[1]), config))
    elif len(args) == 2:
        old, new, pairs = _two_paths(Path(args[0]), Path(args[1]), config)
        if Path(args[0]).is_dir():
            backlogs = (disk_backlog(Path(args[0]), config), disk_backlog(Path(args[1]), config))
    else:
        raise UsageError(
            msg(
                "give two journey files or two folders (cjm diff OLD NEW), or a revision "
                "(cjm diff --rev REV [PATHS...])"
            )
        )
    found = problems([old, new], text) + backlog_problems(
        [(old.label, backlogs[0]), (new.label, backlogs[1])], text
    )
    if found:
        sys.stderr.write("".join(f"{terminal(line)}\n" for line in found))
        raise InvalidJourney(
            msg(
                "cannot compare journeys that do not load; fix the problems above "
                "(`cjm lint` checks a file on disk)"
            )
        )
    diffs = _compare(pairs, config)
    header: tuple[Message, ...] = ()
    if plan:
        diffs, header = _plan(pairs, diffs)
    else:
        changed = backlog_diff(*backlogs)
        if changed:
            diffs.append(changed)
    _write(diffs, output_format, text, output, header)
    return 1 if exit_code and any(diffs) else 0


def _plan(
    pairs: Sequence[Pair], diffs: list[PersonaDiff]
) -> tuple[list[PersonaDiff], tuple[Message, ...]]:
    """The diffs read as plans, and the header lines naming both journeys of each."""
    from cjm.diff.plan import as_plan, header

    sides = {key: (a, b) for key, a, b in pairs}
    planned, lines = [], []
    for diff in diffs:
        a, b = sides.get(diff.persona, (None, None))
        if a is None or b is None or a.journey is None or b.journey is None:
            planned.append(diff)  # a persona only on one side: nothing to plan against
            continue
        planned.append(as_plan(diff, a.journey, b.journey))
        lines.append(header(a.journey, b.journey, diff.persona))
    return planned, tuple(lines)


def _two_paths(old: Path, new: Path, config: Config) -> tuple[Side, Side, list[Pair]]:
    for path in (old, new):
        if not path.exists() and not path.is_symlink():
            raise UsageError(msg("'{path}' does not exist", path=display(path)))
    if old.is_dir() != new.is_dir():
        raise UsageError(
            msg(
                "compare a file with a file, or a folder with a folder: '{old}', '{new}'",
                old=display(old),
                new=display(new),
            )
        )
    if old.is_dir():
        before, after = folder_side(old, _OLD, config), folder_side(new, _NEW, config)
        return before, after, pair_by_persona(before, after)
    a, b = load_journey(old, config), load_journey(new, config)
    # Two files named outright are one persona, whatever their ids say.
    return Side(_OLD, [a]), Side(_NEW, [b]), [(b.persona_id, a, b)]


def _revisions(
    spec: str, paths: list[Path], config: Config
) -> tuple[Side, Side, tuple[list[BacklogFile], list[BacklogFile]]]:
    """``REV`` against the working tree, ``A..B`` between commits, ``A...B`` from their base.

    The opportunities are compared too when the paths cover every journey."""
    targets = paths or [shown_path(config.journeys_dir)]
    # Outside git, say that first: no folder or file could make --rev work there.
    repo = find_repo(targets[0])
    if not paths and not config.journeys_dir.is_dir():
        raise UsageError(
            msg(
                "no journeys folder at '{path}': pass files or folders to compare, "
                "or set 'journeys:' in cjm.yaml",
                path=str(config.journeys_dir),
            )
        )
    pathspecs = [repo.relative(path) for path in targets]
    if "..." in spec or ".." in spec:
        three = "..." in spec
        first, second = spec.split("..." if three else "..", 1)
        first, second = first or "HEAD", second or "HEAD"
        old_commit, new_commit = repo.commit(first), repo.commit(second)
        if three:
            old_commit = repo.merge_base(old_commit, new_commit)
        old = revision_side(repo, first, old_commit, pathspecs, config)
        new = revision_side(repo, second, new_commit, pathspecs, config)
        if not covers_project(paths, config):
            return old, new, ([], [])
        return (
            old,
            new,
            (
                revision_backlog(repo, old_commit, config),
                revision_backlog(repo, new_commit, config),
            ),
        )
    commit = repo.commit(spec)
    old = revision_side(repo, spec, commit, pathspecs, config)
    new = worktree_side(targets, config, msg("working tree"))
    missing = [p for p in paths if not p.exists() and not _names(old, repo.relative(p))]
    if missing:
        raise UsageError(
            msg(
                "'{path}' is neither in the working tree nor at {revision}",
                path=str(missing[0]),
                revision=spec,
            )
        )
    if not covers_project(paths, config):
        return old, new, ([], [])
    return old, new, (revision_backlog(repo, commit, config), load_backlog(config).files)


def _names(side: Side, pathspec: str) -> bool:
    return any(f.path == pathspec or f.path.startswith(f"{pathspec}/") for f in side.files)


def _is_git_driver(args: Sequence[str]) -> bool:
    return (
        len(args) in (7, 9)
        and all(_HEX.match(args[i]) for i in (2, 5))
        and all(_MODE.match(args[i]) for i in (3, 6))
    )


def _git_driver(args: Sequence[str], output_format: str, config: Config, text: Text) -> int:
    """Run as git's external diff: print the semantic diff of one file, always exit 0.

    git stops the whole ``git diff`` when an external diff fails, so a side that
    is not a valid journey is shown in the output instead of failing.
    """
    path, old_file, old_hex, _, new_file, _, _ = args[:7]
    new_path = args[7] if len(args) == 9 else path
    if is_backlog_file(Path(path)):
        return _git_driver_backlog(path, old_file, new_file, output_format, config, text)
    old = _driver_side(old_file, path, msg("old {commit}", commit=old_hex[:7]), config)
    new = _driver_side(new_file, new_path, _NEW, config)
    shown = terminal(path if new_path == path else f"{path} → {new_path}")
    found = problems([old, new], text)
    if found:
        write_stdout(text(msg("cjm diff {path}: cannot compare", path=shown)) + "\n")
        write_stdout("".join(f"  {terminal(line)}\n" for line in found))
        return 0
    a = old.files[0] if old.files else None
    b = new.files[0] if new.files else None
    if a is None and b is None:  # git gave /dev/null for both sides: nothing was there
        said = msg("cjm diff {path}: nothing to compare (no file on either side)", path=shown)
        write_stdout(text(said) + "\n")
        return 0
    either = b or a
    key = either.persona_id if either is not None else Path(path).stem
    diffs = _compare([(key, a, b)], config)
    if output_format == "text":
        write_stdout(f"cjm diff {shown}\n")
        if not diffs:
            said = msg("{persona}: no difference in meaning", persona=terminal(key))
            write_stdout(text(said) + "\n")
            return 0
    _write(diffs, output_format, text, None)
    return 0


def _git_driver_backlog(
    path: str, old_file: str, new_file: str, output_format: str, config: Config, text: Text
) -> int:
    """git's external diff of an opportunities file: the backlog compared by id."""
    sides: list[tuple[Message | str, list[BacklogFile]]] = []
    for file, label in ((old_file, _OLD), (new_file, _NEW)):
        if file == _NULL:
            sides.append((label, []))
            continue
        try:
            raw = read_limited(Path(file), config.settings.max_journey_bytes, "max_journey_bytes")
        except ReadRefused as refused:
            raise _refused(file, refused) from None
        sides.append((label, [load_backlog_text(raw, path)]))
    found = backlog_problems(sides, text)
    shown = terminal(path)
    if found:
        write_stdout(text(msg("cjm diff {path}: cannot compare", path=shown)) + "\n")
        write_stdout("".join(f"  {terminal(line)}\n" for line in found))
        return 0
    changed = backlog_diff(sides[0][1], sides[1][1])
    if output_format == "text":
        write_stdout(f"cjm diff {shown}\n")
        if not changed:
            write_stdout(text(msg("opportunities: no difference in meaning")) + "\n")
            return 0
    _write([changed] if changed else [], output_format, text, None)
    return 0


def _refused(file: str, refused: ReadRefused) -> UsageError:
    return UsageError(
        msg("'{path}' given by git: {reason}", path=display(file), reason=refused.message)
    )


def _driver_side(file: str, shown: str, label: Message | str, config: Config) -> Side:
    if file == _NULL:
        return Side(label)
    try:
        raw = read_limited(Path(file), config.settings.max_journey_bytes, "max_journey_bytes")
    except ReadRefused as refused:
        raise _refused(file, refused) from None
    return Side(label, [load_text(raw, shown, config)])


def _compare(pairs: Sequence[Pair], config: Config) -> list[PersonaDiff]:
    diffs: list[PersonaDiff] = []
    for key, a, b in pairs:
        diff = _one(key, a, b, config)
        if diff:
            diffs.append(diff)
    return diffs


def _one(key: str, a: JourneyFile | None, b: JourneyFile | None, config: Config) -> PersonaDiff:
    model = (b or a or JourneyFile("")).model or config.model
    if a is not None and a.journey is not None and b is not None and b.journey is not None:
        return compare(key, a.journey, b.journey, model)
    if b is not None and b.journey is not None:
        return persona_only(key, b.journey, "added", model)
    if a is not None and a.journey is not None:
        return persona_only(key, a.journey, "removed", model)
    raise AssertionError("a pair has a journey on at least one side")  # pragma: no cover


def _write(
    diffs: list[PersonaDiff],
    output_format: str,
    text: Text,
    output: Path | None,
    header: tuple[Message, ...] = (),
) -> None:
    summary = DiffReport(diffs, text, header)
    reporter = FORMATS.get(output_format)
    write_report(output, lambda stream, color: reporter(summary, stream, color))
