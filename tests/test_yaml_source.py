"""The YAML layer: YAML 1.2 scalars, duplicate keys, merges, bombs, encodings, positions."""

from __future__ import annotations

import pytest

from cjm.yaml_source import MAX_NUMBER_DIGITS, Span, YamlProblem, decode, parse_yaml

# What a person typed, and what cjm must read. PyYAML's YAML 1.1 would turn
# most of the left column into booleans, base-60 or octal numbers, or dates.
SCALARS = [
    ("yes", "yes"),
    ("No", "No"),
    ("on", "on"),
    ("OFF", "OFF"),
    ("y", "y"),
    ("n", "n"),
    ("12:30", "12:30"),
    ("010", "010"),
    ("2026-10-01", "2026-10-01"),
    ("true", True),
    ("False", False),
    ("TRUE", True),
    ("~", None),
    ("null", None),
    ("", None),
    ("0", 0),
    ("-12", -12),
    ("0o17", 15),
    ("0x1F", 31),
    ("1.5", 1.5),
    ("1e3", 1000.0),
    ("'true'", "true"),
    ('"5"', "5"),
    ("5000 per maand", "5000 per maand"),
]


@pytest.mark.parametrize(("typed", "expected"), SCALARS)
def test_scalars_follow_yaml_1_2(typed: str, expected: object) -> None:
    value = parse_yaml(f"key: {typed}\n").data["key"]
    assert value == expected
    assert type(value) is type(expected)


def test_numbers_no_output_can_write_stay_text() -> None:
    # Infinity, NaN and numbers of more than MAX_NUMBER_DIGITS digits: JSON cannot
    # hold the first two and Python refuses to print the last (issue 10).
    huge = "9" * (MAX_NUMBER_DIGITS + 1)
    data = parse_yaml(f"a: .inf\nb: -.Inf\nc: .nan\nd: 1e999\ne: {huge}\nf: 0x{'f' * 90}\n").data
    assert data == {
        "a": ".inf",
        "b": "-.Inf",
        "c": ".nan",
        "d": "1e999",
        "e": huge,
        "f": f"0x{'f' * 90}",
    }
    assert parse_yaml(f"a: {'9' * MAX_NUMBER_DIGITS}\nb: -1e308\n").data == {
        "a": int("9" * MAX_NUMBER_DIGITS),
        "b": -1e308,
    }


def test_keys_are_always_text() -> None:
    assert parse_yaml("yes: 1\n1: 2\nnull: 3\n").data == {"yes": 1, "1": 2, "null": 3}


def _problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    return caught.value


def test_duplicate_key_is_refused_at_the_second_key() -> None:
    problem = _problem("persona:\n  name: A\n  goals: []\n  name: B\n")
    assert (problem.rule, problem.line, problem.column) == ("duplicate-key", 4, 3)
    assert "first at 2:3" in str(problem.message)


def test_merge_keys_apply_and_explicit_keys_win() -> None:
    text = (
        "base: &base {channel: store, name: Winkel, emotion: 3}\n"
        "extra: &extra {emotion: 5, owner: Sales}\n"
        "tp: {<<: [*base, *extra], name: Showroom}\n"
    )
    assert parse_yaml(text).data["tp"] == {
        "name": "Showroom",
        "channel": "store",
        "emotion": 3,  # the earlier merge source wins, per the merge-key spec
        "owner": "Sales",
    }


def test_merged_values_point_at_the_anchor_text() -> None:
    document = parse_yaml("base: &b\n  channel: store\ntp:\n  <<: *b\n  name: X\n")
    assert document.span(("tp", "channel")) == Span(2, 12, 2, 17)
    assert document.span(("tp", "name")).line == 5


def test_merge_after_explicit_keys_keeps_explicit_positions() -> None:
    document = parse_yaml("base: &b {name: A}\ntp:\n  name: B\n  <<: *b\n")
    assert document.data["tp"] == {"name": "B"}
    assert document.span(("tp", "name")) == Span(3, 9, 3, 10)


def test_billion_laughs_is_refused() -> None:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    problem = _problem("\n".join(lines) + "\n")
    assert problem.rule == "yaml-syntax"
    assert "alias bomb" in str(problem.message)


