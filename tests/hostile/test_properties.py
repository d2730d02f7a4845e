"""Property-based: whatever a journey file holds, every command keeps its promises.

Two sources of input (issue 10):

* journeys generated from the format itself — every field of every model (read
  from the pydantic models, so a new field is generated too), with extreme
  numbers, unicode including control characters and line separators, wrong types
  and ``x-`` keys;
* mutations of the example journeys — lines deleted, duplicated, swapped,
  re-indented, files truncated, bytes injected.

Each input goes through ``cjm lint`` (text, json, github, sarif), ``cjm render``
and ``cjm diff`` in-process, and every run must: raise nothing, exit 0, 1 or 2,
place every problem inside the file on the line an editor shows, write JSON that
parses strictly (no NaN or Infinity), and print exactly one text line per problem.

The profile (tests/conftest.py) is derandomized and bounded for CI; run a soak
with ``CJM_HYPOTHESIS_PROFILE=soak .venv/bin/python -m pytest tests/hostile``.
"""

from __future__ import annotations

import re
import tempfile
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from hypothesis import example, given, note
from hypothesis import strategies as st
from pydantic import BaseModel

from cjm.lines import editor_lines
from cjm.models import Journey
from cjm.phase_models import PRESETS
from tests.conftest import REPO
from tests.hostile.helpers import invoke, strict_json

EXAMPLES = {path.name: path.read_bytes() for path in sorted((REPO / "journeys").glob("*.yaml"))}

# --- values: mostly plausible, sometimes hostile ----------------------------

PHASE_IDS = sorted({phase.id for model in PRESETS.values() for phase in model.phases})
SEPARATORS = ["\u2028", "\u2029", "\x85", "\r", "\t", "\x00", "\x1b", "\ufeff", "\ud7ff"]

hostile_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(SEPARATORS),
        st.sampled_from(list(":#-&*!|>{}[]'\"%@`,?")),
    ),
    max_size=30,
)
plain_text = st.text(alphabet="abcdefghij klmnopq ÄéÿĳΩ日本", min_size=1, max_size=20)
extreme_numbers = st.one_of(
    st.integers(min_value=-(10**120), max_value=10**120),
    st.sampled_from([0, -1, 6, 2**63, -(2**63), 10**4000]),  # 4,001 digits: YAML can hold it
    st.floats(allow_nan=True, allow_infinity=True),
)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,12}", fullmatch=True)
anything: st.SearchStrategy[Any] = st.one_of(
    hostile_text, extreme_numbers, st.booleans(), st.none(), st.just([])
)


def _value(annotation: Any, hostile: bool) -> st.SearchStrategy[Any]:
    """A value for a field: one of its type, or (hostile) one time in ten anything."""
    typed = _typed(annotation, hostile)
    if not hostile:
        return typed
    return st.integers(min_value=0, max_value=9).flatmap(lambda n: anything if n == 0 else typed)


def _typed(annotation: Any, hostile: bool = False) -> st.SearchStrategy[Any]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        base = args[0]
        if base is str and any("pattern" in repr(meta) for meta in args[1:]):
            return slugs
        if base is int:
            return st.integers(min_value=1, max_value=5)
        return _typed(base, hostile)
    if origin is Literal:
        return st.sampled_from(args)
    if origin in (typing.Union, types.UnionType):
        members = (_typed(arg, hostile) for arg in args if arg is not type(None))
        return st.one_of(*members, st.none())
    if origin is list:
        return st.lists(_typed(args[0], hostile), max_size=3)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model(annotation, hostile)
    if annotation is str:
        return st.one_of(plain_text, hostile_text)
    if annotation is bool:
        return st.booleans()
    if annotation in (int, float):
        return extreme_numbers
    if annotation is date:
        return st.dates().map(date.isoformat)
    return anything


def _model(model: type[BaseModel], hostile: bool) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {"x-extra": anything}
    for name, info in model.model_fields.items():
        strategy = _value(info.annotation, hostile)
        if model is Journey and name == "phases":
            strategy = st.lists(_phase(hostile), min_size=1, max_size=4)
        (required if info.is_required() else optional)[name] = strategy
    return st.fixed_dictionaries(required, optional=optional)


def _phase(hostile: bool) -> st.SearchStrategy[dict[str, Any]]:
    from cjm.models import PhaseEntry

    return st.tuples(st.sampled_from(PHASE_IDS), _model(PhaseEntry, hostile)).map(
        lambda pair: {**pair[1], "id": pair[0]}
    )


def _dump(data: Any) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=60).encode()


generated = st.one_of(_model(Journey, hostile=False), _model(Journey, hostile=True)).map(_dump)

