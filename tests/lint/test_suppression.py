"""Suppression comments silence exactly what they name, where they stand."""

from __future__ import annotations

import pytest

from tests.conftest import lint_source

CASES = [
    # (journey, rules expected to remain as "line rule")
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web}  # cjm: disable=missing-cta -- awareness only
      - {id: b, name: B, channel: web}
""",
        ["5 missing-owner", "6 missing-cta", "6 missing-owner"],
    ),
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      # cjm: disable=missing-cta,missing-owner -- reason

      # another comment in between
      - {id: a, name: A, channel: web}
      - {id: b, name: B, channel: web}
""",
        ["9 missing-cta", "9 missing-owner"],
    ),
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web}
# cjm: disable-file=missing-cta,missing-owner
      - {id: b, name: B, channel: web}
""",
        [],
    ),
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web, content: "not a # cjm: disable=missing-cta comment"}
""",
        ["5 missing-cta", "5 missing-owner"],
    ),
    # Only quoted and block scalars can hold a '#': each kind, and a plain value
    # the directive follows (a real comment, so it silences).
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - {id: a, name: A, channel: web, content: 'not a # cjm: disable=missing-cta one'}
""",
        ["5 missing-cta", "5 missing-owner"],
    ),
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - id: a
        name: A
        channel: web
        content: |
          text, then
          # cjm: disable=missing-cta,missing-owner -- inside the value
""",
        ["5 missing-cta", "5 missing-owner"],
    ),
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - id: a
        name: A
        channel: web
        content: "two lines,
          # cjm: disable=missing-cta,missing-owner -- still quoted"
""",
        ["5 missing-cta", "5 missing-owner"],
    ),
    (
        """\
persona: {name: A}
phases:
  - id: orientation
    touchpoints:
      - id: a  # cjm: disable=missing-owner -- after a plain value: a comment
        name: A
        channel: web
        content: plain text # cjm: disable=missing-cta -- a comment as well
""",
        ["5 missing-cta", "8 unused-suppression"],
    ),
]


@pytest.mark.parametrize(("journey", "remaining"), CASES)
def test_suppressions(journey: str, remaining: list[str]) -> None:
    problems = lint_source(journey)
    found = [
        f"{p.line} {p.rule}"
        for p in problems
        if p.rule in {"missing-cta", "missing-owner", "unused-suppression"}
    ]
    assert found == remaining