def test_modest_alias_use_is_fine() -> None:
    text = "d: &d {channel: store}\n" + "".join(f"t{i}: *d\n" for i in range(200))
    assert parse_yaml(text).data["t199"] == {"channel": "store"}


def test_recursive_alias_is_refused() -> None:
    problem = _problem("a: &a\n  b: *a\n")
    # An alias is the anchored node itself, so the anchor is the position we have.
    assert (problem.line, problem.column) == (1, 4)
    assert "recursive alias" in str(problem.message)


def test_syntax_error_has_position() -> None:
    problem = _problem("persona:\n  name: A\n phases: []\n")
    assert (problem.rule, problem.line, problem.column) == ("yaml-syntax", 3, 2)


def test_more_than_one_document() -> None:
    problem = _problem("a: 1\n---\nb: 2\n")
    assert (problem.line, "more than one YAML document" in str(problem.message)) == (2, True)


def test_python_tags_are_refused() -> None:
    problem = _problem("a: !!python/object/apply:os.system [ls]\n")
    assert "unsupported tag" in str(problem.message)


def test_empty_document() -> None:
    assert parse_yaml("# only a comment\n").data is None


def test_positions_are_one_based_for_values_and_keys() -> None:
    document = parse_yaml("phases:\n  - id: orientation\n    touchpoints: []\n")
    assert document.span(("phases", 0, "id")) == Span(2, 9, 2, 20)
    assert document.span(("phases", 0, "touchpoints"), key=True) == Span(3, 5, 3, 16)
    # A path that does not exist falls back to its nearest ancestor.
    assert document.span(("phases", 0, "name")) == document.span(("phases", 0))


def test_decode_accepts_a_bom() -> None:
    assert decode(b"\xef\xbb\xbfname: Caf\xc3\xa9\n") == "name: Café\n"


@pytest.mark.parametrize(
    ("raw", "line", "column", "fragment"),
    [
        (b"a: 1\nname: caf\xe9\n", 2, 10, "not valid UTF-8 (byte 0xe9)"),
        (b"\xff\xfea\x00:\x00", 1, 1, "UTF-16"),
    ],
)
def test_decode_refuses_other_encodings(raw: bytes, line: int, column: int, fragment: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        decode(raw)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert fragment in str(caught.value.message)


def test_control_character_is_a_clear_problem() -> None:
    problem = _problem("a: b\x07c\n")
    assert problem.rule == "yaml-syntax"
    assert "U+0007" in str(problem.message) or "control" in str(problem.message)


POSITIONS_SOURCE = """\
base: &base {channel: web, emotion: 3}
persona: {id: p, name: "P", goals: [a, b, []], x-note: {deep: [1, {k: v}]}}
phases:
  - id: orientation
    touchpoints:
      - <<: *base
        id: ad
        channel: tv
      - {id: chat, support: []}
  - id: use
    touchpoints: {}
empty: []
"""


def test_positions_without_the_data_find_every_path() -> None:
    # The lint engine keeps positions_only() once a file's own rules have run: a path
    # must lead to the same value as a walk of the data does, and a step that is not
    # there (a missing key, an index past the end, a key on a list, a bool or negative
    # index, anything below a scalar) must stop where the data would.
    document = parse_yaml(POSITIONS_SOURCE)
    positions = document.positions_only()
    assert positions.data is None
    walked = list(document.walk())
    assert len(walked) == len(document.spans) // 9
    for index, path, value in walked:
        assert positions.find(path) == (index, len(path)), path
        misses: list[str | int] = ["no-such-key", 99, -1, True]
        if isinstance(value, list) and value:
            misses.append("0")  # a key on a list
        if isinstance(value, dict) and value:
            misses.append(0)  # an index on a mapping
        for miss in misses:
            assert positions.find((*path, miss)) == (index, len(path)), (path, miss)
            assert positions.find((*path, miss, "id")) == (index, len(path)), (path, miss)
        assert positions.span(path) == document.span(path)
        assert positions.span(path, key=True) == document.span(path, key=True)