# --- mutations of the examples ----------------------------------------------

INJECTED = [
    b"\x00",
    b"\xff",
    b"\xe2\x80\xa8",  # U+2028
    b"\xc2\x85",  # U+0085
    b"\r",
    b": ",
    b"- ",
    b"#",
    b" # cjm: disable=missing-cta",
    b"&a ",
    b"*a",
    b"!!python/object ",
    b"{",
    b'"',
    b"9" * 5000,
    b".nan",
    b"\t",
]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = EXAMPLES[draw(st.sampled_from(sorted(EXAMPLES)))]
    rows = raw.split(b"\n")
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(
            st.sampled_from(["delete", "duplicate", "swap", "indent", "truncate", "inject"])
        )
        at = draw(st.integers(min_value=0, max_value=max(len(rows) - 1, 0)))
        if kind == "delete" and rows:
            del rows[at]
        elif kind == "duplicate" and rows:
            rows.insert(at, rows[at])
        elif kind == "swap" and rows:
            other = draw(st.integers(min_value=0, max_value=len(rows) - 1))
            rows[at], rows[other] = rows[other], rows[at]
        elif kind == "indent" and rows:
            shift = draw(st.sampled_from([-4, -2, -1, 1, 2, 4]))
            rows[at] = b" " * shift + rows[at] if shift > 0 else rows[at][-shift:]
        elif kind == "truncate":
            joined = b"\n".join(rows)
            cut = draw(st.integers(min_value=0, max_value=len(joined)))
            rows = joined[:cut].split(b"\n")
        elif kind == "inject" and rows:
            piece = draw(st.sampled_from(INJECTED))
            column = draw(st.integers(min_value=0, max_value=len(rows[at])))
            rows[at] = rows[at][:column] + piece + rows[at][column:]
    return b"\n".join(rows)


# --- the promises ---------------------------------------------------------------

_BREAKS = re.compile(r"[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _check_positions(problems: list[dict[str, Any]], raw: bytes) -> None:
    """Every problem inside the file, on a line an editor shows, within that line."""
    lines = editor_lines(raw.decode("utf-8", "replace").removeprefix("\ufeff")) or [""]
    for problem in problems:
        line, column = problem["line"], problem["column"]
        assert 1 <= line <= len(lines) + 1, problem  # +1: the end of a file without '\n'
        if line <= len(lines):
            assert 1 <= column <= len(lines[line - 1]) + 1, problem
        end = (problem["end_line"], problem["end_column"])
        assert (line, column) <= end and end[0] <= len(lines) + 1, problem


def check_every_command(raw: bytes) -> None:
    note(repr(raw[:2000]))
    with tempfile.TemporaryDirectory(prefix="cjm-prop-") as temporary:
        root = Path(temporary)
        (root / "journeys").mkdir()
        path = root / "journeys" / "subject.yaml"
        path.write_bytes(raw)
        (root / "old.yaml").write_bytes(EXAMPLES["jonge-ouders.yaml"])

        as_json = invoke("lint", "journeys", "--format", "json", cwd=root)
        problems = strict_json(as_json.stdout)
        _check_positions(problems, raw)
        as_text = invoke("lint", "journeys", "--quiet", cwd=root)
        assert as_text.code == as_json.code
        github = invoke("lint", "journeys", "--format", "github", cwd=root)
        # Lines as a terminal shows them: '\n' ends one (splitlines would also cut at
        # characters such as U+001E, which must not be in a message either).
        for shown in (as_text.stdout, github.stdout):
            assert shown.count("\n") == len(problems) and not _BREAKS.search(shown), shown
        sarif = strict_json(invoke("lint", "journeys", "--format", "sarif", cwd=root).stdout)
        assert len(sarif["runs"][0]["results"]) == len(problems)

        invoke("render", "journeys", "-f", "html", "-f", "markdown", "-f", "mermaid", cwd=root)
        for output_format in ("text", "markdown", "json"):
            done = invoke(
                "diff", "old.yaml", "journeys/subject.yaml", "-f", output_format, cwd=root
            )
            if output_format == "json" and done.code == 0:
                strict_json(done.stdout)


@given(generated)
# Found by the soak profile: a control character (U+001E) in an unknown model name.
@example(b'persona: {name: a}\nphases:\n- id: use\njourney:\n  model: ".k\\x88\\x1E "\n')
def test_generated_journeys(raw: bytes) -> None:
    check_every_command(raw)


@given(mutated())
# Found by the soak profile: libyaml gives a NUL's position in bytes, not characters.
@example(EXAMPLES["it-manager-mkb.yaml"] + b"\x00")
def test_mutated_examples(raw: bytes) -> None:
    check_every_command(raw)
